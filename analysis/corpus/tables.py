"""Tabular corpora (CSV, TSV, JSON Lines, JSON, Parquet) to documents rows, vectorised.

* Columns are found by name (see :mod:`analysis.corpus.fields`) or given with ``columns=``.
* Row numbers: ``row N`` is the 1-based data row (the header is not counted; a row over several
  lines counts once; rows after a skipped one keep their numbers) for CSV, TSV, JSON arrays and
  Parquet, and the line number for JSON Lines.
* A CSV is comma-separated unless its header line says otherwise (:func:`table_separator`). A
  quotation mark left open, which would merge the rows after it into its field, is an error naming
  the row, or is skipped (see :func:`_careful_read`).
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

import codecs
import csv
import io
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.corpus.bytescan import sparse_flatnonzero
from analysis.corpus.decode import BinaryFileError, Decoded, decode_text, find_nul_in_file, sniff_encoding
from analysis.corpus.files import FileProblem, file_problem, read_bytes
from analysis.corpus.fields import as_strings, clash_name, resolve_columns
from analysis.corpus.html import convert_html_fields
from analysis.corpus.report import LoadLog, skip_hint
from analysis.corpus.tokenised import prefer_untokenised
from analysis.errors import json_problem

__all__ = ["MEDIA_CLOUD_COLUMNS", "TABLE_FORMATS", "arrow_json_files", "arrow_json_lines", "has_unclosed_quotes",
           "json_line_items", "json_objects", "note_fallback", "read_json_records", "read_table", "table_documents",
           "table_separator", "usable_mapping"]

TABLE_FORMATS: tuple[str, ...] = ("csv", "tsv", "jsonl", "json", "parquet")
#: Columns typical of Media Cloud story exports (two or more of them name the warning after it).
MEDIA_CLOUD_COLUMNS = frozenset(
    {"stories_id", "media_id", "media_name", "media_url", "indexed_date", "ap_syndicated",
     "processed_stories_id"}
)
_RECORD_KEYS = ("results", "data", "stories", "articles", "items", "documents", "records")
_RECORD_KEY_SET = frozenset(_RECORD_KEYS)
_SKIP_FIX = f"fix it, {skip_hint()}"


def _unreadable(label: str, problem: FileProblem, log: LoadLog) -> None:
    log.fail(label, problem.problem, problem.fix)


def _binary(label: str, exc: BinaryFileError, what: str, fix: str, log: LoadLog) -> None:
    log.fail(label, f"looks like a binary file ({exc}), not {what}", fix)


def note_fallback(label: str, fallback: dict[int, str], log: LoadLog, *, unit: str = "line",
                  rows: dict[int, int] | None = None) -> None:
    """Load-report entries for lines decoded with a fallback encoding.

    ``unit="line"``: one entry for the file listing its lines (text and JSON files);
    ``unit="row"``/``"each line"``: one entry per table row (``rows`` maps line -> row) or JSON Lines line.
    """
    if not fallback:
        return
    if unit == "line":
        by_encoding: dict[str, list[int]] = {}
        for line, encoding in sorted(fallback.items()):
            by_encoding.setdefault(encoding, []).append(line)
        for encoding, lines in by_encoding.items():
            shown = ", ".join(map(str, lines[:10])) + (f", ... ({len(lines)} lines)" if len(lines) > 10 else "")
            log.note(label, f"not valid UTF-8 on line(s) {shown}; those lines decoded as {encoding}, "
                     "the rest as UTF-8", f"decoded as {encoding}")
        return
    done: set[int] = set()
    for line, encoding in sorted(fallback.items()):
        row = rows.get(line) if rows is not None else None
        if unit == "row":
            if row is None or row in done:
                continue
            done.add(row)
            log.note(label, f"not valid UTF-8; this row decoded as {encoding}", f"decoded as {encoding}", row=row)
        else:
            log.note(label, f"not valid UTF-8; this line decoded as {encoding}", f"decoded as {encoding}", line=line)


def _read_decoded(path: Path, label: str, log: LoadLog) -> Decoded | None:
    """The decoded text of a JSON or JSON Lines file, or None (logged) when it is unreadable, empty or binary."""
    try:
        data = read_bytes(path)
    except FileProblem as problem:
        _unreadable(label, problem, log)
        return None
    if not data or data.isspace():
        log.fail(label, "the file is empty", f"remove it or add content, {skip_hint('every such file')}")
        return None
    try:
        return decode_text(data)
    except BinaryFileError as exc:
        _binary(label, exc, "text", "remove it or export it as UTF-8 text", log)
        return None


def _csv_rows(text: str, sep: str) -> dict[int, int]:
    """Line number (1-based) -> data row (1-based, header not counted) for every line of a delimited text."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    rows: dict[int, int] = {}
    first = 1
    for number, _ in enumerate(reader):
        for line in range(first, reader.line_num + 1):
            rows[line] = number
        first = reader.line_num + 1
    return rows


def string_columns(header: Any, columns: Any) -> dict[Any, type] | None:
    """Columns read as text (never as numbers): every column that fills a documents column."""
    mapped = [c for c in resolve_columns(header, columns).values() if c in header and c is not None]
    return {c: str for c in mapped} or None


_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def _separator_counts(line: str) -> dict[str, int]:
    """How often each separator of ``_SEPARATORS`` occurs in ``line`` outside quotation marks."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


def table_separator(head: bytes, fmt: str, *, label: str, log: LoadLog | None = None) -> str:
    """The field separator of a ``csv`` or ``tsv`` table whose file starts with ``head``.

    A TSV is tab-separated. A CSV is comma-separated unless its header line (outside quotation
    marks) holds more semicolons, tabs or pipes than commas, as European spreadsheet exports do
    (``title;text;date``): then the most frequent of them, and (``log`` given) a load-report note
    "read as semicolon-separated" (tab-, pipe-).
    """
    if fmt != "csv":
        return "\t"
    text = head.decode(sniff_encoding(head), errors="replace").removeprefix("\ufeff")
    counts = _separator_counts(text.split("\n", 1)[0])
    sep = max(counts, key=counts.__getitem__)  # the comma on a tie (it comes first)
    if sep != "," and log is not None:
        name = _SEPARATORS[sep]
        log.note(label, f"the header line is separated by {name}s, not commas", f"read as {name}-separated")
    return sep


def _rewind(source: Any) -> None:
    if hasattr(source, "seek"):
        source.seek(0)


def _text_lines(source: Any, encoding: str | None) -> io.TextIOBase:
    """The text of a delimited table (a path read with ``encoding``, or a StringIO) for the csv module."""
    if isinstance(source, io.StringIO):
        return io.StringIO(source.getvalue(), newline="")
    return open(source, encoding=encoding, newline="")  # noqa: SIM115 - closed by the caller's with


_FIELD_LIMIT = 2**31 - 1  # (csv's default limit, 131,072 characters, is less than a long article)


def _record_spans(lines: Iterable[str], sep: str) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, kind) of each record of a delimited text, read strictly by the csv
    module. Kind "blank" (an empty line, which pandas skips), "row", "unclosed": a quoted field that
    runs on over a line break and is not closed where its field ends (its closing quotation mark is
    followed by something other than the separator or a line end) - the mark of a quotation mark left
    open, which swallows the lines after it up to the next one - or "unclosed at the end": the file
    ends inside a quoted field."""
    reader = csv.reader(lines, delimiter=sep, strict=True)
    end = 0
    limit = csv.field_size_limit(_FIELD_LIMIT)
    try:
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the reader goes on at the line after the one it failed on
                start, end = end + 1, reader.line_num
                if "unexpected end of data" in str(exc):
                    yield start, end, "unclosed at the end"
                else:
                    yield start, end, "unclosed" if end > start else "row"
                continue
            start, end = end + 1, reader.line_num
            blank = not record or (len(record) == 1 and end == start and not record[0].strip(" \t"))
            yield start, end, "blank" if blank else "row"
    finally:
        csv.field_size_limit(limit)


