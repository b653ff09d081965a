"""The ``misreadings`` cleaner: correct words the OCR misread, when the evidence is strong.

``tho`` → ``the``, ``Cieek`` → ``Creek``, ``ofleied`` → ``offered``: each word is weighed
against the words it may be a misreading of (``_ocrchannel``: learned character
confusions of real newspaper OCR, word frequencies, the neighbouring words) and replaced only
when the best of them is at least ``threshold`` likely (posterior) and clearly likelier than the
word as read. Conservative by construction:

- words with digits or other signs inside, words of one letter, words joined to others by a
  hyphen, and words right after a number (``17 th``) are left alone;
- a capitalised word inside a sentence is taken for a name unless its reading is no word and
  the correction is a common one; a word the document repeats is taken as right more readily;
- the OCR engine's own confidence in a word (hOCR, ALTO), where it gives one, is the chance
  the word was read right: a word the engine was sure of is harder to correct, one it doubted
  easier; where it gives none, the document's own quality stands in: in a text whose words
  are nearly all words (clean OCR), a misreading is taken to be up to ten times rarer than in
  the old newspaper OCR the confusions were learned from (``wore`` stays ``wore``);
- furniture set apart (mastheads, running heads, folios: ``VOIV`` of ``VOL.`` is no ``VERY``)
  is left as read;
- a text whose words are mostly unknown in the document's language (another language, or OCR
  too broken to judge) is left as it is, and so is one whose commonest words say it is in
  another language where the document does not say (``copydesk.languages``: ``Theil`` in a
  German text is no misread ``Their``).

Each correction is an edit (kind ``correct``) with its confidence, marked in the text; TEI
writes it as ``choice``/``sic``/``corr``. Use: on by default for print OCR, hOCR, ALTO and
PAGE-XML; ``--no-clean misreadings``; ``-C misreadings.threshold=0.99`` for fewer, surer
corrections.
"""

from __future__ import annotations

import dataclasses
import string
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from copydesk import Cleaner, Document, hookimpl, iter_blocks, lazyre, walk
from copydesk.languages import folded, language_of
from copydesk.model.nodes import Block, Boilerplate, TextBlock
from copydesk.plugins.cleaners import _ocrchannel
from copydesk.textedit import EditLog
from copydesk.wordfreqs import frequency

NAME = "misreadings"
LANGUAGES = ("en",)  # languages with a learned model and n-grams
LOAD_AT = 3000  # distinct words (of the documents so far) from which the tables are loaded
_SEEN: dict[str, int] = {}  # language -> distinct words of the documents cleaned so far
KNOWN_SHARE = 0.6  # at least this share of a text's words must be known words
# a word: a token between spaces of letters (inner apostrophes), punctuation around it; no
# compound, no word with digits or with other signs inside (``recove.y``, ``th/j``)
WORD = lazyre.compile(r"(?<!\S)[(\[“\"‘']*([^\W\d_]+(?:['’][^\W\d_]+)*)[.,;:!?)\]”\"’'-]*(?!\S)")
AFTER_NUMBER = lazyre.compile(r"\d\s?$")
EDGE = "\"'“”‘’()[].,;:!?-—–"  # punctuation around a word as the engine read it
SENTENCE_END = lazyre.compile(r"[.!?:;\"”]\s*$")


@dataclass(frozen=True)
class Options:
    threshold: float = field(default=0.9, metadata={
        "help": "how sure a correction must be (posterior, 0–1); higher corrects less"})


def _language(doc: Document) -> str | None:
    tag = (doc.metadata.language or "en").split("-")[0].lower()
    return tag if tag in LANGUAGES else None


def _core(word: str) -> str | None:
    """The part of a word as read that is weighed (a possessive's ``'s`` off); ``None`` for
    a word the cleaner leaves alone (one letter, an apostrophe inside)."""
    core = word[:-2] if word[-2:] in ("'s", "’s") else word
    if len(core) < 2 or "'" in core or "’" in core:
        return None
    return core


def correctable(forms: Iterable[str], language: str) -> set[str]:
    """The words as read (of ``forms``) that may be misreadings of some other word."""
    return {form for form in forms
            if (core := _core(form)) and _ocrchannel.candidates(core, language)}


