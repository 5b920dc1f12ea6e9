"""Significance of differences between groups of runs, and parameter importance: the numbers
src/data/significance.ts and src/data/importance.ts compute, for a notebook's kernel.

The tests and distributions are scipy's own (scipy.stats.ttest_ind, ttest_rel, mannwhitneyu,
wilcoxon, spearmanr), the reference the TypeScript is checked against to 1e-9; what scipy does
not have (the seeded bootstrap, Holm's correction, the effect sizes, groups and notes) follows
the TypeScript step for step, and tests/python/test_statistics.py checks both on one fixture.
docs/statistics.md gives every definition.
"""

import json
import math
import warnings

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._contract import NAME, RUN_ID, SUMMARY_SPEC, is_numeric_column, value_type
from ._errors import RunsDataError, js_string
from ._reduce import column_floats, report_order
from ._tables import read_tables
from ._values import parse_number

STATISTICS = ("mean", "median")
# From this many runs per group on, the note says nothing about the t-test's assumption.
FEW = 5
# d3.randomLcg (d3-random), which the TypeScript bootstrap draws from.
LCG_MUL, LCG_INC = 0x19660D, 0x3C6EF35F
# When every run of each group has the same value (or every pair the same difference).
NO_SPREAD = "no spread within the groups: the t-test cannot weigh the difference (t is infinite or undefined)."


def significance(runs, metric, group_by, pair_by=None, base=None, statistic="mean", confidence=0.95, resamples=9999, seed=0, scalars=None):
    """Compare groups of runs on a metric: each group against the base group.

    runs: a runs table (pandas or polars DataFrame, pyarrow Table, list of dicts).
    metric: a runs column ("metrics.accuracy" or "accuracy") or, with scalars, a curve's
        summary ("loss/validation:min", ":max", ":last").
    group_by: a column or list of columns whose values make a group (e.g. every param but the seed).
    pair_by: a column pairing each run with its counterpart in the other group (the seed, the
        fold): then the paired t-test and Wilcoxon's signed-rank test, else Welch's t-test and
        Mann-Whitney's U.
    base: the label of the group the others are compared with ("lr=0.01 hidden=64"); default the
        first group with two runs that have the metric.
    statistic: "mean" or "median", the centre compared and bootstrapped.
    confidence, resamples, seed: the percentile bootstrap interval of the difference, drawn from
        d3's seeded randomLcg as the TypeScript draws it, so both give the same interval.

    Returns a pandas DataFrame, one row per group compared: sizes, centres, the difference (also
    relative to the base), its interval, both tests with Holm-adjusted p-values, the effect size
    (Cohen's d, or d_z for pairs), and a note where the sample is too small to say much.
    Needs scipy and pandas.
    """
    stats, pd = _scipy_stats(), _pandas()
    _check_options(statistic, confidence, resamples, seed)
    table, values = _metric_values(runs, metric, scalars)
    labels, group_of_run = check_groups(table, group_by, pair_by, base)

    def rows_of(label):
        g = labels.index(label)
        return [row for row in range(table.num_rows) if group_of_run[row] == g and math.isfinite(values[row])]

    if base is None:
        # The first group with two runs to test, else the first.
        base = next((label for label in labels if len(rows_of(label)) >= 2), labels[0])
    pair_column = None if pair_by is None else require_column(table, pair_by)
    pair_keys = None if pair_column is None else _texts(table, pair_column)

    compared = []
    for label in labels:
        if label == base:
            continue
        a, b = rows_of(label), rows_of(base)
        if pair_keys is not None:
            a, b = _pair_rows(a, b, pair_keys, pair_column, label, base)
        options = {"statistic": statistic, "confidence": confidence, "resamples": resamples, "seed": seed}
        compared.append(_compare(stats, label, base, values[a], values[b], pair_keys is not None, options))
    frame = pd.DataFrame(compared, columns=list(_compare_columns()))
    frame.insert(frame.columns.get_loc("p") + 1, "p_holm", holm(frame["p"].to_numpy()))
    frame.insert(frame.columns.get_loc("rank_p") + 1, "rank_p_holm", holm(frame["rank_p"].to_numpy()))
    return frame


