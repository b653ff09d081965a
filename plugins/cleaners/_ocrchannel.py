"""A noisy-channel model of OCR misreadings: which word was printed, given the word read.

For a word read ``o`` the candidates are the words ``c`` that the learned confusions turn into
``o`` (one confusion or two common ones: ``tho`` ← ``the``, ``Cieek`` ← ``Creek``, ``liis`` ←
``his``), plus ``o`` itself. Each is scored

    log P(o | c)  +  log P(c)  +  context(c)

- ``P(o | c)``: the product of the confusions' rates (``misreadings_model.json``, learned from
  real newspaper OCR beside its human correction by ``benchmarks/learn_misreadings.py``); for
  ``c = o``, the chance a word is read right (``READ_RIGHT``).
- ``P(c)``: the word's frequency (``wordfreq``); a word no list knows gets ``UNKNOWN``, more
  for a capitalised word inside a sentence (a name) and for a word the document repeats.
- ``context(c)``: how much likelier ``c`` is beside its neighbours than alone, from the
  bigram counts that ship with ``symspellpy`` (Google Books n-grams): only attraction counts,
  so a pair missing from the list costs nothing.

The posterior of the best candidate among all of them is the correction's confidence.

The tables (the lexicon's words, their beginnings, the precomputed variants, the bigrams)
are read from an SQLite file in the cache (``copydesk.cache``), made the first time, until a
document long enough to pay for loading them comes along (``load``); then from memory. Both
give the same answers: a one-page conversion need not load word lists of a million entries.

Why not SymSpell's own lookup: it finds every word within an edit distance, plausible or
not, and needs an index of deletions built at start-up (seconds, hundreds of MB); the
confusions generate only what OCR actually does, from a dictionary lookup per variant.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import sqlite3
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from itertools import repeat, takewhile
from operator import itemgetter
from pathlib import Path
from typing import Any

from copydesk.cache import cached_db, cached_value, package_stamp
from copydesk.wordfreqs import frequencies, frequency

MODEL = Path(__file__).with_name("misreadings_model.json")
KNOWN = "misreadings_words_{}.tsv.gz"  # variants of the lexicon's own words, precomputed
LONGEST = 3  # letters in one side of a confusion at most
READ_RIGHT = 0.9  # the chance that a word was read right
ENGINE_RANGE = (0.5, 0.99)  # the engine's word confidence, as that chance, kept within this
UNKNOWN = 1e-9  # frequency given to a word no list knows
NAME = 3e-8  # … to a capitalised one inside a sentence (a name, most likely)
REPEATED = 3e-7  # … per time the document uses it (up to five times)
REAL_WORD = 0.5  # a word as read that is a word must be this much less likely (log10)
MOST_CONTEXT = 4.0  # neighbours make a word at most this much likelier (log10; for speed)
CONTEXT = 1.0  # weight of the neighbours' attraction (log10 units per unit of PMI)
SECOND = 1e-2  # a word with two confusions: each at least this common
TWICE_REAL = 1e-4  # … and, when the word as read is a word, a word at least this common
FLOOR = 1e-6  # a confusion's rate at least
LEAST_COMMON = 1e-7  # a correction is a word at least this common (Zipf 2)
REAL_WORD_RATIO = 10.0  # a real word is corrected only to one this many times as common
CLEAN_NONWORDS, LEARNED_NONWORDS = 0.005, 0.05  # no-word shares: clean text; OCR as noisy as the learned
LEAST_LEVEL = 0.1  # a clean text's misreadings: this much rarer than that OCR's
UNLIKELY = 1e-4  # a reading less likely than this, P(o | c), is not considered


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str
    score: float  # log10 of P(o | c) P(c), before context
    channel: float  # P(o | c)


@cache
def confusions() -> dict[str, tuple[tuple[str, float], ...]]:
    """read → ((right, rate), …), from the shipped model."""
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return {read: tuple(sorted(((right, max(rate, FLOOR)) for right, rate, _ in rows),
                               key=lambda r: -r[1]))
            for read, rows in data["confusions"].items()}


@cache
def lexicon(language: str) -> dict[str, float]:
    """Word → frequency (``wordfreq``), lower case."""
    return frequencies(language)


@cache
def _ngrams() -> tuple[dict[str, str], dict[str, str], float, float]:
    spec = find_spec("symspellpy")  # its data files only: the package is not imported
    folder = Path(next(iter(spec.submodule_search_locations or ())) if spec else ".")
    # "word count" and "word word count" lines, split in C; counts stay text until looked up
    unigrams = dict(map(str.split, (folder / "frequency_dictionary_en_82_765.txt").read_text(
        encoding="utf-8").splitlines()))
    bigrams = dict(map(str.rsplit, (folder / "frequency_bigramdictionary_en_243_342.txt")
                       .read_text(encoding="utf-8").splitlines(), repeat(" "), repeat(1)))
    return (unigrams, bigrams, float(sum(map(int, unigrams.values()))),
            float(sum(map(int, bigrams.values()))))


def pair_zipf(a: str, b: str) -> float:
    """How common the two words ``a b`` (small letters) are in a row, on the Zipf scale of
    ``wordfreq`` (log10 of occurrences per billion pairs); 0 for a pair the list lacks."""
    t = tables("en")  # (the n-grams are English)
    pair = t.gram(f"{a} {b}")
    return math.log10(int(pair) / t.n_bi * 1e9) if pair else 0.0


@lru_cache(maxsize=1 << 16)
def attraction(a: str | None, b: str | None) -> float:
    """log10 of how much likelier ``a b`` is than ``a`` and ``b`` apart (0 when the bigram
    list does not have the pair, or the pair repels)."""
    if not a or not b:
        return 0.0
    t = tables("en")  # (the n-grams are English)
    pair = t.gram(f"{a} {b}")
    if not pair:
        return 0.0
    return max(0.0, math.log10(int(pair) / t.n_bi) - math.log10(int(t.gram(a) or 1) / t.n_uni)
               - math.log10(int(t.gram(b) or 1) / t.n_uni))


class Beginnings(dict[str, dict[str, float]]):
    """First letter → every beginning of the lexicon's words (at least ``LEAST_COMMON``
    common) with that letter, with the frequency of the commonest word it begins. A letter's
    table is made the first time a word with it is searched: a page searches few letters."""

    def __init__(self, by_letter: dict[str, list[tuple[str, float]]]) -> None:
        super().__init__()
        self._words = by_letter  # rarest first: the commonest word's frequency stays

    def __missing__(self, letter: str) -> dict[str, float]:
        heads = {word[:k]: freq for word, freq in self._words.get(letter, ())
                 for k in range(1, len(word) + 1)}
        self[letter] = heads
        return heads


@cache
def reach(language: str) -> Beginnings:
    """The beginnings of the lexicon's words by first letter (``Beginnings``): the search
    below follows a string only while it can still become a word common enough."""
    by_letter: dict[str, list[tuple[str, float]]] = {}
    for word, freq in sorted(((w, f) for w, f in lexicon(language).items()
                              if f >= LEAST_COMMON), key=itemgetter(1)):
        by_letter.setdefault(word[0], []).append((word, freq))
    return Beginnings(by_letter)


class _InMemory:
    """The tables as dictionaries and sets: loaded once (about half a second), then the fastest."""

    def __init__(self, language: str, parts: dict[str, Any] | None = None) -> None:
        parts = parts or self.parts(language)
        self.words = lexicon(language)
        self.common = parts["common"]
        self.heads = reach(language) if not parts["heads"] else Beginnings({})
        self.heads.update(parts["heads"])  # (every letter's, when made before)
        self.rows = parts["rows"]
        self.has_rows = self.rows is not None
        self.unigrams, self.bigrams, self.n_uni, self.n_bi = parts["ngrams"]
        self._endings: frozenset[str] | None = parts.get("endings")  # (or on the first search)
        self.common_among = self.common.intersection  # (a built-in: no call of ours)

    @staticmethod
    def parts(language: str, *, complete: bool = False) -> dict[str, Any]:
        """The tables as plain values (``complete``: every letter's beginnings, the endings)."""
        heads = reach(language)
        common = _common(language)
        return {"common": common, "rows": _known_rows(language), "ngrams": _ngrams(),
                "heads": {letter: heads[letter] for letter in list(heads._words)} if complete
                else {},
                **({"endings": _endings(common)} if complete else {})}

    def ends(self, low: str) -> list[bool]:
        """For each position of ``low``, whether what follows it ends some common word (a
        string read whose end ends none can become none)."""
        if self._endings is None:  # (not made where the tables only fill the SQLite file)
            self._endings = _endings(self.common)
        endings = self._endings
        return [low[k:] in endings for k in range(len(low) + 1)]

    def heads_of(self, letter: str) -> Mapping[str, float]:
        """The beginnings of the common words with first letter ``letter``."""
        return self.heads[letter]

    def row(self, word: str) -> str | None:
        return self.rows.get(word) if self.rows is not None else None

    def gram(self, key: str) -> str | None:
        return (self.bigrams if " " in key else self.unigrams).get(key)


@dataclass(frozen=True, slots=True)
class _HeadsOnDisk:
    """A letter's beginnings as ``_OnDisk`` has them: the ``get`` of a dictionary."""
    head: Callable[[str], float]

    def get(self, prefix: str, default: float = 0.0) -> float:
        return self.head(prefix) or default


class _OnDisk:
    """The same tables in an SQLite file of the cache: a lookup each, for short documents."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        meta = dict(db.execute("SELECT k, v FROM meta"))
        self.has_rows = bool(meta["rows"])
        self.n_uni, self.n_bi = float(meta["n_uni"]), float(meta["n_bi"])
        self.head = lru_cache(maxsize=1 << 16)(self._head)

    def ends(self, low: str) -> list[bool]:
        """Every ending taken as possible (the filter of the tables in memory is not stored)."""
        return [True] * (len(low) + 1)

    def common_among(self, strings: Iterable[str]) -> Iterable[str]:
        asked = list(strings)
        found: list[str] = []
        for at in range(0, len(asked), 500):
            part = asked[at:at + 500]
            found += (w for (w,) in self.db.execute(
                f"SELECT w FROM common WHERE w IN ({','.join('?' * len(part))})", part))
        return found

    def _head(self, prefix: str) -> float:
        row = self.db.execute("SELECT f FROM heads WHERE p = ?", (prefix,)).fetchone()
        return row[0] if row else 0.0

    def heads_of(self, letter: str) -> _HeadsOnDisk:
        return _HeadsOnDisk(self.head)

    def row(self, word: str) -> str | None:
        found = self.db.execute("SELECT r FROM rows WHERE w = ?", (word,)).fetchone()
        return found[0] if found else None

    def gram(self, key: str) -> str | None:
        found = self.db.execute("SELECT n FROM grams WHERE g = ?", (key,)).fetchone()
        return found[0] if found else None


def _endings(common: Iterable[str]) -> frozenset[str]:
    """Every ending of the common words (the empty one too)."""
    return frozenset(w[k:] for w in common for k in range(len(w) + 1))


_loaded: dict[str, _InMemory] = {}


def load(language: str) -> None:
    """Answer from memory from now on (a long document: loading the tables pays). The tables
    are kept in the cache as made (``cached_value``): read back in a third of the time it
    takes to make them."""
    if language not in _loaded:
        frequencies(language)  # (the word frequencies too)
        _loaded[language] = _InMemory(language, cached_value(
            f"misreadings-tables-{language}", _tables_stamp(language),
            lambda: _InMemory.parts(language, complete=True)))


def tables(language: str) -> _InMemory | _OnDisk:
    """The tables for ``language``: in memory once loaded, else from the cache's file where
    it can be made, else loaded."""
    if language in _loaded:
        return _loaded[language]
    on_disk = _on_disk(language)
    if on_disk is not None:
        return on_disk
    load(language)
    return _loaded[language]


def _tables_stamp(language: str) -> str:
    """What the tables are made from: the word list, the model, the variants, the n-grams."""
    known = MODEL.with_name(KNOWN.format(language))
    # (the installed word list told by its files: no importlib.metadata in a short run)
    return (f"{_stamp(language, package_stamp('wordfreq'))}; "
            f"variants {known.stat().st_size if known.exists() else 0} "
            f"{known.stat().st_mtime_ns if known.exists() else 0}; "
            f"{package_stamp('symspellpy')}")


@cache
def _on_disk(language: str) -> _OnDisk | None:
    stamp = _tables_stamp(language)

    def fill(db: sqlite3.Connection) -> None:
        memory = _InMemory(language)
        db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v)")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("rows", int(memory.has_rows)), ("n_uni", memory.n_uni), ("n_bi", memory.n_bi)])
        db.execute("CREATE TABLE common (w TEXT PRIMARY KEY) WITHOUT ROWID")
        db.executemany("INSERT INTO common VALUES (?)", ((w,) for w in memory.common))
        db.execute("CREATE TABLE heads (p TEXT PRIMARY KEY, f REAL) WITHOUT ROWID")
        db.executemany("INSERT INTO heads VALUES (?, ?)", (
            pair for letter in list(memory.heads._words) for pair in memory.heads[letter].items()))
        db.execute("CREATE TABLE rows (w TEXT PRIMARY KEY, r TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO rows VALUES (?, ?)", (memory.rows or {}).items())
        db.execute("CREATE TABLE grams (g TEXT PRIMARY KEY, n TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO grams VALUES (?, ?)", [
            *memory.unigrams.items(), *memory.bigrams.items()])

    db = cached_db(f"misreadings-{language}", stamp, fill)
    try:
        return _OnDisk(db) if db is not None else None
    except (sqlite3.Error, KeyError, ValueError):  # a damaged file: the lists are loaded
        return None


def least_correction(word: str, language: str) -> float:
    """How common a correction of ``word`` must be: a real word is only taken for a
    misreading of a word ``REAL_WORD_RATIO`` times as common (``tho`` of ``the``, ``arc`` of
    ``are``); any correction is at least ``LEAST_COMMON``."""
    return max(LEAST_COMMON, frequency(word.lower(), language) * REAL_WORD_RATIO)


@dataclass(frozen=True, slots=True)
class Rights:
    """What a string read may have been, in small letters (the lexicon's case)."""
    rate: dict[str, float]  # right side -> P(read | right), the likeliest where two fold
    every: tuple[str, ...]  # the right sides at least ``UNLIKELY``
    strong: tuple[str, ...]  # … at least ``SECOND``: the ones a second confusion may follow


@cache
def _rights() -> dict[str, Rights]:
    """The confusions by the string read."""
    table: dict[str, Rights] = {}
    for read, rows in confusions().items():
        rate: dict[str, float] = {}
        for right, r in rows:
            if r >= UNLIKELY and r > rate.get(right.lower(), 0.0):
                rate[right.lower()] = r
        table[read] = Rights(rate, tuple(rate), tuple(w for w, r in rate.items() if r >= SECOND))
    return table


@cache
def _common(language: str) -> frozenset[str]:
    """The lexicon's words at least ``LEAST_COMMON``: the only corrections there are."""
    return frozenset(w for w, f in lexicon(language).items() if f >= LEAST_COMMON)


def variants(word: str, language: str, least: float = LEAST_COMMON, *,
             capital_only: bool = False) -> dict[str, float]:
    """The words (small letters) that ``word`` may have been before OCR, by one or two
    confusions, with P(word | it), among words at least ``least`` common. Only strings that
    can still become such a word are followed: confusions are applied from left to right, so
    what lies left of the last one is final.
    ``capital_only``: only those whose first confusion is of the word's capital as read (the
    rest are those of the word in small letters)."""
    of = _rights().get
    upper = word[:1].isupper()
    capital = [(0, size, rights) for size in range(1, min(LONGEST, len(word)) + 1)
               if (rights := of(word[:size]))] if upper else []
    if capital_only and not capital:
        return {}
    matches = capital + [(i, size, rights) for i in range(1 if upper else 0, len(word))
                         for size in range(1, LONGEST + 1)  # by position, then size
                         if i + size <= len(word) and (rights := of(word[i:i + size]))]
    if upper:  # a capital read as it stands and as its small letter
        folded = word[0].lower() + word[1:LONGEST]
        matches[len(capital):len(capital)] = [
            (0, size, rights) for size in range(1, min(LONGEST, len(word)) + 1)
            if (rights := of(folded[:size]))]
    firsts = len(capital) if capital_only else len(matches)
    low = word.lower()
    found: dict[str, float] = {}
    t = tables(language)
    among = t.common_among
    ends = t.ends(low)
    own = t.heads_of(low[0]).get  # the beginnings of words that begin as ``low`` does
    # a real word is taken for two confusions only of a common word (``lho`` of ``the``)
    twice = least if least <= LEAST_COMMON else max(least, TWICE_REAL)
    # the confusions a second may be, by position: strong ones, whose string read ends a word
    seconds = [m for m in matches if m[2].strong and ends[m[0] + m[1]]]
    at = [m[0] for m in seconds]
    for i, size, rights in matches[:firsts]:
        before = low[:i]
        if i and own(before, 0.0) < least:
            break
        rest = low[i + size:]
        # every right side at once: the strings made, looked up in the lexicon together
        for new in among([before + r + rest for r in rights.every]) if ends[i + size] else ():
            rate = rights.rate[new[i:len(new) - len(rest)]]
            if rate > found.get(new, 0.0) and frequency(new, language) >= least:
                found[new] = rate
        later = seconds[bisect_left(at, i + size):]
        if not later:
            continue
        for right in rights.strong:  # a second confusion further right
            head = before + right
            head_of = own if i else t.heads_of(right[0]).get
            if head_of(head, 0.0) < twice:
                continue
            rate = rights.rate[right]
            last = -1
            for j, size2, rights2 in later:
                if j != last:  # (a longer beginning is at most as common: none follow)
                    last, middle = j, head + low[i + size:j]
                    if j > i + size and head_of(middle, 0.0) < twice:
                        break
                tail = low[j + size2:]
                for new in among([middle + r + tail for r in rights2.strong]):
                    both = rate * rights2.rate[new[len(middle):len(new) - len(tail)]]
                    if both > found.get(new, 0.0) and frequency(new, language) >= twice:
                        found[new] = both
    found.pop(low, None)
    return found


def _stamp(language: str, word_list: str | None = None) -> str:
    """What the precomputed variants depend on: the word list (``word_list``, by default
    wordfreq's version: the shipped file's stamp holds on any machine), the confusions, the
    search."""
    if word_list is None:
        from importlib.metadata import version

        word_list = f"wordfreq {version('wordfreq')}"
    model = hashlib.sha1(MODEL.read_bytes()).hexdigest()[:12]
    search = (LONGEST, UNLIKELY, SECOND, TWICE_REAL, LEAST_COMMON, REAL_WORD_RATIO)
    return (f"language {language}; {word_list}; model {model}; "
            f"search {' '.join(map(repr, search))}; forms small capital upper")


@cache
def _known_rows(language: str) -> dict[str, str] | None:
    """The precomputed variants' rows by word, unparsed; ``None`` when the file is missing or
    was made with another word list, model or search (then every word is searched)."""
    path = MODEL.with_name(KNOWN.format(language))
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        if lines.readline().rstrip("\n") != f"# {_stamp(language)}":
            return None
        return dict(line.rstrip("\n").partition("\t")[::2] for line in lines)


@lru_cache(maxsize=200_000)
def known_variants(word: str, language: str) -> dict[str, float] | None:
    """``variants`` of a word of the lexicon, precomputed for every such word (``python -m
    copydesk.plugins.cleaners._ocrchannel``) in small letters, with a capital first (those
    of the capital only) and in capitals: most words a page has are such words, and their
    search would be most of the cleaner's time. ``None`` when there is no such table for
    ``language``."""
    t = tables(language)
    if not t.has_rows:
        return None
    row = t.row(word)
    if not row:
        return {}
    return {new: float(rate) for new, _, rate in (pair.partition(" ") for pair in row.split("\t"))}


def write_known_variants(language: str = "en") -> Path:
    """Make the file ``known_variants`` reads: every word of the lexicon searched once."""
    path = MODEL.with_name(KNOWN.format(language))
    load(language)
    rows = [f"# {_stamp(language)}"]
    for word in lexicon(language):
        if word.isalpha() and word.islower():
            least = least_correction(word, language)
            for form, found in _known_forms(word, language, least):
                if found:
                    rows.append("\t".join([form, *(f"{new} {rate!r}" for new, rate in sorted(
                        found.items()))]))
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(rows) + "\n")
    return path


def _known_forms(word: str, language: str, least: float
                 ) -> Iterable[tuple[str, dict[str, float]]]:
    """The forms of a word of the lexicon (small letters) whose variants are precomputed,
    with them: itself; with a capital first (the variants of the capital); in capitals."""
    yield word, variants(word, language, least)
    capital = word[0].upper() + word[1:]
    yield capital, variants(capital, language, least, capital_only=True)
    if len(word) > 1:
        yield word.upper(), variants(word.upper(), language, least)


def _variants_of(word: str, language: str, least: float) -> dict[str, float]:
    """``variants``, from the precomputed table where ``word`` is a word of the lexicon in
    small letters, with a capital first or in capitals."""
    low = word.lower()
    if not (low.isalpha() and frequency(low, language)):
        return variants(word, language, least)
    if word == low or len(word) > 1 and word.isupper():
        found = known_variants(word, language)
        return variants(word, language, least) if found is None else found
    if word[1:] != low[1:]:
        return variants(word, language, least)
    found = known_variants(low, language)
    capital = known_variants(word, language)  # (the capital's own)
    if found is None or capital is None:
        return variants(word, language, least)
    found = dict(found)
    for new, rate in capital.items():
        if rate > found.get(new, 0.0):
            found[new] = rate
    return found


def recase(word: str, like: str) -> str:
    """``word`` in the case of ``like``: capitals, a capital first, or small letters."""
    return _case_of(like)(word)


def _case_of(like: str) -> Callable[[str], str]:
    """What puts a word in the case of ``like`` (``recase``)."""
    if like.islower():
        return str
    if sum(c.isupper() for c in like) > len(like) / 2 and len(like) > 1:
        return str.upper
    if like[:1].isupper():
        return _capital
    return str


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=200_000)
def candidates(word: str, language: str) -> tuple[Candidate, ...]:
    """Words of the lexicon ``word`` may be a misreading of, best first (without context and
    without ``word`` itself)."""
    least = least_correction(word, language)
    scored: dict[str, float] = {}
    forms = {word: _variants_of(word, language, least)}
    if not (word.islower() or word[1:].islower()):  # capitals: their small letters too
        forms[word.lower()] = _variants_of(word.lower(), language, least)
    if not any(forms.values()):
        return ()
    in_case = _case_of(word)  # (the case of the word as read)
    low = word.lower()
    for found in forms.values():
        for text, p in found.items():
            if text == low or not text.isalpha():
                continue
            out = in_case(text)
            score = math.log10(p) + math.log10(frequency(text, language))
            if score > scored.get(out, (-math.inf, 0.0))[0]:
                scored[out] = (score, p)
    return tuple(sorted((Candidate(w, s, p) for w, (s, p) in scored.items()),
                        key=lambda c: -c.score))


