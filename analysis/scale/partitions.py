"""A corpus on disk read in partitions of whole documents, never all at once.

:class:`CorpusPartitions` plans a corpus (files, folders, or a list of them) into partitions of about
``partition_size`` documents, read lazily and in order; each partition's ``load()`` returns a
documents table built by the loader's own code (:mod:`analysis.corpus`): the same column detection,
normalisation, dates, doc ids and load report as ``load_corpus``, so that the partitions of a corpus,
concatenated, are ``load_corpus(source)`` (but see *Differences* below).

How each input is cut:

* **Folders**: text, markdown and HTML files, and JSON files of at most 1 MiB (``SMALL_JSON_BYTES``:
  typically one article each), are loaded in groups of ``partition_size`` files (with their
  ``metadata.csv`` rows and ``.meta.yml`` sidecars), in the loader's file order, by the worker that
  analyses the group (so the files must be visible to the workers). A folder of 40,000 one-article
  JSON files is thus 40 partitions of 1,000 documents, not 40,000 partitions of one. Larger JSON
  files, and the other tables, are streamed on their own as below, each with its ``metadata.csv`` row
  and ``.meta.yml`` applied to every partition as ``load_corpus`` applies them (a sidecar doc_id only to
  a file of one document; a CSV/TSV or JSON Lines file whose sidecar gives one is read whole, to count
  its documents).
* **Parquet**: whole row groups, consecutive ones grouped up to ``partition_size`` rows; a worker
  reads its own row groups from the file (so the file must be visible to the workers). A file whose
  row groups are larger than ``partition_size`` is read in row batches here and sent to the workers.
* **CSV/TSV**: row chunks (``pandas.read_csv(chunksize=...)``); **JSON Lines**: line by line. Both are
  read here, in this process, one partition ahead of the workers.
* **JSON arrays**, and CSV/TSV/JSON Lines files that are not valid UTF-8/UTF-16 (read with the
  loader's cp1252/latin-1 fallback), are read whole and then cut into partitions.

Row numbers, and so hashed doc ids and the ``source`` column, count from the start of the file, as
``load_corpus`` does.

Differences from ``load_corpus`` (each partition is loaded on its own):

* duplicates (``duplicate_of``) are flagged across each partition (all its files), not across
  partitions;
* ``dayfirst=None`` decides day-first reading of numeric dates per partition (pass ``dayfirst=`` to
  fix it for the whole corpus);
* metadata columns of tables take the dtype pandas infers for each chunk;
* a sidecar value that replaces a table's own is noted in the load report once per partition (with the
  partition's rows), not once per file;
* doc ids repeated across partitions are found after the run (:func:`analysis.scale.analyze_corpus`
  raises then), not while loading.
"""

from __future__ import annotations

import codecs
import os
import stat
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import pandas as pd

from analysis.corpus.decode import find_nul, find_nul_in_file, sniff_encoding
from analysis.corpus.documents import INTERNAL_COLUMNS, assemble
from analysis.corpus.duplicates import flag_duplicates
from analysis.corpus.fields import resolve_columns
from analysis.corpus.loader import (EXTENSIONS, FORMATS, LoaderOptions, load_files, not_a_corpus, sidecar_layers,
                                   single_document_layers, unknown_format, walk_folder_logged, with_sidecar_metadata)
from analysis.corpus.report import LoadLog, skip_hint
from analysis.corpus.sidecars import METADATA_CSV, read_metadata_csv, sidecar_paths
from analysis.corpus.tables import (TABLE_FORMATS, has_unclosed_quotes, json_line_items, json_objects, read_table,
                                    string_columns, table_documents, table_separator)
from analysis.errors import InputError
from analysis.persistence import source_fingerprint  # re-exported: its home is analysis.persistence

__all__ = ["CorpusPartitions", "Partition", "ReadOptions", "source_fingerprint"]

_SKIP_FIX = f"fix it, {skip_hint()}"
_BLOCK = 1 << 20
#: JSON files up to this size are grouped with the folder's other small files into partitions.
SMALL_JSON_BYTES = 1 << 20


@dataclass(frozen=True)
class ReadOptions:
    """``load_corpus``'s options, as a partition needs them (picklable, sent to workers)."""

    format: str | None = None
    columns: Mapping[str, str | None] | None = None
    errors: Literal["raise", "skip"] = "raise"
    dayfirst: bool | None = None
    title_from_first_line: bool = True

    def loader_options(self) -> LoaderOptions:
        return LoaderOptions(self.format, self.columns, self.title_from_first_line)

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "columns": dict(self.columns) if self.columns else None, "errors": self.errors,
                "dayfirst": self.dayfirst, "title_from_first_line": self.title_from_first_line}


