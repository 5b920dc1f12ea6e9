"""rc.plots: every accepted input, bad input, and the numbers the view computes checked against
scikit-learn. build_reference() computes with scikit-learn (and numpy) what the TypeScript must
give: tests/contract/plots.json holds it and jest checks the TypeScript against that file
(tests/unit/plots-numbers.test.ts); here we check the file is what scikit-learn says today.
After a change of cases: RC_WRITE_PLOTS=1 pytest tests/python/test_plots.py."""

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc
from sklearn.metrics import auc, average_precision_score, confusion_matrix, precision_recall_curve, roc_auc_score, roc_curve

FIXTURE = Path(__file__).parents[1] / "contract" / "plots.json"
HOSTILE = "<img src=x onerror=alert(1)>"
LABELS = ["cat", "dog", HOSTILE]


def predictions(seed, skill):
    """Labels and scores of a binary classifier, and predictions of a three-class one."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 2, 300)
    scores = np.clip(truth * skill + rng.normal(0, 0.35, 300), 0, 1).round(3)  # rounded: ties, as real scores have
    classes = rng.integers(0, 3, 300)
    predicted = np.where(rng.random(300) < skill, classes, rng.integers(0, 3, 300))
    return truth, scores, classes, predicted


def build_reference():
    runs = {"base": predictions(1, 0.8), "other": predictions(2, 0.5), "weak": predictions(3, 0.2)}
    curves = []
    matrices = []
    for run_id, (truth, scores, classes, predicted) in runs.items():
        fpr, tpr, _ = roc_curve(truth, scores)
        precision, recall, _ = precision_recall_curve(truth, scores)
        curves.append(
            {
                "run_id": run_id,
                "fpr": fpr.tolist(),
                "tpr": tpr.tolist(),
                "auc": roc_auc_score(truth, scores),
                "trapezoid": auc(fpr, tpr),
                "recall": recall.tolist(),
                "precision": precision.tolist(),
                "average_precision": average_precision_score(truth, scores),
            }
        )
        names = np.array(LABELS)
        matrix = confusion_matrix(names[classes], names[predicted], labels=LABELS)
        shares = confusion_matrix(names[classes], names[predicted], labels=LABELS, normalize="true")
        matrices.append({"run_id": run_id, "labels": LABELS, "matrix": matrix.tolist(), "shares": shares.tolist()})
    base = np.array(matrices[0]["matrix"])
    for entry in matrices:
        entry["difference"] = (np.array(entry["matrix"]) - base).tolist()
    return {
        "about": (
            "ROC and PR curves from scikit-learn's roc_curve and precision_recall_curve with the AUC and average precision it computes, "
            "and confusion matrices (counts, rows as shares, difference to the first run's); written by tests/python/test_plots.py."
        ),
        "curves": curves,
        "matrices": matrices,
    }


def test_reference_file_is_what_scikit_learn_says():
    reference = build_reference()
    if os.environ.get("RC_WRITE_PLOTS"):
        FIXTURE.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    assert json.loads(FIXTURE.read_text(encoding="utf-8")) == json.loads(json.dumps(reference))
    for curve in reference["curves"]:
        # sklearn's own two ways agree: the trapezoid over roc_curve's points is roc_auc_score.
        assert curve["trapezoid"] == pytest.approx(curve["auc"], abs=1e-12)


def read(widget):
    return pa.ipc.open_stream(widget.runs).read_all()


def small(table, row):
    return pa.ipc.open_stream(table.column("data")[row].as_py()).read_all().to_pydict()


def test_every_kind_of_data_is_a_small_table():
    frame = pd.DataFrame([[5, 1], [2, 7]], index=["cat", "dog"], columns=["cat", "dog"])
    plots = [
        {"run_id": "a", "metric": "loss", "step": 1, "kind": "line", "data": {"x": np.arange(3), "y": np.array([1.0, 0.5, 0.25])}},
        {"run_id": "a", "metric": "sizes", "step": 1, "kind": "bar", "data": pd.DataFrame({"x": ["p", "q"], "y": [3, 4]})},
        {"run_id": "a", "metric": "cm", "step": 1, "kind": "confusion", "data": np.array([[3, 1], [0, 4]])},
        {"run_id": "b", "metric": "cm", "step": 1, "kind": "confusion", "data": frame},
        {"run_id": "a", "metric": "w", "step": 1, "kind": "box", "data": pa.table({"y": [1.0, 2.0, 3.0]})},
        {"run_id": "a", "metric": "h", "step": 1, "kind": "histogram", "data": [{"left": 0, "right": 1, "count": 4}]},
        {"run_id": "a", "metric": "roc", "step": 1, "kind": "ROC", "data": {"fpr": [0, 0.5, 1], "tpr": [0, 0.9, 1]}},
    ]
    table = read(rc.plots(plots))
    assert table.column("kind").to_pylist() == ["line", "bar", "confusion", "confusion", "box", "histogram", "roc"]
    assert small(table, 0) == {"x": [0.0, 1.0, 2.0], "y": [1.0, 0.5, 0.25]}
    assert small(table, 1) == {"x": ["p", "q"], "y": [3.0, 4.0]}
    assert small(table, 2) == {"row": ["0", "0", "1", "1"], "column": ["0", "1", "0", "1"], "value": [3.0, 1.0, 0.0, 4.0]}
    assert small(table, 3) == {"row": ["cat", "cat", "dog", "dog"], "column": ["cat", "dog", "cat", "dog"], "value": [5.0, 1.0, 2.0, 7.0]}
    assert small(table, 6) == {"x": [0.0, 0.5, 1.0], "y": [0.0, 0.9, 1.0]}


def test_bad_options_and_data_name_the_fault():
    plots = [{"run_id": "a", "metric": "loss", "step": 1, "kind": "line", "data": {"y": [1, 2]}}]
    with pytest.raises(rc.RunsDataError, match=r'no metric "acc" in the plots \(series: loss\)'):
        rc.plots(plots, metrics=["acc"])
    with pytest.raises(rc.RunsDataError, match=r'no run "zzz" in the plots \(runs: a\): pass one of these run ids as base'):
        rc.plots(plots, base="zzz")
    with pytest.raises(rc.RunsDataError, match="no plots belong to the runs"):
        rc.plots(plots, runs=[{"run_id": "b"}])
    with pytest.raises(rc.RunsDataError, match=r"the data of the line plot at row 0 is not a table \(a set\)"):
        rc.plots([{**plots[0], "data": {1, 2}}])


def test_hostile_names_travel_as_text():
    plots = [{"run_id": HOSTILE, "metric": HOSTILE, "variant": HOSTILE, "step": 1, "kind": "bar", "data": {"x": [HOSTILE], "y": [1]}}]
    table = read(rc.plots(plots))
    assert table.column("metric").to_pylist() == [HOSTILE]
    assert small(table, 0)["x"] == [HOSTILE]
