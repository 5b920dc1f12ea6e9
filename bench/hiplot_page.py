"""Writes HiPlot's standalone HTML page for a runs table given as JSON records.

Usage: python bench/hiplot_page.py RUNS.json OUT.html [--display parallel|table]

With "parallel" (the default) only the parallel plot is enabled, so the page draws what
runcompare's parallel view draws; lines are coloured by the same metric. With "table" only
HiPlot's table is enabled, to compare with runcompare's runs table.
"""

import argparse
import json

import hiplot

DISPLAYS = {"parallel": hiplot.Displays.PARALLEL_PLOT, "table": hiplot.Displays.TABLE}


def main(records_path: str, html_path: str, display: str) -> None:
    with open(records_path, encoding="utf-8") as f:
        records = json.load(f)
    experiment = hiplot.Experiment.from_iterable({"uid": r.pop("run_id"), **r} for r in records)
    experiment.enabledDisplays = [DISPLAYS[display]]
    experiment.colorby = "metrics.val/acc"
    experiment.to_html(html_path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records")
    parser.add_argument("html")
    parser.add_argument("--display", choices=sorted(DISPLAYS), default="parallel")
    arguments = parser.parse_args()
    main(arguments.records, arguments.html, arguments.display)
