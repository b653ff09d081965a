"""Layout analysis shared by the readers that know where text sits (PDF, hOCR, ALTO).

Input: each page's lines with their boxes (top-left origin), type sizes and styles where
known, and its picture areas and rules. Output: blocks in reading order, ready for the same
cleaners as print OCR:

- where the source grouped the lines into blocks (an OCR engine's text blocks, a PDF's text
  boxes), the blocks are read whole, in an order from their geometry and the source's own
  (``blocks``); else, from the lines alone:
- columns are found from the gutters (vertical strips no line crosses); lines wider than a
  column (headlines, running heads, full-width paragraphs), rules and pictures across the
  columns (with no text beside them) cut the page into bands, and the reading order is band
  by band, column by column, top to bottom;
- a newspaper's masthead (title, date line, number, price, ears) over the first story is
  furniture, and what can be read of it goes to the metadata (``masthead``);
- running heads, folios and margin notes are found by position (the top or bottom margin, or
  outside the text area) and by repetition across pages (digits aside), and become
  ``Boilerplate`` blocks (kept, reported, left out by writers);
- lines are grouped into provisional paragraphs by the vertical gap before them and by first-
  line indentation (an indented line at the top of a column starts a paragraph too), and by a
  change of type (size, weight, slant); a group starts a paragraph (``blank_before``) only
  when the geometry says so, never at a column break, so ``reflow`` joins a paragraph across
  columns and pages;
- a drop cap, a single letter in type at least ``DROP_SIZE`` times the body's, is kept as a
  line of its own just before the paragraph it opens (``dropcap`` restores it: the letter is
  read, not guessed), and the lines set beside it do not count as indented;
- a group in smaller type than the body's (and than most of its page's) just under (or over)
  a picture area, or ending in a photo credit, or opening with a label (``Figure 7-26.``, ``Table 1.``), is a caption (a
  ``Figure``; a labelled group at body size too); a short group under it in smaller type still
  is its credit;
- where the page's image is known, a picture area an inch or more each way that no caption
  claims and no body text stands on is a picture of its own (a ``Figure`` with no caption,
  its ``alt`` empty), in its place in the reading order;
- a rule across the columns ends a story: the line after it opens the next (``blank_before``
  ``STORY_BREAK``, which ``articles`` reads);
- a group in larger italic type, or in larger type between rules, is a pull quote; a short
  group in larger type, or in bold (one line in italic) stopping short of the column's edge,
  is a heading (a headline when much larger); a short group in display type right under a
  headline is a deck (a sub-heading), and headings set one right under the other in the
  same type are one;
- each line's ``fill`` is how far it reaches across its column (1.0: to the right edge).
"""

from __future__ import annotations

import dataclasses

from copydesk.model.layout import Box, Line
from copydesk.model.nodes import Block, Boilerplate, Document, Figure, Metadata, PageBreak, Table
from copydesk.pagelayout.blocks import block_runs, has_blocks, interleaved
from copydesk.pagelayout.columns import column_edges, reading_order
from copydesk.pagelayout.furniture import furniture
from copydesk.pagelayout.kinds import PICTURE, headlines, loose_pictures, page_blocks
from copydesk.pagelayout.masthead import issue_metadata
from copydesk.pagelayout.page import FIGURE_LABEL, STORY_BREAK, Page, body_size, bounds, top_of
from copydesk.pagelayout.paragraphs import opens_with_initial, paragraphs
from copydesk.pagelayout.tables import Found, continued, same_heads, table_text, tables

__all__ = ["FIGURE_LABEL", "STORY_BREAK", "Page", "blocks_from_pages", "body_size", "column_edges",
           "document_from_pages", "furniture", "opens_with_initial", "paragraphs",
           "reading_order"]


def page_runs(page: Page, body: list[Line]) -> list[tuple[list[Line], tuple[float, float] | None]]:
    """The page's body lines as runs in reading order, each with its column's edges where
    known: block by block where the source's blocks are in its reading order (OCR); else by
    the lines, unless that reads across the source's blocks line by line (a PDF whose
    columns the gutters do not show), when its blocks are ordered by their geometry."""
    if has_blocks(page) and page.blocks_ordered:
        return block_runs(page, {id(ln) for ln in body})
    runs = reading_order(body, page.rules, page.pictures)
    if has_blocks(page) and interleaved(runs, page.blocks):
        return block_runs(page, {id(ln) for ln in body})
    return [(run, None) for run in runs]


