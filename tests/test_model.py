from __future__ import annotations

import dataclasses

import pytest

from copydesk import (
    Article,
    Caption,
    Document,
    Figure,
    Heading,
    ModelError,
    Paragraph,
    PullQuote,
    Section,
    SparseVisitor,
    Visitor,
    iter_blocks,
    query,
    validate,
    walk,
)


def sample() -> Document:
    return Document(blocks=[
        Article(blocks=[
            Heading(text="Headline"),
            Paragraph(text="one"),
            Figure(blocks=[Caption(text="A picture.", credit="AFP")]),
            Section(blocks=[Paragraph(text="two")]),
        ]),
        PullQuote(text="quoted"),
    ])


def test_query_collects_in_document_order():
    texts = query(sample(), lambda b: getattr(b, "text", None))
    assert texts == ["Headline", "one", "A picture.", "two", "quoted"]


def test_walk_transforms_bottom_up_without_touching_the_original():
    doc = sample()
    upper = walk(doc, lambda b: dataclasses.replace(b, text=b.text.upper())
                 if isinstance(b, Paragraph) else b)
    assert query(upper, lambda b: b.text if isinstance(b, Paragraph) else None) == ["ONE", "TWO"]
    assert query(doc, lambda b: b.text if isinstance(b, Paragraph) else None) == ["one", "two"]


def test_walk_can_drop_and_splice():
    doc = walk(sample(), lambda b: None if isinstance(b, Figure) else
               [b, b] if isinstance(b, PullQuote) else b)
    types = [b.type_name() for b in iter_blocks(doc)]
    assert "figure" not in types and "caption" not in types
    assert types.count("pullquote") == 2


@pytest.mark.parametrize("doc, message", [
    (Document(blocks=[Caption(text="loose")]), "a caption may not stand in a document"),
    (Document(blocks=[Article(blocks=[Article(blocks=[])])]), "an article"),
    (Document(blocks=[Figure(blocks=[Paragraph(text="x")])]), "a paragraph may not stand in a figure"),
])
def test_content_model_is_enforced(doc, message):
    with pytest.raises(ModelError) as info:
        validate(doc)
    assert message.split(" may")[0].replace("an ", "a ") in str(info.value).replace("an ", "a ")


def test_validate_accepts_a_well_formed_tree():
    assert validate(sample()) is not None


def test_strict_visitor_fails_on_unhandled_nodes_and_sparse_visitor_walks_through():
    class Texts(SparseVisitor):
        def visit_paragraph(self, node):
            return node.text

    assert Texts().visit_all(sample().blocks) == [[None, "one", [None], ["two"]], None]
    with pytest.raises(ModelError, match="cannot handle node type .article."):
        Visitor().visit(sample().blocks[0])
