"""Provenance: the record of what each cleaner changed, so users can review and undo it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, kw_only=True)
class Edit:
    """One change a cleaner made to the text.

    ``original`` and ``replacement`` are the text before and after; ``line`` is the source line
    (1-based) where the change happened, when known. Inside block text an edit is anchored by a
    mark of kind ``"edit"`` whose ``target`` is this edit's ``id``, so writers such as TEI can
    encode it in place (``<supplied>``, ``<choice><orig>/<reg>``, ``<choice><sic>/<corr>``).
    """

    id: str
    plugin: str
    kind: str  # e.g. "join", "keep-hyphen", "supply", "move", "remove", "split"
    original: str
    replacement: str
    line: int | None = None
    note: str | None = None
    confidence: float | None = None  # how sure the cleaner was (0–1), where it weighs evidence
