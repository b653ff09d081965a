"""The ``pdf`` reader: born-digital PDFs through pdfminer.six's layout analysis.

Every text line keeps its page, box (points, origin top-left), font name and size, and
whether the font is bold or italic. The shared page layout analysis (``copydesk.pagelayout``)
then puts columns in reading order, sets running heads, folios and margin notes apart as
boilerplate, and groups lines into provisional paragraphs; the print cleaners do the rest
(``reflow``, ``dehyphenate`` and ``articles`` are on by default for PDF input). Where the page
rules a table, lines pdfminer ran across its cells come also as the pieces between leader
dots, vertical rules and wide spaces (``Page.pieces``), for ``pagelayout.tables``. Use: ``copydesk convert report.pdf -o report.epub``.

A PDF with no text layer (a scan) is rendered page by page and OCRed with Tesseract (the
``scan`` reader's path; a one-line error when Tesseract is missing);
encrypted, truncated and malformed files get a clear error, a file that keeps pdfminer
busy longer than ``TIME_LIMIT`` seconds is stopped, and one whose streams inflate past
``COPYDESK_PDF_MAX_MB`` megabytes (512 by default; ``_pdfbudget``) is refused.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from statistics import median

from copydesk import Box, Document, InputError, Line, Reader, Source, hookimpl, lazyre
from copydesk.limits import time_limit
from copydesk.pagelayout import FIGURE_LABEL, Page, document_from_pages
from copydesk.pictures import PDF_DPI
from copydesk.plugins.readers._pdfbudget import budget
from copydesk.plugins.readers.scan import scanned_pdf_pages

KIND = "pdf"
TIME_LIMIT = 300  # seconds a single PDF (or a piece of a long one) may take
PIECE_PAGES = 100  # pages of a long PDF converted at a time (copydesk.pieces)
DROP_SIZE = 2.0  # a first letter this many times larger than the rest of its line: a drop cap
RULE_WIDTH = 3.0  # points: a graphic this thin (and long) is a rule
MIN_TABLE = 50.0  # points: the least width of a table's rules
MIN_PICTURE = 20.0  # points: the least side of a picture area (and length of a rule)
# font names that say bold or italic: words, or TeX's (cmbx10, sfbx1000, cmbxti10; cmti10, cmsl10)
BOLD = lazyre.compile(r"bold|black|heavy|semibold|demi|^(?:cm|sf|ec|tc|lm)?bx?(?:ti|sl)?\d")
ITALIC = lazyre.compile(r"italic|oblique|^(?:cm|sf|ec|tc|lm)?(?:bx)?(?:ti|sl|it)\d")
RUN_IN = lazyre.compile(r"^\d+(?:\.\d+)*\.?\s|[.:]$")  # a run-in heading's number or closing stop
CID = lazyre.compile(r"\(cid:\d+\)")  # pdfminer's stand-in for a glyph its font does not map
PRESENTATION_FORMS = lazyre.compile("[\ufb00-\ufb4f]")  # ligatures (ﬁ, ﬂ, ﬀ, ﬃ…), as one glyph
LEADER = lazyre.compile(r"[.·…](?:\s*[.·…])+")  # leader dots (a table's or a contents list's)
WIDE_SPACE = 0.8  # a space this many ems wide parts a table's cells
MOST = 0.6  # share of a line's characters in bold (italic) type for the line to count as bold


@contextlib.contextmanager
def quiet(name: str) -> Iterator[None]:
    """A library's warnings kept off the terminal while it works for us (a damaged PDF's
    error is one line of ours, not pdfminer's log first)."""
    import logging  # (imported where used: start-up stays short)

    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def pages_of(data: bytes) -> Iterator[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    params = LAParams(line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=None)
    for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=params), 1):
        lines: list[Line] = []
        pictures: list[Box] = []
        rules: list[Box] = []
        blocks: list[list[Line]] = []
        pieces: dict[int, list[Line]] = {}
        for box in layout:
            if not isinstance(box, LTTextContainer):
                _graphic(box, layout.height, pictures, rules)
        upright = [r for r in rules if r.height > r.width]
        ruled = _ruled(rules)  # where tables are sought
        for box in layout:
            if isinstance(box, LTTextContainer):
                block = [ln for ln in _text_lines(box, number, layout.height, upright,
                                                  pieces if ruled else None) if ln.text.strip()]
                lines += block
                blocks.append(block)
        yield Page(number=number, width=layout.width, height=layout.height, lines=lines,
                   pictures=on_page(pictures, layout.width, layout.height), rules=rules,
                   blocks=blocks, blocks_ordered=False,
                   pieces=pieces)


