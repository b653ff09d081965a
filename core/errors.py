"""Exceptions: every one carries a message fit for a single line on stderr."""

from __future__ import annotations


class CopydeskError(Exception):
    """Base of copydesk's errors; ``path`` names the file concerned, when there is one."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None) -> None:
        message = " ".join(message.split())  # one line, whatever a library's text held
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(CopydeskError):
    """The input cannot be read: missing, unreadable, or not in the expected format."""


class OutputError(CopydeskError):
    """The output cannot be written."""


class ModelError(CopydeskError):
    """A document breaks the model's rules (e.g. a caption outside a figure)."""


class UsageError(CopydeskError):
    """The request itself is wrong: unknown format or cleaner, bad option."""

    exit_code = 2


class PluginError(CopydeskError):
    """A plugin failed to load, register or run; ``plugin`` names it."""

    def __init__(self, message: str, *, plugin: str, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.plugin = plugin

    def __str__(self) -> str:
        text = f"plugin {self.plugin}: {self.message}"
        return f"{self.path}: {text}" if self.path else text


def describe(exc: BaseException) -> str:
    """A one-line description of any exception: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
