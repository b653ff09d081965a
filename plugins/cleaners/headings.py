"""The ``headings`` cleaner: recognise headlines in print OCR before paragraphs are rebuilt.

A headline is a group of at most ``MAX_LINES`` lines between blank lines, of at most
``MAX_WORDS`` words, set in title case or capitals (most words capitalised, small words
aside), that ends neither a sentence (a question or exclamation may) nor mid-word or
mid-phrase (a hyphen, comma or semicolon), and is followed by text or a byline that starts afresh (a
capital, a quotation mark, a digit, or the gap of a lost drop cap), not mid-sentence. It becomes a
``Heading`` (level 1), which opens an article. Use: on by default for print OCR;
``--no-clean headings``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from copydesk import Byline, Cleaner, Document, Heading, Paragraph, hookimpl, lazyre
from copydesk.textedit import EditLog
from copydesk.textlines import is_line_group

NAME = "headings"
MAX_LINES = 3
MAX_WORDS = 14
MIN_CAPITALISED = 0.75
SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the", "to", "up", "upon", "with", "vs", "via"])
_ENDS_BADLY = lazyre.compile(r"[.,;:\-–—…]$|[^\W\d_]-$")


def is_headline(text: str) -> bool:
    words = [w.strip("“”\"‘’'()[]") for w in text.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= MAX_WORDS or _ENDS_BADLY.search(text.rstrip()):
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if not content or not words[0][0].isupper():
        return False
    capitalised = sum(w[0].isupper() or w[0].isdigit() for w in content)
    return capitalised / len(content) >= MIN_CAPITALISED


def starts_afresh(block: Paragraph | Byline) -> bool:
    raw = block.lines[0].text
    first = raw.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in "“\"‘'«" or (
        raw[:1].isspace() and first.islower()))


def headings(doc: Document) -> Document:
    log = EditLog(doc, NAME)
    blocks = list(doc.blocks)
    for i, block in enumerate(blocks[:-1]):
        following = blocks[i + 1]
        if (isinstance(block, Paragraph) and is_line_group(block)
                and len(block.lines) <= MAX_LINES and isinstance(following, Paragraph | Byline)
                and following.lines and starts_afresh(following) and is_headline(block.text)):
            log.add("heading", block.text, block.text, block.lines[0].number)
            blocks[i] = Heading(text=block.text, lines=block.lines, level=1)
    return dataclasses.replace(doc, blocks=blocks, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=headings, after=("boilerplate", "captions", "bylines"),
        before=("reflow", "pullquotes"), default_for=("print-ocr",),
        description="recognise headlines",
    ))
