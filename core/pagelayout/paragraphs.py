"""A column's lines grouped into provisional paragraphs; drop caps kept apart."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from statistics import median

from copydesk.model.layout import Line
from copydesk.pagelayout.page import STORY_BREAK, top_of

DROP_SIZE = 2.0  # a letter this many times taller than the body's lines is a drop cap
TYPE_CHANGE = 1.2  # a change of type size by this factor between lines starts a group


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
            first = min(right, key=top_of)
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
