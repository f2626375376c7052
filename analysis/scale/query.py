"""SQL over an analysed corpus on disk, with DuckDB (embedded: no server, nothing to set up).

Every table of the analysis is a view named after it (documents, sentences, mentions, quotes, tone,
frames, actor_tone) over its Parquet files, whichever layout wrote them (:meth:`Analysis.save` or
:func:`analysis.scale.analyze_corpus`). DuckDB reads only the columns and row groups a query needs, so
queries over corpora far larger than memory work.

Times: ``documents.published`` is a UTC timestamp; the connection's time zone is set to UTC, so
``published::DATE`` and ``strftime(published, '%Y-%m-%d')`` give UTC days.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.keys import DAY, document_keys
from analysis.deprecation import renamed_keywords
from analysis.errors import InputError
from analysis.pipeline import TABLES
from analysis.schema import output_columns

__all__ = ["connect", "mentions_by", "query"]

_ACTOR_KEYS = ("actor", "group", "type")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_files(folder: Path) -> dict[str, list[Path]]:
    """The Parquet files of every table, for either layout; InputError when ``folder`` is neither."""
    if (folder / "manifest.json").is_file() or any((folder / name).is_dir() for name in TABLES):
        from analysis.scale.store import read_manifest

        manifest = read_manifest(folder)
        return {name: [folder / part for part in manifest["tables"][name]["parts"]] for name in TABLES}
    files = {name: [folder / f"{name}.parquet"] for name in TABLES}
    missing = [name for name, paths in files.items() if not paths[0].is_file()]
    if missing:
        raise InputError(f"{folder}: not an analysed corpus (missing {', '.join(missing)}); write one with "
                         "analysis.analyze_corpus(source, out=...) or analysis.analyze(documents).save(path)")
    return files


def connect(path: str | os.PathLike[str]) -> Any:
    """A DuckDB connection (in memory) with one view per table of the analysis at ``path``.

    Use it for several queries in a row: ``con = connect(path); con.sql("...").df()``.
    """
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    for name, files in _table_files(Path(path)).items():
        listed = ", ".join(_literal(file.as_posix()) for file in files)
        con.execute(f"CREATE VIEW {_ident(name)} AS SELECT * FROM read_parquet([{listed}], union_by_name = true)")
    return con


def query(path: str | os.PathLike[str], sql: str, *, params: Sequence[Any] | Mapping[str, Any] | None = None
          ) -> pd.DataFrame:
    """Run ``sql`` (DuckDB's dialect) over the analysis at ``path``; returns the result as a DataFrame.

    The tables are views by their names: documents, sentences, mentions, quotes, tone, frames,
    actor_tone. ``params`` fill ``?`` or ``$name`` placeholders, e.g.
    ``query(path, "SELECT count(*) AS n FROM mentions WHERE actor_id = ?", params=["biden"])``.
    """
    con = connect(path)
    try:
        return con.execute(sql, params).df() if params is not None else con.execute(sql).df()
    finally:
        con.close()


def _document_keys(con: Any, doc_columns: list[str], by: list[str]) -> pd.DataFrame:
    """The documents' keys for ``by`` (:func:`analysis.corpus.keys.document_keys`: one rule for ids
    and dates), reading only the columns they need."""
    document_keys(pd.DataFrame(columns=doc_columns), by, fn="mentions_by")  # a missing column: the one error
    needed = dict.fromkeys(["doc_id", *("published" if k == DAY else k for k in by)])
    documents = con.execute(f"SELECT {', '.join(map(_ident, needed))} FROM documents").df()
    return document_keys(documents, by, fn="mentions_by")


@renamed_keywords(path="mentions")
@output_columns("actor_rollup")
def mentions_by(mentions: pd.DataFrame | str | os.PathLike[str], documents: pd.DataFrame | None = None, *,
                by: Sequence[str] | str = ("actor",), actors: Any = None, include_pronouns: bool = False
                ) -> pd.DataFrame:
    """Mention counts aggregated by ``by``: the mentions table's aggregate.

    ``mentions``: a mentions table (with ``documents``, the documents it was found in: computed in
    memory by :func:`analysis.actors.mentions_by`), or the folder of a stored analysis (written by
    :func:`analysis.analyze_corpus` or ``Analysis.save``; ``documents`` not needed: counted in DuckDB
    without loading the corpus). Both give the same columns.

    ``by``: any of "actor" (actor_id + actor), "group" and "type" (from the lexicon ``actors``; None =
    the default lexicon: pass the one the analysis used), "day" (the UTC day of ``published``,
    ``YYYY-MM-DD``), "outlet" or any other documents column. Counts direct mentions (via alias or
    title) unless ``include_pronouns``. Sorted by the non-actor keys, then most mentions first, then
    by display name, then by the other actor keys (the tie rule of :func:`analysis.actors.actor_ranking`);
    missing values last.
    """
    if isinstance(mentions, pd.DataFrame):
        if documents is None:
            raise InputError("mentions_by: a mentions table needs documents= (the documents table it was found in) "
                             "for the documents columns in by=; or pass the folder of a stored analysis")
        from analysis.actors import mentions_by as in_memory

        return in_memory(mentions, documents, by=by, actors=actors, include_pronouns=include_pronouns)
    path = mentions
    by = (by,) if isinstance(by, str) else tuple(by)
    con = connect(path)
    try:
        doc_columns = [row[0] for row in con.execute("DESCRIBE documents").fetchall()]
        select: list[str] = []
        keys: list[str] = []
        doc_keys: list[str] = []
        joins: list[str] = []
        for key in by:
            if key == "actor":
                select += ["m.actor_id AS actor_id", "m.actor AS actor"]
                keys += ["actor_id", "actor"]
            elif key in ("group", "type"):
                if not any("_lexicon" in j for j in joins):
                    from analysis.actors import load_actors

                    lexicon = load_actors(actors).actors[["actor_id", "group", "type"]].astype("object")
                    con.register("_lexicon", lexicon)
                    joins.append("LEFT JOIN _lexicon AS a ON a.actor_id = m.actor_id")
                expr = f'coalesce(a."group", \'(no group)\')' if key == "group" else 'a."type"'
                select.append(f"{expr} AS {_ident(key)}")
                keys.append(key)
            else:
                doc_keys.append(key)
                select.append(f"d.{_ident(key)} AS {_ident(key)}")
                keys.append(key)
        if doc_keys:
            con.register("_document_keys", _document_keys(con, doc_columns, doc_keys))
            joins.insert(0, "LEFT JOIN _document_keys AS d ON d.doc_id = CAST(m.doc_id AS VARCHAR)")
        where = "" if include_pronouns else "WHERE via IN ('alias', 'title')"
        cell = [k for k in keys if k not in _ACTOR_KEYS and k != "actor_id"]
        rest = sorted((k for k in keys if k not in cell), key=lambda k: k != "actor")  # ties by name, then key
        partition = f"PARTITION BY {', '.join(map(_ident, cell))}" if cell else ""
        order = ([f"{_ident(k)} ASC NULLS LAST" for k in cell] + ["mentions DESC"]
                 + [f"{_ident(k)} ASC NULLS LAST" for k in rest])
        sql = f"""
            WITH m AS (SELECT doc_id, sentence_id, actor_id, actor FROM mentions {where}),
            counted AS (
                SELECT {', '.join(select)}, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents,
                       count(DISTINCT m.doc_id || chr(31) || CAST(m.sentence_id AS VARCHAR)) AS sentences
                FROM m {' '.join(joins)}
                GROUP BY ALL)
            SELECT {', '.join(map(_ident, keys))}, mentions, documents, sentences,
                   mentions / sum(mentions) OVER ({partition}) AS share
            FROM counted ORDER BY {', '.join(order)}"""
        out = con.execute(sql).df()
    finally:
        con.close()
    return out.astype({"mentions": "int64", "documents": "int64", "sentences": "int64", "share": "float64"})
