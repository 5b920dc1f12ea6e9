"""Scalars are cut before they are sent: views of summaries get the rows that decide each
series' last, min and max; curves past max_points keep each step interval's extremes."""

import base64

import numpy as np
import polars as pl
import pyarrow as pa
import pytest
import runcompare as rc
from runcompare._reduce import keep_summaries, reduce_curves
from runcompare._scalars import to_scalars_table


def sweep(runs=6, steps=5000, seed=0):
    """Noisy curves, two series per run, rows interleaved step by step as loggers write them,
    with NaN, infinities, repeated steps and a step that arrives late."""
    rng = np.random.default_rng(seed)
    run, series, step = (a.ravel() for a in np.meshgrid(np.arange(runs), np.arange(2), np.arange(steps), indexing="ij"))
    order = np.lexsort((series, run, step))
    run, series, step = run[order], series[order], step[order]
    value = np.exp(-step / 1000) + rng.normal(0, 0.1, len(step))
    value[rng.choice(len(value), 40, replace=False)] = np.nan
    value[7], value[11] = np.inf, -np.inf
    step[3] = step[4]
    step[[-1, 0]] = step[[0, -1]]
    return to_scalars_table(
        pa.table(
            {
                "run_id": [f"run {i}" for i in run],
                "metric": np.where(series == 0, "loss", "accuracy"),
                "step": step,
                "time": step * 0.5 + np.arange(len(step)) * 1e-6,
                "value": value,
            }
        )
    )


def summaries(table):
    """last (by step, then time), min and max (NaN ignored) per series, as summaries.ts."""
    frame = pl.from_arrow(table).with_columns(pl.col("run_id", "metric").cast(pl.Utf8))
    value = pl.col("value").fill_nan(None)
    return (
        frame.sort(["run_id", "metric", "step", "time"], maintain_order=True)
        .group_by(["run_id", "metric"], maintain_order=True)
        .agg(value.min().alias("min"), value.max().alias("max"), pl.col("value").last().alias("last"))
        .sort(["run_id", "metric"])
    )


def series_order(table):
    return rc._scalars.series_keys(table), table.column("run_id").unique().to_pylist()


def test_summary_rows_keep_every_last_min_and_max_and_the_order_of_first_appearance():
    table = sweep()
    kept = keep_summaries(table)
    assert kept.num_rows <= 5 * 12
    assert summaries(kept).equals(summaries(table))
    assert series_order(kept) == series_order(table)
    assert kept.schema == table.schema


def test_the_last_value_kept_is_mlflows_latest_metric():
    """Greatest step, then latest time, then largest value (MLflow's store tests' case: 20), NaN
    lowest and a missing time earliest; in any row order."""
    logged = [(0, 100, 1000), (3, 40, 100), (3, 50, 10), (3, 50, 20), (3, 50, 20), (-3, 900, 900), (-1, 800, 800)]
    ties = [(1, 5, 0.3), (1, 5, np.nan), (2, None, 0.9), (1, 7, 5.0)]
    rng = np.random.default_rng(1)
    for rows, expected in ((logged, 20.0), (ties, 0.9), (ties[:2], 0.3)):
        for _ in range(5):
            order = rng.permutation(len(rows))
            table = to_scalars_table([{"run_id": "r", "metric": "m", "step": rows[i][0], "time": rows[i][1], "value": rows[i][2]} for i in order])
            kept = keep_summaries(table)
            frame = pl.from_arrow(kept).with_columns(pl.col("value").fill_nan(None).alias("v"))
            latest = frame.sort(["step", "time", "v"], nulls_last=False).tail(1)["value"][0]
            assert latest == expected


def test_a_table_with_nothing_to_drop_is_sent_as_it_is():
    table = to_scalars_table([{"run_id": "a", "metric": "loss", "step": 1, "value": 1.0}])
    assert keep_summaries(table) is table


def test_curves_within_the_budget_are_not_touched():
    table = sweep(runs=2, steps=100)
    assert reduce_curves(table, max_points=1000) == (table, None)
    assert reduce_curves(table, max_points=None) == (table, None)


def test_long_curves_keep_their_extremes_and_last_values_per_interval():
    table = sweep()
    reduced, note = reduce_curves(table, max_points=12_000)
    assert 4_000 < reduced.num_rows <= 12_000
    assert note.startswith(f"Showing {reduced.num_rows:,} of 60,000 points")
    assert "max_points=None" in note
    assert summaries(reduced).equals(summaries(table))
    assert series_order(reduced) == series_order(table)
    # Every NaN gap of the chosen interval resolution survives: each interval with a NaN keeps one.
    assert np.isnan(reduced.column("value").to_numpy()).sum() >= 1


def test_every_interval_keeps_its_own_extremes():
    steps = np.arange(10_000)
    value = np.sin(steps / 50.0)
    table = to_scalars_table(pa.table({"run_id": ["a"] * len(steps), "metric": ["m"] * len(steps), "step": steps, "value": value}))
    reduced, _ = reduce_curves(table, max_points=4 * 250)
    kept = pl.from_arrow(reduced.select(["step", "value"]))
    full = pl.DataFrame({"step": steps, "value": value})
    interval = (pl.col("step") / 9_999 * 250).floor().clip(0, 249).alias("interval")

    def per_interval(frame):
        return frame.group_by(interval).agg(pl.col("value").min().alias("low"), pl.col("value").max().alias("high")).sort("interval")

    assert per_interval(kept).equals(per_interval(full))


def test_rc_scalars_reduces_past_max_points_and_says_so():
    table = sweep()
    widget = rc.scalars(table, max_points=10_000)
    sent = pa.ipc.open_stream(widget.scalars).read_all()
    assert sent.num_rows < table.num_rows
    assert widget.note.startswith(f"Showing {sent.num_rows:,} of 60,000 points")
    assert rc.scalars(table).note == ""  # the default budget holds these 60,000 points
    assert pa.ipc.open_stream(rc.scalars(table, max_points=None).scalars).read_all().num_rows == table.num_rows


@pytest.mark.parametrize("value", [0, -5, 2.5, True, "all"])
def test_max_points_is_a_positive_whole_number_or_none(value):
    with pytest.raises(rc.RunsDataError, match="max_points must be a whole number of points above 0, or None"):
        rc.scalars(sweep(runs=1, steps=100), max_points=value)


def test_views_of_summaries_are_sent_summary_rows():
    table = sweep()
    runs = [{"run_id": f"run {i}", "params.lr": 0.1 * i} for i in range(6)]
    for widget in (rc.parallel(runs, scalars=table, metrics=["loss:min"]), rc.scatter(runs, x="lr", y="loss:max", scalars=table), rc.values(table)):
        sent = pa.ipc.open_stream(widget.scalars).read_all()
        assert sent.num_rows <= 60 and summaries(sent).equals(summaries(table))
        assert widget.note == ""


def test_the_note_travels_in_the_mime_bundle():
    bundle = rc.mime_bundle(sweep(), view="scalars", max_points=10_000)
    payload = bundle["application/vnd.runcompare.v1+json"]
    assert payload["note"].startswith("Showing ")
    assert pa.ipc.open_stream(base64.b64decode(payload["scalars"])).read_all().num_rows < 60_000
