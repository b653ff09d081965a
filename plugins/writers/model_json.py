"""The ``json`` writer: the document model itself, every field, readable back with ``-f json``.

Use: ``copydesk convert page.txt -t json``. The format is described in ``docs/json.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from copydesk import Document, Writer, hookimpl
from copydesk.model.jsoncodec import dump_bytes


def write_json(doc: Document, stream: BinaryIO) -> None:
    stream.write(dump_bytes(doc))


@hookimpl
def register_writers(register: Callable[[Writer], None]) -> None:
    register(Writer(
        name="json", write=write_json, extension="json", media_type="application/json",
        description="the document model as JSON (lossless)",
    ))
