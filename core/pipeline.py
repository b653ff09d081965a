"""The cleaning pipeline: choose cleaners, order them by their constraints, run them.

Order is data: each cleaner's ``after``/``before`` names give a graph, sorted topologically
with ties broken by registration order (built-ins first, in ``DEFAULT_PLUGINS`` order).
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Iterable, Mapping
from typing import Any

from copydesk.errors import CopydeskError, ModelError, PluginError, UsageError, describe
from copydesk.limits import TimeUp
from copydesk.model.nodes import Document, Heading
from copydesk.model.walk import iter_blocks, validate
from copydesk.options import build_options
from copydesk.registry import Cleaner

ALL = "all"


def select_cleaners(
    cleaners: Mapping[str, Cleaner],
    kind: str | None,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
) -> list[str]:
    """The names of the cleaners to run for an input ``kind``: its defaults, plus ``add``,
    minus ``remove`` (``"all"`` in ``remove`` drops every default)."""
    add, remove = list(add), list(remove)
    for name in (*add, *remove):
        if name != ALL and name not in cleaners:
            raise UsageError(f"unknown cleaner {name!r} (known: {', '.join(cleaners) or 'none'})")
    chosen = [] if ALL in remove else [n for n, c in cleaners.items() if c.is_default_for(kind)]
    chosen += [n for n in add if n not in chosen]
    return [n for n in chosen if n not in remove or n in add]


def order_cleaners(cleaners: Mapping[str, Cleaner], names: Iterable[str]) -> list[Cleaner]:
    """``names`` sorted so that every ``after``/``before`` constraint holds.

    Constraints on cleaners that are registered but not selected are ignored; a constraint
    naming a cleaner nobody registered, or a cycle, is a :class:`PluginError`.
    """
    selected = list(dict.fromkeys(names))
    rank = {name: i for i, name in enumerate(cleaners)}
    for name in selected:
        cleaner = cleaners[name]
        for other in (*cleaner.after, *cleaner.before):
            if other not in cleaners:
                raise PluginError(
                    f"cleaner {name!r} is ordered against {other!r}, which no plugin registers",
                    plugin=cleaner.plugin,
                )
    edges: dict[str, set[str]] = {n: set() for n in selected}  # n -> cleaners that wait for n
    for name in selected:
        cleaner = cleaners[name]
        edges.update({a: edges[a] | {name} for a in cleaner.after if a in edges})
        edges[name] |= {b for b in cleaner.before if b in edges}
    waiting = {n: 0 for n in selected}
    for followers in edges.values():
        for f in followers:
            waiting[f] += 1
    ready = [(rank[n], n) for n in selected if waiting[n] == 0]
    heapq.heapify(ready)
    order: list[Cleaner] = []
    while ready:
        _, name = heapq.heappop(ready)
        order.append(cleaners[name])
        for f in edges[name]:
            waiting[f] -= 1
            if waiting[f] == 0:
                heapq.heappush(ready, (rank[f], f))
    if len(order) < len(selected):
        stuck = sorted(n for n in selected if waiting[n] > 0)
        raise PluginError(
            f"cleaners {', '.join(stuck)} form an ordering cycle (after/before)",
            plugin=cleaners[stuck[0]].plugin,
        )
    return order


def cleaner_settings(cleaners: Mapping[str, Cleaner],
                     pairs: Mapping[str, Mapping[str, Any]] | None) -> dict[str, Any]:
    """Each cleaner's options instance (defaults where the user gave none), from
    ``{cleaner: {key: value}}``; an unknown cleaner or key is a usage error."""
    pairs = pairs or {}
    for name in pairs:
        if name not in cleaners:
            raise UsageError(f"-C names an unknown cleaner {name!r} (known: {', '.join(cleaners)})")
    return {name: build_options(c.options, pairs.get(name, {}), f"cleaner {name!r}")
            for name, c in cleaners.items() if c.options is not None or name in pairs}


def run_cleaners(doc: Document, order: Iterable[Cleaner], path: str | None = None,
                 settings: Mapping[str, Any] | None = None) -> Document:
    """Run each cleaner in turn, checking its result and recording its name in ``doc.cleaners``;
    ``settings`` holds the options instance of each cleaner that takes options."""
    settings = settings or {}
    for cleaner in order:
        try:
            if cleaner.options is None:
                result = cleaner.clean(doc)
            else:
                result = cleaner.clean(doc, settings.get(cleaner.name) or cleaner.options())
        except TimeUp:
            raise  # the conversion's time budget (copydesk.limits), not the cleaner's fault
        except CopydeskError as exc:
            raise PluginError(
                f"cleaner {cleaner.name!r} failed: {exc.message}", plugin=cleaner.plugin, path=path
            ) from exc
        except MemoryError:
            raise  # the memory budget
        except Exception as exc:
            raise PluginError(
                f"cleaner {cleaner.name!r} failed: {describe(exc)}",
                plugin=cleaner.plugin,
                path=path,
            ) from exc
        try:
            validate(result)
        except ModelError as exc:
            raise PluginError(
                f"cleaner {cleaner.name!r} returned a bad document: {exc.message}",
                plugin=cleaner.plugin,
                path=path,
            ) from exc
        result = title_follows_heading(doc, result)
        doc = dataclasses.replace(result, cleaners=[*doc.cleaners, cleaner.name])
    return doc


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _first_heading(doc: Document) -> tuple[int, Heading] | None:
    for at, block in enumerate(iter_blocks(doc)):
        if isinstance(block, Heading):
            return at, block
    return None


def title_follows_heading(before: Document, after: Document) -> Document:
    """``after`` with its title following its first heading where that heading was the title
    and a cleaner changed the heading's text (not the title): the title and the headline are
    one text, so a correction of either shows once, in every writer."""
    title = _one_line(before.metadata.title)
    if not title or _one_line(after.metadata.title) != title:
        return after
    old, new = _first_heading(before), _first_heading(after)
    if old is None or new is None or _one_line(old[1].text) != title:
        return after
    same = (new[1].lines == old[1].lines) if old[1].lines else new[0] == old[0]
    if not same or _one_line(new[1].text) == title:
        return after
    metadata = dataclasses.replace(after.metadata, title=_one_line(new[1].text))
    return dataclasses.replace(after, metadata=metadata)
