"""The OCR engine's own blocks as the first evidence of reading order (hOCR, ALTO), and the
encoding of markup inputs. Real pages from ``../shared/eval-data`` where present."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import copydesk
from copydesk import Article, Boilerplate, Caption, Heading, Paragraph, TextBlock, iter_blocks
from copydesk.sources import markup_encoding

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval-data"
SCANS = SHARED / "scans"
LEFT = ["The council met on Tuesday to discuss", "the budget for next year, and members",
        "argued for three hours about the cost", "of the new bridge over the river."]
RIGHT = ["When the vote came, the bridge was", "approved by nine votes to four, and",
         "work will start in the spring, the", "mayor said after the meeting ended."]


def _hocr_line(text: str, x0: int, y0: int, x1: int, y1: int, size: int = 40) -> str:
    words = " ".join(f"<span class='ocrx_word'>{w}</span>" for w in text.split())
    return f"<span class='ocr_line' title='bbox {x0} {y0} {x1} {y1}; x_size {size}'>{words}</span>"


def _hocr_page(*blocks: str, declaration: str = "") -> bytes:
    body = "".join(blocks)
    return (f"{declaration}<div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300'>"
            f"{body}</div>").encode()


def _carea(lines: list[str], x0: int, x1: int, top: int = 1000, size: int = 40) -> str:
    inner = "".join(_hocr_line(t, x0, top + 60 * i, x1, top + 60 * i + 45, size)
                    for i, t in enumerate(lines))
    return f"<div class='ocr_carea' title='bbox {x0} {top} {x1} {top + 60 * len(lines)}'>{inner}</div>"


def _body(doc: copydesk.Document) -> str:
    return " ".join(b.text for b in iter_blocks(doc)
                    if isinstance(b, TextBlock) and not isinstance(b, Boilerplate))


def test_columns_the_engine_kept_apart_are_not_interleaved():
    """Two columns whose lines overlap across a gutter the scan's skew closed: the line-level
    analysis finds no gutter and read them line by line across; the engine's blocks keep
    them apart."""
    data = _hocr_page(_carea(LEFT, 300, 1330), _carea(RIGHT, 1300, 2300))
    text = _body(copydesk.clean(copydesk.read(data, "hocr")))
    assert text.index("of the new bridge over the river.") < text.index("When the vote came")
    assert "discuss the budget for next year" in text


def test_the_engines_order_is_kept_where_geometry_allows_it():
    """A deck the engine put in a block of its own beside the first column's top is read
    where the engine put it (before the column), not spliced into its lines."""
    deck = _carea(["Nine votes to four for the new bridge"], 1400, 2300, top=1000, size=60)
    data = _hocr_page(deck, _carea(LEFT + RIGHT, 300, 1300, top=1000))
    text = _body(copydesk.clean(copydesk.read(data, "hocr")))
    assert text.index("Nine votes to four") < text.index("The council met")
    assert "argued for three hours about the cost of the new bridge" in text


def test_a_block_under_another_follows_it_whatever_the_engines_order():
    data = _hocr_page(_carea(RIGHT, 300, 1300, top=1400), _carea(LEFT, 300, 1300, top=1000))
    text = _body(copydesk.clean(copydesk.read(data, "hocr")))
    assert text.index("The council met") < text.index("When the vote came")


def test_a_block_stored_twice_at_one_place_comes_out_once():
    def block(ident: str) -> str:
        lines = "".join(
            f'<TextLine HPOS="300" VPOS="{400 + 60 * i}" WIDTH="1000" HEIGHT="45">'
            + "<SP/>".join(f'<String CONTENT="{w}"/>' for w in text.split()) + "</TextLine>"
            for i, text in enumerate(LEFT))
        return f'<TextBlock ID="{ident}" HPOS="300" VPOS="400" WIDTH="1000" HEIGHT="240">{lines}</TextBlock>'

    alto = (f'<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="2550" '
            f'HEIGHT="3300"><PrintSpace>{block("b1")}{block("b2")}</PrintSpace></Page></Layout></alto>')
    text = _body(copydesk.clean(copydesk.read(alto.encode(), "alto")))
    assert text.count("The council met") == 1


def test_a_raised_initial_opens_the_word_beside_it():
    """Old print sets a capital a line and a half tall with the rest of its word beside it:
    taller than the body but not twice, so its word beside it (lower case) tells it."""
    cap = _carea(["A"], 300, 360, top=1000, size=64)
    cap = cap.replace("bbox 300 1000 360 1045", "bbox 300 1000 360 1064")
    body = _carea(["ufklärung ist der Ausgang des Menschen aus", "seiner selbst verschuldeten "
                   "Unmündigkeit, und so", "weiter bis zum Ende des Satzes hier."], 370, 1300)
    text = _body(copydesk.clean(copydesk.read(_hocr_page(cap, body), "hocr")))
    assert text.startswith("Aufklärung ist der Ausgang")


def test_a_centred_heading_over_two_lines_is_one_heading():
    """Two lines in type a little larger than the body's, centred in the column: one heading,
    although each stands in from the column's left edge."""
    head = (_hocr_line("Beantwortung der Frage:", 600, 900, 1000, 948, 48)
            + _hocr_line("Was ist Aufklärung?", 640, 960, 960, 1008, 48))
    data = _hocr_page(f"<div class='ocr_carea' title='bbox 600 900 1000 1008'>{head}</div>",
                      _carea(LEFT + RIGHT, 300, 1300, top=1060))
    doc = copydesk.clean(copydesk.read(data, "hocr"))
    assert [b.text for b in iter_blocks(doc) if isinstance(b, copydesk.Heading)] == [
        "Beantwortung der Frage: Was ist Aufklärung?"]


