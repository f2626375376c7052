"""``load_corpus``: files and folders to the documents table (the I/O side of the package)."""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.corpus.article import looks_like_article, parse_article
from analysis.corpus.dates import MAX, MIN, parse_published
from analysis.corpus.decode import BinaryFileError, decode_html, decode_text
from analysis.corpus.documents import INTERNAL_COLUMNS, assemble
from analysis.corpus.duplicates import flag_duplicates
from analysis.corpus.fields import MAPPABLE, resolve_columns
from analysis.corpus.html import parse_html
from analysis.corpus.plaintext import FrontMatterError, is_title_line, parse_text_file, split_metadata
from analysis.corpus.report import DROPPED_DUPLICATE, REPORT_PLACE, UNREADABLE_SIDECAR_DATE, LoadLog, skip_hint
from analysis.corpus.sidecars import (
    META_SUFFIXES,
    METADATA_CSV,
    canonical_fields,
    read_meta_yml,
    read_metadata_csv,
    sidecar_paths,
)
from analysis.corpus.files import FileProblem, file_problem, read_bytes, saved_analysis_file
from analysis.corpus.tokenised import note_pretokenised_files
from analysis.runtime import collector_paused
from analysis.schema import output_columns
from analysis.corpus.tables import (
    TABLE_FORMATS,
    arrow_json_files,
    arrow_json_lines,
    json_line_chunks,
    note_fallback,
    read_json_records,
    read_table,
    streams_json_lines,
    table_documents,
    usable_mapping,
)

__all__ = ["EXTENSIONS", "FORMATS", "LoaderOptions", "load_corpus", "load_files", "not_a_corpus", "unknown_format",
           "sidecar_layers", "single_document_layers", "with_sidecar_metadata",
           "walk_folder", "walk_folder_logged"]

#: File extension -> format read by default ("txt" = scraped article or plain text, detected).
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json", ".parquet": "parquet", ".pq": "parquet",
}
#: Spreadsheet extensions: not read, but named in the error, which says to save the sheet as CSV.
_SPREADSHEET_EXTENSIONS: tuple[str, ...] = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")
#: The values ``format=`` accepts.
FORMATS: tuple[str, ...] = ("article", "text", "markdown", "html", *TABLE_FORMATS)


@dataclass(frozen=True)
class LoaderOptions:
    """The reading options of ``load_corpus`` that :func:`load_files` needs (picklable)."""

    format: str | None = None
    columns: Mapping[str, str | None] | None = None
    title_from_first_line: bool = True


#: The start of an HTML page (a title line that begins so names the file as one saved under another name).
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)

_Options = LoaderOptions  # the name analysis.scale used before LoaderOptions was public


def unknown_format(label: str, suffix: str, log: LoadLog, *, in_folder: bool) -> None:
    """Log a file of an unknown format: a note (ignored) inside a folder, else a failure naming the
    supported extensions and ``format=``."""
    problem = f"unknown format {suffix or '(no extension)'!r}"
    supported = ", ".join(EXTENSIONS)
    spreadsheet = suffix.lower() in _SPREADSHEET_EXTENSIONS
    if in_folder:
        save = "; a spreadsheet: save it as CSV to load it" if spreadsheet else ""
        log.note(label, f"not a document: {problem} (supported: {supported}){save}", "ignored")
    elif spreadsheet:
        log.fail(label, f"{problem}: a spreadsheet, which is not read; supported extensions: {supported}",
                 "save it as CSV (in Excel: File > Save As > CSV UTF-8) and load the CSV file")
    else:
        log.fail(label, f"{problem}; supported extensions: {supported}",
                 f"pass format= (one of {', '.join(FORMATS)}) to read it as one of them (in a report: "
                 "-p format=NAME; with analyze: --format NAME)")


def not_a_corpus(folder: Path, log: LoadLog) -> bool:
    """True (the problem logged) when ``folder`` is a saved analysis, whose Parquet parts are tables
    of results, not articles."""
    marker = saved_analysis_file(folder)
    if marker is not None:
        log.fail(folder, f"a saved analysis (it has {marker}), not a corpus",
                 f"read it with wb.load_analysis({str(folder)!r}), query it with wb.query or report on it "
                 "(python -m analysis report corpus_report --corpus FOLDER); to analyse again, give the "
                 "articles' file or folder")
    return marker is not None


def walk_folder_logged(folder: Path, log: LoadLog) -> tuple[list[Path], list[Path], set[Path]]:
    """:func:`walk_folder`, its problems logged: what was left out as a note, an unreadable sub-folder
    as a failure."""
    problems: list[tuple[Path, str, str]] = []
    found = walk_folder(folder, problems=problems)
    for path, problem, kind in problems:
        if kind == "ignored":
            log.note(path, problem, "ignored")
        else:
            log.fail(path, problem, "give yourself read and execute permission on it, or remove it")
    return found


