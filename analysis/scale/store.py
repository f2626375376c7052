"""``analyze_corpus``: a corpus on disk analysed partition by partition into partitioned Parquet.

Layout of an output folder ``OUT``::

    OUT/documents/part-00000.parquet   one file per partition and table, partition order
    OUT/sentences/part-00000.parquet
    ... mentions, quotes, tone, frames, actor_tone, entities
    OUT/entity_table/part-00000.parquet one part: computed over the whole corpus when the partitions are done
    OUT/manifest.json                  written last: what was analysed, with what, and the files

While a run is going on, ``OUT/_run.json`` holds the run's key and ``OUT/_parts/part-NNNNN.json`` marks
each finished partition (written after its seven files). Every file is written to a hidden temporary
name and renamed into place, so a file with a final name is always complete; ``manifest.json`` exists
only once every partition is done. An interrupted run therefore leaves no manifest; running it again
with the same key (same files, options, lexicon, codebook, tone engine, partition size and package
versions) skips the finished partitions, and with a different key starts clean.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from analysis.actors import ActorLexicon, load_actors
from analysis.corpus.documents import empty_documents
from analysis.corpus.report import CorpusWarning
from analysis.entities import load_entity_words
from analysis.errors import InputError
from analysis.framing import Codebook, load_frames
from analysis.pipeline import PARTITION_TABLES, TABLES, Analysis, analysis_meta, analyze_partition, restore_lists
from analysis.provenance import package_versions
from analysis.scale.engines import map_partitions, progress_bar
from analysis.scale.partitions import CorpusPartitions, Loaded, Partition, ReadOptions, source_fingerprint

__all__ = ["MANIFEST", "analyze_corpus", "part_name", "read_manifest", "read_partitioned", "run_key"]

MANIFEST = "manifest.json"
_RUN = "_run.json"
_PARTS = "_parts"
_FORMAT = "media-workbench partitioned analysis"


def part_name(index: int) -> str:
    """The file name of partition ``index``: ``part-00000.parquet``."""
    return f"part-{index:05d}.parquet"


def _scratch(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = _scratch(path)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_parquet_atomic(table: pd.DataFrame, path: Path) -> None:
    tmp = _scratch(path)
    try:
        table.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, default=str).encode("utf-8")


def run_key(source: Any, *, partition_size: int, options: ReadOptions, actors: ActorLexicon, frames: Codebook,
            tone_engine: str, fingerprint: dict[str, Any] | None = None) -> str:
    """SHA-256 identifying a run of :func:`analyze_corpus`: equal keys, equal partitions and tables.

    Covers the source's files (:func:`source_fingerprint`), the load options, the partition size, the
    lexicon and codebook hashes, the tone engine and the package versions.
    """
    keyed = {
        "source": fingerprint or source_fingerprint(source),
        "load": options.as_dict(),
        "partition_size": partition_size,
        "lexicons": {"actors": actors.sha256, "frames": frames.sha256, "entities": load_entity_words().sha256},
        "frames_codebook": frames.name,
        "tone_engine": tone_engine,
        "versions": package_versions(),
    }
    return hashlib.sha256(json.dumps(keyed, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of a finished :func:`analyze_corpus` run at ``path``; InputError when there is none."""
    folder = Path(path)
    manifest = _read_json(folder / MANIFEST)
    if manifest is None or manifest.get("format") != _FORMAT:
        state = ("an unfinished or interrupted analyze_corpus run: run it again to finish it"
                 if (folder / _RUN).exists() else "no manifest.json")
        raise InputError(f"{folder}: not a finished partitioned analysis ({state}); "
                         "write one with analysis.analyze_corpus(source, out=...)")
    return manifest


def _ours(folder: Path) -> bool:
    return any((folder / name).exists() for name in (MANIFEST, _RUN, "meta.json"))


def _clear(folder: Path) -> None:
    """Remove what an analysis wrote in ``folder`` (manifest first, so it never outlives its parts)."""
    for name in (MANIFEST, _RUN, "meta.json"):
        (folder / name).unlink(missing_ok=True)
    for name in (*TABLES, _PARTS):
        shutil.rmtree(folder / name, ignore_errors=True)
        (folder / f"{name}.parquet").unlink(missing_ok=True)


