"""Lookup tables kept on disk between runs, so that a short conversion reads the few entries
it needs instead of loading whole word lists, and a long one loads them fast.

A table is an SQLite file in the user's cache folder (``COPYDESK_CACHE_DIR``, else
``$XDG_CACHE_HOME/copydesk``, else ``~/.cache/copydesk``), named after what it holds and a
stamp of what it was made from (a word list's version, a model's digest): when the stamp
changes, a new file is made and the old one removed. It is made once, by the first run that
needs it, into a temporary file renamed into place, so a run killed meanwhile or two runs at
once leave no half-made table. Where the folder cannot be written, there is no table and
callers load their data into memory as before: the cache only ever saves time.

A value (``cached_value``: word lists and tables of plain dictionaries, sets, strings and
numbers) is kept the same way in a ``marshal`` file, which Python reads back several times
faster than the lists' own formats are parsed or the tables rebuilt.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_open: dict[tuple[str, str], sqlite3.Connection | None] = {}


def cache_dir() -> Path:
    """The folder the tables live in."""
    if folder := os.environ.get("COPYDESK_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "copydesk"


def package_stamp(name: str) -> str:
    """What tells one installed version of package ``name`` from another: its ``__init__``
    file's size and time (found without importing the package, or ``importlib.metadata``,
    which alone costs a tenth of a short run); ``none`` where it is not installed."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        found = os.stat(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, ValueError, OSError):
        found = None
    return f"{name} {found.st_size} {found.st_mtime_ns}" if found else f"{name} none"


def table_file(name: str, stamp: str, suffix: str = ".sqlite") -> Path:
    return cache_dir() / f"{name}-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}{suffix}"


def cached_value(name: str, stamp: str, make: Callable[[], T]) -> T:
    """The value ``make`` returns, read from the cache's file ``name`` made from ``stamp``
    where there is one, else made and kept there (where the folder can be written)."""
    # (marshal's format may change with Python's version: it is part of the stamp)
    path = table_file(name, f"{stamp}; python {sys.version_info[:2]}", ".marshal")
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged: made again
        pass
    value = make()
    try:
        data = marshal.dumps(value)
        _make(path, lambda temporary: Path(temporary).write_bytes(data))
    except (OSError, ValueError):
        pass
    return value


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
            _make(path, lambda temporary: _fill_db(temporary, fill))
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db.execute("PRAGMA query_only = 1")
        db.execute("SELECT name FROM sqlite_master").fetchall()  # (not a database: refused)
        return db
    except (OSError, sqlite3.Error):
        return None


def _fill_db(temporary: str, fill: Callable[[sqlite3.Connection], None]) -> None:
    db = sqlite3.connect(temporary)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        fill(db)
        db.commit()
    finally:
        db.close()


def _make(path: Path, write: Callable[[str], Any]) -> None:
    """``path`` written whole by ``write`` (given a temporary file's name) or not at all; the
    files of the same name made from other stamps removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
        for stale in path.parent.glob(f"{path.stem.rsplit('-', 1)[0]}-*{path.suffix}"):
            if stale != path:  # made from an older word list or model: of no more use
                stale.unlink(missing_ok=True)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
