"""Options checked against a view's schema (schema/views/<view>.json), as checkOptions in
src/data/schema.ts checks them: the same order, the same words, the option named as each
language spells it (group_by here, groupBy there). Values come back as JSON takes them: a
single name as a list of one where a list is taken, tuples and arrays as lists, numpy numbers
as Python's."""

import collections.abc
import math
import numbers
import re

from . import _errors
from ._errors import RunsDataError, format_message
from ._schema import load_schema

_TEXTS = load_schema("messages.json")


def snake_case(name):
    """An option's Python name: groupBy -> group_by."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def check_value(schema, declared, value, name):
    """The value, checked against its schema (a property of the view's `schema`), or
    RunsDataError naming it `name`."""
    spec = _resolve(schema, declared)
    shown = spec.get("x-name", name)
    if "x-table" in spec or "x-host" in spec:
        return value
    # An empty schema takes any JSON value (a view's state inside the comparison page's, which that view checks).
    if "type" not in spec and "enum" not in spec:
        return value
    types = _types(spec)
    if value is None:
        if "null" in types:
            return None
        raise _fail(spec, shown, value)
    if "enum" in spec:
        allowed = [choice for choice in spec["enum"] if choice is not None]
        if not any(_same(value, choice) for choice in allowed):
            raise RunsDataError(_errors.bad_option(shown, allowed, value))
        return value
    if "boolean" in types and isinstance(value, bool):
        return value
    if types == ["boolean"]:
        raise RunsDataError(_errors.bad_option(shown, [True, False], value))
    if isinstance(value, str) and "string" in types:
        return [value] if "array" in types else value
    if _is_number(value) and ("number" in types or "integer" in types):
        whole = "number" not in types
        number = float(value)
        fits = math.isfinite(number) and (not whole or number.is_integer())
        fits = fits and not number < spec.get("minimum", -math.inf) and not number > spec.get("maximum", math.inf)
        if not fits:
            raise _fail(spec, shown, value)
        return int(value) if isinstance(value, numbers.Integral) or whole else number
    if _is_list(value) and "array" in types:
        items = list(value)
        return [check_value(schema, spec["items"], item, f"{shown}[{i}]") for i, item in enumerate(items)] if "items" in spec else items
    if isinstance(value, collections.abc.Mapping) and "object" in types:
        return _check_object(schema, spec, value, shown)
    raise _fail(spec, shown, value)


def check_state(schema, state):
    """A view's state as its `.state` gives it (w.state), checked: its entries named state.<key>."""
    entries = {key: {**(schema["properties"][key] if entry is True else entry), "x-name": f"state.{key}"} for key, entry in schema["x-state"].items()}
    return check_value(schema, {"type": "object", "properties": entries, "additionalProperties": False}, state, "state")


def _check_object(schema, spec, value, name):
    properties = spec.get("properties", {})
    for key in spec.get("required", []):
        if key not in value:
            raise RunsDataError(_errors.missing_entry(name, key))
    extra = spec.get("additionalProperties")
    checked = {}
    for key, item in value.items():
        entry = properties.get(key, extra if isinstance(extra, dict) else None)
        if entry is None:
            raise RunsDataError(_errors.unknown_entry(name, key, list(properties)))
        checked[key] = check_value(schema, entry, item, f"{name}.{key}")
    return checked


def _resolve(schema, spec):
    if "$ref" not in spec:
        return spec
    rest = {key: value for key, value in spec.items() if key != "$ref"}
    return {**schema["$defs"][spec["$ref"].replace("#/$defs/", "")], **rest}


def _types(spec):
    declared = spec.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def _same(value, choice):
    """Equal as JavaScript's === finds them: True is not 1."""
    if isinstance(value, bool) or isinstance(choice, bool):
        return value is choice
    return value == choice


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_list(value):
    """A list, tuple, numpy array, pandas Index or other iterable of items; not text, bytes or a mapping."""
    return isinstance(value, collections.abc.Iterable) and not isinstance(value, (str, bytes, collections.abc.Mapping))


def _fail(spec, name, value):
    return RunsDataError(_errors.bad_value(name, rule_of(spec), value))


def rule_of(spec):
    """The words after "must be" for a value of this schema (ruleOf in src/data/schema.ts)."""
    if "x-rule" in spec:
        return spec["x-rule"]
    types = [kind for kind in _types(spec) if kind != "null"]
    words = _TEXTS["words"]
    if "number" in types or "integer" in types:
        kind = words["number" if "number" in types else "integer"]["py"]
        minimum, maximum = spec.get("minimum"), spec.get("maximum")
        rule = "range" if minimum is not None and maximum is not None else "atLeast" if minimum is not None else "atMost" if maximum is not None else None
        return format_message(_TEXTS["rules"][rule], {"kind": kind, "minimum": minimum, "maximum": maximum}) if rule else kind
    if "array" in types:
        return words["names" if "string" in types else "list"]["py"]
    if "object" in types:
        return words["object"]["py"]
    return words["text"]["py"]
