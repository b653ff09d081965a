"""The document model: a small, closed tree of dataclasses with no format knowledge.

A :class:`Document` holds :class:`Metadata`, a list of blocks and the record of edits. Blocks
are either text blocks (a plain ``text`` string plus optional inline marks and source lines) or
containers (a list of ``blocks``, checked against the container's content model). Every node's
JSON ``"type"`` is its class name in lower case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from copydesk.model.edits import Edit
from copydesk.model.layout import Line

MARK_KINDS = ("emphasis", "strong", "link", "edit")


@dataclass(slots=True, kw_only=True)
class Mark:
    """An inline mark over ``text[start:end]``: emphasis, strong, a link or an edit anchor."""

    kind: str
    start: int
    end: int
    target: str | None = None  # the URL of a link, the id of an edit


class Block:
    """Base of every block node."""

    @classmethod
    def type_name(cls) -> str:
        return cls.__name__.lower()


@dataclass(kw_only=True)
class TextBlock(Block):
    """A block whose content is one run of text."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


@dataclass(kw_only=True)
class Paragraph(TextBlock):
    """A body paragraph."""


@dataclass(kw_only=True)
class Heading(TextBlock):
    """A headline or section heading; ``level`` 1 is an article's headline."""

    level: int = 1


@dataclass(kw_only=True)
class PullQuote(TextBlock):
    """Text the layout repeats from the body in display type; not part of the body."""


@dataclass(kw_only=True)
class Caption(TextBlock):
    """A picture's caption; ``credit`` is the photo credit, separated from the text."""

    credit: str | None = None


@dataclass(kw_only=True)
class Byline(TextBlock):
    """The author line ("By …") or contributor note of an article."""


@dataclass(kw_only=True)
class Boilerplate(TextBlock):
    """Page furniture kept out of the body: navigation, running heads, folios, notices."""

    reason: str | None = None  # e.g. "navigation", "running-head", "folio", "title-line"


@dataclass(kw_only=True)
class Footnote(TextBlock):
    """A note set apart at the foot of a page, out of the running text; ``label``: its mark
    as printed (``1``, ``*``, ``†``), which the text refers to."""

    label: str | None = None


@dataclass(kw_only=True)
class Cell(TextBlock):
    """A table cell; ``columns``: how many of the table's columns it spans."""

    columns: int = 1


@dataclass(kw_only=True)
class PageBreak(Block):
    """The start of a new source page."""

    page: str | None = None


@dataclass(kw_only=True)
class Container(Block):
    """A block holding other blocks; ``content`` lists the node types it may hold."""

    blocks: list[Block] = field(default_factory=list)
    content: ClassVar[tuple[type[Block], ...]] = ()


@dataclass(kw_only=True)
class Figure(Container):
    """A picture (``src`` when known) and its captions."""

    src: str | None = None
    alt: str | None = None


@dataclass(kw_only=True)
class List(Container):
    """A list; each item is a paragraph or a nested list."""

    ordered: bool = False


@dataclass(kw_only=True)
class Table(Container):
    """A table: its caption, where it has one, and its rows (header rows first)."""


@dataclass(kw_only=True)
class Row(Container):
    """A table row; ``header``: a row of column headings."""

    header: bool = False


@dataclass(kw_only=True)
class BlockQuote(Container):
    """Quoted material set off from the body (not a pull quote)."""


@dataclass(kw_only=True)
class Section(Container):
    """A part of an article or document, usually under its own heading."""


@dataclass(kw_only=True)
class Article(Container):
    """One article (story) of a page or issue: its heading, byline and body."""


FLOW: tuple[type[Block], ...] = (
    Paragraph, Heading, PullQuote, Byline, Boilerplate, Footnote, PageBreak, Figure, Table,
    List, BlockQuote, Section,
)
# blocks set apart from the running text, which a paragraph may run on around: cleaners of
# running text leave their insides alone
FLOATS: tuple[type[Block], ...] = (Figure, Table)
Figure.content = (Caption,)
Table.content = (Caption, Row)
Row.content = (Cell,)
List.content = (Paragraph, List)
BlockQuote.content = (Paragraph, List, BlockQuote, Byline)
Section.content = FLOW
Article.content = FLOW
DOCUMENT_CONTENT: tuple[type[Block], ...] = (*FLOW, Article)

NODE_TYPES: dict[str, type[Block]] = {
    cls.type_name(): cls
    for cls in (Paragraph, Heading, PullQuote, Caption, Byline, Boilerplate, Footnote, PageBreak,
                Figure, Table, Row, Cell, List, BlockQuote, Section, Article)
}


@dataclass(kw_only=True)
class Metadata:
    """What is known about the document as a whole."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    url: str | None = None
    source: str | None = None  # the input file's name
    description: str | None = None
    identifiers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(kw_only=True)
class Document:
    """The root: metadata, blocks, the edits cleaners made and the cleaners that ran."""

    kind: str | None = None  # the input kind, e.g. "text", "print-ocr", "web-text"
    metadata: Metadata = field(default_factory=Metadata)
    blocks: list[Block] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    cleaners: list[str] = field(default_factory=list)

    @classmethod
    def type_name(cls) -> str:
        return "document"
