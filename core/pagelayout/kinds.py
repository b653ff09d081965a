"""What each group of lines is, by its type and place: heading, caption, pull quote, body."""

from __future__ import annotations

from collections import Counter
from statistics import median

from copydesk.credits import MAX_CREDIT_WORDS, find_credit, split_credit
from copydesk.model.layout import Box, Line
from copydesk.model.nodes import (
    Block,
    Boilerplate,
    Caption,
    Figure,
    Heading,
    Paragraph,
    PullQuote,
    Table,
)
from copydesk.pagelayout.page import (
    FIGURE_LABEL,
    HEADING_SIZE,
    REGION_KINDS,
    Page,
    between_rules,
    bounds,
    by_picture,
    picture_of,
)
from copydesk.pagelayout.paragraphs import TYPE_CHANGE, is_initial
from copydesk.pagelayout.tables import table_text
from copydesk.pictures import address
from copydesk.textlines import SENTENCE_END, join_stripped, split_end

QUOTE_SIZE = 1.15  # type this much larger, in italic or between rules, sets a pull quote
FULL = 0.9  # a line reaching this far across its column is full (running text)
TITLE_SIZE = 1.6  # and this much larger, an article's headline
SMALL_SIZE = 0.92  # type this much smaller than the body's is a caption's (or a credit's)
MIN_QUOTE_WORDS = 5
CAPTION_WORDS = 8  # a line in capitals by a picture this long is its caption, not a headline
DECK_LINES, DECK_WORDS = 3, 25  # the most a deck (a headline's second part) runs to
STACK_SIZE = 0.05  # headings this close in size, one right under the other, are one
RUN_ON_WORDS = 5  # a "heading" this long, mostly in lower case, may be a paragraph's first line
ORNAMENT_SIZE, ORNAMENT_LETTERS = 4.0, 4  # "type" this large with this few letters is a picture
ORNAMENT_MARKS = 5  # a line of this many stars or dingbats, and fewer letters, is an ornament
DINGBATS = frozenset("*#=~+×✱✳✶★☆●■□◆◇♦❖✦✧⁂※")
PICTURE_SIDE = 72.0  # points: a picture standing alone (no caption) is this big each way
PICTURE = "\ufffc"  # the text of a line standing in for such a picture in the reading order


def is_heading(group: list[Line], size: float) -> bool:
    """A short group set in type larger than the body's, or in bold with its last line short
    of the column's edge, starting with a capital or a section number (not a long sentence)."""
    words = sum(len(ln.text.split()) for ln in group)
    first = group[0].text.lstrip()[:1]
    if len(group) > 3 or words > 20 or not size or not (first.isupper() or first.isdigit()):
        return False
    if words >= 8 and SENTENCE_END.search(group[-1].text.rstrip()):
        return False  # a whole sentence in display type: a pull quote, if anything
    larger = all((ln.font_size or 0) >= HEADING_SIZE * size for ln in group)
    body_or_larger = all((ln.font_size or size) >= SMALL_SIZE * size for ln in group)
    # bold at body size: a heading stops short of the column's edge (justified text fills it);
    # so does one line in italic that is no sentence (``Elastic Stop Nut``)
    short = (group[-1].fill or 0.0) < FULL
    italic_line = len(group) == 1 and words <= 10 and group[0].italic and not SENTENCE_END.search(
        group[0].text.rstrip())
    return larger or (body_or_larger and short and (all(ln.bold for ln in group) or italic_line))


def centred(group: list[Line], left: float, right: float, height: float, size: float) -> bool:
    """A heading centred in its column, set apart by space on both sides: one line in
    capitals at the body's size (the section heading of older papers, ``WEST INDIES.``), or
    up to three lines in type a little larger than the body's (``Beantwortung der Frage:``)."""
    words = sum(len(ln.text.split()) for ln in group)
    if len(group) > 3 or words > 20 or any(ln.box is None for ln in group):
        return False
    letters = [c for ln in group for c in ln.text if c.isalpha()]
    if len(letters) < 4:
        return False
    capitals = len(group) == 1 and words <= 8 and sum(c.isupper() for c in letters) >= 0.7 * len(
        letters)
    larger = bool(size) and _group_size(group) >= QUOTE_SIZE * size and not (
        words >= 8 and SENTENCE_END.search(group[-1].text.rstrip()))  # (a quote, if anything)
    if not (capitals or larger):
        return False
    for line in group:
        before, after = line.box.x0 - left, right - line.box.x1  # type: ignore[union-attr]
        if min(before, after) < 1.5 * height or abs(before - after) > max(
                2 * height, 0.15 * (right - left)):
            return False
    return True


