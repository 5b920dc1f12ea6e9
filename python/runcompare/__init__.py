"""Compare machine-learning runs in notebooks, with run data sent as Apache Arrow."""

import inspect as _inspect

from . import examples
from ._convert import runs_to_ipc
from ._diff import details_to_ipc
from ._display import display, mime_bundle
from ._errors import RunsDataError
from ._errors import user_call as _user_call
from ._html import to_html
from ._scalars import scalars_to_ipc
from ._stats import importance, significance
from ._views import VIEWS as _VIEWS
from ._widget import View, set_defaults
from .loaders import RunTables, from_mlflow, from_optuna, from_tensorboard, read_runs, read_scalars

__version__ = "0.1.0"

# Each view's function (rc.parallel, ...) and widget class (rc.Parallel, ...), made from its schema.
for _spec in _VIEWS.values():
    globals()[_spec.name] = _spec.function
    globals()[_spec.widget.__name__] = _spec.widget

__all__ = [
    *(spec.name for spec in _VIEWS.values()),
    *(spec.widget.__name__ for spec in _VIEWS.values()),
    "RunTables",
    "RunsDataError",
    "View",
    "__version__",
    "details_to_ipc",
    "display",
    "examples",
    "from_mlflow",
    "from_optuna",
    "from_tensorboard",
    "importance",
    "mime_bundle",
    "read_runs",
    "read_scalars",
    "runs_to_ipc",
    "scalars_to_ipc",
    "set_defaults",
    "significance",
    "to_html",
]

# Every public function raises RunsDataError without runcompare's inner frames (see user_call).
for _name in __all__:
    if _inspect.isfunction(globals()[_name]):
        globals()[_name] = _user_call(globals()[_name])


def _jupyter_labextension_paths():
    """Where `jupyter labextension develop` finds the built extension (a wheel installs it as shared data)."""
    return [{"src": "labextension", "dest": "runcompare"}]
