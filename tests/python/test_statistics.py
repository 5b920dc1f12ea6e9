"""Significance and importance against scipy and numpy.

build_reference() computes, with scipy (and numpy for what scipy has not), every number the
TypeScript must give: tests/contract/statistics.json holds them and jest checks the TypeScript
against that file (tests/unit/data/significance.test.ts). Here we check that the file is what scipy says
today, and that rc.significance and rc.importance give the same numbers. After a change of
cases, write the file again with RC_WRITE_STATISTICS=1 pytest tests/python/test_statistics.py.
"""

import json
import math
import os
import warnings
from pathlib import Path

import numpy as np
import pytest
import runcompare as rc
import scipy
from runcompare._stats import resample_indices
from scipy import stats
from scipy.stats import _resampling

FIXTURE = Path(__file__).parents[1] / "contract" / "statistics.json"
# The bootstrap: fewer resamples than the default keep the fixture small; the draws are the same.
BOOTSTRAP = {"resamples": 999, "seed": 7, "confidence": 0.95}


def samples():
    """Two-sample cases: sizes that take scipy's exact and asymptotic paths, ties, a constant
    group, large and negative values, two runs a side."""
    rng = np.random.default_rng(21)
    return [
        ("3 vs 3", [0.91, 0.93, 0.92], [0.89, 0.9, 0.905]),
        ("5 vs 4, exact U", list(rng.normal(0.8, 0.02, 5)), list(rng.normal(0.78, 0.03, 4))),
        ("8 vs 12, exact U", list(rng.normal(1, 1, 8)), list(rng.normal(1.5, 2, 12))),
        ("9 vs 10, asymptotic U", list(rng.normal(0, 1, 9)), list(rng.normal(0.7, 1, 10))),
        ("6 vs 7 with ties", [0.8, 0.8, 0.81, 0.82, 0.82, 0.83], [0.79, 0.8, 0.8, 0.81, 0.81, 0.79, 0.78]),
        ("2 vs 2", [1.0, 2.0], [3.0, 5.0]),
        ("a constant group", [0.5, 0.5, 0.5, 0.5], [0.4, 0.45, 0.5, 0.41]),
        ("1e12 scale", list(rng.normal(3e12, 1e10, 6)), list(rng.normal(3.01e12, 1e10, 6))),
        ("negative, 30 vs 25", list(rng.normal(-5, 2, 30)), list(rng.normal(-4, 3, 25))),
    ]


def pairs():
    """Paired cases: exact, zeros and ties (every sign flip up to 13 pairs), asymptotic."""
    rng = np.random.default_rng(5)
    base = rng.normal(0.8, 0.05, 60)
    return [
        ("5 pairs, exact", list(base[:5] + rng.normal(0.01, 0.01, 5)), list(base[:5])),
        ("8 pairs with a zero", [0.81, 0.82, 0.8, 0.84, 0.83, 0.85, 0.79, 0.8], [0.8, 0.8, 0.8, 0.81, 0.81, 0.82, 0.8, 0.78]),
        ("10 pairs with ties", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 1, 2, 3, 4, 6.5, 6.5, 9, 8, 11]),
        ("20 pairs with ties, asymptotic", list(np.round(base[:20] + rng.normal(0.005, 0.01, 20), 2)), list(np.round(base[:20], 2))),
        ("40 pairs, exact", list(base[:40] + rng.normal(0.002, 0.01, 40)), list(base[:40])),
        ("60 pairs, asymptotic", list(base + rng.normal(0.002, 0.01, 60)), list(base)),
    ]


def scipy_bootstrap(a, b, statistic, paired):
    """scipy.stats.bootstrap's percentile interval, its resampling replaced by our draws."""
    center = np.median if statistic == "median" else np.mean
    sizes = [len(a)] if paired else [len(a), len(b)]
    draws = resample_indices(sizes, BOOTSTRAP["resamples"], BOOTSTRAP["seed"])
    original = _resampling._bootstrap_resample
    assert original.__code__.co_varnames[:3] == ("sample", "n_resamples", "rng"), "scipy's resampler changed: check the patch"
    _resampling._bootstrap_resample = lambda sample, n_resamples=None, rng=None, xp=None: sample[..., draws.pop(0)]
    try:
        result = stats.bootstrap(
            (np.asarray(a), np.asarray(b)),
            lambda x, y, axis: center(x, axis=axis) - center(y, axis=axis),
            paired=paired,
            vectorized=True,
            method="percentile",
            n_resamples=BOOTSTRAP["resamples"],
            confidence_level=BOOTSTRAP["confidence"],
            batch=None,
        )
    finally:
        _resampling._bootstrap_resample = original
    assert not draws
    return {"low": result.confidence_interval.low, "high": result.confidence_interval.high}


def cohens_d(a, b):
    a, b = np.asarray(a), np.asarray(b)
    pooled = ((len(a) - 1) * a.var(ddof=1) + (len(b) - 1) * b.var(ddof=1)) / (len(a) + len(b) - 2)
    return (a.mean() - b.mean()) / math.sqrt(pooled)


def holm_reference(p):
    """Holm (1979), from the definition: reject in order while p_(j) <= alpha / (m - j + 1); the
    adjusted p is the smallest alpha at which each is rejected."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    return [max(min(1.0, (m - j) * p[order[j]]) for j in range(order.index(i) + 1)) for i in range(m)]


def eta_squared_reference(x, y, bins):
    x, y = np.asarray(x), np.asarray(y)
    group = x if len(np.unique(x)) <= bins else np.searchsorted(np.quantile(x, np.arange(1, bins) / bins), x, side="right")
    between = sum(np.sum(group == g) * (y[group == g].mean() - y.mean()) ** 2 for g in np.unique(group))
    return between / np.sum((y - y.mean()) ** 2), len(np.unique(group))


def sweep_runs():
    """A small sweep: three configs, five seeds each, a param of many values, a category; one
    run missing the metric, one seed missing in one config."""
    rng = np.random.default_rng(3)
    runs = []
    for c, (lr, hidden) in enumerate([(0.01, 64), (0.001, 64), (0.01, 128)]):
        for seed in range(5):
            if (c, seed) == (2, 4):
                continue
            accuracy = 0.8 + 0.03 * c + rng.normal(0, 0.01) + 0.002 * seed
            runs.append(
                {
                    "run_id": f"c{c}s{seed}",
                    "params.lr": str(lr),
                    "params.hidden": hidden,
                    "params.seed": seed,
                    "params.dropout": round(float(rng.uniform(0, 0.5)), 3),
                    "params.optimizer": ["adam", "sgd"][(c + seed) % 2],
                    "metrics.accuracy": None if (c, seed) == (1, 2) else accuracy,
                }
            )
    return runs


def sweep_scalars(runs):
    rows = []
    for i, run in enumerate(runs):
        for step in range(4):
            rows.append(
                {"run_id": run["run_id"], "metric": "loss", "variant": "validation", "step": step, "time": step + 0.5, "value": 1.0 / (step + 1) + 0.01 * i}
            )
    rows.append({"run_id": runs[0]["run_id"], "metric": "loss", "variant": "validation", "step": 3, "time": 3.5, "value": 9.0})
    return rows


SIGNIFICANCE_CASES = [
    {"metric": "accuracy", "group_by": ["lr", "hidden"]},
    {"metric": "accuracy", "group_by": ["lr", "hidden"], "pair_by": "seed", "base": "lr=0.001 hidden=64"},
    {"metric": "accuracy", "group_by": "lr", "statistic": "median"},
    {"metric": "loss/validation:last", "group_by": ["lr", "hidden"], "scalars": True},
    {"metric": "loss/validation:min", "group_by": ["lr", "hidden"], "pair_by": "seed", "scalars": True},
]

ERROR_CASES = [
    (
        "significance",
        {"metric": "optimizer", "group_by": "lr"},
        'column "params.optimizer" holds categories, not numbers: significance and importance need a metric of numbers; '
        'name a metrics.* column or a series of the scalars such as "loss/validation:min".',
    ),
    (
        "significance",
        {"metric": "accuracy", "group_by": "hidden", "base": "hidden=32"},
        'no group "hidden=32" to compare against (groups: hidden=64, hidden=128): pass one of these as base.',
    ),
    (
        "significance",
        {"metric": "accuracy", "group_by": "lr", "pair_by": "hidden"},
        'column "params.hidden" has the value "64" twice in group "lr=0.001": pair runs by a column that names one run per group, such as the seed.',
    ),
    (
        "significance",
        {"metric": "accuracy", "group_by": "nope"},
        'no column "nope" in runs (columns: params.lr, params.hidden, params.seed, params.dropout, params.optimizer, metrics.accuracy): '
        'pass one of these, with or without its "params."/"metrics." prefix.',
    ),
    ("significance", {"metric": "accuracy", "group_by": "lr", "statistic": "mode"}, 'statistic must be one of "mean", "median"; got "mode".'),
    ("significance", {"metric": "accuracy", "group_by": "lr", "confidence": 95}, "confidence must be a number between 0 and 1, such as 0.95; got 95."),
    ("importance", {"metric": "accuracy", "bins": 1}, "bins must be a whole number of at least 2; got 1."),
]


def call(name, runs, options):
    """rc.significance or rc.importance with a case's options (scalars: True means the sweep's)."""
    options = dict(options)
    if options.pop("scalars", False):
        options["scalars"] = sweep_scalars(runs)
    return getattr(rc, name)(runs, **options)


def records(frame):
    return clean(frame.to_dict("records"))


def build_reference():
    two = []
    for case, a, b in samples():
        with np.errstate(divide="ignore", invalid="ignore"):
            welch = stats.ttest_ind(a, b, equal_var=False)
        u = stats.mannwhitneyu(a, b)
        two.append(
            {
                "case": case,
                "a": a,
                "b": b,
                "welch": {"t": welch.statistic, "p": welch.pvalue, "df": welch.df},
                "mann_whitney": {"u": u.statistic, "p": u.pvalue},
                "cohens_d": cohens_d(a, b) if np.var(a) + np.var(b) > 0 else None,
                "bootstrap_mean": scipy_bootstrap(a, b, "mean", False),
                "bootstrap_median": scipy_bootstrap(a, b, "median", False),
            }
        )
    paired = []
    for case, a, b in pairs():
        t = stats.ttest_rel(a, b)
        w = stats.wilcoxon(a, b)
        d = np.asarray(a) - np.asarray(b)
        paired.append(
            {
                "case": case,
                "a": a,
                "b": b,
                "paired_t": {"t": t.statistic, "p": t.pvalue},
                "wilcoxon": {"statistic": w.statistic, "p": w.pvalue},
                "cohens_dz": d.mean() / d.std(ddof=1),
                "bootstrap_mean": scipy_bootstrap(a, b, "mean", True),
                "bootstrap_median": scipy_bootstrap(a, b, "median", True),
            }
        )
    rng = np.random.default_rng(9)
    holm = [{"p": list(p), "adjusted": holm_reference(list(p))} for p in (rng.uniform(0, 0.1, 6), [0.01, 0.04, 0.03, 0.005], [0.5])]
    correlations = []
    for case, x, y in [
        ("monotone with noise", list(rng.uniform(0, 1, 25)), None),
        ("ties in both", [1, 1, 2, 2, 3, 3, 4, 4, 5, 5], [2, 1, 2, 3, 3, 5, 4, 4, 6, 5]),
        ("log-spaced lr", list(10 ** rng.uniform(-5, -1, 40)), None),
    ]:
        y = y if y is not None else list(np.asarray(x) * 2 + rng.normal(0, 0.3, len(x)))
        rho = stats.spearmanr(x, y)
        eta, groups = eta_squared_reference(x, y, 10)
        correlations.append(
            {
                "case": case,
                "x": list(map(float, x)),
                "y": list(map(float, y)),
                "bins": 10,
                "rho": rho.statistic,
                "p": rho.pvalue,
                "eta_squared": eta,
                "groups": groups,
            }
        )
    runs = sweep_runs()
    return clean(
        {
            "about": "Reference numbers for src/data/stats, src/data/significance.ts and src/data/importance.ts: "
            "scipy's tests, bootstrap (its resampling replaced by d3.randomLcg's draws), spearmanr; numpy for "
            "Cohen's d, Holm and eta squared; rc.significance and rc.importance on a small sweep. Written by "
            "tests/python/test_statistics.py; null stands for NaN, 'Infinity' and '-Infinity' for the infinities.",
            "scipy": scipy.__version__,
            "bootstrap": BOOTSTRAP,
            "lcg": {"seed": 7, "sizes": [3, 5], "resamples": 4, "indices": [d.ravel().tolist() for d in resample_indices([3, 5], 4, 7)]},
            # Longer than the block Python draws one at a time: the sum and the last draws of each size.
            "lcg_long": {
                "seed": 3,
                "sizes": [577, 2],
                "resamples": 8,
                "sums": [int(d.sum()) for d in resample_indices([577, 2], 8, 3)],
                "tails": [d.ravel()[-8:].tolist() for d in resample_indices([577, 2], 8, 3)],
            },
            "two_sample": two,
            "paired": paired,
            "holm": holm,
            "correlation": correlations,
            "runs": runs,
            "scalars": sweep_scalars(runs),
            "significance": [{"options": case, "rows": records(call("significance", runs, {**case, **BOOTSTRAP}))} for case in SIGNIFICANCE_CASES],
            # As the views compute them, with the bootstrap's defaults (9,999 resamples, seed 0):
            # tests/browser/insight.spec.js reads the summary bars' text against these.
            "views": [{"options": case, "rows": records(call("significance", runs, case))} for case in SIGNIFICANCE_CASES[:4]],
            "importance": [
                {"options": {"metric": "accuracy"}, "rows": records(call("importance", runs, {"metric": "accuracy"}))},
                {
                    "options": {"metric": "loss/validation:last", "bins": 3, "scalars": True},
                    "rows": records(call("importance", runs, {"metric": "loss/validation:last", "bins": 3, "scalars": True})),
                },
            ],
            "errors": [{"call": name, "options": options, "error": error} for name, options, error in ERROR_CASES],
            "distributions": distribution_reference(),
        }
    )


def distribution_reference():
    """Student's t two-sided tail and the normal CDF over a grid reaching far into the tails,
    for src/data/stats/distributions.ts (checked to 1e-9 relative, not only absolute)."""
    t_values = [0.0, 1e-8, 0.1, 0.5, 1.0, 1.96, 2.5, 4.0, 8.0, 20.0, 50.0]
    degrees = [1, 2, 2.5, 3.7, 5, 10, 30, 100, 1000, 1e5]
    normal = [-38.0, -20.0, -10.0, -5.0, -3.0, -1.5, -0.5, 0.0, 1e-9, 0.5, 1.0, 2.0, 5.0, 8.3]
    return {
        "t_two_sided": [{"t": t, "df": df, "p": min(1.0, 2 * stats.t.sf(abs(t), df))} for t in t_values for df in degrees],
        "normal_cdf": [{"z": z, "p": stats.norm.cdf(z)} for z in normal],
    }


def clean(value):
    """Plain JSON: numpy numbers as floats and ints, NaN as null, infinities as "Infinity" and "-Infinity"."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, (np.floating, float)):
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def close(actual, expected, path="", relative=1e-9):
    """Every number within `relative` of the expected one (of 1 for numbers near 0); the rest equal."""
    if isinstance(expected, dict):
        assert set(actual) == set(expected), path
        for key in expected:
            close(actual[key], expected[key], f"{path}.{key}", relative)
    elif isinstance(expected, list):
        assert len(actual) == len(expected), path
        for i, (a, e) in enumerate(zip(actual, expected)):
            close(a, e, f"{path}[{i}]", relative)
    elif isinstance(expected, float) and not isinstance(actual, bool) and isinstance(actual, (int, float)):
        assert abs(actual - expected) <= relative * max(1.0, abs(expected)), f"{path}: {actual} != {expected}"
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


