"""The document model: nodes, layout hints, edits, traversals and the JSON codec."""

from __future__ import annotations

from copydesk.model.edits import Edit
from copydesk.model.layout import Box, Line
from copydesk.model.nodes import (
    Article,
    Block,
    BlockQuote,
    Boilerplate,
    Byline,
    Caption,
    Cell,
    Container,
    Document,
    Figure,
    Footnote,
    Heading,
    List,
    Mark,
    Metadata,
    PageBreak,
    Paragraph,
    PullQuote,
    Row,
    Section,
    Table,
    TextBlock,
)
from copydesk.model.walk import SparseVisitor, Visitor, iter_blocks, query, validate, walk

__all__ = [
    "Article", "Block", "BlockQuote", "Boilerplate", "Box", "Byline", "Caption", "Cell", "Container",
    "Document", "Edit", "Figure", "Footnote", "Heading", "Line", "List", "Mark", "Metadata", "PageBreak",
    "Paragraph", "PullQuote", "Row", "Section", "SparseVisitor", "Table", "TextBlock", "Visitor", "iter_blocks",
    "query", "validate", "walk",
]
