"""``python -m analysis.validation.train_tone [--datasets PATH] [--data FILE] [--out PATH]``: train the
target-aware tone model and write its coefficient file.

The training code of :mod:`analysis.target_tone` (which keeps only the features and the scoring with
a coefficient file), next to the validation it serves. One command, deterministic: reads NewsMTSC
``train.jsonl`` (never a test split) from the validation data folder (``--datasets``, else
``$MEDIA_WORKBENCH_DATASETS``, else ``../shared/datasets``), computes the features of every target,
chooses the L2 penalty by 5-fold cross-validation on train (folds grouped by article, assigned by a
hash of the article id), chooses the neutral bands of the sentence-wide TextBlob and VADER baselines
on train (:func:`choose_band`), chooses the document-level rule on the out-of-fold predictions
(:func:`choose_document_rule`), fits the model by a hand-written, deterministic L-BFGS and writes
``analysis/lexicons/target_tone.json`` with the training file's SHA-256 (:func:`train` lists every
step).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import InputError
from analysis.persistence import atomic_write
from analysis.target_tone import (
    CLASSES,
    FORMAT,
    MODEL_PATH,
    SCHEMA_VERSION,
    AGGREGATES,
    aggregate_tone,
    band_labels,
    default_spec,
    model_from_dict,
    most_probable,
    softmax,
    target_features,
    target_probabilities,
)
from analysis.validation.data import (
    datasets_path,
    file_sha256,
    newsmtsc_article,
    newsmtsc_group_gold,
    newsmtsc_groups,
    read_newsmtsc,
)
from analysis.validation.metrics import macro_f1, macro_f1_of_counts

__all__ = [
    "LAMBDAS",
    "FOLDS",
    "LEAD_WEIGHTS",
    "choose_band",
    "choose_document_rule",
    "train",
    "dump_json",
    "write_model",
    "main",
]

LAMBDAS: tuple[float, ...] = (1e-3, 2e-3, 4e-3)
FOLDS = 5
_MAX_ITER = 300
_DECIMALS = 3

#: Lead weights tried when the document-level rule is chosen on training data.
LEAD_WEIGHTS: tuple[float, ...] = (1.0, 2.0, 3.0)


# ------------------------------------------------------------------- bands and the document rule


def choose_band(scores: Sequence[float], gold: Sequence[str], *, step: float = 0.025, limit: float = 0.5) -> tuple[float, float]:
    """The neutral band with the best macro-F1 of :func:`band_labels` against ``gold``: low from 0 down
    to ``-limit`` and high from 0 up to ``limit`` in steps of ``step``; ties go to the narrower band."""
    s = np.asarray(scores, dtype=float)
    g = np.asarray(gold, dtype=object)
    grid = np.round(np.arange(0.0, limit + step / 2, step), 6)
    widths = sorted({(a, b) for a in grid for b in grid}, key=lambda ab: (ab[0] + ab[1], ab[0]))
    counts = _band_counts(s, g, -np.array([a for a, _b in widths]), np.array([b for _a, b in widths]))
    best, band = -1.0, (0.0, 0.0)
    for width, per_class in zip(widths, counts):
        f1 = macro_f1_of_counts(per_class)
        if f1 > best + 1e-12:
            best, band = f1, (0.0 - float(width[0]), float(width[1]))
    return band


def _band_counts(s: np.ndarray, g: np.ndarray, lows: np.ndarray, highs: np.ndarray) -> list[list[tuple[int, int, int]]]:
    """For every band ``(lows[i], highs[i])``: the (tp, fp, fn) of each class of :data:`CLASSES` when
    ``s`` is labelled by :func:`band_labels` and compared with ``g`` (as :func:`macro_f1` counts them),
    from sorted scores instead of one labelling per band."""
    groups = [g == c for c in CLASSES]
    groups.append(~np.logical_or.reduce(groups))  # gold outside CLASSES: only ever a false positive
    predicted = np.zeros((len(lows), 3), dtype=np.int64)  # negative, neutral, positive per band
    hits = []
    for members in groups:
        values = s[members]
        total = len(values)
        values = np.sort(values[~np.isnan(values)])  # NaN is neither below nor above: neutral
        negative = np.searchsorted(values, lows, side="left")  # score < low
        positive = len(values) - np.searchsorted(values, highs, side="right")  # score > high
        per_band = np.column_stack([negative, total - negative - positive, positive])
        predicted += per_band
        hits.append(per_band)
    order = {c: k for k, c in enumerate(("negative", "neutral", "positive"))}
    out = []
    for i in range(len(lows)):
        row = []
        for j, c in enumerate(CLASSES):
            k = order[c]
            tp = int(hits[j][i, k])
            row.append((tp, int(predicted[i, k]) - tp, int(sum(hits[j][i])) - tp))
        out.append(row)
    return out


def choose_document_rule(prob: np.ndarray, gold: np.ndarray, table: pd.DataFrame) -> dict[str, Any]:
    """The document-level rule (aggregate, lead weight, neutral band) with the best macro-F1 against
    document-level gold built from NewsMTSC (the main person of each article: the sign of the mean
    of its sentence labels), from out-of-fold probabilities ``prob`` (rows x 3, :data:`CLASSES` order)."""
    info = newsmtsc_groups(table)
    keep = info["primary"].to_numpy()
    info = info[keep]
    p = prob[keep]
    if not keep.any():
        return {"unit": "none: the file's primary_gid values give no article and person", "groups": 0,
                "score": "mean_polarity", "lead_weight": 1.0, "band": [0.0, 0.0], "macro_f1": None,
                "macro_f1_sign_only": None, "candidates": []}
    labels = np.asarray(CLASSES, dtype=object)[np.argmax(p, axis=1)]
    truth = newsmtsc_group_gold(gold[keep], info["group"])
    candidates = []
    for lead_weight in LEAD_WEIGHTS:
        agg = aggregate_tone(p[:, 0], p[:, 2], labels, info["group"], info["sentence"].to_numpy() < 3,
                             lead_weight=lead_weight).set_index("group")
        g = truth.loc[agg.index].to_numpy(dtype=object)
        for score in AGGREGATES:
            band = choose_band(agg[score].to_numpy(), g)
            f1 = macro_f1(g, band_labels(agg[score].to_numpy(), band), classes=CLASSES)
            plain = macro_f1(g, band_labels(agg[score].to_numpy(), (0.0, 0.0)), classes=CLASSES)
            candidates.append({"score": score, "lead_weight": lead_weight, "band": [band[0], band[1]],
                               "macro_f1": round(f1, 4), "macro_f1_sign_only": round(plain, 4)})
    best = max(candidates, key=lambda c: (c["macro_f1"], -c["lead_weight"], c["score"] == "mean_polarity"))
    return {
        "unit": "the main person of a NewsMTSC article (primary targets only), gold = sign of the mean of "
        "its sentence labels",
        "groups": int(len(truth)),
        "gold_counts": {c: int((truth == c).sum()) for c in CLASSES},
        "lead": "sentence number < 3 in the article (NewsMTSC has no headlines)",
        **{k: best[k] for k in ("score", "lead_weight", "band", "macro_f1", "macro_f1_sign_only")},
        "candidates": candidates,
        "note": "chosen on out-of-fold predictions for NewsMTSC train; band and rule chosen and scored on the "
        "same groups (in-sample for 2 numbers: an optimistic figure)",
    }


# ----------------------------------------------------------------------------------- training


class _Sparse:
    """A feature matrix: the dense features as an array, the word features as coordinates (row,
    column, value), with the two products training needs.

    Both products add their terms one after another in a fixed order, single-threaded (``numpy``
    reductions across rows, ``numpy.bincount``; no BLAS): the fitted weights do not depend on the
    machine's BLAS or its number of threads. A row's sum adds its dense terms left to right, then its
    words in sorted order; a column's sum adds its terms row by row.
    """

    def __init__(self, dense: np.ndarray, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, d: int) -> None:
        self.dense = np.ascontiguousarray(dense, dtype=float)
        self.dense_t = np.ascontiguousarray(self.dense.T)  # (features, rows): reductions over axis 0 add in order
        self.rows, self.cols, self.vals = rows, cols, vals
        self.n, self.d = self.dense.shape[0], d
        # bincount's input for dot: one entry per row (its dense sum) first, then the word terms
        self._dot_rows = np.concatenate([np.arange(self.n, dtype=np.int64), rows])

    @classmethod
    def build(cls, dense: np.ndarray, words: list[dict[str, float]], vocab: dict[str, int]) -> _Sparse:
        """Columns: the dense features first, then the words of ``vocab`` (offset by the dense count)."""
        wr, wc, wv = [], [], []
        for i, feats in enumerate(words):
            for key in sorted(feats):
                j = vocab.get(key)
                if j is not None:
                    wr.append(i)
                    wc.append(j)
                    wv.append(feats[key])
        return cls(dense, np.asarray(wr, dtype=np.int64), np.asarray(wc, dtype=np.int64),
                   np.asarray(wv, dtype=float), dense.shape[1] + len(vocab))

    def subset(self, mask: np.ndarray) -> _Sparse:
        index = np.full(self.n, -1, dtype=np.int64)
        index[mask] = np.arange(int(mask.sum()))
        keep = mask[self.rows]
        return _Sparse(self.dense[mask], index[self.rows[keep]], self.cols[keep], self.vals[keep], self.d)

    def dot(self, w: np.ndarray) -> np.ndarray:  # (n, k)
        m = self.dense_t.shape[0]
        word_w = np.ascontiguousarray(w[m:].T)
        weights = np.empty(len(self._dot_rows))
        out = np.empty((self.n, w.shape[1]))
        for k in range(w.shape[1]):
            np.add.reduce(self.dense_t * w[:m, k, None], axis=0, out=weights[: self.n])
            np.multiply(self.vals, word_w[k].take(self.cols), out=weights[self.n:])
            out[:, k] = np.bincount(self._dot_rows, weights=weights, minlength=self.n)
        return out

    def tdot(self, g: np.ndarray) -> np.ndarray:  # (d, k)
        m = self.dense_t.shape[0]
        g_t = np.ascontiguousarray(g.T)
        out = np.empty((self.d, g.shape[1]))
        for k in range(g.shape[1]):
            out[:m, k] = np.add.reduce(self.dense * g_t[k, :, None], axis=0)
            out[m:, k] = np.bincount(self.cols, weights=self.vals * g_t[k].take(self.rows), minlength=self.d - m)
        return out


def _lbfgs(fg: Callable[[np.ndarray], tuple[float, np.ndarray]], x: np.ndarray, *, max_iter: int = _MAX_ITER,
           memory: int = 10, tol: float = 1e-9) -> np.ndarray:
    """Minimise a smooth function by L-BFGS with a backtracking (Armijo) line search. Deterministic."""
    f, g = fg(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        q = g.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist)):
            rho = 1.0 / (y @ s)
            a = rho * (s @ q)
            q -= a * y
            alphas.append((rho, a, s, y))
        if s_hist:
            q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
        for rho, a, s, y in reversed(alphas):
            q += s * (a - rho * (y @ q))
        direction = -q
        slope = g @ direction
        if slope >= 0:
            direction, slope = -g, -(g @ g)
        step = 1.0
        while True:
            x_new = x + step * direction
            f_new, g_new = fg(x_new)
            if f_new <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = x_new - x, g_new - g
        if y @ s > 1e-12:
            s_hist.append(s)
            y_hist.append(y)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
        done = abs(f - f_new) <= tol * max(1.0, abs(f))
        x, f, g = x_new, f_new, g_new
        if done:
            break
    return x


def _fit(x: _Sparse, y: np.ndarray, lam: float, start: np.ndarray | None = None) -> np.ndarray:
    """Multinomial logistic regression with an L2 penalty ``lam / 2 * |W|^2`` (bias not penalised).

    Returns the parameters as one vector: weights (x.d rows x 3 classes, :data:`CLASSES` order, row
    by row) then the 3 biases. ``start``: parameters to start from (warm start), else zeros.
    """
    n, d, k = x.n, x.d, len(CLASSES)
    onehot = np.eye(k)[y]

    def fg(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: d * k].reshape(d, k), theta[d * k:]
        p = softmax(x.dot(w) + b)
        loss = -np.log(p[np.arange(n), y] + 1e-300).mean() + 0.5 * lam * float((w * w).sum())
        g = (p - onehot) / n
        return float(loss), np.concatenate([(x.tdot(g) + lam * w).ravel(), g.sum(axis=0)])

    return _lbfgs(fg, np.zeros(d * k + k) if start is None else start)


def _vocabulary(words: list[dict[str, float]], mask: np.ndarray, min_count: int) -> dict[str, int]:
    counts = Counter(key for i in np.flatnonzero(mask) for key in words[i])
    return {key: j for j, key in enumerate(sorted(k for k, c in counts.items() if c >= min_count))}


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-12] = 1.0
    return mean, scale


def _fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode("utf-8")).hexdigest(), 16) % folds


def _cross_validate(dense: np.ndarray, words: list[dict[str, float]], y: np.ndarray, fold: np.ndarray,
                    lambdas: Sequence[float], min_count: int) -> dict[float, np.ndarray]:
    """Out-of-fold class probabilities (rows x 3) for every penalty. Within a fold, penalties are fitted
    from the strongest to the weakest, each starting from the previous solution (a warm start)."""
    preds = {float(lam): np.zeros((len(y), 3)) for lam in lambdas}
    for k in sorted(set(fold.tolist())):
        train_mask = fold != k
        vocab = _vocabulary(words, train_mask, min_count)
        mean, scale = _standardise(dense[train_mask])
        matrix = _Sparse.build((dense - mean) / scale, words, vocab)
        fit_rows, test_rows = matrix.subset(train_mask), matrix.subset(~train_mask)
        theta = None
        for lam in sorted(preds, reverse=True):
            theta = _fit(fit_rows, y[train_mask], lam, theta)
            w, b = theta[: matrix.d * 3].reshape(matrix.d, 3), theta[matrix.d * 3:]
            preds[lam][~train_mask] = softmax(test_rows.dot(w) + b)
    return preds


def _round(values: Any) -> Any:
    return np.round(np.asarray(values, dtype=float), _DECIMALS).tolist()


def train(
    data: str | os.PathLike[str],
    *,
    lambdas: Sequence[float] = LAMBDAS,
    folds: int = FOLDS,
    spec: dict[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Train the target-aware model on a NewsMTSC-format training file; returns the coefficient file's content.

    Steps (all on ``data`` only): features of every target; for each penalty in ``lambdas``, the
    macro-F1 of ``folds``-fold cross-validation (folds grouped by article, by a hash of its id, so
    sentences of one article never straddle train and test); the best penalty (ties: the larger) fitted
    on all of ``data``; weights rounded to 3 decimals and re-expressed relative to neutral; the train
    metrics of the rounded model; the neutral bands of sentence-wide TextBlob and VADER
    (:func:`choose_band`). Deterministic: the same file gives the same coefficients.
    """
    say = progress or (lambda _message: None)
    spec = dict(default_spec() if spec is None else spec)
    table = read_newsmtsc(data)
    y = pd.Categorical(table["gold"], categories=list(CLASSES)).codes.astype(np.int64)
    say(f"{len(table)} targets in {table['line'].nunique()} sentences; computing features")
    dense_df, words = target_features(table["sentence"].tolist(), table["start"].tolist(), table["end"].tolist(), spec=spec)
    dense = dense_df.to_numpy(dtype=float)
    fold = np.array([_fold_of(newsmtsc_article(g), folds) for g in table["primary_gid"]])
    min_count = int(spec["min_count"])
    gold = np.asarray(CLASSES, dtype=object)[y]
    cv_rows = []
    oof = _cross_validate(dense, words, y, fold, lambdas, min_count)
    for lam, prob in sorted(oof.items()):
        f1 = macro_f1(gold, np.asarray(CLASSES, dtype=object)[np.argmax(prob, axis=1)], classes=CLASSES)
        cv_rows.append({"lambda": lam, "cv_macro_f1": round(f1, 4)})
        say(f"lambda={lam:g}: cross-validated macro-F1 {f1:.4f}")
    best = max(cv_rows, key=lambda r: (r["cv_macro_f1"], r["lambda"]))
    lam = best["lambda"]
    vocab = _vocabulary(words, np.ones(len(y), dtype=bool), min_count)
    mean, scale = _standardise(dense)
    theta = _fit(_Sparse.build((dense - mean) / scale, words, vocab), y, lam)
    n_dense = dense.shape[1]
    weights = theta[: (n_dense + len(vocab)) * 3].reshape(-1, 3)
    wd, ww, b = weights[:n_dense], weights[n_dense:], theta[(n_dense + len(vocab)) * 3:]
    rel = lambda w: w[..., [0, 2]] - w[..., [1]]  # noqa: E731 - log-odds vs neutral
    names = list(dense_df.columns)
    rel_dense, rel_words, rel_bias = _round(rel(wd)), _round(rel(ww)), _round(rel(b))
    vocab_order = sorted(vocab, key=vocab.get)
    content: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "method": "multinomial logistic regression (softmax) with L2 penalty, fitted by L-BFGS",
        "classes": list(CLASSES),
        "weights_are": "log-odds of [negative, positive] relative to neutral, per unit of the (standardised) feature",
        "training_data": {
            "file": Path(data).name,
            "sha256": file_sha256(data),
            "targets": int(len(table)),
            "sentences": int(table["line"].nunique()),
            "class_counts": {c: int((gold == c).sum()) for c in CLASSES},
            "source": "NewsMTSC (Hamborg & Donnay, EACL 2021), train split",
        },
        "selection": {
            "folds": folds,
            "grouped_by": "article (primary_gid up to the sentence number)",
            "chosen_lambda": lam,
            "cross_validation": cv_rows,
        },
        "trained": _dt.date.today().isoformat(),
        "spec": spec,
        "features": {"dense": names, "mean": np.asarray(mean).round(6).tolist(),
                     "scale": np.asarray(scale).round(6).tolist(), "words": len(vocab)},
        "weights": {
            "bias": rel_bias,
            "dense": dict(zip(names, rel_dense)),
            "words": dict(zip(vocab_order, rel_words)),
        },
    }
    # the bands of the sentence-wide baselines, chosen on this file: their scores of each target's
    # whole sentence as written (the features score it with the target's title taken out, mask_title;
    # the baselines read no target)
    tb, vd = _sentence_scores(table["sentence"].tolist())
    content["bands"] = {"textblob": choose_band(tb, gold), "vader": choose_band(vd, gold)}
    content["document_level"] = choose_document_rule(oof[lam], gold, table)
    rule = content["document_level"]
    say(f"document level: {rule['score']}, lead weight {rule['lead_weight']:g}, band {rule['band']}, "
        f"macro-F1 {rule['macro_f1']} on {rule['groups']} groups")
    # train metrics of the model as shipped (rounded weights), on the training data itself
    model = model_from_dict(json.loads(json.dumps(content)), source="<training>")
    pred = most_probable(target_probabilities(model, dense_df, words))
    content["train_metrics"] = {
        "macro_f1": round(macro_f1(gold, pred, classes=CLASSES), 4),
        "accuracy": round(float((pred == gold).mean()), 4),
        "cv_macro_f1": best["cv_macro_f1"],
        "note": "macro_f1 and accuracy are in-sample (the model has seen these targets); "
        "cv_macro_f1 is the cross-validated estimate",
    }
    say(f"chosen lambda={lam:g}; train macro-F1 {content['train_metrics']['macro_f1']:.4f} (in-sample)")
    return content


