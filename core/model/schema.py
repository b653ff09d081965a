"""The JSON format's JSON Schema, made from the model's dataclasses (so it cannot drift from
them); ``docs/copydesk.schema.json`` is this schema as a file, for tools outside copydesk.

Every object refuses fields it does not know; containers hold only the node types their
``content`` allows; a document holds flow blocks and articles.
"""

from __future__ import annotations

import dataclasses
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

from copydesk.model.edits import Edit
from copydesk.model.jsoncodec import ALWAYS, FORMAT_VERSION
from copydesk.model.layout import Box, Line
from copydesk.model.nodes import (
    DOCUMENT_CONTENT,
    NODE_TYPES,
    Block,
    Container,
    Document,
    Mark,
    Metadata,
    TextBlock,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID = "https://copydesk.invalid/schema/document-v1.json"
RECORDS: tuple[type, ...] = (Metadata, Edit, Mark, Line, Box)


def _ref(cls: type) -> dict[str, str]:
    name = cls.type_name() if issubclass(cls, Block) else cls.__name__.lower()
    return {"$ref": f"#/$defs/{name}"}


def _type(hint: Any, content: tuple[type[Block], ...] = ()) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return {"anyOf": [_type(args[0]), {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _type(get_args(hint)[0], content)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(get_args(hint)[1])}
    if hint is Block:
        return {"oneOf": [_ref(cls) for cls in content]}
    if dataclasses.is_dataclass(hint):
        return _ref(hint)
    return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[hint]}


def _object(cls: type, content: tuple[type[Block], ...] = ()) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if issubclass(cls, Block | Document):
        properties["type"] = {"const": cls.type_name()}  # type: ignore[attr-defined]
        required.append("type")
    if cls is Document:
        properties["version"] = {"const": FORMAT_VERSION}
        required += ["version", "blocks"]
    for f in dataclasses.fields(cls):
        properties[f.name] = _type(hints[f.name], content)
        no_default = (f.default is dataclasses.MISSING
                      and f.default_factory is dataclasses.MISSING)
        if no_default or (issubclass(cls, TextBlock) and f.name == "text"):
            required.append(f.name)
    if issubclass(cls, Container) and "blocks" not in required and cls is not Document:
        required.append("blocks")
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The schema of ``-t json`` output (and ``-f json`` input)."""
    defs: dict[str, Any] = {}
    for cls in NODE_TYPES.values():
        defs[cls.type_name()] = _object(cls, cls.content if issubclass(cls, Container) else ())
    for cls in RECORDS:
        defs[cls.__name__.lower()] = _object(cls)
    return {"$schema": DIALECT, "$id": ID, "title": "copydesk document",
            "description": "A copydesk document model as JSON (docs/json.md); fields at their "
                           "default may be left out, except " + ", ".join(sorted(ALWAYS)) + ".",
            **_object(Document, DOCUMENT_CONTENT), "$defs": defs}


if __name__ == "__main__":  # python -m copydesk.model.schema > docs/copydesk.schema.json
    import json

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
