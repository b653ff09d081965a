"""Packaging guards: every package folder is listed, every built-in plugin module is loaded."""

from __future__ import annotations

import pkgutil
import tomllib

from conftest import ROOT

import copydesk.plugins
from copydesk.pluginmanager import DEFAULT_PLUGINS

MAPPING = {"core": "copydesk", "plugins": "copydesk.plugins"}


def test_every_package_directory_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    on_disk = set()
    for top, dotted in MAPPING.items():
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / top).parts
            on_disk.add(".".join((dotted, *rel)))
    assert on_disk == set(config["packages"])


def test_default_plugins_are_exactly_the_plugin_modules():
    modules = {
        m.name for m in pkgutil.walk_packages(copydesk.plugins.__path__, "copydesk.plugins.")
        if not m.ispkg and not m.name.rsplit(".", 1)[-1].startswith("_")
    }
    assert set(DEFAULT_PLUGINS) == modules
    assert len(DEFAULT_PLUGINS) == len(set(DEFAULT_PLUGINS))
