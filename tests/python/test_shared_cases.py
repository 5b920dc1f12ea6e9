"""The bad tables of tests/contract/*.json raise exactly the words the TypeScript side shows,
as lists of dicts and as pandas DataFrames (jest runs the same files)."""

import json
from pathlib import Path

import pandas as pd
import pytest

import runcompare as rc

CONTRACT = Path(__file__).parent.parent / "contract"
SUITES = {"cases.json": rc.runs_to_ipc, "scalars_cases.json": rc.scalars_to_ipc, "details_cases.json": rc.details_to_ipc}
CASES = [
    pytest.param(convert, case, id=f"{file}: {case['case']}")
    for file, convert in SUITES.items()
    for case in json.loads((CONTRACT / file).read_text(encoding="utf-8"))["cases"]
]


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
