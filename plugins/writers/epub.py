"""The ``epub`` writer: EPUB 3 for e-readers, clean under EPUBCheck (no errors, no warnings).

Use: ``copydesk convert page.txt -o page.epub`` (several inputs make one edition:
``copydesk convert p1.txt p2.pdf page.html -o issue.epub --title "Issue 12"``). What it writes:

- one XHTML file per article, with its headline, bylines and body; page material that follows
  an article (captions, pull quotes) goes with it; an article that is a heading alone opens
  the next chapter; a navigation document and an NCX whose table of contents names every
  article (its headline, or the start of its first paragraph) with its sub-headings nested
  under it, grouped by page for an edition of ``MANY_CHAPTERS`` or more from several pages;
- captions as ``figure``/``figcaption`` with the credit in ``<small class="credit">``; pull
  quotes as ``<aside epub:type="pullquote">`` (``-O pullquotes=false`` leaves them out);
  block quotes, lists, emphasis and links; boilerplate and page breaks left out;
- metadata: title, language, identifier (``-M identifier=…``, else derived from the content, so
  the same text gives the same identifier), authors, date, publisher or site, source, the
  modification date (``SOURCE_DATE_EPOCH`` fixes it for reproducible builds), and
  accessibility metadata (schema.org access mode, features, hazards, summary);
- a small style sheet for e-ink (relative sizes, the reader's own fonts); an optional cover
  image (``--cover IMAGE``: JPEG, PNG, GIF or SVG).

Pictures on the web are not fetched (copydesk never goes to the network): a figure keeps its
caption. Characters XML cannot carry are dropped.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import itertools
import os
import re
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ebooklib import epub

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
    InputError,
    List,
    PageBreak,
    Paragraph,
    PullQuote,
    Row,
    Section,
    Table,
    TextBlock,
    Visitor,
    Writer,
    __version__,
    hookimpl,
    iter_blocks,
    lazyre,
)
from copydesk.chars import printable
from copydesk.edition import as_articles
from copydesk.inline import MarkTree, nest
from copydesk.model.nodes import Block
from copydesk.pictures import Cut, cut

LANGUAGE_TAG = lazyre.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")
W3C_DATE = lazyre.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$")
COVER_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
               ".gif": "image/gif", ".svg": "image/svg+xml"}
STYLE = """\
body { margin: 0 1em; line-height: 1.4; }
h1 { font-size: 1.5em; line-height: 1.2; margin: 1em 0 0.5em; }
h2 { font-size: 1.25em; margin: 1em 0 0.4em; }
h3, h4, h5, h6 { font-size: 1.1em; margin: 1em 0 0.3em; }
p { margin: 0; text-indent: 1.2em; }
h1 + p, h2 + p, h3 + p, p.byline + p, figure + p, aside + p, blockquote + p { text-indent: 0; }
p.byline { font-style: italic; text-indent: 0; margin: 0.5em 0; }
figure { margin: 1em 0; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto 0.3em; }
figcaption { font-size: 0.9em; }
small.credit { font-variant: small-caps; }
aside.pullquote { margin: 1em 1.5em; font-size: 1.15em; font-style: italic; }
aside.pullquote p { text-indent: 0; }
blockquote { margin: 1em 1.5em; }
"""


@dataclass
class EpubOptions:
    """Options of the ``epub`` writer."""

    pullquotes: bool = field(default=True, metadata={
        "help": "write pull quotes, as asides marked doc-pullquote (false leaves them out)"})
    cover: str | None = field(default=None, metadata={
        "help": "a cover image (PNG, JPEG, GIF or SVG) for the book's cover page"})


PAGE_MARKER = lazyre.compile(r'<span epub:type="pagebreak"[^>]*></span>')


def esc(text: str | None) -> str:
    return html.escape(printable(text or ""), quote=True)


def inline(block: TextBlock) -> str:
    """A text block's content as XHTML with emphasis, strong and links."""
    marks = [m for m in block.marks if m.kind in ("emphasis", "strong", "link")]
    return _inline(block.text, 0, len(block.text), nest(marks))


