"""Views as plain notebook output (a MIME bundle), for when widgets are not wanted.

The bundle carries the Arrow bytes, so the JupyterLab extension draws the view from the saved
notebook with no kernel running, and any kernel able to send a MIME bundle can make one. That is
its point: a view whose data should stay out of the saved notebook is a widget made with
store=False. It carries no code: where the extension is not installed, readers see the line of
text, and the picture the extension adds when it saves the notebook.
"""

import base64
import inspect

import pyarrow as pa

from ._errors import RunsDataError
from ._views import VIEWS
from ._widget import MIME_TYPE, text_line


def view_payload(data, view, what, options):
    """The checked tables, options, note and state of a view named `view`, from the arguments of
    its function (rc.parallel, ...): what rc.display and rc.to_html send. `what` says what they
    make of it, for the message naming the views there are."""
    if view not in VIEWS:
        raise RunsDataError(f'view "{view}" cannot be {what}: pass one of {", ".join(VIEWS)}.')
    spec = VIEWS[view]
    signature = inspect.signature(spec.function)
    arguments = signature.bind(data, **options)
    arguments.apply_defaults()
    payload, state = spec.payload(data, arguments.arguments, arguments.arguments["state"])
    return {**payload, "state": state}


def mime_bundle(data, view="parallel", **options):
    """The output bundle for a view: runcompare's MIME type, which the JupyterLab extension
    draws, and a line of plain text for every other reader.

    data: what the view's function takes first (the runs; for "values" and "scalars", the
        scalars; for "diff", the details).
    options: the rest of that function's arguments, scalars or runs included.
    """
    state = view_payload(data, view, "shown as output", options)
    encode = lambda data: base64.b64encode(data).decode("ascii") if data else None  # noqa: E731
    payload = {
        "view": view,
        **{table: encode(state[table]) for table in VIEWS[view].widget._tables},
        "options": state["options"],
        "state": state["state"],
        "note": state["note"],
    }
    runs = pa.ipc.open_stream(state["runs"]).read_all().num_rows if state["runs"] else 0
    return {MIME_TYPE: payload, "text/plain": text_line(view, runs, live=False)}


def display(data, view="parallel", **options):
    """Shows a view as notebook output, with no widget: in JupyterLab and Notebook 7 it keeps
    rendering after the notebook is reopened without a kernel. Arguments as for the view's
    function (rc.parallel, ...)."""
    from IPython.display import display as show

    show(mime_bundle(data, view, **options), raw=True)
