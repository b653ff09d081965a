"""A budget for what a PDF's compressed streams may inflate to, so a decompression bomb (a
1 MB file whose streams inflate to gigabytes) is refused with a clear error instead of filling
the memory.

pdfminer inflates Flate streams with ``zlib``; while :func:`budget` is active, the ``zlib`` it
sees counts every byte it inflates against ``COPYDESK_PDF_MAX_MB`` megabytes (``MAX_MB`` by
default) for the whole file, and stops at the limit. Outside a budget it behaves as ``zlib``.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import zlib
from collections.abc import Iterator
from typing import Any

from copydesk import InputError

MAX_MB = 512  # inflated megabytes one PDF may hold (COPYDESK_PDF_MAX_MB raises it)
_LEFT: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("pdf_budget", default=None)


class Inflated(BaseException):
    """The PDF's streams inflate past the budget (a BaseException: no handler in pdfminer
    that catches ``Exception`` may swallow it)."""


def _take(size: int) -> None:
    left = _LEFT.get()
    if left is None:
        return
    left[0] -= size
    if left[0] < 0:
        raise Inflated


def _room() -> int:
    left = _LEFT.get()
    return -1 if left is None else left[0] + 1


class _Decompressor:
    """A ``zlib.decompressobj`` that counts what it inflates against the budget."""

    def __init__(self, *args: Any) -> None:
        self._inner = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = _room()
        if room >= 0 and (not max_length or max_length > room):
            max_length = room
        out = self._inner.decompress(data, max_length) if max_length else self._inner.decompress(data)
        _take(len(out))
        if room >= 0 and self._inner.unconsumed_tail and len(out) >= room:
            raise Inflated
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _BoundedZlib:
    """``zlib`` as pdfminer uses it, with inflation counted against the budget."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        if _LEFT.get() is None:
            return zlib.decompress(data, *args)
        inflater = _Decompressor(*args[1:2])
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args: Any) -> _Decompressor:
        return _Decompressor(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def install() -> None:
    """Give pdfminer the counting ``zlib`` (idempotent)."""
    from pdfminer import pdftypes, utils

    for module in (pdftypes, utils):
        if getattr(module, "zlib", None) is zlib:
            module.zlib = _BoundedZlib()  # type: ignore[attr-defined]


def limit_mb() -> int:
    raw = os.environ.get("COPYDESK_PDF_MAX_MB", "")
    if not raw:
        return MAX_MB
    if not raw.isdigit() or int(raw) < 1:
        raise InputError(f"COPYDESK_PDF_MAX_MB={raw!r} is no whole number of megabytes")
    return int(raw)


@contextlib.contextmanager
def budget() -> Iterator[None]:
    """Count inflation in the body against the limit; past it, an :class:`InputError`."""
    install()
    mb = limit_mb()
    token = _LEFT.set([mb * 1024 * 1024])
    try:
        yield
    except Inflated:
        raise InputError(f"the PDF's streams inflate to more than {mb} MB (a decompression "
                         "bomb?); COPYDESK_PDF_MAX_MB raises the limit") from None
    finally:
        _LEFT.reset(token)
