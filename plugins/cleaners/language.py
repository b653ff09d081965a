"""The ``language`` cleaner: the document's language, where its source did not say, from its
commonest words (``copydesk.languages``).

A web page says its language (``<html lang>``), a METS issue may (MODS), an OCR text or a
scan never does; without it an EPUB is ``und`` to a screen reader (it cannot choose a
voice) and a TEI edition has no ``xml:lang``. The text's function words name the language
when they are clear (English, German, French, Dutch, Spanish, Italian, Portuguese, Swedish,
Danish, Finnish, Polish, Czech); else the metadata stays as it was. The text is not changed,
and ``-M language=…`` always wins. Use: on by default for every input kind;
``--no-clean language``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from copydesk import Boilerplate, Cleaner, Document, TextBlock, hookimpl, iter_blocks
from copydesk.languages import language_of, tokens

NAME = "language"
SAMPLE = 20_000  # characters of body text read to judge (a long document's start will do)


def sample(doc: Document) -> list[str]:
    """The body text's first ``SAMPLE`` characters, block by block."""
    texts, size = [], 0
    for block in iter_blocks(doc):
        if isinstance(block, TextBlock) and not isinstance(block, Boilerplate):
            texts.append(block.text)
            size += len(block.text)
            if size >= SAMPLE:
                break
    return texts


def language(doc: Document) -> Document:
    if doc.metadata.language:
        return doc
    found = language_of(tokens(sample(doc)))
    if found is None:
        return doc
    return dataclasses.replace(doc, metadata=dataclasses.replace(doc.metadata, language=found))


@hookimpl
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    register(Cleaner(
        name=NAME, clean=language, before=("dehyphenate", "misreadings"), default_for=("*",),
        description="the document's language from its commonest words, where the source "
                    "does not say it",
    ))
