"""The views, made from their schemas (schema/views/<view>.json): for each, its function
(rc.parallel, ...) with the signature and docstring its options give, its widget class, and
what rc.display and rc.to_html send. A view's own module (the schema's x-python.module) checks
the data and returns the tables to send (prepare); every option is checked here, first, with the
words TypeScript says (_options.py).
"""

import importlib
import inspect
import re
import textwrap

from traitlets import Unicode

from ._errors import RunsDataError
from ._options import check_state, check_value, snake_case
from ._schema import load_schema, view_schemas
from ._widget import View
from .loaders._common import RunTables

_WORDS = load_schema("messages.json")["words"]
STORE_DOC = "False keeps the tables out of the widget state saved with the notebook (they are sent to the view on request); None takes rc.set_defaults(store=)."
STATE_DOC = "the view's state as ``w.state`` (or the ES module's ``view.state``) gives it: what its controls changed, restored over the other options."


class ViewSpec:
    """One view: its schema, its Python module, and what is made from them."""

    def __init__(self, schema):
        self.schema = schema
        self.name = schema["title"]
        self.data = schema["x-data"]
        self.module = importlib.import_module(f"runcompare.{schema['x-python']['module']}")
        # An option's Python name and schema, in the schema's order (the function's arguments'
        # order); options the page's host gives (x-host) are the view's own.
        self.options = [(key, snake_case(key), option) for key, option in schema["properties"].items() if "x-host" not in option]
        self.sent = [key for key, _name, option in self.options if "x-table" not in option and option.get("x-side") != "python"]
        self.state_options = [key for key, entry in schema["x-state"].items() if entry is True]
        self.widget = self._widget_class()
        self.function = self._function()

    def payload(self, data, arguments, state=None, store=True):
        """The checked tables, options and note a view of these arguments (Python names) sends,
        and its state checked: RunsDataError, with the words the view would show, otherwise.
        store: False for a widget whose data stays out of its saved state (a view module's
        ``stored`` makes the payload whole otherwise: the samples' bytes in their table)."""
        data, arguments = self._unpacked(data, arguments)
        options = {key: check_value(self.schema, option, arguments[name], name) for key, name, option in self.options}
        state = {} if state is None else check_state(self.schema, state)
        options.update({key: value for key, value in state.items() if key in self.state_options})
        payload = self.module.prepare(data, options)
        if store is not False and hasattr(self.module, "stored"):
            payload = self.module.stored(payload)
        payload["options"] = {key: payload["options"][key] for key in self.sent}
        # What the data decides of the state (the diff's base when none was named) goes first.
        return payload, {**payload.pop("state", {}), **state}

    def _unpacked(self, data, arguments):
        """A loader's RunTables (rc.from_mlflow, ...) as the data: its table of the kind the view
        draws, and its other tables for the options that take them and were not given. The diff
        takes the details when there are some, else the runs."""
        if not isinstance(data, RunTables):
            return data, arguments
        tables = {"runs": data.runs, "scalars": data.scalars, "details": data.details}
        kind = "details" if self.name == "diff" and data.details is not None else self.data["table"]
        if tables.get(kind) is None:
            source = f" from {data.source}" if data.source else ""
            held = " and ".join(name for name, table in tables.items() if table is not None)
            raise RunsDataError(
                f"the runs{source} have no {kind} table, which rc.{self.name} draws (they have {held}): "
                f"pass a {kind} table, or show them with rc.table or rc.compare."
            )
        arguments = dict(arguments)
        for _key, name, option in self.options:
            if option.get("x-table") in tables and arguments[name] is None:
                arguments[name] = tables[option["x-table"]]
        return tables[kind], arguments

    def _widget_class(self):
        named = self.schema["x-python"]["class"]
        cls = getattr(self.module, named, None) or type(named, (View,), {"view": Unicode(self.name).tag(sync=True), "__doc__": self.schema["description"]})
        cls.__module__ = "runcompare"
        cls._schema = self.schema
        return cls

    def _function(self):
        parameters = [inspect.Parameter(self.data["name"], inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        parameters += [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=option.get("default")) for _key, name, option in self.options]
        parameters += [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None) for name in ("state", "store")]
        signature = inspect.Signature(parameters)

        def view(*args, **kwargs):
            arguments = signature.bind(*args, **kwargs)
            arguments.apply_defaults()
            given = arguments.arguments
            store = self.schema["x-python"].get("store") if given["store"] is None else given["store"]
            payload, state = self.payload(given[self.data["name"]], given, given["state"], store)
            widget = self.widget(**payload, state=state, store=store)
            widget._kernel_options = {key: given[name] for key, name, option in self.options if option.get("x-side") == "python"}
            return widget

        view.__name__ = view.__qualname__ = self.name
        view.__module__ = "runcompare"
        view.__signature__ = signature
        view.__doc__ = self._doc()
        return view

    def _doc(self):
        """The function's docstring: the schema's description and each option's, in Python's words."""
        names = {key: name for key, name, _option in self.options}
        tables = _WORDS["tableInputs"]["py"]

        def python(text):
            literal = {"null": "None", "true": "True", "false": "False"}
            return re.sub(r"`([^`]+)`", lambda match: literal.get(match[1]) or names.get(match[1]) or f"``{match[1]}``", text)

        def entry(name, text):
            return textwrap.fill(f"{name}: {python(text)}", 96, subsequent_indent="    ")

        loaded = "a loader's RunTables (rc.from_mlflow, rc.read_runs, ...)"
        if self.name == "diff":
            data = f"{self.data['description']} Or {loaded}: its details, else its runs."
        else:
            data = f"{self.data['description']} As {tables}, or {loaded}, whose other tables fill the options that take them."
        lines = [entry(self.data["name"], data)]
        for _key, name, option in self.options:
            text = option["description"] + (f" As {tables}." if "x-table" in option else "")
            lines.append(entry(name, text))
        store = self.schema["x-python"].get("store")
        store_doc = STORE_DOC if store is None else STORE_DOC.replace("rc.set_defaults(store=)", f"{store} for this view")
        lines += [entry("state", STATE_DOC), entry("store", store_doc)]
        intro = textwrap.fill(python(self.schema["description"]), 96)
        raises = "Raises RunsDataError before anything is sent when the tables or the options are wrong, with the words the view would show."
        return "\n\n".join([intro, "\n".join(lines), textwrap.fill(raises, 96)])


VIEWS = {spec.name: spec for spec in map(ViewSpec, view_schemas())}


def public(name):
    """The view function or widget class runcompare exports by this name (rc.parallel, rc.Parallel)."""
    return next(spec.function if name == spec.name else spec.widget for spec in VIEWS.values() if name in (spec.name, spec.widget.__name__))
