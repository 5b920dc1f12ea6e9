"""Run data that ships with runcompare, to try every view on."""

import pathlib

import pyarrow as pa

DATA = pathlib.Path(__file__).parent / "data"


def sweep():
    """A real hyperparameter sweep: 96 small MLPs trained on scikit-learn's digits data (learning
    rate, hidden size, L2 alpha, batch size, three seeds), 20 epochs each.

    Returns ``(runs, scalars)`` as pyarrow Tables: one row per run (``run_id``, ``name``,
    ``params.*``, ``metrics.*``), and one row per reported value (``run_id``, ``metric``,
    ``variant``, ``step``, ``time``, ``value``; loss and accuracy, train and validation).
    ``runs.to_pandas()`` gives a DataFrame.
    """
    return tuple(_read(name) for name in ("runs.arrow", "scalars.arrow"))


def _read(name):
    path = DATA / name
    if not path.is_file():
        raise FileNotFoundError(f"runcompare's example data is missing ({path}): run `make build` in the runcompare repository.")
    return pa.ipc.open_file(path.read_bytes()).read_all()
