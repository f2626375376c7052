"""Tabular corpora (CSV, TSV, JSON Lines, JSON, Parquet) to documents rows, vectorised.

* Columns are found by name (see :mod:`analysis.corpus.fields`) or given with ``columns=``.
* Row numbers: ``row N`` is the 1-based data row (the header is not counted) for CSV, TSV, JSON
  arrays and Parquet, and the line number for JSON Lines.
* Text from a table is kept as given except that line endings become ``\\n`` and, in a text
  without any blank line, each line break becomes a paragraph break (one paragraph per line);
  runs of blank lines become one. A ``standfirst`` column is put in front of the text as its
  first paragraph when the text does not already start with it.
* A table with a title column but no text column (a Media Cloud story export has stories_id,
  publish_date, title, url, media_name, ... and no text) loads as headline-only documents
  (text "") with a warning; a table with neither is an ``InputError``.
* A row with empty text (or, headline-only, an empty title) is an ``InputError`` naming the row.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from analysis.corpus.decode import BinaryFileError, decode_bytes, find_nul, sniff_encoding
from analysis.corpus.fields import as_strings, clash_name, resolve_columns
from analysis.corpus.report import LoadLog

__all__ = ["MEDIA_CLOUD_COLUMNS", "TABLE_FORMATS", "read_table", "table_documents"]

TABLE_FORMATS: tuple[str, ...] = ("csv", "tsv", "jsonl", "json", "parquet")
#: Columns typical of Media Cloud story exports (two or more of them name the warning after it).
MEDIA_CLOUD_COLUMNS = frozenset(
    {"stories_id", "media_id", "media_name", "media_url", "indexed_date", "ap_syndicated",
     "processed_stories_id"}
)
_RECORD_KEYS = ("results", "data", "stories", "articles", "items", "documents", "records")
_SKIP_FIX = "fix it, or pass errors='skip' to skip it"


def _read_text(path: Path, label: str, log: LoadLog) -> str | None:
    data = path.read_bytes()
    if not data.strip():
        log.fail(label, "the file is empty", "remove it or add content")
        return None
    try:
        text, encoding = decode_bytes(data)
    except BinaryFileError as exc:
        log.fail(label, f"looks like a binary file ({exc}), not text", "remove it or export it as UTF-8 text")
        return None
    if encoding not in ("utf-8", "utf-16"):
        log.note(label, f"not valid UTF-8; decoded as {encoding}", f"decoded as {encoding}")
    return text


def _read_delimited(path: Path, sep: str, label: str, columns: Any, log: LoadLog) -> pd.DataFrame | None:
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if not head.strip():
        log.fail(label, "the file is empty", "remove it or add a header row and data rows")
        return None
    nul = find_nul(head)
    if nul >= 0:
        log.fail(label, f"looks like a binary file (NUL byte at offset {nul}), not a text table",
                 "remove it or export it as UTF-8 CSV/TSV")
        return None
    first = sniff_encoding(head)
    for encoding in (first, "cp1252", "latin-1") if first == "utf-8-sig" else (first,):
        try:
            header = pd.read_csv(path, sep=sep, nrows=0, encoding=encoding).columns
            id_column = resolve_columns(header, columns).get("doc_id")
            dtype = {id_column: str} if id_column in header else None
            try:
                table = pd.read_csv(path, sep=sep, encoding=encoding, dtype=dtype)
            except pd.errors.ParserError as exc:
                if log.errors == "raise":
                    log.fail(label, f"not a well-formed table ({' '.join(str(exc).split())})", _SKIP_FIX)
                table = _read_skipping_bad_lines(path, sep, encoding, dtype, label, log)
        except UnicodeDecodeError:
            continue
        except pd.errors.EmptyDataError:
            log.fail(label, "the file is empty", "remove it or add a header row and data rows")
            return None
        except pd.errors.ParserError as exc:
            log.fail(label, f"not a well-formed table ({' '.join(str(exc).split())})", _SKIP_FIX)
            return None
        if encoding not in ("utf-8-sig", "utf-16"):
            log.note(label, f"not valid UTF-8; decoded as {encoding}", f"decoded as {encoding}")
        return table
    log.fail(label, f"cannot be decoded as {first}", "save it as UTF-8")
    return None


def _read_skipping_bad_lines(
    path: Path, sep: str, encoding: str, dtype: Any, label: str, log: LoadLog
) -> pd.DataFrame:
    """Read a table skipping malformed lines, each listed in the load report with its line number."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        table = pd.read_csv(path, sep=sep, encoding=encoding, dtype=dtype, on_bad_lines="warn")
    for warning in caught:
        for message in str(warning.message).splitlines():
            if message.startswith("Skipping line "):
                number, _, problem = message[len("Skipping line ") :].partition(": ")
                log.note(label, f"malformed line: {problem.strip()}", "skipped", line=int(number))
    return table


