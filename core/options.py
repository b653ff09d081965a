"""Options of plugins: a small dataclass each plugin declares, filled from ``key=value`` pairs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from copydesk.errors import UsageError

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def build_options(cls: type | None, pairs: Mapping[str, Any], owner: str) -> Any:
    """An instance of the options dataclass ``cls`` from ``pairs`` (strings or values).

    Unknown keys and values of the wrong kind are usage errors naming ``owner`` (the writer
    or cleaner) and the keys it takes.
    """
    if cls is None:
        if pairs:
            raise UsageError(f"{owner} takes no options (given: {', '.join(pairs)})")
        return None
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for key, raw in pairs.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(f.replace("_", "-") for f in fields) or "none"
            raise UsageError(f"{owner} has no option {key!r} (options: {known})")
        values[name] = _convert(raw, str(fields[name].type), key, owner)
    return cls(**values)


def _convert(raw: Any, kind: str, key: str, owner: str) -> Any:
    if not isinstance(raw, str):
        return raw
    if kind.startswith("bool"):
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise UsageError(f"{owner} option {key!r} takes true or false, not {raw!r}")
    if kind.startswith("float"):
        try:
            return float(raw)
        except ValueError:
            raise UsageError(f"{owner} option {key!r} takes a number, not {raw!r}") from None
    if kind.startswith("int"):
        try:
            return int(raw)
        except ValueError:
            raise UsageError(f"{owner} option {key!r} takes a whole number, not {raw!r}") from None
    return raw
