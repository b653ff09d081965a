"""The ``wordsplits`` cleaner: join a word OCR split after its first capital (``Y ou``, ``K erensky``).

OCR engines (Tesseract above all) often read a space after a capital whose overhang or
kerning reaches over the next letter: ``“Y ou are``, ``Y es``, ``T he``, ``K erensky``. A
single capital other than A, I and O (words of their own), followed by a lower-case fragment,
is joined when the evidence says the two are one word: the joined word is common (Zipf ≥
``KNOWN``, ``wordfreq``) and clearly commoner than the fragment alone (by ``MARGIN``), or the
document itself uses the joined word elsewhere while the fragment is no common word
(``Kerensky``). ``Plan B was``, ``vitamin C is`` or ``T cells`` stay as they are. A
paragraph's first letter set apart is a drop cap the OCR read apart (``T his``, ``O n``,
``A ll``): joined, unless the letter is A, I or O and what follows it a word (``A man``).

Each join is recorded as an edit (kind ``join``) and marked in the text. Runs after ``reflow``.
Use: on by default for print OCR, hOCR and ALTO; ``--no-clean wordsplits``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

from copydesk import Cleaner, Document, Paragraph, hookimpl, iter_blocks, lazyre, walk, wordfreqs
from copydesk.model.nodes import Block, TextBlock
from copydesk.textedit import EditLog

NAME = "wordsplits"
KNOWN = 3.0  # the joined word is at least this common (Zipf scale) …
MARGIN = 0.8  # … and this much commoner than the fragment alone
COMMON = 3.0  # a fragment this common is a word in its own right
SPLIT = lazyre.compile(r"(?<![\w’'.-])([B-HJ-NP-Z]) ([a-z][a-z’']*)\b")
# a paragraph's first letter set apart: a drop cap the OCR read (``T his``, ``O n``, ``A ll``)
OPENING = lazyre.compile(r"^([“\"‘']?[A-Z]) ([a-z][a-z’']*)\b")
# the words of one or two letters (word lists count the pieces of "don't" and "I'll" too)
SHORT_WORDS = frozenset(["a", "i", "o", "am", "an", "as", "at", "be", "by", "do", "go", "he",
                         "if", "in", "is", "it", "me", "my", "no", "of", "oh", "on", "or", "so",
                         "to", "up", "us", "we"])
WORD = lazyre.compile(r"[A-Z][a-z’']+")


def one_word(letter: str, fragment: str, seen: Counter[str]) -> bool:
    """Whether ``letter fragment`` is one word split in two."""
    joined, alone = wordfreqs.zipf((letter + fragment).lower()), wordfreqs.zipf(fragment)
    if joined >= KNOWN and joined - alone >= MARGIN:
        return True
    return seen[letter + fragment] > 0 and alone < COMMON


def opening_split(letter: str, fragment: str) -> bool:
    """Whether a paragraph's first letter and the fragment after it are one word: always for
    a letter that is no word alone; for A, I and O, when the fragment is no word either and
    the two make one (``A ll``, ``O n``, ``A fter``; ``A man``, ``I am``, ``A machinist``
    stay)."""
    if letter[-1] not in "AIO":
        return True
    if len(fragment) <= 2:
        return fragment not in SHORT_WORDS
    return wordfreqs.zipf(letter[-1] + fragment) >= KNOWN and wordfreqs.zipf(fragment) < COMMON


def wordsplits(doc: Document) -> Document:
    log = EditLog(doc, NAME)
    seen: Counter[str] = Counter()
    for block in iter_blocks(doc):
        if isinstance(block, TextBlock):
            seen.update(WORD.findall(block.text))

    def clean(block: Block) -> Block:
        if not isinstance(block, TextBlock) or " " not in block.text:
            return block
        changes = [(m.start(), m.end(), m.group(1) + m.group(2))
                   for m in SPLIT.finditer(block.text) if one_word(m.group(1), m.group(2), seen)]
        first = OPENING.match(block.text) if isinstance(block, Paragraph) else None
        if first and opening_split(first.group(1), first.group(2)) and not (
                changes and changes[0][0] <= first.end()):
            changes.insert(0, (first.start(), first.end(), first.group(1) + first.group(2)))
        if not changes:
            return block
        return log.replace_many(block, changes, "join", "a word split after its first capital")

    out = walk(doc, clean)
    return dataclasses.replace(out, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=wordsplits, after=("reflow",), before=("dropcap", "articles"),
        default_for=("print-ocr", "hocr", "alto", "page"),
        description="join words OCR split after their first capital (Y ou, K erensky)",
    ))
