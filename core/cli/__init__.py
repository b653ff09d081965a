"""The ``copydesk`` command: a click group, and error handling that prints one line per problem.

Exit status: 0 success, 1 bad input or a failed conversion, 2 bad usage, 3 an internal error
(``--debug`` or ``COPYDESK_DEBUG=1`` shows its traceback).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence

import click

from copydesk import __version__, limits
from copydesk.cli.convert import convert
from copydesk.cli.info import formats, plugins
from copydesk.errors import CopydeskError, describe


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def cli(debug: bool) -> None:
    """Turn messy text (print OCR, copied web pages, PDFs) into clean documents."""


cli.add_command(convert)
cli.add_command(plugins)
cli.add_command(formats)


def fail(message: str) -> None:
    """Print ``copydesk: message`` on stderr as a single line."""
    print("copydesk: " + " ".join(str(message).split()), file=sys.stderr)


class Terminated(KeyboardInterrupt):
    """SIGTERM, unwinding like Ctrl-C so that no half-written temporary file stays."""


_signals: list[int] = []  # the terminating signals received (click turns them into Abort)


def _terminate(signum: int, frame: object) -> None:
    _signals.append(signum)
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status; never lets a traceback through unless asked."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or bool(os.environ.get("COPYDESK_DEBUG"))
    if threading.current_thread() is not threading.main_thread():
        return _main(args, debug)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(args, debug)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(args: list[str], debug: bool) -> int:
    try:
        limits.cap_memory()
        result = cli.main(args=args, prog_name="copydesk", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        if _signals:
            return 128 + _signals[-1]
        fail("aborted")
        return 130
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "copydesk"
        fail(f"{exc.format_message()} (see '{where} --help')")
        return 2
    except click.ClickException as exc:
        fail(exc.format_message())
        return exc.exit_code
    except CopydeskError as exc:
        if debug:
            raise
        fail(str(exc))
        return exc.exit_code
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if debug:
            raise
        fail(f"internal error: {describe(exc)} (run with --debug for details)")
        return 3
