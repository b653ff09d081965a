"""The ``page`` reader: PAGE-XML, the format of OCR-D, Transkribus, eScriptorium and Kraken
(the 2009–2019 schemas, with or without a namespace).

Each ``TextRegion`` (regions nested in regions and in tables too) is a block of the page,
read in the file's ``ReadingOrder`` (ordered and unordered groups, nested), regions it leaves
out after, in the file's order. Region types are the source's word on what a block is: a
``heading``, ``caption``, ``credit`` or ``drop-capital`` is one, ``header``, ``footer``,
``page-number``, ``catch-word``, ``signature-mark`` and ``marginalia`` are furniture; other
types (``paragraph``, ``floating``…) leave it to the shared page layout. Every ``TextLine``
becomes a line with its box (the polygon's bounds, pixels taken at 300 dpi), its text from
its words (the first ``TextEquiv`` by ``index``; a space between two words unless
punctuation touches a word) or the line's own ``TextEquiv`` where they differ, and a type
size estimated from its words' heights. ``ImageRegion``, ``GraphicRegion`` and the like are
picture areas, thin ``SeparatorRegion``s rules. Parsed without entity expansion or network.
Use: ``copydesk convert page.xml -o page.epub`` (sniffed from the content).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from pathlib import Path
from statistics import median

from lxml import etree

from copydesk import Box, Document, InputError, Line, Reader, Source, hookimpl, lazyre
from copydesk.pagelayout import Page, document_from_pages, opens_with_initial
from copydesk.pagelayout.ocrwords import (
    em_size,
    joined,
    steady_sizes,
    token_confidences,
    touching,
)
from copydesk.pagelayout.page import is_rule
from copydesk.pictures import image_folders, page_image
from copydesk.xmlinput import local as _local
from copydesk.xmlinput import parse_root

KIND = "page"
SCALE = 72 / 300  # PAGE-XML counts pixels; taken at 300 dpi (the layout needs proportions only)
PICTURE_REGIONS = {"ImageRegion", "GraphicRegion", "ChartRegion", "LineDrawingRegion",
                   "MapRegion", "ChemRegion", "MusicRegion", "AdvertRegion"}
_CUSTOM_TYPE = lazyre.compile(r"structure\s*\{[^}]*\btype:\s*([\w-]+)")  # Transkribus' ``custom``


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if _local(c) == name), None)


def _box(el: etree._Element) -> Box | None:
    """The bounds of an element's ``Coords`` (``points="x,y x,y…"``, or 2009/2010 ``Point``
    children), in points; None where it has none that can be read."""
    coords = _child(el, "Coords")
    if coords is None:
        return None
    pairs = [p.split(",") for p in (coords.get("points") or "").split()]
    if not pairs:
        pairs = [[p.get("x", ""), p.get("y", "")] for p in coords if _local(p) == "Point"]
    try:
        xs = [float(p[0]) for p in pairs]
        ys = [float(p[1]) for p in pairs]
    except (ValueError, IndexError):
        return None
    if not xs or not all(math.isfinite(v) for v in xs + ys):
        return None
    return Box(x0=round(min(xs) * SCALE, 2), y0=round(min(ys) * SCALE, 2),
               x1=round(max(xs) * SCALE, 2), y1=round(max(ys) * SCALE, 2))


def _equiv(el: etree._Element) -> etree._Element | None:
    """An element's first ``TextEquiv`` by ``index`` (the file's order where none has one)."""
    equivs = [c for c in el if _local(c) == "TextEquiv"]
    if not equivs:
        return None

    def rank(pair: tuple[int, etree._Element]) -> tuple[float, int]:
        index = pair[1].get("index", "")
        return (float(index) if index.lstrip("-").isdigit() else math.inf, pair[0])

    return min(enumerate(equivs), key=rank)[1]


def _text(el: etree._Element) -> str | None:
    """An element's own text (its first ``TextEquiv``); None where it has none."""
    best = _equiv(el)
    unicode = _child(best, "Unicode") if best is not None else None
    return (unicode.text or "") if unicode is not None else None


def _conf(el: etree._Element) -> float | None:
    """The engine's confidence (0-1) in an element's text, where the file gives it."""
    best = _equiv(el)
    try:
        conf = float(best.get("conf", "")) if best is not None else None
    except ValueError:
        return None
    return conf if conf is not None and 0.0 <= conf <= 1.0 else None


