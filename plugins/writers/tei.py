"""The ``tei`` writer: TEI P5 XML (valid against ``tei_all``) with the cleanups as editorial markup.

Use: ``copydesk convert page.txt -o page.xml -t tei`` (``--tei-breaks`` adds page, column
and line breaks: ``pb``, ``cb`` where a layout reader knew the columns, ``lb``). What it
writes:

- a ``teiHeader``: title and authors; a publication statement; the source (input file, its
  kind, site or publisher, date, URL); an encoding description naming every cleaner that ran
  as an ``application`` that editorial markup points to with ``@resp``;
- one ``div type="article"`` per article (loose page material in a ``div type="page"``), its
  headline as ``head``, sub-headings opening ``div type="section"``, opening bylines before
  the body and closing ones after it (``byline``);
- captions as ``figure`` with ``head`` (and ``graphic``), the credit as ``bibl type="credit"``;
  pull quotes as ``quote type="pullQuote"``; page furniture as ``fw`` (``@type`` its reason);
  lists, block quotes; emphasis (``hi``) and links (``ref``);
- the edits in place: a word joined or kept at a line end as ``choice`` with the source in
  ``orig`` (``<lb break="no"/>`` where the line ended) and the reading in ``reg``; a word the
  OCR misread as ``choice`` of ``sic`` and ``corr`` (``@cert``: the correction's confidence); a
  drop-cap letter as ``supplied``; each with ``@resp`` naming the cleaner.

Characters XML cannot carry are dropped; everything else (``<``, ``&``, right-to-left text)
is escaped by the serialiser, so the output is always well-formed.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import quote, urlsplit, urlunsplit

from lxml import etree

from copydesk import (
    Article,
    BlockQuote,
    Boilerplate,
    Byline,
    Caption,
    Cell,
    Document,
    Edit,
    Figure,
    Footnote,
    Heading,
    List,
    Mark,
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
    lazyre,
)
from copydesk.chars import printable
from copydesk.inline import nest
from copydesk.model.nodes import Block
from copydesk.plugins.writers._facsimile import Facsimile

TEI = "http://www.tei-c.org/ns/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_HI = {"emphasis": "italic", "strong": "bold"}
LANGUAGE_TAG = lazyre.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")  # BCP 47, as TEI wants


@dataclass
class TeiOptions:
    """Options of the ``tei`` writer."""

    breaks: bool = field(default=False, metadata={
        "help": "write the source's page (pb), column (cb) and line (lb) breaks"})
    facsimile: bool = field(default=True, metadata={
        "help": "for inputs with positions, page surfaces and a zone per block (@facs)"})


def el(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(f"{{{TEI}}}{tag}", {k.replace("_", ""): printable(v)
                                                for k, v in attrs.items() if v})
    if text:
        element.text = printable(text)
    return element


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    child = el(tag, text, **attrs)
    parent.append(child)
    return child


def token(value: str | None) -> str:
    """A value for an enumerated attribute (``@type``): one word, no spaces or controls."""
    kept = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value or "")
    return "-".join(kept.split())


def uri(value: str | None) -> str:
    """A URI TEI accepts as a pointer: each part percent-encoded by its own rules."""
    text = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", printable(value or "").strip())
    try:
        scheme, netloc, path, query, fragment = urlsplit(text)
    except ValueError:  # e.g. a broken IPv6 literal
        return quote(text, safe="%")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        scheme = ""
    return urlunsplit((scheme, quote(netloc, safe=":@%"), quote(path, safe="/%" if (
        scheme or netloc) else "/%@"), quote(query, safe="=&;+,/:@%"),
        quote(fragment, safe="/?:@%")))


def identifiers(names: list[str]) -> dict[str, str]:
    """A unique ``xml:id`` (an ASCII NCName) for each cleaner name."""
    ids: dict[str, str] = {}
    for name in names:
        clean = re.sub(r"[^A-Za-z0-9._-]", "-", name) or "cleaner"
        clean = clean if clean[0].isalpha() else "c-" + clean
        candidate, n = clean, 1
        while candidate in ids.values():
            n += 1
            candidate = f"{clean}-{n}"
        ids[name] = candidate
    return ids


class InlineWriter:
    """Writes a text block's text, marks and edits as TEI mixed content."""

    def __init__(self, edits: dict[str, Edit], ids: dict[str, str], breaks: bool) -> None:
        self.edits = edits
        self.ids = ids
        self.breaks = breaks
        self.column: int | None = None  # the column the last line written was in

    def fill(self, parent: etree._Element, block: TextBlock) -> etree._Element:
        text = block.text
        spans = [m for m in block.marks if m.kind in _HI or m.kind == "link" or (
            m.kind == "edit" and m.target in self.edits and self.edits[m.target].kind in (
                "join", "keep-hyphen", "supply", "correct"))]
        breaks: list[tuple[int, int | None]] = []
        if self.breaks:
            positions = sorted(m.start for m in block.marks if m.kind == "break")
            columns = [ln.column for ln in block.lines]
            if columns and columns[0] is not None and columns[0] != self.column:
                sub(parent, "cb", n=str(columns[0]))
            for i, at in enumerate(positions):
                now = columns[i + 1] if i + 1 < len(columns) else None
                breaks.append((at, now if now is not None and now != columns[i] else None))
            self.column = next((c for c in reversed(columns) if c is not None), self.column)
        self._write(parent, text, 0, len(text), nest(spans), breaks)
        return parent

    def _write(self, parent: etree._Element, text: str, start: int, end: int,
               spans: list[tuple[Mark, list]], breaks: list[tuple[int, int | None]]) -> None:
        pos = start
        for mark, inner in spans:
            self._plain(parent, text, pos, mark.start, breaks)
            node = self._span(parent, mark, text)
            if node is not None and not len(node) and node.text is None:
                self._write(node, text, mark.start, mark.end, inner, breaks)
            pos = mark.end
        self._plain(parent, text, pos, end, breaks)

    def _span(self, parent: etree._Element, mark: Mark, text: str) -> etree._Element | None:
        if mark.kind == "edit":
            edit = self.edits[mark.target or ""]
            if edit.kind == "supply":
                return sub(parent, "supplied", text[mark.start : mark.end],
                           resp="#" + self.ids[edit.plugin], reason="lost drop cap")
            if edit.kind == "correct":
                choice = sub(parent, "choice")
                sub(choice, "sic", printable(edit.original))
                corr = sub(choice, "corr", text[mark.start : mark.end],
                           resp="#" + self.ids[edit.plugin])
                if edit.confidence is not None:
                    corr.set("cert", f"{edit.confidence:g}")
                return choice
            choice = sub(parent, "choice", resp="#" + self.ids[edit.plugin])
            orig = sub(choice, "orig")
            head, _, tail = edit.original.partition("\n")
            orig.text = printable(head)
            lb = sub(orig, "lb", **{"break": "no"})
            lb.tail = printable(tail)
            sub(choice, "reg", text[mark.start : mark.end])
            return choice
        if mark.kind == "link":
            return sub(parent, "ref", target=uri(mark.target))
        return sub(parent, "hi", rend=_HI[mark.kind])

    def _plain(self, parent: etree._Element, text: str, start: int, end: int,
               breaks: list[tuple[int, int | None]]) -> None:
        pos = start
        for at, column in breaks:
            at += text[at : at + 1] == " "  # a new line starts after the joining space
            if start < at < end:
                _append_text(parent, text[pos:at])
                if column is not None:
                    sub(parent, "cb", n=str(column))
                sub(parent, "lb")
                pos = at
        _append_text(parent, text[pos:end])


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    text = printable(text)
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class TeiVisitor(Visitor):
    """Turns blocks into TEI elements appended to ``self.parent``."""

    def __init__(self, inline: InlineWriter, options: TeiOptions,
                 facsimile: Facsimile | None = None) -> None:
        self.inline = inline
        self.options = options
        self.facsimile = facsimile
        self.parent: etree._Element = el("body")

    def into(self, parent: etree._Element, blocks: list[Block]) -> None:
        saved, self.parent = self.parent, parent
        for block in blocks:
            self.visit(block)
        self.parent = saved

    def text_block(self, tag: str, block: TextBlock, **attrs: str) -> etree._Element:
        element = sub(self.parent, tag, **attrs)
        if self.facsimile:
            self.facsimile.point(element, block)
        return self.inline.fill(element, block)

    def visit_paragraph(self, node: Paragraph) -> None:
        self.text_block("p", node)

    def visit_heading(self, node: Heading) -> None:
        self.text_block("head", node)

    def visit_byline(self, node: Byline) -> None:
        self.text_block("byline", node)

    def visit_pullquote(self, node: PullQuote) -> None:
        self.text_block("quote", node, type="pullQuote")

    def visit_footnote(self, node: Footnote) -> None:
        extra = {"n": printable(node.label)} if node.label and printable(node.label).strip() else {}
        self.text_block("note", node, place="foot", **extra)

    def visit_boilerplate(self, node: Boilerplate) -> None:
        self.text_block("fw", node, type=token(node.reason) or "furniture")

    def visit_pagebreak(self, node: PageBreak) -> None:
        if self.options.breaks:
            pb = sub(self.parent, "pb", n=node.page or "")
            surface = (self.facsimile.surface(int(node.page))
                       if self.facsimile and (node.page or "").isdigit() else None)
            if surface:
                pb.set("facs", surface)
            self.inline.column = None  # a new page's first column is announced again

    def visit_caption(self, node: Caption) -> None:
        self.text_block("head", node)
        if node.credit:
            sub(self.parent, "bibl", node.credit, type="credit")

    def visit_figure(self, node: Figure) -> None:
        figure = sub(self.parent, "figure")
        self.into(figure, node.blocks)
        if uri(node.src):
            graphic = sub(figure, "graphic", url=uri(node.src))
            if node.alt:
                sub(graphic, "desc", node.alt)

    def visit_table(self, node: Table) -> None:
        """``table`` with its caption as ``head`` (a credit in it: TEI's table takes no
        ``bibl``), ``row``s (``role="label"``: headings) of ``cell``s (``cols``: a span)."""
        rows = [b for b in node.blocks if isinstance(b, Row) and b.blocks]
        if not rows:
            return  # TEI has no empty table
        width = max(sum(c.columns for c in r.blocks if isinstance(c, Cell)) for r in rows)
        table = sub(self.parent, "table", rows=str(len(rows)), cols=str(width))
        for caption in (b for b in node.blocks if isinstance(b, Caption)):
            self.into(table, [Caption(text=" ".join(filter(None, (caption.text, caption.credit))),
                                      marks=caption.marks, lines=caption.lines)])
        self.into(table, rows)

    def visit_row(self, node: Row) -> None:
        row = sub(self.parent, "row", role="label") if node.header else sub(self.parent, "row")
        self.into(row, node.blocks)

    def visit_cell(self, node: Cell) -> None:
        attrs = {"cols": str(node.columns)} if node.columns > 1 else {}
        self.text_block("cell", node, **attrs)

    def visit_list(self, node: List) -> None:
        if not node.blocks:
            return  # TEI has no empty list
        lst = sub(self.parent, "list", rend="numbered" if node.ordered else "bulleted")
        for block in node.blocks:
            item = sub(lst, "item")
            if isinstance(block, Paragraph):
                self.inline.fill(item, block)
            else:
                self.into(item, [block])

    def visit_blockquote(self, node: BlockQuote) -> None:
        self.into(sub(self.parent, "quote"), node.blocks)

    def visit_section(self, node: Section) -> None:
        self.div(node.blocks, "section")

    def visit_article(self, node: Article) -> None:
        self.div(node.blocks, "article")

    def div(self, blocks: list[Block], kind: str) -> None:
        """A ``div``: its heading first, opening bylines next, closing bylines last. TEI allows
        a ``head`` only at a division's start and no running text after a sub-division, so a
        later heading or a section opens a sub-division that runs to the next one."""
        div = sub(self.parent, "div", type=kind)
        rest = list(blocks)
        if rest and isinstance(rest[0], Heading):
            self.into(div, [rest.pop(0)])
        opening = []
        while rest and isinstance(rest[0], Byline):
            opening.append(rest.pop(0))
        closing = [b for b in rest if isinstance(b, Byline)]
        body = [b for b in rest if not isinstance(b, Byline)]
        self.into(div, opening)
        first = next((i for i, b in enumerate(body) if isinstance(b, Heading | Section)), len(body))
        self.into(div, body[:first] or ([] if first < len(body) else [Paragraph(text="")]))
        saved, self.parent = self.parent, div
        for part in _subdivisions(body[first:]):
            if isinstance(part, Section):
                self.div(part.blocks, "section")
            else:
                self.div(part, "section")
        self.parent = saved
        self.into(div, closing)