def _inline(text: str, start: int, end: int, tree: MarkTree) -> str:
    out, pos = [], start
    for mark, inner in tree:
        out.append(esc(text[pos : mark.start]))
        content = _inline(text, mark.start, mark.end, inner)
        if mark.kind == "link" and mark.target and re.match(r"^(?:https?|mailto):", mark.target):
            out.append(f'<a href="{esc(mark.target)}">{content}</a>')
        elif mark.kind == "link":
            out.append(content)
        else:
            tag = "em" if mark.kind == "emphasis" else "strong"
            out.append(f"<{tag}>{content}</{tag}>")
        pos = mark.end
    out.append(esc(text[pos:end]))
    return "".join(out)


MANY_CHAPTERS = 12  # an edition with this many chapters gets its contents grouped by page


class XhtmlVisitor(Visitor):
    """Renders blocks as XHTML fragments."""

    def __init__(self, options: EpubOptions, heading_base: int = 1) -> None:
        self.options = options
        self.heading_base = heading_base
        self.pages = 0  # page breaks written so far (their ids)
        self.outline: list[tuple[str, str]] = []  # the chapter's headings: (id, text)
        self.pictures: list[tuple[str, Cut]] = []  # pictures cut from page images: (file, cut)
        self.notes: list[str] = []  # the chapter's footnotes, set at its end

    def all(self, blocks: list[Block]) -> str:
        return "\n".join(part for part in self.visit_all(blocks) if part)

    def visit_paragraph(self, node: Paragraph) -> str:
        return f"<p>{inline(node)}</p>" if node.text.strip() else ""

    def visit_heading(self, node: Heading) -> str:
        if not printable(node.text).strip():
            return ""
        level = min(6, max(1, node.level + self.heading_base - 1))
        anchor = f"h{len(self.outline) + 1}"
        self.outline.append((anchor, " ".join(printable(node.text).split())))
        return f'<h{level} id="{anchor}">{inline(node)}</h{level}>'

    def visit_byline(self, node: Byline) -> str:
        return f'<p class="byline">{inline(node)}</p>' if node.text.strip() else ""

    def visit_pullquote(self, node: PullQuote) -> str:
        if not self.options.pullquotes or not node.text.strip():
            return ""
        return (f'<aside class="pullquote" epub:type="pullquote" role="doc-pullquote">'
                f"<p>{inline(node)}</p></aside>")

    def visit_caption(self, node: Caption) -> str:
        credit = f' <small class="credit">{esc(node.credit)}</small>' if node.credit else ""
        return f"{inline(node)}{credit}"

    def visit_figure(self, node: Figure) -> str:
        captions = [c for c in self.visit_all(node.blocks) if c]
        picture = cut(node.src)
        image = ""
        if picture is not None:
            name = f"images/figure-{len(self.pictures) + 1:03d}.{picture.extension}"
            self.pictures.append((name, picture))
            alt = node.alt or " ".join(c.text for c in node.blocks if isinstance(c, TextBlock))
            image = f'<img src="{name}" alt="{esc(" ".join(alt.split()))}"/>'
        if not captions:
            return f"<figure>{image}</figure>" if image else ""
        return f"<figure>{image}<figcaption>{'<br/>'.join(captions)}</figcaption></figure>"

    def visit_table(self, node: Table) -> str:
        """A table: its caption, its header rows (``th scope="col"``; an empty heading is a
        ``td``, as Ace asks) in ``thead`` and the rest in ``tbody``."""
        captions = [self.visit(b) for b in node.blocks if isinstance(b, Caption)]
        rows = [b for b in node.blocks if isinstance(b, Row)]
        if not rows:
            return ""
        lead = next((i for i, r in enumerate(rows) if not r.header), len(rows))
        head = rows[:lead] if lead < len(rows) else []  # (a table of headings alone: a body)
        caption = f"<caption>{'<br/>'.join(c for c in captions if c)}</caption>" if any(
            captions) else ""
        thead = f"<thead>{''.join(self.visit(r) for r in head)}</thead>" if head else ""
        tbody = "".join(self.visit(r) for r in rows[len(head):])
        return f"<table>{caption}{thead}<tbody>{tbody}</tbody></table>"

    def visit_row(self, node: Row) -> str:
        cells = (self.cell(c, node.header) for c in node.blocks if isinstance(c, Cell))
        return f"<tr>{''.join(cells)}</tr>"

    def cell(self, node: Cell, header: bool) -> str:
        tag = "th" if header and printable(node.text).strip() else "td"
        scope = ' scope="col"' if tag == "th" else ""
        span = f' colspan="{node.columns}"' if node.columns > 1 else ""
        return f"<{tag}{scope}{span}>{inline(node)}</{tag}>"

    def visit_cell(self, node: Cell) -> str:
        return self.cell(node, False)

    def visit_list(self, node: List) -> str:
        items = [f"<li>{inline(b) if isinstance(b, Paragraph) else self.visit(b)}</li>"
                 for b in node.blocks]
        tag = "ol" if node.ordered else "ul"
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    def visit_blockquote(self, node: BlockQuote) -> str:
        inner = self.all(node.blocks)
        return f"<blockquote>{inner}</blockquote>" if inner else ""

    def visit_section(self, node: Section) -> str:
        inner = self.all(node.blocks)
        return f"<section>{inner}</section>" if inner else ""

    def visit_article(self, node: Article) -> str:
        return self.all(node.blocks)

    def visit_pagebreak(self, node: PageBreak) -> str:
        """A print page's start, for the page list (``epub:type`` and ``role`` pagebreak)."""
        label = printable(node.page or "").strip()
        if not label:
            return ""
        self.pages += 1
        return (f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{self.pages}" '
                f'aria-label="{esc(label)}"></span>')

    def visit_boilerplate(self, node: Boilerplate) -> str:
        return ""

    def visit_footnote(self, node: Footnote) -> str:
        # (the role, not epub:type="footnote": reading systems hide such an aside until a
        # reference in the text opens it, and a note found on a page has no link to it)
        # (set at the chapter's end: the foot of a print page is the middle of a chapter)
        if node.text.strip():
            label = f'<span class="label">{esc(node.label)}</span> ' if node.label else ""
            self.notes.append(f'<aside class="footnote" role="doc-footnote"><p>{label}'
                              f"{inline(node)}</p></aside>")
        return ""


