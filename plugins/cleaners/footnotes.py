"""The ``footnotes`` cleaner: notes at the foot of a page set apart from the running text.

The last text of a page (above its folio and running foot) is read as footnotes when every
piece of it opens with a note's mark — a number of one or two digits, superscript figures,
or a sign (``*`` ``†`` ``‡`` ``§`` ``¶``), then its text — and the page shows that they are
notes, by one of:

- the page's own text refers to the first mark: the same superscript or sign set close after
  a word, or the number set close after a word or its punctuation (``end.1``, ``end1``);
- a rule stands above them (a line of ``_``, ``-`` or ``—`` alone);
- they are set smaller than the page's body (a layout input: its lines' type sizes).

On a page of several columns, notes at the foot of a column that the next column's text
follows in the reading order are found too, where all three show: smaller type, nothing of
the body under them in their column, and the page's text referring to the mark.

Each line that opens with a mark opens a note; the lines after it are its text. A note
becomes a ``Footnote`` block, where it stands, its mark as ``label`` (an edit records the
mark taken off its text); nothing else changes. When unsure, the text stays in the body:
a numbered list at a page's foot that nothing refers to, under no rule and in body type, is
left alone. Use: on by default for print OCR and layout inputs; ``--no-clean footnotes``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from statistics import median

from copydesk import (
    Boilerplate,
    Cleaner,
    Document,
    Footnote,
    PageBreak,
    Paragraph,
    hookimpl,
    lazyre,
)
from copydesk.model.layout import Line
from copydesk.model.nodes import Block, Mark
from copydesk.textedit import EditLog
from copydesk.textlines import join_lines

NAME = "footnotes"
SIGNS = "*†‡§¶"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a note's mark at the start of a line, then its text
MARK = lazyre.compile(rf"^\s*([{SUPERSCRIPTS}]{{1,3}}|[{SIGNS}]{{1,3}}|\d{{1,2}}(?=[.)]?\s))"
                      rf"[.)]?\s*(?=\S)")
RULE = lazyre.compile(r"^\s*[_\-—–=]{3,}\s*$")
SMALLER = 0.85  # notes' type against the page's body type, at most
MOST = 1 / 3  # the notes of a page take at most this share of its lines


def footnotes(doc: Document) -> Document:
    log = EditLog(doc, NAME)
    out: list[Block] = []
    page: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            out += _page(page, log)
            out.append(block)
            page = []
        else:
            page.append(block)
    out += _page(page, log)
    return dataclasses.replace(doc, blocks=out, edits=log.edits)


def _page(page: list[Block], log: EditLog) -> list[Block]:
    """One page's blocks with the notes at its foot, and at the feet of its columns, made
    footnotes."""
    return _column_feet(_page_foot(page, log), log)


def _column_feet(page: list[Block], log: EditLog) -> list[Block]:
    """Notes at the foot of a column, with the next column's text read after them (a layout
    input's page of several columns): a paragraph opened by a mark, set smaller than the
    page's body, with no body text under it in its column, whose mark the page refers to.
    All three, as nothing else (its place in the reading order) says it is a note."""
    texts = [b for b in page if isinstance(b, Paragraph) and b.lines]
    out = list(page)
    for i in reversed(range(len(page))):
        block = page[i]
        if not isinstance(block, Paragraph) or not block.lines or block.lines[0].box is None:
            continue
        first = MARK.match(block.lines[0].text)
        if first is None:
            continue
        body = [b for b in texts if b is not block]
        body_lines = [ln for b in body for ln in b.lines]
        if (_smaller(block.lines, body_lines) and _at_column_foot(block, body_lines)
                and _referred(first.group(1), " ".join(b.text for b in body))):
            out[i:i + 1] = _notes(block, log)
    return out


def _at_column_foot(block: Paragraph, body: list[Line]) -> bool:
    """Whether no body line stands under ``block`` in its column (they share its width)."""
    boxes = [ln.box for ln in block.lines if ln.box is not None]
    x0, x1 = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    foot = max(b.y1 for b in boxes)
    return not any(ln.box is not None and ln.box.y0 >= foot - 1 and min(ln.box.x1, x1)
                   - max(ln.box.x0, x0) > 0.5 * min(ln.box.width, x1 - x0) for ln in body)


def _page_foot(page: list[Block], log: EditLog) -> list[Block]:
    """One page's blocks with the notes at its foot made footnotes."""
    texts = [i for i, b in enumerate(page) if isinstance(b, Paragraph) and b.lines]
    if not texts:
        return page
    # the trailing paragraphs (boilerplate after them aside) that may hold notes
    tail: list[int] = []
    for i in reversed(range(len(page))):
        block = page[i]
        if isinstance(block, Boilerplate):
            if tail:
                break
            continue
        if not isinstance(block, Paragraph) or not block.lines:
            break
        tail.insert(0, i)
    notes_at: list[int] = []
    for i in reversed(tail):
        lines = [ln for ln in page[i].lines if not RULE.match(ln.text)]  # type: ignore[attr-defined]
        if lines and MARK.match(lines[0].text):
            notes_at.insert(0, i)
        else:
            break
    if not notes_at:
        return page
    body = [page[i] for i in texts if i < notes_at[0]]
    body_lines = [ln for b in body for ln in b.lines]  # type: ignore[attr-defined]
    note_lines = [ln for i in notes_at for ln in page[i].lines]  # type: ignore[attr-defined]
    worded = sum(1 for ln in note_lines if not RULE.match(ln.text))
    if not body_lines or worded > MOST * (len(body_lines) + worded):
        return page
    first = MARK.match(next(ln.text for ln in note_lines if not RULE.match(ln.text)))
    assert first is not None
    above = page[notes_at[0] - 1] if notes_at[0] > 0 else None
    ruled = RULE.match(note_lines[0].text) is not None or (
        isinstance(above, Paragraph) and all(RULE.match(ln.text) for ln in above.lines))
    if not (ruled or _referred(first.group(1), " ".join(b.text for b in body))  # type: ignore[attr-defined]
            or _smaller(note_lines, body_lines)):
        return page
    out = list(page)
    for i in reversed(notes_at):
        out[i:i + 1] = _notes(page[i], log)  # type: ignore[arg-type]
    return out


