"""Bad runs raise RunsDataError with the words of src/data/errors.ts."""

import math

import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc
from runcompare._values import parse_number


def raises(table):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.runs_to_ipc(table)
    return str(caught.value)


def test_runs_data_error_is_a_value_error():
    assert issubclass(rc.RunsDataError, ValueError)


@pytest.mark.parametrize(
    "runs, got",
    [(42, "int"), (None, "NoneType"), (pd.Series(["a"]), "Series"), ([{"run_id": "a"}, 3], "a list holding int")],
)
def test_input_that_is_not_runs_names_what_it_got(runs, got):
    assert raises(runs) == (f"runs must be a pandas or polars DataFrame, a pyarrow Table or a list of dicts; got {got}.")


@pytest.mark.parametrize("scalars, got", [(42, "int"), ([{"run_id": "a"}, 3], "a list holding int")])
def test_input_that_is_not_scalars_says_scalars(scalars, got):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.scalars_to_ipc(scalars)
    assert str(caught.value) == (f"scalars must be a pandas or polars DataFrame, a pyarrow Table or a list of dicts; got {got}.")


def test_duplicate_column_names_in_pandas():
    frame = pd.DataFrame([["a", 0.1, 0.2]], columns=["run_id", "params.lr", "params.lr"])
    assert raises(frame) == 'column "params.lr" appears twice: column names must be unique.'


def test_duplicate_column_names_in_pyarrow():
    table = pa.table([pa.array(["a"]), pa.array([1]), pa.array([2])], names=["run_id", "x", "x"])
    assert raises(table) == 'column "x" appears twice: column names must be unique.'


def test_named_index_clashing_with_a_column_is_a_duplicate():
    frame = pd.DataFrame({"run_id": ["a"]}, index=pd.Index(["a"], name="run_id"))
    assert raises(frame) == 'column "run_id" appears twice: column names must be unique.'


def test_pandas_object_column_mixing_types_gets_our_message_not_pyarrows():
    frame = pd.DataFrame({"run_id": ["a", "b", "c"], "params.opt": ["adam", None, 3]})
    assert raises(frame) == ('column "params.opt" mixes strings and numbers: give every value of a column one type, for example all strings.')


def test_booleans_are_not_numbers():
    assert raises([{"run_id": "a", "params.x": True}, {"run_id": "b", "params.x": 1}]).startswith('column "params.x" mixes booleans and numbers')


def test_missing_markers_in_a_pandas_object_column_are_not_a_type():
    frame = pd.DataFrame({"run_id": ["a", "b", "c", "d"], "params.opt": ["adam", math.nan, pd.NA, None]})
    assert rc.runs_to_ipc(frame)


def test_nan_in_records_is_a_number():
    assert raises([{"run_id": "a", "params.opt": "adam"}, {"run_id": "b", "params.opt": math.nan}]).startswith('column "params.opt" mixes strings and numbers')


def test_mixed_run_ids_are_reported_as_a_mix():
    assert raises([{"run_id": "a"}, {"run_id": 2}]).startswith('column "run_id" mixes strings and numbers')


def test_long_column_lists_are_cut_at_eight_names():
    record = {f"c{i}": i for i in range(10)}
    assert "(columns: c0, c1, c2, c3, c4, c5, c6, c7, … (10 in all))" in raises([record])


def test_long_ids_are_cut_at_forty_characters():
    run_id = "x" * 50
    assert f'the id "{"x" * 40}…" twice' in raises([{"run_id": run_id}, {"run_id": run_id}])


def test_metric_text_that_is_all_numbers_is_accepted():
    values = ["0.5", " 1e-3 ", "nan", "inf", "-infinity", "+Inf", "0x1F", ".5", "5.", None]
    assert rc.runs_to_ipc([{"run_id": str(i), "metrics.acc": value} for i, value in enumerate(values)])


def test_metric_holding_a_list_quotes_it_as_javascript_would():
    assert raises([{"run_id": "a", "metrics.hist": [1, 2.5]}]) == (
        'column "metrics.hist" holds lists such as 1,2.5: metrics.* columns must be numbers; move these values to a tags.* column.'
    )


@pytest.mark.parametrize("column", ["params.blob", "metrics.blob"])
def test_binary_params_and_metrics_cannot_be_shown(column):
    assert raises([{"run_id": "a", column: b"\x01"}]) == (
        f'column "{column}" holds binary, which runcompare cannot show: drop the column or convert it to text.'
    )


def test_binary_tags_are_fine():
    assert rc.runs_to_ipc([{"run_id": "a", "tags.blob": b"\x01"}])


def test_objects_pyarrow_cannot_type_are_unsupported():
    assert raises([{"run_id": "a", "params.model": object()}]) == (
        'column "params.model" holds objects, which runcompare cannot show: drop the column or convert it to text.'
    )


@pytest.mark.parametrize(
    "text, number",
    [("0.001", 0.001), (" 64 ", 64.0), ("-inf", -math.inf), ("Infinity", math.inf), ("0b101", 5.0), ("1e400", math.inf)],
)
def test_parse_number_reads_numbers_as_javascript_does(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", " ", "1_000", "-0x10", "0x", "1e", "auto", "nan1"])
def test_parse_number_rejects_what_javascript_rejects(text):
    assert parse_number(text) is None


def test_parse_number_nan():
    assert math.isnan(parse_number("NaN"))
