"""Scalars are checked with the words of src/data/errors.ts, normalised to one Arrow form, and
sent with rc.parallel, whose metric names may then be series summaries."""

import datetime as dt
import json
import math

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pytest
import runcompare as rc
from runcompare._scalars import series_keys, to_scalars_table

UTC = dt.timezone.utc
LABELS = pa.dictionary(pa.int32(), pa.string())


def raises(table):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scalars_to_ipc(table)
    return str(caught.value)


@pytest.mark.parametrize("step", [math.nan, None])
def test_a_nan_step_is_missing(step):
    records = [{"run_id": "a", "metric": "m", "step": 0.5, "value": 1}, {"run_id": "a", "metric": "m", "step": step, "value": 1}]
    assert raises(records) == ('column "step" of the scalars is missing a value at row 1: every reported value needs a run_id, a metric and a step.')


def test_a_time_of_booleans_asks_for_numbers():
    table = pa.table({"run_id": ["a"], "metric": ["m"], "step": [1], "time": [True], "value": [1.0]})
    assert raises(table) == 'column "time" of the scalars holds booleans: it must hold numbers.'


# Two runs, two metrics; b reports acc without a variant. NaN, +-Inf and a missing value and
# time must all arrive as they are.
RECORDS = [
    {"run_id": "a", "metric": "loss", "variant": "train", "step": 1, "value": 2.5, "time": dt.datetime(2024, 1, 1, 0, 0, 1, 500999, tzinfo=UTC)},
    {"run_id": "a", "metric": "loss", "variant": "validation", "step": 1, "value": math.nan, "time": dt.datetime(2024, 1, 1, 0, 0, 2, tzinfo=UTC)},
    {"run_id": "b", "metric": "acc", "variant": None, "step": 2, "value": math.inf, "time": None},
    {"run_id": "b", "metric": "loss", "variant": "train", "step": 3, "value": -math.inf, "time": dt.datetime(2024, 1, 1, 0, 0, 4, tzinfo=UTC)},
    {"run_id": "a", "metric": "loss", "variant": "train", "step": 4, "value": None, "time": dt.datetime(2024, 1, 1, 0, 0, 5, tzinfo=UTC)},
]
COLUMNS = {name: [record[name] for record in RECORDS] for name in RECORDS[0]}


def as_pandas():
    frame = pd.DataFrame(COLUMNS)
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    frame["value"] = frame["value"].astype(float)
    frame["tag"] = [object()] * len(frame)  # not a contract column: never read
    return frame


def as_pandas_categorical_indexed():
    frame = as_pandas().set_index("run_id")
    frame["metric"] = pd.Categorical(frame["metric"], categories=["zzz", "loss", "acc"])
    return frame


def as_polars():
    return pl.DataFrame(COLUMNS, schema_overrides={"metric": pl.Categorical, "time": pl.Datetime("ns", "UTC")}, nan_to_null=False).with_columns(
        wall_time=pl.lit(1.0)
    )


def as_pyarrow():
    # Deliberately wide, narrow and unusual types, which must normalise to the same bytes.
    return pa.table(
        {
            "run_id": pa.array(COLUMNS["run_id"], pa.string_view()),
            "metric": pa.array(COLUMNS["metric"], pa.large_string()),
            "variant": pa.array(COLUMNS["variant"]).dictionary_encode().cast(pa.dictionary(pa.int8(), pa.string())),
            "step": pa.array(COLUMNS["step"], pa.int16()),
            "value": pa.array(COLUMNS["value"], pa.float32()),
            "time": pa.array(COLUMNS["time"], pa.timestamp("us", tz="Europe/Berlin")),
        }
    ).replace_schema_metadata({"source": "test"})


def as_chunked_pyarrow():
    table = as_pyarrow()
    return pa.concat_tables([table.slice(0, 2), table.slice(2)])


INPUTS = {
    "pandas": as_pandas,
    "pandas, categorical metric, run_id as index": as_pandas_categorical_indexed,
    "polars": as_polars,
    "pyarrow": as_pyarrow,
    "chunked pyarrow": as_chunked_pyarrow,
    "record batch": lambda: as_pyarrow().combine_chunks().to_batches()[0],
}


