"""The title and the first heading are one text: a cleaner's change to the headline shows in
every writer, once (with the example plugin's kind of change, on every input kind)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

import copydesk
from copydesk import Byline, Heading, iter_blocks

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "copydesk-plugin-example"
BODY = ("The council met on Tuesday and agreed, after a long debate that went on into the "
        "night, to build the new harbour wall before the winter storms. The vote was seven to two.")
MORE = ("Residents who have waited ten years for the wall said they were glad the matter was "
        "settled at last, though some doubted the cost of it all.")
HEADLINE = 'Harbour "wall" -- at last'
TYPESET = "Harbour “wall”—at last"
INPUTS = {
    "html": (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
             f"<p>{BODY}</p><p>{MORE}</p></article></body></html>", "html"),
    "web-text": f"Home | News | Sport\n\n{HEADLINE}\n\nBy Ann Lee | 3 March 2025\n\n{BODY}\n\n{MORE}\n",
    "print-ocr": f"{HEADLINE.upper()}\n\nBy Ann Lee\n\n{BODY}\n\n{MORE}\n",
    "json": None,
}


@pytest.fixture(scope="module")
def typography():
    return copydesk.make_plugins(extra=[str(EXAMPLE / "copydesk_typography.py")])


def source(kind: str) -> tuple[bytes, str]:
    if kind == "json":
        doc = copydesk.Document(metadata=copydesk.Metadata(title=HEADLINE), blocks=[
            Heading(text=HEADLINE), copydesk.Paragraph(text=BODY)])
        return json.dumps(copydesk.model.jsoncodec.to_data(doc)).encode(), "json"
    value = INPUTS[kind]
    text, fmt = value if isinstance(value, tuple) else (value, kind)
    return text.encode(), fmt


@pytest.mark.parametrize("kind", list(INPUTS))
def test_a_changed_headline_is_the_title_everywhere_once(kind, typography, tmp_path):
    data, fmt = source(kind)
    doc = copydesk.clean(copydesk.read(data, fmt, plugins=typography), add=["typography"],
                         plugins=typography)
    headings = [b.text for b in iter_blocks(doc) if isinstance(b, Heading)]
    wanted = TYPESET.upper() if kind == "print-ocr" else TYPESET
    assert headings[:1] == [wanted]
    if doc.metadata.title is not None:
        assert doc.metadata.title == wanted
    markdown = tmp_path / "out.md"
    copydesk.write(doc, markdown, "markdown", plugins=typography)
    text = markdown.read_text(encoding="utf-8")
    assert text.count(wanted) == 1 and "--" not in text and '"' not in text
    tei = tmp_path / "out.xml"
    copydesk.write(doc, tei, "tei", plugins=typography)
    root = etree.parse(str(tei))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    titles = root.xpath("//t:titleStmt/t:title/text()", namespaces=ns)
    assert '"' not in " ".join(titles) and "--" not in " ".join(titles)


def test_web_text_without_a_page_title_line_finds_its_headline_and_byline():
    data, _ = source("web-text")
    doc = copydesk.clean(copydesk.read(data, "web-text"))
    assert doc.metadata.title == HEADLINE
    blocks = list(iter_blocks(doc))
    assert [b.text for b in blocks if isinstance(b, Heading)] == [HEADLINE]
    assert [b.text for b in blocks if isinstance(b, Byline)] == ["By Ann Lee | 3 March 2025"]


def test_a_title_a_cleaner_set_itself_is_kept():
    from copydesk.pipeline import title_follows_heading

    before = copydesk.Document(metadata=copydesk.Metadata(title="Old"), blocks=[
        Heading(text="Old"), copydesk.Paragraph(text=BODY)])
    after = copydesk.Document(metadata=copydesk.Metadata(title="Chosen"), blocks=[
        Heading(text="New"), copydesk.Paragraph(text=BODY)])
    assert title_follows_heading(before, after).metadata.title == "Chosen"
    moved = copydesk.Document(metadata=copydesk.Metadata(title="Old"), blocks=[
        copydesk.Paragraph(text=BODY), Heading(text="Another")])
    assert title_follows_heading(before, moved).metadata.title == "Old"
