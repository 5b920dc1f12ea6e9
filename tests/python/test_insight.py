"""The Python side of significance in the views (rc.summary, rc.values: group_by, pair_by, base,
test), of rc.influence (parameter importance as bars, its selected params) and of lineage: the
same checks and words as the views' (tests/browser/insight.spec.js reads what they show)."""

import json
from pathlib import Path

import pytest
import runcompare as rc
from traitlets import TraitError

REFERENCE = json.loads((Path(__file__).parents[1] / "contract" / "statistics.json").read_text())
RUNS, SCALARS = REFERENCE["runs"], REFERENCE["scalars"]
HOSTILE = "<img src=x onerror=alert(1)>"


def test_the_views_take_the_grouping_options_and_send_them():
    w = rc.summary(RUNS, metrics=["accuracy"], group_by=["lr", "hidden"], pair_by="seed", base="lr=0.001 hidden=64", test="rank")
    assert {key: w.options[key] for key in ("groupBy", "pairBy", "base", "test")} == {
        "groupBy": ["lr", "hidden"],
        "pairBy": "seed",
        "base": "lr=0.001 hidden=64",
        "test": "rank",
    }
    v = rc.values(SCALARS, runs=RUNS, group_by="lr", state={"test": "rank"})
    assert v.options["groupBy"] == ["lr"] and v.state["test"] == "rank"


@pytest.mark.parametrize(
    "call, error",
    [
        (
            lambda: rc.summary(RUNS, group_by="nope"),
            'no column "nope" in runs (columns: params.lr, params.hidden, params.seed, params.dropout, params.optimizer, metrics.accuracy): '
            'pass one of these, with or without its "params."/"metrics." prefix.',
        ),
        (
            lambda: rc.summary(RUNS, group_by="lr", base="lr=1"),
            'no group "lr=1" to compare against (groups: lr=0.01, lr=0.001): pass one of these as base.',
        ),
        (
            lambda: rc.summary([{**run, "params.lr": "0.1"} for run in RUNS], group_by="lr"),
            "every run falls in one group (lr=0.1): group by columns whose values differ between runs (grouped by params.lr).",
        ),
        (lambda: rc.values(SCALARS, group_by="lr"), "groupBy names columns of the runs table, and there is none: pass runs= (the runs' params) as well."),
        (lambda: rc.values(SCALARS, runs=RUNS, group_by="lr", pair_by="fold"), 'no column "fold" in runs'),
        (lambda: rc.summary(RUNS, group_by="lr", test="welch"), 'test must be one of "t", "rank"; got "welch".'),
    ],
)
def test_bad_grouping_says_what_to_pass_before_anything_is_sent(call, error):
    with pytest.raises(rc.RunsDataError) as raised:
        call()
    assert str(raised.value).startswith(error)


def test_group_labels_name_only_the_columns_that_vary_as_the_views_do():
    # hidden is 64 in both groups of these runs: the labels are lr's alone (groupRuns in align.ts).
    runs = [run for run in RUNS if run["params.hidden"] == 64]
    frame = rc.significance(runs, "accuracy", ["lr", "hidden"], resamples=99)
    assert list(frame["group"]) == ["lr=0.001"] and list(frame["base"]) == ["lr=0.01"]


def test_influence_is_the_importance_view_and_its_selection_is_params():
    w = rc.influence(RUNS, metric="accuracy")
    assert type(w).__name__ == "InfluenceView" and w.view == "influence"
    w.selected = ["params.lr", "params.seed"]
    with pytest.raises(TraitError, match=r'selected has params that are not columns of runs: "params.nope"'):
        w.selected = ["params.nope"]
    # Its default metric is the first metrics.* column, as the view takes it.
    assert rc.influence(RUNS).options["metric"] is None


@pytest.mark.parametrize(
    "runs, options, error",
    [
        (
            [{"run_id": "a", "params.lr": 1}],
            {},
            'no metric to weigh the params by: the runs have no metrics.* column; name one with metric=, for example "loss/validation:min" with scalars.',
        ),
        ([{"run_id": "a", "metrics.x": 1}], {}, "no params to weigh: the runs have no params.* column; name the columns with params=."),
        (RUNS, {"metric": "optimizer"}, 'column "params.optimizer" holds categories, not numbers'),
        (RUNS, {"metric": "accuracy", "params": ["nope"]}, 'no column "nope" in runs'),
        (RUNS, {"metric": "accuracy", "bins": 1}, "bins must be a whole number from 2 to 1000; got 1."),
    ],
)
def test_influence_refuses_bad_input_with_the_views_words(runs, options, error):
    with pytest.raises(rc.RunsDataError) as raised:
        rc.influence(runs, **options)
    assert str(raised.value).startswith(error)


def test_influence_takes_a_curve_summary_and_hostile_param_names():
    runs = [{**run, f"params.{HOSTILE}": run["params.seed"]} for run in RUNS]
    w = rc.influence(runs, metric="loss/validation:min", scalars=SCALARS)
    w.selected = [f"params.{HOSTILE}"]
    assert w.selected == [f"params.{HOSTILE}"]


def test_a_param_clicked_in_the_bars_becomes_an_axis_as_the_readme_wires_it():
    imp = rc.influence(RUNS, metric="accuracy")
    par = rc.parallel(RUNS, params=["hidden"], metrics=["accuracy"])

    def add_axes(change):
        par.options = {**par.options, "params": ["hidden", *change["new"]]}

    imp.observe(add_axes, "selected")
    imp.selected = ["params.lr"]
    assert par.options["params"] == ["hidden", "params.lr"]


def test_the_mlflow_loaders_lineage_is_what_the_diff_reads_as_lineage():
    # The kinds src/data/lineage.ts gives the loader's paths (tests/unit/data/lineage.test.ts checks the same words).
    import subprocess

    paths = [
        "lineage/git/commit",
        "lineage/datasets/train (training)/digest",
        "lineage/environment/python",
        "lineage/models/model/requirements",
        "lineage/parent run",
    ]
    script = "import { lineageKind } from './lib/data/lineage.js'; console.log(JSON.stringify(JSON.parse(process.argv[1]).map(lineageKind)));"
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(paths)], cwd=Path(__file__).parents[2], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == ["code", "data", "environment", "environment", None]
