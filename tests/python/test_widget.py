"""rc.parallel checks the runs and the column choice, then sends the runs as Arrow bytes."""

import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc
from runcompare import _widget
from traitlets import TraitError

RUNS = pd.DataFrame(
    {
        "run_id": ["a", "b", "c"],
        "params.lr": [0.1, 0.01, 0.001],
        "params.optimizer": ["adam", "sgd", "adam"],
        "metrics.acc": [0.5, 0.7, 0.9],
        "tags.group": ["x", "y", "x"],
    }
)
COLUMNS = "params.lr, params.optimizer, metrics.acc, tags.group"


def test_runs_bytes_decode_to_the_table():
    widget = rc.parallel(RUNS)
    assert isinstance(widget, rc.Parallel)
    assert pa.ipc.open_stream(widget.runs).read_all().to_pydict() == RUNS.to_dict(orient="list")
    assert widget.runs == rc.runs_to_ipc(RUNS)


def test_options_are_synced_traits():
    widget = rc.parallel(RUNS, params=["lr", "params.optimizer"], metrics="acc", color="tags.group", height=400)
    assert widget.view == "parallel"
    assert widget.options == {"params": ["lr", "params.optimizer"], "metrics": ["acc"], "color": "tags.group", "height": 400, "width": None}
    state = widget.get_state()
    assert {"view", "runs", "scalars", "options", "selected", "state"} <= state.keys()


def test_a_widget_carries_a_small_loader_not_the_view_code(widget_esm):
    first, second = rc.parallel(RUNS), rc.scatter(RUNS)
    assert first._esm == second._esm == (widget_esm / "loader.js").read_text(encoding="utf-8")
    assert "views" not in first._esm and not first.has_trait("_bundle")
    assert first._key != second._key and len(first._key) == 32


def test_the_kernel_sends_the_view_code_when_a_page_asks(widget_esm, monkeypatch):
    widget = rc.parallel(RUNS)
    sent = []
    monkeypatch.setattr(widget, "send", lambda content, buffers=None: sent.append((content, buffers)))
    widget._handle_custom_msg({"type": "code"}, [])
    assert sent == [({"type": "code"}, [(widget_esm / "widget.js").read_bytes()])]

    (widget_esm / "widget.js").unlink()
    sent.clear()
    widget._handle_custom_msg({"type": "code"}, [])
    assert sent[0][0]["type"] == "code" and "run `make build`" in sent[0][0]["error"]


def test_the_output_names_the_widget_and_says_what_it_shows():
    widget = rc.parallel(RUNS)
    widget.selected = ["a", "c"]
    data, _metadata = widget._repr_mimebundle_()
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == widget.model_id
    assert data["application/vnd.runcompare.v1+json"] == {"view": "parallel", "key": widget._key}
    assert data["text/plain"] == "runcompare parallel: 3 runs, 2 selected (run the cell with runcompare installed to see the view)"


def test_save_asks_the_page_that_shows_the_view(monkeypatch, tmp_path):
    widget = rc.scatter(RUNS)
    sent = []
    monkeypatch.setattr(widget, "send", lambda content, buffers=None: sent.append(content))
    monkeypatch.setattr(rc._widget, "_after_cell", lambda callback: None)
    widget._on_view_message(widget, {"type": "shown"}, [])
    # A format alone: the page names and saves the file as its toolbar does.
    assert widget.save() is None and widget.save("png", dpi=96) is None
    # A file name: the page sends the bytes back, and the kernel writes them (a PDF from the page's SVG).
    assert widget.save(str(tmp_path / "figure.PNG")) == str(tmp_path / "figure.PNG")
    assert widget.save(str(tmp_path / "<img src=x onerror=alert(1)>.csv")).endswith(".csv")
    assert [{key: value for key, value in message.items() if key != "id"} for message in sent] == [
        {"type": "export", "format": "svg", "name": None, "export": {}},
        {"type": "export", "format": "png", "name": None, "export": {"dpi": 96}},
        {"type": "export", "format": "png", "name": "figure.PNG", "export": {}},
        {"type": "export", "format": "csv", "name": "<img src=x onerror=alert(1)>.csv", "export": {}},
    ]
    widget._on_view_message(widget, {"type": "exported", "id": sent[2]["id"]}, [memoryview(b"\x89PNG")])
    assert (tmp_path / "figure.PNG").read_bytes() == b"\x89PNG"
    widget._on_view_message(widget, {"type": "hidden"}, [])
    assert widget._shown == 0