class Partition(Protocol):
    """A partition of a corpus: ``load()`` returns its documents table (``attrs['load_report']`` set)."""

    def load(self) -> pd.DataFrame: ...


def _documents(parts: list[pd.DataFrame], log: LoadLog, options: ReadOptions) -> pd.DataFrame:
    """The loader's last steps on one partition: assemble (ids, dates, dtypes), flag duplicates, report."""
    documents = flag_duplicates(assemble(parts, log, dayfirst=options.dayfirst, partition=True))
    documents = documents.drop(columns=[c for c in INTERNAL_COLUMNS if c in documents.columns])
    documents.attrs["load_report"] = log.entries
    return documents


#: The sidecar metadata of a table file (:func:`analysis.corpus.loader.sidecar_layers`), the weakest first.
Layers = tuple[tuple[str, Mapping[str, Any]], ...]


def _table_partition(table: pd.DataFrame, rows: np.ndarray, *, label: str, name: str, options: ReadOptions,
                     layers: Layers = ()) -> pd.DataFrame:
    """Rows of a table file as a partition's documents, with the file's sidecar metadata (``layers``, a
    doc_id in them only when the file is one document: :func:`single_document_layers`)."""
    log = LoadLog(options.errors)
    frame = table_documents(table.reset_index(drop=True), rows, label=label, name=name, columns=options.columns,
                            log=log)
    if frame is not None and layers:
        frame = with_sidecar_metadata(frame, label=label, layers=layers, log=log)
    return _documents([] if frame is None else [frame], log, options)


@dataclass(frozen=True)
class Loaded:
    """A partition read in this process (CSV, JSON Lines, ...): its documents table."""

    documents: pd.DataFrame

    def load(self) -> pd.DataFrame:
        return self.documents


@dataclass(frozen=True)
class ParquetRowGroups:
    """Consecutive row groups of a Parquet file, read by whoever loads the partition."""

    path: str
    label: str
    name: str
    row_groups: tuple[int, ...]
    first_row: int
    options: ReadOptions
    layers: Layers = ()

    def load(self) -> pd.DataFrame:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(self.path).read_row_groups(list(self.row_groups)).to_pandas()
        rows = np.arange(self.first_row + 1, self.first_row + len(table) + 1)
        return _table_partition(table, rows, label=self.label, name=self.name, options=self.options,
                                layers=self.layers)


@dataclass(frozen=True)
class FileGroup:
    """Text, markdown or HTML files of a folder (or one file), with their metadata and sidecars."""

    files: tuple[str, ...]
    base: str
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    sidecars: tuple[str, ...] | None = None
    in_folder: bool = True
    options: ReadOptions = ReadOptions()

    def load(self) -> pd.DataFrame:
        log = LoadLog(self.options.errors)
        metadata = {Path(path): fields for path, fields in self.metadata.items()}
        sidecars = None if self.sidecars is None else {Path(p) for p in self.sidecars}
        parts = load_files([Path(f) for f in self.files], Path(self.base), self.options.loader_options(), metadata,
                            sidecars, log, in_folder=self.in_folder)
        return _documents(parts, log, self.options)


def _stream_encoding(path: Path, first: str) -> str | None:
    """``first`` when the whole file decodes with it (checked block by block), else None."""
    if first == "utf-16":
        return first
    decoder = codecs.getincrementaldecoder(first)()
    with path.open("rb") as handle:
        try:
            while block := handle.read(_BLOCK):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return first


