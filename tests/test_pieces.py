"""Long inputs converted a piece at a time (copydesk.pieces): nothing lost, nothing out of place,
every piece written before the next is read."""

from __future__ import annotations

import json
import random

import pagegen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import copydesk
from copydesk import PageBreak, api, iter_blocks
from copydesk.model import jsoncodec
from copydesk.plugins.readers import print_ocr
from copydesk.sources import Source, decode_text


@given(st.binary(max_size=300), st.integers(min_value=1, max_value=9))
@settings(max_examples=200, deadline=None)
def test_text_read_in_chunks_is_the_text_read_whole(data, size):
    """UTF-8 cut mid-character, stray bytes, a CR LF cut in two, UTF-16: the same text."""
    for variant in (data, data.replace(b"\n", b"\r\n"), "é€\r\n\x00".encode("utf-16") + data[:6]):
        assert "".join(Source(name="x", data=variant).iter_text(size)) == decode_text(variant)


@pytest.fixture(scope="module")
def long_text() -> str:
    rng = random.Random(5)
    chapters = pagegen.load_chapters(shared=False)
    return "\f".join(pagegen.make_page(rng, chapters, n)[0] for n in range(1, 15))


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(print_ocr, "PIECE_PAGES", 4)
    monkeypatch.setattr(print_ocr, "PIECE_SLACK", 2)


def lines_of(blocks):
    return [(line.number, line.text) for b in blocks for line in getattr(b, "lines", None) or []]


def test_pieces_hold_every_line_at_its_number_and_page(long_text, small_pieces):
    source = Source(name="long.txt", data=long_text.encode())
    whole = print_ocr.read_print_ocr(source).blocks
    pieces = [p.blocks for p in print_ocr.read_print_ocr_pieces(source)]
    assert 3 <= len(pieces) <= 4  # 14 pages in pieces of 4 to 6; a short last one joins
    joined = [b for piece in pieces for b in piece]
    assert lines_of(joined) == lines_of(whole)
    assert [b.page for b in joined if isinstance(b, PageBreak)] == [
        str(n) for n in range(2, 15)]
    for piece in pieces[1:]:
        assert isinstance(piece[0], PageBreak)  # a piece starts on a new page


def test_a_piece_ends_where_a_paragraph_does_if_one_does_near(small_pieces):
    pages = ["word " * 30 + "\nand the line goes on and", "word " * 30 + "\nthe story ends here."]
    text = "\f".join(pages[n in (4, 9)] for n in range(12))  # pages 5 and 10 end a sentence
    pieces = list(print_ocr.read_print_ocr_pieces(Source(name="x.txt", data=text.encode())))
    ends = [p.blocks[-1].text for p in pieces[:-1]]
    assert ends == ["word " * 29 + "word the story ends here."] * 2


def test_a_short_input_is_one_piece_as_read(long_text):
    source = Source(name="long.txt", data=long_text.encode())
    [piece] = print_ocr.read_print_ocr_pieces(source)
    assert piece == print_ocr.read_print_ocr(source)


def test_a_long_input_converts_in_pieces_to_one_document(long_text, small_pieces, tmp_path):
    src = tmp_path / "long.txt"
    src.write_text(long_text, encoding="utf-8")
    out = tmp_path / "long.json"
    record = api.convert(src, out)
    assert not record.blocks and record.edits and record.metadata.language == "en"
    data = json.loads(out.read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["edits"]]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]  # ids run on across pieces
    assert ids == [e.id for e in record.edits]
    doc = copydesk.read(out)  # a valid document: every edit mark points to an edit
    targets = {m.target for b in iter_blocks(doc) for m in getattr(b, "marks", []) if m.kind == "edit"}
    assert targets and targets <= set(ids)
    assert data["cleaners"] == record.cleaners and "dehyphenate" in data["cleaners"]
    whole = copydesk.clean(copydesk.read(src))
    # every line kept where a whole conversion keeps it (in the order of the cleaned text)
    assert sorted(lines_of(iter_blocks(doc))) == sorted(lines_of(iter_blocks(whole)))
    same = {b.text for b in iter_blocks(whole) if hasattr(b, "text")}
    texts = [b.text for b in iter_blocks(doc) if hasattr(b, "text")]
    assert sum(t in same for t in texts) >= 0.95 * len(texts)  # as whole, but at the seams


def test_each_piece_is_written_before_the_next_is_read(long_text, small_pieces, tmp_path,
                                                       monkeypatch):
    events = []
    reading = print_ocr.read_print_ocr_pieces

    def traced_pieces(source):
        for n, piece in enumerate(reading(source)):
            events.append(("read", n))
            yield piece

    writing = jsoncodec.iter_json_pieces

    def traced_writing(pieces, **kwargs):
        for text in writing(pieces, **kwargs):
            if '"type":"pagebreak","page":"' in text:
                events.append(("write", text.split('"page":"')[1].split('"')[0]))
            yield text

    monkeypatch.setattr(jsoncodec, "iter_json_pieces", traced_writing)
    plugins = copydesk.make_plugins(entry_points=False)
    reader = plugins.readers["print-ocr"]
    monkeypatch.setitem(plugins.readers, "print-ocr",
                        type(reader)(**{**reader.__dict__, "pieces": traced_pieces}))
    src = tmp_path / "long.txt"
    src.write_text(long_text, encoding="utf-8")
    api.convert(src, tmp_path / "long.json", from_format="print-ocr", plugins=plugins,
                keep_edits=False)
    reads = [i for i, e in enumerate(events) if e[0] == "read"]
    first_written = events.index(next(e for e in events if e[0] == "write"))
    assert len(reads) >= 3 and first_written < reads[2]  # the third piece is read after


