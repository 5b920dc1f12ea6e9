"""Compare machine-learning runs in notebooks, with run data sent as Apache Arrow.

`import runcompare` imports none of what the views and converters need (pyarrow, anywidget,
pandas, the loaders' trackers): each public name is imported from its module the first time
it is used, so importing is quick wherever the package is only imported. In a Jupyter kernel,
where a view follows, the widget's libraries are imported meanwhile in a thread (see
_import_widget_libraries).
"""

import importlib
import sys
import threading
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Each public name and the module that defines it.
_WHERE = {
    "Diff": "._diff",
    "Logs": "._logs",
    "Parallel": "._parallel",
    "Plots": "._plots",
    "RunTables": ".loaders",
    "RunsDataError": "._errors",
    "Samples": "._samples",
    "Scatter": "._scatter",
    "Table": "._table",
    "ScalarsView": "._scalars_view",
    "SummaryView": "._values_view",
    "ValuesView": "._values_view",
    "View": "._widget",
    "details_to_ipc": "._diff",
    "diff": "._diff",
    "display": "._display",
    "examples": ".examples",
    "from_mlflow": ".loaders",
    "from_optuna": ".loaders",
    "from_tensorboard": ".loaders",
    "importance": "._stats",
    "logs": "._logs",
    "mime_bundle": "._display",
    "parallel": "._parallel",
    "plots": "._plots",
    "read_runs": ".loaders",
    "read_scalars": ".loaders",
    "runs_to_ipc": "._convert",
    "samples": "._samples",
    "samples_from_mlflow": ".loaders",
    "samples_from_tensorboard": ".loaders",
    "scalars": "._scalars_view",
    "scalars_to_ipc": "._scalars",
    "scatter": "._scatter",
    "set_defaults": "._widget",
    "significance": "._stats",
    "summary": "._values_view",
    "table": "._table",
    "to_html": "._html",
    "values": "._values_view",
}

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


def __getattr__(name):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'runcompare' has no attribute {name!r}")
    module = importlib.import_module(where, __name__)
    value = module if name == "examples" else getattr(module, name)
    if callable(value) and not isinstance(value, type):
        # Every public function raises RunsDataError without runcompare's inner frames (see user_call).
        from ._errors import user_call

        value = user_call(value)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from . import examples
    from ._convert import runs_to_ipc
    from ._diff import Diff, details_to_ipc, diff
    from ._display import display, mime_bundle
    from ._errors import RunsDataError
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


# What every view needs and a kernel may not have imported yet: about a quarter of a second,
# most of it ipywidgets' widget classes.
_WIDGET_LIBRARIES = ("pyarrow", "anywidget")


def _import_widget_libraries():
    """In a Jupyter kernel, imports the widget's libraries in a daemon thread, so the first view
    does not wait for them: the user's next cell, or the rest of this one, runs meanwhile (a
    view made sooner waits for the import under way, as any import does). Only third-party
    modules, none of which import runcompare: the thread never waits for a module the view's
    imports hold, so the two cannot wait on each other. Elsewhere (scripts, tests) nothing is
    imported."""
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    if "ipykernel" not in sys.modules or getattr(shell, "kernel", None) is None:
        return

    def run():
        for name in _WIDGET_LIBRARIES:
            try:
                importlib.import_module(name)
            except Exception:
                return  # the view's own import reports it, with its message

    threading.Thread(target=run, name="runcompare-imports", daemon=True).start()


_import_widget_libraries()


def _jupyter_labextension_paths():
    """Where `jupyter labextension develop` finds the built extension (a wheel installs it as shared data)."""
    return [{"src": "labextension", "dest": "runcompare"}]
