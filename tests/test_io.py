"""Inputs are decoded whatever their bytes; outputs appear whole or not at all."""

from __future__ import annotations

import pytest

from copydesk import InputError, Source
from copydesk.output import atomic_output
from copydesk.sources import decode_text


@pytest.mark.parametrize("data, text", [
    ("naïve “quotes”".encode(), "naïve “quotes”"),
    (b"\xef\xbb\xbfBOM first", "BOM first"),
    ("caf\u00e9".encode("cp1252") + " and ok “x”".encode(), "café and ok “x”"),
    (b"smart \x93quotes\x94 in cp1252", "smart “quotes” in cp1252"),
    (b"a\r\nb\rc", "a\nb\nc"),
    (b"ctl\x00\x01\x1b[0m\x7fs\tkept\fpage", "ctl[0ms\tkept\fpage"),
    ("utf16 text".encode("utf-16"), "utf16 text"),
    (b"\x81\x8d undefined cp1252 bytes", "\x81\x8d undefined cp1252 bytes".replace("\x81", "").replace("\x8d", "")),
])
def test_decoding_never_fails_and_keeps_what_it_can(data, text):
    assert decode_text(data) == text


def test_missing_and_directory_inputs_name_the_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Source.from_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        Source.from_path(tmp_path)


def test_atomic_output_replaces_only_when_complete(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write(b"half")
        raise RuntimeError("writer died")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    with atomic_output(target) as stream:
        stream.write(b"new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 != 0o600  # not the temporary file's private mode
