"""The pdf reader: columns in reading order, running heads set apart, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import copydesk
from copydesk import Boilerplate, Heading, Paragraph, iter_blocks

REGISTER = Path(__file__).resolve().parent.parent / "data" / "pdf" / "federal-register-2020-17221.pdf"


@pytest.fixture(scope="module")
def register():
    return copydesk.clean(copydesk.read(REGISTER))


def paragraphs(doc) -> list[str]:
    return [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)]


def test_three_columns_come_out_in_reading_order(register):
    texts = paragraphs(register)
    whole = next(t for t in texts if "Hatta International Airport in Jakarta," in t)
    # the paragraph goes on down its own column, not across into the next one
    assert "Jakarta, Indonesia, resulting in 189 fatalities." in whole
    assert "altitude disagree alert" not in whole
    other = next(t for t in texts if "altitude disagree alert" in t)
    assert "may affect the flightcrew’s ability to accomplish" in other
    assert texts.index(whole) < texts.index(other)


def test_running_heads_and_folios_are_boilerplate(register):
    furniture = [(b.reason, b.text) for b in iter_blocks(register) if isinstance(b, Boilerplate)]
    heads = [t for r, t in furniture if r == "running-head" and "Federal Register" in t]
    folios = [t for r, t in furniture if r == "folio"]
    assert len(heads) >= 14 and len(folios) >= 14
    assert all("Federal Register / Vol" not in t for t in paragraphs(register))


def test_headings_by_type_and_words_joined_across_lines(register):
    headings = [b.text for b in iter_blocks(register) if isinstance(b, Heading)]
    assert "Airworthiness Directives; The Boeing Company Airplanes" in headings
    assert "Examining the AD Docket" in headings
    body = " ".join(paragraphs(register))
    assert "SUMMARY: The FAA proposes to supersede Airworthiness Directive" in body
    # this printer hyphenates compounds at line ends, hardly ever words: the hyphens stay
    assert "Soekarno-Hatta" in body and "FAA-approved" in body and "non-normal" in body
    kept = [e for e in register.edits if e.kind == "keep-hyphen"]
    assert len(kept) >= 6 and all(e.plugin == "dehyphenate" for e in kept)


def test_the_layout_is_kept_on_every_line(register):
    line = next(b for b in iter_blocks(register) if isinstance(b, Paragraph)).lines[0]
    assert line.page == 1 and line.box is not None and line.font_size


@pytest.mark.parametrize("content, message", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "damaged or truncated PDF"),
    (b"just text, not a pdf", "not a PDF file"),
])
def test_broken_pdfs_are_clear_errors(tmp_path, cli, content, message):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    result = cli("convert", str(bad), "-f", "pdf")
    err = result.stderr.decode()
    assert result.returncode == 1 and message in err and err.count("\n") == 1


def test_a_blank_pdf_without_text_is_refused_in_one_line(tmp_path, cli):
    from pdfminer.pdfpage import PDFPage  # noqa: F401  (pdfminer is installed)
    blank = tmp_path / "scan.pdf"
    blank.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n")
    result = cli("convert", str(blank))
    err = result.stderr.decode().strip()
    assert result.returncode == 1 and len(err.splitlines()) == 1
    assert "no text layer" in err and ("Tesseract found no text" in err or "needs Tesseract" in err)


SHARED_PDF = Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "pdf"


@pytest.mark.skipif(not SHARED_PDF.is_dir(), reason="shared evaluation data not present")
def test_a_paper_whose_gutter_the_lines_do_not_show_reads_column_by_column():
    """multi-column-2p.pdf, page 1: an arXiv stamp in the margin and an indented abstract hid
    the gutter, and the two columns came out interleaved line by line; pdfminer's own text
    boxes say which lines belong together."""
    doc = copydesk.clean(copydesk.read(SHARED_PDF / "unstructured-example-docs"
                                       / "multi-column-2p.pdf"))
    text = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph | Heading))
    assert ("Open-domain question answering relies on efficient passage retrieval to select "
            "candidate contexts") in text
    assert text.index("state-of-the-art on multiple open-domain QA benchmarks") < text.index(
        "Retrieval in open-domain QA is usually implemented")


@pytest.mark.skipif(not SHARED_PDF.is_dir(), reason="shared evaluation data not present")
@pytest.mark.parametrize("name", ["unstructured-example-docs/multi-column-2p.pdf",
                                  "docling-tests/sources/redp5110_sampled.pdf"])
def test_no_unmapped_glyph_codes_or_ligature_glyphs_in_the_text(name):
    """pdfminer writes ``(cid:28)`` for a glyph its font does not map, and keeps ligatures as
    one character (ﬁ): neither reaches the text."""
    doc = copydesk.read(SHARED_PDF / name)
    text = " ".join(b.text for b in iter_blocks(doc) if hasattr(b, "text"))
    assert "(cid:" not in text
    assert not any("\ufb00" <= c <= "\ufb4f" for c in text)
    assert "efficient" in text or "fi" in text


def _bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB (mostly spaces)."""
    from hostile import pdf_document

    return pdf_document(b"BT /F1 12 Tf 72 400 Td (Hello bomb) Tj ET\n"
                        + b" " * (megabytes * 1024 * 1024))


