"""rc.to_html writes one self-contained page: the widget code and the tables inside."""

import base64
import gzip
import json
import re

import pyarrow as pa
import pytest
import runcompare as rc

RUNS = [
    {"run_id": "a", "name": "</script><script>alert(1)</script>", "params.lr": 0.1, "metrics.acc": 0.5},
    {"run_id": "b", "name": "plain", "params.lr": 0.01, "metrics.acc": 0.7},
]


def state_of(page):
    return json.loads(re.search(r'<script type="application/json" id="runcompare-[0-9a-f]+-state">(.*?)</script>', page, re.S).group(1))


def test_page_carries_code_data_and_options(tmp_path):
    path = tmp_path / "view.html"
    page = rc.to_html(RUNS, path=path, title="<b>sweep</b>", color="acc")
    assert path.read_text(encoding="utf-8") == page
    assert "<title>&lt;b&gt;sweep&lt;/b&gt;</title>" in page
    state = state_of(page)
    assert state["view"] == "parallel" and state["options"]["color"] == "acc"
    assert gzip.decompress(base64.b64decode(state["module"])).decode("utf-8").endswith("// views … ✕\n")
    assert state["runs"] and state["scalars"] == ""


def test_page_carries_the_module_and_tables_gzipped_and_the_same_each_time():
    from runcompare._widget import view_code

    page = rc.to_html(RUNS)
    state = state_of(page)
    assert gzip.decompress(base64.b64decode(state["module"])) == view_code()
    runs = pa.ipc.open_stream(gzip.decompress(base64.b64decode(state["runs"]))).read_all()
    assert runs.column("run_id").to_pylist() == ["a", "b"]
    assert state_of(rc.to_html(RUNS)) == state


def test_hostile_text_cannot_close_the_script():
    runs = [{**run, "params.</script>": "x"} for run in RUNS]
    page = rc.to_html(runs, params=["</script>"])
    assert page.count("</script>") == 2  # the JSON block's and the module's own
    assert state_of(page)["options"]["params"] == ["</script>"]


def test_unknown_view():
    with pytest.raises(
        rc.RunsDataError,
        match='view "tabel" cannot be saved as HTML: pass one of compare, diff, influence, logs, parallel, plots, samples, scalars, scatter, '
        "summary, table, values.",
    ):
        rc.to_html(RUNS, view="tabel")
