"""Writing outputs atomically: a temporary file beside the target, renamed into place when done."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from copydesk.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """Open ``path`` for binary writing so that it appears whole or not at all.

    An existing file at ``path`` is left untouched until the new content is complete; if the
    body of the ``with`` raises, the temporary file is removed and the error passes through.
    """
    target = Path(path)
    parent = target.parent
    if not parent.is_dir():
        raise OutputError("the folder does not exist", path=str(parent))
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