def chapters(doc: Document) -> list[list[Block]]:
    """The blocks of each chapter: one chapter per article (see ``as_articles``); an article
    with no text but its headings opens the next chapter instead of being one of its own."""
    return list(chapters_in(as_articles(doc)))


def chapters_in(blocks: Iterable[Block]) -> Iterator[list[Block]]:
    """``chapters`` of a run of blocks as they come (a long input's pieces one after another)."""
    waiting: list[Block] = []
    last: list[Block] | None = None
    for article in (b for b in blocks if isinstance(b, Article)):
        waiting.append(article)
        if any(isinstance(b, TextBlock) and not isinstance(b, Heading | Boilerplate)
               and b.text.strip() for b in iter_blocks(article)):
            if last is not None:
                yield last
            last, waiting = waiting, []
    if waiting:  # headings at the very end: they close the last chapter
        last = [*(last or []), *waiting]
    if last is not None:
        yield last


def chapter_title(blocks: list[Block], number: int, doc: Document, alone: bool = True) -> str:
    """A chapter's name: its first heading with letters in it, the document's title for a
    chapter ``alone`` in its book, its first paragraph that reads as words, its number."""
    for block in iter_blocks(Article(blocks=blocks)):
        if isinstance(block, Heading) and sum(c.isalpha() for c in block.text) >= 2:
            return " ".join(printable(block.text).split())
    title = " ".join(printable(doc.metadata.title or "").split())
    if number == 1 and title and alone:
        return title
    for block in iter_blocks(Article(blocks=blocks)):
        if isinstance(block, Paragraph) and _reads_as_words(printable(block.text)):
            words = printable(block.text).split()
            return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f"Article {number}"


def _reads_as_words(text: str) -> bool:
    """Whether a paragraph can name a chapter: words, not what OCR made of a smudge."""
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) >= 0.6 * len(chars) and sum(
        len(w) >= 3 and w.strip(".,;:!?\"'()").isalpha() for w in text.split()) >= 2


def given_identifier(doc: Document) -> str | None:
    """The identifier the source gives, if any."""
    given = doc.metadata.identifiers.get("id") or next(iter(doc.metadata.identifiers.values()),
                                                       None)
    return printable(given).strip() if given and printable(given).strip() else None


