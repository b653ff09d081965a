"""The command line end to end, through a subprocess, as a user runs it."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def one_line_error(result, code):
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert err.startswith("copydesk: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_json_round_trip_is_byte_identical_on_the_seeds(seed, tmp_path, cli):
    first = tmp_path / "first.json"
    assert cli("convert", str(seed), "-t", "json", "-o", str(first)).returncode == 0
    again = cli("convert", "-", "-f", "json", "-t", "json", input=first.read_bytes())
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.read_bytes()


def test_formats_are_inferred_from_extensions(tmp_path, cli):
    seed = SEED_FILES[0]
    out = tmp_path / "page.json"
    assert cli("convert", str(seed), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["type"] == "document"
    md = tmp_path / "page.md"
    assert cli("convert", str(out), "-o", str(md)).returncode == 0
    title = json.loads(out.read_text())["metadata"]["title"]
    assert md.read_text().startswith(f"# {title}\n")


def test_stdin_to_stdout_defaults_to_markdown(cli):
    result = cli("convert", "-", input=b"A first paragraph\nwrapped.\n\n*Second* <p> & more\n")
    assert result.returncode == 0
    assert result.stdout.decode() == (
        "A first paragraph wrapped.\n\n\\*Second\\* \\<p\\> \\& more\n")


def test_missing_file(cli):
    err = one_line_error(cli("convert", "no/such/file.txt"), 1)
    assert "no/such/file.txt: no such file" in err


def test_unknown_output_format(cli):
    err = one_line_error(cli("convert", str(SEED_FILES[0]), "-t", "docx"), 2)
    assert "unknown output format 'docx'" in err


def test_unknown_input_format(cli):
    assert "unknown input format 'pdfx'" in one_line_error(
        cli("convert", str(SEED_FILES[0]), "-f", "pdfx"), 2)


def test_output_extension_that_names_no_format(tmp_path, cli):
    err = one_line_error(cli("convert", str(SEED_FILES[0]), "-o", str(tmp_path / "x.zzz")), 2)
    assert "cannot tell the output format" in err


def test_output_equal_to_input_is_refused_and_the_input_kept(tmp_path, cli):
    src = tmp_path / "page.md"
    src.write_bytes(SEED_FILES[0].read_bytes())
    err = one_line_error(cli("convert", str(src), "-f", "text", "-o", str(src)), 2)
    assert "inputs are never overwritten" in err
    assert src.read_bytes() == SEED_FILES[0].read_bytes()


def test_bad_usage_is_one_line_with_status_2(cli):
    one_line_error(cli("convert"), 2)
    one_line_error(cli("convert", str(SEED_FILES[0]), "--bogus"), 2)
    one_line_error(cli("convert", str(SEED_FILES[0]), "-M", "novalue"), 2)


def test_corrupt_json_input_names_the_file(tmp_path, cli):
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "document", "blocks": [{"type": "paragraph"')
    err = one_line_error(cli("convert", str(bad), "-f", "json"), 1)
    assert f"{bad}: not valid JSON" in err


def test_failed_output_leaves_no_partial_file(tmp_path, test_plugin, cli):
    out = tmp_path / "out.json"
    out.write_text("previous")
    result = cli("convert", str(SEED_FILES[0]), "-o", str(out), "--plugin",
                 test_plugin("exploding_cleaner"))
    assert result.returncode == 1
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_metadata_and_title_options(tmp_path, cli):
    out = tmp_path / "o.json"
    result = cli("convert", str(SEED_FILES[0]), "-o", str(out), "--title", "My Title",
                 "-M", "authors=Ann Smith; Bo Li", "-M", "language=en", "-M", "shelf=3")
    assert result.returncode == 0, result.stderr
    meta = json.loads(out.read_text())["metadata"]
    assert meta["title"] == "My Title" and meta["authors"] == ["Ann Smith", "Bo Li"]
    assert meta["language"] == "en" and meta["extra"] == {"shelf": "3"}


def test_report_lists_edits_on_stderr(tmp_path, test_plugin, cli):
    src = tmp_path / "in.txt"
    src.write_text("first words\n\nsecond\nline\n")
    result = cli("convert", str(src), "--clean", "upper", "--report", "--plugin",
                 test_plugin("upper_cleaner"))
    assert result.returncode == 0, result.stderr
    err = result.stderr.decode().splitlines()
    assert err[0] == "cleaners run: language, upper; edits: 2"
    assert "line 1" in err[1] and "'first words' -> 'FIRST WORDS'" in err[1]
    assert "line 3" in err[2]


def test_no_clean_all_and_unknown_cleaner(tmp_path, test_plugin, cli):
    src = tmp_path / "in.txt"
    src.write_text("x\n")
    ok = cli("convert", str(src), "--no-clean", "all", "-t", "record",
             "--plugin", test_plugin("exploding_cleaner"), "--plugin",
             test_plugin("recording_writer"))
    assert ok.returncode == 0, ok.stderr
    assert one_line_error(cli("convert", str(src), "--clean", "nope"), 2)


def test_several_inputs_make_one_edition(tmp_path, cli):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Alpha one.\n\nAlpha two.\n")
    b.write_text("Beta one.\n")
    out = tmp_path / "ed.json"
    assert cli("convert", str(a), str(b), "-o", str(out), "--title", "Ed").returncode == 0
    doc = json.loads(out.read_text())
    assert [blk["type"] for blk in doc["blocks"]] == ["article", "article"]
    assert [p["text"] for p in doc["blocks"][0]["blocks"]] == ["Alpha one.", "Alpha two."]


def test_plugins_and_formats_commands(cli):
    listing = json.loads(cli("plugins").stdout)
    names = [p["name"] for p in listing["plugins"]]
    assert names == sorted(names)
    assert {"copydesk.plugins.readers.text", "copydesk.plugins.writers.markdown"} <= set(names)
    formats = cli("formats").stdout.decode()
    assert "Input formats" in formats and "markdown" in formats and ".json" in formats


def test_every_option_says_what_it_does_in_both_listings(cli, plugins):
    from copydesk.cli.info import describe_formats, describe_plugins, option_help

    options = [o for c in plugins.cleaners.values() for o in option_help(c.options)]
    options += [o for w in plugins.writers.values() for o in option_help(w.options)]
    assert {o["name"] for o in options} >= {"threshold", "pullquotes", "cover", "breaks"}
    for option in options:
        assert len(option["help"].split()) >= 4, option
    listed = json.loads(cli("plugins", "--json").stdout)
    misreadings = next(c for c in listed["cleaners"] if c["name"] == "misreadings")
    assert misreadings["options"][0]["name"] == "threshold"
    assert misreadings["options"][0]["default"] == 0.9 and misreadings["options"][0]["help"]
    assert listed == json.loads(json.dumps(describe_plugins(plugins), default=str))
    formats = json.loads(cli("formats", "--json").stdout)
    assert formats == json.loads(json.dumps(describe_formats(plugins), default=str))
    text = cli("formats").stdout.decode()
    assert "-O breaks=… (true/false; default False): write the source's page" in text


def test_listings_are_tables_on_a_terminal(monkeypatch):
    from click.testing import CliRunner

    from copydesk.cli import info
    from copydesk.cli.info import formats, plugins

    monkeypatch.setattr(info, "_on_terminal", lambda: True)
    runner = CliRunner()
    out = runner.invoke(plugins, [], color=False).output
    assert "Cleaners" in out and "misreadings.threshold" in out and "┃" in out
    assert runner.invoke(formats, []).output.count("┃") >= 3


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys
    big = tmp_path / "big.txt"
    big.write_text(("A line of text that goes on for a while, and then some more.\n\n") * 20000)
    result = subprocess.run(
        f"{sys.executable} -m copydesk convert {big} -f text | head -c 10", shell=True,
        capture_output=True, timeout=120, check=False)
    assert result.stdout and b"Traceback" not in result.stderr and b"failed" not in result.stderr


def test_python_dash_m_and_version(cli):
    result = cli("--version")
    assert result.returncode == 0 and b"copydesk" in result.stdout


def test_a_usage_error_points_to_its_subcommands_help(cli):
    result = cli("convert", "x.txt", "-M", "foo")
    err = result.stderr.decode().strip()
    assert result.returncode == 2
    assert err == "copydesk: --metadata takes KEY=VALUE, got 'foo' (see 'copydesk convert --help')"


def test_a_plain_text_conversion_does_not_load_the_heavy_libraries():
    """wordfreq and trafilatura take most of a second to import: only the inputs and
    cleaners that use them load them."""
    import subprocess
    import sys

    code = ("import io, sys, copydesk\n"
            "doc = copydesk.clean(copydesk.read(b'Hello there.', 'text'))\n"
            "copydesk.write(doc, io.BytesIO(), 'markdown')\n"
            "print(sorted(m for m in ('wordfreq', 'trafilatura') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
