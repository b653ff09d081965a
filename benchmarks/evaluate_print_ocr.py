"""Quality of the print-OCR cleanup on synthetic pages, scored by the project's scorer.

Generates ``--pages`` pages with ``pagegen.py`` (fixed seed), converts each to JSON with
copydesk (in process, default cleaners), and runs ``../shared/tools/score.py --batch`` over
them. With ``--keep DIR`` the pages, gold and predictions stay in DIR for inspection.

Use: ``python benchmarks/evaluate_print_ocr.py --pages 200 [--seed 1] [--plural] [--keep /tmp/eval]``.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pagegen

import copydesk

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score.py"
METRICS = ["body_wer", "hyphen_acc", "hyphen_join_acc", "hyphen_compound_acc", "para_f1",
           "article_f1", "dropcap_ok", "pullquote_p", "pullquote_r", "pullquote_leak_rate",
           "caption_p", "caption_r", "caption_credit_acc", "caption_leak_rate", "byline_p",
           "byline_r", "boilerplate_leak"]


def generate(out: Path, pages: int, seed: int, plural: bool = False) -> None:
    rng = random.Random(seed)
    chapters = pagegen.load_chapters()
    (out / "expected").mkdir(parents=True, exist_ok=True)
    for n in range(1, pages + 1):
        text, gold = pagegen.make_page(rng, chapters, n, plural=plural)
        gold["source"] = f"page-{n:04d}.txt"
        (out / gold["source"]).write_text(text, encoding="utf-8")
        (out / "expected" / f"page-{n:04d}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


def convert_all(out: Path) -> float:
    plugins = copydesk.make_plugins(entry_points=False)
    (out / "pred").mkdir(exist_ok=True)
    start = time.perf_counter()
    for src in sorted(out.glob("page-*.txt")):
        copydesk.convert(src, out / "pred" / f"{src.stem}.json", plugins=plugins)
    return time.perf_counter() - start


def score(out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(SCORER), "--batch", str(out / "expected"), str(out / "pred"),
         "--source-dir", str(out), "--json", "--per-file"],
        capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--plural", action="store_true",
                        help="pages with more of the conventions papers differ in")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"the scorer is not here: {SCORER} (it lives in the project's shared folder)")
    out = args.keep or Path(tempfile.mkdtemp(prefix="copydesk-eval-"))
    generate(out, args.pages, args.seed, args.plural)
    seconds = convert_all(out)
    report = score(out)
    print(f"pages: {report['pages']}  (seed {args.seed}{', plural' if args.plural else ''}; "
          f"converted in {seconds:.1f} s)")
    for key in METRICS:
        mean = report["mean"].get(key, {})
        if mean.get("mean") is not None:
            print(f"{key:22s} {mean['mean']:.4f}  (n={mean['n']})")
    sites = sum(r.get("hyphen_sites") or 0 for r in report["per_file"].values())
    print(f"{'hyphen sites':22s} {sites}")


if __name__ == "__main__":
    main()
