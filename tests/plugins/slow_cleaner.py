"""Test double: a cleaner that takes a fifth of a second per document (a long batch)."""

from __future__ import annotations

import time

from copydesk import Cleaner, hookimpl


def slow(doc):
    time.sleep(0.2)
    return doc


@hookimpl
def register_cleaners(register):
    register(Cleaner(name="slow", clean=slow))
