"""Publication dates in any common format to ``datetime64[ns, UTC]``.

Policy (documented in the README):

* Understood: ISO 8601 with or without a zone (``2024-05-09``, ``2024-05-09T10:00:00+02:00``,
  ``...Z``), RFC 2822 (``Thu, 09 May 2024 10:00:00 +0200``), written dates (``May 9, 2024``,
  ``9 May 2024 10:00``), numeric day/month/year dates (``09/05/2024``, ``9.5.2024``), Unix epoch
  seconds (9-12 digits, or a number) and milliseconds (13 digits), datetime objects (e.g. from
  YAML or Parquet). Epoch numbers of 13 digits are milliseconds (after 2001-09-09), shorter ones
  seconds: a 12-digit number is read as seconds (years after 5138, so out of range, below) rather
  than as milliseconds of the 1970s-1990s. Common zone abbreviations (UTC, GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT, BST,
  CET/CEST, EET/EEST) are understood; other abbreviations are ignored.
* Times without a zone are taken as UTC. Everything is converted to UTC.
* Day-first: ``dayfirst=None`` (the default) decides from the values themselves: if some numeric
  date can only be day-first (``13/05/2024``) they are read day-first, if some can only be
  month-first (``05/13/2024``) month-first (a value that is a date in neither reading, ``31/02/2026``,
  settles nothing); when all are ambiguous they are read day-first (the
  international convention), and the load report names each file and row read so
  (:func:`ambiguous_dates`). ``dayfirst=True``/``False`` forces the reading. Dates written year first
  (ISO 8601 and its variants with a zone name or AM/PM: ``2026-03-05 14:00 UTC``) are year, month, day, always.
* A value without a year (``May 9``) is not guessed. A value that is not understood becomes NaT
  and is reported by the caller (one warning for the whole load), never an error.
* Dates outside the range of ``datetime64[ns]`` (1677-09-21 to 2262-04-11), such as
  ``9999-12-31``, ``0001-01-01``, the epoch seconds ``-62135596800`` and ``253402300800``, or such
  timestamps in a Parquet column of another unit, become NaT as well and are flagged in the
  ``out_of_range`` mask of :func:`parse_published` (never an ``OutOfBoundsDatetime``).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from numbers import Number

import numpy as np
import pandas as pd

__all__ = ["MAX", "MIN", "ambiguous_dates", "infer_dayfirst", "parse_dates", "parse_published", "settled_reading"]

DTYPE = "datetime64[ns, UTC]"
TZINFOS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "BST": 3600,
    "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
}
_NUMERIC_DMY = r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b"
_NUMERIC_DMY_RE = re.compile(_NUMERIC_DMY)
_EPOCH = r"-?\d{9,13}(?:\.\d+)?"
#: The representable range of ``datetime64[ns, UTC]``.
MIN, MAX = pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC")
_HAS_YEAR = r"\b\d{4}\b|^\s*\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})\b"  # _NUMERIC_DMY without groups
#: A date written year first (``2026-03-05 14:00 UTC``, ``2026/03/05``): always year, month, day.
_YEAR_FIRST = r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"


def _numeric_parts(text: pd.Series) -> pd.DataFrame:
    """``text.str.extract(_NUMERIC_DMY).dropna()``: the numeric dates' three parts, extracted from the
    values the pattern matches only (each distinct value searched once)."""
    present = text.dropna()
    if len(present):
        codes, distinct = pd.factorize(present)
        search = _NUMERIC_DMY_RE.search
        matched = np.fromiter((isinstance(v, str) and search(v) is not None for v in distinct.tolist()),
                              dtype=bool, count=len(distinct))
        text = present[matched[codes]]
    return text.str.extract(_NUMERIC_DMY).dropna()


_DAYS_IN_MONTH = np.array([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])  # index: month; February of a leap year


def _is_date(day: pd.Series, month: pd.Series, year: pd.Series) -> pd.Series:
    """Whether each (day, month, year) of numbers is a date of the calendar (two-digit years as 20yy)."""
    year = year.where(year >= 100, year + 2000)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    ok_month = month.between(1, 12)
    last = pd.Series(_DAYS_IN_MONTH[month.where(ok_month, 0).to_numpy()], index=day.index)
    last = last.where(~((month == 2) & ~leap), 28)
    return ok_month & (day >= 1) & (day <= last)


def _settling(parts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(settles day first, settles month first) for each numeric date of ``parts``: a part above 12 that
    makes a real date read one way only (``13/05/2024``, ``05/13/2024``); ``31/02/2026``, a date in
    neither reading, settles nothing."""
    first, second, year = (parts[k].astype(int) for k in (0, 1, 2))
    return (first > 12) & _is_date(first, second, year), (second > 12) & _is_date(second, first, year)


def infer_dayfirst(values: pd.Series) -> bool:
    """Day-first reading for numeric dates ``a/b/yyyy`` among ``values`` (rule in the module docstring)."""
    parts = _numeric_parts(values)
    if parts.empty:
        return True
    day_first, month_first = _settling(parts)
    return bool(day_first.any() or not month_first.any())


def settled_reading(values: pd.Series) -> tuple[bool, object] | None:
    """``(dayfirst, label)`` when a numeric date among ``values`` can be read one way only (a part
    above 12 in a real date: ``13/05/2024`` day first, ``05/13/2024`` month first), the reading :func:`infer_dayfirst`
    takes and the index label of the first such value; None when no value settles it."""
    if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
        return None
    text = _date_text(values)
    parts = _numeric_parts(text)
    if parts.empty:
        return None
    day_first, month_first = _settling(parts)
    settling = parts.index[day_first | month_first]
    return (infer_dayfirst(text.dropna()), settling[0]) if len(settling) else None


