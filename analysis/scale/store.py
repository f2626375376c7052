"""``analyze_corpus``: a corpus on disk analysed partition by partition into partitioned Parquet.

Layout of an output folder ``OUT``::

    OUT/documents/part-00000.parquet   one file per partition and table, partition order
    OUT/sentences/part-00000.parquet
    ... mentions, quotes, tone, frames, actor_tone, entities
    OUT/entity_table/part-00000.parquet one part: computed over the whole corpus when the partitions are done
    OUT/manifest.json                  written last: what was analysed, with what, and the files

While a run is going on, it holds a lock on ``OUT/_lock.json`` (which records its process id; a second
run into the same ``OUT`` is refused while that process lives; the system frees the lock of a killed run),
``OUT/_run.json`` holds the run's key and ``OUT/_parts/part-NNNNN.json`` marks each finished partition
(written after its table files, with their row counts and SHA-256, which the manifest keeps so that
:func:`verify_analysis` can check the files later). Every file is written to a hidden temporary
name and renamed into place, so a file with a final name is always complete; ``manifest.json`` exists
only once every partition is done. An interrupted run therefore leaves no manifest; running it again
with the same key (same files, options, lexicon, codebook, tone engine, partition size and package
versions) skips the finished partitions, and with a different key starts clean. Starting clean first
writes ``OUT/_clearing.json``, then removes the old files, then the marker: a run killed while
cleaning leaves a folder the next run recognises, cleans and starts again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from analysis.deprecation import renamed_keywords
from analysis.actors import ActorLexicon, load_actors
from analysis.corpus.documents import AMBIGUOUS_DATES, SETTLED_DATES, empty_documents
from analysis.corpus.report import CorpusWarning, unused_sidecar_dates
from analysis.errors import InputError
from analysis.framing import Codebook, load_frames
from analysis.persistence import (MANIFEST, PARTITIONED_FORMAT, RUN_MARKER, atomic_write, check_files, file_sha256,
                                  parquet_rows, part_name, parts_fingerprint, read_json, read_manifest,
                                  content_key, source_fingerprint)
from analysis.pipeline import (PARTITION_TABLES, TABLES, analysis_meta, check_actor_tone_method,
                               analyze_partition, keyed_settings, warn_alias_case)
from analysis.engines import map_partitions, progress_bar
from analysis.scale.partitions import CorpusPartitions, Loaded, Partition, ReadOptions

__all__ = ["MANIFEST", "analyze_corpus", "check_files", "clear_analysis", "file_sha256", "part_name",
           "read_manifest", "run_key", "run_lock", "verify_analysis"]

_PARTS = "_parts"
_LOCK = "_lock.json"
_CLEARING = "_clearing.json"


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, default=str).encode("utf-8")


def run_key(source: Any, *, partition_size: int, options: ReadOptions, actors: ActorLexicon, frames: Codebook,
            tone_engine: str, actor_tone_method: str = "target", fingerprint: dict[str, Any] | None = None) -> str:
    """SHA-256 identifying a run of :func:`analyze_corpus`: equal keys, equal partitions and tables.

    Covers the source's files (:func:`source_fingerprint`), the load options, the partition size and
    what an analysis key covers besides the corpus (:func:`analysis.pipeline.keyed_settings`: the
    hashes of the word lists, the tone engine, the actor tone method, the package versions and the
    hash of the package's code).
    """
    keyed = {"source": fingerprint or source_fingerprint(source), "load": options.as_dict(),
             "partition_size": partition_size, **keyed_settings(actors, frames, tone_engine, actor_tone_method)}
    return content_key(keyed)


def _ours(folder: Path) -> bool:
    return any((folder / name).exists() for name in (MANIFEST, RUN_MARKER, "meta.json", _CLEARING))


def clear_analysis(folder: Path) -> None:
    """Remove what an analysis wrote in ``folder``: a marker first (so that a run killed while clearing
    leaves a folder recognised as an analysis), then the manifest (so it never outlives its parts), the
    tables, and the marker last. The lock file stays."""
    atomic_write(folder / _CLEARING, _json({"pid": os.getpid()}))
    for name in (MANIFEST, RUN_MARKER, "meta.json"):
        (folder / name).unlink(missing_ok=True)
    for name in (*TABLES, _PARTS):
        shutil.rmtree(folder / name, ignore_errors=True)
        (folder / f"{name}.parquet").unlink(missing_ok=True)
    (folder / _CLEARING).unlink()


def _check_out(folder: Path) -> None:
    """InputError when ``folder`` cannot take an analysis: a file, or a folder holding other things."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"out={str(folder)!r} is a file; give a folder for the analysis")
    if folder.is_dir() and any(p.name != _LOCK for p in folder.iterdir()) and not _ours(folder):
        raise InputError(f"out={str(folder)!r} is a folder that holds other files, not an analysis; "
                         "give a new or empty folder (an earlier analysis there would be replaced)")


def _refuse(folder: Path, path: Path, holder: Mapping[str, Any]) -> InputError:
    here = socket.gethostname()
    where = "" if holder.get("host", here) == here else f" on {holder.get('host')}"
    return InputError(
        f"out={str(folder)!r} is being written by another analyze run (pid {holder.get('pid', '?')}{where}, "
        f"started {holder.get('started', '?')}); wait for it to finish or give another --out. Two runs into "
        f"one folder would mix two analyses. If no such run is going on, delete {path}")


#: Where the Windows lock sits in the lock file: one byte far past the record, so that the record
#: stays readable by the run that is refused (Windows locks are mandatory for the bytes they cover).
_WINDOWS_LOCK_OFFSET = 1 << 30


def _lock_exclusive(fd: int) -> None:
    """Take the lock on open file ``fd`` without waiting; OSError when another process holds it.

    POSIX (Linux, macOS): ``flock``; Windows: ``msvcrt.locking`` of one byte. Either way the system
    releases the lock when the holding process ends, however it ends (a killed run frees it at once).
    """
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the open file ``fd`` (the holder may have removed it meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def run_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder/_lock.json`` for a run; InputError naming the holder when another run holds it.

    The lock is an operating-system lock on the file (``flock`` on Linux and macOS, ``msvcrt.locking``
    on Windows: :func:`_lock_exclusive`), which the system releases when its process ends, however it
    ends (so the lock of a killed run is free at once, and no stale lock needs detecting); the file
    records the holder's pid, host and start time for the message. Removed when the run ends.
    """
    path = folder / _LOCK
    record = {"pid": os.getpid(), "host": socket.gethostname(),
              "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    while True:
        fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o644)
        try:
            _lock_exclusive(fd)
        except OSError:
            os.close(fd)
            raise _refuse(folder, path, read_json(path) or {}) from None
        if _same_file(fd, path):
            break
        os.close(fd)  # the file was removed by the run that held it: lock the new one
    try:
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(record).encode("utf-8"))
        yield
    finally:
        if os.name == "nt":  # Windows removes no open file: close (which frees the lock), then remove
            os.close(fd)
            with contextlib.suppress(OSError):  # a run that opened it meanwhile removes it itself
                path.unlink()
        else:  # remove first, so that no other run locks the file this run is about to let go
            path.unlink(missing_ok=True)
            os.close(fd)


def _prepare(folder: Path, key: str) -> tuple[bool, dict[int, dict[str, Any]]]:
    """(already complete?, finished partitions by index) for a run with ``key`` into ``folder``."""
    _check_out(folder)
    if (folder / _CLEARING).exists():  # a run was killed while clearing: finish the job
        clear_analysis(folder)
    manifest = read_json(folder / MANIFEST)
    if manifest is not None and manifest.get("run_key") == key:
        return True, {}
    run = read_json(folder / RUN_MARKER)
    if run is None or run.get("key") != key:
        clear_analysis(folder)
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / RUN_MARKER, _json({"key": key, "started": dt.datetime.now(dt.timezone.utc).isoformat()}))
    (folder / MANIFEST).unlink(missing_ok=True)
    for stale in folder.glob(".*.tmp"):
        stale.unlink(missing_ok=True)
    for name in (*TABLES, _PARTS):
        (folder / name).mkdir(exist_ok=True)
        for stale in (folder / name).glob(".*.tmp"):
            stale.unlink(missing_ok=True)
    done = {}
    for marker in sorted((folder / _PARTS).glob("part-*.json")):
        record = read_json(marker)
        if record and record.get("key") == key and all(
                (folder / name / part_name(record["index"])).is_file() for name in PARTITION_TABLES):
            done[int(record["index"])] = record
    return False, done


def _at_least_one(partitions: Iterable[Partition]) -> Iterable[Partition]:
    """The partitions, or one empty partition when there are none (so every table has a part and a schema)."""
    empty = True
    for partition in partitions:
        empty = False
        yield partition
    if empty:
        documents = empty_documents()
        documents.attrs["load_report"] = []
        yield Loaded(documents)


def _run_partition(item: tuple[int, Partition], *, out: str, key: str, actors: ActorLexicon, frames: Codebook,
                   tone_engine: str, actor_tone_method: str = "target") -> dict[str, Any]:
    """Load, analyse and write one partition (on whichever worker runs it); returns its marker record."""
    index, partition = item
    folder = Path(out)
    documents = partition.load()
    tables = analyze_partition(documents, actors=actors, frames=frames, tone_engine=tone_engine,
                               actor_tone_method=actor_tone_method)
    for name, table in tables.items():
        atomic_write(folder / name / part_name(index), lambda scratch: table.to_parquet(scratch, index=False))
    record = {"key": key, "index": index, "documents": len(documents),
              "rows": {name: len(table) for name, table in tables.items()},
              "sha256": {name: file_sha256(folder / name / part_name(index)) for name in tables},
              "load_report": documents.attrs.get("load_report") or []}
    atomic_write(folder / _PARTS / f"part-{index:05d}.json", _json(record))
    return record


def verify_analysis(path: str | os.PathLike[str]) -> str | None:
    """The first problem found in a finished :func:`analyze_corpus` folder, or None when it is intact.

    Checks every part file listed in the manifest: present, same SHA-256 and same number of rows as
    when it was written. Problems: no manifest, a missing, changed, truncated or unreadable part.
    """
    folder = Path(path)
    try:
        manifest = read_manifest(folder)
    except InputError as exc:
        return str(exc)
    files: dict[str, tuple[int, str | None]] = {}
    try:
        for name in TABLES:
            entry = manifest["tables"][name]
            rows = entry.get("part_rows") or [None] * len(entry["parts"])
            digests = entry.get("sha256") or [None] * len(entry["parts"])
            for part, count, digest in zip(entry["parts"], rows, digests, strict=True):
                files[part] = (parquet_rows(folder / part) if count is None and (folder / part).is_file() else count,
                               digest)
    except (KeyError, TypeError, ValueError) as exc:
        return f"manifest.json is damaged ({type(exc).__name__}: {exc})"
    except Exception as exc:  # noqa: BLE001 - an unreadable part
        return f"a part file is not readable ({type(exc).__name__})"
    return check_files(folder, files)


def _parts(folder: Path, name: str, count: int) -> list[Path]:
    return [folder / name / part_name(index) for index in range(count)]


def _check_unique_ids(files: list[Path]) -> None:
    import pyarrow.parquet as pq

    seen: dict[str, int] = {}
    for index, file in enumerate(files):
        for doc_id in pq.read_table(file, columns=["doc_id"]).column(0).to_pylist():
            if doc_id in seen:
                first = pq.read_table(files[seen[doc_id]], columns=["doc_id", "source"]).to_pandas()
                again = pq.read_table(file, columns=["doc_id", "source"]).to_pandas()
                where_first = first.loc[first["doc_id"] == doc_id, "source"].iloc[0]
                where_again = again.loc[again["doc_id"] == doc_id, "source"].iloc[0]
                raise InputError(f"{where_again}: doc_id {doc_id!r} is already used by {where_first}; doc ids must "
                                 "be unique: remove the repeated document, or pass columns={'doc_id': None} to use "
                                 "hashed ids (in a report: -p columns=doc_id=; with analyze: --columns doc_id=)")
            seen[doc_id] = index


def _corpus_tables(folder: Path, count: int, lexicon: ActorLexicon) -> dict[str, dict[str, Any]]:
    """Compute the corpus tables (``pipeline.CORPUS_TABLES``: the entity table) from the partitions'
    entities parts, read one at a time (memory grows with the entities, not the mentions), and write
    each as one part; returns their manifest entries."""
    from analysis.entities import entity_table_of_parts

    parts = (pd.read_parquet(part) for part in _parts(folder, "entities", count))
    tables = {"entity_table": entity_table_of_parts(parts, actors=lexicon)}
    warn_alias_case(tables["entity_table"], actors=lexicon)
    out = {}
    for name, table in tables.items():
        atomic_write(folder / name / part_name(0), lambda scratch: table.to_parquet(scratch, index=False))
        out[name] = {"rows": len(table), "parts": [f"{name}/{part_name(0)}"], "part_rows": [len(table)],
                     "sha256": [file_sha256(folder / name / part_name(0))]}
    return out


def _finish(folder: Path, *, key: str, count: int, records: Mapping[int, dict[str, Any]],
            planning: list[dict[str, Any]], fingerprint: dict[str, Any], partition_size: int,
            options: ReadOptions, lexicon: ActorLexicon, codebook: Codebook, tone_engine: str,
            actor_tone_method: str = "target") -> dict[str, Any]:
    missing = [index for index in range(count) if index not in records]
    if missing:  # pragma: no cover - map_partitions raises before this can happen
        raise RuntimeError(f"partitions {missing[:5]} were not written")
    documents = _parts(folder, "documents", count)
    _check_unique_ids(documents)
    meta = analysis_meta(parts_fingerprint(documents), lexicon, codebook, tone_engine, actor_tone_method)
    corpus = _corpus_tables(folder, count, lexicon)
    report = _date_readings(planning + [entry for index in range(count) for entry in records[index]["load_report"]])
    manifest = {
        "format": PARTITIONED_FORMAT,
        "run_key": key,
        "meta": meta,
        "source": fingerprint,
        "load": options.as_dict(),
        "partition_size": partition_size,
        "partitions": count,
        "tables": {**{name: {"rows": sum(records[i]["rows"][name] for i in range(count)),
                             "parts": [f"{name}/{part_name(i)}" for i in range(count)],
                             "part_rows": [records[i]["rows"][name] for i in range(count)],
                             "sha256": [records[i].get("sha256", {}).get(name) for i in range(count)]}
                      for name in PARTITION_TABLES},
                   **corpus},
        "load_report": report,
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    atomic_write(folder / MANIFEST, _json(manifest))
    shutil.rmtree(folder / _PARTS, ignore_errors=True)
    (folder / RUN_MARKER).unlink(missing_ok=True)
    return manifest


#: The start of the load-report problem when partitions read numeric dates differently.
MIXED_READINGS = "partitions read numeric dates differently"


def _date_readings(report: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The load report without the partitions' notes of the reading their own dates settled, plus one
    entry when partitions read numeric dates differently: some month first (their dates settled it),
    others day first (settled so, or by convention when nothing in the partition settled it)."""
    settled = [e for e in report if str(e["problem"]).startswith(SETTLED_DATES)]
    kept = [e for e in report if not str(e["problem"]).startswith(SETTLED_DATES)]
    month = [e for e in settled if e["action"] == "read month first"]
    day = [e for e in settled if e["action"] == "read day first"] + [
        e for e in kept if AMBIGUOUS_DATES in str(e["problem"])]
    if month and day:
        example = str(month[0]["problem"]).split(": ", 1)[-1]
        kept.append({"source": str(month[0]["source"]), "row": None, "line": None,
                     "problem": f"{MIXED_READINGS}: {len(month)} partition(s) month first ({example}), "
                                f"{len(day)} load-report entr(ies) day first; each partition was read as its own "
                                "dates settle, so the same date may have been read two ways",
                     "action": "pass dayfirst=False (--monthfirst) or dayfirst=True (--dayfirst) and run again"})
    return kept


def _warn_report(report: list[dict[str, Any]], *, manifest: Path) -> None:
    lost = [entry for entry in report if entry["action"] in ("skipped", "ignored")]
    if lost:
        warnings.warn(f"analyze_corpus: {len(lost)} input item(s) skipped or ignored while loading, listed in the "
                      f"manifest's load_report; first: {lost[0]['source']}: {lost[0]['problem']}", CorpusWarning,
                      stacklevel=3)
    unused = unused_sidecar_dates(report, place=f"the load_report of {manifest.as_posix()}")
    if unused:
        warnings.warn(f"analyze_corpus: {unused}", CorpusWarning, stacklevel=3)
    mixed = [entry for entry in report if str(entry["problem"]).startswith(MIXED_READINGS)]
    if mixed:
        warnings.warn(f"analyze_corpus: {mixed[0]['problem']}; {mixed[0]['action']}", CorpusWarning, stacklevel=3)


@renamed_keywords(frames="codebook")
def analyze_corpus(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str],
    actors: Any = None,
    codebook: Any = None,
    tone_engine: str = "textblob",
    actor_tone_method: str = "target",
    partition_size: int = 1000,
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
    format: str | None = None,  # noqa: A002 - load_corpus' name
    columns: Mapping[str, str | None] | None = None,
    errors: Literal["raise", "skip"] = "raise",
    dayfirst: bool | None = None,
    title_from_first_line: bool = True,
    progress: bool | None = None,
) -> Path:
    """Analyse a corpus on disk partition by partition, streaming; write partitioned Parquet to ``out``.

    ``source`` and ``format``/``columns``/``errors``/``dayfirst``/``title_from_first_line``: as for
    :func:`analysis.load_corpus` (see :mod:`analysis.scale.partitions` for how each input is cut and
    the few differences). ``actors``, ``codebook`` (old keyword ``frames=``, deprecated), ``tone_engine``,
    ``actor_tone_method``: as for :func:`analysis.analyze`.
    ``partition_size``: documents per partition (memory use grows with it, not with the corpus).
    ``engine``: "local" (this process), "processes" (``workers`` processes) or "dask" (``scheduler``:
    an address or Client; None = the current client or a local cluster); with Dask, ``out`` and a
    Parquet file or a folder ``source`` must be paths that the workers and this process can read (and,
    for ``out``, write), e.g. on a shared file system; CSV, TSV and JSON are read here and sent.
    ``progress``: a tqdm bar over documents (None: on a terminal only, never with TQDM_DISABLE=1).

    Writes ``out/<table>/part-NNNNN.parquet`` for every table of :data:`analysis.pipeline.TABLES`, then
    ``out/manifest.json`` (meta with the corpus fingerprint and key, row counts, parts with their rows
    and SHA-256, load report). A finished run with the same key returns at once; an interrupted one
    resumes; a different key starts clean. A second run into the same ``out`` while one is going on
    is refused (InputError naming the running process); ``out/_lock.json`` marks the running one. Returns ``out`` as a Path: read it with :func:`analysis.load_analysis` (in memory)
    or query it with :func:`analysis.query` (DuckDB, out of memory).
    """
    lexicon, codebook = load_actors(actors), load_frames(codebook)
    check_actor_tone_method(actor_tone_method)
    options = ReadOptions(format, columns, errors, dayfirst, title_from_first_line)
    partitions = CorpusPartitions(source, partition_size=partition_size, options=options)
    fingerprint = source_fingerprint(source)
    key = run_key(source, partition_size=partition_size, options=options, actors=lexicon, frames=codebook,
                  tone_engine=tone_engine, actor_tone_method=actor_tone_method, fingerprint=fingerprint)
    folder = Path(out)
    _check_out(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with run_lock(folder):
        return _run(partitions, folder, key=key, fingerprint=fingerprint, options=options, lexicon=lexicon,
                    codebook=codebook, tone_engine=tone_engine, actor_tone_method=actor_tone_method,
                    partition_size=partition_size, engine=engine,
                    workers=workers, scheduler=scheduler, progress=progress)


def _run(partitions: CorpusPartitions, folder: Path, *, key: str, fingerprint: dict[str, Any], options: ReadOptions,
         lexicon: ActorLexicon, codebook: Codebook, tone_engine: str, actor_tone_method: str, partition_size: int,
         engine: str,
         workers: int | None, scheduler: Any, progress: bool | None) -> Path:
    """The body of :func:`analyze_corpus`, run while holding the folder's lock."""
    complete, done = _prepare(folder, key)
    if complete:
        return folder
    records: dict[int, dict[str, Any]] = dict(done)
    count = 0

    def todo() -> Iterable[tuple[int, Partition]]:
        nonlocal count
        for index, partition in enumerate(_at_least_one(partitions)):
            count = index + 1
            if index not in done:
                yield index, partition

    shared = {"out": str(folder), "key": key, "actors": lexicon, "frames": codebook, "tone_engine": tone_engine,
              "actor_tone_method": actor_tone_method}
    initial = sum(record["documents"] for record in done.values())
    with progress_bar(total=partitions.documents_hint, unit="doc", desc=f"analyze {folder.name}", progress=progress,
                      initial=initial) as bar:
        for _, record in map_partitions(_run_partition, todo(), engine=engine, workers=workers, scheduler=scheduler,
                                        shared=shared):
            records[record["index"]] = record
            if bar.total is not None and bar.n + record["documents"] > bar.total:
                bar.total = bar.n + record["documents"]  # the hint was an estimate
            bar.update(record["documents"])
        if bar.total is not None and bar.n < bar.total:  # fewer documents than estimated (skipped, blank lines)
            bar.total = bar.n
            bar.refresh()
    manifest = _finish(folder, key=key, count=count, records=records, planning=partitions.log.entries,
                       fingerprint=fingerprint, partition_size=partition_size, options=options, lexicon=lexicon,
                       codebook=codebook, tone_engine=tone_engine, actor_tone_method=actor_tone_method)
    _warn_report(manifest["load_report"], manifest=folder / MANIFEST)
    return folder
