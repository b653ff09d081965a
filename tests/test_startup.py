"""A short conversion starts fast: tables kept on disk (``copydesk.cache``) instead of word
lists loaded whole, word frequencies as wordfreq gives them, patterns compiled when used,
and the heavy libraries left unloaded where a run does not need them."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sqlite3
import subprocess
import sys

import pytest
import wordfreq

from copydesk import cache, lazyre, wordfreqs

NOTICE = ("The Colonial Treasurer stated that tho land at Windellama would be ofleied for\n"
          "sale by public auction at tho Treasury, Sydnoy, on Wednesday next; Mr. Hnrrv\n"
          "Walker, the auctioneer, will conduct tho sale of the land.\n")

RUN = """
import json, sys
import copydesk
from copydesk.plugins.cleaners import _ocrchannel
if sys.argv[1] == "memory":
    _ocrchannel.load("en")
doc = copydesk.clean(copydesk.read(sys.argv[2].encode(), "print-ocr", name="page.txt"))
print(json.dumps([[e.original, e.replacement, e.confidence] for e in doc.edits]))
print(json.dumps(sorted(m for m in ("wordfreq", "rapidfuzz", "concurrent.futures",
                                   "importlib.metadata") if m in sys.modules)))
"""


def _run(mode: str, folder) -> tuple[list, list]:
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(folder)}
    done = subprocess.run([sys.executable, "-c", RUN, mode, NOTICE], capture_output=True,
                          text=True, check=True, env=env)
    edits, modules = done.stdout.strip().splitlines()
    return json.loads(edits), json.loads(modules)


@pytest.mark.slow
def test_a_short_ocr_conversion_reads_its_tables_from_disk_and_corrects_as_from_memory(tmp_path):
    """The first run makes the tables; the next reads them from disk without importing
    wordfreq (or importlib.metadata: the plugins installed are known from the first), and
    every edit (misreadings, dehyphenation, all cleaners) is what the lists
    loaded into memory give."""
    in_memory, _ = _run("memory", tmp_path / "cache")
    first, _ = _run("disk", tmp_path / "cache")
    again, modules = _run("disk", tmp_path / "cache")
    assert ["tho", "the"] in [e[:2] for e in in_memory]
    assert first == again == in_memory
    assert modules == []
    made = sorted(re.sub("^entry-points-[0-9a-f]+$", "entry-points", p.name.rsplit("-", 1)[0])
                  + p.suffix for p in (tmp_path / "cache").iterdir())
    assert made == ["entry-points.marshal",  # (the plugins installed, as last found)
                    "misreadings-en.sqlite", "misreadings-tables-en.marshal",  # (the lists
                    "wordlist-en.marshal", "words-en.sqlite"]  # loaded whole: kept as loaded)


def test_zipf_frequencies_are_wordfreqs_own():
    """Plain words are looked up as wordfreq looks them up and rounded as it rounds; any
    other word is wordfreq's to judge."""
    words = [w for w in wordfreqs.frequencies("en") if re.fullmatch("[a-z]+", w)]
    sample = random.Random(7).sample(words, 3000)
    sample += [w.capitalize() for w in sample[:300]] + [w.upper() for w in sample[:100]]
    sample += ["qzxv", "Xq", "don’t", "l'homme", "co-operate", "1903", "naïve", "",
               "Idon't", "people’s", "o'clock", "Factory-Shop", "well-known", "twenty-five",
               "self-made-man", "rock'n'roll", "x-qzxv", "'tis", "dogs'", "-ing", "a--b"]
    sample += [f"{a}-{b}" for a, b in itertools.pairwise(sample[:400])]
    assert [wordfreqs.zipf(w) for w in sample] == [
        wordfreq.zipf_frequency(w.replace("’", "'"), "en") for w in sample]


