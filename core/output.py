"""Writing outputs so that nothing is lost: a regular file appears whole or not at all.

- A regular file (or a new one) is written to a temporary file beside it, named
  ``.NAME.copydesk-PID-XXXX.part``, and renamed into place when complete; on an error or an
  interrupt the temporary file is removed, and one left by a run that was killed (its process
  is gone) is removed by the next run that writes the same output.
- A symbolic link is followed: its target is replaced atomically, the link stays.
- A character device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a pipe) is written
  directly: there is nothing to replace, and renaming over it would destroy it.
- A directory is refused with a one-line error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from copydesk import lazyre
from copydesk.errors import OutputError

SPOOL = 64 * 2**20  # bytes of an output for a device kept in memory (more go to a temp file)
_TEMP = lazyre.compile(r"^\.(?P<name>.+)\.copydesk-(?P<pid>\d+)-[^.]+\.part$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (someone else's process: alive)
        return True
    return True


def remove_stale(target: Path) -> None:
    """Remove the temporary files a killed run left beside ``target`` (its process gone)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            match = _TEMP.match(entry.name)
            if match and match["name"] == target.name and not _alive(int(match["pid"])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """Open ``path`` for binary writing so that nothing is lost (see the module's notes).

    An existing file at ``path`` is left untouched until the new content is complete; if the
    body of the ``with`` raises, the temporary file is removed and the error passes through.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))  # the link's target is the output
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError("is a directory, not a file", path=str(path))
    if mode is not None and not stat.S_ISREG(mode):
        yield from _direct(target, path)
        return
    parent = target.parent
    if not parent.is_dir():
        raise OutputError("the folder does not exist", path=str(parent))
    remove_stale(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.copydesk-{os.getpid()}-",
                                   suffix=".part")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:  # (a full disk, a lost mount)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) \
            from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _direct(target: Path, shown: str | Path) -> Iterator[BinaryIO]:
    """Write into a device, FIFO or socket: the output is made in a spool first (a writer
    may need to seek: a ZIP's directory comes last), then copied in (no rename)."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL, prefix="copydesk-") as spool:
        yield spool  # type: ignore[misc]
        spool.seek(0)
        try:
            with open(target, "wb") as stream:
                shutil.copyfileobj(spool, stream)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(shown)) from None