def check_groups(table, group_by, pair_by=None, base=None):
    """The group labels and each run's group, once the columns named exist, the runs fall in
    more than one group and the base named is one of them (compareGroups in significance.ts)."""
    names = [group_by] if isinstance(group_by, str) else list(group_by)
    columns = [require_column(table, name) for name in names]
    labels, group_of_run = _groups(table, columns)
    if len(labels) < 2:
        raise RunsDataError(_errors.stats_one_group(columns, labels[0]))
    if base is not None and base not in labels:
        raise RunsDataError(_errors.stats_unknown_group(base, labels))
    if pair_by is not None:
        require_column(table, pair_by)
    return labels, group_of_run


def importance(runs, metric, params=None, bins=10, scalars=None):
    """Each param's Spearman correlation with the metric and its eta squared, the share of the
    metric's variance between the groups of runs sharing a value of the param (or, past `bins`
    distinct values, a quantile bin): a pandas DataFrame, most variance explained first. `chance`
    is the eta squared an unrelated param gets on average from its groups alone, (groups - 1) / (n - 1).

    metric: a runs column or a curve's summary ("loss/validation:min", with scalars).
    params: the columns to weigh; default every params.* column. Needs scipy and pandas.
    """
    stats, pd = _scipy_stats(), _pandas()
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 2:
        raise RunsDataError(_errors.bad_value("bins", "a whole number of at least 2", bins))
    table, values = _metric_values(runs, metric, scalars)
    chosen = (
        [require_column(table, name) for name in params]
        if params is not None
        else [name for name in table.column_names if name.startswith("params.") and value_type(table.column(name)) != "binary"]
    )
    rows = [_weigh(stats, table, name, values, bins) for name in chosen]
    frame = pd.DataFrame(rows, columns=["param", "n", "spearman", "spearman_p", "eta_squared", "groups", "chance"])
    order = sorted(range(len(rows)), key=lambda i: (-_or(rows[i]["eta_squared"], -1), -_or(abs(rows[i]["spearman"]), 0)))
    return frame.iloc[order].reset_index(drop=True)


def holm(p):
    """Holm's step-down adjustment: the i-th smallest of m p-values becomes the running max of
    min(1, (m - j + 1) p_(j)); NaN stays NaN and does not count in m."""
    p = np.asarray(p, dtype=float)
    out = np.full(len(p), np.nan)
    present = np.flatnonzero(~np.isnan(p))
    order = present[np.argsort(p[present], kind="stable")]
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(order) - rank) * p[i]))
        out[i] = running
    return out


def resample_indices(sizes, resamples, seed):
    """For each sample size n, `resamples` rows of n indices floor(n × u), u drawn in turn from
    d3.randomLcg(seed): what indexDraws in src/data/stats/bootstrap.ts draws."""
    states = _lcg_states(int(seed / 2**-32) if 0 <= seed < 1 else abs(int(seed)), resamples * sum(sizes))
    out, start = [], 0
    for n in sizes:
        draws = (states[start : start + resamples * n] * np.uint64(n)) >> np.uint64(32)
        out.append(draws.astype(np.int64).reshape(resamples, n))
        start += resamples * n
    return out


def _lcg_states(seed, count, block=4096):
    """The first `count` states of d3.randomLcg(seed) as uint64 (each below 2^32): a block in
    turn, then whole blocks at once, state[i + block] = A·state[i] + C mod 2^32."""
    mask = np.uint64(0xFFFFFFFF)
    states = np.empty(max(count, block), dtype=np.uint64)
    state = seed & 0xFFFFFFFF
    for k in range(block):
        state = (LCG_MUL * state + LCG_INC) & 0xFFFFFFFF
        states[k] = state
    a, c = 1, 0
    for _ in range(block):
        a, c = (a * LCG_MUL) & 0xFFFFFFFF, (c * LCG_MUL + LCG_INC) & 0xFFFFFFFF
    for start in range(block, count, block):
        previous = states[start - block : min(start, count - block)]
        states[start : start + len(previous)] = (previous * np.uint64(a) + np.uint64(c)) & mask
    return states[:count]


def bootstrap_difference(a, b, statistic="mean", paired=False, resamples=9999, confidence=0.95, seed=0):
    """The percentile bootstrap interval of centre(a) - centre(b), with the TypeScript's draws:
    (estimate, low, high)."""
    center = np.median if statistic == "median" else np.mean
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    indices = resample_indices([len(a)] if paired else [len(a), len(b)], resamples, seed)
    ia, ib = (indices[0], indices[0]) if paired else indices
    differences = center(a[ia], axis=1) - center(b[ib], axis=1)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(differences, [alpha, 1 - alpha])
    return float(center(a) - center(b)), float(low), float(high)


