"""Batches on a Dask cluster: the same outputs, summary and manifest as a local batch, and a
worker killed mid-run loses nothing and writes nothing twice (skipped without Dask)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import SEEDS, TEST_PLUGINS

distributed = pytest.importorskip("dask.distributed")

pytestmark = pytest.mark.slow


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(24):
        shutil.copy(SEEDS / "000_3ffcc09e67953d68.txt", src / f"page{n:02}.txt")
    return src


def done_lines(out) -> list[dict]:
    lines = (out / ".copydesk-manifest.jsonl").read_text().splitlines()
    return [e for e in map(json.loads, lines) if e["event"] == "done"]


def test_a_local_cluster_makes_what_a_local_batch_makes(folder, tmp_path, cli):
    here, there = tmp_path / "here", tmp_path / "there"
    assert cli("convert", str(folder), "--output-dir", str(here), "-t", "md", "-j", "1"
               ).returncode == 0
    result = cli("convert", str(folder), "--output-dir", str(there), "-t", "md", "-j", "2",
                 "--dask", "local")
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().strip().endswith(f"converted 24 of 24 files into {there}")
    for made in here.glob("*.md"):
        assert (there / made.name).read_bytes() == made.read_bytes()
    assert sorted(e["output"] for e in done_lines(there)) == sorted(
        p.name for p in here.glob("*.md"))
    again = cli("convert", str(folder), "--output-dir", str(there), "-t", "md", "--dask", "local")
    assert again.stderr.decode().strip().endswith("24 up to date already")


def test_a_worker_killed_mid_run_loses_nothing(folder, tmp_path):
    """Two workers; one is killed (SIGKILL) while the batch runs: its files are converted by
    the other, every output is there once, whole, and recorded once."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    out = tmp_path / "out"
    try:
        env = {**os.environ, "COPYDESK_NO_PLUGINS": "1"}
        run = subprocess.Popen(
            [sys.executable, "-m", "copydesk", "convert", str(folder), "--output-dir", str(out),
             "-t", "md", "--dask", cluster.scheduler_address,
             "--plugin", str(TEST_PLUGINS / "slow_cleaner.py"), "--clean", "slow"],
            stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 60
        while not list(out.glob("*.md")) and time.monotonic() < deadline:
            time.sleep(0.05)  # until the workers are at it
        pids = client.run(os.getpid)
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        _, err = run.communicate(timeout=180)
        assert run.returncode == 0, err
        assert err.decode().strip().endswith(f"converted 24 of 24 files into {out}")
        made = sorted(p.name for p in out.glob("*.md"))
        assert made == [f"page{n:02}.md" for n in range(24)]
        assert not list(out.glob(".*.part"))
        assert sorted(e["output"] for e in done_lines(out)) == made
        first = (out / made[0]).read_bytes()
        assert all((out / name).read_bytes() == first for name in made)
    finally:
        client.close()
        cluster.close()
