"""Page furniture: running heads and feet, folios, and text in the margins."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from statistics import median

from copydesk import lazyre
from copydesk.model.layout import Line
from copydesk.pagelayout.masthead import masthead
from copydesk.pagelayout.page import (
    FIGURE_LABEL,
    REGION_FURNITURE,
    REGION_KINDS,
    Page,
    body_size,
    by_picture,
    top_of,
)

MARGIN = 0.15  # share of the page height at the top and bottom where furniture sits
TEXT_SHARE = 0.1  # … or of the height its text takes
EDGE = 0.08  # … and where, on a page of many, it may be told by standing apart alone
HEAD_LETTERS = 6  # a running head told by its letters alone has this many at least
SAME_LETTERS = 70  # … and they are this much alike (rapidfuzz's ratio) to a recurring one's
FOLIO = lazyre.compile(r"^[\W_]*(?:page\s*)?\d{1,4}[\W_]*$", re.IGNORECASE)


def furniture(pages: list[Page], size: float | None = None) -> dict[int, str]:
    """``id(line) -> reason`` for running heads, folios and margin text on every page. A line
    in the top or bottom margin is a running head when its shape (digits aside) recurs on
    other pages; or, on a page of many, within ``EDGE`` of the page's edge, when it stands
    apart from the text around it, is set no larger than the body and is no caption. A single
    page's margin lines, which nothing shows to recur, stay text (folios, mastheads and text
    beside the columns aside): human transcriptions of real scans keep them. Where the source
    says what a line's region is, its word stands."""
    marked: dict[int, str] = {}
    size = body_size(pages) if size is None else size  # the body's type size
    edge_shapes: Counter[str] = Counter()
    for page in pages:
        seen = {_shape(ln.text) for ln in page.lines if _in_margin(ln, page)}
        edge_shapes.update(seen)
    garbled = _garbled_repeat([shape for shape, n in edge_shapes.items() if n >= 2])
    for page in pages:
        marked.update({i: "masthead" for i, line in masthead(page, size).items()
                       if edge_shapes[_shape(line.text)] < 2})  # (else a running head)
        stacked = _stacked_letters(page.lines)
        spacing = line_spacing(page.lines)
        levels = Levels(page.lines)
        body = [ln for ln in page.lines if not _in_margin(ln, page)]
        left = min((ln.box.x0 for ln in body if ln.box), default=0.0)
        for line in page.lines:
            assert line.box is not None
            if id(line) in marked:
                continue
            if line.region in REGION_FURNITURE:
                marked[id(line)] = REGION_FURNITURE[line.region]
            elif line.region in REGION_KINDS:
                continue
            elif _in_margin(line, page):
                text = line.text.strip()
                if FOLIO.match(text):
                    marked[id(line)] = "folio"
                elif FIGURE_LABEL.match(text):
                    continue  # a caption's label, however often a page sets one there
                elif edge_shapes[_shape(text)] >= 2 or garbled(text) or (
                        len(pages) > 1 and _in_margin(line, page, EDGE)
                        and not _runs_into_text(line, levels, spacing)
                        and (line.font_size or 0) <= 1.05 * size
                        and _outermost(line, page, size, levels, spacing)
                        and not (line.box.y0 > page.height / 2  # a caption under a picture
                                 and by_picture([line], page.pictures, line.box.height))):
                    marked[id(line)] = "running-head"
            elif FOLIO.match(line.text.strip()) and _at_text_edge(line, page) and _outermost(
                    line, page, size, levels, spacing):
                marked[id(line)] = "folio"
            elif line.box.x1 < left - 1 or line.box.height > 3 * line.box.width or (
                    id(line) in stacked):
                marked[id(line)] = "margin"
    return marked


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _garbled_repeat(recurring: list[str]) -> Callable[[str], bool]:
    """A test of whether a margin line is one of the running heads that recur on other pages
    as the OCR garbled it here (``Ti 1F S rATESM AN`` for ``THE STATESMAN``): its letters
    nearly those of one (``SAME_LETTERS`` per cent alike), and at least ``HEAD_LETTERS``."""
    heads = [letters for shape in recurring if len(letters := _letters(shape)) >= HEAD_LETTERS]
    if not heads:
        return lambda text: False
    from rapidfuzz import fuzz  # (a page of several, with running heads: worth the import)

    def garbled(text: str) -> bool:
        letters = _letters(text)
        return len(letters) >= HEAD_LETTERS and any(
            fuzz.ratio(letters, head, score_cutoff=SAME_LETTERS) for head in heads)

    return garbled