def _subdivisions(blocks: list[Block]) -> list[Section | list[Block]]:
    """Blocks after a division's running text, cut into sub-divisions: each section on its
    own, each heading with what follows it up to the next heading or section."""
    parts: list[Section | list[Block]] = []
    for block in blocks:
        if isinstance(block, Section):
            parts.append(block)
        elif isinstance(block, Heading) or not parts or isinstance(parts[-1], Section):
            parts.append([block])
        else:
            parts[-1].append(block)  # type: ignore[union-attr]
    return parts


def header(doc: Document, ids: dict[str, str]) -> etree._Element:
    meta = doc.metadata
    head = el("teiHeader")
    file_desc = sub(head, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", meta.title or meta.source or "Untitled")
    for author in meta.authors:
        sub(title_stmt, "author", author)
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "p", f"Converted with copydesk {__version__} from the source described below; "
                  "the editorial markup records every change the cleaners made.")
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl")
    if meta.title:
        sub(bibl, "title", meta.title)
    for author in meta.authors:
        sub(bibl, "author", author)
    if meta.site_name or meta.publisher:
        sub(bibl, "publisher", meta.site_name or meta.publisher)
    if meta.date:
        iso = re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", meta.date)
        sub(bibl, "date", meta.date, **({"when": meta.date} if iso else {}))
    for key, unit in (("volume", "volume"), ("number", "issue")):
        if meta.extra.get(key):
            sub(bibl, "biblScope", meta.extra[key], unit=unit)
    if meta.url and uri(meta.url):
        sub(bibl, "ref", meta.url, target=uri(meta.url))
    if meta.source:
        sub(bibl, "idno", meta.source, type="file")
    sub(bibl, "note", f"Input kind: {doc.kind or 'unknown'}", type="kind")
    encoding = sub(head, "encodingDesc")
    if ids:
        app_info = sub(encoding, "appInfo")
        for name, ident in ids.items():
            app = sub(app_info, "application", ident=ident, version=__version__)
            app.set(XML_ID, ident)
            sub(app, "label", name)
    editorial = sub(encoding, "editorialDecl")
    ran = ", ".join(doc.cleaners) or "none"
    sub(editorial, "p", f"Cleanups applied, in order: {ran}. Words joined or kept at line "
                        "ends are encoded as choice (orig/reg); words the OCR misread as choice "
                        "(sic/corr, with the correction's certainty); letters lost with a drop "
                        "cap as supplied.")
    return head


