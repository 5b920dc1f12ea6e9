"""Scalars cut down before they are sent, so a large table reaches the view in seconds.

Rows are only dropped, never changed, and the rows kept are the ones the view needs:
- views that show summaries (parallel, scatter, summary, values) get, per series, the rows
  that decide its last, min and max value and its place in order of first appearance;
- learning curves get, per series and step interval, the first, last, lowest and highest
  value (M4, as src/data/reduce.ts draws), plus the first NaN to keep gaps.
Every step is a numpy operation over whole columns.
"""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ._schema import load_schema

# The default budget of rc.scalars (max_points, as its schema gives it): about 36 MB of Arrow, a
# couple of seconds to arrive.
MAX_POINTS = load_schema("views", "scalars.json")["properties"]["maxPoints"]["default"]
# However many series share the budget, a reduced curve keeps this many step intervals.
MIN_INTERVALS = 200
# Points kept per interval: first, last, lowest, highest.
POINTS_PER_INTERVAL = 4


def keep_summaries(table):
    """The rows that give every series the same last, min and max value and the same order of
    first appearance: the table itself when no row can go."""
    kept = _kept_rows(_Sorted(table), intervals=None)
    return table if len(kept) == table.num_rows else table.take(pa.array(kept))


def reduce_curves(table, max_points=MAX_POINTS):
    """The table with each long series cut to the extremes of its step intervals, so that the
    table holds about ``max_points`` rows, and a sentence for the view saying what was done
    (None when nothing was: the table fits, or max_points is None)."""
    if max_points is None or table.num_rows <= max_points:
        return table, None
    sorted_ = _Sorted(table)
    intervals = max(MIN_INTERVALS, max_points // (POINTS_PER_INTERVAL * sorted_.series_count))
    kept = _kept_rows(sorted_, intervals)
    if len(kept) == table.num_rows:
        return table, None
    note = (
        f"Showing {len(kept):,} of {table.num_rows:,} points: each series longer than "
        f"{POINTS_PER_INTERVAL * intervals:,} points keeps the first, last, lowest and highest value of each of "
        f"{intervals:,} step intervals, so every curve keeps its shape, extremes and last value; smoothing is "
        "computed on the points kept. Pass max_points=None to send every point."
    )
    return table.take(pa.array(kept)), note


class _Sorted:
    """The table's rows in order of series, then step, then time, then value, then row: the last
    row of a series is its last value as summaries.ts picks it, MLflow's latest metric (ties of
    step: the latest time, a missing one earliest; then the largest value, NaN lowest)."""

    def __init__(self, table):
        self.rows = table.num_rows
        code = _series_codes(table)
        value = column_floats(table, "value")
        time = column_floats(table, "time") if "time" in table.column_names else None
        step = column_floats(table, "step")
        self.order = np.lexsort(report_order(step, time, value) + [code])
        self.code = code[self.order]
        self.step = step[self.order]
        self.value = value[self.order]
        self.series_starts = np.flatnonzero(np.r_[True, self.code[1:] != self.code[:-1]])
        self.series_count = len(self.series_starts)
        # Each series' first row in table order keeps the order of first appearance.
        self.first_rows = np.minimum.reduceat(self.order, self.series_starts)


def report_order(step, time, value):
    """np.lexsort keys (the last sorts first) putting reports in MLflow's order for the latest
    value: by step, then time (a missing one earliest), then value (NaN lowest, before -inf).
    Append a key to sort by first, such as the series."""
    nan = np.isnan(value)
    keys = [~nan, np.where(nan, -np.inf, value)]
    if time is not None:
        keys.append(np.where(np.isnan(time), -np.inf, time))
    # A row without a step is never a series' last.
    return keys + [np.where(np.isnan(step), -np.inf, step)]


def _kept_rows(sorted_, intervals):
    """Row indices into the table, ascending: per group (a whole series when intervals is None,
    else a step interval of a series), its first, last, lowest, highest and first NaN row,
    and every row of series too short to reduce."""
    n = sorted_.rows
    lengths = np.diff(np.r_[sorted_.series_starts, n])
    series_of_row = np.repeat(np.arange(sorted_.series_count), lengths)
    keep = np.zeros(n + 1, dtype=bool)  # the extra slot takes the "none" of _extreme_rows
    if intervals is None:
        group = series_of_row
    else:
        group = series_of_row * intervals + _interval(sorted_, lengths, intervals)
        keep[:n] = np.repeat(lengths <= POINTS_PER_INTERVAL * intervals, lengths)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    for rows in (starts, np.r_[starts[1:], n] - 1, *_extreme_rows(sorted_.value, starts)):
        keep[rows] = True
    kept = np.zeros(n, dtype=bool)
    kept[sorted_.order[keep[:n]]] = True
    kept[sorted_.first_rows] = True
    return np.flatnonzero(kept)


def _interval(sorted_, lengths, intervals):
    """Each row's step interval within its series: the series' step range in equal parts."""
    finite_step = np.where(np.isfinite(sorted_.step), sorted_.step, np.nan)
    low = np.fmin.reduceat(finite_step, sorted_.series_starts)
    high = np.fmax.reduceat(finite_step, sorted_.series_starts)
    span = np.repeat(high - low, lengths)
    with np.errstate(invalid="ignore", divide="ignore"):
        position = (finite_step - np.repeat(low, lengths)) / span * intervals
    position = np.where(np.isfinite(position), position, 0)
    return np.clip(position.astype(np.int64), 0, intervals - 1)


def _extreme_rows(value, starts):
    """Per group, the first row of its lowest and of its highest value (NaN ignored, as
    summaries.ts ignores it) and its first NaN row; len(value) where a group has none."""
    n = len(value)
    index = np.arange(n)
    lengths = np.diff(np.r_[starts, n])
    nan = np.isnan(value)
    rows = []
    for pick, blank in ((np.fmin, np.inf), (np.fmax, -np.inf)):
        best = np.repeat(pick.reduceat(np.where(nan, blank, value), starts), lengths)
        rows.append(np.minimum.reduceat(np.where(~nan & (value == best), index, n), starts))
    rows.append(np.minimum.reduceat(np.where(nan, index, n), starts))
    return rows


def _series_codes(table):
    """One int64 per row naming its series (run, metric, variant)."""
    codes = np.zeros(table.num_rows, dtype=np.int64)
    for name in ("run_id", "metric", "variant"):
        if name not in table.column_names:
            continue
        column = table.column(name).combine_chunks()
        indices = pc.fill_null(column.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        codes = codes * (len(column.dictionary) + 1) + indices + 1
    return codes


def column_floats(table, name):
    """A numeric column as float64 (timestamps as epoch numbers), missing values as NaN."""
    column = table.column(name)
    if pa.types.is_timestamp(column.type):
        column = column.cast(pa.int64())
    # Unsafe: integers beyond 2**53 (steps near 2**63) round to the nearest double, as the view reads them.
    return pc.fill_null(pc.cast(column, pa.float64(), safe=False), np.nan).to_numpy(zero_copy_only=False)
