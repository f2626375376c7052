"""Small helpers on the documents table that notebooks and reports share."""

from __future__ import annotations

import pandas as pd

from analysis.errors import InputError

__all__ = ["select_document", "document_card"]

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
