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

import math
import os
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.actors import ActorLexicon, load_actors
from analysis.actors import mentions as find_mentions
from analysis.entities import entities as find_entities
from analysis.entities import entity_table, load_entity_words
from analysis.cues import load_cue_verbs
from analysis.deprecation import renamed_keywords
from analysis.discovery import alias_case_notes, alias_case_warning
from analysis.errors import InputError, require_columns, require_table
from analysis.framing import Codebook, load_frames
from analysis.framing import frames as find_frames
from analysis.persistence import (MANIFEST, code_sha256, concat_parts, content_key, corpus_fingerprint,
                                  read_partitioned_tables, read_table_folder, write_table_folder)
from analysis.provenance import package_versions
from analysis.schema import ENTITY_COLUMNS
from analysis.quotes import quotes as find_quotes
from analysis.text import sentences as segment
from analysis.actor_tone import actor_tone
from analysis.tone import tone

__all__ = ["ACTOR_TONE_METHODS", "Analysis", "CORPUS_TABLES", "ENGINES", "PARTITION_TABLES", "TABLES", "analysis_key",
           "check_actor_tone_method", "analysis_of", "analyze", "analyze_partition", "combine_partitions",
           "corpus_tables", "entities_of", "filter_analysis", "keyed_settings", "lexicon_hashes", "load_analysis",
           "saved_documents", "saved_tables", "split_documents", "warn_alias_case"]

#: The tables an Analysis holds, in order.
TABLES = ("documents", "sentences", "mentions", "quotes", "tone", "frames", "actor_tone", "entities", "entity_table")

#: Tables computed once over the whole corpus, from the combined partition tables (:func:`corpus_tables`).
CORPUS_TABLES = ("entity_table",)

#: Tables computed partition by partition (:func:`analyze_partition`).
PARTITION_TABLES = tuple(name for name in TABLES if name not in CORPUS_TABLES)

#: Where ``analyze`` runs: this process, worker processes on this machine, or a Dask cluster.
ENGINES = ("local", "processes", "dask")

#: The values of ``actor_tone_method=`` (:func:`analyze`, :func:`analysis.analyze_corpus`).
ACTOR_TONE_METHODS = ("target", "sentence")


def check_actor_tone_method(method: str) -> None:
    """InputError unless ``method`` is one of :data:`ACTOR_TONE_METHODS` (checked before any work)."""
    if method not in ACTOR_TONE_METHODS:
        raise InputError(f"actor_tone_method={method!r}: use {' or '.join(map(repr, ACTOR_TONE_METHODS))}")


#: The meta entries an analysis' key is computed from (what determines its numbers).
_KEYED = ("corpus", "lexicons", "frames_codebook", "tone_engine", "actor_tone_method", "versions", "code")

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
    per mention) and entity_table (one row per entity). ``meta`` records the corpus fingerprint, the hashes of
    the word lists it was made with (actor lexicon, frame codebook, entity words, cue verbs:
    :func:`lexicon_hashes`), the tone engine, the package versions, the hash of the package's code
    and ``key``, a hash of all of these (:func:`analysis_key`): two analyses with the same key hold
    the same numbers; and ``definitions``, the lexicon and codebook themselves.

    ``actors`` and ``codebook``: the actor lexicon and frame codebook the analysis was made with
    (restored by :func:`load_analysis`; the codebook is None when it cannot be rebuilt: a codebook
    given as a mapping, whose file is gone). Functions that take a lexicon take the analysis itself
    too (``load_actors(result)``, ``entities_by(result.entities, actors=result)``), so tables of an
    analysis made with your lexicon are never read with the shipped one.
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
    actors: ActorLexicon | None = field(default=None, repr=False, compare=False)
    codebook: Codebook | None = field(default=None, repr=False, compare=False)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in :data:`TABLES` order."""
        return {name: getattr(self, name) for name in TABLES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(table)}" for name, table in self.tables().items())
        hint = self.hint()
        return f"Analysis({sizes})" + (f"\n{hint}" if hint else "")

    def hint(self) -> str:
        """What a user who sees empty lexicon tables should read instead ("" when nothing is empty):
        the lexicon tables (mentions, actor_tone) count only the actor lexicon's actors, while the
        entity layer finds everyone."""
        if len(self.mentions) or not len(self.entities):
            return ""
        return (f"mentions=0: the actor lexicon names no one in these documents; .entities and "
                f".entity_table list the {len(self.entity_table):,} people, organisations and places "
                "found, analysis.tables.entity_tables(result) gives their mentions, quotes and actor tone as the "
                "reports count them, and analysis.discover_actors(...) suggests lexicon entries for them")

    def _repr_html_(self) -> str:
        """JupyterLab's view: each table's rows and the provenance (analysis.display.analysis_html)."""
        from analysis.display import analysis_html

        return analysis_html(self)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write every table as ``<path>/<table>.parquet`` and ``meta.json``; returns the folder.

        Files are written to a temporary folder first and moved into place, so an interrupted save
        leaves no half-written analysis behind; an existing analysis at ``path`` is replaced whole
        (:func:`analysis.persistence.write_table_folder`).
        """
        return write_table_folder(path, self.tables(), self.meta)