@pytest.mark.parametrize("extension", ["xml", "md"])
def test_tei_and_markdown_are_written_piece_by_piece_as_one_document(
        long_text, small_pieces, tmp_path, extension, request):
    src = tmp_path / "long.txt"
    src.write_text(long_text, encoding="utf-8")
    out = tmp_path / f"long.{extension}"
    options = {"breaks": True} if extension == "xml" else {}
    record = api.convert(src, out, options=options)
    assert not record.blocks  # (written in pieces)
    whole = copydesk.clean(copydesk.read(src))
    single = tmp_path / f"whole.{extension}"
    copydesk.write(whole, single, options=options)
    text = out.read_text(encoding="utf-8")
    if extension == "md":
        assert text.count("\n## ") >= 0.9 * single.read_text(encoding="utf-8").count("\n## ")
        assert "\n\n\n" not in text and text.startswith(single.read_text()[:300])
        return
    request.getfixturevalue("tei_schema").assertValid(etree.parse(str(out)))
    got, expected = etree.parse(str(out)), etree.parse(str(single))
    assert got.find(".//{*}teiHeader") is not None and etree.tostring(
        got.find(".//{*}teiHeader")) == etree.tostring(expected.find(".//{*}teiHeader"))
    assert len(got.findall(".//{*}choice")) >= 0.95 * len(expected.findall(".//{*}choice"))
    assert len(got.findall(".//{*}pb")) == len(expected.findall(".//{*}pb")) == 13


def test_a_long_pdf_is_read_in_pieces_of_pages(tmp_path, monkeypatch):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    from copydesk.plugins.readers import pdf

    words = " ".join(pagegen.load_chapters(shared=False)[1]).split()
    path = tmp_path / "report.pdf"
    page = canvas.Canvas(str(path), pagesize=letter)
    for number in range(1, 10):
        page.setFont("Times-Roman", 8)
        page.drawString(72, 740, f"ANNUAL REPORT    page {number}")
        page.setFont("Times-Roman", 10)
        for i in range(20):
            at = (number * 20 + i) * 11
            page.drawString(72, 680 - 14 * i, " ".join(words[at:at + 11]))
        page.showPage()
    page.save()
    monkeypatch.setattr(pdf, "PIECE_PAGES", 4)
    source = Source.from_path(path)
    pieces = list(pdf.read_pdf_pieces(source))
    assert len(pieces) == 2  # pages 1-4, then 5-9 (a short last run joins the one before)
    whole = pdf.read_pdf(source)
    assert lines_of(b for p in pieces for b in p.blocks) == lines_of(whole.blocks)
    assert [b.page for p in pieces for b in p.blocks if isinstance(b, PageBreak)] == [
        str(n) for n in range(2, 10)]
    out = tmp_path / "report.json"
    api.convert(path, out)
    doc = copydesk.read(out)
    heads = [b.text for b in iter_blocks(doc) if isinstance(b, copydesk.Boilerplate)]
    assert len(heads) == 9  # the running head recurs within each piece


def test_a_page_ending_in_one_huge_line_is_cut_into_pieces_quickly(small_pieces):
    """Hostile input: a page's last line of thousands of words (the test of whether it ends
    a sentence once took minutes on it)."""
    import time

    text = "\f".join(["word " * 30 + "\n" + "word " * 6000] * 9)
    start = time.perf_counter()
    pieces = list(print_ocr.read_print_ocr_pieces(Source(name="x.txt", data=text.encode())))
    assert time.perf_counter() - start < 5 and len(pieces) == 2


def test_an_epub_is_made_piece_by_piece_with_its_chapters_out_of_memory(
        long_text, small_pieces, tmp_path, monkeypatch, epubcheck):
    """Each piece's chapters are made as the piece comes and kept in a temporary file, not
    in memory; the book has the whole conversion's metadata and text, and is valid."""
    import zipfile

    from copydesk.plugins.writers import epub as epub_writer

    spooled = []
    spool_content = epub_writer._Chapter.spool_content

    def traced(self, spool):
        spool_content(self, spool)
        spooled.append(self.content)

    monkeypatch.setattr(epub_writer._Chapter, "spool_content", traced)
    src = tmp_path / "long.txt"
    src.write_text(long_text, encoding="utf-8")
    out = tmp_path / "long.epub"
    record = api.convert(src, out)
    assert not record.blocks  # (written in pieces)
    assert len(spooled) >= 3 and not any(spooled)  # every chapter's XHTML left memory
    whole = tmp_path / "whole.epub"
    copydesk.write(copydesk.clean(copydesk.read(src)), whole)
    assert epubcheck(out) == []

    def book(path):
        with zipfile.ZipFile(path) as z:
            names = sorted(n for n in z.namelist() if n.endswith(".xhtml") and "article" in n)
            text = " ".join(etree.fromstring(z.read(n)).xpath("string(//*[local-name()='body'])")
                            for n in names)
            opf = z.read(next(n for n in z.namelist() if n.endswith(".opf"))).decode()
        return names, text.split(), opf

    names, words, opf = book(out)
    whole_names, whole_words, whole_opf = book(whole)
    assert len(names) >= 0.9 * len(whole_names)
    assert sorted(words) == sorted(whole_words)  # every word, once, as in the whole book
    for tag in ("dc:title", "dc:language", "pageBreakSource"):
        assert opf.split(tag, 1)[1][:80] == whole_opf.split(tag, 1)[1][:80]
