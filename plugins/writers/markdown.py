"""The ``markdown`` writer: CommonMark that reads naturally and parses back to the same blocks.

Use: ``copydesk convert page.txt -o page.md``. How each block is written:

- the document title: ``# Title`` (an article's headline then goes one level down), unless
  the first headline is the title itself; the site (or publisher) and date below it in
  emphasis, ``*The Riverside Gazette · 2024-03-05*``;
- an article without a headline: set off from the one before by a thematic break ``* * *``;
- a byline: a paragraph in emphasis, ``*By Jane Doe*``;
- a pull quote: a block quote labelled ``> **Pull quote:** text``;
- a caption: ``**Caption:** text — *Credit: Reuters*`` (under ``![alt](src)`` when the
  picture's address is known; a picture on a page image is cut out into a folder beside the
  output, ``page_images/figure-001.jpg`` for ``page.md``, or the one ``-O images=DIR``
  names, and linked from there);
- a table: its caption as a caption, then a pipe table (GitHub Flavored Markdown's; its first
  row is the heading row, a cell spanning columns is followed by empty ones);
- block quotes and lists as in CommonMark; page breaks and boilerplate are left out.

Every character of the text that CommonMark would read as markup is escaped.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from copydesk import (
    Article,
    BlockQuote,
    Boilerplate,
    Byline,
    Caption,
    Cell,
    Document,
    Figure,
    Footnote,
    Heading,
    List,
    Mark,
    OutputError,
    PageBreak,
    Paragraph,
    PullQuote,
    Row,
    Section,
    Table,
    TextBlock,
    Visitor,
    Writer,
    hookimpl,
    iter_blocks,
    lazyre,
)
from copydesk.chars import printable
from copydesk.output import atomic_output
from copydesk.pictures import PAGE_PICTURE, cut

_INLINE_SPECIAL = lazyre.compile(r"([\\`*_\[\]<>&!])")
_ORDERED_START = lazyre.compile(r"^(\d{1,9})([.)])")
_DELIMS = {"emphasis": "*", "strong": "**"}


def escape(text: str) -> str:
    """Text as CommonMark inline content that renders back to exactly ``text``."""
    return _INLINE_SPECIAL.sub(r"\\\1", printable(text))


def one_line(text: str) -> str:
    """Whitespace folded to single spaces, uncarriable characters dropped."""
    return " ".join(printable(text).split())


def inline(block: TextBlock) -> str:
    """A text block's content with its emphasis, strong and link marks, escaped."""
    text = block.text
    marks = sorted(
        (m for m in block.marks if m.kind in ("emphasis", "strong", "link") and m.start < m.end),
        key=lambda m: (m.start, -m.end),
    )
    out: list[str] = []
    pos = 0
    for mark in marks:
        start, end = _trim(text, mark)
        if start >= end or start < pos:
            continue  # nested, overlapping or empty marks: their text is written plain
        out.append(escape(text[pos:start]))
        out.append(_render_mark(text, mark, start, end, touching=start == pos and pos > 0))
        pos = end
    out.append(escape(text[pos:]))
    return one_line("".join(out))


