"""Frame codebooks against human frame codes: narrative-framing-format files (Frermann et al. 2023).

:func:`narrative_frames` scores document-level presence of a codebook's frames (default: the generic
news frames, ``lexicons/generic.yml``) with :func:`analysis.frames` and compares it with the
human codes through :func:`frame_agreement`. The file's columns map to frame ids as in
:data:`analysis.validation.data.FRAME_COLUMNS` (CO conflict, HI human_interest, EC economic, MO
morality, RE responsibility — RE is the corpus's "resolution", the closest of its frames to
Semetko & Valkenburg's attribution of responsibility).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd

from analysis.deprecation import renamed_keywords
from analysis.errors import InputError, require_columns
from analysis.schema import output_columns
from analysis.validation.data import FRAME_COLUMNS, read_narrative_frames
from analysis.validation.metrics import precision_recall_f1

__all__ = ["FRAME_RESULT_COLUMNS", "narrative_frames", "frame_notes", "frame_errors", "frame_agreement",
           "suggest_thresholds"]

#: Output columns of :func:`narrative_frames`.
FRAME_RESULT_COLUMNS: dict[str, str] = {
    "frame": "the frame's id in the codebook",
    "code": "the file's column holding the human code (CO, HI, EC, MO, RE)",
    "precision": "share of articles the codebook calls framed that the coders coded so",
    "recall": "share of articles coded with the frame that the codebook finds",
    "f1": "harmonic mean of precision and recall",
    "support": "articles coded with the frame",
    "n": "articles compared (coded for this frame)",
    "predicted": "articles the codebook calls framed",
    "accuracy": "share of articles where codebook and coders agree",
    "f1_all_present": "F1 of calling the frame present in every article: the floor to beat",
}


def narrative_frames(
    path: str | os.PathLike[str],
    *,
    codebook: Any = None,
    held_out: bool = False,
) -> pd.DataFrame:
    """Per-frame agreement of a frame codebook with the human codes of a narrative-framing-format file.

    ``path``: a tab-separated file with ``ID``, ``text`` and frame columns CO/HI/EC/MO/RE holding True
    or False (see :func:`analysis.validation.read_narrative_frames` for the quirks handled).
    ``codebook``: anything :func:`analysis.load_frames` takes (None = the generic news frames); frames
    are matched by id (conflict, human_interest, economic, morality, responsibility); frames the
    codebook lacks are left out. Presence = the ``present`` column of :func:`analysis.frames`
    (weighted hits >= the frame's threshold, distinct terms >= its min_terms).
    ``held_out=True`` compares only articles whose numeric ID is divisible by 3: the third of the
    narrative-framing articles the generic codebook's thresholds were *not* tuned on (see
    lexicons/README.md).

    Output: one row per frame, in the file's column order CO, HI, EC, MO, RE
    (:data:`FRAME_RESULT_COLUMNS`): frame, code, precision, recall, f1, support, n, predicted,
    accuracy, f1_all_present. ``attrs``: ``n_documents`` (articles compared), ``skipped_rows`` (rows
    without any frame code), ``notes`` (every skipped or leniently read value: row, doc_id, column,
    value, action), ``codebook`` (its name) and ``file``.
    """
    from analysis.framing import load_frames
    from analysis.framing import frames as find_frames

    book = load_frames(codebook)
    documents, gold, notes = read_narrative_frames(path)
    if held_out:
        numeric = pd.to_numeric(documents["doc_id"], errors="coerce")
        if numeric.isna().any():
            bad = documents["doc_id"][numeric.isna()].iloc[0]
            raise InputError(f"{path}: held_out=True needs numeric IDs; ID {bad!r} is not a number")
        documents = documents[(numeric % 3 == 0).to_numpy()].reset_index(drop=True)
        gold = gold[gold["doc_id"].isin(set(documents["doc_id"]))]
    frame_ids = set(book.frames["frame_id"])
    gold = gold[gold["frame_id"].isin(frame_ids)]
    if gold.empty:
        raise InputError(
            f"codebook {book.name!r} has none of the frames {', '.join(FRAME_COLUMNS.values())}; "
            "narrative_frames compares frames by these ids"
        )
    scores = find_frames(documents, book, level="document")
    table = frame_agreement(scores, gold)
    code_of = {frame: code for code, frame in FRAME_COLUMNS.items()}
    table["_order"] = table["frame_id"].map({f: i for i, f in enumerate(FRAME_COLUMNS.values())})
    table = table.sort_values("_order", kind="stable")
    out = pd.DataFrame(
        {
            "frame": table["frame_id"].astype(str).to_numpy(),
            "code": table["frame_id"].map(code_of).to_numpy(),
            "precision": table["precision"].to_numpy(dtype=float),
            "recall": table["recall"].to_numpy(dtype=float),
            "f1": table["f1"].to_numpy(dtype=float),
            "support": table["gold_positive"].to_numpy(dtype="int64"),
            "n": table["n"].to_numpy(dtype="int64"),
            "predicted": table["predicted_positive"].to_numpy(dtype="int64"),
            "accuracy": table["accuracy"].to_numpy(dtype=float),
            "f1_all_present": table["f1_all_present"].to_numpy(dtype=float),
        }
    )
    skipped = notes[notes["action"].str.startswith("skipped row")] if len(notes) else notes
    out.attrs = {
        "file": str(path),
        "codebook": book.name,
        "n_documents": int(gold["doc_id"].nunique()),
        "skipped_rows": int(len(skipped)),
        "notes": notes.to_dict("records"),
        "held_out": bool(held_out),
    }
    return out


@renamed_keywords(result="evaluation")
def frame_notes(evaluation: pd.DataFrame) -> pd.DataFrame:
    """The rows and values :func:`narrative_frames` skipped or read leniently, as a table.

    Columns: row (1-based data row of the file), doc_id, column, value, action.
    """
    notes = getattr(evaluation, "attrs", {}).get("notes")
    if notes is None:
        raise InputError("frame_notes: pass the table analysis.validation.narrative_frames(...) returns")
    return pd.DataFrame(notes, columns=["row", "doc_id", "column", "value", "action"])


def frame_errors(
    path: str | os.PathLike[str],
    *,
    codebook: Any = None,
    held_out: bool = True,
    n: int = 10,
) -> pd.DataFrame:
    """The articles where a codebook and the coders disagree most plainly, as examples to read.

    Compares like :func:`narrative_frames` (``held_out=True``: only the held-out third). False
    positives (the codebook calls the frame present, the coders did not) with the most hits come
    first, then false negatives with the fewest hits (weighted hits, as presence counts them); ``n``
    rows of each kind at most.
    Output columns: doc_id, frame, error ("false positive" / "false negative"), hits, weighted_hits
    (hits in the frame's lead counted its lead_weight times), threshold (of weighted_hits),
    terms (the matched terms with their counts, most frequent first), opening (the article's first
    200 characters).
    """
    from analysis.framing import frames as find_frames
    from analysis.framing import load_frames

    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise InputError(f"n={n!r}: give a whole number of examples >= 0")
    book = load_frames(codebook)
    documents, gold, _notes = read_narrative_frames(path)
    if held_out:
        from analysis.validation.frame_terms import split_articles

        documents = documents[split_articles(documents["doc_id"])[1]].reset_index(drop=True)
    scores = find_frames(documents, book, level="document")
    sentence_hits = find_frames(documents, book)
    joined = gold.merge(scores, on=["doc_id", "frame_id"], how="inner")
    thresholds = dict(zip(book.frames["frame_id"], book.frames["threshold"]))
    wrong = joined[joined["present_x"] != joined["present_y"]].copy()
    wrong["error"] = np.where(wrong["present_y"], "false positive", "false negative")
    terms = sentence_hits.assign(term=sentence_hits["terms"].str.split("; ")).explode("term")
    counted = terms.groupby(["doc_id", "frame_id"])["term"].apply(
        lambda t: "; ".join(f"{k} ({v})" for k, v in t.value_counts().items()))
    wrong["terms"] = [counted.get((d, f), "") for d, f in zip(wrong["doc_id"], wrong["frame_id"])]
    wrong["threshold"] = wrong["frame_id"].map(thresholds).astype("int64")
    opening = dict(zip(documents["doc_id"], documents["text"].str.slice(0, 200)))
    wrong["opening"] = wrong["doc_id"].map(opening)
    fp = wrong[wrong["error"] == "false positive"].sort_values(["weighted_hits", "doc_id"], ascending=[False, True],
                                                                kind="stable").head(n)
    fn = wrong[wrong["error"] == "false negative"].sort_values(["weighted_hits", "doc_id"], kind="stable").head(n)
    out = pd.concat([fp, fn], ignore_index=True).rename(columns={"frame_id": "frame"})
    return out[["doc_id", "frame", "error", "hits", "weighted_hits", "threshold", "terms", "opening"]].reset_index(
        drop=True)


@output_columns("frame_agreement")
def frame_agreement(predicted: pd.DataFrame, gold: pd.DataFrame, *, column: str = "present") -> pd.DataFrame:
    """Per-frame agreement of predicted with gold document-level frame presence.

    ``predicted``: frames(level="document") (doc_id, frame_id, ``column``); ``gold``: doc_id,
    frame_id, present (bool) — human codes. Only documents and frames in both are compared.
    Precision, recall and F1 follow the rules of :mod:`analysis.validation.metrics`.
    """
    require_columns(predicted, ("doc_id", "frame_id", column), fn="frame_agreement", name="predicted",
                    fix="pass the table analysis.frames(documents) returns (or name its column with column=)")
    require_columns(gold, ("doc_id", "frame_id", "present"), fn="frame_agreement", name="gold",
                    fix="give one row per coded document and frame with a boolean 'present'")
    p = predicted[["doc_id", "frame_id", column]].rename(columns={column: "_pred"}).astype({"doc_id": str})
    g = gold[["doc_id", "frame_id", "present"]].rename(columns={"present": "_gold"}).astype({"doc_id": str})
    both = g.merge(p, on=["doc_id", "frame_id"], how="inner")
    rows = []
    for frame_id in pd.unique(g["frame_id"]):
        sub = both[both["frame_id"] == frame_id]
        y, yhat = sub["_gold"].to_numpy(dtype=bool), sub["_pred"].to_numpy(dtype=bool)
        tp, fp = int((y & yhat).sum()), int((~y & yhat).sum())
        fn, tn = int((y & ~yhat).sum()), int((~y & ~yhat).sum())
        precision, recall, f1 = precision_recall_f1(tp, fp, fn)
        rows.append(
            {
                "frame_id": frame_id,
                "n": len(sub),
                "gold_positive": int(y.sum()),
                "predicted_positive": int(yhat.sum()),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "accuracy": (tp + tn) / len(sub) if len(sub) else float("nan"),
                "f1_all_present": 2 * y.sum() / (y.sum() + len(sub)) if len(sub) else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def suggest_thresholds(
    document_scores: pd.DataFrame, gold: pd.DataFrame, *, max_threshold: int = 10
) -> pd.DataFrame:
    """For each frame, the presence threshold (hits) with the best F1 against gold codes.

    ``document_scores``: frames(level="document"); ``gold``: doc_id, frame_id, present.
    Tune on one part of the coded documents and report on another (see lexicons/README.md).
    Ties go to the lower threshold.

    Output columns: frame_id, threshold, precision, recall, f1.
    """
    scores = document_scores[["doc_id", "frame_id", "hits"]].astype({"doc_id": str})
    best = []
    for frame_id in pd.unique(gold["frame_id"]):
        top: dict[str, Any] | None = None
        for t in range(1, max_threshold + 1):
            pred = scores[scores["frame_id"] == frame_id].assign(present=lambda d, t=t: d["hits"] >= t)
            row = frame_agreement(pred, gold[gold["frame_id"] == frame_id]).iloc[0]
            f1 = row["f1"] if row["f1"] == row["f1"] else -1.0
            if top is None or f1 > top["f1"]:
                top = {"frame_id": frame_id, "threshold": t, "precision": row["precision"],
                       "recall": row["recall"], "f1": f1}
        best.append(top)
    return pd.DataFrame(best)