def blocks_from_pages(pages: list[Page]) -> list[Block]:
    """Every page's lines as blocks in reading order: headings, captions, pull quotes and
    provisional paragraphs by type and place, between the furniture over them (running
    heads, mastheads) and the furniture under them (running feet, folios)."""
    size = body_size(pages)
    marked = furniture(pages, size)
    blocks: list[Block] = []
    for page in pages:
        if page.number > 1:
            blocks.append(PageBreak(page=str(page.number)))
        found = tables(page, page.lines)  # (a table's heads repeat on every page it runs to)
        taken = {id(ln) for f in found for ln in f.lines}
        body = [ln for ln in page.lines if id(ln) not in marked and id(ln) not in taken]
        loose = loose_pictures(page, body)
        if found or loose:
            page, body = _with_floats(page, body, found, loose)
        top, foot = page.text_extent
        fixed = [Boilerplate(text=" ".join(line.text.split()), lines=[line],
                             reason=marked[id(line)])
                 for line in sorted((ln for ln in page.lines if id(ln) in marked
                                     and id(ln) not in taken), key=top_of)]
        # furniture where it stands: the upper half's before the page's text, the rest after
        over = [b for b in fixed if top_of(b.lines[0]) < (top + foot) / 2]
        runs = page_runs(page, body)
        blocks += over + _unclaimed(headlines([b for run, column in runs for b in page_blocks(
            page, paragraphs(run), size, column, [f.table for f in found])], size)) + fixed[
            len(over):]
    return _tables_continued(blocks)


def _with_floats(page: Page, body: list[Line], found: list[Found],
                 pictures: list[Box]) -> tuple[Page, list[Line]]:
    """The page and its body lines (the tables' left out) with a line standing in for each
    table (as wide as it, holding its text; ``region`` "table", ``number`` its index) and for
    each picture with no caption (``PICTURE``, ``region`` "figure"), so that each takes its
    place in the reading order like a block of its own (in the source's order of blocks,
    before the first block under it)."""
    taken = {id(ln) for f in found for ln in f.lines}
    stand_ins = [Line(text=table_text(f.table) or "-", page=page.number, box=f.box,
                      region="table", number=i) for i, f in enumerate(found)]
    stand_ins += [Line(text=PICTURE, page=page.number, box=p, region="figure") for p in pictures]
    body = sorted([*body, *stand_ins], key=top_of)
    blocks = [kept for block in page.blocks
              if (kept := [ln for ln in block if id(ln) not in taken])]
    for line in stand_ins:
        box = line.box
        assert box is not None
        at = next((i for i, block in enumerate(blocks) if (under := bounds(block)).y0 >= box.y0
                   and under.x0 < box.x1 and box.x0 < under.x1), len(blocks))
        blocks.insert(at, [line])
    return dataclasses.replace(page, lines=[*page.lines, *stand_ins], blocks=blocks), body


def _unclaimed(blocks: list[Block]) -> list[Block]:
    """A page's blocks without the pictures standing alone that a caption took for its own."""
    claimed = {b.src for b in blocks if isinstance(b, Figure) and b.blocks and b.src}
    return [b for b in blocks if not (isinstance(b, Figure) and not b.blocks and b.src in claimed)]


def _tables_continued(blocks: list[Block]) -> list[Block]:
    """A table continued over a page break (the same heads again, nothing but furniture and
    the break between) made one."""
    out: list[Block] = []
    last: int | None = None  # where the last table stands in ``out``
    for block in blocks:
        if isinstance(block, Table):
            if last is not None and same_heads(out[last], block):  # type: ignore[arg-type]
                out[last] = continued(out[last], block)  # type: ignore[arg-type]
                continue
            last = len(out)
        elif not isinstance(block, Boilerplate | PageBreak):
            last = None
        out.append(block)
    return out


def document_from_pages(pages: list[Page], metadata: Metadata | None = None) -> Document:
    """The pages as a document: their blocks, and the metadata (``metadata``, filled in
    from the first page's masthead where it says what it does not: the paper's name, the
    issue's date, volume and number)."""
    blocks = blocks_from_pages(pages)
    first = pages[0].number if pages else None
    mast = [ln for b in blocks if isinstance(b, Boilerplate) and b.reason == "masthead"
            for ln in b.lines if ln.page == first]
    meta = metadata or Metadata()
    info = issue_metadata(mast)
    meta.title = meta.title or info.get("title")
    if info.get("title"):  # the paper the page is an issue of
        meta.extra.setdefault("series", info["title"])
    meta.date = meta.date or info.get("date")
    for key in ("volume", "number"):
        if key in info:
            meta.extra.setdefault(key, info[key])
    return Document(metadata=meta, blocks=blocks)
