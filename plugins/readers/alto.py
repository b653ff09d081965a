"""The ``alto`` reader: ALTO XML, the OCR format of newspaper archives (ABBYY, docWORKS, OCR-D).

The text blocks are read in the order the file states (ALTO 4.3 ``ReadingOrder``), else
in the engine's, with each chain of ``IDNEXT`` links (a story's flow) read on end; a block
whose lines run across a gutter (by its words' positions) is read column by column. Every
``TextLine`` becomes a line with its box (converted to points from the file's
``MeasurementUnit``: pixel at 300 dpi, mm10, inch1200), its font size and style (from
``TextStyle``, else estimated from its words' heights and letter shapes, steadied over its
text block); ``SP`` is a space (where a file has none, punctuation touching a word joins it) and ``HYP`` the hyphen of a word split at the line end, which
``dehyphenate`` then decides on (an engine's ``SUBS_CONTENT`` that keeps the hyphen is the
source's own reading). ``Illustration`` areas are pictures and ``GraphicalElement``s thin or long and narrow
rules, for finding captions, pull quotes and story breaks.
Pages go through the shared page layout (columns, reading order, running heads) and the print
cleaners. Parsed without entity expansion or network.
Use: ``copydesk convert page.alto.xml -o page.epub`` (sniffed from the content).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import TypeVar

from lxml import etree

from copydesk import Box, Document, InputError, Line, Reader, Source, hookimpl
from copydesk.pagelayout import Page, document_from_pages, opens_with_initial
from copydesk.pagelayout.ocrwords import (
    em_size,
    joined,
    may_touch,
    steady_sizes,
    token_confidences,
    touching,
)
from copydesk.pagelayout.page import is_rule
from copydesk.pagelayout.wordgutters import (
    at_gutter,
    column_of,
    column_rules,
    is_rule_glyph,
    rule_gutters,
    word_gutters,
    worth_seeking,
)
from copydesk.pictures import image_dpi, image_folders, page_image
from copydesk.xmlinput import local as _local
from copydesk.xmlinput import parse_root

KIND = "alto"
T = TypeVar("T")
POINTS = {"pixel": 72 / 300, "mm10": 72 / 254, "inch1200": 72 / 1200}


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    """``el`` and its descendants named ``name`` in any namespace (or none)."""
    return list(el.iter("{*}" + name))


def _num(el: etree._Element, attr: str) -> float:
    try:
        value = float(el.get(attr, "0"))
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def _box(element: etree._Element, scale: float) -> Box:
    x, y = _num(element, "HPOS") * scale, _num(element, "VPOS") * scale
    return Box(x0=round(x, 2), y0=round(y, 2), x1=round(x + _num(element, "WIDTH") * scale, 2),
               y1=round(y + _num(element, "HEIGHT") * scale, 2))


def _stated_order(root: etree._Element) -> list[etree._Element]:
    """The elements ALTO's ``ReadingOrder`` (4.3 and later, a child of ``alto``) names, in
    its order (ordered and unordered groups, nested, read as they stand)."""
    refs = [ref.get("REF", "") for order in root if _local(order) == "ReadingOrder"
            for ref in _children(order, "ElementRef")]
    if not refs:
        return []
    ids = {el.get("ID"): el for el in root.iter() if isinstance(el.tag, str) and el.get("ID")}
    return [ids[ref] for ref in refs if ref in ids]


def _block_order(stated: list[etree._Element], blocks: dict[etree._Element, T]
                 ) -> tuple[list[T], bool]:
    """The page's text blocks in the order the file states (``ReadingOrder``; an element it
    names stands for the blocks it holds or is in), the rest after; else with each chain of
    ``IDNEXT`` links read on end (the engine's article flow), in the file's order. Whether
    the file stated the order."""
    order: list[etree._Element] = []
    for element in stated:
        for block in blocks:
            if block not in order and (block is element or element in block.iterancestors()
                                       or block in element.iterancestors()):
                order.append(block)
    if order:
        return [blocks[b] for b in order] + [v for b, v in blocks.items() if b not in order], True
    by_id = {b.get("ID"): b for b in blocks if b.get("ID")}
    targets = {b.get("IDNEXT") for b in blocks} & set(by_id)
    chained: dict[etree._Element, None] = {}  # (ordered)
    for head in blocks:
        block: etree._Element | None = head
        if head.get("ID") in targets:
            continue
        while block is not None and block not in chained:
            chained[block] = None
            block = by_id.get(block.get("IDNEXT") or "")
    chained.update(dict.fromkeys(b for b in blocks if b not in chained))  # (rings of links)
    return [blocks[b] for b in chained], False


def read_alto(source: Source) -> Document:
    pages = alto_pages(source.read_bytes(), folders=image_folders(source.path))
    if not any(p.lines for p in pages):
        raise InputError("the ALTO file has no text lines")
    return document_from_pages(pages)


def line_key(line: Line) -> tuple[int | None, float, float, float, float]:
    """A line's page and box: what stays the same of it through the page layout."""
    box = line.box or Box(x0=0, y0=0, x1=0, y1=0)
    return (line.page, box.x0, box.y0, box.x1, box.y1)


def _confidence(value: str | None) -> float | None:
    """ALTO's ``WC`` (0-1) as a number, where it is one."""
    try:
        conf = float(value) if value else None
    except ValueError:
        return None
    return conf if conf is not None and 0.0 <= conf <= 1.0 else None


def alto_pages(data: bytes, first: int = 1,
               word_ids: dict[tuple[int | None, float, float, float, float], list[str]] | None = None,
               folders: list[Path] | None = None, image: Path | None = None) -> list[Page]:
    """The pages of one ALTO file, numbered from ``first``; ``word_ids`` (when given) gets
    each line's ``String`` and ``TextBlock`` ids, by :func:`line_key` (for METS issues); the
    page image is the one ``sourceImageInformation`` names, looked for in ``folders``, or
    ``image`` (a METS page's)."""
    root = parse_root(data, "alto", "ALTO")
    # the header's parts (all but the Layout: a search there need not walk every word)
    header = [part for part in root if _local(part) != "Layout"]
    unit = next((u.text or "" for part in header for u in _children(part, "MeasurementUnit")),
                "pixel").strip()
    scale = POINTS.get(unit, POINTS["pixel"])
    styles = {s.get("ID"): s for part in header for s in _children(part, "TextStyle")}
    stated = _stated_order(root)
    described = next((d for d in root if _local(d) == "Description"), None)
    image = image or page_image(next((f.text for f in _children(described, "fileName")), None)
                                if described is not None else None, folders or [])
    # the image's pixels to a point: exact for pixel units, by the image's resolution else
    to_pixels = 1 / scale if unit not in POINTS or unit == "pixel" else (
        image_dpi(image) / 72 if image else 300 / 72)
    pages = []
    for number, page in enumerate(_children(root, "Page"), first):
        lines = []
        # per text block (the element itself: it stays alive as the key): (line, own size)
        estimated: dict[etree._Element, list[tuple[int, float]]] = {}
        block_ems: dict[etree._Element, list[float]] = {}
        blocks: dict[etree._Element, list[list[Line]]] = {}
        in_block: dict[etree._Element, list[etree._Element]] = {}
        for text_line in _children(page, "TextLine"):
            in_block.setdefault(text_line.getparent(), []).append(text_line)
        widths = [_num(b, "WIDTH") for b in in_block]
        pictures, rules = [], []
        for element in page.iter("{*}Illustration", "{*}GraphicalElement"):
            x, y = _num(element, "HPOS") * scale, _num(element, "VPOS") * scale
            area = Box(x0=x, y0=y, x1=x + _num(element, "WIDTH") * scale,
                       y1=y + _num(element, "HEIGHT") * scale)
            graphic = _local(element) == "GraphicalElement"
            (rules if graphic and is_rule(area) else pictures).append(area)
        upright = column_rules([(r.x0 / scale, r.x1 / scale, r.y0 / scale, r.y1 / scale)
                                for r in rules], [
            (min(w[0] for w in ws), max(w[1] for w in ws), min(w[2] for w in ws),
             max(w[3] for w in ws))
            for t in (t for lines_ in in_block.values() for t in lines_) if (ws := _words(t))])
        for block, text_lines in in_block.items():
            # the engine's block, cut into columns where its words show a gutter it ran
            # its lines across, or a column rule runs through it
            words = [_words(t) for t in text_lines]
            gutters = word_gutters(words) if worth_seeking(
                len(text_lines), _num(block, "WIDTH"), widths) else []
            gutters = rule_gutters(words, upright, gutters) if upright else gutters
            columns: list[list[Line]] = []
            for column in range(len(gutters) + 1):
                start = len(lines)
                for text_line in text_lines:
                    items = _in_column(text_line, gutters, column)
                    if items:
                        _add_line(lines, text_line, items, number, scale, styles, estimated,
                                  block_ems, word_ids)
                if len(lines) > start:
                    columns.append(lines[start:])
            blocks[block] = columns
        steady_sizes(lines, estimated, block_ems)
        order, given = _block_order(stated, blocks)
        ordered = [column for columns in order for column in columns]
        pages.append(Page(number=number, width=_num(page, "WIDTH") * scale,
                          height=_num(page, "HEIGHT") * scale, lines=lines,
                          pictures=pictures, rules=rules, blocks=ordered, order_given=given,
                          image=image, to_pixels=to_pixels))
    return pages


def _words(text_line: etree._Element) -> list[tuple[float, float, float, float]]:
    """A ``TextLine``'s words as their left and right edges, their tops and their feet (a
    rule read as a word left out)."""
    strings = [e for e in text_line.iter("{*}String") if not is_rule_glyph(e.get("CONTENT") or "")]
    try:  # (one parse of plain numbers; the careful one where some is not)
        words = [(x := float(e.get("HPOS") or 0), x + float(e.get("WIDTH") or 0),
                  y := float(e.get("VPOS") or 0), y + float(e.get("HEIGHT") or 0))
                 for e in strings]
    except ValueError:
        words = [(x := _num(e, "HPOS"), x + _num(e, "WIDTH"), y := _num(e, "VPOS"),
                  y + _num(e, "HEIGHT")) for e in strings]
    return [w for w in words if math.isfinite(w[0] + w[1] + w[2] + w[3])]


def _in_column(text_line: etree._Element, gutters: list[float], column: int
               ) -> list[etree._Element]:
    """The children of a ``TextLine`` in one column of its block (all, with no gutters):
    its ``String``s standing there, each with the ``SP`` and ``HYP`` after it."""
    if not gutters:
        return list(text_line)
    out, current = [], -1
    for item in text_line:
        if _local(item) == "String":
            x = _num(item, "HPOS")
            if at_gutter(x, x + _num(item, "WIDTH"), gutters, _num(item, "HEIGHT")) and (
                    is_rule_glyph(item.get("CONTENT") or "")):
                current = -1  # the rule between the columns (and the space after it)
                continue
            current = column_of(x, x + _num(item, "WIDTH"), gutters)
        if current == column:
            out.append(item)
    return out


def _add_line(lines: list[Line], text_line: etree._Element, items: list[etree._Element],
              number: int, scale: float, styles: dict[str | None, etree._Element],
              estimated: dict[etree._Element, list[tuple[int, float]]],
              block_ems: dict[etree._Element, list[float]],
              word_ids: dict[tuple[int | None, float, float, float, float], list[str]] | None
              ) -> None:
    """The line (two, with a drop cap) that a ``TextLine``'s children ``items`` make, added
    to ``lines``; its words' sizes noted for steadying over the block (``estimated``,
    ``block_ems``) and its ids in ``word_ids``."""
    start = len(lines)
    words, style = [], styles.get((text_line.get("STYLEREFS") or "").split(" ")[0])
    heights, whole, strings, glue, spaced = [], None, [], [], False
    confs: list[float | None] = []
    word_styles: dict[str, int] = {}  # style -> characters set in it
    previous = ""  # the content of the string before
    for item in items:
        name = _local(item)
        if name == "String":
            content = item.get("CONTENT", "")
            words.append(content)
            # (boxes are looked at only where one of the two is punctuation)
            glue.append(bool(strings) and not spaced and may_touch(previous, content) and touching(
                (previous, _box(strings[-1], 1.0)), (content, _box(item, 1.0))))
            previous = content
            strings.append(item)
            confs.append(_confidence(item.get("WC")))
            spaced = False
            if item.get("SUBS_TYPE") == "HypPart1":
                whole = item.get("SUBS_CONTENT") or None
            heights.append(_num(item, "HEIGHT"))
            if style is None:
                ref = (item.get("STYLEREFS") or "").split(" ")[0]
                word_styles[ref] = word_styles.get(ref, 0) + len(content)
        elif name == "HYP" and words:
            words[-1] += item.get("CONTENT", "-") or "-"
        elif name == "SP":
            spaced = True
    text = joined(words, glue)
    if not text.strip():
        return
    x, y = _num(text_line, "HPOS") * scale, _num(text_line, "VPOS") * scale
    w, h = _num(text_line, "WIDTH") * scale, _num(text_line, "HEIGHT") * scale
    if len(items) < len(text_line):  # a column's part of the line: its words' box
        parts = [_box(e, scale) for e in strings]
        x, y = min(b.x0 for b in parts), min(b.y0 for b in parts)
        w, h = max(b.x1 for b in parts) - x, max(b.y1 for b in parts) - y
    if opens_with_initial(list(zip(words, heights, strict=True))):
        # a drop cap glued to the words beside it: a line of its own
        cap = _box(strings[0], scale)
        lines.append(Line(text=words[0], page=number, box=cap,
                          font_size=round(cap.height, 2)))
        rest = [_box(e, scale) for e in strings[1:]]
        x, y = min(b.x0 for b in rest), min(b.y0 for b in rest)
        w, h = max(b.x1 for b in rest) - x, max(b.y1 for b in rest) - y
        words, heights, glue, confs = words[1:], heights[1:], [False, *glue[2:]], confs[1:]
        text = joined(words, glue)
    if style is None and word_styles:  # (an element with no children tests false)
        # the line's style is the one most of its letters are set in (an italic
        # first word does not make the line italic)
        style = styles.get(max(word_styles, key=word_styles.__getitem__))
    font_style = (style.get("FONTSTYLE") or "") if style is not None else ""
    given = _num(style, "FONTSIZE") if style is not None else 0.0
    # the words' type sizes from their heights, where the file gives none
    ems = [] if given else [em_size(c, height * scale) for c, height in zip(words, heights,
                                                                           strict=True)]
    if not given and any(ems):
        block = text_line.getparent()
        block_ems.setdefault(block, []).extend(e for e in ems if e)
        estimated.setdefault(block, []).append(
            (len(lines), median([e for e in ems if e])))
    lines.append(Line(
        text=text, page=number,
        box=Box(x0=round(x, 2), y0=round(y, 2), x1=round(x + w, 2), y1=round(y + h, 2)),
        font=style.get("FONTFAMILY") if style is not None else None,
        font_size=given or round(median([e for e in ems if e] or [h]), 2) or None,
        bold="bold" in font_style, italic="italic" in font_style, hyphen_word=whole,
        confidences=token_confidences(words, glue, confs)))
    if word_ids is not None:
        ids = [e.get("ID", "") for e in (text_line, text_line.getparent(), *strings)]
        for line in lines[start:]:
            word_ids[line_key(line)] = [i for i in ids if i]


def sniff_alto(head: bytes, name: str) -> float:
    start = head[:2048].lower()
    return 0.95 if b"<alto" in start else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_alto, extensions=("alto", "xml"), sniff=sniff_alto, kind=KIND,
        description="ALTO XML (OCR with positions): columns, reading order, running heads",
    ))
