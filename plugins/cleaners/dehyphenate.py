"""The ``dehyphenate`` cleaner: decide, for every word split at a line end, join or keep the hyphen.

``fight-|ing`` becomes ``fighting``; ``secretary-|general``, ``US-|supported`` and ``Agence
France-|Presse`` keep their hyphen; ``Major-Gen-|eral`` becomes ``Major-General``. The evidence,
strongest first:

0. the source's own reading, where it gives the word with its hyphen (ALTO's
   ``SUBS_CONTENT``);
1. a suffix after the break (``trustful-|ly``) joins; a number on either side (in figures,
   or in words: ``sixty-|five``), or a capital
   after the break (``France-|Presse``,
   ``al-|Baghdadi``), keeps the hyphen; so does an acronym before it (``US-|supported``);
2. the document itself: how often the joined and the hyphenated forms occur elsewhere in it;
3. word frequencies (``wordfreq``): the joined form is taken when it is a common word; two
   words far commoner in a row (symspellpy's bigram counts) than joined keep the hyphen
   (``dining-|room``, but not ``be-|held``: a word of grammar first); else the joined form is
   taken when it is a word about as common as its parts; a join that makes no known word
   from two common words keeps the hyphen (``self-|imposed``); a join of fragments that are
   not words is taken (``Bagh-|dadi``).

Acts on the line ends that ``reflow`` marks (zero-width ``break`` marks after a hyphen). Every
decision is recorded as an edit (``join`` or ``keep-hyphen``, with the source line) and marked
in the text. Use: on by default for print OCR; ``--no-clean dehyphenate`` keeps every hyphen.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

from copydesk import Cleaner, Document, Mark, hookimpl, iter_blocks, lazyre, walk, wordfreqs
from copydesk.model.nodes import Block, TextBlock
from copydesk.textedit import EditLog, mark_order, splice_many

NAME = "dehyphenate"
LANGUAGE = "en"
WORD = lazyre.compile(r"[\w’'-]*\w")
_WORD_CHAR = lazyre.compile(r"[\w’'-]")

# Thresholds fitted on 24,583 closed words split by TeX patterns and 2,079 hyphenated compounds
# from public-domain books (Standard Ebooks): see benchmarks/reports/print-ocr.md.
KNOWN = 3.5  # Zipf frequency at which a joined form is a word, whatever its parts
MARGIN = 3.0  # how much rarer than its rarer part a joined word may be and still be taken
PART = 2.0  # Zipf frequency from which each side of an unknown join counts as a word
# a pair of words far commoner in a row (symspellpy's bigram counts) than joined is a
# compound (``top-|hat``, ``dining-|room``), unless the first is a word of grammar (``be held``)
APART = 1.0  # Zipf: how much commoner in a row than joined
APART_LEAST = 2.0  # Zipf: how common in a row at least
FIRST_MOST = 6.0  # Zipf: the first word's frequency under this (``be``, ``in``, ``some`` are not)
# numbers in words from 21 to 99 keep their hyphen (twenty-|five)
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
UNITS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                   "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                   "ninth"})
NAME_PREFIXES = frozenset({"Mc", "Mac", "O’", "O'"})
SUFFIXES = frozenset(
    ["ly", "ness", "ment", "ments", "ing", "ings", "ed", "er", "ers", "est", "tion", "tions", "sion", "ful", "less", "able", "ible", "ity", "ous", "ive", "al", "ally", "ism", "ist", "ists", "ize", "ise", "ized", "ised"])


def zipf(word: str) -> float:
    return wordfreqs.zipf(word.replace("æ", "ae").replace("œ", "oe"), LANGUAGE)


def decide(fragment: str, following: str, vocabulary: Counter[str]) -> tuple[bool, str]:
    """Whether ``fragment-|following`` is one word split at a line end; and why.

    ``fragment`` is the whole token before the hyphen (``Major-Gen``), ``following`` the word
    after the break.
    """
    last = fragment.rsplit("-", 1)[-1]
    if not last or not following:
        return False, "no word on one side"
    if following.lower().rstrip("’'s") in SUFFIXES and last.isalpha():
        return True, "a suffix after the break"
    if last[-1].isdigit() or following[0].isdigit():
        return False, "a number"
    if last in NAME_PREFIXES and following[:1].isupper():
        return True, "a name (Mc-, Mac-)"
    if following[0].isupper() and not (following.isupper() and last.isupper()):
        return False, "a capital after the break"
    if len(last) >= 2 and last.isupper() and not following.isupper():
        return False, "an acronym before the break"
    for joined, hyphenated in ((fragment + following, f"{fragment}-{following}"),
                               (last + following, f"{last}-{following}")):
        in_joined, in_hyphenated = vocabulary[joined.lower()], vocabulary[hyphenated.lower()]
        if in_joined != in_hyphenated:
            return in_joined > in_hyphenated, "the document's own spelling"
    z_joined = zipf((last + following).lower())
    z_last, z_next = zipf(last.lower()), zipf(following.lower())
    if z_joined >= KNOWN:
        return True, "a known word"
    if last.lower() in TENS and following.lower() in UNITS:
        return False, "a number in words (sixty-five)"
    from copydesk.plugins.cleaners._ocrchannel import pair_zipf  # (the pair counts: on demand)

    apart = pair_zipf(last.lower(), following.lower())
    if apart >= APART_LEAST and apart >= z_joined + APART and z_last < FIRST_MOST:
        return False, "a compound: its words are far commoner apart than joined"
    if z_joined > 0:
        if z_joined >= min(z_last, z_next) - MARGIN:
            return True, "a known word"
        return False, "a compound of common words"
    if z_last >= PART and z_next >= PART:
        return False, "a compound of words"
    return True, "fragments of one word"


def kept_by_source(fragment: str, following: str, word: str | None) -> tuple[bool, str] | None:
    """Keep the hyphen when the source reads the word with it (an OCR engine's whole word,
    e.g. ALTO's ``SUBS_CONTENT="well-known"``). A source's joined reading is not taken over
    the rules: engines that join every split (docWorks) would join ``self-|created`` too."""
    whole = WORD.search(word) if word else None
    if whole and whole.group(0).lower() == f"{fragment}-{following}".lower():
        return False, "the source gives the word with its hyphen"
    return None


def vocabulary(doc: Document) -> Counter[str]:
    """Lower-cased words of the document, leaving out the words that straddle a line break
    (they are what is being decided)."""
    counts: Counter[str] = Counter()
    for block in iter_blocks(doc):
        if not isinstance(block, TextBlock):
            continue
        text = block.text.lower()
        counts.update(WORD.findall(text))
        for mark in block.marks:
            if mark.kind == "break" and 0 < mark.start < len(text):
                word = _straddling(text, mark.start)
                if word:
                    counts[word] -= 1
    return counts


def _word_start(text: str, end: int) -> int:
    """Where the word that ends at ``end`` starts (hyphens and apostrophes belong to it)."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-’'_"):
        start -= 1
    return start


