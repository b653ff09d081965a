"""The ``boilerplate`` cleaner: running heads, folios and page numbers out of the body.

Looks at the first and last line groups of every page (pages are split at form feeds). A
group of one or two lines there is page furniture when

- it is a folio: a page number alone, dressed or not (``7``, ``— 7 —``, ``Page 7``, ``A7``,
  ``Page 7 of 24``);
- its text, digits aside, comes back at the top or the bottom of another page (a running
  head or foot: found by repetition); or
- it is one line set as a running head: parts set apart (a wide gap, a bar or a bullet), a
  number or date in it, and no sentence ending it (``THE DAILY HERALD    Tuesday, May 3
  Page 7``, ``31 | Culture | May 3, 2015 | The Gazette``); or, with neither, two or three
  short labels, one in capitals, and no stop at all (``BUSINESS      The Evening Post``).

Furniture becomes a ``Boilerplate`` block (``reason`` says which), kept so nothing is lost and
recorded as an edit of kind ``boilerplate``; writers leave it out. Use: on by default for
print OCR; ``--no-clean boilerplate``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable

from copydesk import Boilerplate, Cleaner, Document, PageBreak, Paragraph, hookimpl, lazyre
from copydesk.model.nodes import Block
from copydesk.textedit import EditLog
from copydesk.textlines import SENTENCE_END, is_line_group

NAME = "boilerplate"
FOLIO = lazyre.compile(r"^[\W_]*(?:(?:page|p\.|seite)\s*)?[A-Z]?\d{1,4}[A-Z]?"
                       r"(?:\s+(?:of|von|de|sur)\s+\d{1,4})?[\W_]*$", re.IGNORECASE)
DATE = lazyre.compile(r"\b(?:1[6-9]|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                  r"[a-z]*\.?\s+\d{1,2}\b|\bPage\s+\d+", re.IGNORECASE)
MAX_LINES = 2
# a running head's parts: set apart by a wide gap, or by a bar or bullet between spaces
# ("News  38  May 3", "31 | Culture | May 3, 2015 | The Gazette")
PARTS = lazyre.compile(r"\S(?:\s{2,}|\s+[|•·]\s+)\S")
SEPARATOR = lazyre.compile(r"\s{2,}|\s+[|•·]\s+")
MAX_PART_WORDS = 4  # words in each part of a running head that names no page or date


def shape(text: str) -> str:
    """The text with digits folded, for finding the same head on every page."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def reason(block: Paragraph, repeated: set[str]) -> str | None:
    text = " ".join(block.text.split())
    if FOLIO.match(text):
        return "folio"
    if shape(text) in repeated:
        return "running-head"
    raw = block.lines[0].text.strip()
    if len(block.lines) == 1 and PARTS.search(raw) and not SENTENCE_END.search(raw) and (
            DATE.search(raw) or re.search(r"\d", raw) or _labels(raw)):
        return "running-head"
    return None


def _labels(raw: str) -> bool:
    """Whether a line is made of short labels set apart, one in capitals, and no sentence's
    stop: a section and the paper's name (``BUSINESS      The Evening Post``)."""
    parts = SEPARATOR.split(raw)
    return 2 <= len(parts) <= 3 and not re.search(r"[.!?;:]", raw) and all(
        1 <= len(p.split()) <= MAX_PART_WORDS for p in parts) and any(
        p.isupper() and sum(c.isalpha() for c in p) >= 4 for p in parts)


def pages(blocks: list[Block]) -> list[list[int]]:
    """Indexes of the line groups of each page, in order."""
    out: list[list[int]] = [[]]
    for i, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            out.append([])
        elif is_line_group(block):
            out[-1].append(i)
    return [p for p in out if p]


def boilerplate(doc: Document) -> Document:
    log = EditLog(doc, NAME)
    blocks = list(doc.blocks)
    edges = [i for page in pages(blocks) for i in {page[0], page[-1]}
             if len(blocks[i].lines) <= MAX_LINES]  # type: ignore[attr-defined]
    counts = Counter(shape(blocks[i].text) for i in edges)  # type: ignore[attr-defined]
    repeated = {s for s, n in counts.items() if n >= 2 and len(s) >= 3}
    for i in edges:
        block = blocks[i]
        assert isinstance(block, Paragraph)
        why = reason(block, repeated)
        if why:
            log.add("boilerplate", block.text, "", block.lines[0].number, why)
            blocks[i] = Boilerplate(text=block.text, lines=block.lines, reason=why)
    return dataclasses.replace(doc, blocks=blocks, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=boilerplate, before=("captions", "bylines", "reflow"),
        default_for=("print-ocr",), description="running heads, folios, page numbers out",
    ))
