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
  as above), ``l:<word>`` / ``r:<word>`` (within 3 tokens left / right of the target) and, when the
  spec's ``sentence_bag`` is on, ``a:<word>`` (anywhere in the sentence, unweighted: the sentence's own
  vocabulary, which the distance-weighted ``s:`` words lose far from the target);

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

session 5:

* **the nearest sentiment predicate** — ``next_sentiment`` / ``prev_sentiment``: the (shift-signed)
  VADER value of the first sentiment word after / before the target inside its clause, and the same
  divided by its distance (``*_near``); ``clause_names`` (log 1 + other capitalised words in the
  clause: other persons its tone may be about); ``other_clause_vader`` (the tone outside the clause);

word features seen with at least ``min_count`` (5) targets in the training data are learned.

Trained **only** on NewsMTSC ``train.jsonl`` (Hamborg & Donnay 2021) by the training code in
:mod:`analysis.validation.train_tone` (``python -m analysis.validation.train_tone``): penalty and
word-feature choices by cross-validation on train (folds grouped by article), the neutral bands of
the sentence-wide baselines and the document-level rule chosen on train, a hand-written,
deterministic L-BFGS fit. The result is the coefficient file ``analysis/lexicons/target_tone.json``:
feature list, standardisation, weights (log-odds of negative and of positive relative to neutral),
the training file's SHA-256, the cross-validation table, the document-level rule and the train
metrics. This module only computes the features and scores with a coefficient file. A word's
weights say plainly what it does: ``"s:allegations": [1.2, 0.0]`` means "allegations" next to the
target raises the log-odds of negative vs neutral by 1.2 (less further away) and leaves positive vs
neutral as it was.

Predictions: ``label`` is the most probable class; ``target_polarity = p_positive - p_negative`` is the
signed score (-1..1) that actor summaries average.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.deprecation import moved_names
from analysis.errors import InputError, LexiconError, json_problem
from analysis.schema import TARGET_TONE_COLUMNS

__all__ = [
    "CLASSES",
    "MODEL_PATH",
    "TARGET_TONE_COLUMNS",
    "TargetToneModel",
    "load_target_model",
    "target_features",
    "predict_target_tone",
    "model_from_dict",
    "target_probabilities",
    "most_probable",
    "softmax",
    "band_labels",
    "default_spec",
    "aggregate_tone",
    "AGGREGATES",
    "WORD_LISTS",
    "WORDS_PATH",
    "LONG_SENTENCE_TOKENS",
    "LONG_SENTENCE_WINDOW",
    "TITLE_LISTS",
    "mask_title",
]

CLASSES: tuple[str, ...] = ("negative", "neutral", "positive")
MODEL_PATH = Path(__file__).resolve().parent / "lexicons" / "target_tone.json"
FORMAT = "media-workbench/target-tone"
SCHEMA_VERSION = 2


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
    "sentence_bag": True,
}

#: The word lists a specification holds (keys of ``lexicons/target_tone_words.yml``).
WORD_LISTS: tuple[str, ...] = ("negations", "speech_verbs", "pronouns", "shifters", "harm_verbs", "be",
                               "addressee", "second_person", "clause_breaks", "clause_words")
WORDS_PATH = Path(__file__).resolve().parent / "lexicons" / "target_tone_words.yml"
#: The title lists of a specification (:func:`mask_title`): ``title_heads``, the last word of a role
#: title or an honorific ("chief", "clerk", "mr"), and ``title_words``, every word a title phrase may
#: hold before its head ("fire", "county", "deputy", "vice"). Made by :func:`default_spec` from the
#: entity layer's lists (``lexicons/entities.yml``: titles, honorifics, title_modifiers,
#: department_words) and ``title_bodies`` of ``target_tone_words.yml``. Optional in a coefficient file:
#: one written before them masks no title.
TITLE_LISTS: tuple[str, ...] = ("title_heads", "title_words")

