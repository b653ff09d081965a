"""The pdf reader on real born-digital PDFs, against docling's reviewed output for them.

docling's regression "ground truth" (``../shared/eval-data/pdf/docling-tests/groundtruth``;
docling's own reviewed output, not independent) labels each text: ``text``,
``section_header``, ``caption``, ``page_header``/``page_footer``, ``list_item``… For each
PDF this counts how many of docling's items copydesk has and where: body texts found in
copydesk's paragraphs (whole, or as a run inside a longer paragraph), section headers among
its headings, captions among its captions (or at least kept apart from the body), page
headers and footers among its boilerplate; and furniture that leaked into the body.

Use: ``python benchmarks/evaluate_docling_pdfs.py [DOCLING_TESTS_DIR]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rapidfuzz import fuzz

import copydesk
from copydesk import Boilerplate, Caption, Heading, Paragraph, iter_blocks

HERE = Path(__file__).resolve().parent
DOCLING = HERE.parent.parent / "shared" / "eval-data" / "pdf" / "docling-tests"
ROLES = {"text": "body", "list_item": "body", "section_header": "heading", "title": "heading",
         "caption": "caption", "page_header": "furniture", "page_footer": "furniture"}


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def found(item: str, texts: list[str]) -> bool:
    item = norm(item)
    return any(fuzz.partial_ratio(item, t) >= 90 if len(t) >= len(item) else fuzz.ratio(item, t) >= 90
               for t in texts)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCLING
    if not root.is_dir():
        sys.exit(f"no docling test data in {root} (it lives in the project's shared folder)")
    plugins = copydesk.make_plugins(entry_points=False)
    totals: dict[str, list[int]] = {}
    print(f"{'file':28} {'body':>9} {'headings':>9} {'captions':>9} {'furniture':>10} {'leaked':>7}")
    for truth in sorted((root / "groundtruth").glob("*.json")):
        pdf = root / "sources" / f"{truth.stem}.pdf"
        items = [(ROLES.get(t["label"]), t["text"]) for t in json.loads(truth.read_text())["texts"]
                 if ROLES.get(t["label"]) and len(t["text"].split()) >= 2]
        doc = copydesk.clean(copydesk.read(pdf, plugins=plugins), plugins=plugins)
        blocks = list(iter_blocks(doc))
        ours = {kind: [norm(b.text) for b in blocks if isinstance(b, cls)]
                for kind, cls in (("body", Paragraph), ("heading", Heading), ("caption", Caption),
                                  ("furniture", Boilerplate))}
        row = []
        for role in ("body", "heading", "caption", "furniture"):
            wanted = [text for r, text in items if r == role]
            hit = sum(found(text, ours[role]) for text in wanted)
            row.append((hit, len(wanted)))
            totals.setdefault(role, [0, 0])
            totals[role][0] += hit
            totals[role][1] += len(wanted)
        furniture = [text for r, text in items if r == "furniture"]
        leaked = sum(found(text, ours["body"]) for text in furniture)
        totals.setdefault("leaked", [0, 0])
        totals["leaked"][0] += leaked
        totals["leaked"][1] += len(furniture)
        print(f"{truth.stem[:28]:28} " + " ".join(f"{h:>4}/{n:<4}" for h, n in row)
              + f"  {leaked:>4}/{len(furniture):<4}")
    print("total: " + ", ".join(f"{role} {h}/{n} = {h / n:.3f}" if n else f"{role} -"
                                for role, (h, n) in totals.items()))


if __name__ == "__main__":
    main()
