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
from collections.abc import Callable, Iterator
from statistics import median

from copydesk import Document, PageBreak, Paragraph, Reader, Source, hookimpl, lazyre
from copydesk.model.nodes import Block
from copydesk.sources import decode_text
from copydesk.textlines import join_stripped, measured_groups

KIND = "print-ocr"
_SPLIT_END = lazyre.compile(r"[^\W\d_]-$")
_OPEN_END = lazyre.compile(r"[\w,;]$")


PIECE_PAGES = 100  # pages a piece of a long input holds (at least; see read_print_ocr_pieces)
PIECE_SLACK = 20  # … and how many more it may take to end where a paragraph ends
# a sentence's close: . ! ? (and a quote) at a line's end
_ENDS_SENTENCE = lazyre.compile(r"[.!?][\"\'”’)]?$")


def read_print_ocr(source: Source) -> Document:
    return Document(blocks=_blocks(source.read_text()))


def _blocks(text: str, page: int = 1, first_line: int = 1) -> list[Block]:
    """The provisional blocks of ``text``, whose first page is the input's ``page`` and whose
    first line its ``first_line``: a later page opens with its page break."""
    blocks: list[Block] = [PageBreak(page=str(page))] if page > 1 else []
    for lines in measured_groups(text, first_line):
        if lines is None:
            page += 1
            blocks.append(PageBreak(page=str(page)))
        else:
            blocks.append(Paragraph(text=join_stripped(lines), lines=lines))
    return blocks


def read_print_ocr_pieces(source: Source) -> Iterator[Document]:
    """A long input as documents of ``PIECE_PAGES`` pages or a few more, read as they are
    needed (a short input is one piece, as :func:`read_print_ocr` reads it). A piece ends at a
    page whose last line ends a sentence where one does within ``PIECE_SLACK`` pages, so that
    a paragraph is seldom cut in two; a short last piece joins the one before."""
    page, line = 1, 1
    ready: list[str] = []  # the pages of the piece made last, held back until the next is made
    pages: list[str] = []
    for text in _pages(source):
        pages.append(text)
        if len(pages) >= PIECE_PAGES and (_ends_paragraph(text)
                                          or len(pages) >= PIECE_PAGES + PIECE_SLACK):
            if ready:
                yield Document(blocks=_blocks("\f".join(ready), page, line))
                page, line = page + len(ready), line + sum(p.count("\n") for p in ready)
            ready, pages = pages, []
    if len(pages) < PIECE_PAGES // 2:
        ready, pages = ready + pages, []
    for piece in (ready, pages):
        if piece:
            yield Document(blocks=_blocks("\f".join(piece), page, line))
            page, line = page + len(piece), line + sum(p.count("\n") for p in piece)


def _pages(source: Source) -> Iterator[str]:
    """The input's pages' text (form feeds part pages), read as it goes."""
    rest = ""
    for chunk in source.iter_text():
        *whole, rest = (rest + chunk).split("\f")
        yield from whole
    yield rest


def _ends_paragraph(page: str) -> bool:
    """Whether a page's last line ends a sentence (and has four words or more)."""
    last = page.rstrip().rpartition("\n")[2]
    return bool(_ENDS_SENTENCE.search(last)) and len(last.split(None, 4)) >= 4


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
        name=KIND, read=read_print_ocr, pieces=read_print_ocr_pieces, extensions=("txt",), sniff=sniff_print_ocr, kind=KIND,
        description="OCR text of printed pages (columns, split words, drop caps)",
    ))
