"""Batches beyond one machine: the files of a batch converted by the workers of a Dask cluster.

``copydesk convert ARCHIVE/ --output-dir OUT --dask tcp://scheduler:8786`` (or ``--dask local``
for a cluster of ``--jobs`` worker processes on this machine) sends the files to the workers
in chunks; each worker process loads the plugins once (``batch.run_job`` keeps them) and
converts its chunk file by file, writing each output atomically into ``OUT``, which every
worker must see (a shared file system). Progress, the summary, the failure report and the
manifest are the same as for a local batch: outcomes come back to this process, which keeps
the manifest. When a worker dies, the scheduler gives its chunks to another worker; as every
output is written whole or not at all and named by its input, nothing is lost and no file is
written twice over. Needs the ``dask`` extra: ``pip install 'copydesk[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from copydesk.batch import Job, Outcome, Settings, run_job
from copydesk.errors import UsageError, describe

LOCAL = "local"
CHUNKS_PER_WORKER = 4  # chunks a worker gets on average: enough to share the load evenly
MOST_PER_CHUNK = 64  # files a chunk holds at most (a lost worker costs at most this)


def run_chunk(jobs: list[Job], settings: Settings) -> list[Outcome]:
    """Convert a chunk of files on a worker (the plugins load once per worker process)."""
    return [run_job(job, settings) for job in jobs]


def chunked(jobs: Sequence[Job], workers: int) -> list[list[Job]]:
    size = max(1, min(MOST_PER_CHUNK, len(jobs) // max(1, workers * CHUNKS_PER_WORKER)))
    return [list(jobs[i:i + size]) for i in range(0, len(jobs), size)]


def _client(address: str, workers: int) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'copydesk[dask]'") from None
    if address == LOCAL:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="30s"), None
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def outcomes(jobs: Sequence[Job], settings: Settings, address: str,
             workers: int) -> Iterator[Outcome]:
    """Each job's outcome, as the cluster's workers finish their chunks."""
    if not jobs:
        return
    from dask.distributed import as_completed

    client, cluster = _client(address, workers)
    try:
        n = len(client.scheduler_info().get("workers", {})) or workers
        futures = {client.submit(run_chunk, chunk, settings, pure=False): chunk
                   for chunk in chunked(jobs, n)}
        for future in as_completed(futures):
            try:
                done = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. workers lost again and again
                done = [Outcome(job, False, f"{job.source}: the cluster could not convert it "
                                            f"({describe(exc)})") for job in futures[future]]
            yield from done
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