def error_level(nonwords: float) -> float:
    """How often a document's OCR misreads, against the newspaper OCR the confusions were
    learned from, judged by the share of its words in small letters that are no words
    (``nonwords``): clean text has about ``CLEAN_NONWORDS`` (rare words, names), that OCR
    ``LEARNED_NONWORDS``. Kept within ``LEAST_LEVEL`` and 1 (a misreading stays possible)."""
    level = (nonwords - CLEAN_NONWORDS) / (LEARNED_NONWORDS - CLEAN_NONWORDS)
    return min(1.0, max(LEAST_LEVEL, level))


def as_read(word: str, language: str, *, name: bool, repeats: int,
            engine: float | None = None) -> float:
    """log10 of P(word read right) P(word): the score of leaving it. P(read right) is the
    engine's own confidence in the word where it gave one (within ``ENGINE_RANGE``)."""
    freq = frequency(word.lower(), language)
    if not freq:
        freq = NAME if name else UNKNOWN
        if repeats > 1:
            freq = max(freq, REPEATED * min(repeats, 5))
    right = READ_RIGHT if engine is None else min(max(engine, ENGINE_RANGE[0]), ENGINE_RANGE[1])
    return math.log10(right) + math.log10(freq)


def best(word: str, language: str, before: str | None, after: str | None, *,
         name: bool = False, repeats: int = 1, engine: float | None = None,
         used: Callable[[str], int] = lambda w: 1,
         misread: float = 1.0) -> tuple[str, float] | None:
    """The likeliest word printed where ``word`` was read, with its posterior; ``None`` when
    ``word`` itself is the likeliest (or nothing else is a candidate).

    ``repeats`` is how often the document has ``word``, ``used`` how often it has another:
    a real word the document repeats is not taken for a misreading of a word the document
    never has (``roods`` in a land sale is no misreading of ``foods``; ``tho`` beside a
    hundred ``the`` is one of ``the``). ``misread`` scales the chance of every misreading:
    how much more (or less) often the document's OCR errs than the text the confusions were
    learned from (``error_level``)."""
    found = candidates(word, language)
    if not found:
        return None
    real = frequency(word.lower(), language) > 0.0
    alone = as_read(word, language, name=name, repeats=repeats, engine=engine) + (
        REAL_WORD if real else 0.0)
    shift = math.log10(misread) if engine is None else 0.0  # the engine's own word is better
    hopeless = alone - MOST_CONTEXT - shift
    found = tuple(takewhile(lambda c: c.score > hopeless, found[:20]))
    if real and repeats > 1:
        found = tuple(c for c in found if used(c.word))
    if not found:
        return None
    prev, nxt = (before or "").lower() or None, (after or "").lower() or None

    def in_context(w: str, base: float) -> float:
        low = w.lower()
        return base + CONTEXT * (attraction(prev, low) + attraction(low, nxt))

    keep = in_context(word, alone)
    scores = [(in_context(c.word, c.score + shift), c.word) for c in found]
    top, choice = max(scores)
    if top <= keep:
        return None
    total = sum(10 ** (s - top) for s, _ in scores) + 10 ** (keep - top)
    return choice, 1.0 / total


if __name__ == "__main__":  # python -m copydesk.plugins.cleaners._ocrchannel [language]
    print(write_known_variants(*sys.argv[1:2]))
