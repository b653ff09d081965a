"""Reading order and text on real scanned pages, against human ground truth.

Data: ``../shared/eval-data/scans/`` (eval-only; nothing of it is copied here).

- ``scribeocr-ocr-benchmark``: modern English pages (research notes, reports, filings,
  tables) with a human transcription (``truth.hocr``, lines in reading order) and two engines'
  OCR: Tesseract 5 (``.tesseract.hocr``/``.txt``/``.xml``) and tesseract.js (``.tesseractjs.hocr``).
  For each page and engine, the body word error rate (word-level edit distance over the page's
  words in reading order, divided by the truth's word count) of
  ``raw``: the OCR's own text as it stands (Tesseract's ``.txt``; tesseract.js's words in file
  order), ``text``: that text through copydesk's plain-text path (``print-ocr`` and its
  cleaners), ``hocr``: the hOCR through copydesk (and ``alto`` for Tesseract's ALTO).
  Words are compared after NFKC, case folding and stripping punctuation at their ends, and a
  word broken by a line-end hyphen counts as one on every side, so dehyphenation is neither
  rewarded nor punished; running heads and folios that copydesk sets apart count as missing
  (``hocr+furniture`` keeps them where they stand: the reading order and text alone).
- ``nzz-black-letter-gt``: German Fraktur front pages whose ground truth (PAGE-XML) gives
  every text region and the regions' reading order. Tesseract ran with ``eng``, so its text is
  poor by design: these pages measure order only. Each line copydesk puts out is given the
  truth region its centre falls in; the figure is the share of region pairs whose order in
  copydesk's output (by where each region's lines first come) agrees with the truth's, beside
  the same figure for the engine's own order.

Pages are split into two halves by a hash of their name: ``dev`` (looked at while writing
rules) and ``held`` (not looked at; the figures to report). Use:
``python benchmarks/evaluate_scans.py [--split dev|held|all] [--pages a,b] [-v]``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import statistics
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import lxml.html
from lxml import etree
from rapidfuzz.distance import Levenshtein

import copydesk
from copydesk import Boilerplate, PageBreak, TextBlock, iter_blocks

SCANS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data" / "scans"
HTML = lxml.html.HTMLParser(no_network=True, encoding="utf-8")
XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
# typographic quotes and dashes as typed: an OCR engine that reads a curly quote straight has
# not misread the word
# (dashes part words, as spaces do: "restoration—polishing" is two words however the lines broke)
PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2013": " ",
                       "\u2014": " ", "\u2212": "-"})


def half(name: str) -> str:
    """``dev`` or ``held``: a fixed split of the pages by a hash of their name."""
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "held"


def words(lines: Iterable[str]) -> list[str]:
    """Comparable words of some lines: NFKC, case folded, edge punctuation off, a word broken
    by a line-end hyphen made one."""
    out: list[str] = []
    carry = ""
    for line in lines:
        tokens = unicodedata.normalize("NFKC", line).translate(PLAIN).split()
        for i, token in enumerate(tokens):
            if carry:
                token, carry = carry + token, ""
            if i == len(tokens) - 1 and len(token) > 1 and token[-1] in "-\u00ad" and token[-2].isalpha():
                carry = token[:-1]
                continue
            word = EDGE_PUNCT.sub("", token.casefold())
            if word:
                out.append(word)
    if carry:
        out.append(carry.casefold())
    return out


def wer(truth: list[str], got: list[str]) -> float:
    return Levenshtein.distance(truth, got) / max(1, len(truth))


def line_text(line: etree._Element) -> str:
    """An hOCR line's text, its words apart even where the file has no space between them
    (the scribeocr truth files write ``<span>Line</span><span>of</span>``)."""
    words_ = [" ".join("".join(w.itertext()).split()) for w in line.iter()
              if isinstance(w.tag, str) and "ocrx_word" in (w.get("class") or "").split()]
    if not words_:
        words_ = ["".join(line.itertext())]
    return " ".join(" ".join(words_).split())


def hocr_lines(path: Path) -> list[str]:
    """The text of an hOCR file's lines in file order."""
    root = lxml.html.fromstring(path.read_bytes(), parser=HTML)
    out = []
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("class") or "").split()[:1] in (
                ["ocr_line"], ["ocr_header"], ["ocr_caption"], ["ocr_textfloat"]):
            text = line_text(el)
            if text:
                out.append(text)
    return out


