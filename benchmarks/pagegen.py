"""Synthetic newspaper pages as print OCR, each with its gold, from clean public-domain text.

Each page sets one to three articles in a column of random width, the way OCR of a printed
page reads: wrapped lines with words split at line ends (TeX hyphenation patterns via
``pyphen``; compounds split at their own hyphen), with or without trailing spaces, paragraphs
set off by blank lines, indentation or nothing, column breaks (blank lines) every few dozen
lines wherever they fall, drop caps whose letter the OCR lost (a gap, or the letter on a line of
its own), pull quotes (verbatim or shortened) in narrow indented lines, photo captions with
credits (wide or at column width), bylines and contributor notes, running heads and folios.

The gold is written in the shape of ``seeds/expected/*.json`` (articles with paragraphs,
drop cap and byline; pull quotes; captions with credits; boilerplate), so
``score.py --batch`` scores a directory of predictions against it.

Use: ``python benchmarks/pagegen.py OUT_DIR --pages 200 --seed 1`` writes
``OUT_DIR/page-0001.txt`` and ``OUT_DIR/expected/page-0001.json``, …
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyphen

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "data" / "corpus-sample.jsonl"
SHARED_CORPUS = HERE.parent.parent / "shared" / "eval-data" / "corpus"
HYPHENATOR = pyphen.Pyphen(lang="en_US")
FIRST = ["Jane", "Omar", "Li", "Maria", "John", "Aisha", "Peter", "Nadia", "Samuel", "Elena"]
LAST = ["Doe", "Haddad", "Wei", "Santos", "Smith", "Rahman", "Novak", "Okafor", "Berg", "Costa"]
PAPERS = ["THE MORNING HERALD", "The Evening Post", "DAILY CHRONICLE", "The Weekly Observer"]
ROLES = ["a staff writer", "a contributing editor", "a foreign correspondent", "a columnist"]
SMALL = frozenset(["a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "of", "on", "or", "the", "to"])
_SIMPLE_WORD = re.compile(r"^([“\"‘(]*)([A-Za-z]+)([,.;:!?”’\")]*)$")


def load_chapters(shared: bool = True) -> list[list[str]]:
    """Chapters (lists of paragraphs): the shared corpus when present (and wanted), else the
    repository's sample."""
    files = sorted(SHARED_CORPUS.glob("*.jsonl")) if shared and SHARED_CORPUS.is_dir() else [SAMPLE]
    chapters = []
    for path in files:
        for row in path.read_text(encoding="utf-8").splitlines():
            paragraphs = [" ".join(p.split()) for p in json.loads(row)["paragraphs"]]
            paragraphs = [p for p in paragraphs if len(p.split()) >= 12]
            if len(paragraphs) >= 8:
                chapters.append(paragraphs)
    return chapters


@dataclass
class Style:
    """How one page is set."""

    width: int
    trailing_spaces: bool
    paragraph_gap: str  # "blank", "indent" or "none"
    column_lines: int
    hyphenate: float  # chance of hyphenating a word that does not fit
    dropcap: str  # "gap" or "line"

    @classmethod
    def random(cls, rng: random.Random) -> Style:
        return cls(
            width=rng.choice([26, 30, 34, 36, 40, 44, 50, 60, 70]),
            trailing_spaces=rng.random() < 0.5,
            paragraph_gap=rng.choice(["blank", "blank", "indent", "none"]),
            column_lines=rng.randint(25, 60),
            hyphenate=rng.choice([0.6, 0.9, 1.0]),
            dropcap=rng.choice(["gap", "gap", "line"]),
        )


def split_word(word: str, fits: Callable[[str], bool], rng: random.Random,
               chance: float) -> tuple[str, str] | None:
    """``word`` split so that the first part (with its hyphen) ``fits``, or ``None``."""
    if "-" in word[1:-1]:  # a compound breaks at its own hyphen
        parts = word.split("-")
        for i in range(len(parts) - 1, 0, -1):
            head = "-".join(parts[:i]) + "-"
            if fits(head) and parts[i - 1] and parts[i] and parts[i - 1][-1].isalnum():
                return head, "-".join(parts[i:])
        return None
    match = _SIMPLE_WORD.match(word)
    if not match or rng.random() > chance:
        return None
    lead, core, tail = match.groups()
    for head, rest in HYPHENATOR.iterate(core):
        if len(head) >= 2 and len(rest) >= 2 and fits(f"{lead}{head}-"):
            return f"{lead}{head}-", f"{rest}{tail}"
    return None