def test_the_first_lines_of_a_double_spaced_page_are_body_text():
    """A transcript set double-spaced: its first lines stand as far apart as all the others,
    so standing apart does not make them running heads."""
    text = LEFT + RIGHT + LEFT
    lines = "".join(_hocr_line(t, 300, 300 + 100 * i, 1300, 345 + 100 * i)
                    for i, t in enumerate(text))
    doc = copydesk.clean(copydesk.read(_hocr_page(lines), "hocr"))
    assert not [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)]
    assert _body(doc).startswith("The council met on Tuesday")


@pytest.mark.parametrize("declaration", ["", "<?xml version='1.0'?>"])
def test_hocr_without_a_charset_is_utf8(declaration):
    """tesseract.js writes hOCR fragments with no declaration: UTF-8, as XHTML says, not
    Latin-1 (which made every dash and curly quote three characters of mojibake)."""
    data = _hocr_page(_carea(["The vote \u2014 nine to four \u2014 was \u201cfinal\u201d."], 300, 1300),
                      _carea(["Work starts in the spring."], 300, 1300, top=1400),
                      declaration=declaration)
    text = _body(copydesk.read(data, "hocr"))
    assert "\u2014 nine to four \u2014" in text and "\u201cfinal\u201d" in text
    assert "\u00e2" not in text


def test_markup_encoding_by_bom_declaration_meta_else_utf8():
    assert markup_encoding(codecs.BOM_UTF8 + b"<html/>") == "utf-8"
    assert markup_encoding(codecs.BOM_UTF16_LE + "<html/>".encode("utf-16-le")) == "utf-16"
    assert markup_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?><html/>") == "iso8859-1"
    assert markup_encoding(b'<html><head><meta charset="windows-1252"></head>') == "cp1252"
    assert markup_encoding(b'<meta http-equiv="Content-Type" content="text/html; '
                           b'charset=iso-8859-2">') == "iso8859-2"
    assert markup_encoding(b"<div class='ocr_page'>\xe2\x80\x94</div>") == "utf-8"
    assert markup_encoding(b"<?xml version='1.0' encoding='no-such-thing'?>") == "utf-8"


# -- real pages (eval-only data: skipped without ../shared) -----------------------------------

def _scan(source: str, page: str) -> Path:
    return SCANS / source / page


@pytest.mark.skipif(not SCANS.is_dir(), reason="shared evaluation data not present")
def test_real_two_column_page_from_hocr_is_no_worse_than_its_plain_text():
    """A real research note (main text beside a sidebar), tesseract.js hOCR: the hOCR path
    read the columns line by line across (word error rate 0.47 against 0.21 for the text)."""
    from evaluate_scans import convert, hocr_lines, hocr_text, text_of, wer, words

    page = _scan("scribeocr-ocr-benchmark", "multicol_03")
    truth = words(hocr_lines(page / "multicol_03.truth.hocr"))
    hocr = page / "multicol_03.tesseractjs.hocr"
    from_text = wer(truth, words(text_of(convert(hocr_text(hocr).encode(), "print-ocr"))))
    from_hocr = wer(truth, words(text_of(convert(hocr))))
    assert from_hocr <= from_text + 0.005


@pytest.mark.skipif(not SCANS.is_dir(), reason="shared evaluation data not present")
def test_real_newspaper_page_regions_come_in_the_truths_order():
    """An NZZ front page (masthead, price boxes, four columns, a band under a rule) through
    Tesseract's hOCR: region order agreement with the human reading order (0.91 before the
    engine's blocks were followed)."""
    from evaluate_scans import nzz_rows

    (row,) = nzz_rows([_scan("nzz-black-letter-gt", "nzz_19381127_0_0_a1_p1_1")], False)
    assert row["hocr"] >= 0.95 and row["alto"] >= 0.95


