"""A column's lines grouped into provisional paragraphs; drop caps kept apart."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from statistics import median

from copydesk.model.layout import Line
from copydesk.pagelayout.page import REGION_KINDS, STORY_BREAK, top_of

DROP_SIZE = 2.0  # a letter this many times taller than the body's lines is a drop cap
RAISED_SIZE = 1.3  # … and a capital this much taller, with the rest of its word beside it
TYPE_CHANGE = 1.2  # a change of type size by this factor between lines starts a group
FULL_REACH = 0.9  # a line reaching this far across its column is full (running text)
DISPLAY_SIZE = 1.1  # type this much larger than most of a run's is display type


def opens_with_initial(words: list[tuple[str, float]]) -> bool:
    """Whether a line's first word (text, height) is a drop cap the OCR engine glued to the
    words beside it: a single letter ``DROP_SIZE`` times taller than the others."""
    if len(words) < 2 or len(words[0][0]) != 1 or not words[0][0].isalpha():
        return False
    others = median(h for _, h in words[1:])
    return others > 0 and words[0][1] >= DROP_SIZE * others


def is_initial(line: Line, height: float, beside: Line | None = None) -> bool:
    """A drop cap: a single letter much taller than the body's lines (or in a region the
    source calls a drop capital); or a capital a good deal taller with the rest of its word
    beside it (``beside``: the line it opens; ``A`` ``ufklärung``), as old print sets them."""
    text = line.text.strip()
    if len(text) != 1 or not text.isalpha() or line.box is None:
        return False
    if line.box.height >= DROP_SIZE * height or line.region == "drop-capital":
        return True
    return beside is not None and text.isupper() and line.box.height >= RAISED_SIZE * height and (
        beside.text.lstrip()[:1].islower())


def beside_initial(cap: Line, lines: list[Line], height: float) -> list[Line]:
    """The lines set to the right of a (possible) drop cap, level with it, top first."""
    box = cap.box
    assert box is not None
    return sorted((ln for ln in lines if ln is not cap and ln.box is not None
                   and box.x1 - 1 <= ln.box.x0 < box.x1 + 4 * height
                   and box.y0 - height <= ln.box.y0 < box.y1 - 0.3 * height), key=top_of)


def initials(run: list[Line], height: float) -> tuple[list[Line], dict[int, Line], set[int]]:
    """The run without its drop caps; for each drop cap, ``id(first line) -> cap``, the line
    it opens (to its right, level with its top), marked as a drop capital; and the ids of
    the lines set beside it."""
    letters = [ln for ln in run if len(ln.text.strip()) == 1 and ln.box is not None]
    if not letters:
        return run, {}, set()
    opens: dict[int, Line] = {}
    beside: set[int] = set()
    placed: set[int] = set()  # (a big letter with no line beside it stays where it is)
    for cap in letters:
        right = [ln for ln in beside_initial(cap, run, height) if id(ln) not in opens]
        if right and is_initial(cap, height, right[0]):
            placed.add(id(cap))
            opens[id(right[0])] = dataclasses.replace(cap, region="drop-capital")
            beside.update(id(ln) for ln in right[1:])
    return [ln for ln in run if id(ln) not in placed], opens, beside


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
    usual_size = median(ln.font_size or 0.0 for ln in run)
    left = Counter(round(ln.box.x0) for ln in run).most_common(1)[0][0]  # type: ignore[union-attr]
    reach = sorted(ln.box.x1 - left for ln in run)  # type: ignore[union-attr]
    column_width = reach[int(len(reach) * 0.9)] if reach else 1.0
    groups: list[list[Line]] = []
    for i, line in enumerate(run):
        gap = gaps[i - 1] if i else 0.0
        indent = line.box.x0 - left > 0.6 * heights and id(line) not in beside and not (  # type: ignore[union-attr]
            i and run[i - 1].font_size == line.font_size  # (lines of one centred heading)
            and (line.font_size or 0) >= DISPLAY_SIZE * usual_size
            and _centred(run[i - 1], left, column_width, heights)
            and _centred(line, left, column_width, heights)) and not (
            i and (line.font_size or 0) >= DISPLAY_SIZE * usual_size
            and _set_in_alike(run[i - 1], line, left, column_width, heights))
        cap = opens.get(id(line))
        starts = indent or cap is not None or line.blank_before >= STORY_BREAK or (i > 0 and (
            gap > usual_gap + 0.6 * heights or _type_changes(run[i - 1], line)))
        if i and (line.region in REGION_KINDS or run[i - 1].region in ("table", "figure")):
            # a heading or caption region stays whole; a table or picture stands alone
            starts = line.region != run[i - 1].region
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


def _set_in_alike(prev: Line, line: Line, left: float, width: float, height: float) -> bool:
    """Whether ``line`` stands as far in as ``prev``, a full line: a block set in from the
    column's edge (a lead in display type), no first-line indent."""
    return (abs(line.box.x0 - prev.box.x0) <= 0.3 * height  # type: ignore[union-attr]
            and prev.box.x1 - left >= FULL_REACH * width)  # type: ignore[union-attr]


def _centred(line: Line, left: float, width: float, height: float) -> bool:
    """Whether a line stands centred in its column, well in from both edges."""
    before, after = line.box.x0 - left, left + width - line.box.x1  # type: ignore[union-attr]
    return min(before, after) > 0.6 * height and abs(before - after) <= max(2 * height, 0.15 * width)


def _type_changes(a: Line, b: Line) -> bool:
    if a.bold != b.bold or a.italic != b.italic or a.region != b.region or a.story != b.story:
        return True
    if a.font_size and b.font_size:
        return max(a.font_size, b.font_size) > TYPE_CHANGE * min(a.font_size, b.font_size)
    return False
