"""Tables on a page, found from its rules and the alignment of their cells.

A table is sought only where the page draws it: between horizontal rules of one width (a
ruled grid, the rules of a booktabs table, a government form's ruled column heads). The
strip between two such rules is *tabular* when its text stands in two or more columns and
reads as one row (a few lines, its cells level at the top, one column of short cells, as a
row's key is) or as rows of short cells (``CELL_WORDS`` words at most, by the median). A run
of tabular strips is a table where something besides the rules says so: a vertical rule
between its columns, or a caption with a table's label (``Table 2-1``) over it; columns of
running text between a page's or a story's rules are not a table. One whose only strip is
its column heads (the rows run on, unruled, to the page's foot or the next page) takes the
lines under it while they stay close, within its width and in its type.

Columns are cut at the vertical rules and at the gutters no body cell crosses; a cell wider
than one column spans those it covers. Rows are the strips between rules where the body is
ruled row by row; else a line of cells in two columns or more starts a row and a line in one
column carries on the cell above it (a cell's text wrapped). The first strip of a table of
several strips is its heading row. A short group just over the table, opening with a label
or centred over it (``ESTIMATED COSTS``), is its caption; a table continued on the next
page under the same heads is one (``continued``). Lines that a source
set as one across the cells (pdfminer joins a row's cells when they stand close) come split
at their cells by the reader (``Page.pieces``); leader dots between cells are left out.
"""

from __future__ import annotations

import dataclasses
import itertools
from statistics import median

from copydesk import lazyre
from copydesk.model.layout import Box, Line
from copydesk.model.nodes import Caption, Cell, Row, Table
from copydesk.pagelayout.page import Page, bounds, top_of

CELL_WORDS = 4  # the median cell of a table has at most this many words
SAME_EDGE = 0.5  # rules whose ends lie within this many line heights are of one width
MIN_RULE = 6.0  # … and a rule is at least this many line heights long
GAP = 0.4  # line heights of clear space that part two columns
RUN_ON = 1.5  # lines under a table's heads belong to it while this many line heights apart
CAPTION_GAP = 2.5  # a caption ends within this many line heights over the table
CAPTION_LINES = 6
ROW_LEVELS = 8  # a ruled strip this many lines deep at most may be one row
HEAD_LEVELS = 3  # a table's only ruled strip of this many lines at most is its column heads
TABLE_LABEL = lazyre.compile(r"^\s*(?:Table|TABLE|Tab\.)\s+[\dIVXLC]+(?:[.\-–][\dA-Za-z]+)*\b")
LEADERS = lazyre.compile(r"(?:\s*[.·…]){2,}\s*$")


@dataclasses.dataclass
class Found:
    """A table found on a page: the block, the lines it took (cells and caption) and its box."""

    table: Table
    lines: list[Line]
    box: Box


def tables(page: Page, body: list[Line]) -> list[Found]:
    """The tables among the page's ``body`` lines, top first."""
    boxed = [ln for ln in body if ln.box is not None and ln.text.strip()]
    if len(page.rules) < 2 or not boxed:
        return []
    height = median(ln.box.height for ln in boxed)  # type: ignore[union-attr]
    found: list[Found] = []
    taken: set[int] = set()
    for family in _families(page.rules, height):
        table = _table(page, [ln for ln in boxed if id(ln) not in taken], family, height)
        if table is not None:
            found.append(table)
            taken.update(id(ln) for ln in table.lines)
    return sorted(found, key=lambda f: f.box.y0)


def _families(rules: list[Box], height: float) -> list[list[Box]]:
    """Horizontal rules of one width (ends within ``SAME_EDGE`` line heights), two or more,
    top first."""
    across = sorted((r for r in rules if r.width > r.height and r.width >= MIN_RULE * height),
                    key=lambda r: (round(r.x0), round(r.x1), r.y0))
    families: list[list[Box]] = []
    for rule in across:
        for family in families:
            if abs(family[0].x0 - rule.x0) <= SAME_EDGE * height and abs(
                    family[0].x1 - rule.x1) <= SAME_EDGE * height:
                family.append(rule)
                break
        else:
            families.append([rule])
    return [sorted(f, key=lambda r: r.y0) for f in families if len(f) >= 2]


def _pieces(page: Page, line: Line) -> list[Line]:
    return page.pieces.get(id(line), [line])


