"""Reading order from the text blocks an OCR engine (or a PDF's layout analysis) found.

An engine that groups lines into blocks (hOCR ``ocr_carea``, ALTO ``TextBlock``, PAGE-XML
``TextRegion``, pdfminer's text boxes) has already told columns, captions, sidebars and decks
apart, with the picture in front of it. Its blocks are the first evidence: the lines of one
block are never interleaved with another's. The blocks are put in reading order by a
topological sort (after Breuel, *High performance document layout analysis*, 2003): a block
goes before another that stands under it, sharing a good part of its width; where that leaves
the order open, the engine's own order decides (it is kept wherever it does not put a block
after one under it). Measured on real pages (``benchmarks/evaluate_scans.py``,
``evaluate_alto_articles.py``), the engine's order is the better evidence for the rest:
Breuel's second rule ("left of, unless a third block between them reaches across both") put
price boxes beside a masthead after the columns under them (region order agreement on
newspaper pages 0.83 against 0.97), and even "left of and level with" lost article precision
on a skewed 1824 page (0.82 against 0.94). Where the source's order says nothing (pdfminer's
boxes), Breuel's rules order the blocks, with rules on the page as bridges too. The engine's boundaries are overruled only on strong evidence: a block
whose lines fall into columns with a clear gutter between them is read column by column, and
a block the source stores twice at the same place is read once; a block whose lines the
engine ran across a gutter (a sidebar level with the text) or a column rule is cut there by
the readers, from its words (``wordgutters``). A column rule also parts the reading order:
what stands beside it on its left is read before what stands beside it on its right, down to
a rule or a line across it (an engine that ran blocks across columns lists their pieces out
of turn: region order on the NZZ pages, held out, 0.911 -> 0.919).
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
from statistics import median

from copydesk.model.layout import Box, Line
from copydesk.pagelayout.columns import SPAN, column_edges, reading_order, same_baseline
from copydesk.pagelayout.page import REGION_KINDS, STORY_BREAK, Page, bounds, top_of
from copydesk.pagelayout.paragraphs import beside_initial, is_initial
from copydesk.pagelayout.wordgutters import column_rules as grid_rules

SHARE = 0.3  # a block under another sharing this much of the narrower one's width follows it
SPLIT_LINES = 6  # a block needs this many lines before its own columns are looked for
SAME_PLACE = 0.9  # two blocks whose boxes overlap this much, with the same text, are one


@dataclasses.dataclass
class _Block:
    index: int
    lines: list[Line]
    box: Box


def has_blocks(page: Page) -> bool:
    """Whether the page's source grouped its lines into blocks worth following (two or more)."""
    return sum(1 for block in page.blocks if block) >= 2


def block_runs(page: Page, body: set[int]) -> list[tuple[list[Line], tuple[float, float]]]:
    """The page's body lines (``body``: their ids) as runs in reading order, block by block,
    each with the left and right edges of the column it stands in."""
    seen: set[int] = set()
    groups: list[list[Line]] = []
    for block in page.blocks:
        lines = [ln for ln in block if id(ln) in body and ln.box is not None and id(ln) not in seen]
        seen.update(id(ln) for ln in lines)
        if lines:
            groups.append(lines)
    groups += [[ln] for ln in page.lines if id(ln) in body and id(ln) not in seen and ln.box]
    groups = _initials_joined(_once(groups))
    blocks = [_Block(i, g, bounds(g)) for i, g in enumerate(groups)]
    runs: list[list[Line]] = []
    rules = [r for r in page.rules if r.width > r.height]
    columns = column_rules(page)
    for block in blocks if page.order_given else order(blocks, page.blocks_ordered, rules,
                                                        columns):
        parts = reading_order(block.lines) if len(block.lines) >= SPLIT_LINES else [
            same_baseline(sorted(block.lines, key=top_of))]
        runs += [part for part in parts if part]
    runs = _numbered(_story_breaks(_columns_joined(runs), page))
    return list(zip(runs, column_extents(runs), strict=True))


def _numbered(runs: list[list[Line]]) -> list[list[Line]]:
    """Each line that stands in one column given that column's number (as the line-level
    reading order does), on pages of several columns."""
    lines = [ln for run in runs for ln in run]
    edges = column_edges(lines)
    if not edges:
        return runs
    width = (max(ln.box.x1 for ln in lines) - min(ln.box.x0 for ln in lines)) / (len(edges) + 1)  # type: ignore[union-attr]
    return [[ln if ln.box is None or ln.box.width > SPAN * width else dataclasses.replace(
        ln, column=sum((ln.box.x0 + ln.box.x1) / 2 > e for e in edges) + 1) for ln in run]
        for run in runs]


