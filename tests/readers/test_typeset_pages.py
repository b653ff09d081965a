"""Newspaper pages typeset as PDF (benchmarks/pdfpagegen.py) and Tesseract's hOCR and ALTO of
one of them: headlines, bylines, drop caps, pull quotes and captions must be told apart from
the body by type and place, and the body come out whole.

The OCR files in tests/data/ocr are ``pdfpagegen.generate(out, 8, 11, shared=False)``'s first
page, rendered with ``pdftoppm -r 300 -gray`` and read by Tesseract 5.3 (``tesseract page.png
page -l eng hocr alto``); ``typeset-page.json`` is its gold. benchmarks/evaluate_layout.py
measures the same on 30 pages with the project's scorer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pdfpagegen
import pytest
from rapidfuzz import fuzz

import copydesk
from copydesk import Byline, Caption, Heading, Paragraph, PullQuote, iter_blocks

OCR = Path(__file__).resolve().parent.parent / "data" / "ocr"


@pytest.fixture(scope="module")
def typeset(tmp_path_factory):
    out = tmp_path_factory.mktemp("typeset")
    plugins = copydesk.make_plugins(entry_points=False)
    pages = []
    for path in pdfpagegen.generate(out, 12, 5, shared=False):
        gold = json.loads((out / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
        pages.append((gold, copydesk.clean(copydesk.read(path, plugins=plugins), plugins=plugins)))
    return pages


def found(expected, got, threshold=100.0):
    """How many of ``expected`` are in ``got`` (at least ``threshold`` similar), of how many."""
    return sum(any(fuzz.ratio(e, g) >= threshold for g in got) for e in expected), len(expected)


def share(pairs) -> float:
    return sum(h for h, _ in pairs) / max(1, sum(t for _, t in pairs))


def parts(doc):
    blocks = list(iter_blocks(doc))
    return {kind: [b for b in blocks if isinstance(b, kind)]
            for kind in (Paragraph, Heading, Byline, Caption, PullQuote)}


def test_typeset_pages_body_headlines_and_drop_caps(typeset):
    body, heads, drops = [], [], []
    for gold, doc in typeset:
        got = parts(doc)
        body.append(found([p for a in gold["articles"] for p in a["paragraphs"]],
                          [b.text for b in got[Paragraph]]))
        heads.append(found([a["title"] for a in gold["articles"] if a["title"]],
                           [b.text for b in got[Heading]]))
        drops.append(found([a["paragraphs"][0] for a in gold["articles"] if a["drop_cap"]],
                           [b.text for b in got[Paragraph]]))
    assert share(body) >= 0.9  # word for word; benchmarks/evaluate_layout.py: F1 0.99
    assert share(heads) == 1.0
    assert sum(t for _, t in drops) >= 3 and share(drops) == 1.0


def test_typeset_pages_pull_quotes_captions_and_bylines(typeset):
    quotes, captions, bylines = [], [], []
    for gold, doc in typeset:
        got = parts(doc)
        quotes.append(found(gold["pull_quotes"], [b.text for b in got[PullQuote]]))
        # and nothing else: body text repeated elsewhere on the page stays body text
        assert {b.text for b in got[PullQuote]} <= set(gold["pull_quotes"])
        captions.append(found([f"{c['text']} | {c['credit']}" for c in gold["captions"]],
                              [f"{b.text} | {b.credit}" for b in got[Caption]]))
        bylines.append(found([a["byline"].lower() for a in gold["articles"] if a["byline"]],
                             [b.text.lower() for b in got[Byline]]))
    assert sum(t for _, t in quotes) >= 3 and share(quotes) == 1.0
    assert sum(t for _, t in captions) >= 3 and share(captions) == 1.0
    assert share(bylines) == 1.0


def test_typeset_pages_split_into_their_stories(typeset):
    for gold, doc in typeset:
        articles = [b for b in doc.blocks if isinstance(b, copydesk.Article)]
        assert len(articles) == len(gold["articles"])


@pytest.mark.parametrize("name", ["typeset-page.hocr", "typeset-page.alto.xml"])
def test_tesseract_output_of_a_typeset_page(name):
    gold = json.loads((OCR / "typeset-page.json").read_text(encoding="utf-8"))
    doc = copydesk.clean(copydesk.read(OCR / name))
    assert doc.kind == ("hocr" if name.endswith("hocr") else "alto")
    got = parts(doc)
    paragraphs = [p for a in gold["articles"] for p in a["paragraphs"]]
    body = found(paragraphs, [b.text for b in got[Paragraph]], threshold=95)
    assert body[0] >= len(paragraphs) - 1  # OCR misreads a word here and there
    assert found(gold["pull_quotes"], [b.text for b in got[PullQuote]], 95) == (1, 1)
    (caption,) = got[Caption]
    assert fuzz.ratio(caption.text, gold["captions"][0]["text"]) >= 95
    assert caption.credit == gold["captions"][0]["credit"]
    assert found([a["title"] for a in gold["articles"]], [b.text for b in got[Heading]]) == (2, 2)
    # Tesseract lost the drop cap; the room it left says where, the word says which letter
    drop = next(a for a in gold["articles"] if a["drop_cap"])
    assert found([drop["paragraphs"][0]], [b.text for b in got[Paragraph]], 95) == (1, 1)
    assert [e.replacement for e in doc.edits if e.kind == "supply"] == [drop["drop_cap"]]
    assert len([b for b in doc.blocks if isinstance(b, copydesk.Article)]) == 2
