"""store=False keeps a view's tables out of the widget state a notebook saves; the view asks
the kernel for them and gets them in chunks."""

import pyarrow as pa
import pytest
import runcompare as rc
from runcompare import _widget

RUNS = [{"run_id": "a", "params.lr": 0.1, "metrics.acc": 0.5}, {"run_id": "b", "params.lr": 0.01, "metrics.acc": 0.7}]
SCALARS = [{"run_id": run, "metric": "loss", "step": step, "value": 1.0 / step} for run in "ab" for step in range(1, 200)]


@pytest.fixture
def defaults():
    yield
    rc.set_defaults(store=True)


def test_state_carries_no_tables_and_says_so():
    widget = rc.scalars(SCALARS, RUNS, store=False)
    state = widget.get_state()
    assert state["runs"] == b"" and state["scalars"] == b"" and state["stored"] is False
    assert pa.ipc.open_stream(widget._table("scalars")).read_all().num_rows == len(SCALARS)


def test_selected_is_still_checked_against_the_runs():
    widget = rc.scalars(SCALARS, RUNS, store=False)
    widget.selected = ["b"]
    with pytest.raises(Exception, match='selected has run ids that are not in runs: "zz"'):
        widget.selected = ["zz"]


def test_stored_by_default():
    widget = rc.scalars(SCALARS, RUNS)
    assert widget.stored is True and widget.runs and widget.scalars


def test_set_defaults_applies_to_every_view(defaults):
    rc.set_defaults(store=False)
    assert rc.parallel(RUNS).stored is False
    assert rc.scalars(SCALARS, RUNS).stored is False
    assert rc.scalars(SCALARS, RUNS, store=True).stored is True
    rc.set_defaults(store=True)
    assert rc.parallel(RUNS).stored is True


def test_the_view_gets_the_tables_in_chunks_on_request(monkeypatch):
    monkeypatch.setattr(_widget, "CHUNK_BYTES", 1000)
    widget = rc.scalars(SCALARS, RUNS, store=False)
    sent = []
    monkeypatch.setattr(widget, "send", lambda content, buffers: sent.append((content, bytes(buffers[0]))))
    widget._on_view_message(widget, {"type": "something else"}, [])
    assert sent == []
    widget._on_view_message(widget, {"type": "send-tables"}, [])
    sizes = {"runs": len(widget._table("runs")), "scalars": len(widget._table("scalars"))}
    assert len(sent) == sum(-(-size // 1000) for size in sizes.values()) > 2
    received = {name: bytearray(size) for name, size in sizes.items()}
    for content, chunk in sent:
        assert content["type"] == "tables" and content["sizes"] == sizes
        received[content["table"]][content["offset"] : content["offset"] + len(chunk)] = chunk
    assert bytes(received["runs"]) == widget._table("runs")
    assert bytes(received["scalars"]) == widget._table("scalars")


def test_a_stored_view_answers_no_requests(monkeypatch):
    widget = rc.parallel(RUNS)
    sent = []
    monkeypatch.setattr(widget, "send", lambda *args, **kwargs: sent.append(args))
    widget._handle_custom_msg({"type": "send-tables"}, [])
    assert sent == []


@pytest.mark.parametrize(
    "make",
    [
        lambda: rc.parallel(RUNS, scalars=SCALARS, store=False),
        lambda: rc.scatter(RUNS, store=False),
        lambda: rc.values(SCALARS, RUNS, store=False),
        lambda: rc.summary(RUNS, store=False),
        lambda: rc.diff({"a": {"lr": 0.1}, "b": {"lr": 0.2}}, store=False),
    ],
    ids=["parallel", "scatter", "values", "summary", "diff"],
)
def test_every_view_takes_store(make):
    widget = make()
    state = widget.get_state()
    assert state["stored"] is False and state["runs"] == b"" and state["scalars"] == b""
    assert widget._table("runs") or widget._table("scalars")
