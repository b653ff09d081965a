"""Columns inside one of an OCR engine's blocks, found from its words.

An engine sometimes makes one block, and even one line, of two columns whose lines happen to
stand level: a sidebar of key figures beside the text of a research note comes out as lines
that run from the sidebar's label across the gutter into the text. The page layout cannot
part such lines; the words can: a vertical strip no word of the block crosses, from its top
to its foot, is a gutter. The block is cut there only on strong evidence, and never into a
table's columns or off a column of markers:

- the strip is at least ``GUTTER`` word heights wide (a word space is a third of one);
- the text on each side of it stands in at least ``SIDE_LINES`` lines;
- one side is running text (on average ``TEXT_WORDS`` words or more a line) and the other
  is more than a column of markers, numbers or single cells (``SIDE_WORDS`` words a line):
  a table's columns, a transcript's ``Q.``/``A.`` and a list's numbers stay in their rows;
- and the two sides are columns of their own: their lines stand level only by chance (the
  feet of their words on one line differ by ``LEVEL`` of a word height or more, at the
  median line), or both are running text. A form's or a table's row is level by design,
  and reads across.

A rule between the columns that the engine read as a word (``|``) neither bridges the gutter
nor stays in the text once the block is cut there. A column rule the engine found as such
(hOCR's ``ocr_separator``, ALTO's ``GraphicalElement``) is evidence enough on its own, where
it is one (``column_rules``: long, and parting the text into columns of one width, as a
newspaper's are; a table's part cells of any width): a block it runs through from top to
foot, with words on both sides, is cut at it (``rule_gutters``).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

GUTTER = 0.8
SIDE_LINES = 3
TEXT_WORDS = 5.0
SIDE_WORDS = 2.0
LEVEL = 0.2
MANY_BLOCKS = 4  # on a page of this many blocks or more …
WIDE = 1.3  # … a block's own columns are sought only where it is this much wider than most


def worth_seeking(lines: int, width: float, widths: Sequence[float]) -> bool:
    """Whether a block of ``lines`` lines, ``width`` wide, on a page whose blocks are
    ``widths`` wide, may hold columns of its own: a block of some lines on a page of few
    blocks, or one much wider than most (a newspaper's column blocks are not worth the
    words; an unknown width is looked into)."""
    return lines >= 2 * SIDE_LINES and (
        len(widths) < MANY_BLOCKS or not width or width >= WIDE * median(widths))


RULE_GLYPHS = frozenset("|¦│┃‖")  # a vertical rule, read as a word


def is_rule_glyph(text: str) -> bool:
    """Whether a word is only a vertical rule's trace (``|``)."""
    text = text.strip()
    return bool(text) and all(c in RULE_GLYPHS for c in text)


def at_gutter(x0: float, x1: float, gutters: Sequence[float], reach: float) -> bool:
    """Whether a word from ``x0`` to ``x1`` stands within ``reach`` of a gutter's middle."""
    middle = (x0 + x1) / 2
    return any(abs(middle - g) <= reach for g in gutters)


# a word as its left and right edges, its top and its foot, in any one unit
Word = tuple[float, float, float, float]


def word_gutters(lines: Sequence[Sequence[Word]]) -> list[float]:
    """Where to cut a block's lines (each given as its words) into columns: the x of each
    gutter's middle, left to right (empty: the block is one column)."""
    words = [w for line in lines for w in line]
    if not words:
        return []
    height = median(w[3] - w[2] for w in words)
    spans = sorted((w[0], w[1]) for w in words)
    clear: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= GUTTER * height:
            clear.append((reach, x0))
        reach = max(reach, x1)
    if not clear:
        return []
    cuts = [(a + b) / 2 for a, b in clear]
    # words per line of each segment between two clear strips
    segments = [_words_per_line(lines, lo, hi) for lo, hi in zip(
        [float("-inf"), *cuts], [*cuts, float("inf")], strict=True)]
    kept = []
    for i, cut in enumerate(cuts):
        (left_lines, left_words), (right_lines, right_words) = segments[i], segments[i + 1]
        if min(left_lines, right_lines) < SIDE_LINES:
            continue
        if max(left_words, right_words) < TEXT_WORDS or min(left_words, right_words) < SIDE_WORDS:
            continue
        if min(left_words, right_words) >= TEXT_WORDS or _offset(
                lines, cuts[i - 1] if i else float("-inf"), cut,
                cuts[i + 1] if i + 1 < len(cuts) else float("inf")) >= LEVEL * height:
            kept.append(cut)
    return kept


