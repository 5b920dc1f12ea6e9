"""Views as plain notebook output (a MIME bundle), for when widgets are not wanted.

The bundle carries the Arrow bytes, so the JupyterLab extension draws the view from the saved
notebook with no kernel running, and any kernel able to send a MIME bundle can make one. That is
its point: a view whose data should stay out of the saved notebook is a widget made with
store=False. It carries no code: where the extension is not installed, readers see the line of
text, and the picture the extension adds when it saves the notebook.
"""

import base64

import pyarrow as pa

from ._diff import diff_state
from ._errors import RunsDataError
from ._logs import logs_state
from ._parallel import parallel_state
from ._plots import plots_state
from ._samples import samples_state
from ._scalars_view import scalars_state
from ._scatter import scatter_state
from ._table import table_state
from ._values_view import summary_state, values_state
from ._widget import MIME_TYPE, text_line

# Each view's checks and tables, taking the same arguments as its function (rc.parallel, ...).
STATES = {
    "parallel": parallel_state,
    "scatter": scatter_state,
    "values": values_state,
    "summary": summary_state,
    "diff": diff_state,
    "scalars": scalars_state,
    "table": table_state,
    "samples": lambda *args, **options: {key: value for key, value in samples_state(*args, **options).items() if key != "contents"},
    "plots": plots_state,
    "logs": lambda *args, **options: _logs_options(logs_state(*args, **options)),
}


def _logs_options(state):
    """The logs' pair, which the widget carries in ``selected``, as an option."""
    selected = state.pop("selected")
    return {**state, "options": {**state["options"], "selected": selected}}


def mime_bundle(data, view="parallel", **options):
    """The output bundle for a view: runcompare's MIME type, which the JupyterLab extension
    draws, and a line of plain text for every other reader.

    data: what the view's function takes first (the runs; for "values" and "scalars", the
        scalars; for "diff", the details).
    options: the rest of that function's arguments, scalars or runs included.
    """
    if view not in STATES:
        raise RunsDataError(f'view "{view}" cannot be shown as output: pass one of {", ".join(STATES)}.')
    state = STATES[view](data, **options)
    encode = lambda data: base64.b64encode(data).decode("ascii") if data else None  # noqa: E731
    payload = {"view": view, "runs": encode(state["runs"]), "scalars": encode(state["scalars"]), "options": state["options"], "note": state["note"]}
    runs = pa.ipc.open_stream(state["runs"]).read_all().num_rows if state["runs"] else 0
    return {MIME_TYPE: payload, "text/plain": text_line(view, runs, live=False)}


def display(data, view="parallel", **options):
    """Shows a view as notebook output, with no widget: in JupyterLab and Notebook 7 it keeps
    rendering after the notebook is reopened without a kernel. Arguments as for the view's
    function (rc.parallel, ...)."""
    from IPython.display import display as show

    show(mime_bundle(data, view, **options), raw=True)