def _mostly_marks(text: str) -> bool:
    """Whether a line is mostly stars and dingbats (``Its r *********``): fewer letters and
    digits than other marks, with ``ORNAMENT_MARKS`` stars or dingbats at least (an
    asterism, ``* * *``, parts a story's sections and stays; leader dots and dashes run
    through a price list's rows)."""
    if sum(map(text.count, DINGBATS)) < ORNAMENT_MARKS:
        return False  # (most lines: told without looking at every letter)
    marks = [c for c in text if not c.isspace()]
    return sum(c.isalnum() for c in marks) < 0.5 * len(marks)


def _capitals_caption(group: list[Line]) -> bool:
    """A line or two in capitals, long for a headline, by a picture: its caption, as older
    papers set them (``PALACE OF LIBERAL ARTS, IN WHICH THE … CEREMONIES WERE HELD``)."""
    letters = [c for ln in group for c in ln.text if c.isalpha()]
    words = sum(len(ln.text.split()) for ln in group)
    return len(group) <= 2 and words >= CAPTION_WORDS and sum(
        c.isupper() for c in letters) >= 0.9 * len(letters)


def _group_size(group: list[Line]) -> float:
    return median(ln.font_size or 0.0 for ln in group)


def classify(group: list[Line], page: Page, size: float, height: float,
             column: tuple[float, float]) -> str:
    """What a group of lines is, by its type and place in the ``column`` (its left and right
    edges): ``initial``, ``caption``, ``pullquote``, ``heading``, ``ornament`` or
    ``paragraph``."""
    if len(group) == 1 and is_initial(group[0], height):
        return "initial"
    regions = {ln.region for ln in group}
    if len(regions) == 1 and (given := REGION_KINDS.get(group[0].region or "")):
        return given
    own = _group_size(group)
    text = " ".join(ln.text for ln in group)
    if size and own >= ORNAMENT_SIZE * size and sum(c.isalpha() for c in text) < ORNAMENT_LETTERS:
        return "ornament"  # a woodcut or a rule the engine read as a few huge letters
    if _mostly_marks(text):
        return "ornament"  # a row of stars or dingbats parting an advert from the next
    # smaller than the body's type, and than most of this page's (a document that sets part
    # of its text smaller, as a regulation's rule text, has no captions for it)
    smaller = bool(own and size and own <= SMALL_SIZE * min(size, page.type_size or size))
    labelled = bool(FIGURE_LABEL.match(text)) and len(text.split()) <= 80
    pictured = by_picture(group, page.figure_areas, height)
    if (smaller and (pictured or find_credit(text) or labelled)) or (
            labelled and not own >= HEADING_SIZE * size) or (pictured and _capitals_caption(group)):
        return "caption"
    larger = own >= QUOTE_SIZE * size if own and size else False
    if larger and len(text.split()) >= MIN_QUOTE_WORDS and not any(ln.bold for ln in group) and (
            all(ln.italic for ln in group) or between_rules(group, page.rules, height)):
        return "pullquote"
    if is_heading(group, size) or centred(group, *column, height, size):
        return "heading"
    return "paragraph"


def loose_pictures(page: Page, body: list[Line]) -> list[Box]:
    """The page's picture areas that may stand as pictures of their own, where the page's
    image is known (to cut them from): an inch or more each way (in points), with no line
    of the body on them (a frame round text, a drawing with its labels)."""
    if page.image is None:
        return []
    return [p for p in page.pictures if min(p.width, p.height) >= PICTURE_SIDE and not any(
        ln.box is not None and p.x0 <= (ln.box.x0 + ln.box.x1) / 2 <= p.x1
        and p.y0 <= (ln.box.y0 + ln.box.y1) / 2 <= p.y1 for ln in body)]


