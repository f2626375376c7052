"""Tone: TextBlob polarity and subjectivity (exact, fast), VADER, and the tone engine registry.

Tone here is *lexicon tone*: the words of a text looked up in a sentiment lexicon and averaged.
The default engine is TextBlob's PatternAnalyzer, reproduced exactly: for every text ``t``,
``pattern_sentiment([t])`` equals ``TextBlob(t).sentiment`` (polarity in [-1, 1], subjectivity in
[0, 1]) to the last bit. The speed comes from doing TextBlob's work once per distinct word instead of
once per call: the lexicon, negations, intensifiers and emoticons are read from the *installed*
textblob package (never copied into this project), each distinct raw token is split and looked up
once per call, and a whole batch of texts is tokenised in one pass. Texts where TextBlob could
re-join an emoticon or the sarcasm mark ``(!)`` (rare in news) are tokenised by TextBlob's own
tokenizer, so the fast path never has to guess its corner cases.

Engines are entries of a small registry, name -> ``fn(texts: list[str]) -> DataFrame``:

* ``"textblob"``: columns ``polarity``, ``subjectivity``;
* ``"vader"``: VADER (vaderSentiment) ``compound``, ``pos``, ``neu``, ``neg``.

A researcher adds an engine with :func:`register_tone_engine`. The contract: the function takes a list
of strings and returns a DataFrame with exactly one row per string, in order, and numeric columns; its
*first* column is the engine's signed score (negative = negative tone), which document-level means,
negative/positive shares and actor summaries use.

Tone toward actors (``actor_tone``, ``actor_tone_by``, ``actor_document_tone``) lives in
:mod:`analysis.actor_tone`; the old names here are deprecated aliases for one release.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.deprecation import moved_names, renamed_keywords
from analysis.text import sentences_of
from analysis.errors import InputError, require_columns, require_table
from analysis.schema import DOCUMENT_TONE_COLUMNS, output_columns

__all__ = [
    "tone",
    "pattern_sentiment",
    "pattern_lexicon",
    "vader_sentiment",
    "vader_analyzer",
    "score_texts",
    "article_text",
    "window_text",
    "register_tone_engine",
    "tone_engines",
    "tone_engine_function",
    "check_documents",
    "TONE_ENGINES",
    "DOCUMENT_TONE_COLUMNS",
]

ToneEngine = Callable[[list[str]], pd.DataFrame]


_PLAIN = object()  # marker: a token without any sentiment rule
_SEP = "\x00"  # separator between texts scored in one pass (texts holding it take the exact path)
_EOS = "END-OF-SENTENCE"  # TextBlob's paragraph-break token; text containing it takes the exact path
_MAX_TOKEN_CACHE = 500_000


# --------------------------------------------------------------------------------------------------
# TextBlob PatternAnalyzer, reproduced exactly


@dataclass(frozen=True)
class _PatternLexicon:
    """TextBlob's sentiment lexicon and rules, read from the installed package (see pattern_lexicon)."""

    # lower-cased word -> (polarity, subjectivity, intensity, is_modifier, is_negation)
    words: dict[str, tuple[float, float, float, bool, bool]]
    negations: frozenset[str]
    emoticons: dict[str, float]  # lower-cased emoticon -> polarity (only those TextBlob can score)
    table: dict[str, Any]  # words (their entries) + negations, "!", "(!)", emoticons (None)
    marks: Any  # regex: emoticon or "(!)" characters with only whitespace between them
    punctuation_lead: frozenset[str]  # single characters split off the front of a token
    punctuation_trail: frozenset[str]  # ... and off its end
    abbreviations: frozenset[str]
    abbreviation_patterns: tuple[Any, ...]
    replace: frozenset[str]
    sarcasm: Any  # compiled regex of the "(!)" mark
    emoticon_re: Any  # TextBlob's own compiled emoticon regex
    modifier: Callable[[str], bool]
    tokenizer: Callable[[str], list[str]]  # TextBlob's own tokenizer: the exact path