def _columns_joined(runs: list[list[Line]]) -> list[list[Line]]:
    """Runs read one after the other down the same column made one, so that paragraphs are
    cut by the gaps and indents between the blocks as within them (a block boundary alone
    says nothing: an engine also starts one at a picture's edge or a change of type). Runs
    of regions the source typed otherwise, or as headings, captions or drop caps, and runs of
    different stories (a METS issue's articles) stay apart."""
    heights = [ln.box.height for run in runs for ln in run if ln.box]
    if not heights:
        return runs
    height = median(heights)
    out: list[list[Line]] = []
    for run in runs:
        region, last = run[0].region, out[-1][-1] if out else None
        if last is not None and region == last.region and region not in REGION_KINDS and (
                run[0].story == last.story):
            above, box = bounds(out[-1]), bounds(run)
            if (0 <= box.y0 - above.y1 + 0.3 * height <= 3.3 * height
                    and _x_shared(above, box) >= 0.5 * min(above.width, box.width)):
                out[-1] = out[-1] + run
                continue
        out.append(list(run))
    return out


def column_extents(runs: list[list[Line]]) -> list[tuple[float, float]]:
    """For each run, the edges of the column it stands in: its own, widened to those of the
    nearest runs over and under it that share its width (a heading centred in its column
    is told by them), leaving out runs much wider than most (headlines across columns)."""
    boxes = [bounds(run) for run in runs]
    if not boxes:
        return []
    usual = median(b.width for b in boxes)
    out = []
    for box in boxes:
        near = [b for b in boxes if b is not box and b.width <= SPAN * usual
                and _x_shared(b, box) >= 0.8 * box.width]
        over = max((b for b in near if b.y1 <= box.y0), key=lambda b: b.y1, default=None)
        under = min((b for b in near if b.y0 >= box.y1), key=lambda b: b.y0, default=None)
        edges = [box, *(b for b in (over, under) if b is not None)]
        out.append((min(b.x0 for b in edges), max(b.x1 for b in edges)))
    return out


def interleaved(runs: list[list[Line]], blocks: list[list[Line]]) -> bool:
    """Whether an order of lines reads some block of three lines or more in three pieces or
    more, at least one for every two of its lines: across it and another, line by line (a
    column break cuts a block in two, no more)."""
    owner = {id(ln): i for i, block in enumerate(blocks) for ln in block}
    sizes = [len(block) for block in blocks]
    pieces = [0] * len(blocks)
    last = None
    for line in (ln for run in runs for ln in run):
        i = owner.get(id(line))
        if i is not None and i != last:
            pieces[i] += 1
        last = i
    return any(n >= 3 and 2 * pieces[i] >= n and pieces[i] >= 3 for i, n in enumerate(sizes))


def order(blocks: list[_Block], ordered: bool = True, rules: list[Box] | None = None,
          columns: list[Box] | None = None) -> list[_Block]:
    """Blocks in reading order: the two geometric rules first, the engine's order after.
    Where the source's order says nothing (``ordered`` false: pdfminer lists its boxes top
    to bottom), Breuel's own second rule decides: a block goes before any block wholly to
    its right unless a third, or a rule (``rules``), between them reaches across both.
    A column rule (``columns``: upright rules down a good part of the page) parts columns
    whatever the source's order: a block beside it on its left goes before one beside it on
    its right (an engine that ran blocks across columns lists their pieces out of turn)."""
    bridges = [b.box for b in blocks] + list(rules or ())
    after: list[set[int]] = [set() for _ in blocks]  # i -> blocks that must come after i
    before_count = [0] * len(blocks)
    for a in blocks:
        for b in blocks:
            if a is b:
                continue
            if any(_beside(a.box, r, b.box) for r in columns or ()):
                follows = True
            elif ordered:
                follows = _above(a.box, b.box)
            else:
                follows = _above(a.box, b.box) or (_left_of(a.box, b.box) and not _bridged(
                    a.box, b.box, bridges))
            if follows and b.index not in after[a.index]:
                after[a.index].add(b.index)
                before_count[b.index] += 1
    ready = [i for i, n in enumerate(before_count) if n == 0]
    heapq.heapify(ready)
    done: list[_Block] = []
    placed = [False] * len(blocks)
    while len(done) < len(blocks):
        if not ready:  # a cycle (boxes that overlap): the engine's order breaks it
            heapq.heappush(ready, next(i for i in range(len(blocks)) if not placed[i]
                                       and before_count[i] >= 0))
        i = heapq.heappop(ready)
        if placed[i]:
            continue
        placed[i] = True
        before_count[i] = -1
        done.append(blocks[i])
        for j in after[i]:
            if not placed[j]:
                before_count[j] -= 1
                if before_count[j] == 0:
                    heapq.heappush(ready, j)
    return done


def _x_shared(a: Box, b: Box) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))


def _above(a: Box, b: Box) -> bool:
    """``a`` stands over ``b`` and they share a good part of the narrower one's width."""
    return (a.y0 + a.y1) / 2 < b.y0 and _x_shared(a, b) >= SHARE * min(a.width, b.width) > 0


