"""The ``dropcap`` cleaner: restore the letter a drop cap lost at the start of an article.

OCR often misses a drop cap (the large initial letter set into the first lines) and leaves a
gap: `` s Islamic State …`` for "As Islamic State …", `` raqi warplanes …`` for "Iraqi
warplanes …". A paragraph is a candidate when it starts with a lower-case fragment and its
first source line is indented more than the document's lines usually are (or, where the
reader knows the geometry, its first two lines start well right of the lines below), or when a line of a
single capital letter stands just before it (the drop cap read as a line of its own: the
letter is then known, not guessed).

Otherwise every capital is tried before the fragment, and the resulting word scored by how
often it starts a sentence (``sentence_starts.json``: shares of sentence-initial words in
public-domain books), or else by its frequency (``wordfreq``) less ``RARE_START`` (it is not a
usual first word), by how much likelier it is with the word after it than apart (symspellpy's
bigram counts: "An enormous", not "In enormous"; before a named day, "On"), and by how often
the document itself uses it in mid-sentence (names);
words that would make the sentence a question (``Is``, ``Does``…) are left out unless it
ends with ``?``. The letter is restored only when the best word is common enough
(``MIN_ZIPF``; where the page geometry shows the hole, only ``SEEN_MIN_ZIPF``, and only
letters that fit the hole's width: I and J a narrow one, the others a wide one) and clearly
ahead of the next (``MARGIN``). A restored letter is recorded as an edit of kind ``supply``
and marked in the text, so TEI can write it as ``<supplied>``. Use: on by default for print
OCR and the layout readers (PDF, hOCR, ALTO); ``--no-clean dropcap``.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import string
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from statistics import median

from copydesk import Cleaner, Document, Paragraph, hookimpl, lazyre, wordfreqs
from copydesk.model.nodes import FLOATS, Block, Container, TextBlock
from copydesk.plugins.cleaners._ocrchannel import attraction
from copydesk.textedit import EditLog

NAME = "dropcap"
MIN_ZIPF = 2.5
SEEN_MIN_ZIPF = 0.0  # where geometry shows the hole, only which letter is in question
MARGIN = 0.4
DOCUMENT_WEIGHT = 1.5  # weight of the document's own use of a word (names above all)
HOLE, HOLE_WIDTH = 1.5, 6.0  # a drop cap's room: over 1.5 and under 6 line heights wide
NARROW = 0.75  # a room narrower than this share of its depth held an I or a J
RARE_START = 2.0  # Zipf penalty of a word that is not among the usual first words
SENTENCE_STARTS: dict[str, float] = json.loads(
    (Path(__file__).with_name("sentence_starts.json")).read_text(encoding="utf-8"))["share"]
QUESTION_WORDS = frozenset(
    ["is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "shall", "should", "may", "might", "must"])
_FRAGMENT = lazyre.compile(r"([a-z][\w’'-]*)")
# a day named after the first word: a weekday, a month with the day's number ("November
# 9th") or the day's ordinal ("the 11th"): the preposition is "on" ("in November", "in 1917"
# name no day)
_DAY_NEXT = lazyre.compile(
    r"^\W*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"the\s+\d{1,2}(?:st|nd|rd|th)\b|(?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
    r"mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\d))",
    re.IGNORECASE)
DAY_PREPOSITION = 2.0  # Zipf bonus of "On" before a named day
CONTEXT = 1.0  # weight of the first two words' attraction (log10: how much likelier together)
_NEXT_WORD = lazyre.compile(r"\s+([A-Za-z]+)")
_LONE_CAPITAL = lazyre.compile(r"^\s*([A-Z])\s*$")
# a capitalised word after a character that does not end a sentence or open a quotation
_MID_SENTENCE_WORD = lazyre.compile(r"(?<=[^\s.!?…:\"“”‘’'—(])\s+([A-Z][\w’']*)")


def candidates(fragment: str, sentence: str, vocab: Counter[str],
               shape: float | None = None) -> list[tuple[float, str]]:
    """(score, word) for each capital before ``fragment`` (that fits the room of a drop cap of
    ``shape``, where the geometry shows one), best first."""
    question = sentence.rstrip().endswith("?")
    day = bool(_DAY_NEXT.match(sentence[len(fragment):]))
    following = _NEXT_WORD.match(sentence, len(fragment))
    after = following.group(1).lower() if following else None
    out = []
    for letter in string.ascii_uppercase:
        if not fits_hole(letter, shape):
            continue
        word = letter + fragment
        if word.lower() in QUESTION_WORDS and not question:
            continue
        score = start_score(word) + DOCUMENT_WEIGHT * math.log1p(vocab[word])
        if after:  # how much likelier the two words are together than apart ("An enormous")
            score += CONTEXT * attraction(word.lower(), after)
        if day and word == "On":
            score += DAY_PREPOSITION
        out.append((score, word))
    return sorted(out, reverse=True)


def start_score(word: str) -> float:
    """How likely ``word`` is as the first word of a sentence, on the Zipf scale."""
    share = SENTENCE_STARTS.get(word.replace("’", "'"))
    if share:
        return 7 + math.log10(share)
    return wordfreqs.zipf(word) - RARE_START


def choose(fragment: str, sentence: str, vocab: Counter[str],
           least: float = MIN_ZIPF, shape: float | None = None) -> str | None:
    """The restored word, or ``None`` when the evidence is not good enough (the best word
    scoring under ``least``, or not clearly ahead of the next)."""
    ranked = candidates(fragment, sentence, vocab, shape) + [(-99.0, "")]
    (best, word), (second, _) = ranked[0], ranked[1]
    if best >= least and best - second >= MARGIN:
        return word
    return None


def usual_indent(doc: Document) -> int:
    indents = sorted(
        len(ln.text) - len(ln.text.lstrip())
        for b in _text_blocks(doc.blocks) for ln in b.lines
    )
    return indents[(len(indents) - 1) // 2] if indents else 0


def _text_blocks(blocks: list[Block]) -> list[TextBlock]:
    out: list[TextBlock] = []
    for b in blocks:
        if isinstance(b, TextBlock):
            out.append(b)
        elif isinstance(b, Container):
            out.extend(_text_blocks(b.blocks))
    return out


def names_and_words(doc: Document) -> Counter[str]:
    """The document's capitalised words, leaving out the first word of each sentence (whose
    capital says nothing about it): most likely names. Candidates are always capitalised."""
    counts: Counter[str] = Counter()
    for block in _text_blocks(doc.blocks):
        for match in _MID_SENTENCE_WORD.finditer(block.text):
            counts[match.group(1)] += 1
    return counts


def hole(block: Paragraph) -> float | None:
    """Where the paragraph's first two lines start well right of its later lines in the same
    column (page geometry: the room a drop cap took, the letter lost by OCR), the room's width
    over its depth; else ``None``."""
    boxes = [ln.box for ln in block.lines[:6]]
    if len(boxes) < 3 or any(b is None for b in boxes):
        return None
    height = median(b.height for b in boxes)  # type: ignore[union-attr]
    first, second = boxes[0], boxes[1]
    below = [b.x0 for b in boxes[2:] if b.y0 > second.y0  # type: ignore[union-attr]
             and first.x0 - HOLE_WIDTH * height <= b.x0 < first.x0]  # type: ignore[union-attr]
    if not below:
        return None
    base = min(below)
    if not (first.x0 - base > HOLE * height and second.x0 - base > HOLE * height):  # type: ignore[union-attr]
        return None
    beside = [b for b in boxes if b.x0 - base > HOLE * height]  # type: ignore[union-attr]
    depth = beside[-1].y1 - first.y0  # type: ignore[union-attr]
    return (first.x0 - base) / depth if depth > 0 else None  # type: ignore[union-attr]


def fits_hole(letter: str, shape: float | None) -> bool:
    """Whether a capital fits a drop cap's room of this width-to-depth ``shape``: I and J are
    far narrower than any other capital, in any face."""
    if shape is None:
        return True
    return shape < NARROW if letter in "IJ" else shape >= NARROW


def restore(block: Paragraph, letter: str, log: EditLog, note: str) -> Paragraph:
    line = block.lines[0].number if block.lines else None
    return log.replace(block, 0, 0, letter, "supply", "", line, note)


def dropcap(doc: Document) -> Document:
    log = EditLog(doc, NAME)
    indent = usual_indent(doc)
    vocab = names_and_words(doc)

    def visit(blocks: list[Block]) -> list[Block]:
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Container) and not isinstance(block, FLOATS):
                out.append(dataclasses.replace(block, blocks=visit(block.blocks)))
                continue
            if not (isinstance(block, Paragraph) and block.lines):
                out.append(block)
                continue
            fragment = _FRAGMENT.match(block.text)
            lone = _LONE_CAPITAL.match(out[-1].text) if out and isinstance(
                out[-1], Paragraph) else None
            if fragment and lone:
                out.pop()
                out.append(restore(block, lone.group(1), log, "the drop cap's own line"))
                continue
            first = block.lines[0].text
            shape = hole(block)  # the page geometry shows a letter is missing
            if fragment and (shape is not None or len(first) - len(first.lstrip()) > indent):
                sentence = re.split(r"(?<=[.!?])\s", block.text, maxsplit=1)[0]
                word = choose(fragment.group(1), sentence, vocab,
                              MIN_ZIPF if shape is None else SEEN_MIN_ZIPF, shape)
                if word is not None:
                    block = restore(block, word[0], log, f"gap before {fragment.group(1)!r}")
            out.append(block)
        return out

    return dataclasses.replace(doc, blocks=visit(doc.blocks), edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=dropcap, after=("reflow", "dehyphenate"),
        default_for=("print-ocr", "pdf", "alto", "hocr", "page"),
        description="restore letters lost with a drop cap",
    ))