@functools.lru_cache(maxsize=1)
def pattern_lexicon() -> _PatternLexicon:
    """Load TextBlob's installed English sentiment lexicon (en-sentiment.xml) and rules, once.

    Reads ``textblob.en.sentiment`` (the very object ``TextBlob(...).sentiment`` uses) after it
    has loaded its XML, so words, their averaged senses and the derived "-ly" adverbs are TextBlob's.
    Cached for the process: edits made to that object afterwards are not seen.
    """
    from textblob import _text
    from textblob.en import sentiment

    "good" in sentiment  # noqa: B015 - triggers TextBlob's lazy load of en-sentiment.xml
    if sentiment.modifiers != ("RB",) or sentiment.tokenizer is None:
        raise RuntimeError(
            "the installed textblob has a different sentiment set-up than the one this module "
            "reproduces; install textblob 0.17-0.20 or use engine='vader'"
        )
    negations = frozenset(sentiment.negations)
    words = {}
    for word, by_pos in dict.items(sentiment):
        p, s, i = by_pos[None]
        is_modifier = any(pos in by_pos for pos in sentiment.modifiers)
        words[word] = (p, s, i, is_modifier, word in negations)
    emoticons: dict[str, float] = {}
    for (_kind, polarity), forms in _text.EMOTICONS.items():  # first group wins, as in TextBlob
        for form in sorted(forms):
            low = form.lower()
            scorable = low.isalpha() is False and len(low) <= 5 and low not in _text.PUNCTUATION
            if scorable and low not in emoticons and low not in words:
                emoticons[low] = polarity
    lead = frozenset(_text.PUNCTUATION.replace(".", ""))
    replace = _text.replacements
    if "n't" not in replace:
        raise RuntimeError("the installed textblob tokenizer has no \"n't\" rule; use textblob 0.17-0.20")
    table: dict[Any, Any] = dict.fromkeys([*negations, "!", "(!)", *emoticons, _SEP])
    table.update(words)
    marks = _marks_regex({f for group in _text.EMOTICONS.values() for f in group} | {"(!)"})
    return _PatternLexicon(
        words=words,
        negations=negations,
        emoticons=emoticons,
        table=table,
        marks=marks,
        punctuation_lead=lead,
        punctuation_trail=lead | {"."},
        abbreviations=frozenset(_text.ABBREVIATIONS),
        abbreviation_patterns=(_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3),
        replace=frozenset(replace),
        sarcasm=_text.RE_SARCASM,
        emoticon_re=_text.RE_EMOTICONS,
        modifier=sentiment.modifier,
        tokenizer=sentiment.tokenizer,
    )


def _marks_regex(forms: set[str]) -> re.Pattern[str]:
    """A regex finding any of ``forms`` with only whitespace between its characters: a quick,
    necessary test for TextBlob's emoticon and sarcasm re-joining. Grouped by first character
    so the scan stays fast."""
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(
            "".join(r"\s*" + re.escape(ch) for ch in form[1:])
        )
    return re.compile(
        "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in by_first.items())
    )


def _split_token(t: str, lex: _PatternLexicon) -> tuple[str, ...]:
    """Split one whitespace-free token as TextBlob's find_tokens does (leading and trailing
    punctuation, ellipsis, sentence periods except after abbreviations)."""
    tokens: list[str] = []
    tail: list[str] = []
    lead, trail, replace = lex.punctuation_lead, lex.punctuation_trail, lex.replace
    # t[:1] in lead == t.startswith(tuple(lead)) for one-character marks (as TextBlob's loops)
    while t[:1] in lead and t not in replace:
        tokens.append(t[0])
        t = t[1:]
    while t[-1:] in trail and t not in replace:
        if t[-1:] in lead:
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if t in lex.abbreviations or any(p.match(t) is not None for p in lex.abbreviation_patterns):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))
    return tuple(tokens)


_QUOTES = ("“", "”", "‘", "’", "'", '"')


def _space_quotes(text: str) -> str:
    """TextBlob's contraction and quote handling: "n't" split off, every quote mark spaced."""
    text = text.replace("n't", " n't")
    for q in _QUOTES:
        if q in text:
            text = text.replace(q, f" {q} ")
    return text


