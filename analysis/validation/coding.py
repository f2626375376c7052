"""Validate on your own data: draw a coding sample, let people code it, read the codes back.

The round trip::

    sample = wb.coding_sample(result, n=200, unit="sentence", path="coding/sample.xlsx")
    # two coders each fill a copy: coding/anna.xlsx, coding/ben.xlsx
    codes = pd.concat([wb.read_codes("coding/anna.xlsx"), wb.read_codes("coding/ben.xlsx")])
    wb.agreement(codes)                                              # reliability between coders
    wb.agreement(pd.concat([codes, wb.workbench_codes(result, sample)]))  # ... and with the workbench

**Units.** ``"sentence"`` (a sentence of the sentences table), ``"document"`` (an article) or
``"mention"`` (an actor mention in its sentence, for tone toward that actor). Each gets a
``unit_id``: ``doc_id`` for documents, ``doc_id:sentence_id`` for sentences,
``doc_id:sentence_id:start-end`` for mentions.

**Code columns** (blank in the sheet; blank also means "not coded" when read back):

* ``tone`` — negative, neutral or positive (for a mention: the tone *toward that actor*);
* ``frame_<id>`` — yes or no, one column per frame of the codebook (sentence and document units).

A ``note`` column is free text and never read. In an ``.xlsx`` sheet the code columns have drop-down
lists and a second sheet, ``codebook``, explains every column and lists its allowed values (a
researcher may add a code column there with its own allowed values; :func:`read_codes` validates it).
CSV files use the same columns; cells of text columns that start with ``=``, ``+``, ``-`` or ``@`` get a
leading ``'`` so that a spreadsheet shows them as text instead of running them as formulas.

**Sampling.** ``n`` units drawn without replacement with ``numpy.random.default_rng(seed)``; with
``stratify_by`` the units are split by those columns and ``n`` is spread **equally** over the strata
(a stratum smaller than its share gives all its units and the rest is shared among the others; a
remainder goes to the strata with the most units left). The sample is shown in random order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import InputError
from analysis.persistence import atomic_write
from analysis.validation.data import TONE_CLASSES

__all__ = ["UNITS", "CODES_COLUMNS", "coding_sample", "read_codes", "workbench_codes", "code_columns"]

UNITS = ("sentence", "document", "mention")

#: Columns of the long codes table :func:`read_codes` and :func:`workbench_codes` return.
CODES_COLUMNS: dict[str, str] = {
    "unit": "the unit's id (unit_id of the coding sheet)",
    "coder": "who coded it",
    "variable": "the code column (tone, frame_<id>, ...)",
    "value": "the value given (text: negative/neutral/positive, yes/no, ...)",
}

_YES_NO = ("yes", "no")
_SYNONYMS = {"yes": {"y", "1", "true", "x"}, "no": {"n", "0", "false"}}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_EXCEL_MAX = 32_767
_UNITS_SHEET = "units"
_CODEBOOK_SHEET = "codebook"


# ------------------------------------------------------------------------------------- sample


def _tables(result: Any) -> dict[str, pd.DataFrame]:
    names = ("documents", "sentences", "mentions", "frames", "tone", "actor_tone")
    missing = [n for n in names[:3] if not isinstance(getattr(result, n, None), pd.DataFrame)]
    if missing:
        raise InputError(
            f"coding_sample: the first argument has no {', '.join(missing)} table; pass the Analysis "
            "that analysis.analyze(documents) returns"
        )
    return {n: getattr(result, n) for n in names if isinstance(getattr(result, n, None), pd.DataFrame)}


def _codebook_of(result: Any, codebook: Any) -> Any:
    from analysis.framing import CODEBOOKS, load_frames

    if codebook is not None:
        return load_frames(codebook)
    if getattr(result, "codebook", None) is not None:  # an Analysis records the codebook it was made with
        return result.codebook
    wanted = (getattr(result, "meta", {}) or {}).get("lexicons", {}).get("frames")
    for name in CODEBOOKS:
        book = load_frames(name)
        if wanted is None or book.sha256 == wanted:
            return book
    raise InputError(
        "the analysis was made with a frame codebook that is not shipped; pass codebook=<the same YAML> "
        "so the coding sheet lists its frames"
    )


def code_columns(unit: str, codebook: Any = None) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The code columns of a coding sheet for ``unit``: name -> (meaning, allowed values).

    ``codebook``: a loaded Codebook (or anything load_frames takes) for the ``frame_<id>`` columns of
    sentence and document units; mention units have ``tone`` only.
    """
    if unit not in UNITS:
        raise InputError(f"unit={unit!r}: use one of {', '.join(map(repr, UNITS))}")
    what = {"sentence": "this sentence", "document": "this article", "mention": "the sentence toward this actor"}[unit]
    columns = {
        "tone": (f"the tone of {what}: negative, neutral or positive (blank = not coded)", TONE_CLASSES),
    }
    if unit != "mention":
        from analysis.framing import load_frames

        book = load_frames(codebook)
        for row in book.frames.itertuples(index=False):
            description = f": {row.description}" if isinstance(row.description, str) and row.description else ""
            columns[f"frame_{row.frame_id}"] = (
                f"does {what} carry the {row.label} frame{description}? yes or no (blank = not coded)", _YES_NO
            )
    return columns


