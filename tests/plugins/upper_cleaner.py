"""Test double: a cleaner that upper-cases paragraphs and records an edit for each."""

from __future__ import annotations

import dataclasses

from copydesk import Cleaner, Edit, Paragraph, hookimpl, walk


def upper(doc):
    edits = list(doc.edits)

    def change(block):
        if isinstance(block, Paragraph) and block.text != block.text.upper():
            edits.append(Edit(id=f"e{len(edits) + 1}", plugin="upper", kind="case",
                              original=block.text, replacement=block.text.upper(),
                              line=block.lines[0].number if block.lines else None))
            return dataclasses.replace(block, text=block.text.upper())
        return block

    out = walk(doc, change)
    out.edits = edits
    return out


@hookimpl
def register_cleaners(register):
    register(Cleaner(name="upper", clean=upper))
