"""Speed of batch conversion: many one-page OCR files, one worker against two, locally and
on a local Dask cluster.

Writes ``--pages`` generated pages (``pagegen.py``) as separate files, then times
``copydesk convert DIR --output-dir OUT -t json --jobs N`` for each N, in a fresh process
(and with ``--dask local``, where Dask is installed), and prints pages per second and the
CPU seconds of the whole run (every process: more CPU with more jobs is their overhead);
with ``--runs R``, the runs of every N take turns and their medians are printed, since a
shared machine's speed varies from one minute to the next. The outputs of every run are
checked to be the same.

Use: ``python benchmarks/bench_batch.py [--pages 1000] [--jobs 1 2] [--runs 1] [--no-dask]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pagegen


def batch_rows(files: int, jobs: list[int], with_dask: bool = True, seed: int = 5,
               runs: int = 1) -> list[tuple[str, int, float, float]]:
    """``(where, jobs, seconds, CPU seconds)`` of converting ``files`` generated one-page
    files, locally and (where Dask is installed and ``with_dask``) on a local Dask cluster,
    for each number of ``jobs``: medians of ``runs`` runs taking turns; every run's outputs
    checked to be the same."""
    backends: list[tuple[str, list[str]]] = [("local", [])]
    if with_dask:
        try:
            import dask.distributed  # noqa: F401

            backends.append(("dask", ["--dask", "local"]))
        except ImportError:
            pass
    work = Path(tempfile.mkdtemp(prefix="copydesk-batch-"))
    rows: list[tuple[str, int, float, float]] = []
    try:
        rng, chapters = random.Random(seed), pagegen.load_chapters()
        pages = work / "pages"
        pages.mkdir()
        for n in range(1, files + 1):
            text, _ = pagegen.make_page(rng, chapters, n)
            (pages / f"page-{n:05d}.txt").write_text(text, encoding="utf-8")
        first: Path | None = None
        timings: dict[tuple[str, int], list[tuple[float, float]]] = {}
        for run in range(runs):
            for name, extra in backends:
                for count in jobs:
                    out = work / f"out-{name}-{count}-{run}"
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    start = time.perf_counter()
                    subprocess.run([sys.executable, "-m", "copydesk", "convert", str(pages),
                                    "--output-dir", str(out), "-t", "json", "--jobs",
                                    str(count), *extra], check=True, capture_output=True)
                    wall = time.perf_counter() - start
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                    timings.setdefault((name, count), []).append((wall, cpu))
                    first = first or out
                    assert all((out / p.name).read_bytes() == p.read_bytes()
                               for p in first.glob("*.json")), "outputs differ"
                    if out != first:
                        shutil.rmtree(out)
        rows = [(name, count, statistics.median(w for w, _ in times),
                 statistics.median(c for _, c in times))
                for (name, count), times in timings.items()]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    print(f"{args.pages} one-page files" + (f", medians of {args.runs} runs" if args.runs > 1
                                            else ""))
    print(f"{'where':>6} {'jobs':>4} {'seconds':>8} {'pages/s':>8} {'CPU s':>8}")
    rows = batch_rows(args.pages, args.jobs, not args.no_dask, runs=args.runs)
    for name, jobs, seconds, cpu in rows:
        print(f"{name:>6} {jobs:>4} {seconds:>8.2f} {args.pages / seconds:>8.1f} {cpu:>8.2f}")
    local = {jobs: seconds for name, jobs, seconds, _ in rows if name == "local"}
    if 1 in local and 2 in local:
        print(f"--jobs 2 against --jobs 1: {local[1] / local[2]:.2f}x")


if __name__ == "__main__":
    main()