def _notes(block: Paragraph, log: EditLog) -> list[Block]:
    """The notes of one paragraph: each line that opens with a mark opens one (a rule line
    is left as the paragraph it is)."""
    groups: list[list[Line]] = []
    rules: list[Line] = []
    for line in block.lines:
        if RULE.match(line.text) and not groups:
            rules.append(line)
        elif MARK.match(line.text) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    out: list[Block] = [Paragraph(text=" ".join(ln.text.strip() for ln in rules), lines=rules)
                        ] if rules else []
    for lines in groups:
        text, marks = join_lines(lines)
        mark = MARK.match(text)
        assert mark is not None
        cut = mark.end()
        label = mark.group(1)
        log.add("footnote", text[:cut].strip(), "", lines[0].number,
                "the mark of a footnote, kept as its label")
        out.append(Footnote(text=text[cut:], label=label, lines=lines,
                            marks=[Mark(kind=m.kind, start=m.start - cut, end=m.end - cut,
                                        target=m.target) for m in marks if m.start >= cut]))
    return out


def _referred(label: str, body: str) -> bool:
    """Whether the page's text refers to the mark ``label``: set close after a word (or a
    word's punctuation), not as a number of its own."""
    if label[0] in SUPERSCRIPTS or label[0] in SIGNS:
        return re.search(rf"\w[.,;:!?”\"’')]*{re.escape(label)}(?![{SUPERSCRIPTS}{SIGNS}])",
                         body) is not None
    return re.search(rf"[^\W\d_][.,;:!?”\"’')]*{label}(?!\d)", body) is not None


def _smaller(notes: list[Line], body: list[Line]) -> bool:
    """Whether the notes are set smaller than the page's body (where the input says)."""
    note_sizes = [ln.font_size for ln in notes if ln.font_size]
    body_sizes = [ln.font_size for ln in body if ln.font_size]
    return bool(note_sizes and body_sizes) and median(note_sizes) <= SMALLER * median(body_sizes)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=footnotes, after=("boilerplate",),
        before=("reflow", "captions", "bylines", "pullquotes", "dropcap", "articles"),
        default_for=("print-ocr", "hocr", "alto", "page", "pdf", "scan"),
        description="notes at the foot of a page set apart from the running text",
    ))
