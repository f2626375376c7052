"""Analyse once, read many times: analyses cached on disk under a key of everything that shapes them.

:func:`cached_analysis` takes a documents table or a corpus on disk. A table is keyed by
:func:`analysis.pipeline.analysis_key` (corpus fingerprint, lexicon and codebook hashes, tone engine,
package versions) and cached as ``<cache_dir>/analysis-<key>/`` (:meth:`Analysis.save`); a corpus on
disk is keyed by :func:`analysis.scale.store.run_key` (its files' contents, the load options, the
partition size, the same hashes and versions) and analysed with :func:`analyze_corpus` into
``<cache_dir>/corpus-<key>/``. When the entry exists with the same key it is read back from Parquet;
otherwise it is computed and stored. Change a lexicon, the codebook, the corpus or a package version,
and the key changes: the analysis is computed again (old entries stay until you delete them).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.actors import load_actors
from analysis.framing import load_frames
from analysis.pipeline import Analysis, analysis_meta, analyze, load_analysis
from analysis.provenance import corpus_fingerprint
from analysis.scale.partitions import ReadOptions
from analysis.scale.store import analyze_corpus, run_key

__all__ = ["cached_analysis"]

_KEY_CHARS = 24


def _cached_table(documents: pd.DataFrame, folder: Path, execution: dict[str, Any], **options: Any) -> Analysis:
    meta = analysis_meta(corpus_fingerprint(documents), options["actors"], options["frames"], options["tone_engine"])
    entry = folder / f"analysis-{meta['key'][:_KEY_CHARS]}"
    try:
        stored = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = None
    if isinstance(stored, dict) and stored.get("key") == meta["key"]:
        return load_analysis(entry)
    result = analyze(documents, **options, **execution)
    result.save(entry)
    return result


def cached_analysis(
    documents_or_source: pd.DataFrame | str | os.PathLike[str],
    *,
    cache_dir: str | os.PathLike[str],
    actors: Any = None,
    frames: Any = None,
    tone_engine: str = "textblob",
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
    ``{"columns": {...}, "errors": "skip"}``; ``partition_size`` is used there). ``actors``, ``frames``,
    ``tone_engine``, ``engine``, ``workers``, ``scheduler``, ``progress``: as for :func:`analysis.analyze`.
    The result is the same whether it was computed now or read back. ``analysis.meta["key"]`` is the
    analysis key (corpus, lexicons, tone engine, versions).
    """
    folder = Path(cache_dir)
    lexicon, codebook = load_actors(actors), load_frames(frames)
    execution = {"engine": engine, "workers": workers, "scheduler": scheduler, "progress": progress}
    if isinstance(documents_or_source, pd.DataFrame):
        return _cached_table(documents_or_source, folder, execution, actors=lexicon, frames=codebook,
                             tone_engine=tone_engine)
    load = dict(load_options or {})
    key = run_key(documents_or_source, partition_size=partition_size, options=ReadOptions(**load), actors=lexicon,
                  frames=codebook, tone_engine=tone_engine)
    out = analyze_corpus(documents_or_source, out=folder / f"corpus-{key[:_KEY_CHARS]}", actors=lexicon,
                         frames=codebook, tone_engine=tone_engine, partition_size=partition_size, **execution, **load)
    return load_analysis(out)