def region_type(region: etree._Element) -> str | None:
    """A region's type: its ``type``, else the one Transkribus writes into ``custom``."""
    given = region.get("type") or ""
    if not given:
        match = _CUSTOM_TYPE.search(region.get("custom") or "")
        given = match.group(1) if match else ""
    return given.strip() or None


def _ordered_ids(page: etree._Element) -> list[str]:
    """The region ids in the order the page's ``ReadingOrder`` gives (groups within groups,
    indexed children by ``index``)."""
    order = _child(page, "ReadingOrder")
    out: list[str] = []

    def walk(group: etree._Element) -> None:
        if group.get("regionRef"):
            out.append(group.get("regionRef", ""))
        members = [c for c in group if _local(c) in (
            "RegionRefIndexed", "OrderedGroupIndexed", "UnorderedGroupIndexed",
            "RegionRef", "OrderedGroup", "UnorderedGroup")]
        if all(m.get("index", "").isdigit() for m in members):
            members.sort(key=lambda m: int(m.get("index", "0")))
        for member in members:
            walk(member)

    if order is not None:
        for group in order:
            if isinstance(group.tag, str):
                walk(group)
    return out


def _text_regions(page: etree._Element) -> Iterator[etree._Element]:
    """The page's text regions in reading order: those the ``ReadingOrder`` names (a region
    it names holding others, those after it), then the rest in the file's order."""
    regions = [el for el in page.iter() if _local(el) == "TextRegion"]
    by_id = {}
    for el in page.iter():
        if isinstance(el.tag, str) and el.get("id") and _local(el).endswith("Region"):
            by_id[el.get("id")] = el
    seen: set[etree._Element] = set()
    for ident in _ordered_ids(page):
        element = by_id.get(ident)
        if element is None:
            continue
        for region in (el for el in element.iter() if _local(el) == "TextRegion"):
            if region not in seen:
                seen.add(region)
                yield region
    yield from (r for r in regions if r not in seen)


def _line_text(line: etree._Element) -> tuple[str, list[tuple[str, Box]], list[float | None]]:
    """A line's text, its words (text, box) where every word has both, and their confidences:
    the words joined (no space where punctuation touches a word) unless the line's own text
    reads otherwise."""
    own = _text(line)
    words, confs = [], []
    for word in (w for w in line if _local(w) == "Word"):
        text, box = _text(word), _box(word)
        if text is None or box is None:
            words = []
            break
        if " ".join(text.split()):
            words.append((" ".join(text.split()), box))
            confs.append(_conf(word))
    if not words:
        return " ".join((own or "").split()), [], []
    built = joined([t for t, _ in words], [i > 0 and touching(words[i - 1], w)
                                          for i, w in enumerate(words)])
    if own is not None and own.split() and "".join(own.split()) != "".join(built.split()):
        return " ".join(own.split()), [], []  # corrected on the line only: the line's text wins
    return built, words, confs


def _style(element: etree._Element) -> tuple[bool, bool]:
    """Bold and italic from the nearest ``TextStyle`` (the line's, else its region's)."""
    for el in (element, element.getparent()):
        style = _child(el, "TextStyle") if el is not None else None
        if style is not None:
            return style.get("bold") == "true", style.get("italic") == "true"
    return False, False


