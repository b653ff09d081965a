"""The ``reflow`` cleaner: rebuild paragraphs from the lines of print OCR.

Every pair of consecutive body lines — across blank lines, column breaks and the pull quotes or
captions set between them — is either a wrapped line or a paragraph end. The evidence, in order:

1. a word split at the line end (``fight-``) continues, and so does a line that ends on an
   article, preposition or conjunction (``… did the``); a line of one capital letter (a drop
   cap read on its own) ends, and a bulleted line starts a paragraph;
2. when the document marks wrapped lines with trailing spaces (some OCR engines do, and the
   document shows it by its own statistics), the trailing space decides, unless a finished
   sentence is followed right under it by a word that would have fitted on its line (5.);
3. a lower-case start continues, unless the line is indented after a finished sentence (a lost
   drop cap: `` raqi warplanes``);
4. a line that does not end a sentence continues;
5. a finished sentence ends the paragraph when the next line's first word would have fitted on
   the line (no typesetter leaves that room inside a paragraph), when the next line is
   indented, or when the reader's page geometry (a gap, an indent) marks it as a start;
6. a full line that closes a quotation, followed by one that opens another, ends the paragraph
   (dialogue gives each speaker's turn its own paragraph), trailing space or not;
7. a full line ending a sentence, followed by a blank line, ends the paragraph when this
   document's blank lines mostly separate paragraphs (rather than mark column breaks): when
   short last lines stand before most of them, or when far more of them follow a finished
   sentence than the column breaks inside sentences let expect (a column breaks wherever it
   is full, so after a finished sentence as often as a line ends one).

Joined lines become one paragraph whose ``lines`` keep every source line; each line end is a
zero-width mark of kind ``"break"`` in the text (after the hyphen of a split word, which is
kept for ``dehyphenate`` to decide). Use: on by default for print OCR; ``--no-clean reflow``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from copydesk import Boilerplate, Byline, Cleaner, Document, Heading, Line, Paragraph, hookimpl
from copydesk.model.nodes import FLOATS, Block, Container
from copydesk.textlines import is_line_group, join_lines, sentence_end, split_end

NAME = "reflow"
BULLETS = "•▪◦●■‣⁃"
PROPORTIONAL_SPARE = 0.3  # how much wider than average the next word may be
MIN_BLANK_ENDS = 3  # blank lines after finished sentences needed to judge what they mean
SHORT_LAST = 0.8  # a line filling less of its column than this is short (a paragraph's last)
HALF_FULL = 0.5  # … and one filling less than this is no wrapped line in any setting
ROUNDING = 0.05  # characters: a line's fill is kept to three places, its width so recovered
# words no paragraph ends on: articles, prepositions and conjunctions that need what follows
NEVER_LAST = frozenset({"a", "an", "the", "of", "to", "and", "or", "nor", "but", "with", "from",
                        "by", "for", "at", "into", "onto", "upon", "than", "whose", "their",
                        "its", "our", "your", "my"})


@dataclass(frozen=True)
class Conventions:
    """What this document's lines tell about its typesetting."""

    trailing_space_wraps: bool  # a trailing space marks a wrapped line
    blank_is_paragraph: bool  # blank lines mostly separate paragraphs
    indent: int  # the usual indentation of a line


