"""Process-level helpers the measures share."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused inside the block, and restored as it was after it.

    For a measure that makes tens of thousands of small objects that hold no reference cycles and are
    freed by reference counting (``entities``: candidates, entities, rows; ``entity_table``: its
    tallies; ``quotes``: mentions, tokens, speakers): every collection while they live walks them all
    (on the 290 benchmark articles a full collection came every third ``entities`` call, about a fifth
    of the call; one full collection took about 50 ms of a 0.5 s ``quotes`` run on 580 articles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
