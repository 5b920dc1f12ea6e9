"""Compare machine-learning runs in notebooks, with run data sent as Apache Arrow."""

import inspect as _inspect

from . import examples
from ._convert import runs_to_ipc
from ._diff import Diff, details_to_ipc, diff
from ._display import display, mime_bundle
from ._errors import RunsDataError
from ._errors import user_call as _user_call
from ._html import to_html
from ._logs import Logs, logs
from ._parallel import Parallel, parallel
from ._plots import Plots, plots
from ._samples import Samples, samples
from ._scalars import scalars_to_ipc
from ._scalars_view import ScalarsView, scalars
from ._scatter import Scatter, scatter
from ._stats import importance, significance
from ._table import Table, table
from ._values_view import SummaryView, ValuesView, summary, values
from ._widget import View, set_defaults
from .loaders import RunTables, from_mlflow, from_optuna, from_tensorboard, read_runs, read_scalars, samples_from_mlflow, samples_from_tensorboard

__version__ = "0.1.0"

__all__ = [
    "Diff",
    "Logs",
    "Parallel",
    "Plots",
    "RunTables",
    "RunsDataError",
    "Samples",
    "Scatter",
    "Table",
    "ScalarsView",
    "SummaryView",
    "ValuesView",
    "View",
    "__version__",
    "details_to_ipc",
    "diff",
    "display",
    "examples",
    "from_mlflow",
    "from_optuna",
    "from_tensorboard",
    "importance",
    "logs",
    "mime_bundle",
    "parallel",
    "plots",
    "read_runs",
    "read_scalars",
    "runs_to_ipc",
    "samples",
    "samples_from_mlflow",
    "samples_from_tensorboard",
    "scalars",
    "scalars_to_ipc",
    "scatter",
    "set_defaults",
    "significance",
    "summary",
    "table",
    "to_html",
    "values",
]

# Every public function raises RunsDataError without runcompare's inner frames (see user_call).
for _name in __all__:
    if _inspect.isfunction(globals()[_name]):
        globals()[_name] = _user_call(globals()[_name])


def _jupyter_labextension_paths():
    """Where `jupyter labextension develop` finds the built extension (a wheel installs it as shared data)."""
    return [{"src": "labextension", "dest": "runcompare"}]
