"""docs/model.md against the model's classes: every node type and field is documented, and the
code on the page runs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import copydesk
from copydesk.model.nodes import NODE_TYPES, Container, TextBlock

PAGE = Path(__file__).resolve().parent.parent / "docs" / "model.md"
CLASSES = [copydesk.Document, copydesk.Metadata, TextBlock, Container, copydesk.PageBreak,
           *NODE_TYPES.values(), copydesk.Mark, copydesk.Line, copydesk.Box, copydesk.Edit]


def sections() -> dict[str, str]:
    """The page's ``### `Name``` sections by class name."""
    parts = re.split(r"^### `(\w+)`\s*$", PAGE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def own_fields(cls: type) -> list[str]:
    inherited = {f.name for base in cls.__mro__[1:] if dataclasses.is_dataclass(base)
                 for f in dataclasses.fields(base)}
    names = [f.name for f in dataclasses.fields(cls) if f.name not in inherited]
    if cls is Container:
        names.append("content")
    return names


@pytest.mark.parametrize("cls", list(dict.fromkeys(CLASSES)), ids=lambda c: c.__name__)
def test_every_type_and_field_is_on_the_page(cls):
    found = sections()
    assert cls.__name__ in found, f"docs/model.md has no section for {cls.__name__}"
    rows = set(re.findall(r"^\| `(\w+)` \|", found[cls.__name__], flags=re.MULTILINE))
    missing = [name for name in own_fields(cls) if name not in rows]
    assert not missing, f"docs/model.md: {cls.__name__} lacks {missing}"
    stale = rows - set(own_fields(cls))
    assert not stale, f"docs/model.md: {cls.__name__} documents fields it has not: {stale}"


def test_the_pages_examples_run():
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.DOTALL)
    namespace: dict = {}
    for code in blocks:
        exec(compile(code, str(PAGE), "exec"), namespace)  # noqa: S102 - our own page
    doc = namespace["doc"]
    copydesk.validate(doc)
    source = copydesk.Document(blocks=[copydesk.Paragraph(text="Salt & pepper & more")])
    cleaned = namespace["ampersands"](source)
    assert cleaned.blocks[0].text == "Salt and pepper & more"
    assert [(e.original, e.replacement) for e in cleaned.edits] == [("&", "and")]
    copydesk.validate(cleaned)
    assert source.blocks[0].text == "Salt & pepper & more"
