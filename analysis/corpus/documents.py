"""Assembling the documents table: column order, dtypes, doc ids, dates (pure, no I/O).

Column by column (see also :mod:`analysis.schema`):

* ``doc_id`` - the id the source gives (an id column, a sidecar ``id``) as str; otherwise the
  first 16 hex digits of the SHA-1 of ``name + "\\n" + title + "\\n" + text`` (UTF-8), where
  ``name`` is the file's path relative to the folder that was loaded (the file name when a single
  file is loaded), with ``", row N"`` appended for table rows. Ids must be unique.
* ``title``, ``text`` - str, never NA ("" when absent).
* ``outlet``, ``author``, ``url``, ``standfirst``, ``subtitle``, ``duplicate_of`` - str or NA
  (blank values become NA; a list of authors is joined with "; ").
* ``published`` - datetime64[ns, UTC] or NaT (rules in :mod:`analysis.corpus.dates`).
* ``tags`` - a Python list of str per row (possibly empty).
* ``source`` - where the row was read from: the path as given (joined with the path inside a
  loaded folder), plus ``", row N"`` for table rows.
* then every other metadata column found, in order of first appearance, dtype as read.

String columns use pandas' nullable ``"string"`` dtype (missing = ``pd.NA``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus.article import byline_author
from analysis.corpus.dates import DTYPE, ambiguous_dates, parse_published, settled_reading
from analysis.corpus.fields import as_strings, tag_lists
from analysis.corpus.report import REPORT_PLACE, LoadLog
from analysis.schema import DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS

__all__ = ["COLUMNS", "INTERNAL_COLUMNS", "assemble", "bylines_as_authors", "empty_documents", "hashed_id"]

COLUMNS: tuple[str, ...] = (*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS)
INTERNAL_COLUMNS: tuple[str, ...] = ("__name__", "__file__", "__row__")
_NULLABLE_STRINGS = ("outlet", "author", "url", "standfirst", "subtitle", "duplicate_of")


def hashed_id(name: str, title: str, text: str) -> str:
    """The stable id of a document without a given id: sha1(name, title, text) as 16 hex digits."""
    return hashlib.sha1(f"{name}\n{title}\n{text}".encode()).hexdigest()[:16]


_HASH_ROWS = 1_000  # rows joined at once: the joined text of a slice stays small (memory reused, not new pages)


def _hashed_ids(names: pd.Series, titles: pd.Series, texts: pd.Series) -> list[str]:
    """:func:`hashed_id` of every row, the three fields joined in Arrow (a slice of rows at a time)
    and hashed from its buffer (no Python string per field)."""
    columns = [pa.array(c, type=pa.large_string(), from_pandas=True) for c in (names, titles, texts)]
    if any(c.null_count for c in columns):
        return [hashed_id(n, t, x) for n, t, x in zip(names, titles, texts)]
    separator = pa.scalar("\n", type=pa.large_string())
    sha1 = hashlib.sha1
    out: list[str] = []
    for start in range(0, len(names), _HASH_ROWS):
        joined = pc.binary_join_element_wise(*(c[start : start + _HASH_ROWS] for c in columns), separator)
        if isinstance(joined, pa.ChunkedArray):
            joined = joined.combine_chunks()
        offsets = np.frombuffer(joined.buffers()[1], dtype=np.int64)[joined.offset : joined.offset + len(joined) + 1]
        data = memoryview(joined.buffers()[2] or b"")
        out.extend(sha1(data[s:e]).hexdigest()[:16] for s, e in zip(offsets[:-1].tolist(), offsets[1:].tolist()))
    return out


def empty_documents() -> pd.DataFrame:
    """A documents table with no rows and the right columns and dtypes."""
    frame = pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    frame["published"] = pd.Series(dtype=DTYPE)
    frame["tags"] = pd.Series(dtype=object)
    return frame


def _id_strings(values: pd.Series) -> pd.Series:
    if values.dtype == object and values.isna().all():  # (no id column: every id hashed)
        return pd.Series(pd.NA, index=values.index, dtype="string", name=values.name)
    if pd.api.types.is_float_dtype(values.dtype):
        whole = values.dropna()
        if (whole == np.floor(whole)).all():
            values = values.astype("Int64")
    elif values.dtype == object:
        values = values.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else v)
    ids = values.astype("string").str.strip()
    return ids.mask(ids == "")


def _unique_ids(frame: pd.DataFrame, log: LoadLog) -> pd.DataFrame:
    repeated = frame["doc_id"].duplicated(keep="first")
    if not repeated.any():
        return frame
    first = frame.drop_duplicates("doc_id").set_index("doc_id")["source"]
    for j in np.flatnonzero(repeated.to_numpy()):
        doc_id = frame["doc_id"].iat[j]
        log.fail(
            frame["__file__"].iat[j],
            f"doc_id {doc_id!r} is already used by {first[doc_id]}",
            "doc ids must be unique: remove the repeated document, or pass columns={'doc_id': None} "
            "to use hashed ids (in a report: -p columns=doc_id=; with analyze: --columns doc_id=)",
            row=_row(frame, j),
        )
    return frame[~repeated.to_numpy()]


def _row(frame: pd.DataFrame, j: int) -> int | None:
    row = frame["__row__"].iat[j]
    return None if pd.isna(row) else int(row)


def _by_file(frame: pd.DataFrame, mask: pd.Series) -> Iterator[tuple[str, pd.Series, str]]:
    """(file, positions, " (rows 2, 5, ...)") of the rows where ``mask`` holds, file by file in order."""
    positions = np.flatnonzero(mask.to_numpy(dtype=bool))
    for file, group in pd.Series(positions, dtype="int64").groupby(frame["__file__"].to_numpy()[positions], sort=False):
        rows = [r for r in (_row(frame, j) for j in group[:5]) if r is not None]
        yield file, group, f" (rows {', '.join(map(str, rows))}{', ...' if len(group) > 5 else ''})" if rows else ""


#: The start of the load-report problem of dates read day first by convention (:func:`assemble`).
AMBIGUOUS_DATES = "publication date(s) could be day/month or month/day"
#: The start of a streamed partition's load-report problem when its own dates settled the reading.
SETTLED_DATES = "numeric publication dates read"


def _report_ambiguous_dates(frame: pd.DataFrame, raw: pd.Series, ambiguous: pd.Series, log: LoadLog, *,
                            scope: str = "the corpus") -> None:
    """A load-report note per file naming the rows whose numeric date was read day first by convention."""
    for file, group, where in _by_file(frame, ambiguous):
        read = frame["published"]
        examples = ", ".join(f"{str(raw.iat[j]).strip()!r} as {read.iat[j].day} {read.iat[j]:%B %Y}" for j in group[:3])
        log.note(file, f"{len(group)} {AMBIGUOUS_DATES}{where}, and no date in {scope} settles it: read day "
                       f"first, {examples}",
                 "read day first; pass dayfirst=False" + (" (--monthfirst)" if scope == "this partition" else "")
                 + " to read them month first")


def _report_settled_reading(frame: pd.DataFrame, raw: pd.Series, log: LoadLog) -> None:
    """A note (streamed partitions only) when the partition's numeric dates settle the reading: another
    partition may have settled it the other way, which :func:`analysis.scale.analyze_corpus` checks."""
    settled = settled_reading(raw)
    if settled is None:
        return
    reading = "day first" if settled[0] else "month first"
    example = str(raw.loc[settled[1]]).strip()
    log.note(frame["__file__"].loc[settled[1]], f"{SETTLED_DATES} {reading} in this partition: {example!r} can "
                                                  f"only be read {reading}", f"read {reading}")


def _report_bad_dates(frame: pd.DataFrame, raw: pd.Series, bad: pd.Series, log: LoadLog, *,
                      what: str = "not understood") -> None:
    summaries = []
    for file, group, where in _by_file(frame, bad):
        examples = ", ".join(repr(str(raw.iat[j])) for j in group[:3])
        log.note(file, f"{len(group)} publication date(s) {what}{where}: {examples}", "date left empty (not a valid date)")
        summaries.append(f"{file}: {len(group)}{where}, e.g. {examples}")
    if not summaries:
        return
    more = f"; and {len(summaries) - 3} more files" if len(summaries) > 3 else ""
    log.warn_later(
        f"{int(bad.sum())} publication date(s) {what} were left empty (those documents count as undated) - "
        f"{'; '.join(summaries[:3])}{more}. "
        f"Fix the values, or see {REPORT_PLACE}."
    )


_OUT_OF_RANGE = "out of the representable range (1677-09-21 to 2262-04-11)"

_BYLINE_START = r"^(?i:(?:written\s+)?by)\b"


def bylines_as_authors(authors: pd.Series) -> pd.Series:
    """``authors`` with each value written as a byline replaced by the name in it ("By Lena Ruiz" and
    "By Tom Avery, Chief Sports Writer" give "Lena Ruiz" and "Tom Avery";
    :func:`analysis.corpus.article.byline_author`), as a text file's header, a sidecar and a page's
    byline give it, so that a table's author column names the same author; other values as they are."""
    byline = authors.str.contains(_BYLINE_START, regex=True, na=False).to_numpy(dtype=bool)
    if not byline.any():
        return authors
    values = authors.copy()
    values[byline] = [byline_author(value) or value for value in authors[byline]]
    return values


