"""Partitions of a corpus on disk (analysis.scale.partitions): Parquet row groups read by the worker."""

from __future__ import annotations

import pandas as pd

import analysis as wb
from analysis.scale.partitions import CorpusPartitions, ParquetRowGroups, Partition


def test_a_parquet_file_is_partitioned_by_whole_row_groups_and_loads_like_load_corpus(tmp_path):
    table = pd.DataFrame({"title": list("ABCDE"), "text": list("abcde")})
    table.to_parquet(tmp_path / "c.parquet", index=False, row_group_size=2)
    parts = list(CorpusPartitions(tmp_path / "c.parquet", partition_size=2))
    assert all(isinstance(p, ParquetRowGroups) for p in parts)
    assert [(p.row_groups, p.first_row) for p in parts] == [((0,), 0), ((1,), 2), ((2,), 4)]
    loaded: list[pd.DataFrame] = [p.load() for p in parts]  # each a Partition: load() -> documents
    assert [d["title"].tolist() for d in loaded] == [["A", "B"], ["C", "D"], ["E"]]
    whole = wb.load_corpus(tmp_path / "c.parquet")
    assert pd.concat(loaded)["doc_id"].tolist() == whole["doc_id"].tolist()
    assert [name for name in vars(Partition) if not name.startswith("_")] == ["load"], "the whole contract"