def _sentence_scores(sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """TextBlob polarity and VADER compound of each sentence (each distinct sentence scored once)."""
    from analysis.tone import pattern_sentiment, vader_sentiment

    unique = list(dict.fromkeys(sentences))
    at = pd.Index(unique).get_indexer(sentences)
    return (pattern_sentiment(unique)["polarity"].to_numpy()[at],
            vader_sentiment(unique)["compound"].to_numpy()[at])


def dump_json(content: Any) -> str:
    """JSON with one entry per line but every flat list on one line (a word and its weights per line)."""
    text = json.dumps(content, indent=1, ensure_ascii=False)
    return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)


def write_model(content: dict[str, Any], path: str | os.PathLike[str] = MODEL_PATH) -> Path:
    """Write a coefficient file atomically (temporary file + rename); returns its path."""
    return atomic_write(path, dump_json(content) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Train on NewsMTSC train and write the coefficient file; prints progress and the figures."""
    parser = argparse.ArgumentParser(prog="python -m analysis.validation.train_tone", description=main.__doc__)
    parser.add_argument("--datasets", help="folder holding newsmtsc/train.jsonl (default: $MEDIA_WORKBENCH_DATASETS, "
                        "else ../shared/datasets beside the repository)")
    parser.add_argument("--data", help="a NewsMTSC-format training file (overrides --datasets; never a test split)")
    parser.add_argument("--out", default=str(MODEL_PATH), help=f"coefficient file to write (default {MODEL_PATH})")
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["train"]:  # the old command line, `python -m analysis.target_tone train --data ...`
        args = args[1:]
    parsed = parser.parse_args(args)
    data = parsed.data or datasets_path(parsed.datasets) / "newsmtsc" / "train.jsonl"
    try:
        content = train(data, progress=lambda m: print(m, flush=True))
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    path = write_model(content, parsed.out)
    print(f"written: {path} ({path.stat().st_size / 1000:.1f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
