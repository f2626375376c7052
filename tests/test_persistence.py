"""analysis.persistence: the one atomic write, the folder layouts, and reading them back."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.persistence import (
    atomic_folder,
    atomic_write,
    check_files,
    file_sha256,
    read_table_folder,
    write_table_folder,
)


def _umask(mask: int):
    class Mask:
        def __enter__(self):
            self.previous = os.umask(mask)

        def __exit__(self, *exc):
            os.umask(self.previous)

    return Mask()


def test_text_bytes_and_writer_are_written_whole_and_no_scratch_file_stays(tmp_path):
    target = tmp_path / "new" / "folder" / "a.txt"
    assert atomic_write(target, "première\nligne") == target  # the folder is made
    assert target.read_bytes() == "première\nligne".encode("utf-8")  # no newline translation
    atomic_write(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    table = pd.DataFrame({"a": [1, 2]})
    atomic_write(tmp_path / "t.parquet", lambda scratch: table.to_parquet(scratch, index=False))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "t.parquet"), table)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.txt", "t.parquet"]


def test_an_interrupted_write_leaves_the_old_file_and_no_scratch(tmp_path):
    target = tmp_path / "report.html"
    atomic_write(target, "old")

    def interrupted(scratch):
        scratch.write_text("half of the new")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, interrupted)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]

    class Unwritable:  # fails while the bytes are being written
        def __bytes__(self):
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, Unwritable())  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_written_file_gets_the_permissions_of_any_new_file(tmp_path, mask, mode):
    """As reports always had: 0644 under umask 022, not the 0600 of a temporary file."""
    with _umask(mask):
        atomic_write(tmp_path / "a.html", "x")
        atomic_write(tmp_path / "b.parquet", lambda p: pd.DataFrame({"a": [1]}).to_parquet(p))
        atomic_write(tmp_path / "a.html", "replaced")  # a replaced file too
    for name in ("a.html", "b.parquet"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name


def test_atomic_folder_replaces_the_folder_whole_or_not_at_all(tmp_path):
    target = tmp_path / "analysis"

    def fill(names):
        def write(scratch):
            for name in names:
                (scratch / name).write_text(name)
        return write

    with _umask(0o022):
        atomic_folder(target, fill(["a", "b"]))
    assert sorted(p.name for p in target.iterdir()) == ["a", "b"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    atomic_folder(target, fill(["c"]))
    assert sorted(p.name for p in target.iterdir()) == ["c"]  # the old folder's files are gone

    def broken(scratch):
        (scratch / "d").write_text("d")
        raise RuntimeError("failed half way")

    with pytest.raises(RuntimeError):
        atomic_folder(target, broken)
    assert sorted(p.name for p in target.iterdir()) == ["c"]
    assert [p.name for p in tmp_path.iterdir()] == ["analysis"]


def test_table_folder_round_trip_restores_lists_and_names_what_is_missing(tmp_path):
    tables = {"documents": pd.DataFrame({"doc_id": ["a", "b"], "tags": [["x", "y"], []]}),
              "tone": pd.DataFrame({"doc_id": ["a"], "polarity": [0.5]})}
    folder = write_table_folder(tmp_path / "saved", tables, {"key": "k"})
    read, meta = read_table_folder(folder, ["documents", "tone"])
    assert meta == {"key": "k"}
    pd.testing.assert_frame_equal(read["documents"], tables["documents"])
    assert read["documents"]["tags"].tolist() == [["x", "y"], []]
    with pytest.raises(InputError, match=r"saved: not a saved analysis \(missing frames\); write one with"):
        read_table_folder(folder, ["documents", "frames"])


def test_check_files_names_the_first_problem(tmp_path):
    pd.DataFrame({"a": [1, 2]}).to_parquet(tmp_path / "t.parquet")
    digest = file_sha256(tmp_path / "t.parquet")
    assert check_files(tmp_path, {"t.parquet": (2, digest)}) is None
    assert check_files(tmp_path, {"t.parquet": (3, None)}) == "t.parquet has 2 rows, not 3"
    assert check_files(tmp_path, {"t.parquet": (2, "0" * 64)}) == "t.parquet does not match its SHA-256 (changed or truncated)"
    assert check_files(tmp_path, {"u.parquet": (2, None)}) == "u.parquet is missing"


def test_every_copy_of_the_atomic_write_is_gone():
    """One atomic write: no other module renames a temporary file into place itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "analysis"
    writers = sorted(str(p.relative_to(root.parent)) for p in root.rglob("*.py")
                     if "os.replace(" in p.read_text(encoding="utf-8"))
    assert writers == ["analysis/persistence.py"]


def test_content_key_is_the_sha256_of_canonical_json():
    import hashlib
    import json

    from analysis.persistence import content_key

    value = {"b": [1, 2], "a": {"y": None, "x": 1.5}, "when": object}
    assert content_key(value) == content_key({"when": object, "a": {"x": 1.5, "y": None}, "b": [1, 2]})
    assert content_key(value) == hashlib.sha256(
        json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    assert content_key({"a": 1}) != content_key({"a": 2})


# ------------------------------------------------------------------------------------ fingerprints and parts


def test_parts_fingerprint_of_parquet_parts_equals_corpus_fingerprint_of_the_table(tmp_path):
    from analysis.persistence import corpus_fingerprint, parts_fingerprint

    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["T1", None, "T3"], "text": ["x", "y", "z"]})
    documents.iloc[:2].to_parquet(tmp_path / "p0.parquet", index=False)
    documents.iloc[2:].to_parquet(tmp_path / "p1.parquet", index=False)
    whole = corpus_fingerprint(documents)
    assert whole["documents"] == 3
    assert parts_fingerprint([tmp_path / "p0.parquet", tmp_path / "p1.parquet"]) == whole
    assert parts_fingerprint([tmp_path / "p1.parquet", tmp_path / "p0.parquet"]) != whole, "order counts"