def _date_text(values: pd.Series) -> pd.Series:
    """``values`` as stripped text (``string`` dtype, NA where missing or blank), as they are parsed."""
    text = (values.map(_as_text) if values.dtype == object else values).astype("string").str.strip()
    return text.mask(text == "")


def ambiguous_dates(values: pd.Series, *, dayfirst: bool | None = None) -> pd.Series:
    """True where a value is a numeric date whose day and month could be either way (``04/07/2025``:
    both parts 12 or less and different) and nothing decided the reading: ``dayfirst`` is None and
    no numeric date among ``values`` can be read only one way, so :func:`parse_published` read it
    day first by convention. Same index as ``values``; all False for datetime or number columns."""
    none = pd.Series(False, index=values.index)
    if dayfirst is not None or not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
        return none
    parts = _numeric_parts(_date_text(values))
    if parts.empty:
        return none
    day_first, month_first = _settling(parts)
    if day_first.any() or month_first.any():
        return none
    first, second = parts[0].astype(int), parts[1].astype(int)
    either = (first != second) & (first <= 12) & (second <= 12)  # not 31/02/2026: no date, reported apart
    return none.mask(none.index.isin(parts.index[either]), True)


def _epoch(numbers: pd.Series) -> pd.Series:
    millis = numbers.abs() >= 1e12
    seconds = numbers.where(~millis, numbers / 1000.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stamps = pd.to_datetime(seconds, unit="s", utc=True, errors="coerce")
    return _in_range(stamps)[0]


def _as_text(value: object) -> object:
    if not isinstance(value, (list, tuple, dict)) and pd.isna(value):
        return pd.NA
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, Number) and not isinstance(value, bool):
        return repr(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def _dateutil(value: str, dayfirst: bool) -> pd.Timestamp | None:
    """The value parsed by dateutil, in UTC; NaT when not understood, None when out of range."""
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = parser.parse(value, dayfirst=dayfirst, tzinfos=TZINFOS)
    except (ValueError, OverflowError, TypeError):
        return pd.NaT
    try:
        stamp = pd.Timestamp(parsed)
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        return stamp.as_unit("ns") if MIN <= stamp <= MAX else None
    except (pd.errors.OutOfBoundsDatetime, OverflowError, ValueError):
        return None


def _in_range(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """A datetime column (any unit, aware or naive) as UTC nanoseconds; (values, out-of-range mask)."""
    values = values.dt.tz_localize("UTC") if values.dt.tz is None else values.dt.tz_convert("UTC")
    outside = (values.notna() & ((values < MIN) | (values > MAX))).astype(bool)
    return values.where(~outside).astype(DTYPE), outside


def _mixed(text: pd.Series, dayfirst: bool) -> pd.Series:
    """pandas' mixed-format parser on ``text`` (NaT where not understood or out of range)."""
    try:
        return _in_range(pd.to_datetime(text, format="mixed", dayfirst=dayfirst, utc=True, errors="coerce"))[0]
    except (pd.errors.OutOfBoundsDatetime, OverflowError, ValueError):  # pandas may raise despite coerce
        return pd.Series(pd.NaT, index=text.index, dtype=DTYPE)


def parse_published(values: pd.Series, *, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Parse ``values`` to UTC; returns ``(published, bad, out_of_range)``.

    ``published`` has dtype datetime64[ns, UTC] (NaT where missing, not understood or out of
    range); ``bad`` is True where a value was given but not understood or out of range;
    ``out_of_range`` is True where it was understood but outside the representable range. Same
    index as ``values``.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        out, outside = _in_range(values)
        return out, outside, outside
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        out = _epoch(values.astype("float64")).astype(DTYPE)
        bad = values.notna() & out.isna()
        return out, bad, bad.astype(bool)
    text = _date_text(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out, outside = _in_range(pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce"))
        todo = text.notna() & out.isna()
        epoch = todo & text.str.fullmatch(_EPOCH).fillna(False) if todo.any() else todo  # (regex: only if needed)
        if epoch.any():
            out[epoch] = _epoch(pd.to_numeric(text[epoch]))
            outside |= (epoch & out.isna()).astype(bool)
        todo = text.notna() & out.isna() & ~epoch
        if todo.any():
            todo &= text.str.contains(_HAS_YEAR).fillna(False)
        if todo.any():
            year_first = todo & text.str.contains(_YEAR_FIRST).fillna(False)
            others = todo & ~year_first
            first = infer_dayfirst(text[others]) if dayfirst is None else dayfirst
            for part, day_first in ((year_first, False), (others, first)):  # year first is never day first
                if not part.any():
                    continue
                out[part] = _mixed(text[part], day_first)
                rest = part & out.isna()
                if rest.any():
                    parsed = [_dateutil(v, day_first) for v in text[rest]]
                    outside[rest] = [p is None for p in parsed]
                    out[rest] = pd.Series([pd.NaT if p is None else p for p in parsed], index=text.index[rest],
                                          dtype=DTYPE)
    out = out.astype(DTYPE)
    return out, (text.notna() & out.isna()).astype(bool), outside


def parse_dates(values: pd.Series, *, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """Parse ``values`` to UTC; returns ``(published, bad)``.

    ``published`` has dtype datetime64[ns, UTC] (NaT where missing, not understood or out of
    range); ``bad`` is a boolean Series, True where a value was given but not understood or out
    of range. Same index as ``values``. See :func:`parse_published` to tell the two apart.
    """
    published, bad, _ = parse_published(values, dayfirst=dayfirst)
    return published, bad
