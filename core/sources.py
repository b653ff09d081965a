"""Inputs as readers see them: a named byte source, and text decoding that never fails."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from copydesk import lazyre
from copydesk.errors import InputError

SNIFF_BYTES = 8192
# C0/C1 control characters that have no place in text (tab, newline and form feed are kept).
_CONTROL = lazyre.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode each byte that is not UTF-8 as Windows-1252 (latin-1 where that has no character)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="ignore") or bad.decode("latin-1"), exc.end


codecs.register_error("copydesk-cp1252", _cp1252_fallback)


def decode_text(data: bytes, repair: bool = False) -> str:
    """Bytes to text: UTF-8 (with or without BOM; UTF-16 by BOM), stray bytes read as cp1252.

    Line ends become ``\\n`` and control characters other than tab, newline and form feed are
    dropped, so every later stage (and every XML writer) sees only characters it can keep.
    With ``repair``, mojibake and odd Unicode are mended first (``ftfy``; typographic quotes
    are kept), before the control characters that mojibake is made of are dropped.
    """
    encoding, errors = _encoding(data)
    text = data.decode(encoding, errors=errors)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if repair:
        text = mend(text)
    return _CONTROL.sub("", text)


def _encoding(head: bytes) -> tuple[str, str]:
    """The codec and error handler :func:`decode_text` reads bytes that start so with."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "replace"
    return "utf-8-sig", "copydesk-cp1252"


def mend(text: str) -> str:
    """Mojibake and odd Unicode mended (``ftfy``; typographic quotes kept; entities left alone
    in text that holds tags).

    What ``ftfy.fix_text`` does, line by line as it goes, except that a line of printable
    ASCII (tabs aside) is passed over: no fixer changes one (an entity aside, while ftfy
    would still unescape them), and most lines of a web page are such lines (ftfy was half
    the reading of one)."""
    import ftfy  # only the readers of web text need it: keep it off the start-up path

    config = ftfy.TextFixerConfig(explain=False, uncurl_quotes=False)
    out = []
    at = 0
    while at < len(text):
        end = text.find("\n", at) + 1 or len(text)
        end = min(end, at + config.max_decode_length)
        segment = text[at:end]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)  # (as ftfy does: for good)
        if _PLAIN_ASCII.fullmatch(segment) and (config.unescape_html is False
                                                or "&" not in segment):
            out.append(segment)
        else:
            out.append(ftfy.fix_and_explain(segment, config).text)
        at = end
    return "".join(out)


_PLAIN_ASCII = lazyre.compile(r"[\t\x20-\x7e]*\n?")


_XML_DECL = lazyre.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = lazyre.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def markup_encoding(data: bytes) -> str:
    """The encoding of an XML or (X)HTML document: its byte-order mark, else its XML
    declaration, else a ``<meta charset>`` or ``http-equiv`` in its head, else UTF-8 (hOCR
    and PAGE-XML are XML; never a silent single-byte default). Unknown names count as none."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    head = data[:SNIFF_BYTES]
    for pattern in (_XML_DECL, _META_CHARSET):
        match = pattern.search(head.lstrip())
        if match:
            try:
                return codecs.lookup(match.group(1).decode("ascii")).name
            except LookupError:
                continue
    return "utf-8"


@dataclass(frozen=True)
class Source:
    """One input: a file on disk, or bytes (from stdin or the API) with a display name."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: str | Path) -> Source:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file", path=str(path))
        if p.is_dir():
            raise InputError("is a directory, not a file", path=str(path))
        return cls(name=str(path), path=p)

    @property
    def extension(self) -> str:
        """The lower-case extension without its dot ('' when there is none)."""
        return Path(self.name).suffix.lower().lstrip(".")

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=self.name) from None

    def read_text(self, repair: bool = False) -> str:
        """The input decoded by :func:`decode_text`; ``repair`` mends mojibake too."""
        return decode_text(self.read_bytes(), repair)

    def iter_text(self, size: int = 1 << 20) -> Iterator[str]:
        """The input decoded as :meth:`read_text` decodes it (without repair), in pieces of
        about ``size`` bytes read as they are needed: a long file is never held whole."""
        encoding, errors = _encoding(self.head(2))
        # (utf-8-sig's own incremental decoder holds back a lone first byte of a BOM for good)
        decoder = codecs.getincrementaldecoder(encoding.removesuffix("-sig"))(errors)
        start = True
        try:
            stream = io.BytesIO(self.data) if self.data is not None else self.path.open("rb")  # type: ignore[union-attr]
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=self.name) from None
        carry = ""
        with stream:
            while True:
                try:
                    block = stream.read(size)
                except OSError as exc:
                    raise InputError(f"cannot read: {exc.strerror or exc}",
                                     path=self.name) from None
                text = carry + decoder.decode(block, final=not block)
                if start and text and encoding == "utf-8-sig":
                    text, start = text.removeprefix("\ufeff"), False
                carry = "\r" if block and text.endswith("\r") else ""  # (a \r\n cut in two)
                text = text[:-1] if carry else text
                yield _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
                if not block:
                    return

    def head(self, size: int = SNIFF_BYTES) -> bytes:
        """The first ``size`` bytes, for sniffing the format."""
        if self.data is not None:
            return self.data[:size]
        assert self.path is not None
        try:
            with self.path.open("rb") as f:
                return f.read(size)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=self.name) from None
