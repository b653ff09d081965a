"""Lookup tables kept on disk between runs, so that a short conversion reads the few entries
it needs instead of loading whole word lists.

A table is an SQLite file in the user's cache folder (``COPYDESK_CACHE_DIR``, else
``$XDG_CACHE_HOME/copydesk``, else ``~/.cache/copydesk``), named after what it holds and a
stamp of what it was made from (a word list's version, a model's digest): when the stamp
changes, a new file is made and the old one removed. It is made once, by the first run that
needs it, into a temporary file renamed into place, so a run killed meanwhile or two runs at
once leave no half-made table. Where the folder cannot be written, there is no table and
callers load their data into memory as before: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

_open: dict[tuple[str, str], sqlite3.Connection | None] = {}


def cache_dir() -> Path:
    """The folder the tables live in."""
    if folder := os.environ.get("COPYDESK_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "copydesk"


def table_file(name: str, stamp: str) -> Path:
    return cache_dir() / f"{name}-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.sqlite"


def cached_db(name: str, stamp: str, fill: Callable[[sqlite3.Connection], None]
              ) -> sqlite3.Connection | None:
    """A read-only connection to the table file ``name`` made from ``stamp``, made first by
    ``fill`` (given an empty database to create tables in) where there is none; ``None``
    where it cannot be made or opened. One connection per process (a batch worker opens
    its own)."""
    key = (name, f"{os.getpid()} {stamp}")
    if key not in _open:
        _open[key] = _connect(table_file(name, stamp), fill)
    return _open[key]


def _connect(path: Path, fill: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection | None:
    try:
        if not path.exists():
            _make(path, fill)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db.execute("PRAGMA query_only = 1")
        db.execute("SELECT name FROM sqlite_master").fetchall()  # (not a database: refused)
        return db
    except (OSError, sqlite3.Error):
        return None


def _make(path: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            fill(db)
            db.commit()
        finally:
            db.close()
        os.replace(temporary, path)
        for stale in path.parent.glob(f"{path.stem.rsplit('-', 1)[0]}-*.sqlite"):
            if stale != path:  # made from an older word list or model: of no more use
                stale.unlink(missing_ok=True)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
