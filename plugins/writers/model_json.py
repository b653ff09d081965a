"""The ``json`` writer: the document model itself, every field, readable back with ``-f json``.

Use: ``copydesk convert page.txt -t json``; ``-O lines=false`` leaves out the text blocks'
source lines (where each line stood on its page: most of the size of OCR input's JSON). The
format is described in ``docs/json.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from copydesk import Document, Writer, hookimpl
from copydesk.model import jsoncodec


@dataclass(frozen=True)
class JsonOptions:
    """Options of the ``json`` writer."""

    lines: bool = field(default=True, metadata={
        "help": "keep each text block's source lines (page, box, type size, confidences)"})


def write_json(doc: Document, stream: BinaryIO, options: JsonOptions) -> None:
    jsoncodec.write_json(doc, stream, lines=options.lines)


def write_json_pieces(pieces: Iterator[Document], stream: BinaryIO, options: JsonOptions) -> None:
    jsoncodec.write_json_pieces(pieces, stream, lines=options.lines)


@hookimpl
def register_writers(register: Callable[[Writer], None]) -> None:
    register(Writer(
        name="json", write=write_json, write_pieces=write_json_pieces, extension="json", media_type="application/json",
        options=JsonOptions, description="the document model as JSON (lossless)",
    ))
