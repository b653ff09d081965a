"""A newspaper's masthead: the title, the date line, the number, volume and price and the
ears beside them, over the first story. Furniture, never a chapter or a headline; what can
be read of it (the paper's name, the issue's date, volume and number) goes to the metadata.

Evidence: the band at the top of a page above its first running text (a column of three lines
or more at the body's size) and its first picture; in it, lines a newspaper's masthead is
made of (a date line that names the weekday, a price, a number or volume) anchor the
masthead, and every line of the band level with them or above them belongs to it (the title,
whatever the OCR made of an engraved title, the motto, the weather box). Captions by a
picture, a headline under the first row of them (a report's title under its date line) and
what follows it, and lines further down (a banner headline) stay what they are.
"""

from __future__ import annotations

import math
import re

from copydesk import lazyre
from copydesk.model.layout import Line
from copydesk.pagelayout.page import HEADING_SIZE, Page, by_picture

BAND = 0.25  # share of the page height a masthead stays within
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4,
    "juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12,
}
_WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|"
             "mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|"
             "jeudi|vendredi|samedi|dimanche")
YEAR = lazyre.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
MONTH_DAY_YEAR = lazyre.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s*(\d{1,2})\b\W*"
    r"(1[5-9]\d\d|20\d\d)(?!\d)", re.IGNORECASE)
DAY_MONTH_YEAR = lazyre.compile(
    r"\b(\d{1,2})\.?\s*(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\W*"
    r"(1[5-9]\d\d|20\d\d)(?!\d)", re.IGNORECASE)
# OCR may run the day into the year ("FEBRUARY 171824.")
MONTH_DAYYEAR = lazyre.compile(r"\b(" + "|".join(_MONTHS) + r")\.?\s*(\d{1,2})(1[5-9]\d\d)\b",
                           re.IGNORECASE)
DATE_WORD = lazyre.compile(r"\b(" + "|".join(_MONTHS) + "|" + _WEEKDAYS + r")\b", re.IGNORECASE)
WEEKDAY = lazyre.compile(r"\b(" + _WEEKDAYS + r")\b", re.IGNORECASE)
DATE_PARTS = lazyre.compile(r"\b(" + "|".join(_MONTHS) + r")\b|\d+", re.IGNORECASE)
WORDS = lazyre.compile(r"[^\W\d_]+")
PRICE = lazyre.compile(r"^\W*(price|preis|prix|prezzo|precio)\b|\b(\d+|one|two|three|four|five|"
                   r"six|ten)\s*(cents?|pence|penny|centimes|rappen|pfennig)\b", re.IGNORECASE)
NUMBER = lazyre.compile(r"^\W*(?:no|nr|n°|№)\.?\s*(\d[\d.,]*\d|\d)", re.IGNORECASE)
VOLUME = lazyre.compile(r"\b(?:vol|volume|jahrgang|année)\.?\s*([IVXLC]+|\d+)\b", re.IGNORECASE)


def is_masthead_line(text: str) -> bool:
    """A line of the kind a masthead is made of: a date (a month or weekday with a year), a
    price, a number or a volume."""
    return bool(iso_date(text) or PRICE.search(text) or NUMBER.match(text)
                or VOLUME.search(text))


def is_anchor(text: str) -> bool:
    """A line that shows a newspaper's masthead: a price, a number or a volume, or an issue's
    date line, which names the weekday or carries more than the date ("FRIDAY, MAY 1, 1903",
    "29. September 1943 Blatt 1 … Morgenausgabe"; a report's or a letter's date alone at the
    top of its first page is none)."""
    if NUMBER.match(text) or VOLUME.search(text) or (PRICE.search(text)
                                                    and not YEAR.search(text)):
        return True  # (a price with a year is a share's: "Price (04 Oct 2019): US$46.64")
    if not iso_date(text):
        return False
    rest = DATE_PARTS.sub(" ", text)
    return bool(WEEKDAY.search(text)) or sum(len(w) >= 3 for w in WORDS.findall(rest)) >= 2


