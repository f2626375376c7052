"""The table snapshot that proves a refactoring changed no number (benchmarks/snapshot.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from benchmarks.snapshot import table_digest


def _table(**changes: object) -> pd.DataFrame:
    columns = {"doc_id": ["a", "b"], "n": [1, 2], "tags": [["x"], []], "source": ["/tmp/x1/a.txt", "/tmp/x1/b.txt"]}
    return pd.DataFrame({**columns, **changes})


def test_equal_tables_have_equal_digests_and_one_changed_value_changes_it():
    assert table_digest(_table()) == table_digest(_table())
    assert table_digest(_table()) != table_digest(_table(n=[1, 3]))
    assert table_digest(_table()) != table_digest(_table(tags=[["y"], []]))  # list cells hash by content


def test_a_changed_dtype_or_column_order_changes_the_digest():
    assert table_digest(_table()) != table_digest(_table(n=np.array([1.0, 2.0])))
    assert table_digest(_table()) != table_digest(_table()[["n", "doc_id", "tags", "source"]])


def test_paths_under_a_scratch_folder_compare_equal_across_folders():
    other = _table(source=["/tmp/x2/a.txt", "/tmp/x2/b.txt"])
    assert table_digest(_table()) != table_digest(other)
    assert table_digest(_table(), places={"/tmp/x1": "<scratch>"}) == table_digest(other, places={"/tmp/x2": "<scratch>"})