def figure(group: list[Line], credit: list[Line] | None, src: str | None = None) -> Figure:
    """A caption's lines (and those of its credit, set apart) as a figure (of the picture
    at ``src``, where known)."""
    text = join_stripped(group)
    if credit:
        caption, shown = " ".join(text.split()), join_stripped(credit)
        credit_text = split_credit(f"({shown.strip('()')})")[1] or shown
    else:
        caption, credit_text = split_credit(text)
    return Figure(src=src, alt=(caption or None) if src else None, blocks=[
        Caption(text=caption, credit=credit_text, lines=[*group, *(credit or [])])])


def page_blocks(page: Page, groups: list[list[Line]], size: float,
                column: tuple[float, float] | None = None,
                tables: list[Table] | None = None) -> list[Block]:
    """A column's groups of lines as blocks, by what each group is; ``column``: the column's
    left and right edges where known (else those of the groups' lines); ``tables``: the
    page's tables, each standing in for a line of region "table" (``_stood_for``)."""
    lines = [ln for g in groups for ln in g]
    text = [ln for ln in lines if ln.text != PICTURE] or lines  # (a picture is no line of type)
    body = [ln for ln in text if abs((ln.font_size or size) - size) <= 0.05 * size] or text
    height = median(ln.box.height for ln in body)  # type: ignore[union-attr]
    left = Counter(round(ln.box.x0) for ln in lines).most_common(1)[0][0]  # type: ignore[union-attr]
    column = column or (float(left), sorted(ln.box.x1 for ln in lines)[int(0.9 * (len(lines) - 1))])  # type: ignore[union-attr]
    blocks: list[Block] = []
    skip = False
    for i, group in enumerate(groups):
        if skip:
            skip = False
            continue
        kind = classify(group, page, size, height, column)
        if kind == "table" and (table := _stood_for(group[0], tables or [])) is not None:
            blocks.append(table)
        elif kind == "figure" and group[0].text == PICTURE and group[0].box and page.image:
            blocks.append(Figure(src=address(page.image, group[0].box, page.to_pixels,
                                             page.image_page), alt=""))
        elif kind == "caption":
            after = groups[i + 1] if i + 1 < len(groups) else None
            credit = after if after is not None and _is_credit(after, group, size) else None
            skip = credit is not None
            picture = picture_of(group, page.figure_areas, height) if page.image else None
            blocks.append(figure(group, credit, address(
                page.image, picture, page.to_pixels, page.image_page)
                if page.image and picture else None))
        elif kind == "pullquote":
            blocks.append(PullQuote(text=join_stripped(group), lines=group))
        elif kind == "ornament":
            blocks.append(Boilerplate(text=join_stripped(group), lines=group, reason="ornament"))
        elif kind == "heading":
            large = (group[0].font_size or 0) >= TITLE_SIZE * size
            blocks.append(Heading(text=join_stripped(group), lines=group, level=1 if large else 2))
        else:
            blocks.append(Paragraph(text=join_stripped(group), lines=group))
    return blocks


def _stood_for(line: Line, tables: list[Table]) -> Table | None:
    """The table a line stands in for in the reading order (its index and text), if any."""
    number = line.number if line.number is not None else -1
    if 0 <= number < len(tables) and line.text == (table_text(tables[number]) or "-"):
        return tables[number]
    return None


def _is_credit(group: list[Line], caption: list[Line], size: float) -> bool:
    """A short line in small type right under a caption (its photo credit)."""
    if group[0].region == "credit":
        return True
    words = sum(len(ln.text.split()) for ln in group)
    own = _group_size(group)
    gap = bounds(group).y0 - bounds(caption).y1
    return len(group) == 1 and words <= MAX_CREDIT_WORDS and bool(own) and (
        own <= SMALL_SIZE * size) and gap < 2 * (caption[-1].box.height if caption[-1].box else 10)