def assemble(parts: list[pd.DataFrame], log: LoadLog, *, dayfirst: bool | None = None,
             partition: bool = False) -> pd.DataFrame:
    """The documents table from loaded parts (rows with raw fields and the internal columns).

    ``partition``: the parts are one partition of a streamed corpus, so numeric dates are read as
    the partition's own dates settle (``dayfirst=None``): the load report says "this partition", and
    notes a reading the partition's dates settled, for the run to compare across partitions.

    Columns in order: DOCUMENT_COLUMNS, then standfirst, subtitle, duplicate_of (NA here), then
    the other metadata columns in order of first appearance, then the internal columns
    ``__name__``, ``__file__``, ``__row__`` (the caller drops them when it is done).
    """
    parts = [p for p in parts if len(p)]
    if not parts:
        return empty_documents().assign(**{c: pd.Series(dtype=object) for c in INTERNAL_COLUMNS})
    frame = pd.concat(parts, ignore_index=True, sort=False) if len(parts) > 1 else parts[0].reset_index(drop=True)
    for column in (*COLUMNS, *INTERNAL_COLUMNS):
        if column not in frame:
            frame[column] = pd.NA
    frame["title"] = as_strings(frame["title"]).fillna("")
    frame["text"] = as_strings(frame["text"]).fillna("")
    for column in _NULLABLE_STRINGS:
        values = as_strings(frame[column]).str.strip()
        frame[column] = values.mask(values == "")
    frame["author"] = bylines_as_authors(frame["author"])
    frame["source"] = as_strings(frame["source"])
    frame["tags"] = tag_lists(frame["tags"])
    raw = frame["published"]
    frame["published"], bad, outside = parse_published(raw, dayfirst=dayfirst)
    _report_bad_dates(frame, raw, bad & ~outside, log)
    _report_bad_dates(frame, raw, outside, log, what=_OUT_OF_RANGE)
    _report_ambiguous_dates(frame, raw, ambiguous_dates(raw, dayfirst=dayfirst) & frame["published"].notna(), log,
                            scope="this partition" if partition else "the corpus")
    if partition and dayfirst is None:
        _report_settled_reading(frame, raw, log)
    given = _id_strings(frame["doc_id"])
    missing = given.isna().to_numpy(dtype=bool)
    todo = frame.loc[missing, ["__name__", "title", "text"]]
    hashed = _hashed_ids(todo["__name__"], todo["title"], todo["text"])
    frame["doc_id"] = given.mask(missing, pd.Series(hashed, index=frame.index[missing], dtype="string"))
    frame = _unique_ids(frame, log)
    extras = [c for c in frame.columns if c not in COLUMNS and c not in INTERNAL_COLUMNS]
    return frame[[*COLUMNS, *extras, *INTERNAL_COLUMNS]].reset_index(drop=True)
