"""The ``pullquotes`` cleaner: move text that repeats a passage of the body out of the body.

A pull quote repeats or paraphrases a sentence of its article in display type. For each short
group of lines (at most ``MAX_WORDS`` words, between blank lines), the words are compared with every
sentence, and pair of sentences, of the text around it (``WINDOW`` groups each side): the share
of its words found there (``rapidfuzz`` scores near-matches, so OCR errors and inflections
count). A group is a pull quote when it repeats the body nearly word for word
(``VERBATIM``), or paraphrases it (``PARAPHRASE``) and is set apart from the body: narrower or
wider lines than the body column, or indented. Only a group that reads as whole sentences
(a capital or quotation mark first, sentence-final punctuation last) qualifies, and only its
words of three letters or more count; where the reader knew the type (PDF, hOCR, ALTO), a group
set upright in the body's size does not. The body copy is never the one moved: the match must
lie in another group, and be at least as long as the candidate.

Each pull quote becomes a ``PullQuote`` block, recorded as an edit (kind ``pullquote``). Runs
after ``captions`` and before ``reflow``. Use: on by default for print OCR and the layout
readers (PDF, hOCR, ALTO); ``--no-clean pullquotes``.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections import Counter
from collections.abc import Callable
from statistics import median

from copydesk import Cleaner, Document, Paragraph, PullQuote, hookimpl, lazyre
from copydesk.model.nodes import FLOATS, Block, Container
from copydesk.textedit import EditLog
from copydesk.textlines import SENTENCE_END, is_line_group, join_lines

NAME = "pullquotes"
MAX_WORDS = 60
MIN_WORDS = 5
WINDOW = 200  # groups each side searched for the quoted passage (several pages)
VERBATIM = 0.9
PARAPHRASE = 0.6
BODY_TYPE = 0.1  # a group within this share of the body's type size is set as body
PREFILTER = 0.4  # share of shared rare words below which a group is not compared at all
EXACT_FIRST = 0.5  # share of exact matches below which near-misses are not sought
COMMON_POSTINGS, COMMON_SHARE = 50, 0.02  # a word in more groups is left out of that share
_SPLIT_WORD = lazyre.compile(r"(\w)- (\w)")
_WORD3 = lazyre.compile(r"\w{3,}")
_SENTENCES = lazyre.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


def words(text: str, joined: bool = False) -> list[str]:
    """Lower-case words of three letters or more, words split at line ends joined again
    (unless the caller did that already: ``joined``)."""
    if not joined:
        text = _SPLIT_WORD.sub(r"\1\2", text.lower())
    return _WORD3.findall(text)


def whole_sentences(text: str) -> bool:
    text = text.strip()
    return bool(text) and (text[0].isupper() or text[0] in "\"“‘'«") and bool(
        SENTENCE_END.search(text) or text[-1] in "\"”’»")


Passage = tuple[int, frozenset[str]]  # (number of words, the words)


def sentences(text: str) -> list[Passage]:
    """The text's sentences, and each pair of neighbouring sentences, as passages."""
    text = _SPLIT_WORD.sub(r"\1\2", text.lower())
    parts = [words(s, joined=True) for s in _SENTENCES.split(text) if s.strip()]
    joined = parts + [a + b for a, b in itertools.pairwise(parts)]
    return [(len(p), frozenset(p)) for p in joined if p]


def overlap(candidate: list[str], vocab: frozenset[str]) -> float:
    """The share of the candidate's words found (closely) in the passage's words."""
    if not candidate or not vocab:
        return 0.0
    missing = [w for w in candidate if w not in vocab]
    found = len(candidate) - len(missing)
    if found < EXACT_FIRST * len(candidate):
        return found / len(candidate)  # too far off for near-misses to matter
    from rapidfuzz import fuzz, process  # (imported where used: start-up stays short)

    found += sum(1 for w in missing if len(w) > 4 and process.extractOne(
        w, vocab, scorer=fuzz.ratio, score_cutoff=85) is not None)
    return found / len(candidate)


def set_apart(block: Paragraph, width: float, indent: int) -> bool:
    """Whether the group's lines are set unlike the body: narrower, wider or indented."""
    lengths = [len(line.text.strip()) for line in block.lines]
    own = median(lengths)
    first_indent = len(block.lines[0].text) - len(block.lines[0].text.lstrip())
    return own < 0.75 * width or own > 1.3 * width or first_indent > indent


def body_type(groups: list[Paragraph]) -> float:
    """The type size most body lines are set in, where the reader knew it (else 0)."""
    sizes = Counter(round(ln.font_size, 1) for g in groups for ln in g.lines
                    if ln.font_size and ln.box is not None)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def in_body_type(group: Paragraph, size: float) -> bool:
    """Whether every line of the group is set upright in the body's type size."""
    return all(ln.font_size and abs(ln.font_size - size) <= BODY_TYPE * size and not ln.italic
               for ln in group.lines)