def _within(line: Line, left: float, right: float, top: float, foot: float,
            height: float) -> bool:
    box = line.box
    assert box is not None
    centre = (box.y0 + box.y1) / 2
    return box.x0 >= left - height and box.x1 <= right + height and top < centre < foot


def _table(page: Page, lines: list[Line], family: list[Box], height: float) -> Found | None:
    left, right = min(r.x0 for r in family), max(r.x1 for r in family)
    strips: list[list[Line]] = []  # the lines between each two rules
    tops: list[float] = []  # … and the rule over them
    for upper, lower in itertools.pairwise(family):
        if lower.y0 - upper.y1 < 0.5 * height:
            continue  # a double rule
        strips.append([ln for ln in lines if _within(ln, left, right, upper.y1, lower.y0, height)])
        tops.append(upper.y0)
    vertical = [r for r in page.rules if r.height > r.width and left < (r.x0 + r.x1) / 2 < right
                and r.y1 > family[0].y0 and r.y0 < family[-1].y1]
    run = _tabular_run(page, strips, vertical, height)
    if run is None or _pictured(page, left, right, tops[run[0]], family[-1].y1):
        return None
    chosen = strips[run[0]:run[1] + 1]
    lone = [p for ln in chosen[0] for p in _pieces(page, ln)]
    levels = _levels(lone, height)
    open_below = len(chosen) == 1 and len(levels) <= HEAD_LEVELS and median(
        len(p.text.split()) for p in lone) <= CELL_WORDS
    if len(chosen) == 1 and not open_below and not _rows(lone, levels):
        return None  # one ruled strip of text in columns, but no rows of cells
    if open_below:  # the column heads alone are ruled: the rows run on under them
        chosen.append(_run_on(page, lines, chosen[0], left, right, height))
        if not chosen[-1]:
            return None
    cells = [p for strip in chosen for ln in strip for p in _pieces(page, ln)]
    edges = _edges([p for strip in chosen[1:] or chosen for ln in strip
                    for p in _pieces(page, ln)], vertical, left, right, height)
    if not edges:
        return None
    heading = len(chosen) > 1
    body = chosen[1:] if heading else chosen
    rows = [_row(page, chosen[0], edges, height, header=True)] if heading else []
    if len(body) > 1 and not open_below:
        rows += [_row(page, strip, edges, height) for strip in body if strip]
    else:
        rows += [_row(page, group, edges, height)
                 for group in _row_groups(page, body[0], edges, height)]
    taken = [ln for strip in chosen for ln in strip]
    caption = _caption(lines, taken, left, right, height)
    top, foot = min(top_of(ln) for ln in taken), max(ln.box.y1 for ln in taken)  # type: ignore[union-attr]
    if not (caption and TABLE_LABEL.match(caption[0].text)) and not any(
            r.y0 < foot and r.y1 > top for r in vertical):
        return None  # rules of one width around text in columns, but no sign of a table
    table = Table(blocks=[*([Caption(text=_text(caption), lines=caption)] if caption else []),
                          *rows])
    box = bounds(cells + caption)
    return Found(table=table, lines=taken + caption, box=Box(
        x0=min(box.x0, left), y0=min(box.y0, tops[run[0]]), x1=max(box.x1, right), y1=box.y1))


def _tabular_run(page: Page, strips: list[list[Line]], vertical: list[Box],
                 height: float) -> tuple[int, int] | None:
    """The first and last of the longest run of tabular strips."""
    best: tuple[int, int] | None = None
    start: int | None = None
    for i, strip in enumerate([*strips, []]):
        ok = bool(strip) and _tabular(page, strip, vertical, height)
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if best is None or i - start > best[1] - best[0] + 1:
                best = (start, i - 1)
            start = None
    return best


def _tabular(page: Page, strip: list[Line], vertical: list[Box], height: float) -> bool:
    """Whether a strip holds one table row (cells in two columns or more, level at the top,
    a few lines deep) or several (short cells, most lines in two columns or more)."""
    pieces = [p for ln in strip for p in _pieces(page, ln)]
    if len(pieces) < 2 or (len(_columns_of(pieces)) < 2 and not vertical):
        return False
    levels = _levels(pieces, height)
    return (len(levels) <= ROW_LEVELS and len(levels[0]) >= 2 and _keyed(pieces)) or _rows(
        pieces, levels)


