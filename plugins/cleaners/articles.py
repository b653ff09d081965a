"""The ``articles`` cleaner: split a page into its articles and attach bylines to them.

An article starts at a headline (a ``Heading``; where the source gives type sizes, one set
larger than the body's: a bold head in the body's type heads a section of the story), at a
byline that opens a story ("By Jane Doe", found by the ``bylines`` cleaner), at a paragraph
whose lost drop cap was restored, or whose drop cap the OCR read apart from its word
(``S herlock``: a drop cap opens a story), at a paragraph after a rule across the columns
(the page layout marks its first line), and at what follows an ornament (a woodcut the
engine read as a few huge letters, a row of stars). A contributor note ("Jane Doe is a
contributing editor in London.") is the article's closing byline and ends it. Pull quotes move into the article
whose text they repeat, after the paragraph they quote; captions and other page furniture
after an article's closing byline stay at page level. A page with no such signs is one
article.

Use: on by default for print OCR, web text and the layout readers (PDF, hOCR, ALTO);
``--no-clean articles`` keeps the page as a flat list.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable

from copydesk import (
    Article,
    Boilerplate,
    Byline,
    Cleaner,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    PullQuote,
    hookimpl,
)
from copydesk.model.nodes import FLOATS, Block
from copydesk.pagelayout import STORY_BREAK
from copydesk.plugins.cleaners import bylines, wordsplits

NAME = "articles"
FURNITURE = (*FLOATS, PullQuote, Boilerplate, PageBreak)
NEAR = 4  # a pull quote's home is sought among the NEAR articles around it
SECTION_SIZE = 1.05  # a heading no larger than this share of the body's type heads a section


def byline_kind(block: Block) -> str | None:
    """``"opening"`` or ``"closing"`` for a byline block, else ``None``."""
    if isinstance(block, Byline):
        return bylines.byline_kind(block.text) or "opening"
    return None


def opens_story(block: Block, supplied: set[str], body: float = 0.0) -> bool:
    if isinstance(block, Heading):  # (a section's head in the body's type does not)
        return not (body and all(ln.font_size and ln.font_size <= SECTION_SIZE * body
                                 for ln in block.lines))
    if isinstance(block, Paragraph) and block.lines and block.lines[0].box is not None and (
            block.lines[0].blank_before >= STORY_BREAK):
        return True  # the page layout saw a rule across the columns before it
    return isinstance(block, Paragraph) and any(
        m.kind == "edit" and m.start == 0 and m.target in supplied for m in block.marks)


def split(blocks: list[Block], supplied: set[str], body: float = 0.0) -> list[Block]:
    """Top-level blocks grouped into articles; page-level material left between them
    (``body``: the type size of the body text, where the source gave sizes)."""
    out: list[Block] = []
    current: list[Block] | None = None
    closed = parted = False
    for block in blocks:
        kind = byline_kind(block)
        starts = opens_story(block, supplied, body) or kind == "opening" or (
            parted and not isinstance(block, FURNITURE))
        if isinstance(block, Boilerplate) and block.reason == "ornament":
            parted = True  # an ornament between columns parts stories, as a rule does
        elif not isinstance(block, FURNITURE):
            parted = False
        if starts and current is not None and not closed and not has_body(current):
            current.append(block)  # a headline, byline and drop cap open one story together
        elif starts or (current is None or closed) and not isinstance(block, FURNITURE):
            current = [block]
            out.append(Article(blocks=current))
            closed = False
        elif current is None or closed:
            out.append(block)
        else:
            current.append(block)
        if kind == "closing":
            closed = True
    return out


def body_type(blocks: list[Block]) -> float:
    """The type size most of the paragraphs' letters are set in, where the source gave one
    for most of them (0 else)."""
    sizes: Counter[float] = Counter()
    unsized = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            for line in block.lines:
                if line.font_size:
                    sizes[round(line.font_size, 1)] += len(line.text)
                else:
                    unsized += len(line.text)
    if not sizes or unsized > sum(sizes.values()):
        return 0.0
    return sizes.most_common(1)[0][0]


def has_body(blocks: list[Block]) -> bool:
    """Whether a story has running text yet: a paragraph of two lines or more (a line alone
    under a headline, a date or a reference, does not end its opening)."""
    return any(isinstance(b, Paragraph) and (len(b.lines) >= 2 or len(b.text.split()) >= 25)
               for b in blocks)


def place_pullquotes(blocks: list[Block]) -> list[Block]:
    """Each pull quote moved after the paragraph it repeats, in one of the articles near it."""
    homes: dict[int, list[PullQuote]] = {}
    rest: list[Block] = []
    article_at = [i for i, b in enumerate(blocks) if isinstance(b, Article)]
    for i, block in enumerate(blocks):
        if not isinstance(block, PullQuote):
            rest.append(block)
            continue
        at = bisect.bisect(article_at, i)
        near = [blocks[j] for j in article_at[max(0, at - NEAR // 2) : at + NEAR // 2]]
        paras = [p for a in near for p in a.blocks if isinstance(p, Paragraph)]  # type: ignore[attr-defined]
        from rapidfuzz import fuzz  # (imported where used: start-up stays short)

        best = max(paras, key=lambda p: fuzz.partial_token_set_ratio(block.text, p.text),
                   default=None)
        if best is None:
            rest.append(block)
        else:
            homes.setdefault(id(best), []).append(block)
    placed = []
    for block in rest:
        if isinstance(block, Article) and homes:
            inner: list[Block] = []
            for b in block.blocks:
                inner.append(b)
                inner.extend(homes.get(id(b), []))
            block = dataclasses.replace(block, blocks=inner)
        placed.append(block)
    return placed


def articles(doc: Document) -> Document:
    if any(isinstance(b, Article) for b in doc.blocks):
        return doc  # already split (by the reader or an earlier run)
    # a drop cap restored, or read apart from its word and joined (``S herlock``)
    supplied = {e.id for e in doc.edits if e.kind == "supply" or (
        e.plugin == "wordsplits" and wordsplits.OPENING.match(e.original or ""))}
    blocks = split(doc.blocks, supplied, body_type(doc.blocks))
    return dataclasses.replace(doc, blocks=place_pullquotes(blocks))


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=articles, after=("reflow", "dropcap", "pullquotes", "captions", "bylines"),
        default_for=("print-ocr", "web-text", "pdf", "alto", "hocr", "page"),
        description="split a page into articles, attach bylines",
    ))
