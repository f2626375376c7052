"""Analyse once, read many times: analyses cached on disk under a key of everything that shapes them.

:func:`cached_analysis` takes a documents table or a corpus on disk. A table is keyed by
:func:`analysis.pipeline.analysis_key` (corpus fingerprint, lexicon and codebook hashes, tone engine,
package versions) and cached as ``<cache_dir>/analysis-<key>/`` (:meth:`Analysis.save`); a corpus on
disk is keyed by :func:`analysis.scale.store.run_key` (its files' contents, the load options, the
partition size, the same hashes and versions) and analysed with :func:`analyze_corpus` into
``<cache_dir>/corpus-<key>/``. When the entry exists with the same key it is read back from Parquet;
otherwise it is computed and stored. Change a lexicon, the codebook, the corpus or a package version,
and the key changes: the analysis is computed again (old entries stay until you delete them).

What is read back is checked first: every Parquet file of an entry must be present, have the SHA-256
and the number of rows recorded when it was written (``checksums.json`` for a table's entry, the
manifest for a corpus' entry). A missing, truncated or changed file, or an entry that cannot be read,
is never served: it is rebuilt, with a :class:`CacheWarning` saying which file was wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.deprecation import renamed_keywords
from analysis.actors import load_actors
from analysis.framing import load_frames
from analysis.persistence import atomic_write, corpus_fingerprint
from analysis.pipeline import TABLES, Analysis, analysis_meta, analyze, load_analysis
from analysis.scale.partitions import ReadOptions
from analysis.scale.store import (analyze_corpus, check_files, clear_analysis, file_sha256, parquet_rows, read_manifest,
                                  run_key, run_lock, verify_analysis)

__all__ = ["CacheWarning", "cached_analysis"]

_KEY_CHARS = 24
_CHECKSUMS = "checksums.json"


class CacheWarning(UserWarning):
    """A cache entry was damaged (a file missing, truncated or changed) and is being rebuilt."""


def _damaged(entry: Path, problem: str) -> None:
    warnings.warn(f"cached analysis {entry} is damaged ({problem}); rebuilding it", CacheWarning, stacklevel=4)


def _write_checksums(entry: Path) -> None:
    """Record each table file's rows and SHA-256 beside a saved analysis (atomically)."""
    files = {f"{name}.parquet": {"rows": parquet_rows(entry / f"{name}.parquet"),
                                 "sha256": file_sha256(entry / f"{name}.parquet")} for name in TABLES}
    atomic_write(entry / _CHECKSUMS, json.dumps(files, indent=2))


def _table_entry_problem(entry: Path) -> str | None:
    try:
        recorded = json.loads((entry / _CHECKSUMS).read_text(encoding="utf-8"))
        files = {name: (int(value["rows"]), str(value["sha256"])) for name, value in recorded.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return f"{_CHECKSUMS} is missing or unreadable"
    if set(files) != {f"{name}.parquet" for name in TABLES}:
        return f"{_CHECKSUMS} does not list every table"
    return check_files(entry, files)


def _cached_table(documents: pd.DataFrame, folder: Path, execution: dict[str, Any], **options: Any) -> Analysis:
    meta = analysis_meta(corpus_fingerprint(documents), options["actors"], options["codebook"], options["tone_engine"],
                         options["actor_tone_method"])
    entry = folder / f"analysis-{meta['key'][:_KEY_CHARS]}"
    try:
        stored = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = None
    if entry.exists():
        problem = None
        if not isinstance(stored, dict) or stored.get("key") != meta["key"]:
            problem = "meta.json is missing, unreadable or of another analysis"
        else:
            problem = _table_entry_problem(entry)
            if problem is None:
                try:
                    return load_analysis(entry)
                except Exception as exc:  # noqa: BLE001 - never an error on every later call: rebuild
                    problem = f"it could not be read ({type(exc).__name__}: {exc})"
        _damaged(entry, problem)
        shutil.rmtree(entry, ignore_errors=True)
    result = analyze(documents, **options, **execution)
    result.save(entry)
    _write_checksums(entry)
    return result


@renamed_keywords(frames="codebook")
def cached_analysis(
    documents_or_source: pd.DataFrame | str | os.PathLike[str],
    *,
    cache_dir: str | os.PathLike[str],
    actors: Any = None,
    codebook: Any = None,
    tone_engine: str = "textblob",
    actor_tone_method: str = "target",
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
    partition_size: int = 1000,
    load_options: Mapping[str, Any] | None = None,
    progress: bool | None = None,
) -> Analysis:
    """The :class:`Analysis` of a corpus, read from ``cache_dir`` when it was computed before with the same key.

    ``documents_or_source``: a documents table, or a file/folder (analysed with
    :func:`analyze_corpus`, reading it in partitions; ``load_options`` are ``load_corpus`` options such as
    ``{"columns": {...}, "errors": "skip"}``; ``partition_size`` is used there). ``actors``,
    ``codebook`` (old keyword ``frames=``, deprecated),
    ``tone_engine``, ``actor_tone_method``, ``engine``, ``workers``, ``scheduler``, ``progress``: as for
    :func:`analysis.analyze` (an analysis made with another actor tone method has another key).
    The result is the same whether it was computed now or read back. ``analysis.meta["key"]`` is the
    analysis key (corpus, lexicons, tone engine, versions).
    """
    folder = Path(cache_dir)
    lexicon, codebook = load_actors(actors), load_frames(codebook)
    execution = {"engine": engine, "workers": workers, "scheduler": scheduler, "progress": progress}
    if isinstance(documents_or_source, pd.DataFrame):
        return _cached_table(documents_or_source, folder, execution, actors=lexicon, codebook=codebook,
                             tone_engine=tone_engine, actor_tone_method=actor_tone_method)
    load = dict(load_options or {})
    key = run_key(documents_or_source, partition_size=partition_size, options=ReadOptions(**load), actors=lexicon,
                  frames=codebook, tone_engine=tone_engine, actor_tone_method=actor_tone_method)
    entry = folder / f"corpus-{key[:_KEY_CHARS]}"

    def run() -> Path:
        return analyze_corpus(documents_or_source, out=entry, actors=lexicon, codebook=codebook,
                              tone_engine=tone_engine, actor_tone_method=actor_tone_method,
                              partition_size=partition_size, **execution, **load)

    if (entry / "manifest.json").exists():
        problem = verify_analysis(entry)
        if problem is None:
            # an entry finished with this key is read as it is (no second pass over the source's files)
            out = entry if read_manifest(entry).get("run_key") == key else run()
            try:
                return load_analysis(out)
            except Exception as exc:  # noqa: BLE001 - never an error on every later call: rebuild
                problem = f"it could not be read ({type(exc).__name__}: {exc})"
        _damaged(entry, problem)
        with run_lock(entry):
            clear_analysis(entry)
    return load_analysis(run())
