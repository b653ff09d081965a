"""Finding and loading plugins, and the typed facade the rest of copydesk uses.

Plugins load from three sources in a fixed order: the built-ins in :data:`DEFAULT_PLUGINS`,
third-party packages through the ``copydesk`` entry-point group (skipped when the environment
variable ``COPYDESK_NO_PLUGINS`` is set), then modules or ``.py`` files named for one run
(``--plugin``). Nothing outside this module calls pluggy's hooks.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pluggy

from copydesk import hookspecs
from copydesk.cache import cached_value
from copydesk.errors import PluginError, UsageError, describe
from copydesk.registry import Cleaner, Reader, Registry, Writer
from copydesk.sources import Source

DEFAULT_PLUGINS: tuple[str, ...] = (
    "copydesk.plugins.readers.alto",
    "copydesk.plugins.readers.hocr",
    "copydesk.plugins.readers.html",
    "copydesk.plugins.readers.mets",
    "copydesk.plugins.readers.model_json",
    "copydesk.plugins.readers.page_xml",
    "copydesk.plugins.readers.pdf",
    "copydesk.plugins.readers.print_ocr",
    "copydesk.plugins.readers.scan",
    "copydesk.plugins.readers.text",
    "copydesk.plugins.readers.web_text",
    "copydesk.plugins.cleaners.articles",
    "copydesk.plugins.cleaners.boilerplate",
    "copydesk.plugins.cleaners.bylines",
    "copydesk.plugins.cleaners.captions",
    "copydesk.plugins.cleaners.dehyphenate",
    "copydesk.plugins.cleaners.dropcap",
    "copydesk.plugins.cleaners.footnotes",
    "copydesk.plugins.cleaners.headings",
    "copydesk.plugins.cleaners.pullquotes",
    "copydesk.plugins.cleaners.reflow",
    "copydesk.plugins.cleaners.wordsplits",
    "copydesk.plugins.cleaners.misreadings",
    "copydesk.plugins.cleaners.language",
    "copydesk.plugins.writers.model_json",
    "copydesk.plugins.writers.tei",
    "copydesk.plugins.writers.epub",
    "copydesk.plugins.writers.markdown",
)
# What a matching file extension adds to a reader's sniffing score: it breaks ties, and beats
# the plain-text fallback (0.1), so a broken ".json" file is reported, not read as text.
EXTENSION_WEIGHT = 0.15
NO_PLUGINS_ENV = "COPYDESK_NO_PLUGINS"
TRACE_ENV = "COPYDESK_TRACE_PLUGINS"
HOOKS = ("register_readers", "register_cleaners", "register_writers")


@dataclass
class PluginInfo:
    """One loaded plugin: its name, where it came from and what it registered."""

    name: str
    source: str  # "built-in", "<distribution> <version>", or "--plugin"
    hooks: list[str] = field(default_factory=list)
    readers: list[str] = field(default_factory=list)
    cleaners: list[str] = field(default_factory=list)
    writers: list[str] = field(default_factory=list)


class Plugins:
    """Every reader, cleaner and writer of one run, with the plugins they came from."""

    def __init__(self) -> None:
        self.info: dict[str, PluginInfo] = {}
        self._registries = {
            "readers": Registry(Reader),
            "cleaners": Registry(Cleaner),
            "writers": Registry(Writer),
        }

    @property
    def readers(self) -> dict[str, Reader]:
        return self._registries["readers"].records  # type: ignore[return-value]

    @property
    def cleaners(self) -> dict[str, Cleaner]:
        return self._registries["cleaners"].records  # type: ignore[return-value]

    @property
    def writers(self) -> dict[str, Writer]:
        return self._registries["writers"].records  # type: ignore[return-value]

    def reader(self, name: str) -> Reader:
        if name not in self.readers:
            raise UsageError(f"unknown input format {name!r} (known: {', '.join(self.readers)})")
        return self.readers[name]

    def writer(self, name: str) -> Writer:
        """The writer called ``name``, or else the one whose file extension it is (``md``)."""
        if name in self.writers:
            return self.writers[name]
        by_extension = [w for w in self.writers.values() if w.extension == name.lower()]
        if len(by_extension) == 1:
            return by_extension[0]
        raise UsageError(f"unknown output format {name!r} (known: {', '.join(self.writers)})")

    def reader_for(self, source: Source) -> Reader:
        """The reader for an input whose format was not given: by sniffing, then by extension."""
        head = source.head()
        ext = source.extension
        best, best_score = None, 0.0
        for reader in self.readers.values():
            score = reader.sniff(head, source.name) if reader.sniff else 0.0
            if ext and ext in reader.extensions:
                score += EXTENSION_WEIGHT
            if score > best_score:
                best, best_score = reader, score
        if best is None:
            raise UsageError(
                "cannot tell the input format; name it with -f (see 'copydesk formats')",
                path=source.name,
            )
        return best

    def writer_for_path(self, path: str) -> Writer:
        ext = Path(path).suffix.lower().lstrip(".")
        for writer in self.writers.values():
            if writer.extension == ext:
                return writer
        raise UsageError(
            f"cannot tell the output format from {path!r}; name it with -t (see 'copydesk formats')"
        )

    def collect(self, pm: pluggy.PluginManager, plugin_name: str) -> None:
        """Call one plugin's registration hooks, recording what it registered."""
        plugin = pm.get_plugin(plugin_name)
        info = self.info[plugin_name]
        for hook in HOOKS:
            impls = [i for i in getattr(pm.hook, hook).get_hookimpls() if i.plugin is plugin]
            kind = hook.removeprefix("register_")
            registry = self._registries[kind]
            before = set(registry.records)
            for impl in impls:
                info.hooks.append(hook)
                try:
                    impl.function(**dict.fromkeys(impl.argnames, registry.callback(plugin_name)))
                except PluginError:
                    raise
                except Exception as exc:
                    way_out = "" if info.source in ("built-in", "--plugin") else (
                        f" (set {NO_PLUGINS_ENV}=1 to run without third-party plugins)")
                    raise PluginError(f"{hook} failed: {describe(exc)}{way_out}",
                                      plugin=plugin_name) from exc
            getattr(info, kind).extend(n for n in registry.records if n not in before)
            if os.environ.get(TRACE_ENV):
                print(f"copydesk: {plugin_name}.{hook} -> {getattr(info, kind)}", file=sys.stderr)


