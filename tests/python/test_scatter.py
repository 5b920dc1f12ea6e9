"""rc.scatter checks the runs and the columns it is asked to show, then sends the runs as Arrow
bytes; its messages are the words of src/views/scatter (tests/unit/views/scatter/channels.test.ts)."""

import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc

RUNS = pd.DataFrame(
    {
        "run_id": ["a", "b", "c"],
        "params.lr": [0.1, 0.01, 0.001],
        "params.optimizer": ["adam", "sgd", "adam"],
        "params.hidden": ["16", "64", "64"],
        "metrics.acc": [0.5, 0.7, 0.9],
        "tags.group": ["x", "y", "x"],
    }
)
COLUMNS = "params.lr, params.optimizer, params.hidden, metrics.acc, tags.group"
SCALARS = pd.DataFrame(
    {
        "run_id": ["a", "a", "b", "c"],
        "metric": ["loss"] * 4,
        "variant": ["validation"] * 4,
        "step": [1, 2, 1, 1],
        "value": [0.9, 0.8, 0.5, 0.4],
    }
)


def message(**options):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scatter(RUNS, **options)
    return str(caught.value)


def test_runs_bytes_decode_to_the_table():
    widget = rc.scatter(RUNS)
    assert isinstance(widget, rc.Scatter)
    assert widget.view == "scatter"
    assert pa.ipc.open_stream(widget.runs).read_all().to_pydict() == RUNS.to_dict(orient="list")
    assert widget.scalars == b""


def test_defaults_leave_the_choice_to_the_view():
    widget = rc.scatter(RUNS)
    assert widget.options == {"x": None, "y": None, "color": None, "size": None, "tooltip": None, "height": 400, "width": None, "xScale": None, "yScale": None}
    assert widget.selected == []


def test_options_are_synced_traits():
    widget = rc.scatter(RUNS, x="optimizer", y="metrics.acc", color="tags.group", size="hidden", tooltip="lr", height=300)
    assert widget.options == {
        "x": "optimizer",
        "y": "metrics.acc",
        "color": "tags.group",
        "size": "hidden",
        "tooltip": ["lr"],
        "height": 300,
        "width": None,
        "xScale": None,
        "yScale": None,
    }


@pytest.mark.parametrize(
    "option",
    [{"x": "momentum"}, {"y": "momentum"}, {"color": "momentum"}, {"size": "momentum"}, {"tooltip": ["lr", "momentum"]}],
)
def test_unknown_columns_raise_with_the_typescript_words(option):
    assert message(**option) == (f'no column "momentum" in runs (columns: {COLUMNS}): pass one of these, with or without its "params."/"metrics." prefix.')


def test_x_is_checked_before_y():
    assert message(x="nope", y="momentum").startswith('no column "nope"')


def test_without_a_param_or_a_second_metric_x_must_be_named():
    runs = RUNS.drop(columns=["params.lr", "params.optimizer", "params.hidden"])
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scatter(runs)
    assert str(caught.value) == (
        "runs have no params.* column, nor a second metrics.* column, to put on x: name the x column with x= (columns: metrics.acc, tags.group)."
    )
    assert rc.scatter(runs, x="tags.group").options["x"] == "tags.group"
    # A store of losses alone (no params): the second metric goes on x, unless y names it.
    losses = runs.assign(**{"metrics.loss": [0.3, 0.2, 0.1]})
    assert rc.scatter(losses).options["x"] is None
    with pytest.raises(rc.RunsDataError, match="nor a second metrics"):
        rc.scatter(runs.assign(**{"metrics.acc": [0.5, 0.7, 0.9]}), y="acc")


def test_without_a_metric_or_scalars_y_must_be_named():
    runs = RUNS.drop(columns=["metrics.acc"])
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scatter(runs)
    assert str(caught.value) == ("runs have no metrics.* column and no scalars to put on y: name the y column with y=, or pass scalars.")
    assert rc.scatter(runs, scalars=SCALARS).options["y"] is None
    assert rc.scatter(runs, y="params.lr").options["y"] == "params.lr"


def test_size_needs_numbers():
    assert message(size="optimizer") == ('column "params.optimizer" holds categories, not numbers: size= needs a column of numbers; use color= for categories.')
    # Numbers stored as text, as MLflow stores params, are numbers.
    assert rc.scatter(RUNS, size="hidden").options["size"] == "hidden"


def test_a_param_with_no_values_is_no_size():
    runs = RUNS.assign(**{"params.width": [None, None, None]})
    with pytest.raises(rc.RunsDataError, match=r'^column "params.width" holds categories'):
        rc.scatter(runs, size="width")


def test_y_can_summarise_a_series_of_the_scalars():
    widget = rc.scatter(RUNS, y="loss/validation:min", size="loss/validation:max", scalars=SCALARS)
    assert widget.options["y"] == "loss/validation:min"
    sent = pa.ipc.open_stream(widget.scalars).read_all()
    assert sent.num_rows == 4
    assert sent.column("run_id").to_pylist() == ["a", "a", "b", "c"]


def test_unknown_series_names_the_series():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scatter(RUNS, y="loss/train:min", scalars=SCALARS)
    assert str(caught.value) == (
        'no metric "loss/train:min" in the runs or the scalars (scalars series: loss/validation): name one of these, optionally ending in :last, :min or :max.'
    )


def test_a_summary_without_scalars_is_an_unknown_column():
    assert message(y="acc:min").startswith('no column "acc:min" in runs')


def test_scalars_of_other_runs_raise():
    with pytest.raises(rc.RunsDataError, match="^no scalars belong to the runs"):
        rc.scatter(RUNS, scalars=SCALARS.assign(run_id=["z"] * 4))


def test_bad_runs_raise_before_a_widget_is_made():
    with pytest.raises(rc.RunsDataError, match='no "run_id" column'):
        rc.scatter(RUNS.drop(columns="run_id"))


def test_selected_accepts_known_ids():
    widget = rc.scatter(RUNS)
    widget.selected = ["c", "a"]
    assert widget.selected == ["c", "a"]