@pytest.mark.skipif(not (SHARED / "alto").is_dir(), reason="shared evaluation data not present")
def test_real_archive_page_reads_each_text_block_whole():
    """The NY Tribune page (ABBYY ALTO): before, six of its text blocks were cut up and
    interleaved with others; each now comes out in one piece."""
    from lxml import etree

    path = SHARED / "alto" / "chronam-ndnp-page" / "ocr.xml"
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    owner = {}
    for block in root.iter("{*}TextBlock"):
        for line in block.iter("{*}TextLine"):
            key = (round(float(line.get("HPOS")) * 72 / 1200, 1),
                   round(float(line.get("VPOS")) * 72 / 1200, 1))
            owner[key] = block.get("ID")
    doc = copydesk.read(path)
    sequence = [owner[(round(ln.box.x0, 1), round(ln.box.y0, 1))]
                for b in iter_blocks(doc) if isinstance(b, Paragraph) for ln in b.lines
                if (round(ln.box.x0, 1), round(ln.box.y0, 1)) in owner]
    runs = [b for i, b in enumerate(sequence) if i == 0 or sequence[i - 1] != b]
    assert len(sequence) > 500 and len(runs) == len(set(runs))


def test_alto_punctuation_stored_as_words_of_their_own_joins_the_word_it_touches():
    """OCR-D's ground truth ALTO has no SP and stores a comma as a word: ``pflanzen, weil``,
    not ``pflanzen , weil``; words apart by a space stay apart."""
    words = [("Vorurtheile", 100, 200), ("zu", 320, 40), ("pflanzen", 380, 128), (",", 508, 12),
             ("weil", 543, 63), ("ſie", 621, 34)]
    strings = "".join(f'<String CONTENT="{w}" HPOS="{x}" VPOS="1000" WIDTH="{width}" HEIGHT="37"/>'
                      for w, x, width in words)
    alto = ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page WIDTH="2000" '
            'HEIGHT="3000"><PrintSpace><TextBlock><TextLine HPOS="100" VPOS="1000" WIDTH="600" '
            f'HEIGHT="37">{strings}</TextLine></TextBlock></PrintSpace></Page></Layout></alto>')
    assert _body(copydesk.read(alto.encode(), "alto")) == "Vorurtheile zu pflanzen, weil ſie"


def test_an_alto_lines_style_is_that_of_most_of_its_letters():
    """Styles given per word: one word in bold italic (``A``) does not make its line bold
    italic, so the paragraph does not break there for a change of type."""
    def line(text: str, y: int, first: str = "s1") -> str:
        words = text.split()
        strings = [f'<String CONTENT="{w}" STYLEREFS="{first if i == 0 else "s1"}"/>'
                   for i, w in enumerate(words)]
        return (f'<TextLine HPOS="300" VPOS="{y}" WIDTH="1000" HEIGHT="45">'
                + "<SP/>".join(strings) + "</TextLine>")

    body = [line("The council met on Tuesday to discuss the", 400),
            line("A letter in the Mercury states that Mr.", 460, first="s2"),
            line("Smith, the missionary, has been tried and", 520),
            line("condemned on an ex-post facto law, it says.", 580)]
    alto = ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Styles>'
            '<TextStyle ID="s1" FONTSIZE="10"/><TextStyle ID="s2" FONTSIZE="10" '
            'FONTSTYLE="bold italic"/></Styles><Layout><Page WIDTH="2550" HEIGHT="3300">'
            f'<PrintSpace><TextBlock>{"".join(body)}</TextBlock></PrintSpace></Page></Layout></alto>')
    doc = copydesk.clean(copydesk.read(alto.encode(), "alto"))
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)] == [
        "The council met on Tuesday to discuss the A letter in the Mercury states that Mr. "
        "Smith, the missionary, has been tried and condemned on an ex-post facto law, it says."]


def _alto_blocks(blocks: list[tuple[str, list[str], int, int]], extra: str = "") -> bytes:
    """ALTO with text blocks (id, lines, left, top) and ``extra`` after the layout."""
    def block(ident: str, lines: list[str], x: int, top: int, attrs: str) -> str:
        inner = "".join(f'<TextLine HPOS="{x}" VPOS="{top + 60 * i}" WIDTH="1000" HEIGHT="45">'
                        + "<SP/>".join(f'<String CONTENT="{w}" HPOS="{x}" VPOS="{top + 60 * i}" '
                                       f'HEIGHT="45" WIDTH="100"/>' for w in t.split())
                        + "</TextLine>" for i, t in enumerate(lines))
        return f'<TextBlock ID="{ident}" {attrs}>{inner}</TextBlock>'

    body = "".join(block(i, ls, x, y, a) for i, ls, x, y, a in blocks)
    return ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="2550" '
            f'HEIGHT="3300"><PrintSpace>{body}</PrintSpace></Page></Layout>{extra}</alto>').encode()


