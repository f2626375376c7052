"""Target-aware tone: which tone does a sentence take toward *this* person (negative, neutral, positive)?

Sentence-wide lexicon tone gives every actor in a sentence the same number. This method scores the
sentence *from the target's seat*: a multinomial logistic regression (softmax over the three classes)
over features computed by plain, readable code from the sentence and the target's character span:

* **lexicon tone, near and far** — TextBlob polarity and subjectivity and VADER compound/pos/neg of the
  whole sentence and of windows of 3, 6 and 10 words on each side of the target
  (:func:`analysis.tone.window_text`, the same windows as ``actor_tone(window=N)``);
* **lexicon words by distance** — the TextBlob and VADER lexicon values of the words around the target,
  each weighted by ``exp(-(d - 1) / 4)`` for a word ``d`` tokens away, summed (all, positive, negative);
* **the target's place** — negation within 4 tokens, inside quotation marks, a quotation in the
  sentence, a speech verb right after ("X said") or before ("said X", "according to X") the target, its
  relative position, the sentence's length (log tokens), first token of the sentence, a pronoun, a
  possessive ("X's", "his");
* **learned word weights** — lower-case words of the sentence (not the target's own words, not
  capitalised words inside the sentence, which are mostly names) as ``s:<word>`` (weighted by distance
  as above) and ``l:<word>`` / ``r:<word>`` (within 3 tokens left / right of the target);

version 2 (word lists in ``lexicons/target_tone_words.yml``, copied into the coefficient file's spec):

* **clause scope** — the sentence is cut into clauses at ``;``, dashes, colons, brackets and before
  "but", "although", "while", "which", ...; ``clause_*`` read only the target's clause (and its left
  and right side apart);
* **polarity shifters** — a sentiment word up to 3 tokens after a shifter ("fell", "ended", "rejected")
  in the same clause counts with its sign reversed (``shifted_*``, ``clause_*``), plus ``shifter_near``;
* **roles** from word order — ``passive``, ``harm_passive`` ("X was arrested"), ``harm_before`` ("police
  arrested X"), ``harm_agent`` ("X attacked"), ``by_agent``, ``clause_initial`` (the likely subject),
  and interactions: subject x tone to the right, object x tone to the left, possessor x tone to the
  right, passive x clause tone;
* **quote structure** — speaker x sentence VADER, inside a quotation x sentence VADER, ``addressee``
  ("told X"), ``second_person`` ("you");
* **neighbours and word pairs** — ``L1:``/``R1:`` the token on each side, ``L2:``/``R2:`` the two-token
  sequences ending or starting next to the target (names as ``<N>``, sentence edges ``<s>``/``</s>``);

word features seen with at least ``min_count`` (5) targets in the training data are learned.

Trained **only** on NewsMTSC ``train.jsonl`` (Hamborg & Donnay 2021) by :func:`train`
(``python -m analysis.validation.train_tone`` or ``python -m analysis.target_tone train --data PATH``):
the L2 penalty is chosen by 5-fold cross-validation on train (folds grouped by article, assigned by a
hash of the article id), the neutral bands of the sentence-wide TextBlob and VADER baselines are chosen
on train, the document-level rule (:func:`choose_document_rule`, used by
:func:`analysis.actor_document_tone`) is chosen on the out-of-fold predictions, and the model is
fitted by a hand-written, deterministic L-BFGS. The result is the coefficient file
``analysis/lexicons/target_tone.json``: feature list, standardisation, weights (log-odds of negative
and of positive relative to neutral), the training file's SHA-256, the cross-validation table, the
document-level rule and the train metrics. A word's weights say plainly what it does:
``"s:allegations": [1.2, 0.0]`` means "allegations" next to the target raises the log-odds of
negative vs neutral by 1.2 (less further away) and leaves positive vs neutral as it was.

Predictions: ``label`` is the most probable class; ``target_polarity = p_positive - p_negative`` is the
signed score (-1..1) that actor summaries average.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import hashlib
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import InputError, LexiconError

__all__ = [
    "CLASSES",
    "MODEL_PATH",
    "TARGET_TONE_COLUMNS",
    "TargetToneModel",
    "load_target_model",
    "target_features",
    "predict_target_tone",
    "band_labels",
    "choose_band",
    "default_spec",
    "aggregate_tone",
    "choose_document_rule",
    "AGGREGATES",
    "WORD_LISTS",
    "WORDS_PATH",
    "train",
    "main",
]

CLASSES: tuple[str, ...] = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent / "lexicons" / "target_tone.json"
FORMAT = "media-workbench/target-tone"
SCHEMA_VERSION = 2

#: Columns :func:`predict_target_tone` returns (and ``actor_tone(actor_tone_method="target")`` adds).
TARGET_TONE_COLUMNS: dict[str, str] = {
    "target_polarity": "p_positive - p_negative: the signed tone toward the target, -1..1",
    "p_negative": "model probability that the sentence is negative toward the target",
    "p_neutral": "model probability of neutral",
    "p_positive": "model probability of positive",
    "label": "the most probable class: negative, neutral or positive",
}

#: The numeric part of the feature specification. The word lists come from
#: ``lexicons/target_tone_words.yml`` (:func:`default_spec` merges both); the training code writes the
#: whole specification into the coefficient file, and prediction reads it back from there, so a
#: coefficient file fully defines its model.
DEFAULT_SPEC: dict[str, Any] = {
    "windows": [3, 6, 10],
    "near": 3,
    "tau": 4.0,
    "negation_reach": 4,
    "speech_reach": 3,
    "shift_reach": 3,
    "role_reach": 3,
    "min_count": 5,
}

#: The word lists a specification holds (keys of ``lexicons/target_tone_words.yml``).
WORD_LISTS: tuple[str, ...] = ("negations", "speech_verbs", "pronouns", "shifters", "harm_verbs", "be",
                               "addressee", "second_person", "clause_breaks", "clause_words")
WORDS_PATH = Path(__file__).resolve().parent / "lexicons" / "target_tone_words.yml"

#: Regularisation strengths tried by cross-validation, and the number of folds.
LAMBDAS: tuple[float, ...] = (1e-3, 3e-3)
FOLDS = 5
_MAX_ITER = 300
_DECIMALS = 3

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_WORDY = re.compile(r"\w")
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"


# ------------------------------------------------------------------------------------- features


def default_spec(words: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The feature specification training uses: :data:`DEFAULT_SPEC` plus the word lists of
    ``words`` (default ``lexicons/target_tone_words.yml``). Raises LexiconError naming the file and
    the list when a list is missing, empty or holds something other than words."""
    from analysis.lexicon_io import read_yaml

    path = Path(WORDS_PATH if words is None else words)
    data = read_yaml(path).data
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of word lists ({', '.join(WORD_LISTS)})")
    spec = dict(DEFAULT_SPEC)
    for name in WORD_LISTS:
        value = data.get(name)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
            raise LexiconError(f"{path}, list {name!r}: give a non-empty list of words (strings)")
        spec[name] = [w.strip().lower() for w in value]
    unknown = sorted(set(data) - set(WORD_LISTS))
    if unknown:
        raise LexiconError(f"{path}: unknown list {unknown[0]!r}; the lists are {', '.join(WORD_LISTS)}")
    return spec