def _ruled(rules: list[Box]) -> bool:
    """Whether two horizontal rules of one width stand apart on the page (more than a double
    rule's gap): where a table may be, so where lines are cut into cells."""
    across = sorted((r for r in rules if r.width > r.height and r.width >= MIN_TABLE),
                    key=lambda r: (round(r.x0), round(r.x1), r.y0))
    return any(abs(a.x0 - b.x0) <= RULE_WIDTH and abs(a.x1 - b.x1) <= RULE_WIDTH
               and b.y0 - a.y1 >= 2 * RULE_WIDTH for a, b in itertools.combinations(across, 2))


def _text_lines(box: object, number: int, height: float, upright: list[Box],
                pieces: dict[int, list[Line]] | None) -> list[Line]:
    """A text box's lines; a first letter in type ``DROP_SIZE`` times larger than the rest (a
    drop cap) becomes a line of its own, and so does a run-in heading opening a line. A line
    that runs across leader dots or a vertical rule (a table's row set as one line) also
    comes as the pieces between them, in ``pieces`` (on a page with rules, where tables are
    sought)."""
    from pdfminer.layout import LTChar, LTTextLine

    out = []
    for item in box:  # type: ignore[attr-defined]
        if not isinstance(item, LTTextLine) or not item.get_text().strip():
            continue
        chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
        if len(chars) > 1 and chars[0].get_text().isalpha() and chars[0].size >= DROP_SIZE * (
                median(c.size for c in chars[1:])):
            out.append(_line(chars[0].get_text(), chars[:1], number, height))
            rest = item.get_text().rstrip("\n").lstrip()[1:].lstrip()
            out.append(_line(rest, chars[1:], number, height))
        elif (split := _run_in(item)) is not None:
            (head, head_chars), (rest, rest_chars) = split
            out.append(_line(head, head_chars, number, height))
            out.append(_line(rest, rest_chars, number, height))
        else:
            line = _line(item.get_text().rstrip("\n"), chars, number, height, item)
            out.append(line)
            cut = _cells(item, line, number, height, upright) if pieces is not None else []
            if len(cut) > 1:
                pieces[id(line)] = cut  # type: ignore[index]
    return out


def _cells(item: object, line: Line, number: int, height: float,
           upright: list[Box]) -> list[Line]:
    """A line's pieces between leader dots, vertical rules and spaces an em wide or more
    (none when it has none of them)."""
    from pdfminer.layout import LTChar

    box = line.box
    assert box is not None
    crossing = [(r.x0 + r.x1) / 2 for r in upright if box.x0 < (r.x0 + r.x1) / 2 < box.x1
                and r.y0 < (box.y0 + box.y1) / 2 < r.y1]
    tokens = [(c.get_text(), c if isinstance(c, LTChar) else None) for c in item]  # type: ignore[attr-defined]
    text = "".join(t for t, _ in tokens)
    starts = list(itertools.accumulate((len(t) for t, _ in tokens), initial=0))
    leaders = [(m.start(), m.end()) for m in LEADER.finditer(text)]
    groups: list[list[tuple[str, object]]] = [[]]
    previous = None
    for (token, char), at in zip(tokens, starts, strict=False):
        if any(a <= at < b for a, b in leaders):
            groups.append([])
            continue
        if char is not None and not char.get_text().strip():
            char = None  # (a space's glyph: the gap is measured between letters)
        if char is not None and previous is not None and (
                char.x0 - previous.x1 >= WIDE_SPACE * char.size or any(
                    previous.x1 - 1 <= x <= char.x0 + 1 for x in crossing)):
            groups.append([])
        groups[-1].append((token, char))
        if char is not None:
            previous = char
    out = []
    for group in groups:
        chars = [c for _, c in group if c is not None and c.get_text().strip()]  # type: ignore[attr-defined]
        piece = "".join(t for t, _ in group).strip()
        if chars and piece:
            out.append(_line(piece, chars, number, height))
    return out