@pytest.mark.parametrize("kind", list(INPUTS))
def test_every_input_gives_the_same_bytes(kind):
    assert rc.scalars_to_ipc(INPUTS[kind]()) == rc.scalars_to_ipc(RECORDS)


def test_bytes_read_back_as_the_normalised_table():
    table = pa.ipc.open_stream(rc.scalars_to_ipc(as_pandas())).read_all()
    assert table.schema == pa.schema(
        [
            ("run_id", LABELS),
            ("metric", LABELS),
            ("variant", LABELS),
            ("step", pa.int64()),
            ("time", pa.timestamp("ms", tz="UTC")),
            ("value", pa.float64()),
        ]
    )
    columns = table.to_pydict()
    assert columns["run_id"] == ["a", "a", "b", "b", "a"]
    assert columns["variant"] == ["train", "validation", None, "train", "train"]
    assert columns["step"] == [1, 1, 2, 3, 4]
    # Cut to the millisecond: 1.500999 s is 1.500 s.
    assert columns["time"][0] == dt.datetime(2024, 1, 1, 0, 0, 1, 500000, tzinfo=UTC)
    assert columns["time"][2] is None


def test_labels_are_dictionaries_in_order_of_first_appearance():
    table = to_scalars_table(as_pandas_categorical_indexed())
    assert table.column("run_id").type == LABELS
    assert table.column("metric").chunk(0).dictionary.to_pylist() == ["loss", "acc"]
    assert table.column("variant").chunk(0).dictionary.to_pylist() == ["train", "validation"]
    assert table.column("variant").chunk(0).indices.to_pylist() == [0, 1, None, 0, 0]


# Dictionaries as pandas categoricals, pyarrow and polars give them: unused and unordered
# entries, null rows, a null entry, an entry twice, chunks with dictionaries of their own.
LABEL_DICTIONARIES = {
    "unused and unordered": pa.DictionaryArray.from_arrays(pa.array([2, 0, None, 2, 0], pa.int8()), pa.array(["x", "b", "a", "<img src=x onerror=alert(1)>"])),
    "a null entry": pa.DictionaryArray.from_arrays(pa.array([1, 0, 1, 2, 0], pa.int32()), pa.array(["b", None, "a"])),
    "an entry twice": pa.DictionaryArray.from_arrays(pa.array([1, 0, 2, 2, 1], pa.int32()), pa.array(["a", "b", "a"])),
    "large strings": pa.DictionaryArray.from_arrays(pa.array([0, 1, 0, 1, 0], pa.int16()), pa.array(["b", "a"], pa.large_string())),
    "chunks": pa.chunked_array(
        [
            pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int32()), pa.array(["b", "a"])),
            pa.DictionaryArray.from_arrays(pa.array([1, 0, 2], pa.int32()), pa.array(["a", "c", "b"])),
        ]
    ),
}


@pytest.mark.parametrize("name", LABEL_DICTIONARIES)
def test_dictionary_labels_equal_the_labels_of_their_text(name):
    """A dictionary is renumbered through its indices (no string per row): the labels must be
    those pyarrow encodes from the same column written out as text."""
    dictionary = LABEL_DICTIONARIES[name]
    text = dictionary.cast(pa.string())
    table = to_scalars_table(pa.table({"run_id": ["r"] * 5, "metric": ["m"] * 5, "variant": dictionary, "step": range(5), "value": [1.0] * 5}))
    variant = table.column("variant")
    assert variant.type == LABELS and variant.num_chunks == 1
    expected = pa.chunked_array([pc.dictionary_encode(text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text)])
    assert variant.equals(expected)
    assert variant.chunk(0).dictionary.equals(expected.chunk(0).dictionary)


def test_nan_and_infinities_are_kept_and_missing_values_are_nan():
    values = to_scalars_table(RECORDS).column("value").to_pylist()
    assert values[0] == 2.5 and values[2] == math.inf and values[3] == -math.inf
    assert math.isnan(values[1]) and math.isnan(values[4])
    assert to_scalars_table(RECORDS).column("value").null_count == 0