def walk_folder(folder: Path, *, problems: list[tuple[Path, str, str]] | None = None
                ) -> tuple[list[Path], list[Path], set[Path]]:
    """(document files, metadata.csv files, sidecar files) under ``folder``; hidden ones left out.

    Documents are sorted by relative path, compared folder by folder; metadata.csv files from
    the top down (so that deeper ones win). Symbolic links to folders are not followed (no loops).
    ``problems``: if given, gets ``(path, problem, kind)`` for each sub-folder that could not be
    listed (kind "fail") and each symbolic link to a folder or saved analysis inside it (the output
    of ``analyze``/``Analysis.save``) left out (kind "ignored").
    """
    files: list[tuple[tuple[str, ...], Path]] = []
    tables: list[tuple[int, Path]] = []
    sidecars: set[Path] = set()
    def unreadable(exc: OSError) -> None:
        if problems is not None:
            problems.append((Path(exc.filename or folder), f"a folder that cannot be listed ({exc.strerror})", "fail"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        where = Path(root)
        if where != folder and (marker := saved_analysis_file(where)):  # its Parquet parts are tables, not articles
            if problems is not None:
                problems.append((where, f"a saved analysis (it has {marker}), not articles: not read", "ignored"))
            dirs[:] = []
            continue
        if problems is not None:
            for name in dirs:
                if os.path.islink(where / name):
                    problems.append((where / name, "a symbolic link to a folder: not followed", "ignored"))
        relative = where.relative_to(folder).parts
        for name in names:
            if name.startswith("."):
                continue
            path = where / name
            if name.endswith(META_SUFFIXES):
                sidecars.add(path)
            elif name == METADATA_CSV:
                tables.append((len(relative), path))
            else:
                files.append(((*relative, name), path))
    files.sort(key=lambda item: item[0])
    tables.sort(key=lambda item: item[0])
    return [path for _, path in files], [path for _, path in tables], sidecars


def _relative(file: Path, base: Path) -> str:
    """``file`` relative to ``base`` in POSIX form (string work for the usual case of a file under base)."""
    text, prefix = str(file), str(base) + os.sep
    if text.startswith(prefix) and ".." not in text:
        return text[len(prefix):].replace(os.sep, "/")
    return file.relative_to(base).as_posix()


def _parse_file(text: str, fmt: str, options: LoaderOptions) -> dict[str, Any]:
    if fmt == "html":
        return parse_html(text)
    if fmt == "article":
        return parse_article(text)
    if fmt == "txt":
        meta, body = split_metadata(text)
        fields = canonical_fields(meta)
        title = fields.get("title")
        if title == "":  # an empty "Title:" header: no headline, the whole body is text
            return parse_text_file(text, title_from_first_line=False)
        if title is not None and not is_title_line(body, str(title)):  # the header's title is the headline,
            body = " ".join(str(title).split()) + "\n\n" + body      # the body's first line text
        if looks_like_article(body):
            return {**parse_article(body), **fields}
    return parse_text_file(text, title_from_first_line=options.title_from_first_line, markdown=fmt == "markdown")


def _read_document(
    file: Path, fmt: str, label: str, options: LoaderOptions, log: LoadLog
) -> dict[str, Any] | None:
    """The fields of one text/markdown/html file, or None when it was skipped."""
    try:
        data = read_bytes(file)
    except FileProblem as problem:
        log.fail(label, problem.problem, problem.fix)
        return None
    try:
        decoded = decode_html(data) if fmt == "html" else decode_text(data)
    except BinaryFileError as exc:
        log.fail(label, f"looks like a binary file ({exc}), not text",
                 "remove it, or convert it to UTF-8 text")
        return None
    if not decoded.text.strip():
        log.fail(label, "the file is empty", f"remove it or add the article's text, {skip_hint('every such file')}")
        return None
    note_fallback(label, decoded.fallback, log)
    if decoded.encoding not in ("utf-8", "utf-16"):
        bad = (f"; {decoded.replaced} byte(s) not valid in it replaced by \ufffd" if decoded.replaced else "")
        log.note(label, f"not UTF-8: decoded as {decoded.encoding}, the charset the page declares{bad}",
                 f"decoded as {decoded.encoding}")
    try:
        fields = _parse_file(decoded.text, fmt, options)
    except FrontMatterError as exc:
        log.fail(label, str(exc), "fix the YAML block between the '---' lines at the top")
        return None
    if fields.get("title") == "" and fmt in ("txt", "markdown") and options.title_from_first_line:
        log.note(label, "its header's title is empty", "title left empty; the first paragraph is kept as text")
    return fields


def sidecar_layers(file: Path, metadata: Mapping[Path, dict[str, Any]], sidecars: set[Path] | None,
                   log: LoadLog) -> list[tuple[str, dict[str, Any]]]:
    """(where, fields) of the sidecar metadata of ``file``, the weakest first: its metadata.csv row,
    then its .meta.yml. ``sidecars``: the sidecar files known from walking the folder; None: look on disk."""
    layers: list[tuple[str, dict[str, Any]]] = []
    if metadata and (row := metadata.get(file.resolve())):
        layers.append((METADATA_CSV, row))
    for path in sidecar_paths(file):
        if (path in sidecars) if sidecars is not None else path.is_file():
            layers.append((path.name, read_meta_yml(path, log)))
    return layers


def _given(value: object) -> bool:
    """Whether a field holds a value (not None, NaN, NA, "" or [])."""
    if isinstance(value, (list, tuple)):
        return bool(value)
    return value is not None and not (pd.api.types.is_scalar(value) and pd.isna(value)) and str(value).strip() != ""


def _same(a: object, b: object) -> bool:
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return list(a) == list(b) if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) else False
    return " ".join(str(a).split()) == " ".join(str(b).split())


def _sidecar_values(layers: Sequence[tuple[str, Mapping[str, Any]]]) -> Iterator[tuple[str, str, object, str]]:
    """(where, key, value, before) of every sidecar value of one file, the weakest layer first (a
    stronger one is applied over it): the one replacement order of text and table files. ``before``
    names what gave the value it replaces: "the file", or a weaker sidecar."""
    by: dict[str, str] = {}
    for where, values in layers:
        for key, value in values.items():
            yield where, key, value, by.get(key, "the file")
            by[key] = where


def _note_replaced(log: LoadLog, label: str, where: str, key: str, value: object, olds: list[object], before: str,
                   rows: list[int] | None = None) -> None:
    """A load-report entry (action ``replaced``) when sidecar ``value`` replaces a different one among
    ``olds`` (one per row of the file; ``rows``: their row numbers, None for a text file)."""
    changed = [(i, old) for i, old in enumerate(olds) if _given(old) and not _same(old, value)]
    if not changed:
        return
    at = None if rows is None else [rows[i] for i, _ in changed]
    on = "" if at is None or len(at) < 2 else f" on {len(at)} rows"
    log.note(label, f"{where} gives {key} {value!r}, {before} gives {changed[0][1]!r}{on}: the {where} value is "
             "used (sidecar metadata wins)", "replaced", row=at[0] if at and len(at) == 1 else None)


def _unreadable_date(key: str, value: object) -> bool:
    """Whether ``value`` is a publication date (``key`` "published") that cannot be read as one. An ISO
    date or a YAML date inside the representable years is read without the full date parser (about a
    millisecond a value: a folder whose every file has a sidecar date would pay it per file)."""
    if key != "published" or not _given(value):
        return False
    try:
        when = value if isinstance(value, dt.date) else dt.datetime.fromisoformat(str(value).strip())
        if MIN.year < when.year < MAX.year:
            return False
    except ValueError:
        pass
    return _unreadable_date_text(str(value))


@functools.lru_cache(maxsize=4096)
def _unreadable_date_text(value: str) -> bool:
    """:func:`_unreadable_date` of any other text, by the loader's date parser (cached: values repeat)."""
    return bool(parse_published(pd.Series([value], dtype=object))[1].iloc[0])


def _note_kept_date(log: LoadLog, label: str, where: str, value: object, old: object, before: str,
                    rows: list[int] | None = None) -> None:
    """A load-report entry (action ``not used``) when a sidecar's unreadable date does not replace a
    date the file (or a weaker sidecar) gives: a good date is never lost to a bad one."""
    on = "" if rows is None or len(rows) < 2 else f" on {len(rows)} rows"
    log.note(label, f"{where} gives published {value!r}, {UNREADABLE_SIDECAR_DATE}; {before} gives {old!r}"
             f"{on}: that date is kept (correct or remove the {where} value)", "not used",
             row=rows[0] if rows and len(rows) == 1 else None)


def _with_sidecars(fields: dict[str, Any], file: Path, label: str, metadata: Mapping[Path, dict[str, Any]],
                   sidecars: set[Path] | None, log: LoadLog) -> dict[str, Any]:
    """Fields overridden by the file's metadata.csv row, then by its .meta.yml; each value that
    replaces a different one is noted in the load report. An unreadable date does not replace a given
    one (noted as ``not used``)."""
    fields = dict(fields)
    for where, key, value, before in _sidecar_values(sidecar_layers(file, metadata, sidecars, log)):
        if _given(fields.get(key)) and _unreadable_date(key, value):
            _note_kept_date(log, label, where, value, fields[key], before)
            continue
        _note_replaced(log, label, where, key, value, [fields.get(key)], before)
        fields[key] = value
    return fields


def _note_unused_doc_id(log: LoadLog, label: str, where: str, value: object, documents: int) -> None:
    log.note(label, f"{where} gives doc_id {value!r} but the file holds {documents} documents: "
             "not used (one id cannot name several documents)", "not used")


def single_document_layers(layers: Sequence[tuple[str, Mapping[str, Any]]], *, label: str, documents: int,
                           log: LoadLog) -> list[tuple[str, Mapping[str, Any]]]:
    """The sidecar ``layers`` of the table file ``label`` as they apply to its ``documents`` documents: as
    they are for one document; for several, without a doc_id (noted in the load report as ``not used``: one
    id cannot name several documents). For a table read in partitions, which each hold part of the file."""
    if documents <= 1:
        return list(layers)
    kept: list[tuple[str, Mapping[str, Any]]] = []
    for where, values in layers:
        if "doc_id" in values:
            _note_unused_doc_id(log, label, where, values["doc_id"], documents)
            values = {key: value for key, value in values.items() if key != "doc_id"}
        kept.append((where, values))
    return kept


def with_sidecar_metadata(part: pd.DataFrame, *, label: str, layers: Sequence[tuple[str, Mapping[str, Any]]],
                          log: LoadLog, at: np.ndarray | None = None) -> pd.DataFrame:
    """``part`` (rows read from table files, with ``__row__``) with the sidecar metadata of the table file
    ``label`` (``layers``: :func:`sidecar_layers`, the weakest first) put in its rows ``at`` (None: every
    row), as :func:`load_corpus` applies it, in memory or streamed in partitions: every row gets the
    values, a doc_id only when ``at`` is one row (else it is noted as ``not used``; a partition of a file
    applies :func:`single_document_layers` first), an unreadable publication date only where the row has
    none (else noted as ``not used``); a value that replaces a different one is noted in the
    load report (action ``replaced``). Columns: those of ``part``, plus each sidecar key."""
    at = np.arange(len(part)) if at is None else at
    rows = part["__row__"].to_numpy()[at].tolist()
    columns: dict[str, list[object]] = {}
    for where, key, value, before in _sidecar_values(layers):
        if key == "doc_id" and len(at) > 1:
            _note_unused_doc_id(log, label, where, value, len(at))
            continue
        column = columns.setdefault(key, part[key].tolist() if key in part.columns else [None] * len(part))
        into = list(range(len(at)))  # positions in ``at`` that take the value
        if _unreadable_date(key, value):  # a good date is never lost to a bad one
            kept = [j for j in into if _given(column[at[j]])]
            if kept:
                _note_kept_date(log, label, where, value, column[at[kept[0]]], before, [rows[j] for j in kept])
                into = [j for j in into if not _given(column[at[j]])]
        _note_replaced(log, label, where, key, value, [column[at[j]] for j in into], before, [rows[j] for j in into])
        for j in into:
            column[at[j]] = value
    if not columns:
        return part
    return part.assign(**{key: pd.Series(column, index=part.index, dtype=object) for key, column in columns.items()})


def _table_sidecars(parts: list[pd.DataFrame], files: Sequence[Path], formats: Sequence[str | None],
                    metadata: Mapping[Path, dict[str, Any]], sidecars: set[Path] | None, log: LoadLog) -> None:
    """Sidecar metadata applied to the rows of table files (CSV, JSON, ...) in ``parts``
    (:func:`with_sidecar_metadata`, per file)."""
    if not metadata and not sidecars and sidecars is not None:
        return
    layers = {}
    for file, fmt in zip(files, formats):
        if fmt in TABLE_FORMATS:
            found = sidecar_layers(file, metadata, sidecars, log)
            if found:
                layers[file.as_posix()] = found
    if not layers:
        return
    for k, part in enumerate(parts):
        if "__row__" not in part.columns:
            continue  # text, markdown and HTML files: applied as they were read
        labels = part["__file__"].to_numpy(dtype=object)
        for label in set(labels) & set(layers):
            part = with_sidecar_metadata(part, label=label, layers=layers[label], log=log,
                                         at=np.flatnonzero(labels == label))
        parts[k] = part


_CHUNK_RECORDS = 1_000  # JSON records held as Python objects before their columns are converted
_BATCH_RECORDS = 2_000  # a batch of JSON files is turned into a table once it holds this many records


def _column_chunk(values: list[Any]) -> pa.Array | list[Any]:
    """One column of a chunk of JSON records: an Arrow string array when every value is a str or
    None and one is a str (most columns: compact, several times smaller than Python strings), else
    the Python values as they are."""
    kinds = set(map(type, values))
    if str in kinds and kinds <= {str, type(None)}:
        return pa.array(values, type=pa.large_string())
    return values


@dataclass
class _JsonColumns:
    """JSON records gathered column by column: every ``_CHUNK_RECORDS`` records, their columns are
    converted (:func:`_column_chunk`) and the records let go, so a big JSON Lines file or a folder of
    many JSON files is held as compact columns, not as one Python dict per document."""

    found: dict[str, None] = field(default_factory=dict)
    chunks: list[tuple[int, dict[str, pa.Array | list[Any]]]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, records: list[dict[str, Any]], rows: list[int], found: tuple[str, ...] | None = None) -> None:
        """Add records with their row numbers (``found``: their keys in order, if known)."""
        self.found.update(dict.fromkeys(str(k) for record in records for k in record) if found is None
                          else dict.fromkeys(found))
        self.pending.extend(records)
        self.rows.extend(rows)
        if len(self.pending) >= _CHUNK_RECORDS:
            self.seal()

    def seal(self) -> None:
        """Convert the pending records to a chunk of columns."""
        if self.pending:
            names = dict.fromkeys(str(k) for record in self.pending for k in record)
            self.chunks.append((len(self.pending),
                                {name: _column_chunk([record.get(name) for record in self.pending]) for name in names}))
            self.pending = []

    @classmethod
    def from_arrow(cls, found: list[str], chunks: list[tuple[int, dict[str, pa.Array]]]) -> _JsonColumns:
        """The columns of a JSON Lines file read by :func:`arrow_json_lines` (record N on line N; for
        files read by :func:`arrow_json_files` the caller sets the rows), as :meth:`add` would hold
        them: a column without any value is None on every row (Python values)."""
        valid = {name for _, chunk in chunks for name, array in chunk.items() if array.null_count < len(array)}
        columns = cls(found=dict.fromkeys(found))
        for n, chunk in chunks:
            columns.chunks.append((n, {name: array if name in valid else [None] * n for name, array in chunk.items()}))
        columns.rows = list(range(1, sum(n for n, _ in chunks) + 1))
        return columns

    def extend(self, other: _JsonColumns) -> None:
        """Append the records of ``other`` (a file read by :func:`json_line_chunks`)."""
        self.found.update(other.found)
        if other.chunks:
            self.seal()
            self.chunks.extend(other.chunks)
        self.pending.extend(other.pending)
        self.rows.extend(other.rows)
        if len(self.pending) >= _CHUNK_RECORDS:
            self.seal()

    def frame(self, mapping: Mapping[str, object]) -> pd.DataFrame:
        """The records as a table (like ``DataFrame.from_records``), columns in order of first appearance.

        A column that is text in every chunk stays in Arrow (dtype "str", as pandas infers it; the
        title and text columns "string", checked and converted by ``table_documents``); any other is
        built from its Python values as before (title and text as Python objects).
        """
        self.seal()
        raw = {str(c) for t, c in mapping.items() if t in ("title", "text")}
        columns: dict[str, Any] = {}
        for name in self.found:
            pieces = [(n, chunk.get(name)) for n, chunk in self.chunks]
            if all(piece is None or isinstance(piece, pa.Array) for _, piece in pieces):
                arrays = [pa.nulls(n, pa.large_string()) if piece is None else piece for n, piece in pieces]
                dtype = pd.StringDtype("pyarrow") if name in raw else pd.StringDtype("pyarrow", na_value=np.nan)
                columns[name] = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(arrays, pa.large_string()),
                                                                     dtype=dtype))
                continue
            values: list[Any] = []
            for n, piece in pieces:
                values.extend([None] * n if piece is None else piece.to_pylist() if isinstance(piece, pa.Array)
                              else piece)
            columns[name] = pd.Series(values, dtype=object) if name in raw else values
        self.chunks = []
        return pd.DataFrame(columns)