def identifier(doc: Document) -> str:
    """The source's identifier, else one made from the text (the same text, the same id)."""
    digest = hashlib.sha256()
    for block in iter_blocks(doc):
        if isinstance(block, TextBlock):
            digest.update(block.text.encode("utf-8", "surrogatepass"))
    return given_identifier(doc) or text_identifier(digest)


def text_identifier(digest: Any) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'copydesk:' + digest.hexdigest())}"


def modified_time() -> datetime.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.now(tz=datetime.UTC)


def set_metadata(book: epub.EpubBook, doc: Document) -> str:
    meta = doc.metadata
    language = meta.language if meta.language and LANGUAGE_TAG.match(meta.language) else "und"
    book.set_identifier(identifier(doc))
    # no title read: the source's name, as the TEI writer does (a reader's library lists it)
    book.set_title(printable(meta.title or "").strip() or printable(meta.source or "").strip()
                   or "Untitled")
    book.set_language(language)
    for number, author in enumerate(meta.authors, 1):
        if printable(author).strip():  # each creator needs an id of its own
            book.add_author(printable(author).strip(), uid=f"creator{number}")
    if meta.date and W3C_DATE.match(meta.date):
        book.add_metadata("DC", "date", meta.date)
    publisher = printable(meta.site_name or meta.publisher or "").strip()
    if publisher:
        book.add_metadata("DC", "publisher", publisher)
    source = printable(meta.url or meta.source or "").strip()
    if source:
        book.add_metadata("DC", "source", source)
    if meta.description and printable(meta.description).strip():
        book.add_metadata("DC", "description", printable(meta.description).strip())
    periodical(book, doc)
    summary = ("Text converted by copydesk: headings, reading order and a table of contents "
               "are given; pictures are described by their captions.")
    for prop, value in (
        ("schema:accessMode", "textual"), ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", summary),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})
    return language


def periodical(book: epub.EpubBook, doc: Document) -> None:
    """An issue of a periodical (``extra`` "series": the paper, as a METS issue or a
    masthead names it; "volume", "number"): the paper as the series the book belongs to (its
    place in it, the issue's number), and the volume and number as schema.org says them."""
    meta = doc.metadata
    volume, number = (printable(meta.extra.get(k, "")).strip() for k in ("volume", "number"))
    title = printable(meta.extra.get("series") or "").strip()
    if not title:
        return
    book.add_metadata(None, "meta", title, {"property": "belongs-to-collection", "id": "series"})
    book.add_metadata(None, "meta", "series", {"refines": "#series",
                                               "property": "collection-type"})
    if number.isdigit():
        book.add_metadata(None, "meta", number, {"refines": "#series",
                                                 "property": "group-position"})
    for prop, value in (("schema:volumeNumber", volume), ("schema:issueNumber", number)):
        if value:
            book.add_metadata(None, "meta", value, {"property": prop})


def add_cover(book: epub.EpubBook, path: str) -> None:
    cover = Path(path)
    kind = COVER_TYPES.get(cover.suffix.lower())
    if kind is None:
        raise InputError("a cover must be a JPEG, PNG, GIF or SVG image", path=path)
    try:
        data = cover.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the cover: {exc.strerror or exc}", path=path) from None
    book.set_cover(f"cover{cover.suffix.lower()}", data)
    book.get_item_with_id("cover").is_linear = True  # (read first, in the spine)
    book.add_metadata(None, "meta", "visual", {"property": "schema:accessMode"})


class _Book:
    """An EPUB made a chapter at a time: the book's metadata from ``doc`` (a long input's
    first piece), each chapter's XHTML made as it is added and, with ``spool``, kept in a
    temporary file rather than in memory until the book is written."""

    def __init__(self, doc: Document, options: EpubOptions,
                 spool: BinaryIO | None = None) -> None:
        self.book, self.doc, self.spool = epub.EpubBook(), doc, spool
        self.language = set_metadata(self.book, doc)
        self.options = options
        if options.cover:
            add_cover(self.book, options.cover)
        self.style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                                   content=STYLE.encode())
        self.book.add_item(self.style)
        self.visitor = XhtmlVisitor(options)
        self.items: list[_Chapter] = []
        self.toc: list[object] = []
        self.pages: list[int | None] = []
        self.alone_title = ""  # the first chapter's name should it be the book's only one
        self.digest = hashlib.sha256()  # (the identifier, where the source gives none)
        self.first = next((b.page for b in iter_blocks(doc)
                           if isinstance(b, PageBreak) and b.page), None)
        if self.first:  # print page numbers: where they come from (EPUB Accessibility 1.1)
            for feature in ("pageBreakMarkers", "pageNavigation"):
                self.book.add_metadata(None, "meta", feature,
                                       {"property": "schema:accessibilityFeature"})
            meta = doc.metadata
            printed = " ".join(printable(" ".join(
                p for p in (meta.title, meta.date) if p) or meta.source
                or "the print source").split())
            self.book.add_metadata(None, "meta", printed, {"property": "pageBreakSource"})

    def add(self, blocks: list[Block]) -> None:
        number = len(self.items) + 1
        if number == 1 and self.first and self.first.isdigit() and int(self.first) > 1:
            blocks = [PageBreak(page=str(int(self.first) - 1)), *blocks]  # the page before
        if self.spool is not None:
            for block in iter_blocks(Article(blocks=blocks)):
                if isinstance(block, TextBlock):
                    self.digest.update(block.text.encode("utf-8", "surrogatepass"))
        title = chapter_title(blocks, number, self.doc, alone=False)
        if number == 1:
            self.alone_title = chapter_title(blocks, number, self.doc, alone=True)
        visitor = self.visitor
        visitor.outline, visitor.notes = [], []
        body = visitor.all(blocks) + "".join(visitor.notes)
        item = _Chapter(title=title, file_name=f"article-{number:03d}.xhtml", lang=self.language)
        item.content = f"<article>{body}</article>"
        if self.spool is not None:
            item.spool_content(self.spool)
        item.markers = "".join(PAGE_MARKER.findall(body))
        item.add_item(self.style)
        self.book.add_item(item)
        self.items.append(item)
        inner = visitor.outline[1:] if visitor.outline[:1] and visitor.outline[0][1] == title \
            else visitor.outline
        links = [epub.Link(f"{item.file_name}#{anchor}", text, f"{item.id}-{anchor}")
                 for anchor, text in inner if sum(c.isalpha() for c in text) >= 3]
        self.toc.append((item, links) if links else item)
        self.pages.append(min((ln.page for b in iter_blocks(Article(blocks=blocks))
                               if isinstance(b, TextBlock) for ln in b.lines if ln.page),
                              default=None))

    def finish(self) -> epub.EpubBook:
        book, options = self.book, self.options
        if not self.items:
            self.add([Paragraph(text="")])
        if len(self.items) == 1:
            self.items[0].title = self.alone_title
        if self.spool is not None and not given_identifier(self.doc):  # (the pieces' text)
            book.set_identifier(text_identifier(self.digest))
        for number, (name, picture) in enumerate(self.visitor.pictures, 1):
            book.add_item(epub.EpubItem(uid=f"figure-{number}", file_name=name,
                                        media_type=picture.media_type, content=picture.data))
        if self.visitor.pictures and not options.cover:  # (a cover says so itself)
            book.add_metadata(None, "meta", "visual", {"property": "schema:accessMode"})
        book.toc = by_page(self.toc, self.items, self.pages)
        book.add_item(epub.EpubNcx())
        book.add_item(epub.EpubNav())
        book.spine = [*(["cover"] if options.cover else []), "nav", *self.items]
        return book


