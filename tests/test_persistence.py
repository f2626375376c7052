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
