"""Synthetic newspaper pages typeset as PDF (reportlab), each with its gold.

The stories, headlines, pull quotes, captions and bylines of ``pagegen``, set the way a paper
sets them: 2 to 5 columns; body type justified or ragged, words hyphenated at line ends (TeX
patterns); paragraphs by first-line indent or by space; a headline across the page in large
bold type; an opening byline in small bold sans or a closing contributor note in italic; a drop
cap (an oversized first letter set into the first three lines); a pull quote in larger italic
between rules; a picture (a grey halftone box) with its caption in small type and the credit
under it; rules between stories; a running head and a folio. Columns are balanced.

Writes ``OUT/page-0001.pdf``, ``OUT/page-0001.txt`` (the typeset lines, for the scorer's
hyphenation sites) and ``OUT/expected/page-0001.json`` (gold in the seeds' shape).

Use: ``python benchmarks/pdfpagegen.py OUT_DIR --pages 30 --seed 1``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pagegen
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = letter
MARGIN, GUTTER = 36.0, 12.0
TOP, BOTTOM = PAGE_H - 54.0, 40.0  # the text area below the running head, above the folio
CAP_HEIGHT = 0.66  # of the em, for Times


@dataclass
class Text:
    """One typeset line: where it starts within its piece, its font and width to fill."""

    text: str
    font: str
    size: float
    x: float = 0.0
    justify: float | None = None  # the width to justify the line to


@dataclass
class Piece:
    """An unbreakable stretch of a column: lines, a drop cap, rules or a picture."""

    height: float
    lines: list[tuple[float, Text]] = field(default_factory=list)  # (baseline offset, line)
    rules: list[float] = field(default_factory=list)  # offsets of horizontal rules
    picture: float = 0.0  # height of a picture box at the top of the piece

    def draw(self, pdf: canvas.Canvas, x: float, top: float, width: float) -> None:
        if self.picture:
            pdf.setFillGray(0.55)
            pdf.rect(x, top - self.picture, width, self.picture, stroke=0, fill=1)
            pdf.setFillGray(0.0)
        for offset in self.rules:
            pdf.setLineWidth(0.6)
            pdf.line(x, top - offset, x + width, top - offset)
        for offset, line in self.lines:
            draw_line(pdf, line, x + line.x, top - offset)


def draw_line(pdf: canvas.Canvas, line: Text, x: float, baseline: float) -> None:
    text = pdf.beginText(x, baseline)
    text.setFont(line.font, line.size)
    spaces = line.text.count(" ")
    stretch = line.justify - stringWidth(line.text, line.font, line.size) if line.justify else 0
    text.setWordSpace(stretch / spaces if spaces else 0)  # text state outlives the text object
    text.textOut(line.text)
    pdf.drawText(text)


@dataclass
class Setting:
    """How one page is set."""

    columns: int
    body_font: str
    size: float
    justified: bool
    indent: bool  # paragraphs by first-line indent (else by space)
    headline_font: str
    caption_font: str

    @property
    def leading(self) -> float:
        return round(self.size * 1.18, 2)

    @property
    def column_width(self) -> float:
        return (PAGE_W - 2 * MARGIN - GUTTER * (self.columns - 1)) / self.columns

    @classmethod
    def random(cls, rng: random.Random) -> Setting:
        return cls(columns=rng.choice([2, 3, 3, 4, 5]), body_font="Times-Roman",
                   size=rng.choice([8.5, 9.0, 9.5, 10.0]), justified=rng.random() < 0.7,
                   indent=rng.random() < 0.75,
                   headline_font=rng.choice(["Times-Bold", "Helvetica-Bold"]),
                   caption_font=rng.choice(["Helvetica", "Times-Italic"]))


def measure(font: str, size: float) -> Callable[[str], float]:
    return lambda s: stringWidth(s, font, size)


def text_lines(text: str, font: str, size: float, width: float, rng: random.Random,
               chance: float = 0.0, widths: list[float] | None = None) -> list[str]:
    return pagegen.wrap(text, widths or [], width, rng, chance, measure(font, size))


def paragraph_pieces(text: str, s: Setting, rng: random.Random, first: bool,
                     drop: bool) -> list[Piece]:
    """A body paragraph as one piece per line (the drop cap's lines as one piece)."""
    width, lead = s.column_width, s.leading
    if drop:
        cap_size = (2 * lead + CAP_HEIGHT * s.size) / CAP_HEIGHT
        cap_w = stringWidth(text[0], "Times-Bold", cap_size) + 3
        lines = text_lines(text[1:], s.body_font, s.size, width, rng, 0.9,
                           widths=[width - cap_w] * 3)
        cap = Piece(height=3 * lead, lines=[(3 * lead - 0.25 * s.size,
                                             Text(text[0], "Times-Bold", cap_size))])
        for k, line in enumerate(lines[:3]):
            full = s.justified and k < len(lines) - 1
            cap.lines.append((lead * (k + 1) - 0.25 * s.size, Text(
                line, s.body_font, s.size, x=cap_w, justify=width - cap_w if full else None)))
        rest = [(line, k + 3) for k, line in enumerate(lines[3:])]
        pieces = [cap]
    else:
        indent = s.size if s.indent and not first else 0.0
        lines = text_lines(text, s.body_font, s.size, width, rng, 0.9,
                           widths=[width - indent])
        rest = list(zip(lines, range(len(lines)), strict=True))
        pieces = []
        if not s.indent and not first:
            pieces.append(Piece(height=0.6 * lead))
    for line, k in rest:
        x = s.size if s.indent and not first and not drop and k == 0 else 0.0
        full = s.justified and k < len(lines) - 1
        pieces.append(Piece(height=lead, lines=[(lead - 0.25 * s.size, Text(
            line, s.body_font, s.size, x=x, justify=width - x if full else None))]))
    return pieces


def lines_piece(lines: list[str], font: str, size: float, lead: float, before: float = 0.0,
                right: float | None = None) -> Piece:
    """Lines set one under another (flush right at ``right`` when given)."""
    piece = Piece(height=before + lead * len(lines))
    for k, line in enumerate(lines):
        x = right - stringWidth(line, font, size) if right is not None else 0.0
        piece.lines.append((before + lead * (k + 1) - 0.25 * size, Text(line, font, size, x=x)))
    return piece


def pull_quote_piece(quote: str, s: Setting, rng: random.Random) -> Piece:
    size = round(s.size * rng.uniform(1.35, 1.7), 1)
    lines = text_lines(quote, "Times-Italic", size, s.column_width - 8, rng)
    piece = lines_piece(lines, "Times-Italic", size, size * 1.2, before=8)
    piece.lines = [(o, Text(t.text, t.font, t.size, x=4)) for o, t in piece.lines]
    piece.rules = [3, piece.height + 4]
    piece.height += 10
    return piece


def picture_piece(text: str, shown: str, s: Setting, rng: random.Random) -> Piece:
    """A picture box, its caption in small type and the credit flush right under it."""
    width = s.column_width
    picture = round(width * rng.uniform(0.55, 0.85), 1)
    size = round(s.size * 0.8, 1)
    lines = text_lines(text, s.caption_font, size, width, rng)
    piece = lines_piece(lines, s.caption_font, size, size * 1.2, before=picture + 3)
    credit = lines_piece([shown], "Helvetica", round(size * 0.85, 1), size * 1.1,
                         before=piece.height, right=width)
    piece.lines += credit.lines
    piece.height = credit.height + 0.8 * s.leading
    piece.picture = picture
    return piece


def balance(pieces: list[Piece], columns: int) -> tuple[float, list[list[Piece]]]:
    """The shortest column height that fits the pieces in ``columns`` columns, and the fill."""

    def fill(height: float) -> list[list[Piece]] | None:
        cols: list[list[Piece]] = [[]]
        used = 0.0
        for piece in pieces:
            if used + piece.height > height and cols[-1]:
                cols.append([])
                used = 0.0
            cols[-1].append(piece)
            used += piece.height
        return cols if len(cols) <= columns else None

    low = max(p.height for p in pieces)
    high = sum(p.height for p in pieces)
    while high - low > 0.5:
        mid = (low + high) / 2
        low, high = (low, mid) if fill(mid) is not None else (mid, high)
    return high, fill(high) or [pieces]


@dataclass
class Story:
    """One article's content and gold."""

    paragraphs: list[str]
    title: str | None
    byline: str | None  # "By …" (opening) or a contributor note (closing)
    closing: bool
    drop: bool
    quote: str | None
    picture: tuple[str, str, str] | None  # caption text, credit as shown, credit (gold)


def story_pieces(story: Story, s: Setting, rng: random.Random) -> list[Piece]:
    pieces: list[Piece] = []
    if story.byline and not story.closing:
        pieces.append(lines_piece([story.byline.upper()], "Helvetica-Bold", s.size * 0.8,
                                  s.leading * 1.3))
    for k, text in enumerate(story.paragraphs):
        pieces += paragraph_pieces(text, s, rng, first=k == 0, drop=story.drop and k == 0)
    if story.byline and story.closing:
        lines = text_lines(story.byline, "Times-Italic", s.size, s.column_width, rng)
        pieces.append(lines_piece(lines, "Times-Italic", s.size, s.leading, before=0.6 * s.leading))
    if story.quote:
        at = rng.randrange(len(pieces) // 4, max(len(pieces) // 4 + 1, 3 * len(pieces) // 4))
        pieces.insert(at, pull_quote_piece(story.quote, s, rng))
    if story.picture:
        at = rng.choice([0, rng.randrange(len(pieces))])
        pieces.insert(at, picture_piece(story.picture[0], story.picture[1], s, rng))
    return pieces


def make_story(rng: random.Random, chapters: list[list[str]], count: int) -> Story:
    chapter = rng.choice(chapters)
    start = rng.randrange(0, max(1, len(chapter) - count))
    paragraphs = chapter[start : start + count]
    name = f"{rng.choice(pagegen.FIRST)} {rng.choice(pagegen.LAST)}"
    kind = rng.random()
    byline, closing = None, False
    if kind < 0.4:
        byline = f"By {name}"
    elif kind < 0.65:
        byline, closing = (f"{name} is {rng.choice(pagegen.ROLES)} for "
                           f"{rng.choice(pagegen.PAPERS).title()} in {rng.choice(pagegen.LAST)}ville."), True
    first = paragraphs[0].split()[0]
    drop = first[0].isalpha() and first[0].isupper() and len(first.strip("“”\",.;:’'")) >= 2 \
        and rng.random() < 0.6
    quote = pagegen.quotable(paragraphs, rng) if rng.random() < 0.5 else None
    picture = None
    if rng.random() < 0.5:
        credit, shown = pagegen.photo_credit(rng)
        picture = (pagegen.caption_text(rng, chapters), shown, credit)
    title = pagegen.headline(rng, paragraphs) if rng.random() < 0.9 else None
    return Story(paragraphs, title, byline, closing, drop, quote, picture)


def make_page(path: Path, rng: random.Random, chapters: list[list[str]], number: int) -> dict:
    """Typeset one page into ``path`` (PDF) and return its gold; the typeset lines go to
    ``path.with_suffix(".txt")``."""
    s = Setting.random(rng)
    gold: dict = {"kind": "pdf", "articles": [], "pull_quotes": [], "captions": [],
                  "boilerplate": [], "metadata": {}}
    pdf = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    paper = rng.choice(pagegen.PAPERS)
    head = f"{paper}  ·  Tuesday, March 5, 1996  ·  Page {number}"
    pdf.setFont("Times-Roman", 8)
    pdf.drawString(MARGIN, PAGE_H - 40, head)
    pdf.line(MARGIN, PAGE_H - 44, PAGE_W - MARGIN, PAGE_H - 44)
    folio = str(number)
    pdf.drawCentredString(PAGE_W / 2, 22, folio)
    gold["boilerplate"] += [head, folio]
    typeset: list[str] = [head]
    y = TOP
    for n in range(rng.choice([1, 2, 2, 3])):
        placed = None
        for count in range(rng.randint(3, 9), 1, -1):
            story = make_story(random.Random(rng.random()), chapters, count)
            heads = text_lines(story.title, s.headline_font, 22, PAGE_W - 2 * MARGIN, rng) \
                if story.title else []
            pieces = story_pieces(story, s, random.Random(rng.random()))
            height, cols = balance(pieces, s.columns)
            if y - 28 * len(heads) - height - 8 >= BOTTOM:
                placed = story, heads, cols
                break
        if placed is None:
            break
        story, heads, cols = placed
        if n:
            pdf.setLineWidth(1.0)
            pdf.line(MARGIN, y + 6, PAGE_W - MARGIN, y + 6)
        for line in heads:
            y -= 24
            draw_line(pdf, Text(line, s.headline_font, 22), MARGIN, y)
            typeset.append(line)
        y -= 8 if heads else 0
        for c, col in enumerate(cols):
            top = y
            for piece in col:
                piece.draw(pdf, MARGIN + c * (s.column_width + GUTTER), top, s.column_width)
                typeset += [t.text for _, t in piece.lines]
                top -= piece.height
        y -= balance_height(cols) + 16
        gold["articles"].append({"title": story.title, "paragraphs": story.paragraphs,
                                 "drop_cap": story.paragraphs[0][0] if story.drop else None,
                                 "byline": story.byline})
        if story.quote:
            gold["pull_quotes"].append(story.quote)
        if story.picture:
            gold["captions"].append({"text": story.picture[0], "credit": story.picture[2]})
    typeset.append(folio)
    pdf.showPage()
    pdf.save()
    path.with_suffix(".txt").write_text("\n".join(typeset) + "\n", encoding="utf-8")
    return gold


def balance_height(cols: list[list[Piece]]) -> float:
    return max(sum(p.height for p in col) for col in cols)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.pages, args.seed)


def generate(out: Path, pages: int, seed: int, shared: bool = True) -> list[Path]:
    """``pages`` pages with their gold in ``out``; returns the PDFs' paths. Stories come from
    the shared corpus when present (and ``shared``), else from the repository's sample."""
    rng = random.Random(seed)
    chapters = pagegen.load_chapters(shared)
    (out / "expected").mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, pages + 1):
        path = out / f"page-{n:04d}.pdf"
        gold = make_page(path, rng, chapters, n)
        gold["source"] = path.with_suffix(".txt").name
        (out / "expected" / f"page-{n:04d}.json").write_text(
            json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    main()
