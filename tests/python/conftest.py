import pytest

from runcompare import _widget


@pytest.fixture(autouse=True)
def widget_esm(tmp_path, monkeypatch):
    """A stand-in for the webpack build, so the Python tests do not depend on it."""
    stub = tmp_path / "widget.js"
    stub.write_text("export default { render() {} };\n", encoding="utf-8")
    monkeypatch.setattr(_widget, "esm_path", lambda: stub)
    return stub
