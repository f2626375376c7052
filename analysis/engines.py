"""Run one function over many partitions: in this process, in worker processes, or on a Dask cluster.

:func:`map_partitions` is the only place that knows about execution. It calls ``fn(item, **shared)``
for every item and yields ``(position, result)`` as results arrive, keeping only a few items in
flight (two per worker), so that partitions read lazily from disk are never all in memory at once.

* ``"local"``: one after the other in this process.
* ``"processes"``: a :class:`concurrent.futures.ProcessPoolExecutor` whose workers start from a
  fresh interpreter (the ``forkserver`` method where available, else ``spawn``; never a bare
  ``fork`` of a process that may hold threads from pyarrow or tqdm). ``fn`` must be importable
  (a module-level function) and the items and ``shared`` values picklable. Workers ignore Ctrl-C:
  the parent handles it, and on Ctrl-C or an error it cancels queued work and ends the workers at
  once, so a run stops within seconds (with no traceback per worker).
* ``"dask"``: tasks on a ``dask.distributed`` cluster. ``shared`` values are sent to every worker
  once (``scatter(broadcast=True)``), items one by one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from analysis.errors import InputError

__all__ = ["dask_client", "ignore_interrupts", "map_partitions", "progress_bar", "stop_pool", "worker_count"]

#: Items in flight per worker.
_WINDOW_PER_WORKER = 2


def _cpus() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _check_workers(workers: int | None) -> None:
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise InputError(f"workers={workers!r}: give a whole number of workers >= 1, or None for one per core")


def worker_count(engine: str, workers: int | None = None, scheduler: Any = None) -> int:
    """How many partitions run at once: 1 locally, ``workers`` or the cores (or the Dask cluster's workers)."""
    _check_workers(workers)
    if engine == "local":
        return 1
    if workers is not None:
        return workers
    if engine == "dask" and scheduler is not None and hasattr(scheduler, "scheduler_info"):
        return max(1, len(scheduler.scheduler_info().get("workers", {})))
    return _cpus()


def progress_bar(*, total: int | None, unit: str, desc: str, progress: bool | None = None, initial: int = 0) -> Any:
    """A tqdm bar: ``progress=None`` shows it only on a terminal and never with ``TQDM_DISABLE`` set."""
    from tqdm.auto import tqdm

    quiet = os.environ.get("TQDM_DISABLE", "").strip().lower() not in ("", "0", "false", "no")
    disable = True if progress is False or (progress is None and quiet) else (None if progress is None else False)
    return tqdm(total=total, unit=unit, desc=desc, initial=initial, disable=disable, dynamic_ncols=True)


def _apply(fn: Callable[..., Any], item: Any, shared: dict[str, Any]) -> Any:
    """``fn(item, **shared)``: tasks are submitted through this so that no keyword of ``shared`` (such as
    ``actors``) can clash with a keyword of ``Client.submit`` or ``Executor.submit``."""
    return fn(item, **shared)


def _local(fn: Callable[..., Any], items: Iterable[Any], shared: dict[str, Any]) -> Iterator[tuple[int, Any]]:
    for index, item in enumerate(items):
        yield index, fn(item, **shared)


def _process_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the workers), not a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop_pool(pool: ProcessPoolExecutor, *, grace: float = 5.0) -> None:
    """Stop a process pool at once (after Ctrl-C or an error): cancel queued work, end the workers it
    started (SIGTERM, then SIGKILL for any still running after ``grace`` seconds) and wait for the
    pool's manager thread, so that nothing writes to the pool's pipes after it is gone (Python's exit
    hook would otherwise report "Bad file descriptor"). Used by :func:`map_partitions` and by
    :func:`analysis.reports.render_batch`."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()  # cannot be caught: the join returns as soon as the system has ended it
            process.join(30.0)  # (1 s was too short on a loaded machine: the worker still looked alive)
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(grace)


def _processes(fn: Callable[..., Any], items: Iterable[Any], shared: dict[str, Any],
               workers: int) -> Iterator[tuple[int, Any]]:
    source = enumerate(items)
    pending: dict[Future[Any], int] = {}
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_process_context(), initializer=ignore_interrupts)

    def submit_next() -> None:
        for index, item in source:
            pending[pool.submit(_apply, fn, item, shared)] = index
            return

    finished = False
    try:
        for _ in range(workers * _WINDOW_PER_WORKER):
            submit_next()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=pending.__getitem__):
                index = pending.pop(future)
                result = future.result()
                submit_next()
                yield index, result
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            stop_pool(pool)


@contextlib.contextmanager
def dask_client(scheduler: Any = None, workers: int | None = None) -> Iterator[Any]:
    """A ``dask.distributed.Client``: the one given, one connected to the address given, the current
    one, or (``scheduler=None`` and no current client) a local cluster of ``workers`` single-threaded
    processes started for the duration of the ``with`` block."""
    try:
        from distributed import Client, LocalCluster, get_client
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise InputError("engine='dask' needs dask.distributed: pip install 'dask[distributed]'") from exc
    if scheduler is not None and not isinstance(scheduler, str):
        yield scheduler
        return
    if isinstance(scheduler, str):
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise InputError(f"scheduler={scheduler!r}: cannot reach a Dask scheduler there ({exc}); start one with "
                             "`dask scheduler` (and workers with `dask worker ADDRESS`) or check the address"
                             ) from exc
        with client:
            yield client
        return
    try:
        yield get_client()
        return
    except ValueError:
        pass
    with LocalCluster(n_workers=workers or _cpus(), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def _dask(fn: Callable[..., Any], items: Iterable[Any], shared: dict[str, Any], workers: int | None,
          scheduler: Any) -> Iterator[tuple[int, Any]]:
    from distributed import as_completed

    with dask_client(scheduler, workers) as client:
        window = worker_count("dask", workers, client) * _WINDOW_PER_WORKER
        remote = {name: client.scatter(value, broadcast=True, hash=False) for name, value in shared.items()}
        source = enumerate(items)
        index_of: dict[str, int] = {}
        running = as_completed()

        def submit_next() -> None:
            for index, item in source:
                [data] = client.scatter([item], hash=False)
                future = client.submit(_apply, fn, data, remote, pure=False)
                index_of[future.key] = index
                running.add(future)
                return

        try:
            for _ in range(window):
                submit_next()
            for future in running:
                index = index_of.pop(future.key)
                result = future.result()
                future.release()
                submit_next()
                yield index, result
        finally:
            leftover = list(running.futures) if hasattr(running, "futures") else []
            if leftover:
                client.cancel(leftover)


def map_partitions(fn: Callable[..., Any], items: Iterable[Any], *, engine: str = "local", workers: int | None = None,
                   scheduler: Any = None, shared: dict[str, Any] | None = None) -> Iterator[tuple[int, Any]]:
    """``(position, fn(item, **shared))`` for every item, in the order results arrive.

    ``engine``: "local", "processes" or "dask" (see the module docstring); ``workers``: processes
    (default: one per core) or, for Dask without a ``scheduler``, the size of the local cluster;
    ``scheduler``: a Dask scheduler address or Client. ``items`` is consumed lazily. An exception in
    ``fn`` is raised here (work not yet started is cancelled).
    """
    _check_workers(workers)
    shared = dict(shared or {})
    if engine == "local":
        return _local(fn, items, shared)
    if engine == "processes":
        return _processes(fn, items, shared, workers or _cpus())
    if engine == "dask":
        return _dask(fn, items, shared, workers, scheduler)
    raise InputError(f"engine={engine!r}: use 'local', 'processes' or 'dask'")