def _run_in(item: object) -> tuple[tuple[str, list], tuple[str, list]] | None:
    """A run-in heading opening the line (``5.1 Hyper Parameter Optimization We have…``):
    the line's text and characters up to where bold type gives way to the body's, and after.
    Only a bold run of two words or more that starts with a section number or ends with a full
    stop or colon counts (bold words wrapped onto a line's start are emphasis, not a heading)."""
    from pdfminer.layout import LTChar

    pieces: list[tuple[str, LTChar | None]] = [
        (c.get_text(), c if isinstance(c, LTChar) and c.get_text().strip() else None)
        for c in item]  # type: ignore[attr-defined]
    flags = [BOLD.search(c.fontname.split("+")[-1].lower()) is not None
             for _, c in pieces if c is not None]
    if len(flags) < 12 or not flags[0] or all(flags):
        return None
    cut = flags.index(False)
    if any(flags[cut:]):
        return None
    seen = 0
    at = 0
    while at < len(pieces):
        seen += pieces[at][1] is not None
        if seen == cut + 1:
            break
        at += 1
    head = "".join(t for t, _ in pieces[:at]).strip()
    rest = "".join(t for t, _ in pieces[at:]).rstrip("\n").strip()
    if len(head.split()) < 2 or not rest or not RUN_IN.search(head) or FIGURE_LABEL.match(
            f"{head}  "):
        return None  # a caption's label in bold stays with its caption
    chars = [c for _, c in pieces if c is not None]
    return (head, chars[:cut]), (rest, chars[cut:])


def _line(text: str, chars: list, number: int, height: float, item: object = None) -> Line:
    """A line of ``chars`` (its box that of ``item`` when given), in the type most of them use."""
    edges = item if item is not None else _Bounds(chars)
    char = max(chars, key=lambda c: c.size) if chars else None
    return Line(
        text=plain_text(text), page=number,
        box=Box(x0=round(edges.x0, 2), y0=round(height - edges.y1, 2),
                x1=round(edges.x1, 2), y1=round(height - edges.y0, 2)),
        font=char.fontname if char is not None else None,
        font_size=round(char.size, 2) if char is not None else None,
        bold=_share(chars, BOLD) >= MOST, italic=_share(chars, ITALIC) >= MOST)


def plain_text(text: str) -> str:
    """A line's text as a reader wants it: no ``(cid:N)`` for glyphs the font does not map
    (the text layer has nothing better), ligatures as their letters (NFKC on the
    presentation forms only: superscripts, fractions and the like stay as set)."""
    text = CID.sub("", text)
    return PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