def test_alto_reading_order_stated_by_the_file_is_followed():
    """ALTO 4.3's ``ReadingOrder`` puts the right column first (a right-to-left page, say):
    followed as stated, though the geometry would read the left first."""
    order = ('<ReadingOrder><OrderedGroup ID="g"><ElementRef ID="r1" REF="B"/>'
             '<ElementRef ID="r2" REF="A"/></OrderedGroup></ReadingOrder>')
    data = _alto_blocks([("A", LEFT, 300, 1000, ""), ("B", RIGHT, 1400, 1000, "")], order)
    text = _body(copydesk.clean(copydesk.read(data, "alto")))
    assert text.index("When the vote came") < text.index("The council met")


def test_alto_idnext_links_keep_a_story_together():
    """A story's blocks linked by ``IDNEXT`` are read one after the other, though the file
    lists another story's block between them."""
    data = _alto_blocks([("A", LEFT[:2], 300, 1000, 'IDNEXT="C"'),
                         ("B", ["Elsewhere in the county the fair opened on", "Monday with a parade."],
                          1400, 1000, ""),
                         ("C", LEFT[2:], 300, 1200, "")])
    text = _body(copydesk.clean(copydesk.read(data, "alto")))
    assert "next year, and members argued for three hours" in text


# -- columns inside one engine block, from its words ---------------------------------------

SIDEBAR = [["Price:", "$50.86"], ["Fair", "Value:", "$69.00"], ["Market", "Cap:", "$3,813"],
           ["Shares:", "75.0"], ["Volume:", "1,004,685"], ["Rating:", "Buy"], ["Sector:", "Biotech"]]
TEXT = ["JNJ announced this morning the acquisition of", "privately held Aragon for $650 million",
        "with a contingent development milestone of", "$350 million. As a reminder, the lead",
        "compound is viewed as a direct competitor", "to Xtandi, and the company is suing over",
        "the rights to it after losing the first round."]


def _word_cells(line: list[tuple[str, int]], y: int, drop: int = 0) -> list[tuple[str, int, int, int, int]]:
    """Words (text, x) of one line as (text, x0, y0, x1, y1), 22 px a letter, 45 px high,
    ``drop`` px lower."""
    return [(w, x, y + drop, x + 22 * len(w), y + drop + 45) for w, x in line]


def _laid_out(left: list[list[str]], right: list[list[str]], gutter: int = 700,
              drop: int = 12) -> list[list[tuple[str, int, int, int, int]]]:
    """Lines running across a gutter at ``gutter``: the left side's words then the right's,
    the right side ``drop`` px lower (two columns whose lines merely stand level)."""
    lines = []
    for i in range(max(len(left), len(right))):
        y, words = 1000 + 60 * i, []
        if i < len(left):
            x = 300
            for w in left[i]:
                words.append((w, x))
                x += 22 * len(w) + 15
        cells = _word_cells(words, y)
        if i < len(right):
            x, words = gutter + 60, []
            for w in right[i]:
                words.append((w, x))
                x += 22 * len(w) + 15
            cells += _word_cells(words, y, drop)
        lines.append(cells)
    return lines


def _hocr_of(lines: list[list[tuple[str, int, int, int, int]]]) -> bytes:
    spans = []
    for cells in lines:
        box = (min(c[1] for c in cells), min(c[2] for c in cells),
               max(c[3] for c in cells), max(c[4] for c in cells))
        words = "".join(f"<span class='ocrx_word' title='bbox {x0} {y0} {x1} {y1}'>{w}</span> "
                        for w, x0, y0, x1, y1 in cells)
        spans.append(f"<span class='ocr_line' title='bbox {box[0]} {box[1]} {box[2]} {box[3]};"
                     f" x_size 45'>{words}</span>")
    return _hocr_page("<div class='ocr_carea' title='bbox 300 1000 2400 1500'>"
                      + "".join(spans) + "</div>", _carea(["An unrelated block."], 300, 1300, 2000))


def _alto_of(lines: list[list[tuple[str, int, int, int, int]]]) -> bytes:
    text_lines = []
    for cells in lines:
        strings = "<SP/>".join(f'<String CONTENT="{w}" HPOS="{x0}" VPOS="{y0}" WIDTH="{x1 - x0}" '
                               f'HEIGHT="{y1 - y0}"/>' for w, x0, y0, x1, y1 in cells)
        x0, y0 = min(c[1] for c in cells), min(c[2] for c in cells)
        text_lines.append(f'<TextLine HPOS="{x0}" VPOS="{y0}" WIDTH="{max(c[3] for c in cells) - x0}" '
                          f'HEIGHT="{max(c[4] for c in cells) - y0}">{strings}</TextLine>')
    return ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="2550" '
            f'HEIGHT="3300"><PrintSpace><TextBlock ID="b1">{"".join(text_lines)}</TextBlock>'
            '</PrintSpace></Page></Layout></alto>').encode()


