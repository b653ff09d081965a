"""Traversals of the document tree: ``walk`` (transform), ``query`` (collect), visitors, checks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from copydesk.errors import ModelError
from copydesk.model.nodes import DOCUMENT_CONTENT, Block, Container, Document

T = TypeVar("T", Document, Block)
Replacement = Block | list[Block] | None


def walk(node: T, fn: Callable[[Block], Replacement]) -> T:
    """Return a copy of ``node`` with ``fn`` applied to every block below it, bottom-up.

    ``fn`` returns the block itself (unchanged), a new block, a list of blocks to splice in its
    place, or ``None`` to drop it. Containers are copied, never changed in place.
    """
    if not isinstance(node, Document | Container):
        return node
    new_blocks: list[Block] = []
    for child in node.blocks:
        result = fn(walk(child, fn))
        if result is None:
            continue
        if isinstance(result, list):
            new_blocks.extend(result)
        else:
            new_blocks.append(result)
    return dataclasses.replace(node, blocks=new_blocks)


def iter_blocks(node: Document | Block) -> Iterator[Block]:
    """Every block below ``node`` in document order (pre-order)."""
    if isinstance(node, Document | Container):
        for child in node.blocks:
            yield child
            yield from iter_blocks(child)


def query(node: Document | Block, fn: Callable[[Block], Any]) -> list[Any]:
    """The results of ``fn`` over every block below ``node`` in document order, ``None`` left out."""
    return [r for r in map(fn, iter_blocks(node)) if r is not None]


def validate(doc: Document) -> Document:
    """Check every container's content model; raise :class:`ModelError` naming the place."""
    if not isinstance(doc, Document):
        raise ModelError(f"expected a Document, got {type(doc).__name__}")
    _check_children(doc.blocks, DOCUMENT_CONTENT, "document", "document")
    return doc


def _check_children(
    blocks: list[Block], allowed: tuple[type[Block], ...], owner: str, where: str
) -> None:
    for i, block in enumerate(blocks):
        here = f"{where}/{i}"
        if type(block) not in allowed:
            raise ModelError(f"{here}: a {block.type_name()} may not stand in a {owner}")
        if isinstance(block, Container):
            name = block.type_name()
            _check_children(block.blocks, block.content, name, f"{here}:{name}")


class Visitor:
    """Strict visitor: dispatches to ``visit_<type>`` and fails on a node type it does not know.

    Writers subclass it so that a new node type can never be silently dropped from an output.
    """

    def visit(self, node: Block) -> Any:
        method = getattr(self, f"visit_{node.type_name()}", None)
        if method is None:
            return self.unknown(node)
        return method(node)

    def visit_all(self, blocks: list[Block]) -> list[Any]:
        return [self.visit(b) for b in blocks]

    def unknown(self, node: Block) -> Any:
        raise ModelError(f"{type(self).__name__} cannot handle node type '{node.type_name()}'")


class SparseVisitor(Visitor):
    """Visitor for passes that care about a few node types: others are walked through."""

    def unknown(self, node: Block) -> Any:
        if isinstance(node, Container):
            return self.visit_all(node.blocks)
        return None