@pytest.fixture(scope="module")
def reference():
    # scipy warns of precision lost on the group without spread, a case we mean to have.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        built = build_reference()
    if os.environ.get("RC_WRITE_STATISTICS"):
        FIXTURE.write_text(json.dumps(built, indent=1, ensure_ascii=False) + "\n")
    return built


def test_the_fixture_jest_reads_is_what_scipy_says_today(reference):
    saved = json.loads(FIXTURE.read_text())
    close(saved, reference, relative=1e-12)


def test_significance_uses_scipys_tests(reference):
    runs = reference["runs"]
    frame = rc.significance(runs, "accuracy", ["lr", "hidden"], **BOOTSTRAP)
    assert list(frame["group"]) == ["lr=0.001 hidden=64", "lr=0.01 hidden=128"]
    assert list(frame["base"]) == ["lr=0.01 hidden=64"] * 2
    by_group = {}
    for run in runs:
        if run["metrics.accuracy"] is not None:
            by_group.setdefault((run["params.lr"], run["params.hidden"]), []).append(run["metrics.accuracy"])
    base = by_group[("0.01", 64)]
    for row, key in zip(frame.itertuples(), [("0.001", 64), ("0.01", 128)]):
        a = by_group[key]
        welch = stats.ttest_ind(a, base, equal_var=False)
        assert row.n == len(a) and row.n_base == len(base)
        assert row.t == pytest.approx(welch.statistic, rel=1e-12) and row.p == pytest.approx(welch.pvalue, rel=1e-12)
        assert row.rank_p == pytest.approx(stats.mannwhitneyu(a, base).pvalue, rel=1e-12)
        assert row.difference == pytest.approx(np.mean(a) - np.mean(base), rel=1e-12)
        assert row.effect_size == pytest.approx(cohens_d(a, base), rel=1e-12)
        assert row.low < row.difference < row.high
    assert list(frame["p_holm"]) == pytest.approx(holm_reference(list(frame["p"])), rel=1e-12)
    # Four runs in the smallest group: the note says the numbers are rough.
    assert frame["note"][1] == "few runs (4 vs 5 runs): p-values and intervals are rough, and the t-test assumes normal values."


