"""The ``json`` reader: a document written by the ``json`` writer, read back losslessly.

Use: ``copydesk convert page.json -t epub`` (sniffed from the content, or ``-f json``).
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk import Document, Reader, Source, hookimpl, lazyre
from copydesk.model.jsoncodec import loads

_DOCUMENT = lazyre.compile(rb'^\s*\{\s*"type"\s*:\s*"document"')


def read_json(source: Source) -> Document:
    return loads(source.read_bytes())


def sniff_json(head: bytes, name: str) -> float:
    return 0.99 if _DOCUMENT.match(head.removeprefix(b"\xef\xbb\xbf")) else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name="json", read=read_json, extensions=("json",), media_types=("application/json",),
        sniff=sniff_json, kind="json", description="copydesk's document model as JSON",
    ))
