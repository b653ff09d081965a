"""Quality of the layout-aware readers on typeset pages, scored by the project's scorer.

Typesets ``--pages`` pages with ``pdfpagegen.py`` (fixed seed) and converts each three ways:
the PDF itself (``pdf`` reader), and Tesseract's hOCR and ALTO of the page rendered at 300 dpi
(``pdftoppm``, then ``tesseract … hocr alto``; needs ``tesseract-ocr`` and ``poppler-utils``).
Each set is scored against the gold with ``../shared/tools/score.py --batch``. OCR output is
cached in the output folder, so a second run with ``--keep`` only re-converts.

Use: ``python benchmarks/evaluate_layout.py --pages 30 [--seed 1] [--keep /tmp/layout]
[--only pdf]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfpagegen
from evaluate_print_ocr import METRICS, SCORER

import copydesk

KINDS = {"pdf": ".pdf", "hocr": ".hocr", "alto": ".xml"}


def ocr(pdf: Path) -> None:
    """``page.hocr`` and ``page.xml`` (ALTO) beside ``page.pdf``, unless already there."""
    if pdf.with_suffix(".hocr").exists() and pdf.with_suffix(".xml").exists():
        return
    image = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", str(pdf),
                    str(image)], check=True)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    subprocess.run(["tesseract", f"{image}.png", str(image), "-l", "eng", "hocr", "alto"],
                   check=True, capture_output=True, env=env)
    Path(f"{image}.png").unlink()


def convert_all(out: Path, kind: str) -> float:
    plugins = copydesk.make_plugins(entry_points=False)
    pred = out / f"pred-{kind}"
    pred.mkdir(exist_ok=True)
    start = time.perf_counter()
    for src in sorted(out.glob(f"page-*{KINDS[kind]}")):
        copydesk.convert(src, pred / f"{src.stem}.json", plugins=plugins)
    return time.perf_counter() - start


def score(out: Path, kind: str) -> dict:
    import json

    result = subprocess.run(
        [sys.executable, str(SCORER), "--batch", str(out / "expected"), str(out / f"pred-{kind}"),
         "--source-dir", str(out), "--json", "--per-file"],
        capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--only", choices=sorted(KINDS), action="append")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"the scorer is not here: {SCORER} (it lives in the project's shared folder)")
    kinds = args.only or list(KINDS)
    out = args.keep or Path(tempfile.mkdtemp(prefix="copydesk-layout-"))
    pdfs = sorted(out.glob("page-*.pdf"))
    if len(pdfs) != args.pages:
        pdfs = pdfpagegen.generate(out, args.pages, args.seed)
    if {"hocr", "alto"} & set(kinds):
        if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
            sys.exit("hOCR and ALTO need tesseract and pdftoppm (apt-get install tesseract-ocr "
                     "poppler-utils), or pass --only pdf")
        with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            list(pool.map(ocr, pdfs))
    reports = {}
    for kind in kinds:
        seconds = convert_all(out, kind)
        reports[kind] = score(out, kind)
        print(f"{kind}: {reports[kind]['pages']} pages converted in {seconds:.1f} s")
    print(f"{'metric':22s}" + "".join(f"{k:>10s}" for k in kinds))
    for key in METRICS:
        values = [reports[k]["mean"].get(key, {}).get("mean") for k in kinds]
        if any(v is not None for v in values):
            print(f"{key:22s}" + "".join(f"{v:10.4f}" if v is not None else f"{'-':>10s}"
                                         for v in values))


if __name__ == "__main__":
    main()
