"""TEI output: valid against tei_all, with the cleanups encoded in place."""

from __future__ import annotations

import io

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from lxml import etree
from strategies import documents

import copydesk

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def tei(doc, **options) -> etree._ElementTree:
    out = io.BytesIO()
    copydesk.write(doc, out, "tei", options=options)
    return etree.parse(io.BytesIO(out.getvalue()))


def assert_valid(tree, schema):
    assert schema.validate(tree), [str(e) for e in schema.error_log][:3]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seeds_are_valid_tei(seed, tei_schema):
    assert_valid(tei(copydesk.clean(copydesk.read(seed)), breaks=True), tei_schema)


def test_print_seed_encodes_every_drop_cap_and_join(tei_schema):
    doc = copydesk.clean(copydesk.read(SEEDS / "003_d60a862d48c27c24.txt"))
    tree = tei(doc)
    supplied = tree.xpath("//t:supplied", namespaces=NS)
    assert [s.text for s in supplied] == ["A", "I"]
    assert {s.get("resp") for s in supplied} == {"#dropcap"}
    choices = tree.xpath("//t:choice", namespaces=NS)
    decisions = [e for e in doc.edits if e.kind in ("join", "keep-hyphen")]
    assert len(choices) == len(decisions) == 67
    joined = {c.findtext("t:reg", namespaces=NS) for c in choices}
    assert {"stronghold", "US-supported", "Major-General"} <= joined
    assert all(c.find("t:orig/t:lb", namespaces=NS).get("break") == "no" for c in choices)
    apps = tree.xpath("//t:appInfo/t:application/@ident", namespaces=NS)
    assert {"dehyphenate", "dropcap", "reflow"} <= set(apps)
    assert len(tree.xpath("//t:div[@type='article']", namespaces=NS)) == 2
    assert len(tree.xpath("//t:quote[@type='pullQuote']", namespaces=NS)) == 3
    credits = tree.xpath("//t:figure/t:bibl[@type='credit']/text()", namespaces=NS)
    assert credits == ["Reuters", "AFP"]


def test_breaks_are_written_on_request(tei_schema):
    doc = copydesk.clean(copydesk.read(b"One line of a column\nof text that goes on\nhere.\n\f"
                                       b"Page two starts\nwith more text.\n", "print-ocr"))
    plain, broken = tei(doc), tei(doc, breaks=True)
    assert not plain.xpath("//t:pb|//t:body//t:lb", namespaces=NS)
    assert broken.xpath("//t:pb/@n", namespaces=NS) == ["2"]
    assert len(broken.xpath("//t:body//t:lb", namespaces=NS)) >= 2
    assert_valid(broken, tei_schema)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_is_valid_tei(tei_schema, doc):
    assert_valid(tei(doc, breaks=True), tei_schema)


def test_column_breaks_where_a_layout_reader_knew_the_columns(tei_schema):
    from pathlib import Path

    ocr = Path(__file__).resolve().parent.parent / "data" / "ocr" / "typeset-page.hocr"
    doc = copydesk.clean(copydesk.read(ocr))
    broken = tei(doc, breaks=True)
    columns = broken.xpath("//t:body//t:cb/@n", namespaces=NS)
    assert {"1", "2", "3", "4"} <= set(columns)  # a four-column page, two stories
    # a paragraph running from one column into the next says where: cb, then the new line
    inside = broken.xpath("//t:p/t:cb", namespaces=NS)
    assert inside and all(cb.getnext() is not None and cb.getnext().tag.endswith("lb")
                          for cb in inside if cb.getprevious() is not None)
    assert not tei(doc).xpath("//t:cb", namespaces=NS)
    assert_valid(broken, tei_schema)


def _union(lines):
    boxes = [ln.box for ln in lines]
    return (min(b.x0 for b in boxes), min(b.y0 for b in boxes),
            max(b.x1 for b in boxes), max(b.y1 for b in boxes))


@pytest.mark.parametrize("name", ["typeset-page.hocr", "typeset-page.alto.xml"])
def test_layout_input_gets_a_facsimile_whose_zones_are_its_blocks_boxes(tei_schema, name):
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "data" / "ocr" / name
    doc = copydesk.clean(copydesk.read(source))
    tree = tei(doc, breaks=True)
    assert_valid(tree, tei_schema)
    zones = {z.get("{http://www.w3.org/XML/1998/namespace}id"): z
             for z in tree.xpath("//t:facsimile/t:surface/t:zone", namespaces=NS)}
    placed = [b for b in copydesk.iter_blocks(doc)
              if isinstance(b, copydesk.TextBlock) and b.lines and b.lines[0].box is not None]
    pointing = tree.xpath("//t:text//*[@facs]", namespaces=NS)
    assert len(zones) == len(placed) and len(pointing) == len(placed)
    for element, block in zip(pointing, placed, strict=True):
        zone = zones[element.get("facs").lstrip("#")]
        got = tuple(float(zone.get(k)) for k in ("ulx", "uly", "lrx", "lry"))
        assert got == pytest.approx(_union(block.lines), abs=0.051)
        assert "".join(element.itertext()).split()[:3] == block.text.split()[:3]
    assert not tei(doc, facsimile=False).xpath("//t:facsimile", namespaces=NS)


def test_text_without_positions_has_no_facsimile():
    doc = copydesk.clean(copydesk.read(b"A plain paragraph of text.\n", "text"))
    assert not tei(doc).xpath("//t:facsimile | //*[@facs]", namespaces=NS)
