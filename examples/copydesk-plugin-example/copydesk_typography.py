"""copydesk-typography: a third-party copydesk plugin, as an example of the plugin API.

- The ``typography`` cleaner sets text as a typesetter would: straight quotes become curly
  (“…”, ‘…’, and the apostrophe ’), ``--`` an em dash, ``...`` an ellipsis, and the
  ligature characters OCR leaves behind (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) plain letters. Every change is
  recorded as an edit, so ``copydesk convert --report`` lists it. Off by default: run it
  with ``--clean typography``.
- The ``plain`` writer writes plain text: the title, then each block as a paragraph wrapped
  at ``width`` columns (``-O width=60``), headings underlined, bylines and captions kept,
  boilerplate left out.

Install with ``pip install examples/copydesk-plugin-example``; ``copydesk plugins`` then lists
it beside the built-ins.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from dataclasses import dataclass
from typing import BinaryIO

from copydesk import (
    Boilerplate,
    Caption,
    Cleaner,
    Document,
    Heading,
    PageBreak,
    PullQuote,
    TextBlock,
    Writer,
    hookimpl,
    iter_blocks,
    walk,
)
from copydesk.textedit import EditLog

RULES = [  # (pattern, replacement, kind of edit)
    (re.compile(r"(?<=\w)'(?=\w)"), "’", "apostrophe"),
    (re.compile(r"(^|[\s(\[{“‘—-])\""), "\\1“", "quote"),
    (re.compile(r"\""), "”", "quote"),
    (re.compile(r"(^|[\s(\[{“—-])'"), "\\1‘", "quote"),
    (re.compile(r"'"), "’", "quote"),
    (re.compile(r"\s*---?\s*"), "—", "dash"),
    (re.compile(r"\.\.\.|\. \. \."), "…", "ellipsis"),
    (re.compile("[ﬀﬁﬂﬃﬄ]"), None, "ligature"),
]
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"}


def typography(doc: Document) -> Document:
    log = EditLog(doc, "typography")

    def fix(block):
        if not isinstance(block, TextBlock) or isinstance(block, Boilerplate):
            return block
        for pattern, replacement, kind in RULES:
            for match in reversed(list(pattern.finditer(block.text))):
                new = LIGATURES[match.group()] if replacement is None else match.expand(
                    replacement)
                if new != match.group():
                    line = block.lines[0].number if block.lines else None
                    block = log.replace(block, match.start(), match.end(), new, kind, line=line)
        return block

    return dataclasses.replace(walk(doc, fix), edits=log.edits)


@dataclass
class PlainOptions:
    """Options of the ``plain`` writer."""

    width: int = 72  # columns to wrap at


def write_plain(doc: Document, stream: BinaryIO, options: PlainOptions) -> None:
    out = []
    if doc.metadata.title:
        out += [doc.metadata.title, "=" * min(len(doc.metadata.title), options.width)]
    for block in iter_blocks(doc):
        if isinstance(block, Boilerplate | PageBreak) or not isinstance(block, TextBlock):
            continue
        text = block.text
        if isinstance(block, Caption) and block.credit:
            text = f"[{text} ({block.credit})]"
        elif isinstance(block, PullQuote):
            text = f"“{text}”"
        lines = textwrap.wrap(text, options.width) or [""]
        if isinstance(block, Heading):
            lines.append("-" * min(len(text), options.width))
        out += ["", *lines]
    stream.write(("\n".join(out).strip("\n") + "\n").encode("utf-8", errors="replace"))


@hookimpl
def register_cleaners(register):
    register(Cleaner(name="typography", clean=typography, after=("dehyphenate", "reflow"),
                     description="curly quotes, dashes, ellipses; ligatures undone"))


@hookimpl
def register_writers(register):
    register(Writer(name="plain", write=write_plain, extension="text", options=PlainOptions,
                    description="plain text, wrapped"))