def test_float_steps_stay_float_and_integer_steps_are_int64():
    rows = [{"run_id": "a", "metric": "m", "step": 0.5, "value": 1}, {"run_id": "a", "metric": "m", "step": 1, "value": 1}]
    assert to_scalars_table(rows).column("step").to_pylist() == [0.5, 1.0]
    assert to_scalars_table(rows).schema.field("step").type == pa.float64()
    assert to_scalars_table(pd.DataFrame(rows).astype({"step": "int32"})).schema.field("step").type == pa.int64()


def test_times_as_numbers_stay_seconds():
    rows = [{"run_id": "a", "metric": "m", "step": 1, "time": 1700000000, "value": 1}]
    table = to_scalars_table(rows)
    assert table.schema.field("time").type == pa.float64()
    assert table.column("time").to_pylist() == [1700000000.0]


def test_other_columns_are_dropped_and_optional_ones_left_out():
    rows = [{"tag": "x", "run_id": "a", "value": 1, "step": 1, "metric": "m"}]
    assert to_scalars_table(rows).column_names == ["run_id", "metric", "step", "value"]


def test_a_variant_with_no_values_is_kept_as_labels():
    rows = [{"run_id": "a", "metric": "m", "variant": None, "step": 1, "value": 1}]
    table = to_scalars_table(rows)
    assert table.schema.field("variant").type == LABELS
    assert rc.scalars_to_ipc(rows) == rc.scalars_to_ipc(pd.DataFrame(rows))


def test_columns_with_no_values_give_the_same_bytes_whatever_their_type():
    rows = [{"run_id": "a", "metric": "m", "step": 1, "time": None, "value": None}]
    frame = pd.DataFrame(rows).astype({"time": "datetime64[s, UTC]", "value": "datetime64[s]"})
    table = to_scalars_table(frame)
    assert table.schema.field("time").type == table.schema.field("value").type == pa.float64()
    assert rc.scalars_to_ipc(frame) == rc.scalars_to_ipc(rows)


def test_series_are_named_metric_slash_variant_in_order_of_first_appearance():
    rows = [
        {"run_id": "a", "metric": "loss", "variant": "train", "step": 1, "value": 1},
        {"run_id": "a", "metric": "acc", "variant": None, "step": 1, "value": 1},
        {"run_id": "b", "metric": "loss", "variant": "train", "step": 1, "value": 1},
        {"run_id": "b", "metric": "loss", "variant": "validation", "step": 1, "value": 1},
        {"run_id": "b", "metric": "acc", "variant": "test", "step": 1, "value": 1},
    ]
    assert series_keys(to_scalars_table(rows)) == ["loss/train", "acc", "loss/validation", "acc/test"]
    no_variant = [{key: value for key, value in row.items() if key != "variant"} for row in rows]
    assert series_keys(to_scalars_table(no_variant)) == ["loss", "acc"]


def test_arrow_payload_is_at_most_a_third_of_json():
    # 96 runs x 4 series x 100 steps, as the example sweep: ids, names and values as in practice.
    rows = [
        {"run_id": f"run-{run:03d}-5f3a9c", "metric": metric, "variant": variant, "step": step, "time": 1_700_000_000.0 + step, "value": 1.0 / (step + run + 1)}
        for run in range(96)
        for metric in ("loss", "accuracy")
        for variant in ("train", "validation")
        for step in range(100)
    ]
    assert len(rc.scalars_to_ipc(rows)) * 3 <= len(json.dumps(rows))


