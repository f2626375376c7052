"""Helpers of the entity tests written from users' texts: entities of inline articles without a
lexicon, and their rows as plain tuples."""

from __future__ import annotations

import pandas as pd

import analysis as wb

NONE = {"actors": []}


def found(*texts: str, titles: list[str] | None = None, **columns) -> pd.DataFrame:
    """``wb.entities`` of one document per text (ids d0, d1, ...), without any lexicon actor."""
    n = len(texts)
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "title": titles or [""] * n, "text": list(texts),
                         **columns})
    return wb.entities(docs, actors=NONE)


def rows(e: pd.DataFrame, *cols: str) -> list[tuple]:
    """The ``cols`` (default text, entity, type, via) of every row, missing values as None."""
    cols = cols or ("text", "entity", "type", "via")
    return [tuple(None if isinstance(v, float) or v is pd.NA else v for v in r)
            for r in e[list(cols)].itertuples(index=False, name=None)]
