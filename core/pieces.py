"""Long inputs converted a piece at a time, so that memory stays bounded however long they are.

A reader with ``pieces`` (print OCR, PDF) reads a long input as a run of documents of a
hundred pages or so (print OCR: each ending, where it can, at a page whose last line ends a
sentence); a writer with ``write_pieces`` (JSON, TEI, Markdown, EPUB) writes such a run as
one document as it comes (EPUB: each piece's chapters made and set aside in a temporary file,
the book written at the end). Each piece is read, cleaned and written before the next is read, so a
5,000-page file takes the memory of one piece. Cleaners see one piece at a time: what they
take from the whole document (running heads' recurrence, the document's vocabulary, its
paragraph conventions) comes from that piece's hundred pages, plenty for each. The
document's language is found in the first piece and holds for every piece, as it does in a
whole conversion; edit ids run on across pieces.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator

from copydesk.model.nodes import Block, Document, TextBlock
from copydesk.model.walk import walk


def cleaned_pieces(pieces: Iterable[Document], clean: Callable[[Document], Document],
                   record: Document, finish: Callable[[Document], Document] = lambda d: d,
                   keep_edits: bool = True) -> Iterator[Document]:
    """Each piece cleaned by ``clean``, its edits renumbered to follow the earlier pieces';
    the first also through ``finish`` (the user's metadata). ``record`` gathers what the whole
    document's record holds (the first piece's kind and metadata, the cleaners that ran, and
    with ``keep_edits`` every edit), not its blocks."""
    language, edits = None, 0
    for n, piece in enumerate(pieces):
        if language and not piece.metadata.language:
            piece = dataclasses.replace(
                piece, metadata=dataclasses.replace(piece.metadata, language=language))
        done = renumber_edits(clean(piece), edits)
        edits += len(done.edits)
        if n == 0:
            done = finish(done)
            language = done.metadata.language
            record.kind, record.metadata = done.kind, done.metadata
        if keep_edits:
            record.edits.extend(done.edits)
        record.cleaners.extend(c for c in done.cleaners if c not in record.cleaners)
        yield done
        del done, piece
        if not gc.isenabled():  # (the CLI runs without the collector: the model is a tree)
            gc.collect()  # a cleaner's inner function that calls itself is a cycle
            if n == 0:
                gc.freeze()  # what stays (plugins, word lists) is never scanned again


def renumber_edits(doc: Document, offset: int) -> Document:
    """``doc`` with its edits ``e1``, ``e2``… renumbered from ``e{offset + 1}`` (the ids a
    cleaner hands out in a fresh document), in the edits and in the marks that point to them."""
    if not offset or not doc.edits:
        return doc
    ids = {edit.id: f"e{offset + n}" for n, edit in enumerate(doc.edits, 1)}
    return rename_edits(doc, ids.__getitem__)


def rename_edits(doc: Document, rename: Callable[[str], str]) -> Document:
    """``doc`` with every edit's id, and every edit mark's target, passed through ``rename``."""
    def retarget(block: Block) -> Block:
        if isinstance(block, TextBlock) and any(m.kind == "edit" for m in block.marks):
            marks = [dataclasses.replace(m, target=rename(m.target or "")) if m.kind == "edit"
                     else m for m in block.marks]
            return dataclasses.replace(block, marks=marks)
        return block

    renamed = walk(doc, retarget)
    renamed.edits = [dataclasses.replace(e, id=rename(e.id)) for e in doc.edits]
    return renamed
