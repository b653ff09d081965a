"""The ``wordsplits`` cleaner: join a word OCR split after its first capital (``Y ou``, ``K erensky``).

OCR engines (Tesseract above all) often read a space after a capital whose overhang or
kerning reaches over the next letter: ``“Y ou are``, ``Y es``, ``T he``, ``K erensky``. A
single capital other than A, I and O (words of their own), followed by a lower-case fragment,
is joined when the evidence says the two are one word: the joined word is common (Zipf ≥
``KNOWN``, ``wordfreq``) and clearly commoner than the fragment alone (by ``MARGIN``), or the
document itself uses the joined word elsewhere while the fragment is no common word
(``Kerensky``). ``Plan B was``, ``vitamin C is`` or ``T cells`` stay as they are.

Each join is recorded as an edit (kind ``join``) and marked in the text. Runs after ``reflow``.
Use: on by default for print OCR, hOCR and ALTO; ``--no-clean wordsplits``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

from copydesk import Cleaner, Document, hookimpl, iter_blocks, lazyre, walk, wordfreqs
from copydesk.model.nodes import Block, TextBlock
from copydesk.textedit import EditLog

NAME = "wordsplits"
KNOWN = 3.0  # the joined word is at least this common (Zipf scale) …
MARGIN = 0.8  # … and this much commoner than the fragment alone
COMMON = 3.0  # a fragment this common is a word in its own right
SPLIT = lazyre.compile(r"(?<![\w’'.-])([B-HJ-NP-Z]) ([a-z][a-z’']*)\b")
WORD = lazyre.compile(r"[A-Z][a-z’']+")


def one_word(letter: str, fragment: str, seen: Counter[str]) -> bool:
    """Whether ``letter fragment`` is one word split in two."""
    joined, alone = wordfreqs.zipf((letter + fragment).lower()), wordfreqs.zipf(fragment)
    if joined >= KNOWN and joined - alone >= MARGIN:
        return True
    return seen[letter + fragment] > 0 and alone < COMMON


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