def _units(tables: dict[str, pd.DataFrame], unit: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The units to sample (sheet columns) and, row for row, the table they come from."""
    docs = tables["documents"]
    if unit == "document":
        title = docs["title"].to_numpy() if "title" in docs.columns else ""
        out = pd.DataFrame({"unit_id": docs["doc_id"].astype(str).to_numpy(),
                            "doc_id": docs["doc_id"].astype(str).to_numpy(),
                            "title": title, "text": docs["text"].to_numpy()})
        return out, docs.reset_index(drop=True)
    sents = tables["sentences"]
    if unit == "sentence":
        out = pd.DataFrame({
            "unit_id": (sents["doc_id"].astype(str) + ":" + sents["sentence_id"].astype(str)).to_numpy(),
            "doc_id": sents["doc_id"].astype(str).to_numpy(), "sentence_id": sents["sentence_id"].to_numpy(),
        })
        if "section" in sents.columns:
            out["section"] = sents["section"].to_numpy()
        out["text"] = sents["text"].to_numpy()
        return out, sents.reset_index(drop=True)
    ment = tables["mentions"]
    need = [c for c in ("doc_id", "sentence_id", "actor_id", "start", "end") if c not in ment.columns]
    if need:
        raise InputError(f"coding_sample: the mentions table lacks {', '.join(need)}; pass the Analysis analyze() returns")
    keyed = ment.astype({"doc_id": str}).merge(
        sents[["doc_id", "sentence_id", "text"]].astype({"doc_id": str}), on=["doc_id", "sentence_id"], how="left"
    )
    keyed = keyed.assign(_key=keyed["doc_id"] + ":" + keyed["sentence_id"].astype(str) + ":"
                         + keyed["start"].astype(str) + "-" + keyed["end"].astype(str))
    keyed = keyed.drop_duplicates("_key").reset_index(drop=True)
    texts = keyed["text"].fillna("").astype(str).tolist()
    starts, ends = keyed["start"].astype(int).tolist(), keyed["end"].astype(int).tolist()
    out = pd.DataFrame({
        "unit_id": keyed["_key"].to_numpy(),
        "doc_id": keyed["doc_id"].to_numpy(), "sentence_id": keyed["sentence_id"].to_numpy(),
        "actor_id": keyed["actor_id"].to_numpy(),
        "actor": keyed["actor"].to_numpy() if "actor" in keyed.columns else keyed["actor_id"].to_numpy(),
        "mention": [t[a:b] for t, a, b in zip(texts, starts, ends)],
        "text": [f"{t[:a]}[[{t[a:b]}]]{t[b:]}" for t, a, b in zip(texts, starts, ends)],
    })
    return out, keyed.drop(columns=["_key", "text"])


def _allocate(sizes: list[int], n: int) -> list[int]:
    """Equal allocation of ``n`` over strata of the given sizes (see the module docstring)."""
    quota = [0] * len(sizes)
    remaining = n
    active = [i for i, s in enumerate(sizes) if s > 0]
    while remaining > 0 and active:
        share = remaining // len(active)
        if share == 0:
            by_room = sorted(active, key=lambda i: (-(sizes[i] - quota[i]), i))
            for i in by_room[:remaining]:
                quota[i] += 1
            break
        for i in active:
            take = min(share, sizes[i] - quota[i])
            quota[i] += take
            remaining -= take
        active = [i for i in active if quota[i] < sizes[i]]
    return quota


def _draw(units: pd.DataFrame, strata: pd.DataFrame | None, n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    if strata is None:
        picked = np.sort(rng.choice(len(units), size=min(n, len(units)), replace=False))
    else:
        keys = strata.astype(object).where(strata.notna(), "<NA>").astype(str).agg(" | ".join, axis=1)
        codes, uniques = pd.factorize(keys, sort=True)
        members = [np.flatnonzero(codes == k) for k in range(len(uniques))]
        quota = _allocate([len(m) for m in members], n)
        picked = np.sort(np.concatenate(
            [rng.choice(m, size=q, replace=False) for m, q in zip(members, quota)] or [np.array([], dtype=int)]
        ).astype(np.int64))
    order = rng.permutation(len(picked))
    return units.iloc[picked[order]].reset_index(drop=True)


def coding_sample(
    analysis_result: Any,
    *,
    n: int = 100,
    unit: str = "sentence",
    stratify_by: str | Sequence[str] | None = None,
    seed: int = 0,
    path: str | os.PathLike[str] | None = None,
    codebook: Any = None,
) -> pd.DataFrame:
    """A random sample of units to code by hand, with blank code columns; written to CSV or Excel.

    ``analysis_result``: the Analysis :func:`analysis.analyze` returns. ``unit``: "sentence",
    "document" or "mention". ``n``: units to draw (all of them when there are fewer). ``stratify_by``:
    column name(s) of the unit table or of the documents table (e.g. "outlet", "section", "actor_id");
    ``n`` is spread equally over their strata. ``seed``: same seed, same sample. ``path``: write the
    sheet there (``.csv`` or ``.xlsx``, written atomically); None writes nothing. ``codebook``: the frame
    codebook for the frame columns (None = the analysis's own, if it is a shipped one).

    Returns the sample: unit_id, doc_id, then per unit sentence_id and section (sentence); title
    (document); sentence_id, actor_id, actor, mention (mention); text (for a mention, the sentence with
    the mention marked ``[[...]]``); the stratification columns; the blank code columns (tone, and
    frame_<id> for sentences and documents; see :func:`code_columns`); note.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise InputError(f"n={n!r}: give a whole number of units >= 1")
    if unit not in UNITS:
        raise InputError(f"unit={unit!r}: use one of {', '.join(map(repr, UNITS))}")
    tables = _tables(analysis_result)
    book = None if unit == "mention" else _codebook_of(analysis_result, codebook)
    columns = code_columns(unit, book)
    units, source = _units(tables, unit)
    strata = None
    if stratify_by is not None:
        names = [stratify_by] if isinstance(stratify_by, str) else list(stratify_by)
        docs = tables["documents"].astype({"doc_id": str}).drop_duplicates("doc_id").set_index("doc_id")
        for name in names:
            if name in units.columns:
                continue
            if name in source.columns and name not in ("text", "title"):
                units[name] = source[name].to_numpy()
            elif name in docs.columns and name not in ("text", "title"):
                units[name] = units["doc_id"].map(docs[name]).to_numpy()
            else:
                raise InputError(
                    f"stratify_by={name!r}: not a column of the {unit} units or of the documents table; "
                    "use e.g. 'outlet', 'section' (sentences) or 'actor_id' (mentions)"
                )
        strata = units[names]
    sample = _draw(units, strata, int(n), int(seed))
    for name in columns:
        sample[name] = ""
    sample["note"] = ""
    if path is not None:
        _write_sheet(sample, columns, Path(path))
    return sample


# -------------------------------------------------------------------------------------- write


def _csv_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _info(column: str) -> str:
    return {
        "unit_id": "the unit's id: do not edit (it links your codes to the analysis)",
        "doc_id": "the article's id",
        "sentence_id": "the sentence's number in the article (0 = headline)",
        "section": "where the sentence stands: headline, standfirst, body or a section heading",
        "title": "the article's headline",
        "text": "what to read and code",
        "actor_id": "the actor's id in the lexicon",
        "actor": "the actor's name",
        "mention": "the words that name the actor (marked [[...]] in text)",
        "note": "free text for the coder; not read back",
    }.get(column, "stratum of the sample")


def _write_sheet(sample: pd.DataFrame, columns: dict[str, tuple[str, tuple[str, ...]]], target: Path) -> None:
    suffix = target.suffix.lower()
    if suffix == ".csv":
        text_columns = [c for c in sample.columns if c not in columns and c not in ("unit_id",)]
        safe = sample.copy()
        for c in text_columns:
            safe[c] = safe[c].map(_csv_safe)
        atomic_write(target, lambda p: safe.to_csv(p, index=False, encoding="utf-8-sig"))
    elif suffix == ".xlsx":
        atomic_write(target, lambda p: _write_xlsx(sample, columns, p))
    else:
        raise InputError(f"{target}: write the coding sheet as .csv or .xlsx")


def _write_xlsx(sample: pd.DataFrame, columns: dict[str, tuple[str, tuple[str, ...]]], path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = _UNITS_SHEET
    header = list(sample.columns)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(sample.itertuples(index=False), start=2):
        for col_number, value in enumerate(row, start=1):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if isinstance(value, (np.integer,)):
                value = int(value)
            if isinstance(value, str):
                if len(value) > _EXCEL_MAX:
                    cut = _EXCEL_MAX - 80
                    value = value[:cut] + f" [... {len(value) - cut} more characters cut: Excel's cell limit]"
                cell = sheet.cell(row=row_number, column=col_number, value=value)
                cell.data_type = "s"  # always text, never a formula
            else:
                sheet.cell(row=row_number, column=col_number, value=value)
    last = max(2, len(sample) + 1)
    for col_number, name in enumerate(header, start=1):
        letter = get_column_letter(col_number)
        sheet.column_dimensions[letter].width = 80 if name == "text" else 14 if name in columns else 18
        if name == "text":
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if name in columns:
            allowed = columns[name][1]
            check = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True,
                                   showErrorMessage=True, error=f"Use one of: {', '.join(allowed)}",
                                   errorTitle=f"{name}: not an allowed value")
            check.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(check)
    sheet.freeze_panes = "B2"
    guide = book.create_sheet(_CODEBOOK_SHEET)
    guide.append(["column", "meaning", "allowed values"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for name in header:
        meaning, allowed = columns.get(name, (_info(name), ()))
        guide.append([name, meaning, ", ".join(allowed)])
        for cell in guide[guide.max_row]:
            cell.data_type = "s"
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 100
    guide.column_dimensions["C"].width = 30
    book.save(path)


# --------------------------------------------------------------------------------------- read


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _read_rows(path: Path) -> tuple[list[str], list[list[object]], dict[str, tuple[str, ...]] | None]:
    """Header, data rows and (xlsx) the codebook's allowed values per code column."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (pd.errors.ParserError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: not a readable CSV file ({error}); save it as UTF-8 CSV") from None
        except pd.errors.EmptyDataError:
            raise InputError(f"{path}: the file is empty; it needs a header row with unit_id and code columns") from None
        return [str(c) for c in frame.columns], frame.to_numpy(dtype=object).tolist(), None
    if suffix != ".xlsx":
        raise InputError(f"{path}: read a coding sheet saved as .csv or .xlsx")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several types for damaged files
        raise InputError(f"{path}: not a readable .xlsx workbook ({type(error).__name__}: {error})") from None
    try:
        sheet = book[_UNITS_SHEET] if _UNITS_SHEET in book.sheetnames else book.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        allowed = None
        if _CODEBOOK_SHEET in book.sheetnames:
            allowed = {}
            for r in list(book[_CODEBOOK_SHEET].iter_rows(values_only=True))[1:]:
                if r and r[0] and len(r) > 2 and r[2] not in (None, ""):
                    allowed[str(r[0]).strip()] = tuple(v.strip().lower() for v in str(r[2]).split(",") if v.strip())
    finally:
        book.close()
    if not rows:
        raise InputError(f"{path}: the sheet is empty; it needs a header row with unit_id and code columns")
    header = ["" if c is None else str(c).strip() for c in rows[0]]
    return header, rows[1:], allowed


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _normalise(text: str, allowed: tuple[str, ...]) -> str | None:
    low = text.lower()
    if low in allowed:
        return low
    if set(allowed) == set(_YES_NO):
        for word, synonyms in _SYNONYMS.items():
            if low in synonyms:
                return word
    return None


def read_codes(path: str | os.PathLike[str], *, coder: str | None = None) -> pd.DataFrame:
    """Read a filled coding sheet (.csv or .xlsx from :func:`coding_sample`) into long codes.

    ``coder``: the coder's name (default: the file's name without its extension). Code columns and
    their allowed values come from the xlsx ``codebook`` sheet, else from the column names (``tone``:
    negative/neutral/positive; ``frame_<id>``: yes/no). Values are read case-insensitively; yes/no
    columns also take y/n, 1/0, true/false, x. Blank cells are "not coded" and give no row.

    Output columns (:data:`CODES_COLUMNS`): unit, coder, variable, value (all text), one row per
    filled code cell, in sheet order. Raises InputError naming the file, the row (as a spreadsheet
    numbers it: the header is row 1), the column (name and letter) and the allowed values for every
    bad value (up to 10 listed), and for a missing unit_id column, a blank or duplicated unit_id.
    """
    target = Path(path)
    if not target.is_file():
        raise InputError(f"{target}: no such coding sheet; pass the path of a filled .csv or .xlsx file")
    header, rows, allowed = _read_rows(target)
    if "unit_id" not in header:
        raise InputError(f"{target}: no 'unit_id' column in the header row; use the sheet coding_sample wrote")
    if allowed is None:
        allowed = {c: TONE_CLASSES for c in header if c == "tone"}
        allowed.update({c: _YES_NO for c in header if c.startswith("frame_")})
    code_cols = [(i, c) for i, c in enumerate(header) if c in allowed]
    if not code_cols:
        raise InputError(f"{target}: no code columns (tone, frame_<id>, or those the codebook sheet lists) in the header row")
    who = coder if coder is not None else target.stem
    unit_col = header.index("unit_id")
    out, problems, seen = [], [], {}
    for r, row in enumerate(rows, start=2):
        row = list(row) + [None] * (len(header) - len(row))
        if all(_cell_text(v) == "" for v in row):
            continue
        unit = _cell_text(row[unit_col])
        if unit == "":
            problems.append(f"row {r}, column 'unit_id' ({_letter(unit_col)}): blank; every coded row needs its unit_id")
            continue
        if unit in seen:
            problems.append(f"row {r}, column 'unit_id' ({_letter(unit_col)}): {unit!r} already on row {seen[unit]}; "
                            "code each unit once")
            continue
        seen[unit] = r
        for i, name in code_cols:
            text = _cell_text(row[i])
            if text == "":
                continue
            value = _normalise(text, allowed[name])
            if value is None:
                problems.append(f"row {r}, column {name!r} ({_letter(i)}): {text!r} is not allowed; use one of "
                                f"{', '.join(allowed[name])}, or leave it blank if not coded")
                continue
            out.append({"unit": unit, "coder": who, "variable": name, "value": value})
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise InputError(f"{target}: " + f"; {target}: ".join(problems[:10]) + more)
    return pd.DataFrame(out, columns=list(CODES_COLUMNS)).astype("str")


# --------------------------------------------------------------------------- the workbench's codes


def workbench_codes(
    analysis_result: Any, sample: pd.DataFrame, *, coder: str = "workbench", codebook: Any = None
) -> pd.DataFrame:
    """The workbench's own codes for the units of a coding sample, to compare with human coders.

    ``tone`` (sentence units): the sentence's tone score (the ``tone`` table's first score column:
    TextBlob polarity or VADER compound) classed with the neutral band chosen on NewsMTSC train
    (``lexicons/target_tone.json``); mention units: the ``actor_tone`` table's ``label`` when it was made
    with ``method="target"``, else its score classed the same way. Document units get no tone code.
    ``frame_<id>`` (sentence units): "yes" when the sentence has a hit of that frame; document units:
    "yes" when the article's hits reach the frame's threshold.

    Output columns (:data:`CODES_COLUMNS`): unit, coder, variable, value.
    """
    from analysis.target_tone import band_labels, load_target_model

    if "unit_id" not in getattr(sample, "columns", ()):
        raise InputError("workbench_codes: sample must be the table coding_sample returned (with unit_id)")
    tables = _tables(analysis_result)
    ids = sample["unit_id"].astype(str)
    unit = "mention" if "actor_id" in sample.columns else "sentence" if "sentence_id" in sample.columns else "document"
    bands = load_target_model().bands
    rows: list[dict[str, str]] = []

    def add(unit_ids: Sequence[str], variable: str, values: Sequence[str]) -> None:
        rows.extend({"unit": u, "coder": coder, "variable": variable, "value": v} for u, v in zip(unit_ids, values))

    if unit == "sentence" and "tone" in tables:
        tone = tables["tone"]
        score = [c for c in tone.columns if c not in ("doc_id", "sentence_id")][0]
        key = tone["doc_id"].astype(str) + ":" + tone["sentence_id"].astype(str)
        scores = pd.Series(tone[score].to_numpy(dtype=float), index=key)
        present = ids[ids.isin(scores.index)]
        band = bands["vader" if score == "compound" else "textblob"]
        add(present.tolist(), "tone", band_labels(scores.loc[present].to_numpy(), band).tolist())
    if unit == "mention" and "actor_tone" in tables:
        at = tables["actor_tone"]
        key = (at["doc_id"].astype(str) + ":" + at["sentence_id"].astype(str) + ":" + at["start"].astype(str)
               + "-" + at["end"].astype(str))
        if "label" in at.columns:
            labels = pd.Series(at["label"].astype(str).to_numpy(), index=key)
        else:
            score = "polarity" if "polarity" in at.columns else "compound"
            band = bands["vader" if score == "compound" else "textblob"]
            labels = pd.Series(band_labels(at[score].to_numpy(dtype=float), band), index=key)
        labels = labels[~labels.index.duplicated()]
        present = ids[ids.isin(labels.index)]
        add(present.tolist(), "tone", labels.loc[present].tolist())
    if unit != "mention" and "frames" in tables:
        book = _codebook_of(analysis_result, codebook)
        frames = tables["frames"]
        if unit == "sentence":
            hit = set(zip(frames["doc_id"].astype(str) + ":" + frames["sentence_id"].astype(str), frames["frame_id"]))
            for frame_id in book.frames["frame_id"]:
                add(ids.tolist(), f"frame_{frame_id}", ["yes" if (u, frame_id) in hit else "no" for u in ids])
        else:
            by_doc = frames.astype({"doc_id": str}).groupby(["doc_id", "frame_id"])
            hits = by_doc["hits"].sum()
            distinct = by_doc["terms"].agg(lambda t: len({w for ts in t for w in ts.split("; ")}))
            for frame_id, threshold, min_terms in zip(book.frames["frame_id"], book.frames["threshold"],
                                                      book.frames["min_terms"]):
                add(ids.tolist(), f"frame_{frame_id}",
                    ["yes" if hits.get((u, frame_id), 0) >= threshold and distinct.get((u, frame_id), 0) >= min_terms
                     else "no" for u in ids])
    return pd.DataFrame(rows, columns=list(CODES_COLUMNS)).astype("str")

