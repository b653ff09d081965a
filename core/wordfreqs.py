"""Word frequencies (``wordfreq``), looked up without loading the whole list where that pays.

Importing wordfreq and loading a language's list costs about half a second: more than a
one-page conversion takes for everything else. So a word's frequency is read from a table
on disk (``copydesk.cache``; made from wordfreq's list the first time it is needed) until
someone asks for the whole list (``frequencies``: a long document, where loading pays) or
``LOAD_AFTER`` words have been looked up; from then on the list in memory answers. Both give wordfreq's own figures: a word of plain letters
is one token of its small letters, looked up and rounded as ``wordfreq.zipf_frequency``
does; any other word goes to wordfreq itself.
"""

from __future__ import annotations

import math
import sqlite3
from functools import cache, lru_cache

from copydesk import lazyre
from copydesk.cache import cached_db, cached_value, package_stamp

# languages whose tokeniser keeps a word of plain letters whole, in its small letters
PLAIN_TOKENS = frozenset({"en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl",
                          "cs"})
# words of letters, an apostrophe within (not after one letter: wordfreq parts "l'homme"),
# hyphens between: what wordfreq would split into tokens of its list as they stand
_PLAIN = lazyre.compile(
    r"(?![A-Za-z]')[A-Za-z]+(?:'[A-Za-z]+)*(?:-(?![A-Za-z]')[A-Za-z]+(?:'[A-Za-z]+)*)*")
_MINIMUM = 1e-9  # wordfreq's frequency for a word it lacks (Zipf 0)
LOAD_AFTER = 10_000  # words looked up on disk, after which the whole list is loaded
_loaded: dict[str, dict[str, float]] = {}
_asked: dict[str, int] = {}  # language -> words looked up on disk


def frequencies(language: str) -> dict[str, float]:
    """Every word wordfreq knows in ``language``, with its frequency (a share of all words);
    once loaded, it answers ``frequency`` too."""
    if language not in _loaded:

        def load() -> dict[str, float]:
            from wordfreq import get_frequency_dict

            return get_frequency_dict(language, wordlist="best")

        # (kept in the cache as read: a third of the time wordfreq takes to read its own)
        _loaded[language] = cached_value(
            f"wordlist-{language}", f"{package_stamp('wordfreq')} best {language}", load)
    return _loaded[language]


def frequency(word: str, language: str = "en") -> float:
    """The list's frequency of ``word`` as the list spells it (small letters); 0.0 for a
    word it lacks."""
    words = _loaded.get(language)
    if words is not None:
        return words.get(word, 0.0)
    return _stored(word, language)


@lru_cache(maxsize=1 << 16)
def _stored(word: str, language: str) -> float:
    db = _table(language)
    _asked[language] = _asked.get(language, 0) + 1
    if db is None or _asked[language] > LOAD_AFTER:  # (many words: loading the list pays)
        return frequencies(language).get(word, 0.0)
    try:
        row = db.execute("SELECT f FROM words WHERE w = ?", (word,)).fetchone()
    except sqlite3.Error:  # a damaged file: the list is loaded instead
        return frequencies(language).get(word, 0.0)
    return row[0] if row else 0.0


@lru_cache(maxsize=1 << 17)
def zipf(word: str, language: str = "en") -> float:
    """The word's frequency on the Zipf scale (0: unknown; 7: "the"); a typographic
    apostrophe counts as a straight one (wordfreq's lists have ``don't``, not ``don’t``)."""
    word = word.replace("’", "'")
    if language in PLAIN_TOKENS and _PLAIN.fullmatch(word):
        # (wordfreq's tokens: a hyphen parts words, an apostrophe within one does not; the
        # parts' frequencies combine as 1/f = 1/f1 + 1/f2, and one missing makes it unknown)
        freqs = [frequency(part, language) for part in word.lower().split("-")]
        return _as_zipf(1.0 / sum(1.0 / f for f in freqs) if all(freqs) else 0.0)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def _as_zipf(freq: float) -> float:
    """A listed frequency on the Zipf scale, rounded as wordfreq rounds it."""
    if not freq:
        freq = _MINIMUM
    else:
        freq = max(freq, _MINIMUM)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # noqa: FURB163 (as wordfreq)
    return round(math.log(freq, 10) + 9, 2)  # noqa: FURB163 (log10 may differ in the last bit)


@cache
def _table(language: str) -> sqlite3.Connection | None:
    def fill(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE words (w TEXT PRIMARY KEY, f REAL) WITHOUT ROWID")
        db.executemany("INSERT INTO words VALUES (?, ?)", frequencies(language).items())

    return cached_db(f"words-{language}", f"{package_stamp('wordfreq')} best {language}", fill)
