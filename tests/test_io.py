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


def test_mending_is_ftfys_line_by_line_with_plain_ascii_lines_passed_over():
    """``mend`` skips the lines no fixer changes and gives what ``ftfy.fix_text`` gives:
    mojibake, entities (until a line with a tag), ligatures, wide letters, controls."""
    import random

    import ftfy

    from copydesk.sources import mend

    pieces = ["a", "B", " ", "\n", "\t", "&amp;", "&eacute;", "<p>", "</p>", "Ã©", "â€™", "ﬁ",
              "ｆ", "\r", "\x1b[31m", "\x85", "\x92", "é", "“", "—", "\u2028", "\x00", "\x7f",
              "plain words "]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert mend(text) == ftfy.fix_text(text, uncurl_quotes=False), repr(text)
    long_line = "x" * 5000 + "\n" + "Ã© " * 3000 + "\n"  # (ftfy cuts segments this long)
    assert mend(long_line) == ftfy.fix_text(long_line, uncurl_quotes=False)
