"""Dehyphenation decisions on real line-end splits (eval-only data in the shared folder).

1. overProof newspapers (Sydney Morning Herald 1842–1954, Chronicling America): the human
   ground truth keeps each printed line, so every line ending in ``letter-`` is a real split.
   A split is labelled where the word occurs elsewhere in the ground truth of the other
   articles unbroken, either joined (``Thornshope``) or hyphenated (``well-known``) but not
   both; it is decided as copydesk does, with the article's own text as the document.
2. ALTO line-end pairs (BL 1824, NY Tribune c.1903): the OCR engine's ``SUBS_CONTENT`` join
   of each split, which is not human gold; agreement with it is reported for reference.

Use: ``python benchmarks/evaluate_dehyphenation.py``.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter
from pathlib import Path

from copydesk.plugins.cleaners.dehyphenate import WORD, decide

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data"
OVERPROOF = [SHARED / "ocr-text-gt" / "overproof" / d / "allArticles.txt"
             for d in ("dataset2", "dataset3")]
ALTO_PAIRS = SHARED / "dehyphenation" / "alto_hyppart_pairs.tsv"
SPLIT = re.compile(r"([\w’'-]*[^\W\d_])-$")


def articles(path: Path) -> list[list[str]]:
    """Each article's ground-truth lines."""
    out: list[list[str]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("*$*OVERPROOF*$*"):
            out.append([])
        elif out and "||@@||" in line:
            out[-1].append(line.split("||@@||")[1])
    return out


def unbroken_words(lines: list[str]) -> Counter[str]:
    """Words not at a line end or start (those may be halves of a split word)."""
    counts: Counter[str] = Counter()
    for line in lines:
        words = WORD.findall(line)
        counts.update(w.lower() for w in words[1:-1])
    return counts


def overproof() -> tuple[int, int, Counter[str]]:
    arts = [a for path in OVERPROOF if path.exists() for a in articles(path)]
    per_article = [unbroken_words(a) for a in arts]
    everywhere = sum(per_article, Counter())
    right = total = 0
    wrong: Counter[str] = Counter()
    for lines, own in zip(arts, per_article, strict=True):
        elsewhere = everywhere - own
        for line, following in itertools.pairwise(lines):
            match = SPLIT.search(line.rstrip())
            nxt = WORD.match(following.strip())
            if not match or not nxt:
                continue
            fragment, rest = match.group(1), nxt.group()
            joined = (fragment.rsplit("-", 1)[-1] + rest).lower()
            hyphenated = f"{fragment.rsplit('-', 1)[-1]}-{rest}".lower()
            if bool(elsewhere[joined]) == bool(elsewhere[hyphenated]):
                continue  # no label
            truth = bool(elsewhere[joined])
            got, _ = decide(fragment, rest, own)
            total += 1
            right += got == truth
            if got != truth:
                wrong[f"{fragment}-|{rest} ({'join' if truth else 'keep'})"] += 1
    return right, total, wrong


def alto() -> tuple[int, int]:
    agree = total = 0
    for row in ALTO_PAIRS.read_text(encoding="utf-8").splitlines()[1:]:
        _, head, tail, engine = row.split("\t")
        if not (head[-1:].isalpha() and tail[:1].isalpha()):
            continue
        join, _ = decide(head, tail, Counter())
        total += 1
        agree += (head + tail if join else f"{head}-{tail}") == engine
    return agree, total


def main() -> None:
    if not SHARED.exists():
        sys.exit(f"no evaluation data at {SHARED}")
    right, total, wrong = overproof()
    print(f"overProof ground truth: {right}/{total} = {right / max(total, 1):.4f} right")
    print("  most frequent misses:", ", ".join(w for w, _ in wrong.most_common(12)))
    agree, total = alto()
    print(f"ALTO engine joins (not gold): agree on {agree}/{total} = {agree / max(total, 1):.4f}")


if __name__ == "__main__":
    main()
