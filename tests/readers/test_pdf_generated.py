"""PDFs made here with reportlab from known text: 2 to 5 columns, first lines indented, words
hyphenated at line ends, a running head and a folio on every page. Every paragraph must come
out whole and in reading order, the hyphens decided, the furniture set apart."""

from __future__ import annotations

import random

import pagegen
import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

import copydesk
from copydesk import Boilerplate, Paragraph, iter_blocks

FONT, SIZE, LEADING, INDENT = "Times-Roman", 9.5, 11.5, 10.0


def wrap(text: str, width: float, first_indent: float, rng: random.Random) -> list[str]:
    """Wrapped by measured width, words hyphenated (TeX patterns) where they won't fit."""
    return pagegen.wrap(text, [width - first_indent], width, rng, 1.0,
                        lambda s: stringWidth(s, FONT, SIZE))


def make_pdf(path, paragraphs: list[str], columns: int, rng: random.Random,
             height: float = 1.0) -> None:
    """Pages of ``columns`` columns, ``height`` letter pages high, each with a running head
    and a folio."""
    page_w, page_h = letter[0], letter[1] * height
    margin, gutter = 54.0 * height, 14.0
    col_w = (page_w - 2 * margin - gutter * (columns - 1)) / columns
    pdf = canvas.Canvas(str(path), pagesize=(page_w, page_h))
    page, col, y = 1, 0, page_h - margin - 20

    def furniture() -> None:
        pdf.setFont(FONT, 8)
        pdf.drawString(margin, page_h - margin + 6, f"THE RIVERSIDE GAZETTE    Tuesday, March 5    Page {page}")
        pdf.drawString(page_w / 2, margin - 24, str(page))
        pdf.setFont(FONT, SIZE)

    furniture()
    for text in paragraphs:
        for i, line in enumerate(wrap(text, col_w, INDENT, rng)):
            if y < margin:
                col += 1
                y = page_h - margin - 20
                if col == columns:
                    pdf.showPage()
                    page, col = page + 1, 0
                    furniture()
            pdf.drawString(margin + col * (col_w + gutter) + (INDENT if i == 0 else 0), y, line)
            y -= LEADING
    pdf.save()


@pytest.mark.parametrize("columns, height", [(2, 0.5), (3, 0.5), (5, 1.0)])
def test_generated_columns_come_out_whole_and_in_order(tmp_path, columns, height):
    """Every document has a few pages (a single page's edge lines stay text: only their
    recurrence tells a running head)."""
    rng = random.Random(columns)
    chapters = pagegen.load_chapters(shared=False)
    paragraphs = [p for p in chapters[columns] if "-" not in p and "—" not in p][:30]
    path = tmp_path / f"{columns}-columns.pdf"
    make_pdf(path, paragraphs, columns, rng, height)
    doc = copydesk.clean(copydesk.read(path))
    got = [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)]
    assert got == paragraphs
    heads = [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)]
    pages = sum(1 for t in heads if t.startswith("THE RIVERSIDE GAZETTE"))
    assert pages >= 2 and len(heads) == 2 * pages
    assert [e for e in doc.edits if e.kind == "join"]


def test_labelled_captions_italic_headings_and_a_running_head_high_on_the_page(tmp_path):
    """A technical document: a running head 12% down each page (LaTeX's margins), a section
    heading in italic at body size, a figure's caption opening with its label, set at body
    size with no picture the PDF calls one. Each must be told from the running text; the
    running head by its recurrence (on a single page, a line that far in stays text)."""
    path = tmp_path / "handbook.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    height = letter[1]
    body = ("Self-locking nuts are used on aircraft to provide tight connections which will "
            "not shake loose under severe vibration. They must not be used where the bolt is "
            "subject to rotation, or on parts that are opened and closed often.")
    for figure in (26, 27):
        pdf.setFont("Times-Roman", 9)
        pdf.drawString(150, height - 95, "Aviation Maintenance Handbook: Hardware")
        y = height - 130
        pdf.setFont("Times-Italic", 10)
        pdf.drawString(72, y, "Elastic Stop Nut")
        y -= 14
        pdf.setFont("Times-Roman", 10)
        for line in wrap(body, 400, 0, random.Random(1)):
            pdf.drawString(72, y, line)
            y -= 12
        pdf.drawString(72, y - 20, f"Figure 7-{figure}. Self-locking nuts, as fitted to the engine mounts.")
        pdf.showPage()
    pdf.save()
    doc = copydesk.clean(copydesk.read(path))
    kinds = [(type(b).__name__, b.text) for b in iter_blocks(doc) if hasattr(b, "text") and b.text]
    assert kinds == [
        kind for figure in (26, 27) for kind in (
            ("Boilerplate", "Aviation Maintenance Handbook: Hardware"),
            ("Heading", "Elastic Stop Nut"),
            ("Paragraph", body),
            ("Caption", f"Figure 7-{figure}. Self-locking nuts, as fitted to the engine mounts."),
        )
    ]


