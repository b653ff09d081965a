"""Hypothesis strategies that build random, valid documents (any text, every node type)."""

from __future__ import annotations

from hypothesis import strategies as st

from copydesk import (
    Article,
    BlockQuote,
    Boilerplate,
    Box,
    Byline,
    Caption,
    Cell,
    Document,
    Edit,
    Figure,
    Footnote,
    Heading,
    Line,
    List,
    Mark,
    Metadata,
    PageBreak,
    Paragraph,
    PullQuote,
    Row,
    Section,
    Table,
)

# Any text at all: control characters, markup characters, right-to-left, lone surrogates.
any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec=None),
        st.sampled_from("<>&\"'*_[]#`\\\x00\x0b\u202e\u05d0\ud800\udfff\ufeff"),
    ),
    max_size=30,
)
maybe_text = st.none() | any_text
numbers = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def marks_for(draw, text: str) -> list[Mark]:
    out = []
    for _ in range(draw(st.integers(0, 2))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        kind = draw(st.sampled_from(["emphasis", "strong", "link", "edit"]))
        target = draw(any_text) if kind in ("link", "edit") else None
        out.append(Mark(kind=kind, start=a, end=b, target=target))
    return out


lines = st.builds(
    Line, text=any_text, number=st.none() | st.integers(1, 10**6),
    page=st.none() | st.integers(1, 999),
    box=st.none() | st.builds(Box, x0=numbers, y0=numbers, x1=numbers, y1=numbers),
    font=maybe_text, font_size=st.none() | numbers, bold=st.booleans(), italic=st.booleans(),
    blank_before=st.integers(0, 3), fill=st.none() | numbers, hyphen_word=maybe_text,
    column=st.none() | st.integers(1, 9), region=maybe_text, story=maybe_text,
)


def text_block(cls, text_strategy=any_text, **extra):
    @st.composite
    def build(draw):
        text = draw(text_strategy)
        kwargs = {k: draw(v) for k, v in extra.items()}
        return cls(text=text, marks=draw(marks_for(text)),
                   lines=draw(st.lists(lines, max_size=2)), **kwargs)
    return build()


def leaves(text_strategy=any_text):
    return st.one_of(
        text_block(Paragraph, text_strategy),
        text_block(Heading, text_strategy, level=st.integers(1, 6)),
        text_block(PullQuote, text_strategy),
        text_block(Byline, text_strategy),
        text_block(Boilerplate, text_strategy, reason=maybe_text),
        text_block(Footnote, text_strategy, label=maybe_text),
        st.builds(PageBreak, page=maybe_text),
        st.builds(Figure, src=maybe_text, alt=maybe_text, blocks=st.lists(
            text_block(Caption, text_strategy, credit=maybe_text), max_size=2)),
        st.builds(lambda captions, rows: Table(blocks=[*captions, *rows]),
                  st.lists(text_block(Caption, text_strategy, credit=maybe_text), max_size=1),
                  st.lists(st.builds(Row, header=st.booleans(), blocks=st.lists(
                      text_block(Cell, text_strategy, columns=st.integers(1, 3)), max_size=3)),
                      max_size=3)),
    )


def flow_blocks(text_strategy=any_text):
    """Blocks that may stand in an article or section, nested a few levels deep."""
    def extend(children):
        return st.one_of(
            st.builds(Section, blocks=st.lists(children, max_size=3)),
            st.builds(BlockQuote, blocks=st.lists(text_block(Paragraph, text_strategy), max_size=2)),
            st.builds(List, ordered=st.booleans(),
                      blocks=st.lists(text_block(Paragraph, text_strategy), max_size=3)),
        )
    return st.recursive(leaves(text_strategy), extend, max_leaves=8)


def documents(text_strategy=any_text):
    flow = flow_blocks(text_strategy)
    top = st.one_of(flow, st.builds(Article, blocks=st.lists(flow, max_size=4)))
    meta = st.builds(
        Metadata, title=st.none() | text_strategy, subtitle=maybe_text,
        authors=st.lists(any_text, max_size=2), date=maybe_text, language=maybe_text,
        publisher=maybe_text, site_name=maybe_text, url=maybe_text, source=maybe_text,
        identifiers=st.dictionaries(any_text, any_text, max_size=2),
        extra=st.dictionaries(any_text, any_text, max_size=2),
    )
    edits = st.builds(Edit, id=any_text, plugin=any_text, kind=any_text, original=any_text,
                      replacement=any_text, line=st.none() | st.integers(1, 10**6), note=maybe_text)
    return st.builds(
        Document, kind=maybe_text, metadata=meta, blocks=st.lists(top, max_size=5),
        edits=st.lists(edits, max_size=3), cleaners=st.lists(any_text, max_size=3),
    )
