"""Document keys for rollups: the one join of a table to the documents by ``doc_id``.

Rollups group a table (mentions, document frames, actor tone) by columns of the documents table
(outlet, topic, ...) or by "day", the UTC publication day. This module is the one place that
reads those keys and joins them on, so that every rollup treats ids and dates alike:

1. ``doc_id`` is compared as str on both sides (an int id in one table matches "7" in the other);
   the joined table keeps its own ``doc_id`` column unchanged.
2. A doc_id repeated in the documents table takes the keys of its first row.
3. "day" is ``published`` read as UTC and written ``YYYY-MM-DD``; text is read value by value
   (pandas' ``format="mixed"``, so one odd format does not void the others). A missing or blank
   date is NA; a value that cannot be read as a date is NA too (NaT) and is reported with a
   :class:`~analysis.corpus.CorpusWarning` naming the function, how many values, the first one and
   its doc_id. The loaders already parse dates and report each bad one, so this only happens with a
   documents table built by hand.
4. Any other key is the documents column of that name, values as they are (NA stays NA).
5. A key the documents table cannot give is an InputError naming the function, the column and the
   table's columns (:func:`analysis.errors.require_columns`).

Reports name and trace articles here too: :func:`article_labels` (the headline, else the first words
of the lead) and :func:`with_article` (a table's rows with their article, doc_id, outlet and day),
re-exported as ``wb.tables.article_labels`` and ``wb.tables.with_article``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import pandas as pd

from analysis.corpus.report import CorpusWarning
from analysis.errors import require_columns

__all__ = ["DAY", "published_utc", "document_keys", "join_document_keys", "LABEL_WORDS", "article_labels",
           "with_article"]

#: The key that means the UTC publication day (read from the ``published`` column).
DAY = "day"


def published_utc(documents: pd.DataFrame, *, fn: str) -> pd.Series:
    """The documents' ``published`` column as ``datetime64[ns, UTC]`` (rule 3): NaT where missing or
    unreadable; unreadable values are reported with a CorpusWarning naming ``fn``. A table without a
    ``published`` column (a DataFrame of one's own, a saved analysis of one) is undated: all NaT."""
    if "published" not in documents.columns:
        return pd.Series(pd.NaT, index=documents.index, dtype="datetime64[ns, UTC]")
    raw = documents["published"]
    if isinstance(raw.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(raw.dtype):
        return pd.to_datetime(raw, utc=True)  # the loaders' dtype: nothing to read
    published = pd.to_datetime(raw, utc=True, errors="coerce", format="mixed")
    given = raw.notna() & (raw.astype("object").map(lambda v: not (isinstance(v, str) and not v.strip())))
    bad = published.isna() & given.to_numpy(dtype=bool)
    if bad.any():
        first = int(bad.to_numpy().argmax())
        place = (f"doc_id {str(documents['doc_id'].iloc[first])!r}" if "doc_id" in documents.columns
                 else f"row {first + 1}")
        warnings.warn(
            f"{fn}: {int(bad.sum())} published value(s) could not be read as dates (first: {raw.iloc[first]!r} "
            f"of {place}); they count as undated. Load the documents with analysis.load_corpus, "
            "which reads dates in many formats and reports each one it cannot read.",
            CorpusWarning, stacklevel=3)
    return published


def document_keys(documents: pd.DataFrame, by: Sequence[str], *, fn: str) -> pd.DataFrame:
    """One row per document: ``doc_id`` (str) and the ``by`` keys (rules 2-5), in documents order.

    ``by``: documents columns and/or "day". Output columns: doc_id, then the ``by`` columns (each
    once, in the order given; "day" as "YYYY-MM-DD" str or NA).
    """
    keys = list(dict.fromkeys(by))
    require_columns(documents, ["doc_id"], fn=fn, name="documents", fix="load it with analysis.load_corpus")
    require_columns(documents, {"by": ["published" if k == DAY else k for k in keys]}, fn=fn, name="documents",
                    fix=f"by={DAY!r} for the UTC publication day (needs 'published')")
    out = pd.DataFrame({"doc_id": documents["doc_id"].astype("str").to_numpy()})
    for key in keys:
        if key == DAY:
            out[key] = published_utc(documents, fn=fn).dt.strftime("%Y-%m-%d").to_numpy()
        else:
            out[key] = documents[key].to_numpy()
    return out.drop_duplicates("doc_id").reset_index(drop=True)


def join_document_keys(table: pd.DataFrame, documents: pd.DataFrame, by: Sequence[str], *, fn: str,
                       how: str = "left") -> pd.DataFrame:
    """``table`` with the ``by`` keys of its documents joined on by ``doc_id`` (rules 1-5).

    ``how="left"`` keeps every row of ``table`` (keys NA where the document is unknown);
    ``how="inner"`` keeps the rows whose document is in ``documents``. Row order is ``table``'s.
    """
    require_columns(table, ["doc_id"], fn=fn, fix="pass a table with one doc_id per row")
    keys = document_keys(documents, by, fn=fn).rename(columns={"doc_id": "_doc_key"})
    joined = table.assign(_doc_key=table["doc_id"].astype("str").to_numpy()).merge(keys, on="_doc_key", how=how)
    return joined.drop(columns="_doc_key")


#: How many words of its lead name an article without a headline (:func:`article_labels`).
LABEL_WORDS = 8


def article_labels(documents: pd.DataFrame) -> dict[str, str]:
    """A readable name for each article, by doc_id: its headline (``title``, stripped); an article
    without one (a blank or missing title: narrative-framing's TSV, any body-only export) is named by
    the first :data:`LABEL_WORDS` (8) words of its text followed by "…" when there are more ("Climate
    Alarmists Want to Rebrand Global Warming As …"), and an article with neither by its doc_id. Every
    report names articles this way: the page title of a brief, explore's tone arc, the article column
    of evidence tables (beside the doc_id: two articles of one headline stay two), chart labels.
    ``article_labels(pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["Votes counted", "", None],
    "text": ["x", "One two three four five six seven eight nine", ""]}))``:
    ``{"a": "Votes counted", "b": "One two three four five six seven eight …", "c": "c"}``.
    """
    require_columns(documents, ["doc_id"], fn="article_labels", name="documents",
                    fix="pass the documents table (wb.load_corpus)")
    titles = documents["title"] if "title" in documents else pd.Series([None] * len(documents), index=documents.index)
    texts = documents["text"] if "text" in documents else pd.Series([None] * len(documents), index=documents.index)
    labels: dict[str, str] = {}
    for doc_id, title, text in zip(documents["doc_id"].astype(str), titles, texts):
        if isinstance(title, str) and title.strip():
            labels[doc_id] = " ".join(title.split())
            continue
        words = text.split() if isinstance(text, str) else []
        labels[doc_id] = (" ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")) if words else doc_id
    return labels


def with_article(table: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``table`` (any table with a ``doc_id`` column: quotes, frames, key sentences ...) with what traces
    each row to its article in front: ``article`` (:func:`article_labels`: the headline, else the first
    words of the lead), ``doc_id``, ``outlet`` and ``date`` (the published day, YYYY-MM-DD, in the zone
    of the documents' ``published`` column, ``wb.tables.in_zone``; NA when undated), each of outlet and date
    only when the documents have that column with a value in it (an undated corpus gets no column of blanks); then ``sentence_id`` when the table has one (the row is a
    sentence: 0 = headline); then the table's other columns. Rows keep their order; an id the documents
    lack has its id as article and NA outlet and date.

    Output columns: article, doc_id, [outlet], [date], [sentence_id], the table's other columns.
    """
    require_columns(table, ["doc_id"], fn="with_article", name="table",
                    fix="pass a table with one doc_id per row (quotes, frames, key_sentences ...)")
    require_columns(documents, ["doc_id"], fn="with_article", name="documents",
                    fix="pass the documents table the rows come from")
    ids = table["doc_id"].astype("string")
    keys = documents["doc_id"].astype(str)
    labels = article_labels(documents)
    article = ids.map(lambda i: labels.get(i, i) if isinstance(i, str) else pd.NA).astype("string")
    front: dict[str, pd.Series] = {"article": article, "doc_id": ids}
    if "outlet" in documents and documents["outlet"].notna().any():
        front["outlet"] = ids.map(dict(zip(keys, documents["outlet"]))).astype("string")
    if "published" in documents and documents["published"].notna().any():
        column = documents["published"]
        zone = column.dt.tz if isinstance(column.dtype, pd.DatetimeTZDtype) else "UTC"  # the zone in_zone gave it
        day = published_utc(documents, fn="with_article").dt.tz_convert(zone).dt.strftime("%Y-%m-%d")
        front["date"] = ids.map(dict(zip(keys, day))).astype("string")
    if "sentence_id" in table:
        front["sentence_id"] = table["sentence_id"]
    rest = table.drop(columns=[c for c in front if c in table.columns])
    out = pd.DataFrame(front, index=table.index)
    return pd.concat([out, rest], axis=1).reset_index(drop=True)
