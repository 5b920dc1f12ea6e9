"""Compare machine-learning runs in notebooks, with run data sent as Apache Arrow."""

from ._convert import runs_to_ipc
from ._errors import RunsDataError
from ._parallel import Parallel, parallel
from ._widget import View

__version__ = "0.1.0"

__all__ = ["Parallel", "RunsDataError", "View", "__version__", "parallel", "runs_to_ipc"]


def _jupyter_labextension_paths():
    """Where `jupyter labextension develop` finds the built extension (a wheel installs it as shared data)."""
    return [{"src": "labextension", "dest": "runcompare"}]
