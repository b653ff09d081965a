"""The ``bylines`` cleaner: recognise author lines in print OCR before paragraphs are rebuilt.

Two kinds: an opening byline, "By Jane Doe" (names, "and", an optional ", role"), "Story by
Jane Doe", "Jane Doe, Staff Writer" or "Jane Doe | Staff Writer" (a name and a newsroom
role), alone in its group of lines or as the group's first line; and a closing one, alone in
its group: a contributor note ("Jane Doe is a contributing editor in London."), an agency's
credit line ("Reporting by Jane Doe; Editing by John Roe") or a signature ("— Jane Doe"). Each becomes a ``Byline`` block
(recorded as an edit of kind ``byline``, noting which kind), so ``reflow`` never joins it to a
paragraph and ``articles`` can attach it to its story. Use: on by default for print OCR, web
text and the layout readers (PDF, hOCR, ALTO);
``--no-clean bylines``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from copydesk import Byline, Cleaner, Document, Paragraph, hookimpl, lazyre
from copydesk.model.layout import Line
from copydesk.model.nodes import Block
from copydesk.textedit import EditLog
from copydesk.textlines import join_lines, join_stripped, map_line_groups, sentence_end

NAME = "bylines"
_NAME = r"[A-Z][\w.'’-]+"
_NAME_OR_INITIAL = r"[A-Z][\w.'’-]*"  # "J", as OCR reads a letter spaced off (J ANE DOE)
OPENING = lazyre.compile(
    rf"^(?:By|BY)\s+{_NAME_OR_INITIAL}(?:\s+(?:and\s+|&\s+)?{_NAME_OR_INITIAL}){{0,5}}"
    rf"(?:,\s*[\w ]{{0,40}}|\s+[|•·–—]\s+[^|•·]{{1,40}})?\.?$")  # "…, Reuters", "… | 3 March 2025"
CLOSING = lazyre.compile(
    rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s+(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,8}}?"
    r"(?:editor|correspondent|writer|reporter|journalist|columnist|contributor|analyst|author|"
    r"fellow|professor|researcher|freelancer?|critic|commentator)\b"
    r"|(?:writes|reports|covers)\s+(?:on|about|for|from)\b)[^.]{0,80}\.$"  # "… writes on X from Y."
)
_NAMES = rf"{_NAME}(?:\s+(?:and\s+|&\s+)?{_NAME}){{1,5}}"  # two names or more: a person
_ROLE = (r"(?:(?:Staff|Senior|Chief|Special|Contributing|Political|Business|Sports?|Science|"
         r"Foreign|Local|Associate|Deputy|Investigative|Managing)\s+)?(?:Writer|Reporter|"
         r"Correspondent|Editor|Columnist|Contributor|Photographer|Critic)s?")
# "Jane Doe, Staff Writer", "Jane Doe | Staff Writer", "Story by Jane Doe"
NAMED_ROLE = lazyre.compile(rf"^(?!The\b){_NAMES}\s*(?:,|\||[–—])\s*(?i:{_ROLE})\.?$")
STORY_BY = lazyre.compile(
    rf"^(?:Story|Text|Words|Written|Reported)(?:\s+and\s+\w+)?\s+by\s+{_NAMES}"
    rf"(?:,\s*[\w ]{{0,40}})?\.?$")
# a story signed at its foot: "— Jane Doe", "—JANE DOE"
SIGNED = lazyre.compile(rf"^[—–]\s*(?!The\b|THE\b){_NAME}(?:\s+{_NAME}){{1,3}}$")
NOTE_START = lazyre.compile(rf"{_NAME}\s+{_NAME}")  # a note opens with a name (a quick test)
REPORTING = lazyre.compile(
    r"^\(?(?:Additional )?(?:Reporting|Writing|Editing|Compiled)(?: and \w+)? by [A-Z].{0,200}$")
MAX_WORDS = 30
NOTE_LINES = 3  # a contributor note set without a blank line around it: lines at most


def byline_kind(text: str) -> str | None:
    """``"opening"`` for "By …", ``"closing"`` for a contributor note, else ``None``."""
    text = " ".join(text.split())
    if len(text.split()) > MAX_WORDS:
        return None
    if OPENING.match(text) or STORY_BY.match(text) or NAMED_ROLE.match(text):
        return "opening"
    if CLOSING.match(text) or REPORTING.match(text) or SIGNED.match(text):
        return "closing"
    return None


def _note_inside(lines: list[Line]) -> tuple[int, int] | None:
    """Where a contributor note of up to ``NOTE_LINES`` whole lines stands among more lines
    of its group (the page set no blank line between it and the story before or after):
    ``(start, end)`` of its lines. It starts the group or follows a finished sentence."""
    for start in range(len(lines)):
        if not NOTE_START.match(lines[start].text.lstrip()) or (
                start and not sentence_end(lines[start - 1].text.strip())):
            continue
        for end in range(start + 1, min(start + NOTE_LINES, len(lines)) + 1):
            if end - start < len(lines) and byline_kind(
                    join_lines(lines[start:end])[0]) == "closing":
                return start, end
    return None


def split_group(block: Paragraph, log: EditLog) -> list[Block]:
    kind = byline_kind(block.text)
    lines = block.lines
    before: list[Line] = []
    if kind is None and len(lines) > 1 and byline_kind(lines[0].text) == "opening":
        byline, rest = lines[:1], lines[1:]
        kind = "opening"
    elif kind is not None:
        byline, rest = lines, []
    elif (inside := _note_inside(lines)) is not None:
        start, end = inside
        before, byline, rest = lines[:start], lines[start:end], lines[end:]
        kind = "closing"
    else:
        return [block]
    text, marks = join_lines(byline)
    log.add("byline", text, text, byline[0].number, kind)
    out: list[Block] = []
    if before:
        out.append(Paragraph(text=join_stripped(before), lines=before))
    out.append(Byline(text=text, marks=marks, lines=byline))
    if rest:
        out.append(Paragraph(text=join_stripped(rest), lines=rest))
    return out


def bylines(doc: Document) -> Document:
    log = EditLog(doc, NAME)

    blocks = map_line_groups(doc.blocks, lambda group: split_group(group, log))
    return dataclasses.replace(doc, blocks=blocks, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=bylines, after=("captions",), before=("reflow",),
        default_for=("print-ocr", "web-text", "pdf", "alto", "hocr", "page"),
        description="recognise bylines and contributor notes",
    ))
