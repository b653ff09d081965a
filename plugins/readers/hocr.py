"""The ``hocr`` reader: hOCR, the HTML that Tesseract and other OCR engines write.

Every ``ocr_line`` (and ``ocr_header``, ``ocr_caption``, ``ocr_textfloat``) becomes a line with
its box (converted to points from the page's ``scan_res``, else 300 dpi) and its font size
(``x_size``); bold and italic from ``<strong>``/``<em>`` around words; the engine's blocks
(``ocr_carea``, else ``ocr_par``) are kept, and the page layout reads them whole (a block
whose lines run across a gutter, by its words, is cut into its columns first). The file's
encoding is its declaration's (BOM, XML declaration, ``<meta charset>``), else UTF-8. Pages go through the
shared page layout (columns, reading order, running heads) and the print cleaners; picture
areas (``ocr_photo``, ``ocr_image``…) and rules (``ocr_separator``) help it find captions and
pull quotes. Parsed without network access. Use: ``tesseract scan.png page hocr`` then
``copydesk convert page.hocr -o page.epub``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml import etree

from copydesk import Box, Document, InputError, Line, Reader, Source, hookimpl, lazyre
from copydesk.pagelayout import Page, document_from_pages, opens_with_initial
from copydesk.pagelayout.ocrwords import token_confidences
from copydesk.pagelayout.wordgutters import (
    at_gutter,
    column_of,
    column_rules,
    is_rule_glyph,
    rule_gutters,
    word_gutters,
    worth_seeking,
)
from copydesk.pictures import image_folders, page_image
from copydesk.sources import markup_encoding

KIND = "hocr"
BLOCK_CLASSES = ("ocr_carea", "ocrx_block", "ocr_column", "ocr_par")  # outermost found wins
LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
PICTURE_CLASSES = {"ocr_photo", "ocr_image", "ocr_linedrawing", "ocr_graphic"}
RULE_CLASSES = {"ocr_separator"}


def _title(el: etree._Element, key: str) -> list[float]:
    """Numbers of one property of an hOCR ``title`` (``bbox 0 0 10 10; x_size 42``)."""
    match = re.search(rf"(?:^|;)\s*{key}\s+([^;]+)", el.get("title", ""))
    if not match:
        return []
    try:
        values = [float(v) for v in match.group(1).split()]
    except ValueError:
        return []
    return values if all(math.isfinite(v) for v in values) else []


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _line(element: etree._Element, bbox: list[float], number: int, scale: float,
          size: float | None, words: list[etree._Element] | None = None,
          text: str | None = None) -> Line:
    """A line (or one word, a drop cap) with its box in points; bold and italic when every
    word is set in ``<strong>``/``<em>``."""
    words = words if words is not None else [element]
    return Line(
        text=text if text is not None else " ".join("".join(element.itertext()).split()),
        page=number,
        box=Box(x0=round(bbox[0] * scale, 2), y0=round(bbox[1] * scale, 2),
                x1=round(bbox[2] * scale, 2), y1=round(bbox[3] * scale, 2)),
        font_size=round(size, 2) if size else None,
        confidences=token_confidences(
            ["".join(w.itertext()) for w in words], [False] * len(words),
            [_wconf(w) for w in words]) if text is not None else [],
        bold=bool(words) and all(w.xpath("ancestor-or-self::strong|.//strong") for w in words),
        italic=bool(words) and all(w.xpath("ancestor-or-self::em|.//em") for w in words))


def _wconf(word: etree._Element) -> float | None:
    """hOCR's ``x_wconf`` (0-100) as 0-1, where the word has one."""
    conf = _title(word, "x_wconf")
    return min(max(conf[0] / 100, 0.0), 1.0) if conf else None


def _block_of(element: etree._Element) -> etree._Element | None:
    """The engine's text block a line belongs to: its nearest enclosing content area
    (``ocr_carea``, ``ocrx_block``, ``ocr_column``), else its paragraph."""
    found = None
    for ancestor in element.iterancestors():
        classes = _classes(ancestor)
        if classes & set(BLOCK_CLASSES[:3]):
            return ancestor
        if found is None and "ocr_par" in classes:
            found = ancestor
    return found


def read_hocr(source: Source) -> Document:
    data = source.read_bytes()
    if len(OPENED.findall(data)) > len(CLOSED.findall(data)):
        # an HTML parser would read the head of a cut file as if it were all there
        raise InputError("a truncated hOCR file (it ends inside an element)")
    pages = hocr_pages(data, folders=image_folders(source.path))
    if not any(p.lines for p in pages):
        raise InputError("no hOCR text lines found (class ocr_line)")
    return document_from_pages(pages)


# hOCR's structure elements, opened and closed (a file cut short leaves some open)
OPENED = lazyre.compile(rb"<(?:div|span|p)[\s>]", re.IGNORECASE)
CLOSED = lazyre.compile(rb"</(?:div|span|p)\s*>", re.IGNORECASE)