@dataclass
class _JsonBatch:
    """JSON documents of consecutive files with compatible column mappings, turned into one table at
    once (one ``table_documents`` call for thousands of one-article files instead of one per file)."""

    mapping: dict[str, object] = field(default_factory=dict)
    columns: _JsonColumns = field(default_factory=_JsonColumns)
    labels: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def found(self) -> dict[str, None]:
        return self.columns.found


_CORE = ("text", "title")


class _Parts:
    """The documents parts of a list of files, in file order: text records, JSON batches, tables."""

    def __init__(self, options: LoaderOptions, log: LoadLog) -> None:
        self.options, self.log = options, log
        self.parts: list[pd.DataFrame] = []
        self.records: list[dict[str, Any]] = []
        self.batch = _JsonBatch()
        self._mappings: dict[tuple[str, ...], dict[str, object]] = {}
        self._fit_cache: dict[tuple[frozenset[str], tuple[str, ...]], bool] = {}

    def flush(self) -> None:
        if self.records:
            note_pretokenised_files(self.records, self.log)
            self.parts.append(pd.DataFrame.from_records(self.records))
            self.records = []
        batch = self.batch
        if len(batch.columns):
            rows = np.asarray(batch.columns.rows, dtype=np.int64)
            table = batch.columns.frame(batch.mapping)
            frame = table_documents(
                table, rows,
                label=np.asarray(batch.labels, dtype=object), name=np.asarray(batch.names, dtype=object),
                columns=self.options.columns, log=self.log,
            )
            del table
            if frame is not None:
                self.parts.append(frame)
            self.batch = _JsonBatch()

    def text(self, record: dict[str, Any]) -> None:
        if len(self.batch.columns):
            self.flush()
        self.records.append(record)

    def table(self, frame: pd.DataFrame) -> None:
        self.flush()
        self.parts.append(frame)

    def _fits(self, found: tuple[str, ...], mapping: dict[str, object]) -> bool:
        """Whether a file's records can join the batch and load exactly as they would on their own.

        They can when the title and text columns are the same, every documents column found in both
        comes from the same input column, and detection over the joined columns picks the same
        columns (a file without, say, an author column then simply has no author).
        """
        batch = self.batch
        key = (frozenset(batch.found), found)
        fits = self._fit_cache.get(key)
        if fits is None:
            same_core = all(batch.mapping.get(t) == mapping.get(t) for t in _CORE)
            agree = all(batch.mapping[t] == c for t, c in mapping.items() if t in batch.mapping)
            joined = resolve_columns([*batch.found, *(f for f in found if f not in batch.found)], self.options.columns)
            fits = self._fit_cache[key] = same_core and agree and joined == {**batch.mapping, **mapping}
        return fits

    def json_files(self, files: Sequence[Path], base: Path) -> int:
        """Add the first of ``files`` (one-object JSON files) read together by Arrow
        (:func:`arrow_json_files`), as many as :meth:`json` would add one by one to the current batch,
        and as it would; returns how many were added (0: none, read them one by one)."""
        anew = bool(self.records) or len(self.batch.columns) >= _BATCH_RECORDS  # the first file starts a batch
        group = files[: _BATCH_RECORDS if anew else _BATCH_RECORDS - len(self.batch.columns)]
        read = arrow_json_files(group) if len(group) > 1 else None
        if read is None:
            return 0
        found, chunks = read
        mapping = self._mappings.get(tuple(found))
        if mapping is None:
            mapping = usable_mapping(found, self.options.columns, group[0].as_posix(), LoadLog("skip"))
            if mapping is None:  # (read one by one, the file names its problem)
                return 0
            self._mappings[tuple(found)] = mapping
        if anew:
            self.flush()
        elif len(self.batch.columns) and not self._fits(tuple(found), mapping):
            return 0  # the first file starts a new batch (read one by one), the next ones join it
        batch = self.batch
        columns = _JsonColumns.from_arrow(found, chunks)
        columns.rows = [1] * len(group)
        batch.mapping = {**batch.mapping, **mapping}
        batch.columns.extend(columns)
        batch.labels.extend(f.as_posix() for f in group)
        batch.names.extend(_relative(f, base) for f in group)
        return len(group)

    def json(self, records: list[dict[str, Any]] | _JsonColumns, rows: list[int], label: str, name: str) -> None:
        """Add the JSON records of one file (a list of records with their ``rows``, or the columns
        of a JSON Lines file read in chunks, ``rows`` then unused)."""
        if isinstance(records, _JsonColumns):
            found, n = tuple(records.found), len(records)
        else:
            found, n = tuple(dict.fromkeys(str(k) for record in records for k in record)), len(records)
        mapping = self._mappings.get(found)
        if mapping is None:
            mapping = usable_mapping(list(found), self.options.columns, label, self.log)
            if mapping is None or not n:
                if mapping is not None:
                    self.log.fail(label, "the table has no rows", "remove the file or add rows")
                return
            self._mappings[found] = mapping
        batch = self.batch
        if self.records or (len(batch.columns) and (len(batch.columns) >= _BATCH_RECORDS
                                                    or not self._fits(found, mapping))):
            self.flush()
            batch = self.batch
        batch.mapping = {**batch.mapping, **mapping}
        if isinstance(records, _JsonColumns):
            batch.columns.extend(records)
        else:
            batch.columns.add(records, rows, found)
        batch.labels.extend([label] * n)
        batch.names.extend([name] * n)