def _fits(measure: Callable[[str], float], prefix: str, limit: float, head: str) -> bool:
    return measure(prefix + head) <= limit


def wrap(text: str, widths: list[float], width: float, rng: random.Random, chance: float,
         measure: Callable[[str], float] = len) -> list[str]:
    """Greedy wrapping; line ``i`` is ``widths[i]`` wide (then ``width``), in the units of
    ``measure`` (characters by default; points for typeset pages)."""
    lines: list[str] = []
    current = ""
    words = text.split()
    i = 0
    while i < len(words):
        word = words[i]
        limit = widths[len(lines)] if len(lines) < len(widths) else width
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= limit:
            current, i = candidate, i + 1
            continue
        prefix = f"{current} " if current else ""
        room = measure(prefix + "---") <= limit  # room for at least a short part and hyphen
        fits = functools.partial(_fits, measure, prefix, limit)
        split = split_word(word, fits, rng, chance) if room else None
        if split:
            head, rest = split
            lines.append(f"{current} {head}" if current else head)
            words[i] = rest
            current = ""
        elif current:
            lines.append(current)
            current = ""
        else:  # a word longer than the line
            lines.append(word)
            i += 1
    if current:
        lines.append(current)
    return lines


@dataclass
class Page:
    """Lines of OCR text being laid out, and the gold that goes with them."""

    style: Style
    rng: random.Random
    lines: list[str] = field(default_factory=list)
    body_lines: int = 0
    gold: dict = field(default_factory=lambda: {
        "kind": "print-ocr", "articles": [], "pull_quotes": [], "captions": [],
        "boilerplate": [], "metadata": {}})

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def body(self, line: str) -> None:
        """One body line; a column break (a blank line) every ``column_lines`` lines."""
        if self.body_lines and self.body_lines % self.style.column_lines == 0:
            self.blank()
        self.lines.append(line)
        self.body_lines += 1

    def paragraph(self, lines: list[str], first: bool) -> None:
        if not first and self.style.paragraph_gap == "blank":
            self.blank()
        for k, line in enumerate(lines):
            wrapped = k < len(lines) - 1 and not line.endswith("-")
            self.body(line + (" " if wrapped and self.style.trailing_spaces else ""))

    def block(self, lines: list[str], glued: bool = False) -> None:
        """A pull quote or caption, set off by blank lines (unless glued to what follows)."""
        self.blank()
        self.lines.extend(lines)
        if not glued:
            self.lines.append("")