def _trim(text: str, mark: Mark) -> tuple[int, int]:
    start, end = max(0, mark.start), min(len(text), mark.end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _url(url: str | None) -> str:
    """A link destination in angle brackets, with what could end it percent-encoded."""
    url = "".join((url or "").split())
    return "<" + url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E") + ">"


def _render_mark(text: str, mark: Mark, start: int, end: int, touching: bool) -> str:
    inner = escape(text[start:end])
    if mark.kind == "link":
        return f"[{inner}]({_url(mark.target)})"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if not touching and _flanks(before, text[start]) and _flanks(after, text[end - 1]):
        delim = _DELIMS[mark.kind]
        return f"{delim}{inner}{delim}"
    tag = "em" if mark.kind == "emphasis" else "strong"  # CommonMark would not see * here
    return f"<{tag}>{inner}</{tag}>"


def _is_punct(char: str) -> bool:
    """CommonMark's punctuation: Unicode punctuation and symbols (categories P and S)."""
    return unicodedata.category(char)[0] in "PS"


def _flanks(outside: str, inside: str) -> bool:
    """Whether a ``*`` run between ``outside`` and ``inside`` opens/closes emphasis."""
    if inside.isspace():
        return False
    return not _is_punct(inside) or outside.isspace() or _is_punct(outside)


class MarkdownVisitor(Visitor):
    """Renders blocks to Markdown chunks (one string per block, joined by blank lines)."""

    def __init__(self, heading_offset: int, under_first_heading: str = "",
                 pictures: Callable[[str], str | None] | None = None) -> None:
        self.heading_offset = heading_offset
        self.under_first_heading = under_first_heading  # written once, below the first heading
        self.pictures = pictures  # a picture on a page image -> where it was cut out to

    def paragraph_text(self, text: str) -> str:
        """Escape what would start another kind of block at the head of a paragraph."""
        text = _ORDERED_START.sub(r"\1\\\2", text)
        return re.sub(r"^([#+=|~-])", r"\\\1", text)

    def visit_paragraph(self, node: Paragraph) -> str:
        return self.paragraph_text(inline(node))

    def visit_heading(self, node: Heading) -> str:
        level = min(6, max(1, node.level + self.heading_offset))
        if not one_line(node.text):
            return ""
        heading = "#" * level + " " + inline(node).replace("#", "\\#")
        extra, self.under_first_heading = self.under_first_heading, ""
        return f"{heading}\n\n{extra}" if extra else heading

    def visit_byline(self, node: Byline) -> str:
        text = one_line(node.text)
        return f"*{escape(text)}*" if text else ""

    def visit_pullquote(self, node: PullQuote) -> str:
        return f"> **Pull quote:** {inline(node)}"

    def visit_caption(self, node: Caption) -> str:
        credit = one_line(node.credit or "")
        credit = f" — *Credit: {escape(credit)}*" if credit else ""
        return f"**Caption:** {inline(node)}{credit}"

    def visit_figure(self, node: Figure) -> str:
        parts = []
        src = node.src
        if src and PAGE_PICTURE.search(src):  # a picture on a page image: its cut, if made
            src = self.pictures(src) if self.pictures else None
        if src:
            alt = escape(one_line(node.alt or ""))
            parts.append(f"![{alt}]({_url(src)})")
        parts.extend(self.visit_all(node.blocks))
        return "\n\n".join(p for p in parts if p)

    def visit_table(self, node: Table) -> str:
        rows = [[cell for c in r.blocks if isinstance(c, Cell)
                 for cell in [inline(c).replace("|", "\\|")] + [""] * (c.columns - 1)]
                for r in node.blocks if isinstance(r, Row)]
        rows = [r for r in rows if r]
        if not rows:
            return ""
        width = max(map(len, rows))
        lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
        lines.insert(1, "|" + " --- |" * width)
        captions = [self.visit(b) for b in node.blocks if isinstance(b, Caption)]
        return "\n\n".join([*(c for c in captions if c), "\n".join(lines)])

    def visit_row(self, node: Row) -> str:
        return ""  # written by its table

    def visit_cell(self, node: Cell) -> str:
        return inline(node)

    def visit_blockquote(self, node: BlockQuote) -> str:
        inner = "\n\n".join(p for p in self.visit_all(node.blocks) if p)
        return "\n".join(("> " + line) if line else ">" for line in inner.split("\n"))

    def visit_list(self, node: List) -> str:
        items = []
        for i, block in enumerate(node.blocks, 1):
            bullet = f"{i}. " if node.ordered else "- "
            body = self.visit(block)
            pad = " " * len(bullet)
            items.append(bullet + body.replace("\n", "\n" + pad))
        return "\n".join(items)

    def visit_section(self, node: Section) -> str:
        return "\n\n".join(p for p in self.visit_all(node.blocks) if p)

    def visit_article(self, node: Article) -> str:
        return "\n\n".join(p for p in self.visit_all(node.blocks) if p)

    def visit_pagebreak(self, node: PageBreak) -> str:
        return ""

    def visit_boilerplate(self, node: Boilerplate) -> str:
        return ""

    def visit_footnote(self, node: Footnote) -> str:
        # (a footnote definition, [^1]: …, is dropped by renderers when nothing refers to it)
        label = one_line(node.label or "")
        return f"**Note{' ' + escape(label) if label else ''}:** {inline(node)}"


def render(doc: Document, pictures: Callable[[str], str | None] | None = None) -> str:
    """The whole document as Markdown text; ``pictures`` cuts a picture out of its page image
    and says where it put it (pictures on page images are left out without it)."""
    return "".join(render_pieces(iter([doc]), pictures))


def render_pieces(pieces: Iterator[Document],
                  pictures: Callable[[str], str | None] | None = None) -> Iterator[str]:
    """A long input's pieces as one document's Markdown, piece by piece as they come (the
    title and source line are the first piece's); one piece gives :func:`render`'s text."""
    doc = next(pieces)
    chunks: list[str] = []
    title = one_line(doc.metadata.title or "")
    first = next((b for b in iter_blocks(doc) if isinstance(b, Heading)), None)
    title_is_headline = bool(title) and first is not None and one_line(first.text) == title
    if title_is_headline:
        title = ""  # the document's first headline is its title: written once, as that
    subtitle = one_line(doc.metadata.subtitle or "")
    if title:
        chunks.append("# " + escape(title).replace("#", "\\#"))
    if subtitle:
        chunks.append(f"*{escape(subtitle)}*")
    meta = doc.metadata
    source_line = " · ".join(x for x in (one_line(meta.site_name or meta.publisher or ""),
                                          one_line(meta.date or "")) if x)
    source_line = f"*{escape(source_line)}*" if source_line else ""
    if source_line and not title_is_headline:
        chunks.append(source_line)
        source_line = ""
    visitor = MarkdownVisitor(heading_offset=1 if title else 0, under_first_heading=source_line,
                              pictures=pictures)
    previous_article = False
    written = False
    for piece in itertools.chain([doc], pieces):
        for block in piece.blocks:
            is_article = isinstance(block, Article)
            if is_article and previous_article and not isinstance(
                next(iter(block.blocks), None), Heading
            ):
                chunks.append("* * *")
            chunk = visitor.visit(block)
            if chunk:
                chunks.append(chunk)
                previous_article = is_article
        if chunks:
            yield ("\n\n" if written else "") + "\n\n".join(chunks)
            written, chunks = True, []
    yield "\n"


@dataclass
class MarkdownOptions:
    """Options of the ``markdown`` writer."""

    images: str = field(default="", metadata={
        "help": "the folder for pictures cut from page images (default: beside the output, "
                "named after it: page_images/ for page.md; none on standard output)"})
    images_link: str = field(default="", metadata={
        "help": "how the Markdown links to that folder (default: as given in images)"})


def write_markdown(doc: Document, stream: BinaryIO, options: MarkdownOptions | None = None) -> None:
    write_markdown_pieces(iter([doc]), stream, options)


def write_markdown_pieces(pieces: Iterator[Document], stream: BinaryIO,
                          options: MarkdownOptions | None = None) -> None:
    options = options or MarkdownOptions()
    made: list[str] = []

    def save(src: str) -> str | None:
        picture = cut(src) if options.images else None
        if picture is None:
            return None
        name = f"figure-{len(made) + 1:03d}.{picture.extension}"
        folder = Path(options.images)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot make the pictures' folder: {exc.strerror or exc}",
                              path=str(folder)) from None
        with atomic_output(folder / name) as out:
            out.write(picture.data)
        made.append(name)
        return f"{(options.images_link or options.images).rstrip('/')}/{name}"

    stream.writelines(text.encode("utf-8", errors="replace")
                      for text in render_pieces(pieces, save))


@hookimpl
def register_writers(register: Callable[[Writer], None]) -> None:
    register(Writer(
        name="markdown", write=write_markdown, write_pieces=write_markdown_pieces, extension="md", media_type="text/markdown",
        options=MarkdownOptions,
        description="CommonMark; pull quotes and captions labelled",
    ))
