"""What the readers of positioned OCR (ALTO, PAGE-XML) make of words: a type size from a
word's height and letters, steadied over its block, and a line's text from its words with
a space between two words only where their boxes stand apart."""

from __future__ import annotations

from collections.abc import Hashable
from statistics import median

from copydesk import lazyre
from copydesk.model.layout import Box, Line

# a word's ink height as a share of its type size, by the letters it has: ascenders (and
# capitals, digits), descenders, both or neither (Times-like proportions)
ASCENDERS, DESCENDERS = frozenset("bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), frozenset("gjpqyQ")
INK = {(True, True): 0.9, (True, False): 0.69, (False, True): 0.67, (False, False): 0.46}
BLOCK_SPREAD = 0.4  # an estimated line size this close to its block's takes the block's
TOUCH = 0.2  # punctuation nearer a word than this share of the line's height touches it
PUNCTUATION = lazyre.compile(r"[,.;:!?)\]}»“”„\"'’‘«(\[{-]+")


def em_size(word: str, height: float) -> float:
    """A word's type size estimated from its height and the shapes of its letters (0 for a
    word with no letter or digit)."""
    if height <= 0 or not any(map(str.isalnum, word)):
        return 0.0
    # (the two sets hold letters and digits only: the word's other characters do not count)
    ink = INK[(not ASCENDERS.isdisjoint(word), not DESCENDERS.isdisjoint(word))]
    return height / ink


def may_touch(before: str, after: str) -> bool:
    """Whether two words may be one run of print (``touching``): one is punctuation alone."""
    return bool(PUNCTUATION.fullmatch(before) or PUNCTUATION.fullmatch(after))


def touching(before: tuple[str, Box], after: tuple[str, Box]) -> bool:
    """Whether two words (text, box) with no space stored between them are one run of print:
    one of them is punctuation alone (``pflanzen`` ``,``) and the gap between them is under
    ``TOUCH`` of the line's height (OCR-D's ground truth stores punctuation as words)."""
    if not may_touch(before[0], after[0]):
        return False
    gap = after[1].x0 - before[1].x1
    return gap < TOUCH * max(before[1].height, after[1].height, 1.0)


def joined(words: list[str], glue: list[bool]) -> str:
    """A line's words, a space between each two but where ``glue`` says they touch."""
    out = ""
    for word, touches in zip(words, glue, strict=True):
        if word:
            out += word if touches or not out else " " + word
    return out


def token_confidences(words: list[str], glue: list[bool],
                      confidences: list[float | None]) -> list[float]:
    """The engine's confidence in each space-separated word of ``joined(words, glue)`` (the
    least of the words glued into it), or none when the engine gave none for some word."""
    if not confidences or any(c is None for c in confidences):
        return []
    out: list[float] = []
    for word, touches, conf in zip(words, glue, confidences, strict=True):
        pieces = word.split()
        if not pieces:
            continue
        if touches and out and not word[:1].isspace():
            out[-1] = min(out[-1], conf)  # type: ignore[type-var]
            pieces = pieces[1:]
        out += [round(float(conf), 2)] * len(pieces)  # type: ignore[arg-type]
    return out


def steady_sizes(lines: list[Line], estimated: dict[Hashable, list[tuple[int, float]]],
                 block_ems: dict[Hashable, list[float]]) -> None:
    """Estimated sizes made steady: a line (``estimated``: per block, its index in ``lines``
    and its own estimate) takes its block's size (the median over all the block's words,
    ``block_ems``) unless its own differs by more than ``BLOCK_SPREAD`` (mixed type)."""
    for block, members in estimated.items():
        common = median(block_ems[block])
        for index, own in members:
            if abs(own - common) <= BLOCK_SPREAD * common:
                lines[index].font_size = round(common, 2)
