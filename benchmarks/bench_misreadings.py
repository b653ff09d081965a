"""Speed of the ``misreadings`` cleaner: words a second over the overProof sets' raw OCR as one
long document (eval-only data; skips without it), beside the floor of splitting the same text
into words with the cleaner's own pattern, measured in the same run.

Use: ``python benchmarks/bench_misreadings.py``.
"""

from __future__ import annotations

import time

from overproof import OVERPROOF, SETS, articles

import copydesk
from copydesk.plugins.cleaners import _ocrchannel, misreadings


def main() -> None:
    if not OVERPROOF.exists():
        raise SystemExit("needs ../shared/eval-data/ocr-text-gt/overproof")
    text = "\n\n".join("\n".join(a.ocr) for name in SETS for a in articles(name))
    doc = copydesk.read(text.encode(), "text", name="overproof.txt")
    n = len(misreadings.WORD.findall(text))
    t0 = time.perf_counter()
    _ocrchannel.lexicon("en")
    _ocrchannel.confusions()
    _ocrchannel.attraction("of", "the")
    for tier in _ocrchannel.TIERS:
        _ocrchannel.prefixes("en", tier)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(5):
        misreadings.WORD.findall(text)
    floor = (time.perf_counter() - t0) / 5
    t0 = time.perf_counter()
    copydesk.clean(doc, ["misreadings"])
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    copydesk.clean(doc, ["misreadings"])
    warm = time.perf_counter() - t0
    print(f"{n:,} words; models loaded in {load:.2f} s")
    print(f"first pass {n / cold:,.0f} words/s ({cold:.2f} s); again with the word cache warm "
          f"{n / warm:,.0f} words/s; {cold / floor:.0f}x the floor of splitting words "
          f"({n / floor:,.0f} words/s)")


if __name__ == "__main__":
    main()
