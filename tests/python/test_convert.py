"""Every accepted input gives the same normalised Arrow bytes for the same data."""

import datetime as dt
import math
from decimal import Decimal

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
import runcompare as rc
from runcompare._convert import to_runs_table

UTC = dt.timezone.utc
TIMESTAMP = pa.timestamp("ms", tz="UTC")

RECORDS = [
    {
        "run_id": "a",
        "params.layers": 2,
        "params.lr": 0.1,
        "params.opt": "adam",
        "params.flag": True,
        "metrics.acc": 0.5,
        "start_time": dt.datetime(2024, 1, 1, 12, 0, 0, 123456, tzinfo=UTC),
    },
    {
        "run_id": "b",
        "params.layers": 4,
        "params.lr": math.nan,
        "params.opt": None,
        "params.flag": False,
        "metrics.acc": 0.75,
        "start_time": dt.datetime(2024, 1, 2, tzinfo=UTC),
    },
    {"run_id": "c", "params.layers": 8, "params.lr": 0.001, "params.opt": "sgd", "params.flag": True, "metrics.acc": math.nan, "start_time": None},
]
COLUMNS = {name: [record[name] for record in RECORDS] for name in RECORDS[0]}


def as_pandas():
    frame = pd.DataFrame(COLUMNS)
    frame["start_time"] = pd.to_datetime(frame["start_time"], utc=True)
    return frame


def as_polars():
    return pl.DataFrame(COLUMNS, schema_overrides={"start_time": pl.Datetime("ns", "UTC")}, nan_to_null=False)


def as_pyarrow():
    # Deliberately wide and unusual types, which must normalise to the same bytes.
    return pa.table(
        {
            "run_id": pa.array(COLUMNS["run_id"], pa.string_view()),
            "params.layers": pa.array(COLUMNS["params.layers"], pa.int16()),
            "params.lr": pa.array(COLUMNS["params.lr"]),
            "params.opt": pa.array(COLUMNS["params.opt"], pa.large_string()),
            "params.flag": pa.array(COLUMNS["params.flag"]),
            "metrics.acc": pa.array(COLUMNS["metrics.acc"]),
            "start_time": pa.array(COLUMNS["start_time"], pa.timestamp("us", tz="Europe/Berlin")),
        }
    ).replace_schema_metadata({"source": "test"})


INPUTS = {
    "records": lambda: RECORDS,
    "pandas": as_pandas,
    "polars": as_polars,
    "pyarrow": as_pyarrow,
    "record batch": lambda: as_pyarrow().combine_chunks().to_batches()[0],
}


@pytest.mark.parametrize("kind", list(INPUTS))
def test_every_input_gives_the_same_bytes(kind):
    assert rc.runs_to_ipc(INPUTS[kind]()) == rc.runs_to_ipc(RECORDS)


def test_bytes_read_back_as_the_normalised_table():
    table = pa.ipc.open_stream(rc.runs_to_ipc(as_pandas())).read_all()
    assert table.schema == pa.schema(
        [
            ("run_id", pa.string()),
            ("params.layers", pa.int64()),
            ("params.lr", pa.float64()),
            ("params.opt", pa.string()),
            ("params.flag", pa.bool_()),
            ("metrics.acc", pa.float64()),
            ("start_time", TIMESTAMP),
        ]
    )
    rows = table.to_pylist()
    assert [row["run_id"] for row in rows] == ["a", "b", "c"]
    assert [row["params.opt"] for row in rows] == ["adam", None, "sgd"]
    assert math.isnan(rows[1]["params.lr"]) and math.isnan(rows[2]["metrics.acc"])
    assert rows[0]["start_time"] == dt.datetime(2024, 1, 1, 12, 0, 0, 123000, tzinfo=UTC)
    assert rows[2]["start_time"] is None


