"""Layout analysis shared by the readers that know where text sits (PDF; hOCR and ALTO to come).

Input: each page's lines with their boxes (top-left origin). Output: blocks in reading order,
ready for the same cleaners as print OCR:

- columns are found from the gutters (vertical strips no line crosses); lines wider than a
  column (headlines, running heads, full-width paragraphs) cut the page into bands, and the
  reading order is band by band, column by column, top to bottom;
- running heads, folios and margin notes are found by position (the top or bottom margin, or
  outside the text area) and by repetition across pages (digits aside), and become
  ``Boilerplate`` blocks (kept, reported, left out by writers);
- lines are grouped into provisional paragraphs by the vertical gap before them and by first-
  line indentation (an indented line at the top of a column starts a paragraph too); a short
  group in bold or in type larger than the body's is a heading; a group starts a paragraph (``blank_before``) only when the geometry says
  so, never at a column break, so ``reflow`` joins a paragraph across columns and pages;
- each line's ``fill`` is how far it reaches across its column (1.0: to the right edge).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from copydesk.model.layout import Line
from copydesk.model.nodes import Block, Boilerplate, Heading, PageBreak, Paragraph
from copydesk.textlines import join_stripped

MARGIN = 0.075  # share of the page height at the top and bottom where furniture sits
MIN_GUTTER = 6.0  # points of clear space that separate two columns
SPAN = 1.25  # a line this many times wider than a column spans columns
HEADING_SIZE = 1.15  # type this much larger than the body's sets a heading
TITLE_SIZE = 1.6  # and this much larger, an article's headline
FOLIO = re.compile(r"^[\W_]*(?:page\s*)?\d{1,4}[\W_]*$", re.IGNORECASE)


@dataclass
class Page:
    """One page's lines (boxes in points, origin top-left) and its size."""

    number: int
    width: float
    height: float
    lines: list[Line]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def furniture(pages: list[Page]) -> dict[int, str]:
    """``id(line) -> reason`` for running heads, folios and margin text on every page."""
    marked: dict[int, str] = {}
    edge_shapes: Counter[str] = Counter()
    for page in pages:
        seen = {_shape(ln.text) for ln in page.lines if _in_margin(ln, page)}
        edge_shapes.update(seen)
    for page in pages:
        letters = Counter(round(ln.box.x0 / 5) for ln in page.lines  # type: ignore[union-attr]
                          if len(ln.text.strip()) <= 2 and not ln.text.strip().isdigit())
        stacked = {x for x, n in letters.items() if n >= 3}  # vertical text, a letter a line
        body = [ln for ln in page.lines if not _in_margin(ln, page)]
        left = min((ln.box.x0 for ln in body if ln.box), default=0.0)
        for line in page.lines:
            assert line.box is not None
            if _in_margin(line, page):
                text = line.text.strip()
                if FOLIO.match(text):
                    marked[id(line)] = "folio"
                elif edge_shapes[_shape(text)] >= 2 or len(pages) == 1:
                    marked[id(line)] = "running-head"
            elif line.box.x1 < left - 1 or line.box.height > 3 * line.box.width or (
                    len(line.text.strip()) <= 2 and round(line.box.x0 / 5) in stacked):
                marked[id(line)] = "margin"
    return marked


def _in_margin(line: Line, page: Page) -> bool:
    box = line.box
    return box is not None and (box.y1 <= page.height * MARGIN or box.y0 >= page.height * (
        1 - MARGIN))


