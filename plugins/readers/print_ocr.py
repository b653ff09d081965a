"""The ``print-ocr`` reader: OCR text of printed pages (newspapers, magazines, books).

Keeps every line as read (trailing spaces, indentation, blank lines before it) and how full it
is relative to the column width estimated from its neighbours; groups lines between blank
lines into provisional paragraphs, which the print cleaners (dehyphenate, reflow, dropcap,
captions, pullquotes, articles, boilerplate) turn into a clean document. A form feed starts
a new page. Recognised by sniffing (narrow, wrapped lines with words split at line ends), so
``copydesk convert page.txt -o page.epub`` needs no ``-f print-ocr``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from statistics import median

from copydesk import Document, PageBreak, Paragraph, Reader, Source, hookimpl, lazyre
from copydesk.model.nodes import Block
from copydesk.sources import decode_text
from copydesk.textlines import join_stripped, measured_groups

KIND = "print-ocr"
_SPLIT_END = lazyre.compile(r"[^\W\d_]-$")
_OPEN_END = lazyre.compile(r"[\w,;]$")


def read_print_ocr(source: Source) -> Document:
    blocks: list[Block] = []
    page = 1
    for lines in measured_groups(source.read_text()):
        if lines is None:
            page += 1
            blocks.append(PageBreak(page=str(page)))
        else:
            blocks.append(Paragraph(text=join_stripped(lines), lines=lines))
    return Document(blocks=blocks)


def sniff_print_ocr(head: bytes, name: str) -> float:
    """Confidence that ``head`` is print OCR: narrow lines, wrapped mid-sentence (the next
    line goes on in lower case) or with words split at their ends."""
    lines = [ln.rstrip() for ln in decode_text(head).split("\n")[:-1] if ln.strip()]
    if len(lines) < 8:
        return 0.0
    width = median(len(ln) for ln in lines)
    split = sum(bool(_SPLIT_END.search(ln)) for ln in lines) / len(lines)
    wrapped = sum(bool(_OPEN_END.search(a)) and b.lstrip()[:1].islower()
                  for a, b in itertools.pairwise(lines)) / (len(lines) - 1)
    if width <= 80 and (split >= 0.03 or wrapped >= 0.25):
        return 0.6
    return 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_print_ocr, extensions=("txt",), sniff=sniff_print_ocr, kind=KIND,
        description="OCR text of printed pages (columns, split words, drop caps)",
    ))