#: A sentence of more than this many tokens (words and punctuation marks; the run-on cut of
#: :mod:`analysis.text` allows 1,000 words) is read, for each target, only within
#: :data:`LONG_SENTENCE_WINDOW` tokens on each side of it for the features that walk the words around
#: the target (the distance-weighted lexicon sums, whose terms further away weigh less than 1e-5),
#: so a target costs about what it costs in a news sentence. Every other feature still reads the
#: whole sentence, from look-ups made once per sentence (the ``s:`` and ``a:`` words, the clause, the
#: nearest sentiment words, quotation marks) and has the value it had. Sentences of up to this many
#: tokens are read whole, as before.
LONG_SENTENCE_TOKENS = 200
#: Tokens on each side of a target read in a long sentence (a word 50 tokens away weighs exp(-49/4) < 1e-5).
LONG_SENTENCE_WINDOW = 50


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
    bodies = data.get("title_bodies", [])
    if not isinstance(bodies, list) or not all(isinstance(w, str) and w.strip() for w in bodies):
        raise LexiconError(f"{path}, list 'title_bodies': give a list of words (strings)")
    unknown = sorted(set(data) - set(WORD_LISTS) - {"title_bodies"})
    if unknown:
        raise LexiconError(f"{path}: unknown list {unknown[0]!r}; the lists are {', '.join(WORD_LISTS)}, title_bodies")
    spec.update(_title_lists(bodies))
    return spec


def _title_lists(bodies: Sequence[str]) -> dict[str, list[str]]:
    """:data:`TITLE_LISTS` from the entity layer's lists and ``bodies``, as the tokens of
    :func:`mask_title` read them (lower-case word tokens: "mr." is "mr", "vice-president" is "vice",
    "president")."""
    from analysis.entity_words import load_entity_words

    words = load_entity_words()
    heads: set[str] = set()
    parts: set[str] = set()
    for phrase in [*(" ".join(t) for t in words.titles), *words.honorifics]:
        tokens = [t for t in _TOKEN.findall(phrase.lower()) if _WORDY.search(t)]
        if tokens:
            heads.add(tokens[-1])
            parts.update(tokens)
    for phrase in [*words.title_modifiers, *(" ".join(d) for d in words.departments), *bodies]:
        parts.update(t for t in _TOKEN.findall(phrase.lower()) if _WORDY.search(t))
    return {"title_heads": sorted(heads - _TITLE_JOINERS), "title_words": sorted((parts | heads) - _TITLE_JOINERS)}


#: Title phrases longer than this many word tokens are not taken ("Deputy Assistant Secretary of State"
#: has five).
_TITLE_REACH = 6
#: Words a title phrase holds only between two of its words ("Secretary of State", "chairman and chief
#: executive", "Secretary of the Interior"), never at its start.
_TITLE_JOINERS = frozenset(("of", "and", "the", "for", ".", "-", "&"))
_TITLE_OPENERS = frozenset(("the", "a", "an"))


