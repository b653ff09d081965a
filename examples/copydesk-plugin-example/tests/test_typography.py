"""Tests of the example plugin, loaded the way copydesk loads any plugin file."""

from __future__ import annotations

import io
from pathlib import Path

import copydesk
from copydesk import Document, Heading, Paragraph

PLUGIN = str(Path(__file__).resolve().parent.parent / "copydesk_typography.py")


def plugins():
    return copydesk.make_plugins(entry_points=False, extra=[PLUGIN])


def test_typography_sets_quotes_dashes_and_ellipses_and_records_each_change():
    doc = Document(blocks=[Paragraph(text='He said "it\'s done" -- and left... ﬁnally')])
    out = copydesk.clean(doc, ["typography"], plugins=plugins())
    assert out.blocks[0].text == "He said “it’s done”—and left… finally"
    assert sorted({e.kind for e in out.edits}) == ["apostrophe", "dash", "ellipsis", "ligature",
                                                    "quote"]
    assert all(e.plugin == "typography" for e in out.edits)
    assert doc.blocks[0].text.startswith('He said "')  # the input is left alone


def test_plain_writer_wraps_at_the_width_asked_for():
    doc = Document(blocks=[Heading(text="A Heading"), Paragraph(text="word " * 30)])
    stream = io.BytesIO()
    copydesk.write(doc, stream, "plain", options={"width": "40"}, plugins=plugins())
    lines = stream.getvalue().decode().splitlines()
    assert lines[:2] == ["A Heading", "---------"]
    assert max(len(line) for line in lines) <= 40