@pytest.mark.parametrize("target", ["gif", "figure.gif", "figure", 3])
def test_save_says_what_it_takes(target):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scatter(RUNS).save(target)
    assert str(caught.value) == (f'save takes "svg", "png", "pdf", "csv" or "html", or a file name ending in .svg, .png, .pdf, .csv or .html; got {target!r}.')


def test_defaults_leave_the_choice_to_the_view():
    widget = rc.parallel(RUNS)
    assert widget.options == {"params": None, "metrics": None, "color": None, "height": 360, "width": None}
    assert widget.selected == []
    assert widget.state == {}


def test_bad_runs_raise_before_a_widget_is_made():
    with pytest.raises(rc.RunsDataError, match='no "run_id" column'):
        rc.parallel(RUNS.drop(columns="run_id"))


@pytest.mark.parametrize("option", [{"params": ["momentum"]}, {"metrics": ["momentum"]}, {"color": "momentum"}])
def test_unknown_columns_raise_with_the_typescript_words(option):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.parallel(RUNS, **option)
    assert str(caught.value) == (f'no column "momentum" in runs (columns: {COLUMNS}): pass one of these, with or without its "params."/"metrics." prefix.')


def test_nothing_to_plot():
    with pytest.raises(rc.RunsDataError, match=r"^runs have no params\.\* or metrics\.\* columns to plot"):
        rc.parallel(RUNS, params=[], metrics=[])


def test_selected_accepts_known_ids():
    widget = rc.parallel(RUNS)
    widget.selected = ["c", "a"]
    assert widget.selected == ["c", "a"]


def test_selected_with_unknown_ids_raises():
    widget = rc.parallel(RUNS)
    with pytest.raises(TraitError, match='selected has run ids that are not in runs: "zz", "yy"'):
        widget.selected = ["a", "zz", "yy"]
    assert widget.selected == []


def test_missing_widget_build_says_to_run_make_build(tmp_path, monkeypatch):
    monkeypatch.setattr(_widget, "STATIC", tmp_path / "absent")
    with pytest.raises(FileNotFoundError, match="make build"):
        rc.parallel(RUNS)


def test_the_example_sweep_ships_with_the_package():
    runs, scalars = rc.examples.sweep()
    assert runs.num_rows == 96 and scalars.num_rows == 96 * 20 * 4
    assert set(scalars.column("run_id").to_pylist()) == set(runs.column("run_id").to_pylist())
    widget = rc.parallel(runs, scalars=scalars, metrics=["loss/validation:min", "validation/accuracy"])
    assert widget.view == "parallel"


def test_public_api():
    assert {"parallel", "Parallel", "RunsDataError", "runs_to_ipc", "examples", "__version__"} <= set(dir(rc))
    assert rc.__version__ == "0.1.0"


def test_every_view_takes_a_loaders_run_tables():
    # What rc.from_mlflow and the other loaders return goes to any view as it is.
    from runcompare.loaders._common import RunTables

    scalars = pa.table({"run_id": ["a", "a", "b", "c"], "metric": ["loss"] * 4, "step": [0, 1, 0, 0], "value": [1.0, 0.5, 0.8, 0.9]})
    details = pa.table({"run_id": ["a", "b"], "path": ["optimizer/name"] * 2, "value": ["adam", "sgd"]})
    tables = RunTables(runs=pa.Table.from_pandas(RUNS), scalars=scalars, details=details, source="MLflow mlruns")
    read = lambda data: pa.ipc.open_stream(data).read_all()  # noqa: E731
    curves = rc.scalars(tables)
    assert read(curves.scalars).num_rows == 4 and read(curves.runs).column("run_id").to_pylist() == ["a", "b", "c"]
    assert read(rc.parallel(tables).scalars).num_rows == 4
    assert read(rc.values(tables).runs).num_rows == 3
    # The diff shows the details (sent as its one table) rather than the runs.
    assert read(rc.diff(tables).runs).column("value").to_pylist() == ["adam", "sgd"]
    # A table given beside them is the one shown.
    assert read(rc.scatter(tables, scalars=scalars.slice(0, 2)).scalars).num_rows == 2
    with pytest.raises(rc.RunsDataError) as raised:
        rc.scalars(RunTables(runs=pa.Table.from_pandas(RUNS), source="MLflow mlruns"))
    assert str(raised.value) == (
        "the runs from MLflow mlruns have no scalars table, which rc.scalars draws (they have runs): "
        "pass a scalars table, or show them with rc.table or rc.compare."
    )
