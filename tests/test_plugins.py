"""Plugin discovery: entry points of an installed distribution, --plugin, and broken plugins."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import TEST_PLUGINS

from copydesk import PluginError, make_plugins

DEMO_MODULE = textwrap.dedent('''
    from copydesk import Cleaner, Writer, hookimpl, walk, Paragraph
    import dataclasses

    def shout(doc):
        return walk(doc, lambda b: dataclasses.replace(b, text=b.text.upper() + "!")
                    if isinstance(b, Paragraph) else b)

    def write_lines(doc, stream):
        for b in doc.blocks:
            stream.write((getattr(b, "text", "") + "\\n").encode())

    @hookimpl
    def register_cleaners(register):
        register(Cleaner(name="shout", clean=shout))

    @hookimpl
    def register_writers(register):
        register(Writer(name="lines", write=write_lines, extension="lines"))
''')


def install_distribution(site, name, version, module, code):
    """Lay out a distribution exactly as an installer does: the module and its dist-info."""
    (site / f"{module}.py").write_text(code)
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[copydesk]\n{module} = {module}\n")
    (info / "RECORD").write_text("")


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "site"
    path.mkdir()
    return path


def test_a_distributions_entry_point_is_found_listed_and_used(site, tmp_path, cli):
    install_distribution(site, "copydesk-demo", "1.2", "copydesk_demo", DEMO_MODULE)
    env = {"PYTHONPATH": str(site), "COPYDESK_NO_PLUGINS": None}
    listing = cli("plugins", env=env)
    assert listing.returncode == 0, listing.stderr
    found = {p["name"]: p for p in json.loads(listing.stdout)["plugins"]}
    demo = found["copydesk_demo"]
    assert demo["source"] == "copydesk-demo 1.2"
    assert demo["cleaners"] == ["shout"] and demo["writers"] == ["lines"]
    assert demo["hooks"] == ["register_cleaners", "register_writers"]
    assert found["copydesk.plugins.readers.text"]["source"] == "built-in"

    src = tmp_path / "in.txt"
    src.write_text("hello there\n\nsecond one\n")
    out = cli("convert", str(src), "--clean", "shout", "-t", "lines", env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode() == "HELLO THERE!\nSECOND ONE!\n"


def test_third_party_loading_can_be_switched_off(site, cli):
    install_distribution(site, "copydesk-demo", "1.2", "copydesk_demo", DEMO_MODULE)
    listing = cli("plugins", env={"PYTHONPATH": str(site), "COPYDESK_NO_PLUGINS": "1"})
    assert "copydesk_demo" not in listing.stdout.decode()


def test_a_broken_installed_plugin_is_named_with_the_way_out(site, tmp_path, cli):
    install_distribution(site, "copydesk-broken", "0.1", "copydesk_broken",
                         "raise ImportError('needs libfoo')\n")
    result = cli("formats", env={"PYTHONPATH": str(site), "COPYDESK_NO_PLUGINS": None})
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "plugin copydesk_broken" in err and "copydesk-broken 0.1" in err
    assert "needs libfoo" in err and "COPYDESK_NO_PLUGINS=1" in err


def test_plugin_option_loads_a_file_and_a_module(test_plugin, tmp_path, cli):
    src = tmp_path / "in.txt"
    src.write_text("one\n\ntwo\n")
    by_file = cli("convert", str(src), "--plugin", test_plugin("recording_writer"), "-t", "record")
    assert by_file.returncode == 0, by_file.stderr
    assert by_file.stdout.decode().splitlines() == ["kind=text cleaners=language", "paragraph", "paragraph"]
    by_module = cli("plugins", "--plugin", "recording_writer",
                    env={"PYTHONPATH": str(TEST_PLUGINS)})
    listed = {p["name"]: p for p in json.loads(by_module.stdout)["plugins"]}
    assert listed["--plugin recording_writer"]["writers"] == ["record"]
    assert listed["--plugin recording_writer"]["source"] == "--plugin"


@pytest.mark.parametrize("double, message", [
    ("duplicate_writer", ("writer 'markdown' is already registered by plugin "
                          "copydesk.plugins.writers.markdown")),
    ("bad_registration", "register_readers was given a Writer"),
    ("import_error", "cannot load: ModuleNotFoundError"),
])
def test_registration_problems_name_the_plugin(test_plugin, double, message):
    with pytest.raises(PluginError) as info:
        make_plugins(entry_points=False, extra=[test_plugin(double)])
    assert message in str(info.value)
    assert double in str(info.value)


def test_a_failing_cleaner_is_reported_with_plugin_and_file(test_plugin, tmp_path, cli):
    src = tmp_path / "page.txt"
    src.write_text("text\n")
    result = cli("convert", str(src), "--plugin", test_plugin("exploding_cleaner"))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.startswith(f"copydesk: {src}: plugin --plugin ") and "exploding_cleaner" in err
    assert "cleaner 'explode' failed: RuntimeError: boom" in err and "Traceback" not in err


def test_a_reader_returning_garbage_is_reported(test_plugin, tmp_path, cli):
    src = tmp_path / "page.gbg"
    src.write_text("x")
    result = cli("convert", str(src), "-f", "garbage", "--plugin", test_plugin("garbage_reader"))
    assert result.returncode == 1
    assert "reader 'garbage' returned no Document" in result.stderr.decode()


def test_an_installed_plugin_whose_hook_raises_is_named_with_the_way_out(site, cli):
    install_distribution(site, "copydesk-raises", "2.0", "copydesk_raises", textwrap.dedent("""
        from copydesk import hookimpl

        @hookimpl
        def register_writers(register):
            raise RuntimeError("cannot find my templates")
    """))
    result = cli("formats", env={"PYTHONPATH": str(site), "COPYDESK_NO_PLUGINS": None})
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1
    assert "plugin copydesk_raises: register_writers failed: RuntimeError: cannot find my templates" in err
    assert "COPYDESK_NO_PLUGINS=1" in err


def test_an_entry_points_value_names_a_module_or_what_is_in_it():
    import os.path

    from copydesk.pluginmanager import _load_value

    assert _load_value("os.path") is os.path
    assert _load_value("os.path:join") is os.path.join
    assert _load_value("os : path.join [extra]") is os.path.join
    with pytest.raises(ValueError):
        _load_value("not a value!")