def build(doc: Document, options: EpubOptions) -> epub.EpubBook:
    book = _Book(doc, options)
    for blocks in chapters(doc):
        book.add(blocks)
    return book.finish()


def by_page(toc: list[object], items: list[epub.EpubHtml],
            pages: list[int | None]) -> list[object]:
    """A long edition's contents grouped by the page each chapter starts on (issue → pages →
    articles), where the chapters are many and come from several pages."""
    if len(toc) < MANY_CHAPTERS or len({p for p in pages if p is not None}) < 2:
        return toc
    grouped: list[object] = []
    current: int | None = None
    for entry, item, page in zip(toc, items, pages, strict=True):
        page = current if page is None else page
        if page != current or not grouped:
            current = page
            label = f"Page {page}" if page is not None else "Pages"
            grouped.append((epub.Section(label, href=item.file_name), []))
        grouped[-1][1].append(entry)  # type: ignore[index]
    return grouped


class _Chapter(epub.EpubHtml):  # type: ignore[misc]
    """A chapter written out as it stands. (ebooklib would parse it again with lxml's HTML
    parser, which silently drops a text node over 10 MB: a long paragraph came out empty.)"""

    markers = ""  # the chapter's page-break markers, all ebooklib needs for the page list
    spooled: tuple[BinaryIO, int, int] | None = None  # (file, offset, length) of the content

    def spool_content(self, spool: BinaryIO) -> None:
        """Keep the content in ``spool`` (at its end) until the book is written."""
        data = self.content.encode("utf-8", errors="replace")
        spool.seek(0, os.SEEK_END)
        self.spooled, self.content = (spool, spool.tell(), len(data)), ""
        spool.write(data)

    def get_body_content(self) -> bytes:
        return f"<div>{self.markers}</div>".encode()

    def get_content(self, default: object = None) -> bytes:
        content = self.content
        if self.spooled is not None:
            spool, offset, length = self.spooled
            spool.seek(offset)
            content = spool.read(length).decode("utf-8")
        lang = esc(self.lang or self.book.language)
        links = "".join(f'<link href="{esc(link["href"])}" rel="stylesheet" type="text/css"/>'
                        for link in self.links if link.get("rel") == "stylesheet")
        return ("<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>\n"
                '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
                f' lang="{lang}" xml:lang="{lang}">\n<head>\n<title>{esc(self.title)}</title>\n'
                f"{links}\n</head>\n<body>\n{content}\n</body>\n</html>\n").encode(
                    "utf-8", errors="replace")


