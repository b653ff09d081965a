"""ALTO and hOCR readers: the shared page layout puts two columns in reading order and sets
the running head apart; the print cleaners then join words and paragraphs across columns."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import copydesk
from copydesk import Boilerplate, Paragraph, iter_blocks

LEFT = ["The council met on Tuesday to discuss", "the budget for next year, and mem-",
        "bers argued for three hours about the", "cost of the new bridge over the river."]
RIGHT = ["When the vote came, the bridge was", "approved by nine votes to four, and",
         "work will start in the spring, the", "mayor said after the meeting ended."]
EXPECTED = [
    "The council met on Tuesday to discuss the budget for next year, and members argued for "
    "three hours about the cost of the new bridge over the river.",
    "When the vote came, the bridge was approved by nine votes to four, and work will start in "
    "the spring, the mayor said after the meeting ended.",
]
HEAD = "THE RIVERSIDE GAZETTE  Tuesday, March 5, 1924  Page 3"


def lines():
    """(text, x, y, width, height) in 1/300 inch: a running head and two columns."""
    yield HEAD, 300, 60, 2000, 40
    for i, text in enumerate(LEFT):
        yield text, 300, 400 + 60 * i, 1000, 45
    for i, text in enumerate(RIGHT):  # a new paragraph: its first line indented
        yield text, 1400 if i else 1440, 400 + 60 * i, 1000 if i else 960, 45


def alto() -> bytes:
    body = "".join(
        f'<TextLine HPOS="{x}" VPOS="{y}" WIDTH="{w}" HEIGHT="{h}" STYLEREFS="s1">'
        + "<SP/>".join(f'<String CONTENT="{word}"/>' for word in text.split()) + "</TextLine>"
        for text, x, y, w, h in lines())
    return textwrap.dedent(f"""\
        <?xml version="1.0" encoding="UTF-8"?>
        <alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
        <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
        <Styles><TextStyle ID="s1" FONTSIZE="10" FONTFAMILY="Times"/></Styles>
        <Layout><Page WIDTH="2550" HEIGHT="3300"><PrintSpace>
        <TextBlock>{body}</TextBlock></PrintSpace></Page></Layout></alto>""").encode()


def hocr() -> bytes:
    body = "".join(
        f"<span class='ocr_line' title='bbox {x} {y} {x + w} {y + h}; x_size 40'>"
        + " ".join(f"<span class='ocrx_word'>{word}</span>" for word in text.split())
        + "</span>" for text, x, y, w, h in lines())
    return (f"<html><head><meta name='ocr-system' content='tesseract'/></head><body>"
            f"<div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300 300'>{body}</div>"
            f"</body></html>").encode()


@pytest.mark.parametrize("make, kind", [(alto, "alto"), (hocr, "hocr")])
def test_two_columns_in_reading_order_with_the_running_head_apart(make, kind):
    doc = copydesk.clean(copydesk.read(make()))
    assert doc.kind == kind
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)] == EXPECTED
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == [
        " ".join(HEAD.split())]
    line = next(b for b in iter_blocks(doc) if isinstance(b, Paragraph)).lines[0]
    assert line.box.x0 == pytest.approx(72.0) and line.page == 1


def test_alto_entities_are_not_expanded(tmp_path):
    evil = alto().replace(b'<alto xmlns', b'<!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd">]><alto xmlns', 1)
    evil = evil.replace(b'CONTENT="Tuesday"', b'CONTENT="&x;"', 1)
    path = tmp_path / "evil.xml"
    path.write_bytes(evil)
    try:
        doc = copydesk.read(path, "alto")
    except copydesk.InputError:
        return  # refused: as good as not expanded
    assert "root:" not in " ".join(getattr(b, "text", "") for b in iter_blocks(doc))


SHARED_ALTO = (Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "alto"
               / "bl-the-statesman-1824-02-17" / "0002647_18240217_0002.xml")


@pytest.mark.skipif(not SHARED_ALTO.exists(), reason="shared evaluation data not present")
def test_a_real_newspaper_page_in_alto():
    doc = copydesk.clean(copydesk.read(SHARED_ALTO))
    words = sum(len(b.text.split()) for b in iter_blocks(doc) if isinstance(b, Paragraph))
    assert doc.kind == "alto" and words > 3000


@pytest.mark.skipif(not SHARED_ALTO.exists(), reason="shared evaluation data not present")
def test_a_skewed_real_page_keeps_its_columns_and_first_lines():
    """The 1824 scan is skewed: no gutter runs clear down the whole page, and its columns'
    first lines sit in the top margin, running straight on into the text."""
    from copydesk import Heading

    page3 = SHARED_ALTO.with_name("0002647_18240217_0003.xml")
    doc = copydesk.clean(copydesk.read(page3))
    heads = {b.text for b in iter_blocks(doc) if isinstance(b, Heading)}
    assert {"WELSH JUDGES.", "WEST INDIES.", "CATHOLIC ASSOCIATION."} <= heads
    furniture = [b for b in iter_blocks(doc) if isinstance(b, Boilerplate)]
    assert sum(len(b.text.split()) for b in furniture) < 40
    page4 = copydesk.clean(copydesk.read(SHARED_ALTO.with_name("0002647_18240217_0004.xml")))
    longest = max(len(b.text.split()) for b in iter_blocks(page4) if isinstance(b, Paragraph))
    assert longest < 1500  # columns not interleaved into one run-on paragraph


def test_a_single_page_column_top_in_the_margin_is_body_text():
    """On a single page a line in the top margin is a running head only when it stands apart:
    a column's first line, running straight on into the text, stays in the body."""
    def tight() -> bytes:
        body = "".join(
            f"<span class='ocr_line' title='bbox 300 {20 + 60 * i} 1300 {65 + 60 * i}; "
            f"x_size 40'>{text}</span>" for i, text in enumerate(LEFT))
        return (f"<html><body><div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300'>"
                f"{body}</div></body></html>").encode()

    doc = copydesk.clean(copydesk.read(tight(), "hocr"))
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)] == EXPECTED[:1]