def load_files(files: Sequence[Path], base: Path, options: LoaderOptions, metadata: Mapping[Path, dict[str, Any]],
               sidecars: set[Path] | None, log: LoadLog, *, in_folder: bool) -> list[pd.DataFrame]:
    """Documents parts of ``files`` in file order, ready for :func:`analysis.corpus.documents.assemble`.

    ``base``: the folder names are relative to (for hashed doc ids); labels (``source``) are the
    paths as given. ``options``: format, columns, title_from_first_line (:class:`LoaderOptions`).
    ``metadata``: fields per resolved file path from ``metadata.csv`` files; ``sidecars``: the
    ``.meta.yml`` files known from walking the folder (None: look on disk). ``in_folder``: an
    unknown extension is noted as ignored (True) or is an error (False). Problems go to ``log``.

    Any mix of formats: text, markdown and HTML files become one record each; consecutive JSON and
    JSON Lines files sharing a column mapping are batched into one table; one-object JSON files with
    the same text-only keys are parsed together by Arrow (:func:`arrow_json_files`), as is a JSON Lines
    file of such objects (:func:`arrow_json_lines`), any other file on its own; CSV, TSV and Parquet
    files are one table each. Title and text fields of tables that hold HTML markup are converted to
    text (:func:`analysis.corpus.html.convert_html_fields`); sidecar metadata applies to every file kind
    (see :mod:`analysis.corpus.sidecars`); both noted in the load report. This is what ``load_corpus``
    runs, and what a streaming worker runs on its share of a folder.
    """
    parts = _Parts(options, log)
    formats = [options.format or EXTENSIONS.get(file.suffix.lower()) for file in files]
    done = 0  # files before this one were read together with an earlier one
    for k, (file, fmt) in enumerate(zip(files, formats)):
        if k < done:
            continue
        rel, label = _relative(file, base), file.as_posix()
        if fmt is None:
            unknown_format(label, file.suffix, log, in_folder=in_folder)
            continue
        if fmt == "json" and k + 1 < len(files) and formats[k + 1] == "json":  # one-article files, together
            stop, last = k + 1, min(len(files), k + _BATCH_RECORDS)
            while stop < last and formats[stop] == "json":
                stop += 1
            done = k + parts.json_files(files[k:stop], base)
            if done > k:
                continue
        if streams_json_lines(file, fmt):  # read in chunks: never a Python dict per line for the whole file
            read = arrow_json_lines(file)  # a file of one text-only object per line: parsed by Arrow
            columns = _JsonColumns() if read is None else _JsonColumns.from_arrow(*read)
            del read
            if not len(columns):
                for records, rows in json_line_chunks(file, label=label, log=log, size=_CHUNK_RECORDS):
                    columns.add(records, rows)
            parts.json(columns, [], label=label, name=rel)
            del columns
            continue
        if fmt in ("json", "jsonl"):
            read = read_json_records(file, fmt, label=label, log=log)
            if read is not None:
                parts.json(*read, label=label, name=rel)
                del read  # the batch holds the records now (and lets them go when it is turned into a table)
            continue
        if fmt in TABLE_FORMATS:
            read = read_table(file, fmt, label=label, columns=options.columns, log=log)
            frame = None if read is None else table_documents(
                *read, label=label, name=rel, columns=options.columns, log=log
            )
            if frame is not None:
                parts.table(frame)
            continue
        fields = _read_document(file, fmt, label, options, log)
        if fields is None:
            continue
        fields = _with_sidecars(fields, file, label, metadata, sidecars, log)
        if not str(fields.get("text") or "").strip():
            title = str(fields.get("title") or "")
            problem = f"no text after the title line {title!r}" if title else "no text"
            fix = f"add the article's text, or remove the file, {skip_hint('every such file')}"
            if fmt == "html":
                problem = (f"no article text in the page (title {title!r}): what it holds is navigation, banners or "
                           f"a footer, or nothing" if title else "no article text in the page")
                fix = ("remove the file if it is a section, consent or error page, "
                       f"{skip_hint('every such page')}; else save the article's own page")
            elif _HTML_START.match(title):
                problem += " (the file looks like an HTML page)"
                fix = ("name it .html (or pass format='html'; in a report: -p format=html; with analyze: "
                       "--format html) to read it as a web page, or " + fix)
            log.fail(label, problem, fix)
            continue
        parts.text({**fields, "source": label, "__name__": rel, "__file__": label})
    parts.flush()
    _table_sidecars(parts.parts, files, formats, metadata, sidecars, log)
    return parts.parts




