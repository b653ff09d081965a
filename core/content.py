"""Inputs refused before any reader sees them: empty input, and binary data (a picture, a
program, an archive, random bytes) handed to a reader of text or markup. Nothing of that
kind is converted into a document of garbage."""

from __future__ import annotations

from copydesk.errors import InputError
from copydesk.registry import Reader
from copydesk.sources import SNIFF_BYTES, Source

# the first bytes of binary formats people have at hand
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"), (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
    (b"%PDF-", "a PDF file"), (b"\x7fELF", "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O program"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O program"), (b"\x00asm", "a WebAssembly module"),
    (b"PK\x03\x04", "a ZIP archive (EPUB, DOCX…)"), (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)  # (others, a BMP or a Windows program, have NUL bytes early)
CONTROL_SHARE = 0.01  # more control characters than this share of the bytes: not text
TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")  # (ESC: ANSI colours in a terminal capture)
_NOT_CONTROLS = bytes(b for b in range(256)
                      if not ((b < 0x20 and b not in TEXT_CONTROLS) or b == 0x7f))


def binary_kind(head: bytes) -> str | None:
    """What binary data the first bytes of an input are, or None if they may be text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None  # a byte-order mark: text (UTF-16 has NULs of its own)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "binary data (it has NUL bytes)"
    controls = len(head.translate(None, _NOT_CONTROLS))  # (the bytes left: the controls)
    if controls > CONTROL_SHARE * max(len(head), 1) and controls > 2:
        return "binary data (control characters)"
    return None


def refuse_garbage(source: Source, reader: Reader) -> None:
    """Raise an :class:`InputError` for an empty input, or binary data given to a reader
    that reads text or markup (``reader.binary`` false)."""
    head = source.head()
    if not head.strip() and len(head) < SNIFF_BYTES:
        raise InputError("the input is empty" if not head else "the input is blank",
                         path=source.name)
    if reader.binary:
        return
    kind = binary_kind(head)
    if kind:
        raise InputError(f"this is {kind}, not {reader.name} input: refused", path=source.name)