def small_sample_note(n, n_base, paired):
    """What a small sample cannot show (smallSampleNote in significance.ts, the same words)."""
    sizes = f"{n} pairs" if paired else f"{n} vs {n_base} runs"
    if n_base == 0:
        return "no run of the base group has a value of the metric."
    if n == 0:
        return "no run of this group pairs with one of the base group." if paired else "no run of this group has a value of the metric."
    if (n < 2) if paired else (n < 2 or n_base < 2):
        return f"too few runs for a test ({sizes}): run more seeds."
    if min(n, n_base) >= FEW:
        return None
    least = 2 / 2**n if paired else 2 / math.comb(n + n_base, n)
    rank = "Wilcoxon" if paired else "Mann-Whitney"
    floor = f"; {rank} cannot give p below {js_string(math.floor(least * 1000 + 0.5) / 1000)}" if least >= 0.05 else ""
    return f"few runs ({sizes}): p-values and intervals are rough, and the t-test assumes normal values{floor}."


def _compare_columns():
    return (
        "group",
        "base",
        "n",
        "n_base",
        "paired",
        "center",
        "base_center",
        "difference",
        "relative",
        "low",
        "high",
        "test",
        "t",
        "df",
        "p",
        "rank_test",
        "rank_statistic",
        "rank_method",
        "rank_p",
        "effect_size",
        "effect_size_name",
        "note",
    )


def _compare(stats, group, base, a, b, paired, options):
    center = np.median if options["statistic"] == "median" else np.mean
    n, n_base = len(a), len(b)
    enough = n >= 2 if paired else n >= 2 and n_base >= 2
    center_a = float(center(a)) if n else math.nan
    center_b = float(center(b)) if n_base else math.nan
    low = high = math.nan
    if n and n_base:
        _, low, high = bootstrap_difference(a, b, options["statistic"], paired, options["resamples"], options["confidence"], options["seed"])
    t = df = p = effect = math.nan
    if enough:
        # scipy warns of precision lost on groups without spread: the note says it in words.
        with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            result = stats.ttest_rel(a, b) if paired else stats.ttest_ind(a, b, equal_var=False)
            t, p, df = float(result.statistic), float(result.pvalue), float(result.df)
            effect = _cohens_dz(a, b) if paired else _cohens_d(a, b)
    rank_statistic = rank_p = math.nan
    rank_method = ""
    if n and n_base:
        rank = stats.wilcoxon(a, b) if paired else stats.mannwhitneyu(a, b)
        rank_statistic, rank_p = float(rank.statistic), float(rank.pvalue)
        rank_method = _wilcoxon_method(a - b) if paired else _mann_whitney_method(a, b)
    return {
        "group": group,
        "base": base,
        "n": n,
        "n_base": n_base,
        "paired": paired,
        "center": center_a,
        "base_center": center_b,
        "difference": center_a - center_b,
        "relative": (center_a - center_b) / abs(center_b) if center_b else math.copysign(math.inf, center_a - center_b) if center_a != center_b else math.nan,
        "low": low,
        "high": high,
        "test": "paired t" if paired else "Welch",
        "t": t,
        "df": df,
        "p": p,
        "rank_test": "Wilcoxon signed-rank" if paired else "Mann-Whitney U",
        "rank_statistic": rank_statistic,
        "rank_method": rank_method,
        "rank_p": rank_p,
        "effect_size": effect,
        "effect_size_name": "d_z" if paired else "Cohen's d",
        "note": " ".join(note for note in (small_sample_note(n, n_base, paired), NO_SPREAD if enough and not (df > 0 and math.isfinite(t)) else None) if note)
        or None,
    }


def _mann_whitney_method(a, b):
    """scipy's choice for method="auto": exact with at most 8 values on a side and no ties."""
    values = np.concatenate([a, b])
    ties = len(np.unique(values)) < len(values)
    return "exact" if (len(a) <= 8 or len(b) <= 8) and not ties else "asymptotic"


