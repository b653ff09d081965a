"""The ``text`` reader: plain text, one paragraph per run of non-blank lines.

Each paragraph keeps its source lines (text and line number) as layout hints; a form feed
starts a new page. Use: ``copydesk convert notes.txt -f text -t markdown``. Other readers of
``.txt`` files (print OCR, web text) sniff for their own signs; this one is the fallback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from copydesk import Document, Line, PageBreak, Paragraph, Reader, Source, hookimpl
from copydesk.model.nodes import Block


def source_lines(text: str) -> Iterator[Line | None]:
    """The text's lines as :class:`Line` hints; ``None`` marks a form feed (a new page)."""
    blanks = 0
    for number, raw in enumerate(text.split("\n"), 1):
        pages = raw.split("\f")
        for i, part in enumerate(pages):
            if i:
                yield None
            if not part.strip():
                blanks += 1
                continue
            yield Line(text=part, number=number, blank_before=blanks)
            blanks = 0


def paragraphs_on_blank_lines(text: str) -> list[Block]:
    """Paragraphs split at blank lines, each line's text stripped and joined with a space."""
    blocks: list[Block] = []
    current: list[Line] = []
    page = 1

    def flush() -> None:
        if current:
            joined = " ".join(" ".join(line.text.split()) for line in current)
            blocks.append(Paragraph(text=joined, lines=list(current)))
            current.clear()

    for line in source_lines(text):
        if line is None:
            flush()
            page += 1
            blocks.append(PageBreak(page=str(page)))
            continue
        if line.blank_before:
            flush()
        current.append(line)
    flush()
    return blocks


def read_text(source: Source) -> Document:
    return Document(blocks=paragraphs_on_blank_lines(source.read_text()))


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
