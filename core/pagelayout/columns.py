"""Columns and reading order: gutters, bands cut by headlines and rules, lines put together."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from statistics import median

from copydesk.model.layout import Box, Line
from copydesk.pagelayout.page import HEADING_SIZE, STORY_BREAK, top_of

MIN_GUTTER = 6.0  # points of clear space that separate two columns (at most …
GUTTER_SHARE = 0.25  # … and at least this share of a body line's height, for small type)
SLICE = 60  # lines per horizontal slice in which gutters are sought on a skewed page
SPAN = 1.25  # a line this many times wider than a column spans columns


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
    # how many lines cover each whole unit across the page, as runs between the points
    # where it changes (a sweep: cost by lines, not by the page's width in units)
    changes: Counter[int] = Counter()
    for ln in lines:
        a, b = max(0, int(ln.box.x0 - left)), min(size, int(ln.box.x1 - left))  # type: ignore[union-attr]
        if a <= b:
            changes[a] += 1
            changes[b + 1] -= 1
    limit = max(1, len(lines) // 50)  # a stray line may cross a gutter
    edges, start, covered = [], None, 0
    for x in sorted(changes):
        if x > size:
            break
        covered += changes[x]
        if covered <= limit and start is None:
            start = x
        elif covered > limit and start is not None:
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
    top = min(top_of(ln) for ln in lines)
    depth = max(ln.box.y1 for ln in lines) - top + 1e-6  # type: ignore[union-attr]
    slices: list[list[Line]] = [[] for _ in range(k)]
    for ln in lines:
        slices[min(k - 1, int((top_of(ln) - top) / depth * k))].append(ln)
    local = [column_edges(s) for s in slices]
    most = Counter(len(e) for e in local).most_common(1)[0][0]
    if most <= len(edges):
        return lambda line: edges
    agreeing = [i for i, e in enumerate(local) if len(e) == most]

    def at(line: Line) -> list[float]:
        i = min(k - 1, int((top_of(line) - top) / depth * k))
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


def reading_order(lines: list[Line], rules: list[Box] | None = None,
                  pictures: list[Box] | None = None) -> list[list[Line]]:
    """The page's body lines as runs, one per column of each band, in reading order. Bands
    are cut by lines wider than a column, by rules across columns (what follows a rule opens
    a story) and by pictures across columns."""
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
    across += [Line(text="", box=p, region="picture") for p in pictures or ()
               if p.width > SPAN * width and not _beside(p, lines)]
    cut_ids = {id(ln) for ln in spanning}
    runs: list[list[Line]] = []
    top = float("-inf")
    ruled = False  # a rule across columns came last: what follows opens a new story
    for cut in [*sorted([*spanning, *across], key=top_of), None]:
        bottom = top_of(cut) if cut is not None else float("inf")
        band = [ln for ln in lines if top <= top_of(ln) < bottom and id(ln) not in cut_ids]
        for c in range(columns):
            column = sorted((ln for ln in band if _column(ln, edges_at(ln)) == c), key=top_of)
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
            elif cut.region != "picture":
                ruled = bool(runs)  # a rule over the page's first text opens no story
            top = top_of(cut)  # a line level with the cut is read after it
    return runs


def _beside(area: Box, lines: list[Line]) -> bool:
    """Whether some line stands level with an area but outside it (text set beside a
    picture: the picture cuts no band)."""
    for ln in lines:
        box = ln.box
        assert box is not None
        level = min(box.y1, area.y1) - max(box.y0, area.y0) > 0.5 * box.height
        if level and (box.x1 <= area.x0 or box.x0 >= area.x1):
            return True
    return False


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
            known = all(ln.confidences for ln in pieces)
            out.append(dataclasses.replace(
                pieces[0], text=" ".join(ln.text.strip() for ln in pieces),
                confidences=[c for ln in pieces for c in ln.confidences] if known else [],
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


def _column(line: Line, edges: list[float]) -> int:
    centre = (line.box.x0 + line.box.x1) / 2  # type: ignore[union-attr]
    return sum(centre > e for e in edges)
