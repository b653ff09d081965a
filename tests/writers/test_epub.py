"""EPUB output: clean under EPUBCheck, one chapter per article, the promised metadata."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from conftest import SEEDS, epubcheck_messages
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import documents

import copydesk
from copydesk.edition import combine

NEWS_PAGE = SEEDS.parent / "tests" / "data" / "news-page.html"
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def opf(path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("EPUB/content.opf"))


def xhtml(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")}


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seeds_make_clean_epubs(seed, tmp_path, epubcheck):
    out = tmp_path / "page.epub"
    copydesk.convert(seed, out)
    assert epubcheck(out) == []


def test_layout_input_makes_a_clean_epub(tmp_path, epubcheck):
    """Tesseract's hOCR of a typeset page: stories, figures with captions and credits, pull
    quotes, a restored drop cap."""
    out = tmp_path / "page.epub"
    copydesk.convert(Path(__file__).parent.parent / "data" / "ocr" / "typeset-page.hocr", out)
    assert epubcheck(out) == []


def test_an_edition_of_several_inputs(tmp_path, epubcheck, cli):
    out = tmp_path / "issue.epub"
    result = cli("convert", *map(str, sorted(SEEDS.glob("*.txt"))), str(NEWS_PAGE), "-o",
                 str(out), "--title", "Issue 12", "-M", "language=en")
    assert result.returncode == 0, result.stderr
    assert epubcheck(out) == []
    with zipfile.ZipFile(out) as z:
        ncx = etree.fromstring(z.read("EPUB/toc.ncx"))
    labels = [t.text for t in ncx.iter("{http://www.daisy.org/z3986/2005/ncx/}text")]
    assert labels == ["Issue 12",
                      "ISIS Leader Rallies Fighters as Iraqi Forces Advance in Mosul",
                      "As Islamic State (ISIS) is under siege in…",
                      "Iraqi warplanes have reportedly distributed flyers over Mosul…",
                      "City Votes to Build New River Bridge",
                      "Three years of work"]  # a heading inside the story, nested under it
    pages = xhtml(out)
    assert len([n for n in pages if "article-" in n]) == 4
    assert 'lang="en"' in pages["EPUB/article-001.xhtml"]


def test_metadata_captions_and_pull_quotes(tmp_path):
    out = tmp_path / "page.epub"
    copydesk.convert(NEWS_PAGE, out)
    root = opf(out)
    assert root.findtext(".//dc:title", namespaces=OPF) == "City Votes to Build New River Bridge"
    assert root.findtext(".//dc:creator", namespaces=OPF) == "Jane Doe"
    assert root.findtext(".//dc:publisher", namespaces=OPF) == "The Riverside Gazette"
    assert root.findtext(".//dc:date", namespaces=OPF) == "2024-03-05"
    assert root.findtext(".//dc:source", namespaces=OPF).startswith("https://gazette.example")
    props = {m.get("property") for m in root.iter("{http://www.idpf.org/2007/opf}meta")}
    assert {"dcterms:modified", "schema:accessMode", "schema:accessibilityFeature",
            "schema:accessibilityHazard", "schema:accessibilitySummary"} <= props
    page = xhtml(out)["EPUB/article-001.xhtml"]
    assert '<small class="credit">REUTERS/John Roe</small>' in page
    assert "<figcaption>The old ferry crossing at dawn" in page


def test_pull_quotes_can_be_left_out(tmp_path):
    seed = SEEDS / "003_d60a862d48c27c24.txt"
    with_quotes, without = tmp_path / "a.epub", tmp_path / "b.epub"
    copydesk.convert(seed, with_quotes)
    copydesk.convert(seed, without, options={"pullquotes": "false"})
    def count(path):
        return sum(t.count('epub:type="pullquote"') for t in xhtml(path).values())

    assert count(with_quotes) == 3 and count(without) == 0


def test_the_identifier_is_stable_and_can_be_given(tmp_path, monkeypatch):
    seed = SEEDS / "000_3ffcc09e67953d68.txt"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a, b, c = tmp_path / "a.epub", tmp_path / "b.epub", tmp_path / "c.epub"
    copydesk.convert(seed, a)
    copydesk.convert(seed, b)
    copydesk.convert(seed, c, metadata={"identifier": "isbn:9780000000001"})
    def ident(path):
        return opf(path).findtext(".//dc:identifier", namespaces=OPF)

    assert ident(a) == ident(b) and ident(a).startswith("urn:uuid:")
    assert ident(c) == "isbn:9780000000001"
    assert a.read_bytes() == b.read_bytes()  # reproducible with SOURCE_DATE_EPOCH


def test_the_same_book_written_later_is_the_same_file(tmp_path, monkeypatch):
    """Every zip entry carries the book's time, not the clock's (ebooklib's writer used the
    clock for each entry, so two runs a second apart differed)."""
    seed = SEEDS / "000_3ffcc09e67953d68.txt"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a, b = tmp_path / "a.epub", tmp_path / "b.epub"
    copydesk.convert(seed, a)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3600)
    copydesk.convert(seed, b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as book:
        assert {info.date_time for info in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_a_cover_image(tmp_path, epubcheck):
    import base64
    png = tmp_path / "cover.png"
    png.write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))
    out = tmp_path / "page.epub"
    copydesk.convert(SEEDS / "000_3ffcc09e67953d68.txt", out, options={"cover": str(png)})
    assert epubcheck(out) == []
    with zipfile.ZipFile(out) as z:
        assert "EPUB/cover.png" in z.namelist()


def test_a_bad_cover_is_a_clear_error(tmp_path, cli):
    bad = tmp_path / "cover.bmp"
    bad.write_bytes(b"BM")
    result = cli("convert", str(SEEDS / "000_3ffcc09e67953d68.txt"), "-o",
                 str(tmp_path / "x.epub"), "--cover", str(bad))
    assert result.returncode == 1
    assert "a cover must be a JPEG, PNG, GIF or SVG image" in result.stderr.decode()
    assert not (tmp_path / "x.epub").exists()


# Each example runs EPUBCheck (a JVM start): a few examples, each an edition of up to five
# random documents, and no shrinking (it would run EPUBCheck hundreds of times).
@settings(max_examples=4, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=5))
def test_any_documents_make_a_clean_edition(tmp_path_factory, docs):
    out = tmp_path_factory.mktemp("fuzz") / "edition.epub"
    copydesk.write(combine(docs), out)
    assert epubcheck_messages(out) == []


def test_a_very_long_paragraph_of_hostile_text(tmp_path, tei_schema):
    """Right-to-left text, markup characters, controls, a lone surrogate, 300 kB in one go."""
    nasty = "שלום <b>&amp; \u202e\x00\x1b\ud800 “quoted” — "
    doc = copydesk.Document(blocks=[copydesk.Article(blocks=[
        copydesk.Heading(text="Long <& \x07"), copydesk.Paragraph(text=nasty * 6000)])])
    out = tmp_path / "long.epub"
    copydesk.write(doc, out)
    assert epubcheck_messages(out) == []
    xml = tmp_path / "long.xml"
    copydesk.write(doc, xml, "tei")
    assert tei_schema.validate(etree.parse(str(xml)))


def _nav(path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("EPUB/nav.xhtml"))


def test_headings_inside_a_chapter_are_nested_in_the_contents_and_no_chapter_is_a_heading_alone(
        tmp_path, epubcheck):
    from copydesk import Article, Heading, Paragraph

    doc = copydesk.Document(metadata=copydesk.Metadata(title="Report", language="en"), blocks=[
        Article(blocks=[Heading(text="Part One")]),  # a heading alone: opens the next chapter
        Article(blocks=[Heading(text="Findings", level=2), Paragraph(text="Costs rose."),
                        Heading(text="Method", level=2), Paragraph(text="We counted.")]),
        Article(blocks=[Heading(text="Part Two"), Paragraph(text="Costs fell.")]),
    ])
    out = tmp_path / "report.epub"
    copydesk.write(doc, out, "epub")
    assert epubcheck(out) == []
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    top = _nav(out).xpath("//x:nav[@role='doc-toc']/x:ol/x:li", namespaces=ns)
    assert [li.findtext("x:a", namespaces=ns) for li in top] == ["Part One", "Part Two"]
    nested = top[0].xpath("x:ol/x:li/x:a", namespaces=ns)
    assert [(a.text, a.get("href")) for a in nested] == [
        ("Findings", "article-001.xhtml#h2"), ("Method", "article-001.xhtml#h3")]
    chapter = xhtml(out)["EPUB/article-001.xhtml"]
    assert 'id="h2">Findings</h' in chapter and 'id="h3">Method</h' in chapter


def test_an_issues_volume_and_number(tmp_path, epubcheck):
    """An issue of a paper: the book belongs to the paper as a series, at its number."""
    doc = copydesk.Document(metadata=copydesk.Metadata(
        title="New-York Tribune, May 1, 1903", language="en",
        extra={"series": "New-York Tribune", "volume": "LXIII", "number": "20694"}),
        blocks=[copydesk.Paragraph(text="The weather was fair.")])
    out = tmp_path / "issue.epub"
    copydesk.write(doc, out, "epub")
    opf = zipfile.ZipFile(out).read("EPUB/content.opf").decode()
    assert '<meta refines="#series" property="group-position">20694</meta>' in opf
    assert '<meta property="schema:volumeNumber">LXIII</meta>' in opf
    assert '<meta property="schema:issueNumber">20694</meta>' in opf
    assert epubcheck(out) == []


def test_a_book_without_a_title_is_named_after_its_source(tmp_path):
    doc = copydesk.Document(metadata=copydesk.Metadata(source="tribune-1903-05-01.xml"),
                            blocks=[copydesk.Paragraph(text="The weather was fair.")])
    out = tmp_path / "page.epub"
    copydesk.write(doc, out, "epub")
    opf = zipfile.ZipFile(out).read("EPUB/content.opf").decode()
    assert "<dc:title>tribune-1903-05-01.xml</dc:title>" in opf
