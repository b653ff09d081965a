"""Test double: registers a writer through the readers hook."""

from __future__ import annotations

from copydesk import Writer, hookimpl


@hookimpl
def register_readers(register):
    register(Writer(name="oops", write=lambda d, s: None, extension="x"))
