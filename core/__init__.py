"""copydesk: turn messy text (print OCR, copied web pages, PDFs) into clean, structured documents.

The public API: ``read``, ``clean``, ``write`` and ``convert``; the model's node types; the
records plugins register (``Reader``, ``Cleaner``, ``Writer``) and ``hookimpl`` to mark hooks.
"""

from __future__ import annotations

from copydesk.api import clean, convert, read, set_metadata, write
from copydesk.errors import (
    CopydeskError,
    InputError,
    ModelError,
    OutputError,
    PluginError,
    UsageError,
)
from copydesk.hookspecs import hookimpl
from copydesk.model import (
    Article,
    Block,
    BlockQuote,
    Boilerplate,
    Box,
    Byline,
    Caption,
    Cell,
    Container,
    Document,
    Edit,
    Figure,
    Footnote,
    Heading,
    Line,
    List,
    Mark,
    Metadata,
    PageBreak,
    Paragraph,
    PullQuote,
    Row,
    Section,
    SparseVisitor,
    Table,
    TextBlock,
    Visitor,
    iter_blocks,
    query,
    validate,
    walk,
)
from copydesk.pluginmanager import make_plugins
from copydesk.registry import Cleaner, Reader, Writer
from copydesk.sources import Source

__version__ = "0.1.0"

__all__ = [
    "Article", "Block", "BlockQuote", "Boilerplate", "Box", "Byline", "Caption", "Cell", "Cleaner",
    "Container", "CopydeskError", "Document", "Edit", "Figure", "Footnote", "Heading", "InputError", "Line",
    "List", "Mark", "Metadata", "ModelError", "OutputError", "PageBreak", "Paragraph",
    "PluginError", "PullQuote", "Reader", "Row", "Section", "Source", "SparseVisitor", "Table", "TextBlock",
    "UsageError", "Visitor", "Writer", "clean", "convert", "hookimpl", "iter_blocks",
    "make_plugins", "query", "read", "set_metadata", "validate", "walk", "write",
]
