"""rc.from_optuna: the trials of Optuna studies as runs, their intermediate values as curves."""

import os

from .._errors import RunsDataError, list_names
from .._normalise import TIMESTAMP
from ._common import DetailsRows, Progress, RunsColumns, RunTables, ScalarsColumns, field_text, iso_time, require

# The series of each trial's intermediate values (trial.report(value, step)).
INTERMEDIATE = "intermediate_value"


def from_optuna(study=None, storage=None, progress=None):
    """Trials of Optuna studies as the views' tables: ``d = rc.from_optuna(study)``, then
    ``rc.parallel(d.runs)`` or ``rc.scalars(d.scalars, d.runs)``.

    study: an optuna Study, a study name (with storage), or a list of them; None (with storage)
        reads every study of the storage. A database file alone (``rc.from_optuna("optuna.db")``)
        is the storage, every study of it read.
    storage: the storage of studies given by name: a URL ("sqlite:///optuna.db",
        "postgresql://...") or the path of a sqlite file.
    progress: show a progress bar (tqdm) while reading: True, False, or None for many trials.

    Returns RunTables: ``.runs`` (one row per trial: run_id "<study>/<number>", name
    "trial <number>", study, number, status (the trial state), start_time, end_time,
    duration_seconds, params.*, metrics.* (the objective values, named as the study names
    them, else "value" or "values_<i>"), user_attrs.*), ``.scalars`` (run_id,
    metric "intermediate_value", step, value; None when no trial reported) and ``.details``
    (params with their distributions, values, user and system attributes).
    """
    optuna = require("optuna", "from_optuna", "optuna")
    if storage is None and isinstance(study, (str, os.PathLike)) and os.path.isfile(study):
        study, storage = None, study
    storage = _storage_url(storage)
    if study is None:
        if storage is None:
            raise RunsDataError('from_optuna needs a study, or the storage whose studies to read: rc.from_optuna(storage="sqlite:///optuna.db").')
        study = optuna.get_all_study_names(storage)
        if not study:
            raise RunsDataError(f"No studies in {storage}.")
    studies = study if isinstance(study, (list, tuple)) else [study]
    loaded = [_load(optuna, item, storage) for item in studies]
    trials = [(one, trial) for one in loaded for trial in one.get_trials(deepcopy=False)]
    if not trials:
        raise RunsDataError(f"Study {', '.join(one.study_name for one in loaded)} has no trials.")
    runs = RunsColumns(("run_id", "name", "study", "number", "status", "start_time", "end_time", "duration_seconds"))
    scalars, details = ScalarsColumns(), DetailsRows()
    with Progress(len(trials), "Optuna trials", "trial", progress) as bar:
        for one, trial in trials:
            _add_trial(one, trial, runs, scalars, details)
            bar.update()
    table = runs.table({"start_time": TIMESTAMP, "end_time": TIMESTAMP})
    return RunTables(
        table,
        scalars.table(time_unit=None),
        details.table({f"{one.study_name}/{trial.number}": f"trial {trial.number}" for one, trial in trials}),
        "Optuna " + list_names(one.study_name for one in loaded),
    )


def _storage_url(storage):
    """A storage as Optuna takes it, a sqlite file's path as its URL. A sqlite file that does not
    exist is an error: Optuna would create it."""
    if not isinstance(storage, (str, os.PathLike)):
        return storage  # None, or an Optuna storage object
    url = os.fspath(storage)
    if "://" not in url:
        url = "sqlite:///" + os.path.abspath(url)
    if url.startswith("sqlite:///") and not os.path.isfile(url[len("sqlite:///") :]):
        raise RunsDataError(f"No Optuna storage at {os.fspath(storage)}: give the path of the study's database file, or a storage URL.")
    return url


def _load(optuna, study, storage):
    if isinstance(study, optuna.Study):
        return study
    if storage is None:
        raise RunsDataError(f'A study given by name ({study!r}) needs its storage: rc.from_optuna({study!r}, storage="sqlite:///optuna.db").')
    try:
        return optuna.load_study(study_name=str(study), storage=storage)
    except KeyError:
        names = optuna.get_all_study_names(storage)
        raise RunsDataError(f"No study named {study!r} in {storage}; there are: {list_names(names) or 'none'}.") from None


def _objective_names(study):
    names = getattr(study, "metric_names", None)
    if names:
        return list(names)
    count = len(study.directions)
    return ["value"] if count == 1 else [f"values_{i}" for i in range(count)]


def _add_trial(study, trial, runs, scalars, details):
    run_id = f"{study.study_name}/{trial.number}"
    row = {
        "run_id": run_id,
        "name": f"trial {trial.number}",
        "study": study.study_name,
        "number": trial.number,
        "status": trial.state.name,
        "start_time": _epoch_ms(trial.datetime_start),
        "end_time": _epoch_ms(trial.datetime_complete),
        "duration_seconds": trial.duration.total_seconds() if trial.duration is not None else None,
    }
    row.update((f"params.{name}", value) for name, value in trial.params.items())
    values = trial.values or []
    objectives = dict(zip(_objective_names(study), values))
    row.update((f"metrics.{name}", value) for name, value in objectives.items())
    row.update((f"user_attrs.{name}", _scalar(value)) for name, value in trial.user_attrs.items())
    runs.add(row)
    steps = sorted(trial.intermediate_values)
    if steps:
        scalars.add(run_id, INTERMEDIATE, steps, None, [trial.intermediate_values[step] for step in steps])
    details.add(run_id, "trial/state", trial.state.name)
    details.add(run_id, "trial/start", iso_time(row["start_time"]))
    details.add(run_id, "trial/complete", iso_time(row["end_time"]))
    for name, value in trial.params.items():
        details.add(run_id, f"params/{name}", value)
        distribution = trial.distributions.get(name)
        if distribution is not None:
            details.add(run_id, f"distributions/{name}", repr(distribution))
    details.add_tree(run_id, "metrics", objectives)
    details.add_tree(run_id, "user_attrs", trial.user_attrs)
    details.add_tree(run_id, "system_attrs", trial.system_attrs)


def _epoch_ms(moment):
    if moment is None:
        return None
    if moment.tzinfo is None:  # Optuna keeps local wall-clock times
        moment = moment.astimezone()
    return round(moment.timestamp() * 1000)


def _scalar(value):
    """A user attribute as a runs value: lists and dicts (any JSON Optuna takes) as JSON text."""
    return field_text(value) if isinstance(value, (list, tuple, dict)) else value