def conventions(lines: list[Line]) -> Conventions:
    """Learn the document's conventions from its own lines."""
    mid, final, blank_par, blank_all = 0, 0, 0, 0
    mid_ws, final_ws = 0, 0
    blank_mid, blank_final = 0, 0  # blank lines after a line inside a sentence, after an end
    for prev, line in itertools.pairwise(lines):
        text = prev.text.rstrip()
        has_ws = text != prev.text
        ends = sentence_end(text)
        if split_end(text):
            pass
        elif ends:
            final += 1
            final_ws += has_ws
        else:
            mid += 1
            mid_ws += has_ws
        if line.blank_before:
            blank_all += 1
            blank_par += ends and (prev.fill or 1) < SHORT_LAST
            blank_final += ends
            blank_mid += not ends
    trailing = mid >= 5 and mid_ws >= 0.9 * mid and final_ws <= 0.6 * max(final, 1)
    indents = sorted(_indent(line) for line in lines) or [0]
    return Conventions(
        trailing_space_wraps=trailing,
        blank_is_paragraph=blank_all > 0 and blank_par >= 0.5 * blank_all or _blanks_end_paragraphs(
            blank_final, blank_mid, final / max(1, final + mid)),
        indent=indents[(len(indents) - 1) // 2],
    )


def _blanks_end_paragraphs(after_end: int, inside: int, ending: float) -> bool:
    """Whether a blank line after a finished sentence mostly ends a paragraph, where blank
    lines also mark column breaks: a column breaks wherever it is full, so after a finished
    sentence about as often as a line ends one (``ending``); the blank lines inside sentences
    (``inside``) are such breaks, and say how many of those after an end (``after_end``) are
    breaks too. The rest end paragraphs; they must be most, and three at least."""
    if ending >= 1.0:
        return False
    breaks = inside * ending / (1.0 - ending)
    return after_end >= MIN_BLANK_ENDS and after_end - breaks >= 0.5 * after_end


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def continues(prev: Line, line: Line, conv: Conventions) -> bool:
    """Whether ``line`` continues the paragraph that ``prev`` is in."""
    text = prev.text.rstrip()
    start = line.text.lstrip()
    if split_end(text):
        return True
    if start[:1] in BULLETS:
        return False  # a list item
    if not any(c.isalnum() for c in start):
        return True  # punctuation alone (an ellipsis, a closing quote) never opens a paragraph
    if len(text.strip()) == 1 and text.strip().isupper():
        return False  # a drop cap read as a line of its own: dropcap joins it
    indented = _indent(line) > conv.indent
    ends_sentence = sentence_end(text)
    if not ends_sentence and text.rsplit(None, 1)[-1].lower() in NEVER_LAST:
        return True  # "… did the" / "Bolsheviki set up?": a wrapped line whatever its end
    if conv.trailing_space_wraps:
        if text != prev.text:
            if (ends_sentence and not start[:1].islower() and not line.blank_before
                    and _next_word_fits(prev, text, start)):
                # the next line right under it, its first word short enough for this one:
                # stronger than a trailing space, which some last lines keep
                return False
            if _turn_of_speech(text, start):
                return False
            if (ends_sentence and line.blank_before and conv.blank_is_paragraph
                    and (prev.fill or 1.0) < HALF_FULL):
                # a sentence ending half way across, then a blank line: more than a trailing
                # space, which some last lines keep (a wrapped line before a column break is full)
                return False
            return not (ends_sentence and indented and start[:1].islower())
        return not (ends_sentence or start[:1].isupper() or start[:1] in "\"“‘'«")
    if start[:1].islower():
        return not (ends_sentence and indented)
    if not ends_sentence:
        return True
    if indented or (line.box is not None and line.blank_before):
        return False  # indented, or a paragraph start the page geometry shows
    if _next_word_fits(prev, text, start):
        return False
    if _turn_of_speech(text, start):
        return False
    return not (line.blank_before and conv.blank_is_paragraph)


def _turn_of_speech(text: str, start: str) -> bool:
    """Whether a line closing a quotation (``text``, right-stripped) is followed by one that
    opens another (``start``): the next speaker's turn, a paragraph of its own."""
    return text[-1] in "”\"" and start[0] in "“\"" and text[-2:-1] in ".!?…,"


def _next_word_fits(prev: Line, text: str, start: str) -> bool:
    """Whether the first word of ``start`` would have fitted at the end of ``prev`` (its
    text ``text``, right-stripped): measured in characters; set in a proportional font (a
    reader that knows the geometry), a word's width varies, so it must fit with room to
    spare."""
    width = len(text) / prev.fill if prev.fill else len(text)
    spare = PROPORTIONAL_SPARE if prev.box is not None else 0.0
    return len(text) + 1 + len(start.split()[0]) * (1 + spare) <= width + ROUNDING


def reflow_blocks(blocks: list[Block], conv: Conventions) -> list[Block]:
    """Paragraphs rebuilt across the line groups of ``blocks``. Headings, bylines and
    ornaments (a woodcut read as a few huge letters) end a paragraph; other blocks (pull quotes, figures, furniture) are kept in order, after the
    paragraph they interrupted."""
    out: list[Block] = []
    current: list[Line] = []
    held: list[Block] = []

    def close() -> None:
        if current:
            text, marks = join_lines(current)
            out.append(Paragraph(text=text, marks=marks, lines=list(current)))
            current.clear()
        out.extend(held)
        held.clear()

    for block in blocks:
        if isinstance(block, Paragraph) and is_line_group(block):
            for line in block.lines:
                if current and not continues(current[-1], line, conv):
                    close()
                current.append(line)
        elif isinstance(block, (Heading, Byline)) or (
                isinstance(block, Boilerplate) and block.reason == "ornament"):
            close()  # a paragraph never runs on past a headline, a byline or an ornament
            out.append(block)
        elif isinstance(block, Container) and not isinstance(block, FLOATS):
            close()
            out.append(dataclasses.replace(block, blocks=reflow_blocks(block.blocks, conv)))
        elif current:
            held.append(block)
        else:
            out.append(block)
    close()
    return out


def body_lines(blocks: list[Block]) -> list[Line]:
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.extend(block.lines)
        elif isinstance(block, Container):
            lines.extend(body_lines(block.blocks))
    return lines


def reflow(doc: Document) -> Document:
    conv = conventions(body_lines(doc.blocks))
    return dataclasses.replace(doc, blocks=reflow_blocks(doc.blocks, conv))


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=reflow, default_for=("print-ocr", "pdf", "alto", "hocr", "page"),
        description="rebuild paragraphs across line and column breaks",
    ))
