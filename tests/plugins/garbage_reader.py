"""Test double: a reader that returns something that is not a Document."""

from __future__ import annotations

from copydesk import Reader, hookimpl


@hookimpl
def register_readers(register):
    register(Reader(name="garbage", read=lambda source: {"not": "a document"}, extensions=("gbg",)))