def hocr_pages(data: bytes, first: int = 1, folders: list[Path] | None = None,
               image: Path | None = None) -> list[Page]:
    """The pages of an hOCR file, numbered from ``first``; each page's image (its
    ``image`` property) looked for in ``folders``, or ``image`` for all (a scan's)."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, recover=True,
                                  encoding=markup_encoding(data))
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError, LookupError) as exc:
        raise InputError(f"not readable hOCR: {exc}") from None
    pages = []
    for number, page in enumerate(root.xpath("//*[contains(@class, 'ocr_page')]"), first):
        dpi = (_title(page, "scan_res") or [300.0])[0] or 300.0
        scale = 72 / dpi
        box = page_box if len(page_box := _title(page, "bbox")) == 4 else [0.0, 0.0, 0.0, 0.0]
        pictures, rules = [], []
        # per engine block: its lines, each a ready line (a drop cap) or (element, words,
        # their boxes, type size, the line's box)
        found: dict[etree._Element | None, list[Line | tuple]] = {}
        for element in page.iter():
            classes = _classes(element) if isinstance(element.tag, str) else set()
            bbox = _title(element, "bbox")
            if classes & (PICTURE_CLASSES | RULE_CLASSES) and len(bbox) == 4:
                area = Box(x0=bbox[0] * scale, y0=bbox[1] * scale, x1=bbox[2] * scale,
                           y1=bbox[3] * scale)
                (pictures if classes & PICTURE_CLASSES else rules).append(area)
            if not classes & LINE_CLASSES:
                continue
            if len(bbox) != 4:  # no usable box: the nearest enclosing one, else the page's foot
                bbox = next((b for a in element.iterancestors() if len(b := _title(a, "bbox")) == 4),
                            [0.0, box[3], box[2], box[3]])
            records = found.setdefault(_block_of(element), [])
            words = [w for w in element.iter() if "ocrx_word" in _classes(w)
                     and "".join(w.itertext()).strip()] or [element]
            if not "".join(element.itertext()).strip():
                continue
            size = (_title(element, "x_size") or [0.0])[0] * scale * 0.75 or None
            boxes = [_title(w, "bbox") for w in words]
            if len(words) == 1 and words[0] is element or not all(len(b) == 4 for b in boxes):
                boxes = [bbox] * len(words)
            if len(words) > 1 and opens_with_initial([
                    ("".join(w.itertext()).strip(), b[3] - b[1])
                    for w, b in zip(words, boxes, strict=True)]):
                # a drop cap glued to the words beside it: a line of its own
                records.append(_line(words[0], boxes[0], number, scale, None))
                words, boxes, bbox = words[1:], boxes[1:], []
            records.append((element, words, boxes, size, bbox))
        lines: list[Line] = []
        blocks: list[list[Line]] = []
        widths = [_width(records) for records in found.values()]
        upright = column_rules([(r.x0 / scale, r.x1 / scale, r.y0 / scale, r.y1 / scale)
                                for r in rules], [
            (min(b[0] for b in r[2]), max(b[2] for b in r[2]), min(b[1] for b in r[2]),
             max(b[3] for b in r[2])) for records in found.values()
            for r in records if isinstance(r, tuple) and r[2]])
        for key, records in found.items():
            for column in _columns(records, number, scale, widths, upright):
                lines += column
                if key is not None:
                    blocks.append(column)
        named = re.search(r'(?:^|;)\s*image\s+"([^"]*)"', page.get("title", ""))
        pages.append(Page(number=number, width=box[2] * scale, height=box[3] * scale,
                          lines=lines, pictures=pictures, rules=rules, blocks=blocks,
                          image=image or page_image(named.group(1) if named else None,
                                                    folders or []), to_pixels=1 / scale))
    return pages


def _width(records: list[Line | tuple]) -> float:
    """How wide one engine block's lines reach (in the file's pixels)."""
    boxes = [b for r in records if isinstance(r, tuple) for b in r[2]]
    return max((b[2] for b in boxes), default=0.0) - min((b[0] for b in boxes), default=0.0)


def _columns(records: list[Line | tuple], number: int, scale: float,
             widths: list[float], rules: list[tuple[float, float, float, float]]
             ) -> list[list[Line]]:
    """One engine block's lines (ready lines, or an element with its words, their boxes,
    type size and its own box, empty when a drop cap was taken off it), as one list of
    lines, or one per column where the block's words show a gutter the engine ran its lines
    across, or a column rule (``rules``, as words' edges) runs through it (``wordgutters``)."""
    lines = [r for r in records if isinstance(r, tuple)]
    rule = [[is_rule_glyph("".join(w.itertext())) for w in r[1]] for r in lines]
    words = [[(b[0], b[2], b[1], b[3]) for b, bar in zip(r[2], bars, strict=True) if not bar]
             for r, bars in zip(lines, rule, strict=True)]
    gutters = word_gutters(words) if worth_seeking(len(lines), _width(records), widths) else []
    gutters = rule_gutters(words, rules, gutters) if rules else gutters
    columns: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
    for record in records:
        if isinstance(record, Line):
            assert record.box is not None
            columns[column_of(record.box.x0 / scale, record.box.x1 / scale, gutters)].append(record)
            continue
        element, words, boxes, size, whole = record
        pieces: list[list[int]] = [[] for _ in columns]
        for i, b in enumerate(boxes):
            if gutters and at_gutter(b[0], b[2], gutters, b[3] - b[1]) and is_rule_glyph(
                    "".join(words[i].itertext())):
                continue  # the rule between the columns
            pieces[column_of(b[0], b[2], gutters)].append(i)
        for column, piece in zip(columns, pieces, strict=True):
            if not piece:
                continue
            chosen = [words[i] for i in piece]
            bbox = whole if whole and len(piece) == len(words) else [
                min(boxes[i][0] for i in piece), min(boxes[i][1] for i in piece),
                max(boxes[i][2] for i in piece), max(boxes[i][3] for i in piece)]
            text = " ".join(" ".join("".join(w.itertext()).split()) for w in chosen).strip()
            column.append(_line(element, bbox, number, scale, size, chosen, text))
    return [c for c in columns if c]


def sniff_hocr(head: bytes, name: str) -> float:
    start = head[:8192]
    return 0.95 if b"ocr_page" in start or b"ocr-system" in start else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_hocr, extensions=("hocr",), media_types=("text/vnd.hocr+html",),
        sniff=sniff_hocr, kind=KIND,
        description="hOCR (Tesseract's HTML with positions): columns, reading order, running heads",
    ))