def _has_line_breaks(table: pd.DataFrame) -> bool:
    """Whether any text value of ``table`` holds a line break (only then can a quotation mark left
    open have merged rows)."""
    for column in table.columns:
        values = table[column]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            try:
                if values.str.contains("\n", regex=False, na=False).any():
                    return True
            except AttributeError:  # (an object column of no text, such as True/False with gaps)
                continue
    return False


def has_unclosed_quotes(source: Any, *, sep: str, encoding: str | None) -> bool:
    """Whether a delimited table (a file path, or a StringIO) holds a quotation mark left open (see
    :func:`read_table`): then only the whole-file read of :func:`read_table` names or skips its row."""
    with _text_lines(source, encoding) as lines:
        return any(kind.startswith("unclosed") for _, _, kind in _record_spans(lines, sep))


def _read_csv(source: Any, sep: str, encoding: str | None, dtype: Any, log: LoadLog,
              **options: Any) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """``pandas.read_csv``; with errors='skip', rows of more fields than expected are left out:
    returns the table and (pandas' line number, problem) of each. Raises ``ParserError`` otherwise."""
    kwargs = {"sep": sep, "dtype": dtype, **options}
    if encoding is not None:
        kwargs["encoding"] = encoding
    try:
        return pd.read_csv(source, **kwargs), []
    except pd.errors.ParserError:
        if log.errors == "raise":
            raise
    _rewind(source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        table = pd.read_csv(source, on_bad_lines="warn", **kwargs)
    skipped = []
    for warning in caught:
        for message in str(warning.message).splitlines():
            if message.startswith("Skipping line "):
                number, _, problem = message[len("Skipping line ") :].partition(": ")
                skipped.append((int(number), problem.strip()))
    return table, skipped


def _extra_field(table: pd.DataFrame, source: Any, sep: str, encoding: str | None, dtype: Any, label: str,
                 log: LoadLog) -> pd.DataFrame | None:
    """A table whose data rows have one field more than the header (pandas then silently takes the
    first field as the index and shifts every column): read correctly when the extra last field is
    empty on every row (a trailing separator), else an error naming the first row that fills it."""
    header = list(table.columns)
    last = table[header[-1]] if header else pd.Series(dtype=object)
    filled = last.notna() & (last.astype("string").str.strip() != "")
    n = len(header)
    if filled.any():
        row = int(np.flatnonzero(filled.to_numpy(dtype=bool))[0]) + 1
        log.fail(label, f"data rows have {n + 1} fields but the header has {n} (row {row} has a value in "
                 f"field {n + 1}, which no column name covers); the columns would be shifted",
                 "add the missing column name to the header row, or remove the extra field")
        return None
    _rewind(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        fixed, _ = _read_csv(source, sep, encoding, dtype, log, index_col=False)
    log.note(label, f"every data row ends with an empty extra field (a trailing {'comma' if sep == ',' else 'separator'}): "
             f"{n + 1} fields under a header of {n}; the empty last field was ignored", "ignored trailing field")
    return fixed


def _read_delimited(path: Path, fmt: str, label: str, columns: Any, log: LoadLog
                    ) -> tuple[pd.DataFrame, np.ndarray] | None:
    problem = file_problem(path)
    if problem is not None:
        _unreadable(label, problem, log)
        return None
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if not head.strip():
        log.fail(label, "the file is empty", f"remove it or add a header row and data rows, {skip_hint('every such file')}")
        return None
    nul = find_nul_in_file(path)
    if nul is not None:
        _binary(label, nul, "a text table", "remove it or export it as UTF-8 CSV/TSV", log)
        return None
    sep = table_separator(head, fmt, label=label, log=log)
    first = sniff_encoding(head)
    try:
        read = _parse_delimited(path, sep, first, label, columns, log)
    except UnicodeDecodeError:  # a stray byte: decode line by line, only bad lines fall back
        decoded = decode_text(path.read_bytes())
        source = io.StringIO(decoded.text)
        read = _parse_delimited(source, sep, None, label, columns, log)
        if read is not None:
            note_fallback(label, decoded.fallback, log, unit="row", rows=_csv_rows(decoded.text, sep))
    return read


def _parse_delimited(source: Any, sep: str, encoding: str | None, label: str, columns: Any,
                     log: LoadLog) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The table and its data row numbers. A table whose reading went wrong (a quotation mark left
    open, rows of too many fields) is read again by :func:`_careful_read`, which names the row."""
    options = {} if encoding is None else {"encoding": encoding}
    try:
        header = pd.read_csv(source, sep=sep, nrows=0, **options).columns
        _rewind(source)
        dtype = string_columns(header, columns)
        table, skipped = _read_csv(source, sep, encoding, dtype, log)
    except pd.errors.EmptyDataError:
        log.fail(label, "the file is empty", f"remove it or add a header row and data rows, {skip_hint('every such file')}")
        return None
    except pd.errors.ParserError:
        pass
    else:
        if not skipped and not (_has_line_breaks(table) and has_unclosed_quotes(source, sep=sep, encoding=encoding)):
            if not isinstance(table.index, pd.RangeIndex):
                table = _extra_field(table, source, sep, encoding, dtype, label, log)
                if table is None:
                    return None
            return table, np.arange(1, len(table) + 1)
    _rewind(source)
    return _careful_read(source, sep, encoding, label, columns, log)


def _is_row(line: str, sep: str, width: int) -> bool:
    """Whether one line, read on its own, is a whole row of ``width`` fields."""
    try:
        return len(next(csv.reader([line], delimiter=sep, strict=True))) == width
    except (csv.Error, StopIteration):
        return False


def _unclosed_problem(lines: int, eof: bool) -> str:
    """What is wrong with a row whose quoted field, left open, took in the next ``lines`` lines."""
    if eof:
        return (f"unclosed quotation mark: a quoted field runs on past the end of its line to the end of the "
                f"file ({lines} more line(s)), whose rows would be merged into this one")
    return (f"unclosed quotation mark: a quoted field runs on past the end of its line and takes in the next "
            f"{lines} line(s), whose rows would be merged into this one")


_UNCLOSED_FIX = ('close the quotation mark (a quotation mark inside a quoted field is written twice: ""), '
                 + skip_hint("the row"))
_FIELD_COUNT = re.compile(r"[Ee]xpected (\d+) fields in line (\d+), saw (\d+)")
_SKIPPED_COUNT = re.compile(r"expected (\d+) fields, saw (\d+)")


def _careful_read(source: Any, sep: str, encoding: str | None, label: str, columns: Any,
                  log: LoadLog) -> tuple[pd.DataFrame, np.ndarray] | None:
    """Read a delimited table whose plain reading went wrong, naming each bad row by its data row
    (the README's ``row N``: header not counted, a row over several lines counted once).

    A row with a quotation mark left open is an error naming it, or (errors='skip') is left out:
    its own line alone when the lines it swallowed read as whole rows of the table (they are then
    loaded), else with them. Rows of too many fields are an error naming the row, or are skipped.
    The other rows keep the numbers they have in the file."""
    with _text_lines(source, encoding) as handle:
        lines = handle.readlines()
    original = list(range(1, len(lines) + 1))  # line of the file of each line read now
    dropped: list[tuple[int, str]] = []  # (line of the file, problem) of each row left out
    while True:
        spans = list(_record_spans(io.StringIO("".join(lines), newline=""), sep))
        records = [(start, end, kind) for start, end, kind in spans if kind != "blank"]
        if not records or not records[0][2].startswith("unclosed"):
            bad = [(k, start, end, kind) for k, (start, end, kind) in enumerate(records) if kind.startswith("unclosed")]
        else:
            start, end, _ = records[0]
            log.fail(label, "unclosed quotation mark in the header row: it runs on past the end of line "
                     f"{original[start - 1]}", 'close the quotation mark (a quotation mark inside a quoted field is '
                     'written twice: "")')
            return None
        if not bad:
            break
        top, bottom, _ = records[0]  # the header row's lines
        width = len(next(csv.reader(["".join(lines[top - 1:bottom])], delimiter=sep)))
        drop: set[int] = set()
        for k, start, end, kind in bad:
            problem = _unclosed_problem(end - start, kind == "unclosed at the end")
            if log.errors == "raise":
                log.fail(label, problem, _UNCLOSED_FIX, row=k, line=original[start - 1])
            swallowed = [line for line in lines[start:end] if line.strip()]
            if swallowed and all(_is_row(line, sep, width) for line in swallowed):
                drop.add(start)
                problem += "; the line(s) it took in were read as rows"
            else:
                drop.update(range(start, end + 1))
                if end > start:
                    problem += f"; lines {original[start - 1]}-{original[end - 1]} were skipped with it"
            dropped.append((original[start - 1], problem))
        lines = [line for number, line in enumerate(lines, start=1) if number not in drop]
        original = [line for number, line in enumerate(original, start=1) if number not in drop]
    # data row numbers: the rows read now and the rows left out, in the order of the file
    data = [original[start - 1] for start, _, _ in records[1:]]
    at = sorted([(line, False) for line in data] + [(line, True) for line, _ in dropped])
    numbers = {(line, left_out): row for row, (line, left_out) in enumerate(at, start=1)}
    for line, problem in sorted(dropped):
        log.note(label, problem, "skipped", row=numbers[(line, True)], line=line)
    rows = [numbers[(line, False)] for line in data]
    pandas_line = {k: j for j, k in enumerate(  # pandas' line N (blank lines counted): record j of data
        [n for n, (_, _, kind) in enumerate(spans, start=1) if kind != "blank"][1:])}
    fixed = io.StringIO("".join(lines))
    try:
        header = pd.read_csv(fixed, sep=sep, nrows=0).columns
        fixed.seek(0)
        dtype = string_columns(header, columns)
        table, skipped = _read_csv(fixed, sep, None, dtype, log)
    except pd.errors.ParserError as exc:
        message = " ".join(str(exc).split())
        count = _FIELD_COUNT.search(message)
        if count is None or int(count.group(2)) not in pandas_line:
            log.fail(label, f"not a well-formed table ({message})", _SKIP_FIX)
            return None
        expected, line, saw = map(int, count.groups())
        log.fail(label, f"{saw} fields where {expected} were expected", _fields_fix(sep),
                 row=rows[pandas_line[line]])
        return None
    left_out = set()
    for line, problem in skipped:
        count = _SKIPPED_COUNT.search(problem)
        if count is None or line not in pandas_line:
            log.note(label, f"malformed line: {problem}", "skipped", line=line)
            continue
        left_out.add(pandas_line[line])
        log.note(label, f"{count.group(2)} fields where {count.group(1)} were expected", "skipped",
                 row=rows[pandas_line[line]])
    rows = [row for j, row in enumerate(rows) if j not in left_out]
    if not isinstance(table.index, pd.RangeIndex):
        table = _extra_field(table, fixed, sep, None, dtype, label, log)
        if table is None:
            return None
    if len(rows) != len(table):  # (the csv module and pandas split the text differently: numbered as read)
        rows = list(range(1, len(table) + 1))
    return table, np.asarray(rows, dtype=np.int64)


def _fields_fix(sep: str) -> str:
    name = _SEPARATORS.get(sep, "separator")
    return (f"remove the extra field(s) or add their column name(s) to the header row (a value holding a {name} "
            f"must be in quotation marks), {skip_hint('the row')}")


def _records(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if _RECORD_KEY_SET.isdisjoint(data):  # one article (the usual one-file-per-article case)
            return [data]
        for key in _RECORD_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return [data]


def json_objects(
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
                     'make each item a JSON object like {"title": ..., "text": ...}, ' + skip_hint(), **where)
    return records, rows




_DEEP = "nested too deeply (deeper than Python's recursion limit)"

#: A JSON escape of a UTF-16 surrogate (``\ud800``): JSON text may hold one without its pair, which
#: Python decodes to a lone surrogate that no UTF-8 text can hold.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_NOTE = ("a lone UTF-16 surrogate escape (such as \\ud800) in the JSON text, which is no character",
                   "replaced with U+FFFD, the replacement character")


def _without_lone_surrogates(value: Any) -> tuple[Any, int]:
    """``value`` (parsed JSON) with every lone surrogate in its texts (keys and values, at any depth)
    replaced by U+FFFD, as undecodable bytes are, and how many were replaced. Surrogate pairs are
    already one character once parsed, so any surrogate left is a lone one."""
    if isinstance(value, str):
        return _LONE_SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        pairs = [_without_lone_surrogates(item) for item in value]
        return [item for item, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        out, total = {}, 0
        for key, item in value.items():
            (key, n_key), (item, n_item) = _without_lone_surrogates(key), _without_lone_surrogates(item)
            out[key], total = item, total + n_key + n_item
        return out, total
    return value, 0


def _parsed_json(text: str, label: str, log: LoadLog, *, line: int | None = None) -> Any:
    """``json.loads(text)``, lone surrogates replaced (:func:`_without_lone_surrogates`) and noted in
    the load report (at ``line``; for a whole file, at each row that held one)."""
    parsed = json.loads(text)
    if not _SURROGATE_ESCAPE.search(text):
        return parsed
    if line is not None:
        parsed, replaced = _without_lone_surrogates(parsed)
        if replaced:
            log.note(label, *_SURROGATE_NOTE, line=line)
        return parsed
    items = _records(parsed)
    cleaned = []
    for row, item in enumerate(items, start=1):
        item, replaced = _without_lone_surrogates(item)
        if replaced:
            log.note(label, *_SURROGATE_NOTE, row=row)
        cleaned.append(item)
    return cleaned


def json_line_items(lines: Iterable[tuple[int, str]], label: str, log: LoadLog) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for each non-blank JSON Lines line; a malformed line (or one nested
    too deeply) is reported to ``log`` (an error naming the line, or a skip) and yields nothing; a
    lone surrogate escape is replaced and noted (:func:`_without_lone_surrogates`)."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            yield number, _parsed_json(line, label, log, line=number)
        except json.JSONDecodeError as exc:
            log.fail(label, f"not valid JSON ({json_problem(exc)})",
                     f"fix or remove the line, {skip_hint()}", line=number)
        except RecursionError:
            log.fail(label, f"not a usable JSON document: {_DEEP}",
                     f"flatten the line to one object of fields, {skip_hint()}", line=number)


def _json_lines(text: str, label: str, log: LoadLog) -> tuple[list[dict], list[int]]:
    parsed = list(json_line_items(enumerate(text.split("\n"), start=1), label, log))
    return json_objects([item for _, item in parsed], [number for number, _ in parsed], label, log, unit="line")


_BLOCK = 1 << 20


def _plain_utf8(path: Path) -> bool | None:
    """For a regular file of valid UTF-8 (a BOM allowed, not UTF-16) without a NUL byte: whether it
    holds anything but ASCII whitespace; None for any other file. Read block by block."""
    if file_problem(path) is not None:
        return None
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    content = False
    try:
        with path.open("rb") as handle:
            first = True
            while block := handle.read(_BLOCK):
                if (first and block.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))) or b"\x00" in block:
                    return None
                first = False
                content = content or not block.isspace()
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        return None
    return content


def _lines_of(path: Path) -> Iterator[tuple[int, str]]:
    """(1-based number, text) of each line of a valid UTF-8 file, as ``decode_text`` and
    ``text.replace("\\r\\n", "\\n").split("\\n")`` would give them, one line in memory at a time."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            line = raw.decode("utf-8")
            if number == 1:
                line = line.removeprefix("\ufeff")
            yield number, line[:-2] if line.endswith("\r\n") else line.removesuffix("\n")


def _streamed_json_lines(path: Path, label: str, log: LoadLog) -> tuple[list[dict], list[int]]:
    """The records of a JSON Lines file of plain UTF-8, read line by line (the loader's peak memory
    is then the parsed records, not also the file's bytes, its text and its lines)."""
    parsed = list(json_line_items(_lines_of(path), label, log))
    return json_objects([item for _, item in parsed], [number for number, _ in parsed], label, log, unit="line")


def streams_json_lines(path: Path, fmt: str) -> bool:
    """Whether :func:`json_line_chunks` reads ``path``: a ``.jsonl`` file of plain UTF-8 with content
    (any other file goes through :func:`read_json_records`, which names its problems)."""
    return fmt == "jsonl" and bool(_plain_utf8(path))


def json_line_chunks(path: Path, *, label: str, log: LoadLog, size: int) -> Iterator[tuple[list[dict], list[int]]]:
    """The JSON objects of a JSON Lines file of plain UTF-8 (see :func:`streams_json_lines`) with their
    line numbers, ``size`` objects at a time, read line by line: as :func:`read_json_records` reads
    it, with the same load-report entries in the same order (malformed lines as they come, then the
    lines that are not objects), but never more than ``size`` parsed objects in memory at once."""
    records: list[dict] = []
    rows: list[int] = []
    others: list[tuple[int, Any]] = []
    for number, item in json_line_items(_lines_of(path), label, log):
        if isinstance(item, dict):
            records.append(item)
            rows.append(number)
            if len(records) >= size:
                yield records, rows
                records, rows = [], []
        else:
            others.append((number, item))
    if others:
        json_objects([item for _, item in others], [number for number, _ in others], label, log, unit="line")
    if records:
        yield records, rows


_ARROW_BLOCK = 1 << 24  # bytes of JSON Lines given to Arrow's JSON reader at once (cut at a line end)
_MAX_OPENERS = 256  # "[" and "{" on one line beyond which Arrow is not asked (its parser recurses)


def _openers(data: np.ndarray) -> np.ndarray:
    """The positions of the "[" and "{" bytes in ``data`` (the bytes whose value with bit 0x20 set is
    that of "{", which only "[" and "{" are), ascending."""
    return sparse_flatnonzero((data | 0x20) == 0x7B)


def _too_deep(openers: np.ndarray, ends: np.ndarray, *, side: str = "left") -> bool:
    """Whether a line (or file) holds more than ``_MAX_OPENERS`` "[" and "{" bytes. ``openers``: their
    positions (:func:`_openers`); ``ends``: where each line (file) ends, ascending; ``side``: whether
    a byte at an end belongs to the line ending there ("left") or to the next ("right")."""
    if len(openers) - len(ends) <= _MAX_OPENERS:  # (at least one per line: none can hold more)
        return False
    return bool(np.bincount(np.searchsorted(ends, openers, side=side), minlength=len(ends)).max() > _MAX_OPENERS)


def _one_object_per_line(block: bytes, *, last: bool) -> int | None:
    """The number of lines of a block of JSON Lines if every line starts with "{" and ends with "}" (or
    "}\\r") and no line holds more than ``_MAX_OPENERS`` brackets and braces, else None.

    JSON strings hold no line break, so if the block parses as a stream of JSON values, each line is
    exactly one object when this holds and there are as many values as lines (a "}" at the end of a line
    and a "{" at the start of the next can only meet between two top-level values).
    """
    data = np.frombuffer(block, dtype=np.uint8)
    if not len(data) or data[0] != 0x7B or (data[-1] != 0x0A and not last):
        return None
    ends = sparse_flatnonzero(data == 0x0A)  # the line breaks, and the end of a last line without one
    if data[-1] != 0x0A:
        ends = np.append(ends, len(data))
    before = data[ends - 1]
    carriage = np.flatnonzero(before == 0x0D)
    before[carriage] = data[np.maximum(ends[carriage] - 2, 0)]
    if not (before == 0x7D).all() or not (data[ends[:-1] + 1] == 0x7B).all():
        return None
    if _too_deep(_openers(data), ends):  # a line may be nested deeply
        return None
    return len(ends)


def _arrow_block(block: bytes, schema: pa.Schema) -> tuple[pa.Table, pa.Schema] | None:
    """One block of JSON Lines read by Arrow with ``schema`` (every field text), and the schema grown
    by the block's new fields; None when a value is not a string or null (or the block is not JSON)."""
    import pyarrow.json as pa_json

    for _ in range(2):
        try:
            table = pa_json.read_json(pa.BufferReader(block), read_options=pa_json.ReadOptions(use_threads=False),
                                      parse_options=pa_json.ParseOptions(explicit_schema=schema))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
        new = [f for f in table.schema if schema.get_field_index(f.name) < 0]
        if not all(pa.types.is_string(f.type) or pa.types.is_null(f.type) or pa.types.is_timestamp(f.type)
                   for f in new):
            return None
        for f in new:
            schema = schema.append(pa.field(f.name, pa.large_string()))
        if not any(pa.types.is_timestamp(f.type) for f in new):
            return table, schema
    return None  # (a field Arrow read as a timestamp is read again as text: never reached twice)


def arrow_json_lines(path: Path) -> tuple[list[str], list[tuple[int, dict[str, pa.Array]]]] | None:
    """The columns of a JSON Lines file of plain UTF-8 (see :func:`streams_json_lines`) read by Arrow's
    JSON reader block by block, when that is exactly what :func:`json_line_chunks` reads: one JSON
    object per line, no blank line, every value a string or null. Returns (the keys in order of first
    appearance, [(number of records, {key: large_string array of those records})]); None for any other
    file, which is then read line by line (and its problems named). Line N is record N."""
    with path.open("rb") as handle:
        first = handle.readline()
        try:
            record = json.loads(first)
        except (ValueError, RecursionError):
            return None
        if not isinstance(record, dict) or not all(v is None or isinstance(v, str) for v in record.values()):
            return None
        schema = pa.schema([pa.field(str(k), pa.large_string()) for k in record])
        handle.seek(0)
        chunks: list[tuple[int, dict[str, pa.Array]]] = []
        bom = True
        while block := handle.read(_ARROW_BLOCK):
            if not block.endswith(b"\n"):
                block += handle.readline()
            if bom:
                block, bom = block.removeprefix(codecs.BOM_UTF8), False
            lines = _one_object_per_line(block, last=not block.endswith(b"\n"))
            read = None if lines is None else _arrow_block(block, schema)
            if read is None or read[0].num_rows != lines:
                return None
            table, schema = read
            for batch in table.to_batches():
                chunks.append((batch.num_rows, {name: column if column.type == pa.large_string()
                                                else column.cast(pa.large_string())
                                                for name, column in zip(batch.schema.names, batch.columns)}))
    return schema.names, chunks


_JSON_SPACE = b" \t\r\n"


def arrow_json_files(paths: Sequence[Path]) -> tuple[list[str], list[tuple[int, dict[str, pa.Array]]]] | None:
    """The records of JSON files holding one object each, parsed together by Arrow's JSON reader, when
    that is exactly what :func:`read_json_records` reads file by file: every file a regular file of
    UTF-8 (a UTF-8 BOM allowed) without a NUL byte holding one object whose values are all strings,
    and every file with the same keys. Returns (the keys, [(number of records, {key: large_string
    array})]), record k from file k; None for any other group of files (then read one by one, which
    names each problem). Arrow is never given a file with more than ``_MAX_OPENERS`` brackets."""
    import pyarrow.json as pa_json

    bodies = []
    for path in paths:
        try:
            data = read_bytes(path)
        except FileProblem:
            return None
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        body = data.removeprefix(codecs.BOM_UTF8).strip(_JSON_SPACE)
        if not body.startswith(b"{") or not body.endswith(b"}"):
            return None
        bodies.append(body)
    if not bodies:
        return None
    try:
        first = json.loads(bodies[0])
    except (ValueError, RecursionError):
        return None
    if not isinstance(first, dict) or not all(isinstance(v, str) for v in first.values()):
        return None
    joined = b"\n".join(bodies)  # a "}" and a "{" on either side of a line break: only between two objects
    ends = np.cumsum([len(body) + 1 for body in bodies])
    del bodies
    if b"\x00" in joined:
        return None
    if _too_deep(_openers(np.frombuffer(joined, dtype=np.uint8)), ends, side="right"):  # count per file
        return None
    try:  # valid UTF-8 (checked by Arrow on the joined bytes, no Python string made)
        pa.Array.from_buffers(pa.large_binary(), 1, [None, pa.py_buffer(np.array([0, len(joined)], dtype=np.int64)),
                                                    pa.py_buffer(joined)]).cast(pa.large_string()).validate(full=True)
        table = pa_json.read_json(
            pa.BufferReader(joined),
            read_options=pa_json.ReadOptions(use_threads=False, block_size=max(len(joined) + 1, 1 << 20)),
            parse_options=pa_json.ParseOptions(
                explicit_schema=pa.schema([pa.field(str(k), pa.large_string()) for k in first]),
                newlines_in_values=True))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if table.num_rows != len(paths) or table.schema.names != [str(k) for k in first] or any(
            column.null_count for column in table.columns):
        return None
    return table.schema.names, [(batch.num_rows, dict(zip(batch.schema.names, batch.columns)))
                                for batch in table.to_batches()]


def read_json_records(path: Path, fmt: str, *, label: str, log: LoadLog) -> tuple[list[dict], list[int]] | None:
    """The JSON objects of a ``.json`` or ``.jsonl`` file with their row (JSON Lines: line) numbers.

    None (problem logged) when the file is unreadable, empty, binary, not JSON or nested too deeply;
    lines that were not valid UTF-8 are decoded with the fallback of :mod:`analysis.corpus.decode`
    and listed in the load report. A ``.json`` file holding one object per line is read as JSON Lines.
    A ``.jsonl`` file of plain UTF-8 is read line by line.
    """
    if fmt == "jsonl" and _plain_utf8(path):  # (an empty file goes the general way, which names it)
        return _streamed_json_lines(path, label, log)
    decoded = _read_decoded(path, label, log)
    if decoded is None:
        return None
    text = decoded.text.removeprefix("\ufeff").replace("\r\n", "\n")
    if fmt == "jsonl":
        note_fallback(label, decoded.fallback, log, unit="each line")
        return _json_lines(text, label, log)
    try:
        items = _records(_parsed_json(text, label, log))
    except RecursionError:
        log.fail(label, f"not a usable JSON file: {_DEEP}", "flatten it to an array of objects of fields")
        return None
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            problem = f"not valid JSON ({json_problem(exc)})"
            log.fail(label, problem, "fix the file", line=exc.lineno)
            return None
        note_fallback(label, decoded.fallback, log, unit="each line")
        return _json_lines(text, label, log)  # one object per line: JSON Lines
    note_fallback(label, decoded.fallback, log)
    return json_objects(items, list(range(1, len(items) + 1)), label, log, unit="row")


def _read_json(path: Path, fmt: str, label: str, log: LoadLog) -> tuple[pd.DataFrame, np.ndarray] | None:
    read = read_json_records(path, fmt, label=label, log=log)
    if read is None:
        return None
    records, rows = read
    return pd.DataFrame.from_records(records), np.asarray(rows, dtype=np.int64)


def read_table(
    path: Path, fmt: str, *, label: str, columns: Any, log: LoadLog
) -> tuple[pd.DataFrame, np.ndarray] | None:
    """Read a table file; returns ``(table, row numbers)`` or None when the file was skipped."""
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, fmt, label, columns, log)
    problem = file_problem(path)
    if problem is not None:
        _unreadable(label, problem, log)
        return None
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


_FOLD_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def _paragraphs(text: str) -> str:
    """One table text with the paragraph rules of the module docstring applied."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n\n" not in text:
        text = text.replace("\n", "\n\n")
    if "\n " in text or "\n\t" in text or "\n\n\n" in text:
        text = _FOLD_RE.sub("\n\n", text)
    return text.strip()


#: A column of a table without a text column is named as the likely article text when the median of
#: its values has at least this many words (a headline has about 10, a teaser paragraph 30-60).
PROSE_MIN_WORDS = 80


def _sample_texts(column: pd.Series, *, sample: int) -> pd.Series:
    """The first ``sample`` non-blank text values of ``column`` (read among its first 2 x ``sample``)."""
    values = column.head(sample * 2).dropna()
    return values[values.map(lambda v: isinstance(v, str) and bool(v.strip()))].head(sample)


def _prose_columns(table: pd.DataFrame, *, sample: int = 200) -> list[tuple[str, int]]:
    """The string columns of ``table`` whose values look like article text: (name, median words per
    value) for each column whose median value (over the first ``sample`` non-empty values) has at
    least :data:`PROSE_MIN_WORDS` words, the longest first."""
    found = []
    for name in table.columns:
        values = _sample_texts(table[name], sample=sample)
        if values.empty:
            continue
        words = int(values.map(lambda v: len(v.split())).median())
        if words >= PROSE_MIN_WORDS:
            found.append((str(name), words))
    return sorted(found, key=lambda item: -item[1])


#: A value shaped like a date: day, month and year as numbers with separators, or a month's name
#: beside a day or a year ("12.08.2026", "2026-08-12", "Aug 12, 2026", "12 August 2026").
_DATE_SHAPE = re.compile(
    r"^\s*(?:\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{1,2}\.? ?[A-Za-z]{3,9}\.?,? \d{4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})"
    r"(?:[ T,]+.*)?$")
#: Share of a column's (first 200 non-empty) values that must be dates for it to be named as the date.
DATE_COLUMN_SHARE = 0.8


def _date_columns(table: pd.DataFrame, *, sample: int = 200) -> list[tuple[str, str]]:
    """(name, first value) of each text column of ``table`` whose values look like dates: at least
    :data:`DATE_COLUMN_SHARE` of its first ``sample`` non-empty values shaped like a date and
    understood as one (``parse_published``)."""
    from analysis.corpus.dates import parse_published

    found = []
    for name in table.columns:
        values = _sample_texts(table[name], sample=sample)
        if values.empty:
            continue
        shaped = values[values.map(lambda v: bool(_DATE_SHAPE.match(v)))]
        if len(shaped) < DATE_COLUMN_SHARE * len(values):
            continue
        parsed, _, _ = parse_published(shaped.astype(object).reset_index(drop=True))
        if parsed.notna().sum() >= DATE_COLUMN_SHARE * len(values):
            found.append((str(name), str(values.iloc[0]).strip()))
    return found


def _unread_date_message(label: str, dates: list[tuple[str, str]], unused: list[str]) -> str:
    """The warning for a table whose date column was not recognised but one of its columns holds dates."""
    column, example = dates[0]
    others = [c for c in unused if c != column]
    kept = f" (its other columns are kept as metadata too: {', '.join(others)})" if others else ""
    return (f"{label}: no publication date column was recognised, but column {column!r} holds dates "
            f"({example!r}); its documents count as undated{kept}. If it is the publication date, pass "
            f"columns={{'published': {column!r}}} (in a report: -p columns='{{published: {column}}}'; with analyze: "
            f"--columns published={column}), and name the title or outlet column the same way if they were not "
            f"recognised either.")


def _headline_only_message(label: str, found: list[str], title: object, n: int,
                           prose: list[tuple[str, int]]) -> str:
    names = sorted(MEDIA_CLOUD_COLUMNS & {str(c).lower() for c in found})
    if len(names) >= 2:
        what = f"looks like a Media Cloud story export (columns {', '.join(names)}) and has no article text"
    else:
        what = f"has no text column (columns found: {', '.join(map(str, found))})"
    if prose:
        column, words = prose[0]
        others = f" (also long: {', '.join(repr(c) for c, _ in prose[1:])})" if len(prose) > 1 else ""
        hint = (f"Column {column!r} holds long prose (a median of {words} words a row){others}: if it is the "
                f"article text, pass columns={{'text': {column!r}}} (in a report: -p columns='{{text: {column}}}').")
    else:
        hint = ("If a column holds the article text, pass columns={'text': '<column>'} (in a report: "
                "-p columns='{text: <column>}').")
    return (
        f"{label} {what}: its {n} rows were loaded as headline-only documents (text '', title from "
        f"column {title!r}); measures that read text will see only the headlines. {hint}"
    )


def usable_mapping(found: list[str], columns: Any, label: str, log: LoadLog) -> dict[str, object] | None:
    """The column mapping of a table, or None (problem logged) when it names no usable column."""
    mapping = resolve_columns(found, columns)
    missing = [str(c) for c in mapping.values() if c not in found]
    listed = ", ".join(found) or "none"
    if missing:
        log.fail(label, f"column(s) {', '.join(map(repr, missing))} given in columns= not found "
                 f"(columns found: {listed})", "fix columns= to name existing columns")
        return None
    if "text" not in mapping and "title" not in mapping:
        log.fail(label, f"no text column and no title column (columns found: {listed})",
                 "pass columns={'text': '<column>'} naming the column that holds the article text (in a report: "
                 "-p columns='{text: <column>}')")
        return None
    return mapping


def _labels(label: str | np.ndarray, n: int) -> np.ndarray:
    """Per-row labels (object array of str) from one label or an array of them."""
    if isinstance(label, str):
        return np.full(n, label, dtype=object)
    return np.asarray(label, dtype=object)


def _describe(labels: np.ndarray) -> str:
    """One label, or 'first (and N other files)' for a batch of files."""
    unique = list(dict.fromkeys(labels.tolist()))
    if len(unique) <= 1:
        return unique[0] if unique else ""
    return f"{unique[0]} (and {len(unique) - 1} other files)"


def _text_value(value: object) -> tuple[object, str | None]:
    """One value of a title/text column as text: (value, what was done) or (None, problem)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            decoded = decode_text(bytes(value))
        except BinaryFileError as exc:
            return None, f"binary data ({exc})"
        return decoded.text, (f"bytes decoded ({', '.join(sorted(set(decoded.fallback.values())))} fallback)"
                              if decoded.fallback else "bytes decoded")
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return "\n\n".join(v.strip() for v in value if v.strip()), "list joined"
        kinds = sorted({type(v).__name__ for v in value if not isinstance(v, str)})
        return None, f"a list holding {', '.join(kinds)} values, not text"
    if isinstance(value, dict):
        return None, "a JSON object (struct) of fields, not text"
    return value, None


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


_PY_SPACE = np.zeros(256, dtype=bool)  # first/last bytes after which str.strip() may change a text
_PY_SPACE[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
_PY_SPACE[0x80:] = True  # any non-ASCII character: left to Python to decide


def _arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
    """The values of an Arrow-backed string column as ``large_string`` chunks (not copied), else None."""
    if not isinstance(values.array, pd.arrays.ArrowStringArray):
        return None
    arr = values.array._pa_array  # noqa: SLF001 - the column's own Arrow data
    if not isinstance(arr, pa.ChunkedArray):
        arr = pa.chunked_array([arr])
    return arr if arr.type == pa.large_string() else arr.cast(pa.large_string())


def _rows_of(positions: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    return np.searchsorted(offsets, positions, side="right") - 1


def _fast_text_column(arr: pa.ChunkedArray, index: pd.Index, *, paragraphs: bool) -> pd.Series | None:
    """:func:`text_column` of a column of text without NUL characters, vectorised chunk by chunk;
    None when a value holds a NUL (the general path names the row)."""
    chunks: list[pa.Array] = []
    for chunk in arr.chunks:
        pieces = _fast_text_chunk(chunk, paragraphs=paragraphs)
        if pieces is None:
            return None
        chunks.extend(pieces)
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks, pa.large_string())), index=index)


def _fast_text_chunk(arr: pa.Array, *, paragraphs: bool) -> list[pa.Array] | None:
    """One chunk of :func:`_fast_text_column`, as pieces. Only the texts the paragraph rules could
    change (a carriage return, a single or indented line break, three in a row, white space at either
    end) go through :func:`_paragraphs` in Python; the others are kept as they are, which it would
    do, in slices of the chunk (not copied: a few changed texts do not copy the chunk's text)."""
    buffers = arr.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = np.frombuffer(buffers[2], dtype=np.uint8)[offsets[0] : offsets[-1]] if buffers[2] is not None \
        else np.empty(0, dtype=np.uint8)
    offsets = offsets - offsets[0]
    if len(data) and data.min() == 0:  # a NUL
        return None
    if not paragraphs or not len(data):
        return [arr]
    n = len(arr)
    change = np.zeros(n, dtype=bool)
    carriage = data == 0x0D
    if carriage.any():  # (rare: located only when there is one)
        change[_rows_of(np.flatnonzero(carriage), offsets)] = True
    del carriage
    breaks = sparse_flatnonzero(data == 0x0A)
    if len(breaks):
        after = data[np.minimum(breaks + 1, len(data) - 1)]
        after[breaks + 1 >= len(data)] = 0
        row = _rows_of(breaks, offsets)
        double = after == 0x0A
        has_double = np.zeros(n, dtype=bool)
        has_double[row[double]] = True
        has_break = np.zeros(n, dtype=bool)
        has_break[row] = True
        change |= has_break & ~has_double
        change[row[(after == 0x20) | (after == 0x09)]] = True
        triple = breaks[double]
        triple = triple[triple + 2 < len(data)]
        change[_rows_of(triple[data[triple + 2] == 0x0A], offsets)] = True
    filled = np.flatnonzero(offsets[1:] > offsets[:-1])
    change[filled[_PY_SPACE[data[offsets[filled]]] | _PY_SPACE[data[offsets[filled + 1] - 1]]]] = True
    if arr.null_count:
        change &= arr.is_valid().to_numpy(zero_copy_only=False)
    todo = np.flatnonzero(change)
    if not len(todo):
        return [arr]
    fixed = pa.array([_paragraphs(v) for v in arr.take(pa.array(todo)).to_pylist()], type=pa.large_string())
    pieces, start = [], 0
    for k, row in enumerate(todo.tolist()):
        if row > start:
            pieces.append(arr.slice(start, row - start))
        pieces.append(fixed.slice(k, 1))
        start = row + 1
    if start < n:
        pieces.append(arr.slice(start))
    return pieces


def text_column(values: pd.Series, column: str, rows: np.ndarray, labels: np.ndarray,
                log: LoadLog, *, paragraphs: bool = False) -> tuple[pd.Series, np.ndarray]:
    """A title or text column as str, never a Python repr; returns (values, bad-row mask).

    Lists of strings (JSON arrays, Parquet list columns) are joined as paragraphs and noted once
    per file; bytes (Parquet binary columns) are decoded like files (UTF-8, else cp1252/latin-1,
    noted per row); structs, nested lists, and NUL characters are an error naming the row (or a
    skip). Other values (numbers from JSON) become their text. ``paragraphs``: apply the paragraph
    rules of the module docstring (text columns). One pass in Python over the values, one
    conversion to the ``"string"`` dtype at the end. Missing values stay missing.
    """
    bad = np.zeros(len(values), dtype=bool)
    arr = _arrow_text(values)
    fast = None if arr is None else _fast_text_column(arr, values.index, paragraphs=paragraphs)
    if fast is not None:
        return fast, bad
    out: list[str | None] = []
    joined: dict[str, int] = {}
    for j, value in enumerate(values.tolist()):
        if not isinstance(value, str):
            if _missing(value):
                out.append(None)
                continue
            value, what = _text_value(value)
            if value is None:
                bad[j] = True
                log.fail(labels[j], f"column {column!r} holds {what}",
                         f"store the article as text in that column, {skip_hint('such rows')}",
                         row=int(rows[j]))
                out.append(None)
                continue
            if what == "list joined":
                joined[labels[j]] = joined.get(labels[j], 0) + 1
            elif what is not None and "fallback" in what:
                log.note(labels[j], f"column {column!r}: {what}", "decoded with fallback", row=int(rows[j]))
            value = str(value)
        if "\x00" in value:
            bad[j] = True
            log.fail(labels[j], f"column {column!r} holds a NUL character (a binary or corrupted value)",
                     f"remove it from the source, {skip_hint('such rows')}", row=int(rows[j]))
            out.append(None)
            continue
        out.append(_paragraphs(value) if paragraphs else value)
    for label, count in joined.items():
        log.note(label, f"column {column!r} holds lists of strings in {count} row(s): joined as paragraphs",
                 "joined list")
    return pd.Series(out, index=values.index, dtype="string"), bad


def _title_and_text(out: pd.DataFrame, mapping: dict[str, object], rows: np.ndarray, found: list[str],
                    labels: np.ndarray, log: LoadLog, unused: pd.DataFrame) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """(title, text, bad-row mask) of a table; bad rows (no text, or headline-only without title) logged.
    ``unused``: the table's columns no documents column is read from (searched for article text when
    the table has no text column)."""
    empty = pd.Series("", index=out.index, dtype="string")
    broken = np.zeros(len(out), dtype=bool)
    if "title" in out:
        title, broken = text_column(out["title"], str(mapping["title"]), rows, labels, log)
        title = title.fillna("").str.strip()
    else:
        title = empty
    if "text" in mapping:
        text, bad_text = text_column(out["text"], str(mapping["text"]), rows, labels, log, paragraphs=True)
        text = text.fillna("")
        broken |= bad_text
        bad = (text == "").to_numpy(dtype=bool) & ~broken
        problem = f"empty text (column {mapping['text']!r})"
        fix = f"fill it in or remove the row, {skip_hint('such rows')}"
    else:
        text = empty
        bad = (title == "").to_numpy(dtype=bool) & ~broken
        problem = f"no title (column {mapping['title']!r}) and the table has no text column"
        fix = f"fill it in or remove the row, {skip_hint('such rows')}"
        loaded = int((~bad & ~broken).sum())
        log.warn_later(_headline_only_message(_describe(labels), found, mapping["title"], loaded,
                                              _prose_columns(unused)))
        for label in dict.fromkeys(labels.tolist()):
            count = int(((labels == label) & ~bad & ~broken).sum())
            log.note(label, f"no text column: {count} rows loaded as headline-only documents",
                     "loaded headline-only")
    for j in np.flatnonzero(bad):
        log.fail(labels[j], problem, fix, row=int(rows[j]))
    if "standfirst" in out:
        standfirst = as_strings(out["standfirst"]).fillna("").str.strip()
        prepend = [bool(s) and not t.startswith(s) for s, t in zip(standfirst, text)]
        text = text.mask(prepend, standfirst + "\n\n" + text)
    return title, text, bad | broken


def table_documents(
    table: pd.DataFrame, rows: np.ndarray, *, label: str | np.ndarray, name: str | np.ndarray, columns: Any,
    log: LoadLog
) -> pd.DataFrame | None:
    """Documents rows of one table (unparsed dates, raw ids), or None when the table was skipped.

    ``label`` (the file as given, for ``source`` and messages) and ``name`` (the path relative to
    the loaded folder, for hashed ids) are one string, or one per row when the table gathers the
    documents of several files. Adds the internal columns ``__name__`` (the hash name
    'relative/path, row N'), ``__file__`` and ``__row__``; keeps unused input columns as metadata
    (clashing names get '_input'). Title and text fields holding HTML markup are converted to text
    (:func:`analysis.corpus.html.convert_html_fields`). A text column that looks pre-tokenised is replaced by an
    untokenised alternative column when there is one (see :mod:`analysis.corpus.tokenised`).
    """
    found = [str(c) for c in table.columns]
    table = table.set_axis(found, axis=1)
    labels = _labels(label, len(table))
    mapping = usable_mapping(found, columns, _describe(labels) if len(table) else str(label), log)
    if mapping is None:
        return None
    if table.empty:
        log.fail(label if isinstance(label, str) else _describe(labels), "the table has no rows",
                 "remove the file or add rows")
        return None
    if "text" in mapping and "text" not in dict(columns or {}):
        mapping["text"] = prefer_untokenised(table, found, mapping["text"], _describe(labels), log)
    out = pd.DataFrame({target: table[column] for target, column in mapping.items()})
    used = set(mapping.values())
    table = table[[c for c in found if c not in used]]  # the used columns live on in out only
    out["title"], out["text"], bad = _title_and_text(out, mapping, rows, found, labels, log, table)
    if "published" not in mapping and len(table.columns):
        dates = _date_columns(table)
        if dates:
            log.warn_later(_unread_date_message(_describe(labels), dates, [str(c) for c in table.columns]))
    row_text = pd.Series(rows, index=out.index).astype(str)
    label_series = pd.Series(labels, index=out.index, dtype=object)
    name_series = pd.Series(_labels(name, len(out)), index=out.index, dtype=object)
    out["source"] = label_series + ", row " + row_text
    out["__name__"] = name_series + ", row " + row_text
    out["__file__"] = label_series
    out["__row__"] = rows
    extras = {clash_name(c): table[c] for c in found if c not in used}
    out = pd.concat([out, pd.DataFrame(extras, index=out.index)], axis=1) if extras else out
    out = convert_html_fields(out[~bad] if bad.any() else out, log)
    return out.reset_index(drop=True)
