"""Readers for the human-coded validation data sets, and where to find them.

* :func:`read_newsmtsc` reads any file in NewsMTSC's JSON Lines format (Hamborg & Donnay 2021): one
  sentence per line, ``sentence_normalized`` and ``targets[]`` with ``from``/``to`` character offsets
  (``to`` one past the mention's last character) and ``polarity`` 2.0 / 4.0 / 6.0 (negative / neutral /
  positive), into one row per target.
* :func:`read_narrative_frames` reads any file in the narrative-framing ``articles_metadata.tsv`` format
  (Frermann et al. 2023): ``ID``, ``text`` and boolean frame columns ``CO``, ``HI``, ``EC``, ``MO``,
  ``RE``, into a documents table and long gold codes, reporting every row or value it skipped or
  read leniently.
* :func:`datasets_path` and :func:`dataset_files` resolve the folder: an explicit path, else
  ``$MEDIA_WORKBENCH_DATASETS``, else ``../shared/datasets`` beside the repository.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import InputError, json_problem
from analysis.persistence import file_sha256

__all__ = [
    "TONE_CLASSES",
    "NEWSMTSC_POLARITY",
    "FRAME_COLUMNS",
    "NEWSMTSC_COLUMNS",
    "read_newsmtsc",
    "read_narrative_frames",
    "datasets_path",
    "dataset_files",
    "file_sha256",
    "newsmtsc_article",
    "newsmtsc_groups",
    "newsmtsc_group_gold",
]

#: The three tone classes, in their natural order.
TONE_CLASSES: tuple[str, ...] = ("negative", "neutral", "positive")

#: NewsMTSC's polarity codes.
NEWSMTSC_POLARITY: dict[float, str] = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

#: narrative-framing column -> frame id of the generic codebook (analysis/lexicons/generic.yml).
FRAME_COLUMNS: dict[str, str] = {
    "CO": "conflict",
    "HI": "human_interest",
    "EC": "economic",
    "MO": "morality",
    "RE": "responsibility",
}

#: Columns of :func:`read_newsmtsc`.
NEWSMTSC_COLUMNS: dict[str, str] = {
    "line": "line of the file (1-based)",
    "primary_gid": "the sentence's id in the file",
    "target": "the target's position in the line's targets list (0-based)",
    "sentence": "the sentence (sentence_normalized)",
    "mention": "the target's mention: sentence[start:end]",
    "start": "offset of the mention's first character in the sentence",
    "end": "offset one past the mention's last character",
    "n_targets": "number of targets in the sentence",
    "gold": "the human label: negative, neutral or positive",
}

_REPO = Path(__file__).resolve().parents[2]
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def datasets_path(datasets: str | os.PathLike[str] | None = None) -> Path:
    """The validation data folder: ``datasets`` if given, else ``$MEDIA_WORKBENCH_DATASETS``, else
    ``../shared/datasets`` relative to the repository. The folder need not exist (see
    :func:`dataset_files`)."""
    if datasets is not None and str(datasets).strip():
        return Path(datasets).expanduser()
    env = os.environ.get("MEDIA_WORKBENCH_DATASETS")
    if env:
        return Path(env).expanduser()
    return _REPO.parent / "shared" / "datasets"


def dataset_files(
    datasets: str | os.PathLike[str] | None = None,
    *,
    newsmtsc_file: str | os.PathLike[str] | None = None,
    frames_file: str | os.PathLike[str] | None = None,
) -> dict[str, Path]:
    """The files a validation run reads, each checked to exist.

    Keys: ``newsmtsc`` (the test file; default ``<datasets>/newsmtsc/devtest_mt.jsonl``),
    ``newsmtsc_train`` (``<datasets>/newsmtsc/train.jsonl``, present only if it exists), ``frames``
    (default ``<datasets>/narrative-framing/articles_metadata.tsv``). Explicit file paths win over the
    folder. Raises InputError naming the missing file and how to point at it.
    """
    root = datasets_path(datasets)
    files = {
        "newsmtsc": Path(newsmtsc_file) if newsmtsc_file else root / "newsmtsc" / "devtest_mt.jsonl",
        "frames": Path(frames_file) if frames_file else root / "narrative-framing" / "articles_metadata.tsv",
    }
    for key, path in files.items():
        if not path.is_file():
            option = "newsmtsc_file" if key == "newsmtsc" else "frames_file"
            raise InputError(
                f"{path}: no such file; pass datasets=<folder holding newsmtsc/ and narrative-framing/>, "
                f"set MEDIA_WORKBENCH_DATASETS, or pass {option}=<path>"
            )
    train = root / "newsmtsc" / "train.jsonl"
    if train.is_file():
        files["newsmtsc_train"] = train
    return files


# ------------------------------------------------------------------------------------- NewsMTSC


def read_newsmtsc(path: str | os.PathLike[str]) -> pd.DataFrame:
    """One row per target of a NewsMTSC-format JSON Lines file.

    Each line is a JSON object with ``sentence_normalized`` (str) and ``targets`` (a non-empty list);
    each target has ``from`` and ``to`` (character offsets into the sentence, ``to`` one past the end),
    ``polarity`` (2, 4 or 6: negative, neutral, positive) and, optionally, ``mention`` (must equal
    ``sentence[from:to]`` when given). Blank lines are skipped.

    Output columns (:data:`NEWSMTSC_COLUMNS`): line, primary_gid, target, sentence, mention, start,
    end, n_targets, gold. Raises InputError naming the file, the line, the target and the field.
    """
    rows = []
    name = str(path)
    try:
        handle = open(path, encoding="utf-8")
    except OSError as error:
        raise InputError(f"{name}: cannot read the file ({error.strerror}); check the path") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as error:
                raise InputError(f"{name}, line {number}: not valid JSON ({json_problem(error)}); one JSON object per line") from None
            rows.extend(_newsmtsc_rows(record, name, number))
    if not rows:
        raise InputError(f"{name}: no targets found; expected NewsMTSC JSON Lines (sentence_normalized, targets)")
    return pd.DataFrame(rows, columns=list(NEWSMTSC_COLUMNS)).astype(
        {"line": "int64", "target": "int64", "start": "int64", "end": "int64", "n_targets": "int64"}
    )


def _newsmtsc_rows(record: object, name: str, number: int) -> list[dict]:
    place = f"{name}, line {number}"
    if not isinstance(record, dict):
        raise InputError(f"{place}: a line must hold a JSON object with sentence_normalized and targets")
    sentence = record.get("sentence_normalized")
    if not isinstance(sentence, str):
        raise InputError(f"{place}, field 'sentence_normalized': missing or not text")
    targets = record.get("targets")
    if not isinstance(targets, list) or not targets:
        raise InputError(f"{place}, field 'targets': missing or empty; give a list of targets")
    out = []
    for k, target in enumerate(targets):
        at = f"{place}, target {k + 1}"
        if not isinstance(target, dict):
            raise InputError(f"{at}: a target must be a JSON object with from, to and polarity")
        start, end = target.get("from"), target.get("to")
        for field, value in (("from", start), ("to", end)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputError(f"{at}, field {field!r}: {value!r} is not a character offset (whole number)")
        if not 0 <= start < end <= len(sentence):
            raise InputError(
                f"{at}, fields 'from'/'to': {start}..{end} is not a span of the {len(sentence)}-character "
                "sentence; 'to' is one past the mention's last character"
            )
        mention = target.get("mention")
        if mention is not None and mention != sentence[start:end]:
            raise InputError(
                f"{at}, field 'mention': {mention!r} differs from the sentence's characters {start}..{end} "
                f"({sentence[start:end]!r}); fix the offsets"
            )
        polarity = target.get("polarity")
        label = NEWSMTSC_POLARITY.get(float(polarity)) if isinstance(polarity, (int, float)) and not isinstance(polarity, bool) else None
        if label is None:
            raise InputError(
                f"{at}, field 'polarity': {polarity!r} is not a NewsMTSC polarity; use 2.0 (negative), "
                "4.0 (neutral) or 6.0 (positive)"
            )
        out.append(
            {
                "line": number,
                "primary_gid": str(record.get("primary_gid", number)),
                "target": k,
                "sentence": sentence,
                "mention": sentence[start:end],
                "start": start,
                "end": end,
                "n_targets": len(targets),
                "gold": label,
            }
        )
    return out


# ----------------------------------------------------------------------------- narrative framing


def _code(value: str) -> tuple[bool | None, bool]:
    """A frame code -> (present or None when blank, read leniently?). Raises KeyError when unreadable."""
    text = value.strip().lower()
    if text == "":
        return None, False
    if text in _TRUE or text in _FALSE:
        return text in _TRUE, False
    stripped = re.sub(r"^[^\w]+|[^\w]+$", "", text)  # stray punctuation, e.g. "False)"
    if stripped in _TRUE or stripped in _FALSE:
        return stripped in _TRUE, True
    raise KeyError(value)


def read_narrative_frames(
    path: str | os.PathLike[str],
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Articles and their human frame codes from a narrative-framing ``articles_metadata.tsv``-format file.

    The file is tab-separated with a header holding ``ID``, ``text`` and at least one of the frame
    columns ``CO``, ``HI``, ``EC``, ``MO``, ``RE`` (:data:`FRAME_COLUMNS`), whose values are True or
    False (also 1/0, yes/no, any case). Quirks handled, never by editing the file: a value with stray
    punctuation (``False)``) is read as its word and reported as "read leniently"; a blank value is
    missing (that frame is not compared for that article); a row whose frame values are all blank
    is skipped and reported.

    Returns (documents, gold, notes):

    * documents: doc_id (the ID, as text), title (empty), text — one row per article with text;
    * gold: doc_id, frame_id, present (bool) — one row per article and coded frame;
    * notes: row (1-based data row, header excluded), doc_id, column, value, action ("skipped row:
      no frame codes", "skipped value: blank", "read leniently as False") — one row per quirk.

    Raises InputError naming the file, the row and the column for a missing column, a duplicate ID
    or an unreadable frame value.
    """
    name = str(path)
    try:
        table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    except OSError as error:
        raise InputError(f"{name}: cannot read the file ({error.strerror}); check the path") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: not a readable tab-separated file ({error}); save it as UTF-8 TSV") from None
    for column in ("ID", "text"):
        if column not in table.columns:
            raise InputError(
                f"{name}: no column {column!r}; the narrative-framing format has columns ID, text and "
                f"frame columns {', '.join(FRAME_COLUMNS)}"
            )
    frame_cols = [c for c in FRAME_COLUMNS if c in table.columns]
    if not frame_cols:
        raise InputError(f"{name}: none of the frame columns {', '.join(FRAME_COLUMNS)} is present")
    ids = table["ID"].str.strip()
    duplicated = ids[ids.duplicated()]
    if len(duplicated):
        row = int(duplicated.index[0]) + 1
        raise InputError(f"{name}, row {row}, column 'ID': ID {duplicated.iloc[0]!r} is used twice; IDs must be unique")
    gold, notes, keep = [], [], []
    for i, doc_id in enumerate(ids):
        row_codes, row_notes = [], []
        for column in frame_cols:
            value = table[column].iat[i]
            try:
                present, lenient = _code(value)
            except KeyError:
                raise InputError(
                    f"{name}, row {i + 1} (ID {doc_id}), column {column!r}: {value!r} is not a frame code; "
                    "use True or False"
                ) from None
            if present is None:
                row_notes.append((column, value, "skipped value: blank"))
                continue
            if lenient:
                row_notes.append((column, value, f"read leniently as {present}"))
            row_codes.append((doc_id, FRAME_COLUMNS[column], present))
        if not row_codes:
            notes.append({"row": i + 1, "doc_id": doc_id, "column": "", "value": "",
                          "action": "skipped row: no frame codes"})
            continue
        notes.extend({"row": i + 1, "doc_id": doc_id, "column": c, "value": v, "action": a} for c, v, a in row_notes)
        gold.extend(row_codes)
        keep.append(i)
    documents = pd.DataFrame(
        {
            "doc_id": ids.iloc[keep].to_numpy(dtype=object),
            "title": "",
            "text": table["text"].iloc[keep].to_numpy(dtype=object),
        }
    ).astype({"doc_id": "str", "title": "str", "text": "str"})
    gold_table = pd.DataFrame(gold, columns=["doc_id", "frame_id", "present"]).astype(
        {"doc_id": "str", "frame_id": "str", "present": "bool"}
    )
    note_table = pd.DataFrame(notes, columns=["row", "doc_id", "column", "value", "action"])
    return documents, gold_table, note_table


