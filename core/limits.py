"""Time and memory budgets of a conversion, so that a hostile input ends in a clear error.

- Time: a conversion (reading, cleaning and writing one output) may take at most
  ``COPYDESK_TIME_LIMIT`` seconds (``DEFAULT_SECONDS`` unless set; ``0``: no limit). Readers
  set tighter limits of their own inside it (pdfminer's layout of one PDF): ``time_limit``
  nests, the earlier deadline wins and says which budget ran out.
- Memory: the command line caps its own data memory (``setrlimit(RLIMIT_DATA)``) at
  ``COPYDESK_MAX_MEMORY_MB`` megabytes (``DEFAULT_MEMORY_MB`` unless set; ``0``: no cap); an
  input that needs more gets a one-line error instead of the machine's memory. Batch workers
  inherit the cap, so it holds per file. Library callers choose: ``cap_memory()``.

Both work in the main thread of a POSIX process (signals, rlimits); elsewhere they are
no-ops, and the conversion simply runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator

from copydesk.errors import InputError, UsageError

DEFAULT_SECONDS = 900.0  # a 2,000-page PDF or a METS issue of hundreds of pages fits
DEFAULT_MEMORY_MB = 4096


class TimeUp(InputError):
    """A time budget ran out; the message says which."""


def _setting(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise UsageError(f"{name} takes a number, not {value!r}") from None
    if number < 0:
        raise UsageError(f"{name} takes a number of at least 0, not {value!r}")
    return number


def conversion_seconds() -> float:
    """The time budget of one conversion (``COPYDESK_TIME_LIMIT``; 0: none)."""
    return _setting("COPYDESK_TIME_LIMIT", DEFAULT_SECONDS)


@contextlib.contextmanager
def time_limit(seconds: float, message: str) -> Iterator[None]:
    """Raise :class:`TimeUp` (with ``message``) in the body after ``seconds``. Nests: inside
    a limit that ends sooner, the outer one stays in force and its message is the one raised;
    the outer limit's remaining time is restored on the way out."""
    if (seconds <= 0 or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")):
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left <= seconds:
        yield  # the outer deadline comes first
        return

    def stop(signum: int, frame: object) -> None:
        raise TimeUp(message)

    previous = signal.signal(signal.SIGALRM, stop)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # give the outer limit the time it had left
            signal.setitimer(signal.ITIMER_REAL,
                             max(outer_left - (time.monotonic() - started), 1e-3))


@contextlib.contextmanager
def bounded(path: str | None = None) -> Iterator[None]:
    """One conversion within its budgets: running out of time or memory is an
    :class:`InputError` naming the input and the setting that raises the budget."""
    seconds = conversion_seconds()
    try:
        with time_limit(seconds, f"stopped after {seconds:g} s (the time budget of a "
                                 "conversion; raise it with COPYDESK_TIME_LIMIT)"):
            yield
    except TimeUp as exc:
        exc.path = exc.path or path
        raise
    except MemoryError:
        raise InputError(f"the input needs more memory than the budget of {memory_mb():g} MB "
                         "(raise it with COPYDESK_MAX_MEMORY_MB)", path=path) from None


def memory_mb() -> float:
    """The memory budget of the command line's process (``COPYDESK_MAX_MEMORY_MB``; 0:
    none)."""
    return _setting("COPYDESK_MAX_MEMORY_MB", DEFAULT_MEMORY_MB)


def cap_memory() -> None:
    """Cap this process's data memory at ``COPYDESK_MAX_MEMORY_MB`` (never raising a cap
    that is already lower); past it, allocations fail with :class:`MemoryError`."""
    megabytes = memory_mb()
    try:
        import resource
    except ImportError:  # not POSIX
        return
    if megabytes <= 0 or not hasattr(resource, "RLIMIT_DATA"):
        return
    wanted = int(megabytes * 1024 * 1024)
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        return
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (wanted, hard))
