"""Tables in PDFs: found where the page rules them, read as rows and cells, written as tables.

The Federal Register's cost table (ruled column heads, rows set with leader dots and joined
into one line by pdfminer, continued on the next page under the same heads) is real; the
others are drawn here with reportlab, beside text in columns between rules, which must stay
text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

import copydesk
from copydesk import Caption, Cell, Paragraph, Row, Table, iter_blocks

REGISTER = Path(__file__).resolve().parent.parent / "data" / "pdf" / "federal-register-2020-17221.pdf"
SHARED_PDF = Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "pdf"


def tables(doc) -> list[Table]:
    return [b for b in iter_blocks(doc) if isinstance(b, Table)]


def cells(table: Table) -> list[list[str]]:
    return [[c.text for c in r.blocks if isinstance(c, Cell)] for r in table.blocks
            if isinstance(r, Row)]


@pytest.fixture(scope="module")
def register():
    return copydesk.clean(copydesk.read(REGISTER))


def test_the_registers_cost_table_is_one_table_of_rows_and_cells(register):
    found = tables(register)
    assert len(found) == 1  # the part on the next page, under the same heads, joined to it
    table = found[0]
    assert [b.text for b in table.blocks if isinstance(b, Caption)] == ["ESTIMATED COSTS"]
    rows = cells(table)
    assert rows[0] == ["Action", "Labor cost", "Parts cost", "Cost per product",
                       "Cost on U.S. operators"]
    assert [r.header for r in table.blocks if isinstance(r, Row)] == [True] + [False] * 5
    assert rows[1] == ["FCC OPS installation and verification",
                       "1 work-hour × $85 per hour = $85", "$0", "$85", "$6,205."]
    assert rows[3][0] == "MDS installation and verification, INOP marker removal."
    assert rows[5] == ["AOA sensor system test", "40 work-hours × $85 per hour = $3,400.",
                       "$0", "$3,400", "$248,200."]
    # the rows are no longer paragraphs of leader dots
    assert not any("......" in b.text or "$6,205" in b.text for b in iter_blocks(register)
                   if isinstance(b, Paragraph))


def test_the_registers_epub_has_its_table(tmp_path, epubcheck):
    out = tmp_path / "register.epub"
    copydesk.convert(REGISTER, out)
    with zipfile.ZipFile(out) as book:
        text = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert "<caption>ESTIMATED COSTS</caption>" in text
    assert '<th scope="col">Cost per product</th>' in text and "<td>$248,200.</td>" in text
    assert epubcheck(out) == []


def ruled_page(path: Path, *, vertical: bool, label: str | None, continued: bool = False) -> None:
    """A page of two columns of running text between rules across the page, then a table:
    three columns, heads between rules, rows under them (with rules between the columns when
    ``vertical``), its caption over it; ``continued``: the table's last rows on a second
    page, under the same heads."""
    pdf = canvas.Canvas(str(path), pagesize=letter)
    width, height = letter
    prose = ("the council met on tuesday to weigh the budget for roads and schools and "
             "agreed after a long debate to put the question to the voters in spring")
    words = prose.split(" ")
    pdf.setLineWidth(0.5)
    pdf.line(72, height - 80, width - 72, height - 80)
    pdf.setFont("Helvetica", 10)
    for column, x in enumerate((72, 320)):
        for i in range(12):
            line = " ".join(words[(i * 5 + column) % 20:(i * 5 + column) % 20 + 7])
            pdf.drawString(x, height - 96 - 12 * i, line)
    pdf.line(72, height - 250, width - 72, height - 250)
    rows = [("Oak Street", "12", "$4,100"), ("Elm Road", "7", "$2,950"),
            ("Mill Lane", "3", "$1,200"), ("Bridge Way", "21", "$8,400")]

    def table(top: float, body: list[tuple[str, str, str]], caption: str | None) -> None:
        if caption:
            pdf.setFont("Helvetica-Bold", 10)
            pdf.drawString(110, top + 10, caption)
        pdf.line(72, top, width - 72, top)
        pdf.line(72, top - 20, width - 72, top - 20)
        if vertical:
            for x in (250, 400):
                pdf.line(x, top, x, top - 20)
        pdf.setFont("Helvetica", 9)
        for text, x in (("Street", 80), ("Potholes", 260), ("Cost", 410)):
            pdf.drawString(x, top - 14, text)
        for i, row in enumerate(body):
            for text, x in zip(row, (80, 260, 410), strict=True):
                pdf.drawString(x, top - 34 - 11 * i, text)

    table(height - 290, rows[:2] if continued else rows, label)
    if continued:
        pdf.showPage()
        table(height - 90, rows[2:], None)
    pdf.save()


@pytest.mark.parametrize("vertical,label", [(True, None), (False, "Table 3. Road repairs"),
                                            (True, "Table 3. Road repairs")])
def test_a_ruled_table_is_a_table_and_text_in_columns_between_rules_is_not(
        tmp_path, vertical, label):
    path = tmp_path / "roads.pdf"
    ruled_page(path, vertical=vertical, label=label)
    doc = copydesk.clean(copydesk.read(path))
    [table] = tables(doc)
    assert cells(table) == [["Street", "Potholes", "Cost"], ["Oak Street", "12", "$4,100"],
                            ["Elm Road", "7", "$2,950"], ["Mill Lane", "3", "$1,200"],
                            ["Bridge Way", "21", "$8,400"]]
    assert [b.text for b in table.blocks if isinstance(b, Caption)] == ([label] if label else [])
    body = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))
    assert "council met" in body and "Oak Street" not in body


def test_rules_and_short_lines_without_a_sign_of_a_table_stay_text(tmp_path):
    """Heads between rules and rows under them, but no rule between the columns and no
    table's label: not enough to take the text for a table (it stays where it was)."""
    path = tmp_path / "plain.pdf"
    ruled_page(path, vertical=False, label=None)
    doc = copydesk.clean(copydesk.read(path))
    assert tables(doc) == []
    assert "Oak Street" in " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))


def test_a_table_continued_under_the_same_heads_is_one(tmp_path):
    path = tmp_path / "continued.pdf"
    ruled_page(path, vertical=True, label="Table 3. Road repairs", continued=True)
    [table] = tables(copydesk.clean(copydesk.read(path)))
    assert [r[0] for r in cells(table)] == ["Street", "Oak Street", "Elm Road", "Mill Lane",
                                            "Bridge Way"]


@pytest.mark.skipif(not SHARED_PDF.is_dir(), reason="shared evaluation data not present")
def test_the_redbooks_tables_match_doclings_reference():
    """docling's reference for this IBM Redbook sample has four tables (besides its contents
    list); copydesk finds the same four, with their captions and rows."""
    doc = copydesk.read(SHARED_PDF / "docling-tests" / "sources" / "redp5110_sampled.pdf")
    found = tables(doc)
    captions = [b.text for t in found for b in t.blocks if isinstance(b, Caption)]
    assert [c.split()[1] for c in captions] == ["2-1", "2-2", "3-1", "3-2"]
    assert cells(found[0])[:2] == [["Column name", "Data type", "Description"],
                                   ["FUNCTION_ID", "VARCHAR(30)", "ID of the function."]]
    assert len(cells(found[3])) == 10  # heads and nine global variables
