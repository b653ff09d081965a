"""E-reader editions checked as the publishing world checks them: DAISY Ace (no violation)
and EPUBCheck (no message), on one edition that holds every kind of content copydesk writes:
a METS newspaper issue (articles, print page numbers), a web page (figure, credit, links),
a print-OCR page (pull quotes, drop cap, bylines), a page with footnotes, an archive ALTO page (masthead, decks,
caption), a scanned page's hOCR (a photograph cut from the page image), a table and a cover. Slow (Ace starts a browser): one run for all of it."""

from __future__ import annotations

import base64
import gzip
import re
import zipfile
from pathlib import Path

import pytest
from pictured import hocr_page, scan

import copydesk

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5E"
       "rkJggg==")


ROADS = ("<html lang='en'><head><title>Roads</title></head><body><article><h1>Road repairs "
         "priced</h1>" + "<p>The council published what each street's repairs will cost, and the "
         "work starts in the spring once the frost is out of the ground.</p>" * 3 +
         "<table><tr><th>Street</th><th>Cost</th><th></th></tr><tr><td>Oak Street</td>"
         "<td>$4,100</td><td>new</td></tr></table></article></body></html>")


NOTES = ("The council met on Tuesday to discuss the\nbudget for next year, and members argued\n"
         "for three hours about the cost of the new\nbridge over the river.1 The mayor said the\n"
         "work would start in the spring, once the\nmoney had been found. Opponents said they\n"
         "would take the decision to the regional\ncourt if they had to, and they did so.\n"
         "\n1 The bridge was first proposed in 1903 by\nthe engineer who built the old ferry land-\n"
         "ing, and again in 1950.\n")


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("edition")
    for page in range(1, 5):
        data = gzip.decompress((DATA / "alto" / f"statesman-1824-02-17-p{page}.alto.xml.gz")
                               .read_bytes())
        (folder / f"0002647_18240217_{page:04d}.xml").write_bytes(data)
    mets = folder / "0002647_18240217_mets.xml"
    mets.write_bytes(gzip.decompress((DATA / "alto" / "statesman-1824-02-17.mets.xml.gz")
                                     .read_bytes()))
    tribune = folder / "tribune.xml"
    tribune.write_bytes(gzip.decompress((DATA / "alto" / "nytribune-1903-05-01-p1.alto.xml.gz")
                                        .read_bytes()))
    cover = folder / "cover.png"
    cover.write_bytes(base64.b64decode(PNG))
    scan(folder / "scan.png")  # a scanned page with a captioned photograph
    scanned = folder / "scan.hocr"
    scanned.write_text(hocr_page("scan.png"), encoding="utf-8")
    roads = folder / "roads.html"  # a table, with a heading row
    roads.write_text(ROADS, encoding="utf-8")
    notes = folder / "notes.txt"  # footnotes the page refers to
    notes.write_text(NOTES, encoding="utf-8")
    out = folder / "edition.epub"
    copydesk.convert([mets, DATA / "news-page.html", ROOT / "seeds" / "003_d60a862d48c27c24.txt",
                      tribune, scanned, roads, notes], out, options={"cover": str(cover)},
                     metadata={"title": "Papers", "language": "en"})
    return out


def test_the_edition_has_what_an_accessible_book_needs(edition):
    book = zipfile.ZipFile(edition)
    opf = book.read("EPUB/content.opf").decode()
    assert re.search(r'<package [^>]*xml:lang="en"', opf)
    assert re.search(r'<itemref idref="cover"', opf)  # the cover is read, in the spine
    assert 'property="pageBreakSource"' in opf
    chapters = [n for n in book.namelist() if n.startswith("EPUB/article-")]
    text = "".join(book.read(n).decode() for n in chapters)
    assert 'role="doc-pullquote"' in text and 'role="doc-pagebreak"' in text
    assert '<th scope="col">Street</th>' in text
    assert '<aside class="footnote" role="doc-footnote">' in text
    assert all('xml:lang="en"' in book.read(n).decode() for n in chapters)
    assert re.search(r'<img src="images/figure-001.jpg" alt="The new breakwater', text)


@pytest.mark.slow
def test_daisy_ace_finds_no_violation(edition, ace):
    assert ace(edition) == []


def test_epubcheck_finds_nothing(edition, epubcheck):
    assert epubcheck(edition) == []
