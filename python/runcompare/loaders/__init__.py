"""Loaders: runs, curves and details from where they live (MLflow, TensorBoard, Optuna, files),
as the contract's tables. Each tracker's library is imported only when its loader is called."""

from ._common import RunTables
from ._files import read_runs, read_scalars
from ._mlflow import from_mlflow
from ._optuna import from_optuna
from ._samples import samples_from_mlflow, samples_from_tensorboard
from ._tensorboard import from_tensorboard

__all__ = ["RunTables", "from_mlflow", "from_optuna", "from_tensorboard", "read_runs", "read_scalars", "samples_from_mlflow", "samples_from_tensorboard"]
