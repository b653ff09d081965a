"""The example third-party plugin, installed for real (pip) into a temporary folder, then used
through the CLI as a user would: listed by `copydesk plugins`, its cleaner and writer run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

EXAMPLE = ROOT / "examples" / "copydesk-plugin-example"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    source = tmp_path_factory.mktemp("example") / EXAMPLE.name  # (pip builds in the source:
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns(  # a copy keeps the
        "build", "*.egg-info", "__pycache__"))  # checkout clean, and read-only ones work)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--disable-pip-version-check", "--target", str(target), str(source)],
        check=True, capture_output=True, timeout=300)
    return target


def test_installed_plugin_is_listed_beside_the_built_ins(site, cli):
    result = cli("plugins", env={"PYTHONPATH": str(site), "COPYDESK_NO_PLUGINS": None})
    assert result.returncode == 0, result.stderr
    plugins = {p["name"]: p for p in json.loads(result.stdout)["plugins"]}
    example = plugins["typography"]
    assert example["source"] == "copydesk-typography 0.1.0"
    assert example["cleaners"] == ["typography"] and example["writers"] == ["plain"]
    assert plugins["copydesk.plugins.writers.epub"]["source"] == "built-in"
    assert not any((EXAMPLE / n).exists() for n in ("build", "copydesk_typography.egg-info"))


def test_installed_cleaner_and_writer_work_in_convert(site, cli):
    env = {"PYTHONPATH": str(site), "COPYDESK_NO_PLUGINS": None}
    result = cli("convert", str(SEEDS / "003_d60a862d48c27c24.txt"), "--clean", "typography",
                 "-t", "plain", "-O", "width=50", "--report", env=env)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert max(len(line) for line in text.splitlines()) <= 50
    assert "“grand jihad”" in text
    assert "typography" in result.stderr.decode().splitlines()[0]
