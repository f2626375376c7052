"""Precision, recall and F1: the one place the workbench computes them.

Every figure of this kind in ``validation.json`` and the README (tone classes, frame presence, quote
attribution, entity mentions) comes from these functions, under these rules:

1. For one class (or one yes/no decision) with ``tp`` true positives, ``fp`` false positives and
   ``fn`` false negatives: precision = tp / (tp + fp), recall = tp / (tp + fn) and
   F1 = 2·tp / (2·tp + fp + fn) (the harmonic mean of precision and recall, written so that it is
   defined whenever either of them is: nothing predicted but something to find gives F1 0).
2. A ratio whose denominator is 0 (precision when nothing was predicted, recall when there was
   nothing to find, F1 when both) is ``zero_division``: NaN by default, "undefined". Quote
   attribution scores pass 0.0 (a method that finds no quotes scores 0, as in the quote papers).
3. Macro-F1 over classes is the unweighted mean of the per-class F1 over the classes that occur in
   gold or in the predictions. A class absent from both is left out (its F1 is undefined, not 0);
   a class that occurs on one side only counts, with F1 0. NaN when no class occurs (no units).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["PER_CLASS_COLUMNS", "precision_recall_f1", "per_class_scores", "macro_f1", "macro_f1_of_counts"]

#: Output columns of :func:`per_class_scores`.
PER_CLASS_COLUMNS: dict[str, str] = {
    "class": "the class",
    "precision": "tp / (tp + fp); NaN when the class was never predicted",
    "recall": "tp / (tp + fn); NaN when the class is absent from gold",
    "f1": "2·tp / (2·tp + fp + fn); NaN when the class is absent from both",
    "support": "gold count (tp + fn)",
    "predicted": "predicted count (tp + fp)",
}


def precision_recall_f1(tp: int, fp: int, fn: int, *, zero_division: float = float("nan")
                        ) -> tuple[float, float, float]:
    """(precision, recall, F1) of counts (rules 1-2)."""
    precision = tp / (tp + fp) if tp + fp else zero_division
    recall = tp / (tp + fn) if tp + fn else zero_division
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else zero_division
    return precision, recall, f1


def per_class_scores(gold: Any, predicted: Any, *, classes: Sequence[Any]) -> pd.DataFrame:
    """One row per class of ``classes``, in that order (rules 1-2; NaN where undefined).

    ``gold``, ``predicted``: two equal-length sequences of class labels.
    Output columns (:data:`PER_CLASS_COLUMNS`): class, precision, recall, f1, support, predicted.
    """
    rows = []
    for c, (tp, fp, fn) in zip(classes, _class_counts(gold, predicted, classes)):
        precision, recall, f1 = precision_recall_f1(tp, fp, fn)
        rows.append({"class": c, "precision": precision, "recall": recall, "f1": f1,
                     "support": tp + fn, "predicted": tp + fp})
    return pd.DataFrame(rows, columns=list(PER_CLASS_COLUMNS))


def macro_f1(gold: Any, predicted: Any, *, classes: Sequence[Any]) -> float:
    """Macro-F1 of ``predicted`` against ``gold`` over ``classes`` (rule 3)."""
    return macro_f1_of_counts(_class_counts(gold, predicted, classes))


def macro_f1_of_counts(counts: Sequence[tuple[int, int, int]]) -> float:
    """Macro-F1 (rule 3) of per-class ``(tp, fp, fn)`` counts, one tuple per class: what
    :func:`macro_f1` computes from labels, for callers that count many predictions at once."""
    f1 = [precision_recall_f1(*c)[2] for c in counts]
    f1 = [value for value in f1 if not np.isnan(value)]
    return float(np.mean(f1)) if f1 else float("nan")


def _class_counts(gold: Any, predicted: Any, classes: Sequence[Any]) -> list[tuple[int, int, int]]:
    """(tp, fp, fn) per class of ``classes``, in that order (two comparisons per class: model selection
    calls this thousands of times)."""
    g = np.asarray(gold, dtype=object)
    p = np.asarray(predicted, dtype=object)
    counts = []
    for c in classes:
        is_gold, is_predicted = g == c, p == c
        tp = int(np.count_nonzero(is_gold & is_predicted))
        counts.append((tp, int(np.count_nonzero(is_predicted)) - tp, int(np.count_nonzero(is_gold)) - tp))
    return counts
