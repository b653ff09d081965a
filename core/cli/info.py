"""``copydesk plugins`` and ``copydesk formats``: what this installation can do.

On a terminal both print tables (``rich``); ``--json`` prints JSON (``plugins`` also does when
its output is piped, as scripts expect). Options are listed with their type, default and the
sentence of help their dataclass field carries (``field(metadata={"help": …})``).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

import click

from copydesk.cli.options import plugin_option
from copydesk.pipeline import order_cleaners, select_cleaners
from copydesk.pluginmanager import Plugins, make_plugins


def option_help(cls: type | None) -> list[dict[str, Any]]:
    """Each option of an options dataclass: name (as typed on the command line), type,
    default and help."""
    if cls is None:
        return []
    return [{"name": f.name.replace("_", "-"), "type": _type_name(f.type),
             "default": f.default if f.default is not dataclasses.MISSING else None,
             "help": f.metadata.get("help", "")}
            for f in dataclasses.fields(cls)]


def _type_name(hint: object) -> str:
    text = hint if isinstance(hint, str) else getattr(hint, "__name__", str(hint))
    return {"bool": "true/false", "str | None": "text", "str": "text", "float": "number",
            "int": "whole number", "Path | None": "path"}.get(text, text)


def describe_plugins(plugins: Plugins) -> dict:
    """Every plugin (sorted by name), every cleaner with its options, and the default cleaner
    order for every input kind."""
    kinds = sorted(
        {r.kind or r.name for r in plugins.readers.values()}
        | {k for c in plugins.cleaners.values() for k in c.default_for if k != "*"}
    )
    order = {
        kind: [c.name for c in order_cleaners(
            plugins.cleaners, select_cleaners(plugins.cleaners, kind))]
        for kind in kinds
    }
    cleaners = [
        {"name": c.name, "plugin": c.plugin, "description": c.description,
         "default_for": list(c.default_for), "after": list(c.after), "before": list(c.before),
         "options": option_help(c.options)}
        for c in plugins.cleaners.values()
    ]
    return {
        "plugins": [dataclasses.asdict(i) for i in sorted(plugins.info.values(), key=lambda i: i.name)],
        "cleaners": cleaners,
        "cleaner_order": order,
    }


def describe_formats(p: Plugins) -> dict:
    """The input formats (readers) and output formats (writers, with their options)."""
    return {
        "input": [
            {"name": r.name, "extensions": list(r.extensions), "kind": r.kind or r.name,
             "plugin": r.plugin, "description": r.description}
            for r in p.readers.values()
        ],
        "output": [
            {"name": w.name, "extension": w.extension, "plugin": w.plugin,
             "description": w.description, "options": option_help(w.options)}
            for w in p.writers.values()
        ],
    }


def _options_text(options: list[dict[str, Any]], flag: str, owner: str = "") -> str:
    prefix = f"{owner}." if owner else ""
    return "\n".join(
        f"{flag} {prefix}{o['name']}=… ({o['type']}; default {o['default']!r}): {o['help']}"
        for o in options)


def _on_terminal() -> bool:
    return sys.stdout.isatty()


def _print_tables(*tables: Any) -> None:
    from rich.console import Console

    console = Console()
    for table in tables:
        console.print(table)


def _table(title: str, columns: list[str]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON (also when the output is piped).")
@plugin_option
def plugins(as_json: bool, extra_plugins: tuple[str, ...]) -> None:
    """List the plugins, the cleaners with their options, and the default cleaner order."""
    data = describe_plugins(make_plugins(extra=extra_plugins))
    if as_json or not _on_terminal():
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    loaded = _table("Plugins", ["plugin", "from", "registers"])
    for info in data["plugins"]:
        registers = ", ".join(
            f"{what[:-1]} {', '.join(names)}" for what in ("readers", "cleaners", "writers")
            if (names := info[what]))
        loaded.add_row(info["name"], info["source"], registers)
    cleaners = _table("Cleaners (--clean, --no-clean; options with -C)",
                      ["cleaner", "on by default for", "what it does"])
    for c in data["cleaners"]:
        text = c["description"] + ("\n" + _options_text(c["options"], "-C", c["name"])
                                   if c["options"] else "")
        cleaners.add_row(c["name"], ", ".join(c["default_for"]) or "(ask with --clean)", text)
    order = _table("Default cleaners per input kind, in order", ["kind", "cleaners"])
    for kind, names in data["cleaner_order"].items():
        order.add_row(kind, " → ".join(names) or "none")
    _print_tables(loaded, cleaners, order)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@plugin_option
def formats(as_json: bool, extra_plugins: tuple[str, ...]) -> None:
    """List the input and output formats, and the output formats' options."""
    data = describe_formats(make_plugins(extra=extra_plugins))
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    if _on_terminal():
        inputs = _table("Input formats (-f)", ["format", "files", "what it reads"])
        for r in data["input"]:
            inputs.add_row(r["name"], " ".join("." + e for e in r["extensions"]) or "-",
                           r["description"])
        outputs = _table("Output formats (-t; options with -O)", ["format", "file", "what it writes"])
        for w in data["output"]:
            text = w["description"] + ("\n" + _options_text(w["options"], "-O")
                                       if w["options"] else "")
            outputs.add_row(w["name"], "." + w["extension"], text)
        _print_tables(inputs, outputs)
        return
    click.echo("Input formats (-f):")
    for r in data["input"]:
        exts = " ".join("." + e for e in r["extensions"]) or "-"
        click.echo(f"  {r['name']:<12} {exts:<19} {r['description']}")
    click.echo("Output formats (-t):")
    for w in data["output"]:
        click.echo(f"  {w['name']:<12} {'.' + w['extension']:<19} {w['description']}")
        for line in _options_text(w["options"], "-O").splitlines():
            click.echo(f"  {'':<12} {'':<19} {line}")