# ------------------------------------------------------------------ NewsMTSC articles and persons

#: ``primary_gid`` = ``<source>_<n>_<m>_<sentence>_<person>_<from>_<to>``: article, sentence number,
#: person, and the raw sentence's offsets of the main person.
_GID = r"^(.*?_-?\d+_-?\d+)_(\d+)_(.*)_(\d+)_(\d+)$"


def newsmtsc_article(gid: str) -> str:
    """The article a NewsMTSC sentence comes from: ``allsides_1000_401`` of ``allsides_1000_401_25_...``,
    ``polusa_v1_113704059_-1`` of ``polusa_v1_113704059_-1_35_Northam_148_155`` (the id itself when it
    has another form)."""
    match = re.match(_GID, gid)
    return match.group(1) if match else gid


def newsmtsc_groups(table: pd.DataFrame) -> pd.DataFrame:
    """The primary target of every NewsMTSC sentence (the article's main person) with its article,
    person and sentence number read from ``primary_gid``.

    ``table``: :func:`read_newsmtsc` output. The offsets in the id are those of the raw sentence, a few
    characters off the normalised one: the primary target is the sentence's target starting nearest
    to them (the first on a tie). Output: one row per row of ``table``, same order — article,
    sentence (its number in the article), person, primary (bool), group ("<article> | <person>").
    """
    parts = table["primary_gid"].str.extract(_GID)
    distance = (pd.to_numeric(parts[3]) - table["start"]).abs().fillna(np.inf)
    nearest = distance.groupby(table["line"].to_numpy()).transform("min")
    primary = (distance == nearest) & ~table.assign(_d=distance == nearest).duplicated(["line", "_d"])
    out = pd.DataFrame({"article": parts[0], "sentence": pd.to_numeric(parts[1]), "person": parts[2],
                        "primary": (primary & parts[0].notna()).to_numpy(dtype=bool)})
    out["group"] = out["article"] + " | " + out["person"]
    return out


def newsmtsc_group_gold(gold: np.ndarray, groups: pd.Series) -> pd.Series:
    """Document-level gold per group: the sign of the mean of the mention labels (negative -1,
    neutral 0, positive +1) as a class; a Series indexed by group, in order of first appearance."""
    value = pd.Series(np.select([gold == "negative", gold == "positive"], [-1.0, 1.0], 0.0), index=groups.index)
    mean = value.groupby(groups.to_numpy(), sort=False).mean()
    return pd.Series(np.where(mean < 0, "negative", np.where(mean > 0, "positive", "neutral")), index=mean.index)
