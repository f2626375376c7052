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

Keys and fingerprints: :func:`content_key` (the one hash of settings), :func:`code_sha256` (the
package's code), :func:`corpus_fingerprint` (a documents table; :func:`parts_fingerprint` gives the same
from its Parquet parts) and :func:`source_fingerprint` (the files a load reads).

This module imports nothing of the package but :mod:`analysis.errors` and, for the names of a file's
metadata companions, :mod:`analysis.corpus.sidecars`, so that any module but the loader's can use it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.files import MANIFEST, META, RUN_MARKER
from analysis.corpus.sidecars import METADATA_CSV, sidecar_paths
from analysis.errors import InputError

__all__ = ["atomic_write", "atomic_folder", "SCRATCH_SUFFIX", "MANIFEST", "RUN_MARKER",
           "PARTITIONED_FORMAT", "LIST_COLUMNS", "META", "part_name", "read_json", "read_manifest", "file_sha256",
           "parquet_rows", "check_files", "restore_lists", "concat_parts", "write_table_folder",
           "read_table_folder", "read_partitioned_tables", "read_parquet_rows", "code_sha256", "CODE_SUFFIXES", "content_key",
           "corpus_fingerprint", "parts_fingerprint", "source_fingerprint"]

#: The suffix of every temporary file and folder (a run that was killed can leave one; see scale.store).
SCRATCH_SUFFIX = ".tmp"

Writer = Callable[[Path], object]


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

# (MANIFEST, RUN_MARKER and META, the layouts' file names, live in analysis.corpus.files, which tells a
# saved analysis from a corpus.)

#: The ``format`` entry of a partitioned analysis' manifest.
PARTITIONED_FORMAT = "media-workbench partitioned analysis"
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


#: Rows per batch when :func:`read_parquet_rows` filters a file while reading it.
_FILTER_BATCH_ROWS = 1024


@contextlib.contextmanager
def _system_memory_pool() -> Iterator[None]:
    """Arrow allocates from the C library's allocator (``malloc``) inside the block, then from the pool
    it used before. Arrow's default pool (mimalloc) keeps what a read freed for Arrow's later use, about
    20-50 MB of a report process that reads a saved analysis once; ``malloc`` returns it for pandas and
    Python to reuse. Buffers allocated inside stay valid after the block."""
    import pyarrow as pa

    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def read_parquet_rows(path: str | os.PathLike[str], *, doc_ids: Collection[str] | None = None,
                      columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A Parquet table as :func:`pandas.read_parquet` reads it, only the rows whose ``doc_id`` is one of
    ``doc_ids`` (None: every row) and only ``columns`` (None: all), in the file's order with a fresh index.

    The rows are filtered while the file is read, batch by batch (1,024 rows, in Arrow), so the rows
    left out are never held together nor turned into pandas objects: a report on one document of a
    large saved analysis holds that document's rows, not the whole table (a pyarrow dataset filter,
    ``pd.read_parquet(filters=...)``, decodes a whole row group, here the whole table, at once). Arrow
    allocates from ``malloc`` while reading (:func:`_system_memory_pool`). The rows and dtypes equal
    those of the whole table read and filtered.
    """
    chosen = list(columns) if columns is not None else None
    with _system_memory_pool():
        if doc_ids is None:
            return pd.read_parquet(path, columns=chosen)
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        wanted = pa.array(sorted({str(i) for i in doc_ids}), type=pa.string())
        read = None if chosen is None else list(dict.fromkeys(["doc_id", *chosen]))  # the filter reads doc_id
        with pq.ParquetFile(path) as file:
            schema = file.schema_arrow
            if read is not None:
                schema = pa.schema([schema.field(name) for name in read], metadata=schema.metadata)
            batches = [batch.filter(pc.is_in(batch.column("doc_id"), value_set=wanted))
                       for batch in file.iter_batches(batch_size=_FILTER_BATCH_ROWS, columns=read,
                                                      use_threads=False)]
        rows = pa.Table.from_batches([batch for batch in batches if batch.num_rows], schema=schema)
        return (rows if chosen is None else rows.select(chosen)).to_pandas()


def read_table_folder(path: str | os.PathLike[str], names: Sequence[str], *, doc_ids: Collection[str] | None = None,
                      columns: Mapping[str, Sequence[str]] | None = None) -> tuple[dict[str, pd.DataFrame], dict]:
    """The tables ``names`` and the meta of a folder written by :func:`write_table_folder`; InputError
    naming what is missing when it is not one. ``doc_ids`` and ``columns`` (by table name) read only
    those documents' rows and those columns (:func:`read_parquet_rows`)."""
    folder = Path(path)
    missing = [name for name in names if not (folder / f"{name}.parquet").is_file()]
    if missing or not (folder / META).is_file():
        raise InputError(
            f"{folder}: not a saved analysis (missing {', '.join(missing) or META}); "
            "write one with analyze(documents).save(path)"
        )
    tables = {name: restore_lists(name, read_parquet_rows(folder / f"{name}.parquet", doc_ids=doc_ids,
                                                          columns=(columns or {}).get(name)))
              for name in names}
    return tables, json.loads((folder / META).read_text())


