"""Every hook is tested (a test_hook_<name> here) and documented (its signature in the docs)."""

from __future__ import annotations

import inspect
import re

import pytest
from conftest import ROOT

from copydesk import Document, Paragraph, hookspecs, make_plugins, read, write

HOOK_NAMES = [n for n, f in inspect.getmembers(hookspecs, inspect.isfunction)
              if n.startswith("register_")]


def test_every_hook_has_a_test():
    tests = {n for n in globals() if n.startswith("test_hook_")}
    assert {f"test_hook_{n}" for n in HOOK_NAMES} <= tests


@pytest.mark.parametrize("name", HOOK_NAMES)
def test_every_hook_is_documented_with_its_signature(name):
    docs = (ROOT / "docs" / "plugins.md").read_text()
    signature = f"{name}{inspect.signature(getattr(hookspecs, name))}"
    signature = re.sub(r"'", "", signature)
    assert signature in docs, f"docs/plugins.md lacks `{signature}`"
    assert getattr(hookspecs, name).__doc__.strip()


def test_hook_register_readers(test_plugin, tmp_path):
    plugins = make_plugins(entry_points=False, extra=[test_plugin("garbage_reader")])
    assert plugins.readers["garbage"].extensions == ("gbg",)
    assert plugins.readers["garbage"].plugin.endswith("garbage_reader.py")


def test_hook_register_cleaners(test_plugin):
    plugins = make_plugins(entry_points=False, extra=[test_plugin("upper_cleaner")])
    doc = Document(blocks=[Paragraph(text="quiet")])
    from copydesk import clean
    out = clean(doc, ["upper"], plugins=plugins)
    assert out.blocks[0].text == "QUIET" and out.cleaners == ["upper"]
    assert out.edits[0].original == "quiet" and doc.blocks[0].text == "quiet"


def test_hook_register_writers(test_plugin, tmp_path):
    plugins = make_plugins(entry_points=False, extra=[test_plugin("recording_writer")])
    out = tmp_path / "x.rec"
    write(read(b"a\n\nb\n", "text", plugins=plugins), out, plugins=plugins)
    assert out.read_text() == "kind=text cleaners=\nparagraph\nparagraph\n"
