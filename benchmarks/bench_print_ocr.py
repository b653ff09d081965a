"""Speed of print-OCR conversion: a long OCR text (pages split by form feeds) to JSON and Markdown.

Generates documents of 10, 100 and 1,000 pages with ``pagegen.py`` (about 10 kB a page, as the issue asks: 1,000 pages ≈ 10 MB),
then times ``copydesk convert DOC -o out.json`` and ``-o out.md`` as a user runs them, each in a
fresh process, and reads the peak memory (max RSS) of that process. Prints a table; the
seconds per page show whether cost grows linearly.

Use: ``python benchmarks/bench_print_ocr.py [--pages 10 100 1000] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pagegen

COPYDESK = [sys.executable, "-m", "copydesk"]


def make_document(path: Path, pages: int, seed: int = 11) -> int:
    rng = random.Random(seed)
    chapters = pagegen.load_chapters()
    texts = [pagegen.make_page(rng, chapters, n, paragraphs_per_article=(12, 20))[0]
             for n in range(1, pages + 1)]
    data = "\f".join(texts).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one command in its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    try:
        startup, _ = run([*COPYDESK, "formats"])
        print(f"start-up (copydesk formats): {startup:.2f} s")
        print(f"{'pages':>6} {'MB':>6} {'to':>9} {'seconds':>8} {'s/page':>8} {'peak MiB':>9}")
        for pages in args.pages:
            src = work / f"doc-{pages}.txt"
            size = make_document(src, pages)
            for fmt in ("json", "md"):
                best = min(run([*COPYDESK, "convert", str(src), "-o", str(work / f"out.{fmt}")])
                           for _ in range(args.repeat))
                seconds, peak = best
                print(f"{pages:>6} {size / 1e6:>6.1f} {fmt:>9} {seconds:>8.2f} "
                      f"{seconds / pages:>8.4f} {peak:>9.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
