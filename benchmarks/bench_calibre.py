"""copydesk against calibre's heuristic processing of the same print-OCR text, in one run.

calibre (``ebook-convert``, a Debian package: ``apt-get install calibre``) is the converter
e-book makers reach for; its ``--enable-heuristics`` rejoins wrapped lines and split words,
which is the nearest it comes to copydesk's cleanup. Both convert one generated file of
``--pages`` print-OCR pages (``pagegen.py``): calibre to plain text and to EPUB, copydesk to
JSON and to EPUB, each in a fresh process; the figures are CPU seconds (the process's own,
``wait4``), the median of ``--runs``.

Use: ``python benchmarks/bench_calibre.py [--pages 100] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench_print_ocr import make_document
from bench_scale import measured


def cpu_seconds(args: list[str]) -> float:
    """The CPU seconds one command's process took (``bench_scale.measured``)."""
    return measured(args)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    calibre = shutil.which("ebook-convert")
    if calibre is None:
        raise SystemExit("needs calibre's ebook-convert (apt-get install calibre)")
    work = Path(tempfile.mkdtemp(prefix="copydesk-calibre-"))
    try:
        src = work / "pages.txt"
        size = make_document(src, args.pages)
        copydesk = [sys.executable, "-m", "copydesk", "convert", str(src), "-f", "print-ocr"]
        runs = {
            "calibre, heuristics, to text": [calibre, str(src), str(work / "c.txt"),
                                             "--enable-heuristics"],
            "calibre, heuristics, to EPUB": [calibre, str(src), str(work / "c.epub"),
                                             "--enable-heuristics"],
            "copydesk, to JSON": [*copydesk, "-o", str(work / "d.json")],
            "copydesk, to EPUB": [*copydesk, "-o", str(work / "d.epub")],
        }
        cpu_seconds(runs["copydesk, to JSON"])  # (bytecode and word tables made once)
        times = {name: statistics.median(cpu_seconds(cmd) for _ in range(args.runs))
                 for name, cmd in runs.items()}
        print(f"{args.pages} pages ({size / 1e6:.1f} MB), CPU seconds, median of {args.runs}")
        for name, seconds in times.items():
            print(f"  {name:32} {seconds:7.2f}")
        for target in ("text", "EPUB"):
            ours = times["copydesk, to JSON" if target == "text" else "copydesk, to EPUB"]
            print(f"calibre to {target} / copydesk: "
                  f"{times[f'calibre, heuristics, to {target}'] / ours:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