def _dense_names(spec: dict[str, Any]) -> list[str]:
    names = ["sentence_tb_polarity", "sentence_tb_subjectivity", "sentence_vader_compound",
             "sentence_vader_pos", "sentence_vader_neg"]
    for n in spec["windows"]:
        names += [f"window{n}_tb_polarity", f"window{n}_tb_subjectivity", f"window{n}_vader_compound",
                  f"window{n}_vader_pos", f"window{n}_vader_neg"]
    names += ["near_tb", "near_tb_positive", "near_tb_negative", "near_vader", "near_vader_positive",
              "near_vader_negative", "negation_near", "in_quote", "has_quote", "speech_after",
              "speech_before", "position", "log_tokens", "at_start", "is_pronoun", "possessive"]
    names += list(_V2_NAMES)
    return names


#: The version-2 dense features (see the module docstring): clause scope, polarity shifters, roles,
#: quote structure, and interactions of roles with the lexicon tone on either side.
_V2_NAMES: tuple[str, ...] = (
    "clause_tb", "clause_vader", "clause_vader_positive", "clause_vader_negative", "clause_left_vader",
    "clause_right_vader", "shifted_tb", "shifted_vader", "shifter_near", "passive", "harm_before",
    "harm_passive", "harm_agent", "by_agent", "addressee", "second_person", "clause_initial",
    "log_clause_tokens", "n_clause_breaks", "speaker_x_sentence_vader", "in_quote_x_sentence_vader",
    "possessive_x_right_vader", "subject_x_right_vader", "object_x_left_vader", "passive_x_clause_vader",
)


def _clause_ids(lows: list[str], lists: dict[str, Any]) -> list[int]:
    """The clause of every token: a new clause starts at a clause break (";", a dash, a colon, a
    bracket) and at a clause word ("but", "although", "while", "which", ...) after the first token."""
    breaks, starters = lists["clause_breaks"], lists["clause_words"]
    clause, ids = 0, []
    for i, w in enumerate(lows):
        if w in breaks or (i > 0 and w in starters):
            clause += 1
        ids.append(clause)
    return ids


def _shift_signs(lows: list[str], clauses: list[int], lists: dict[str, Any], reach: int) -> list[float]:
    """-1 for a token up to ``reach`` tokens after a polarity shifter in the same clause, else 1."""
    shifters, n = lists["shifters"], len(lows)
    signs = [1.0] * n
    for i, w in enumerate(lows):
        if w in shifters:
            for j in range(i + 1, min(n, i + 1 + reach)):
                if clauses[j] == clauses[i]:
                    signs[j] = -1.0
    return signs