def _outermost(line: Line, page: Page, size: float, levels: Levels,
               spacing: float = 0.0) -> bool:
    """Whether no text stands between the line and the page's edge (above a line in the top
    margin, below one in the bottom margin; other margin lines in body type or smaller aside)
    and no running text stands level with it."""
    box = line.box
    assert box is not None
    top = box.y0 + box.y1 < sum(page.text_extent)  # (nearer the text's top than its foot)
    for other in page.lines:
        near = other.box
        if other is line or near is None or min(near.x1, box.x1) <= max(near.x0, box.x0):
            continue
        beyond = near.y1 <= box.y0 if top else near.y0 >= box.y1
        if beyond and not (_in_margin(other, page) and (other.font_size or 0) <= 1.05 * size):
            return False
    # nor is it level with running text elsewhere (a column's first line, standing alone)
    return not any(other is not line and other.box is not None and min(
        other.box.y1, box.y1) > max(other.box.y0, box.y0) and _runs_into_text(other, levels, spacing)
        for other in levels.between(box.y0, box.y1))


class Levels:
    """A page's lines by the height they stand at, to find those near a height quickly."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = sorted((ln for ln in lines if ln.box is not None), key=top_of)
        self.tops = [top_of(ln) for ln in self.lines]
        self.tallest = max((ln.box.height for ln in self.lines), default=0.0)  # type: ignore[union-attr]

    def between(self, top: float, foot: float) -> list[Line]:
        """The lines that reach into the heights from ``top`` to ``foot`` (and a few more)."""
        return self.lines[bisect_left(self.tops, top - self.tallest):bisect_right(self.tops, foot)]


def _runs_into_text(line: Line, levels: Levels, spacing: float = 0.0) -> bool:
    """Whether a line in the margin has text right under or over it in the same column, at
    line spacing (or a little more; ``spacing``: the page's usual gap between lines, wide
    on a double-spaced page): a column's first or last line, not a running head (which
    stands apart)."""
    box = line.box
    assert box is not None
    limit = max(1.2 * box.height, 1.3 * spacing)
    for other in levels.between(box.y0 - limit, box.y1 + limit):
        near = other.box
        if other is line or near is None or min(near.x1, box.x1) <= max(near.x0, box.x0):
            continue
        gap = near.y0 - box.y1 if near.y0 >= box.y0 else box.y0 - near.y1
        if -0.3 * box.height <= gap < limit and not FOLIO.match(other.text.strip()):
            return True
    return False


def line_spacing(lines: list[Line]) -> float:
    """The usual gap between a line and the next one under it in its column."""
    ordered = sorted((ln for ln in lines if ln.box is not None), key=top_of)
    gaps = []
    for i, line in enumerate(ordered):
        box = line.box
        assert box is not None
        for other in ordered[i + 1:i + 40]:
            near = other.box
            assert near is not None
            if near.y0 >= box.y1 - 0.3 * box.height and min(near.x1, box.x1) > max(near.x0, box.x0):
                gaps.append(near.y0 - box.y1)
                break
    return median(gaps) if gaps else 0.0


def _stacked_letters(lines: list[Line]) -> set[int]:
    """Ids of the lines of vertical text read a letter a line: three or more lines of at most
    two characters, one right under the other at the same place across, a third of them or
    more with a letter (an arXiv stamp's date has digits too)."""
    short = sorted((ln for ln in lines if len(ln.text.strip()) <= 2 and ln.box is not None),
                   key=lambda ln: (round(ln.box.x0 / 5), top_of(ln)))  # type: ignore[union-attr]
    out: set[int] = set()
    for _, same_x in itertools.groupby(short, key=lambda ln: round(ln.box.x0 / 5)):  # type: ignore[union-attr]
        stack: list[Line] = []
        for line in [*same_x, None]:
            if line is not None and stack and line.box.y0 - stack[-1].box.y1 <= 2 * line.box.height:  # type: ignore[union-attr]
                stack.append(line)
                continue
            letters = sum(any(c.isalpha() for c in ln.text) for ln in stack)
            if len(stack) >= 3 and letters * 3 >= len(stack):  # (a column of figures is none)
                out.update(id(ln) for ln in stack)
            stack = [line] if line is not None else []
    return out


def _in_margin(line: Line, page: Page, share: float = MARGIN) -> bool:
    box = line.box
    return box is not None and (box.y1 <= page.height * share or box.y0 >= page.height * (
        1 - share))


def _at_text_edge(line: Line, page: Page) -> bool:
    """Whether a line stands in the top or bottom ``TEXT_SHARE`` of the height the page's
    text takes (on a scan with wide borders round the print, the page's margins hold none)."""
    box = line.box
    top, foot = page.text_extent
    return box is not None and (box.y1 <= top + TEXT_SHARE * (foot - top)
                                or box.y0 >= foot - TEXT_SHARE * (foot - top))