def mask_title(sentence: str, start: int, end: int, *, spec: dict[str, Any]) -> tuple[str, int, int]:
    """The sentence with the target's own role title taken out, and the target's offsets in it.

    The title written with a name is part of the target, not context: "Fire Chief Dana Whitlock
    thanked ..." is read as "Dana Whitlock thanked ...", like "Chief Dana Whitlock" and "Police Chief
    Dana Whitlock" (the lexicons' "fire" is no tone toward the chief). Taken out: the run of up to six
    title words (``spec["title_words"]``; "of", "and", "the", "for", the "." of an abbreviation and
    the "-" of a compound between two of them) ending in a title head or honorific
    (``spec["title_heads"]``) right before a capitalised name, whether the target's span starts after
    it ("Chief [Dana Whitlock]") or holds it ("[President Trump]", as NewsMTSC marks many targets);
    and an apposition of title words ending in a head, closed by a comma or the sentence's end, right
    after the target ("Dana Whitlock, the fire chief, thanked" -> "Dana Whitlock thanked"). A span that
    is only a title ("the president") is kept. Returns ``(sentence, start, end)``, unchanged when
    there is no title or ``spec`` has no :data:`TITLE_LISTS` (a coefficient file trained before them).
    """
    heads, parts = spec.get("title_heads"), spec.get("title_words")
    if not heads or not parts:
        return sentence, start, end
    heads, parts = _title_sets(tuple(heads), tuple(parts))
    tokens, token_starts, token_ends = _title_tokens(sentence)
    first = bisect.bisect_right(token_ends, start)
    last = bisect.bisect_left(token_starts, end) - 1
    if first > last:
        return sentence, start, end

    def capitalised(i: int) -> bool:
        return sentence[tokens[i][1]:tokens[i][1] + 1].isupper()

    def after_head(i: int) -> bool:  # token i follows a title head ("Chief Dana", "Mr. Trump")
        j = i - 1 if i >= 1 and tokens[i - 1][0] != "." else i - 2
        return j >= 0 and tokens[j][0] in heads

    # the name's first token: past the title words the span itself starts with ("[President Trump]"; not
    # "[the veteran Alabama senator]", a span ending in a lower-case word)
    name, i = first, first
    while capitalised(last) and i < last and i - first < 2 * _TITLE_REACH and (
            tokens[i][0] in parts or tokens[i][0] in _TITLE_JOINERS):
        i += 1
        if capitalised(i) and after_head(i):
            name = i
    out, s, e = sentence, max(start, tokens[name][1]), end
    # an apposition after the target: ", (the) <title words> <head>" closed by "," or the end
    j = last + 1
    if j < len(tokens) and tokens[j][0] == ",":
        k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1][0] in _TITLE_OPENERS)
        words, m = 0, k
        while m < len(tokens) and (tokens[m][0] in parts or (m > k and tokens[m][0] in _TITLE_JOINERS)):
            words += tokens[m][0] not in _TITLE_JOINERS
            m += 1
        while m > k and tokens[m - 1][0] in _TITLE_JOINERS - {"."}:
            m -= 1
        closed = m == len(tokens) or tokens[m][0] in (",", ".", ";", "!", "?")
        if 0 < words <= _TITLE_REACH and closed and after_head(m):
            # through the closing comma; before a closing "." (the sentence's own) or ";"
            to = tokens[m][2] if m < len(tokens) and tokens[m][0] == "," else \
                tokens[m - 1][2] if tokens[m - 1][0] != "." else tokens[m - 2][2]
            out = out[:tokens[j][1]] + out[to:]
    # the title before the name
    if capitalised(name) and after_head(name):
        k, words = name - 1, 0
        while k >= 0 and words < _TITLE_REACH and (tokens[k][0] in parts or (
                tokens[k][0] in _TITLE_JOINERS and k >= 1 and tokens[k - 1][0] in parts)):
            words += tokens[k][0] not in _TITLE_JOINERS
            k -= 1
        k += 1
        while tokens[k][0] in _TITLE_JOINERS:
            k += 1
        cut_from, cut_to = tokens[k][1], tokens[name][1]
        out = out[:cut_from] + out[cut_to:]
        s, e = s - (cut_to - cut_from), e - (cut_to - cut_from)
    return out, s, e


@functools.lru_cache(maxsize=8)
def _title_tokens(sentence: str) -> tuple[list[tuple[str, int, int]], list[int], list[int]]:
    """The lower-case tokens of a sentence with their offsets, and their starts and ends (read once for
    all the targets of a sentence, which come one after another)."""
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    return tokens, [s for _w, s, _e in tokens], [e for _w, _s, e in tokens]