def headlines(blocks: list[Block], size: float) -> list[Block]:
    """A page's blocks (in reading order) with each headline whole: the decks under a
    headline (short groups in display type, taken for pull quotes or paragraphs) made its
    sub-headings, and headings set one right under the other in the same type (a headline
    the engine cut in two blocks) made one."""
    out: list[Block] = []
    decks: set[int] = set()
    headline: Heading | None = None  # the heading the decks read so far belong to
    for block in blocks:
        prev = out[-1] if out else None
        if not isinstance(prev, Heading) or id(prev) not in decks:
            headline = prev if isinstance(prev, Heading) else None
        if headline is not None and isinstance(prev, Heading) and _deck(block, prev, headline,
                                                                         size):
            block = Heading(text=block.text, lines=block.lines,  # type: ignore[attr-defined]
                            level=min(headline.level + 1, 3))
            decks.add(id(block))
        if isinstance(prev, Heading) and isinstance(block, Paragraph) and _runs_on(prev, block):
            out[-1] = Paragraph(text=join_stripped([*prev.lines, *block.lines]),
                                lines=[*prev.lines, *block.lines])
            continue
        if isinstance(prev, Heading) and isinstance(block, Heading) and _stacked(prev, block):
            out[-1] = Heading(text=join_stripped([*prev.lines, *block.lines]),
                              lines=[*prev.lines, *block.lines], level=prev.level)
            if id(prev) in decks:
                decks.add(id(out[-1]))
            continue
        out.append(block)
    return out


def _deck(block: Block, above: Heading, headline: Heading, size: float) -> bool:
    """A short group in display type (but smaller than the headline's) right under the
    headline or a deck (``above``), sharing its column: a pull quote, a paragraph or a
    heading in smaller type."""
    if not isinstance(block, (PullQuote, Paragraph, Heading)) or not block.lines or not (
            above.lines and headline.lines) or not size:
        return False
    own, over = _group_size(block.lines), _group_size(headline.lines)
    display = QUOTE_SIZE if isinstance(block, PullQuote) else HEADING_SIZE
    if isinstance(block, Heading) and own > (1 - STACK_SIZE) * over:
        return False  # a heading in the headline's type: part of it, or a headline of its own
    return (len(block.lines) <= DECK_LINES and len(block.text.split()) <= DECK_WORDS
            and display * size <= own <= (1 + STACK_SIZE) * over
            and _right_under(above.lines, block.lines))


def _runs_on(heading: Heading, block: Paragraph) -> bool:
    """Whether a "heading" is the first line of the paragraph right under it, in that
    paragraph's type (a lead set larger than the body, its first line indented; a line the
    OCR took for bold): the paragraph goes on in lower case, and the heading's last word is
    split at the line end, or it is a long clause in lower case that no sentence end closes
    (``Spain and France, whose sons made a deathless`` / ``record of heroism…``)."""
    a, b = _group_size(heading.lines), _group_size(block.lines)
    if not (block.text.lstrip()[:1].islower() and a and b and max(a, b) <= TYPE_CHANGE * min(a, b)
            and _right_under(heading.lines, block.lines)):
        return False
    text = heading.text.rstrip()
    words = text.split()
    lower = sum(w[:1].islower() for w in words)
    return split_end(text) or (len(words) >= RUN_ON_WORDS and lower >= len(words) / 2
                               and not SENTENCE_END.search(text))


def _stacked(upper: Heading, lower: Heading) -> bool:
    a, b = _group_size(upper.lines), _group_size(lower.lines)
    return bool(a and b) and abs(a - b) <= STACK_SIZE * max(a, b) and _right_under(
        upper.lines, lower.lines)


def _right_under(upper: list[Line], lower: list[Line]) -> bool:
    """Whether ``lower`` starts under ``upper``'s last line within two of its own lines
    (headlines are leaded generously), sharing half the narrower one's width."""
    if any(ln.box is None for ln in (*upper, *lower)):
        return False
    top, foot = bounds(lower), bounds(upper)
    shared = max(0.0, min(top.x1, foot.x1) - max(top.x0, foot.x0))
    height = lower[0].box.height  # type: ignore[union-attr]
    return -0.3 * height <= top.y0 - foot.y1 <= 2 * height and shared >= 0.5 * min(
        top.width, foot.width)
