"""Word frequencies (``wordfreq``), imported on first use.

wordfreq takes a fifth of a second to import; a conversion that never asks for a frequency
(plain text to Markdown, a writer alone) should not pay it, nor every batch worker at start.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1 << 17)
def zipf(word: str, language: str = "en") -> float:
    """The word's frequency on the Zipf scale (0: unknown; 7: "the"); a typographic
    apostrophe counts as a straight one (wordfreq's lists have ``don't``, not ``don’t``)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.replace("’", "'"), language)


def frequencies(language: str) -> dict[str, float]:
    """Every word wordfreq knows in ``language``, with its frequency (a share of all words)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict(language, wordlist="best")
