"""Compare machine-learning runs in notebooks, with run data sent as Apache Arrow."""

from . import examples
from ._convert import runs_to_ipc
from ._diff import Diff, details_to_ipc, diff
from ._display import display, mime_bundle
from ._errors import RunsDataError
from ._html import to_html
from ._parallel import Parallel, parallel
from ._scalars import scalars_to_ipc
from ._scalars_view import ScalarsView, scalars
from ._scatter import Scatter, scatter
from ._values_view import SummaryView, ValuesView, summary, values
from ._widget import View, set_defaults

__version__ = "0.1.0"

__all__ = [
    "Diff",
    "Parallel",
    "RunsDataError",
    "Scatter",
    "ScalarsView",
    "SummaryView",
    "ValuesView",
    "View",
    "__version__",
    "details_to_ipc",
    "diff",
    "display",
    "examples",
    "mime_bundle",
    "parallel",
    "runs_to_ipc",
    "scalars",
    "scalars_to_ipc",
    "scatter",
    "set_defaults",
    "summary",
    "to_html",
    "values",
]


def _jupyter_labextension_paths():
    """Where `jupyter labextension develop` finds the built extension (a wheel installs it as shared data)."""
    return [{"src": "labextension", "dest": "runcompare"}]
