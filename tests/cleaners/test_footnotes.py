"""The ``footnotes`` cleaner: notes at a page's foot set apart, kept, and written as notes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import copydesk
from copydesk import Boilerplate, Footnote, Paragraph, iter_blocks

PAGE = """\
The council met on Tuesday to discuss the
budget for next year, and members argued
for three hours about the cost of the new
bridge over the river.1 The mayor said the
work would start in the spring, once the
money had been found.* Opponents said they
would take the decision to the regional
court if they had to, and they did so.

1 The bridge was first proposed in 1903 by
the engineer who built the old ferry land-
ing, and again in 1950.
* Two thirds of it from the state.

12
"""


def converted(text: str) -> copydesk.Document:
    return copydesk.clean(copydesk.read(text.encode(), "print-ocr", name="page.txt"))


def test_notes_the_page_refers_to_are_footnotes_out_of_the_body():
    doc = converted(PAGE)
    notes = [b for b in iter_blocks(doc) if isinstance(b, Footnote)]
    assert [(n.label, n.text) for n in notes] == [
        ("1", "The bridge was first proposed in 1903 by the engineer who built the old ferry "
              "landing, and again in 1950."),
        ("*", "Two thirds of it from the state.")]
    body = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))
    assert "1903" not in body and body.endswith("and they did so.")
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == ["12"]
    assert [e.original for e in doc.edits if e.plugin == "footnotes"] == ["1", "*"]


def test_a_numbered_list_at_the_foot_of_a_page_that_nothing_refers_to_stays_text():
    """No reference in the text, no rule above, no smaller type: a list, not notes."""
    text = PAGE.replace("river.1", "river.").replace("found.*", "found.")
    doc = converted(text)
    assert not [b for b in iter_blocks(doc) if isinstance(b, Footnote)]
    ruled = text.replace("\n1 The bridge", "\n__________\n1 The bridge")
    assert [b.label for b in iter_blocks(converted(ruled)) if isinstance(b, Footnote)] == [
        "1", "*"]


def test_writers_set_notes_apart():
    doc = converted(PAGE)
    markdown = io.BytesIO()
    copydesk.write(doc, markdown, "markdown")
    assert "**Note 1:** The bridge was first proposed" in markdown.getvalue().decode()
    tei = io.BytesIO()
    copydesk.write(doc, tei, "tei")
    root = etree.fromstring(tei.getvalue())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    notes = root.findall(".//t:note[@place='foot']", ns)
    assert [n.get("n") for n in notes] == ["1", "*"]
    epub = io.BytesIO()
    copydesk.write(doc, epub, "epub")
    with zipfile.ZipFile(epub) as book:
        xhtml = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert '<aside class="footnote" role="doc-footnote"><p><span class="label">1</span> The' in xhtml
    # at the chapter's end, after the text of the next page too (a print page's foot is the
    # middle of a chapter)
    two_pages = converted(PAGE + "\f" + "The work began in the spring, as the mayor had\n"
                          "said it would, and the bridge was opened two\nyears later.\n")
    epub = io.BytesIO()
    copydesk.write(two_pages, epub, "epub")
    with zipfile.ZipFile(epub) as book:
        xhtml = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert xhtml.index("two years later.") < xhtml.index('class="footnote"')


FEDERAL_REGISTER = (Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "pdf"
                    / "pdfplumber-tests" / "federal-register-2020-17221.pdf")


@pytest.mark.skipif(not FEDERAL_REGISTER.exists(), reason="shared evaluation data not present")
def test_real_footnotes_of_the_federal_register_are_set_apart():
    """The Federal Register sets its footnotes small at the foot of a column: those at a
    page's foot (7, 8, 9, 14, 15) and the one at the foot of a first column, read before the
    second column's text (6), are notes now, not body paragraphs."""
    doc = copydesk.clean(copydesk.read(FEDERAL_REGISTER))
    notes = {b.label: b.text for b in iter_blocks(doc) if isinstance(b, Footnote)}
    assert set(notes) == {"6", "7", "8", "9", "14", "15"}
    assert notes["6"].startswith("Flight data recorder (FDR) data from the Lion Air")
    assert notes["8"].startswith("MCAS is a function of the Speed Trim System")
    body = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))
    assert "MCAS is a function of the Speed Trim System" not in body