def build(doc: Document, options: TeiOptions) -> etree._Element:
    root, text = _root(doc)
    facsimile = Facsimile(doc) if options.facsimile else None
    body = sub(text, "body")
    writer = BodyWriter(TeiVisitor(_inline(doc, options), options, facsimile))
    writer.add(body, doc.blocks)
    writer.close(body)
    if facsimile:
        text.addprevious(facsimile.element())
    return root


def _root(doc: Document) -> tuple[etree._Element, etree._Element]:
    """The ``TEI`` element with its header, and its ``text`` (empty)."""
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    if doc.metadata.language and LANGUAGE_TAG.match(doc.metadata.language):
        root.set(XML_LANG, doc.metadata.language)
    root.append(header(doc, _ids(doc)))
    return root, sub(root, "text")


def _ids(doc: Document) -> dict[str, str]:
    return identifiers(list(dict.fromkeys([*doc.cleaners, *(e.plugin for e in doc.edits)])))


def _inline(doc: Document, options: TeiOptions) -> InlineWriter:
    return InlineWriter({e.id: e for e in doc.edits}, _ids(doc), options.breaks)


class BodyWriter:
    """Writes top-level blocks into a ``body``: an article as its division, and the loose
    blocks between articles (a page's material that is no story's) as one of ``type="page"``
    (they may run on from one call to the next)."""

    def __init__(self, visitor: TeiVisitor) -> None:
        self.visitor = visitor
        self.loose: list[Block] = []
        self.written = 0

    def add(self, body: etree._Element, blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Article):
                self._flush(body)
                self.visitor.into(body, [block])
                self.written += 1
            else:
                self.loose.append(block)

    def close(self, body: etree._Element) -> None:
        self._flush(body)
        if not self.written:
            sub(sub(body, "div", type="article"), "p")

    def _flush(self, body: etree._Element) -> None:
        if self.loose:
            self.visitor.into(body, [Article(blocks=self.loose)])
            body[-1].set("type", "page")
            self.loose = []
            self.written += 1


