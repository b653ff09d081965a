"""The ``captions`` cleaner: find photo captions in print OCR and set them apart, credit separated.

A caption ends with a photo credit: a short capitalised name in parentheses after the
sentence (``… east of Erbil.   (AFP)``), an agency and photographer (``REUTERS/Jane Doe``,
``AFP/Getty Images``) or a label (``Photo: Jane Doe``, ``Credit: …``). From the credit line
the caption reaches back over the lines set like it — as wide as the credit line when that is
wider than the body column — or, at column width, to the start of its group of lines (at most
``MAX_LINES``). Lines after the credit in the same group go on as a group of their own. A line
``Caption: …`` (or ``Photo caption:``) also starts a caption.

Each caption becomes a ``Figure`` holding a ``Caption`` with ``credit`` set, recorded as an
edit (kind ``caption``). Runs before ``reflow``, so captions never join the body. Use: on by
default for print OCR; ``--no-clean captions``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from statistics import median

from copydesk import Caption, Cleaner, Document, Figure, Line, Paragraph, hookimpl, lazyre
from copydesk.credits import clean_credit, find_credit
from copydesk.model.nodes import Block
from copydesk.textedit import EditLog
from copydesk.textlines import SENTENCE_END, join_lines, map_line_groups

NAME = "captions"
MAX_LINES = 8
LABEL = lazyre.compile(r"^\s*(?:Photo\s+)?Caption:\s*", re.IGNORECASE)


def caption_start(lines: list[Line], end: int, body_width: float,
                  credit_alone: bool = False) -> int:
    """Index of the first line of the caption whose credit is on ``lines[end]``
    (``credit_alone``: with no caption text before it on that line)."""
    wide = len(lines[end].text.rstrip()) > 1.25 * body_width or (
        end > 0 and len(lines[end - 1].text.rstrip()) > 1.25 * body_width)
    start = end
    while start > 0 and end - start + 1 < MAX_LINES:
        prev = lines[start - 1]
        if LABEL.match(lines[start].text):
            break
        if wide and (start < end or not credit_alone) and len(
                prev.text.rstrip()) <= 1.15 * body_width:
            break  # (the caption's last line, above a credit set alone, may be short)
        if not wide and start <= end - 1 and SENTENCE_END.search(prev.text.rstrip()) and (
                prev.fill or 1) < 0.8:
            break  # the end of the paragraph before the caption
        start -= 1
    if not wide and start > 0 and end - start + 1 >= MAX_LINES:
        return end  # no sure start: the credit line alone
    return start


def split_group(block: Paragraph, body_width: float, log: EditLog) -> list[Block]:
    """The group with its captions made into figures; the rest stays as groups of lines."""
    lines = block.lines
    out: list[Block] = []
    rest = 0
    for i, line in enumerate(lines):
        match = find_credit(line.text)
        if match is None:
            continue
        alone = not line.text[:match.start()].strip()
        start = max(rest, caption_start(lines, i, body_width, alone))
        if start > rest:
            out.append(_group(lines[rest:start]))
        out.append(make_figure(lines[start : i + 1], match, log))
        rest = i + 1
    if rest == 0:
        return [block]
    if rest < len(lines):
        out.append(_group(lines[rest:]))
    return out


def _group(lines: list[Line]) -> Paragraph:
    return Paragraph(text=" ".join(" ".join(ln.text.split()) for ln in lines), lines=list(lines))


def make_figure(lines: list[Line], credit: re.Match[str], log: EditLog) -> Figure:
    last = lines[-1]
    trimmed = dataclasses.replace(last, text=last.text.rstrip()[: credit.start()].rstrip())
    caption_lines = [*lines[:-1], trimmed] if trimmed.text.strip() else lines[:-1]
    text, marks = join_lines(caption_lines)
    text = LABEL.sub("", text)
    credit_text = clean_credit(credit.group(1))
    log.add("caption", " ".join(ln.text.strip() for ln in lines), text, lines[0].number,
            f"credit: {credit_text}")
    offset = len(join_lines(caption_lines)[0]) - len(text)
    marks = [dataclasses.replace(m, start=m.start - offset, end=m.end - offset)
             for m in marks if m.start >= offset]
    return Figure(blocks=[Caption(text=text, credit=credit_text, marks=marks, lines=list(lines))])


def body_width(blocks: list[Block]) -> float:
    lengths = [len(ln.text.rstrip()) for b in blocks if isinstance(b, Paragraph) for ln in b.lines]
    return median(lengths) if lengths else 0.0


def captions(doc: Document) -> Document:
    log = EditLog(doc, NAME)
    width = body_width(doc.blocks)

    blocks = map_line_groups(doc.blocks, lambda group: split_group(group, width, log))
    return dataclasses.replace(doc, blocks=blocks, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=captions, before=("reflow",), default_for=("print-ocr", "web-text"),
        description="set photo captions apart, with their credits",
    ))
