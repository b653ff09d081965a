"""``copydesk convert``: read inputs, clean them, write one output."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from copydesk import __version__, api, limits
from copydesk.cli.options import parse_cleaner_pairs, parse_pairs, plugin_option, split_names
from copydesk.errors import UsageError
from copydesk.model.nodes import Document
from copydesk.options import build_options
from copydesk.pipeline import cleaner_settings
from copydesk.pluginmanager import Plugins, make_plugins
from copydesk.remote import is_url
from copydesk.sources import Source

if TYPE_CHECKING:
    from copydesk import batch

STDIO = "-"
DEFAULT_STDOUT_FORMAT = "markdown"


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="PATH", help="Output file ('-' or none: stdout).")
@click.option("-f", "--from", "from_format", metavar="FORMAT", help="Input format (default: sniffed).")
@click.option("-t", "--to", "to_format", metavar="FORMAT", help="Output format (default: from -o).")
@click.option("--clean", "add", multiple=True, metavar="A,B", help="Run these cleaners too.")
@click.option("--no-clean", "remove", multiple=True, metavar="A,B",
              help="Skip these cleaners ('all': every default).")
@click.option("-C", "--clean-option", "cleaner_options", multiple=True, metavar="CLEANER.KEY=VALUE",
              help="An option of a cleaner (see 'copydesk plugins').")
@click.option("--report", is_flag=True, help="List every edit the cleaners made (on stderr).")
@click.option("-M", "--metadata", "metadata", multiple=True, metavar="KEY=VALUE",
              help="Set a metadata field (title, authors, date, language, publisher, …).")
@click.option("--title", metavar="TEXT", help="The title (same as -M title=TEXT).")
@click.option("-O", "--option", "writer_options", multiple=True, metavar="KEY=VALUE",
              help="An option of the output format (see 'copydesk formats').")
@click.option("--cover", metavar="IMAGE", help="A cover image (EPUB; same as -O cover=IMAGE).")
@click.option("--images", type=click.Path(file_okay=False, exists=True), metavar="DIR",
              help="Page images are here too (besides each input's folder): pictures on them "
                   "are cut into the figures (COPYDESK_IMAGES).")
@click.option("--tei-breaks", is_flag=True, help="Page, column and line breaks in TEI (-O breaks=true).")
@click.option("--output-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Batch: convert each input (files, folders, globs) to its own file in DIR.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Batch: files converted at once (default: the number of CPUs).")
@click.option("--force", is_flag=True,
              help="Batch: convert again files the output folder's manifest says are done.")
@click.option("--dask", "cluster", metavar="ADDRESS",
              help="Batch: convert on a Dask cluster (tcp://host:8786, or 'local').")
@plugin_option
def convert(
    inputs: tuple[str, ...], output: str | None, from_format: str | None,
    to_format: str | None, add: tuple[str, ...], remove: tuple[str, ...],
    cleaner_options: tuple[str, ...], report: bool,
    metadata: tuple[str, ...], title: str | None, writer_options: tuple[str, ...],
    cover: str | None, images: str | None, tei_breaks: bool, output_dir: str | None, jobs: int | None,
    force: bool, cluster: str | None, extra_plugins: tuple[str, ...],
) -> int | None:
    """Convert INPUT... ('-' for stdin) to one output; several inputs make one edition.

    With --output-dir, each input (file, folder or glob) becomes its own output instead.
    """
    # The model is a tree (no reference cycles): the cyclic collector only rescans a large
    # heap again and again while a long document is built, which costs a sixth of the run.
    gc.disable()
    if images:  # (the environment: batch workers inherit it)
        os.environ["COPYDESK_IMAGES"] = os.path.abspath(images)
    pairs = parse_pairs(metadata, "--metadata")
    if title:
        pairs["title"] = title
    options: dict[str, object] = dict(parse_pairs(writer_options, "--option"))
    if cover:
        options["cover"] = cover
    if tei_breaks:
        options["breaks"] = True
    plugins = make_plugins(extra=extra_plugins)
    cleaning = parse_cleaner_pairs(cleaner_options)
    cleaner_settings(plugins.cleaners, cleaning)  # fail early, before any file is read
    if output_dir is not None:
        from copydesk import batch  # (batches only: a single conversion starts faster)

        settings = batch.Settings(
            to_format=plugins.writer(to_format or "json").name, from_format=from_format,
            add=tuple(split_names(add)), remove=tuple(split_names(remove)),
            metadata=batch.as_pairs(pairs), options=batch.as_pairs(options),
            cleaner_options=tuple((k, batch.as_pairs(v)) for k, v in cleaning.items()),
            extra_plugins=extra_plugins, force=force)
        return run_batch(inputs, output_dir if is_url(output_dir) else Path(output_dir),
                         settings, plugins, jobs, cluster)
    if jobs or force or cluster:
        raise UsageError("--jobs, --force and --dask go with --output-dir (batch mode)")
    sources = [_source(i) for i in inputs]
    to_stdout = output in (None, STDIO)
    if to_stdout:
        writer = plugins.writer(to_format or DEFAULT_STDOUT_FORMAT)
        if writer.binary and sys.stdout.isatty():
            raise UsageError(f"{writer.name} output is binary; write it to a file with -o")
        target = sys.stdout.buffer
    else:
        target = output
    with limits.bounded(sources[0].name if len(sources) == 1 else None):
        doc = api.convert(
            sources, target, from_format=from_format, to_format=to_format or (
                writer.name if to_stdout else None),
            add=split_names(add), remove=split_names(remove), metadata=pairs, options=options,
            cleaner_options=cleaning, plugins=plugins, keep_edits=report,
        )
    if to_stdout:
        sys.stdout.flush()
    if report:
        print_report(doc)


def run_batch(inputs: tuple[str, ...], output_dir: Path | str, settings: batch.Settings,
              plugins: Plugins, jobs: int | None, cluster: str | None = None) -> int:
    """Convert each input to its own file; a summary line at the end; 1 if any failed."""
    from copydesk import batch, manifest
    from copydesk.cli.progress import progress_bar

    if STDIO in inputs:
        raise UsageError("batch mode reads files, not standard input")
    extensions = {e for r in plugins.readers.values() for e in r.extensions}
    writer = plugins.writer(settings.to_format)
    build_options(writer.options, dict(settings.options), f"writer {writer.name!r}")  # fail once
    planned = batch.plan(inputs, output_dir, writer.extension, extensions)
    if not planned:
        raise UsageError("no input files found")
    if isinstance(output_dir, Path):
        output_dir.mkdir(parents=True, exist_ok=True)
    workers = min(jobs or batch.default_workers(), len(planned))
    loaded = {name: info.source for name, info in plugins.info.items()}
    key = manifest.settings_key(settings, __version__, loaded)
    record = (manifest.RemoteManifest.at(output_dir) if isinstance(output_dir, str)
              else manifest.Manifest.load(output_dir))
    record.start(key, __version__, loaded, settings)
    try:
        with progress_bar(len(planned)) as report:
            summary = batch.run(planned, settings, workers, report, record, key, cluster)
    finally:
        record.close()
    failed, skipped = len(summary.failed), len(summary.skipped)
    done = len(summary.outcomes) - failed - skipped
    print(f"copydesk: converted {done} of {len(summary.outcomes)} files into {output_dir}"
          + (f"; {skipped} up to date already" if skipped else "")
          + (f"; {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def _source(arg: str) -> Source:
    if arg == STDIO:
        return Source(name="<stdin>", data=sys.stdin.buffer.read())
    return Source.from_path(arg)


def print_report(doc: Document) -> None:
    """Every edit, one line each: plugin, kind, source line, before -> after."""
    err = sys.stderr
    print(f"cleaners run: {', '.join(doc.cleaners) or 'none'}; edits: {len(doc.edits)}", file=err)
    for e in doc.edits:
        line = f"line {e.line}" if e.line else "line -"
        note = f"  ({e.note})" if e.note else ""
        print(f"  {e.plugin:<12} {e.kind:<12} {line:<10} {e.original!r} -> {e.replacement!r}{note}",
              file=err)