def write_tei(doc: Document, stream: BinaryIO, options: TeiOptions) -> None:
    stream.write(etree.tostring(build(doc, options), xml_declaration=True, encoding="UTF-8",
                                pretty_print=True))


def write_tei_pieces(pieces: Iterator[Document], stream: BinaryIO, options: TeiOptions) -> None:
    """A long input's pieces as one TEI document, each piece's divisions written as it comes
    (the header is the first piece's: its metadata, the cleaners that ran). A source with
    positions, whose facsimile goes before the text, is gathered and written whole."""
    first = next(pieces)
    if options.facsimile and Facsimile(first):
        whole = [first, *pieces]
        edits = [e for piece in whole for e in piece.edits]
        write_tei(dataclasses.replace(first, blocks=[b for p in whole for b in p.blocks],
                                      edits=edits), stream, options)
        return
    root, text = _root(first)
    sub(text, "body").append(etree.Comment(" body "))
    head, tail = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True).split(b"<!-- body -->")
    stream.write(head.rstrip(b" "))
    visitor = TeiVisitor(_inline(first, options), options)
    writer = BodyWriter(visitor)
    for piece in itertools.chain([first], pieces):
        visitor.inline.edits = {e.id: e for e in piece.edits}
        _write_children(stream, writer.add, piece.blocks)
    _write_children(stream, lambda body, _: writer.close(body), [])
    stream.write(tail.lstrip(b"\n"))


def _write_children(stream: BinaryIO, fill: Callable[[etree._Element, list[Block]], None],
                    blocks: list[Block]) -> None:
    """The divisions ``fill`` makes of ``blocks``, written (as children of the ``body`` the
    head opened: without a namespace declaration of their own)."""
    body = etree.Element(f"{{{TEI}}}body", nsmap={None: TEI})
    fill(body, blocks)
    declared = f' xmlns="{TEI}"'.encode()
    stream.writelines(etree.tostring(child, encoding="UTF-8", pretty_print=True).replace(
        declared, b"", 1) for child in body)


@hookimpl
def register_writers(register: Callable[[Writer], None]) -> None:
    register(Writer(
        name="tei", write=write_tei, write_pieces=write_tei_pieces, extension="xml", media_type="application/tei+xml",
        options=TeiOptions, description="TEI P5 XML with the cleanups as editorial markup",
    ))