def _assess(
    tokens: Iterable[str], lex: _PatternLexicon, *, end: str | None = None
) -> tuple[list[float], list[float]]:
    """TextBlob's Sentiment.assessments + averaging, step for step, over a stream of texts.

    ``tokens`` are lower-cased tokens; the token ``end`` (when given) closes a text, and the end of
    the stream closes the last one. Returns the polarities and the subjectivities, one per text.
    ``lex.table`` maps a token to its lexicon entry (known words) or to None for the few unknown
    tokens with a rule of their own (negations, "!", "(!)", emoticons, the separator); any other
    token is plain.
    """
    get = lex.table.get
    emoticons, negations, modifier = lex.emoticons, lex.negations, lex.modifier
    polarity: list[float] = []
    subjectivity: list[float] = []
    a: list[list[Any]] = []  # [polarity, subjectivity, intensity, negated(-1 or 1)]
    m: str | None = None  # preceding modifier word
    n: str | None = None  # preceding negation
    for w in tokens:
        known = get(w, _PLAIN)
        if known is _PLAIN:  # an unknown word without a rule of its own (most tokens)
            if n is not None or m is not None:
                m, n = _after_unknown(w, a, m, n, modifier, negation=False)
            continue
        if known is not None:  # a word of the lexicon
            p, s, i, is_modifier, is_negation = known
            if m is None:
                cur = [p, s, i, 1]
                a.append(cur)
            else:
                cur = a[-1]
                cur[0] = max(-1.0, min(p * cur[2], +1.0))
                cur[1] = max(-1.0, min(s * cur[2], +1.0))
                cur[2] = i
            if n is not None:
                cur[2] = 1.0 / cur[2]
                cur[3] = -1
            m = w if is_modifier else None
            n = w if is_negation else None
            continue
        if w == end:
            _average(a, polarity, subjectivity)
            a, m, n = [], None, None
            continue
        # an unknown token with a rule: negation, "!", "(!)" or an emoticon
        m, n = _after_unknown(w, a, m, n, modifier, negation=w in negations)
        if w == "!" and a:
            last = a[-1]
            last[0] = max(-1.0, min(last[0] * 1.25, +1.0))
        if w == "(!)":
            a.append([0.0, 1.0, 1.0, 1])
        emo = emoticons.get(w)
        if emo is not None:
            a.append([emo, 1.0, 1.0, 1])
    _average(a, polarity, subjectivity)
    return polarity, subjectivity


def _after_unknown(w: str, a: list[list[Any]], m: str | None, n: str | None, modifier: Any, *,
                   negation: bool) -> tuple[str | None, str | None]:
    """TextBlob's step for a token that is not a lexicon word: it starts a negation (``negation``) or
    ends one (a word of two or more letters); a negation after a modifier word negates the modifier's
    assessment ("very not good"); a longer word ends a modifier. Returns the new (modifier, negation)."""
    if negation:
        n = w
    elif n and len(w.strip("'")) > 1:
        n = None
    if n is not None and m is not None and modifier(m):
        a[-1][3] = -1
        n = None
    elif m and len(w) > 2:
        m = None
    return m, n


def _average(a: list[list[Any]], polarity: list[float], subjectivity: list[float]) -> None:
    """TextBlob's final step: mean polarity ("not good" counts -0.5 x good) and mean subjectivity,
    appended to ``polarity`` and ``subjectivity`` (0.0, 0.0 when nothing was assessed)."""
    if not a:
        polarity.append(0.0)
        subjectivity.append(0.0)
        return
    sp, ss = 0, 0
    for p, s, _i, neg in a:
        sp += p * -0.5 if neg < 0 else p
        ss += s
    polarity.append(sp / float(len(a)))
    subjectivity.append(ss / float(len(a)))


def _exact_tokens(text: str, lex: _PatternLexicon) -> list[str]:
    """The tokens as TextBlob's own tokenizer gives them (the slow, always-exact path)."""
    return [w.lower() for w in " ".join(lex.tokenizer(text)).split()]


class _TokenCache(dict):
    """Raw whitespace-free token -> its lower-cased TextBlob tokens joined by single spaces,
    filled on first look-up. One is made per call of :func:`pattern_sentiment`."""

    def __init__(self, lex: _PatternLexicon) -> None:
        super().__init__({_SEP: _SEP})
        self.lex = lex

    def __missing__(self, raw: str) -> str:
        lex = self.lex
        if raw[:1] in lex.punctuation_lead or raw[-1:] in lex.punctuation_trail:
            low = " ".join([t.lower() for t in _split_token(raw, lex)])
        else:
            low = raw.lower()
        self[raw] = low
        return low