def test_alto_subs_content_keeps_a_hyphen_the_rules_would_drop():
    """``co-|operate`` joins by word frequency; an engine that read ``co-operate`` (its
    SUBS_CONTENT) is believed. A SUBS_CONTENT that joins says nothing beyond the rules."""
    def page(subs: str) -> bytes:
        return textwrap.dedent(f"""\
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="2550"
            HEIGHT="3300"><PrintSpace><TextBlock>
            <TextLine HPOS="300" VPOS="400" WIDTH="1000" HEIGHT="45"><String CONTENT="They"/><SP/>
            <String CONTENT="agreed"/><SP/><String CONTENT="to"/><SP/><String CONTENT="co"
            SUBS_TYPE="HypPart1" SUBS_CONTENT="{subs}"/><HYP CONTENT="-"/></TextLine>
            <TextLine HPOS="300" VPOS="460" WIDTH="1000" HEIGHT="45"><String CONTENT="operate"
            SUBS_TYPE="HypPart2" SUBS_CONTENT="{subs}"/><SP/><String CONTENT="fully."/></TextLine>
            </TextBlock></PrintSpace></Page></Layout></alto>""").encode()

    def text(subs: str) -> str:
        doc = copydesk.clean(copydesk.read(page(subs), "alto"))
        return next(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))

    assert text("cooperate") == "They agreed to cooperate fully."
    assert text("co-operate") == "They agreed to co-operate fully."


def hocr_with_hole(first: list[str], rest: list[str], hole: int) -> bytes:
    """A column whose first three lines start ``hole`` pixels right of the rest: the room of
    a drop cap three lines deep (165 pixels) that the OCR lost."""
    body = "".join(
        f"<span class='ocr_line' title='bbox {300 + (hole if i < 3 else 0)} {400 + 60 * i} 1300 "
        f"{445 + 60 * i}; x_size 40'>{line}</span>" for i, line in enumerate(first + rest))
    return (f"<html><body><div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300'>"
            f"{body}</div></body></html>").encode()


