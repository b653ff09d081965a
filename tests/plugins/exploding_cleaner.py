"""Test double: a cleaner (on for every kind) that raises."""

from __future__ import annotations

from copydesk import Cleaner, hookimpl


def explode(doc):
    raise RuntimeError("boom")


@hookimpl
def register_cleaners(register):
    register(Cleaner(name="explode", clean=explode, default_for=("*",)))
