"""The METS issue reader on a real newspaper issue (The Statesman, 17 February 1824, four
ALTO pages and their METS; CC0, in ``tests/data/alto``): pages in order, the METS's
articles as the document's articles, the issue's metadata, files only from its folder."""

from __future__ import annotations

import gzip
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import copydesk
from copydesk import Article, Heading, InputError, Paragraph, iter_blocks

DATA = Path(__file__).resolve().parents[1] / "data" / "alto"
NAME = "0002647_18240217"


@pytest.fixture(scope="module")
def issue(tmp_path_factory) -> Path:
    """The issue's folder as the archive delivers it."""
    folder = tmp_path_factory.mktemp("issue")
    for page in range(1, 5):
        data = gzip.decompress((DATA / f"statesman-1824-02-17-p{page}.alto.xml.gz").read_bytes())
        (folder / f"{NAME}_{page:04d}.xml").write_bytes(data)
    mets = folder / f"{NAME}_mets.xml"
    mets.write_bytes(gzip.decompress((DATA / "statesman-1824-02-17.mets.xml.gz").read_bytes()))
    return mets


@pytest.fixture(scope="module")
def doc(issue) -> copydesk.Document:
    return copydesk.clean(copydesk.read(issue))


def test_the_issues_metadata_comes_from_its_mods(doc):
    meta = doc.metadata
    assert (meta.title, meta.date, meta.language) == ("The Statesman", "1824-02-17", "en")
    assert meta.extra["place"] == "London, England"
    assert meta.extra["series"] == "The Statesman"  # the paper this is an issue of


def test_the_mets_articles_are_the_documents_articles(doc):
    articles = [b for b in doc.blocks if isinstance(b, Article)]
    assert len(articles) >= 20
    heads = [next((h.text for h in iter_blocks(a) if isinstance(h, Heading)), None)
             for a in articles]
    for title in ("COAL DUTIES.", "WEST INDIES.", "LONDON MARKETS.", "POLICE."):
        assert title in heads
    # a story's own text stays in it: the Coal Duties petition follows its heading
    coal = articles[heads.index("COAL DUTIES.")]
    assert any(isinstance(p, Paragraph) and "petition" in p.text for p in coal.blocks)


def test_an_issue_becomes_one_epub_with_its_page_list(issue, tmp_path, epubcheck):
    out = tmp_path / "issue.epub"
    copydesk.convert(issue, out)
    book = zipfile.ZipFile(out)
    nav = book.read("EPUB/nav.xhtml").decode()
    pages = re.findall(r'#page-\d+">(\w+)</a>', nav)
    assert pages == ["1", "2", "3", "4"]
    # the contents: issue -> pages -> articles (-> their sub-headings)
    toc = etree.fromstring(book.read("EPUB/nav.xhtml")).xpath(
        "//x:nav[@role='doc-toc']/x:ol/x:li", namespaces={"x": "http://www.w3.org/1999/xhtml"})
    assert [li[0].text for li in toc] == ["Page 1", "Page 2", "Page 3", "Page 4"]
    stories = [a.text for li in toc for a in li.xpath("x:ol/x:li/x:a", namespaces={
        "x": "http://www.w3.org/1999/xhtml"})]
    assert "COAL DUTIES." in stories and len(stories) >= 20
    opf = book.read("EPUB/content.opf").decode()
    assert 'xml:lang="en"' in opf
    assert '<meta property="belongs-to-collection" id="series">The Statesman</meta>' in opf
    assert '<meta refines="#series" property="collection-type">series</meta>' in opf
    assert epubcheck(out) == []


@pytest.mark.parametrize(("href", "message"), [
    ("../outside.xml", "outside the issue's folder"),
    ("/etc/passwd", "outside the issue's folder"),
    ("http://example.org/page.xml", "not a file in the issue's folder"),
    ("missing.xml", "is missing"),
])
def test_files_outside_the_issue_are_refused(issue, tmp_path, href, message):
    """Page two named by a path out of the issue's folder (to a file that is there), by a URL
    or by a name with no file: an error that says so, nothing read."""
    (tmp_path / "outside.xml").write_bytes((issue.parent / f"{NAME}_0002.xml").read_bytes())
    folder = tmp_path / "issue"
    folder.mkdir()
    for page in (1, 3, 4):
        name = f"{NAME}_{page:04d}.xml"
        (folder / name).write_bytes((issue.parent / name).read_bytes())
    mets = folder / "mets.xml"
    mets.write_text(issue.read_text(encoding="utf-8").replace(f"{NAME}_0002.xml", href),
                    encoding="utf-8")
    with pytest.raises(InputError, match=message):
        copydesk.read(mets)


def test_a_mets_from_standard_input_is_refused_with_a_reason(issue):
    with pytest.raises(InputError, match="give the file's path"):
        copydesk.read(issue.read_bytes(), "mets")


def _ocrd_mets(groups: dict[str, list[str]]) -> str:
    """An OCR-D style METS: file groups (USE → files), a physical map tying them by page."""
    xlink = "http://www.w3.org/1999/xlink"
    sec = "".join(
        f'<mets:fileGrp USE="{use}">' + "".join(
            f'<mets:file ID="{use}_{n}" MIMETYPE="application/vnd.prima.page+xml">'
            f'<mets:FLocat LOCTYPE="OTHER" xlink:href="{href}"/></mets:file>'
            for n, href in enumerate(files, 1)) + "</mets:fileGrp>"
        for use, files in groups.items())
    pages = len(next(iter(groups.values())))
    divs = "".join(f'<mets:div TYPE="page" ORDER="{n}">' + "".join(
        f'<mets:fptr FILEID="{use}_{n}"/>' for use in groups) + "</mets:div>"
        for n in range(1, pages + 1))
    return (f'<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="{xlink}">'
            f"<mets:fileSec>{sec}</mets:fileSec><mets:structMap TYPE=\"PHYSICAL\">"
            f'<mets:div TYPE="physSequence">{divs}</mets:div></mets:structMap></mets:mets>')


def test_an_ocr_d_issue_of_page_xml_pages_is_read(tmp_path):
    """OCR-D, Transkribus and eScriptorium issues tie PAGE-XML pages together (no ALTO): each
    page is read with the PAGE-XML reader, in the order of the physical map."""
    from pagexml import BODY, _page, _region

    (tmp_path / "p1.xml").write_bytes(_page(_region("r1", BODY, 200, 400)))
    second = ["On Wednesday the members came back to the", "budget, and argued for three hours more."]
    (tmp_path / "p2.xml").write_bytes(_page(_region("r2", second, 200, 400)))
    mets = tmp_path / "mets.xml"
    mets.write_text(_ocrd_mets({"OCR-D-GT-SEG-PAGE": ["p1.xml", "p2.xml"]}), encoding="utf-8")
    doc = copydesk.read(mets)
    pages = {line.page for b in iter_blocks(doc) if isinstance(b, copydesk.Paragraph)
             for line in b.lines}
    text = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, copydesk.Paragraph))
    assert pages == {1, 2} and text.index(BODY[0]) < text.index(second[0])