def make_plugins(entry_points: bool | None = None, extra: Sequence[str] = ()) -> Plugins:
    """Load the plugins of one run and collect what they register.

    Args:
        entry_points: load third-party plugins from the ``copydesk`` entry-point group; by
            default yes, unless ``COPYDESK_NO_PLUGINS`` is set.
        extra: modules (``pkg.module``) or files (``path/to/plugin.py``) to load as well.
    """
    if entry_points is None:
        entry_points = not os.environ.get(NO_PLUGINS_ENV)
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    plugins = Plugins()
    loaded: list[tuple[str, str, ModuleType]] = [
        (name, "built-in", importlib.import_module(name)) for name in DEFAULT_PLUGINS
    ]
    if entry_points:
        loaded.extend(_load_entry_points())
    loaded.extend(("--plugin " + spec, "--plugin", _load_extra(spec)) for spec in extra)
    for name, source, module in loaded:
        if pm.get_plugin(name) is not None or pm.is_registered(module):
            continue  # the same plugin named twice (e.g. installed and given with --plugin)
        try:
            pm.register(module, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(str(exc), plugin=name) from None
        plugins.info[name] = PluginInfo(name=name, source=source)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc), plugin=getattr(exc, "plugin", "?").__name__) from None
    for name in plugins.info:
        plugins.collect(pm, name)
    return plugins


def _load_entry_points() -> Iterable[tuple[str, str, ModuleType]]:
    for name, value, dist in _entry_point_specs():
        try:
            module = _load_value(value)
        except Exception as exc:
            raise PluginError(
                f"cannot load from {dist}: {describe(exc)} "
                f"(set {NO_PLUGINS_ENV}=1 to run without third-party plugins)",
                plugin=name,
            ) from exc
        yield name, dist, module


def _entry_point_specs() -> list[tuple[str, str, str]]:
    """``(name, value, distribution)`` of each entry point in the ``copydesk`` group, by name.
    Finding them takes ``importlib.metadata`` (40 ms to import: an eighth of a one-page
    run), so they are kept in the cache (``cached_value``) for as long as no folder of the
    import path has changed (an install or an uninstall changes its folder). The import
    path starts with the script's folder or the working one (``python -m``), which may hold
    plugins of its own: each such start keeps its own list, so that the ``copydesk`` command
    and ``python -m copydesk`` do not remake each other's."""
    folders = []
    for path in sys.path:
        try:
            folders.append(f"{path} {os.stat(path or '.').st_mtime_ns}")
        except OSError:
            continue
    start = hashlib.sha1(os.path.abspath(sys.path[0] if sys.path else "").encode()).hexdigest()[:8]
    return cached_value(f"entry-points-{start}", "\n".join(folders), _scan_entry_points)


def _scan_entry_points() -> list[tuple[str, str, str]]:
    from importlib.metadata import entry_points

    return [(ep.name, ep.value, f"{ep.dist.name} {ep.dist.version}" if ep.dist else "entry point")
            for ep in sorted(entry_points(group=hookspecs.PROJECT), key=lambda e: e.name)]


# an entry point's value: ``module``, ``module:attribute``, either with ``[extras]``
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\]\s*)?$")


def _load_value(value: str) -> object:
    """What an entry point's ``value`` names, imported (as ``EntryPoint.load`` does)."""
    match = _VALUE.match(value)
    if match is None:
        raise ValueError(f"not an entry point: {value!r}")
    found: object = importlib.import_module(match.group("module"))
    for part in (match.group("attr") or "").split(".") if match.group("attr") else ():
        found = getattr(found, part)
    return found


def _load_extra(spec: str) -> ModuleType:
    """Import ``spec``: a ``.py`` file path or a dotted module name."""
    try:
        if spec.endswith(".py"):
            path = Path(spec)
            if not path.is_file():
                raise PluginError("no such file", plugin=spec)
            mod_name = f"copydesk_extra_{path.stem}"
            spec_obj = importlib.util.spec_from_file_location(mod_name, path)
            assert spec_obj is not None and spec_obj.loader is not None
            module = importlib.util.module_from_spec(spec_obj)
            sys.modules[mod_name] = module
            spec_obj.loader.exec_module(module)
            return module
        return importlib.import_module(spec)
    except PluginError:
        raise
    except Exception as exc:
        raise PluginError(f"cannot load: {describe(exc)}", plugin=spec) from exc
