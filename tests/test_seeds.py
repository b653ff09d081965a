"""The seed pages reproduce their hand-made gold (seeds/expected/*.json)."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS

import copydesk
from copydesk import Article, Byline, Caption, Paragraph, PullQuote, iter_blocks

PRINT_SEED = SEEDS / "003_d60a862d48c27c24.txt"


@pytest.fixture(scope="module")
def page():
    return copydesk.clean(copydesk.read(PRINT_SEED)), json.loads(
        (SEEDS / "expected" / f"{PRINT_SEED.stem}.json").read_text())


def test_print_seed_is_sniffed_as_print_ocr():
    assert copydesk.read(PRINT_SEED).kind == "print-ocr"


def test_print_seed_articles_and_paragraphs_word_for_word(page):
    doc, gold = page
    articles = [b for b in doc.blocks if isinstance(b, Article)]
    assert len(articles) == len(gold["articles"]) == 2
    for article, expected in zip(articles, gold["articles"], strict=True):
        assert [b.text for b in article.blocks if isinstance(b, Paragraph)] == expected["paragraphs"]
        bylines = [b.text for b in article.blocks if isinstance(b, Byline)]
        assert bylines == ([expected["byline"]] if expected["byline"] else [])


def test_print_seed_pull_quotes_and_captions(page):
    doc, gold = page
    quotes = [b.text for b in iter_blocks(doc) if isinstance(b, PullQuote)]
    assert sorted(quotes) == sorted(gold["pull_quotes"])
    captions = [{"text": b.text, "credit": b.credit} for b in iter_blocks(doc)
                if isinstance(b, Caption)]
    assert captions == gold["captions"]


def test_print_seed_drop_caps_are_supplied_and_recorded(page):
    doc, gold = page
    supplied = [e for e in doc.edits if e.kind == "supply"]
    assert [e.replacement for e in supplied] == [a["drop_cap"] for a in gold["articles"]]
    assert all(e.plugin == "dropcap" and e.line for e in supplied)


def test_print_seed_keeps_real_compounds(page):
    doc, gold = page
    body = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))
    compounds = set(gold["hyphen_compounds_split_at_line_end"])
    assert all(c in body and c.replace("-", "") not in body for c in compounds)
    kept = {e.replacement for e in doc.edits if e.kind == "keep-hyphen"}
    assert kept <= compounds
