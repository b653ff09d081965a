"""Editions: several converted inputs combined into one document, one article per story."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from copydesk.model.nodes import (
    Article,
    Block,
    Boilerplate,
    Document,
    Heading,
    Metadata,
    Paragraph,
)
from copydesk.pieces import rename_edits


def as_articles(doc: Document) -> list[Block]:
    """The document's blocks with every run of loose top-level blocks wrapped in an Article.

    Page material with no text of its own (captions, pull quotes) that follows an article
    joins it. A run that has no heading gets the document's title as its heading, so that
    every chapter of an edition is named.
    """
    out: list[Block] = []
    loose: list[Block] = []

    def flush() -> None:
        if not any(not isinstance(b, Boilerplate) for b in loose):
            out.extend(loose)
        elif out and isinstance(out[-1], Article) and not any(
                isinstance(b, Paragraph | Heading) for b in loose):
            out[-1] = dataclasses.replace(out[-1], blocks=[*out[-1].blocks, *loose])
        else:
            blocks = list(loose)
            if doc.metadata.title and not any(isinstance(b, Heading) for b in blocks):
                blocks.insert(0, Heading(text=doc.metadata.title, level=1))
            out.append(Article(blocks=blocks))
        loose.clear()

    for block in doc.blocks:
        if isinstance(block, Article):
            flush()
            out.append(block)
        else:
            loose.append(block)
    flush()
    return out


def combine(docs: Sequence[Document]) -> Document:
    """One document holding the articles of ``docs`` in order; edit ids are made unique."""
    if len(docs) == 1:
        return docs[0]
    kinds = {d.kind for d in docs}
    combined = Document(
        kind=kinds.pop() if len(kinds) == 1 else "edition",
        metadata=Metadata(language=docs[0].metadata.language),
    )
    for i, doc in enumerate(docs, 1):
        prefixed = _prefix_edit_ids(doc, f"d{i}.")
        combined.blocks.extend(as_articles(prefixed))
        combined.edits.extend(prefixed.edits)
        combined.cleaners.extend(c for c in doc.cleaners if c not in combined.cleaners)
    return combined


def _prefix_edit_ids(doc: Document, prefix: str) -> Document:
    return rename_edits(doc, lambda edit_id: prefix + edit_id)