@pytest.mark.parametrize("fmt", ["hocr", "alto"])
def test_a_block_run_across_a_sidebar_and_the_text_is_read_column_by_column(fmt):
    """The engine made one block, and one line, of a sidebar's key figures and the text level
    with them (a research note's first page): the words show the gutter, and the text reads
    on without the sidebar's figures spliced into it."""
    lines = _laid_out(SIDEBAR, [t.split() for t in TEXT])
    data = _hocr_of(lines) if fmt == "hocr" else _alto_of(lines)
    text = _body(copydesk.clean(copydesk.read(data, fmt)))
    assert " ".join(TEXT) in text
    assert "Price: $50.86 Fair Value: $69.00" in text


@pytest.mark.parametrize("fmt", ["hocr", "alto"])
def test_a_tables_rows_and_a_transcripts_markers_stay_in_their_lines(fmt):
    """Clear strips between a table's columns, or beside a transcript's ``Q.`` and ``A.``,
    are not gutters between columns of text: each row reads as it stands."""
    rows = [["01Aug2018", "Clearing", "Cheque", "4987", "36.07"],
            ["01Aug2018", "Assisted", "Deposit", "", "32,414.50"],
            ["02Aug2018", "Transfer", "to", "loan", "1,500.00"]] * 3
    cells = [_word_cells([(w, x) for w, x in zip(r, [300, 600, 900, 1500, 1900], strict=True) if w],
                         1000 + 60 * i) for i, r in enumerate(rows)]
    data = _hocr_of(cells) if fmt == "hocr" else _alto_of(cells)
    text = _body(copydesk.read(data, fmt))
    assert "01Aug2018 Clearing Cheque 4987 36.07" in text
    transcript = _laid_out([["Q."], ["A."], ["Q."], ["A."], ["Q."], ["A."]],
                           [t.split() for t in TEXT[:6]], gutter=380, drop=0)
    data = _hocr_of(transcript) if fmt == "hocr" else _alto_of(transcript)
    text = _body(copydesk.read(data, fmt))
    assert f"Q. {TEXT[0]}" in text and f"A. {TEXT[1]}" in text
    # a form: a row of labelled fields and a field set apart, level by design (a booking
    # sheet that used to be read as two columns, every field parted from its row)
    fields = [["Charges", "RACKETEERING", "VIOLATION", "First", "Count"], ["Comments", "None"]]
    form = _laid_out([fields[0]] * 7, [fields[1]] * 7, gutter=1200, drop=0)
    data = _hocr_of(form) if fmt == "hocr" else _alto_of(form)
    text = _body(copydesk.read(data, fmt))
    assert "Charges RACKETEERING VIOLATION First Count Comments None Charges" in text


@pytest.mark.parametrize("fmt", ["hocr", "alto"])
def test_a_rule_read_as_a_word_does_not_bridge_the_gutter_it_marks(fmt):
    """Two columns of running text the engine ran into one block, a column rule between
    them read as a word on every line (``|``; the NZZ's columns under Tesseract): the rule
    does not close the gutter, each column reads whole, and the rule leaves the text."""
    left = [t.split() for t in TEXT[:6]]
    right = [t.split() for t in (LEFT + RIGHT)[:6]]
    lines = []
    for i in range(6):
        y, x, words = 1000 + 60 * i, 300, []
        for w in left[i]:
            words.append((w, x))
            x += 22 * len(w) + 15
        words.append(("|", 1420))
        x = 1470
        for w in right[i]:
            words.append((w, x))
            x += 22 * len(w) + 15
        cells = _word_cells(words, y)
        lines.append([(w, x0, y0 - 10, x0 + 8, y1 + 10) if w == "|" else (w, x0, y0, x1, y1)
                      for w, x0, y0, x1, y1 in cells])
    data = _hocr_of(lines) if fmt == "hocr" else _alto_of(lines)
    text = " ".join(_body(copydesk.read(data, fmt)).split())
    assert " ".join(TEXT[:6]) in text
    assert " ".join(" ".join(r) for r in right) in text
    assert "|" not in text


def _justified(words: list[str], x0: int, x1: int, y: int) -> list[tuple[str, int, int, int, int]]:
    """One justified line's words from ``x0`` to ``x1``: 22 px a letter, the spaces widened."""
    spare = (x1 - x0 - 22 * sum(len(w) for w in words)) / max(1, len(words) - 1)
    cells, x = [], float(x0)
    for w in words:
        cells.append((w, round(x), y, round(x) + 22 * len(w), y + 45))
        x += 22 * len(w) + spare
    return cells