def corrections(text: str, language: str, seen: Counter[str], threshold: float,
                engine: dict[str, float] | None = None,
                weigh: Collection[str] | None = None,
                misread: float = 1.0) -> list[tuple[int, int, str, float]]:
    """``(start, end, new, confidence)`` for each word of ``text`` to correct; ``engine``:
    the OCR engine's mean confidence in each word (small letters), where it gave one;
    ``weigh``: the words that may be misreadings (``correctable``), when known already;
    ``misread``: how often this text's OCR errs (``_ocrchannel.error_level``)."""
    engine = engine or {}
    words = WORD.findall(text)
    if weigh is None:
        weigh = correctable(set(words), language)
    weighed = [i for i, word in enumerate(words) if word in weigh]
    if not weighed:
        return []
    found = list(WORD.finditer(text))
    out = []
    for i in weighed:
        m = found[i]
        word = words[i]
        core = _core(word) or word
        start, end = m.span(1)
        if AFTER_NUMBER.search(text, max(0, start - 3), start):
            continue  # "17 th", "2 nd": an ordinal's ending, not a misread "the"
        before = found[i - 1].group(1) if i and start - found[i - 1].end(1) < 4 else None
        after = (found[i + 1].group(1)
                 if i + 1 < len(found) and found[i + 1].start(1) - end < 4 else None)
        name = core[:1].isupper() and i > 0 and not SENTENCE_END.search(
            text, max(0, start - 3), start)
        result = _ocrchannel.best(core, language, before, after, name=name,
                                  repeats=seen[core.lower()], engine=engine.get(core.lower()),
                                  used=lambda w: seen[w.lower()], misread=misread)
        if result is None or result[1] < threshold:
            continue
        new = result[0] + word[len(core):]
        out.append((start, end, new, result[1]))
    return out


def document_words(doc: Document) -> tuple[Counter[str], dict[str, float]]:
    """How often the document has each word as read, and the OCR engine's mean confidence
    in each word form (small letters), from its source lines (hOCR ``x_wconf``, ALTO ``WC``,
    PAGE ``conf``) where the engine gave them: one pass over the text."""
    forms: Counter[str] = Counter()
    sums: dict[str, list[float]] = {}
    for block in iter_blocks(doc):
        if not isinstance(block, TextBlock):
            continue
        forms.update(WORD.findall(block.text))
        for line in block.lines:
            if not line.confidences:
                continue
            tokens = line.text.split()
            if len(line.confidences) == len(tokens):
                for token, conf in zip(tokens, line.confidences, strict=True):
                    form = token.strip(EDGE).lower()
                    if form:
                        sums.setdefault(form, []).append(conf)
    return forms, {form: sum(values) / len(values) for form, values in sums.items()}


def known_share(counts: Counter[str], language: str) -> float:
    """The share of the words counted (small letters) that are words of ``language``."""
    total = sum(counts.values())
    return sum(n for word, n in counts.items()
               if frequency(word, language)) / total if total else 0.0


def nonword_share(forms: Counter[str], language: str) -> float:
    """The share of the document's words in small letters (three letters or more) that are
    no words of ``language``: how broken its OCR is."""
    small = Counter({form: n for form, n in forms.items() if len(form) >= 3 and form.islower()})
    return 1.0 - known_share(small, language) if small else 0.0


DROP_CAP_WORD = 1e-6  # (Zipf 3) how common the word with a lost first letter must be


def _drop_cap_rest(text: str, start: int, end: int, language: str) -> bool:
    """Whether the word at ``start:end`` opens ``text`` in small letters and becomes a word
    with a letter before it: what a lost drop cap leaves (``herlock``), not a misreading."""
    word = text[start:end]
    return (not text[:start].strip() and word[:1].islower() and any(
        frequency(letter + word.lower(), language) >= DROP_CAP_WORD
        for letter in string.ascii_lowercase))


def misreadings(doc: Document, options: Options | None = None) -> Document:
    options = options or Options()
    language = _language(doc)
    if language is None:
        return doc
    forms, engine = document_words(doc)
    _SEEN[language] = _SEEN.get(language, 0) + len(forms)
    if _SEEN[language] >= LOAD_AT:
        _ocrchannel.load(language)  # a long document, or many: loading the tables pays
    seen: Counter[str] = Counter()
    for form, n in forms.items():
        seen[form.lower()] += n
    if known_share(seen, language) < KNOWN_SHARE:
        return doc
    if doc.metadata.language is None and language_of(folded(seen)) not in (None, language):
        return doc  # (German shares enough words with English to pass the test above)
    weigh = correctable(forms, language)
    misread = _ocrchannel.error_level(nonword_share(forms, language))
    log = EditLog(doc, NAME)

    def clean(block: Block) -> Block:
        if not isinstance(block, TextBlock) or isinstance(block, Boilerplate):
            return block  # furniture (mastheads, running heads, folios) stays as read
        found = corrections(block.text, language, seen, options.threshold, engine, weigh,
                            misread)
        if found and _drop_cap_rest(block.text, found[0][0], found[0][1], language):
            found = found[1:]  # left as read for the drop cap it lost (``herlock``)
        if not found:
            return block
        return log.replace_many(block, [(s, e, new) for s, e, new, _ in found], "correct",
                                "a word the OCR misread", [round(c, 3) for *_, c in found])

    out = walk(doc, clean)
    return dataclasses.replace(out, edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=misreadings, options=Options,
        after=("reflow", "dehyphenate", "wordsplits", "dropcap"),
        before=("articles",), default_for=("print-ocr", "hocr", "alto", "page"),
        prepare=lambda: _ocrchannel.load("en"),
        description="correct words the OCR misread (learned confusions, word frequencies, context)",
    ))