def _load_path(given: Path, options: LoaderOptions, log: LoadLog) -> list[pd.DataFrame]:
    if not given.exists():
        problem = file_problem(given) if os.path.islink(given) else None
        if problem is not None:
            log.fail(given, problem.problem, problem.fix)
        else:
            log.fail(given, "no such file or folder", f"check the path (relative paths start at {Path.cwd()})")
        return []
    if given.is_dir():
        if not_a_corpus(given, log):
            return []
        files, tables, sidecars = walk_folder_logged(given, log)
        if not any(options.format or f.suffix.lower() in EXTENSIONS for f in files):
            log.fail(given, "no document files in the folder",
                     f"add files with one of the extensions {', '.join(EXTENSIONS)}")
        documents = [f for f in files if options.format or f.suffix.lower() in EXTENSIONS]
        beside = {p for f in documents for p in sidecar_paths(f)} if sidecars else set()  # (none: no lookups)
        for path in sorted(sidecars - beside):
            log.note(path, "metadata sidecar without a document file of the same name beside it", "ignored")
        metadata: dict[Path, dict[str, Any]] = {}
        known = {f.resolve() for f in documents} if tables else set()
        for table in tables:
            entries = read_metadata_csv(table, log)
            for path in sorted(set(entries) - known):
                log.note(table, f"names {path.name!r}, which is not a document file in the folder", "ignored")
            metadata.update(entries)
        return load_files(files, given, options, metadata, sidecars, log, in_folder=True)
    folder_metadata = given.parent / METADATA_CSV
    metadata = read_metadata_csv(folder_metadata, log) if folder_metadata.is_file() else {}
    return load_files([given], given.parent, options, metadata, None, log, in_folder=False)


