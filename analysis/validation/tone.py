"""Tone toward a person against human labels: NewsMTSC-format files (Hamborg & Donnay 2021).

:func:`newsmtsc` scores every target of a NewsMTSC-format file with one method and compares the
classes with the human labels. How a score becomes a class:

* ``"textblob"`` — TextBlob polarity of the **whole sentence** (the workbench's default actor tone);
  ``polarity < low`` is negative, ``polarity > high`` positive, anything in ``[low, high]`` neutral.
  The band ``(low, high)`` is the one with the best macro-F1 on NewsMTSC *train* (chosen by
  :func:`analysis.validation.train_tone.train`, stored in ``lexicons/target_tone.json``: (0.0, 0.075)), never
  on a test file; ``band=(0, 0)`` gives the plain sign.
* ``"vader"`` — VADER compound of the whole sentence, the same rule with VADER's own band from
  train ((0.0, 0.425)).
* ``"target"`` — the target-aware model (:mod:`analysis.target_tone`): the most probable class; the
  score is ``target_polarity = p_positive - p_negative``.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import InputError
from analysis.validation.agreement import cohen_kappa, krippendorff_alpha
from analysis.validation.data import TONE_CLASSES, file_sha256, newsmtsc_group_gold, newsmtsc_groups, read_newsmtsc
from analysis.validation.metrics import macro_f1, per_class_scores

__all__ = ["TONE_METHODS", "newsmtsc", "newsmtsc_documents", "documents_summary", "classification_scores", "worst_errors", "confusion_figure",
           "tone_summary"]

#: The methods :func:`newsmtsc` knows, with what each scores.
TONE_METHODS: dict[str, str] = {
    "textblob": "TextBlob polarity of the whole sentence, neutral band chosen on NewsMTSC train",
    "vader": "VADER compound of the whole sentence, neutral band chosen on NewsMTSC train",
    "target": "target-aware model (analysis.target_tone), most probable class",
}


def classification_scores(gold: Any, predicted: Any, *, classes: tuple[str, ...] = TONE_CLASSES) -> dict[str, Any]:
    """Agreement of predicted with gold classes (two equal-length sequences of class names).

    Returns a dict: ``macro_f1`` (mean F1 over the classes that occur in gold or predictions; the
    rules are in :mod:`analysis.validation.metrics`),
    ``accuracy``, ``cohen_kappa``, ``krippendorff_alpha`` (nominal; gold and predictions as two coders),
    ``krippendorff_alpha_ordinal`` (negative < neutral < positive), ``n``; ``per_class``: a DataFrame
    with one row per class — class, precision (NaN when never predicted), recall (NaN when absent
    from gold), f1, support (gold count), predicted (predicted count); ``confusion``: a tidy DataFrame
    with one row per (gold, predicted) pair of classes, all pairs included — gold, predicted, n.
    """
    g = np.asarray(gold, dtype=object)
    p = np.asarray(predicted, dtype=object)
    if g.shape != p.shape:
        raise InputError(f"classification_scores: {len(g)} gold labels but {len(p)} predictions")
    unknown = sorted(set(g.tolist()) - set(classes)) + sorted(set(p.tolist()) - set(classes))
    if unknown:
        raise InputError(f"classification_scores: unknown class {unknown[0]!r}; classes are {', '.join(classes)}")
    confusion = pd.DataFrame(
        [{"gold": a, "predicted": b, "n": int(np.sum((g == a) & (p == b)))} for a in classes for b in classes]
    )
    units = np.arange(len(g))
    pair = pd.DataFrame({"unit": np.concatenate([units, units]), "coder": ["gold"] * len(g) + ["predicted"] * len(p),
                         "value": np.concatenate([g, p])})
    ordinal = pair.assign(value=pair["value"].map({c: float(i) for i, c in enumerate(classes)}))
    return {
        "n": int(len(g)),
        "macro_f1": macro_f1(g, p, classes=classes),
        "accuracy": float(np.mean(g == p)) if len(g) else float("nan"),
        "cohen_kappa": cohen_kappa(pair),
        "krippendorff_alpha": krippendorff_alpha(pair),
        "krippendorff_alpha_ordinal": krippendorff_alpha(ordinal, level="ordinal"),
        "per_class": per_class_scores(g, p, classes=classes).astype({"support": "int64", "predicted": "int64"}),
        "confusion": confusion,
    }


def _predict(table: pd.DataFrame, method: str, band: tuple[float, float] | None, model: Any) -> tuple[np.ndarray, np.ndarray, tuple[float, float] | None]:
    from analysis.target_tone import band_labels, load_target_model, predict_target_tone

    if method == "target":
        scored = predict_target_tone(table["sentence"].tolist(), table["start"].tolist(), table["end"].tolist(), model=model)
        return scored["label"].to_numpy(dtype=object), scored["target_polarity"].to_numpy(dtype=float), None
    from analysis.tone import pattern_sentiment, vader_sentiment

    unique = list(dict.fromkeys(table["sentence"]))
    if method == "textblob":
        values = pattern_sentiment(unique)["polarity"].to_numpy()
    else:
        values = vader_sentiment(unique)["compound"].to_numpy()
    scores = values[pd.Index(unique).get_indexer(table["sentence"])]
    if band is None:
        band = load_target_model(model).bands[method]
    else:
        try:
            band = (float(band[0]), float(band[1]))
        except (TypeError, ValueError, IndexError):
            raise InputError(f"band={band!r}: give (low, high) with low <= 0 <= high, e.g. (-0.05, 0.05)") from None
        if not band[0] <= 0 <= band[1]:
            raise InputError(f"band={band!r}: give (low, high) with low <= 0 <= high, e.g. (-0.05, 0.05)")
    return band_labels(scores, band), scores, band


def newsmtsc(
    path: str | os.PathLike[str],
    *,
    method: str = "textblob",
    band: tuple[float, float] | None = None,
    model: Any = None,
) -> dict[str, Any]:
    """Score actor-level tone on a NewsMTSC-format file against its human labels.

    ``path``: any JSON Lines file in NewsMTSC's format (see :func:`analysis.validation.read_newsmtsc`).
    ``method``: "textblob", "vader" or "target" (see the module docstring for how a score maps to a
    class). ``band``: for textblob/vader, a neutral band (low, high) instead of the one chosen on
    NewsMTSC train. ``model``: a target-tone coefficient file (None = the shipped one; its bands are
    used for textblob/vader too).

    Returns a dict with: method, file, sha256 (of the file), n_sentences, n_targets, band (None for
    "target"), macro_f1, accuracy, cohen_kappa, krippendorff_alpha (nominal), krippendorff_alpha_ordinal,
    per_class (DataFrame: class, precision, recall, f1, support, predicted), confusion (DataFrame:
    gold, predicted, n — every pair of classes), predictions (DataFrame: line, target, sentence, mention,
    start, end, n_targets, gold, predicted, score).
    """
    if method not in TONE_METHODS:
        raise InputError(f"method={method!r}: use one of {', '.join(map(repr, TONE_METHODS))}")
    table = read_newsmtsc(path)
    predicted, scores, used_band = _predict(table, method, band, model)
    result = classification_scores(table["gold"].to_numpy(dtype=object), predicted)
    predictions = table.drop(columns=["primary_gid"]).assign(
        predicted=pd.array(predicted.astype(str), dtype="str"), score=scores
    )
    out = {
        "method": method,
        "file": str(path),
        "sha256": file_sha256(path),
        "n_sentences": int(table["line"].nunique()),
        "n_targets": int(len(table)),
        "band": used_band,
    }
    out.update({k: result[k] for k in ("macro_f1", "accuracy", "cohen_kappa", "krippendorff_alpha",
                                        "krippendorff_alpha_ordinal", "per_class", "confusion")})
    out["predictions"] = predictions
    return out


def _check_result(result: object, fn: str) -> dict[str, Any]:
    if not isinstance(result, dict) or not {"method", "predictions", "confusion", "macro_f1"} <= set(result):
        raise InputError(f"{fn}: pass the dict analysis.validation.newsmtsc(...) returns")
    return result


def worst_errors(result: dict[str, Any], *, n: int = 10) -> pd.DataFrame:
    """The worst misclassified targets of a :func:`newsmtsc` result, as examples to read.

    Order: opposite errors first (negative read as positive or the reverse), then errors into or out
    of neutral; within each, the most confident first (largest ``|score|``), then file order.
    Output columns: sentence, mention, gold, predicted, score, error ("opposite" or "neutral confusion"),
    line. At most ``n`` rows.
    """
    result = _check_result(result, "worst_errors")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise InputError(f"n={n!r}: give a whole number of examples >= 0")
    p = result["predictions"]
    wrong = p[p["gold"] != p["predicted"]].copy()
    opposite = {("negative", "positive"), ("positive", "negative")}
    wrong["error"] = ["opposite" if (g, q) in opposite else "neutral confusion"
                      for g, q in zip(wrong["gold"], wrong["predicted"])]
    wrong["_rank"] = (wrong["error"] != "opposite").astype(int)
    wrong["_conf"] = -wrong["score"].abs()
    wrong = wrong.sort_values(["_rank", "_conf", "line", "target"], kind="stable").head(n)
    return wrong[["sentence", "mention", "gold", "predicted", "score", "error", "line"]].reset_index(drop=True)


def tone_summary(*results: dict[str, Any]) -> pd.DataFrame:
    """One row per :func:`newsmtsc` result: method, file (name), n_targets, macro_f1, accuracy,
    cohen_kappa, krippendorff_alpha, band (as text, "" for the target model)."""
    rows = []
    for result in results:
        r = _check_result(result, "tone_summary")
        rows.append({"method": r["method"], "file": os.path.basename(r["file"]), "n_targets": r["n_targets"],
                     "macro_f1": r["macro_f1"], "accuracy": r["accuracy"], "cohen_kappa": r["cohen_kappa"],
                     "krippendorff_alpha": r["krippendorff_alpha"],
                     "band": "" if r["band"] is None else f"[{r['band'][0]:g}, {r['band'][1]:g}]"})
    return pd.DataFrame(rows, columns=["method", "file", "n_targets", "macro_f1", "accuracy", "cohen_kappa",
                                       "krippendorff_alpha", "band"])


def confusion_figure(result: dict[str, Any], *, title: str | None = None) -> Any:
    """A plotly heatmap of a :func:`newsmtsc` result's confusion matrix: human label (rows) by predicted
    class (columns); each cell shows the count and its share of the row (the recall of the diagonal).
    Text is escaped. ``title`` defaults to the method, file and macro-F1."""
    import plotly.graph_objects as go

    from analysis.charts import safe_text, workbench_template

    result = _check_result(result, "confusion_figure")
    conf = result["confusion"]
    classes = list(TONE_CLASSES)
    z = np.array([[int(conf[(conf["gold"] == g) & (conf["predicted"] == q)]["n"].sum()) for q in classes] for g in classes])
    totals = z.sum(axis=1, keepdims=True)
    share = np.divide(z, totals, out=np.zeros_like(z, dtype=float), where=totals > 0)
    text = [[f"{z[i, j]}<br>{share[i, j]:.0%}" for j in range(3)] for i in range(3)]
    if title is None:
        title = (f"{result['method']} on {os.path.basename(str(result['file']))}: "
                 f"macro-F1 {result['macro_f1']:.2f}")
    fig = go.Figure(
        go.Heatmap(
            z=share, x=classes, y=classes, text=text, texttemplate="%{text}", colorscale="Blues",
            zmin=0, zmax=1, showscale=False,
            hovertemplate="human: %{y}<br>predicted: %{x}<br>%{text}<extra></extra>",
        )
    )
    fig.update_layout(
        template=workbench_template(), title=safe_text(title) if title else None,
        xaxis_title="predicted", yaxis_title="human label", height=420, width=520,
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="bottom")
    return fig


def newsmtsc_documents(
    path: str | os.PathLike[str],
    *,
    method: str = "target",
    model: Any = None,
) -> dict[str, Any]:
    """Document-level tone toward a person on a NewsMTSC-format file: one unit per article and main person.

    NewsMTSC has no document-level labels. The unit here is the main person of an article (the
    primary target of each of its sentences, read from ``primary_gid``); its gold label is the sign of
    the mean of that person's sentence labels (-1, 0, +1). ``method="target"``: the target-aware
    mention tone aggregated by :func:`analysis.actor_document_tone`'s rule (from the model file);
    ``"textblob"``: the mean TextBlob polarity of the person's sentences with the sentence band.

    Returns the dict of :func:`classification_scores` (macro_f1, accuracy, ...) plus method, file,
    n_groups, rule (the aggregation used) and groups (DataFrame: group, n_mentions, score, gold,
    predicted).
    """
    from analysis.target_tone import (
        aggregate_tone,
        band_labels,
        load_target_model,
        predict_target_tone,
    )

    if method not in ("target", "textblob"):
        raise InputError(f"method={method!r}: use 'target' or 'textblob'")
    table = read_newsmtsc(path)
    info = newsmtsc_groups(table)
    keep = info["primary"].to_numpy()
    table, info = table[keep].reset_index(drop=True), info[keep].reset_index(drop=True)
    fitted = load_target_model(model)
    lead = info["sentence"].to_numpy() < 3
    if method == "target":
        rule = dict(fitted.meta.get("document_level") or {"score": "mean_polarity", "lead_weight": 1.0, "band": [0, 0]})
        scored = predict_target_tone(table["sentence"].tolist(), table["start"].tolist(), table["end"].tolist(), model=fitted)
        agg = aggregate_tone(scored["p_negative"], scored["p_positive"], scored["label"].astype(str), info["group"],
                             lead, lead_weight=float(rule["lead_weight"]))
        score = agg[rule["score"]].to_numpy()
    else:
        from analysis.tone import pattern_sentiment

        band = fitted.bands["textblob"]
        rule = {"score": "mean TextBlob polarity of the sentences", "lead_weight": 1.0, "band": list(band)}
        polarity = pattern_sentiment(table["sentence"].tolist())["polarity"].to_numpy()
        agg = aggregate_tone(-np.minimum(polarity, 0), np.maximum(polarity, 0), ["neutral"] * len(table),
                             info["group"], lead)
        score = agg["mean_polarity"].to_numpy()
    gold = newsmtsc_group_gold(table["gold"].to_numpy(dtype=object), info["group"]).loc[agg["group"]].to_numpy(dtype=object)
    predicted = band_labels(score, tuple(rule["band"]))
    out = {"method": method, "file": str(path), "n_groups": int(len(agg)), "rule": rule}
    out.update(classification_scores(gold, predicted))
    out["groups"] = pd.DataFrame({"group": agg["group"], "n_mentions": agg["n_mentions"], "score": score,
                                  "gold": gold, "predicted": predicted})
    return out


def documents_summary(*results: dict[str, Any]) -> pd.DataFrame:
    """One row per :func:`newsmtsc_documents` result: method, units, macro_f1, accuracy,
    krippendorff_alpha, rule (as text)."""
    rows = []
    for r in results:
        if not isinstance(r, dict) or "n_groups" not in r:
            raise InputError("documents_summary: pass results of analysis.validation.newsmtsc_documents(...)")
        rows.append({"method": r["method"], "units": r["n_groups"], "macro_f1": r["macro_f1"], "accuracy": r["accuracy"],
                     "krippendorff_alpha": r["krippendorff_alpha"], "rule": str(r["rule"])})
    return pd.DataFrame(rows, columns=["method", "units", "macro_f1", "accuracy", "krippendorff_alpha", "rule"])
