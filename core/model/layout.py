"""Layout hints: the source lines a block was made from, with what the reader knew of them.

Plain-text readers fill in ``text`` and ``number`` only; readers that know geometry (PDF, hOCR,
ALTO) add the page, the box and the type. Cleaners use whatever is there and never require more.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, kw_only=True)
class Box:
    """A rectangle on the page, in the reader's units (PDF points, image pixels), origin top-left."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        if self.x0 > self.x1:  # a source may give the corners either way round
            self.x0, self.x1 = self.x1, self.x0
        if self.y0 > self.y1:
            self.y0, self.y1 = self.y1, self.y0

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(slots=True, kw_only=True)
class Line:
    """One source line exactly as read (trailing spaces and indentation kept)."""

    text: str
    number: int | None = None  # 1-based line number in the source file
    page: int | None = None  # 1-based page number
    box: Box | None = None
    font: str | None = None
    font_size: float | None = None
    bold: bool = False
    italic: bool = False
    blank_before: int = 0  # blank source lines directly before this one
    fill: float | None = None  # length relative to the estimated column width (1.0: full)
    hyphen_word: str | None = None  # the whole word its line-end hyphen splits, per the source
    column: int | None = None  # 1-based column of its page, on pages of several columns
    # the kind of region the source put the line in, where it says (PAGE-XML's region types:
    # heading, caption, credit, header, footer, page-number, drop-capital, marginalia…)
    region: str | None = None
    story: str | None = None  # the story the source puts the line in (a METS article's id)
    # the OCR engine's confidence (0-1) in each word of ``text`` (split at spaces), where the
    # source gives it (hOCR x_wconf, ALTO WC, PAGE-XML conf)
    confidences: list[float] = field(default_factory=list)
