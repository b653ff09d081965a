"""Article extraction from real news pages (Zyte benchmark, eval-only data in shared/).

For each of the benchmark's pages, the article body copydesk reads (paragraphs, headings,
lists, block quotes: not captions, not boilerplate) and trafilatura's own plain extraction
are compared with the hand-marked ``articleBody``: precision, recall and F1 of words (bags of
lower-case words), averaged over pages. Captions are counted apart: how many of the page's
``<figcaption>`` texts copydesk sets apart as captions, and how many end up inside each
tool's body text.

What copydesk adds to trafilatura's extraction is checked by cross-validation: ``--half a``
or ``b`` scores one half of the pages (by a hash of the page's id), and ``--without`` leaves
additions out (``comments``: readers' comments left out of the article, which trafilatura's
``extract`` keeps by default; ``interface``: short interface strings set apart; ``links``:
lists of nothing but links set apart; ``figures``: a paragraph that repeats a figure's
caption taken out of the body), so that each is kept only if it helps on both halves.

Use: ``python benchmarks/evaluate_web.py [--limit N] [--half a|b] [--without A,B]``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

import trafilatura

import copydesk
from copydesk import Caption, Cell, Heading, Paragraph, iter_blocks
from copydesk.plugins.readers import html as html_reader
from copydesk.plugins.readers.html import page_figures

DATA = (Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data" / "web"
        / "zyte-article-extraction-benchmark")


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = words(pred), words(gold)
    hit = sum((p & g).values())
    precision = hit / max(1, sum(p.values()))
    recall = hit / max(1, sum(g.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def body_text(doc: copydesk.Document) -> str:
    """Paragraphs, table cells and headings (in lists and block quotes too), but not the page
    title, which the ground truth leaves out of the body as well."""
    return "\n".join(
        b.text for b in iter_blocks(doc) if isinstance(b, Paragraph | Cell) or (
            isinstance(b, Heading) and b.text != doc.metadata.title))


def inside(caption: str, text: str) -> bool:
    return len(caption) >= 20 and " ".join(caption.split()).lower() in " ".join(text.split()).lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--half", choices=("a", "b"), help="score one half of the pages")
    parser.add_argument("--without", default="", help="additions left out: comments,interface,links,figures")
    args = parser.parse_args()
    for addition in filter(None, args.without.split(",")):
        if addition == "interface":
            html_reader.interface = lambda text: False
        elif addition == "links":
            html_reader.all_link = lambda item: False
        elif addition == "figures":
            html_reader.place_figures = lambda blocks, figures, base=None: blocks
        elif addition == "comments":  # readers' comments kept, as trafilatura's default does
            from trafilatura import settings

            settings.Extractor = (  # type: ignore[misc]
                lambda extractor=settings.Extractor, **kw: extractor(**{**kw, "comments": True}))
        else:
            sys.exit(f"no such addition: {addition}")
    if not DATA.exists():
        sys.exit(f"no evaluation data at {DATA}")
    truth = json.loads((DATA / "ground-truth.json").read_text())
    plugins = copydesk.make_plugins(entry_points=False)
    ours, theirs = [], []
    captions_found = captions_total = leak_ours = leak_theirs = failures = 0
    for n, (page_id, item) in enumerate(sorted(truth.items())):
        if args.limit and n >= args.limit:
            break
        if args.half and "ab"[hashlib.sha1(page_id.encode()).digest()[0] % 2] != args.half:
            continue
        with gzip.open(DATA / "html" / f"{page_id}.html.gz") as page:
            raw = page.read()
        html = raw.decode("utf-8", errors="replace")
        gold = item["articleBody"]
        try:
            doc = copydesk.read(raw, "html", plugins=plugins)
            body = body_text(doc)
            captions = [b.text for b in iter_blocks(doc) if isinstance(b, Caption)]
        except copydesk.CopydeskError:
            failures += 1
            body, captions = "", []
        plain = trafilatura.extract(html) or ""
        ours.append(prf(body, gold))
        theirs.append(prf(plain, gold))
        for figure in page_figures(html):
            if not inside(figure.caption, plain) and not inside(figure.caption, body) and not (
                    figure.caption in captions):
                continue  # a figure outside the article (teasers, adverts)
            captions_total += 1
            captions_found += figure.caption in captions
            leak_ours += inside(figure.caption, body)
            leak_theirs += inside(figure.caption, plain)
    pages = len(ours)

    def mean(rows: list[tuple[float, float, float]], k: int) -> float:
        return sum(r[k] for r in rows) / max(1, len(rows))

    print(f"pages: {pages} (copydesk could not read {failures})")
    print(f"{'':12} {'precision':>9} {'recall':>7} {'F1':>7}")
    for name, rows in (("copydesk", ours), ("trafilatura", theirs)):
        print(f"{name:12} {mean(rows, 0):9.4f} {mean(rows, 1):7.4f} {mean(rows, 2):7.4f}")
    print(f"figure captions in the article: {captions_total}; set apart as captions by "
          f"copydesk: {captions_found}; left inside the body: copydesk {leak_ours}, "
          f"trafilatura {leak_theirs}")


if __name__ == "__main__":
    main()
