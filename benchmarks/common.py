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


def print_figures(figures: dict[str, Any]) -> None:
    """One line per figure, names aligned."""
    width = max(map(len, figures), default=0)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
