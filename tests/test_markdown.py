"""The Markdown writer's output parsed back with a CommonMark parser gives the same blocks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from strategies import documents

from copydesk import (
    Article,
    Byline,
    Caption,
    Cell,
    Document,
    Figure,
    Footnote,
    Heading,
    Mark,
    Metadata,
    Paragraph,
    PullQuote,
    Row,
    Table,
    TextBlock,
    iter_blocks,
)
from copydesk.chars import printable

PARSER = MarkdownIt("commonmark").enable("table")  # tables: GitHub Flavored Markdown's

# Text a reader can produce: any character but controls and lone surrogates, markup-heavy.
reader_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from("*_`[]()<>&#!\\-+=|~.:1 \u00a0"),
    ),
    max_size=40,
)


def norm(text: str) -> str:
    """Whitespace folded, and the characters no output can carry dropped (the writers do)."""
    return " ".join(printable(text).split())


def parsed_blocks(markdown: str) -> list[tuple[str, str]]:
    """(block type, plain text) for every paragraph and heading, markup and raw HTML dropped."""
    out, kind = [], None
    for token in PARSER.parse(markdown):
        if token.type in ("paragraph_open", "heading_open"):
            kind = token.type.removesuffix("_open")
        elif token.type in ("th_open", "td_open"):
            kind = "cell"
        elif token.type == "inline":
            text = "".join(_text(child) for child in token.children or [])
            out.append((kind, norm(text)))
    return out


def _text(token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    if token.type == "image":
        return "".join(_text(c) for c in token.children or [])
    return ""


def expected_blocks(doc: Document) -> list[tuple[str, str]]:
    out = []
    first_heading = next((b for b in iter_blocks(doc) if isinstance(b, Heading)), None)
    if doc.metadata.title and norm(doc.metadata.title) and not (
            first_heading is not None and norm(first_heading.text) == norm(doc.metadata.title)):
        out.append(("heading", norm(doc.metadata.title)))
    if doc.metadata.subtitle and norm(doc.metadata.subtitle):
        out.append(("paragraph", norm(doc.metadata.subtitle)))
    meta = doc.metadata
    source = " · ".join(x for x in (norm(meta.site_name or meta.publisher or ""),
                                    norm(meta.date or "")) if x)
    first = next((b for b in iter_blocks(doc) if isinstance(b, Heading)), None)
    title_is_headline = bool(norm(meta.title or "")) and first is not None and (
        norm(first.text) == norm(meta.title or ""))
    if source and not title_is_headline:
        out.append(("paragraph", source))
    written: set[int] = set()
    for block in iter_blocks(doc):
        if isinstance(block, Figure) and block.src:
            out.append(("paragraph", norm(block.alt or "")))
        if isinstance(block, Table):
            out += table_blocks(block)
            written.update(id(b) for b in block.blocks)  # its caption: in its place
        if isinstance(block, Cell) or id(block) in written:
            continue
        if not isinstance(block, TextBlock) or type(block).__name__ == "Boilerplate":
            continue
        text = norm(block.text)
        if isinstance(block, PullQuote):
            out.append(("paragraph", norm("Pull quote: " + text)))
        elif isinstance(block, Footnote):
            label = norm(block.label or "")
            out.append(("paragraph", norm(f"Note {label}: {text}" if label else f"Note: {text}")))
        elif isinstance(block, Caption):
            credit = f" — Credit: {norm(block.credit)}" if block.credit and norm(block.credit) else ""
            out.append(("paragraph", norm(f"Caption: {text}{credit}")))
        elif text:
            out.append(("heading" if isinstance(block, Heading) else "paragraph", text))
            if source and title_is_headline and block is first:
                out.append(("paragraph", source))
    return out


def table_blocks(table: Table) -> list[tuple[str, str]]:
    """A table's cells row by row as a pipe table has them: a spanning cell followed by empty
    ones, every row as wide as the widest (its caption comes before, as a paragraph)."""
    rows = [[t for c in r.blocks if isinstance(c, Cell)
             for t in [norm(c.text)] + [""] * (c.columns - 1)]
            for r in table.blocks if isinstance(r, Row)]
    rows = [r for r in rows if r]
    width = max(map(len, rows), default=0)
    captions = [b for b in table.blocks if isinstance(b, Caption)]
    out = [("paragraph", norm("Caption: " + c.text + (
        f" — Credit: {norm(c.credit)}" if c.credit and norm(c.credit) else ""))) for c in captions] if rows else []
    return out + [("cell", t) for r in rows for t in r + [""] * (width - len(r))]


def to_markdown(doc: Document) -> str:
    from copydesk.plugins.writers.markdown import render
    return render(doc)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(documents(reader_text))
def test_any_document_parses_back_to_the_same_blocks(doc):
    assert parsed_blocks(to_markdown(doc)) == expected_blocks(doc)


def test_pull_quotes_captions_and_bylines_are_recognisable():
    body = "Body text with *stars* and an emphasis."
    em = body.index("emphasis")
    doc = Document(metadata=Metadata(title="Page"), blocks=[Article(blocks=[
        Heading(text="Headline"),
        Byline(text="By Jane Doe"),
        Paragraph(text=body, marks=[Mark(kind="emphasis", start=em, end=em + 8),
                         Mark(kind="link", start=0, end=4, target="https://example.org/a b")]),
        PullQuote(text="A quote."),
        Figure(blocks=[Caption(text="A picture.", credit="AFP")]),
    ])])
    md = to_markdown(doc)
    assert md == (
        "# Page\n\n## Headline\n\n*By Jane Doe*\n\n"
        "[Body](<https://example.org/ab>) text with \\*stars\\* and an *emphasis*.\n\n"
        "> **Pull quote:** A quote.\n\n**Caption:** A picture. — *Credit: AFP*\n"
    )
    tokens = PARSER.parse(md)
    inline = [c.type for t in tokens for c in t.children or []]
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert inline.count("em_open") == 3 and inline.count("link_open") == 1


def test_untitled_articles_are_set_apart():
    doc = Document(blocks=[Article(blocks=[Paragraph(text="one")]),
                           Article(blocks=[Paragraph(text="two")])])
    assert to_markdown(doc) == "one\n\n* * *\n\ntwo\n"


def test_an_exclamation_mark_before_a_link_stays_text():
    doc = Document(blocks=[Paragraph(text="Wow!here", marks=[
        Mark(kind="link", start=4, end=8, target="https://example.org")])])
    md = to_markdown(doc)
    assert parsed_blocks(md) == [("paragraph", "Wow!here")]
    assert [c.type for t in PARSER.parse(md) for c in t.children or []].count("image") == 0