REST = ["night, and in the morning the", "guards were gone from the gates."]


@pytest.mark.parametrize("first, hole, word", [
    (["lert and suspicious, the", "working-class of the city", "watched the palace all"], 190,
     "Alert"),  # too rare to restore on text alone
    (["t the City Duma all atten-", "tion was on the new Gov-", "ernment, and the talks"], 190,
     "At"),  # "It" is likelier, but an I is far narrower than this room
    (["n November 9th Kerensky and", "his Cossacks came to the", "edge of the city and"], 180,
     "On"),  # not "In": the room is too wide; before a named day "On", not "An"
    (["n end was put to the talks", "when the Cossacks came to", "the edge of the city and"], 180,
     "An"),  # "An" or "On": "an end" is far the likelier pair
    (["e passed up the stair and", "into the room where the", "council sat, and the"], 180,
     None),  # "We" or "He": the words cannot tell, so left
    (["t was late when the council", "met, and the members were", "tired of the long day"], 90,
     "It"),  # a room this narrow held an I
])
def test_a_drop_cap_lost_by_ocr_is_restored_from_the_room_it_left(first, hole, word):
    """Tesseract often drops a drop cap: the first lines start right of the rest, the word
    lacks its first letter. The room says a letter is missing, and how wide it was."""
    doc = copydesk.clean(copydesk.read(hocr_with_hole(first, REST, hole), "hocr"))
    paragraph = next(b for b in iter_blocks(doc) if isinstance(b, Paragraph))
    assert paragraph.text.split()[0] == (word or first[0].split()[0])
    assert [(e.kind, e.replacement) for e in doc.edits if e.plugin == "dropcap"] == (
        [("supply", word[0])] if word else [])


@pytest.mark.parametrize("kind, data", [
    ("alto", b'<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="Hello"/>'
             b'<String CONTENT="world" HEIGHT="x"/></TextLine></TextBlock></PrintSpace></Page>'
             b'</Layout></alto>'),
    ("alto", b'<alto><Layout><Page WIDTH="-5" HEIGHT="0"><PrintSpace><TextBlock><TextLine '
             b'HPOS="-10" VPOS="nan" WIDTH="inf" HEIGHT="0"><String CONTENT="Hello &amp; world" '
             b'HEIGHT="-3"/></TextLine><Illustration HPOS="a"/></TextBlock></PrintSpace></Page>'
             b'</Layout></alto>'),
    ("hocr", b"<html><body><div class='ocr_page' title='bbox 0 0 x 10'><span class='ocr_line' "
             b"title='bbox 1 2; x_size abc'>Hello</span><span class='ocr_line' title='bbox 5 5 1 "
             b"1'>world</span><div class='ocr_photo' title='bbox 1 2 3'></div></div></body></html>"),
    ("hocr", b"<html><body><div class='ocr_page' title='bbox 0 0 100; scan_res 0 0'><span "
             b"class='ocr_line' title='bbox 1 2 inf 10; x_size 0'>Hello world</span></div></body>"
             b"</html>"),
])
def test_broken_geometry_loses_no_text(kind, data):
    """Missing, non-numeric, infinite or inverted coordinates: every word still comes out."""
    doc = copydesk.clean(copydesk.read(data, kind))
    text = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, (Paragraph, Boilerplate)))
    assert "Hello" in text and "world" in text


def test_alto_sizes_estimated_from_word_shapes_are_steady_within_a_block():
    """Without TextStyle a line's type size is estimated from its words' heights and letter
    shapes; a block's lines take the block's size, so one odd word height does not cut a
    pull quote in two (the OCR's boxes vary by a few pixels from word to word)."""
    def line(y: int, words: list[tuple[str, int]]) -> str:
        return (f'<TextLine HPOS="300" VPOS="{y}" WIDTH="900" HEIGHT="60">'
                + "<SP/>".join(f'<String CONTENT="{w}" HEIGHT="{h}"/>' for w, h in words)
                + "</TextLine>")

    block = "".join([line(400, [("The", 40), ("Land", 40), ("Fund", 40), ("is", 40)]),
                     line(470, [("subject", 54), ("to", 39), ("periodical", 54)]),
                     line(540, [("increase", 42), ("of", 52)])])
    page = (f'<alto><Layout><Page WIDTH="2550" HEIGHT="3300"><PrintSpace><TextBlock>{block}'
            f'</TextBlock></PrintSpace></Page></Layout></alto>').encode()
    doc = copydesk.read(page, "alto")
    sizes = {ln.font_size for b in iter_blocks(doc) for ln in getattr(b, "lines", [])}
    assert len(sizes) == 1