def column_edges(lines: list[Line]) -> list[float]:
    """The x positions of the gutters between columns (empty for a single column)."""
    if not lines:
        return []
    left = min(ln.box.x0 for ln in lines)  # type: ignore[union-attr]
    right = max(ln.box.x1 for ln in lines)  # type: ignore[union-attr]
    size = int(right - left) + 1
    cover = [0] * (size + 1)
    for ln in lines:
        a, b = int(ln.box.x0 - left), int(ln.box.x1 - left)  # type: ignore[union-attr]
        for x in range(max(0, a), min(size, b) + 1):
            cover[x] += 1
    limit = max(1, len(lines) // 50)  # a stray line may cross a gutter
    edges, start = [], None
    for x, n in enumerate(cover):
        if n <= limit and start is None:
            start = x
        elif n > limit and start is not None:
            if x - start >= MIN_GUTTER and start > 0:
                edges.append(left + (start + x) / 2)
            start = None
    return edges


def reading_order(lines: list[Line]) -> list[list[Line]]:
    """The page's body lines as runs, one per column of each band, in reading order."""
    if not lines:
        return []
    edges = column_edges(lines)
    columns = len(edges) + 1
    width = (max(ln.box.x1 for ln in lines) - min(ln.box.x0 for ln in lines)) / columns  # type: ignore[union-attr]
    spanning = sorted((ln for ln in lines if ln.box.width > SPAN * width), key=_top)  # type: ignore[union-attr]
    runs: list[list[Line]] = []
    top = float("-inf")
    for cut in [*spanning, None]:
        bottom = _top(cut) if cut is not None else float("inf")
        band = [ln for ln in lines if top <= _top(ln) < bottom and ln not in spanning]
        for c in range(columns):
            column = sorted((ln for ln in band if _column(ln, edges) == c), key=_top)
            if column:
                runs.append(column)
        if cut is not None:
            runs.append([cut])
            top = _top(cut) + 0.01
    return runs


def _top(line: Line) -> float:
    return line.box.y0 if line.box else 0.0


def _column(line: Line, edges: list[float]) -> int:
    centre = (line.box.x0 + line.box.x1) / 2  # type: ignore[union-attr]
    return sum(centre > e for e in edges)


def paragraphs(run: list[Line]) -> list[list[Line]]:
    """A column's lines cut where a wider gap or a first-line indent starts a paragraph; the
    first line of such a group says so with ``blank_before`` (a column's first line only
    when indented: a column break alone says nothing)."""
    if not run:
        return []
    gaps = [b.box.y0 - a.box.y1 for a, b in itertools.pairwise(run)]  # type: ignore[union-attr]
    usual_gap = median(gaps) if gaps else 0.0
    heights = median(ln.box.height for ln in run)  # type: ignore[union-attr]
    left = Counter(round(ln.box.x0) for ln in run).most_common(1)[0][0]  # type: ignore[union-attr]
    reach = sorted(ln.box.x1 - left for ln in run)  # type: ignore[union-attr]
    column_width = reach[int(len(reach) * 0.9)] if reach else 1.0
    groups: list[list[Line]] = []
    for i, line in enumerate(run):
        gap = gaps[i - 1] if i else 0.0
        indent = line.box.x0 - left > 0.6 * heights  # type: ignore[union-attr]
        style_change = i > 0 and (line.bold != run[i - 1].bold)
        starts = indent or (i > 0 and (gap > usual_gap + 0.6 * heights or style_change))
        # how far the line reaches towards the column's right edge (an indent counts as text)
        fill = round((line.box.x1 - left) / column_width, 3) if column_width > 0 else 1.0  # type: ignore[union-attr]
        line = dataclasses.replace(line, blank_before=1 if starts else 0, fill=fill)
        if i == 0 or starts:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def body_size(pages: list[Page]) -> float:
    """The font size most of the text is set in (by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.font_size:
                sizes[round(line.font_size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading(group: list[Line], size: float) -> bool:
    """A short group set in bold or in type larger than the body's."""
    words = sum(len(ln.text.split()) for ln in group)
    if len(group) > 3 or words > 20 or not size:
        return False
    larger = all((ln.font_size or 0) >= HEADING_SIZE * size for ln in group)
    return larger or all(ln.bold for ln in group)


def blocks_from_pages(pages: list[Page]) -> list[Block]:
    """Every page's lines as blocks in reading order: furniture, headings (by type), then
    provisional paragraphs."""
    marked = furniture(pages)
    size = body_size(pages)
    blocks: list[Block] = []
    for page in pages:
        if page.number > 1:
            blocks.append(PageBreak(page=str(page.number)))
        body = [ln for ln in page.lines if id(ln) not in marked]
        for line in sorted((ln for ln in page.lines if id(ln) in marked), key=_top):
            blocks.append(Boilerplate(text=" ".join(line.text.split()), lines=[line],
                                      reason=marked[id(line)]))
        for run in reading_order(body):
            for group in paragraphs(run):
                if is_heading(group, size):
                    large = (group[0].font_size or 0) >= TITLE_SIZE * size
                    blocks.append(Heading(text=join_stripped(group), lines=group,
                                          level=1 if large else 2))
                else:
                    blocks.append(Paragraph(text=join_stripped(group), lines=group))
    return blocks