def test_tex_font_names_say_bold_and_italic():
    from copydesk.plugins.readers.pdf import BOLD, ITALIC

    bold = ["cmbx10", "sfbx1000", "cmb10", "times-bold", "lmroman10-bold", "arial-boldmt"]
    italic = ["cmti10", "sfti1000", "cmsl10", "times-italic", "helvetica-oblique"]
    plain = ["cmr10", "sfrm1000", "cmmi10", "cmsy10", "cmtt10", "times-roman"]
    assert all(BOLD.search(n) for n in bold) and not any(BOLD.search(n) for n in plain + italic)
    assert all(ITALIC.search(n) for n in italic) and not any(ITALIC.search(n) for n in plain)


def test_a_rule_across_the_columns_ends_a_story(tmp_path):
    """Two stories in two columns each, one under the other, the second with no headline,
    byline or drop cap: the rule between them is what says a new story starts."""
    rng = random.Random(3)
    chapters = pagegen.load_chapters(shared=False)
    stories = [[p for p in chapters[k] if "-" not in p][:2] for k in (1, 2)]
    path = tmp_path / "ruled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    height = letter[1]
    y = height - 100
    for n, story in enumerate(stories):
        if n:
            pdf.line(54, y + 4, 558, y + 4)
            y -= 14
        lines = [(line, INDENT if k == 0 else 0.0) for text in story
                 for k, line in enumerate(wrap(text, 240, INDENT, rng))]
        half = (len(lines) + 1) // 2
        pdf.setFont(FONT, SIZE)
        for column, part in enumerate((lines[:half], lines[half:])):
            for i, (line, indent) in enumerate(part):
                pdf.drawString(54 + column * 264 + indent, y - i * LEADING, line)
        y -= half * LEADING + 10
    pdf.save()
    doc = copydesk.clean(copydesk.read(path))
    articles = [b for b in doc.blocks if isinstance(b, copydesk.Article)]
    assert [[p.text for p in a.blocks if isinstance(p, Paragraph)] for a in articles] == stories


def test_running_feet_that_change_from_page_to_page_and_labels_set_off_by_space(tmp_path):
    """A book's running foot names the chapter, so it need not repeat; standing apart at the
    page's foot says what it is. A caption label may be set off by space, not a full stop."""
    path = tmp_path / "redbook.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    height = letter[1]
    chapters = pagegen.load_chapters(shared=False)
    texts = [[p for p in chapters[k] if "-" not in p][:1] for k in (1, 2)]
    feet = ["Chapter 2. Roles and separation of duties", "Chapter 3. Row and column access"]
    for n, (foot, paragraphs) in enumerate(zip(feet, texts, strict=True)):
        y = height - 90
        pdf.setFont(FONT, SIZE)
        for i, line in enumerate(wrap(paragraphs[0], 400, INDENT, random.Random(n))):
            pdf.drawString(72 + (INDENT if i == 0 else 0), y, line)
            y -= LEADING
        pdf.setFont("Helvetica-Bold", 8)
        pdf.drawString(72, y - 20, "Figure 1-2   Existing row and column controls")
        pdf.setFont(FONT, 8)
        pdf.drawString(72, 36, foot)
        pdf.showPage()
    pdf.save()
    doc = copydesk.clean(copydesk.read(path))
    blocks = list(iter_blocks(doc))
    assert [b.text for b in blocks if isinstance(b, Boilerplate)] == feet
    assert [b.text for b in blocks if isinstance(b, copydesk.Caption)] == [
        "Figure 1-2 Existing row and column controls"] * 2
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [t[0] for t in texts]


def test_run_in_headings_and_a_table_do_not_break_the_column(tmp_path):
    """A paper's page: a run-in heading in bold opening a paragraph's first line, a heading on
    a line of its own, and a table of short cells that must not be taken for columns."""
    path = tmp_path / "paper.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    height = letter[1]
    chapters = pagegen.load_chapters(shared=False)
    first, second = [p for p in chapters[3] if "-" not in p][:2]
    y = height - 100
    pdf.setFont("Times-Bold", 10)
    pdf.drawString(72, y, "5.1 Hyper Parameter Optimization")
    y -= 16
    pdf.setFont(FONT, SIZE)
    for i, line in enumerate(wrap(first, 460, INDENT, random.Random(1))):
        pdf.drawString(72 + (INDENT if i == 0 else 0), y, line)
        y -= LEADING
    y -= 10
    for row in range(8):  # a table: four narrow columns of numbers
        for col in range(4):
            pdf.drawString(120 + col * 90, y, f"{row * 4 + col:>3} ms")
        y -= LEADING
    y -= 10
    lead = "5.2 Quantitative Results."
    pdf.setFont("Times-Bold", SIZE)
    pdf.drawString(72, y, lead)
    lines = wrap(second, 460, stringWidth(lead + " ", "Times-Bold", SIZE), random.Random(2))
    pdf.setFont(FONT, SIZE)
    for i, line in enumerate(lines):
        x = 72 + (stringWidth(lead + " ", "Times-Bold", SIZE) if i == 0 else 0)
        pdf.drawString(x, y, line)
        y -= LEADING
    pdf.save()
    doc = copydesk.clean(copydesk.read(path))
    blocks = list(iter_blocks(doc))
    heads = [b.text for b in blocks if isinstance(b, copydesk.Heading)]
    assert heads == ["5.1 Hyper Parameter Optimization", "5.2 Quantitative Results."]
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert first in paragraphs and second in paragraphs