def test_tables_longer_than_one_batch_read_back_whole_with_labels_sent_once():
    rows, runs = 70_000, 10_000  # two batches of at most 65536 rows
    run_ids = [f"run-{i:016d}" for i in range(runs)] * (rows // runs)
    table = pa.table({"run_id": run_ids, "metric": ["m"] * rows, "step": range(rows), "value": [0.5] * rows})
    ipc = rc.scalars_to_ipc(table)
    assert pa.ipc.open_stream(ipc).read_all().cast(table.schema).equals(table)
    # 4 + 4 + 8 + 8 bytes a row, and 20 + 4 bytes (text and offset) a run id, sent once.
    assert len(ipc) < 1.02 * (rows * 24 + runs * 24)


# rc.parallel with scalars: the rows of tests/unit/data/summaries.test.ts.
SCALARS = [
    {"run_id": "a", "metric": "loss", "variant": "train", "step": 2, "time": 20, "value": 0.5},
    {"run_id": "a", "metric": "loss", "variant": "train", "step": 1, "time": 10, "value": 0.9},
    {"run_id": "b", "metric": "loss", "variant": "train", "step": 1, "time": 1, "value": 1.5},
    {"run_id": "b", "metric": "acc", "variant": None, "step": 1, "time": 2, "value": 0.7},
]
RUNS = pd.DataFrame({"run_id": ["b", "c", "a"], "params.lr": [0.1, 0.01, 0.001], "metrics.acc": [0.1, 0.2, 0.3]})


def test_parallel_sends_the_scalars_once_converted():
    widget = rc.parallel(RUNS, scalars=pd.DataFrame(SCALARS), metrics=["loss/train:min", "acc:MAX"], color="loss/train")
    assert widget.scalars == rc.scalars_to_ipc(SCALARS)
    assert pa.ipc.open_stream(widget.scalars).read_all().to_pylist() == [{**row, "time": float(row["time"])} for row in SCALARS]
    assert widget.options == {"params": None, "metrics": ["loss/train:min", "acc:MAX"], "color": "loss/train", "height": 360, "width": None}


def test_parallel_without_scalars_sends_none():
    assert rc.parallel(RUNS).scalars == b""


def test_unknown_series_lists_the_series_in_order_of_first_appearance():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.parallel(RUNS, scalars=SCALARS, metrics=["loss/val:min"])
    assert str(caught.value) == (
        'no metric "loss/val:min" in the runs or the scalars (scalars series: loss/train, acc): name one of these, optionally ending in :last, :min or :max.'
    )


def test_a_runs_column_wins_unless_a_summary_is_asked_for():
    rc.parallel(RUNS, scalars=SCALARS, metrics=["acc", "acc:last", "lr"], color="params.lr")
    scalars_without_acc = [row for row in SCALARS if row["metric"] != "acc"]
    rc.parallel(RUNS, scalars=scalars_without_acc, metrics=["acc"])
    with pytest.raises(rc.RunsDataError, match=r'^no metric "acc:last" in the runs or the scalars \(scalars series: loss/train\)'):
        rc.parallel(RUNS, scalars=scalars_without_acc, metrics=["acc:last"])


def test_an_unknown_colour_is_an_unknown_series():
    with pytest.raises(rc.RunsDataError, match=r'^no metric "loss" in the runs or the scalars'):
        rc.parallel(RUNS, scalars=SCALARS, color="loss")


def test_summaries_without_scalars_are_unknown_columns():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.parallel(RUNS, metrics=["acc:min"])
    assert str(caught.value) == (
        'no column "acc:min" in runs (columns: params.lr, metrics.acc): pass one of these, with or without its "params."/"metrics." prefix.'
    )


def test_with_no_metrics_columns_every_series_is_drawn():
    runs = RUNS[["run_id"]]
    with pytest.raises(rc.RunsDataError, match="^runs have no params"):
        rc.parallel(runs)
    assert rc.parallel(runs, scalars=SCALARS).options["metrics"] is None


def test_scalars_of_other_runs_raise():
    with pytest.raises(rc.RunsDataError) as caught:
        rc.parallel([{"run_id": "x", "metrics.acc": 1}], scalars=SCALARS)
    assert str(caught.value) == ('no scalars belong to the runs: the scalars have run ids such as "a", the runs table "x"; pass the scalars of these runs.')


def test_bad_scalars_raise_before_a_widget_is_made():
    with pytest.raises(rc.RunsDataError, match='^scalars table has no "value" column'):
        rc.parallel(RUNS, scalars=[{"run_id": "a", "metric": "m", "step": 1}])


def test_public_api():
    assert "scalars_to_ipc" in rc.__all__