class _Bounds:
    """The bounding box of some of a line's characters."""

    def __init__(self, chars: list) -> None:
        self.x0 = min(c.x0 for c in chars)
        self.y0 = min(c.y0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.y1 = max(c.y1 for c in chars)


def _graphic(item: object, height: float, pictures: list[Box], rules: list[Box]) -> None:
    """Sort a graphic into rules (thin and long) and picture areas (images, figures, filled
    shapes of some size); anything else (frames, small marks) is left out."""
    from pdfminer.layout import LTCurve, LTFigure, LTImage

    if not isinstance(item, (LTCurve, LTFigure, LTImage)):
        return
    box = Box(x0=item.x0, y0=height - item.y1, x1=item.x1, y1=height - item.y0)
    thin, long = min(box.width, box.height), max(box.width, box.height)
    if thin <= RULE_WIDTH and long >= MIN_PICTURE:
        rules.append(box)
    elif thin >= MIN_PICTURE and (not isinstance(item, LTCurve) or item.fill):
        pictures.append(box)


def on_page(areas: list[Box], width: float, height: float) -> list[Box]:
    """Picture areas kept to the page (a drawing's shapes may run off it)."""
    boxes = [Box(x0=max(0.0, a.x0), y0=max(0.0, a.y0), x1=min(width, a.x1),
                 y1=min(height, a.y1)) for a in areas]
    return [b for b in boxes if b.width > 0 and b.height > 0]


def _share(chars: list, style: re.Pattern[str]) -> float:
    """The share of ``chars`` whose font name says ``style`` (bold, italic)."""
    if not chars:
        return 0.0
    return sum(bool(style.search(c.fontname.split("+")[-1].lower())) for c in chars) / len(chars)


def read_pdf(source: Source) -> Document:
    data = _pdf_data(source)
    with _pdfminer_errors():
        pages = list(pages_of(data))
    if not any(page.lines for page in pages):  # a scan: OCR it
        return _scanned(data, source)
    return document_from_pages(_with_images(pages, source))


def read_pdf_pieces(source: Source) -> Iterator[Document]:
    """A long PDF as documents of ``PIECE_PAGES`` pages (a short last run joins the one
    before), laid out by pdfminer as they are needed; a short PDF, or one with no text layer
    on its first pages (a scan, OCRed whole), is one piece, the document ``read_pdf`` makes."""
    data = _pdf_data(source)
    pages = pages_of(data)

    def run() -> list[Page]:
        with _pdfminer_errors():
            return list(itertools.islice(pages, PIECE_PAGES))

    ready = run()
    if not any(page.lines for page in ready):
        yield read_pdf(source)
        return
    while True:
        after = run()
        if len(after) < PIECE_PAGES // 2:
            yield document_from_pages(_with_images(ready + after, source))
            return
        yield document_from_pages(_with_images(ready, source))
        ready = after


def _pdf_data(source: Source) -> bytes:
    data = source.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("not a PDF file")
    return data


@contextlib.contextmanager
def _pdfminer_errors() -> Iterator[None]:
    """pdfminer's work bounded in time and memory, and what it raises made a clear error."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        with time_limit(TIME_LIMIT, f"stopped after {TIME_LIMIT} s: pdfminer could not lay "
                        "this PDF out in time"), budget(), quiet("pdfminer"):
            yield
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError(f"a damaged or truncated PDF ({type(exc).__name__})") from None


def _scanned(data: bytes, source: Source) -> Document:
    try:
        pages = scanned_pdf_pages(data, source.name, source.path)
    except InputError as exc:
        raise InputError(f"the PDF has no text layer (a scan), and {exc.message}") from None
    if not any(page.lines for page in pages):
        raise InputError("the PDF has no text layer, and Tesseract found no text on it")
    doc = document_from_pages(pages)
    doc.kind = "hocr"  # OCR: the cleaners of the hOCR it was read from
    return doc


def _with_images(pages: list[Page], source: Source) -> list[Page]:
    """``pages`` told where their image is (a captioned picture is cut from its page,
    rendered), for a PDF on disk."""
    if source.path is not None:
        for page in pages:
            page.image, page.image_page = source.path.resolve(), page.number
            page.to_pixels = PDF_DPI / 72
    return pages


def sniff_pdf(head: bytes, name: str) -> float:
    return 0.99 if head.lstrip()[:5].startswith(b"%PDF") else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_pdf, pieces=read_pdf_pieces, extensions=("pdf",), media_types=("application/pdf",),
        sniff=sniff_pdf, kind=KIND, binary=True,
        description="a born-digital PDF: columns in reading order, running heads set apart",
    ))