def photo_credit(rng: random.Random) -> tuple[str, str]:
    """A photo credit as the gold has it, and as the page shows it."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice([
        ("AFP", "(AFP)"), ("Reuters", "(Reuters)"), ("AP", "(AP)"),
        ("Getty Images", "(Getty Images)"), (f"REUTERS/{name}", f"REUTERS/{name}"),
        (f"AFP/{name}", f"AFP/{name}"), (name, f"(Photo: {name})"),
    ])


def caption_text(rng: random.Random, chapters: list[list[str]]) -> str:
    """A sentence from another story, as a caption."""
    other = rng.choice(chapters)
    return rng.choice([s for p in other for s in re.split(r"(?<=[.!?])\s+", p)
                       if 10 <= len(s.split()) <= 35] or ["A view of the harbour at dawn."])


def caption(rng: random.Random, text: str, style: Style) -> tuple[list[str], dict]:
    credit, shown = photo_credit(rng)
    wide = rng.random() < 0.6
    width = int(style.width * rng.uniform(1.6, 3.2)) if wide else style.width
    lines = wrap(text, [], width, rng, 0.0)
    gap = " " * rng.randint(6, 50) if wide else " "
    if len(lines[-1]) + len(gap) + len(shown) > width and not wide:
        lines.append(shown)
    else:
        lines[-1] += gap + shown
    return lines, {"text": text, "credit": credit}


def pull_quote(rng: random.Random, sentence: str, style: Style) -> list[str]:
    width = max(14, int(style.width * rng.uniform(0.45, 0.65)))
    lines = wrap(sentence, [], width, rng, 0.0)
    indent = " " * rng.randint(2, 4)
    if rng.random() < 0.5:
        return [indent + lines[0], *lines[1:]]
    return [indent + line for line in lines]


def quotable(paragraphs: list[str], rng: random.Random) -> str | None:
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p)
                 if 8 <= len(s.split()) <= 26 and s[0].isupper() and s[-1] in ".!?"]
    if not sentences:
        return None
    words = rng.choice(sentences).split()
    if rng.random() < 0.5 and len(words) > 10:  # shortened, as editors do
        for _ in range(rng.randint(1, 3)):
            del words[rng.randrange(1, len(words) - 1)]
        words[-1] = words[-1].rstrip(",;:") if words[-1][-1] in ",;:" else words[-1]
        if words[-1][-1] not in ".!?”’\"":
            words[-1] += "."
    return " ".join(words)


def headline(rng: random.Random, paragraphs: list[str]) -> str:
    """A headline made of a run of words from the story, in title case."""
    words = [w.strip("“”\"‘’'.,;:!?()—") for w in paragraphs[0].split()]
    words = [w for w in words if w.isalpha()]
    start = rng.randrange(0, max(1, len(words) - 6))
    picked = words[start : start + rng.randint(3, 8)]
    while len(picked) > 1 and picked[-1].lower() in SMALL:
        picked.pop()
    if len(picked) < 2:
        picked = ["Latest", "News"]
    return " ".join(w.lower() if w.lower() in SMALL and i else
                    w[0].upper() + w[1:] for i, w in enumerate(picked))


SECTIONS = ["NEWS", "World", "BUSINESS", "Opinion", "LOCAL", "Sport", "Arts & Culture"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "October", "December"]


def opening_byline(rng: random.Random, name: str, plural: bool) -> str:
    """A byline over a story: ``By X``, or (``plural``) one of the other shapes papers use."""
    if not plural:
        return f"By {name}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice([f"By {name}", f"BY {name.upper()}", f"By {name} and {other}",
                       f"{name}, Staff Writer", f"{name} | Staff Writer",
                       f"Story by {name}", f"By {name}, {rng.choice(PAPERS).title()}"])


def closing_byline(rng: random.Random, name: str, plural: bool) -> str:
    """A byline under a story: a contributor note, or (``plural``) a dash and a name or a
    reporting credit."""
    role = rng.choice(ROLES)
    note = f"{name} is {role} for {rng.choice(PAPERS).title()} in {rng.choice(LAST)}ville."
    if not plural:
        return note
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice([note, f"— {name}", f"—{name.upper()}",
                       f"Reporting by {name}; editing by {other}"])


def article(page: Page, paragraphs: list[str], first: bool, plural: bool = False) -> None:
    rng, style = page.rng, page.style
    gold = {"paragraphs": list(paragraphs), "drop_cap": None, "byline": None}
    byline = rng.random()
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if not first or byline < 0.35:
        page.blank()
    if rng.random() < 0.5:
        gold["title"] = headline(rng, paragraphs)
        page.block(wrap(gold["title"], [], style.width, rng, 0.0))
    if byline < 0.35:
        gold["byline"] = opening_byline(rng, name, plural)
        page.block([gold["byline"]])
    letter_word = paragraphs[0].split()[0]
    dropcap = letter_word[0].isalpha() and letter_word[0].isupper() and len(
        letter_word.strip("“”\",.;:’'")) >= 2 and (not first or rng.random() < 0.8)
    kept = plural and rng.random() < 0.3  # the OCR read the drop cap (a word cut after it)
    for k, text in enumerate(paragraphs):
        indent = "   " if style.paragraph_gap == "indent" and k else ""
        widths = [style.width - len(indent)]
        if k == 0 and dropcap:
            gold["drop_cap"] = text[0]
            widths = [style.width - 2, style.width - 4, style.width - 4]
            lines = wrap(text[1:], widths, style.width, rng, style.hyphenate)
            if kept:
                lines[0] = text[0] + " " + lines[0]
            elif style.dropcap == "gap":
                lines[0] = " " + lines[0]
            else:
                page.body(text[0])
        else:
            lines = wrap(text, widths, style.width, rng, style.hyphenate)
            lines[0] = indent + lines[0]
        page.paragraph(lines, first=k == 0)
    if 0.35 <= byline < 0.6:
        gold["byline"] = closing_byline(rng, name, plural)
        page.block(wrap(gold["byline"], [], style.width, rng, 0.0))
    page.gold["articles"].append(gold)


def paraphrase(rng: random.Random, sentence: str) -> str:
    """A pull quote that is no longer the sentence word for word: a run of it, its words
    thinned, between quotation marks (editors tighten what they lift)."""
    words = sentence.rstrip(".!?").split()
    start = rng.randrange(0, max(1, len(words) // 3))
    words = words[start:]
    for _ in range(max(1, len(words) // 6)):
        if len(words) > 6:
            del words[rng.randrange(1, len(words) - 1)]
    text = " ".join(words).strip("“”\"‘’',;:")
    return "“" + text[0].upper() + text[1:] + ".”"


def running_head(rng: random.Random, number: int, plural: bool) -> str:
    """A running head over the page: the paper and the page, or (``plural``) the date line,
    a section label, or the page first."""
    paper = rng.choice(PAPERS)
    gap = " " * rng.randint(3, 12)
    if not plural:
        return f"{paper}{gap}Page {number}"
    date = f"{rng.choice(WEEKDAYS)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}"
    section = rng.choice(SECTIONS)
    return rng.choice([f"{paper}{gap}Page {number}", f"{number}{gap}{paper}",
                       f"{date}{gap}{paper}", f"{section.upper()}{gap}{paper}",
                       f"{paper} | {section} | A{number}", f"{section}{gap}{date}"])


def make_page(rng: random.Random, chapters: list[list[str]], number: int,
              paragraphs_per_article: tuple[int, int] = (3, 9),
              plural: bool = False) -> tuple[str, dict]:
    """One page of OCR text and its gold. ``plural``: with more of the conventions papers
    differ in (bylines of several shapes over or under a story, drop caps the OCR kept,
    pull quotes that are not verbatim, running heads and folios of other shapes, a running
    foot)."""
    style = Style.random(rng)
    page = Page(style=style, rng=rng)
    if rng.random() < 0.6:
        head = running_head(rng, number, plural)
        page.lines += [head, ""]
        page.gold["boilerplate"].append(head)
    n_articles = rng.choice([1, 1, 2, 2, 3])
    extras: list[tuple[list[str], bool]] = []
    stories = rng.sample(range(len(chapters)), n_articles)  # never the same text twice
    for a in range(n_articles):
        chapter = chapters[stories[a]]
        count = rng.randint(*paragraphs_per_article)
        start = rng.randrange(0, max(1, len(chapter) - count))
        paragraphs = chapter[start : start + count]
        article(page, paragraphs, first=a == 0, plural=plural)
        if rng.random() < 0.6 and (quote := quotable(paragraphs, rng)):
            if plural and rng.random() < 0.4:
                quote = paraphrase(rng, quote)
            page.gold["pull_quotes"].append(quote)
            extras.append((pull_quote(rng, quote, style), False))
        if a < n_articles - 1 and extras and rng.random() < 0.5:
            lines, _ = extras.pop()
            page.block(lines)
    for _ in range(rng.choice([0, 1, 1, 2])):
        lines, gold = caption(rng, caption_text(rng, chapters), style)
        page.gold["captions"].append(gold)
        extras.append((lines, rng.random() < 0.2))
    rng.shuffle(extras)
    for lines, glued in extras:
        page.block(lines, glued=glued)
    if rng.random() < 0.6:
        folios = [str(number), f"— {number} —", f"Page {number}"]
        if plural:
            folios += [f"A{number}", f"Page {number} of {number + rng.randint(2, 30)}",
                       f"{rng.choice(PAPERS)}{' ' * rng.randint(3, 9)}{number}"]
        folio = rng.choice(folios)
        page.blank()
        page.lines.append(folio)
        page.gold["boilerplate"].append(folio)
    return "\n".join(page.lines).rstrip("\n") + "\n", page.gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plural", action="store_true",
                        help="more of the conventions papers differ in (see make_page)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    chapters = load_chapters()
    (args.out / "expected").mkdir(parents=True, exist_ok=True)
    for n in range(1, args.pages + 1):
        text, gold = make_page(rng, chapters, n, plural=args.plural)
        name = f"page-{n:04d}"
        gold["source"] = f"{name}.txt"
        (args.out / f"{name}.txt").write_text(text, encoding="utf-8")
        (args.out / "expected" / f"{name}.json").write_text(
            json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
