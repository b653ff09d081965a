"""Regular expressions compiled on first use.

copydesk's modules hold some eighty patterns; compiling them all at import took a fifth of a
one-page conversion's start-up, though a run uses few of them. ``compile`` returns a stand-in
that compiles its pattern the first time a method is asked for, then holds the compiled
pattern's bound methods as its own attributes, so later calls cost what a compiled pattern's
do.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer",
            "groups", "groupindex", "flags")


class LazyPattern:
    """A ``re.Pattern`` compiled when first used."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self._flags)

    def __getattr__(self, name: str) -> Any:  # only for names not set yet: the first use
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = self.compiled()
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r})"


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """A pattern compiled the first time it is used (typed as what it stands for)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
