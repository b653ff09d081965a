"""Source lines of plain-text inputs: reading them, grouping them, measuring them.

Readers of line-oriented text (plain text, print OCR) share these, so every such reader keeps
the same facts about each line: its exact text, its number, the blank lines before it, and how
full it is relative to the column it sits in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from statistics import median

from copydesk import lazyre
from copydesk.model.layout import Line
from copydesk.model.nodes import FLOATS, Block, Container, Mark, Paragraph

WIDTH_WINDOW = 12  # lines each side that define a line's column
WIDTH_STEP = 5  # lines between two measurements of the column width
SPLIT_END = lazyre.compile(r"[^\W\d_]-$")  # a word split at the line end: "fight-"
SENTENCE_END = lazyre.compile(r"[.!?:…][\"'”’»)\]]*$")
_CLOSERS = "\"'”’»)]"


def split_end(text: str) -> bool:
    """Whether ``text`` (right-stripped) ends with a word split at the line end."""
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


_CLOSED_END = lazyre.compile(r"\S[—–]$|(?:^|\s)(?:https?://|www\.)\S*/$|(?:^|\s)https?://$")


def closed_end(text: str) -> bool:
    """Whether ``text`` (right-stripped) ends where the next line goes on with no space: a
    dash set close to its word (``restoration—``, ``737–``; a spaced dash is followed by a
    space) or a web address broken after a slash (``https://``, ``example.org/news/``)."""
    return text[-1:] in ("—", "–", "/") and bool(_CLOSED_END.search(text))


def sentence_end(text: str) -> bool:
    """Whether ``text`` (right-stripped) ends a sentence (closing quotes and brackets aside,
    with or without spaces between them: ``exist?’ ”``)."""
    return text.rstrip(_CLOSERS + " ")[-1:] in (".", "!", "?", ":", "…") if text else False


def source_lines(text: str) -> Iterator[Line | None]:
    """The text's non-blank lines as :class:`Line` hints; ``None`` marks a form feed (new page)."""
    blanks = 0
    for number, raw in enumerate(text.split("\n"), 1):
        for i, part in enumerate(raw.split("\f")):
            if i:
                yield None
            if not part.strip():
                blanks += 1
                continue
            yield Line(text=part, number=number, blank_before=blanks)
            blanks = 0


def group_lines(text: str) -> list[list[Line] | None]:
    """Runs of lines between blank lines; ``None`` stands for a page break."""
    groups: list[list[Line] | None] = []
    current: list[Line] = []
    for line in source_lines(text):
        if line is None or line.blank_before:
            if current:
                groups.append(current)
                current = []
            if line is None:
                groups.append(None)
                continue
        current.append(line)
    if current:
        groups.append(current)
    return groups


def join_stripped(lines: list[Line]) -> str:
    """The lines' words joined with single spaces."""
    return " ".join(word for line in lines for word in line.text.split())


def column_widths(lengths: list[int]) -> list[int]:
    """For each line length, the width of the column it sits in, from its neighbours.

    The width is the longest line among the ``WIDTH_WINDOW`` lines each side whose length is
    not far above the window's median (so a wide caption does not widen a narrow column).
    It is measured every ``WIDTH_STEP`` lines and holds for the lines around that point.
    """
    widths: list[int] = []
    for centre in range(WIDTH_STEP // 2, len(lengths) + WIDTH_STEP, WIDTH_STEP):
        if len(widths) >= len(lengths):
            break
        window = lengths[max(0, centre - WIDTH_WINDOW) : centre + WIDTH_WINDOW + 1] or [1]
        mid = median(window)
        width = max((n for n in window if n <= mid * 1.35 + 2), default=1)
        widths.extend([width] * min(WIDTH_STEP, len(lengths) - len(widths)))
    return widths


def measured_groups(text: str, first_line: int = 1) -> list[list[Line] | None]:
    """:func:`group_lines` with each line's ``fill`` set: its length relative to the width of
    its column (:func:`column_widths`); lines are numbered from ``first_line``."""
    raw: list[tuple[int, str, int] | None] = []  # (number, text, blank lines before) or a page
    blanks = 0
    for number, line in enumerate(text.split("\n"), first_line):
        parts = line.split("\f") if "\f" in line else (line,)
        for i, part in enumerate(parts):
            if i:
                raw.append(None)
            if part.strip():
                raw.append((number, part, blanks))
                blanks = 0
            else:
                blanks += 1
    lengths = [len(r[1].rstrip()) for r in raw if r is not None]
    widths = iter(column_widths(lengths))
    lengths_iter = iter(lengths)
    groups: list[list[Line] | None] = []
    current: list[Line] = []
    for item in raw:
        if item is None or item[2]:
            if current:
                groups.append(current)
                current = []
            if item is None:
                groups.append(None)
                continue
        n, w = next(lengths_iter), next(widths)
        current.append(Line(text=item[1], number=item[0], blank_before=item[2],
                            fill=round(n / w, 3) if w else 1.0))
    if current:
        groups.append(current)
    return groups


def join_lines(lines: list[Line]) -> tuple[str, list[Mark]]:
    """The lines' text as one run, each line end a zero-width ``break`` mark.

    Words are separated by single spaces; a word split at a line end keeps its hyphen and is
    joined without a space (``dehyphenate`` decides later whether the hyphen stays).
    """
    text, marks = "", []
    for line in lines:
        piece = line.text.strip()
        if "  " in piece or "\t" in piece:
            piece = " ".join(piece.split())
        if text:
            marks.append(Mark(kind="break", start=len(text), end=len(text)))
            if not split_end(text) and not closed_end(text):
                text += " "
        text += piece
    return text, marks


def is_line_group(block: Block) -> bool:
    """Whether ``block`` is a group of source lines not yet rebuilt into a paragraph."""
    return isinstance(block, Paragraph) and bool(block.lines) and not block.marks


def map_line_groups(blocks: list[Block], fn: Callable[[Paragraph], list[Block]]) -> list[Block]:
    """``blocks`` with every line group replaced by ``fn(group)``, inside containers too
    (figures aside); other blocks are kept as they are."""
    out: list[Block] = []
    for block in blocks:
        if is_line_group(block):
            out.extend(fn(block))  # type: ignore[arg-type]
        elif isinstance(block, Container) and not isinstance(block, FLOATS):
            out.append(dataclasses.replace(block, blocks=map_line_groups(block.blocks, fn)))
        else:
            out.append(block)
    return out
