"""The messages' words come from schema/messages.json, filled as src/data/errors.ts fills them."""

import json
from pathlib import Path

import pytest
from runcompare import _errors

CASES = json.loads((Path(__file__).parent.parent / "contract" / "format_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["template"] for case in CASES["cases"]])
def test_templates_are_filled_as_typescript_fills_them(case):
    assert _errors.format_message(case["template"], case["args"], CASES["words"]) == case.get("py", case["ts"])


def test_each_message_is_a_function_of_its_arguments():
    assert _errors.unknown_column("lr", ["params.a", "metrics.b"]) == (
        'no column "lr" in runs (columns: params.a, metrics.b): pass one of these, with or without its "params."/"metrics." prefix.'
    )
    assert _errors.no_run_id([]) == 'runs table has no "run_id" column: add a "run_id" column with one unique string id per run.'
    assert _errors.same_series_name("scalars", "loss/train", ("loss/train", None), ("loss", "train")).startswith(
        'two series of the scalars are both named "loss/train": metric "loss/train" with no variant and metric "loss" with variant "train";'
    )
