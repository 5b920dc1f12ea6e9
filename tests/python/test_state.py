"""A view's state from Python: passed to the view's function (state=w.state), it is checked,
laid over the options and sent; w.state is checked when set; rc.display and rc.to_html carry
it. The browser and JupyterLab suites check that the views show it and give it back."""

import json
import re

import pytest
import runcompare as rc

RUNS = [
    {"run_id": "a", "params.lr": 0.1, "params.optimizer": "adam", "metrics.acc": 0.5},
    {"run_id": "b", "params.lr": 0.01, "params.optimizer": "sgd", "metrics.acc": 0.7},
]
SCALARS = [{"run_id": run, "metric": "loss", "step": step, "value": 1 / (step + 1)} for run in ("a", "b") for step in range(3)]


def test_the_state_is_laid_over_the_options_it_names_and_sent_whole():
    state = {"smoothing": 0.9, "groupBy": ["optimizer"], "hidden": ["a"]}
    widget = rc.scalars(SCALARS, RUNS, smoothing=0.2, state=state)
    assert widget.state == state
    assert widget.options["smoothing"] == 0.9 and widget.options["groupBy"] == ["optimizer"]
    again = rc.scalars(SCALARS, RUNS, state=widget.state)
    assert (again.state, again.options) == (widget.state, widget.options)


def test_a_state_is_checked_as_the_options_are():
    with pytest.raises(rc.RunsDataError, match=re.escape("state.smoothing must be a number from 0 (none) to 0.999 (most); got 2.")):
        rc.scalars(SCALARS, state={"smoothing": 2})
    with pytest.raises(rc.RunsDataError, match=re.escape('no column "momentum" in runs')):
        rc.scalars(SCALARS, RUNS, state={"groupBy": ["momentum"]})
    with pytest.raises(rc.RunsDataError, match=re.escape('state has no entry "zoom": it takes color, axes, brushes, hidden.')):
        rc.parallel(RUNS, state={"zoom": 2})


def test_w_state_is_checked_when_set():
    widget = rc.parallel(RUNS)
    widget.state = {"brushes": [{"column": "metrics.acc", "range": [0.6, 0.8]}], "hidden": ["a"]}
    assert widget.state["hidden"] == ["a"]
    with pytest.raises(rc.RunsDataError, match=re.escape('state.brushes[0] needs a "column" entry.')):
        widget.state = {"brushes": [{"range": [0, 1]}]}


def test_display_and_html_carry_the_state():
    state = {"x": "params.optimizer", "color": "params.lr"}
    bundle = rc.mime_bundle(RUNS, view="scatter", state=state)["application/vnd.runcompare.v1+json"]
    assert bundle["state"] == state and bundle["options"]["x"] == "params.optimizer"
    page = rc.to_html(RUNS, view="summary", state={"sort": "ascending"})
    carried = json.loads(re.search(r'<script type="application/json" id="runcompare-[0-9a-f]+-state">(.*?)</script>', page, re.S).group(1))
    assert carried["state"] == {"sort": "ascending"}
