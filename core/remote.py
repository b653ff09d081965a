"""Batch outputs to a folder named by a URL: ``s3://bucket/out``, ``gs://…``, ``file:///…`` or
any protocol ``fsspec`` knows, where its package (``s3fs``, ``gcsfs``…) is installed.

Each output is made in a local temporary file, as any output is, and then put where it goes
in one piece: an object store shows an object only once it is whole, so a batch killed at any
moment leaves no partial output there either. The folder's manifest (``copydesk.manifest``)
is kept in it too; since an object cannot be appended to, the manifest is put again whole
every ``SYNC_FILES`` files or ``SYNC_SECONDS`` seconds and at the end. A batch killed
between two syncs converts again, on its rerun, the files it did since the last: the same
outputs, put again. The outputs already there are listed once, not asked for one by one.
"""

from __future__ import annotations

import time
from pathlib import Path, PurePosixPath
from typing import Any

from copydesk.errors import OutputError, UsageError

SYNC_FILES = 100
SYNC_SECONDS = 30.0


def is_url(folder: str | Path) -> bool:
    """Whether an output folder is named by a URL (``scheme://…``) rather than a path."""
    return isinstance(folder, str) and "://" in folder


def _fs(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UsageError(f"{url}: output to a URL needs fsspec (pip install fsspec, and s3fs "
                         "or the like for its protocol)") from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise UsageError(f"{url}: {exc}") from None


class RemoteFolder:
    """An output folder named by a URL."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.fs, self.root = _fs(self.url)

    def join(self, relative: PurePosixPath | Path) -> str:
        return f"{self.url}/{PurePosixPath(relative).as_posix()}"

    def path(self, url: str) -> str:
        """The filesystem's own path for a URL under this folder."""
        return self.root.rstrip("/") + url[len(self.url):]

    def make(self) -> None:
        try:
            self.fs.makedirs(self.root, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot make the folder: {exc}", path=self.url) from None

    def existing(self) -> set[str]:
        """The URLs of the files the folder holds now (one listing)."""
        try:
            found = self.fs.find(self.root)
        except (FileNotFoundError, OSError):
            return set()
        root = self.root.rstrip("/")
        return {self.url + p[len(root):] for p in found if p.startswith(root)}

    def read(self, name: str) -> str | None:
        try:
            return self.fs.cat_file(f"{self.root.rstrip('/')}/{name}").decode("utf-8")
        except (FileNotFoundError, OSError, UnicodeDecodeError):
            return None

    def write(self, name: str, text: str) -> None:
        try:
            self.fs.pipe_file(f"{self.root.rstrip('/')}/{name}", text.encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"cannot write: {exc}", path=f"{self.url}/{name}") from None


def put(local: Path, url: str) -> None:
    """Put a finished output where it goes (its folders made first, where there are any)."""
    fs, path = _fs(url)
    try:
        parent = path.rsplit("/", 1)[0]
        if parent and parent != path:
            fs.makedirs(parent, exist_ok=True)
        fs.put_file(str(local), path)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc}", path=url) from None


class Syncs:
    """When the manifest of a remote folder is put again: every ``SYNC_FILES`` files or
    ``SYNC_SECONDS`` seconds."""

    def __init__(self) -> None:
        self.files, self.last = 0, time.monotonic()

    def due(self) -> bool:
        self.files += 1
        if self.files >= SYNC_FILES or time.monotonic() - self.last >= SYNC_SECONDS:
            self.files, self.last = 0, time.monotonic()
            return True
        return False
