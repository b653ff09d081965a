"""Print-OCR cleanup on synthetic pages (benchmarks/pagegen.py) the rules were not written for.

A regression guard with conservative floors; benchmarks/evaluate_print_ocr.py measures the
same thing on 200 pages with the project's scorer.
"""

from __future__ import annotations

import random

import pagegen
import pytest

import copydesk
from copydesk import Byline, Caption, Paragraph, PullQuote, iter_blocks


@pytest.fixture(scope="module")
def results():
    rng = random.Random(7)
    chapters = pagegen.load_chapters(shared=False)  # the same pages on every machine
    plugins = copydesk.make_plugins(entry_points=False)
    out = []
    for n in range(1, 31):
        text, gold = pagegen.make_page(rng, chapters, n)
        doc = copydesk.clean(copydesk.read(text.encode(), plugins=plugins), plugins=plugins)
        out.append((gold, doc))
    return out


def found(expected, got):
    return sum(e in got for e in expected), len(expected)


def ratio(pairs):
    hit = sum(h for h, _ in pairs)
    total = sum(t for _, t in pairs)
    return hit / total


def test_generated_pages_are_sniffed_as_print_ocr(results):
    assert all(doc.kind == "print-ocr" for _, doc in results)


def test_body_paragraphs_come_out_word_for_word(results):
    pairs = [found([p for a in gold["articles"] for p in a["paragraphs"]],
                   {b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)})
             for gold, doc in results]
    assert ratio(pairs) >= 0.85


def test_captions_pull_quotes_and_bylines_are_found(results):
    captions, quotes, bylines = [], [], []
    for gold, doc in results:
        blocks = list(iter_blocks(doc))
        captions.append(found([(c["text"], c["credit"]) for c in gold["captions"]],
                              {(b.text, b.credit) for b in blocks if isinstance(b, Caption)}))
        quotes.append(found(gold["pull_quotes"], {b.text for b in blocks if isinstance(b, PullQuote)}))
        bylines.append(found([a["byline"] for a in gold["articles"] if a["byline"]],
                             {b.text for b in blocks if isinstance(b, Byline)}))
    assert ratio(captions) >= 0.95
    assert ratio(quotes) >= 0.9
    assert ratio(bylines) >= 0.95


def test_boilerplate_never_reaches_the_body(results):
    for gold, doc in results:
        body = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))
        assert not any(f" {line} " in f" {body} " for line in gold["boilerplate"]
                       if not line.isdigit())
