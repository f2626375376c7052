"""What every benchmark does the same way: time a call (best of a few runs), print its figures, and
record and show its targets."""

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


def record_targets(figures: dict[str, Any], checks: dict[str, tuple[float, str, float]]) -> None:
    """Record each target ``name: (measured value, "max" or "min", limit)`` in ``figures``:
    ``target_<name>`` (the value), ``target_<name>_max`` or ``_min`` (the limit) and ``target_<name>_met``
    (value <= limit for a max, >= for a min)."""
    for name, (value, kind, limit) in checks.items():
        figures[f"target_{name}"] = value
        figures[f"target_{name}_{kind}"] = limit
        figures[f"target_{name}_met"] = bool(value <= limit if kind == "max" else value >= limit)


def target_table(figures: dict[str, Any], labels: dict[str, str]) -> list[str]:
    """The markdown lines of the targets table (a blank line first): one row per ``labels`` entry
    (target name -> what it measures) with the measured value, "<= limit" or ">= limit", and whether it
    is met ("**no**" stands out). A target ``figures`` lack (a run from before it existed) is left out."""
    lines = ["", "| target | measured | limit | met |", "|---|---:|---:|---|"]
    for name, label in labels.items():
        if f"target_{name}" not in figures:
            continue
        kind = "max" if f"target_{name}_max" in figures else "min"
        sign = "<=" if kind == "max" else ">="
        met = "yes" if figures[f"target_{name}_met"] else "**no**"
        lines.append(f"| {label} | {figures[f'target_{name}']} | {sign} {figures[f'target_{name}_{kind}']} | {met} |")
    return lines
