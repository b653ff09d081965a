"""The model as JSON: a stable, ``"type"``-tagged encoding with a lossless round trip.

Every node is an object whose first key is ``"type"`` (the node's lower-case class name); text
blocks carry ``"text"``, containers ``"blocks"``; the root also has ``"metadata"``, ``"edits"``
and ``"cleaners"``. Fields left at their default (``None``, ``false``, empty) are omitted, except
the ones in :data:`ALWAYS`. ``docs/json.md`` describes the format for tools outside the project.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import tempfile
import types
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, BinaryIO, Union, get_args, get_origin, get_type_hints

from copydesk.errors import InputError
from copydesk.model.nodes import NODE_TYPES, Block, Document, TextBlock
from copydesk.model.walk import validate

FORMAT_VERSION = 1
MAX_DEPTH = 200  # JSON levels (about 100 blocks inside one another): deeper is refused
ALWAYS = frozenset({"text", "blocks", "level", "metadata", "edits"})


# ---------------------------------------------------------------------------- encoding


def to_data(obj: Any) -> Any:
    """The JSON-ready form of a model object (dicts, lists, strings, numbers)."""
    return json.loads(encode(obj))


def encoder(skip: frozenset[str] = frozenset()) -> Callable[[Any], str]:
    """A function writing compact JSON text for a model object or a plain value (lists,
    dicts, scalars), leaving out the model's fields named in ``skip`` (``{"lines"}``: the
    source lines of text blocks)."""
    return _encoder(frozenset(skip))


@cache
def _encoder(skip: frozenset[str]) -> Callable[[Any], str]:
    writers: dict[type, Callable[[Any], str]] = {}

    def encode(value: Any) -> str:
        kind = type(value)
        writer = writers.get(kind)
        if writer is not None:
            return writer(value)
        if kind is str:
            return _string(value)
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return int.__repr__(value)
        if kind is float:
            return float.__repr__(value)
        if value is None:
            return "null"
        if kind is list or kind is tuple:
            return "[" + ",".join([encode(x) for x in value]) + "]"
        if kind is dict:
            return "{" + ",".join([_string(str(k)) + ":" + encode(v)
                                   for k, v in value.items()]) + "}"
        if not (dataclasses.is_dataclass(value) and not isinstance(value, type)):
            raise TypeError(f"cannot write a {kind.__name__} as JSON")
        writer = writers[kind] = _make_writer(kind, encode, skip)
        return writer(value)

    return encode


encode = encoder()  # every field
_string = json.encoder.encode_basestring  # C-accelerated, non-ASCII kept as it is


def _make_writer(cls: type, encode: Callable[[Any], str],
                 skip: frozenset[str]) -> Callable[[Any], str]:
    """A function that writes instances of the dataclass ``cls`` as compact JSON, field by
    field (the model's objects are many and small: reflection per object would dominate).
    Fields at their default are left out, except those in :data:`ALWAYS`; fields in ``skip``
    always."""
    code = ["def write(obj):", "    parts = []"]
    if issubclass(cls, Block | Document):
        code.append(f"    parts.append('\"type\":\"{cls.type_name()}\"')")  # type: ignore[attr-defined]
    if cls is Document:
        code.append(f"    parts.append('\"version\":{FORMAT_VERSION}')")
    namespace: dict[str, Any] = {"encode": encode, "string": _string}
    for name, default in _defaults(cls):
        if name in skip and name not in ALWAYS:
            continue
        code.append(f"    v = obj.{name}")
        value = {  # the commonest types written inline, anything else through encode()
            str: "(string(v) if type(v) is str else encode(v))",
            int: "(int.__repr__(v) if type(v) is int else encode(v))",
        }.get(_scalar_hint(cls, name), "encode(v)")
        line = f"parts.append('\"{name}\":' + {value})"
        if name in ALWAYS or default is dataclasses.MISSING:
            code.append(f"    {line}")
        else:
            namespace[f"_default_{name}"] = default
            test = "v is not None" if default is None else f"v != _default_{name}"
            code.append(f"    if {test}:")
            code.append(f"        {line}")
    code.append("    return '{' + ','.join(parts) + '}'")
    exec("\n".join(code), namespace)  # noqa: S102 - source built above from field names
    return namespace["write"]


def _scalar_hint(cls: type, name: str) -> type | None:
    """``str`` or ``int`` when the field holds that type (or ``None``), else ``None``."""
    hint = _hints(cls)[name]
    args = [a for a in get_args(hint) if a is not type(None)] if get_origin(hint) in (
        Union, types.UnionType) else [hint]
    return args[0] if len(args) == 1 and args[0] in (str, int) else None


def iter_json(doc: Document, *, lines: bool = True) -> Iterator[str]:
    """The document as JSON text in pieces: the head (kind and metadata), then one line per
    top-level block (quick to write and to read, and diffs stay readable), then one per edit,
    and the cleaners. ``lines=False`` leaves the text blocks' source lines out (their layout
    record: most of the size)."""
    return iter_json_pieces(iter([doc]), lines=lines)


def iter_json_pieces(pieces: Iterator[Document], *, lines: bool = True) -> Iterator[str]:
    """Documents converted a piece at a time (:mod:`copydesk.pieces`) as the JSON text of one,
    written as they come: the first one's kind and metadata, every piece's blocks, then every
    piece's edits (kept in a temporary file meanwhile) and the cleaners that ran. One piece
    gives exactly :func:`iter_json`'s text."""
    write = encode if lines else encoder(frozenset({"lines"}))
    first = next(pieces)
    head = write(dataclasses.replace(first, blocks=[], edits=[], cleaners=[]))
    tail = ',"blocks":[],"edits":[]}'
    assert head.endswith(tail)
    yield head[:-len(tail)] + ',\n"blocks": ['
    cleaners = list(first.cleaners)  # (and any a later piece ran that the first did not)
    blocks = edits = 0
    with tempfile.SpooledTemporaryFile(max_size=1 << 23, mode="w+", encoding="utf-8",
                                       errors="surrogatepass") as spool:
        for piece in itertools.chain([first], pieces):
            for block in piece.blocks:
                yield ("\n" if blocks == 0 else ",\n") + write(block)
                blocks += 1
            for edit in piece.edits:
                spool.write(("\n" if edits == 0 else ",\n") + write(edit))
                edits += 1
            cleaners.extend(c for c in piece.cleaners if c not in cleaners)
        yield ("\n]," if blocks else "],") + '\n"edits": ['
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            yield chunk
    yield ("\n]" if edits else "]") + (
        f',\n"cleaners": {write(cleaners)}' if cleaners else "") + "}\n"


