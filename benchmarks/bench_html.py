"""Speed of web-page input: copydesk's ``html`` reader against trafilatura's own extraction of
the same page, in one run (issue 15 asks for at most 1.5x).

For each page: the median time of ``trafilatura.extract(html)`` (its plain text: what a user
of trafilatura alone runs), of ``copydesk.read`` (trafilatura's XML extraction, figures and
captions, metadata, the model) and of ``copydesk.read`` plus the default cleaners; the ratios
of the medians over all pages, and the median of the per-page ratios.

Use: ``python benchmarks/bench_html.py [PAGE.html[.gz] ...] [--runs N]`` (default: the Zyte
benchmark's pages in shared/eval-data/web, else the test pages in tests/data).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import warnings
from pathlib import Path

import trafilatura
from bench_alto import timed

import copydesk

ROOT = Path(__file__).resolve().parent.parent
ZYTE = ROOT.parent / "shared" / "eval-data" / "web" / "zyte-article-extraction-benchmark" / "html"


def pages(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    if ZYTE.is_dir():
        return sorted(ZYTE.glob("*.html.gz"))
    return sorted((ROOT / "tests" / "data").rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    plugins = copydesk.make_plugins(entry_points=False)
    rows = []
    for path in pages(args.pages):
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        html = raw.decode("utf-8", errors="replace")

        def read(raw: bytes = raw) -> object:
            try:
                return copydesk.read(raw, "html", plugins=plugins)
            except copydesk.CopydeskError:
                return None

        def read_clean() -> object:
            doc = read()
            return copydesk.clean(doc, plugins=plugins) if doc is not None else None

        read()  # (imports and first-use tables out of the timing)
        rows.append((timed(lambda: trafilatura.extract(html), args.runs),  # noqa: B023 (run at once)
                     timed(read, args.runs), timed(read_clean, args.runs)))
    peer = sum(r[0] for r in rows)
    print(f"{len(rows)} pages, median of {args.runs} runs each; seconds in all:")
    print(f"  trafilatura.extract   {peer:7.2f}  1.00x")
    for i, name in ((1, "copydesk read"), (2, "copydesk read+clean")):
        total = sum(r[i] for r in rows)
        print(f"  {name:21} {total:7.2f}  {total / peer:.2f}x  (median page "
              f"{statistics.median(r[i] / r[0] for r in rows):.2f}x)")


if __name__ == "__main__":
    main()
