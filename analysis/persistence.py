"""Persistence: how results are laid out on disk, written (atomically, by one function) and read back.

:func:`atomic_write` writes a file under a temporary name in the target's folder
(``.<name>.<random>.tmp``) and renames it over the target in one step (``os.replace``), so a reader
sees the old file or the new one, never half of one, and an interrupted or failed write leaves the
old file as it was (the temporary file is removed). :func:`atomic_folder` does the same for a folder
of files (a saved analysis). Reports, saved analyses, partitioned results and their manifests, cache
checksums, coding sheets, validation figures, the README's validity block and the target-tone
coefficient file all go through these two functions.

Permissions: a written file gets the permissions any new file gets under the user's umask (0644
under the usual 022) and a written folder those of a new folder (0755), not the 0600/0700 of a
temporary file: results and reports are meant to be shared.

Layouts (the tables are given by name; :mod:`analysis.pipeline` says which tables an analysis holds):

* a saved analysis (:func:`write_table_folder`, :func:`read_table_folder`): ``<folder>/<table>.parquet``
  and ``meta.json``;
* a partitioned analysis (written by :func:`analysis.analyze_corpus`, read by
  :func:`read_partitioned_tables`): ``<folder>/<table>/part-NNNNN.parquet`` (:func:`part_name`) and
  ``manifest.json`` (:data:`MANIFEST`), which lists every part with its rows and SHA-256
  (:func:`check_files` verifies them).

Parquet returns list columns as arrays; :func:`restore_lists` turns them back into lists, so a table
read back equals the one written.

This module imports nothing of the package but :mod:`analysis.errors`, so that any module can use it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import InputError

__all__ = ["atomic_write", "atomic_folder", "current_umask", "SCRATCH_SUFFIX", "MANIFEST", "RUN_MARKER",
           "PARTITIONED_FORMAT", "LIST_COLUMNS", "META", "part_name", "read_json", "read_manifest", "file_sha256",
           "parquet_rows", "check_files", "restore_lists", "concat_parts", "write_table_folder",
           "read_table_folder", "read_partitioned_tables", "code_sha256", "CODE_SUFFIXES", "content_key"]

#: The suffix of every temporary file and folder (a run that was killed can leave one; see scale.store).
SCRATCH_SUFFIX = ".tmp"

Writer = Callable[[Path], object]


def current_umask() -> int:
    """The process's file creation mask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _scratch_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{SCRATCH_SUFFIX}")


