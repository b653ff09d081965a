"""Photo credits at the end of a caption: ``(AFP)``, ``[SpaceX via NASA]``, ``REUTERS/Jane Doe``,
``Photo: Jane Doe``.

Shared by the readers and cleaners that set captions apart (print OCR, web text, HTML, page
layout), so that all of them split a credit the same way.
"""

from __future__ import annotations

import re

from copydesk import lazyre

_NAME_WORD = r"[A-Z][\w.&'’-]*"
_CREDIT_NAME = rf"{_NAME_WORD}(?:[ /]+(?:{_NAME_WORD}|of|and|via|for))*"
CREDITS = (
    # "(AFP)", "(Reuters/Jane Doe)", "(Photo: Jane Doe)" after the sentence or a gap
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}})\(\s*((?:Photos?|Picture|Image|Credit)?:?\s*"
               rf"{_CREDIT_NAME})\s*\)$"),
    # "[SpaceX via NASA]", "[Photo: Jane Doe]": the same in square brackets
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}})\[\s*((?:Photos?|Picture|Image|Credit)?:?\s*"
               rf"{_CREDIT_NAME})\s*\]$"),
    # "REUTERS/Jane Doe", "AFP/Getty Images": an agency in capitals, a slash, a name
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}}|\s)([A-Z]{{2,}}(?: [A-Z]{{2,}})*\s*/\s*"
               rf"{_CREDIT_NAME})$"),
    # "Photo: Jane Doe/Reuters" as the end of the caption
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}})((?:Photo|Photograph|Picture|Image|Credit)s?:\s*"
               rf"{_CREDIT_NAME})$"),
)
MAX_CREDIT_WORDS = 6


def find_credit(text: str) -> re.Match[str] | None:
    """The photo credit ending ``text``, if it has one."""
    stripped = text.rstrip()
    if not ("(" in stripped or "[" in stripped or "/" in stripped or ":" in stripped):
        return None  # every credit pattern needs one of these
    for pattern in CREDITS:
        match = pattern.search(stripped)
        if match and len(match.group(1).split()) <= MAX_CREDIT_WORDS:
            return match
    return None


def split_credit(text: str) -> tuple[str, str | None]:
    """A caption's text and its photo credit (``None`` when it names none)."""
    match = find_credit(text)
    if match is None:
        return " ".join(text.split()), None
    return " ".join(text[: match.start()].split()), clean_credit(match.group(1))


def clean_credit(credit: str) -> str:
    """The credit without a leading label: ``Photo: Jane Doe`` -> ``Jane Doe``."""
    return re.sub(r"^(?:Photos?|Picture|Image|Credit):\s*", "", credit).strip()