@pytest.mark.parametrize("kind", list(INPUTS))
def test_bytes_are_pyarrows_own_stream_of_one_batch(kind):
    # Written in place into a bytearray of the size measured first: the same bytes as pyarrow's
    # growing buffer gives for the normalised table.
    table = to_runs_table(INPUTS[kind]())
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    sent = rc.runs_to_ipc(INPUTS[kind]())
    assert isinstance(sent, bytearray) and sent == sink.getvalue().to_pybytes()
    assert len(list(pa.ipc.open_stream(sent))) == 1


def test_missing_floats_are_nan():
    table = to_runs_table([{"run_id": "a", "metrics.acc": 0.5}, {"run_id": "b", "metrics.acc": None}])
    assert table.column("metrics.acc").null_count == 0
    assert math.isnan(table.column("metrics.acc")[1].as_py())


def test_naive_timestamps_are_utc_and_dates_are_midnight():
    naive = [{"run_id": "a", "t": dt.datetime(2024, 1, 2)}]
    aware = [{"run_id": "a", "t": dt.datetime(2024, 1, 2, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))}]
    date = [{"run_id": "a", "t": dt.date(2024, 1, 2)}]
    assert rc.runs_to_ipc(naive) == rc.runs_to_ipc(aware) == rc.runs_to_ipc(date)


def test_pandas_index_dropped_unless_named():
    expected = rc.runs_to_ipc([{"run_id": "b", "v": 2}, {"run_id": "c", "v": 3}])
    frame = pd.DataFrame({"run_id": ["a", "b", "c"], "v": [1, 2, 3]})
    assert rc.runs_to_ipc(frame.iloc[1:]) == expected
    assert rc.runs_to_ipc(frame.iloc[1:].set_index("run_id")) == expected


def test_mlflow_search_runs_frame_is_accepted_as_it_comes():
    # The shape mlflow.search_runs() returns: object params and tags with None for missing.
    start = pd.to_datetime([1_700_000_000_000, 1_700_000_100_000], unit="ms", utc=True)
    frame = pd.DataFrame(
        {
            "run_id": ["4f1c", "9a2e"],
            "experiment_id": ["1", "1"],
            "status": ["FINISHED", "FAILED"],
            "artifact_uri": ["file:///mlruns/1/4f1c/artifacts", "file:///mlruns/1/9a2e/artifacts"],
            "start_time": start,
            "end_time": start + pd.Timedelta(minutes=5),
            "metrics.accuracy": [0.91, float("nan")],
            "metrics.loss": [0.3, 0.5],
            "params.lr": pd.Series(["0.001", "0.01"], dtype=object),
            "params.optimizer": pd.Series(["adam", None], dtype=object),
            "tags.mlflow.runName": pd.Series(["bright-owl", "calm-fox"], dtype=object),
            "tags.mlflow.source.type": pd.Series(["LOCAL", "LOCAL"], dtype=object),
        }
    )
    table = pa.ipc.open_stream(rc.runs_to_ipc(frame)).read_all()
    assert table.column_names == list(frame.columns)
    assert table.schema.field("start_time").type == TIMESTAMP
    assert table.column("params.lr").to_pylist() == ["0.001", "0.01"]
    assert table.column("end_time")[0].as_py() == dt.datetime(2023, 11, 14, 22, 18, 20, tzinfo=UTC)


@pytest.mark.parametrize("string_type", [pa.string_view(), pa.large_string(), pa.dictionary(pa.int32(), pa.string())])
def test_pyarrow_string_kinds_become_string(string_type):
    table = pa.table({"run_id": pa.array(["a", "b"]).cast(string_type), "params.opt": pa.array(["x", None]).cast(string_type)})
    assert rc.runs_to_ipc(table) == rc.runs_to_ipc([{"run_id": "a", "params.opt": "x"}, {"run_id": "b", "params.opt": None}])


