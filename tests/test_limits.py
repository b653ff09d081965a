"""Time and memory budgets: a conversion that runs out of either ends in one line naming the
file and the setting that raises the budget, leaves no output behind, and in a batch does not
stop the other files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copydesk import limits

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX only")

SENTENCE = "The council met on Tuesday and agreed to build a new bridge over the river. "


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "copydesk", *args], capture_output=True,
                          check=False, text=True, env={**os.environ, **env}, timeout=300)


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    return proc.stderr


@pytest.fixture(scope="module")
def long_line(tmp_path_factory) -> Path:
    """A 45 MB paragraph on one line: hundreds of MB to convert."""
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_text(SENTENCE * 600_000)
    return path


def test_a_conversion_over_its_memory_budget_is_refused_in_one_line(long_line, tmp_path):
    out = tmp_path / "out.md"
    proc = run("convert", "-f", "text", str(long_line), "-o", str(out),
               COPYDESK_MAX_MEMORY_MB="350")
    error = one_line_error(proc)
    assert str(long_line) in error and "350 MB" in error and "COPYDESK_MAX_MEMORY_MB" in error
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file
    # the default budget lets it through
    assert run("convert", "-f", "text", str(long_line), "-o", str(out)).returncode == 0
    assert out.stat().st_size > 40_000_000


def test_a_conversion_over_its_time_budget_is_stopped_in_one_line(long_line, tmp_path):
    out = tmp_path / "out.md"
    started = time.monotonic()
    proc = run("convert", "-f", "print-ocr", str(long_line), "-o", str(out),
               COPYDESK_TIME_LIMIT="0.3")
    assert time.monotonic() - started < 30
    error = one_line_error(proc)
    assert str(long_line) in error and "stopped after 0.3 s" in error
    assert "COPYDESK_TIME_LIMIT" in error
    assert list(tmp_path.iterdir()) == []


def test_in_a_batch_the_file_over_budget_fails_and_the_others_convert(long_line, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "small.txt").write_text(SENTENCE * 3)
    os.link(long_line, inputs / "long.txt")
    proc = run("convert", str(inputs), "-f", "text", "--output-dir", str(tmp_path / "out"),
               "-t", "markdown", "-j", "1", COPYDESK_TIME_LIMIT="0.3")
    assert proc.returncode == 1
    assert "stopped after 0.3 s" in proc.stderr and "long.txt" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()
                  if not p.name.startswith(".")) == ["small.md"]


def test_a_bad_budget_setting_is_a_usage_error(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SENTENCE)
    proc = run("convert", str(source), "-t", "markdown", COPYDESK_TIME_LIMIT="soon")
    assert proc.returncode == 2 and "COPYDESK_TIME_LIMIT takes a number" in proc.stderr


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limits_nest_and_the_earlier_deadline_speaks():
    with (pytest.raises(limits.TimeUp, match="outer"), limits.time_limit(0.2, "outer"),
          limits.time_limit(30, "inner")):
        busy(2)
    with limits.time_limit(30, "outer"):
        with pytest.raises(limits.TimeUp, match="inner"), limits.time_limit(0.1, "inner"):
            busy(2)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30  # the outer limit runs on
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # and is gone after