def _records(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _RECORD_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return [data]


def _objects(
    items: list[Any], numbers: list[int], label: str, log: LoadLog, *, unit: str
) -> tuple[list[dict], list[int]]:
    """The items that are JSON objects, with their row (or line) numbers; others logged as bad."""
    records, rows = [], []
    for number, item in zip(numbers, items):
        if isinstance(item, dict):
            records.append(item)
            rows.append(number)
        else:
            where = {"line": number} if unit == "line" else {"row": number}
            log.fail(label, f"a JSON {type(item).__name__} where an object (one document) was expected",
                     'make each item a JSON object like {"title": ..., "text": ...}, '
                     "or pass errors='skip' to skip it", **where)
    return records, rows


def json_line_items(lines: Iterable[tuple[int, str]], label: str, log: LoadLog) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for each non-blank JSON Lines line; a malformed line is reported to
    ``log`` (an error naming the line, or a skip) and yields nothing."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            log.fail(label, f"not valid JSON ({exc.msg} at column {exc.colno})",
                     "fix or remove the line, or pass errors='skip' to skip it", line=number)


def _json_lines(text: str, label: str, log: LoadLog) -> tuple[list[dict], list[int]]:
    parsed = list(json_line_items(enumerate(text.split("\n"), start=1), label, log))
    return _objects([item for _, item in parsed], [number for number, _ in parsed], label, log, unit="line")


def _read_json(path: Path, fmt: str, label: str, log: LoadLog) -> tuple[pd.DataFrame, np.ndarray] | None:
    text = _read_text(path, label, log)
    if text is None:
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if fmt == "jsonl":
        records, rows = _json_lines(text, label, log)
    else:
        try:
            items = _records(json.loads(text))
            records, rows = _objects(items, list(range(1, len(items) + 1)), label, log, unit="row")
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":
                problem = f"not valid JSON ({exc.msg} at column {exc.colno})"
                log.fail(label, problem, "fix the file", line=exc.lineno)
                return None
            records, rows = _json_lines(text, label, log)  # one object per line: JSON Lines
    return pd.DataFrame.from_records(records), np.asarray(rows, dtype=np.int64)


def read_table(
    path: Path, fmt: str, *, label: str, columns: Any, log: LoadLog
) -> tuple[pd.DataFrame, np.ndarray] | None:
    """Read a table file; returns ``(table, row numbers)`` or None when the file was skipped."""
    if fmt in ("csv", "tsv"):
        table = _read_delimited(path, "," if fmt == "csv" else "\t", label, columns, log)
        return None if table is None else (table, np.arange(1, len(table) + 1))
    if fmt == "parquet":
        try:
            table = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for files that are not Parquet
            detail = " ".join(str(exc).split())[:200]
            log.fail(label, f"not a readable Parquet file ({type(exc).__name__}: {detail})",
                     "check that it is a Parquet file, or give it the extension of its real format")
            return None
        return table.reset_index(drop=True), np.arange(1, len(table) + 1)
    return _read_json(path, fmt, label, log)


