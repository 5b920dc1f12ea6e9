"""Views as plain notebook output (a MIME bundle), for when widgets are not wanted.

The bundle carries the Arrow bytes, so the JupyterLab extension draws the view from the saved
notebook with no kernel running, and any kernel able to send a MIME bundle can make one. That is
its point: a view whose data should stay out of the saved notebook is a widget made with
store=False.
"""

import base64

from ._diff import diff_state
from ._errors import RunsDataError
from ._html import view_fragment
from ._parallel import parallel_state
from ._scalars_view import scalars_state
from ._scatter import scatter_state
from ._table import table_state
from ._values_view import summary_state, values_state

MIME_TYPE = "application/vnd.runcompare.v1+json"
# Each view's checks and tables, taking the same arguments as its function (rc.parallel, ...).
STATES = {"parallel": parallel_state, "scatter": scatter_state, "values": values_state, "summary": summary_state, "diff": diff_state,
          "scalars": scalars_state, "table": table_state}


def mime_bundle(data, view="parallel", html=True, **options):
    """The output bundle for a view: runcompare's MIME type, HTML that draws the view for
    notebooks exported to HTML (html=False leaves it out, saving the view's code in every
    output), and a line of plain text.

    data: what the view's function takes first (the runs; for "values" and "scalars", the
        scalars; for "diff", the details).
    options: the rest of that function's arguments, scalars or runs included.
    """
    if view not in STATES:
        raise RunsDataError(f'view "{view}" cannot be shown as output: pass one of {", ".join(STATES)}.')
    state = STATES[view](data, **options)
    encode = lambda data: base64.b64encode(data).decode("ascii") if data else None  # noqa: E731
    payload = {"view": view, "runs": encode(state["runs"]), "scalars": encode(state["scalars"]), "options": state["options"], "note": state["note"]}
    bundle = {MIME_TYPE: payload, "text/plain": f"runcompare {view} view (shown by the runcompare JupyterLab extension)"}
    if html:
        bundle["text/html"] = view_fragment(view, state)
    return bundle


def display(data, view="parallel", html=True, **options):
    """Shows a view as notebook output, with no widget: it keeps rendering after the notebook
    is reopened without a kernel, and in the notebook exported to HTML. Arguments as for the
    view's function (rc.parallel, ...)."""
    from IPython.display import display as show

    show(mime_bundle(data, view, html, **options), raw=True)