def _head(path: Path, label: str, log: LoadLog, fix_empty: str, what: str) -> bytes | None:
    """The first 64 KiB, or None (logged) when the file is empty or binary."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if not head.strip():
        log.fail(label, "the file is empty", fix_empty)
        return None
    nul = find_nul(head)
    if nul >= 0:
        log.fail(label, f"looks like a binary file (NUL byte at offset {nul}), not {what}",
                 "remove it or export it as UTF-8 text")
        return None
    return head


@dataclass
class CorpusPartitions:
    """The partitions of a corpus on disk, planned now and read lazily, in order.

    ``source``: a file, a folder or a list of them (as for ``load_corpus``); ``partition_size``:
    documents per partition (rows of a table, files of a folder; Parquet partitions are whole row
    groups, so they can be smaller). Iterating yields objects with a ``load()`` method returning the
    partition's documents table. ``log`` holds what planning reported (unknown files, unreadable
    tables, malformed lines); ``documents_hint`` is the number of documents expected, when known
    without reading the texts: an estimate (a JSON Lines file counts its lines, a small JSON file
    one document), None when a CSV, TSV or large JSON file is in the corpus.
    """

    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
    partition_size: int = 1000
    options: ReadOptions = field(default_factory=ReadOptions)
    log: LoadLog = field(init=False)
    documents_hint: int | None = field(init=False, default=0)
    _units: list[tuple[Any, ...]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        size = self.partition_size
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise InputError(f"partition_size={size!r}: give a whole number of documents >= 1")
        if self.options.format is not None and self.options.format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)} (or None to go by extension), "
                             f"not {self.options.format!r}")
        resolve_columns([], self.options.columns)  # validates the mapping's keys
        self.log = LoadLog(self.options.errors)
        sources = [self.source] if isinstance(self.source, (str, os.PathLike)) else list(self.source)
        for given in sources:
            self._plan(Path(given))

    # ---------------------------------------------------------------------------------- planning

    def _format(self, file: Path) -> str | None:
        return self.options.format or EXTENSIONS.get(file.suffix.lower())

    def _hint(self, n: int | None) -> None:
        self.documents_hint = None if n is None or self.documents_hint is None else self.documents_hint + n

    def _plan(self, given: Path) -> None:
        if not given.exists():
            self.log.fail(given, "no such file or folder", f"check the path (relative paths start at {Path.cwd()})")
            return
        if not given.is_dir():
            metadata_csv = given.parent / METADATA_CSV
            metadata = read_metadata_csv(metadata_csv, self.log) if metadata_csv.is_file() else {}
            self._plan_files([given], given.parent, metadata, None, in_folder=False)
            return
        if not_a_corpus(given, self.log):
            return
        files, tables, sidecars = walk_folder_logged(given, self.log)
        if not any(self._format(f) is not None for f in files):
            self.log.fail(given, "no document files in the folder",
                          f"add files with one of the extensions {', '.join(EXTENSIONS)}")
        known = {f.resolve() for f in files} if tables else set()
        metadata: dict[Path, dict[str, Any]] = {}
        for table in tables:
            entries = read_metadata_csv(table, self.log)
            for path in sorted(set(entries) - known):
                self.log.note(table, f"names {path.name!r}, which is not a document file in the folder", "ignored")
            metadata.update(entries)
        self._plan_files(files, given, metadata, sidecars, in_folder=True)

    def _plan_files(self, files: list[Path], base: Path, metadata: dict[Path, dict[str, Any]],
                    sidecars: set[Path] | None, *, in_folder: bool) -> None:
        """Units in file order: runs of text files, and tables (each streamed on its own)."""
        run: list[Path] = []
        for file in files:
            fmt = self._format(file)
            if fmt is None:
                unknown_format(file.as_posix(), file.suffix, self.log, in_folder=in_folder)
            elif fmt in TABLE_FORMATS and _regular(file) and not _small_json(file, fmt):
                if run:
                    self._units.append(("files", run, base, metadata, sidecars, in_folder))
                    run = []
                layers = tuple(sidecar_layers(file, metadata, sidecars, self.log))
                self._units.append(("table", file, fmt, file.as_posix(), file.relative_to(base).as_posix(), layers))
                self._hint(self._table_rows(file, fmt))
            else:
                run.append(file)
                self._hint(1)
        if run:
            self._units.append(("files", run, base, metadata, sidecars, in_folder))

    @staticmethod
    def _table_rows(file: Path, fmt: str) -> int | None:
        if fmt == "jsonl":
            return _count_lines(file)
        if fmt != "parquet":
            return None
        try:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(file).metadata.num_rows)
        except Exception:  # unreadable: reported when it is read
            return None

    # ---------------------------------------------------------------------------------- reading

    def __iter__(self) -> Iterator[Partition]:
        for unit in self._units:
            if unit[0] == "files":
                yield from self._file_groups(*unit[1:])
            else:
                yield from self._table(*unit[1:])

    def _file_groups(self, files: list[Path], base: Path, metadata: dict[Path, dict[str, Any]],
                     sidecars: set[Path] | None, in_folder: bool) -> Iterator[Partition]:
        size = self.partition_size
        for lo in range(0, len(files), size):
            group = files[lo:lo + size]
            meta = {str(r): metadata[r] for r in (f.resolve() for f in group) if r in metadata} if metadata else {}
            side = None if sidecars is None else tuple(
                str(p) for f in group for p in sidecar_paths(f) if p in sidecars) if sidecars else ()
            yield FileGroup(tuple(str(f) for f in group), str(base), meta, side, in_folder, self.options)

    def _table(self, file: Path, fmt: str, label: str, name: str, layers: Layers) -> Iterator[Partition]:
        """The partitions of a table file, each with the file's sidecar metadata. A sidecar doc_id needs the
        file's number of documents (used for one only), so a CSV/TSV or JSON Lines file with one is read
        whole, as are JSON arrays."""
        streams = not any("doc_id" in values for _, values in layers)
        if fmt == "parquet":
            yield from self._parquet(file, label, name, layers)
        elif fmt in ("csv", "tsv") and streams:
            yield from self._delimited(file, fmt, label, name, layers)
        elif fmt == "jsonl" and streams:
            yield from self._json_lines(file, label, name, layers)
        else:
            yield from self._whole(file, fmt, label, name, layers)

    def _batches(self, table: pd.DataFrame, rows: np.ndarray, label: str, name: str,
                 layers: Layers) -> Iterator[Partition]:
        for lo in range(0, len(table), self.partition_size):
            hi = lo + self.partition_size
            yield Loaded(_table_partition(table.iloc[lo:hi], rows[lo:hi], label=label, name=name, options=self.options,
                                          layers=layers))

    def _whole(self, file: Path, fmt: str, label: str, name: str, layers: Layers) -> Iterator[Partition]:
        """Read the whole table with the loader, then cut it (JSON arrays, non-UTF-8 files, empty tables)."""
        read = read_table(file, fmt, label=label, columns=self.options.columns, log=self.log)
        if read is None:
            return
        table, rows = read
        layers = tuple(single_document_layers(layers, label=label, documents=len(table), log=self.log))
        if table.empty:  # let the loader say what is wrong with it
            yield Loaded(_table_partition(table, rows, label=label, name=name, options=self.options, layers=layers))
            return
        yield from self._batches(table, rows, label, name, layers)

    def _parquet(self, file: Path, label: str, name: str, layers: Layers) -> Iterator[Partition]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(file)
        except Exception as exc:  # pyarrow raises several types for files that are not Parquet
            problem = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
            self.log.fail(label, f"not a readable Parquet file ({problem})",
                          "check that it is a Parquet file, or give it the extension of its real format")
            return
        meta = parquet.metadata
        sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        if not sum(sizes):
            yield from self._whole(file, "parquet", label, name, layers)
            return
        layers = tuple(single_document_layers(layers, label=label, documents=sum(sizes), log=self.log))
        if max(sizes) <= self.partition_size:
            first, groups, count = 0, [], 0
            for i, n in enumerate(sizes):
                if groups and count + n > self.partition_size:
                    yield ParquetRowGroups(str(file), label, name, tuple(groups), first, self.options, layers)
                    first, groups, count = first + count, [], 0
                groups.append(i)
                count += n
            yield ParquetRowGroups(str(file), label, name, tuple(groups), first, self.options, layers)
            return
        first = 0
        for batch in parquet.iter_batches(batch_size=self.partition_size):
            table = pa.Table.from_batches([batch]).to_pandas()
            rows = np.arange(first + 1, first + len(table) + 1)
            first += len(table)
            yield Loaded(_table_partition(table, rows, label=label, name=name, options=self.options, layers=layers))

    def _delimited(self, file: Path, fmt: str, label: str, name: str, layers: Layers) -> Iterator[Partition]:
        log = self.log
        head = _head(file, label, log, f"remove it or add a header row and data rows, {skip_hint('every such file')}", "a text table")
        if head is None:
            return
        encoding = _stream_encoding(file, sniff_encoding(head))
        sep = table_separator(head, fmt, label=label)
        if (encoding is None or find_nul_in_file(file) is not None
                or has_unclosed_quotes(file, sep=sep, encoding=encoding)):
            # not UTF-8 (the loader's per-line fallback), a NUL past the head or a quotation mark left
            # open (the loader names them)
            yield from self._whole(file, fmt, label, name, layers)
            return
        table_separator(head, fmt, label=label, log=log)  # (noted once: here, or by the loader)
        try:
            header = pd.read_csv(file, sep=sep, nrows=0, encoding=encoding).columns
        except pd.errors.EmptyDataError:
            log.fail(label, "the file is empty", f"remove it or add a header row and data rows, {skip_hint('every such file')}")
            return
        dtype = string_columns(header, self.options.columns)  # "0123" stays "0123", as in load_corpus
        chunks = pd.read_csv(file, sep=sep, encoding=encoding, dtype=dtype, chunksize=self.partition_size,
                             on_bad_lines="error" if log.errors == "raise" else "warn")
        first = 0
        with chunks:
            while True:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", pd.errors.ParserWarning)
                    try:
                        chunk = next(chunks)
                    except StopIteration:
                        break
                    except pd.errors.ParserError as exc:
                        if log.errors == "raise":  # the loader names the row (an InputError)
                            read_table(file, fmt, label=label, columns=self.options.columns, log=log)
                        log.fail(label, f"not a well-formed table ({' '.join(str(exc).split())})", _SKIP_FIX)
                        return
                if not first and not isinstance(chunk.index, pd.RangeIndex):
                    # data rows with one field more than the header: the loader reads or names them
                    yield from self._whole(file, fmt, label, name, layers)
                    return
                for warning in caught:
                    for message in str(warning.message).splitlines():
                        if message.startswith("Skipping line "):
                            number, _, problem = message[len("Skipping line "):].partition(": ")
                            log.note(label, f"malformed line: {problem.strip()}", "skipped", line=int(number))
                rows = np.arange(first + 1, first + len(chunk) + 1)
                first += len(chunk)
                yield Loaded(_table_partition(chunk, rows, label=label, name=name, options=self.options,
                                              layers=layers))
        if not first:  # a header and no rows: the loader's message
            yield Loaded(_table_partition(pd.DataFrame(columns=header), np.arange(0), label=label, name=name,
                                          options=self.options))

    def _json_lines(self, file: Path, label: str, name: str, layers: Layers) -> Iterator[Partition]:
        log = self.log
        head = _head(file, label, log, f"remove it or add content, {skip_hint('every such file')}", "text")
        if head is None:
            return
        if _stream_encoding(file, sniff_encoding(head)) != "utf-8-sig" or find_nul_in_file(file) is not None:
            yield from self._whole(file, "jsonl", label, name, layers)
            return
        items: list[Any] = []
        numbers: list[int] = []

        def flush() -> Loaded:
            records, rows = json_objects(items, numbers, label, log, unit="line")
            table = pd.DataFrame.from_records(records)
            items.clear()
            numbers.clear()
            return Loaded(_table_partition(table, np.asarray(rows, dtype=np.int64), label=label, name=name,
                                           options=self.options, layers=layers))

        found = False
        with file.open("rb") as handle:
            lines = ((number, _decoded_line(raw, first=number == 1)) for number, raw in enumerate(handle, start=1))
            for number, item in json_line_items(lines, label, log):
                items.append(item)
                numbers.append(number)
                if len(items) == self.partition_size:
                    found = True
                    yield flush()
        if items or not found:
            yield flush()


def _regular(file: Path) -> bool:
    """Is ``file`` a regular file (after links)? Others - FIFOs, sockets, dangling or looping links -
    go with the folder's file groups, where the loader reports them without opening them."""
    try:
        return stat.S_ISREG(file.stat().st_mode)
    except OSError:
        return False


def _small_json(file: Path, fmt: str) -> bool:
    """Is ``file`` a JSON file small enough to be grouped with other files (typically one article)?"""
    if fmt != "json":
        return False
    try:
        return file.stat().st_size <= SMALL_JSON_BYTES
    except OSError:  # unreadable: the loader reports it when the group is loaded
        return True


def _count_lines(file: Path) -> int | None:
    """Lines of a text file (an estimate of its JSON Lines documents), counted block by block."""
    try:
        with file.open("rb") as handle:
            lines, last = 0, b"\n"
            while block := handle.read(_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
            return lines + (0 if last == b"\n" else 1)
    except OSError:
        return None


def _decoded_line(raw: bytes, *, first: bool) -> str:
    """One line of a UTF-8 file as text, without its line ending (and without a BOM on the first)."""
    line = raw.decode("utf-8")
    if first:
        line = line.removeprefix("\ufeff")
    return line.removesuffix("\n").removesuffix("\r")
