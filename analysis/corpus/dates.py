"""Publication dates in any common format to ``datetime64[ns, UTC]``.

Policy (documented in the README):

* Understood: ISO 8601 with or without a zone (``2024-05-09``, ``2024-05-09T10:00:00+02:00``,
  ``...Z``), RFC 2822 (``Thu, 09 May 2024 10:00:00 +0200``), written dates (``May 9, 2024``,
  ``9 May 2024 10:00``), numeric day/month/year dates (``09/05/2024``, ``9.5.2024``), Unix epoch
  seconds (9-11 digits, or a number) and milliseconds (12-13 digits), datetime objects (e.g. from
  YAML or Parquet). Common zone abbreviations (UTC, GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT, BST,
  CET/CEST, EET/EEST) are understood; other abbreviations are ignored.
* Times without a zone are taken as UTC. Everything is converted to UTC.
* Day-first: ``dayfirst=None`` (the default) decides from the values themselves: if some numeric
  date can only be day-first (``13/05/2024``) they are read day-first, if some can only be
  month-first (``05/13/2024``) month-first; when all are ambiguous they are read day-first (the
  international convention). ``dayfirst=True``/``False`` forces the reading. ISO dates
  (year first) are never affected.
* A value without a year (``May 9``) is not guessed. A value that is not understood becomes NaT
  and is reported by the caller (one warning for the whole load), never an error.
"""

from __future__ import annotations

import datetime as dt
import warnings
from numbers import Number

import pandas as pd

__all__ = ["infer_dayfirst", "parse_dates"]

DTYPE = "datetime64[ns, UTC]"
TZINFOS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "BST": 3600,
    "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
}
_NUMERIC_DMY = r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b"
_EPOCH = r"-?\d{9,13}(?:\.\d+)?"
_HAS_YEAR = r"\b\d{4}\b|^\s*\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})\b"  # _NUMERIC_DMY without groups


def infer_dayfirst(values: pd.Series) -> bool:
    """Day-first reading for numeric dates ``a/b/yyyy`` among ``values`` (rule in the module docstring)."""
    parts = values.str.extract(_NUMERIC_DMY).dropna()
    if parts.empty:
        return True
    first, second = parts[0].astype(int), parts[1].astype(int)
    if (first > 12).any():
        return True
    if (second > 12).any():
        return False
    return True


def _epoch(numbers: pd.Series) -> pd.Series:
    millis = numbers.abs() >= 1e11
    seconds = numbers.where(~millis, numbers / 1000.0)
    return pd.to_datetime(seconds, unit="s", utc=True, errors="coerce")


def _as_text(value: object) -> object:
    if not isinstance(value, (list, tuple, dict)) and pd.isna(value):
        return pd.NA
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, Number) and not isinstance(value, bool):
        return repr(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def _dateutil(value: str, dayfirst: bool) -> pd.Timestamp:
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamp = pd.Timestamp(parser.parse(value, dayfirst=dayfirst, tzinfos=TZINFOS))
    except (ValueError, OverflowError, TypeError):
        return pd.NaT
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def parse_dates(values: pd.Series, *, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """Parse ``values`` to UTC; returns ``(published, bad)``.

    ``published`` has dtype datetime64[ns, UTC] (NaT where missing or not understood); ``bad`` is
    a boolean Series, True where a value was given but not understood. Same index as ``values``.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").astype(DTYPE), pd.Series(False, index=values.index)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values.dt.tz_localize("UTC").astype(DTYPE), pd.Series(False, index=values.index)
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        out = _epoch(values.astype("float64")).astype(DTYPE)
        return out, values.notna() & out.isna()
    text = (values.map(_as_text) if values.dtype == object else values).astype("string").str.strip()
    text = text.mask(text == "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce").astype(DTYPE)
        todo = text.notna() & out.isna()
        epoch = todo & text.str.fullmatch(_EPOCH).fillna(False)
        if epoch.any():
            out[epoch] = _epoch(pd.to_numeric(text[epoch]))
        todo = text.notna() & out.isna() & text.str.contains(_HAS_YEAR).fillna(False)
        if todo.any():
            first = infer_dayfirst(text[todo]) if dayfirst is None else dayfirst
            out[todo] = pd.to_datetime(text[todo], format="mixed", dayfirst=first, utc=True, errors="coerce")
            rest = todo & out.isna()
            if rest.any():
                out[rest] = [_dateutil(v, first) for v in text[rest]]
    out = out.astype(DTYPE)
    return out, text.notna() & out.isna()
