"""Speed of ALTO input: copydesk's ``alto`` reader against lxml's parse of the same file, in
one run (issue 15 asks for at most 4x).

For each file: the median time of lxml's ``etree.fromstring`` (the floor: every reader must
parse), of that plus a walk over every ``String`` (the least a reader of words does), and of
``copydesk.read`` (words, lines, blocks, reading order, furniture); the ratios to the parse.

Use: ``python benchmarks/bench_alto.py [FILE.xml[.gz] ...] [--runs N]`` (default: the ALTO
pages in tests/data/alto and, when present, shared/eval-data/alto).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import copydesk

ROOT = Path(__file__).resolve().parent.parent
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def timed(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def walk(data: bytes) -> int:
    """Parse and visit every word (``String``) with its content and position."""
    n = 0
    for el in etree.fromstring(data, PARSER).iter("{*}String"):
        n += bool(el.get("CONTENT")) + bool(el.get("HPOS"))
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "tests" / "data" / "alto").glob("*.alto.xml.gz")) + sorted(
        p for p in (ROOT.parent / "shared" / "eval-data" / "alto").rglob("*.xml")
        if b"<alto" in p.read_bytes()[:2000])
    print(f"{'file':44} {'kB':>6} {'parse':>8} {'walk':>8} {'read':>8} {'read/parse':>10}")
    ratios = []
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        name = path.name.removesuffix(".gz")
        copydesk.read(data, "alto", name=name)  # imports and caches warm
        parse = timed(lambda: etree.fromstring(data, PARSER), args.runs)  # noqa: B023
        words = timed(lambda: walk(data), args.runs)  # noqa: B023
        read = timed(lambda: copydesk.read(data, "alto", name=name), args.runs)  # noqa: B023
        ratios.append(read / parse)
        print(f"{name[:44]:44} {len(data) // 1024:6d} {parse * 1e3:6.1f}ms {words * 1e3:6.1f}ms "
              f"{read * 1e3:6.1f}ms {read / parse:9.1f}x")
    print(f"median read/parse {statistics.median(ratios):.1f}x over {len(ratios)} files "
          f"(medians of {args.runs} runs)")


if __name__ == "__main__":
    main()