def _wilcoxon_method(d):
    """scipy's choice for method="auto": exact up to 50 pairs with no ties nor zeros; with
    either, every sign flip up to 13 pairs; else the normal approximation."""
    nonzero = np.abs(d[d != 0])
    if len(d) > 50:
        return "asymptotic"
    if len(np.unique(nonzero)) == len(nonzero) == len(d):
        return "exact"
    return "permutation" if len(d) <= 13 else "asymptotic"


def _cohens_d(a, b):
    pooled = ((len(a) - 1) * np.var(a, ddof=1) + (len(b) - 1) * np.var(b, ddof=1)) / (len(a) + len(b) - 2)
    return float((np.mean(a) - np.mean(b)) / np.sqrt(pooled))


def _cohens_dz(a, b):
    d = a - b
    return float(np.mean(d) / np.std(d, ddof=1))


def _weigh(stats, table, name, metric, bins):
    numbers = _numbers(table, name)
    if numbers is not None:
        keep = np.isfinite(metric) & ~np.isnan(numbers)
        x, y = numbers[keep], metric[keep]
        rho = p = math.nan
        if len(x) >= 3:
            # A constant param has no correlation: NaN, without scipy's warning.
            with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", stats.ConstantInputWarning)
                result = stats.spearmanr(x, y)
            rho, p = float(result.statistic), float(result.pvalue)
        group = bins_of(x, bins)
    else:
        texts = _texts(table, name)
        keep = np.array([math.isfinite(v) and t is not None for v, t in zip(metric, texts)], dtype=bool)
        y = metric[keep]
        group = [t for t, k in zip(texts, keep) if k]
        rho = p = math.nan
    groups, n = len(set(group)), int(keep.sum())
    return {
        "param": name,
        "n": n,
        "spearman": rho,
        "spearman_p": p,
        "eta_squared": eta_squared(group, y),
        "groups": groups,
        "chance": (groups - 1) / (n - 1) if n > 1 else math.nan,
    }


def bins_of(x, bins):
    """Each value itself with at most `bins` distinct values, else its quantile bin (binsOf in importance.ts)."""
    if len(np.unique(x)) <= bins:
        return list(x)
    edges = np.quantile(x, np.arange(1, bins) / bins)
    return list(np.searchsorted(edges, x, side="right"))


def eta_squared(group, y):
    """Between-group sum of squares over the total; NaN when the metric does not vary."""
    y = np.asarray(y, dtype=float)
    if not len(y):
        return math.nan
    grand = np.mean(y)
    members = {}
    for g, v in zip(group, y):
        members.setdefault(g, []).append(v)
    between = sum(len(v) * (np.mean(v) - grand) ** 2 for v in members.values())
    total = float(np.sum((y - grand) ** 2))
    return float(between / total) if total > 0 else math.nan


def _metric_values(runs, metric, scalars):
    """The runs table and the metric's value per run (NaN where missing)."""
    return table_metric_values(*read_tables(runs, scalars), metric)


def table_metric_values(table, scalars_table, series, metric):
    """The same, for tables already read (read_tables' three)."""
    spec = SUMMARY_SPEC.fullmatch(metric)
    found = None if spec else _find_column(table, metric)
    if found is not None:
        values = _numbers(table, found)
        if values is None:
            raise RunsDataError(_errors.stats_not_numeric(found))
        return table, values
    key, summary = (spec.group(1), metric.rsplit(":", 1)[1].lower()) if spec else (metric, "last")
    if series is None:
        raise RunsDataError(_errors.unknown_column(metric, _shown_columns(table)))
    if key not in series:
        raise RunsDataError(_errors.unknown_series(metric, series))
    return table, summary_values(scalars_table, key, summary, table.column(RUN_ID).to_pylist())


def summary_values(scalars_table, key, summary, run_ids):
    """Each run's last, min or max of one series (NaN where none), as summaries.ts computes it:
    last is MLflow's latest value (greatest step, then latest time, then the largest value)."""
    metric = scalars_table.column("metric").cast(pa.string())
    if "variant" in scalars_table.column_names:
        keys = pc.binary_join_element_wise(metric, scalars_table.column("variant").cast(pa.string()), "/", null_handling="skip")
    else:
        keys = metric
    rows = scalars_table.filter(pc.equal(keys, key))
    run = np.asarray(rows.column(RUN_ID).cast(pa.string()).to_pylist(), dtype=object)
    value = column_floats(rows, "value")
    out = {}
    if summary == "last":
        time = column_floats(rows, "time") if "time" in rows.column_names else None
        for i in np.lexsort(report_order(column_floats(rows, "step"), time, value)):
            out[run[i]] = value[i]
    else:
        pick = np.fmin if summary == "min" else np.fmax
        for r, v in zip(run, value):
            out[r] = pick(out.get(r, math.nan), v)
    return np.array([out.get(r, math.nan) for r in run_ids], dtype=float)


