"""Article splitting on a real newspaper issue, against the article structure its METS gives.

The British Library's *The Statesman* of 17 February 1824 (``../shared/eval-data/alto/
bl-the-statesman-1824-02-17``: four ALTO pages and a METS file) lists each article's text
blocks as ranges of ALTO word ids. Each page is converted with copydesk (default cleaners);
each body paragraph is given the gold article most of its distinctive words belong to (words
found in one article of the page only), and the split is scored pairwise: two paragraphs in
the same predicted article should be in the same gold article (precision) and the other way
round (recall). Article counts per page are printed too.

Use: ``python benchmarks/evaluate_alto_articles.py [ISSUE_DIR]``.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

import copydesk
from copydesk import Article, Paragraph

ISSUE = (Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data" / "alto"
         / "bl-the-statesman-1824-02-17")
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
NS = {"mets": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink"}
WORD = re.compile(r"[a-z]{3,}")


def gold_articles(mets: Path) -> dict[int, dict[str, str]]:
    """``page -> {ALTO word id: article id}`` from the METS file's logical-physical links."""
    root = etree.parse(str(mets), SAFE).getroot()
    areas: dict[str, tuple[int, str, str]] = {}
    for div in root.iterfind(".//mets:div[@TYPE='pagearea']", NS):
        for area in div.iterfind(".//mets:area[@BETYPE='IDREF']", NS):
            page = int(re.search(r"(\d+)", area.get("FILEID", "0")).group(1))  # type: ignore[union-attr]
            areas[div.get("ID", "")] = (page, area.get("BEGIN", ""), area.get("END", ""))
    ranges: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for group in root.iterfind(".//mets:smLinkGrp", NS):
        labels = {loc.get(f"{{{NS['xlink']}}}label"): loc.get(f"{{{NS['xlink']}}}href", "")[1:]
                  for loc in group.iterfind("mets:smLocatorLink", NS)}
        article = labels.get("article")
        if not article:
            continue
        for label, target in labels.items():
            if label != "article" and target in areas:
                page, begin, end = areas[target]
                ranges[page].append((article, begin, end))
    pages: dict[int, dict[str, str]] = {}
    for page, spans in ranges.items():
        alto = next(mets.parent.glob(f"*_{page:04d}.xml"))
        ids = [el.get("ID") for el in etree.parse(str(alto), SAFE).iter()
               if isinstance(el.tag, str) and etree.QName(el).localname == "String"]
        position = {word: i for i, word in enumerate(ids)}
        owner: dict[str, str] = {}
        for article, begin, end in spans:
            for word in ids[position.get(begin, 0) : position.get(end, -1) + 1]:
                owner[word] = article
        pages[page] = owner
    return pages


def words_by_article(alto: Path, owner: dict[str, str]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for el in etree.parse(str(alto), SAFE).iter():
        if isinstance(el.tag, str) and etree.QName(el).localname == "String" and el.get("ID") in owner:
            out[owner[el.get("ID")]].update(WORD.findall((el.get("SUBS_CONTENT") or el.get("CONTENT", "")).lower()))
    return out


def main() -> None:
    issue = Path(sys.argv[1]) if len(sys.argv) > 1 else ISSUE
    mets = next(issue.glob("*mets.xml"), None)
    if mets is None:
        sys.exit(f"no METS file in {issue} (the issue lives in the project's shared folder)")
    gold = gold_articles(mets)
    plugins = copydesk.make_plugins(entry_points=False)
    same_pred = same_gold = both = 0
    for page, owner in sorted(gold.items()):
        alto = next(issue.glob(f"*_{page:04d}.xml"))
        vocab = words_by_article(alto, owner)
        where: dict[str, set[str]] = defaultdict(set)
        for article, words in vocab.items():
            for word in words:
                where[word].add(article)
        doc = copydesk.clean(copydesk.read(alto, plugins=plugins), plugins=plugins)
        labelled = []  # (predicted article, gold article) per body paragraph
        predicted = 0
        for n, block in enumerate(doc.blocks):
            inner = block.blocks if isinstance(block, Article) else [block]
            predicted += isinstance(block, Article)
            for para in inner:
                if not isinstance(para, Paragraph):
                    continue
                votes = Counter(next(iter(where[w])) for w in WORD.findall(para.text.lower())
                                if len(where.get(w, ())) == 1)
                if votes:
                    labelled.append((n if isinstance(block, Article) else -1 - n,
                                     votes.most_common(1)[0][0]))
        for (p1, g1), (p2, g2) in itertools.combinations(labelled, 2):
            same_pred += p1 == p2
            same_gold += g1 == g2
            both += p1 == p2 and g1 == g2
        print(f"page {page}: gold articles {len(vocab)}, predicted {predicted}, "
              f"paragraphs scored {len(labelled)}")
    precision = both / same_pred if same_pred else 0.0
    recall = both / same_gold if same_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"pairwise precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
