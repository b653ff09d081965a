"""TEI ``facsimile``: the page surfaces and a zone per block, from the lines' boxes.

An input with positions (PDF, hOCR, ALTO, PAGE-XML, METS, scans) keeps each source line's page
and box. For the TEI writer this gives, per page, a ``surface`` (``n`` the page number, from
0,0 to the furthest box) and, per text block, a ``zone`` around its lines on that page, which
the block's element points to with ``@facs`` — so an edition can show the text beside the page
image. Coordinates are the model's: PDF points for PDF, hOCR and ALTO (scaled from pixels by
the resolution they give), the source's units otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from copydesk.model.layout import Box, Line
from copydesk.model.nodes import Block, Document, TextBlock
from copydesk.model.walk import iter_blocks

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def _union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return Box(x0=min(b.x0 for b in boxes), y0=min(b.y0 for b in boxes),
               x1=max(b.x1 for b in boxes), y1=max(b.y1 for b in boxes))


def _placed(lines: Iterable[Line]) -> dict[int, list[Box]]:
    """The boxes of some lines by page."""
    pages: dict[int, list[Box]] = {}
    for line in lines:
        if line.box is not None and line.page is not None:
            pages.setdefault(line.page, []).append(line.box)
    return pages


class Facsimile:
    """Collects zones while the text is written; :meth:`element` is the ``facsimile``."""

    def __init__(self, doc: Document) -> None:
        lines = (line for b in iter_blocks(doc) if isinstance(b, TextBlock) for line in b.lines)
        self.pages = {page: _union(boxes) for page, boxes in sorted(_placed(lines).items())}
        self.zones: dict[int, list[tuple[str, Box]]] = {page: [] for page in self.pages}

    def __bool__(self) -> bool:
        return bool(self.pages)

    def surface(self, page: int) -> str | None:
        """The pointer to a page's surface, if the page has one."""
        return f"#surface-{page}" if page in self.pages else None

    def point(self, element: etree._Element, block: Block) -> None:
        """Give ``element`` a zone for each page ``block``'s lines are on, and ``@facs``."""
        if not isinstance(block, TextBlock) or not self.pages:
            return
        pointers = []
        for page, boxes in _placed(block.lines).items():
            ident = f"zone-{sum(map(len, self.zones.values())) + 1}"
            self.zones[page].append((ident, _union(boxes)))
            pointers.append("#" + ident)
        if pointers:
            element.set("facs", " ".join(pointers))

    def element(self) -> etree._Element:
        facsimile = etree.Element(f"{{{TEI}}}facsimile")
        for page, extent in self.pages.items():
            surface = etree.SubElement(facsimile, f"{{{TEI}}}surface", n=str(page), ulx="0",
                                       uly="0", lrx=_number(extent.x1), lry=_number(extent.y1))
            surface.set(XML_ID, f"surface-{page}")
            for ident, box in self.zones[page]:
                zone = etree.SubElement(surface, f"{{{TEI}}}zone", ulx=_number(box.x0),
                                        uly=_number(box.y0), lrx=_number(box.x1),
                                        lry=_number(box.y1))
                zone.set(XML_ID, ident)
        return facsimile
