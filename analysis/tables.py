"""Small helpers on the documents table that notebooks and reports share."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.errors import InputError

__all__ = ["select_document", "document_card", "corpus_summary", "filter_documents", "with_sentence_text",
           "key_sentences"]

_CARD_FIELDS = ("doc_id", "title", "subtitle", "outlet", "author", "published", "url", "tags", "source")


def select_document(documents: pd.DataFrame, *, doc_id: str | None = None) -> pd.DataFrame:
    """The one-row documents table of ``doc_id``, or of the first document when ``doc_id`` is None.

    Raises InputError naming the id (and a few available ones) when it is not in the table.
    """
    if documents.empty:
        raise InputError("the corpus has no documents; check the corpus path and the load report")
    if doc_id is None:
        return documents.iloc[[0]]
    chosen = documents[documents["doc_id"] == str(doc_id)]
    if chosen.empty:
        known = ", ".join(map(str, documents["doc_id"].head(5)))
        raise InputError(f"doc_id {doc_id!r} is not in the corpus; some ids it has: {known}")
    return chosen.iloc[[0]]


def document_card(documents: pd.DataFrame) -> pd.DataFrame:
    """The first document's metadata as a two-column table: ``field``, ``value`` (missing fields left out).

    Output columns: field (str), value (str).
    """
    row = documents.iloc[0]
    fields, values = [], []
    for name in _CARD_FIELDS:
        if name not in documents.columns:
            continue
        value = row[name]
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            continue
        fields.append(name)
        values.append(str(value))
    return pd.DataFrame({"field": fields, "value": values})


def filter_documents(
    documents: pd.DataFrame,
    *,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    outlets: Sequence[str] | str | None = None,
) -> pd.DataFrame:
    """The documents published in ``[start, end]`` (UTC; dates are whole days) from ``outlets``.

    ``None`` means no limit. With a date limit, undated documents are left out. Raises InputError on
    a date it cannot read.
    """
    keep = pd.Series(True, index=documents.index)
    published = pd.to_datetime(documents["published"], utc=True, errors="coerce")
    for name, value, compare in (("start", start, published.__ge__), ("end", end, published.__le__)):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            moment = pd.Timestamp(value)
        except (ValueError, TypeError) as error:
            raise InputError(f"{name}={value!r} is not a date; write it as YYYY-MM-DD") from error
        moment = moment.tz_localize("UTC") if moment.tzinfo is None else moment.tz_convert("UTC")
        if name == "end" and moment == moment.normalize():
            moment += pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
        keep &= compare(moment).fillna(False)
    if outlets:
        wanted = [outlets] if isinstance(outlets, str) else list(outlets)
        keep &= documents["outlet"].isin(wanted)
    return documents[keep.to_numpy()]


def with_sentence_text(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``table`` (any per-sentence table) with each row's ``section`` and sentence ``text`` added.

    Output columns: the table's columns, then section and text (renamed ``sentence`` when the table
    already has a ``text`` column). The evidence behind a number, one join away.
    """
    evidence = sentences[["doc_id", "sentence_id", "section", "text"]]
    if "text" in table.columns:
        evidence = evidence.rename(columns={"text": "sentence"})
    evidence = evidence.drop(columns=[c for c in ("section",) if c in table.columns])
    return table.merge(evidence, on=["doc_id", "sentence_id"], how="left")


def key_sentences(tone: pd.DataFrame, sentences: pd.DataFrame, *, score: str = "polarity", n: int = 3) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences by ``score`` (zero scores left out).

    Output columns: end ('most negative' or 'most positive'), doc_id, sentence_id, section, score
    column, text; most extreme first within each end.
    """
    scored = with_sentence_text(tone[["doc_id", "sentence_id", score]], sentences)
    negative = scored[scored[score] < 0].nsmallest(n, score).assign(end="most negative")
    positive = scored[scored[score] > 0].nlargest(n, score).assign(end="most positive")
    columns = ["end", "doc_id", "sentence_id", "section", score, "text"]
    return pd.concat([negative, positive], ignore_index=True)[columns]


def corpus_summary(documents: pd.DataFrame) -> pd.DataFrame:
    """The corpus at a glance as a two-column table: ``field``, ``value`` (both str).

    Fields: documents, words (whitespace-separated, title and text), outlets, first and last
    publication day (UTC), undated documents, flagged duplicates.
    """
    published = pd.to_datetime(documents["published"], utc=True, errors="coerce")
    words = (documents["title"].fillna("") + " " + documents["text"].fillna("")).str.split().str.len().sum()
    outlets = documents["outlet"].dropna().nunique() if "outlet" in documents else 0
    duplicates = int(documents["duplicate_of"].notna().sum()) if "duplicate_of" in documents else 0
    day = (lambda moment: moment.strftime("%Y-%m-%d") if pd.notna(moment) else "n/a")
    return pd.DataFrame({
        "field": ["documents", "words", "outlets", "first day", "last day", "undated documents",
                  "flagged duplicates"],
        "value": [f"{len(documents):,}", f"{int(words):,}", f"{outlets:,}", day(published.min()),
                  day(published.max()), f"{int(published.isna().sum()):,}", f"{duplicates:,}"],
    })
