"""Changing a block's text while keeping its marks in place, and logging each change as an Edit.

Cleaners use these so that every change is recorded (``Document.edits``) and anchored in the
text (a mark of kind ``"edit"``), whatever the order in which cleaners run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from copydesk.model.edits import Edit
from copydesk.model.nodes import Document, Mark, TextBlock


def _move(offset: int, start: int, end: int, length: int) -> int:
    """Where ``offset`` goes when ``[start, end)`` becomes ``length`` characters: what lies
    after the change shifts, what lies inside it is clamped to the new text, the rest stays."""
    if offset >= end and offset > start:
        return offset + length - (end - start)
    if offset > start:
        return start + min(offset - start, length)
    return offset


def _moved(marks: Sequence[Mark], changes: Sequence[tuple[int, int, str]]) -> list[Mark]:
    out = []
    for m in marks:
        s, e = m.start, m.end
        for start, end, new in reversed(changes):  # right to left: earlier offsets stay valid
            s, e = _move(s, start, end, len(new)), _move(e, start, end, len(new))
        out.append(m if (s, e) == (m.start, m.end) else Mark(
            kind=m.kind, start=s, end=max(s, e), target=m.target))
    return out


def splice(
    text: str, marks: Sequence[Mark], start: int, end: int, new: str
) -> tuple[str, list[Mark]]:
    """Replace ``text[start:end]`` by ``new``; marks after it shift, marks inside it shrink to
    the new text, marks before it (and zero-width marks at its start) stay."""
    return text[:start] + new + text[end:], _moved(marks, [(start, end, new)])


def splice_many(
    text: str, marks: Sequence[Mark], changes: Sequence[tuple[int, int, str]]
) -> tuple[str, list[Mark], list[int]]:
    """Apply non-overlapping ``(start, end, new)`` changes, given in text order, in one pass;
    the same as :func:`splice` for each, right to left. Returns the new text, the moved marks
    and where each change starts in the new text."""
    pieces, starts = [], []
    pos = delta = 0
    for start, end, new in changes:
        pieces.append(text[pos:start])
        pieces.append(new)
        starts.append(start + delta)
        delta += len(new) - (end - start)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), _moved(marks, changes), starts


class EditLog:
    """Hands out edit ids that continue the document's, and collects the new edits."""

    def __init__(self, doc: Document, plugin: str) -> None:
        self.plugin = plugin
        self.edits: list[Edit] = list(doc.edits)
        self._taken = {e.id for e in doc.edits}
        self._next = len(doc.edits) + 1

    def add(self, kind: str, original: str, replacement: str, line: int | None = None,
            note: str | None = None, confidence: float | None = None) -> str:
        while f"e{self._next}" in self._taken:  # ids of combined documents may be anything
            self._next += 1
        edit_id = f"e{self._next}"
        self._taken.add(edit_id)
        self.edits.append(Edit(id=edit_id, plugin=self.plugin, kind=kind, original=original,
                               replacement=replacement, line=line, note=note,
                               confidence=confidence))
        return edit_id

    def replace(self, block: TextBlock, start: int, end: int, new: str, kind: str,
                original: str | None = None, line: int | None = None,
                note: str | None = None) -> TextBlock:
        """``block`` with ``text[start:end]`` replaced by ``new``, logged and marked."""
        text, marks = self.replace_text(block.text, block.marks, start, end, new, kind,
                                        original, line, note)
        return dataclasses.replace(block, text=text, marks=sorted(marks, key=mark_order))

    def replace_many(self, block: TextBlock, changes: Sequence[tuple[int, int, str]], kind: str,
                     note: str | None = None,
                     confidences: Sequence[float | None] | None = None) -> TextBlock:
        """``block`` with non-overlapping ``(start, end, new)`` changes (in text order) made
        in one pass, each logged (with its confidence, where given) and marked."""
        text, marks, starts = splice_many(block.text, block.marks, changes)
        line = block.lines[0].number if block.lines else None
        for n, ((start, end, new), at) in enumerate(zip(changes, starts, strict=True)):
            edit_id = self.add(kind, block.text[start:end], new, line, note,
                               confidence=confidences[n] if confidences else None)
            marks.append(Mark(kind="edit", start=at, end=at + len(new), target=edit_id))
        return dataclasses.replace(block, text=text, marks=sorted(marks, key=mark_order))

    def replace_text(self, text: str, marks: Sequence[Mark], start: int, end: int, new: str,
                     kind: str, original: str | None = None, line: int | None = None,
                     note: str | None = None) -> tuple[str, list[Mark]]:
        """The same on a text and its marks (unsorted), for cleaners making many changes."""
        edit_id = self.add(kind, text[start:end] if original is None else original, new,
                           line, note)
        text, out = splice(text, marks, start, end, new)
        out.append(Mark(kind="edit", start=start, end=start + len(new), target=edit_id))
        return text, out


def mark_order(m: Mark) -> tuple[int, int, str]:
    return (m.start, -m.end, m.kind)
