"""rc.values and rc.summary check their input with the words of the TypeScript views, then
send the tables as Arrow bytes."""

import math

import pyarrow as pa
import pytest
import runcompare as rc
from traitlets import TraitError

RUNS = [
    {"run_id": "a", "name": "A", "params.lr": 0.1, "params.opt": "adam", "metrics.acc": 0.9},
    {"run_id": "b", "name": "B", "params.lr": 0.01, "params.opt": "sgd", "metrics.acc": None},
]
# The scalars of tests/unit/views/summary/summary.test.ts: test/acc and acc once per run, loss twice by run a.
SCALARS = [
    {"run_id": "a", "metric": "test", "variant": "acc", "step": 9, "value": 0.7},
    {"run_id": "b", "metric": "test", "variant": "acc", "step": 9, "value": 0.8},
    {"run_id": "a", "metric": "acc", "variant": None, "step": 9, "value": 0.5},
    {"run_id": "a", "metric": "loss", "variant": None, "step": 1, "value": 2.0},
    {"run_id": "a", "metric": "loss", "variant": None, "step": 2, "value": 1.0},
    {"run_id": "b", "metric": "loss", "variant": None, "step": 1, "value": 3.0},
]
CURVES = [
    {"run_id": "a", "metric": "loss", "step": 1, "value": 2.0},
    {"run_id": "a", "metric": "loss", "step": 2, "value": 1.0},
]


def read(ipc_bytes):
    return pa.ipc.open_stream(ipc_bytes).read_all()


def message(call):
    with pytest.raises(rc.RunsDataError) as caught:
        call()
    return str(caught.value)


# The options a values widget sends when none are given.
DEFAULT_OPTIONS = {
    "summary": "last",
    "extremes": True,
    "runsAs": None,
    "sortBy": None,
    "descending": False,
    "groupBy": None,
    "pairBy": None,
    "base": None,
    "test": "t",
}


class TestValues:
    def test_sends_the_checked_scalars_and_the_options(self):
        widget = rc.values(SCALARS, summary="min", extremes=False)
        assert isinstance(widget, rc.ValuesView)
        assert widget.view == "values"
        assert widget.options == {**DEFAULT_OPTIONS, "summary": "min", "extremes": False}
        scalars = read(widget.scalars)
        assert scalars.column("value").to_pylist() == [row["value"] for row in SCALARS]
        assert widget.scalars == rc.scalars_to_ipc(SCALARS)

    def test_without_runs_the_columns_are_the_scalars_runs_in_order(self):
        widget = rc.values(list(reversed(SCALARS)))
        assert read(widget.runs).to_pydict() == {"run_id": ["b", "a"]}
        assert widget.options == DEFAULT_OPTIONS

    def test_with_runs_the_columns_naming_them_are_sent(self):
        widget = rc.values(SCALARS, runs=RUNS)
        # The table shows runs by id and name: the other columns are not read, so not sent.
        assert read(widget.runs).to_pydict() == {"run_id": ["a", "b"], "name": ["A", "B"]}
        mlflow = [{"run_id": "a", "tags.mlflow.runName": "first", "params.lr": 0.1}, {"run_id": "b", "tags.mlflow.runName": "second", "params.lr": 0.2}]
        assert read(rc.values(SCALARS, runs=mlflow).runs).column_names == ["run_id", "tags.mlflow.runName"]

    def test_grouped_runs_send_the_whole_runs_table(self):
        widget = rc.values(SCALARS, runs=RUNS, group_by="opt")
        assert read(widget.runs).column_names == ["run_id", "name", "params.lr", "params.opt", "metrics.acc"]

    def test_selected_takes_the_shown_run_ids(self):
        widget = rc.values(SCALARS)
        widget.selected = ["b"]
        assert widget.selected == ["b"]
        with pytest.raises(TraitError, match='selected has run ids that are not in runs: "z"'):
            widget.selected = ["z"]

    def test_runs_as_rows_or_columns(self):
        assert rc.values(SCALARS, runs_as="columns").options["runsAs"] == "columns"
        assert message(lambda: rc.values(SCALARS, runs_as="diagonal")) == 'runs_as must be one of "rows", "columns"; got "diagonal".'

    def test_an_unknown_summary(self):
        assert message(lambda: rc.values(SCALARS, summary="mean")) == 'summary must be one of "last", "min", "max"; got "mean".'

    def test_runs_sharing_no_run_with_the_scalars(self):
        assert message(lambda: rc.values(SCALARS, runs=[{"run_id": "x"}])) == (
            'no scalars belong to the runs: the scalars have run ids such as "a", the runs table "x"; pass the scalars of these runs.'
        )

    def test_bad_scalars_raise_the_scalars_words(self):
        assert message(lambda: rc.values([{"run_id": "a", "metric": "m", "value": 1}])) == (
            'scalars table has no "step" column (columns: run_id, metric, value): scalars need run_id, '
            "metric, step and value columns; variant and time are optional."
        )


