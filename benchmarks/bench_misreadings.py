"""Speed of the ``misreadings`` cleaner: words a second over the overProof sets' raw OCR as one
long document (eval-only data; skips without it), beside the floor of splitting the same text
into words with the cleaner's own pattern, measured in the same run.

Reported, in CPU seconds: the time to load the models into memory (once per process, as a
long document has them), a first pass (every distinct word searched: the caches of words
and word pairs emptied before each run) and a pass with those caches warm (a batch worker's
next document); the median of ``--runs`` runs each, since a shared machine's speed varies
from one second to the next. The cyclic garbage collector is off, as ``copydesk convert``
runs (the model is a tree).

Use: ``python benchmarks/bench_misreadings.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable

from overproof import OVERPROOF, SETS, articles

import copydesk
from copydesk.plugins.cleaners import _ocrchannel, misreadings


def timed(run: Callable[[], object], before: Callable[[], object] = lambda: None,
          runs: int = 3) -> float:
    """The median time of ``run`` over ``runs`` runs, ``before`` called before each."""
    times = []
    for _ in range(runs):
        before()
        t0 = time.process_time()
        run()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not OVERPROOF.exists():
        raise SystemExit("needs ../shared/eval-data/ocr-text-gt/overproof")
    text = "\n\n".join("\n".join(a.ocr) for name in SETS for a in articles(name))
    doc = copydesk.read(text.encode(), "text", name="overproof.txt")
    gc.disable()  # (as the CLI runs)
    n = len(misreadings.WORD.findall(text))
    t0 = time.process_time()
    _ocrchannel.load("en")  # the tables in memory, as a long document has them
    _ocrchannel.confusions()
    load = time.process_time() - t0
    floor = timed(lambda: misreadings.WORD.findall(text), runs=5 * args.runs)
    def clean() -> None:
        copydesk.clean(doc, ["misreadings"])

    def forget() -> None:  # every cache of words and word pairs emptied
        for cached in (_ocrchannel.candidates, _ocrchannel.known_variants,
                       _ocrchannel.attraction):
            cached.cache_clear()

    cold = timed(clean, forget, args.runs)
    warm = timed(clean, runs=args.runs)
    print(f"{n:,} words; models loaded in {load:.2f} s")
    print(f"first pass {n / cold:,.0f} words/s ({cold:.2f} s); again with the word cache warm "
          f"{n / warm:,.0f} words/s; {cold / floor:.0f}x the floor of splitting words "
          f"({n / floor:,.0f} words/s); medians of {args.runs} runs")


if __name__ == "__main__":
    main()
