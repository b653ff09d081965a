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
    Container,
    Document,
    Figure,
    Heading,
    List,
    Mark,
    Metadata,
    PageBreak,
    Paragraph,
    PullQuote,
    Section,
    TextBlock,
)
from copydesk.model.walk import SparseVisitor, Visitor, iter_blocks, query, validate, walk

__all__ = [
    "Article", "Block", "BlockQuote", "Boilerplate", "Box", "Byline", "Caption", "Container",
    "Document", "Edit", "Figure", "Heading", "Line", "List", "Mark", "Metadata", "PageBreak",
    "Paragraph", "PullQuote", "Section", "SparseVisitor", "TextBlock", "Visitor", "iter_blocks",
    "query", "validate", "walk",
]
