"""Batch conversion: many inputs, one output each, in worker processes, failures kept apart.

Each input file is converted on its own (read, clean, write), so memory stays bounded by the
largest single file; outputs mirror the inputs' names and folders under the output folder.
One file's failure is recorded and the others go on. The output folder's manifest
(``copydesk.manifest``) records every file converted and how: a rerun resumes an interrupted
batch, doing only what is missing or was made from another input or with other settings
(``force`` redoes everything).
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.errors import CopydeskError, UsageError, describe
from copydesk.manifest import Manifest, made_after
from copydesk.remote import RemoteFolder, is_url, put


@dataclass(frozen=True)
class Job:
    """One file to convert and where its output goes."""

    source: Path
    target: Path | str  # a path, or a URL (an output folder named by one: copydesk.remote)


@dataclass
class Outcome:
    """What became of one job."""

    job: Job
    ok: bool
    message: str = ""
    seconds: float = 0.0
    skipped: bool = False  # its output was there already, newer than its input


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to convert a file (picklable: workers rebuild the plugins)."""

    to_format: str
    from_format: str | None = None
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    options: tuple[tuple[str, Any], ...] = ()
    cleaner_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    extra_plugins: tuple[str, ...] = ()
    force: bool = False


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.skipped]


def expand(inputs: Iterable[str], extensions: set[str]) -> list[tuple[Path, Path]]:
    """(file, its path relative to the input it came from) for every input: files as given,
    folders walked for files whose extension a reader takes, glob patterns expanded."""
    found: list[tuple[Path, Path]] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower().lstrip(".") in extensions and not file.name.startswith("."):
                    found.append((file, file.relative_to(path)))
        elif path.exists():
            found.append((path, Path(path.name)))
        else:
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                found.append((path, Path(path.name)))  # reported as missing by its job
            found.extend((m, Path(m.name)) for m in matches if m.is_file())
    return found


def plan(inputs: Iterable[str], output_dir: Path | str, extension: str,
         reader_extensions: set[str]) -> list[Job]:
    if is_url(output_dir):
        folder = RemoteFolder(str(output_dir))
        jobs = [Job(source, folder.join(relative.with_suffix("." + extension)))
                for source, relative in expand(inputs, reader_extensions)]
    else:
        jobs = [Job(source, Path(output_dir) / relative.with_suffix("." + extension))
                for source, relative in expand(inputs, reader_extensions)]
    counts = Counter(j.target for j in jobs)  # (one pass: an archive has 10^5 files)
    clash = next((t for t, n in counts.items() if n > 1), None)
    if clash is not None:
        raise UsageError(f"two inputs would both be written to {clash}; give them apart")
    return jobs


_worker_plugins: Any = None
PREPARE_AT = 50  # files in a batch from which the cleaners' lists are loaded before forking


def _init_worker(extra_plugins: tuple[str, ...]) -> None:
    global _worker_plugins
    from copydesk.pluginmanager import make_plugins

    _worker_plugins = make_plugins(extra=extra_plugins)


def run_job(job: Job, settings: Settings) -> Outcome:
    """Convert one file; never raises (the outcome says what went wrong)."""
    start = time.perf_counter()
    try:
        if _worker_plugins is None:
            _init_worker(settings.extra_plugins)
        if isinstance(job.target, str):  # a URL: made here, then put there whole
            with tempfile.TemporaryDirectory(prefix="copydesk-") as folder:
                made = Path(folder) / job.target.rsplit("/", 1)[-1]
                _convert(job.source, made, settings)
                put(made, job.target)
        else:
            job.target.parent.mkdir(parents=True, exist_ok=True)
            _convert(job.source, job.target, settings)
        return Outcome(job, True, seconds=time.perf_counter() - start)
    except CopydeskError as exc:
        return Outcome(job, False, " ".join(str(exc).split()), time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - a bug in one file must not stop the batch
        message = f"{job.source}: internal error: {describe(exc)}"
        return Outcome(job, False, message, time.perf_counter() - start)


def _convert(source: Path, target: Path, settings: Settings) -> None:
    from copydesk import api, limits

    with limits.bounded(str(source)):
        api.convert(
            [source], target, from_format=settings.from_format,
            to_format=settings.to_format, add=settings.add, remove=settings.remove,
            metadata=dict(settings.metadata) or None, options=dict(settings.options),
            cleaner_options={k: dict(v) for k, v in settings.cleaner_options},
            plugins=_worker_plugins, keep_edits=False,
        )


def up_to_date(job: Job) -> bool:
    """Whether the job's output exists and is newer than its input (a batch run before
    made it), where there is no manifest to ask."""
    return not isinstance(job.target, str) and made_after(job.source, job.target)


def run(jobs: Sequence[Job], settings: Settings, workers: int,
        progress: Callable[[Outcome], None] = lambda o: None,
        manifest: Manifest | None = None, key: str = "", cluster: str | None = None) -> Summary:
    """Convert every job, ``workers`` at a time (or on the Dask ``cluster`` at that address,
    ``"local"``: one of ``workers`` processes here), calling ``progress`` as each one ends.

    Unless ``settings.force``, a job already done is skipped: by ``manifest`` (the output
    folder's record, with the settings ``key``; each file converted is added to it), or
    without one, when its output is newer than its input."""
    summary = Summary()
    todo = []
    for job in jobs:
        done = not settings.force and (
            manifest.finished(job.source, job.target, key) if manifest else up_to_date(job))
        if done:
            outcome = Outcome(job, True, "up to date", skipped=True)
            summary.outcomes.append(outcome)
            progress(outcome)
        else:
            todo.append(job)
    if cluster:
        from copydesk import cluster as dask_cluster

        results = dask_cluster.outcomes(todo, settings, cluster, workers)
    else:
        results = _outcomes(todo, settings, workers)
    for outcome in results:
        if manifest is not None and outcome.ok:
            manifest.record(outcome.job.source, outcome.job.target, key, outcome.seconds)
        summary.outcomes.append(outcome)
        progress(outcome)
    return summary


def _outcomes(jobs: Sequence[Job], settings: Settings, workers: int) -> Iterator[Outcome]:
    if workers <= 1 or len(jobs) <= 1:
        _init_worker(settings.extra_plugins)
        for job in jobs:
            yield run_job(job, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # (imported by batches only)

    if len(jobs) >= PREPARE_AT and multiprocessing.get_start_method() == "fork":
        _prepare(settings.extra_plugins)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(settings.extra_plugins,)) as pool:
        # one file at a time per worker, results in input order
        yield from pool.map(run_job, jobs, [settings] * len(jobs), chunksize=1)


def _prepare(extra_plugins: tuple[str, ...]) -> None:
    """What the cleaners need for many documents, loaded here once before the worker
    processes are forked: they share it (each used to load its own word lists, a second
    apiece), and the collector leaves it where it is (``gc.freeze``) so that it stays
    shared."""
    import gc

    _init_worker(extra_plugins)
    for cleaner in _worker_plugins.cleaners.values():
        if cleaner.prepare is not None:
            cleaner.prepare()
    gc.freeze()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else
               (os.cpu_count() or 1))


def as_pairs(mapping: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(mapping.items()))