def _straddling(text: str, pos: int) -> str | None:
    """The word of ``text`` that runs across position ``pos``, if one does."""
    if not (_WORD_CHAR.match(text, pos - 1) and _WORD_CHAR.match(text, pos)):
        return None
    start = pos
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    match = WORD.match(text, start)
    return match.group() if match and match.end() > pos else None


def dehyphenate_block(block: TextBlock, vocab: Counter[str], log: EditLog) -> TextBlock:
    text = block.text
    breaks = sorted(m.start for m in block.marks if m.kind == "break")
    numbers = [line.number for line in block.lines]
    changes: list[tuple[int, int, str]] = []
    edits: list[tuple[str, str, str, int | None, str, int]] = []  # kind, original, new, …
    last_end = -1
    for index, pos in enumerate(breaks):
        if not (pos >= 2 and text[pos - 1] == "-" and text[pos - 2].isalpha()):
            continue
        after = WORD.match(text, pos)
        start = _word_start(text, pos - 1)
        if after is None or start < last_end:
            continue
        end = last_end = after.end()
        fragment, following = text[start : pos - 1], text[pos:end]
        source = block.lines[index].hyphen_word if index < len(block.lines) else None
        join, why = kept_by_source(fragment, following, source) or decide(
            fragment, following, vocab)
        line = numbers[index] if index < len(numbers) else None
        new = fragment + following if join else text[start:end]
        changes.append((start, end, new))
        edits.append(("join" if join else "keep-hyphen", f"{fragment}-\n{following}", new, line,
                      why, pos - start - (1 if join else 0)))
    if not changes:
        return block
    kept = [m for m in block.marks if m.kind != "break" or not any(
        s < m.start < e for s, e, _ in changes)]
    new_text, marks, starts = splice_many(text, kept, changes)
    for (kind, original, new, line, why, break_at), start in zip(edits, starts, strict=True):
        edit_id = log.add(kind, original, new, line, why)
        marks.append(Mark(kind="edit", start=start, end=start + len(new), target=edit_id))
        marks.append(Mark(kind="break", start=start + break_at, end=start + break_at))
    return dataclasses.replace(block, text=new_text, marks=sorted(marks, key=mark_order))


def dehyphenate(doc: Document) -> Document:
    vocab = vocabulary(doc)
    log = EditLog(doc, NAME)

    def clean(block: Block) -> Block:
        if isinstance(block, TextBlock) and any(m.kind == "break" for m in block.marks):
            return dehyphenate_block(block, vocab, log)
        return block

    out = walk(doc, clean)
    return dataclasses.replace(out, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=dehyphenate, after=("reflow",),
        default_for=("print-ocr", "pdf", "alto", "hocr", "page"),
        description="join words split at line ends, keep real compounds",
    ))