def test_paired_runs_pair_by_seed(reference):
    runs = reference["runs"]
    frame = rc.significance(runs, "accuracy", ["lr", "hidden"], pair_by="seed", base="lr=0.001 hidden=64", **BOOTSTRAP)
    # Base lacks seed 2's accuracy; "lr=0.01 hidden=128" has no seed 4: the pairs are the seeds both have.
    assert list(frame["n"]) == [4, 3]
    value = {(r["params.lr"], r["params.hidden"], r["params.seed"]): r["metrics.accuracy"] for r in runs}
    a = [value[("0.01", 128, s)] for s in (0, 1, 3)]
    b = [value[("0.001", 64, s)] for s in (0, 1, 3)]
    row = frame.iloc[1]
    assert row["t"] == pytest.approx(stats.ttest_rel(a, b).statistic, rel=1e-12)
    assert row["rank_p"] == pytest.approx(stats.wilcoxon(a, b).pvalue, rel=1e-12)
    assert row["note"] == "few runs (3 pairs): p-values and intervals are rough, and the t-test assumes normal values; Wilcoxon cannot give p below 0.25."


def test_a_curve_summary_is_a_metric(reference):
    runs, scalars = reference["runs"], reference["scalars"]
    frame = rc.significance(runs, "loss/validation:last", "lr", scalars=scalars, **BOOTSTRAP)
    # Run c0s0 reported step 3 twice at the same time: the larger value (9.0) is its last, MLflow's rule.
    last = {r["run_id"]: r["value"] for r in sorted(scalars, key=lambda r: (r["step"], r["time"], r["value"]))}
    lr = {r["run_id"]: r["params.lr"] for r in runs}
    assert last["c0s0"] == 9.0
    base = [last[i] for i in last if lr[i] == "0.01"]
    assert frame["base_center"][0] == pytest.approx(np.mean(base), rel=1e-12)