@pytest.mark.parametrize("kind", ["hocr", "alto"])
def test_a_drop_cap_glued_to_the_words_beside_it_opens_its_paragraph(kind):
    """Tesseract may read a drop cap as the first word of the third line beside it
    (``T an outburst of``): the letter is split off and opens the paragraph it belongs to."""
    def words(texts: list[str], x: int, y: int) -> list[tuple[str, int, int, int, int]]:
        """(text, x, y, width, height) of each word, in 1/300 inch, set from x on line y."""
        out = []
        for text in texts:
            out.append((text, x, y, 20 * len(text) + 20, 40))
            x += 20 * len(text) + 40
        return out

    cap = ("T", 300, 400, 80, 160)  # three lines deep, read with the third line's words
    lines = [words(["his", "last", "piece", "of"], 420, 400),
             words(["insolence", "came", "after"], 420, 460),
             [cap, *words(["an", "outburst", "of"], 420, 520)],
             words(["temper,", "and", "the", "room", "fell", "silent."], 300, 580)]
    if kind == "hocr":
        body = "".join(
            "<span class='ocr_line' title='bbox {} {} {} {}; x_size 40'>{}</span>".format(
                ws[0][1], min(w[2] for w in ws), ws[-1][1] + ws[-1][3],
                max(w[2] + w[4] for w in ws),
                " ".join(f"<span class='ocrx_word' title='bbox {x} {y} {x + w} {y + h}'>{t}</span>"
                         for t, x, y, w, h in ws))
            for ws in lines)
        data = (f"<html><body><div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300'>"
                f"{body}</div></body></html>").encode()
    else:
        body = "".join(
            '<TextLine HPOS="{}" VPOS="{}" WIDTH="{}" HEIGHT="{}">{}</TextLine>'.format(
                ws[0][1], min(w[2] for w in ws), ws[-1][1] + ws[-1][3] - ws[0][1],
                max(w[2] + w[4] for w in ws) - min(w[2] for w in ws),
                "<SP/>".join(f'<String CONTENT="{t}" HPOS="{x}" VPOS="{y}" WIDTH="{w}" '
                             f'HEIGHT="{h}"/>' for t, x, y, w, h in ws))
            for ws in lines)
        data = (f'<alto><Layout><Page WIDTH="2550" HEIGHT="3300"><PrintSpace><TextBlock>{body}'
                f'</TextBlock></PrintSpace></Page></Layout></alto>').encode()
    doc = copydesk.clean(copydesk.read(data, kind))
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)] == [
        "This last piece of insolence came after an outburst of temper, and the room fell silent."]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_cut_hocr_file_is_refused_not_read_in_part(tmp_path, cut):
    """An HTML parser reads the head of a file cut short as if it were the whole page: the
    rest of the page would be lost without a word. A file that ends inside an element is
    refused in one line; a whole one, with or without ``</html>`` (tesseract.js writes the
    page ``div`` alone), is read."""
    whole = hocr()
    path = tmp_path / "page.hocr"
    path.write_bytes(whole[:int(len(whole) * cut)])
    with pytest.raises(copydesk.InputError, match="truncated hOCR"):
        copydesk.read(path, "hocr")
    fragment = whole[whole.index(b"<div class='ocr_page'"):whole.index(b"</body>")]
    for data in (whole, fragment):
        path.write_bytes(data)
        assert any(isinstance(b, Paragraph) for b in iter_blocks(copydesk.read(path, "hocr")))
