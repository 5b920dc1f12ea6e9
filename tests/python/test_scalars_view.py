"""rc.scalars checks the scalars, the runs and the options with the words of the TypeScript view
(src/views/scalars), then sends both tables as Arrow bytes and the options as JSON."""

import pathlib

import pyarrow as pa
import pytest
import runcompare as rc
from traitlets import TraitError

EXAMPLES = pathlib.Path(__file__).parents[2] / "examples" / "data"
RUNS = [
    {"run_id": "a", "name": "A", "params.lr": 0.1, "params.seed": 0, "tags.group": "x"},
    {"run_id": "b", "name": "B", "params.lr": 0.1, "params.seed": 1, "tags.group": "x"},
    {"run_id": "c", "name": "C", "params.lr": 0.01, "params.seed": 0, "tags.group": "y"},
]
SCALARS = [
    {"run_id": run, "metric": metric, "variant": variant, "step": step, "value": value}
    for run, offset in (("b", 0.0), ("a", 1.0), ("c", 2.0))
    for metric, variant in (("loss", "train"), ("loss", "validation"), ("acc", None))
    for step, value in ((1, 2.0), (2, 1.0), (3, float("nan")))
    for value in [value + offset]
]


def read(ipc_bytes):
    return pa.ipc.open_stream(ipc_bytes).read_all()


def test_the_example_sweep_is_sent_as_checked_tables():
    scalars = pa.ipc.open_file(EXAMPLES / "scalars.arrow").read_all()
    runs = pa.ipc.open_file(EXAMPLES / "runs.arrow").read_all()
    widget = rc.scalars(scalars, runs=runs, group_by=["lr", "hidden", "alpha", "batch_size"])
    assert isinstance(widget, rc.ScalarsView)
    assert widget.view == "scalars"
    assert read(widget.scalars).equals(rc._scalars.to_scalars_table(scalars))
    assert read(widget.runs).equals(rc._convert.to_runs_table(runs))
    assert widget.options["groupBy"] == ["lr", "hidden", "alpha", "batch_size"]


def test_defaults_are_sent_under_the_views_option_names():
    widget = rc.scalars(SCALARS, runs=RUNS)
    assert widget.options == {
        "metrics": None,
        "groupBy": None,
        "smoothing": None,
        "smoothingType": "ema",
        "x": "step",
        "y": "linear",
        "variants": "separate",
        "aggregate": "mean",
        "band": "minmax",
        "pairBy": None,
        "base": None,
        "test": "t",
        "color": None,
        "height": 240,
        "ignoreOutliers": True,
        "filter": "",
        "reduce": "minmax",
        "width": None,
        "hidden": None,
    }
    assert widget.selected == []


def test_single_names_are_taken_as_lists():
    widget = rc.scalars(SCALARS, runs=RUNS, metrics="loss", group_by="lr", smoothing=0, smoothing_type="gaussian")
    assert widget.options["metrics"] == ["loss"]
    assert widget.options["groupBy"] == ["lr"]
    assert (widget.options["smoothing"], widget.options["smoothingType"]) == (0, "gaussian")


def test_without_runs_the_view_knows_the_scalars_run_ids_in_order_of_first_appearance():
    widget = rc.scalars(SCALARS)
    runs = read(widget.runs)
    assert runs.column_names == ["run_id"]
    assert runs.column("run_id").to_pylist() == ["b", "a", "c"]
    widget.selected = ["c"]
    with pytest.raises(TraitError, match='"zz"'):
        widget.selected = ["zz"]


def test_nan_values_are_kept():
    values = read(rc.scalars(SCALARS).scalars).column("value").to_pylist()
    assert sum(value != value for value in values) == 9


@pytest.mark.parametrize(
    "option, message",
    [
        ({"x": "time"}, 'x must be one of "step", "relative", "wall"; got "time".'),
        ({"y": "symlog"}, 'y must be one of "linear", "log"; got "symlog".'),
        ({"variants": "merged"}, 'variants must be one of "separate", "together"; got "merged".'),
        ({"smoothing_type": "lowess"}, 'smoothing_type must be one of "ema", "time_ema", "gaussian", "running_average"; got "lowess".'),
        ({"aggregate": "max"}, 'aggregate must be one of "mean", "median"; got "max".'),
        ({"band": "iqr"}, 'band must be one of "none", "minmax", "std", "stderr", "ci95"; got "iqr".'),
        # The same words the view shows for update({ smoothing: 2 }) (tests/browser/scalars.spec.js).
        ({"smoothing": 2}, "smoothing must be a number from 0 (none) to 0.999 (most); got 2."),
        ({"smoothing": -0.1}, "smoothing must be a number from 0 (none) to 0.999 (most); got -0.1."),
        ({"smoothing": float("nan")}, "smoothing must be a number from 0 (none) to 0.999 (most); got NaN."),
        ({"smoothing": True}, "smoothing must be a number from 0 (none) to 0.999 (most); got true."),
        ({"smoothing": "0.5"}, 'smoothing must be a number from 0 (none) to 0.999 (most); got "0.5".'),
    ],
)
def test_bad_options_raise(option, message):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scalars(SCALARS, runs=RUNS, **option)
    assert str(caught.value) == message


