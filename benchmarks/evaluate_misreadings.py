"""The ``misreadings`` cleaner on real newspaper OCR with human correction (overProof sets).

Each article's raw OCR is read with the plain-text reader and cleaned by ``misreadings`` alone
(what ``copydesk convert in.txt -f text --no-clean all --clean misreadings`` does). Reported per
set and half (``dev``: looked at while building; ``held``: the figures to report):

- word error rate of the raw OCR and of the corrected text against the truth (word-level edit
  distance over the article's words / the truth's words; words compared after case folding
  and stripping punctuation at their ends; a word broken by a line-end hyphen is one word);
- ``broken``: of the words the OCR had right, the share the cleaner changed (goal ≤ 0.3 %);
- corrections that fixed a misread word, that changed a misread word into another wrong one,
  and that broke a word read right; all of them by the kind of word as read (a real word or
  none; two letters or more).

Use: ``python benchmarks/evaluate_misreadings.py [--split dev|held|all] [-v]
[--threshold T]``.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from overproof import SETS, Article, articles
from rapidfuzz.distance import Levenshtein

import copydesk
from copydesk.plugins.cleaners._ocrchannel import lexicon

EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def words(text: str) -> list[str]:
    """Comparable words: a word broken by a hyphen and a space or line end joined (the
    plain-text reader joins a paragraph's lines with spaces), case folded, edge punctuation
    off."""
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text)
    return [w for w in (EDGE.sub("", t.casefold()) for t in text.split()) if w]


def corrected(ocr_lines: list[str], threshold: float | None) -> tuple[str, list[copydesk.Edit]]:
    doc = copydesk.read("\n".join(ocr_lines).encode(), "text", name="article.txt")
    options = {"misreadings": {"threshold": threshold}} if threshold is not None else None
    doc = copydesk.clean(doc, ["misreadings"], cleaner_options=options)
    lines: list[str] = []
    for block in copydesk.iter_blocks(doc):
        if isinstance(block, copydesk.TextBlock):
            lines.append(block.text)
    return "\n".join(lines), list(doc.edits)


@dataclass
class Figures:
    words: int = 0  # the truth's
    raw_errors: int = 0
    new_errors: int = 0
    right: int = 0  # words the OCR had right
    broken: int = 0  # … that the cleaner changed
    outcome: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, outcome)
    seconds: float = 0.0
    read: int = 0  # words read


def kind_of(word: str) -> str:
    """The kind of a misreading, by the word as read: a real word (``tho``, ``bo``) or none,
    short (two letters) or longer."""
    real = word in lexicon("en")
    return f"{'real word' if real else 'non-word'}, {'2 letters' if len(word) <= 2 else '3+ letters'}"


def measure(chosen: list[Article], threshold: float | None, verbose: bool = False) -> Figures:
    """The cleaner's figures over some articles."""
    f = Figures()
    for article in chosen:
        truth = words("\n".join(article.truth))
        raw = words("\n".join(article.ocr))
        t0 = time.perf_counter()
        text, _ = corrected(article.ocr, threshold)
        f.seconds += time.perf_counter() - t0
        out = words(text)
        f.read += len(raw)
        f.words += len(truth)
        f.raw_errors += Levenshtein.distance(truth, raw)
        f.new_errors += Levenshtein.distance(truth, out)
        right = set()  # positions in ``raw`` of words the OCR had right
        truth_at = {}  # position in ``raw`` -> position in ``truth``, where aligned one to one
        for op in Levenshtein.opcodes(raw, truth):
            if op.tag == "equal":
                right.update(range(op.src_start, op.src_end))
            if op.tag in ("equal", "replace"):
                for k in range(min(op.src_end - op.src_start, op.dest_end - op.dest_start)):
                    truth_at[op.src_start + k] = op.dest_start + k
        f.right += len(right)
        for op in Levenshtein.opcodes(raw, out):
            if op.tag != "replace" or op.src_end - op.src_start != op.dest_end - op.dest_start:
                continue
            for i, b in zip(range(op.src_start, op.src_end), out[op.dest_start:op.dest_end],
                            strict=True):
                a = raw[i]
                kind = kind_of(a)
                if i in right:
                    f.broken += 1
                    f.outcome["broken"] += 1
                    f.by_kind[(kind, "broken")] += 1
                    if verbose:
                        print(f"  BROKE {a!r} -> {b!r}")
                    continue
                good = i in truth_at and truth[truth_at[i]] == b
                f.outcome["fixed" if good else "still wrong"] += 1
                f.by_kind[(kind, "fixed" if good else "still wrong")] += 1
                if verbose:
                    print(f"  {'FIXED' if good else 'WRONG'} {a!r} -> {b!r}"
                          + ("" if good else f" (truth {truth[truth_at[i]]!r})"
                             if i in truth_at else ""))
    return f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "held", "all"), default="held")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("-v", action="store_true", help="list every correction")
    args = parser.parse_args()
    for name in SETS:
        chosen = [a for a in articles(name) if args.split in ("all", a.half)]
        f = measure(chosen, args.threshold, args.v)
        print(f"{name} ({args.split}, {len(chosen)} articles, {f.words} words): WER raw "
              f"{f.raw_errors / f.words:.4f} -> {f.new_errors / f.words:.4f} "
              f"({(f.raw_errors - f.new_errors) / max(1, f.raw_errors):+.1%} of errors fixed); "
              f"broken {f.broken / max(1, f.right):.3%} of right words; {dict(f.outcome)}; "
              f"{f.read / f.seconds:,.0f} words/s (reading and cleaning, article by article)")
        for kind in sorted({k for k, _ in f.by_kind}):
            print(f"  {kind:26} " + ", ".join(
                f"{what} {f.by_kind[(kind, what)]}" for what in ("fixed", "still wrong", "broken")))


if __name__ == "__main__":
    main()
