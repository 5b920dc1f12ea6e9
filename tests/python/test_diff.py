"""rc.diff sends details the view reads, and raises the words of src/data/errors.ts for bad
details (the same cases as tests/unit/data/details.test.ts)."""

from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
import runcompare as rc


def sent(widget):
    return pa.ipc.open_stream(widget.runs).read_all()


def raises(data, **options):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.diff(data, **options)
    return str(caught.value)


ROWS = [
    {"run_id": "a", "path": "hyperparameters/lr", "value": "0.1"},
    {"run_id": "a", "path": "execution/source code", "value": "import torch\nprint(1)\n"},
    {"run_id": "b", "path": "hyperparameters/lr", "value": "0.01"},
    {"run_id": "b", "path": "general/note", "value": ""},
]


def test_nested_dicts_become_paths_and_text():
    widget = rc.diff(
        {
            "run-a": {
                "optimizer": {"name": "adam", "lr": 0.001, "betas": [0.9, 0.999]},
                "epochs": 10,
                "script": "a\nb",
                "off": False,
                "flags": {},
                "none": None,
            },
            "run-b": {"optimizer": {"name": "sgd", "lr": 0.1}, "epochs": 10, "script": "a\nc"},
        }
    )
    assert sent(widget).to_pylist() == [
        {"run_id": "run-a", "path": "optimizer/name", "value": "adam"},
        {"run_id": "run-a", "path": "optimizer/lr", "value": "0.001"},
        {"run_id": "run-a", "path": "optimizer/betas", "value": "[0.9,0.999]"},
        {"run_id": "run-a", "path": "epochs", "value": "10"},
        {"run_id": "run-a", "path": "script", "value": "a\nb"},
        {"run_id": "run-a", "path": "off", "value": "false"},
        {"run_id": "run-a", "path": "flags", "value": "{}"},
        {"run_id": "run-a", "path": "none", "value": None},
        {"run_id": "run-b", "path": "optimizer/name", "value": "sgd"},
        {"run_id": "run-b", "path": "optimizer/lr", "value": "0.1"},
        {"run_id": "run-b", "path": "epochs", "value": "10"},
        {"run_id": "run-b", "path": "script", "value": "a\nc"},
    ]


def test_numpy_values_read_as_the_python_values_they_hold():
    np = pytest.importorskip("numpy")
    table = sent(rc.diff({"a": {"n": np.int64(3), "x": np.float64(0.5), "v": np.array([1, 2])}}))
    assert table.column("value").to_pylist() == ["3", "0.5", "[1,2]"]


@pytest.mark.parametrize(
    "make",
    [
        lambda rows: rows,
        lambda rows: pd.DataFrame.from_records(rows),
        lambda rows: pl.DataFrame(rows),
        lambda rows: pa.Table.from_pylist(rows),
    ],
    ids=["records", "pandas", "polars", "pyarrow"],
)
def test_a_details_table_is_sent_the_same_from_every_input(make):
    assert rc.details_to_ipc(make(ROWS)) == rc.details_to_ipc(ROWS)
    assert sent(rc.diff(make(ROWS))).to_pylist() == ROWS


def test_a_runs_table_is_sent_as_a_checked_runs_table():
    runs = pa.ipc.open_file(Path(__file__).parents[2] / "examples" / "data" / "runs.arrow").read_all()
    widget = rc.diff(runs.to_pandas(), runs=["r000", "r029"])
    assert widget.runs == rc.runs_to_ipc(runs.to_pandas())
    assert widget.options == {"runs": ["r000", "r029"], "base": None, "hideIdentical": False, "height": 560, "search": ""}
    assert widget.selected == ["r000", "r029"]
    assert widget.base == "r000"


def test_hostile_strings_arrive_as_they_are():
    name, value = "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"
    assert sent(rc.diff({name: {"cfg": value}})).to_pylist() == [{"run_id": name, "path": "cfg", "value": value}]