def _prepare(folder: Path, key: str) -> tuple[bool, dict[int, dict[str, Any]]]:
    """(already complete?, finished partitions by index) for a run with ``key`` into ``folder``."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"out={str(folder)!r} is a file; give a folder for the analysis")
    if folder.is_dir() and any(folder.iterdir()) and not _ours(folder):
        raise InputError(f"out={str(folder)!r} is a folder that holds other files, not an analysis; "
                         "give a new or empty folder (an earlier analysis there would be replaced)")
    manifest = _read_json(folder / MANIFEST)
    if manifest is not None and manifest.get("run_key") == key:
        return True, {}
    run = _read_json(folder / _RUN)
    if run is None or run.get("key") != key:
        _clear(folder)
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(folder / _RUN, _json({"key": key, "started": dt.datetime.now(dt.timezone.utc).isoformat()}))
    (folder / MANIFEST).unlink(missing_ok=True)
    for stale in folder.glob(".*.tmp"):
        stale.unlink(missing_ok=True)
    for name in (*TABLES, _PARTS):
        (folder / name).mkdir(exist_ok=True)
        for stale in (folder / name).glob(".*.tmp"):
            stale.unlink(missing_ok=True)
    done = {}
    for marker in sorted((folder / _PARTS).glob("part-*.json")):
        record = _read_json(marker)
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
                   tone_engine: str) -> dict[str, Any]:
    """Load, analyse and write one partition (on whichever worker runs it); returns its marker record."""
    index, partition = item
    folder = Path(out)
    documents = partition.load()
    tables = analyze_partition(documents, actors=actors, frames=frames, tone_engine=tone_engine)
    for name, table in tables.items():
        _write_parquet_atomic(table, folder / name / part_name(index))
    record = {"key": key, "index": index, "documents": len(documents),
              "rows": {name: len(table) for name, table in tables.items()},
              "load_report": documents.attrs.get("load_report") or []}
    _write_atomic(folder / _PARTS / f"part-{index:05d}.json", _json(record))
    return record


def _parts(folder: Path, name: str, count: int) -> list[Path]:
    return [folder / name / part_name(index) for index in range(count)]


def _corpus_fingerprint(files: list[Path]) -> dict[str, Any]:
    """``analysis.provenance.corpus_fingerprint`` of the documents parts, read one column of one part at a time."""
    import pyarrow.parquet as pq

    digest = hashlib.sha256()
    documents = 0
    for column in ("doc_id", "title", "text"):
        for file in files:
            values = pq.read_table(file, columns=[column]).column(0).to_pylist()
            documents += len(values) if column == "doc_id" else 0
            for value in values:
                digest.update(("" if value is None else str(value)).encode("utf-8"))
                digest.update(b"\x1f")
        digest.update(b"\x1e")
    return {"documents": documents, "content_sha256": digest.hexdigest()}


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
                                 "hashed ids")
            seen[doc_id] = index


def _corpus_tables(folder: Path, count: int, lexicon: ActorLexicon) -> dict[str, dict[str, Any]]:
    """Compute the corpus tables (``pipeline.CORPUS_TABLES``: the entity table) from the partitions'
    entities parts, read one at a time (memory grows with the entities, not the mentions), and write
    each as one part; returns their manifest entries."""
    from analysis.entities import entity_table_of_parts

    parts = (pd.read_parquet(part) for part in _parts(folder, "entities", count))
    tables = {"entity_table": entity_table_of_parts(parts, actors=lexicon)}
    out = {}
    for name, table in tables.items():
        _write_parquet_atomic(table, folder / name / part_name(0))
        out[name] = {"rows": len(table), "parts": [f"{name}/{part_name(0)}"]}
    return out


def _finish(folder: Path, *, key: str, count: int, records: Mapping[int, dict[str, Any]],
            planning: list[dict[str, Any]], fingerprint: dict[str, Any], partition_size: int,
            options: ReadOptions, lexicon: ActorLexicon, codebook: Codebook, tone_engine: str) -> dict[str, Any]:
    missing = [index for index in range(count) if index not in records]
    if missing:  # pragma: no cover - map_partitions raises before this can happen
        raise RuntimeError(f"partitions {missing[:5]} were not written")
    documents = _parts(folder, "documents", count)
    _check_unique_ids(documents)
    meta = analysis_meta(_corpus_fingerprint(documents), lexicon, codebook, tone_engine)
    corpus = _corpus_tables(folder, count, lexicon)
    report = planning + [entry for index in range(count) for entry in records[index]["load_report"]]
    manifest = {
        "format": _FORMAT,
        "run_key": key,
        "meta": meta,
        "source": fingerprint,
        "load": options.as_dict(),
        "partition_size": partition_size,
        "partitions": count,
        "tables": {**{name: {"rows": sum(records[i]["rows"][name] for i in range(count)),
                             "parts": [f"{name}/{part_name(i)}" for i in range(count)]} for name in PARTITION_TABLES},
                   **corpus},
        "load_report": report,
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    _write_atomic(folder / MANIFEST, _json(manifest))
    shutil.rmtree(folder / _PARTS, ignore_errors=True)
    (folder / _RUN).unlink(missing_ok=True)
    return manifest


def _warn_report(report: list[dict[str, Any]]) -> None:
    lost = [entry for entry in report if entry["action"] in ("skipped", "ignored")]
    if lost:
        warnings.warn(f"analyze_corpus: {len(lost)} input item(s) skipped or ignored while loading, listed in the "
                      f"manifest's load_report; first: {lost[0]['source']}: {lost[0]['problem']}", CorpusWarning,
                      stacklevel=3)


def analyze_corpus(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str],
    actors: Any = None,
    frames: Any = None,
    tone_engine: str = "textblob",
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
    the few differences). ``actors``, ``frames``, ``tone_engine``: as for :func:`analysis.analyze`.
    ``partition_size``: documents per partition (memory use grows with it, not with the corpus).
    ``engine``: "local" (this process), "processes" (``workers`` processes) or "dask" (``scheduler``:
    an address or Client; None = the current client or a local cluster); with Dask, ``out`` and a
    Parquet file or a folder ``source`` must be paths that the workers and this process can read (and,
    for ``out``, write), e.g. on a shared file system; CSV, TSV and JSON are read here and sent.
    ``progress``: a tqdm bar over documents (None: on a terminal only, never with TQDM_DISABLE=1).

    Writes ``out/<table>/part-NNNNN.parquet`` for every table of :data:`analysis.pipeline.TABLES`, then
    ``out/manifest.json`` (meta with the corpus fingerprint and key, row counts, parts, load report).
    A finished run with the same key returns at once; an interrupted one resumes; a different key
    starts clean. Returns ``out`` as a Path: read it with :func:`analysis.load_analysis` (in memory)
    or query it with :func:`analysis.query` (DuckDB, out of memory).
    """
    lexicon, codebook = load_actors(actors), load_frames(frames)
    options = ReadOptions(format, columns, errors, dayfirst, title_from_first_line)
    partitions = CorpusPartitions(source, partition_size=partition_size, options=options)
    fingerprint = source_fingerprint(source)
    key = run_key(source, partition_size=partition_size, options=options, actors=lexicon, frames=codebook,
                  tone_engine=tone_engine, fingerprint=fingerprint)
    folder = Path(out)
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

    shared = {"out": str(folder), "key": key, "actors": lexicon, "frames": codebook, "tone_engine": tone_engine}
    initial = sum(record["documents"] for record in done.values())
    with progress_bar(total=partitions.documents_hint, unit="doc", desc=f"analyze {folder.name}", progress=progress,
                      initial=initial) as bar:
        for _, record in map_partitions(_run_partition, todo(), engine=engine, workers=workers, scheduler=scheduler,
                                        shared=shared):
            records[record["index"]] = record
            bar.update(record["documents"])
    manifest = _finish(folder, key=key, count=count, records=records, planning=partitions.log.entries,
                       fingerprint=fingerprint, partition_size=partition_size, options=options, lexicon=lexicon,
                       codebook=codebook, tone_engine=tone_engine)
    _warn_report(manifest["load_report"])
    return folder


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    filled = [frame for frame in frames if len(frame)]
    if not filled:
        return frames[0]
    return filled[0] if len(filled) == 1 else pd.concat(filled, ignore_index=True)


def read_partitioned(path: str | os.PathLike[str]) -> Analysis:
    """An :class:`Analysis` from a finished :func:`analyze_corpus` folder (every table in memory)."""
    folder = Path(path)
    manifest = read_manifest(folder)
    tables = {}
    for name in TABLES:
        parts = [pd.read_parquet(folder / part) for part in manifest["tables"][name]["parts"]]
        tables[name] = restore_lists(name, _concat(parts).reset_index(drop=True))
    documents = tables["documents"]
    documents.attrs = {"load_report": manifest.get("load_report", [])}
    return Analysis(**tables, meta=manifest["meta"])
