"""The README's Python snippets run as they are, pasted in order (with the example sweep the wheel ships)."""

import pathlib
import re

import pytest
import runcompare as rc

README = pathlib.Path(__file__).parents[2] / "README.md"


@pytest.fixture
def built_example_data(monkeypatch):
    """rc.examples reads the copy `make build` puts in the package; the tests read the source."""
    monkeypatch.setattr(rc.examples, "DATA", pathlib.Path(__file__).parents[2] / "examples" / "data")


def test_every_python_snippet_runs(built_example_data):
    snippets = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(snippets) >= 4
    namespace = {}
    for snippet in snippets:
        exec(compile(snippet, str(README), "exec"), namespace)
    assert namespace["w"].selected == ["r042"]


def test_no_link_leaves_the_repository():
    text = README.read_text(encoding="utf-8")
    assert not re.search(r"https?://|\]\(\.\./", text)
