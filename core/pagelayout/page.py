"""The page as the layout sees it, and its geometry: boxes, type sizes, picture areas, rules."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from copydesk import lazyre
from copydesk.model.layout import Box, Line

HEADING_SIZE = 1.3  # type this much larger than the body's sets a heading (display type)
RULE_WIDTH = 3.0  # points: a graphic this thin is a rule…
RULE_SHAPE = 15.0  # … and so is one this many times longer than it is thick (an ornament)
NEAR = 2.5  # a caption starts within this many body line heights of its picture
BAND = 2.0  # a picture area thinner than this many body line heights is a band or an icon
STORY_BREAK = 2  # ``blank_before`` of a line after a rule across the columns: a new story
# a caption's label: "Figure 7-26.", "Fig. 3:", "Table 1.", "PLATE IV.", "Example 2-1   Query…"
FIGURE_LABEL = lazyre.compile(
    r"^\s*(?:Figure|FIGURE|Fig\.|FIG\.|Table|TABLE|Chart|Map|Plate|PLATE|Exhibit|Example)"
    r"\s+[\dIVXLC]+(?:[.\-–][\dA-Za-z]+)*(?:[.:]\s|\s{2,})")

# what a region type the source gives (PAGE-XML's) makes of its lines: a kind of block, or
# furniture with its reason; other types (paragraph, floating, other…) leave it to the layout
REGION_KINDS = {"heading": "heading", "caption": "caption", "credit": "caption",
                "drop-capital": "initial", "table": "table", "figure": "figure"}
REGION_FURNITURE = {"header": "running-head", "footer": "running-foot", "page-number": "folio",
                    "catch-word": "catchword", "signature-mark": "signature",
                    "marginalia": "margin"}


@dataclass
class Page:
    """One page's lines (boxes in points, origin top-left), its size, the areas its pictures
    take and the rules (lines) drawn on it, and the blocks its source grouped the lines into
    (each a list of ``lines``' members in the source's order; empty when it gave none),
    whether the source listed the blocks in its reading order (an OCR engine does), and the
    page's image where known (for cutting its pictures out)."""

    number: int
    width: float
    height: float
    lines: list[Line]
    pictures: list[Box] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)
    blocks: list[list[Line]] = field(default_factory=list)
    blocks_ordered: bool = True  # the blocks come in the source's reading order
    order_given: bool = False  # … which it states outright (PAGE-XML ``ReadingOrder``): kept
    image: Path | None = None  # the page's image, where the source names one that is there
    image_page: int | None = None  # … its page, in a file of several (a PDF, a TIFF), from 1
    to_pixels: float = 1.0  # the image's pixels to one unit of the boxes
    # a line the source set as one across a table's cells, as the pieces it stands in
    # (``id(line)`` → pieces; a PDF's line split at wide spaces, leader dots, vertical rules)
    pieces: dict[int, list[Line]] = field(default_factory=dict)

    @functools.cached_property
    def type_size(self) -> float:
        """The font size most of this page's text is set in (by characters; 0 unknown)."""
        return body_size([self])

    @functools.cached_property
    def line_height(self) -> float:
        """The median height of the lines set in the page's type size (0 unknown)."""
        size = self.type_size
        heights = sorted(ln.box.height for ln in self.lines if ln.box is not None and (
            not size or abs((ln.font_size or size) - size) <= 0.05 * size))
        return heights[len(heights) // 2] if heights else 0.0

    @functools.cached_property
    def figure_areas(self) -> list[Box]:
        """The picture areas that may be pictures with a caption: not a band of tint behind a
        heading, a table's shaded head or an icon, thinner than ``BAND`` body line heights,
        nor a bar of a rule's shape."""
        return [p for p in self.pictures if not is_rule(p)
                and min(p.width, p.height) >= BAND * self.line_height]

    @functools.cached_property
    def text_extent(self) -> tuple[float, float]:
        """The top of the page's highest line and the foot of its lowest."""
        boxes = [ln.box for ln in self.lines if ln.box is not None]
        return (min((b.y0 for b in boxes), default=0.0), max((b.y1 for b in boxes), default=0.0))


def is_rule(area: Box) -> bool:
    """Whether a graphic an OCR engine found (a separator) is a rule: thin, or long and
    narrow (an ornamental rule in old print is thick)."""
    thin, long = min(area.width, area.height), max(area.width, area.height)
    return thin <= RULE_WIDTH or long >= RULE_SHAPE * thin


def body_size(pages: list[Page]) -> float:
    """The font size most of the text is set in (by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.font_size:
                sizes[round(line.font_size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def top_of(line: Line) -> float:
    return line.box.y0 if line.box else 0.0


def bounds(group: list[Line]) -> Box:
    boxes = [ln.box for ln in group if ln.box is not None]
    return Box(x0=min(b.x0 for b in boxes), y0=min(b.y0 for b in boxes),
               x1=max(b.x1 for b in boxes), y1=max(b.y1 for b in boxes))


def overlap(a: Box, b: Box) -> float:
    """How much of ``a``'s width lies over or under ``b``."""
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) / max(a.width, 1e-6)


def by_picture(group: list[Line], pictures: list[Box], height: float) -> bool:
    """Whether the group starts just under a picture area (or ends just over one)."""
    return picture_of(group, pictures, height) is not None


def picture_of(group: list[Line], pictures: list[Box], height: float) -> Box | None:
    """The picture area the group starts just under (or ends just over), if any: the
    nearest."""
    box = bounds(group)
    near = []
    for picture in pictures:
        if overlap(box, picture) < 0.5:
            continue
        for gap in (box.y0 - picture.y1, picture.y0 - box.y1):
            if -height <= gap <= NEAR * height:
                near.append((abs(gap), picture))
    return min(near, key=lambda n: n[0])[1] if near else None


def between_rules(group: list[Line], rules: list[Box], height: float) -> bool:
    """Whether a rule runs just over the group and another just under it."""
    box = bounds(group)
    over = under = False
    for rule in rules:
        if rule.width < rule.height or overlap(box, rule) < 0.8:
            continue
        over = over or 0 <= box.y0 - rule.y1 <= NEAR * height
        under = under or 0 <= rule.y0 - box.y1 <= NEAR * height
    return over and under
