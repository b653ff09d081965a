"""The ``web-text`` reader: the text of a news web page as a user copies or scrapes it.

Each line of such text is a paragraph, a heading or a piece of page furniture. The reader

- repairs mojibake and odd Unicode (``ftfy``; typographic quotes are kept);
- finds the title and the site name from the page-title line(s) (``Title | Site``, ``Title -
  Site``): the title is the longest left part, the site the part that the lines share;
- finds the body: from the first to the last line that reads as prose (``MIN_WORDS`` words or
  more and ending like a sentence, or ``LONG_WORDS`` words); lines before and after it that do
  not read as prose, and lines anywhere that are page furniture by their wording (share
  buttons, "Read more", cookie notices, "Label: 12345" ids), become ``Boilerplate`` blocks,
  kept but left out by writers (a line that reads as a byline or ends with a photo credit
  is left for the ``bylines`` and ``captions`` cleaners);
- notes the dateline opening the story (``BAGHDAD (Reuters) -``) in the metadata
  (``extra["dateline"]``), leaving the text as it is;
- joins a label line (``Caption:``, ``Photo:``) to the line it labels, so the ``captions``
  cleaner sees one caption; bylines, captions and the article container come from the
  ``bylines``, ``captions`` and ``articles`` cleaners, on by default for web text.

Text copied with or without blank lines between paragraphs reads the same. Recognised by
sniffing (long lines, one paragraph each); use ``-f web-text`` to be sure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from statistics import median

from copydesk import (
    Boilerplate,
    Document,
    Heading,
    Line,
    Paragraph,
    Reader,
    Source,
    hookimpl,
    lazyre,
)
from copydesk.credits import find_credit
from copydesk.model.nodes import Block, Metadata
from copydesk.plugins.cleaners.bylines import byline_kind
from copydesk.sources import decode_text
from copydesk.textlines import sentence_end

KIND = "web-text"
MIN_WORDS = 8
MAX_SITE_WORDS = 8  # the site part of a page-title line is a name, not a sentence
LONG_WORDS = 20
TITLE_SEPARATORS = lazyre.compile(r"\s+(?:\||–|—|-|::|»)\s+")
LABEL_ONLY = lazyre.compile(r"^\s*(?:Photo\s+)?(?:Caption|Photo|Image|Picture|Video)\s*:\s*$", re.IGNORECASE)
DATE_ONLY = lazyre.compile(  # "3 March 2025", "March 3, 2025", "Updated 10:42 AM, 2025-03-03"
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?,?\s*)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d)"
    r"(?:,?\s*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?)?$", re.IGNORECASE)
ID_LINE = lazyre.compile(r"^[\w .-]{1,30}:\s*[\w-]*\d[\w-]*$")  # "Media ID: 55361432"
FURNITURE = lazyre.compile(
    r"^(?:share(?: this| on \w+)?|tweet|e-?mail|print|comments?(?: \(\d+\))?|read more\b.*|"
    r"related(?: articles| stories| posts)?:?|more from\b.*|advertisement|sponsored(?: content)?|"
    r"skip to (?:main )?content|menu|search|home|subscribe\b.*|sign (?:in|up)\b.*|log ?in|"
    r"newsletter\b.*|follow us\b.*|(?:we|this (?:site|website)) uses? cookies\b.*|"
    r"accept(?: all)?(?: cookies)?|privacy policy|terms(?: of (?:use|service))?|"
    r"all rights reserved\b.*|©.*|copyright\b.*|back to top|next article|previous article|"
    r"click here\b.*|watch:.*|listen:.*|"
    r"[.…·>»› ]*(?:(?:show|see|load|view) )?(?:more|less)[.…·>»›: ]*)$",
    re.IGNORECASE,
)


DATELINE = lazyre.compile(
    r"^((?:[A-Z][A-Za-z.'’-]*[A-Z.'’-]|[A-Z]{2,})(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([A-Z][\w .&/-]{1,30}\))?)\s*[-–—:]\s+(?=[A-Z“\"‘])")


def dateline(text: str) -> str | None:
    """The dateline opening a news story (``BAGHDAD (Reuters) -``), if it has one."""
    match = DATELINE.match(text)
    if match and (match.group(1).split(",")[0].split(" (")[0].isupper() or "(" in match.group(1)):
        return match.group(1)
    return None


def is_prose(text: str) -> bool:
    words = len(text.split())
    return words >= LONG_WORDS or (words >= MIN_WORDS and sentence_end(text.rstrip()))


def is_furniture(text: str) -> bool:
    stripped = text.strip()
    return bool(FURNITURE.match(stripped) or ID_LINE.match(stripped))


def title_and_site(texts: list[str]) -> tuple[int | None, str | None, str | None]:
    """(index of the title line, title, site name) from lines like ``Title | Site``."""
    candidates = []
    for i, text in enumerate(texts):
        parts = TITLE_SEPARATORS.split(text.strip(), maxsplit=1)
        if (len(parts) == 2 and not is_prose(parts[0]) and len(parts[0].split()) >= 2
                and len(parts[1].split()) <= MAX_SITE_WORDS and not sentence_end(parts[1])
                and not byline_kind(parts[0]) and not DATE_ONLY.match(parts[1])):
            candidates.append((i, parts[0].strip(), parts[1].strip()))
    if not candidates:
        return None, None, None
    index, title, right = max(candidates, key=lambda c: len(c[1].split()))
    site = right
    for _, _, other in candidates:
        shared = _shared_start(right, other)
        if other is not right and len(shared) >= 3:
            site = shared
    return index, title, _site_case(site)


def headline(texts: list[str], first: int) -> int | None:
    """Where no page-title line names the title: the headline, the nearest line above the
    first paragraph of prose that reads as one (three words or more, no menu separators, not
    a byline, a date, a credit, furniture or a sentence)."""
    for i in range(min(first, len(texts)) - 1, -1, -1):
        text = texts[i]
        if byline_kind(text) or DATE_ONLY.match(text) or find_credit(text) or LABEL_ONLY.match(text):
            continue
        if (is_furniture(text) or TITLE_SEPARATORS.search(text) or len(text.split()) < 3
                or text.endswith(".")):
            return None
        return i
    return None


def _shared_start(a: str, b: str) -> str:
    """The words both strings start with (case aside), in ``a``'s spelling."""
    words_a, words_b = a.split(), b.split()
    n = 0
    while n < min(len(words_a), len(words_b)) and words_a[n].lower() == words_b[n].lower():
        n += 1
    return " ".join(words_a[:n])


