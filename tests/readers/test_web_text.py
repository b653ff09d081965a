"""The web-text reader on the seed page and on pages built here like real news pages."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS
from newsarticle import ARTICLE

import copydesk
from copydesk import Boilerplate, Byline, Caption, Heading, Paragraph, iter_blocks

WEB_SEED = SEEDS / "000_3ffcc09e67953d68.txt"

PAGE = [
    "Skip to content", "Home", "News", "Sport", "Culture", "Search",
    "City Votes to Build New River Bridge | The Riverside Gazette",
    "By Jane Doe", "Share on Facebook", "Tweet", "Email",
    "Photo caption:", "The old ferry crossing at dawn. REUTERS/John Roe",
    *ARTICLE,
    "Reporting by Jane Doe; Editing by John Roe",
    "Read more: Trams return to the old town", "Related articles", "Advertisement",
    "We use cookies to improve your experience. Accept all cookies",
    "© 2024 The Riverside Gazette. All rights reserved.",
]


def convert(text: str):
    return copydesk.clean(copydesk.read(text.encode()))


@pytest.mark.parametrize("gap", ["\n\n", "\n"], ids=["blank-lines", "no-blank-lines"])
def test_a_news_page_copied_with_or_without_blank_lines(gap):
    doc = convert(gap.join(PAGE) + "\n")
    assert doc.kind == "web-text"
    blocks = list(iter_blocks(doc))
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ARTICLE
    assert doc.metadata.title == "City Votes to Build New River Bridge"
    assert doc.metadata.site_name == "The Riverside Gazette"
    assert [b.text for b in blocks if isinstance(b, Byline)] == [
        "By Jane Doe", "Reporting by Jane Doe; Editing by John Roe"]
    assert [(b.text, b.credit) for b in blocks if isinstance(b, Caption)] == [
        ("The old ferry crossing at dawn.", "REUTERS/John Roe")]
    furniture = {b.text for b in blocks if isinstance(b, Boilerplate)}
    assert {"Skip to content", "Share on Facebook", "Related articles",
            "We use cookies to improve your experience. Accept all cookies"} <= furniture
    assert [b.text for b in blocks if isinstance(b, Heading)] == [doc.metadata.title]


def test_mojibake_is_repaired():
    broken = "\n\n".join(ARTICLE).replace("“", "â€œ").replace("”", "â€\x9d")
    doc = convert(broken + "\n")
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)] == ARTICLE


def test_the_web_seed_meets_its_gold():
    gold = json.loads((SEEDS / "expected" / f"{WEB_SEED.stem}.json").read_text())
    doc = convert(WEB_SEED.read_text())
    blocks = list(iter_blocks(doc))
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == gold["articles"][0]["paragraphs"]
    assert [{"text": b.text, "credit": b.credit} for b in blocks
            if isinstance(b, Caption)] == gold["captions"]
    assert doc.metadata.title == gold["metadata"]["title"]
    assert doc.metadata.site_name == gold["metadata"]["site_name"]
    assert set(gold["boilerplate"]) <= {b.text for b in blocks if isinstance(b, Boilerplate)}


def test_print_ocr_and_plain_text_are_not_taken_for_web_text():
    assert copydesk.read(SEEDS / "003_d60a862d48c27c24.txt").kind == "print-ocr"
    assert copydesk.read(b"A short note.\nAnother line.\n").kind == "text"


@pytest.mark.parametrize("opening, found", [
    ("BAGHDAD (Reuters) - Iraqi forces entered the city on Monday, officials said, after a "
     "week of heavy fighting.", "BAGHDAD (Reuters)"),
    ("NEW YORK, March 3 (AP) — Stocks rose on Tuesday as investors weighed new figures on "
     "jobs and prices.", "NEW YORK, March 3 (AP)"),
    ("LONDON — The prime minister said on Friday that the vote would go ahead as planned "
     "next week.", "LONDON"),
    ("The council voted on Tuesday to build a new bridge across the river, ending a long "
     "debate.", None),
])
def test_datelines_are_noted_and_the_text_kept(opening, found):
    doc = convert("\n\n".join([opening, *ARTICLE]) + "\n")
    assert doc.metadata.extra.get("dateline") == found
    assert next(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)) == opening
