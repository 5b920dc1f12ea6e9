"""What a user sees when a call goes wrong, and how run ids that are not text are read."""

import inspect
import json
import traceback
import uuid

import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc
import runcompare._parallel

AMBIGUOUS = [{"run_id": "a", "params.lr": "0.1", "metrics.lr": 0.5}, {"run_id": "b", "params.lr": "0.2", "metrics.lr": 0.6}]


def runcompare_frames(error):
    return [frame for frame in traceback.extract_tb(error.__traceback__) if "/runcompare/" in frame.filename]


def test_a_data_error_from_a_public_call_shows_its_message_under_one_frame_of_runcompare():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.parallel(AMBIGUOUS, params=["lr"])
    frames = runcompare_frames(caught.value)
    assert [(frame.name, frame.filename.rsplit("/", 1)[-1]) for frame in frames] == [("call", "_errors.py")]
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    shown = "".join(traceback.format_exception(caught.value))
    assert shown.count("\n") < 8
    assert shown.rstrip().endswith('runcompare.RunsDataError: "lr" names 2 columns, "params.lr" and "metrics.lr": pass the full name of the one you mean.')


def test_a_bug_inside_runcompare_keeps_its_whole_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(runcompare._parallel, "check_view_columns", broken)
    with pytest.raises(ZeroDivisionError) as caught:
        rc.parallel(AMBIGUOUS)
    names = [frame.name for frame in traceback.extract_tb(caught.value.__traceback__)]
    assert names[-5:] == ["call", "view", "payload", "prepare", "broken"]


def test_every_public_function_raises_without_inner_frames():
    functions = [name for name in rc.__all__ if inspect.isfunction(getattr(rc, name))]
    assert {"parallel", "scatter", "scalars", "values", "summary", "diff", "display", "to_html", "runs_to_ipc"} <= set(functions)
    for name in functions:
        assert getattr(rc, name).__wrapped__.__name__ == name
        assert inspect.signature(getattr(rc, name)) == inspect.signature(getattr(rc, name).__wrapped__)


def read_back(ipc):
    table = pa.ipc.open_stream(ipc).read_all()
    return table.column("run_id").to_pylist(), json.loads(table.schema.metadata[b"runcompare.notes"])


def test_integer_ids_of_a_dataframe_become_text_and_the_view_is_told():
    frame = pd.DataFrame({"run_id": [7, 8, 9], "params.lr": [0.1, 0.2, 0.3], "metrics.acc": [0.5, 0.6, 0.7]})
    ids, notes = read_back(rc.runs_to_ipc(frame))
    assert ids == ["7", "8", "9"]
    assert notes == ['column "run_id" holds numbers: they are read as text ("7", "8", …), and selections hold them as text.']
    widget = rc.parallel(frame)
    widget.selected = ["8"]
    assert widget.selected == ["8"]


def test_uuid_ids_become_their_usual_text():
    ids = [uuid.UUID(int=i) for i in (1, 2)]
    read, notes = read_back(rc.runs_to_ipc(pd.DataFrame({"run_id": ids, "params.x": [1, 2]})))
    assert read == [str(i) for i in ids] == ["00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"]
    assert notes == [f'column "run_id" holds UUIDs: they are read as text ("{ids[0]}", "{ids[1]}"), and selections hold them as text.']


def test_text_ids_carry_no_note():
    table = pa.ipc.open_stream(rc.runs_to_ipc([{"run_id": "a"}])).read_all()
    assert table.schema.metadata is None


def test_ids_made_text_must_still_be_unique():
    with pytest.raises(rc.RunsDataError, match=r'has the id "1" twice \(rows 0 and 1\)'):
        rc.runs_to_ipc([{"run_id": 1}, {"run_id": 1.0}])
