"""Writes HiPlot's standalone HTML page for a runs table given as JSON records.

Usage: python bench/hiplot_page.py RUNS.json OUT.html

Only the parallel plot is enabled, so the page draws what runcompare's view draws; lines are
coloured by the same metric.
"""
import json
import sys

import hiplot


def main(records_path: str, html_path: str) -> None:
    with open(records_path, encoding="utf-8") as f:
        records = json.load(f)
    experiment = hiplot.Experiment.from_iterable({"uid": r.pop("run_id"), **r} for r in records)
    experiment.enabledDisplays = [hiplot.Displays.PARALLEL_PLOT]
    experiment.colorby = "metrics.val/acc"
    experiment.to_html(html_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
