"""rc.logs: the inputs it takes, the pair it compares, and bad input."""

import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc

HOSTILE = "<img src=x onerror=alert(1)>"


def table(widget):
    return pa.ipc.open_stream(widget.runs).read_all().to_pylist()


def test_a_dict_or_a_table_of_texts():
    widget = rc.logs({"a": "one\ntwo", "b": "one\nthree", HOSTILE: HOSTILE})
    assert widget.selected == ["a", "b"]
    assert table(widget)[2] == {"run_id": HOSTILE, "log": HOSTILE}
    frame = pd.DataFrame({"run_id": ["x", "y"], "name": ["run x", None], "text": ["1", "2"]})
    assert table(rc.logs(frame, runs=["y", "x"])) == [{"run_id": "x", "log": "1", "name": "run x"}, {"run_id": "y", "log": "2", "name": None}]
    assert rc.logs(frame, runs=["y", "x"]).selected == ["y", "x"]
    assert rc.logs(frame, runs="y").selected == ["y", "x"]


@pytest.mark.parametrize(
    "logs, runs, message",
    [
        ({}, None, "logs are empty: pass each run's console output"),
        ([{"run_id": "a", "output": "x"}], None, "logs table needs run_id and log columns (columns: run_id, output)"),
        ([{"run_id": "a", "log": "x"}, {"run_id": "a", "log": "y"}], None, 'the logs have run "a" twice: give each run one log.'),
        ({"a": "x", "b": "y"}, ["a", "c"], 'no run "c" in the logs (runs: a, b): pass one of these run ids as runs.'),
    ],
)
def test_bad_logs_say_what_to_give(logs, runs, message):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.logs(logs, runs=runs)
    assert message in str(caught.value)