RULE_COVERS = 0.8  # a rule runs through a block over this share of its height at least
UPRIGHT = 3.0  # a column rule is this many times as tall as it is wide at least


COLUMN_RULE = 0.3  # a column rule runs down this share of the text's height at least
EVEN = 1.25  # … and the columns it parts are this even: the widest this many times the narrowest
EDGE = 0.05  # a rule this near the text's edge (a share of its width) borders it, parts nothing


def column_rules(rules: Sequence[Word], lines: Sequence[Word]) -> list[Word]:
    """The upright ``rules`` (as words' edges) that part a page's text (its ``lines``, as
    words' edges) into columns: long, and parting it into columns of one width, as a
    newspaper sets them (a table's or a chart's rules part cells of any width)."""
    if not lines:
        return []
    left, right = min(ln[0] for ln in lines), max(ln[1] for ln in lines)
    top, foot = min(ln[2] for ln in lines), max(ln[3] for ln in lines)
    width = right - left
    long = [r for r in rules if r[3] - r[2] >= max(UPRIGHT * (r[1] - r[0]), COLUMN_RULE * (
        foot - top)) and left + EDGE * width < (r[0] + r[1]) / 2 < right - EDGE * width]
    if not long:
        return []
    middles: list[float] = []
    for x in sorted((r[0] + r[1]) / 2 for r in long):
        if not middles or x - middles[-1] > EDGE * width:
            middles.append(x)
    widths = [b - a for a, b in zip([left, *middles], [*middles, right], strict=True)]
    return long if max(widths) <= EVEN * min(widths) else []


def rule_gutters(lines: Sequence[Sequence[Word]], rules: Sequence[Word],
                 gutters: Sequence[float] = ()) -> list[float]:
    """``gutters`` (found from the words) and the x of each upright rule (given as its edges,
    top and foot, as words are) that runs through the block of ``lines`` from its top to its
    foot, with words on both sides, unless one of those stands within a word height."""
    words = [w for line in lines for w in line]
    if not words:
        return list(gutters)
    top, foot = min(w[2] for w in words), max(w[3] for w in words)
    height = median(w[3] - w[2] for w in words)
    cuts = list(gutters)
    for x0, x1, y0, y1 in rules:
        middle = (x0 + x1) / 2
        if (y1 - y0 >= UPRIGHT * (x1 - x0) and min(y1, foot) - max(y0, top) >= RULE_COVERS * (
                foot - top) and any((w[0] + w[1]) / 2 < middle for w in words)
                and any((w[0] + w[1]) / 2 > middle for w in words)
                and all(abs(middle - g) > height for g in gutters)):
            cuts.append(middle)
    return sorted(cuts)


def _offset(lines: Sequence[Sequence[Word]], lo: float, cut: float, hi: float) -> float:
    """How far apart the feet of a line's words left of ``cut`` (from ``lo``) and right of
    it (to ``hi``) stand, at the median of the lines with words on both sides."""
    offsets = []
    for line in lines:
        left = [w[3] for w in line if lo < (w[0] + w[1]) / 2 < cut]
        right = [w[3] for w in line if cut < (w[0] + w[1]) / 2 < hi]
        if left and right:
            offsets.append(abs(median(left) - median(right)))
    return median(offsets) if offsets else float("inf")


def _words_per_line(lines: Sequence[Sequence[Word]], lo: float, hi: float) -> tuple[int, float]:
    """How many lines have words between ``lo`` and ``hi`` (by their middles), and how many
    such words each of them has on average."""
    counts = [n for line in lines
              if (n := sum(1 for w in line if lo < (w[0] + w[1]) / 2 < hi))]
    return len(counts), (sum(counts) / len(counts) if counts else 0.0)


def column_of(x0: float, x1: float, gutters: Sequence[float]) -> int:
    """The column (0 from the left) a word from ``x0`` to ``x1`` stands in, between
    ``gutters``."""
    middle = (x0 + x1) / 2
    return sum(middle > g for g in gutters)