def _ruled_page(fmt: str, rule: tuple[int, int, int, int]) -> bytes:
    """Two justified columns of running text, level, 30 px apart at x 1300 (too narrow a
    strip for a gutter of words), which the engine ran into one block of lines across both;
    ``rule`` (x0, y0, x1, y1) is what it found between them."""
    left = [t.split() for t in TEXT[:6]]
    right = [t.split() for t in (RIGHT + LEFT)[:6]]
    lines = [_justified(a, 300, 1300, 1000 + 60 * i) + _justified(b, 1330, 2330, 1000 + 60 * i)
             for i, (a, b) in enumerate(zip(left, right, strict=True))]
    x0, y0, x1, y1 = rule
    if fmt == "hocr":
        return _hocr_of(lines).replace(b"<div class='ocr_carea'", (
            f"<div class='ocr_separator' title='bbox {x0} {y0} {x1} {y1}'></div>"
            "<div class='ocr_carea'").encode(), 1)
    return _alto_of(lines).replace(b"</PrintSpace>", (
        f'<GraphicalElement HPOS="{x0}" VPOS="{y0}" WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}"/>'
        "</PrintSpace>").encode())


@pytest.mark.parametrize("fmt", ["hocr", "alto"])
def test_a_column_rule_parts_columns_the_engine_ran_into_one_block(fmt):
    """The engine ran two level columns of running text into one block of lines across both
    (the NZZ's columns under Tesseract); the column rule it found between them, down the
    text and parting it into columns of one width, cuts the lines there: each column reads
    whole, the left first."""
    text = " ".join(_body(copydesk.read(_ruled_page(fmt, (1308, 900, 1322, 1500)), fmt)).split())
    left, right = " ".join(TEXT[:6]), " ".join((RIGHT + LEFT)[:6])
    assert left in text and right in text
    assert text.index(left) < text.index(right)


def test_a_rule_that_parts_no_columns_of_one_width_leaves_the_lines_whole():
    """A table's or a chart's rules part cells of any width: a rule a fifth of the way across
    the text is no column rule, and the engine's lines stay as it read them."""
    text = " ".join(_body(copydesk.read(_ruled_page("hocr", (708, 900, 722, 1500)), "hocr")).split())
    first = " ".join(TEXT[0].split() + (RIGHT + LEFT)[0].split())
    assert first in text


def test_column_rules_are_long_and_part_the_text_evenly():
    from copydesk.pagelayout.wordgutters import column_rules

    lines = [(100.0, 1000.0, y, y + 10.0) for y in range(0, 1000, 20)]
    even = [(395.0, 405.0, 0.0, 900.0), (695.0, 705.0, 0.0, 900.0)]
    assert column_rules(even, lines) == even
    assert column_rules([(395.0, 405.0, 0.0, 900.0), (495.0, 505.0, 0.0, 900.0)], lines) == []
    assert column_rules([(545.0, 555.0, 0.0, 200.0)], lines) == []  # too short
    assert column_rules([(95.0, 105.0, 0.0, 900.0)], lines) == []  # the text's border


@pytest.mark.skipif(not SCANS.is_dir(), reason="shared evaluation data not present")
@pytest.mark.parametrize("name", ["multicol_02.tesseract.hocr", "multicol_02.tesseractjs.hocr",
                                  "multicol_02.tesseract.xml"])
def test_real_research_note_reads_its_text_apart_from_the_sidebar_the_engine_ran_into_it(name):
    """A real broker note: Tesseract made one block of the key-data sidebar and the text
    beside it, each line running across both; the text used to read 'JNJ announced … for
    $650 million air Value Estimate: $69.00 with a $350 million …' (body word error rate
    0.315 against 0.300 for the engine's own text; now 0.18)."""
    page = _scan("scribeocr-ocr-benchmark", "multicol_02")
    text = " ".join(_body(copydesk.clean(copydesk.read(page / name))).split())
    assert ("JNJ announced this morning the acquisition of privately-held Aragon for $650 "
            "million with a $350 million contingent development milestone.") in text


def test_furniture_stands_where_it_is_on_the_page():
    """A running head comes before the page's text and its folio after it (it used to come
    first too, so a model, a TEI ``fw`` or a reading-order check had the foot at the top).
    On a single page the head, which nothing shows to recur, stays text; the folio does not."""
    def page(number: int) -> bytes:
        return _hocr_page(_carea(["THE RIVERSIDE GAZETTE"], 300, 1200, top=200, size=30),
                          _carea(LEFT + RIGHT, 300, 2300, top=1000),
                          _carea([str(number)], 1250, 1300, top=3100, size=30))

    blocks = copydesk.read(page(12) + page(13), "hocr").blocks
    cut = next(i for i, b in enumerate(blocks) if isinstance(b, copydesk.PageBreak))
    for number, on_page in ((12, blocks[:cut]), (13, blocks[cut + 1:])):
        texts = [b for b in on_page if isinstance(b, TextBlock)]
        assert isinstance(texts[0], Boilerplate) and texts[0].text == "THE RIVERSIDE GAZETTE"
        assert isinstance(texts[-1], Boilerplate) and texts[-1].text == str(number)
        assert not any(isinstance(b, Boilerplate) for b in texts[1:-1])
    single = [b for b in copydesk.read(page(12), "hocr").blocks if isinstance(b, TextBlock)]
    assert not isinstance(single[0], Boilerplate) and single[0].text == "THE RIVERSIDE GAZETTE"
    assert isinstance(single[-1], Boilerplate) and single[-1].text == "12"


