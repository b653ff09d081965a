"""The ``json`` writer: the document model itself, every field, readable back with ``-f json``.

Use: ``copydesk convert page.txt -t json``. The format is described in ``docs/json.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from copydesk import Document, Writer, hookimpl
from copydesk.model import jsoncodec


def write_json(doc: Document, stream: BinaryIO) -> None:
    jsoncodec.write_json(doc, stream)


@hookimpl
def register_writers(register: Callable[[Writer], None]) -> None:
    register(Writer(
        name="json", write=write_json, extension="json", media_type="application/json",
        description="the document model as JSON (lossless)",
    ))
