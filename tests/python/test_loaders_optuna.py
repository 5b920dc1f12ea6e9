"""rc.from_optuna against studies Optuna runs, in memory and in a sqlite storage; every value is
checked against the study's own trials."""

import pytest
import runcompare as rc
from runcompare import RunsDataError

optuna = pytest.importorskip("optuna")
optuna.logging.set_verbosity(optuna.logging.WARNING)

HOSTILE = "<img src=x onerror=alert(1)>"


def objective(trial):
    x = trial.suggest_float("x", -10, 10)
    trial.suggest_categorical("choice", [None, 1, HOSTILE])
    trial.suggest_int("layers", 1, 4)
    trial.set_user_attr("tags", ["a", HOSTILE])
    for step in range(4):
        trial.report(x * x / (step + 1), step)
        if trial.number == 3 and step == 1:
            raise optuna.TrialPruned()
    return x * x


@pytest.fixture(params=["memory", "sqlite"])
def study(request, tmp_path):
    storage = None if request.param == "memory" else f"sqlite:///{tmp_path / 'optuna.db'}"
    study = optuna.create_study(study_name="search", storage=storage, sampler=optuna.samplers.RandomSampler(seed=1))
    study.optimize(objective, n_trials=6)
    return study, storage


def test_trials_equal_the_studys_own(study):
    study, storage = study
    d = rc.from_optuna(study)
    rows = {row["run_id"]: row for row in d.runs.to_pylist()}
    assert list(rows) == [f"search/{trial.number}" for trial in study.trials]
    for trial in study.trials:
        row = rows[f"search/{trial.number}"]
        assert row["name"] == f"trial {trial.number}"
        assert row["status"] == trial.state.name
        assert row["params.x"] == trial.params["x"]
        assert row["params.layers"] == trial.params["layers"]
        # A choice of None, 1 or text: one column of text.
        assert row["params.choice"] == (None if trial.params["choice"] is None else str(trial.params["choice"]))
        assert row["metrics.value"] == trial.value
        assert row["duration_seconds"] == pytest.approx(trial.duration.total_seconds())
        assert abs(row["start_time"].timestamp() - trial.datetime_start.astimezone().timestamp()) < 0.001
        series = [(r["step"], r["value"]) for r in d.scalars.to_pylist() if r["run_id"] == f"search/{trial.number}"]
        assert series == sorted(trial.intermediate_values.items())
    assert rows["search/3"]["status"] == "PRUNED"


def test_params_most_trials_have_come_first():
    # A conditional search space: the first trial takes the branch the others do not.
    study = optuna.create_study()
    study.enqueue_trial({"classifier": "svm", "svm_c": 1.0})
    for depth in (2, 3, 4):
        study.enqueue_trial({"classifier": "forest", "depth": depth})

    def objective(trial):
        if trial.suggest_categorical("classifier", ["svm", "forest"]) == "svm":
            return trial.suggest_float("svm_c", 0.1, 10)
        return trial.suggest_int("depth", 1, 8)

    study.optimize(objective, n_trials=4)
    params = [name for name in rc.from_optuna(study).runs.column_names if name.startswith("params.")]
    assert params == ["params.classifier", "params.depth", "params.svm_c"]


def test_a_study_by_name_from_its_storage(study):
    study, storage = study
    if storage is None:
        with pytest.raises(RunsDataError, match="needs its storage"):
            rc.from_optuna("search")
        return
    d = rc.from_optuna("search", storage=storage)
    assert d.runs.num_rows == 6
    with pytest.raises(RunsDataError, match="No study named 'nope'.*search"):
        rc.from_optuna("nope", storage=storage)


def test_every_study_of_a_storage(tmp_path, monkeypatch):
    path = tmp_path / "optuna.db"
    for name in ("first", HOSTILE):
        optuna.create_study(study_name=name, storage=f"sqlite:///{path}").optimize(lambda trial: trial.suggest_float("x", 0, 1), n_trials=2)
    monkeypatch.chdir(tmp_path)
    for d in (rc.from_optuna(storage=f"sqlite:///{path}"), rc.from_optuna(path), rc.from_optuna("optuna.db"), rc.from_optuna(storage="optuna.db")):
        assert d.runs.column("run_id").to_pylist() == ["first/0", "first/1", f"{HOSTILE}/0", f"{HOSTILE}/1"]
    with pytest.raises(RunsDataError, match="No Optuna storage at missing.db"):
        rc.from_optuna(storage="missing.db")
    with pytest.raises(RunsDataError, match="No Optuna storage at sqlite:///.*missing.db"):
        rc.from_optuna("search", storage=f"sqlite:///{tmp_path / 'missing.db'}")
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(RunsDataError, match="from_optuna needs a study, or the storage"):
        rc.from_optuna()


def test_multi_objective_values_take_the_studys_metric_names():
    study = optuna.create_study(directions=["minimize", "maximize"])
    study.set_metric_names(["loss", "accuracy"])
    study.optimize(lambda trial: (trial.suggest_float("x", 0, 1), 1.0), n_trials=3)
    d = rc.from_optuna(study)
    assert {"metrics.loss", "metrics.accuracy"} <= set(d.runs.column_names)
    assert d.scalars is None


def test_details_and_views(study):
    study, storage = study
    d = rc.from_optuna(study)
    details = {(r["run_id"], r["path"]): r["value"] for r in d.details.to_pylist()}
    assert details["search/0", "distributions/x"] == repr(study.trials[0].distributions["x"])
    assert details["search/0", "user_attrs/tags"] == '["a","<img src=x onerror=alert(1)>"]'
    rc.parallel(d.runs)
    rc.scatter(d.runs, x="x", y="value")
    rc.scalars(d.scalars, d.runs)
    rc.diff(d.details)
