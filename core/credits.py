"""Photo credits at the end of a caption: ``(AFP)``, ``[SpaceX via NASA]``, ``REUTERS/Jane Doe``,
``AP Photo/Jane Doe``, ``Photo: Jane Doe``. Names in brackets after a caption that ends
without a stop are a credit only where they name a photo agency or say "via" (``(UN)`` and
``[Amended]`` stay).

Shared by the readers and cleaners that set captions apart (print OCR, web text, HTML, page
layout), so that all of them split a credit the same way.
"""

from __future__ import annotations

import re

from copydesk import lazyre

_NAME_WORD = r"[A-Z][\w.&'’-]*"
_CREDIT_NAME = rf"{_NAME_WORD}(?:[ /]+(?:{_NAME_WORD}|of|and|via|for))*(?:,\s*File)?"
# the photo agencies whose names credit a picture on their own
_AGENCIES = ("AP|AFP|Reuters|REUTERS|Getty|Getty Images|EPA|Xinhua|Shutterstock|Alamy|"
             "Bloomberg|Anadolu|NurPhoto|Sipa|SOPA|Corbis|Magnum|Polaris|Redux|ANP|dpa|Keystone|"
             "TASS|Kyodo|Yonhap")
CREDITS = (
    # "(AFP)", "(Reuters/Jane Doe)", "(Photo: Jane Doe)" after the sentence or a gap
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}})\(\s*((?:Photos?|Picture|Image|Credit)?:?\s*"
               rf"{_CREDIT_NAME})\s*\)$"),
    # "[SpaceX via NASA]", "[File: Jane Doe/AP]": the same in square brackets
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}})\[\s*((?:Photos?|Picture|Image|Credit|File)?:?\s*"
               rf"{_CREDIT_NAME})\s*\]$"),
    # "(Reuters)", "[SpaceX via NASA]" after an unfinished sentence: only a name that is a
    # photo agency's, or one passed on "via" another ("§ 39.13 [Amended]" is no credit)
    lazyre.compile(rf"\s[(\[]\s*((?:File:\s*)?(?=[^()\[\]]*\b(?:{_AGENCIES}|via)\b)"
               rf"{_CREDIT_NAME})\s*[)\]]$"),
    # "REUTERS/Jane Doe", "AFP/Getty Images", "AP Photo/Jane Doe": an agency in capitals, a
    # slash, a name
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}}|\s)([A-Z]{{2,}}(?: [A-Z]{{2,}})*"
               rf"(?: Photos?)?\s*/\s*{_CREDIT_NAME})$"),
    # "Photo: Jane Doe/Reuters" as the end of the caption
    lazyre.compile(rf"(?:^\s*|(?<=[.!?”’\"])\s*|\s{{2,}})((?:Photo|Photograph|Picture|Image|Credit)s?:\s*"
               rf"{_CREDIT_NAME})$"),
)
MAX_CREDIT_WORDS = 6
NOT_CREDITS = frozenset({"File", "", "Photo", "Photos"})  # labels that name no one


def find_credit(text: str) -> re.Match[str] | None:
    """The photo credit ending ``text``, if it has one."""
    stripped = text.rstrip()
    if not ("(" in stripped or "[" in stripped or "/" in stripped or ":" in stripped):
        return None  # every credit pattern needs one of these
    for pattern in CREDITS:
        match = pattern.search(stripped)
        if match and len(match.group(1).split()) <= MAX_CREDIT_WORDS and clean_credit(
                match.group(1)) not in NOT_CREDITS:
            return match
    return None


# a credit that names a picture's maker in so many words: "AP Photo/…", "Photo: …",
# "Getty Images", an agency and a photographer ("REUTERS/Jane Doe", "NASA/JPL-Caltech")
_PICTURE_WORDS = lazyre.compile(r"\b(?:Photos?|Photograph|Picture|Image|Images|Getty|Shutterstock|"
                                r"Alamy)\b|/")


def picture_credit(text: str) -> re.Match[str] | None:
    """The photo credit ending ``text`` where it says it credits a picture (``(AP Photo/Jane
    Doe)``, ``(NASA/JPL-Caltech)``), not a report (``(AFP)``, ``(Reuters)``, which close wire
    stories' paragraphs too)."""
    match = find_credit(text)
    return match if match and _PICTURE_WORDS.search(match.group(1)) else None


def split_credit(text: str) -> tuple[str, str | None]:
    """A caption's text and its photo credit (``None`` when it names none)."""
    match = find_credit(text)
    if match is None:
        return " ".join(text.split()), None
    return " ".join(text[: match.start()].split()), clean_credit(match.group(1))


def clean_credit(credit: str) -> str:
    """The credit without a leading label or a trailing note that the picture is an old
    one: ``Photo: Jane Doe`` -> ``Jane Doe``, ``AP Photo/Jane Doe, File`` -> ``AP Photo/Jane Doe``."""
    credit = re.sub(r",\s*File$", "", credit.strip())
    return re.sub(r"^(?:Photos?|Picture|Image|Credit|File):\s*", "", credit).strip()