def _needs_exact_path(text: str, lex: _PatternLexicon) -> bool:
    """True when TextBlob's tokenizer could differ from the fast split for this text.

    TextBlob re-joins emoticons and the "(!)" mark within its sentences and drops its paragraph
    token; where the marks' characters occur at all with only whitespace between them (or the
    paragraph token's text occurs), the exact tokenizer decides.
    """
    if _EOS in text or _SEP in text:
        return True
    if lex.marks.search(text) is None:
        return False
    joined = " ".join(" ".join(_split_token(raw, lex)) for raw in _space_quotes(text).split())
    return lex.sarcasm.search(joined) is not None or lex.emoticon_re.search(joined) is not None


def _fast_tokens(text: str, cache: _TokenCache) -> list[str]:
    """The lower-cased tokens of ``text`` by the fast split (exact unless _needs_exact_path)."""
    return " ".join(map(cache.__getitem__, _space_quotes(text).split())).split()


def _score_chunk(
    texts: list[str], lex: _PatternLexicon, cache: _TokenCache
) -> tuple[list[float], list[float]]:
    """Score a chunk of texts in one pass: join them with a separator token, split the whole chunk
    at once, map each distinct raw token once (``cache``), and stream the tokens through the
    assessment loop. Texts that need TextBlob's own tokenizer are scored one by one."""
    sep = f" {_SEP} "
    bulk = sep.join(texts)
    exact: list[int] = []
    odd = _EOS in bulk or bulk.count(_SEP) != len(texts) - 1
    if odd or lex.marks.search(bulk) is not None:
        starts = list(itertools.accumulate((len(t) + len(sep) for t in texts), initial=0))
        suspects = {bisect.bisect_right(starts, mk.start()) - 1 for mk in lex.marks.finditer(bulk)}
        if odd:
            suspects.update(k for k, t in enumerate(texts) if _EOS in t or _SEP in t)
        exact = sorted(k for k in suspects if _needs_exact_path(texts[k], lex))
        if exact:
            keep = set(exact)
            bulk = sep.join("" if k in keep else t for k, t in enumerate(texts))
    polarity, subjectivity = _assess(_fast_tokens(bulk, cache), lex, end=_SEP)
    for k in exact:
        p, s = _assess(_exact_tokens(texts[k], lex), lex)
        polarity[k], subjectivity[k] = p[0], s[0]
    return polarity, subjectivity


def pattern_sentiment(texts: Iterable[str], *, chunk_size: int = 20_000) -> pd.DataFrame:
    """TextBlob PatternAnalyzer polarity and subjectivity of each text, exactly, in bulk.

    For every string ``t``: the row equals ``TextBlob(t).sentiment`` (same floats). Missing values
    (None / NA) score 0.0, 0.0 like the empty string. Texts are processed ``chunk_size`` at a time.

    Output columns: polarity (float, -1..1), subjectivity (float, 0..1); one row per text, in order.
    """
    lex = pattern_lexicon()
    cache = _TokenCache(lex)
    clean = [
        t if isinstance(t, str) else ("" if t is None or _is_missing(t) else str(t)) for t in texts
    ]
    polarity: list[float] = []
    subjectivity: list[float] = []
    for begin in range(0, len(clean), max(1, chunk_size)):
        p, s = _score_chunk(clean[begin : begin + max(1, chunk_size)], lex, cache)
        polarity.extend(p)
        subjectivity.extend(s)
        if len(cache) > _MAX_TOKEN_CACHE:
            cache = _TokenCache(lex)
    return pd.DataFrame(
        {"polarity": np.asarray(polarity, dtype=float), "subjectivity": np.asarray(subjectivity, dtype=float)}
    )


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------------------------------
# VADER