def quotes_the_other(other: Paragraph, group: Paragraph, width: float, indent: int) -> bool:
    """Whether, of two short groups that repeat each other, ``other`` is the quote and
    ``group`` its body copy: ``other`` is set apart and ``group`` is not, or, set alike,
    ``other`` has fewer words (a quote trims its sentence; it does not add to it)."""
    if len(other.text.split()) > MAX_WORDS or not whole_sentences(other.text):
        return False
    apart, own_apart = set_apart(other, width, indent), set_apart(group, width, indent)
    if apart != own_apart:
        return apart
    return len(words(other.text)) < len(words(group.text))


class PassageIndex:
    """Which groups hold each word (in group order), so that a candidate is compared only
    with sentences of nearby groups that share enough of its words."""

    def __init__(self, groups: list[Paragraph]) -> None:
        self.texts = [g.text for g in groups]
        self.postings: dict[str, list[int]] = {}
        for g, text in enumerate(self.texts):
            for word in set(words(text)):
                self.postings.setdefault(word, []).append(g)
        # words in very many groups say little about where a quote comes from
        limit = max(COMMON_POSTINGS, COMMON_SHARE * len(groups))
        self.common = {w for w, gs in self.postings.items() if len(gs) > limit}
        self._passages: dict[int, list[Passage]] = {}

    def passages(self, group: int) -> list[Passage]:
        if group not in self._passages:
            self._passages[group] = sentences(self.texts[group])
        return self._passages[group]

    def best_match(self, group: int, candidate: list[str], skip: set[int]) -> tuple[float, int]:
        """The best overlap of ``candidate`` with a passage of another group within
        ``WINDOW`` groups, and that group; groups sharing too few exact words are never
        compared."""
        unique = set(candidate) - self.common
        hits: Counter[int] = Counter()
        for word in unique:
            postings = self.postings.get(word, ())
            low = bisect.bisect_left(postings, group - WINDOW)
            high = bisect.bisect_right(postings, group + WINDOW)
            hits.update(postings[low:high])
        floor = PREFILTER * len(unique)
        best, where = 0.0, -1
        for other, shared in hits.items():
            if shared < floor or other == group or other in skip:
                continue
            for size, vocab in self.passages(other):
                if size >= 0.6 * len(candidate) and (score := overlap(candidate, vocab)) > best:
                    best, where = score, other
        return best, where


def pullquotes(doc: Document) -> Document:
    log = EditLog(doc, NAME)

    def visit(blocks: list[Block]) -> list[Block]:
        groups = [b for b in blocks if isinstance(b, Paragraph) and is_line_group(b)]
        if not groups:
            return [dataclasses.replace(b, blocks=visit(b.blocks))
                    if isinstance(b, Container) and not isinstance(b, FLOATS) else b
                    for b in blocks]
        lengths = [len(ln.text.strip()) for g in groups for ln in g.lines]
        width = median(lengths)
        indents = sorted(len(ln.text) - len(ln.text.lstrip()) for g in groups for ln in g.lines)
        indent = indents[(len(indents) - 1) // 2]
        index = PassageIndex(groups)
        body = body_type(groups)
        chosen: set[int] = set()
        for i, group in enumerate(groups):
            if len(group.text.split()) > MAX_WORDS or not whole_sentences(group.text):
                continue
            if body and in_body_type(group, body):
                continue  # the page layout shows body type: running text, not display
            cand = words(group.text)
            if len(cand) < MIN_WORDS:
                continue
            score, source = index.best_match(i, cand, chosen)
            if source >= 0 and quotes_the_other(groups[source], group, width, indent):
                continue  # the body copy of a quote set as a group of its own
            if score >= VERBATIM or (score >= PARAPHRASE and set_apart(group, width, indent)):
                chosen.add(i)
        quotes = {id(groups[i]) for i in chosen}
        out: list[Block] = []
        for block in blocks:
            if id(block) in quotes:
                assert isinstance(block, Paragraph)
                text, marks = join_lines(block.lines)
                log.add("pullquote", block.text, text, block.lines[0].number)
                out.append(PullQuote(text=text, marks=marks, lines=block.lines))
            else:
                out.append(block)
        return out

    return dataclasses.replace(doc, blocks=visit(doc.blocks), edits=log.edits)


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=pullquotes, after=("captions",), before=("reflow",),
        default_for=("print-ocr", "pdf", "alto", "hocr", "page"),
        description="move pull quotes (text repeating the body) out of the body",
    ))