def test_a_decompression_bomb_is_refused_within_the_budget(tmp_path, cli, monkeypatch):
    import tracemalloc

    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_bomb(48))
    assert len(bomb.read_bytes()) < 100_000
    monkeypatch.setenv("COPYDESK_PDF_MAX_MB", "8")
    tracemalloc.start()
    with pytest.raises(copydesk.InputError, match="inflate to more than 8 MB"):
        copydesk.read(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 * 1024 * 1024  # the 48 MB stream was never inflated whole
    monkeypatch.setenv("COPYDESK_PDF_MAX_MB", "64")
    doc = copydesk.read(bomb)  # a budget large enough: read as usual
    assert any("Hello bomb" in b.text for b in copydesk.iter_blocks(doc)
               if isinstance(b, copydesk.TextBlock))
    result = cli("convert", str(bomb), "-t", "json", env={"COPYDESK_PDF_MAX_MB": "8"})
    err = result.stderr.decode().strip()
    assert result.returncode == 1 and len(err.splitlines()) == 1
    assert err.endswith("COPYDESK_PDF_MAX_MB raises the limit")


def test_the_federal_registers_sections_are_chapters_with_nested_navigation(tmp_path):
    """Fifteen pages of proposed rules whose section heads are bold in the body's type: a few
    chapters, each section a sub-heading nested under its chapter in the contents (it was 30
    flat chapters, some a heading and a line)."""
    import re
    import zipfile

    out = tmp_path / "register.epub"
    copydesk.convert(REGISTER, out)
    with zipfile.ZipFile(out) as book:
        chapters = [n for n in book.namelist() if re.search(r"article-\d+\.xhtml$", n)]
        nav = book.read("EPUB/nav.xhtml").decode()
    assert 1 <= len(chapters) <= 6
    first = re.search(r'<li>\s*<a href="article-001.xhtml">[^<]*</a>\s*<ol>(.*?)</ol>', nav, re.DOTALL)
    assert first is not None and ">Background</a>" in first.group(1)


def test_rule_text_set_smaller_than_the_preamble_is_not_taken_for_captions(register):
    """The Register sets a rule's text a point smaller than its preamble; by the pictures
    of its last pages (figures of a flight manual) that text is still text, not captions
    (the type is the page's own, not smaller than it). The pictures, uncaptioned (their
    titles are in the images), are pictures of their own."""
    figures = [b for b in iter_blocks(register) if isinstance(b, copydesk.Figure)]
    assert not [f for f in figures if f.blocks]
    assert any(b.text.startswith("(1) In the Certificate Limitations and Operating Procedures")
               for b in iter_blocks(register) if isinstance(b, Paragraph))
    assert len(figures) >= 9 and all(f.src and "#page=" in f.src and f.alt == "" for f in figures)