def _keyed(pieces: list[Line]) -> bool:
    """Whether some column of the pieces holds short cells (a row's key: a name, a number),
    as running text set in columns does not."""
    spans = _columns_of(pieces)
    for a, b in spans:
        words = [len(LEADERS.sub("", p.text).split()) for p in pieces
                 if a <= p.box.x0 and p.box.x1 <= b]  # type: ignore[union-attr]
        if words and median(words) <= CELL_WORDS:
            return True
    return False


def _rows(pieces: list[Line], levels: list[list[Line]]) -> bool:
    """Whether pieces read as rows of short cells: most lines in two columns or more."""
    words = median(len(LEADERS.sub("", p.text).split()) for p in pieces)
    return words <= CELL_WORDS and sum(len(level) >= 2 for level in levels) >= 0.5 * len(levels)


def _pictured(page: Page, left: float, right: float, top: float, foot: float) -> bool:
    """Whether a picture area covers half the ruled region (labels on a figure, a frame)."""
    area = max(1e-6, (right - left) * (foot - top))
    return any(max(0.0, min(right, p.x1) - max(left, p.x0)) * max(
        0.0, min(foot, p.y1) - max(top, p.y0)) >= 0.5 * area for p in page.pictures)


def _columns_of(pieces: list[Line]) -> list[tuple[float, float]]:
    """The x spans that pieces cover, merged where they overlap."""
    spans: list[list[float]] = []
    for p in sorted(pieces, key=lambda p: p.box.x0):  # type: ignore[union-attr]
        box = p.box
        assert box is not None
        if spans and box.x0 <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], box.x1)
        else:
            spans.append([box.x0, box.x1])
    return [(a, b) for a, b in spans]


def _run_on(page: Page, lines: list[Line], heads: list[Line], left: float, right: float,
            height: float) -> list[Line]:
    """The lines under a table's heads that carry on its rows: close under each other, within
    its width and in type no larger than its heads'."""
    size = max((ln.font_size or 0.0) for ln in heads)
    foot = max(ln.box.y1 for ln in heads)  # type: ignore[union-attr]
    taken: list[Line] = []
    for line in sorted((ln for ln in lines if top_of(ln) >= foot - 0.3 * height), key=top_of):
        box = line.box
        assert box is not None
        if box.x1 <= left or box.x0 >= right:
            continue  # beside the table
        if box.y0 - foot > RUN_ON * height or box.x0 < left - height or box.x1 > right + height or (
                size and (line.font_size or size) > 1.05 * size):
            break
        taken.append(line)
        foot = max(foot, box.y1)
    return taken


def _edges(pieces: list[Line], vertical: list[Box], left: float, right: float,
           height: float) -> list[float]:
    """Where the columns part: the vertical rules, and the middle of every gutter no piece
    crosses (a gutter at least ``GAP`` line heights wide)."""
    cuts: list[float] = []
    for x in sorted((r.x0 + r.x1) / 2 for r in vertical):
        if left + height < x < right - height and not (cuts and x - cuts[-1] < height):
            cuts.append(x)  # (a rule drawn in pieces, row by row, is one)
    spans = _columns_of(pieces)
    for (_, a), (b, _) in itertools.pairwise(spans):
        if b - a >= GAP * height and not any(a <= x <= b for x in cuts):
            cuts.append((a + b) / 2)
    return sorted(cuts)


def _column(x: float, edges: list[float]) -> int:
    return sum(x > e for e in edges)


def _row(page: Page, strip: list[Line], edges: list[float], height: float,
         header: bool = False) -> Row:
    """A row of cells from the pieces of some lines, line by line and left to right; a piece
    over several columns spans them."""
    slots: dict[int, list[Line]] = {}
    spans: dict[int, int] = {}
    pieces = [p for ln in strip for p in _pieces(page, ln)]
    for piece in (p for level in _levels(pieces, height)
                  for p in sorted(level, key=lambda p: p.box.x0)):  # type: ignore[union-attr]
        box = piece.box
        assert box is not None
        first = _column(box.x0 + 0.5, edges)
        last = _column(box.x1 - 0.5, edges)
        slots.setdefault(first, []).append(piece)
        spans[first] = max(spans.get(first, 1), last - first + 1)
    cells: list[Cell] = []
    column = 0
    while column <= len(edges):
        span = min(spans.get(column, 1), len(edges) + 1 - column)
        # a span stops short of a column with cells of its own (nothing is lost)
        span = next((k for k in range(1, span) if column + k in slots), span)
        group = slots.get(column, [])
        cells.append(Cell(text=_text(group), lines=group, columns=span))
        column += span
    return Row(header=header, blocks=cells)