def read_page(root: etree._Element, number: int = 1) -> Page:
    """One PAGE-XML ``Page`` element as a page of the layout (``number``: its page number)."""
    lines: list[Line] = []
    blocks: list[list[Line]] = []
    estimated: dict[int, list[tuple[int, float]]] = {}
    block_ems: dict[int, list[float]] = {}
    for region in _text_regions(root):
        kind, block = region_type(region), []
        region_box = _box(region)
        text_lines = [c for c in region if _local(c) == "TextLine"]
        if not text_lines and region_box is not None and (_text(region) or "").strip():
            block = _lines_of_region(region, region_box, number, kind)
        for text_line in text_lines:
            text, words, confs = _line_text(text_line)
            box = _box(text_line) or region_box
            if not text or box is None:
                continue
            bold, italic = _style(text_line)
            if words and opens_with_initial([(t, b.height) for t, b in words]):
                # a drop cap glued to the words beside it: a line of its own
                block.append(Line(text=words[0][0], page=number, box=words[0][1],
                                  font_size=words[0][1].height, region="drop-capital"))
                words, confs = words[1:], confs[1:]
                text = joined([t for t, _ in words], [i > 0 and touching(words[i - 1], w)
                                                      for i, w in enumerate(words)])
                box = Box(x0=min(b.x0 for _, b in words), y0=min(b.y0 for _, b in words),
                          x1=max(b.x1 for _, b in words), y1=max(b.y1 for _, b in words))
            ems = [e for t, b in words if (e := em_size(t, b.height))] or [
                e for e in [em_size(text, box.height * 0.8)] if e]
            if ems:
                key = len(blocks)
                block_ems.setdefault(key, []).extend(ems)
                estimated.setdefault(key, []).append((len(lines) + len(block), median(ems)))
            glue = [i > 0 and touching(words[i - 1], w) for i, w in enumerate(words)]
            block.append(Line(text=text, page=number, box=box, bold=bold, italic=italic,
                              font_size=round(median(ems), 2) if ems else round(box.height, 2),
                              region=kind, confidences=token_confidences(
                                  [t for t, _ in words], glue, confs) if words else []))
        if block:
            lines += block
            blocks.append(block)
    steady_sizes(lines, estimated, block_ems)  # type: ignore[arg-type]
    pictures, rules = [], []
    for element in root.iter():
        name = _local(element)
        if name in PICTURE_REGIONS or name == "SeparatorRegion":
            area = _box(element)
            if area is None:
                continue
            (rules if name == "SeparatorRegion" and is_rule(area) else pictures).append(area)
    width = _number(root, "imageWidth") or max((ln.box.x1 for ln in lines if ln.box), default=0)
    height = _number(root, "imageHeight") or max((ln.box.y1 for ln in lines if ln.box), default=0)
    return Page(number=number, width=width, height=height, lines=lines, pictures=pictures,
                rules=rules, blocks=blocks, order_given=bool(_ordered_ids(root)))


def _lines_of_region(region: etree._Element, box: Box, number: int, kind: str | None
                     ) -> list[Line]:
    """A region with text but no ``TextLine``: its text's lines, the region's height shared
    out among them."""
    texts = [" ".join(t.split()) for t in (_text(region) or "").splitlines() if t.strip()]
    step = box.height / len(texts)
    return [Line(text=t, page=number, region=kind, font_size=round(step * 0.8, 2),
                 box=Box(x0=box.x0, x1=box.x1, y0=round(box.y0 + i * step, 2),
                         y1=round(box.y0 + (i + 1) * step, 2))) for i, t in enumerate(texts)]


def _number(element: etree._Element, attr: str) -> float:
    try:
        value = float(element.get(attr, "0")) * SCALE
    except ValueError:
        return 0.0
    return value if math.isfinite(value) and value > 0 else 0.0


def page_xml_pages(data: bytes, first: int = 1, folders: list[Path] | None = None,
                   image: Path | None = None) -> list[Page]:
    """The pages of a PAGE-XML file, numbered from ``first``; each page's image (its
    ``imageFilename``) looked for in ``folders``, or ``image`` (a METS page's)."""
    root = parse_root(data, "PcGts", "PAGE-XML")
    pages = []
    for number, element in enumerate((el for el in root if _local(el) == "Page"), first):
        page = read_page(element, number)
        page.image = image or page_image(element.get("imageFilename"), folders or [])
        pages.append(page)
    return pages


def read_page_xml(source: Source) -> Document:
    pages = page_xml_pages(source.read_bytes(), folders=image_folders(source.path))
    if not any(p.lines for p in pages):
        raise InputError("the PAGE-XML file has no text lines")
    return document_from_pages(pages)


def sniff_page_xml(head: bytes, name: str) -> float:
    return 0.95 if b"<PcGts" in head[:4096] or b":PcGts" in head[:4096] else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_page_xml, extensions=("xml",), sniff=sniff_page_xml, kind=KIND,
        description="PAGE-XML (OCR-D, Transkribus, eScriptorium): regions, their types and "
                    "reading order",
    ))
