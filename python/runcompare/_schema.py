"""The JSON that TypeScript and Python share: the messages' words (schema/messages.json) and each
view's schema (schema/views/<view>.json)."""

import functools
import json
import pathlib

_PACKAGE = pathlib.Path(__file__).parent
# A wheel carries the schemas in the package (pyproject.toml's force-include); a checkout (an
# editable install) reads them where the TypeScript reads them, at the repository's top.
SCHEMA = _PACKAGE / "schema" if (_PACKAGE / "schema").is_dir() else _PACKAGE.parents[1] / "schema"


@functools.lru_cache(maxsize=None)
def load_schema(*parts):
    """A JSON file under the schema folder, read once."""
    return json.loads(SCHEMA.joinpath(*parts).read_text(encoding="utf-8"))


def view_schemas():
    """Every view's schema: each file of schema/views is a view, listed by name."""
    return [load_schema("views", path.name) for path in sorted((SCHEMA / "views").glob("*.json"))]
