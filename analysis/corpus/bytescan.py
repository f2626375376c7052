"""Locating the few bytes of a kind in a long buffer with numpy (line breaks, brackets, non-ASCII bytes)."""

from __future__ import annotations

import numpy as np

__all__ = ["sparse_flatnonzero"]


def sparse_flatnonzero(mask: np.ndarray) -> np.ndarray:
    """``np.flatnonzero(mask)`` of a 1-D bool array, faster when few values are true: the array is
    read 8 values at a time as uint64 (one pass over a fraction of the elements), and only the groups
    of 8 holding a true value are looked into. Same result for any mask (no faster when most groups
    hold one)."""
    n = len(mask)
    whole = n - n % 8
    if whole and mask.flags.c_contiguous and mask.ctypes.data % 8 == 0:
        groups = np.flatnonzero(mask[:whole].view(np.uint64) != 0)
        rows, cols = np.nonzero(mask[:whole].reshape(-1, 8)[groups])
        found = groups[rows] * 8 + cols
        if whole == n:
            return found
        return np.concatenate([found, np.flatnonzero(mask[whole:]) + whole])
    return np.flatnonzero(mask)
