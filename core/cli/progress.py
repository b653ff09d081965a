"""Progress of a batch on a terminal (rich), and nothing in pipes or CI."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

from copydesk.batch import Outcome


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator[Callable[[Outcome], None]]:
    """A callback to report each finished file: a bar on a terminal; failures as lines."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        def quiet(outcome: Outcome) -> None:
            if not outcome.ok:
                print(f"copydesk: {outcome.message}", file=sys.stderr)
        yield quiet
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                  transient=True) as bar:
        task = bar.add_task("converting", total=total)

        def show(outcome: Outcome) -> None:
            if not outcome.ok:
                console.print(f"copydesk: {outcome.message}", markup=False, highlight=False)
            bar.advance(task)

        yield show
