"""The reliability corpus (tests/corpus, issue #20) through Python's entry points: every case, in
every view, either draws or raises RunsDataError (with the case's exact words where it breaks a
table the view reads), never another exception; and the page rc.to_html writes holds JSON a
browser parses (no NaN). The browser half is tests/browser/corpus.spec.js."""

import json
import re
import sys
from pathlib import Path

import pytest
import runcompare as rc

sys.path.insert(0, str(Path(__file__).parent.parent))
from corpus.corpus import ALL_CASES, VIEWS, view_call  # noqa: E402

ENTRIES = [
    pytest.param(case, view, id=f"{view}: {case.name}", marks=[pytest.mark.xfail(reason=case.pending, strict=True)] if case.pending else [])
    for case in ALL_CASES
    for view in VIEWS
    if view in (case.views or VIEWS)
]
STATE_JSON = re.compile(r'<script type="application/json" id="[^"]+-state">(.*?)</script>', re.S)


def strict_json(text):
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("case, view", ENTRIES)
def test_case_draws_or_says_why(case, view):
    args, keywords = view_call(view, VIEWS[view], case)
    expected = case.expected(view)
    try:
        page = rc.to_html(*args, view=view, **keywords)
    except rc.RunsDataError as error:
        if expected is not None:
            assert str(error) == expected
        return
    assert expected is None, f"drew, instead of saying: {expected}"
    (state,) = STATE_JSON.findall(page)
    assert strict_json(state)["view"] == view
