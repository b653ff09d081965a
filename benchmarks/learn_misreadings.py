"""Learn the character-confusion model of the ``misreadings`` cleaner from the overProof sets.

Only the ``dev`` half of each set is read (see ``overproof.py``). Each OCR line is aligned with
its human correction word by word; each misread word with its right form letter by letter, and
each run of differing letters is one confusion ``(right, read)`` (``m`` read ``rn``, ``h`` read
``li``, ``e`` read ``c``; an inserted or lost letter is taken with the letter before it). A
confusion's probability is how often ``right`` was read as ``read`` over how often ``right``
occurs in the aligned true words. What ships is these derived counts
(``plugins/cleaners/misreadings_model.json``), not the text; then the variants of the word
list's own words are precomputed with it (``misreadings_words_en.tsv.gz``, about 20 s).

Use: ``python benchmarks/learn_misreadings.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from overproof import SETS, articles
from rapidfuzz.distance import Levenshtein

OUT = Path(__file__).resolve().parent.parent / "plugins" / "cleaners" / "misreadings_model.json"
EDGE = re.compile(r"^[^\w]+|[^\w]+$")
LONGEST = 3  # letters on either side of one confusion
MIN_SEEN = 2  # a confusion seen fewer times is not kept


def core(token: str) -> str:
    return EDGE.sub("", token)


def word_pairs(ocr: str, truth: str) -> list[tuple[str, str]]:
    """``(right, read)`` pairs of one line: words aligned one to one."""
    o, t = ocr.split(), truth.split()
    pairs = []
    for op in Levenshtein.opcodes(t, o):
        if op.tag == "equal":
            pairs += [(core(w), core(w)) for w in t[op.src_start:op.src_end]]
        elif op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start:
            pairs += [(core(a), core(b)) for a, b in
                      zip(t[op.src_start:op.src_end], o[op.dest_start:op.dest_end], strict=True)]
    return [(a, b) for a, b in pairs if a and b and a.isalpha() and not any(c.isdigit() for c in b)]


def confusions(right: str, read: str) -> list[tuple[str, str]]:
    """The runs of differing letters between a word and its reading, adjoining changes made
    one run first (``w`` read ``av`` is one confusion however the alignment splits it: an
    inserted ``a``, then ``w`` read ``v``); a run that only inserts or only loses letters is
    taken with the letter before it (after it, at the start)."""
    runs: list[list[int]] = []  # right's start and end, read's start and end
    for op in Levenshtein.opcodes(right, read):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    out = []
    for s0, s1, d0, d1 in runs:
        a, b = right[s0:s1], read[d0:d1]
        if not a or not b:
            if s0 > 0:
                a, b = right[s0 - 1] + a, right[s0 - 1] + b
            else:
                a, b = a + right[s1:s1 + 1], b + right[s1:s1 + 1]
        out.append((a, b))
    return out


def main() -> None:
    seen: Counter[tuple[str, str]] = Counter()
    words_right: Counter[str] = Counter()
    pairs_n = wrong_n = 0
    for name in SETS:
        for article in articles(name):
            if article.half != "dev":
                continue
            for ocr, truth in zip(article.ocr, article.truth, strict=True):
                for right, read in word_pairs(ocr, truth):
                    pairs_n += 1
                    words_right[right] += 1
                    if right != read:
                        if Levenshtein.distance(right, read) > max(2, len(right) // 2):
                            continue
                        wrong_n += 1
                        seen.update(c for c in confusions(right, read)
                                    if len(c[0]) <= LONGEST and len(c[1]) <= LONGEST)
    # a confusion seen in several cases (``w`` read ``Av``, ``AV``, ``av``) counts in small
    # letters too, where the cases together reach what one alone does not
    folded: Counter[tuple[str, str]] = Counter()
    for (right, read), n in seen.items():
        folded[(right.lower(), read.lower())] += n
    small = {pair: n for pair, n in folded.items() if n >= MIN_SEEN and seen[pair] < MIN_SEEN}
    # how often each ``right`` string occurs in the true words (in small letters for the
    # folded ones), to turn counts into rates
    parts = {a for a, _ in seen} | {a for a, _ in small}
    occurs: Counter[str] = Counter()
    occurs_small: Counter[str] = Counter()
    for word, n in words_right.items():
        low = word.lower()
        for size in range(1, LONGEST + 1):
            for i in range(len(word) - size + 1):
                if word[i:i + size] in parts:
                    occurs[word[i:i + size]] += n
                if low[i:i + size] in parts:
                    occurs_small[low[i:i + size]] += n
    table: dict[str, list[list[object]]] = {}
    for (right, read), n in seen.most_common():
        if n < MIN_SEEN or not occurs[right]:
            continue
        table.setdefault(read, []).append([right, round(n / occurs[right], 6), n])
    for (right, read), n in sorted(small.items(), key=lambda item: -item[1]):
        if occurs_small[right]:
            table.setdefault(read, []).append([right, round(n / occurs_small[right], 6), n])
    model = {
        "about": "Character confusions of newspaper OCR (read -> [right, rate, times seen]), "
                 "learned by benchmarks/learn_misreadings.py from the dev half of the overProof "
                 "sets (Sydney Morning Herald, ABBYY FineReader; Chronicling America). Derived "
                 "counts only; no text of the sets.",
        "words": pairs_n, "misread": wrong_n,
        "confusions": table,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"{pairs_n} aligned words, {wrong_n} misread; {sum(map(len, table.values()))} "
          f"confusions kept -> {OUT}")
    from copydesk.plugins.cleaners import _ocrchannel  # its tables follow the new model

    print(f"the word list's own words searched -> {_ocrchannel.write_known_variants()}")


if __name__ == "__main__":
    main()