def test_a_cached_table_is_made_once_per_stamp_and_never_half(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "_open", {})
    made = []

    def fill(db: sqlite3.Connection) -> None:
        made.append(1)
        db.execute("CREATE TABLE t (k)")
        db.execute("INSERT INTO t VALUES (42)")

    db = cache.cached_db("test", "list 1", fill)
    assert db is not None and db.execute("SELECT k FROM t").fetchone() == (42,)
    with pytest.raises(sqlite3.OperationalError):  # read only
        db.execute("INSERT INTO t VALUES (1)")
    cache._open.clear()
    assert cache.cached_db("test", "list 1", fill) is not None and made == [1]
    assert cache.cached_db("test", "list 2", fill) is not None and made == [1, 1]
    assert len(list((tmp_path / "c").glob("test-*"))) == 1  # the old list's table removed

    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE t (k)")
        raise OSError("disk full")

    assert cache.cached_db("broken", "list 1", broken) is None
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "c").iterdir()) == ["test"]
    # a cache folder that cannot be made: no table, and the callers load their lists instead
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "file" / "c"))
    assert cache.cached_db("test", "list 3", fill) is None


def test_a_cached_value_is_made_once_per_stamp_and_remade_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "c"))
    made = []

    def make() -> dict:
        made.append(1)
        return {"words": {"the": 0.05}, "common": frozenset({"the"}), "n": (1, 2.5)}

    value = cache.cached_value("test", "list 1", make)
    assert cache.cached_value("test", "list 1", make) == value and made == [1]
    assert cache.cached_value("test", "list 2", make) == value and made == [1, 1]
    (kept,) = (tmp_path / "c").glob("test-*.marshal")  # the old list's value removed
    kept.write_bytes(kept.read_bytes()[:20])  # cut short: made again
    assert cache.cached_value("test", "list 2", make) == value and made == [1, 1, 1]
    (tmp_path / "file").write_text("x")  # a folder that cannot be made: made each time
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "file" / "c"))
    assert cache.cached_value("test", "list 3", make) == value and made == [1, 1, 1, 1]


def test_a_lazy_pattern_compiles_once_and_matches_as_a_compiled_one():
    text = "Tho land, the LAND\nland and thé land."
    cases = ((r"\bth\w\b", re.IGNORECASE), (r"(\w+) land", 0), (r"^l(a)nd", re.MULTILINE))
    for pattern, flags in cases:
        lazy, plain = lazyre.compile(pattern, flags), re.compile(pattern, flags)
        assert lazy.findall(text) == plain.findall(text)
        assert lazy.sub("-", text) == plain.sub("-", text)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert lazy.search(text).group(0) == plain.search(text).group(0)
        assert lazy.pattern == pattern and lazy.groups == plain.groups
    lazy = lazyre.compile(r"\d+")
    assert "search" not in vars(lazy)  # not compiled until used …
    lazy.search("12")
    assert vars(lazy)["search"].__self__ is vars(lazy)["match"].__self__  # … then once


@pytest.mark.slow
def test_a_damaged_table_file_is_passed_over_and_the_conversion_is_the_same(tmp_path):
    """A table file that is not a database (a disk that failed, a hand that edited it): the
    lists are loaded as without a cache, and the corrections are the same."""
    clean, _ = _run("memory", tmp_path / "good")
    damaged = tmp_path / "bad"
    damaged.mkdir()
    _run("disk", damaged)  # (makes the files)
    for table in damaged.iterdir():
        table.write_bytes(b"not a database at all " * 100)
    edits, _ = _run("disk", damaged)
    assert edits == clean


def test_the_command_and_python_m_keep_their_own_lists_of_plugins(tmp_path):
    """``copydesk`` (the script's folder first on the import path) and ``python -m copydesk``
    (the working folder first) each keep their list of installed plugins: run in turns,
    neither remakes the other's (it took importlib.metadata, 40 ms, every time)."""
    code = ("import sys; sys.path[0] = sys.argv[1]; from copydesk import pluginmanager; "
            "pluginmanager._entry_point_specs(); print('importlib.metadata' in sys.modules)")
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    starts = [str(tmp_path / "bin"), str(tmp_path / "work")]
    for start in starts:
        os.makedirs(start)

    def scanned(start: str) -> bool:
        done = subprocess.run([sys.executable, "-c", code, start], capture_output=True,
                              text=True, check=True, env=env)
        return done.stdout.strip() == "True"

    assert [scanned(s) for s in starts] == [True, True]
    assert [scanned(s) for s in starts * 2] == [False] * 4