def masthead(page: Page, size: float) -> dict[int, Line]:
    """The page's masthead lines by id (none where its top holds no masthead)."""
    lines = [ln for ln in page.lines if ln.box is not None]
    if not lines or not page.height:
        return {}
    bottom = min([_running_text_top(lines, size), BAND * page.height,
                  *(p.y0 for p in page.pictures if p.y0 < BAND * page.height)])
    band = [ln for ln in lines if ln.box.y1 <= bottom + 0.5 * ln.box.height  # type: ignore[union-attr]
            and not by_picture([ln], page.pictures, ln.box.height)]  # type: ignore[union-attr]
    anchors = [ln for ln in band if is_anchor(ln.text)]
    if not anchors:
        return {}
    # a headline under the first row of them ends the masthead (a report's title under its
    # date line, over its price and rating)
    first = min(ln.box.y1 for ln in anchors)  # type: ignore[union-attr]
    cut = min((ln.box.y0 for ln in band if ln.box.y0 >= first and size  # type: ignore[union-attr]
               and (ln.font_size or 0) >= HEADING_SIZE * size
               and not any(_level(ln, a) for a in anchors)), default=math.inf)
    anchors = [ln for ln in anchors if ln.box.y1 <= cut]  # type: ignore[union-attr]
    last = max(anchors, key=lambda ln: ln.box.y1)  # type: ignore[union-attr]
    floor = last.box.y1 + last.box.height  # type: ignore[union-attr]
    return {id(ln): ln for ln in band if (ln.box.y0 + ln.box.y1) / 2 <= floor}  # type: ignore[union-attr]


def _level(a: Line, b: Line) -> bool:
    """Whether two lines stand level with each other (their heights overlap)."""
    return min(a.box.y1, b.box.y1) > max(a.box.y0, b.box.y0)  # type: ignore[union-attr]


def _running_text_top(lines: list[Line], size: float) -> float:
    """The top of the highest line that opens running text: two more lines at the body's
    size follow it at line spacing, starting where it starts."""
    body = sorted((ln for ln in lines if not size or abs((ln.font_size or size) - size)
                   <= 0.15 * size), key=lambda ln: ln.box.y0)  # type: ignore[union-attr]
    for i, line in enumerate(body):
        box, chain = line.box, 0
        assert box is not None
        for other in body[i + 1:]:
            near = other.box
            assert near is not None
            if near.y0 - box.y1 > box.height:
                break
            if abs(near.x0 - line.box.x0) <= box.height and near.y0 >= box.y1 - 0.3 * box.height:  # type: ignore[union-attr]
                chain += 1
                box = near
                if chain == 2:
                    return line.box.y0  # type: ignore[union-attr]
    return float("inf")


def issue_metadata(lines: list[Line]) -> dict[str, str]:
    """What can be read from a masthead's lines: ``title`` (the paper's name: its largest
    type that reads as words), ``date`` (ISO, or the year alone), ``volume``, ``number``."""
    out: dict[str, str] = {}
    for line in lines:
        text = " ".join(line.text.split())
        if "date" not in out:
            date = iso_date(text)
            if date:
                out["date"] = date
        if "number" not in out and (match := NUMBER.match(text)):
            out["number"] = match.group(1).rstrip(".,")
        if "volume" not in out and (match := VOLUME.search(text)):
            out["volume"] = match.group(1)
    words = [ln for ln in lines if _reads_as_words(ln.text) and not is_masthead_line(ln.text)]
    if words:
        title = max(words, key=lambda ln: ln.font_size or 0.0)
        if all((title.font_size or 0) > (ln.font_size or 0) for ln in lines if ln is not title):
            out["title"] = " ".join(title.text.split())
    return out


def iso_date(text: str) -> str | None:
    """An ISO date from a date line (``FRIDAY, MAY 1, 1903``, ``22. Dezember 1890``), the
    year alone where only it can be read beside a month or weekday; None if no date."""
    for pattern, order in ((MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_YEAR, "dmy"),
                           (MONTH_DAYYEAR, "mdy")):
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            day, month = int(parts["d"]), _MONTHS[parts["m"].lower()]
            if 1 <= day <= 31:
                return f"{parts['y']}-{month:02d}-{day:02d}"
    if DATE_WORD.search(text) and (year := YEAR.search(text)):
        return year.group(1)
    return None


def _reads_as_words(text: str) -> bool:
    """Whether a line is mostly letters in words (not what OCR makes of an engraving)."""
    chars = [c for c in text if not c.isspace()]
    words = [w for w in text.split() if len(w) >= 3 and w.strip(".,:;").isalpha()]
    return len(chars) >= 4 and sum(c.isalpha() for c in chars) >= 0.8 * len(chars) and (
        len(words) >= 1)
