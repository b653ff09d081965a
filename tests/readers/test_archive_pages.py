"""Real archive newspaper pages (ALTO, in ``tests/data/alto``): the masthead is furniture
and feeds the metadata, headlines come whole with their decks as sub-headings, a photo
caption in capitals is a caption, and the first chapter of the e-book is a story."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

import copydesk
from copydesk import Article, Boilerplate, Caption, Heading, PullQuote, iter_blocks

DATA = Path(__file__).resolve().parents[1] / "data" / "alto"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("alto")
    paths = {}
    for name in ("nytribune-1903-05-01-p1", "statesman-1824-02-17-p1"):
        path = out / f"{name}.xml"
        path.write_bytes(gzip.decompress((DATA / f"{name}.alto.xml.gz").read_bytes()))
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def tribune(pages) -> copydesk.Document:
    return copydesk.clean(copydesk.read(pages["nytribune-1903-05-01-p1"]))


@pytest.fixture(scope="module")
def statesman(pages) -> copydesk.Document:
    return copydesk.clean(copydesk.read(pages["statesman-1824-02-17-p1"]))


def _masthead(doc: copydesk.Document) -> list[str]:
    return [b.text for b in iter_blocks(doc) if isinstance(b, Boilerplate)
            and b.reason == "masthead"]


def test_the_date_line_price_weather_and_number_are_the_masthead(tribune):
    masthead = _masthead(tribune)
    assert any("FOURTEEN PAGES" in t for t in masthead)
    assert "PRICE THREE CENTS." in masthead
    assert "Saturday fair." in masthead and any(t.startswith("VOIV") for t in masthead)
    assert tribune.metadata.date == "1903"  # (the OCR lost the month: "31 AY 1")


def test_an_1824_masthead_gives_the_issues_date(statesman):
    masthead = _masthead(statesman)
    assert "PRICE 7d" in masthead and "FEBRUARY 171824." in masthead
    assert statesman.metadata.date == "1824-02-17"
    headings = [b.text for b in iter_blocks(statesman) if isinstance(b, Heading)]
    assert not set(masthead) & set(headings)


def test_headlines_are_whole_and_decks_are_sub_headings(tribune):
    headings = [(b.level, b.text) for b in iter_blocks(tribune) if isinstance(b, Heading)]
    assert headings[0] == (1, "CO BIG HARBOR TIEUP-")
    assert (2, 'RBI TRA TION "ACCEPTED.') in headings
    # a deck the engine cut in two blocks is one heading
    assert (2, "Serious Outbreak at the University of Havana.") in headings
    quotes = [b.text for b in iter_blocks(tribune) if isinstance(b, PullQuote)]
    assert not any(q.startswith(("PRESIDENT ROOSEVELT AND", "Only Force Can")) for q in quotes)


def test_a_photo_caption_in_capitals_is_a_caption(tribune):
    captions = [b.text for b in iter_blocks(tribune) if isinstance(b, Caption)]
    assert any(c.startswith("PALACE OF LIBERAL ARTS") for c in captions)


def test_the_first_chapter_is_a_story(pages, tmp_path):
    for name in pages:
        out = tmp_path / f"{name}.epub"
        copydesk.convert(pages[name], out)
        nav = zipfile.ZipFile(out).read("EPUB/nav.xhtml").decode()
        first = nav.split('href="article-001.xhtml">', 1)[1].split("<", 1)[0]
        doc = copydesk.clean(copydesk.read(pages[name]))
        assert first not in _masthead(doc)
        story = next(b for b in doc.blocks if isinstance(b, Article))
        assert sum(len(p.text.split()) for p in iter_blocks(story)) > 100


@pytest.mark.parametrize(("line", "date"), [
    ("NEW-YORK, FRIDAY, MAY 1, 1903. - FOURTEEN PAGES.", "1903-05-01"),
    ("FEBRUARY 171824.", "1824-02-17"),  # the day run into the year
    ("Zürich, Montag, 22. Dezember 1890", "1890-12-22"),
    ("NEW- YORK. FRIDAY, 31 AY 1, 1903.", "1903"),  # the month lost: the year alone
    ("Mardi 3 mars 1925", "1925-03-03"),
    ("The council met on Friday", None),
    ("Opened in 1903 by the mayor", None),
])
def test_issue_dates_read_from_date_lines(line, date):
    from copydesk.pagelayout.masthead import iso_date

    assert iso_date(line) == date


def test_tei_names_the_issues_date(statesman, tmp_path):
    out = tmp_path / "statesman.xml"
    copydesk.write(statesman, out, "tei")
    assert '<date when="1824-02-17">' in out.read_text(encoding="utf-8")


def test_a_reports_title_under_its_date_line_is_no_masthead():
    """A research note's head: a date line, then the title in display type, then its share
    price (with the day's date) and rating. A date alone, naming no weekday, is no issue's
    date line, and a price with a year is no newspaper's: none of it is a masthead."""
    def line(text: str, x: int, y: int, size: int) -> str:
        words = " ".join(f"<span class='ocrx_word'>{w}</span>" for w in text.split())
        return (f"<span class='ocr_line' title='bbox {x} {y} {x + 30 * len(text)} "
                f"{y + size}; x_size {size}'>{words}</span>")

    body = "".join(line(t, 300, 900 + 60 * i, 40) for i, t in enumerate(
        ["The company reported higher output in the quarter and"] * 12))
    head = (line("7 October 2019", 300, 200, 40) + line("KIRKLAND LAKE GOLD Inc", 300, 400, 90)
            + line("Price (04 Oct 2019): US$46.64", 300, 560, 40)
            + line("Rating: Neutral", 1800, 560, 40))
    data = (f"<div class='ocr_page' title='bbox 0 0 2550 3300; scan_res 300'>{head}{body}"
            "</div>").encode()
    doc = copydesk.clean(copydesk.read(data, "hocr"))
    assert _masthead(doc) == []
    assert "KIRKLAND LAKE GOLD Inc" in [b.text for b in iter_blocks(doc) if isinstance(b, Heading)]


@pytest.mark.parametrize("line, anchors", [
    ("NEW-YORK, FRIDAY, MAY 1, 1903.-FOURTEEN PAGES.", True),  # names the weekday
    ("Mittwoch, 29. September 1943 Blatt 1 Morgenausgabe", True),
    ("29. September 1943 Blatt 1 Morgenausgabe", True),  # more than the date
    ("PRICE THREE CENTS.", True),
    ("No. 6906", True),
    ("7 October 2019", False),  # a report's date alone
    ("Price (04 Oct 2019): US$46.64", False),  # a share's price
])
def test_what_anchors_a_masthead(line, anchors):
    from copydesk.pagelayout.masthead import is_anchor

    assert is_anchor(line) is anchors
