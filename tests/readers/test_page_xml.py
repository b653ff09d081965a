"""The PAGE-XML reader: regions in the file's reading order, region types as the source's
word on what a block is, words joined by their geometry, old and new schemas, safe parsing.
Real ground-truth pages from ``../shared/eval-data`` where present."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest

import copydesk
from copydesk import Boilerplate, Heading, InputError, Paragraph, TextBlock, iter_blocks

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval-data"
KANT = SHARED / "alto" / "ocrd-kant-aufklaerung-1784" / "data" / "OCR-D-GT-PAGE"
NZZ = SHARED / "scans" / "nzz-black-letter-gt"
from pagexml import BODY, NS, _line, _page, _region


def _texts(doc: copydesk.Document, kind: type = TextBlock) -> list[str]:
    return [b.text for b in iter_blocks(doc) if isinstance(b, kind)
            and (kind is Boilerplate or not isinstance(b, Boilerplate))]


def test_regions_are_read_in_the_files_reading_order():
    """Two columns stored right column first: the ``ReadingOrder`` puts the left one first,
    and the paragraph runs on across the column break."""
    right = _region("r2", ["was approved by nine votes to four, and", "work starts in spring."],
                    1000, 600)
    left = _region("r1", BODY[:2], 100, 600)
    doc = copydesk.clean(copydesk.read(_page(right, left, order=["r1", "r2"]), "page"))
    text = " ".join(_texts(doc))
    assert text.index("only thing on the") < text.index("was approved by nine")


def test_region_types_make_headings_furniture_and_drop_caps():
    heading = _region("h", ["Council backs the bridge"], 100, 300, "heading")
    folio = _region("f", ["17"], 100, 100, "page-number")
    cap = ('<TextRegion id="c" type="drop-capital"><Coords points="100,600 150,600 150,660 '
           '100,660"/>' + _line("W", 100, 600).replace("<Word>", "<Word >") + "</TextRegion>")
    body = _region("b", ["hen the council met on Tuesday the budget", *BODY[1:]], 160, 600)
    doc = copydesk.clean(copydesk.read(_page(folio, heading, cap, body,
                                             order=["f", "h", "c", "b"]), "page"))
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Heading)] == [
        "Council backs the bridge"]
    furniture = [b for b in iter_blocks(doc) if isinstance(b, Boilerplate)]
    assert [(b.text, b.reason) for b in furniture] == [("17", "folio")]
    paragraphs = _texts(doc, Paragraph)
    assert paragraphs[0].startswith("When the council met on Tuesday")


def test_punctuation_stored_as_words_joins_the_word_it_touches():
    doc = copydesk.read(_page(_region("r", ["the budget, and the bridge."], 100, 600)), "page")
    assert _texts(doc) == ["the budget, and the bridge."]


def test_the_lines_own_text_wins_where_its_words_read_otherwise():
    line = _line("the budget was agreed", 100, 600).replace(
        "<TextEquiv><Unicode>the budget was agreed</Unicode>",
        "<TextEquiv><Unicode>the budget was approved</Unicode>")
    region = f'<TextRegion id="r"><Coords points="100,600 900,600 900,640 100,640"/>{line}</TextRegion>'
    assert _texts(copydesk.read(_page(region), "page")) == ["the budget was approved"]


def test_the_2010_schema_with_point_coordinates():
    def points(x0: int, y0: int, x1: int, y1: int) -> str:
        return "".join(f'<Point x="{x}" y="{y}"/>'
                       for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    lines = "".join(f'<TextLine id="l{i}"><Coords>{points(100, 600 + 50 * i, 900, 640 + 50 * i)}'
                    f'</Coords><TextEquiv><Unicode>{t}</Unicode></TextEquiv></TextLine>'
                    for i, t in enumerate(BODY))
    data = ('<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19">'
            '<Page imageWidth="2000" imageHeight="3000"><TextRegion id="r" type="paragraph">'
            f'<Coords>{points(100, 600, 900, 800)}</Coords>{lines}</TextRegion></Page></PcGts>')
    doc = copydesk.clean(copydesk.read(data.encode(), "page"))
    assert _texts(doc) == [" ".join(BODY)]


@pytest.mark.parametrize(("data", "message"), [
    (b"<PcGts><Page>", "not well-formed PAGE-XML"),
    (b"<alto/>", "not a PAGE-XML document"),
    (f'<PcGts xmlns="{NS}"><Page imageWidth="9" imageHeight="9"/></PcGts>'.encode(),
     "no text lines"),
])
def test_bad_page_xml_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        copydesk.read(data, "page")


def test_entities_are_not_expanded():
    data = (b'<?xml version="1.0"?><!DOCTYPE PcGts [<!ENTITY x "SECRET">]>' + _page(
        _region("r", ["the &x; budget"], 100, 600)).split(b"?>", 1)[1])
    text = " ".join(_texts(copydesk.read(data, "page")))
    assert "SECRET" not in text


def test_page_xml_is_sniffed_from_its_content(tmp_path):
    path = tmp_path / "scan.xml"
    path.write_bytes(_page(_region("r", BODY, 100, 600)))
    assert copydesk.read(path).metadata.source == "scan.xml"
    assert copydesk.read(path).kind == "page"


@pytest.mark.skipif(not KANT.exists(), reason="needs ../shared/eval-data (OCR-D Kant pages)")
def test_kant_ground_truth_page_keeps_its_structure():
    doc = copydesk.clean(copydesk.read(KANT / "PAGE_0017_PAGE.xml"))
    headings = [b.text for b in iter_blocks(doc) if isinstance(b, Heading)]
    assert "Beantwortung der Frage: Was iſt Aufklaͤrung?" in headings
    furniture = {b.reason for b in iter_blocks(doc) if isinstance(b, Boilerplate)}
    assert furniture == {"signature", "catchword"}
    body = _texts(doc, Paragraph)
    assert any(p.startswith("Aufklaͤrung iſt der Ausgang des Menſchen aus") for p in body)
    assert not any(" ," in p or " ." in p for p in body)
    # the line under the headline (a reference) does not end the story's opening: the
    # paragraph its drop cap opens belongs to the same article
    story = next(a for a in doc.blocks if isinstance(a, copydesk.Article) and any(
        isinstance(b, Heading) and b.text.startswith("Beantwortung") for b in a.blocks))
    assert any(isinstance(b, Paragraph) and b.text.startswith("Aufklaͤrung") for b in story.blocks)


@pytest.mark.skipif(not KANT.exists(), reason="needs ../shared/eval-data (OCR-D Kant pages)")
def test_kant_alto_without_region_types_finds_heading_initial_and_folio():
    """The same pages as ALTO, which says nothing of what a block is: the centred two-line
    heading, the raised initial and the folio inside the scan's wide border come from the
    geometry."""
    alto = KANT.parent / "OCR-D-GT-ALTO"
    doc = copydesk.clean(copydesk.read(alto / "PAGE_0017_ALTO.xml"))
    assert "Beantwortung der Frage: Was iſt Aufklaͤrung?" in [
        b.text for b in iter_blocks(doc) if isinstance(b, Heading)]
    assert any(p.startswith("Aufklaͤrung iſt der Ausgang") for p in _texts(doc, Paragraph))
    doc = copydesk.clean(copydesk.read(alto / "PAGE_0020_ALTO.xml"))
    assert [(b.text, b.reason) for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == [
        ("( 484 )", "folio")]


@pytest.mark.skipif(not NZZ.exists(), reason="needs ../shared/eval-data (NZZ ground truth)")
def test_nzz_ground_truth_reads_in_its_reading_order(tmp_path):
    """A four-column newspaper front page: every region's text comes out, in the order the
    ground truth's ``ReadingOrder`` gives."""
    gz = next(NZZ.glob("*/nzz_19381127*.gt.page.xml.gz"))
    path = tmp_path / "nzz.xml"
    path.write_bytes(gzip.decompress(gz.read_bytes()))
    doc = copydesk.clean(copydesk.read(path), ["dehyphenate", "reflow"])
    text = " ".join(" ".join(b.text.split()) for b in iter_blocks(doc)
                    if isinstance(b, TextBlock))
    from lxml import etree
    root = etree.parse(str(path)).getroot()
    ns = {"p": root.nsmap[None]}
    order = [r.get("regionRef") for r in root.iterfind(".//p:RegionRefIndexed", ns)]
    order.sort(key=lambda ident: int(root.find(
        f".//p:RegionRefIndexed[@regionRef='{ident}']", ns).get("index")))
    starts = []
    for ident in order:
        region = root.find(f".//p:TextRegion[@id='{ident}']", ns)
        first = region.find("p:TextLine/p:TextEquiv/p:Unicode", ns) if region is not None else None
        if first is not None and len((first.text or "").split()) >= 4:
            words = " ".join(first.text.split()[:3]).rstrip("-¬")
            starts.append(text.find(words))
    assert len(starts) >= 20 and all(s >= 0 for s in starts)
    in_order = sum(a < b for a, b in itertools.pairwise(starts))
    assert in_order >= 0.95 * (len(starts) - 1)


def test_the_engines_word_confidences_are_kept_per_word():
    words = "".join(
        f'<Word id="w{i}"><Coords points="{100 + 200 * i},100 {280 + 200 * i},100 '
        f'{280 + 200 * i},140 {100 + 200 * i},140"/><TextEquiv conf="{conf}"><Unicode>{text}'
        f'</Unicode></TextEquiv></Word>'
        for i, (text, conf) in enumerate([("The", "0.97"), ("council", "0.41"), ("met", "1")]))
    line = (f'<TextLine id="l1"><Coords points="100,100 700,100 700,140 100,140"/>{words}'
            f'</TextLine>')
    region = (f'<TextRegion id="r1"><Coords points="100,100 700,100 700,140 100,140"/>{line}'
              f'</TextRegion>')
    doc = copydesk.read(_page(region), "page")
    (line_,) = [ln for b in iter_blocks(doc) if isinstance(b, TextBlock) for ln in b.lines]
    assert line_.text == "The council met" and line_.confidences == [0.97, 0.41, 1.0]
