"""Batch conversion: a folder in, a file out per input, failures reported, the rest converted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, src / seed.name)
    shutil.copy(SEEDS / "003_d60a862d48c27c24.txt", src / "sub" / "page.txt")
    (src / "broken.json").write_text('{"type": "document", "blocks": [')
    (src / "notes.xyz").write_text("not an input kind copydesk reads")
    return src


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_file_does_not_stop_the_others(folder, tmp_path, cli, jobs):
    out = tmp_path / "out"
    result = cli("convert", str(folder), "--output-dir", str(out), "-t", "json", "--jobs", jobs)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"copydesk: {folder / 'broken.json'}: not valid JSON" in err
    assert err.strip().endswith(f"converted 3 of 4 files into {out}; 1 failed")
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert made == ["000_3ffcc09e67953d68.json", "003_d60a862d48c27c24.json", "sub/page.json"]
    assert json.loads((out / "sub" / "page.json").read_text())["kind"] == "print-ocr"
    assert "Traceback" not in err and "\x1b[" not in err  # no progress bar in a pipe


def test_a_rerun_resumes_skipping_outputs_newer_than_their_input(folder, tmp_path, cli):
    """An interrupted batch run again: outputs made already (newer than their input) are
    left alone and counted as such, missing ones are made, exit 0; an input edited since
    is converted again; --force redoes everything."""
    import os

    out = tmp_path / "out"
    (folder / "broken.json").unlink()
    assert cli("convert", str(folder), "--output-dir", str(out), "-t", "md").returncode == 0
    target = out / "000_3ffcc09e67953d68.md"
    target.write_text("edited by hand")
    (out / "sub" / "page.md").unlink()  # (the run was killed before it got there)
    again = cli("convert", str(folder), "--output-dir", str(out), "-t", "md")
    err = again.stderr.decode()
    assert again.returncode == 0, err
    assert err.strip().endswith(f"converted 1 of 3 files into {out}; 2 up to date already")
    assert target.read_text() == "edited by hand" and (out / "sub" / "page.md").exists()
    later = target.stat().st_mtime + 10
    os.utime(folder / "000_3ffcc09e67953d68.txt", (later, later))  # the input changed since
    assert cli("convert", str(folder), "--output-dir", str(out), "-t", "md").returncode == 0
    assert target.read_text().startswith("# ISIS Leader")
    target.write_text("edited by hand")
    forced = cli("convert", str(folder), "--output-dir", str(out), "-t", "md", "--force")
    assert forced.returncode == 0 and target.read_text().startswith("# ISIS Leader")


def test_the_manifest_records_each_file_and_a_rerun_with_other_settings_redoes_them(
        folder, tmp_path, cli):
    """The output folder's manifest records every file converted and the settings; a rerun
    with the same settings does nothing, one with other settings (a cleaner more, another
    writer option) converts every file again, and a cut last line (a kill) is ignored."""
    out = tmp_path / "out"
    (folder / "broken.json").unlink()
    assert cli("convert", str(folder), "--output-dir", str(out), "-t", "json").returncode == 0
    lines = [json.loads(line) for line in (out / ".copydesk-manifest.jsonl").read_text().splitlines()]
    assert [e["event"] for e in lines] == ["run", "done", "done", "done"]
    assert sorted(e["output"] for e in lines[1:]) == [
        "000_3ffcc09e67953d68.json", "003_d60a862d48c27c24.json", "sub/page.json"]
    assert lines[0]["copydesk"] and lines[0]["options"]["to_format"] == "json"
    same = cli("convert", str(folder), "--output-dir", str(out), "-t", "json")
    assert same.stderr.decode().strip().endswith("converted 0 of 3 files into "
                                                 f"{out}; 3 up to date already")
    other = cli("convert", str(folder), "--output-dir", str(out), "-t", "json",
                "-O", "lines=false")
    assert other.stderr.decode().strip().endswith(f"converted 3 of 3 files into {out}")
    assert '"lines":' not in (out / "sub" / "page.json").read_text()
    with (out / ".copydesk-manifest.jsonl").open("a") as manifest:
        manifest.write('{"event": "done", "output": "sub/pa')  # a kill mid-line
    again = cli("convert", str(folder), "--output-dir", str(out), "-t", "json",
                "-O", "lines=false")
    assert again.returncode == 0
    assert again.stderr.decode().strip().endswith("3 up to date already")


def test_globs_and_usage_errors(folder, tmp_path, cli):
    out = tmp_path / "out"
    ok = cli("convert", str(folder / "*.txt"), "--output-dir", str(out), "-t", "md")
    assert ok.returncode == 0, ok.stderr
    assert sorted(p.name for p in out.iterdir()) == [".copydesk-manifest.jsonl",
                                                     "000_3ffcc09e67953d68.md",
                                                     "003_d60a862d48c27c24.md"]
    assert cli("convert", str(folder), "--jobs", "2").returncode == 2
    assert cli("convert", str(tmp_path / "nothing-here"), "--output-dir", str(out)).returncode == 1


def test_a_wrong_writer_option_is_one_usage_error_before_any_file(folder, tmp_path, cli):
    out = tmp_path / "out"
    result = cli("convert", str(folder), "--output-dir", str(out), "-t", "md", "--tei-breaks")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.strip().splitlines() == [
        "copydesk: writer 'markdown' has no option 'breaks' (options: images, images-link)"]
    assert not out.exists()


def test_a_manifest_that_cannot_be_kept_is_one_line(folder, tmp_path, cli):
    out = tmp_path / "out"
    (out / ".copydesk-manifest.jsonl").mkdir(parents=True)
    result = cli("convert", str(folder / "*.txt"), "--output-dir", str(out), "-t", "md")
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1
    assert "cannot keep the batch's manifest: Is a directory" in err and "Traceback" not in err


def test_a_cleaners_list_is_loaded_once_before_the_workers_start_and_shared(tmp_path, cli):
    """A batch of many files on two workers loads a cleaner's list (``prepare``) once, in
    the process that starts the workers, which then find it loaded (they used to load a
    second's worth of word lists each)."""
    from copydesk.batch import PREPARE_AT

    src = tmp_path / "in"
    src.mkdir()
    for n in range(PREPARE_AT):
        (src / f"page-{n:03d}.txt").write_text(f"Page {n} of the paper.\n")
    log = tmp_path / "prepared.log"
    # (by module name, as an installed plugin is: a file given by path is loaded afresh)
    result = cli("convert", str(src), "--output-dir", str(tmp_path / "out"), "-t", "json",
                 "--jobs", "2", "--plugin", "prepared_cleaner", "--clean", "prepared",
                 env={"PREPARED_LOG": str(log),
                      "PYTHONPATH": str(Path(__file__).parent / "plugins")})
    assert result.returncode == 0, result.stderr.decode()
    lines = log.read_text().splitlines()
    prepared = [line.split()[1] for line in lines if line.startswith("prepared")]
    cleaned = [line for line in lines if line.startswith("cleaned")]
    assert len(prepared) == 1 and len(cleaned) == PREPARE_AT
    workers = {line.split()[1] for line in cleaned}
    assert prepared[0] not in workers  # (loaded before them, not by them)
    assert all(line.endswith(f"with [{prepared[0]}]") for line in cleaned)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_writes_to_a_url_folder_and_resumes_there(folder, tmp_path, cli, jobs):
    """An output folder named by a URL (fsspec: ``file://`` here, ``s3://`` where s3fs is
    installed): each output put there whole, the manifest kept there, a rerun skipping what
    is done and redoing an input edited since."""
    pytest.importorskip("fsspec")
    out = tmp_path / "remote"
    url = out.as_uri()
    first = cli("convert", str(folder), "--output-dir", url, "-t", "json", "--jobs", jobs)
    assert first.returncode == 1  # (broken.json)
    assert first.stderr.decode().strip().endswith(f"converted 3 of 4 files into {url}; 1 failed")
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert made == [".copydesk-manifest.jsonl", "000_3ffcc09e67953d68.json",
                    "003_d60a862d48c27c24.json", "sub/page.json"]  # no partial files
    assert json.loads((out / "sub" / "page.json").read_text())["kind"] == "print-ocr"
    done = [json.loads(line) for line in (out / ".copydesk-manifest.jsonl").read_text().splitlines()]
    assert sorted(e["output"] for e in done if e["event"] == "done") == made[1:]
    again = cli("convert", str(folder), "--output-dir", url, "-t", "json", "--jobs", jobs)
    assert "converted 0 of 4 files" in again.stderr.decode()
    assert "3 up to date already" in again.stderr.decode()
    page = folder / "sub" / "page.txt"
    page.write_text(page.read_text() + "\nOne more line.\n")
    edited = cli("convert", str(folder), "--output-dir", url, "-t", "json", "--jobs", jobs)
    assert "converted 1 of 4 files" in edited.stderr.decode()
    assert "One more line." in (out / "sub" / "page.json").read_text()


def test_a_url_folder_in_memory_gets_every_output(folder):
    """The same through fsspec's in-memory filesystem, in this process (``--jobs 1``)."""
    fsspec = pytest.importorskip("fsspec")
    from click.testing import CliRunner

    from copydesk.cli import cli

    result = CliRunner().invoke(cli, ["convert", str(folder), "--output-dir",
                                       "memory://copydesk-test/out", "-t", "md", "--jobs", "1"])
    assert "converted 3 of 4 files into memory://copydesk-test/out; 1 failed" in result.output
    memory = fsspec.filesystem("memory")
    assert sorted(memory.find("/copydesk-test/out")) == [
        "/copydesk-test/out/.copydesk-manifest.jsonl", "/copydesk-test/out/000_3ffcc09e67953d68.md",
        "/copydesk-test/out/003_d60a862d48c27c24.md", "/copydesk-test/out/sub/page.md"]
    assert memory.cat_file("/copydesk-test/out/sub/page.md").decode().startswith("As Islamic State")