def _row_groups(page: Page, strip: list[Line], edges: list[float],
                height: float) -> list[list[Line]]:
    """A strip's lines cut into rows: a line of cells in two columns or more starts a row, a
    line in one column carries on the cell above."""
    groups: list[list[Line]] = []
    for same in _levels(strip, height):
        columns = {_column(p.box.x0 + 0.5, edges)  # type: ignore[union-attr]
                   for ln in same for p in _pieces(page, ln)}
        if len(columns) >= 2 or not groups:
            groups.append(list(same))
        else:
            groups[-1].extend(same)
    return groups


def _levels(lines: list[Line], height: float) -> list[list[Line]]:
    """Lines in levels, top first: those whose middles lie within half a line of each other."""
    levels: list[list[Line]] = []
    for line in sorted(lines, key=top_of):
        if levels and abs(_middle(line) - _middle(levels[-1][0])) <= 0.5 * height:
            levels[-1].append(line)
        else:
            levels.append([line])
    return levels


def _middle(line: Line) -> float:
    assert line.box is not None
    return (line.box.y0 + line.box.y1) / 2


def _caption(lines: list[Line], taken: list[Line], left: float, right: float,
             height: float) -> list[Line]:
    """The group just over the table that is its caption: a labelled one (``Table 1.``), or
    a short one centred over it."""
    top = min(top_of(ln) for ln in taken)
    ids = {id(ln) for ln in taken}
    over = sorted((ln for ln in lines if id(ln) not in ids and ln.box is not None
                   and ln.box.y1 <= top + 0.3 * height and top - ln.box.y1 <= CAPTION_GAP * height
                   and ln.box.x1 > left and ln.box.x0 < right), key=lambda ln: -ln.box.y1)  # type: ignore[union-attr]
    if not over:
        return []
    group = [over[0]]
    above = sorted((ln for ln in lines if ln.box is not None and ln.box.y1 <= top_of(over[0])),
                   key=lambda ln: -ln.box.y1)  # type: ignore[union-attr]
    for line in above:
        last = group[-1]
        if len(group) >= CAPTION_LINES or top_of(last) - line.box.y1 > 0.6 * height or (  # type: ignore[union-attr]
                line.font_size != last.font_size) or abs(line.box.x0 - last.box.x0) > 2 * height:  # type: ignore[union-attr]
            break
        group.append(line)
    group.reverse()
    box = bounds(group)
    centred = abs((box.x0 + box.x1) / 2 - (left + right) / 2) <= 0.1 * (right - left) and (
        box.width <= 0.8 * (right - left)) and len(group) <= 2
    return group if TABLE_LABEL.match(group[0].text) or centred else []


def _text(lines: list[Line]) -> str:
    return " ".join(" ".join(LEADERS.sub("", ln.text).split()) for ln in lines).strip()


def table_text(table: Table) -> str:
    """A table's text, caption first, row by row: what its stand-in line in the page's
    reading order says."""
    return " ".join(b.text if isinstance(b, Caption) else " ".join(
        c.text for c in b.blocks if isinstance(c, Cell)) for b in table.blocks
        if isinstance(b, Caption | Row)).strip()


def heads(table: Table) -> list[list[str]]:
    """The texts of a table's heading rows."""
    return [[c.text for c in r.blocks] for r in table.blocks if isinstance(r, Row) and r.header]


def same_heads(a: Table, b: Table) -> bool:
    """Whether two tables have the same heading rows (a table continued on the next page)."""
    return bool(heads(a)) and heads(a) == heads(b)


def continued(a: Table, b: Table) -> Table:
    """``a`` with the body rows of ``b``, its continuation."""
    rows = [r for r in b.blocks if isinstance(r, Row) and not r.header]
    return dataclasses.replace(a, blocks=[*a.blocks, *rows])