def dumps(doc: Document) -> str:
    """The document as JSON text (see :func:`iter_json`)."""
    return "".join(iter_json(doc))


def dump_bytes(doc: Document) -> bytes:
    """The JSON as UTF-8; lone surrogates are written as escapes, so it is always valid."""
    return dumps(doc).encode("utf-8", errors="backslashreplace")


def write_json(doc: Document, stream: BinaryIO, *, lines: bool = True) -> None:
    """Write the JSON to a binary stream piece by piece (no copy of the whole text)."""
    write_json_pieces(iter([doc]), stream, lines=lines)


def write_json_pieces(pieces: Iterator[Document], stream: BinaryIO, *,
                      lines: bool = True) -> None:
    """Write documents converted a piece at a time as one document's JSON, as they come."""
    stream.writelines(piece.encode("utf-8", errors="backslashreplace")
                      for piece in iter_json_pieces(pieces, lines=lines))


@cache
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    out = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = dataclasses.MISSING
        out.append((f.name, default))
    return tuple(out)


# ---------------------------------------------------------------------------- decoding


def loads(text: str | bytes) -> Document:
    """Read a document back from its JSON; raises :class:`InputError` on anything malformed."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise InputError("not readable JSON: nested deeper than Python's parser goes") from None
    except ValueError:  # (an integer of thousands of digits)
        raise InputError("not readable JSON: a number too long to read") from None
    return from_data(data)


def from_data(data: Any) -> Document:
    if not isinstance(data, dict) or data.get("type") != "document":
        raise InputError('not a copydesk document (the root needs "type": "document")')
    if "version" not in data:
        raise InputError('document: no "version" (see docs/json.md)')
    if data["version"] != FORMAT_VERSION:
        raise InputError(f"unsupported copydesk JSON version {data['version']!r}")
    if "blocks" not in data:
        raise InputError('document: no "blocks" (see docs/json.md)')
    _check_depth(data)
    doc = _decode(Document, {k: v for k, v in data.items() if k != "version"}, "document")
    return validate(doc)


def _decode(hint: Any, value: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return None if value is None else _decode(args[0], value, where)
    if origin is list:
        (item,) = get_args(hint)
        return [_decode(item, v, f"{where}/{i}") for i, v in enumerate(_expect(list, value, where))]
    if origin is dict:
        _, item = get_args(hint)
        return {k: _decode(item, v, f"{where}.{k}") for k, v in _expect(dict, value, where).items()}
    if hint is Block:
        return _decode_node(value, where)
    if dataclasses.is_dataclass(hint):
        return _decode_fields(hint, _expect(dict, value, where), where)
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise InputError(f"{where}: expected a number, got {json.dumps(value)[:40]}")
    return _expect(hint, value, where)


def _decode_node(value: Any, where: str) -> Block:
    node_type = _expect(dict, value, where).get("type")
    cls = NODE_TYPES.get(node_type) if isinstance(node_type, str) else None
    if cls is None:
        raise InputError(f"{where}: unknown node type {node_type!r}")
    fields = {k: v for k, v in value.items() if k != "type"}
    return _decode_fields(cls, fields, f"{where}:{node_type}")


def _decode_fields(cls: type, value: dict[str, Any], where: str) -> Any:
    hints = _hints(cls)
    unknown = set(value) - set(hints) - ({"type"} if cls is Document else set())
    if unknown:
        raise InputError(f"{where}: unknown field {min(unknown)!r}")
    kwargs = {k: _decode(hints[k], v, f"{where}.{k}") for k, v in value.items() if k in hints}
    for name, default in _defaults(cls):
        if default is dataclasses.MISSING and name not in kwargs:
            raise InputError(f"{where}: no {name!r}")
    node = cls(**kwargs)
    if isinstance(node, TextBlock):
        _check_marks(node, where)
    return node


def _check_marks(node: TextBlock, where: str) -> None:
    """Marks lie within the text, each ending where or after it starts."""
    for i, mark in enumerate(node.marks):
        if not 0 <= mark.start <= mark.end <= len(node.text):
            raise InputError(f"{where}.marks/{i}: span {mark.start}-{mark.end} lies outside "
                             f"the text ({len(node.text)} characters)")


def _check_depth(data: Any) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` (looked at without recursion)."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"blocks nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))


@cache
def _hints(cls: type) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in get_type_hints(cls).items() if k in names}


def _expect(kind: type, value: Any, where: str) -> Any:
    if kind is int and isinstance(value, bool):
        value = None  # JSON true is not a number
    if not isinstance(value, kind):
        raise InputError(f"{where}: expected {kind.__name__}, got {json.dumps(value)[:40]}")
    return value