def _site_case(site: str) -> str:
    """Capitals as in a name: an all-capitals or oddly cased site name is title-cased."""
    parts = re.split(r"([\s-])", site)
    if all(p[:1].isupper() for p in parts if p.strip() and p != "-") and not site.isupper():
        return site
    return "".join(p[:1].upper() + p[1:].lower() if p.isalpha() else p for p in parts)


def read_web_text(source: Source) -> Document:
    text = source.read_text(repair=True)
    lines = [Line(text=t, number=n) for n, t in enumerate(text.split("\n"), 1) if t.strip()]
    texts = [line.text.strip() for line in lines]
    title_at, title, site = title_and_site(texts[:15])
    prose = [i for i, t in enumerate(texts) if is_prose(t) and not is_furniture(t)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    if title_at is None and prose and (found := headline(texts, first)) is not None:
        title_at, title = found, " ".join(texts[found].split())
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line, text = lines[i], texts[i]
        if i == title_at:
            blocks.append(Heading(text=title or text, lines=[line], level=1))
        elif LABEL_ONLY.match(text) and i + 1 < len(lines):
            pair = [line, lines[i + 1]]
            blocks.append(Paragraph(text=f"{text} {texts[i + 1]}", lines=pair))
            i += 1
        elif is_furniture(text) or ((i < first or i > last) and not (
                is_prose(text) or byline_kind(text) or find_credit(text))):
            reason = "navigation" if i < first else "page-end" if i > last else "furniture"
            blocks.append(Boilerplate(text=text, lines=[line], reason=reason))
        else:
            blocks.append(Paragraph(text=" ".join(text.split()), lines=[line]))
        i += 1
    meta = Metadata(title=title, site_name=site)
    opening = next((b for b in blocks if isinstance(b, Paragraph) and is_prose(b.text)), None)
    if opening is not None and (found := dateline(opening.text)):
        meta.extra["dateline"] = found
    return Document(metadata=meta, blocks=blocks)


def sniff_web_text(head: bytes, name: str) -> float:
    """Confidence that ``head`` is copied web text: whole paragraphs on single lines (lines of
    prose hold most of the text); lines almost never wrap mid-sentence."""
    lines = [ln.strip() for ln in decode_text(head).split("\n")[:-1] if ln.strip()]
    if len(lines) < 3 or head.lstrip()[:1] in (b"<", b"{"):
        return 0.0
    prose = [ln for ln in lines if len(ln.split()) >= 15 and sentence_end(ln)]
    wrapped = sum(not sentence_end(a) and b[:1].islower()
                  for a, b in itertools.pairwise(lines)) / (len(lines) - 1)
    share = sum(map(len, prose)) / sum(map(len, lines))
    if len(prose) >= 2 and share >= 0.4 and wrapped < 0.1:
        return 0.5
    if median(len(ln) for ln in lines) >= 80 and wrapped < 0.1:
        return 0.4
    return 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_web_text, extensions=("txt",), sniff=sniff_web_text, kind=KIND,
        description="text copied from a news web page (title, furniture, captions)",
    ))
