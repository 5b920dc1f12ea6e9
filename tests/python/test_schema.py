"""Every entry of a view's schema (schema/views/<view>.json) reaches Python, and Python and
TypeScript refuse a bad option or state with the same words: cases made from the schemas, their
messages compared with those of the built TypeScript (lib/data/schema.js) run by Node.
tests/unit/views/schema-coverage.test.ts checks the TypeScript types against the same schemas."""

import inspect
import json
import pathlib
import subprocess

import pytest
import runcompare as rc
from runcompare._options import snake_case
from runcompare._views import VIEWS

REPO = pathlib.Path(__file__).parents[2]
WORDS = json.loads((REPO / "schema" / "messages.json").read_text(encoding="utf-8"))["words"]
SCHEMAS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted((REPO / "schema" / "views").glob("*.json"))}


def test_each_schema_is_a_view_of_python_and_each_view_has_a_schema():
    assert sorted(VIEWS) == sorted(SCHEMAS)
    for name, schema in SCHEMAS.items():
        assert VIEWS[name].widget is getattr(rc, schema["x-python"]["class"])
        assert VIEWS[name].widget.class_traits()["view"].default_value == name


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_option_is_an_argument_with_the_schemas_default_and_words(name):
    schema = SCHEMAS[name]
    function = getattr(rc, name)
    parameters = inspect.signature(function).parameters
    # Options the page's host gives (x-host: the kernel's samples) are the view's alone.
    taken = {key: option for key, option in schema["properties"].items() if "x-host" not in option}
    assert list(parameters) == [schema["x-data"]["name"], *map(snake_case, taken), "state", "store"]
    for key, option in taken.items():
        assert parameters[snake_case(key)].default == option["default"]
        first_words = option["description"].split()[0].strip('`"')
        assert f"\n{snake_case(key)}: " in function.__doc__ and first_words in function.__doc__
    for key, entry in schema["x-state"].items():
        assert entry is True and key in schema["properties"] or entry.get("description")


def bad_values(schema, option):
    """Values an option of this schema refuses, one for each rule it has."""
    option = {**schema.get("$defs", {}).get(option.get("$ref", "").replace("#/$defs/", ""), {}), **option}
    if "x-table" in option or "x-host" in option:
        return []
    types = option.get("type", [])
    types = [types] if isinstance(types, str) else types
    values = []
    if "enum" in option:
        values.append("nope")
    if "boolean" in types:
        values.append("yes")
    if "number" in types or "integer" in types:
        values.append("ten")
        if "minimum" in option:
            values.append(option["minimum"] - 1)
        if "maximum" in option:
            values.append(option["maximum"] + 1)
        if "number" not in types:
            values.append(1.5)
    if "string" in types and "enum" not in option:
        values.append(5)
    if "array" in types:
        values.append({"a": 1})
        values += [[item] for item in bad_values(schema, option["items"])[:1]]
    if "object" in types:
        values.append(["a"])
        values += [{key: value} for key, entry in option.get("properties", {}).items() for value in bad_values(schema, entry)[:1]]
        if option.get("required"):
            values.append({})
        extra = option.get("additionalProperties")
        if isinstance(extra, dict):
            values += [{"any": value} for value in bad_values(schema, extra)[:1]]
        else:
            values.append({key: "a" for key in option.get("required", [])} | {"unknown": 1})
    return values


def cases():
    """(view, option's TypeScript name, value, whether it is a state entry) for every rule of every schema."""
    found = []
    for name, schema in SCHEMAS.items():
        for key, option in schema["properties"].items():
            if option.get("x-side") != "python":
                found += [(name, key, value, False) for value in bad_values(schema, option)]
        for key, entry in schema["x-state"].items():
            entry = schema["properties"][key] if entry is True else entry
            found += [(name, key, value, True) for value in bad_values(schema, entry)[:2]]
    return found


CASES = cases()


@pytest.fixture(scope="module")
def typescript_messages():
    """The message checkOptions in the built TypeScript gives for each case (None: accepted)."""
    script = """
    import fs from "node:fs";
    import { checkOptions } from "./lib/data/schema.js";
    const cases = JSON.parse(fs.readFileSync(0, "utf8"));
    const messages = cases.map(([view, key, value, inState]) => {
      const schema = JSON.parse(fs.readFileSync(`schema/views/${view}.json`, "utf8"));
      try {
        checkOptions(schema, inState ? { state: { [key]: value } } : { [key]: value });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    console.log(JSON.stringify(messages));
    """
    given = json.dumps([list(case) for case in CASES])
    done = subprocess.run(["node", "--input-type=module", "-e", script], input=given, cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_cases_cover_every_option_and_state_entry():
    for name, schema in SCHEMAS.items():
        checked = {key for view, key, _value, _state in CASES if view == name}
        assert checked == {
            key for key, option in schema["properties"].items() if not {"x-table", "x-host"} & set(option) and option.get("x-side") != "python"
        } | set(schema["x-state"])


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{view}-{'state.' if state else ''}{key}-{value!r}" for view, key, value, state in CASES])
def test_python_refuses_each_bad_value_with_the_words_typescript_says(index, typescript_messages):
    view, key, value, in_state = CASES[index]
    arguments = {"state": {key: value}} if in_state else {snake_case(key): value}
    with pytest.raises(rc.RunsDataError) as raised:
        getattr(rc, view)(None, **arguments)
    expected = typescript_messages[index]
    assert expected is not None, f"TypeScript takes {value!r} for {key}"
    assert str(raised.value) == in_python_words(expected if in_state else expected.replace(key, snake_case(key), 1))


def in_python_words(message):
    """A TypeScript message as Python says it: the same template, each language's words for a kind of value ("a dict")."""
    for word in WORDS.values():
        message = message.replace(f"must be {word['ts']}", f"must be {word['py']}")
    return message