def _table_columns(sources: Sequence[str | os.PathLike[str]], format: str | None) -> list[str]:  # noqa: A002
    """The column names of the first CSV, TSV, JSON Lines or Parquet file among ``sources`` (named
    directly), read from its first line or schema; [] when there is none or it cannot be read."""
    for given in sources:
        path = Path(given)
        fmt = format or EXTENSIONS.get(path.suffix.lower())
        if fmt not in ("csv", "tsv", "jsonl", "parquet") or not path.is_file():
            continue
        try:
            if fmt == "parquet":
                import pyarrow.parquet as pq

                return list(pq.read_schema(path).names)
            with open(path, encoding="utf-8-sig", errors="replace") as handle:
                first = handle.readline()
            if fmt == "jsonl":
                import json

                record = json.loads(first)
                return [str(k) for k in record] if isinstance(record, dict) else []
            return [str(c) for c in pd.read_csv(io.StringIO(first), sep="\t" if fmt == "tsv" else None,
                                                engine="python", nrows=0).columns]
        except (OSError, ValueError, pa.ArrowException, pd.errors.ParserError):
            return []
    return []


def _drop_duplicates(documents: pd.DataFrame, log: LoadLog) -> pd.DataFrame:
    dropped = documents["duplicate_of"].notna().to_numpy(dtype=bool)
    if not dropped.any():
        return documents
    rows = documents[dropped]
    columns = ("__file__", "__row__", "doc_id", "duplicate_of")
    wanted = set(rows["duplicate_of"])
    kept = documents[documents["doc_id"].isin(wanted)]
    where = {d: f"{f}" + ("" if pd.isna(r) else f", row {int(r)}")
             for d, f, r in zip(kept["doc_id"], kept["__file__"], kept["__row__"])}
    for file, row, doc_id, original in zip(*(rows[c] for c in columns)):
        row = None if pd.isna(row) else int(row)
        origin = f" in {where[original]}" if original in where else ""
        log.note(file, f"duplicate of doc_id {original}{origin} (this is doc_id {doc_id})", DROPPED_DUPLICATE, row=row)
    log.warn_later(
        f"{int(dropped.sum())} duplicate document(s) left out (drop_duplicates=True: each a near-identical copy "
        f"of an earlier document), listed in {REPORT_PLACE}"
    )
    return documents[~dropped].reset_index(drop=True)


