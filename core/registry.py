"""What plugins register: reader, cleaner and writer records, and the registry that checks them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from copydesk import lazyre
from copydesk.errors import PluginError
from copydesk.model.nodes import Document
from copydesk.sources import Source

NAME = lazyre.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
RESERVED = frozenset({"all", "none"})  # words with a meaning of their own in --clean/--no-clean
ALL_KINDS = "*"


@dataclass(frozen=True, kw_only=True)
class Reader:
    """Turns one input into a :class:`Document`.

    ``sniff(head, name)`` returns a confidence from 0 to 1 that the input (its first bytes and its
    file name) is in this reader's format; the most confident reader wins when no format is given
    and the extension is ambiguous. ``kind`` is the input kind set on the documents it reads
    (cleaners choose their defaults by it); it defaults to the reader's name. ``binary``: the
    format is binary (PDF, images); other readers are never handed binary data or empty input.
    ``pieces(source)``, where a reader has it, reads a long input as a run of documents (a
    hundred pages or so each, with its line and page numbers as in the whole), so that it is
    converted a piece at a time in bounded memory (:mod:`copydesk.pieces`); a short input is
    one piece, the document ``read`` makes.
    """

    name: str
    read: Callable[[Source], Document]
    extensions: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()
    sniff: Callable[[bytes, str], float] | None = None
    kind: str | None = None
    description: str = ""
    binary: bool = False
    plugin: str = ""  # filled in by the registry
    pieces: Callable[[Source], Iterator[Document]] | None = None


@dataclass(frozen=True, kw_only=True)
class Cleaner:
    """A pure function ``Document -> Document``.

    ``after``/``before`` name cleaners this one must run after/before (when both run);
    ``default_for`` lists the input kinds it is on for by default (``"*"``: every kind).
    A cleaner with ``options`` (a dataclass whose fields all have defaults, each with a
    ``help`` in its metadata) is called as ``clean(document, options)``, the options filled
    from the user's ``-C NAME.KEY=VALUE`` pairs; one without as ``clean(document)``.
    ``prepare``, where given, loads what the cleaner needs for many documents (word lists):
    a batch calls it once before it starts its worker processes, which then share it.
    """

    name: str
    clean: Callable[[Document], Document]
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    default_for: tuple[str, ...] = ()
    description: str = ""
    plugin: str = ""
    options: type | None = None
    prepare: Callable[[], None] | None = None

    def is_default_for(self, kind: str | None) -> bool:
        return ALL_KINDS in self.default_for or (kind is not None and kind in self.default_for)


@dataclass(frozen=True, kw_only=True)
class Writer:
    """Writes a :class:`Document` to a binary stream; ``extension`` is its usual file ending.

    A writer with ``options`` (a dataclass whose fields all have defaults) is called as
    ``write(document, stream, options)`` with an instance filled from the user's
    ``-O key=value`` pairs; one without is called as ``write(document, stream)``.
    ``write_pieces``, where a writer has it, is called the same way with an iterator of
    documents instead of one: a long input converted a piece at a time
    (:mod:`copydesk.pieces`), written as one document as the pieces come.
    """

    name: str
    write: Callable[..., None]
    extension: str
    media_type: str = "application/octet-stream"
    binary: bool = False  # True when the output is not text (not sent to a terminal)
    options: type | None = None
    description: str = ""
    plugin: str = ""
    write_pieces: Callable[..., None] | None = None


Record = Reader | Cleaner | Writer


class Registry:
    """Collects the records of one kind, checking each and naming the plugin on any problem."""

    def __init__(self, record_type: type[Record]) -> None:
        self.record_type = record_type
        self.kind = record_type.__name__.lower()
        self.records: dict[str, Record] = {}

    def callback(self, plugin: str) -> Callable[[Record], None]:
        """The ``register`` function handed to one plugin's ``register_*`` hook."""

        def register(record: Record) -> None:
            self.add(plugin, record)

        return register

    def add(self, plugin: str, record: Record) -> None:
        if not isinstance(record, self.record_type):
            raise PluginError(
                f"register_{self.kind}s was given a {type(record).__name__}, "
                f"expected a copydesk.{self.record_type.__name__}",
                plugin=plugin,
            )
        if not NAME.match(record.name) or record.name in RESERVED:
            raise PluginError(
                f"{self.kind} name {record.name!r} must be lower-case words joined by '-' "
                f"and not one of {', '.join(sorted(RESERVED))}",
                plugin=plugin,
            )
        taken = self.records.get(record.name)
        if taken is not None:
            raise PluginError(
                f"{self.kind} {record.name!r} is already registered by plugin {taken.plugin}",
                plugin=plugin,
            )
        self.records[record.name] = dataclasses.replace(record, plugin=plugin)