def read_partitioned_tables(path: str | os.PathLike[str], names: Sequence[str], *,
                            doc_ids: Collection[str] | None = None,
                            columns: Mapping[str, Sequence[str]] | None = None) -> tuple[dict[str, pd.DataFrame], dict]:
    """The tables ``names`` (every part concatenated, in order) and the meta of a finished partitioned
    analysis; the documents table's ``attrs["load_report"]`` is the manifest's load report. ``doc_ids``
    and ``columns`` (by table name) read only those documents' rows and those columns
    (:func:`read_parquet_rows`)."""
    folder = Path(path)
    manifest = read_manifest(folder)
    tables = {}
    for name in names:
        parts = [read_parquet_rows(folder / part, doc_ids=doc_ids, columns=(columns or {}).get(name))
                 for part in manifest["tables"][name]["parts"]]
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


# ----------------------------------------------------------------------------------------- fingerprints

#: The columns :func:`corpus_fingerprint` hashes, in this order.
FINGERPRINT_COLUMNS = ("doc_id", "title", "text")


def _fingerprint(columns: Sequence[Sequence[Any]]) -> str:
    """SHA-256 over the values of each column in turn (missing values as ''), each value ended by 0x1f
    and each column by 0x1e."""
    digest = hashlib.sha256()
    for values in columns:
        for value in values:
            digest.update(value.encode("utf-8"))
            digest.update(b"\x1f")
        digest.update(b"\x1e")
    return digest.hexdigest()


def corpus_fingerprint(documents: pd.DataFrame) -> dict[str, Any]:
    """Document count and a SHA-256 over every document's id, title and text, in table order.

    Output keys: documents (int), content_sha256 (hex str). Two corpora with the same fingerprint hold
    the same articles in the same order.
    """
    columns = [documents[column].astype("string").fillna("") if column in documents else ()
               for column in FINGERPRINT_COLUMNS]
    return {"documents": int(len(documents)), "content_sha256": _fingerprint(columns)}


def parts_fingerprint(files: Sequence[Path]) -> dict[str, Any]:
    """:func:`corpus_fingerprint` of the documents table stored as the Parquet parts ``files`` (in
    order), read one column of one part at a time."""
    import pyarrow.parquet as pq

    def values(column: str) -> Iterator[str]:
        for file in files:
            for value in pq.read_table(file, columns=[column]).column(0).to_pylist():
                yield "" if value is None else str(value)

    documents = sum(parquet_rows(Path(file)) for file in files)
    return {"documents": documents, "content_sha256": _fingerprint([values(c) for c in FINGERPRINT_COLUMNS])}


def _source_files(given: Path) -> list[tuple[str, str]]:
    """(name relative to ``given``, path) of every non-hidden file a load of ``given`` may read."""
    if given.is_file():
        siblings = [given.parent / METADATA_CSV, *sidecar_paths(given)]
        return [(given.name, str(given))] + [(p.name, str(p)) for p in siblings if p.is_file()]
    found = []
    top = os.fspath(given)
    for root, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        relative = os.path.relpath(root, top)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found.extend((prefix + name, os.path.join(root, name)) for name in sorted(names) if not name.startswith("."))
    return found


def _file_entry(name: str, path: str) -> tuple[str, int | None]:
    """(fingerprint entry, bytes or None when not read) of one file; a file that is not regular (FIFO, socket, device), a
    dangling link or an unreadable file is entered by its name and what it is, never opened or waited on."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return f"{name}\x1fnot a regular file\x1e", None
        with open(path, "rb") as handle:
            content = hashlib.file_digest(handle, "sha256").hexdigest()
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        return f"{name}\x1funreadable: {type(exc).__name__}\x1e", None
    return f"{name}\x1f{size}\x1f{content}\x1e", size


def source_fingerprint(source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> dict[str, Any]:
    """Files, bytes and a SHA-256 over every file a load of ``source`` reads: paths as given, names, contents.

    Two sources with the same fingerprint load to the same documents (with the same options). Files
    that are not regular files (FIFOs, sockets, devices), dangling or looping links and unreadable
    files enter by name only (they are not counted, and never opened: a FIFO would block).
    Output keys: files (int), bytes (int), sha256 (hex str).
    """
    digest = hashlib.sha256()
    files = total = 0
    sources = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    for given in map(Path, sources):
        digest.update(f"source\x1f{given.as_posix()}\x1e".encode())
        if not given.exists():
            continue
        for name, path in _source_files(given):
            entry, size = _file_entry(name, path)
            digest.update(entry.encode())
            if size is not None:  # a regular, readable file
                files += 1
                total += size
    return {"files": files, "bytes": total, "sha256": digest.hexdigest()}
