"""The Python API: read a seed page, clean it, write it as Markdown and JSON, list the edits.

Run from the repository root: ``python examples/convert_api.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import copydesk

seed = Path(__file__).resolve().parent.parent / "seeds" / "003_d60a862d48c27c24.txt"
doc = copydesk.read(seed)  # the format is sniffed; pass format="text" to choose
doc = copydesk.clean(doc)  # the default cleaners for the input's kind, in dependency order
copydesk.write(doc, sys.stdout.buffer, "markdown")
for edit in doc.edits:
    print(f"{edit.plugin}: {edit.original!r} -> {edit.replacement!r}", file=sys.stderr)
paragraphs = copydesk.query(doc, lambda b: b if isinstance(b, copydesk.Paragraph) else None)
print(f"{len(paragraphs)} paragraphs, cleaners run: {doc.cleaners}", file=sys.stderr)