#: How messages and the ``source`` column name a DataFrame given to :func:`load_corpus`.
_DATAFRAME = "the DataFrame"


@output_columns("documents")
def load_corpus(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | pd.DataFrame,
    *,
    format: str | None = None,  # noqa: A002 - the name the issue asks for
    columns: Mapping[str, str | None] | None = None,
    errors: Literal["raise", "skip"] = "raise",
    drop_duplicates: bool = False,
    title_from_first_line: bool = True,
    dayfirst: bool | None = None,
) -> pd.DataFrame:
    """Load files and folders of news articles into the documents table.

    ``source``: a file, a folder (read recursively, files in sorted order; hidden files,
    ``*.meta.yml`` and ``metadata.csv`` are not documents) or a list of them; or a pandas
    DataFrame of one's own, read as a table file is (its columns found by name, ids made where it
    has none, dates parsed, copies flagged; messages name it "the DataFrame", rows from 1). ``format``: read
    every file as one of :data:`FORMATS` instead of going by extension. ``columns``: for tables,
    documents column -> input column (None turns detection off). ``errors``: "raise" an
    :class:`~analysis.errors.InputError` at the first bad item, or "skip" bad items (listed in
    the load report, one warning with the count). ``drop_duplicates``: drop the rows flagged in
    ``duplicate_of``. ``title_from_first_line``: for plain text and markdown. ``dayfirst``: for
    numeric dates like 09/05/2024 (None: decided from the data, day-first when ambiguous).

    Returns the documents table (the columns below, then other metadata columns);
    ``attrs["load_report"]`` lists what was skipped, ignored, dropped or altered (a list of
    dicts with source, row, line, problem, action; see :func:`analysis.corpus.loader_report`).
    """
    log = LoadLog(errors)
    if format is not None and format not in FORMATS:
        raise ValueError(
            f"format must be one of {', '.join(FORMATS)} (or None to go by extension), not {format!r}"
        )
    if set(columns or {}) - set(MAPPABLE):  # the error names the columns of the table given
        found = ([str(c) for c in source.columns] if isinstance(source, pd.DataFrame)
                 else _table_columns([source] if isinstance(source, (str, os.PathLike)) else list(source), format))
        resolve_columns(found, columns)
    options = LoaderOptions(format, columns, title_from_first_line)
    with collector_paused():  # (collections during the load would walk every object it holds; resumed after)
        if isinstance(source, pd.DataFrame):
            frame = None
            if len(source):
                frame = table_documents(source.reset_index(drop=True), np.arange(1, len(source) + 1),
                                        label=_DATAFRAME, name=_DATAFRAME, columns=columns, log=log)
            else:  # (a table file's fix, "remove the file or add rows", means nothing for a DataFrame)
                log.fail(_DATAFRAME, "the table has no rows", "pass a DataFrame with one row per article "
                         "(a text column, a title column or both)")
            parts = [] if frame is None else [frame]
        else:
            sources = [source] if isinstance(source, (str, os.PathLike)) else list(source)
            parts = [part for given in sources for part in _load_path(Path(given), options, log)]
        documents = assemble(parts, log, dayfirst=dayfirst)
        documents = flag_duplicates(documents)
    if drop_duplicates:
        documents = _drop_duplicates(documents, log)
    documents = documents.drop(columns=list(INTERNAL_COLUMNS))
    documents.attrs["load_report"] = log.entries
    log.emit(stacklevel=3)
    return documents