def test_unknown_metric():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scalars(SCALARS, metrics=["loss/test"])
    assert str(caught.value) == (
        'no metric "loss/test" in the scalars (series: loss/train, loss/validation, acc): name a metric such as "loss" or a series such as "loss/train".'
    )


def test_metrics_name_a_metric_or_a_series():
    rc.scalars(SCALARS, metrics=["loss", "acc", "loss/validation"])


def test_group_by_and_color_columns_must_be_in_the_runs():
    columns = "params.lr, params.seed, tags.group"
    expected = f'no column "momentum" in runs (columns: {columns}): pass one of these, with or without its "params."/"metrics." prefix.'
    for option in ({"group_by": ["lr", "momentum"]}, {"color": "momentum"}):
        with pytest.raises(rc.RunsDataError) as caught:
            rc.scalars(SCALARS, runs=RUNS, **option)
        assert str(caught.value) == expected
    rc.scalars(SCALARS, runs=RUNS, group_by=["params.lr", "tags.group"], color="seed")


def test_the_example_sweeps_columns_are_listed_as_the_view_lists_them():
    # The same words as the view shows for update({ groupBy: ["momentum"] }) (tests/browser/scalars.spec.js).
    scalars = pa.ipc.open_file(EXAMPLES / "scalars.arrow").read_all()
    runs = pa.ipc.open_file(EXAMPLES / "runs.arrow").read_all()
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scalars(scalars, runs=runs, group_by="momentum")
    assert str(caught.value) == (
        'no column "momentum" in runs (columns: params.lr, params.hidden, params.alpha, params.batch_size, '
        "params.optimizer, params.seed, metrics.train/loss, metrics.validation/loss, … (13 in all)): "
        'pass one of these, with or without its "params."/"metrics." prefix.'
    )


def test_grouping_without_runs_has_no_columns_to_group_by():
    with pytest.raises(rc.RunsDataError, match=r'^no column "lr" in runs \(columns: \)'):
        rc.scalars(SCALARS, group_by="lr")


def test_time_axes_need_a_time_column():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scalars(SCALARS, x="relative")
    assert str(caught.value) == (
        'x="relative" needs times, but the scalars have no "time" column: add a "time" column (timestamps, or seconds) or use x="step".'
    )
    timed = [{**row, "time": 1000.0 + row["step"]} for row in SCALARS]
    assert rc.scalars(timed, x="wall").options["x"] == "wall"


def test_scalars_of_other_runs_raise():
    with pytest.raises(rc.RunsDataError, match=r"^no scalars belong to the runs"):
        rc.scalars(SCALARS, runs=[{"run_id": "zz"}])


def test_bad_scalars_raise_the_contract_words():
    with pytest.raises(rc.RunsDataError, match=r'^scalars table has no "step" column'):
        rc.scalars([{"run_id": "a", "metric": "m", "value": 1.0}])


def test_colour_is_checked_with_groups_too():
    with pytest.raises(rc.RunsDataError, match='no column "nope"'):
        rc.scalars(SCALARS, runs=RUNS, group_by=["lr"], color="nope")


def _series_sent(ipc_bytes):
    table = read(ipc_bytes).to_pandas()
    return sorted({(m, v if isinstance(v, str) else None) for m, v in zip(table["metric"], table["variant"])}, key=str)


def test_only_the_chosen_metrics_are_sent_and_embedded():
    # A metric takes all its variants; "metric/variant" one series.
    widget = rc.scalars(SCALARS, runs=RUNS, metrics=["acc", "loss/validation"])
    assert _series_sent(widget.scalars) == [("acc", None), ("loss", "validation")]
    expected = [row for row in SCALARS if row["metric"] == "acc" or (row["metric"], row["variant"]) == ("loss", "validation")]
    assert read(widget.scalars).num_rows == len(expected)
    assert rc.scalars(SCALARS, runs=RUNS).options["metrics"] is None
    assert read(rc.scalars(SCALARS, runs=RUNS).scalars).num_rows == len(SCALARS)

    # Two metrics of fourteen, 2,000 steps each: the page holds about a seventh of the points.
    many = [
        {"run_id": run, "metric": f"m{k:02d}", "step": step, "value": float(step * k)} for run in ("a", "b", "c") for k in range(14) for step in range(2000)
    ]
    whole = rc.to_html(many, view="scalars", runs=RUNS)
    chosen = rc.to_html(many, view="scalars", runs=RUNS, metrics=["m03", "m07"])
    module = len(rc.to_html(many[:1], view="scalars", runs=RUNS))
    assert (len(chosen) - module) < (len(whole) - module) / 5


def test_ignore_outliers_is_true_or_false():
    assert rc.scalars(SCALARS, ignore_outliers=False).options["ignoreOutliers"] is False
    with pytest.raises(rc.RunsDataError, match=r'^ignore_outliers must be one of true, false; got "yes"\.$'):
        rc.scalars(SCALARS, ignore_outliers="yes")
