"""Views as HTML that draws itself: a standalone page with the view code and the data inside."""

import base64
import gzip
import html
import json
import pathlib
import uuid

from ._views import VIEWS
from ._widget import view_code

# The widget module and the tables travel gzipped and base64-encoded inside a JSON block, so
# neither script text nor data (run names such as "</script>") can end the script element early;
# the browser inflates them (DecompressionStream). The module script renders the view with the
# anywidget module and a stand-in model.
FRAGMENT = """<div id="{id}"></div>
<script type="application/json" id="{id}-state">{state}</script>
<script type="module">
const element = document.getElementById("{id}");
const state = JSON.parse(document.getElementById("{id}-state").textContent);
const inflate = async (text) => {{
  const packed = new Blob([Uint8Array.from(atob(text), (c) => c.charCodeAt(0))]);
  return new Response(packed.stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
}};
if (typeof DecompressionStream === "undefined") {{
  element.textContent = "This page needs a browser from 2023 or later (Chrome 80, Firefox 113, Safari 16.4) to draw its runcompare view.";
}} else {{
  const url = URL.createObjectURL(new Blob([await inflate(state.module)], {{ type: "text/javascript" }}));
  const widget = (await import(url)).default;
  const tables = await Promise.all(state.tables.map(async (table) => [table, new DataView(state[table] ? await inflate(state[table]) : new ArrayBuffer(0))]));
  const traits = {{
    view: state.view,
    ...Object.fromEntries(tables),
    options: state.options,
    selected: [],
    state: state.state,
    note: state.note,
    standalone: true,
  }};
  const model = {{ get: (name) => traits[name], set: (name, value) => (traits[name] = value), save_changes() {{}}, on() {{}}, off() {{}} }};
  widget.render({{ model, el: element }});
}}
</script>"""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body {{ font: 14px system-ui, sans-serif; margin: 16px; }}</style>
</head>
<body>
{fragment}
</body>
</html>
"""


def _packed(data):
    """Bytes gzipped, then base64 ("" for none): a page's data is a third to a tenth of its size
    in base64 alone. Level 6 and no timestamp: the same view makes the same page."""
    return base64.b64encode(gzip.compress(data, compresslevel=6, mtime=0)).decode("ascii") if data else ""


def view_fragment(view, state):
    """HTML that draws a view from its state (see _tables.view_state) wherever it is inserted."""
    tables = VIEWS[view].widget._tables
    payload = {
        "view": view,
        "module": _packed(view_code()),
        "tables": tables,
        **{table: _packed(state[table]) for table in tables},
        "options": state["options"],
        "state": state["state"],
        "note": state["note"],
    }
    # "<" escaped keeps "</script>" in an option from closing the JSON block.
    text = json.dumps(payload).replace("<", "\\u003c")
    return FRAGMENT.format(id=f"runcompare-{uuid.uuid4().hex[:12]}", state=text)


def to_html(data, view="parallel", path=None, title="runcompare", **options):
    """A view as a standalone HTML page: the view's code and the data inside, nothing fetched.
    Arguments as for the view's function (rc.parallel, rc.values, ...). Writes the page to
    ``path`` when given; returns its text."""
    from ._display import view_payload

    text = PAGE.format(title=html.escape(title), fragment=view_fragment(view, view_payload(data, view, "saved as HTML", options)))
    if path is not None:
        pathlib.Path(path).write_text(text, encoding="utf-8")
    return text