def test_fingerprints_keep_their_old_import_paths():
    from analysis import persistence, provenance
    from analysis.scale import partitions, source_fingerprint

    assert provenance.corpus_fingerprint is persistence.corpus_fingerprint
    assert source_fingerprint is partitions.source_fingerprint is persistence.source_fingerprint


def test_source_fingerprint_counts_a_file_and_its_metadata_companions(tmp_path):
    from analysis.persistence import source_fingerprint

    (tmp_path / "a.txt").write_text("Title\n\nBody.")
    (tmp_path / "a.meta.yml").write_text("outlet: X\n")
    (tmp_path / ".hidden.txt").write_text("never read")
    one = source_fingerprint(tmp_path / "a.txt")
    assert (one["files"], one["bytes"]) == (2, len("Title\n\nBody.") + len("outlet: X\n"))
    folder = source_fingerprint(tmp_path)
    assert (folder["files"], folder["bytes"]) == (2, one["bytes"]), "hidden files are left out"
    assert source_fingerprint(tmp_path / "missing.txt") == {"files": 0, "bytes": 0,
                                                           "sha256": source_fingerprint(tmp_path / "missing.txt")["sha256"]}


def test_restore_lists_turns_parquet_arrays_back_into_lists():
    import numpy as np
    from analysis.persistence import restore_lists

    table = pd.DataFrame({"tags": [np.array(["a", "b"]), None], "other": [np.array([1]), None]})
    restored = restore_lists("documents", table)
    assert restored["tags"].tolist() == [["a", "b"], []]
    assert isinstance(restored["other"].iloc[0], np.ndarray), "only the table's list columns"
    assert restore_lists("sentences", pd.DataFrame({"tags": [np.array([1])]}))["tags"].iloc[0].tolist() == [1]


def test_concat_parts_leaves_out_empty_parts():
    from analysis.persistence import concat_parts

    empty = pd.DataFrame({"a": pd.Series([], dtype="float64")})
    one = pd.DataFrame({"a": pd.Series([1, 2], dtype="int64")})
    assert concat_parts([empty, empty]) is empty
    assert concat_parts([empty, one]) is one
    both = concat_parts([one, empty, one])
    assert both["a"].tolist() == [1, 2, 1, 2] and str(both["a"].dtype) == "int64"
    assert both.index.tolist() == [0, 1, 2, 3]


def test_part_name_and_parquet_rows(tmp_path):
    from analysis.persistence import parquet_rows, part_name

    assert part_name(7) == "part-00007.parquet"
    pd.DataFrame({"a": range(5)}).to_parquet(tmp_path / part_name(0), index=False)
    assert parquet_rows(tmp_path / "part-00000.parquet") == 5


def test_read_partitioned_tables_concatenates_parts_in_manifest_order(tmp_path):
    import json

    from analysis.persistence import MANIFEST, PARTITIONED_FORMAT, read_partitioned_tables

    (tmp_path / "documents").mkdir()
    pd.DataFrame({"doc_id": ["a"], "tags": [["x"]]}).to_parquet(tmp_path / "documents/part-00000.parquet", index=False)
    pd.DataFrame({"doc_id": ["b"], "tags": [[]]}).to_parquet(tmp_path / "documents/part-00001.parquet", index=False)
    (tmp_path / MANIFEST).write_text(json.dumps({
        "format": PARTITIONED_FORMAT, "meta": {"k": 1}, "load_report": [{"source": "f"}],
        "tables": {"documents": {"parts": ["documents/part-00001.parquet", "documents/part-00000.parquet"]}}}))
    tables, meta = read_partitioned_tables(tmp_path, ["documents"])
    assert meta == {"k": 1}
    assert tables["documents"]["doc_id"].tolist() == ["b", "a"]
    assert tables["documents"]["tags"].tolist() == [[], ["x"]]
    assert tables["documents"].attrs == {"load_report": [{"source": "f"}]}


def test_read_parquet_rows_reads_the_rows_of_some_documents_and_some_columns(tmp_path):
    from analysis.persistence import read_parquet_rows

    table = pd.DataFrame({"doc_id": ["a", "b", "a", "c"], "n": [1, 2, 3, 4], "text": ["w", "x", "y", None]})
    path = tmp_path / "t.parquet"
    table.to_parquet(path, index=False)
    whole = pd.read_parquet(path)
    pd.testing.assert_frame_equal(read_parquet_rows(path), whole)
    rows = read_parquet_rows(path, doc_ids=["a", "zz"])
    assert rows["n"].tolist() == [1, 3] and rows.index.tolist() == [0, 1]
    pd.testing.assert_frame_equal(rows, whole[whole["doc_id"] == "a"].reset_index(drop=True))
    pd.testing.assert_frame_equal(read_parquet_rows(path, doc_ids=[]), whole.iloc[:0].reset_index(drop=True))
    pd.testing.assert_frame_equal(read_parquet_rows(path, doc_ids={"b", "c"}, columns=["text", "n"]),
                                  whole.loc[[1, 3], ["text", "n"]].reset_index(drop=True))
    assert list(read_parquet_rows(path, columns=["n"]).columns) == ["n"]
