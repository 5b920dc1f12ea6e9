"""Views as plain notebook output (a MIME bundle), for when widgets are not wanted.

The bundle carries the Arrow bytes, so the JupyterLab extension draws the view from the saved
notebook with no kernel running, and any kernel able to send a MIME bundle can make one.
"""

import base64

from ._errors import RunsDataError
from ._parallel import parallel_state
from ._scatter import scatter_state

MIME_TYPE = "application/vnd.runcompare.v1+json"
STATES = {"parallel": parallel_state, "scatter": scatter_state}


def mime_bundle(runs, view="parallel", **options):
    """The output bundle for a view of runs: runcompare's MIME type, and a line of plain text.
    Options are those of the view's function (rc.parallel, rc.scatter), scalars included."""
    if view not in STATES:
        raise RunsDataError(f'view "{view}" cannot be shown as output: pass one of {", ".join(STATES)}.')
    state = STATES[view](runs, **options)
    encode = lambda data: base64.b64encode(data).decode("ascii") if data else None  # noqa: E731
    data = {"view": view, "runs": encode(state["runs"]), "scalars": encode(state["scalars"]), "options": state["options"]}
    return {MIME_TYPE: data, "text/plain": f"runcompare {view} view (shown by the runcompare JupyterLab extension)"}


def display(runs, view="parallel", **options):
    """Shows a view of runs as notebook output, with no widget: it keeps rendering after the
    notebook is reopened without a kernel. Options as for the view's function (rc.parallel, ...)."""
    from IPython.display import display as show

    show(mime_bundle(runs, view, **options), raw=True)