def _create_scratch(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside ``target``, opened for writing. Created with mode 0666, so
    the system applies the umask exactly as to any new file (no umask is read or changed)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        scratch = _scratch_name(target)
        try:
            return os.open(scratch, flags, 0o666), scratch
        except FileExistsError:  # pragma: no cover - 32 random bits taken already
            continue


def atomic_write(path: str | os.PathLike[str], data: str | bytes | Writer, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder + rename); returns the path.

    ``data``: text (written with ``encoding``, no newline translation), bytes, or a function that
    writes the file given its temporary path (``lambda p: table.to_parquet(p, index=False)``). The
    folder is created when missing. If writing fails or is interrupted, the exception propagates,
    ``path`` keeps its old content (or stays absent) and no temporary file is left behind. The new
    file gets the permissions of any new file under the umask (0644 under 022).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = _create_scratch(target)
    try:
        if callable(data):
            os.close(handle)
            data(scratch)
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(data.encode(encoding) if isinstance(data, str) else bytes(data))
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target


def atomic_folder(path: str | os.PathLike[str], fill: Writer) -> Path:
    """Make the folder ``path`` atomically: ``fill(scratch)`` writes its files into a temporary folder
    beside it, which then replaces ``path`` whole (an existing folder there is removed first); returns
    the path. If ``fill`` fails or is interrupted, ``path`` is left as it was and the temporary folder
    is removed. The folder gets the permissions of any new folder under the umask (0755 under 022).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        scratch = _scratch_name(target)
        try:
            scratch.mkdir(0o777)
            break
        except FileExistsError:  # pragma: no cover
            continue
    try:
        fill(scratch)
        if target.exists():
            shutil.rmtree(target)
        os.replace(scratch, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


# ---------------------------------------------------------------------------------------------- layouts

#: The manifest of a partitioned analysis, written last: a folder without it is not finished.
MANIFEST = "manifest.json"
#: The marker of a partitioned run in progress (its key and start time).
RUN_MARKER = "_run.json"
#: The ``format`` entry of a partitioned analysis' manifest.
PARTITIONED_FORMAT = "media-workbench partitioned analysis"
#: The meta file of a saved analysis.
META = "meta.json"
#: Columns holding lists, by table, which Parquet returns as arrays and :func:`restore_lists` makes lists again.
LIST_COLUMNS: dict[str, tuple[str, ...]] = {"documents": ("tags",), "entity_table": ("variants", "titles")}


def part_name(index: int) -> str:
    """The file name of partition ``index``: ``part-00000.parquet``."""
    return f"part-{index:05d}.parquet"


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``; None when the file is missing, unreadable or not a JSON object."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of a finished :func:`analysis.analyze_corpus` run at ``path``; InputError when there is none."""
    folder = Path(path)
    manifest = read_json(folder / MANIFEST)
    if manifest is None or manifest.get("format") != PARTITIONED_FORMAT:
        state = ("an unfinished or interrupted analyze_corpus run: run it again to finish it"
                 if (folder / RUN_MARKER).exists() else "no manifest.json")
        raise InputError(f"{folder}: not a finished partitioned analysis ({state}); "
                         "write one with analysis.analyze_corpus(source, out=...)")
    return manifest


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 (hex) of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def parquet_rows(path: Path) -> int:
    """Rows of a Parquet file, from its footer."""
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def check_files(folder: Path, files: Mapping[str, tuple[int, str | None]]) -> str | None:
    """The first problem with ``files`` (relative path -> (rows, sha256 or None)) under ``folder``, or None.

    A file must exist, hold its SHA-256 when one is given, and have its number of rows (Parquet footer).
    """
    for relative, (rows, digest) in files.items():
        path = folder / relative
        if not path.is_file():
            return f"{relative} is missing"
        if digest is not None and file_sha256(path) != digest:
            return f"{relative} does not match its SHA-256 (changed or truncated)"
        try:
            found = parquet_rows(path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for damaged files
            return f"{relative} is not a readable Parquet file ({type(exc).__name__})"
        if found != rows:
            return f"{relative} has {found} rows, not {rows}"
    return None


def restore_lists(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (read from Parquet) with its list columns as Python lists again (arrays -> lists)."""
    for column in LIST_COLUMNS.get(name, ()):
        if column in table:
            table[column] = [list(value) if value is not None else [] for value in table[column]]
    return table


def concat_parts(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Tables of consecutive parts as one: empty parts are left out (so they cannot change the dtypes);
    when every part is empty, the first."""
    filled = [frame for frame in frames if len(frame)]
    if not filled:
        return frames[0]
    return filled[0] if len(filled) == 1 else pd.concat(filled, ignore_index=True)


def write_table_folder(path: str | os.PathLike[str], tables: Mapping[str, pd.DataFrame],
                       meta: Mapping[str, Any]) -> Path:
    """Write ``<path>/<table>.parquet`` for every table and ``meta.json``, atomically as one folder
    (:func:`atomic_folder`: an existing folder at ``path`` is replaced whole); returns the folder."""
    def fill(scratch: Path) -> None:
        for name, table in tables.items():
            table.to_parquet(scratch / f"{name}.parquet", index=False)
        (scratch / META).write_text(json.dumps(dict(meta), indent=2, default=str))

    return atomic_folder(path, fill)


def read_table_folder(path: str | os.PathLike[str], names: Sequence[str]) -> tuple[dict[str, pd.DataFrame], dict]:
    """The tables ``names`` and the meta of a folder written by :func:`write_table_folder`; InputError
    naming what is missing when it is not one."""
    folder = Path(path)
    missing = [name for name in names if not (folder / f"{name}.parquet").is_file()]
    if missing or not (folder / META).is_file():
        raise InputError(
            f"{folder}: not a saved analysis (missing {', '.join(missing) or META}); "
            "write one with analyze(documents).save(path)"
        )
    tables = {name: restore_lists(name, pd.read_parquet(folder / f"{name}.parquet")) for name in names}
    return tables, json.loads((folder / META).read_text())


def read_partitioned_tables(path: str | os.PathLike[str], names: Sequence[str]) -> tuple[dict[str, pd.DataFrame], dict]:
    """The tables ``names`` (every part concatenated, in order) and the meta of a finished partitioned
    analysis; the documents table's ``attrs["load_report"]`` is the manifest's load report."""
    folder = Path(path)
    manifest = read_manifest(folder)
    tables = {}
    for name in names:
        parts = [pd.read_parquet(folder / part) for part in manifest["tables"][name]["parts"]]
        tables[name] = restore_lists(name, concat_parts(parts).reset_index(drop=True))
    if "documents" in tables:
        tables["documents"].attrs = {"load_report": manifest.get("load_report", [])}
    return tables, manifest["meta"]


# ------------------------------------------------------------------------------------------------- keys

def content_key(value: Any) -> str:
    """SHA-256 (hex) of ``value`` as canonical JSON (keys sorted; other objects as their text): the one
    way analysis keys (:func:`analysis.pipeline.analysis_key`) and run keys (``analysis.scale.store.run_key``)
    are made from what determines the numbers."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()


#: The files of the package whose content :func:`code_sha256` covers: its code and its shipped data
#: (lexicons, codebooks, word lists, the target-tone coefficients).
CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json")


@functools.lru_cache(maxsize=4)
def code_sha256(root: str | None = None) -> str:
    """SHA-256 over the package's code and shipped data: every file under ``analysis/`` (or ``root``)
    ending in :data:`CODE_SUFFIXES`, by relative path and content, in path order (``__pycache__``
    left out). Analysis and cache keys include it, so a changed rule, word list or model computes
    anew even when the version string stayed the same. Computed once per process."""
    folder = Path(root) if root is not None else Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.suffix in CODE_SUFFIXES and p.is_file()
                   and "__pycache__" not in p.parts)
    for path in files:
        relative = path.relative_to(folder).as_posix()
        digest.update(relative.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
