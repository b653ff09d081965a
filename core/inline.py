"""Inline marks as a tree, for writers of nested markup (XML, XHTML)."""

from __future__ import annotations

from copydesk.model.nodes import Mark

MarkTree = list[tuple[Mark, "MarkTree"]]


def nest(marks: list[Mark]) -> MarkTree:
    """Marks as a forest: a mark inside another becomes its child. A mark that crosses the
    end of an enclosing one is left out (elements cannot overlap); so is an empty one."""
    roots: MarkTree = []
    stack: list[tuple[Mark, MarkTree]] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start >= mark.end and mark.kind != "edit":
            continue
        while stack and stack[-1][0].end <= mark.start and stack[-1][0].end > stack[-1][0].start:
            stack.pop()
        if stack and mark.end > stack[-1][0].end:
            continue
        node: tuple[Mark, MarkTree] = (mark, [])
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots
