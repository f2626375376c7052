"""The one precision/recall/F1 (analysis.validation.metrics), on a hand-counted example."""

from __future__ import annotations

import math

import pytest

from analysis.validation.metrics import PER_CLASS_COLUMNS, macro_f1, macro_f1_of_counts, per_class_scores, precision_recall_f1

GOLD = ["a", "a", "b", "b", "c"]
PREDICTED = ["a", "b", "b", "b", "a"]
# a: tp 1 (row 0), fp 1 (row 4), fn 1 (row 1) -> P 0.5, R 0.5, F1 0.5
# b: tp 2 (rows 2, 3), fp 1 (row 1), fn 0 -> P 2/3, R 1, F1 0.8
# c: tp 0, fp 0, fn 1 (row 4) -> P undefined (never predicted), R 0, F1 0


def test_per_class_scores_are_the_hand_counts():
    table = per_class_scores(GOLD, PREDICTED, classes=("a", "b", "c"))
    assert list(table.columns) == list(PER_CLASS_COLUMNS)
    rows = table.set_index("class")
    assert rows.loc["a", ["precision", "recall", "f1"]].tolist() == [0.5, 0.5, 0.5]
    assert rows.loc["b", "precision"] == pytest.approx(2 / 3) and rows.loc["b", "recall"] == 1.0
    assert rows.loc["b", "f1"] == pytest.approx(0.8)
    assert math.isnan(rows.loc["c", "precision"]) and rows.loc["c", "recall"] == 0.0 and rows.loc["c", "f1"] == 0.0
    assert rows["support"].tolist() == [2, 2, 1] and rows["predicted"].tolist() == [2, 3, 0]


def test_macro_f1_averages_the_classes_that_occur_and_leaves_out_a_class_absent_from_both():
    assert macro_f1(GOLD, PREDICTED, classes=("a", "b", "c")) == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert macro_f1(GOLD, PREDICTED, classes=("a", "b", "c", "d")) == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert math.isnan(macro_f1([], [], classes=("a",)))


def test_precision_recall_f1_of_empty_counts_follow_zero_division():
    assert all(math.isnan(v) for v in precision_recall_f1(0, 0, 0))
    assert precision_recall_f1(0, 0, 0, zero_division=0.0) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(3, 1, 2) == (0.75, 0.6, pytest.approx(6 / 9))


def test_macro_f1_of_counts_is_macro_f1_of_the_labels_it_counts():
    counts = [(1, 1, 1), (2, 1, 0), (0, 0, 1), (0, 0, 0)]  # the hand counts above; d absent from both
    assert macro_f1_of_counts(counts) == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert macro_f1_of_counts(counts) == macro_f1(GOLD, PREDICTED, classes=("a", "b", "c", "d"))
    assert math.isnan(macro_f1_of_counts([(0, 0, 0)]))
