"""Test double: a cleaner with a ``prepare`` that records, in a file named by the
environment, which process loaded its list, and stamps each document with the process that
cleaned it."""

from __future__ import annotations

import dataclasses
import os

from copydesk import Cleaner, hookimpl

LOADED: list[int] = []  # the processes in which the list was loaded (this one, or a parent)


def prepare() -> None:
    LOADED.append(os.getpid())
    with open(os.environ["PREPARED_LOG"], "a", encoding="utf-8") as log:
        log.write(f"prepared {os.getpid()}\n")


def stamp(doc):
    with open(os.environ["PREPARED_LOG"], "a", encoding="utf-8") as log:
        log.write(f"cleaned {os.getpid()} with {LOADED}\n")
    return dataclasses.replace(doc)


@hookimpl
def register_cleaners(register):
    register(Cleaner(name="prepared", clean=stamp, prepare=prepare))