def test_importance_against_scipy_and_numpy(reference):
    runs = reference["runs"]
    frame = rc.importance(runs, "accuracy")
    assert list(frame["eta_squared"]) == sorted(frame["eta_squared"], reverse=True)
    present = [r for r in runs if r["metrics.accuracy"] is not None]
    y = [r["metrics.accuracy"] for r in present]
    for row in frame.itertuples():
        key = row.param
        x = [r[key] for r in present]
        if key == "params.optimizer":
            assert math.isnan(row.spearman)
            codes = [["adam", "sgd"].index(v) for v in x]
            assert row.eta_squared == pytest.approx(eta_squared_reference(codes, y, 10)[0], rel=1e-12)
            continue
        x = [float(v) for v in x]
        rho = stats.spearmanr(x, y)
        assert row.spearman == pytest.approx(rho.statistic, rel=1e-12) and row.spearman_p == pytest.approx(rho.pvalue, rel=1e-12)
        eta, groups = eta_squared_reference(x, y, 10)
        assert row.eta_squared == pytest.approx(eta, rel=1e-12) and row.groups == groups
    # dropout has 13 distinct values among the runs with an accuracy: cut into quantile bins.
    assert 2 < frame.set_index("param")["groups"]["params.dropout"] <= 10


@pytest.mark.parametrize("name, options, error", ERROR_CASES)
def test_bad_input_names_the_column_or_option(reference, name, options, error):
    with pytest.raises(rc.RunsDataError) as raised:
        call(name, reference["runs"], options)
    assert str(raised.value) == error


def test_hostile_group_labels_are_text(reference):
    runs = [{**r, "params.optimizer": "<img src=x onerror=alert(1)>" if r["params.optimizer"] == "sgd" else "adam"} for r in reference["runs"]]
    frame = rc.significance(runs, "accuracy", "optimizer", **BOOTSTRAP)
    assert set(frame["group"]) | set(frame["base"]) == {"optimizer=<img src=x onerror=alert(1)>", "optimizer=adam"}


def test_a_group_without_the_metric_is_not_the_base_and_says_so(reference):
    # An MLflow store often has runs of another kind first, which never logged this metric.
    others = [{"run_id": f"svm{i}", "params.lr": "n/a", "params.hidden": 0, "metrics.accuracy": None} for i in range(3)]
    frame = rc.significance(others + reference["runs"], "accuracy", ["lr", "hidden"], **BOOTSTRAP)
    assert frame["base"][0] == "lr=0.01 hidden=64"
    row = frame.set_index("group").loc["lr=n/a hidden=0"]
    assert row["n"] == 0 and math.isnan(row["p"])
    assert row["note"] == "no run of this group has a value of the metric."
