"""Precision, recall and F1: the one implementation every evaluation uses."""
from __future__ import annotations


def precision_recall_f1(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """P = tp_pred / n_pred, R = tp_gold / n_gold (the two true-positive counts differ for
    lenient matching, where one prediction can cover several gold spans), F1 their harmonic
    mean; 0.0 where a denominator is 0."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from exact-match counts."""
    return precision_recall_f1(tp, tp + fp, tp, tp + fn)