def test_a_bold_head_in_the_bodys_type_heads_a_section_not_a_story():
    """A report's section heads (bold, the body's size) stay in its story; a headline set
    larger opens the next (the Federal Register came out as 30 chapters, one per section)."""
    def bold(text: str, top: int) -> str:
        words = " ".join(f"<strong><span class='ocrx_word'>{w}</span></strong>" for w in text.split())
        return (f"<div class='ocr_carea' title='bbox 300 {top} 1300 {top + 45}'><span class='ocr_line' "
                f"title='bbox 300 {top} 1000 {top + 45}; x_size 40'>{words}</span></div>")

    data = _hocr_page(_carea(["Harbour wall approved"], 300, 1900, top=300, size=80),
                      _carea(LEFT, 300, 1300, top=500),
                      bold("Cost of the work", 800),
                      _carea(RIGHT, 300, 1300, top=900),
                      _carea(["Fair opens in the rain"], 300, 1900, top=1300, size=80),
                      _carea(LEFT, 300, 1300, top=1500))
    doc = copydesk.clean(copydesk.read(data, "hocr"))
    stories = [b for b in doc.blocks if isinstance(b, copydesk.Article)]
    assert [[h.text for h in iter_blocks(a) if isinstance(h, copydesk.Heading)] for a in stories] == [
        ["Harbour wall approved", "Cost of the work"], ["Fair opens in the rain"]]


def _pictured_header(photo: tuple[int, int, int, int]) -> bytes:
    """A report page: a header in small type in two lines, right over an area the engine
    took for a photo, and two blocks of body text under it."""
    header = _carea(["Precision Castparts Corp.", "January 28, 2014"], 1400, 1900, top=200, size=30)
    x0, y0, x1, y1 = photo
    area = f"<div class='ocr_photo' title='bbox {x0} {y0} {x1} {y1}'></div>"
    return _hocr_page(header, area, _carea(LEFT, 300, 1250, top=1200), _carea(RIGHT, 1300, 2250, top=1200))


def test_a_band_of_tint_under_small_type_makes_no_caption_of_it():
    """Tesseract reports the tinted band across a report's head as a photo; the small type
    over it is the page's header, read where it stands, not a caption; a real picture under
    the same lines still makes them its caption."""
    band = copydesk.clean(copydesk.read(_pictured_header((80, 330, 2400, 390)), "hocr"))
    assert not [b for b in iter_blocks(band) if isinstance(b, Caption)]
    assert "January 28, 2014" in _body(band)
    photo = copydesk.clean(copydesk.read(_pictured_header((1400, 330, 1900, 900)), "hocr"))
    assert [b.text for b in iter_blocks(photo) if isinstance(b, Caption)] == [
        "Precision Castparts Corp. January 28, 2014"]


BODY = ["The council met on Tuesday to discuss the budget", "for next year, and members argued for three",
        "hours about the cost of the new bridge over the", "river, which the town has wanted for years now.",
        "When the vote came, the bridge was approved by", "nine votes to four, and work will start in the",
        "spring, the mayor said after the meeting ended.", "The engineers expect it to take two years to",
        "build, and the old ferry will run until then."]


def _lead_page(lead: list[tuple[str, int]], size: int = 56) -> bytes:
    """A lead set in display type over body text in one engine block: ``lead`` gives each
    line's text and left edge (the column's is 300)."""
    lines = [_hocr_line(text, x0, 1000 + 80 * i, 2200, 1000 + 80 * i + 60, size)
             for i, (text, x0) in enumerate(lead)]
    top = 1000 + 80 * len(lead) + 40
    lines += [_hocr_line(text, 300, top + 60 * i, 2200 if i % 4 != 3 else 1500, top + 60 * i + 45)
              for i, text in enumerate(BODY)]
    return _hocr_page(f"<div class='ocr_carea' title='bbox 300 1000 2200 {top + 600}'>"
                      f"{''.join(lines)}</div>")


def test_a_lead_set_in_from_the_column_in_display_type_is_one_paragraph():
    """A story's lead in larger type, set in from the column's edge with its first line
    indented further (NY Tribune, 1903): its lines were each taken for a paragraph start by
    the indent, the first line for a headline; they are one paragraph."""
    lead = [("The buildings of the Exposition at St. Louis were dedicated yes-", 400),
            ("terday afternoon with ceremonies which, although marred by", 340),
            ("rain, were impressive. The principal addresses were made by", 340),
            ("the President and by the former President of the country.", 340)]
    doc = copydesk.clean(copydesk.read(_lead_page(lead), "hocr"))
    assert not [b for b in iter_blocks(doc) if isinstance(b, Heading)]
    leads = [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph) and "buildings" in b.text]
    assert len(leads) == 1 and "yesterday afternoon" in leads[0] and "former President" in leads[0]