def load_analysis(path: str | os.PathLike[str], *, doc_ids: Any = None) -> Analysis:
    """Read an analysis from disk; the tables come back identical to the ones written.

    Reads both layouts (:mod:`analysis.persistence`): ``<path>/<table>.parquet`` + ``meta.json``
    (:meth:`Analysis.save`) and the partitioned ``<path>/<table>/part-NNNNN.parquet`` + ``manifest.json``
    written by :func:`analysis.scale.analyze_corpus` (the partitions concatenated in order; the whole
    analysis is then in memory: for corpora larger than memory query the files with :func:`analysis.query`).

    ``doc_ids``: read only the rows of these documents (None: every document), filtered while the files
    are read (:func:`analysis.persistence.read_parquet_rows`), so memory grows with the documents kept,
    not with the analysis: the result equals ``filter_analysis(load_analysis(path), doc_ids=doc_ids)``
    (the entity table counted again over them with the analysis' own lexicon; InputError, as there, when
    the analysis does not record it and some documents are left out).
    """
    folder = Path(path)
    if doc_ids is None:
        return analysis_of(*_read_saved(folder, TABLES))
    saved, _ = _read_saved(folder, ("documents",), columns={"documents": ["doc_id"]})
    every = saved["documents"]["doc_id"].astype(str)
    keep = every.isin(_id_set(doc_ids))
    if keep.all():
        return load_analysis(folder)
    tables, meta = _read_saved(folder, PARTITION_TABLES, doc_ids=set(every[keep]))
    tables["documents"].index = every.index[keep.to_numpy()]  # the rows' places in the analysis, as filter_analysis keeps them
    result = analysis_of({**tables, "entity_table": pd.DataFrame()}, meta)
    return _counted_again(result, tables)