@pytest.mark.parametrize("dtype", [pl.String, pl.Categorical, pl.Enum(["x", "y"])])
def test_polars_string_kinds_become_string(dtype):
    frame = pl.DataFrame({"run_id": ["a", "b"], "params.opt": pl.Series(["x", "y"], dtype=dtype)})
    assert rc.runs_to_ipc(frame) == rc.runs_to_ipc([{"run_id": "a", "params.opt": "x"}, {"run_id": "b", "params.opt": "y"}])


def test_polars_frames_read_through_string_views_give_the_bytes_of_their_oldest_arrow_layout():
    # Text is read as polars holds it (string views) where it can; categoricals, alone or nested,
    # as large_string dictionaries: either way the bytes are those of to_arrow()'s oldest layout.
    frame = pl.DataFrame(
        {
            "run_id": ["a", "b"],
            "params.opt": pl.Series(["x", None], dtype=pl.Categorical),
            "tags.kinds": pl.Series([["x"], None], dtype=pl.List(pl.Categorical)),
            "params.text": ["p", "<img src=x onerror=alert(1)>"],
            "tags.list": [["p", "q"], None],
            "params.nested": [{"k": "v", "n": 1}, None],
            "blob": [b"x", None],
            "start_time": [dt.datetime(2020, 1, 1), None],
            "metrics.cost": pl.Series([Decimal("1.5"), None], dtype=pl.Decimal(10, 2)),
            "params.flag": [True, None],
            "tags.none": [None, None],
        }
    )
    assert rc.runs_to_ipc(frame) == rc.runs_to_ipc(frame.to_arrow(compat_level=pl.CompatLevel.oldest()))


def test_pandas_categorical_becomes_string():
    frame = pd.DataFrame({"run_id": ["a", "b"], "params.opt": pd.Categorical(["x", "y"])})
    assert to_runs_table(frame).schema.field("params.opt").type == pa.string()


def test_decimals_become_float64():
    table = pa.table({"run_id": ["a"], "metrics.cost": pa.array([1.25]).cast(pa.decimal128(10, 2))})
    assert to_runs_table(table).schema.field("metrics.cost").type == pa.float64()


def test_chunked_tables_give_the_same_bytes():
    table = pa.Table.from_pylist(RECORDS)
    chunked = pa.concat_tables([table.slice(0, 1), table.slice(1)])
    assert chunked.column("run_id").num_chunks == 2
    assert rc.runs_to_ipc(chunked) == rc.runs_to_ipc(RECORDS)


def test_dataframe_subclasses_are_accepted():
    class RunsFrame(pd.DataFrame):
        pass

    assert rc.runs_to_ipc(RunsFrame(COLUMNS)) == rc.runs_to_ipc(as_pandas())


def test_pandas_object_text_with_any_missing_marker_reads_as_records_do():
    frame = pd.DataFrame(
        {
            "run_id": pd.Series(["a", "b", "c", "d"], dtype=object),
            "tags.note": pd.Series(["x", None, math.nan, pd.NA], dtype=object),
            "tags.empty": pd.Series([None, math.nan, None, pd.NA], dtype=object),
        }
    )
    records = [{"run_id": r, "tags.note": n, "tags.empty": None} for r, n in zip("abcd", ["x", None, None, None])]
    assert rc.runs_to_ipc(frame) == rc.runs_to_ipc(records)


def test_pandas_object_column_mixing_types_is_still_named():
    frame = pd.DataFrame({"run_id": ["a", "b"], "params.lr": pd.Series(["auto", 0.1], dtype=object)})
    with pytest.raises(rc.RunsDataError, match='column "params.lr" mixes strings and numbers'):
        rc.runs_to_ipc(frame)


def test_null_slots_of_sliced_columns_hold_zeros():
    table = pa.table({"run_id": ["a", "b", "c", "d"], "params.n": pa.array([9, None, 3, None])}).slice(1)
    column = to_runs_table(table).column("params.n").combine_chunks()
    assert column.to_pylist() == [None, 3, None]
    assert list(memoryview(column.buffers()[1]).cast("q"))[column.offset :][:3] == [0, 3, 0]
