"""The Python API: ``read``, ``clean``, ``write`` and ``convert``; the CLI is a thin layer on it."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from copydesk.content import refuse_garbage
from copydesk.edition import combine
from copydesk.errors import CopydeskError, PluginError, UsageError, describe
from copydesk.model.nodes import Document, Metadata
from copydesk.model.walk import validate
from copydesk.options import build_options
from copydesk.output import atomic_output
from copydesk.pieces import cleaned_pieces
from copydesk.pipeline import cleaner_settings, order_cleaners, run_cleaners, select_cleaners
from copydesk.pluginmanager import Plugins, make_plugins
from copydesk.registry import Reader, Writer
from copydesk.sources import Source

InputLike = str | os.PathLike[str] | bytes | BinaryIO | Source

_default_plugins: Plugins | None = None


def default_plugins() -> Plugins:
    """The plugins of this process (built-ins and installed third-party), loaded once."""
    global _default_plugins
    if _default_plugins is None:
        _default_plugins = make_plugins()
    return _default_plugins


def to_source(source: InputLike, name: str | None = None) -> Source:
    if isinstance(source, Source):
        return source
    if isinstance(source, bytes):
        return Source(name=name or "<bytes>", data=source)
    if hasattr(source, "read"):
        return Source(name=name or getattr(source, "name", "<stream>"), data=source.read())
    return Source.from_path(source)  # type: ignore[arg-type]


def read(
    source: InputLike, format: str | None = None, *, name: str | None = None,
    plugins: Plugins | None = None,
) -> Document:
    """Read one input into a Document; ``format`` is a reader name, sniffed when omitted."""
    plugins = plugins or default_plugins()
    src = to_source(source, name)
    reader = plugins.reader(format) if format else plugins.reader_for(src)
    refuse_garbage(src, reader)
    return _checked(reader, src, _call_reader(reader, src, lambda: reader.read(src)))


def read_pieces(
    source: InputLike, format: str | None = None, *, name: str | None = None,
    plugins: Plugins | None = None,
) -> Iterator[Document]:
    """Read one input as a run of documents, a hundred pages or so each, read as they are
    needed where its reader can (:mod:`copydesk.pieces`); else, and for a short input, the one
    document :func:`read` makes."""
    plugins = plugins or default_plugins()
    src = to_source(source, name)
    reader = plugins.reader(format) if format else plugins.reader_for(src)
    refuse_garbage(src, reader)
    if reader.pieces is None:
        yield _checked(reader, src, _call_reader(reader, src, lambda: reader.read(src)))
        return
    pieces = _call_reader(reader, src, lambda: reader.pieces(src))  # type: ignore[misc]
    while (piece := _call_reader(reader, src, lambda: next(pieces, None))) is not None:
        yield _checked(reader, src, piece)


def _call_reader(reader: Reader, src: Source, call: Callable[[], Any]) -> Any:
    """``call()``, with what a reader raises made an error that names the input and plugin."""
    try:
        return call()
    except CopydeskError as exc:
        exc.path = exc.path or src.name
        raise
    except MemoryError:
        raise  # the memory budget (copydesk.limits), not the reader's fault
    except Exception as exc:
        raise PluginError(
            f"reader {reader.name!r} failed: {describe(exc)}", plugin=reader.plugin, path=src.name
        ) from exc


def _checked(reader: Reader, src: Source, doc: Any) -> Document:
    """A document a reader made, checked, with its input kind and source set."""
    if not isinstance(doc, Document):
        raise PluginError(f"reader {reader.name!r} returned no Document", plugin=reader.plugin)
    doc.kind = doc.kind or reader.kind or reader.name
    doc.metadata.source = doc.metadata.source or Path(src.name).name
    return validate(doc)


def clean(
    doc: Document, cleaners: Iterable[str] | None = None, *, add: Iterable[str] = (),
    remove: Iterable[str] = (), plugins: Plugins | None = None, path: str | None = None,
    cleaner_options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Document:
    """Run cleaners over a document and return the cleaned copy.

    ``cleaners`` names exactly which to run; when it is ``None`` the defaults for the
    document's kind that have not already run on it (a document read back from JSON keeps
    that record) run, plus ``add`` and minus ``remove``. They run in dependency order.
    ``cleaner_options`` gives cleaners their options: ``{"misreadings": {"threshold": 0.99}}``.
    """
    plugins = plugins or default_plugins()
    if cleaners is None:
        done = [n for n in doc.cleaners if n in plugins.cleaners]
        names = select_cleaners(plugins.cleaners, doc.kind, add, [*remove, *done])
    else:
        names = select_cleaners(plugins.cleaners, doc.kind, cleaners, ["all"])
    settings = cleaner_settings(plugins.cleaners, cleaner_options)
    return run_cleaners(doc, order_cleaners(plugins.cleaners, names), path=path, settings=settings)


def write(
    doc: Document | Iterator[Document], dest: str | os.PathLike[str] | BinaryIO,
    format: str | None = None, *, options: Mapping[str, Any] | None = None,
    plugins: Plugins | None = None,
) -> None:
    """Write a document to a path (atomically) or a binary stream; ``format`` is a writer name,
    taken from the path's extension when omitted; ``options`` are the writer's (``key=value``
    strings or values). ``doc`` may be an iterator of a long input's cleaned pieces
    (:mod:`copydesk.pieces`), for a writer that writes as they come."""
    plugins = plugins or default_plugins()
    if format:
        writer = plugins.writer(format)
    elif isinstance(dest, str | os.PathLike):
        writer = plugins.writer_for_path(os.fspath(dest))
    else:
        raise UsageError("name the output format when writing to a stream")
    chosen = build_options(writer.options, options or {}, f"writer {writer.name!r}")
    if isinstance(dest, str | os.PathLike) and getattr(chosen, "images", None) == "":
        # pictures cut from page images go beside the output, in a folder named after it
        folder = Path(os.fspath(dest)).stem + "_images"
        chosen = dataclasses.replace(chosen, images=str(Path(os.fspath(dest)).parent / folder),
                                     images_link=chosen.images_link or folder)
    if isinstance(dest, str | os.PathLike):
        with atomic_output(dest) as stream:
            _run_writer(writer, doc, stream, os.fspath(dest), chosen)
    else:
        _run_writer(writer, doc, dest, getattr(dest, "name", "<stream>"), chosen)


def _run_writer(writer: Writer, doc: Document | Iterator[Document], stream: BinaryIO,
                where: str, options: Any) -> None:
    call = writer.write
    if not isinstance(doc, Document):
        if writer.write_pieces is None:
            raise UsageError(f"the {writer.name} writer cannot write a document in pieces")
        call = writer.write_pieces
    try:
        if writer.options is None:
            call(doc, stream)
        else:
            call(doc, stream, options)
    except BrokenPipeError:
        raise  # the reader of the output went away: not the writer's fault
    except CopydeskError as exc:
        exc.path = exc.path or where
        raise
    except MemoryError:
        raise  # the memory budget (copydesk.limits), not the writer's fault
    except Exception as exc:
        raise PluginError(
            f"writer {writer.name!r} failed: {describe(exc)}", plugin=writer.plugin, path=where
        ) from exc


def set_metadata(doc: Document, pairs: Mapping[str, str]) -> Document:
    """A copy of ``doc`` with metadata fields set from ``key=value`` pairs.

    Known keys set their field (``author``/``authors`` take names separated by ``;``);
    ``identifier`` sets ``identifiers["id"]``; any other key goes to ``extra``.
    """
    meta = dataclasses.replace(doc.metadata, identifiers=dict(doc.metadata.identifiers),
                               extra=dict(doc.metadata.extra))
    scalar = {f.name for f in dataclasses.fields(Metadata) if f.type in ("str | None",)}
    for key, value in pairs.items():
        if key in ("author", "authors"):
            meta.authors = [a.strip() for a in value.split(";") if a.strip()]
        elif key == "identifier":
            meta.identifiers["id"] = value
        elif key in scalar:
            setattr(meta, key, value)
        else:
            meta.extra[key] = value
    return dataclasses.replace(doc, metadata=meta)


def convert(
    inputs: Sequence[InputLike] | InputLike, output: str | os.PathLike[str] | BinaryIO, *,
    from_format: str | None = None, to_format: str | None = None, add: Iterable[str] = (),
    remove: Iterable[str] = (), metadata: Mapping[str, str] | None = None,
    options: Mapping[str, Any] | None = None, plugins: Plugins | None = None,
    cleaner_options: Mapping[str, Mapping[str, Any]] | None = None, keep_edits: bool = True,
) -> Document:
    """Read, clean and write: several inputs make one edition, an article per story;
    ``options`` go to the writer, ``cleaner_options`` to the cleaners (see :func:`clean`).

    Returns the document written. A long input whose reader and writer can (print OCR or
    PDF to JSON, TEI or Markdown) is converted a piece at a time in bounded memory
    (:mod:`copydesk.pieces`); what is returned then is its record without the blocks:
    metadata, cleaners and (unless ``keep_edits`` is false, which keeps memory flat however
    long the input) the edits."""
    plugins = plugins or default_plugins()
    if isinstance(inputs, str | bytes | os.PathLike | Source) or hasattr(inputs, "read"):
        inputs = [inputs]  # type: ignore[list-item]
    sources = [to_source(item) for item in inputs]  # type: ignore[union-attr]
    if not sources:
        raise UsageError("no input given")
    if isinstance(output, str | os.PathLike):
        _refuse_overwriting_inputs(sources, Path(output))
        writer = plugins.writer(to_format) if to_format else plugins.writer_for_path(
            os.fspath(output))
    elif to_format is None:
        raise UsageError("name the output format when writing to a stream")
    else:
        writer = plugins.writer(to_format)
    build_options(writer.options, options or {}, f"writer {writer.name!r}")  # fail early
    cleaner_settings(plugins.cleaners, cleaner_options)

    def cleaned(doc: Document, src: Source) -> Document:
        return clean(doc, add=add, remove=remove, plugins=plugins, path=src.name,
                     cleaner_options=cleaner_options)

    if len(sources) == 1 and writer.write_pieces is not None:
        src = sources[0]
        pieces = read_pieces(src, from_format, plugins=plugins)
        head = [next(pieces), *filter(None, [next(pieces, None)])]
        if len(head) == 2:  # a long input: read, cleaned and written a piece at a time
            record = Document()
            write(cleaned_pieces(_prepend(head, pieces),
                                 lambda piece: cleaned(piece, src), record,
                                 lambda doc: set_metadata(doc, metadata or {}), keep_edits),
                  output, writer.name, options=options, plugins=plugins)
            return record
        docs = [cleaned(head[0], src)]
    else:
        docs = [cleaned(read(src, from_format, plugins=plugins), src) for src in sources]
    doc = combine(docs)
    if metadata:
        doc = set_metadata(doc, metadata)
    write(doc, output, writer.name, options=options, plugins=plugins)
    return doc


def _prepend(items: list[Document], rest: Iterator[Document]) -> Iterator[Document]:
    """``items``, then ``rest``, each let go once handed on (pieces are large)."""
    while items:
        yield items.pop(0)
    yield from rest


def _refuse_overwriting_inputs(sources: Sequence[Source], output: Path) -> None:
    for src in sources:
        if src.path is not None and output.exists() and output.samefile(src.path):
            raise UsageError("the output is one of the inputs; inputs are never overwritten",
                             path=str(output))
