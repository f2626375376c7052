"""A corpus loaded once for a report: checked at the command line, read again by the report's kernel.

``python -m analysis report`` loads the corpus before the notebook's kernel starts, so that bad input is
said at once (:func:`analysis.reports.check_corpus`). The documents it loaded are handed to the kernel
instead of being loaded there a second time: :func:`load_checked` loads them with the warnings recorded,
:func:`write_checked` puts them in a folder of the run (removed when the run ends) and the kernel's
environment names that folder (:data:`CHECKED_CORPUS_ENV`); there :func:`read_checked`, called where
:func:`analysis.tables.report_analysis` would load the corpus, returns them and shows the recorded
warnings as loading would have shown them. The documents go through :mod:`pickle`, which keeps every
column, dtype and ``attrs["load_report"]`` as loaded (Parquet cannot hold a JSON field that is an object in
one file and text in another), and they are read only when the load asked for is the one checked: the
same corpus path (absolute) and the same options. Anything else loads as before.
"""

from __future__ import annotations

import contextlib
import contextvars
import importlib
import json
import os
import pickle
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.files import saved_analysis_file
from analysis.corpus.loader import load_corpus

__all__ = ["CHECKED_CORPUS_ENV", "CheckedCorpus", "loading_key", "load_checked", "write_checked",
           "read_checked_folder", "read_checked", "handed_over"]

#: The environment variable naming the folder of a checked corpus (:func:`write_checked`) for a report's kernel.
CHECKED_CORPUS_ENV = "MEDIA_WORKBENCH_CHECKED_CORPUS"
_DOCUMENTS = "documents.pickle"
_RECORD = "checked.json"


@dataclass(frozen=True)
class CheckedCorpus:
    """A corpus loaded once: its documents table as :func:`analysis.load_corpus` returned it, the warnings
    loading gave (dicts: message, category as ``module:qualname``, filename, lineno; in order) and the
    load it is (:func:`loading_key`)."""

    documents: pd.DataFrame
    warnings: list[dict[str, Any]]
    key: str


def loading_key(source: Any, *, format: str | None = None, columns: Mapping[str, str | None] | None = None,  # noqa: A002
                errors: str = "raise", drop_duplicates: bool = False) -> str | None:
    """One text naming a load of ``source`` with those options (JSON, keys sorted), or None when the load
    cannot be handed over: ``source`` is not an absolute path or a list of them (a relative path is read
    from the kernel's folder, and the documents' ``source`` column and the load report name files as
    given), or is a saved analysis (read as saved, without loading articles), or an option is not plain data."""
    given = [source] if isinstance(source, (str, os.PathLike)) else source
    if not isinstance(given, Sequence) or isinstance(given, (str, bytes)) or not given:
        return None
    if not all(isinstance(p, (str, os.PathLike)) and os.path.isabs(p) for p in given):
        return None
    if any(Path(p).is_dir() and saved_analysis_file(Path(p)) is not None for p in given):
        return None
    paths = os.fspath(source) if isinstance(source, (str, os.PathLike)) else [os.fspath(p) for p in source]
    try:
        return json.dumps({"source": paths, "format": format, "columns": columns, "errors": errors,
                           "drop_duplicates": drop_duplicates}, sort_keys=True)
    except (TypeError, ValueError):
        return None


def load_checked(source: Any, *, format: str | None = None, columns: Mapping[str, str | None] | None = None,  # noqa: A002
                 errors: str = "raise", drop_duplicates: bool = False) -> CheckedCorpus | None:
    """:func:`analysis.load_corpus` of ``source`` with these options, its warnings recorded rather than
    shown (a report shows them, from :func:`read_checked`); None, with nothing loaded, when the load
    cannot be handed over (:func:`loading_key`). Errors are raised as loading raises them."""
    key = loading_key(source, format=format, columns=columns, errors=errors, drop_duplicates=drop_duplicates)
    if key is None:
        return None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # every warning, whatever this process' filters; the kernel's decide
        documents = load_corpus(source, format=format, columns=columns, errors=errors, drop_duplicates=drop_duplicates)
    shown = [{"message": str(w.message), "category": f"{w.category.__module__}:{w.category.__qualname__}",
              "filename": w.filename, "lineno": w.lineno} for w in caught]
    return CheckedCorpus(documents=documents, warnings=shown, key=key)


def write_checked(folder: str | os.PathLike[str], checked: CheckedCorpus) -> Path:
    """Write ``checked`` into ``folder`` (made when missing; a folder of the run, removed with it): the
    documents and a record of the load and its warnings. Returns the folder, for :data:`CHECKED_CORPUS_ENV`."""
    from analysis.persistence import atomic_write

    target = Path(folder)
    atomic_write(target / _DOCUMENTS, pickle.dumps(checked.documents, protocol=pickle.HIGHEST_PROTOCOL))
    atomic_write(target / _RECORD, json.dumps({"key": checked.key, "warnings": checked.warnings}))
    return target


_HANDED: contextvars.ContextVar[CheckedCorpus | None] = contextvars.ContextVar("handed", default=None)


@contextlib.contextmanager
def handed_over(checked: CheckedCorpus | None) -> Iterator[None]:
    """Inside the block, :func:`read_checked` in this thread gives ``checked`` (no file, no environment):
    a check before a kernel starts reads the corpus it loaded once."""
    token = _HANDED.set(checked)
    try:
        yield
    finally:
        _HANDED.reset(token)


def read_checked(source: Any, *, format: str | None = None, columns: Mapping[str, str | None] | None = None,  # noqa: A002
                 errors: str = "raise", drop_duplicates: bool = False) -> pd.DataFrame | None:
    """The documents a check loaded for this load of ``source`` (:func:`handed_over`, else the folder
    :data:`CHECKED_CORPUS_ENV` names), with the warnings loading gave shown again, as loading shows them
    (under the filters in force, at the place it recorded); None when nothing was handed over for this
    load: then load the corpus."""
    key = loading_key(source, format=format, columns=columns, errors=errors, drop_duplicates=drop_duplicates)
    if key is None:
        return None
    checked = _HANDED.get()
    if checked is None or checked.key != key:
        folder = os.environ.get(CHECKED_CORPUS_ENV)
        checked = read_checked_folder(folder, key=key) if folder else None
    if checked is None or checked.key != key:
        return None
    registries: dict[str, dict] = {}
    for shown in checked.warnings:
        warnings.warn_explicit(shown["message"], _category(shown["category"]), shown["filename"], shown["lineno"],
                               registry=registries.setdefault(shown["filename"], {}))
    return checked.documents.copy(deep=False)


def read_checked_folder(folder: str | os.PathLike[str], *, key: str | None = None) -> CheckedCorpus | None:
    """The checked corpus :func:`write_checked` wrote to ``folder``; None when there is none (or it is
    not the load ``key``, when given: then its documents are not read)."""
    try:
        record = json.loads((Path(folder) / _RECORD).read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("key"), str) or key not in (None, record["key"]):
            return None
        documents = pickle.loads((Path(folder) / _DOCUMENTS).read_bytes())
    except (OSError, ValueError, pickle.UnpicklingError, EOFError):
        return None
    return CheckedCorpus(documents=documents, warnings=list(record.get("warnings", [])), key=record["key"])


def _category(name: str) -> type[Warning]:
    """The warning class named ``module:qualname``; UserWarning when it cannot be found."""
    module, _, qualname = name.partition(":")
    try:
        found: Any = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return UserWarning
    return found if isinstance(found, type) and issubclass(found, Warning) else UserWarning