@functools.lru_cache(maxsize=1)
def vader_analyzer() -> Any:
    """VADER's analyzer with its installed lexicon, loaded once."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_sentiment(texts: Iterable[str]) -> pd.DataFrame:
    """VADER scores of each text (vaderSentiment's ``polarity_scores``).

    Output columns: compound (float, -1..1), pos, neu, neg (floats, shares summing to about 1).
    """
    analyzer = vader_analyzer()
    rows = []
    for text in texts:
        if not isinstance(text, str):
            text = "" if text is None or _is_missing(text) else str(text)
        rows.append(analyzer.polarity_scores(text))
    return pd.DataFrame(rows, columns=["compound", "pos", "neu", "neg"]).astype(float)


# --------------------------------------------------------------------------------------------------
# Engine registry

#: The tone engines: name -> function(texts: list[str]) -> DataFrame (one row per text, in order;
#: numeric columns, the first being the signed score). Extend with :func:`register_tone_engine`.
TONE_ENGINES: dict[str, ToneEngine] = {
    "textblob": pattern_sentiment,
    "vader": vader_sentiment,
}


def register_tone_engine(name: str, fn: ToneEngine, *, replace: bool = False) -> None:
    """Add a tone engine under ``name`` so ``tone(..., tone_engine=name)`` uses it.

    ``fn(texts: list[str]) -> pandas.DataFrame`` must return one row per text, in order, with
    numeric columns whose first is the engine's signed score (< 0 negative, > 0 positive).
    Raises InputError for a bad name, a non-callable or an existing name (unless ``replace=True``).
    """
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"tone engine name {name!r}: give a non-empty string, e.g. 'my-lexicon'")
    if not callable(fn):
        raise InputError(f"tone engine {name!r}: {fn!r} is not callable; pass fn(texts) -> DataFrame")
    if name in TONE_ENGINES and not replace:
        raise InputError(
            f"tone engine {name!r} is already registered; pick another name or pass replace=True"
        )
    TONE_ENGINES[name] = fn


def tone_engines() -> list[str]:
    """Names of the registered tone engines."""
    return list(TONE_ENGINES)


def tone_engine_function(name: str) -> ToneEngine:
    """The function of the registered tone engine ``name``; InputError naming the registered engines
    when there is none."""
    try:
        return TONE_ENGINES[name]
    except (KeyError, TypeError):
        raise InputError(
            f"unknown tone engine {name!r}; use one of {', '.join(map(repr, TONE_ENGINES))} "
            "or add yours with analysis.register_tone_engine(name, fn)"
        ) from None


def score_texts(texts: Sequence[str], *, engine: str = "textblob") -> pd.DataFrame:
    """Score each text with a registered engine and check the engine kept its contract.

    Output columns: the engine's columns (textblob: polarity, subjectivity; vader: compound, pos,
    neu, neg); one row per text, in order, with a fresh RangeIndex.
    """
    fn = tone_engine_function(engine)
    texts = list(texts)
    out = fn(texts)
    if not isinstance(out, pd.DataFrame):
        raise InputError(f"tone engine {engine!r} returned {type(out).__name__}; it must return a DataFrame")
    if len(out) != len(texts):
        raise InputError(
            f"tone engine {engine!r} returned {len(out)} rows for {len(texts)} texts; "
            "it must return exactly one row per text, in order"
        )
    if out.shape[1] == 0:
        raise InputError(f"tone engine {engine!r} returned no columns; its first column must be a score")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Tone of sentences and documents


def check_documents(documents: pd.DataFrame, columns: Sequence[str], *, fn: str = "tone") -> None:
    """InputError unless ``documents`` is a DataFrame with ``columns`` (naming ``fn`` and the missing ones)."""
    require_columns(documents, columns, fn=fn, name="documents", fix="load it with analysis.load_corpus")


def _field(value: object) -> str:
    if value is None or (not isinstance(value, str) and _is_missing(value)):
        return ""
    return str(value)


def article_text(title: object, text: object) -> str:
    """The article as the document-level score sees it: ``title + "\\n\\n" + text`` (the title and
    the blank line left out when the title is empty)."""
    title, text = _field(title), _field(text)
    return f"{title}\n\n{text}" if title.strip() else text


@renamed_keywords(engine="tone_engine")
@output_columns("tone", "document_tone")
def tone(
    documents: pd.DataFrame,
    *,
    level: str = "sentence",
    tone_engine: str = "textblob",
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tone of every sentence (``level="sentence"``) or of every document (``level="document"``).

    Sentence level, one row per sentence of ``analysis.sentences(documents)`` (or of ``sentences``),
    in its order. The ``{score}`` columns are those of the tone engine ``tone_engine`` (the old keyword
    ``engine=`` is deprecated): with the default "textblob" polarity (-1..1) and subjectivity (0..1),
    equal to ``TextBlob(sentence).sentiment``; with "vader" compound, pos, neu, neg.

    Document level, one row per document, in the documents' order: the engine's columns for the whole
    article as one text, ``title + "\\n\\n" + text`` (equal to ``TextBlob(title + "\\n\\n" + text).sentiment``
    for "textblob"); ``mean_sentence_{score}`` for the engine's first column (e.g. polarity).
    A document without sentences has NaN means and shares and n_sentences 0.
    """
    require_table(documents, fn="tone")
    if level not in ("sentence", "document"):
        raise InputError(f"level={level!r}: use level='sentence' or level='document'")
    tone_engine_function(tone_engine)
    if sentences is None:
        check_documents(documents, ("doc_id", "text"))
    sents = sentences_of(documents, sentences, fn="tone")
    scores = score_texts(sents["text"].tolist(), engine=tone_engine)
    per_sentence = pd.concat(
        [sents[["doc_id", "sentence_id"]].reset_index(drop=True), scores], axis=1
    )
    if level == "sentence":
        return per_sentence
    check_documents(documents, ("doc_id", "text"))
    titles = documents["title"] if "title" in documents.columns else [""] * len(documents)
    whole = score_texts(
        [article_text(t, x) for t, x in zip(titles, documents["text"])], engine=tone_engine
    )
    score = scores.columns[0]
    values = per_sentence[score].to_numpy(dtype=float)
    stats = pd.DataFrame(
        {
            "doc_id": per_sentence["doc_id"].to_numpy(),
            "value": values,
            "negative": (values < 0).astype(float),
            "positive": (values > 0).astype(float),
        }
    )
    grouped = stats.groupby("doc_id", sort=False)
    agg = pd.DataFrame(
        {
            f"mean_sentence_{score}": grouped["value"].mean(),
            "share_negative": grouped["negative"].mean(),
            "share_positive": grouped["positive"].mean(),
            "n_sentences": grouped.size(),
        }
    )
    out = pd.concat([documents[["doc_id"]].reset_index(drop=True), whole], axis=1)
    out = out.join(agg, on="doc_id")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    return out.astype({"doc_id": "str"})