def test_a_line_taken_for_a_heading_that_runs_on_into_the_paragraph_under_it_joins_it():
    """A short line the engine marked bold, ending mid-clause, the paragraph under it going
    on in lower case: it is the paragraph's first line, no heading."""
    words = "Spain and France, whose sons made a deathless"
    first = ("<span class='ocr_line' title='bbox 300 1000 1300 1045; x_size 40'>"
             + " ".join(f"<strong><span class='ocrx_word'>{w}</span></strong>" for w in words.split(" "))
             + "</span>")
    rest = "".join(_hocr_line(t, 300, 1060 + 60 * i, 2200 if i % 4 != 3 else 1500,
                              1060 + 60 * i + 45) for i, t in enumerate(
        ["record of heroism in the early annals of the New World, as every", *BODY]))
    data = _hocr_page(f"<div class='ocr_carea' title='bbox 300 1000 2200 1700'>{first}{rest}</div>")
    doc = copydesk.clean(copydesk.read(data, "hocr"))
    assert not [b for b in iter_blocks(doc) if isinstance(b, Heading)]
    assert "made a deathless record of heroism" in _body(doc)


def test_a_woodcut_read_as_a_few_huge_letters_is_no_heading_and_parts_the_stories():
    """Old papers print woodcuts between stories; the engine reads one as "11 1" in type ten
    times the body's. It is no headline (no chapter of that name in an e-book); like a rule,
    it parts the stories on either side, and no paragraph runs on across it."""
    left = ["The House met at four o'clock, and the Speaker took the chair amid",
            "some noise from the gallery, which was cleared before the business",
            "of the day began with the petitions of the several counties of"]
    right = ["of England, as distinguished from the modern editions now in print,",
             "this day is published in six volumes, price ten shillings and six",
             "pence in boards, by the booksellers of London and Westminster."]
    woodcut = "<div class='ocr_carea' title='bbox 400 1200 900 1500'>" + _hocr_line(
        "11 1", 400, 1200, 900, 1500, size=400) + "</div>"
    data = _hocr_page(_carea(left, 100, 1200), woodcut, _carea(right, 100, 1200, top=1550))
    doc = copydesk.clean(copydesk.read(data, "hocr"))
    assert not [b for b in iter_blocks(doc) if isinstance(b, Heading)]
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == ["11 1"]
    stories = [" ".join(b.text for b in a.blocks if isinstance(b, Paragraph))
               for a in doc.blocks if isinstance(a, Article)]
    assert len(stories) == 2 and stories[1].startswith("of England")


def test_a_running_head_the_ocr_garbled_on_one_page_is_still_a_running_head():
    """``THE STATESMAN`` heads every page; on one the OCR read it ``Ti 1F S rATESM AN`` in
    type it took for larger. Its letters are nearly those of the head the other pages
    repeat: it is the running head too, not a headline."""
    def page(head: str, size: int) -> str:
        lines = _hocr_line(head, 1000, 120, 1500, 170, size) + "".join(
            _hocr_line(t, 300, 1000 + 60 * i, 2200 if i % 4 != 3 else 1500, 1045 + 60 * i)
            for i, t in enumerate(BODY))
        return f"<div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300'>{lines}</div>"

    pages = [page("THE STATESMAN", 40), page("THE STATESMAN", 40), page("Ti 1F S rATESM AN", 60)]
    doc = copydesk.clean(copydesk.read(("<html><body>" + "".join(pages) + "</body></html>").encode(),
                                       "hocr"))
    assert not [b for b in iter_blocks(doc) if isinstance(b, Heading)]
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)
            and b.reason == "running-head"] == ["THE STATESMAN", "THE STATESMAN", "Ti 1F S rATESM AN"]


def test_a_line_mostly_of_stars_is_no_heading():
    """An advert's row of stars the engine read in italics with a few letters (``Its r
    *********``) is set like a heading in italics, but it is an ornament, no heading."""
    stars = ("<span class='ocr_line' title='bbox 300 1000 900 1045; x_size 40'>"
             "<em><span class='ocrx_word'>Its</span></em> <em><span class='ocrx_word'>r</span></em> "
             "<em><span class='ocrx_word'>*********</span></em></span>")
    rest = "".join(_hocr_line(t, 300, 1100 + 60 * i, 2200 if i % 4 != 3 else 1500, 1145 + 60 * i)
                   for i, t in enumerate(BODY))
    doc = copydesk.clean(copydesk.read(_hocr_page(
        f"<div class='ocr_carea' title='bbox 300 1000 2200 1700'>{stars}{rest}</div>"), "hocr"))
    assert not [b for b in iter_blocks(doc) if isinstance(b, Heading)]
    assert [(b.text, b.reason) for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == [
        ("Its r *********", "ornament")]
