"""Loaders: runs, curves and details from where they live (MLflow, TensorBoard, Optuna, files),
as the contract's tables. Each tracker's library is imported only when its loader is called."""

from ._common import RunTables
from ._mlflow import from_mlflow

__all__ = ["RunTables", "from_mlflow"]