def column_rules(page: Page) -> list[Box]:
    """The page's column rules (``wordgutters.column_rules``), each cut where a rule or a line
    across it closes a band of stories (the columns under it are others: a headline over
    two columns, with a story under it, reads after the columns above it)."""
    boxes = [ln.box for ln in page.lines if ln.box is not None]
    upright = {(r.x0, r.x1, r.y0, r.y1): r for r in page.rules}
    chosen = grid_rules(list(upright), [(b.x0, b.x1, b.y0, b.y1) for b in boxes])
    if not chosen:
        return []
    across = [r for r in page.rules if r.width > r.height] + boxes  # (those across a rule cut it)
    out = []
    for edges in chosen:
        rule = upright[edges]
        cuts = sorted((r.y0 + r.y1) / 2 for r in across
                      if r.x0 < rule.x0 and r.x1 > rule.x1 and rule.y0 < (r.y0 + r.y1) / 2 < rule.y1)
        ends = [rule.y0, *cuts, rule.y1]
        out += [dataclasses.replace(rule, y0=top, y1=foot)
                for top, foot in itertools.pairwise(ends) if foot > top]
    return out


def _beside(a: Box, rule: Box, b: Box) -> bool:
    """Whether ``a`` stands left of the upright ``rule`` and ``b`` right of it, both mostly
    within its height."""
    def along(box: Box) -> bool:
        return min(box.y1, rule.y1) - max(box.y0, rule.y0) >= 0.5 * box.height

    middle = (rule.x0 + rule.x1) / 2
    return a.x1 <= middle + 0.5 * rule.width <= b.x0 + rule.width and along(a) and along(b)


def _left_of(a: Box, b: Box) -> bool:
    return a.x1 <= b.x0 + 0.1 * min(a.width, b.width)


def _bridged(a: Box, b: Box, bridges: list[Box]) -> bool:
    """Whether a block or rule lies between ``a`` and ``b`` (under the higher, over the
    lower) and reaches across both (a headline over two columns, a rule closing them)."""
    upper, lower = (a, b) if a.y0 <= b.y0 else (b, a)
    if upper.y1 > lower.y0:  # level with each other: nothing can stand between
        return False
    return any(c is not a and c is not b and c.y0 >= upper.y1 - 1 and c.y1 <= lower.y0 + 1
               and _x_shared(c, a) > 0 and _x_shared(c, b) > 0 for c in bridges)


def _once(groups: list[list[Line]]) -> list[list[Line]]:
    """The groups without a second copy of one (same text at the same place)."""
    kept: list[list[Line]] = []
    seen: list[tuple[Box, str]] = []
    for group in groups:
        box, text = bounds(group), " ".join(" ".join(ln.text.split()) for ln in group)
        if any(t == text and _covers(box, b) for b, t in seen):
            continue
        seen.append((box, text))
        kept.append(group)
    return kept


def _covers(a: Box, b: Box) -> bool:
    inter = _x_shared(a, b) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
    return inter >= SAME_PLACE * max(a.width * a.height, b.width * b.height, 1e-6)


def _initials_joined(groups: list[list[Line]]) -> list[list[Line]]:
    """A drop cap the engine made a block of its own joins the block it opens (the one to
    its right, level with its top), so that the paragraph finds it."""
    heights = [ln.box.height for g in groups for ln in g if ln.box and len(ln.text.strip()) > 1]
    if not heights:
        return groups
    height = median(heights)
    out = [list(g) for g in groups]
    for group in list(out):
        if len(group) != 1 or len(group[0].text.strip()) != 1 or group[0].box is None:
            continue
        others = [ln for g in out if g is not group for ln in g]
        right = beside_initial(group[0], others, height)
        if right and is_initial(group[0], height, right[0]):
            next(g for g in out if right[0] in g).insert(0, group[0])
            out.remove(group)
    return out


def _story_breaks(runs: list[list[Line]], page: Page) -> list[list[Line]]:
    """The first run read under a rule across columns (nothing between them) opens a story
    (``blank_before`` ``STORY_BREAK``), as in the line-level reading order."""
    if not page.rules or not runs:
        return runs
    widths = [bounds(run).width for run in runs]
    usual = median(widths)
    across = [r for r in page.rules if r.width > SPAN * usual > r.height]
    first_top = min(top_of(run[0]) for run in runs)
    used: set[int] = set()  # a rule opens one story: the first run read under it
    out = []
    for run in runs:
        head = run[0].box
        assert head is not None
        ruled = [i for i, r in enumerate(across) if i not in used and r.y1 <= head.y0
                 and r.y0 > first_top and _x_shared(r, head) > 0 and not any(
                     ln.box and r.y1 <= ln.box.y0 < head.y0 and _x_shared(ln.box, head) > 0
                     for other in runs for ln in other)]
        used.update(ruled)
        out.append([dataclasses.replace(run[0], blank_before=STORY_BREAK), *run[1:]]
                   if ruled else run)
    return out