def _shown_columns(table):
    return [name for name in table.column_names if name not in (RUN_ID, NAME) and value_type(table.column(name)) != "binary"]


def _find_column(table, name):
    """A runs column by name, or by key with params./metrics. left off (runs.column in runs.ts)."""
    for candidate in (name, f"params.{name}", f"metrics.{name}"):
        if candidate in _shown_columns(table):
            return candidate
    return None


def require_column(table, name):
    found = _find_column(table, name)
    if found is None:
        raise RunsDataError(_errors.unknown_column(name, _shown_columns(table)))
    return found


def _numbers(table, name):
    """A column's values as floats (NaN where missing) when the views read it as numbers, else None."""
    column = table.column(name)
    if not is_numeric_column(name, column):
        return None
    if value_type(column) == "strings":
        return np.array([math.nan if t is None else parse_number(t) for t in column.to_pylist()], dtype=float)
    return column_floats(table, name)


def _texts(table, name):
    """A column's values as text, so numbers and categories group alike (textOf in align.ts)."""
    numbers = _numbers(table, name)
    if numbers is not None:
        return [None if math.isnan(v) else js_string(float(v)) for v in numbers]
    return [_category_text(v) for v in table.column(name).to_pylist()]


def _category_text(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return js_string(value)


def _groups(table, columns):
    """Group labels ("lr=0.01 hidden=64", a missing value as "(missing)") in order of first
    appearance, and each run's group (groupRuns in align.ts)."""
    texts = [_texts(table, name) for name in columns]
    keys = [name.split(".", 1)[1] if name.startswith(("params.", "metrics.", "tags.")) else name for name in columns]
    index, group_of_run = {}, []
    for row in range(table.num_rows):
        key = tuple(t[row] for t in texts)
        index.setdefault(key, len(index))
        group_of_run.append(index[key])
    groups = list(index)
    # Labels name the columns whose values differ between groups (all when none do).
    varying = [any(key[i] != groups[0][i] for key in groups) for i in range(len(columns))]
    shown = varying if any(varying) else [True] * len(columns)
    labels = [" ".join(f"{k}={'(missing)' if v is None else v}" for k, v, show in zip(keys, key, shown) if show) for key in groups]
    return labels, group_of_run


def _pair_rows(a, b, keys, column, group, base):
    def index(rows, label):
        by_key = {}
        for row in rows:
            key = keys[row]
            if key is None:
                continue
            if key in by_key:
                raise RunsDataError(_errors.stats_pair_repeated(column, key, label))
            by_key[key] = row
        return by_key

    in_a, in_b = index(a, group), index(b, base)
    shared = [key for key in in_a if key in in_b]
    return [in_a[k] for k in shared], [in_b[k] for k in shared]


def _check_options(statistic, confidence, resamples, seed):
    if statistic not in STATISTICS:
        raise RunsDataError(_errors.bad_option("statistic", STATISTICS, statistic))
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise RunsDataError(_errors.bad_value("confidence", "a number between 0 and 1, such as 0.95", confidence))
    if isinstance(resamples, bool) or not isinstance(resamples, int) or resamples < 1:
        raise RunsDataError(_errors.bad_value("resamples", "a whole number of at least 1", resamples))
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise RunsDataError(_errors.bad_value("seed", "a whole number", seed))


def _or(value, fallback):
    return fallback if value != value else value


def _scipy_stats():
    try:
        from scipy import stats
    except ImportError as error:
        raise ImportError("rc.significance and rc.importance need scipy: pip install scipy (or runcompare[stats]).") from error
    return stats


def _pandas():
    try:
        import pandas
    except ImportError as error:
        raise ImportError("rc.significance and rc.importance return pandas DataFrames: pip install pandas (or runcompare[stats]).") from error
    return pandas
