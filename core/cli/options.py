"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def plugin_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--plugin MODULE|FILE.py``, repeatable: load one more plugin for this run."""
    return click.option(
        "--plugin",
        "extra_plugins",
        multiple=True,
        metavar="MODULE|FILE.py",
        help="Load one more plugin for this run (repeatable).",
    )(fn)


def split_names(values: tuple[str, ...]) -> list[str]:
    """``("a,b", "c")`` -> ``["a", "b", "c"]``."""
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


def parse_cleaner_pairs(values: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """``("misreadings.threshold=0.99", …)`` -> ``{"misreadings": {"threshold": "0.99"}}``."""
    out: dict[str, dict[str, str]] = {}
    for key, value in parse_pairs(values, "--clean-option").items():
        cleaner, dot, name = key.partition(".")
        if not dot or not cleaner or not name:
            raise click.UsageError(f"--clean-option takes CLEANER.KEY=VALUE, got {key + '=' + value!r}")
        out.setdefault(cleaner, {})[name] = value
    return out


def parse_pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    """``("key=value", …)`` -> a dict; a value without ``=`` is a usage error."""
    pairs = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.UsageError(f"{option} takes KEY=VALUE, got {item!r}")
        pairs[key.strip()] = value
    return pairs
