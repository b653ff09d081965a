"""Hook specifications: how a plugin tells copydesk what it provides.

A plugin is a module (built in, found through the ``copydesk`` entry-point group, or named with
``--plugin``) that implements one or more of these hooks with ``@copydesk.hookimpl``. Each hook
receives a ``register`` callback; the plugin calls it once per record it provides.
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from copydesk.registry import Cleaner, Reader, Writer

PROJECT = "copydesk"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register readers, each turning one input into a ``Document``.

    Called once per run, when the plugins are loaded, before any input is read.

    Args:
        register: call once per reader, e.g. ``register(Reader(name="text", read=read_text,
            extensions=("txt",), sniff=sniff_text))``. ``read(source)`` gets a
            ``copydesk.Source`` and returns a ``Document``; raise ``copydesk.InputError`` for
            input it cannot read.

    Raises:
        copydesk.PluginError: if the name is already taken (the message names both plugins) or
            the record is not a ``Reader``.
    """


@hookspec
def register_cleaners(register: Callable[[Cleaner], None]) -> None:
    """Register cleaners, each a pure function ``Document -> Document``.

    Called once per run, when the plugins are loaded. The pipeline runs the selected cleaners
    in an order that satisfies every ``after``/``before`` constraint (ties keep registration
    order); a cycle, or a constraint naming an unknown cleaner, is an error.

    Args:
        register: call once per cleaner, e.g. ``register(Cleaner(name="dehyphenate",
            clean=dehyphenate, before=("reflow",), default_for=("print-ocr", "pdf")))``.
            A cleaner must not change the document it is given; it returns a new one, and
            appends a ``copydesk.Edit`` to ``edits`` for every change it makes to the text.

    Raises:
        copydesk.PluginError: if the name is already taken or the record is not a ``Cleaner``.
    """


@hookspec
def register_writers(register: Callable[[Writer], None]) -> None:
    """Register writers, each writing a ``Document`` to a binary stream.

    Called once per run, when the plugins are loaded. The core opens the output (a temporary
    file renamed into place when complete, or standard output) and passes the stream.

    Args:
        register: call once per writer, e.g. ``register(Writer(name="markdown",
            write=write_markdown, extension="md"))``. ``write(document, stream)`` writes bytes;
            a writer that declares ``options`` (a dataclass) is called as
            ``write(document, stream, options)`` with the user's ``-O key=value`` settings.

    Raises:
        copydesk.PluginError: if the name is already taken or the record is not a ``Writer``.
    """
