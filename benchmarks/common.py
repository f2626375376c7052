"""What every benchmark does the same way: time a call (best of a few runs) and print its figures."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def best_of(fn: Callable[[], object], *, repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest time (seconds) of ``repeat`` calls of ``fn``: the least disturbed run. ``clock``: wall
    time by default; ``time.process_time`` for CPU time (steadier on a shared machine)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def append_rows(writer: Any, path: Any, rows: list[dict[str, Any]], *, row_group_size: int) -> Any:
    """Write ``rows`` (dicts) to the Parquet file ``path`` as row groups, opening its writer on the first
    call (the schema of the first rows); returns the writer to pass to the next call and close at the end."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows)
    writer = writer or pq.ParquetWriter(path, table.schema)
    writer.write_table(table, row_group_size=row_group_size)
    return writer


def print_figures(figures: dict[str, Any]) -> None:
    """One line per figure, names aligned."""
    width = max(map(len, figures), default=0)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