def _engine_scores(texts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    from analysis.tone import pattern_sentiment, vader_sentiment

    return pattern_sentiment(texts), vader_sentiment(texts)


def _inside_quote(sentence: str, start: int) -> bool:
    """True when ``start`` lies inside a quotation: an odd number of straight double quotes before it,
    or more curly opening than closing double quotes before it."""
    before = sentence[:start]
    curly = sum(before.count(q) for q in _OPEN_QUOTES) - sum(before.count(q) for q in _CLOSE_QUOTES)
    return curly > 0 or before.count('"') % 2 == 1


def _prepare_sentence(sentence: str, spec: dict[str, Any], lists: dict[str, frozenset[str]], tb_words: dict,
                      vader_words: dict) -> tuple[Any, ...]:
    """What every target of one sentence shares: tokens, lower-case forms, clauses, shift signs, the
    TextBlob and VADER lexicon values of every token and whether a token's word may be learned."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    lows = [w.lower() for w, _s, _e in tokens]
    clauses = _clause_ids(lows, lists)
    signs = _shift_signs(lows, clauses, lists, int(spec["shift_reach"]))
    tb_values, vader_values = [], []
    for low in lows:
        entry = tb_words.get(low)
        tb_values.append(entry[0] if entry is not None else 0.0)
        valence = vader_words.get(low)
        vader_values.append(valence / 4.0 if valence is not None else 0.0)
    learn = [not ((i > 0 and w[:1].isupper()) or _WORDY.search(w) is None) for i, (w, _s, _e) in enumerate(tokens)]
    return tokens, lows, clauses, signs, tb_values, vader_values, learn


@functools.lru_cache(maxsize=16)
def _weights(tau: float, n: int) -> tuple[float, ...]:
    """``exp(-(d - 1) / tau)`` for d = 0 .. n - 1."""
    return tuple(math.exp(-(d - 1) / tau) for d in range(n))


def _target_row(
    sentence: str, start: int, end: int, spec: dict[str, Any], tb_words: dict, vader_words: dict,
    lists: dict[str, frozenset[str]] | None = None, prepared: tuple[Any, ...] | None = None,
) -> tuple[list[float], dict[str, float]]:
    """The hand-made features (after the engine scores) and the word features of one target.
    ``lists``: the spec's word lists as sets (made from ``spec`` when not given); ``prepared``: the
    sentence's :func:`_prepare_sentence` (made when not given)."""
    if lists is None:
        lists = {name: frozenset(spec[name]) for name in WORD_LISTS}
    if prepared is None:
        prepared = _prepare_sentence(sentence, spec, lists, tb_words, vader_words)
    tokens, lows, clauses, signs, tb_values, vader_values, learn = prepared
    inside = [i for i, (_w, s, e) in enumerate(tokens) if e > start and s < end]
    first, last = (inside[0], inside[-1]) if inside else (0, -1)
    if not inside:  # a span without word characters: place it before the first token after it
        first = next((i for i, (_w, s, _e) in enumerate(tokens) if s >= start), len(tokens))
        last = first - 1
    n = len(tokens)
    own = clauses[first] if first < n else (clauses[-1] if n else 0)
    tau, near = float(spec["tau"]), int(spec["near"])
    table = _weights(tau, max(64, 1 << (n + 1).bit_length()))
    negations, speech = lists["negations"], lists["speech_verbs"]
    words: dict[str, float] = {}
    tb = tb_pos = tb_neg = vd = vd_pos = vd_neg = 0.0
    c_tb = c_vd = c_pos = c_neg = c_left = c_right = s_tb = s_vd = 0.0
    for i in range(n):
        if first <= i <= last:
            continue
        d = first - i if i < first else i - last
        weight = table[d]
        p = tb_values[i]
        v = vader_values[i]
        if p != 0.0 or v != 0.0:  # adding zeros changes no sum
            tb += p * weight
            if p > 0.0:
                tb_pos += p * weight
            elif p < 0.0:
                tb_neg += -p * weight
            vd += v * weight
            if v > 0.0:
                vd_pos += v * weight
            elif v < 0.0:
                vd_neg += -v * weight
            sign = signs[i]
            s_tb += sign * p * weight
            s_vd += sign * v * weight
            if clauses[i] == own:
                c_tb += sign * p * weight
                c_vd += sign * v * weight
                sv = sign * v
                if sv > 0.0:
                    c_pos += sv * weight
                elif sv < 0.0:
                    c_neg += -sv * weight
                if i < first:
                    c_left += sign * v * weight
                else:
                    c_right += sign * v * weight
        if not learn[i]:
            continue  # names and punctuation are not learned
        low = lows[i]
        key = "s:" + low
        old = words.get(key)
        if old is None or weight > old:
            words[key] = weight
        if d <= near:
            words[("l:" if i < first else "r:") + low] = 1.0

    def neighbour(i: int) -> str:  # a token next to the target, names as <N>, edges as <s> </s>
        if i < 0:
            return "<s>"
        if i >= n:
            return "</s>"
        return "<N>" if i > 0 and tokens[i][0][:1].isupper() else lows[i]

    left1, right1 = neighbour(first - 1), neighbour(last + 1)
    words["L1:" + left1] = 1.0
    words["R1:" + right1] = 1.0
    words["L2:" + neighbour(first - 2) + "_" + left1] = 1.0
    words["R2:" + right1 + "_" + neighbour(last + 2)] = 1.0
    reach = int(spec["negation_reach"])
    around = lows[max(0, first - reach): first] + lows[last + 1: last + 1 + reach]
    sreach = int(spec["speech_reach"])
    after = lows[last + 1: last + 1 + sreach]
    before = lows[max(0, first - sreach): first]
    mention = sentence[start:end].strip().lower()
    possessive = float(sentence[end:end + 2] in ("'s", "’s") or mention in ("his", "her", "their", "its"))
    in_quote = float(_inside_quote(sentence, start))
    speech_after = float(any(w in speech for w in after))
    speech_before = float(any(w in speech for w in before))
    # roles (no parser: word order around the target)
    rreach = int(spec["role_reach"])
    be, harm = lists["be"], lists["harm_verbs"]
    next3 = lows[last + 1: last + 1 + rreach]
    passive = float(len(next3) >= 2 and next3[0] in be
                    and any(w.endswith("ed") or w in harm for w in next3[1:]))
    harm_before = float(any(w in harm for w in lows[max(0, first - rreach): first]))
    harm_passive = float(passive and any(w in harm for w in next3))
    harm_agent = float(not passive and any(w in harm for w in next3))
    by_agent = float(first >= 1 and lows[first - 1] == "by")
    addressee = float(any(w in lists["addressee"] for w in lows[max(0, first - 2): first]))
    second = float(any(w in lists["second_person"] for w in lows))
    lead_in = [j for j in range(first) if clauses[j] == own and _WORDY.search(tokens[j][0])
               and lows[j] not in ("the", "a", "an", "and")]
    subject = float(not lead_in)  # first words of its clause: most likely the clause's subject
    clause_tokens = sum(1 for c in clauses if c == own)
    sentence_vd = 0.0  # filled in by target_features (needs the engine score)
    dense = [
        tb, tb_pos, tb_neg, vd, vd_pos, vd_neg,
        float(any(w in negations or w.endswith("n't") for w in around)),
        in_quote,
        float(any(q in sentence for q in ('"', "“", "”"))),
        speech_after,
        speech_before,
        first / max(n - 1, 1),
        math.log(n + 1),
        float(first == 0),
        float(mention in lists["pronouns"]),
        possessive,
        # version 2
        c_tb, c_vd, c_pos, c_neg, c_left, c_right, s_tb, s_vd,
        float(any(w in lists["shifters"] for w in lows[max(0, first - rreach): last + 1 + rreach])),
        passive, harm_before, harm_passive, harm_agent, by_agent, addressee, second, subject,
        math.log(clause_tokens + 1), float(clauses[-1] if clauses else 0),
        max(speech_after, speech_before) * sentence_vd, in_quote * sentence_vd,
        possessive * c_right, subject * c_right, (1.0 - subject) * c_left, passive * c_vd,
    ]
    return dense, words


def target_features(
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    *,
    spec: dict[str, Any] | None = None,
) -> tuple[pd.DataFrame, list[dict[str, float]]]:
    """The features of every target: ``texts[i][starts[i]:ends[i]]`` is the target in sentence ``texts[i]``.

    Returns (dense, words): ``dense`` has one row per target and one float column per dense feature
    (see the module docstring; names from the spec, e.g. ``window6_vader_compound``, ``speech_after``);
    ``words`` holds one dict per target, word feature (``s:``/``l:``/``r:`` + word) -> value.
    ``spec`` defaults to :func:`default_spec`.
    """
    from analysis.tone import pattern_lexicon, vader_analyzer, window_text

    spec = dict(default_spec() if spec is None else spec)
    texts = ["" if not isinstance(t, str) else t for t in texts]
    starts = [int(s) for s in starts]
    ends = [int(e) for e in ends]
    if not len(texts) == len(starts) == len(ends):
        raise InputError("target_features: texts, starts and ends must have the same length")
    columns: dict[str, np.ndarray] = {}
    unique = list(dict.fromkeys(texts))
    tb, vd = _engine_scores(unique)
    where = pd.Index(unique).get_indexer(texts)
    columns["sentence_tb_polarity"] = tb["polarity"].to_numpy()[where]
    columns["sentence_tb_subjectivity"] = tb["subjectivity"].to_numpy()[where]
    for name in ("compound", "pos", "neg"):
        columns[f"sentence_vader_{name}"] = vd[name].to_numpy()[where]
    for n in spec["windows"]:
        windows = [window_text(t, s, e, int(n)) for t, s, e in zip(texts, starts, ends)]
        distinct = list(dict.fromkeys(windows))  # each distinct window scored once
        at = pd.Index(distinct).get_indexer(windows)
        tb, vd = _engine_scores(distinct)
        columns[f"window{n}_tb_polarity"] = tb["polarity"].to_numpy()[at]
        columns[f"window{n}_tb_subjectivity"] = tb["subjectivity"].to_numpy()[at]
        for name in ("compound", "pos", "neg"):
            columns[f"window{n}_vader_{name}"] = vd[name].to_numpy()[at]
    tb_words, vader_words = pattern_lexicon().words, vader_analyzer().lexicon
    lists = {name: frozenset(spec[name]) for name in WORD_LISTS}
    prepared = {t: _prepare_sentence(t, spec, lists, tb_words, vader_words) for t in dict.fromkeys(texts)}
    rows = [_target_row(t, s, e, spec, tb_words, vader_words, lists, prepared[t]) for t, s, e in zip(texts, starts, ends)]
    names = _dense_names(spec)
    hand = np.array([r[0] for r in rows], dtype=float).reshape(len(rows), len(names) - len(columns))
    for j, name in enumerate(names[len(columns):]):
        columns[name] = hand[:, j]
    sentence_vader = columns["sentence_vader_compound"]
    columns["speaker_x_sentence_vader"] = np.maximum(columns["speech_after"], columns["speech_before"]) * sentence_vader
    columns["in_quote_x_sentence_vader"] = columns["in_quote"] * sentence_vader
    dense = pd.DataFrame({name: columns[name] for name in names})
    return dense, [r[1] for r in rows]


# --------------------------------------------------------------------------------- the model


@dataclass(frozen=True, eq=False)
class TargetToneModel:
    """A trained target-aware tone model (read from a coefficient file by :func:`load_target_model`).

    ``dense_names``, ``mean``, ``scale`` and ``dense_weights`` (features x 2: log-odds of negative and
    of positive vs neutral per standardised feature); ``word_weights`` (word feature -> (neg, pos));
    ``bias`` (neg, pos); ``spec`` (the feature specification); ``bands`` (neutral bands of the
    sentence-wide baselines, engine -> (low, high)); ``meta`` (the rest of the file: data hash,
    metrics, date); ``source`` (the file) and ``sha256`` (of its bytes).
    """

    dense_names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    dense_weights: np.ndarray
    word_weights: dict[str, tuple[float, float]]
    bias: np.ndarray
    spec: dict[str, Any]
    bands: dict[str, tuple[float, float]]
    meta: dict[str, Any]
    source: str
    sha256: str

    def __repr__(self) -> str:
        return (f"TargetToneModel({len(self.dense_names)} features + {len(self.word_weights)} word weights, "
                f"source={self.source!r}, sha256={self.sha256[:12]}...)")


def _model_from_dict(data: Any, source: str, sha256: str) -> TargetToneModel:
    def fail(field: str, problem: str) -> LexiconError:
        return LexiconError(
            f"{source}, field {field!r}: {problem}; regenerate the file with "
            "`python -m analysis.target_tone train --data <NewsMTSC train.jsonl>`"
        )

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise fail("format", f"not a target-tone coefficient file (expected format {FORMAT!r})")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise fail("schema_version", f"{data.get('schema_version')!r} is not the supported version {SCHEMA_VERSION}")
    for field in ("features", "spec", "weights", "bands"):
        if not isinstance(data.get(field), dict):
            raise fail(field, "missing or not a mapping")
    spec = data["spec"]
    missing = [k for k in (*DEFAULT_SPEC, *WORD_LISTS) if k not in spec]
    if missing:
        raise fail("spec", f"lacks {', '.join(missing)}")
    names = list(data["features"].get("dense", []))
    if names != _dense_names(spec):
        raise fail("features.dense", "the dense feature list does not match what this code computes")
    weights = data["weights"]
    try:
        mean = np.asarray(data["features"]["mean"], dtype=float)
        scale = np.asarray(data["features"]["scale"], dtype=float)
        dense_w = np.asarray([weights["dense"][n] for n in names], dtype=float)
        bias = np.asarray(weights["bias"], dtype=float)
        words = {str(k): (float(v[0]), float(v[1])) for k, v in weights["words"].items()}
        bands = {str(k): (float(v[0]), float(v[1])) for k, v in data["bands"].items()}
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise fail("weights", f"malformed ({error!r})") from None
    if mean.shape != (len(names),) or scale.shape != (len(names),) or dense_w.shape != (len(names), 2) or bias.shape != (2,):
        raise fail("weights", "array shapes do not match the feature list")
    meta = {k: v for k, v in data.items() if k not in ("features", "weights", "spec", "bands")}
    return TargetToneModel(tuple(names), mean, scale, dense_w, words, bias, dict(spec), bands, meta, source, sha256)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> TargetToneModel:
    raw = Path(path).read_bytes()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LexiconError(f"{path}, line {error.lineno}: not valid JSON ({error.msg})") from None
    return _model_from_dict(data, path, hashlib.sha256(raw).hexdigest())


def load_target_model(path: str | os.PathLike[str] | TargetToneModel | None = None) -> TargetToneModel:
    """Read a coefficient file (default: the shipped ``analysis/lexicons/target_tone.json``), once per path.

    Raises LexiconError naming the file and the field when it is not a valid coefficient file.
    """
    if isinstance(path, TargetToneModel):
        return path
    target = Path(MODEL_PATH if path is None else path)
    if not target.is_file():
        raise LexiconError(
            f"{target}: no such coefficient file; train one with "
            "`python -m analysis.target_tone train --data <NewsMTSC train.jsonl>`"
        )
    return _load_cached(str(target.resolve()))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _logits(model: TargetToneModel, dense: pd.DataFrame, words: list[dict[str, float]]) -> np.ndarray:
    x = (dense[list(model.dense_names)].to_numpy(dtype=float) - model.mean) / model.scale
    rel = x @ model.dense_weights + model.bias
    table = model.word_weights
    for i, feats in enumerate(words):
        for key, value in feats.items():
            w = table.get(key)
            if w is not None:
                rel[i, 0] += value * w[0]
                rel[i, 1] += value * w[1]
    return np.column_stack([rel[:, 0], np.zeros(len(rel)), rel[:, 1]])  # neutral is the reference


def _labels(p: np.ndarray) -> np.ndarray:
    """The most probable class of each row of probabilities (ties: neutral, then negative)."""
    order = np.argmax(p[:, [1, 0, 2]], axis=1)
    return np.array(["neutral", "negative", "positive"], dtype=object)[order]


def predict_target_tone(
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    *,
    model: str | os.PathLike[str] | TargetToneModel | None = None,
) -> pd.DataFrame:
    """Tone toward each target: ``texts[i][starts[i]:ends[i]]`` is the target in sentence ``texts[i]``.

    ``model``: a coefficient file or a loaded model (None = the shipped one).
    Output columns (:data:`TARGET_TONE_COLUMNS`): target_polarity (p_positive - p_negative, -1..1),
    p_negative, p_neutral, p_positive, label (the most probable class; ties go to neutral, then
    negative). One row per target, in order.
    """
    fitted = load_target_model(model)
    if len(texts) == 0:
        return pd.DataFrame({c: pd.Series(dtype="str" if c == "label" else "float64") for c in TARGET_TONE_COLUMNS})
    dense, words = target_features(texts, starts, ends, spec=fitted.spec)
    p = _softmax(_logits(fitted, dense, words))
    labels = _labels(p)
    return pd.DataFrame(
        {
            "target_polarity": p[:, 2] - p[:, 0],
            "p_negative": p[:, 0],
            "p_neutral": p[:, 1],
            "p_positive": p[:, 2],
            "label": pd.array(labels, dtype="str"),
        }
    )


# ------------------------------------------------------------------------- bands for baselines


def band_labels(scores: Sequence[float], band: tuple[float, float]) -> np.ndarray:
    """Classes from signed scores with a neutral band ``(low, high)``: score < low -> negative,
    score > high -> positive, otherwise (low <= score <= high) neutral. Band (0, 0) is the plain sign."""
    s = np.asarray(scores, dtype=float)
    low, high = band
    return np.where(s < low, "negative", np.where(s > high, "positive", "neutral")).astype(object)


def _macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for c in CLASSES:
        tp = np.sum((gold == c) & (pred == c))
        fp = np.sum((gold != c) & (pred == c))
        fn = np.sum((gold == c) & (pred != c))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return float(np.mean(scores))


def choose_band(scores: Sequence[float], gold: Sequence[str], *, step: float = 0.025, limit: float = 0.5) -> tuple[float, float]:
    """The neutral band with the best macro-F1 of :func:`band_labels` against ``gold``: low from 0 down
    to ``-limit`` and high from 0 up to ``limit`` in steps of ``step``; ties go to the narrower band."""
    s = np.asarray(scores, dtype=float)
    g = np.asarray(gold, dtype=object)
    grid = np.round(np.arange(0.0, limit + step / 2, step), 6)
    best, band = -1.0, (0.0, 0.0)
    for width in sorted({(a, b) for a in grid for b in grid}, key=lambda ab: (ab[0] + ab[1], ab[0])):
        f1 = _macro_f1(g, band_labels(s, (-width[0], width[1])))
        if f1 > best + 1e-12:
            best, band = f1, (0.0 - float(width[0]), float(width[1]))
    return band


# ---------------------------------------------------------------- document- and actor-level tone

#: How mention-level tone is aggregated to one actor in one document (:func:`aggregate_tone`).
AGGREGATES: dict[str, str] = {
    "mean_polarity": "weighted mean of target_polarity (p_positive - p_negative) over the mentions",
    "net_share": "weighted share of mentions labelled positive minus share labelled negative",
}
#: Lead weights tried when the document-level rule is chosen on training data.
LEAD_WEIGHTS: tuple[float, ...] = (1.0, 2.0, 3.0)


def aggregate_tone(
    p_negative: Sequence[float],
    p_positive: Sequence[float],
    labels: Sequence[str],
    groups: Sequence[Any],
    lead: Sequence[bool],
    *,
    lead_weight: float = 1.0,
) -> pd.DataFrame:
    """Mention-level target tone aggregated per group (an actor in a document), lead mentions weighted.

    A mention in the lead (``lead[i]`` true: the headline or the first three sentences of the text)
    weighs ``lead_weight``, every other mention 1. Output: one row per group, in order of first
    appearance: group, n_mentions, mean_polarity (weighted mean of p_positive - p_negative),
    share_negative and share_positive (weighted shares of mentions labelled so), net_share
    (share_positive - share_negative).
    """
    pn = np.asarray(p_negative, dtype=float)
    pp = np.asarray(p_positive, dtype=float)
    lab = np.asarray(labels, dtype=object)
    w = np.where(np.asarray(lead, dtype=bool), float(lead_weight), 1.0)
    codes, uniques = pd.factorize(pd.Series(list(groups), dtype=object), sort=False)
    total = np.bincount(codes, weights=w, minlength=len(uniques))
    mean = np.bincount(codes, weights=w * (pp - pn), minlength=len(uniques)) / total
    neg = np.bincount(codes, weights=w * (lab == "negative"), minlength=len(uniques)) / total
    pos = np.bincount(codes, weights=w * (lab == "positive"), minlength=len(uniques)) / total
    return pd.DataFrame({"group": list(uniques), "n_mentions": np.bincount(codes, minlength=len(uniques)),
                         "mean_polarity": mean, "share_negative": neg, "share_positive": pos,
                         "net_share": pos - neg})


def _newsmtsc_groups(table: pd.DataFrame) -> pd.DataFrame:
    """The primary target of every NewsMTSC sentence (the article's main person) with its article,
    person and sentence number read from ``primary_gid`` (``<source>_<n>_<m>_<sentence>_<person>_<from>_<to>``).
    The offsets in the id are those of the raw sentence, a few characters off the normalised one: the
    primary target is the sentence's target starting nearest to them (the first on a tie)."""
    parts = table["primary_gid"].str.extract(_GID)
    distance = (pd.to_numeric(parts[3]) - table["start"]).abs().fillna(np.inf)
    nearest = distance.groupby(table["line"].to_numpy()).transform("min")
    primary = (distance == nearest) & ~table.assign(_d=distance == nearest).duplicated(["line", "_d"])
    out = pd.DataFrame({"article": parts[0], "sentence": pd.to_numeric(parts[1]), "person": parts[2],
                        "primary": (primary & parts[0].notna()).to_numpy(dtype=bool)})
    out["group"] = out["article"] + " | " + out["person"]
    return out


def _group_gold(gold: np.ndarray, groups: pd.Series) -> pd.Series:
    """Document-level gold per group: the sign of the mean of the mention labels (-1, 0, +1)."""
    value = pd.Series(np.select([gold == "negative", gold == "positive"], [-1.0, 1.0], 0.0), index=groups.index)
    mean = value.groupby(groups.to_numpy(), sort=False).mean()
    return pd.Series(np.where(mean < 0, "negative", np.where(mean > 0, "positive", "neutral")), index=mean.index)


def choose_document_rule(prob: np.ndarray, gold: np.ndarray, table: pd.DataFrame) -> dict[str, Any]:
    """The document-level rule (aggregate, lead weight, neutral band) with the best macro-F1 against
    document-level gold built from NewsMTSC (the main person of each article: the sign of the mean
    of its sentence labels), from out-of-fold probabilities ``prob`` (rows x 3, :data:`CLASSES` order)."""
    info = _newsmtsc_groups(table)
    keep = info["primary"].to_numpy()
    info = info[keep]
    p = prob[keep]
    if not keep.any():
        return {"unit": "none: the file's primary_gid values give no article and person", "groups": 0,
                "score": "mean_polarity", "lead_weight": 1.0, "band": [0.0, 0.0], "macro_f1": None,
                "macro_f1_sign_only": None, "candidates": []}
    labels = np.asarray(CLASSES, dtype=object)[np.argmax(p, axis=1)]
    truth = _group_gold(gold[keep], info["group"])
    candidates = []
    for lead_weight in LEAD_WEIGHTS:
        agg = aggregate_tone(p[:, 0], p[:, 2], labels, info["group"], info["sentence"].to_numpy() < 3,
                             lead_weight=lead_weight).set_index("group")
        g = truth.loc[agg.index].to_numpy(dtype=object)
        for score in AGGREGATES:
            band = choose_band(agg[score].to_numpy(), g)
            f1 = _macro_f1(g, band_labels(agg[score].to_numpy(), band))
            plain = _macro_f1(g, band_labels(agg[score].to_numpy(), (0.0, 0.0)))
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
    """A feature matrix as coordinates (row, column, value) with the two products training needs.

    Both products are sums by ``numpy.bincount`` in a fixed order, single-threaded: the fitted
    weights do not depend on the machine's BLAS or its number of threads.
    """

    def __init__(self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, n: int, d: int) -> None:
        self.rows, self.cols, self.vals, self.n, self.d = rows, cols, vals, n, d

    @classmethod
    def build(cls, dense: np.ndarray, words: list[dict[str, float]], vocab: dict[str, int]) -> _Sparse:
        """Columns: the dense features first, then the words of ``vocab`` (offset by the dense count)."""
        n, d = dense.shape
        rows = [np.repeat(np.arange(n, dtype=np.int64), d)]
        cols = [np.tile(np.arange(d, dtype=np.int64), n)]
        vals = [dense.ravel()]
        wr, wc, wv = [], [], []
        for i, feats in enumerate(words):
            for key in sorted(feats):
                j = vocab.get(key)
                if j is not None:
                    wr.append(i)
                    wc.append(d + j)
                    wv.append(feats[key])
        rows.append(np.asarray(wr, dtype=np.int64))
        cols.append(np.asarray(wc, dtype=np.int64))
        vals.append(np.asarray(wv, dtype=float))
        return cls(np.concatenate(rows), np.concatenate(cols), np.concatenate(vals), n, d + len(vocab))

    def subset(self, mask: np.ndarray) -> _Sparse:
        index = np.full(self.n, -1, dtype=np.int64)
        index[mask] = np.arange(int(mask.sum()))
        keep = mask[self.rows]
        return _Sparse(index[self.rows[keep]], self.cols[keep], self.vals[keep], int(mask.sum()), self.d)

    def dot(self, w: np.ndarray) -> np.ndarray:  # (n, k)
        return np.column_stack([np.bincount(self.rows, weights=self.vals * w[self.cols, k], minlength=self.n)
                                for k in range(w.shape[1])])

    def tdot(self, g: np.ndarray) -> np.ndarray:  # (d, k)
        return np.column_stack([np.bincount(self.cols, weights=self.vals * g[self.rows, k], minlength=self.d)
                                for k in range(g.shape[1])])


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
        p = _softmax(x.dot(w) + b)
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


_GID = r"^(.*?_-?\d+_-?\d+)_(\d+)_(.*)_(\d+)_(\d+)$"


def _article(gid: str) -> str:
    """The article a NewsMTSC sentence comes from: ``allsides_1000_401`` of ``allsides_1000_401_25_...``,
    ``polusa_v1_113704059_-1`` of ``polusa_v1_113704059_-1_35_Northam_148_155``."""
    match = re.match(_GID, gid)
    return match.group(1) if match else gid


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
            preds[lam][~train_mask] = _softmax(test_rows.dot(w) + b)
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
    from analysis.validation.data import file_sha256, read_newsmtsc

    say = progress or (lambda _message: None)
    spec = dict(default_spec() if spec is None else spec)
    table = read_newsmtsc(data)
    y = pd.Categorical(table["gold"], categories=list(CLASSES)).codes.astype(np.int64)
    say(f"{len(table)} targets in {table['line'].nunique()} sentences; computing features")
    dense_df, words = target_features(table["sentence"].tolist(), table["start"].tolist(), table["end"].tolist(), spec=spec)
    dense = dense_df.to_numpy(dtype=float)
    fold = np.array([_fold_of(_article(g), folds) for g in table["primary_gid"]])
    min_count = int(spec["min_count"])
    gold = np.asarray(CLASSES, dtype=object)[y]
    cv_rows = []
    oof = _cross_validate(dense, words, y, fold, lambdas, min_count)
    for lam, prob in sorted(oof.items()):
        f1 = _macro_f1(gold, np.asarray(CLASSES, dtype=object)[np.argmax(prob, axis=1)])
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
    # the bands of the sentence-wide baselines, chosen on this file
    from analysis.tone import pattern_sentiment, vader_sentiment

    sentences = table["sentence"].tolist()
    tb = pattern_sentiment(sentences)["polarity"].to_numpy()
    vd = vader_sentiment(sentences)["compound"].to_numpy()
    content["bands"] = {"textblob": choose_band(tb, gold), "vader": choose_band(vd, gold)}
    content["document_level"] = choose_document_rule(oof[lam], gold, table)
    rule = content["document_level"]
    say(f"document level: {rule['score']}, lead weight {rule['lead_weight']:g}, band {rule['band']}, "
        f"macro-F1 {rule['macro_f1']} on {rule['groups']} groups")
    # train metrics of the model as shipped (rounded weights), on the training data itself
    model = _model_from_dict(json.loads(json.dumps(content)), "<training>", "")
    pred = _labels(_softmax(_logits(model, dense_df, words)))
    content["train_metrics"] = {
        "macro_f1": round(_macro_f1(gold, pred), 4),
        "accuracy": round(float((pred == gold).mean()), 4),
        "cv_macro_f1": best["cv_macro_f1"],
        "note": "macro_f1 and accuracy are in-sample (the model has seen these targets); "
        "cv_macro_f1 is the cross-validated estimate",
    }
    say(f"chosen lambda={lam:g}; train macro-F1 {content['train_metrics']['macro_f1']:.4f} (in-sample)")
    return content


def dump_json(content: Any) -> str:
    """JSON with one entry per line but every flat list on one line (a word and its weights per line)."""
    text = json.dumps(content, indent=1, ensure_ascii=False)
    return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)


def write_model(content: dict[str, Any], path: str | os.PathLike[str] = MODEL_PATH) -> Path:
    """Write a coefficient file atomically (temporary file + rename); returns its path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.tmp")
    scratch.write_text(dump_json(content) + "\n", encoding="utf-8")
    os.replace(scratch, target)
    _load_cached.cache_clear()
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.target_tone train --data PATH [--out PATH]``: train and write the coefficients."""
    parser = argparse.ArgumentParser(prog="python -m analysis.target_tone", description=main.__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("train", help="train on a NewsMTSC-format file and write the coefficient file")
    command.add_argument("--data", required=True, help="NewsMTSC train.jsonl (never a test split)")
    command.add_argument("--out", default=str(MODEL_PATH), help=f"coefficient file to write (default {MODEL_PATH})")
    args = parser.parse_args(argv)
    try:
        content = train(args.data, progress=lambda m: print(m, flush=True))
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    path = write_model(content, args.out)
    print(f"written: {path} ({path.stat().st_size / 1000:.1f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
