"""Speed of PDF input: copydesk's pdf reader (and a full conversion) against pdfminer.six's
own ``extract_pages`` on the same files, in one run.

For each PDF: seconds for ``extract_pages`` alone (the layout analysis copydesk builds on),
for ``copydesk.read`` (that plus copydesk's page layout), and for a whole conversion to JSON
with the default cleaners; the ratio read/pdfminer; pages per second.

Use: ``python benchmarks/bench_pdf.py FILE.pdf...`` (default: the PDFs in tests/data/pdf and,
when present, shared/eval-data/pdf).
"""

from __future__ import annotations

import functools
import io
import sys
import time
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams

import copydesk

HERE = Path(__file__).resolve().parent
DEFAULT = [*sorted((HERE.parent / "tests" / "data" / "pdf").glob("*.pdf")),
           *sorted((HERE.parent.parent / "shared" / "eval-data" / "pdf").rglob("*.pdf"))]


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or DEFAULT
    plugins = copydesk.make_plugins(entry_points=False)
    params = LAParams(line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=None)
    print(f"{'file':40} {'pages':>5} {'pdfminer':>9} {'read':>7} {'ratio':>6} "
          f"{'convert':>8} {'pages/s':>8}")
    def layout(data: bytes) -> list:
        return list(extract_pages(io.BytesIO(data), laparams=params))

    def read(data: bytes) -> copydesk.Document:
        return copydesk.read(data, "pdf", plugins=plugins)

    def convert(data: bytes) -> None:
        doc = copydesk.clean(read(data), plugins=plugins)
        copydesk.write(doc, io.BytesIO(), "json", plugins=plugins)

    seen = set()
    for path in files:
        if path.name in seen:
            continue
        seen.add(path.name)
        data = path.read_bytes()
        try:
            pages = len(layout(data))
            base, reading, whole = (best(functools.partial(f, data))
                                    for f in (layout, read, convert))
        except copydesk.CopydeskError as exc:
            print(f"{path.name[:40]:40} {exc}")
            continue
        print(f"{path.name[:40]:40} {pages:>5} {base:>9.2f} {reading:>7.2f} {reading / base:>6.2f} "
              f"{whole:>8.2f} {pages / whole:>8.1f}")


if __name__ == "__main__":
    main()