# The options a summary widget sends when none are given.
SUMMARY_DEFAULTS = {"metrics": None, "groupBy": None, "pairBy": None, "base": None, "test": "t", "height": 300, "sort": "descending", "width": None}


class TestSummary:
    def test_sends_runs_scalars_and_options(self):
        widget = rc.summary(RUNS, metrics="test/acc", scalars=SCALARS)
        assert isinstance(widget, rc.SummaryView)
        assert widget.view == "summary"
        assert widget.options == {**SUMMARY_DEFAULTS, "metrics": ["test/acc"]}
        assert read(widget.runs).column("run_id").to_pylist() == ["a", "b"]
        assert read(widget.scalars).num_rows == len(SCALARS)

    def test_sort_by_value_or_in_runs_table_order(self):
        assert rc.summary(RUNS, sort="runs").options["sort"] == "runs"
        assert message(lambda: rc.summary(RUNS, sort="best")) == 'sort must be one of "descending", "ascending", "runs"; got "best".'

    def test_defaults_leave_the_choice_to_the_view(self):
        widget = rc.summary(RUNS)
        assert widget.options == SUMMARY_DEFAULTS
        assert widget.scalars == b""
        acc = read(widget.runs).column("metrics.acc").to_pylist()
        assert acc[0] == 0.9 and math.isnan(acc[1])

    @pytest.mark.parametrize("names", [["test/acc", "loss:min", "lr"], ["metrics.acc"], ["acc:last"], ["loss"]])
    def test_names_the_view_accepts(self, names):
        assert rc.summary(RUNS, metrics=names, scalars=SCALARS).options["metrics"] == names

    def test_a_column_of_categories(self):
        assert message(lambda: rc.summary(RUNS, metrics=["opt"], scalars=SCALARS)) == (
            'column "params.opt" holds categories, not numbers: summary bars need numbers; name a metrics.* column or a series of the scalars.'
        )

    def test_an_unknown_name_lists_the_series(self):
        assert message(lambda: rc.summary(RUNS, metrics=["f1"], scalars=SCALARS)) == (
            'no metric "f1" in the runs or the scalars (scalars series: test/acc, acc, loss): name one of these, optionally ending in :last, :min or :max.'
        )

    def test_an_unknown_name_without_scalars_lists_the_columns(self):
        assert message(lambda: rc.summary(RUNS, metrics=["f1"])) == (
            'no column "f1" in runs (columns: params.lr, params.opt, metrics.acc): pass one of these, with or without its "params."/"metrics." prefix.'
        )

    def test_nothing_single_valued(self):
        bare = [{"run_id": "a", "params.lr": 1.0}]
        assert message(lambda: rc.summary(bare, scalars=CURVES)) == (
            "no single-value metrics to show: the runs have no metrics.* columns and no scalars "
            'series is reported once per run; name metrics with metrics=, for example "loss/validation:min".'
        )
        assert rc.summary(bare, metrics="loss:min", scalars=CURVES).options["metrics"] == ["loss:min"]

    def test_a_single_value_series_is_enough(self):
        bare = [{"run_id": "a"}, {"run_id": "b"}]
        assert rc.summary(bare, scalars=SCALARS).options["metrics"] is None

    def test_scalars_of_other_runs(self):
        assert message(lambda: rc.summary([{"run_id": "x", "metrics.m": 1.0}], scalars=SCALARS)).startswith("no scalars belong to the runs:")


def test_public_api():
    assert {"values", "summary", "ValuesView", "SummaryView"} <= set(dir(rc))
