from __future__ import annotations

from collections import Counter

import pytest

import copydesk
from copydesk.plugins.cleaners.dehyphenate import decide


@pytest.mark.parametrize("fragment, following, join", [
    ("fight", "ing", True),
    ("con", "viction", True),
    ("strong", "hold", True),
    ("in", "different", True),
    ("trustful", "ly", True),
    ("Major-Gen", "eral", True),
    ("Mc", "Carthy", True),
    ("secretary", "general", False),
    ("self", "imposed", False),
    ("well", "known", False),
    ("US", "supported", False),
    ("France", "Presse", False),
    ("al", "Baghdadi", False),
    ("10", "1", False),
    ("slate", "roofed", False),
    # two words far commoner in a row than joined: a compound ...
    ("dining", "room", False),
    ("old", "fashioned", False),
    ("top", "hat", False),
    # ... unless the first is a word of grammar
    ("be", "held", True),
    ("be", "sought", True),
    ("sixty", "five", False),  # a number in words
])
def test_decisions_from_word_evidence(fragment, following, join):
    assert decide(fragment, following, Counter())[0] is join


def test_the_documents_own_spelling_wins():
    assert decide("Bagh", "dadi", Counter({"baghdadi": 3}))[0] is True
    assert decide("e", "mail", Counter({"e-mail": 2}))[0] is False
    assert decide("co", "operate", Counter({"co-operate": 1}))[0] is False


def test_splits_are_joined_across_column_breaks_and_recorded():
    text = ("The troops had to fight-\ning their way in, and the\nsecretary-\n\n"
            "general of the ministry said the ar-\nmy was US-\nsupported.\n")
    doc = copydesk.clean(copydesk.read(text.encode() * 1, "print-ocr"))
    body = [b.text for b in copydesk.iter_blocks(doc) if isinstance(b, copydesk.Paragraph)]
    assert body == ["The troops had to fighting their way in, and the secretary-general of the "
                    "ministry said the army was US-supported."]
    kinds = sorted((e.kind, e.replacement) for e in doc.edits if e.plugin == "dehyphenate")
    assert kinds == [("join", "army"), ("join", "fighting"), ("keep-hyphen", "US-supported"),
                     ("keep-hyphen", "secretary-general")]
    assert all(e.line for e in doc.edits)


def test_no_dehyphenate_keeps_every_hyphen():
    doc = copydesk.read(b"We were fight-\ning hard.\n", "print-ocr")
    out = copydesk.clean(doc, ["reflow"])
    assert out.blocks[0].text == "We were fight-ing hard."
