"""One call for everything: segment once, measure everything, keep it together, save it as Parquet.

``analyze(documents)`` returns an :class:`Analysis` holding the tidy tables every report uses. Each
table is computed by the same pure functions a researcher can call one by one; ``analyze`` only shares
the sentences (and the mentions and quotes) between them so that nothing is computed twice.

Every table is computed document by document, so a corpus can be cut into partitions of whole
documents, each partition analysed on its own (:func:`analyze_partition`, a pure function) and the
partitions' tables concatenated: the result is identical to analysing the corpus in one go. That is
how ``engine="processes"`` (worker processes on this machine) and ``engine="dask"`` (a Dask cluster)
work; :func:`analysis.scale.analyze_corpus` does the same for a corpus on disk, streaming it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.actors import ActorLexicon, load_actors
from analysis.actors import mentions as find_mentions
from analysis.entities import entities as find_entities
from analysis.entities import entity_table, load_entity_words
from analysis.deprecation import renamed_keywords
from analysis.errors import InputError
from analysis.framing import Codebook, load_frames
from analysis.framing import frames as find_frames
from analysis.provenance import corpus_fingerprint, package_versions
from analysis.quotes import quotes as find_quotes
from analysis.text import sentences as segment
from analysis.actor_tone import actor_tone
from analysis.tone import tone

__all__ = ["Analysis", "CORPUS_TABLES", "ENGINES", "PARTITION_TABLES", "TABLES", "analysis_key", "analyze",
           "analyze_partition", "combine_partitions", "corpus_tables", "load_analysis", "split_documents"]

#: The tables an Analysis holds, in order.
TABLES = ("documents", "sentences", "mentions", "quotes", "tone", "frames", "actor_tone", "entities", "entity_table")

#: Tables computed once over the whole corpus, from the combined partition tables (:func:`corpus_tables`).
CORPUS_TABLES = ("entity_table",)

#: Tables computed partition by partition (:func:`analyze_partition`).
PARTITION_TABLES = tuple(name for name in TABLES if name not in CORPUS_TABLES)

#: Where ``analyze`` runs: this process, worker processes on this machine, or a Dask cluster.
ENGINES = ("local", "processes", "dask")

#: Columns holding lists, which Parquet returns as arrays and load_analysis turns back into lists.
_LIST_COLUMNS = {"documents": ("tags",), "entity_table": ("variants", "titles")}

#: The meta entries an analysis' key is computed from (what determines its numbers).
_KEYED = ("corpus", "lexicons", "frames_codebook", "tone_engine", "actor_tone_method", "versions")

#: Documents per partition when ``analyze`` splits a corpus itself: at most this many ...
_MAX_PARTITION = 1000
#: ... and about this many partitions per worker, so that a slow partition does not idle the others.
_PARTITIONS_PER_WORKER = 4


@dataclass(frozen=True)
class Analysis:
    """The tables of one analysis and what produced them.

    Tables (see README.md for their columns): documents, sentences, mentions (actor mentions, pronoun
    mentions included with via='pronoun'), quotes, tone (per sentence), frames (frame hits per sentence),
    actor_tone (tone around every mention), entities (named entities found without a lexicon, one row
    per mention) and entity_table (one row per entity). ``meta`` records the corpus fingerprint, the lexicon and
    codebook hashes, the tone engine, the package versions and ``key``, a hash of all of these
    (:func:`analysis_key`): two analyses with the same key hold the same numbers.
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    tone: pd.DataFrame
    frames: pd.DataFrame
    actor_tone: pd.DataFrame
    entities: pd.DataFrame
    entity_table: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in :data:`TABLES` order."""
        return {name: getattr(self, name) for name in TABLES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(table)}" for name, table in self.tables().items())
        return f"Analysis({sizes})"

    def _repr_html_(self) -> str:
        """JupyterLab's view: each table's rows and the provenance (analysis.display.analysis_html)."""
        from analysis.display import analysis_html

        return analysis_html(self)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write every table as ``<path>/<table>.parquet`` and ``meta.json``; returns the folder.

        Files are written to a temporary folder first and moved into place, so an interrupted save
        leaves no half-written analysis behind; an existing analysis at ``path`` is replaced whole.
        """
        import shutil
        import tempfile

        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
        try:
            for name, table in self.tables().items():
                table.to_parquet(scratch / f"{name}.parquet", index=False)
            (scratch / "meta.json").write_text(json.dumps(self.meta, indent=2, default=str))
            if target.exists():
                shutil.rmtree(target)
            os.replace(scratch, target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return target


def restore_lists(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (read from Parquet) with its list columns as Python lists again (arrays -> lists)."""
    for column in _LIST_COLUMNS.get(name, ()):
        if column in table:
            table[column] = [list(value) if value is not None else [] for value in table[column]]
    return table


def load_analysis(path: str | os.PathLike[str]) -> Analysis:
    """Read an analysis from disk; the tables come back identical to the ones written.

    Reads both layouts: ``<path>/<table>.parquet`` + ``meta.json`` (:meth:`Analysis.save`) and the
    partitioned ``<path>/<table>/part-NNNNN.parquet`` + ``manifest.json`` written by
    :func:`analysis.scale.analyze_corpus` (the partitions concatenated in order; the whole analysis
    is then in memory: for corpora larger than memory query the files with :func:`analysis.query`).
    """
    folder = Path(path)
    if (folder / "manifest.json").is_file() or any((folder / name).is_dir() for name in TABLES):
        from analysis.scale.store import read_partitioned

        return read_partitioned(folder)
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").is_file()]
    if missing or not (folder / "meta.json").is_file():
        raise InputError(
            f"{folder}: not a saved analysis (missing {', '.join(missing) or 'meta.json'}); "
            "write one with analyze(documents).save(path)"
        )
    tables = {name: restore_lists(name, pd.read_parquet(folder / f"{name}.parquet")) for name in TABLES}
    return Analysis(**tables, meta=json.loads((folder / "meta.json").read_text()))


def analyze_partition(
    documents: pd.DataFrame,
    *,
    actors: ActorLexicon,
    frames: Codebook,
    tone_engine: str = "textblob",
    actor_tone_method: str = "target",
) -> dict[str, pd.DataFrame]:
    """Every partition table for one partition of documents (a pure function: the unit of parallel work).

    ``actors`` and ``frames`` are loaded lexicons (:func:`analysis.load_actors`,
    :func:`analysis.load_frames`). ``actor_tone_method``: how ``actor_tone`` is measured ("target":
    the target-aware model, the best validated method; "sentence": the tone engine on the mention's
    sentence); the ``tone`` table is always the tone engine's. Returns ``{table name: table}`` in
    :data:`PARTITION_TABLES` order; the documents table is ``documents`` itself. The corpus tables
    (:data:`CORPUS_TABLES`) come from :func:`corpus_tables` once the partitions are combined.
    """
    sentences = segment(documents)
    mentions = find_mentions(documents, actors, sentences=sentences)
    entities = find_entities(documents, sentences=sentences, actors=actors)
    quotations = find_quotes(documents, actors, sentences=sentences, mentions=mentions, entities=entities)
    sentence_tone = tone(documents, sentences=sentences, tone_engine=tone_engine)
    return {
        "documents": documents,
        "sentences": sentences,
        "mentions": mentions,
        "quotes": quotations,
        "tone": sentence_tone,
        "frames": find_frames(documents, frames, sentences=sentences, mentions=entities),
        "actor_tone": actor_tone(documents, actors, sentences=sentences, mentions=mentions, quotes=quotations,
                                 actor_tone_method=actor_tone_method,
                                 tone_engine="textblob" if actor_tone_method == "target" else tone_engine,
                                 tone=sentence_tone),
        "entities": entities,
    }


def corpus_tables(tables: dict[str, pd.DataFrame], *, actors: ActorLexicon) -> dict[str, pd.DataFrame]:
    """The tables computed over the whole corpus (:data:`CORPUS_TABLES`) from its combined partition
    tables: ``entity_table`` (one row per entity over every document)."""
    return {"entity_table": entity_table(tables["entities"], actors=actors)}


def analysis_key(meta: dict[str, Any]) -> str:
    """SHA-256 (hex) over what determines an analysis' numbers, taken from its ``meta``.

    The key covers the corpus fingerprint, the actor-lexicon and codebook hashes, the codebook name,
    the tone engine and the package versions; equal keys mean equal tables.
    """
    keyed = {name: meta.get(name) for name in _KEYED}
    return hashlib.sha256(json.dumps(keyed, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def analysis_meta(corpus: dict[str, Any], lexicon: ActorLexicon, codebook: Codebook,
                  tone_engine: str, actor_tone_method: str = "target") -> dict[str, Any]:
    """The ``meta`` of an analysis of a corpus with this fingerprint, lexicon, codebook, tone engine and
    actor tone method."""
    meta = {
        "corpus": corpus,
        "lexicons": {"actors": lexicon.sha256, "frames": codebook.sha256, "entities": load_entity_words().sha256},
        "frames_codebook": codebook.name,
        "tone_engine": tone_engine,
        "actor_tone_method": actor_tone_method,
        "versions": package_versions(),
    }
    return {**meta, "key": analysis_key(meta)}


def split_documents(documents: pd.DataFrame, *, partition_size: int) -> list[pd.DataFrame]:
    """``documents`` cut into consecutive partitions of at most ``partition_size`` whole documents."""
    if isinstance(partition_size, bool) or not isinstance(partition_size, int) or partition_size < 1:
        raise InputError(f"partition_size={partition_size!r}: give a whole number of documents >= 1")
    return [documents.iloc[lo:lo + partition_size] for lo in range(0, len(documents), partition_size)]


def combine_partitions(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The tables of consecutive partitions (from :func:`analyze_partition`) as the corpus' tables.

    Tables are concatenated in partition order with a fresh index; partitions where a table is empty
    are left out (so they cannot change its dtypes); a table empty everywhere is the first partition's.
    """
    combined = {}
    for name in PARTITION_TABLES:
        tables = [part[name] for part in parts]
        filled = [table for table in tables if len(table)]
        if not filled:
            combined[name] = tables[0].reset_index(drop=True)
        elif len(filled) == 1:
            combined[name] = filled[0].reset_index(drop=True)
        else:
            combined[name] = pd.concat(filled, ignore_index=True)
    return combined


def _default_partition_size(n_documents: int, workers: int) -> int:
    return max(1, min(_MAX_PARTITION, math.ceil(n_documents / (workers * _PARTITIONS_PER_WORKER))))


@renamed_keywords(frames="codebook")
def analyze(
    documents: pd.DataFrame,
    *,
    actors: Any = None,
    codebook: Any = None,
    tone_engine: str = "textblob",
    actor_tone_method: str = "target",
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
    partition_size: int | None = None,
    progress: bool | None = None,
) -> Analysis:
    """Analyse a corpus in one call: sentences once, then mentions, quotes, tone, frames, actor tone,
    entities (and the entity table over the whole corpus).

    ``actors``: an actor lexicon (path, mapping or loaded; None = the shipped default lexicon).
    ``codebook``: a frame codebook (path, mapping, "generic", "conflict-news" or loaded; None = generic;
    the old keyword ``frames=`` is deprecated: ``frames`` names the frames table).
    ``tone_engine``: the tone engine (see ``analysis.tone``; "textblob" or "vader"; engines added
    with ``register_tone_engine`` must be registered when ``analysis`` is imported to be seen by
    worker processes).
    ``actor_tone_method``: "target" (default; the target-aware model of :mod:`analysis.target_tone`, the
    best method on human-coded data, see README "How valid are these measures?") or "sentence" (the
    tone engine on the mention's whole sentence). The ``tone`` table is the tone engine's either way.

    Execution (the tables are identical whichever is used):

    * ``engine="local"``: in this process, the whole corpus at once.
    * ``engine="processes"``: partitions of ``partition_size`` documents (default: about four per
      worker, at most 1,000) analysed by ``workers`` processes (default: one per core).
    * ``engine="dask"``: the same partitions as tasks on a Dask cluster; ``scheduler`` is its address
      (``"tcp://host:8786"``) or a ``dask.distributed.Client``; None uses the current client, or
      starts a local cluster of ``workers`` processes for this call.

    ``progress``: a progress bar over the partitions (None: only on a terminal, never when the
    environment sets ``TQDM_DISABLE=1``).
    Returns an :class:`Analysis`; ``.save(path)`` writes it as Parquet, :func:`load_analysis` reads it.
    """
    if engine not in ENGINES:
        raise InputError(f"engine={engine!r}: use one of {', '.join(map(repr, ENGINES))} "
                         "(the tone engine is chosen with tone_engine=)")
    lexicon, codebook = load_actors(actors), load_frames(codebook)
    if actor_tone_method not in ("target", "sentence"):
        raise InputError(f"actor_tone_method={actor_tone_method!r}: use 'target' or 'sentence'")
    meta = analysis_meta(corpus_fingerprint(documents), lexicon, codebook, tone_engine, actor_tone_method)
    options = {"actors": lexicon, "frames": codebook, "tone_engine": tone_engine,
               "actor_tone_method": actor_tone_method}
    if engine == "local" and partition_size is None:
        tables = analyze_partition(documents, **options)
        return Analysis(**tables, **corpus_tables(tables, actors=lexicon), meta=meta)

    from analysis.scale.engines import map_partitions, progress_bar, worker_count

    if partition_size is None:
        partition_size = _default_partition_size(len(documents), worker_count(engine, workers, scheduler))
    partitions = split_documents(documents, partition_size=partition_size)
    if not partitions:
        tables = analyze_partition(documents, **options)
        return Analysis(**tables, **corpus_tables(tables, actors=lexicon), meta=meta)
    results: dict[int, dict[str, pd.DataFrame]] = {}
    with progress_bar(total=len(documents), unit="doc", desc="analyze", progress=progress) as bar:
        for index, tables in map_partitions(analyze_partition, partitions, engine=engine, workers=workers,
                                            scheduler=scheduler, shared=options):
            results[index] = tables
            bar.update(len(partitions[index]))
    tables = combine_partitions([results[index] for index in range(len(partitions))])
    tables["documents"] = documents
    return Analysis(**tables, **corpus_tables(tables, actors=lexicon), meta=meta)
