"""Locating the few bytes of a kind in a buffer (analysis.corpus.bytescan)."""

from __future__ import annotations

import numpy as np

from analysis.corpus.bytescan import sparse_flatnonzero


def test_sparse_flatnonzero_finds_what_flatnonzero_finds():
    mask = np.zeros(21, dtype=bool)
    mask[[0, 7, 8, 15, 16, 17, 20]] = True  # group edges, a full run, the tail after the last group of 8
    assert sparse_flatnonzero(mask).tolist() == [0, 7, 8, 15, 16, 17, 20]
    assert sparse_flatnonzero(np.zeros(16, dtype=bool)).tolist() == []
    assert sparse_flatnonzero(np.ones(3, dtype=bool)).tolist() == [0, 1, 2]
    assert sparse_flatnonzero(np.zeros(0, dtype=bool)).tolist() == []
    assert sparse_flatnonzero(mask[1:]).tolist() == [6, 7, 14, 15, 16, 19]  # not aligned on 8 bytes
    rng = np.random.default_rng(0)
    for density in (0.001, 0.1, 0.9):
        mask = rng.random(10_003) < density
        assert sparse_flatnonzero(mask).tolist() == np.flatnonzero(mask).tolist()
