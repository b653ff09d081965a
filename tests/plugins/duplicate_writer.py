"""Test double: claims the name of the built-in markdown writer."""

from __future__ import annotations

from copydesk import Writer, hookimpl


@hookimpl
def register_writers(register):
    register(Writer(name="markdown", write=lambda d, s: None, extension="mdx"))