def saved_documents(path: str | os.PathLike[str], *, without: Any = ()) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The documents table of a saved analysis (either layout, as :func:`load_analysis` reads it) without
    the columns ``without`` (e.g. ``("text",)``: the one large column, not read at all), and the
    analysis' meta; nothing else is read. For choosing which documents to read
    (``load_analysis(path, doc_ids=...)``) without holding every text."""
    import pyarrow.parquet as pq

    from analysis.persistence import read_manifest

    folder = Path(path)
    partitioned = _partitioned(folder)
    first = folder / (read_manifest(folder)["tables"]["documents"]["parts"][0] if partitioned else "documents.parquet")
    columns = None
    if without and first.is_file():
        columns = [name for name in pq.read_schema(first).names if name not in set(without)]
    tables, meta = _read_saved(folder, ("documents",), columns={"documents": columns} if columns is not None else None)
    return tables["documents"], meta


def saved_tables(path: str | os.PathLike[str], names: Any, *, doc_ids: Any = None) -> dict[str, pd.DataFrame]:
    """The tables ``names`` of a saved analysis (either layout) as written, nothing else read; with
    ``doc_ids`` only the rows whose ``doc_id`` is one of them (:func:`analysis.persistence.read_parquet_rows`;
    in the entity table, the entities first named there). Unlike :func:`load_analysis` no table is
    counted again: the entity table is the one saved."""
    return _read_saved(Path(path), tuple(names), doc_ids=None if doc_ids is None else _id_set(doc_ids))[0]


def _partitioned(folder: Path) -> bool:
    return (folder / MANIFEST).is_file() or any((folder / name).is_dir() for name in TABLES)


def _read_saved(folder: Path, names: Any, **keywords: Any) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    """The tables ``names`` and the meta of the saved analysis at ``folder``, either layout."""
    if _partitioned(folder):
        return read_partitioned_tables(folder, names, **keywords)
    return read_table_folder(folder, names, **keywords)


def _id_set(doc_ids: Any) -> set[str]:
    return set(map(str, pd.Series(list(doc_ids), dtype="object").dropna()))


def filter_analysis(result: Analysis, *, doc_ids: Any) -> Analysis:
    """``result`` restricted to the documents ``doc_ids``: the same tables an analysis of those
    documents alone holds.

    Every table computed document by document keeps the rows of those documents (the documents
    table its index, the others a fresh one); the entity table, counted over the whole corpus, is
    counted again over the documents kept (with the analysis' own lexicon). ``meta["corpus"]`` becomes
    the kept documents' fingerprint and ``meta["key"]`` their analysis key, so both equal those of
    ``analyze(documents kept)`` with the same lexicons and code. Ids not in the analysis are ignored;
    when every document is kept, ``result`` is returned as it is. InputError when the entity table must
    be counted again and the analysis does not record its actor lexicon.
    """
    wanted = _id_set(doc_ids)
    keep = result.documents["doc_id"].astype(str).isin(wanted)
    if keep.all():
        return result
    tables = {"documents": result.documents[keep]}
    for name in (n for n in PARTITION_TABLES if n != "documents"):
        table = getattr(result, name)
        tables[name] = table[table["doc_id"].astype(str).isin(wanted)].reset_index(drop=True)
    return _counted_again(result, tables)


def _counted_again(result: Analysis, tables: dict[str, pd.DataFrame]) -> Analysis:
    """``result`` with the partition ``tables`` of some of its documents, its corpus tables counted
    again over them and its fingerprint and key those of these documents."""
    if result.actors is None:
        raise InputError("this analysis does not record the actor lexicon it was made with, so its entity "
                         "table cannot be counted again for some of its documents; analyse the documents "
                         "again (analysis.analyze)")
    tables = {**tables, **corpus_tables(tables, actors=result.actors)}
    meta = {**result.meta, "corpus": corpus_fingerprint(tables["documents"])}
    if "key" in meta:
        meta["key"] = analysis_key(meta)
    return replace(result, **tables, meta=meta)


def analysis_of(tables: dict[str, pd.DataFrame], meta: dict[str, Any]) -> Analysis:
    """An :class:`Analysis` of tables read back, with the lexicon and codebook its ``meta`` defines."""
    definitions = meta.get("definitions") or {}
    lexicon = _restore_lexicon(definitions.get("actors"), meta)
    codebook = _restore_codebook(definitions.get("frames"), meta)
    frames_source = (definitions.get("frames") or {}).get("source") if isinstance(definitions.get("frames"), dict) else None
    return Analysis(**tables, meta=meta,
                    actors=lexicon and replace(lexicon, source=saved_source(definitions.get("actors_source"))),
                    codebook=codebook and replace(codebook, source=saved_source(frames_source)))


def saved_source(source: Any) -> str:
    """The ``source`` of a lexicon or codebook restored from an analysis' record: the file it was read
    from, marked as the copy saved with the analysis (the file may have changed since), or "saved with
    the analysis" when the record names none or it was given as a mapping."""
    if isinstance(source, str) and source and source != "<mapping>":
        return f"{source} (as saved with the analysis)"
    return "saved with the analysis"


def _recorded(meta: dict[str, Any], name: str) -> Any:
    return (meta.get("lexicons") or {}).get(name)


def _restore_lexicon(text: Any, meta: dict[str, Any]) -> ActorLexicon | None:
    """The actor lexicon from its YAML text in ``meta["definitions"]`` (None for older analyses)."""
    if not isinstance(text, str):
        return None
    import yaml

    lexicon = load_actors(yaml.safe_load(text) or {"actors": []})
    return lexicon if lexicon.sha256 == _recorded(meta, "actors") else None


def _restore_codebook(definition: Any, meta: dict[str, Any]) -> Codebook | None:
    """The codebook from ``meta["definitions"]``: its YAML text, else the shipped codebook of its name,
    else its source file, whichever has the recorded hash (None when none has)."""
    if not isinstance(definition, dict):
        return None
    candidates = []
    if isinstance(definition.get("yaml"), str):
        import yaml

        candidates.append(lambda: load_frames(yaml.safe_load(definition["yaml"])))
    candidates.append(lambda: load_frames(definition.get("name")))
    candidates.append(lambda: load_frames(definition.get("source")))
    for build in candidates:
        try:
            book = build()
        except Exception:  # noqa: BLE001 - a definition that no longer loads is tried no further
            continue
        if book.sha256 == _recorded(meta, "frames"):
            return book
    return None


def analyze_partition(
    documents: pd.DataFrame,
    *,
    actors: ActorLexicon,
    frames: Codebook,
    tone_engine: str = "textblob",
    actor_tone_method: str = "target",
    entities: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Every partition table for one partition of documents (a pure function: the unit of parallel work).

    ``actors`` and ``frames`` are loaded lexicons (:func:`analysis.load_actors`,
    :func:`analysis.load_frames`). ``actor_tone_method``: how ``actor_tone`` is measured ("target":
    the target-aware model, the best validated method; "sentence": the tone engine on the mention's
    sentence); the ``tone`` table is always the tone engine's. ``entities``: an entities table already
    found with ``actors`` (of these documents or of a corpus holding them): its rows of these documents
    are the partition's entities (:func:`entities_of`), not found again. Returns ``{table name: table}`` in
    :data:`PARTITION_TABLES` order; the documents table is ``documents`` itself. The corpus tables
    (:data:`CORPUS_TABLES`) come from :func:`corpus_tables` once the partitions are combined.
    """
    sentences = segment(documents)
    mentions = find_mentions(documents, actors, sentences=sentences)
    if entities is None:
        entities = find_entities(documents, sentences=sentences, actors=actors)
    else:
        entities = entities_of(entities, documents=documents)
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


def entities_of(entities: pd.DataFrame, *, documents: pd.DataFrame) -> pd.DataFrame:
    """The rows of the entities table ``entities`` (:func:`analysis.entities`, e.g. of a whole corpus)
    that belong to the documents of ``documents``, in their order (rows of a document in the order
    ``entities`` holds them), with a fresh index: the table ``analysis.entities(documents)`` gives with
    the same lexicon, since entities are found document by document. Output columns: those of
    ``entities``."""
    ids = documents["doc_id"].astype(str).tolist()
    place = dict(zip(ids, range(len(ids))))
    at = entities["doc_id"].astype(str).map(place)
    keep = at.notna().to_numpy()
    rows = entities[keep]
    order = at[keep].to_numpy(dtype="int64")
    if len(order) > 1 and (order[1:] < order[:-1]).any():  # documents in another order than the corpus'
        rows = rows.iloc[order.argsort(kind="stable")]
    return rows.reset_index(drop=True)


def corpus_tables(tables: dict[str, pd.DataFrame], *, actors: ActorLexicon) -> dict[str, pd.DataFrame]:
    """The tables computed over the whole corpus (:data:`CORPUS_TABLES`) from its combined partition
    tables: ``entity_table`` (one row per entity over every document)."""
    return {"entity_table": entity_table(tables["entities"], actors=actors)}


def analysis_key(meta: dict[str, Any]) -> str:
    """SHA-256 (hex) over what determines an analysis' numbers, taken from its ``meta``.

    The key covers the corpus fingerprint, the hashes of the word lists (:func:`lexicon_hashes`), the
    codebook name, the tone engine, the actor tone method, the package versions and the hash of the
    package's code (:func:`analysis.persistence.code_sha256`); equal keys mean equal tables.
    """
    keyed = {name: meta.get(name) for name in _KEYED}
    return content_key(keyed)


def lexicon_hashes(lexicon: ActorLexicon, codebook: Codebook) -> dict[str, str]:
    """The SHA-256 of every word list an analysis reads: the actor lexicon, the frame codebook, the
    entity word lists and the quotation cue verbs (keys actors, frames, entities, cue_verbs)."""
    return {"actors": lexicon.sha256, "frames": codebook.sha256, "entities": load_entity_words().sha256,
            "cue_verbs": load_cue_verbs().sha256}


def _codebook_definition(codebook: Codebook) -> dict[str, Any]:
    """What :func:`load_analysis` rebuilds the codebook from: its name, source and (for a file) its text."""
    definition: dict[str, Any] = {"name": codebook.name, "source": codebook.source}
    source = Path(codebook.source)
    if codebook.source != "<mapping>" and source.is_file():
        definition["yaml"] = source.read_text(encoding="utf-8")
    return definition


def keyed_settings(lexicon: ActorLexicon, codebook: Codebook, tone_engine: str,
                   actor_tone_method: str = "target") -> dict[str, Any]:
    """What determines an analysis' numbers besides its input, as analysis keys (:func:`analysis_key`)
    and run keys (``analysis.scale.store.run_key``) take it: lexicons (:func:`lexicon_hashes`),
    frames_codebook (the codebook's name), tone_engine, actor_tone_method, versions, code."""
    return {"lexicons": lexicon_hashes(lexicon, codebook), "frames_codebook": codebook.name,
            "tone_engine": tone_engine, "actor_tone_method": actor_tone_method, "versions": package_versions(),
            "code": code_sha256()}


def analysis_meta(corpus: dict[str, Any], lexicon: ActorLexicon, codebook: Codebook,
                  tone_engine: str, actor_tone_method: str = "target") -> dict[str, Any]:
    """The ``meta`` of an analysis of a corpus with this fingerprint, lexicon, codebook, tone engine and
    actor tone method: what determines its numbers (keyed, see :func:`analysis_key`), the key, and the
    lexicon and codebook definitions (``definitions``, not keyed: their hashes are)."""
    meta = {"corpus": corpus, **keyed_settings(lexicon, codebook, tone_engine, actor_tone_method)}
    return {**meta, "key": analysis_key(meta),
            "definitions": {"actors": lexicon.to_yaml(), "actors_source": lexicon.source,
                            "frames": _codebook_definition(codebook)}}


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
    return {name: concat_parts([part[name] for part in parts]).reset_index(drop=True) for name in PARTITION_TABLES}


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
    entities: pd.DataFrame | None = None,
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
    ``entities``: the entities table of these documents already found with the same actor lexicon
    (:func:`analysis.entities`; it may be a corpus' holding them, its other documents' rows left out:
    :func:`entities_of`): reused instead of found again, the same tables as without it (an article
    brief finds the entities of the whole corpus once, for its entity table, and analyses its article
    with them).
    Returns an :class:`Analysis`; ``.save(path)`` writes it as Parquet, :func:`load_analysis` reads it.
    """
    require_table(documents, fn="analyze")
    if engine not in ENGINES:
        raise InputError(f"engine={engine!r}: use one of {', '.join(map(repr, ENGINES))} "
                         "(the tone engine is chosen with tone_engine=)")
    lexicon, codebook = load_actors(actors), load_frames(codebook)
    check_actor_tone_method(actor_tone_method)
    meta = analysis_meta(corpus_fingerprint(documents), lexicon, codebook, tone_engine, actor_tone_method)
    options = {"actors": lexicon, "frames": codebook, "tone_engine": tone_engine,
               "actor_tone_method": actor_tone_method}
    if entities is not None:
        require_columns(entities, list(ENTITY_COLUMNS), fn="analyze", name="entities",
                        fix="pass analysis.entities(documents, actors=actors) of these documents or a corpus holding them")
        options["entities"] = entities
    if engine == "local" and partition_size is None:
        tables = analyze_partition(documents, **options)
    else:
        tables = _analyze_partitioned(documents, options, engine=engine, workers=workers, scheduler=scheduler,
                                      partition_size=partition_size, progress=progress)
    corpus = corpus_tables(tables, actors=lexicon)
    warn_alias_case(corpus["entity_table"], actors=lexicon)
    return Analysis(**tables, **corpus, meta=meta, actors=lexicon, codebook=codebook)


def warn_alias_case(entity_table: pd.DataFrame, *, actors: ActorLexicon) -> None:
    """Warn (UserWarning) once naming every alias of ``actors`` that matches nothing because the texts
    write the name in another case (:func:`analysis.discovery.alias_case_warning` on ``entity_table``);
    the shipped lexicon is never warned about, so its tables are not searched."""
    if actors.sha256 == load_actors(None).sha256:
        return
    message = alias_case_warning(alias_case_notes(entity_table, actors=actors), actors=actors)
    if message:
        warnings.warn(message, UserWarning, stacklevel=3)


def _analyze_partitioned(documents: pd.DataFrame, options: dict[str, Any], *, engine: str, workers: int | None,
                         scheduler: Any, partition_size: int | None, progress: bool | None) -> dict[str, pd.DataFrame]:
    """:func:`analyze_partition`'s tables of ``documents``, computed partition by partition on ``engine``."""
    from analysis.engines import map_partitions, progress_bar, worker_count

    if partition_size is None:
        partition_size = _default_partition_size(len(documents), worker_count(engine, workers, scheduler))
    partitions = split_documents(documents, partition_size=partition_size)
    if not partitions:
        return analyze_partition(documents, **options)
    results: dict[int, dict[str, pd.DataFrame]] = {}
    with progress_bar(total=len(documents), unit="doc", desc="analyze", progress=progress) as bar:
        for index, tables in map_partitions(analyze_partition, partitions, engine=engine, workers=workers,
                                            scheduler=scheduler, shared=options):
            results[index] = tables
            bar.update(len(partitions[index]))
    tables = combine_partitions([results[index] for index in range(len(partitions))])
    tables["documents"] = documents
    return tables
