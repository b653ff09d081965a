"""Layout analysis shared by the readers that know where text sits (PDF, hOCR, ALTO).

Input: each page's lines with their boxes (top-left origin), type sizes and styles where
known, and its picture areas and rules. Output: blocks in reading order, ready for the same
cleaners as print OCR:

- columns are found from the gutters (vertical strips no line crosses); lines wider than a
  column (headlines, running heads, full-width paragraphs) cut the page into bands, and the
  reading order is band by band, column by column, top to bottom;
- running heads, folios and margin notes are found by position (the top or bottom margin, or
  outside the text area) and by repetition across pages (digits aside), and become
  ``Boilerplate`` blocks (kept, reported, left out by writers);
- lines are grouped into provisional paragraphs by the vertical gap before them and by first-
  line indentation (an indented line at the top of a column starts a paragraph too), and by a
  change of type (size, weight, slant); a group starts a paragraph (``blank_before``) only
  when the geometry says so, never at a column break, so ``reflow`` joins a paragraph across
  columns and pages;
- a drop cap, a single letter in type at least ``DROP_SIZE`` times the body's, is kept as a
  line of its own just before the paragraph it opens (``dropcap`` restores it: the letter is
  read, not guessed), and the lines set beside it do not count as indented;
- a group in smaller type than the body's just under (or over) a picture area, or ending in a
  photo credit, or opening with a label (``Figure 7-26.``, ``Table 1.``), is a caption (a
  ``Figure``; a labelled group at body size too); a short group under it in smaller type still
  is its credit;
- a rule across the columns ends a story: the line after it opens the next (``blank_before``
  ``STORY_BREAK``, which ``articles`` reads);
- a group in larger italic type, or in larger type between rules, is a pull quote; a short
  group in larger type, or in bold (one line in italic) stopping short of the column's edge,
  is a heading (a headline when much larger);
- each line's ``fill`` is how far it reaches across its column (1.0: to the right edge).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from copydesk.credits import MAX_CREDIT_WORDS, find_credit, split_credit
from copydesk.model.layout import Box, Line
from copydesk.model.nodes import (
    Block,
    Boilerplate,
    Caption,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    PullQuote,
)
from copydesk.textlines import SENTENCE_END, join_stripped

MARGIN = 0.15  # share of the page height at the top and bottom where furniture sits
EDGE = 0.08  # … and where, on a page of many, it may be told by standing apart alone
MIN_GUTTER = 6.0  # points of clear space that separate two columns (at most …
SLICE = 60  # lines per horizontal slice in which gutters are sought on a skewed page
GUTTER_SHARE = 0.25  # … and at least this share of a body line's height, for small type)
SPAN = 1.25  # a line this many times wider than a column spans columns
HEADING_SIZE = 1.3  # type this much larger than the body's sets a heading (or a pull quote)
QUOTE_SIZE = 1.15  # type this much larger, in italic or between rules, sets a pull quote
FULL = 0.9  # a line reaching this far across its column is full (running text)
TITLE_SIZE = 1.6  # and this much larger, an article's headline
SMALL_SIZE = 0.92  # type this much smaller than the body's is a caption's (or a credit's)
DROP_SIZE = 2.0  # a letter this many times taller than the body's lines is a drop cap
TYPE_CHANGE = 1.2  # a change of type size by this factor between lines starts a group
NEAR = 2.5  # a caption starts within this many body line heights of its picture
MIN_QUOTE_WORDS = 5
STORY_BREAK = 2  # ``blank_before`` of a line after a rule across the columns: a new story
# a caption's label: "Figure 7-26.", "Fig. 3:", "Table 1.", "PLATE IV.", "Example 2-1   Query…"
FIGURE_LABEL = re.compile(
    r"^\s*(?:Figure|FIGURE|Fig\.|FIG\.|Table|TABLE|Chart|Map|Plate|PLATE|Exhibit|Example)"
    r"\s+[\dIVXLC]+(?:[.\-–][\dA-Za-z]+)*(?:[.:]\s|\s{2,})")
FOLIO = re.compile(r"^[\W_]*(?:page\s*)?\d{1,4}[\W_]*$", re.IGNORECASE)


@dataclass
class Page:
    """One page's lines (boxes in points, origin top-left), its size, and the areas its
    pictures take and the rules (lines) drawn on it."""

    number: int
    width: float
    height: float
    lines: list[Line]
    pictures: list[Box] = field(default_factory=list)
    rules: list[Box] = field(default_factory=list)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def furniture(pages: list[Page]) -> dict[int, str]:
    """``id(line) -> reason`` for running heads, folios and margin text on every page. A line
    in the top or bottom margin is a running head when its shape (digits aside) recurs on
    other pages; or (on a single page, or within ``EDGE`` of the page's edge) when it stands
    apart from the text around it, is set no larger than the body and is no caption."""
    marked: dict[int, str] = {}
    size = body_size(pages)
    edge_shapes: Counter[str] = Counter()
    for page in pages:
        seen = {_shape(ln.text) for ln in page.lines if _in_margin(ln, page)}
        edge_shapes.update(seen)
    for page in pages:
        stacked = _stacked_letters(page.lines)
        body = [ln for ln in page.lines if not _in_margin(ln, page)]
        left = min((ln.box.x0 for ln in body if ln.box), default=0.0)
        for line in page.lines:
            assert line.box is not None
            if _in_margin(line, page):
                text = line.text.strip()
                if FOLIO.match(text):
                    marked[id(line)] = "folio"
                elif edge_shapes[_shape(text)] >= 2 or (
                        (len(pages) == 1 or _in_margin(line, page, EDGE))
                        and not _runs_into_text(line, page.lines)
                        and (line.font_size or 0) <= 1.05 * size
                        and _outermost(line, page, size)
                        and not FIGURE_LABEL.match(text)
                        and not (line.box.y0 > page.height / 2  # a caption under a picture
                                 and by_picture([line], page.pictures, line.box.height))):
                    marked[id(line)] = "running-head"
            elif line.box.x1 < left - 1 or line.box.height > 3 * line.box.width or (
                    id(line) in stacked):
                marked[id(line)] = "margin"
    return marked


def _outermost(line: Line, page: Page, size: float) -> bool:
    """Whether no text stands between the line and the page's edge (above a line in the top
    margin, below one in the bottom margin; other margin lines in body type or smaller aside)
    and no running text stands level with it."""
    box = line.box
    assert box is not None
    top = box.y1 <= page.height * MARGIN
    for other in page.lines:
        near = other.box
        if other is line or near is None or min(near.x1, box.x1) <= max(near.x0, box.x0):
            continue
        beyond = near.y1 <= box.y0 if top else near.y0 >= box.y1
        if beyond and not (_in_margin(other, page) and (other.font_size or 0) <= 1.05 * size):
            return False
    # nor is it level with running text elsewhere (a column's first line, standing alone)
    return not any(other is not line and other.box is not None and min(
        other.box.y1, box.y1) > max(other.box.y0, box.y0) and _runs_into_text(other, page.lines)
        for other in page.lines)


def _runs_into_text(line: Line, lines: list[Line]) -> bool:
    """Whether a line in the margin has text right under or over it in the same column, at
    line spacing (or a little more): a column's first or last line, not a running head (which
    stands apart)."""
    box = line.box
    assert box is not None
    for other in lines:
        near = other.box
        if other is line or near is None or min(near.x1, box.x1) <= max(near.x0, box.x0):
            continue
        gap = near.y0 - box.y1 if near.y0 >= box.y0 else box.y0 - near.y1
        if -0.3 * box.height <= gap < 1.2 * box.height and not FOLIO.match(other.text.strip()):
            return True
    return False


def _stacked_letters(lines: list[Line]) -> set[int]:
    """Ids of the lines of vertical text read a letter a line: three or more lines of at most
    two characters, one right under the other at the same place across."""
    short = sorted((ln for ln in lines if len(ln.text.strip()) <= 2 and ln.box is not None
                    and not ln.text.strip().isdigit()), key=lambda ln: (round(ln.box.x0 / 5), _top(ln)))  # type: ignore[union-attr]
    out: set[int] = set()
    for _, same_x in itertools.groupby(short, key=lambda ln: round(ln.box.x0 / 5)):  # type: ignore[union-attr]
        stack: list[Line] = []
        for line in [*same_x, None]:
            if line is not None and stack and line.box.y0 - stack[-1].box.y1 <= 2 * line.box.height:  # type: ignore[union-attr]
                stack.append(line)
                continue
            if len(stack) >= 3:
                out.update(id(ln) for ln in stack)
            stack = [line] if line is not None else []
    return out


def _in_margin(line: Line, page: Page, share: float = MARGIN) -> bool:
    box = line.box
    return box is not None and (box.y1 <= page.height * share or box.y0 >= page.height * (
        1 - share))


def column_edges(lines: list[Line]) -> list[float]:
    """The x positions of the gutters between columns (empty for a single column). Lines much
    wider than most and lines in display type (headlines) are left out: they cross gutters."""
    if not lines:
        return []
    usual = _usual_width(lines)
    gutter = min(MIN_GUTTER, GUTTER_SHARE * median(ln.box.height for ln in lines))  # type: ignore[union-attr]
    size = median(ln.font_size or 0.0 for ln in lines)
    lines = [ln for ln in lines if ln.box.width <= SPAN * usual  # type: ignore[union-attr]
             and not (size and (ln.font_size or 0.0) >= HEADING_SIZE * size)]
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
            if x - start >= gutter and start > 0:
                edges.append(left + (start + x) / 2)
            start = None
    return edges


def skewed_edges(lines: list[Line]) -> Callable[[Line], list[float]]:
    """The gutters for each line: the page's, or where a skewed or warped scan lets no gutter
    run clear down the whole page, those of the horizontal slice (``SLICE`` lines) the line is
    in, when the slices agree on more columns than the page as a whole shows."""
    edges = column_edges(lines)
    k = len(lines) // SLICE
    if k < 2:
        return lambda line: edges
    top = min(_top(ln) for ln in lines)
    depth = max(ln.box.y1 for ln in lines) - top + 1e-6  # type: ignore[union-attr]
    slices: list[list[Line]] = [[] for _ in range(k)]
    for ln in lines:
        slices[min(k - 1, int((_top(ln) - top) / depth * k))].append(ln)
    local = [column_edges(s) for s in slices]
    most = Counter(len(e) for e in local).most_common(1)[0][0]
    if most <= len(edges):
        return lambda line: edges
    agreeing = [i for i, e in enumerate(local) if len(e) == most]

    def at(line: Line) -> list[float]:
        i = min(k - 1, int((_top(line) - top) / depth * k))
        return local[min(agreeing, key=lambda j: abs(j - i))]

    return at


def _usual_width(lines: list[Line]) -> float:
    """The width most of the text is set at: the median line width, weighted by characters
    (a table's many short cells do not make running text look wide)."""
    widths = sorted((ln.box.width, len(ln.text)) for ln in lines)  # type: ignore[union-attr]
    half, seen = sum(n for _, n in widths) / 2, 0
    for width, n in widths:
        seen += n
        if seen >= half:
            return width
    return widths[-1][0] if widths else 0.0


def reading_order(lines: list[Line], rules: list[Box] | None = None) -> list[list[Line]]:
    """The page's body lines as runs, one per column of each band, in reading order. Bands
    are cut by lines wider than a column and by rules across columns."""
    if not lines:
        return []
    edges_at = skewed_edges(lines)
    edges = edges_at(lines[0])
    columns = len(edges) + 1
    width = (max(ln.box.x1 for ln in lines) - min(ln.box.x0 for ln in lines)) / columns  # type: ignore[union-attr]
    spanning = [ln for ln in lines if ln.box.width > SPAN * width]  # type: ignore[union-attr]
    wide = {id(ln) for ln in spanning}
    spanning += [ln for ln in lines if id(ln) not in wide and any(
        _runs_on(top, ln) for top in spanning)]  # a headline's short last line
    across = [Line(text="", box=r) for r in rules or () if r.width > SPAN * width > r.height]
    cut_ids = {id(ln) for ln in spanning}
    runs: list[list[Line]] = []
    top = float("-inf")
    ruled = False  # a rule across columns came last: what follows opens a new story
    for cut in [*sorted([*spanning, *across], key=_top), None]:
        bottom = _top(cut) if cut is not None else float("inf")
        band = [ln for ln in lines if top <= _top(ln) < bottom and id(ln) not in cut_ids]
        for c in range(columns):
            column = sorted((ln for ln in band if _column(ln, edges_at(ln)) == c), key=_top)
            if column and columns > 1:
                column = [dataclasses.replace(ln, column=c + 1) for ln in column]
            if column:
                runs.append(_after_rule(same_baseline(column)) if ruled else same_baseline(column))
                ruled = False
        if cut is not None:
            if cut.text and runs and _runs_on(runs[-1][-1], cut):
                runs[-1].append(cut)
            elif cut.text:
                runs.append(_after_rule([cut]) if ruled else [cut])
                ruled = False
            else:
                ruled = bool(runs)  # a rule over the page's first text opens no story
            top = _top(cut)  # a line level with the cut is read after it
    return runs


def _after_rule(run: list[Line]) -> list[Line]:
    """The run with its first line marked as opening a story (``blank_before`` 2: more than a
    paragraph's break), as a rule across the columns before it says."""
    return [dataclasses.replace(run[0], blank_before=STORY_BREAK), *run[1:]]


def _runs_on(above: Line, line: Line) -> bool:
    """Whether ``line`` goes on from ``above`` in the same type (a headline's next line)."""
    a, b = above.box, line.box
    return bool(a and b and above.font_size and line.font_size) and abs(
        above.font_size - line.font_size) <= 0.05 * above.font_size and (  # type: ignore[operator]
        above.bold == line.bold) and 0 <= b.y0 - a.y1 <= 0.8 * a.height and abs(  # type: ignore[union-attr]
        b.x0 - a.x0) <= a.height  # type: ignore[union-attr]


def same_baseline(column: list[Line]) -> list[Line]:
    """A column's lines with the pieces of one line (a justified line whose wide word spaces
    split it, or a word read apart) joined again, left to right."""
    out: list[Line] = []
    pieces: list[Line] = []

    def close() -> None:
        if len(pieces) > 1:
            pieces.sort(key=lambda ln: ln.box.x0)  # type: ignore[union-attr]
            boxes = [ln.box for ln in pieces if ln.box is not None]
            out.append(dataclasses.replace(
                pieces[0], text=" ".join(ln.text.strip() for ln in pieces),
                box=Box(x0=boxes[0].x0, y0=min(b.y0 for b in boxes), x1=boxes[-1].x1,
                        y1=max(b.y1 for b in boxes))))
        else:
            out.extend(pieces)
        pieces.clear()

    for line in column:
        if pieces and not (line.box and pieces[0].box and _level(pieces[0].box, line.box) and all(
                p.box and (line.box.x0 >= p.box.x1 or p.box.x0 >= line.box.x1) for p in pieces)
                and not _run_in_heading(pieces[-1], line)):
            close()
        pieces.append(line)
    close()
    return out


def _run_in_heading(head: Line, line: Line) -> bool:
    """Whether ``head`` is a run-in heading (bold, the reader split it off) that ``line``, in
    the body's type, goes on from on the same baseline."""
    return head.bold and not line.bold and head.box is not None and line.box is not None and (
        line.box.x0 >= head.box.x1) and len(head.text.split()) >= 2


def _level(a: Box, b: Box) -> bool:
    """Whether two boxes sit on the same line (tops and bottoms within a third of a line)."""
    tolerance = 0.3 * min(a.height, b.height)
    return abs(a.y0 - b.y0) <= tolerance and abs(a.y1 - b.y1) <= tolerance


def _top(line: Line) -> float:
    return line.box.y0 if line.box else 0.0


def _column(line: Line, edges: list[float]) -> int:
    centre = (line.box.x0 + line.box.x1) / 2  # type: ignore[union-attr]
    return sum(centre > e for e in edges)


def opens_with_initial(words: list[tuple[str, float]]) -> bool:
    """Whether a line's first word (text, height) is a drop cap the OCR engine glued to the
    words beside it: a single letter ``DROP_SIZE`` times taller than the others."""
    if len(words) < 2 or len(words[0][0]) != 1 or not words[0][0].isalpha():
        return False
    return words[0][1] >= DROP_SIZE * median(h for _, h in words[1:])


def is_initial(line: Line, height: float) -> bool:
    """A drop cap: a single letter much taller than the body's lines."""
    text = line.text.strip()
    return len(text) == 1 and text.isalpha() and line.box is not None and (
        line.box.height >= DROP_SIZE * height)


def initials(run: list[Line], height: float) -> tuple[list[Line], dict[int, Line], set[int]]:
    """The run without its drop caps; for each drop cap, ``id(first line) -> cap``, the line
    it opens (to its right, level with its top); and the ids of the lines set beside it."""
    caps = [ln for ln in run if is_initial(ln, height)]
    if not caps:
        return run, {}, set()
    rest = [ln for ln in run if not any(ln is c for c in caps)]
    opens: dict[int, Line] = {}
    beside: set[int] = set()
    alone = set()  # a big letter with no line beside it stays where it is
    for cap in caps:
        assert cap.box is not None
        box = cap.box
        right = [ln for ln in rest if ln.box.x0 >= box.x1 - 1  # type: ignore[union-attr]
                 and ln.box.x0 - box.x1 < 4 * height  # type: ignore[union-attr]
                 and box.y0 - height <= ln.box.y0 < box.y1 - 0.3 * height  # type: ignore[union-attr]
                 and id(ln) not in opens]
        if right:
            first = min(right, key=_top)
            opens[id(first)] = cap
            beside.update(id(ln) for ln in right if ln is not first)
        else:
            alone.add(id(cap))
    return [ln for ln in run if id(ln) in alone or not any(ln is c for c in caps)], opens, beside


def paragraphs(run: list[Line]) -> list[list[Line]]:
    """A column's lines cut where a wider gap, a first-line indent or a change of type starts
    a paragraph; the first line of such a group says so with ``blank_before`` (a column's
    first line only when indented: a column break alone says nothing). A drop cap comes as a
    group of its own before the paragraph it opens."""
    if not run:
        return []
    height = median(ln.box.height for ln in run)  # type: ignore[union-attr]
    run, opens, beside = initials(run, height)
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
        indent = line.box.x0 - left > 0.6 * heights and id(line) not in beside  # type: ignore[union-attr]
        cap = opens.get(id(line))
        starts = indent or cap is not None or line.blank_before >= STORY_BREAK or (i > 0 and (
            gap > usual_gap + 0.6 * heights or _type_changes(run[i - 1], line)))
        # how far the line reaches towards the column's right edge (an indent counts as text)
        fill = round((line.box.x1 - left) / column_width, 3) if column_width > 0 else 1.0  # type: ignore[union-attr]
        line = dataclasses.replace(line, blank_before=max(line.blank_before, 1) if starts else 0,
                                   fill=fill)
        if cap is not None:
            groups.append([dataclasses.replace(cap, blank_before=1)])
        if i == 0 or starts:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _type_changes(a: Line, b: Line) -> bool:
    if a.bold != b.bold or a.italic != b.italic:
        return True
    if a.font_size and b.font_size:
        return max(a.font_size, b.font_size) > TYPE_CHANGE * min(a.font_size, b.font_size)
    return False


def body_size(pages: list[Page]) -> float:
    """The font size most of the text is set in (by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.font_size:
                sizes[round(line.font_size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading(group: list[Line], size: float) -> bool:
    """A short group set in type larger than the body's, or in bold with its last line short
    of the column's edge, starting with a capital or a section number (not a long sentence)."""
    words = sum(len(ln.text.split()) for ln in group)
    first = group[0].text.lstrip()[:1]
    if len(group) > 3 or words > 20 or not size or not (first.isupper() or first.isdigit()):
        return False
    if words >= 8 and SENTENCE_END.search(group[-1].text.rstrip()):
        return False  # a whole sentence in display type: a pull quote, if anything
    larger = all((ln.font_size or 0) >= HEADING_SIZE * size for ln in group)
    body_or_larger = all((ln.font_size or size) >= SMALL_SIZE * size for ln in group)
    # bold at body size: a heading stops short of the column's edge (justified text fills it);
    # so does one line in italic that is no sentence (``Elastic Stop Nut``)
    short = (group[-1].fill or 0.0) < FULL
    italic_line = len(group) == 1 and words <= 10 and group[0].italic and not SENTENCE_END.search(
        group[0].text.rstrip())
    return larger or (body_or_larger and short and (all(ln.bold for ln in group) or italic_line))


def centred_capitals(group: list[Line], left: float, right: float, height: float) -> bool:
    """A line in capitals centred in its column, set apart by space on both sides: the
    section heading of older papers (``WEST INDIES.``), whose type is the body's."""
    if len(group) != 1 or group[0].box is None or len(group[0].text.split()) > 8:
        return False
    letters = [c for c in group[0].text if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return False
    before, after = group[0].box.x0 - left, right - group[0].box.x1
    return min(before, after) >= 1.5 * height and abs(before - after) <= max(
        2 * height, 0.15 * (right - left))


def _group_size(group: list[Line]) -> float:
    return median(ln.font_size or 0.0 for ln in group)


def _overlap(a: Box, b: Box) -> float:
    """How much of ``a``'s width lies over or under ``b``."""
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) / max(a.width, 1e-6)


def _box(group: list[Line]) -> Box:
    boxes = [ln.box for ln in group if ln.box is not None]
    return Box(x0=min(b.x0 for b in boxes), y0=min(b.y0 for b in boxes),
               x1=max(b.x1 for b in boxes), y1=max(b.y1 for b in boxes))


def by_picture(group: list[Line], pictures: list[Box], height: float) -> bool:
    """Whether the group starts just under a picture area (or ends just over one)."""
    box = _box(group)
    for picture in pictures:
        if _overlap(box, picture) < 0.5:
            continue
        if -height <= box.y0 - picture.y1 <= NEAR * height:
            return True
        if -height <= picture.y0 - box.y1 <= NEAR * height:
            return True
    return False


def between_rules(group: list[Line], rules: list[Box], height: float) -> bool:
    """Whether a rule runs just over the group and another just under it."""
    box = _box(group)
    over = under = False
    for rule in rules:
        if rule.width < rule.height or _overlap(box, rule) < 0.8:
            continue
        over = over or 0 <= box.y0 - rule.y1 <= NEAR * height
        under = under or 0 <= rule.y0 - box.y1 <= NEAR * height
    return over and under


def classify(group: list[Line], page: Page, size: float, height: float,
             column: tuple[float, float]) -> str:
    """What a group of lines is, by its type and place in the ``column`` (its left and right
    edges): ``initial``, ``caption``, ``pullquote``, ``heading`` or ``paragraph``."""
    if len(group) == 1 and is_initial(group[0], height):
        return "initial"
    own = _group_size(group)
    text = " ".join(ln.text for ln in group)
    smaller = bool(own and size and own <= SMALL_SIZE * size)
    labelled = bool(FIGURE_LABEL.match(text)) and len(text.split()) <= 80
    if (smaller and (by_picture(group, page.pictures, height) or find_credit(text) or labelled)) or (
            labelled and not own >= HEADING_SIZE * size):
        return "caption"
    larger = own >= QUOTE_SIZE * size if own and size else False
    if larger and len(text.split()) >= MIN_QUOTE_WORDS and not any(ln.bold for ln in group) and (
            all(ln.italic for ln in group) or between_rules(group, page.rules, height)):
        return "pullquote"
    if is_heading(group, size) or centred_capitals(group, *column, height):
        return "heading"
    return "paragraph"


def figure(group: list[Line], credit: list[Line] | None) -> Figure:
    """A caption's lines (and those of its credit, set apart) as a figure."""
    text = join_stripped(group)
    if credit:
        caption, shown = " ".join(text.split()), join_stripped(credit)
        credit_text = split_credit(f"({shown.strip('()')})")[1] or shown
    else:
        caption, credit_text = split_credit(text)
    return Figure(blocks=[Caption(text=caption, credit=credit_text,
                                  lines=[*group, *(credit or [])])])


def page_blocks(page: Page, groups: list[list[Line]], size: float) -> list[Block]:
    """A column's groups of lines as blocks, by what each group is."""
    lines = [ln for g in groups for ln in g]
    body = [ln for ln in lines if abs((ln.font_size or size) - size) <= 0.05 * size] or lines
    height = median(ln.box.height for ln in body)  # type: ignore[union-attr]
    left = Counter(round(ln.box.x0) for ln in lines).most_common(1)[0][0]  # type: ignore[union-attr]
    column = (float(left), sorted(ln.box.x1 for ln in lines)[int(0.9 * (len(lines) - 1))])  # type: ignore[union-attr]
    blocks: list[Block] = []
    skip = False
    for i, group in enumerate(groups):
        if skip:
            skip = False
            continue
        kind = classify(group, page, size, height, column)
        if kind == "caption":
            after = groups[i + 1] if i + 1 < len(groups) else None
            credit = after if after is not None and _is_credit(after, group, size) else None
            skip = credit is not None
            blocks.append(figure(group, credit))
        elif kind == "pullquote":
            blocks.append(PullQuote(text=join_stripped(group), lines=group))
        elif kind == "heading":
            large = (group[0].font_size or 0) >= TITLE_SIZE * size
            blocks.append(Heading(text=join_stripped(group), lines=group, level=1 if large else 2))
        else:
            blocks.append(Paragraph(text=join_stripped(group), lines=group))
    return blocks


def _is_credit(group: list[Line], caption: list[Line], size: float) -> bool:
    """A short line in small type right under a caption (its photo credit)."""
    words = sum(len(ln.text.split()) for ln in group)
    own = _group_size(group)
    gap = _box(group).y0 - _box(caption).y1
    return len(group) == 1 and words <= MAX_CREDIT_WORDS and bool(own) and (
        own <= SMALL_SIZE * size) and gap < 2 * (caption[-1].box.height if caption[-1].box else 10)


def blocks_from_pages(pages: list[Page]) -> list[Block]:
    """Every page's lines as blocks in reading order: furniture, then headings, captions,
    pull quotes and provisional paragraphs by type and place."""
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
        for run in reading_order(body, page.rules):
            blocks += page_blocks(page, paragraphs(run), size)
    return blocks
