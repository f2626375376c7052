"""Agreement between coders: percent agreement, Cohen's kappa and Krippendorff's alpha.

Codes come in the long format :func:`analysis.validation.read_codes` returns: one row per unit, coder (and
variable) with the value that coder gave; a unit a coder did not code has no row (or a missing value).

* **Percent agreement**: the share of agreeing pairs among all pairs of values given to the same
  unit by different coders (units with at least two values); with two coders, the share of units
  both coded on which they agree.
* **Cohen's kappa** (unweighted; Cohen 1960): ``(p_o - p_e) / (1 - p_e)`` over the units both coders
  coded, ``p_e`` from each coder's own marginal distribution. Only for exactly two coders (else NA).
* **Krippendorff's alpha** (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
  ``1 - D_o / D_e`` from the coincidence matrix of pairable values; any number of coders, missing
  values allowed (units with fewer than two values are not pairable and drop out). ``measurement`` sets the
  difference function: ``nominal`` (values differ or not), ``ordinal`` (ranks, weighted by how many
  values lie between), ``interval`` (squared difference), ``ratio``. Undefined (NA) when the
  pairable values show no variation at all.

Ordinal, interval and ratio levels need ordered values: numbers, an ordered pandas Categorical, or
the tone labels negative < neutral < positive (read as -1, 0, 1).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.deprecation import renamed_keywords
from analysis.errors import InputError, require_columns, require_table

__all__ = ["AGREEMENT_COLUMNS", "LEVELS", "agreement", "krippendorff_alpha", "cohen_kappa", "percent_agreement"]

LEVELS = ("nominal", "ordinal", "interval", "ratio")

#: Output columns of :func:`agreement`.
AGREEMENT_COLUMNS: dict[str, str] = {
    "variable": "the coded variable (only when the codes have a variable column)",
    "level": "the level of measurement used for alpha",
    "n_units": "units with at least one value",
    "n_pairable": "units with values from at least two coders (the ones agreement is computed on)",
    "n_coders": "coders with at least one value",
    "n_values": "values (non-missing codes)",
    "percent_agreement": "share of agreeing pairs of values within units (0..1)",
    "cohen_kappa": "Cohen's kappa, unweighted (exactly two coders, else NA)",
    "krippendorff_alpha": "Krippendorff's alpha at the given level (NA when undefined)",
}

_TONE_ORDER = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}


def _prepare(codes: pd.DataFrame, unit: str, coder: str, value: str, what: str) -> pd.DataFrame:
    require_table(codes, fn=what, name="codes", fix="pass the table analysis.validation.read_codes returns, "
                                                    "with columns unit, coder, value")
    require_columns(codes, {"unit_column": unit, "coder_column": coder, "value_column": value}, fn=what,
                    name="codes",
                    fix="pass unit_column=, coder_column=, value_column= naming its columns, or use the table "
                        "analysis.validation.read_codes returns")
    table = codes[[unit, coder, value]].rename(columns={unit: "unit", coder: "coder", value: "value"})
    table = table[table["value"].notna()]
    dup = table.duplicated(["unit", "coder"], keep=False)
    if dup.any():
        first = table[dup].iloc[0]
        who, which = (v.item() if isinstance(v, np.generic) else v for v in (first["coder"], first["unit"]))
        raise InputError(
            f"{what}: coder {who!r} gave unit {which!r} more than one value; keep one "
            "value per unit and coder (and variable)"
        )
    return table


def _numeric(values: pd.Series, level: str) -> tuple[np.ndarray, np.ndarray]:
    """Value codes (index into the sorted distinct values) and those distinct values, as numbers."""
    if isinstance(values.dtype, pd.CategoricalDtype) and values.dtype.ordered:
        cats = values.cat.remove_unused_categories()
        return cats.cat.codes.to_numpy(dtype=np.int64), np.arange(len(cats.cat.categories), dtype=float)
    raw = values.to_numpy(dtype=object)
    try:
        numbers = np.array([float(v) if not isinstance(v, bool) else float(v) for v in raw], dtype=float)
    except (TypeError, ValueError):
        if all(isinstance(v, str) and v in _TONE_ORDER for v in raw):
            numbers = np.array([_TONE_ORDER[v] for v in raw], dtype=float)
        else:
            raise InputError(
                f"measurement={level!r} needs ordered values: numbers, an ordered pandas Categorical, or the tone "
                f"labels negative/neutral/positive; got values such as {raw[0]!r}. Use measurement='nominal' or map "
                "the values to numbers"
            ) from None
    distinct, index = np.unique(numbers, return_inverse=True)
    return index.astype(np.int64), distinct


def _coincidences(table: pd.DataFrame, level: str) -> tuple[np.ndarray, np.ndarray]:
    """The coincidence matrix of pairable values and the distinct values (numbers, or positions)."""
    if level == "nominal":
        index, distinct = pd.factorize(table["value"], sort=False)
        values = np.arange(len(distinct), dtype=float)
    else:
        index, values = _numeric(table["value"], level)
    units, unit_index = np.unique(table["unit"].astype(str).to_numpy(), return_inverse=True)
    counts = np.zeros((len(units), len(values)))
    np.add.at(counts, (unit_index, index), 1.0)
    m = counts.sum(axis=1)
    pairable = m >= 2
    counts, m = counts[pairable], m[pairable]
    if len(m) == 0:
        return np.zeros((len(values), len(values))), values
    scaled = counts / (m - 1)[:, None]
    o = scaled.T @ counts - np.diag(scaled.sum(axis=0))
    return o, values


def _delta(level: str, values: np.ndarray, n_c: np.ndarray) -> np.ndarray:
    """Squared differences between the distinct values for each level of measurement."""
    a, b = np.meshgrid(values, values, indexing="ij")
    if level == "nominal":
        return (a != b).astype(float)
    if level == "interval":
        return (a - b) ** 2
    if level == "ratio":
        with np.errstate(invalid="ignore", divide="ignore"):
            d = ((a - b) / (a + b)) ** 2
        return np.nan_to_num(d, nan=0.0, posinf=0.0)
    # ordinal: (sum of n_g from c to k - (n_c + n_k) / 2)^2, values in rank order
    cum = np.concatenate([[0.0], np.cumsum(n_c)])
    i, j = np.meshgrid(np.arange(len(values)), np.arange(len(values)), indexing="ij")
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    between = cum[hi + 1] - cum[lo]
    return (between - (n_c[i] + n_c[j]) / 2.0) ** 2


def _check_level(level: object) -> str:
    if level not in LEVELS:
        raise InputError(f"measurement={level!r}: use one of {', '.join(map(repr, LEVELS))}")
    return str(level)


def _alpha(table: pd.DataFrame, level: str) -> float:
    o, values = _coincidences(table, level)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n <= 1:
        return float("nan")
    delta = _delta(level, values, n_c)
    observed = (o * delta).sum()
    expected = (np.outer(n_c, n_c) * delta).sum() / (n - 1)
    if expected <= 0:
        return float("nan")
    return float(1.0 - observed / expected)


def _percent(table: pd.DataFrame) -> float:
    counts = table.groupby(["unit", "value"], sort=False, observed=True).size()
    per_unit = counts.groupby(level=0, sort=False).sum()
    pairable = per_unit[per_unit >= 2]
    if pairable.empty:
        return float("nan")
    agree = counts[counts.index.get_level_values(0).isin(pairable.index)]
    return float((agree * (agree - 1)).sum() / (pairable * (pairable - 1)).sum())


def _kappa(table: pd.DataFrame) -> float:
    coders = pd.unique(table["coder"])
    if len(coders) != 2:
        return float("nan")
    wide = table.pivot(index="unit", columns="coder", values="value").dropna()
    if wide.empty:
        return float("nan")
    a, b = wide[coders[0]].to_numpy(dtype=object), wide[coders[1]].to_numpy(dtype=object)
    observed = float(np.mean(a == b))
    categories = pd.unique(np.concatenate([a, b]))
    expected = float(sum(np.mean(a == c) * np.mean(b == c) for c in categories))
    if expected >= 1.0:
        return float("nan")
    return (observed - expected) / (1.0 - expected)


@renamed_keywords(unit="unit_column", coder="coder_column", value="value_column", level="measurement")
def krippendorff_alpha(
    codes: pd.DataFrame, *, unit_column: str = "unit", coder_column: str = "coder", value_column: str = "value",
    measurement: str = "nominal",
) -> float:
    """Krippendorff's alpha of one variable's codes (long format: unit, coder, value); NaN when undefined.

    ``measurement``: the level of measurement (old keyword ``level=``, deprecated)."""
    return _alpha(_prepare(codes, unit_column, coder_column, value_column, "krippendorff_alpha"),
                  _check_level(measurement))


@renamed_keywords(unit="unit_column", coder="coder_column", value="value_column")
def cohen_kappa(codes: pd.DataFrame, *, unit_column: str = "unit", coder_column: str = "coder",
                value_column: str = "value") -> float:
    """Cohen's (unweighted) kappa of one variable's codes by exactly two coders; NaN otherwise."""
    return _kappa(_prepare(codes, unit_column, coder_column, value_column, "cohen_kappa"))


@renamed_keywords(unit="unit_column", coder="coder_column", value="value_column")
def percent_agreement(codes: pd.DataFrame, *, unit_column: str = "unit", coder_column: str = "coder",
                      value_column: str = "value") -> float:
    """Share of agreeing pairs of values within units (see the module docstring); NaN without pairs."""
    return _percent(_prepare(codes, unit_column, coder_column, value_column, "percent_agreement"))


@renamed_keywords(unit="unit_column", coder="coder_column", value="value_column", level="measurement")
def agreement(
    codes: pd.DataFrame,
    *,
    unit_column: str = "unit",
    coder_column: str = "coder",
    value_column: str = "value",
    measurement: str | Mapping[str, str] = "nominal",
) -> pd.DataFrame:
    """Inter-coder agreement per variable: percent agreement, Cohen's kappa, Krippendorff's alpha.

    ``codes``: long format, one row per unit and coder (and variable) — the table
    :func:`analysis.validation.read_codes` returns (columns unit, coder, variable, value); other column
    names via ``unit_column=``, ``coder_column=``, ``value_column=`` (old keywords ``unit=``, ``coder=``,
    ``value=``, deprecated: ``unit=`` is the unit of analysis and ``coder=`` a coder's name elsewhere). With a ``variable`` column every variable gets its own row; without,
    one row. Missing values (NA, or no row) mean "not coded". ``measurement``: the level of
    measurement for alpha, nominal, ordinal, interval or ratio; one level for all, or a mapping
    ``{variable: level}`` (variables not named are nominal). The old keyword ``level=`` is deprecated
    (``level=`` only switches the unit of a table's rows).

    Output columns (:data:`AGREEMENT_COLUMNS`): variable (when present), level, n_units, n_pairable,
    n_coders, n_values, percent_agreement, cohen_kappa (NA unless exactly two coders), krippendorff_alpha.
    Raises InputError for missing columns, two values by one coder for one unit, an unknown level, or
    non-ordered values at the ordinal, interval or ratio level.
    """
    has_variable = "variable" in codes.columns if isinstance(codes, pd.DataFrame) else False
    levels = dict(measurement) if isinstance(measurement, Mapping) else {}
    groups = (
        list(codes.groupby("variable", sort=False, dropna=False)) if has_variable else [(None, codes)]
    )
    rows = []
    for variable, part in groups:
        lvl = _check_level(levels.get(variable, "nominal") if isinstance(measurement, Mapping) else measurement)
        what = f"agreement (variable {variable!r})" if has_variable else "agreement"
        table = _prepare(part, unit_column, coder_column, value_column, what)
        per_unit = table.groupby("unit", sort=False).size()
        row = {"variable": variable} if has_variable else {}
        row.update(
            {
                "level": lvl,
                "n_units": int(len(per_unit)),
                "n_pairable": int((per_unit >= 2).sum()),
                "n_coders": int(table["coder"].nunique()),
                "n_values": int(len(table)),
                "percent_agreement": _percent(table),
                "cohen_kappa": _kappa(table),
                "krippendorff_alpha": _alpha(table, lvl),
            }
        )
        rows.append(row)
    columns = (["variable"] if has_variable else []) + [c for c in AGREEMENT_COLUMNS if c != "variable"]
    return pd.DataFrame(rows, columns=columns)