def hocr_text(path: Path) -> str:
    """An hOCR file as the plain text its engine would write: lines, a blank line between
    paragraphs."""
    root = lxml.html.fromstring(path.read_bytes(), parser=HTML)
    out = []
    for par in root.iter():
        if isinstance(par.tag, str) and "ocr_par" in (par.get("class") or "").split():
            for line in par.iter():
                if isinstance(line.tag, str) and (line.get("class") or "").split()[:1] in (
                        ["ocr_line"], ["ocr_header"], ["ocr_caption"], ["ocr_textfloat"]):
                    out.append(line_text(line))
            out.append("")
    return "\n".join(out)


def body(doc: copydesk.Document) -> list[TextBlock]:
    return [b for b in iter_blocks(doc)
            if isinstance(b, TextBlock) and not isinstance(b, Boilerplate | PageBreak)]


EXTRA: list[str] = []  # cleaners to run beside the defaults (--clean)


def convert(data: bytes | Path, fmt: str | None = None, name: str = "page") -> copydesk.Document:
    doc = copydesk.read(data, fmt, name=name)
    return copydesk.clean(doc, add=EXTRA)


def text_of(doc: copydesk.Document) -> list[str]:
    return [b.text for b in body(doc)]


def scribe_rows(pages: list[Path], verbose: bool) -> list[dict[str, object]]:
    rows = []
    for page in pages:
        truth_file = page / f"{page.name}.truth.hocr"
        if not truth_file.exists():
            continue
        truth = words(hocr_lines(truth_file))
        engines = {"tesseract": page / f"{page.name}.tesseract.hocr",
                   "tesseract.js": page / f"{page.name}.tesseractjs.hocr"}
        for engine, hocr in engines.items():
            if not hocr.exists():
                continue
            if engine == "tesseract":
                raw = (page / f"{page.name}.tesseract.txt").read_text(encoding="utf-8")
            else:
                raw = hocr_text(hocr)
            row: dict[str, object] = {"page": page.name, "engine": engine,
                                      "raw": wer(truth, words(raw.splitlines()))}
            for path, source in (("text", raw.encode()), ("hocr", hocr),
                                 ("alto", page / f"{page.name}.tesseract.xml")):
                if path == "alto" and engine != "tesseract":
                    continue
                try:
                    doc = convert(source, "print-ocr" if path == "text" else None,
                                  name=f"{page.name}.{path}")
                    row[path] = wer(truth, words(text_of(doc)))
                    if path == "hocr":  # furniture kept where it stands: order and text alone
                        row["hocr+furniture"] = wer(truth, words(
                            b.text for b in iter_blocks(doc)
                            if isinstance(b, TextBlock) and not isinstance(b, PageBreak)))
                except copydesk.CopydeskError as exc:
                    row[path] = float("nan")
                    print(f"  {page.name} {engine} {path}: {exc}", file=sys.stderr)
            rows.append(row)
            if verbose:
                print(f"  {page.name:14} {engine:12} " + " ".join(
                    f"{k} {v:.3f}" for k, v in row.items() if isinstance(v, float)))
    return rows