# The cases of tests/unit/data/details.test.ts, with the same messages.
CASES = [
    ("empty table", [], "details table is empty: pass at least one row (run_id, path, value)."),
    (
        "no value column",
        [{"run_id": "a", "path": "x", "text": "1"}],
        'details table has no "value" column (columns: run_id, path, text): details need run_id, path and value columns, one row per run and field.',
    ),
    ("numeric run ids", [{"run_id": 1, "path": "x", "value": "1"}], 'column "run_id" of the details holds numbers: it must hold strings.'),
    ("numeric paths", [{"run_id": "a", "path": 3, "value": "1"}], 'column "path" of the details holds numbers: it must hold strings.'),
    (
        "missing run id",
        [{"run_id": "a", "path": "x", "value": "1"}, {"run_id": None, "path": "x", "value": "1"}],
        'column "run_id" of the details is missing a value at row 1: every row needs a run_id and a path.',
    ),
    (
        "empty path",
        [{"run_id": "a", "path": "", "value": "1"}],
        'column "path" of the details is missing a value at row 0: every row needs a run_id and a path.',
    ),
    (
        "a run with two values at one path",
        [{"run_id": "a", "path": "x", "value": "1"}, {"run_id": "b", "path": "x", "value": "1"}, {"run_id": "a", "path": "x", "value": "2"}],
        'the details have two values for run "a" at path "x" (rows 0 and 2): give each run one value per path.',
    ),
    (
        "a run whose fields are not a mapping",
        {"a": {"x": 1}, "b": [1, 2]},
        'the fields of run "b" must be a mapping of names to values (nested mappings become sections); got list.',
    ),
    ("a run with no fields", {"a": {"x": 1}, "b": {}}, 'run "b" has no fields: give each run at least one field, or leave the run out.'),
    ("no runs", {}, "details table is empty: pass at least one row (run_id, path, value)."),
]


@pytest.mark.parametrize("data, message", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_details_name_the_column_and_the_fix(data, message):
    assert raises(data) == message


def test_bad_details_from_pandas_say_the_same():
    frame = pd.DataFrame.from_records([{"run_id": "a", "path": "x", "value": "1"}, {"run_id": "a", "path": "x", "value": "2"}])
    assert raises(frame) == 'the details have two values for run "a" at path "x" (rows 0 and 1): give each run one value per path.'


def test_input_that_is_not_details_names_what_it_got():
    assert raises(42) == (
        "details must be a dict of fields per run, a details table (run_id, path, value) or a runs table, "
        "as a pandas or polars DataFrame, a pyarrow Table or a list of dicts; got int."
    )


def test_a_bad_runs_table_fails_with_the_runs_message():
    assert raises([{"run_id": "a"}, {"run_id": "a"}]) == 'column "run_id" has the id "a" twice (rows 0 and 1): run ids must be unique.'


def test_runs_and_base_must_name_runs_of_the_details():
    assert raises(ROWS, base="c") == 'no run "c" in the details (runs: a, b): pass one of these run ids as base.'
    assert raises(ROWS, runs=["b", "z"]) == 'no run "z" in the details (runs: a, b): pass one of these run ids as runs.'
    assert raises(ROWS, runs=[]) == "runs is empty: name at least one run to compare."


def test_the_runs_compared_are_the_selection_and_the_base_is_the_states():
    widget = rc.diff(ROWS, runs=["b", "a"], hide_identical=True, height=300)
    assert widget.view == "diff"
    assert widget.options == {"runs": ["b", "a"], "base": None, "hideIdentical": True, "height": 300, "search": ""}
    assert widget.selected == ["b", "a"]
    assert widget.base == "b"
    assert widget.state == {"base": "b"}
    widget.base = "a"
    assert widget.state == {"base": "a"} and widget.selected == ["b", "a"]
    restored = rc.diff(ROWS, runs=["b", "a"], state=widget.state)
    assert restored.base == "a" and restored.selected == ["a", "b"]
    assert rc.diff(ROWS, runs=["b", "a"], base="a").selected == ["a", "b"]
    assert rc.diff(ROWS).selected == ["a", "b"]
    with pytest.raises(rc.RunsDataError, match='no run "z" in the details'):
        widget.base = "z"
