"""Helpers of the entity tests written from users' texts: entities of inline articles without a
lexicon, and their rows as plain tuples."""

from __future__ import annotations

import pandas as pd

import analysis as wb

NONE = {"actors": []}


def docs(*texts: str, titles: list[str] | None = None, **columns) -> pd.DataFrame:
    """One document per text (ids d0, d1, ...), with ``titles`` and any further ``columns``."""
    n = len(texts)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "title": titles or [""] * n, "text": list(texts),
                         **columns})


def found(*texts: str, titles: list[str] | None = None, actors=NONE, **columns) -> pd.DataFrame:
    """``wb.entities`` of :func:`docs`, with the lexicon ``actors`` (default: none)."""
    return wb.entities(docs(*texts, titles=titles, **columns), actors=actors)


def rows(e: pd.DataFrame, *cols: str) -> list[tuple]:
    """The ``cols`` (default text, entity, type, via) of every row, missing values as None."""
    cols = cols or ("text", "entity", "type", "via")
    return [tuple(None if isinstance(v, float) or v is pd.NA else v for v in r)
            for r in e[list(cols)].itertuples(index=False, name=None)]


def quote_rows(*texts: str) -> list[tuple]:
    """``wb.quotes`` of :func:`docs` without a lexicon, each row as (doc_id, kind, quote, speaker,
    speaker_type, speaker_entity_id), missing values as None."""
    out = wb.quotes(docs(*texts), NONE)
    return rows(out, "doc_id", "kind", "quote", "speaker", "speaker_type", "speaker_entity_id")
