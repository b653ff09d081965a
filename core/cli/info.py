"""``copydesk plugins`` and ``copydesk formats``: what this installation can do."""

from __future__ import annotations

import dataclasses
import json

import click

from copydesk.cli.options import plugin_option
from copydesk.pipeline import order_cleaners, select_cleaners
from copydesk.pluginmanager import Plugins, make_plugins


def describe_plugins(plugins: Plugins) -> dict:
    """Every plugin (sorted by name) and the default cleaner order for every input kind."""
    kinds = sorted(
        {r.kind or r.name for r in plugins.readers.values()}
        | {k for c in plugins.cleaners.values() for k in c.default_for if k != "*"}
    )
    order = {
        kind: [c.name for c in order_cleaners(
            plugins.cleaners, select_cleaners(plugins.cleaners, kind))]
        for kind in kinds
    }
    return {
        "plugins": [dataclasses.asdict(i) for i in sorted(plugins.info.values(), key=lambda i: i.name)],
        "cleaner_order": order,
    }


@click.command()
@plugin_option
def plugins(extra_plugins: tuple[str, ...]) -> None:
    """List every plugin as JSON: source, hooks, what it registers; default cleaner order."""
    data = describe_plugins(make_plugins(extra=extra_plugins))
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@plugin_option
def formats(as_json: bool, extra_plugins: tuple[str, ...]) -> None:
    """List the input and output formats."""
    p = make_plugins(extra=extra_plugins)
    inputs = [
        {"name": r.name, "extensions": list(r.extensions), "kind": r.kind or r.name,
         "plugin": r.plugin, "description": r.description}
        for r in p.readers.values()
    ]
    outputs = [
        {"name": w.name, "extension": w.extension, "plugin": w.plugin,
         "description": w.description,
         "options": {f.name.replace("_", "-"): repr(f.default)
                     for f in dataclasses.fields(w.options)} if w.options else {}}
        for w in p.writers.values()
    ]
    if as_json:
        click.echo(json.dumps({"input": inputs, "output": outputs}, indent=2))
        return
    click.echo("Input formats (-f):")
    for r in inputs:
        exts = " ".join("." + e for e in r["extensions"]) or "-"
        click.echo(f"  {r['name']:<12} {exts:<19} {r['description']}")
    click.echo("Output formats (-t):")
    for w in outputs:
        click.echo(f"  {w['name']:<12} {'.' + w['extension']:<19} {w['description']}")
        for key, default in w["options"].items():
            click.echo(f"  {'':<12} {'':<19} -O {key}=… (default {default})")