# --------------------------------------------------------------------------------------------------
# Windows of words around a mention


def window_text(text: str, start: int, end: int, window: int) -> str:
    """The mention ``text[start:end]`` with up to ``window`` whitespace-separated words on each
    side, within ``text`` (one sentence). Words touching the mention ("Netanyahu's") stay whole."""
    start = max(0, min(int(start), len(text)))
    end = max(start, min(int(end), len(text)))
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    left = _words_before(text, start, window) if window > 0 else []
    right = _words_after(text, end, window) if window > 0 else []
    return " ".join([*left, text[start:end], *right])


def _words_before(text: str, start: int, window: int) -> list[str]:
    """``text[:start].split()[-window:]``, reading only as much of the text before ``start`` as needed
    (a growing slice that holds more than ``window`` words, so its first, maybe cut word is dropped)."""
    size = 16 * (window + 1)
    while True:
        lo = max(0, start - size)
        words = text[lo:start].split()
        if lo == 0 or len(words) > window:
            return words[-window:]
        size *= 4


def _words_after(text: str, end: int, window: int) -> list[str]:
    """``text[end:].split()[:window]``, reading only as much of the text after ``end`` as needed."""
    size = 16 * (window + 1)
    while True:
        hi = min(len(text), end + size)
        words = text[end:hi].split()
        if hi == len(text) or len(words) > window:
            return words[:window]
        size *= 4


# --------------------------------------------------------------------------------------------------
# Old names

#: Names that moved to analysis.actor_tone, kept here as deprecated aliases for one release.
_MOVED_TO_ACTOR_TONE = ("actor_tone", "actor_tone_summary", "actor_document_tone", "bootstrap_mean_ci",
                        "ACTOR_TONE_COLUMNS", "ACTOR_DOCUMENT_TONE_COLUMNS")


#: ``analysis.tone.actor_tone`` and the others warn and return the objects of :mod:`analysis.actor_tone`.
__getattr__ = moved_names("analysis.tone", {name: ("analysis.actor_tone", name, f"analysis.actor_tone.{name}")
                                            for name in _MOVED_TO_ACTOR_TONE})