class _StampedZip(zipfile.ZipFile):
    """A zip whose entries all carry one time (the book's modification time), so that the
    same book written twice is the same file byte for byte (``SOURCE_DATE_EPOCH``)."""

    stamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)

    def writestr(self, name: Any, data: Any, compress_type: int | None = None,
                 compresslevel: int | None = None) -> None:
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=self.stamp)
            name.compress_type = self.compression
            name.external_attr = 0o600 << 16
        super().writestr(name, data, compress_type, compresslevel)


class _Writer(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer, with the book's language on the package (``xml:lang``) and one
    time on every entry of the zip (ebooklib's own takes the clock's)."""

    def write(self) -> None:
        mtime = self.options["mtime"]
        self.out = _StampedZip(self.file_name, "w", zipfile.ZIP_DEFLATED)
        self.out.stamp = (max(1980, mtime.year), mtime.month, mtime.day, mtime.hour,
                          mtime.minute, mtime.second)
        self.out.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        self._write_container()
        self._write_opf()
        self._write_items()
        self.out.close()

    def _write_opf_file(self, root: Any) -> None:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", self.book.language)
        super()._write_opf_file(root)


def write_epub(doc: Document, stream: BinaryIO, options: EpubOptions) -> None:
    _write(build(doc, options), stream)


def write_epub_pieces(pieces: Iterator[Document], stream: BinaryIO,
                      options: EpubOptions) -> None:
    """A long input's pieces as one book: each piece's chapters made as it comes and kept in
    a temporary file; the book (its metadata the first piece's) written when all are in."""
    first = next(pieces)
    with tempfile.TemporaryFile() as spool:
        book = _Book(first, options, spool)
        for blocks in chapters_in(article for piece in itertools.chain([first], pieces)
                                  for article in as_articles(piece)):
            book.add(blocks)
        _write(book.finish(), stream)


def _write(book: epub.EpubBook, stream: BinaryIO) -> None:
    writer = _Writer(stream, book, {"mtime": modified_time()})
    writer.process()
    writer.write()  # (ebooklib's own write_epub hides a failed write)


@hookimpl
def register_writers(register: Callable[[Writer], None]) -> None:
    register(Writer(
        name="epub", write=write_epub, write_pieces=write_epub_pieces, extension="epub", media_type="application/epub+zip",
        binary=True, options=EpubOptions,
        description=f"EPUB 3 for e-readers (copydesk {__version__})",
    ))
