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


def batch_rows(files: int, jobs: list[int], with_dask: bool = True, seed: int = 5
               ) -> list[tuple[str, int, float]]:
    """``(where, jobs, seconds)`` of converting ``files`` generated one-page files, locally
    and (where Dask is installed and ``with_dask``) on a local Dask cluster, for each number of
    ``jobs``; every run's outputs checked to be the same."""
    backends: list[tuple[str, list[str]]] = [("local", [])]
    if with_dask:
        try:
            import dask.distributed  # noqa: F401

            backends.append(("dask", ["--dask", "local"]))
        except ImportError:
            pass
    work = Path(tempfile.mkdtemp(prefix="copydesk-batch-"))
    rows = []
    try:
        rng, chapters = random.Random(seed), pagegen.load_chapters()
        pages = work / "pages"
        pages.mkdir()
        for n in range(1, files + 1):
            text, _ = pagegen.make_page(rng, chapters, n)
            (pages / f"page-{n:05d}.txt").write_text(text, encoding="utf-8")
        first: Path | None = None
        for name, extra in backends:
            for count in jobs:
                out = work / f"out-{name}-{count}"
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "copydesk", "convert", str(pages),
                                "--output-dir", str(out), "-t", "json", "--jobs", str(count),
                                *extra], check=True, capture_output=True)
                rows.append((name, count, time.perf_counter() - start))
                first = first or out
                assert all((out / p.name).read_bytes() == p.read_bytes()
                           for p in first.glob("*.json")), "outputs differ"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    print(f"{args.pages} one-page files")
    print(f"{'where':>6} {'jobs':>4} {'seconds':>8} {'pages/s':>8}")
    for name, jobs, seconds in batch_rows(args.pages, args.jobs, not args.no_dask):
        print(f"{name:>6} {jobs:>4} {seconds:>8.2f} {args.pages / seconds:>8.1f}")


if __name__ == "__main__":
    main()
