"""The ``wordsplits`` rule on real newspaper OCR with human ground truth (overProof).

For every place in the raw OCR lines where a single capital stands before a lower-case
fragment (``Y ou``), the human-corrected line says whether they are one word (the joined word
is in it) or two (the capital and the fragment are). Counts how often the rule joins, and how
often it is right; places the ground truth does not settle are left out.

Use: ``python benchmarks/evaluate_wordsplits.py`` (needs ``../shared/eval-data``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from copydesk.plugins.cleaners.wordsplits import SPLIT, WORD, one_word

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data"
OVERPROOF = [SHARED / "ocr-text-gt" / "overproof" / d / "allArticles.txt"
             for d in ("dataset2", "dataset3")]


def pairs() -> list[tuple[str, str, list[str]]]:
    """(raw OCR line, ground-truth line, the article's raw OCR lines) for every line."""
    out: list[tuple[str, str, list[str]]] = []
    for path in OVERPROOF:
        if not path.exists():
            continue
        article: list[str] = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("*$*OVERPROOF*$*"):
                article = []
            elif line.count("||@@||") >= 1:
                raw, truth = line.split("||@@||")[:2]
                article.append(raw)  # the document's own words, as the cleaner sees them
                out.append((raw, truth, article))
    return out


def main() -> None:
    rows = pairs()
    if not rows:
        sys.exit(f"no overProof data in {SHARED} (it lives in the project's shared folder)")
    joined = right = settled = wanted = 0
    wrong: Counter[str] = Counter()
    for raw, truth, article in rows:
        seen = Counter(w for line in article for w in WORD.findall(line))
        for match in SPLIT.finditer(raw):
            letter, fragment = match.groups()
            one = re.search(rf"\b{re.escape(letter + fragment)}\b", truth) is not None
            two = re.search(rf"\b{re.escape(letter)} {re.escape(fragment)}\b", truth) is not None
            if one == two:
                continue  # the ground truth does not settle it
            settled += 1
            wanted += one
            if one_word(letter, fragment, seen):
                joined += 1
                right += one
                if not one:
                    wrong[f"{letter} {fragment}"] += 1
    print(f"settled places {settled}, one word in truth {wanted}")
    print(f"joined {joined}, right {right}: precision {right / max(joined, 1):.3f}, "
          f"recall {right / max(wanted, 1):.3f}")
    print("wrong joins:", wrong.most_common(10))


if __name__ == "__main__":
    main()
