"""Helpers for the loader tests: the expected load-report entry, a load that skips bad input, and the
message of a load that refuses it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import CorpusWarning


def entry(
    source: Path | str, problem: str, action: str = "skipped", *, row: int | None = None, line: int | None = None
) -> dict:
    """One entry of ``documents.attrs["load_report"]`` as the loader writes it."""
    return {"source": Path(source).as_posix() if isinstance(source, Path) else source, "row": row, "line": line,
            "problem": problem, "action": action}


def load_skipping(path, **options) -> tuple[pd.DataFrame, list[str]]:
    """``load_corpus(path, errors="skip")``: the documents and the warnings it gave (at least one)."""
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(path, errors="skip", **options)
    return docs, [str(w.message) for w in caught]


def load_error(path, **options) -> str:
    """The message of the InputError ``load_corpus(path, **options)`` raises (the test fails if it raises none)."""
    with pytest.raises(wb.InputError) as info:
        wb.load_corpus(path, **options)
    return str(info.value)