def page_regions(gt: Path, scale: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    """The truth's text regions as boxes in the scan's frame, in the truth's reading order."""
    root = etree.fromstring(gzip.decompress(gt.read_bytes()), XML)
    ns = {"p": etree.QName(root).namespace}
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for region in root.iterfind(".//p:TextRegion", ns):
        points = region.find("p:Coords", ns).get("points", "")  # type: ignore[union-attr]
        xy = [tuple(float(v) for v in p.split(",")) for p in points.split()]
        boxes[region.get("id", "")] = (min(x for x, _ in xy) * scale[0], min(y for _, y in xy) * scale[1],
                                       max(x for x, _ in xy) * scale[0], max(y for _, y in xy) * scale[1])
    indexed = sorted(root.iterfind(".//p:ReadingOrder//p:RegionRefIndexed", ns),
                     key=lambda r: int(r.get("index", "0")))
    order = [r.get("regionRef") for r in indexed] or list(boxes)
    return [boxes[r] for r in order if r in boxes]


def region_of(x: float, y: float, regions: list[tuple[float, float, float, float]]) -> int | None:
    for i, (x0, y0, x1, y1) in enumerate(regions):
        if x0 <= x <= x1 and y0 <= y <= y1:
            return i
    return None


def agreement(sequence: list[int]) -> float:
    """The share of region pairs that come in the truth's order, regions placed where their
    lines first appear."""
    first: dict[int, int] = {}
    for position, region in enumerate(sequence):
        first.setdefault(region, position)
    ranked = sorted(first, key=first.__getitem__)
    pairs = agree = 0
    for i, a in enumerate(ranked):
        for b in ranked[i + 1:]:
            pairs += 1
            agree += a < b
    return agree / pairs if pairs else 1.0


# every kind of line Tesseract writes (a heading's or caption's line is a line too)
LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
SCALE = re.compile(r"\|\s*(nzz_\d+_0_0_a1_p1_1)\s*\|[^|]*\|[^|]*\|[^|]*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|")


def nzz_rows(pages: list[Path], verbose: bool) -> list[dict[str, object]]:
    scales = {m.group(1): (float(m.group(2)), float(m.group(3)))
              for m in SCALE.finditer((SCANS / "SOURCE.md").read_text(encoding="utf-8"))}
    rows = []
    for page in pages:
        regions = page_regions(page / f"{page.name}.gt.page.xml.gz", scales[page.name])
        hocr = page / f"{page.name}.tesseract.hocr"
        dpi = float(re.search(rb"scan_res (\d+)", hocr.read_bytes()).group(1)) if re.search(  # type: ignore[union-attr]
            rb"scan_res (\d+)", hocr.read_bytes()) else 300.0
        engine_seq = []
        root = lxml.html.fromstring(hocr.read_bytes(), parser=HTML)
        for el in root.iter():
            if isinstance(el.tag, str) and (el.get("class") or "") in LINE_CLASSES:
                b = [float(v) for v in re.search(r"bbox (\d+) (\d+) (\d+) (\d+)", el.get("title", "")).groups()]  # type: ignore[union-attr]
                r = region_of((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, regions)
                if r is not None:
                    engine_seq.append(r)
        row: dict[str, object] = {"page": page.name, "engine-order": agreement(engine_seq)}
        for path, source in (("hocr", hocr), ("alto", page / f"{page.name}.tesseract.xml")):
            doc = convert(source, name=source.name)
            px = dpi / 72 if path == "hocr" else 300 / 72  # points back to the scan's pixels
            seq = []
            for block in iter_blocks(doc):
                if not isinstance(block, TextBlock):
                    continue
                for line in block.lines:
                    if line.box is None:
                        continue
                    r = region_of((line.box.x0 + line.box.x1) / 2 * px,
                                  (line.box.y0 + line.box.y1) / 2 * px, regions)
                    if r is not None:
                        seq.append(r)
            row[path] = agreement(seq)
        rows.append(row)
        if verbose:
            print(f"  {page.name:26} " + " ".join(
                f"{k} {v:.3f}" for k, v in row.items() if isinstance(v, float)))
    return rows


def report(title: str, rows: list[dict[str, object]], keys: list[str]) -> None:
    if not rows:
        return
    print(f"{title} ({len(rows)} page/engine pairs)")
    for key in keys:
        values = [float(r[key]) for r in rows if key in r]  # type: ignore[arg-type]
        if values:
            print(f"  {key:14} mean {statistics.fmean(values):.3f}  median {statistics.median(values):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "held", "all"), default="held")
    parser.add_argument("--pages", help="comma-separated page ids (overrides --split)")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--clean", default="", help="cleaners to run beside the defaults (a,b)")
    args = parser.parse_args()
    EXTRA.extend(n for n in args.clean.split(",") if n)
    if not SCANS.is_dir():
        sys.exit(f"no scans at {SCANS} (the data lives in the project's shared folder)")

    def chosen(folder: Path) -> list[Path]:
        pages = sorted(p for p in folder.iterdir() if p.is_dir())
        if args.pages:
            return [p for p in pages if p.name in args.pages.split(",")]
        return [p for p in pages if args.split == "all" or half(p.name) == args.split]

    rows = scribe_rows(chosen(SCANS / "scribeocr-ocr-benchmark"), args.verbose)
    report("scribeocr pages, body word error rate", rows,
           ["raw", "text", "hocr", "alto", "hocr+furniture"])
    if rows:
        ratios = [float(r["hocr"]) / max(1e-9, float(r["raw"])) for r in rows]  # type: ignore[arg-type]
        worse = sum(float(r["hocr"]) > float(r["text"]) + 1e-9 for r in rows)  # type: ignore[arg-type]
        mean_ratio = statistics.fmean(float(r["hocr"]) for r in rows) / max(  # type: ignore[arg-type]
            1e-9, statistics.fmean(float(r["raw"]) for r in rows))  # type: ignore[arg-type]
        print(f"  hocr / raw: ratio of means {mean_ratio:.3f}, median page ratio "
              f"{statistics.median(ratios):.3f}; hocr worse than text on {worse} of {len(rows)}")
    nzz = nzz_rows(chosen(SCANS / "nzz-black-letter-gt"), args.verbose)
    report("NZZ pages, region order agreement with the truth", nzz, ["engine-order", "hocr", "alto"])


if __name__ == "__main__":
    main()
