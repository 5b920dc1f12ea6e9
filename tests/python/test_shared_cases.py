"""The bad tables of tests/contract/*.json raise exactly the words the TypeScript side shows,
and the tables read with a note carry exactly its words, as lists of dicts and as pandas
DataFrames (jest runs the same files)."""

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc

CONTRACT = Path(__file__).parent.parent / "contract"
SUITES = {"cases.json": rc.runs_to_ipc, "scalars_cases.json": rc.scalars_to_ipc, "details_cases.json": rc.details_to_ipc}
CASES = [
    pytest.param(convert, case, id=f"{file}: {case['case']}")
    for file, convert in SUITES.items()
    for case in json.loads((CONTRACT / file).read_text(encoding="utf-8"))["cases"]
]

NOTES = [pytest.param(case, id=case["case"]) for case in json.loads((CONTRACT / "cases.json").read_text(encoding="utf-8"))["notes"]]
VIEWS = {"parallel": rc.parallel, "scatter": rc.scatter}
VIEW_CASES = [pytest.param(case, id=case["case"]) for case in json.loads((CONTRACT / "view_cases.json").read_text(encoding="utf-8"))["cases"]]


def message(convert, table):
    with pytest.raises(rc.RunsDataError) as caught:
        convert(table)
    return str(caught.value)


@pytest.mark.parametrize("convert, case", CASES)
def test_as_records(convert, case):
    assert message(convert, case["records"]) == case["error"]


@pytest.mark.parametrize("convert, case", CASES)
def test_as_pandas(convert, case):
    frame = pd.DataFrame.from_records(case["records"]) if case["records"] else pd.DataFrame()
    assert message(convert, frame) == case["error"]


@pytest.mark.parametrize("as_frame", [False, True], ids=["records", "pandas"])
@pytest.mark.parametrize("case", NOTES)
def test_read_with_a_note(case, as_frame):
    records = pd.DataFrame.from_records(case["records"]) if as_frame else case["records"]
    table = pa.ipc.open_stream(rc.runs_to_ipc(records)).read_all()
    assert table.column("run_id").to_pylist() == case["ids"]
    assert json.loads(table.schema.metadata[b"runcompare.notes"]) == [case["note"]]


@pytest.mark.parametrize("case", VIEW_CASES)
def test_view_options(case):
    with pytest.raises(rc.RunsDataError) as caught:
        VIEWS[case["view"]](case["records"], **case["options"])
    assert str(caught.value) == case["error"]


MEDIA = json.loads((CONTRACT / "samples_cases.json").read_text(encoding="utf-8"))
MEDIA_CONVERT = {"samples": lambda table: rc._samples.to_samples_table(table), "plots": lambda table: rc._plots.to_plots_table(table)}
MEDIA_CASES = [pytest.param(table, case, id=f"{table}: {case['case']}") for table in MEDIA_CONVERT for case in MEDIA[table]]


@pytest.mark.parametrize("as_frame", [False, True], ids=["records", "pandas"])
@pytest.mark.parametrize("table, case", MEDIA_CASES)
def test_samples_and_plots(table, case, as_frame):
    records = case["records"]
    if as_frame:
        records = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        if "data" in records.columns:
            # A data column of objects, as pandas holds dicts and mixed content.
            records["data"] = pd.Series([record.get("data") for record in case["records"]], dtype=object)
    assert message(MEDIA_CONVERT[table], records) == case["error"]
