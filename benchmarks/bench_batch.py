"""Speed of batch conversion: many one-page OCR files, one worker against two, locally and
on a local Dask cluster.

Writes ``--pages`` generated pages (``pagegen.py``) as separate files, then times
``copydesk convert DIR --output-dir OUT -t json --jobs N`` for each N, in a fresh process
(and with ``--dask local``, where Dask is installed), and prints pages per second; the
outputs of every run are checked to be the same.

Use: ``python benchmarks/bench_batch.py [--pages 1000] [--jobs 1 2] [--no-dask]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pagegen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    try:
        import dask.distributed  # noqa: F401
        backends = [("local", [])] + ([] if args.no_dask else [("dask", ["--dask", "local"])])
    except ImportError:
        backends = [("local", [])]
    work = Path(tempfile.mkdtemp(prefix="copydesk-batch-"))
    try:
        rng, chapters = random.Random(5), pagegen.load_chapters()
        pages = work / "pages"
        pages.mkdir()
        size = 0
        for n in range(1, args.pages + 1):
            text, _ = pagegen.make_page(rng, chapters, n)
            (pages / f"page-{n:04d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode())
        print(f"{args.pages} files, {size / 1e6:.1f} MB")
        print(f"{'where':>6} {'jobs':>4} {'seconds':>8} {'pages/s':>8}")
        first: Path | None = None
        for name, extra in backends:
            for jobs in args.jobs:
                out = work / f"out-{name}-{jobs}"
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "copydesk", "convert", str(pages),
                                "--output-dir", str(out), "-t", "json", "--jobs", str(jobs),
                                *extra], check=True, capture_output=True)
                seconds = time.perf_counter() - start
                print(f"{name:>6} {jobs:>4} {seconds:>8.2f} {args.pages / seconds:>8.1f}")
                first = first or out
                assert all((out / p.name).read_bytes() == p.read_bytes()
                           for p in first.glob("*.json")), "outputs differ"
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