@functools.lru_cache(maxsize=4)
def _title_sets(heads: tuple[str, ...], parts: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(heads), frozenset(parts)


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
    names += list(_PREDICATE_NAMES)
    return names


#: The version-2 dense features (see the module docstring): clause scope, polarity shifters, roles,
#: quote structure, and interactions of roles with the lexicon tone on either side.
_PREDICATE_NAMES: tuple[str, ...] = (
    "next_sentiment", "prev_sentiment", "next_sentiment_near", "prev_sentiment_near", "clause_names",
    "other_clause_vader",
)
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


def _prepare_sentence(sentence: str, spec: dict[str, Any], lists: dict[str, frozenset[str]], tb_words: dict,
                      vader_words: dict) -> tuple[Any, ...]:
    """What every target of one sentence shares: tokens, lower-case forms, clauses, shift signs, the
    TextBlob and VADER lexicon values of every token, whether a token's word may be learned, and
    :class:`_SentenceIndex` (what lets a target's features be read without walking the sentence)."""
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
    index = _SentenceIndex(sentence, tokens, lows, clauses, signs, vader_values, learn, lists)
    return tokens, lows, clauses, signs, tb_values, vader_values, learn, index


class _SentenceIndex:
    """Per-sentence look-ups, made in one pass over the sentence, that answer what a target's
    features ask about the whole sentence in (amortised) constant time: the tokens a span covers,
    the quotation marks before a position, the tokens, capitalised tokens and first non-article
    word of every clause, the next and previous sentiment word of every token, and (for long
    sentences) the summed shift-signed VADER value of every clause and the sentence's vocabulary.
    The answers are the same integers and booleans the direct walks give."""

    __slots__ = ("starts", "ends", "open_quotes", "close_quotes", "straight_quotes", "has_quote",
                 "second_person", "clause_tokens", "clause_caps", "first_lead", "next_sentiment",
                 "prev_sentiment", "clause_vader", "total_vader", "learned", "vocabulary",
                 "positions")

    def __init__(self, sentence: str, tokens: list, lows: list[str], clauses: list[int], signs: list[float],
                 vader_values: list[float], learn: list[bool], lists: dict[str, frozenset[str]]) -> None:
        n = len(tokens)
        self.starts = [s for _w, s, _e in tokens]
        self.ends = [e for _w, _s, e in tokens]
        self.open_quotes = [i for i, c in enumerate(sentence) if c in _OPEN_QUOTES] if "“" in sentence else []
        self.close_quotes = [i for i, c in enumerate(sentence) if c in _CLOSE_QUOTES] if "”" in sentence else []
        self.straight_quotes = [m.start() for m in re.finditer('"', sentence)]
        self.has_quote = any(q in sentence for q in ('"', "“", "”"))
        self.second_person = any(w in lists["second_person"] for w in lows)
        clause_tokens: dict[int, int] = {}
        clause_caps: dict[int, int] = {}
        first_lead: dict[int, int] = {}
        for i, c in enumerate(clauses):
            clause_tokens[c] = clause_tokens.get(c, 0) + 1
            if i > 0 and tokens[i][0][:1].isupper():
                clause_caps[c] = clause_caps.get(c, 0) + 1
            if c not in first_lead and _WORDY.search(tokens[i][0]) and lows[i] not in ("the", "a", "an", "and"):
                first_lead[c] = i
        self.clause_tokens, self.clause_caps, self.first_lead = clause_tokens, clause_caps, first_lead
        following, after = [n] * (n + 1), n
        for i in range(n - 1, -1, -1):
            if vader_values[i] != 0.0:
                after = i
            following[i] = after
        preceding, before = [-1] * (n + 1), -1
        for i in range(n):
            if vader_values[i] != 0.0:
                before = i
            preceding[i] = before
        self.next_sentiment, self.prev_sentiment = following, preceding
        self.clause_vader: dict[int, float] = {}
        self.total_vader = 0.0
        self.learned: dict[str, int] = {}  # long sentences: learned word -> times written
        self.vocabulary: dict[str, float] = {}  # long sentences: "a:" + learned word -> 1.0
        self.positions: dict[str, list[int]] = {}  # long sentences: learned word -> its tokens
        if n > LONG_SENTENCE_TOKENS:
            for i, (low, keep) in enumerate(zip(lows, learn)):
                if keep:
                    self.learned[low] = self.learned.get(low, 0) + 1
                    self.positions.setdefault(low, []).append(i)
            self.vocabulary = {"a:" + low: 1.0 for low in self.learned}
            for i, c in enumerate(clauses):
                value = signs[i] * vader_values[i]
                self.clause_vader[c] = self.clause_vader.get(c, 0.0) + value
                self.total_vader += value

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(first, last): the tokens overlapping ``[start, end)``; a span without word characters
        is placed before the first token at or after ``start`` (last = first - 1)."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end) - 1
        if first <= last:
            return first, last
        first = bisect.bisect_left(self.starts, start)
        return first, first - 1

    def inside_quote(self, start: int) -> bool:
        """True when ``start`` lies inside a quotation: an odd number of straight double quotes before
        it, or more curly opening than closing double quotes before it."""
        curly = bisect.bisect_left(self.open_quotes, start) - bisect.bisect_left(self.close_quotes, start)
        return curly > 0 or bisect.bisect_left(self.straight_quotes, start) % 2 == 1


@functools.lru_cache(maxsize=16)
def _weights(tau: float, n: int) -> tuple[float, ...]:
    """``exp(-(d - 1) / tau)`` for d = 0 .. n - 1."""
    return tuple(math.exp(-(d - 1) / tau) for d in range(n))


def _predicate_features(tokens: list, lows: list[str], clauses: list[int], signs: list[float],
                        vader_values: list[float], first: int, last: int, own: int,
                        index: _SentenceIndex) -> list[float]:
    """next_sentiment / prev_sentiment: the VADER value (shift-signed) of the nearest sentiment word
    after / before the target in its clause (the predicate the target is likely subject / object
    of), and the same divided by its distance in tokens (``*_near``); clause_names: log(1 + the
    capitalised tokens in the target's clause outside the target, after the sentence's first token)
    (other persons the clause's tone may be about); other_clause_vader: the summed shift-signed VADER
    values of the words outside the target's clause. The answers come from the sentence's ``index``
    (other_clause_vader of a long sentence summed per clause)."""
    n = len(tokens)
    after = after_near = before = before_near = 0.0
    j = index.next_sentiment[last + 1] if last + 1 < n else n
    if j < n and clauses[j] == own:  # clause ids never decrease: every token between is in the clause
        after = signs[j] * vader_values[j]
        after_near = after / abs(j - last)
    j = index.prev_sentiment[first - 1] if first >= 1 else -1
    if j >= 0 and clauses[j] == own:
        before = signs[j] * vader_values[j]
        before_near = before / abs(j - first)
    names = index.clause_caps.get(own, 0) - sum(
        1 for i in range(max(first, 1), min(last, n - 1) + 1) if clauses[i] == own and tokens[i][0][:1].isupper())
    if n <= LONG_SENTENCE_TOKENS:  # the sum in the sentence's order, as without the index
        other = sum(signs[i] * vader_values[i] for i in range(n) if clauses[i] != own and not first <= i <= last)
    else:
        other = index.total_vader - index.clause_vader.get(own, 0.0) - sum(
            signs[i] * vader_values[i] for i in range(max(first, 0), min(last, n - 1) + 1) if clauses[i] != own)
    return [after, before, after_near, before_near, math.log1p(names), other]


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
    tokens, lows, clauses, signs, tb_values, vader_values, learn, index = prepared
    first, last = index.span(start, end)
    n = len(tokens)
    own = clauses[first] if first < n else (clauses[-1] if n else 0)
    tau, near, bag = float(spec["tau"]), int(spec["near"]), bool(spec["sentence_bag"])
    table = _weights(tau, max(64, 1 << (n + 1).bit_length()))
    negations, speech = lists["negations"], lists["speech_verbs"]
    words: dict[str, float] = {}
    tb = tb_pos = tb_neg = vd = vd_pos = vd_neg = 0.0
    c_tb = c_vd = c_pos = c_neg = c_left = c_right = s_tb = s_vd = 0.0
    # the words around the target: the whole sentence, or in a long sentence (a run-on line) the
    # LONG_SENTENCE_WINDOW tokens on each side (weights beyond it are below exp(-12)); the s: words
    # further away and the a: words of a long sentence come from look-ups made once per sentence
    whole = n <= LONG_SENTENCE_TOKENS
    lo, hi = (0, n) if whole else (max(0, first - LONG_SENTENCE_WINDOW), min(n, last + 1 + LONG_SENTENCE_WINDOW))
    for i in range(lo, hi):
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
        if bag and whole:
            words["a:" + low] = 1.0
    if not whole:  # words of a long sentence outside the window: s: at the weight of the nearest one
        for low, where in index.positions.items():
            key = "s:" + low
            if key in words:
                continue  # written in the window: nearer than anywhere outside it
            k, d = bisect.bisect_left(where, lo), n
            if k > 0:
                d = first - where[k - 1]
            k = bisect.bisect_left(where, hi)
            if k < len(where):
                d = min(d, where[k] - last)
            if d < n:
                words[key] = table[d]
    if bag and not whole:  # the sentence's vocabulary, less words written only in the target
        words.update(index.vocabulary)
        inside = [lows[i] for i in range(max(first, 0), min(last, n - 1) + 1) if learn[i]]
        for low in set(inside):
            if index.learned[low] == inside.count(low):
                del words["a:" + low]

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
    in_quote = float(index.inside_quote(start))
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
    second = float(index.second_person)
    # first words of its clause (no word but an article or "and" before it in the clause): most
    # likely the clause's subject
    subject = float(not index.first_lead.get(own, n) < first)
    clause_tokens = index.clause_tokens.get(own, 0)
    sentence_vd = 0.0  # filled in by target_features (needs the engine score)
    dense = [
        tb, tb_pos, tb_neg, vd, vd_pos, vd_neg,
        float(any(w in negations or w.endswith("n't") for w in around)),
        in_quote,
        float(index.has_quote),
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
        # the nearest sentiment predicate, other names in the clause, tone outside the clause
        *_predicate_features(tokens, lows, clauses, signs, vader_values, first, last, own, index),
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
    if all(spec.get(name) for name in TITLE_LISTS):  # the target's own title is no context (mask_title)
        masked = [mask_title(t, s, e, spec=spec) for t, s, e in zip(texts, starts, ends)]
        texts, starts, ends = [m[0] for m in masked], [m[1] for m in masked], [m[2] for m in masked]
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
    targets: dict[str, list[int]] = {}  # the targets of each sentence: each sentence is prepared once,
    for i, t in enumerate(texts):       # and only one prepared sentence is held at a time
        targets.setdefault(t, []).append(i)
    rows: list[Any] = [None] * len(texts)
    for t, members in targets.items():
        prepared = _prepare_sentence(t, spec, lists, tb_words, vader_words)
        for i in members:
            rows[i] = _target_row(t, starts[i], ends[i], spec, tb_words, vader_words, lists, prepared)
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


def model_from_dict(data: Any, *, source: str = "<dict>", sha256: str = "") -> TargetToneModel:
    """A model from the parsed content of a coefficient file (what the training code writes).

    ``source`` and ``sha256`` name where it came from in errors and in the model. Raises
    LexiconError naming the source and the field when the content is not a valid coefficient file.
    """
    def fail(field: str, problem: str) -> LexiconError:
        return LexiconError(
            f"{source}, field {field!r}: {problem}; regenerate the file with "
            "`python -m analysis.validation.train_tone`"
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
def _load_cached(path: str, _mtime_ns: int, _size: int) -> TargetToneModel:
    """Read once per path and file version (a rewritten file is read again)."""
    raw = Path(path).read_bytes()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LexiconError(f"{path}, line {error.lineno}: not valid JSON ({json_problem(error)})") from None
    return model_from_dict(data, source=path, sha256=hashlib.sha256(raw).hexdigest())


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
            "`python -m analysis.validation.train_tone`"
        )
    stat = target.stat()
    return _load_cached(str(target.resolve()), stat.st_mtime_ns, stat.st_size)


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of logits (rows x classes), computed stably."""
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


def target_probabilities(model: TargetToneModel, dense: pd.DataFrame, words: list[dict[str, float]]) -> np.ndarray:
    """Class probabilities (rows x 3, :data:`CLASSES` order) of targets whose features
    (:func:`target_features` with ``spec=model.spec``) are already computed."""
    return softmax(_logits(model, dense, words))


def most_probable(p: np.ndarray) -> np.ndarray:
    """The most probable class of each row of probabilities (ties: neutral, then negative)."""
    order = np.argmax(p[:, [1, 0, 2]], axis=1)
    return np.array(["neutral", "negative", "positive"], dtype=object)[order]


#: Targets whose features :func:`predict_target_tone` holds at a time.
_CHUNK = 5_000


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
    p = np.concatenate([  # in chunks: the word features of a chunk are dropped once it is scored
        target_probabilities(fitted, *target_features(texts[i:i + _CHUNK], starts[i:i + _CHUNK],
                                                      ends[i:i + _CHUNK], spec=fitted.spec))
        for i in range(0, len(texts), _CHUNK)])
    labels = most_probable(p)
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




# ---------------------------------------------------------------- document- and actor-level tone

#: How mention-level tone is aggregated to one actor in one document (:func:`aggregate_tone`).
AGGREGATES: dict[str, str] = {
    "mean_polarity": "weighted mean of target_polarity (p_positive - p_negative) over the mentions",
    "net_share": "weighted share of mentions labelled positive minus share labelled negative",
}
#: Lead weights tried when the document-level rule is chosen on training data.


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

# ------------------------------------------------------------------------------ moved names

#: Names that moved to :mod:`analysis.validation.train_tone` (training lives next to validation);
#: reading them here still works for one release, with a DeprecationWarning.
_MOVED = ("train", "main", "choose_band", "choose_document_rule", "write_model", "dump_json", "LAMBDAS",
          "FOLDS", "LEAD_WEIGHTS")


__getattr__ = moved_names("analysis.target_tone", {
    name: ("analysis.validation.train_tone", name, f"analysis.validation.train_tone.{name}") for name in _MOVED})