def _paragraph_text(text: pd.Series) -> pd.Series:
    text = text.str.replace("\r\n", "\n", regex=False).str.replace("\r", "\n", regex=False)
    single = ~text.str.contains("\n\n", regex=False).fillna(False)
    text = text.mask(single, text.str.replace("\n", "\n\n", regex=False))
    return text.str.replace(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", regex=True).str.strip()


def _headline_only_message(label: str, found: list[str], title: object, n: int) -> str:
    names = sorted(MEDIA_CLOUD_COLUMNS & {str(c).lower() for c in found})
    if len(names) >= 2:
        what = f"looks like a Media Cloud story export (columns {', '.join(names)}) and has no article text"
    else:
        what = f"has no text column (columns found: {', '.join(map(str, found))})"
    return (
        f"{label} {what}: its {n} rows were loaded as headline-only documents (text '', title from "
        f"column {title!r}); measures that read text will see only the headlines. If a column holds "
        f"the article text, pass columns={{'text': '<column>'}}."
    )


def _usable_mapping(found: list[str], columns: Any, label: str, log: LoadLog) -> dict[str, object] | None:
    """The column mapping of a table, or None (problem logged) when it names no usable column."""
    mapping = resolve_columns(found, columns)
    missing = [str(c) for c in mapping.values() if c not in found]
    if missing:
        log.fail(label, f"column(s) {', '.join(map(repr, missing))} given in columns= not found "
                 f"(columns found: {', '.join(found)})", "fix columns= to name existing columns")
        return None
    if "text" not in mapping and "title" not in mapping:
        log.fail(label, f"no text column and no title column (columns found: {', '.join(found)})",
                 "pass columns={'text': '<column>'} naming the column that holds the article text")
        return None
    return mapping


def _title_and_text(out: pd.DataFrame, mapping: dict[str, object], rows: np.ndarray, found: list[str],
                    label: str, log: LoadLog) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """(title, text, bad-row mask) of a table; bad rows (no text, or headline-only without title) logged."""
    empty = pd.Series("", index=out.index, dtype="string")
    title = as_strings(out["title"]).fillna("").str.strip() if "title" in out else empty
    if "text" in mapping:
        text = _paragraph_text(as_strings(out["text"]).fillna(""))
        bad = (text == "").to_numpy(dtype=bool)
        problem = f"empty text (column {mapping['text']!r})"
        fix = "fill it in or remove the row, or pass errors='skip' to skip such rows"
    else:
        text = empty
        bad = (title == "").to_numpy(dtype=bool)
        problem = f"no title (column {mapping['title']!r}) and the table has no text column"
        fix = "fill it in or remove the row, or pass errors='skip'"
        loaded = int((~bad).sum())
        log.warn_later(_headline_only_message(label, found, mapping["title"], loaded))
        log.note(label, f"no text column: {loaded} rows loaded as headline-only documents",
                 "loaded headline-only")
    for row in rows[bad]:
        log.fail(label, problem, fix, row=int(row))
    if "standfirst" in out:
        standfirst = as_strings(out["standfirst"]).fillna("").str.strip()
        prepend = [bool(s) and not t.startswith(s) for s, t in zip(standfirst, text)]
        text = text.mask(prepend, standfirst + "\n\n" + text)
    return title, text, bad


def table_documents(
    table: pd.DataFrame, rows: np.ndarray, *, label: str, name: str, columns: Any, log: LoadLog
) -> pd.DataFrame | None:
    """Documents rows of one table (unparsed dates, raw ids), or None when the table was skipped.

    Adds the internal columns ``__name__`` (the hash name 'relative/path, row N'), ``__file__``
    and ``__row__``; keeps unused input columns as metadata (clashing names get '_input').
    """
    found = [str(c) for c in table.columns]
    table = table.set_axis(found, axis=1)
    mapping = _usable_mapping(found, columns, label, log)
    if mapping is None:
        return None
    if table.empty:
        log.fail(label, "the table has no rows", "remove the file or add rows")
        return None
    out = pd.DataFrame({target: table[column] for target, column in mapping.items()})
    out["title"], out["text"], bad = _title_and_text(out, mapping, rows, found, label, log)
    row_text = pd.Series(rows, index=out.index).astype(str)
    out["source"] = label + ", row " + row_text
    out["__name__"] = name + ", row " + row_text
    out["__file__"] = label
    out["__row__"] = rows
    used = set(mapping.values())
    extras = {clash_name(c): table[c] for c in found if c not in used}
    out = pd.concat([out, pd.DataFrame(extras, index=out.index)], axis=1) if extras else out
    return out[~bad].reset_index(drop=True)
