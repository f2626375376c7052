"""Execution engines (analysis.engines): how many partitions run at once, and running them in order."""

from __future__ import annotations

import os

import pytest

from analysis.engines import dask_client, map_partitions, worker_count
from analysis.errors import InputError


def _scaled(item: int, *, factor: int) -> int:
    return item * factor


def test_worker_count_is_one_locally_else_the_workers_given_or_the_cores():
    assert worker_count("local", 8) == 1
    assert worker_count("processes", 3) == 3
    if hasattr(os, "sched_getaffinity"):
        assert worker_count("processes") == len(os.sched_getaffinity(0))

    class Cluster:
        def scheduler_info(self):
            return {"workers": {"w1": {}, "w2": {}}}

    assert worker_count("dask", scheduler=Cluster()) == 2


def test_map_partitions_runs_every_item_with_the_shared_keywords_and_keeps_positions():
    assert list(map_partitions(_scaled, iter([1, 2, 3]), shared={"factor": 10})) == [(0, 10), (1, 20), (2, 30)]
    with pytest.raises(InputError, match=r"engine='threads': use 'local', 'processes' or 'dask'"):
        map_partitions(_scaled, [1], engine="threads")


def test_dask_client_passes_a_given_client_through_without_starting_a_cluster():
    given = object()
    with dask_client(given) as client:
        assert client is given


def _ended(process, *, within: float = 30.0) -> bool:
    """Whether ``process`` no longer runs: gone, or a zombie, by /proc where there is one (the pool's
    manager thread reaps its workers too, and a worker reaped by the other thread can read as alive to
    ``is_alive()`` for a moment); polled for up to ``within`` seconds on a loaded machine."""
    import time
    from pathlib import Path

    deadline = time.monotonic() + within
    while True:
        stat = Path(f"/proc/{process.pid}/stat")
        if Path("/proc/self").exists():
            try:
                ended = stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
            except (FileNotFoundError, ProcessLookupError, IndexError):
                ended = True
        else:
            ended = not process.is_alive()
        if ended or time.monotonic() > deadline:
            return ended
        time.sleep(0.1)


def test_stop_pool_ends_a_running_worker_and_cancels_queued_work():
    import multiprocessing
    import time
    from concurrent.futures import ProcessPoolExecutor, wait

    from analysis.engines import ignore_interrupts, stop_pool

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                               initializer=ignore_interrupts)
    running = pool.submit(time.sleep, 60)
    queued = pool.submit(time.sleep, 60)
    processes = list(pool._processes.values())
    stop_pool(pool, grace=2.0)  # does not wait for the sleeping task
    assert processes and all(_ended(p) for p in processes)
    # the pool's manager thread marks the futures of killed workers broken: give it time on a loaded machine
    wait([queued, running], timeout=60)
    assert queued.cancelled() or queued.done()
    assert running.done()
