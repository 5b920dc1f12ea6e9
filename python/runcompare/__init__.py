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

from ._schema import view_schemas as _view_schemas

__version__ = "0.1.0"

# Each public name and the module that defines it.
_WHERE = {
    "RunTables": ".loaders",
    "RunsDataError": "._errors",
    "View": "._widget",
    "details_to_ipc": "._diff",
    "display": "._display",
    "examples": ".examples",
    "follow": "._follow",
    "from_mlflow": ".loaders",
    "from_optuna": ".loaders",
    "from_tensorboard": ".loaders",
    "importance": "._stats",
    "mime_bundle": "._display",
    "read_runs": ".loaders",
    "read_scalars": ".loaders",
    "runs_to_ipc": "._convert",
    "samples_from_mlflow": ".loaders",
    "samples_from_tensorboard": ".loaders",
    "scalars_to_ipc": "._scalars",
    "set_defaults": "._widget",
    "significance": "._stats",
    "to_html": "._html",
}

__all__ = [
    "RunTables",
    "RunsDataError",
    "View",
    "__version__",
    "details_to_ipc",
    "display",
    "examples",
    "follow",
    "from_mlflow",
    "from_optuna",
    "from_tensorboard",
    "importance",
    "mime_bundle",
    "read_runs",
    "read_scalars",
    "runs_to_ipc",
    "samples_from_mlflow",
    "samples_from_tensorboard",
    "scalars_to_ipc",
    "set_defaults",
    "significance",
    "to_html",
]


# Each view's function (rc.parallel, ...) and widget class (rc.Parallel, ...), named by its schema
# (schema/views/<view>.json) and made from it by _views when first used.
_VIEW_NAMES = [name for schema in _view_schemas() for name in (schema["title"], schema["x-python"]["class"])]
_WHERE.update(dict.fromkeys(_VIEW_NAMES, "._views"))
__all__ = sorted([*__all__, *_VIEW_NAMES])


def __getattr__(name):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'runcompare' has no attribute {name!r}")
    module = importlib.import_module(where, __name__)
    value = module if name == "examples" else module.public(name) if where == "._views" else getattr(module, name)
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
    from ._diff import details_to_ipc
    from ._display import display, mime_bundle
    from ._errors import RunsDataError
    from ._follow import follow
    from ._html import to_html
    from ._scalars import scalars_to_ipc
    from ._stats import importance, significance
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
