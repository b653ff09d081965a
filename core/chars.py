"""Characters that output formats cannot carry, and how to drop them."""

from __future__ import annotations

from copydesk import lazyre

# C0 controls but tab and newline, lone surrogates, and the non-characters U+FFFE/U+FFFF:
# none may appear in XML 1.0, and CommonMark turns NUL into U+FFFD.
_UNCARRIABLE = lazyre.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` without the characters no output format can carry (see module docstring)."""
    return _UNCARRIABLE.sub("", text)
