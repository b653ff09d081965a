"""The ``text`` reader: plain text, one paragraph per run of non-blank lines.

Each paragraph keeps its source lines (text and line number) as layout hints; a form feed
starts a new page. Use: ``copydesk convert notes.txt -f text -t markdown``. Other readers of
``.txt`` files (print OCR, web text) sniff for their own signs; this one is the fallback.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk import Document, PageBreak, Paragraph, Reader, Source, hookimpl
from copydesk.model.nodes import Block
from copydesk.textlines import group_lines, join_stripped


def blocks_from_groups(text: str) -> list[Block]:
    """A paragraph per run of non-blank lines and a page break per form feed."""
    blocks: list[Block] = []
    page = 1
    for group in group_lines(text):
        if group is None:
            page += 1
            blocks.append(PageBreak(page=str(page)))
        else:
            blocks.append(Paragraph(text=join_stripped(group), lines=group))
    return blocks


def read_text(source: Source) -> Document:
    return Document(blocks=blocks_from_groups(source.read_text()))


def sniff_text(head: bytes, name: str) -> float:
    """Anything without NUL bytes can be read as text, but with little confidence."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        return 0.1
    return 0.1 if b"\x00" not in head else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name="text", read=read_text, extensions=("txt", "text"), media_types=("text/plain",),
        sniff=sniff_text, kind="text", description="plain text, paragraphs on blank lines",
    ))
