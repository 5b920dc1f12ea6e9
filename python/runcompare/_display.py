"""Views as plain notebook output (a MIME bundle), for when widgets are not wanted.

The bundle carries the Arrow bytes, so the JupyterLab extension draws the view from the saved
notebook with no kernel running, and any kernel able to send a MIME bundle can make one.
"""

import base64

from ._contract import check_view_columns
from ._convert import table_to_ipc, to_runs_table
from ._errors import RunsDataError
from ._parallel import names_list

MIME_TYPE = "application/vnd.runcompare.v1+json"
VIEWS = ("parallel",)


def mime_bundle(runs, view="parallel", params=None, metrics=None, color=None, height=360):
    """The output bundle for a view of runs: runcompare's MIME type, and a line of plain text."""
    if view not in VIEWS:
        raise RunsDataError(f'view "{view}" cannot be shown as output: pass one of {", ".join(VIEWS)}.')
    table = to_runs_table(runs)
    params, metrics = names_list(params), names_list(metrics)
    check_view_columns(table, params, metrics, color)
    options = {"params": params, "metrics": metrics, "color": color, "height": height}
    data = {"view": view, "runs": base64.b64encode(table_to_ipc(table)).decode("ascii"), "options": options}
    text = f"runcompare {view} view of {table.num_rows} runs (shown by the runcompare JupyterLab extension)"
    return {MIME_TYPE: data, "text/plain": text}


def display(runs, view="parallel", **options):
    """Shows a view of runs as notebook output, with no widget: it keeps rendering after the
    notebook is reopened without a kernel. Options as for rc.parallel."""
    from IPython.display import display as show

    show(mime_bundle(runs, view, **options), raw=True)
