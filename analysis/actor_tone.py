"""Tone toward actors: the tone around every actor mention, its summaries, and each actor's tone per document.

Three tables, each named after what it holds:

* :func:`actor_tone` — one row per actor mention: the tone of its sentence (``method="sentence"``,
  read from the ``tone`` table when one is passed instead of scoring the sentences again), of a window
  of words around it (``method="window"``), or toward it (``method="target"``, the target-aware model
  of :mod:`analysis.target_tone`); with the mention's stance ("by": the actor's own quotation, else
  "about");
* :func:`actor_tone_by` — the mean tone per actor (and outlet, day, stance ...) with bootstrap
  intervals (:func:`bootstrap_mean_ci`);
* :func:`actor_document_tone` — one row per actor and document, the target-aware mention tone
  aggregated by the rule stored with the model (:func:`analysis.target_tone.aggregate_tone`).

Sentence scores and the tone engines come from :mod:`analysis.tone`; this module scores nothing the
``tone`` table already holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.corpus.keys import join_document_keys
from analysis.deprecation import deprecated_alias, renamed_keywords
from analysis.errors import InputError, require_columns, require_table
from analysis.text import sentences_of
from analysis.tone import score_texts, tone_engine_function, window_text
from analysis.schema import ACTOR_DOCUMENT_TONE_COLUMNS, ACTOR_TONE_COLUMNS, output_columns

__all__ = [
    "actor_tone",
    "actor_tone_by",
    "actor_document_tone",
    "bootstrap_mean_ci",
    "ACTOR_TONE_COLUMNS",
    "ACTOR_DOCUMENT_TONE_COLUMNS",
]



def _quoted_sentences(quotes: pd.DataFrame | None, sents: pd.DataFrame) -> set[tuple[Any, Any, Any]]:
    """(doc_id, sentence_id, speaker_id) for every sentence that holds (part of) an attributed quote.

    A quote covers the sentences whose span overlaps the quote's span in the same field (title for
    the headline, else text); a quote running over three sentences covers all three.
    """
    if quotes is None or len(quotes) == 0:
        return set()
    require_columns(quotes, ("doc_id", "sentence_id", "speaker_id"), fn="actor_tone", name="quotes",
                    fix="pass the table analysis.quotes returns")
    q = quotes[quotes["speaker_id"].notna()]
    if q.empty:
        return set()
    covered = set(zip(q["doc_id"].astype(str), q["sentence_id"], q["speaker_id"]))
    if not {"start", "end"} <= set(q.columns) or not {"start", "end"} <= set(sents.columns):
        return covered
    is_head = (sents["sentence_id"] == 0) & (
        sents["section"].eq("headline") if "section" in sents.columns else True
    )
    s = pd.DataFrame(
        {
            "doc_id": sents["doc_id"].astype(str).to_numpy(),
            "sentence_id": sents["sentence_id"].to_numpy(),
            "s_start": sents["start"].to_numpy(),
            "s_end": sents["end"].to_numpy(),
            "field": np.where(is_head, "title", "text"),
        }
    )
    q_field = q[["doc_id", "sentence_id"]].astype({"doc_id": str}).merge(
        s[["doc_id", "sentence_id", "field"]], on=["doc_id", "sentence_id"], how="left"
    )["field"].fillna("text")
    qq = pd.DataFrame(
        {
            "doc_id": q["doc_id"].astype(str).to_numpy(),
            "speaker_id": q["speaker_id"].to_numpy(),
            "q_start": q["start"].to_numpy(),
            "q_end": q["end"].to_numpy(),
            "field": q_field.to_numpy(),
        }
    )
    pairs = qq.merge(s, on=["doc_id", "field"])
    pairs = pairs[(pairs["q_start"] < pairs["s_end"]) & (pairs["q_end"] > pairs["s_start"])]
    covered.update(zip(pairs["doc_id"], pairs["sentence_id"], pairs["speaker_id"]))
    return covered


def _actor_tone_method(method: str | None, window: int | None, engine: str) -> str:
    """The actor tone method, checked against ``window`` and ``engine``."""
    if method is None:
        return "sentence" if window is None else "window"
    if method not in ("sentence", "window", "target"):
        raise InputError(f"actor_tone_method={method!r}: use 'sentence', 'window' (with window=N) or 'target'")
    if method == "window" and window is None:
        raise InputError("actor_tone_method='window' needs window=N (words on each side of the mention)")
    if method in ("sentence", "target") and window is not None:
        raise InputError(f"actor_tone_method={method!r} scores the whole sentence; leave window=None "
                         "(or use actor_tone_method='window')")
    if method == "target" and engine != "textblob":
        raise InputError("actor_tone_method='target' uses its own model (with TextBlob and VADER features); "
                         "leave tone_engine at its default")
    return method


def _sentence_scores(tone_table: pd.DataFrame, keys: pd.DataFrame, *, engine: str) -> pd.DataFrame:
    """The engine's columns of the ``tone`` table's row for each (doc_id, sentence_id) of ``keys`` (doc_id
    as text), one row per key in order; InputError when the table is not the engine's sentence tone or
    lacks a sentence."""
    fix = f"pass the sentence-level table analysis.tone(documents, sentences=sentences, tone_engine={engine!r})"
    if not isinstance(tone_table, pd.DataFrame) or not {"doc_id", "sentence_id"} <= set(tone_table.columns):
        raise InputError(f"tone= is not a sentence-level tone table (it needs doc_id and sentence_id); {fix}")
    columns = [c for c in tone_table.columns if c not in ("doc_id", "sentence_id")]
    expected = list(score_texts([""], engine=engine).columns)
    if columns != expected:
        raise InputError(f"the tone table's score columns {columns} are not those of the {engine!r} engine "
                         f"({expected}); {fix}")
    table = tone_table.astype({"doc_id": str}).drop_duplicates(["doc_id", "sentence_id"])
    where = pd.MultiIndex.from_frame(table[["doc_id", "sentence_id"]]).get_indexer(
        pd.MultiIndex.from_frame(keys[["doc_id", "sentence_id"]]))
    if (where < 0).any():
        bad = keys.iloc[int(np.flatnonzero(where < 0)[0])]
        raise InputError(f"the tone table has no row for doc_id {bad['doc_id']!r}, sentence_id "
                         f"{bad['sentence_id']}, which holds a mention; {fix}")
    return table[columns].iloc[where].reset_index(drop=True)


@renamed_keywords(engine="tone_engine", method="actor_tone_method")
@output_columns("actor_tone")
def actor_tone(
    documents: pd.DataFrame,
    actors: Any = None,
    *,
    window: int | None = None,
    tone_engine: str = "textblob",
    sentences: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    actor_tone_method: str | None = None,
    tone: pd.DataFrame | None = None,
    entities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tone around every actor mention: the score of the mention's sentence, or of a window.

    ``window=None`` scores the whole sentence holding the mention; ``window=N`` scores the mention
    with up to N whitespace-separated words on each side of it, within that sentence.
    ``actor_tone_method`` names the choice explicitly: "sentence" (the default when ``window`` is None), "window"
    (needs ``window=N``; the default when it is given) or "target": the target-aware model of
    :mod:`analysis.target_tone` (trained on NewsMTSC train; see lexicons/README.md, "Validation"),
    which reads the sentence from the mention's seat and adds the columns target_polarity
    (p_positive - p_negative, -1..1), p_negative, p_neutral, p_positive and label instead of the
    engine's columns (it computes TextBlob and VADER features itself; leave ``tone_engine`` at its
    default). The old keywords ``engine=`` and ``method=`` are deprecated (``engine=`` is the execution
    engine elsewhere; ``actor_tone_method=`` is the keyword of :func:`analysis.analyze`). ``stance`` is
    "by" when that sentence holds (part of) a quotation, direct or reported, attributed to the same
    actor (the actor's own voice), else "about" (the author's or another speaker's voice).

    ``mentions``, ``quotes`` and ``sentences`` reuse precomputed tables (mention offsets index into
    the sentence's text, as analysis.mentions gives them); when not given they are made with
    analysis.sentences, analysis.mentions and analysis.quotes, with ``actors`` passed on.
    ``entities``: a precomputed ``analysis.entities(documents, sentences=sentences, actors=actors)``
    table, passed on to analysis.quotes when ``quotes`` is not given (else quotes runs the entity layer
    again); unused when ``quotes`` is given.
    ``tone``: the sentence-level tone table of the same sentences and engine
    (``analysis.tone(documents, sentences=sentences, tone_engine=tone_engine)``); with
    ``actor_tone_method="sentence"`` its
    scores are used instead of scoring the sentences again (the same numbers: the engine scores each
    text on its own). The other methods score other texts and ignore it.
    """
    require_table(documents, fn="actor_tone")
    if window is not None and (isinstance(window, bool) or not isinstance(window, int) or window < 0):
        raise InputError(f"window={window!r}: give a whole number of words >= 0, or None for the whole sentence")
    method = _actor_tone_method(actor_tone_method, window, tone_engine)
    engine = tone_engine
    tone_engine_function(engine)
    sents = sentences_of(documents, sentences, fn="actor_tone")
    if mentions is None:
        from analysis.actors import mentions as find_mentions

        mentions = find_mentions(documents, actors, sentences=sents)
    need = ["doc_id", "sentence_id", "actor_id", "actor", "start", "end"]
    require_columns(mentions, need, fn="actor_tone", name="mentions",
                    fix="pass the table analysis.mentions(documents) returns")
    if quotes is None:
        from analysis.quotes import quotes as find_quotes

        quotes = find_quotes(documents, actors, sentences=sents, mentions=mentions, entities=entities)
    keep = need[:4] + (["via"] if "via" in mentions.columns else []) + need[4:]
    ment = mentions[keep].reset_index(drop=True)
    ment_key = ment.assign(doc_id=ment["doc_id"].astype(str))
    # each mention's sentence as a reference to one string per sentence (a sentence's text is not
    # copied per mention: a run-on line of 1,000 words may hold hundreds of mentions)
    sent_all = sents[["doc_id", "sentence_id", "text"]].reset_index(drop=True).astype({"doc_id": str})
    sent_all = sent_all.drop_duplicates(["doc_id", "sentence_id"]).dropna(subset=["text"])
    sentence_list = sent_all["text"].astype(str).tolist()
    sent_keys = sent_all[["doc_id", "sentence_id"]].assign(_row=np.arange(len(sent_all)))
    joined = ment_key.merge(sent_keys, on=["doc_id", "sentence_id"], how="left")
    if joined["_row"].isna().any():
        bad = joined.loc[joined["_row"].isna(), ["doc_id", "sentence_id"]].iloc[0]
        raise InputError(
            f"the mention in doc_id {bad['doc_id']!r}, sentence_id {bad['sentence_id']!r} has no such "
            "sentence in the sentences table; pass the sentences the mentions were found in"
        )
    sentence_texts = [sentence_list[i] for i in joined["_row"].astype("int64").tolist()]
    if method == "target":
        from analysis.target_tone import predict_target_tone

        texts = sentence_texts
        scores = predict_target_tone(texts, joined["start"].tolist(), joined["end"].tolist())
    elif window is None:
        texts = sentence_texts
        if tone is not None:
            scores = _sentence_scores(tone, joined, engine=engine)
        else:
            unique = list(dict.fromkeys(texts))  # score each distinct sentence once
            scored = score_texts(unique, engine=engine)
            scores = scored.iloc[pd.Index(unique).get_indexer(texts)].reset_index(drop=True)
    else:
        texts = [
            window_text(t, s, e, window)
            for t, s, e in zip(sentence_texts, joined["start"], joined["end"])
        ]
        scores = score_texts(texts, engine=engine)
    covered = _quoted_sentences(quotes, sents)
    keys = zip(joined["doc_id"], joined["sentence_id"], joined["actor_id"])
    out = ment.copy()
    out["stance"] = pd.Series(["by" if key in covered else "about" for key in keys], index=out.index, dtype="str")
    out["text"] = pd.Series(list(texts), index=out.index, dtype="str")
    return pd.concat([out, scores], axis=1)


def bootstrap_mean_ci(
    values: np.ndarray,
    groups: np.ndarray,
    *,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of the mean per group, vectorised with numpy.

    ``groups`` are integer codes 0..G-1 (e.g. from ``pd.factorize``). Every group is resampled
    ``n_boot`` times with replacement from its own values; the same seed gives the same intervals.
    Returns (low, high), arrays of length G; a group of one value gets that value twice.
    """
    values = np.asarray(values, dtype=float)
    groups = np.asarray(groups, dtype=np.int64)
    n_groups = int(groups.max()) + 1 if len(groups) else 0
    low = np.full(n_groups, np.nan)
    high = np.full(n_groups, np.nan)
    if n_groups == 0 or n_boot <= 0:
        return low, high
    order = np.argsort(groups, kind="stable")
    v = values[order]
    g = groups[order]
    sizes = np.bincount(g, minlength=n_groups)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    alpha = (1.0 - level) / 2.0
    rng = np.random.default_rng(seed)
    budget = 4_000_000  # resampled values per chunk (n_boot x rows)
    rows_per_chunk = max(1, budget // n_boot)
    gid = 0
    while gid < n_groups:
        # take consecutive groups until the chunk's row budget is used (at least one group)
        last, rows = gid, 0
        while last < n_groups and (rows == 0 or rows + sizes[last] <= rows_per_chunk):
            rows += sizes[last]
            last += 1
        chunk_groups = np.arange(gid, last)
        chunk_sizes = sizes[chunk_groups]
        chunk_starts = starts[chunk_groups]
        nonempty = chunk_sizes > 0
        if nonempty.any():
            cg, cs, cst = chunk_groups[nonempty], chunk_sizes[nonempty], chunk_starts[nonempty]
            owner = np.repeat(np.arange(len(cg)), cs)  # column -> group within chunk
            u = rng.random((n_boot, len(owner)))
            idx = cst[owner] + np.floor(u * cs[owner]).astype(np.int64)
            sample = v[idx]
            offsets = np.concatenate([[0], np.cumsum(cs)[:-1]])
            means = np.add.reduceat(sample, offsets, axis=1) / cs
            lo, hi = np.quantile(means, [alpha, 1.0 - alpha], axis=0)
            low[cg], high[cg] = lo, hi
        gid = last
    return low, high


#: The sign each class of the target-aware model stands for (:func:`actor_tone_by`'s shares).
_LABEL_SIGN = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}


def _one_row_per_sentence(table: pd.DataFrame, codes: np.ndarray, *, score: str,
                          also: Sequence[str] = ()) -> tuple[pd.DataFrame, np.ndarray]:
    """``table`` (actor tone rows, one per mention) and its group ``codes`` with one row per group,
    document, sentence and actor: the mean ``score`` (and mean of each column in ``also``) of its mentions
    ("Okafor said she ..." is one sentence, not two values). Unchanged without doc_id and sentence_id columns."""
    if not {"doc_id", "sentence_id"} <= set(table.columns) or table.empty:
        return table, codes
    keys = ["_g", "doc_id", "sentence_id", *(["actor_id"] if "actor_id" in table.columns else [])]
    rows = pd.DataFrame({"_g": codes, "doc_id": table["doc_id"].to_numpy(), "sentence_id": table["sentence_id"].to_numpy(),
                         score: table[score].to_numpy(dtype=float),
                         **{c: table[c].to_numpy(dtype=float) for c in also}})
    if "actor_id" in table.columns:
        rows["actor_id"] = table["actor_id"].astype(object).to_numpy()
    one = rows.groupby(keys, sort=False, dropna=False)[[score, *also]].mean().reset_index()
    return one, one["_g"].to_numpy(dtype=np.int64)


@output_columns("actor_tone_summary")
def actor_tone_by(
    actor_tone_table: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    by: Sequence[str] = ("actor_id",),
    score: str | None = None,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean tone per actor (per document, outlet, day, stance ...) with bootstrap 95% intervals.

    ``by`` names the grouping columns: any column of ``actor_tone_table`` (actor_id, doc_id,
    stance, ...) plus "outlet" and "day" (the UTC date of ``published``), which need ``documents``.
    ``score`` is the column averaged (default: polarity, else compound, else target_polarity).
    The unit is the sentence: a sentence that names an actor twice ("Okafor said she ...") gives one
    value, the mean of its mentions' scores, so ``n_sentences`` (sentences naming the actor in the
    cell) is the n behind the mean, the interval and the shares; ``n_mentions`` counts the mentions.
    ``share_negative`` / ``share_positive``: the shares of those sentences scoring < 0 / > 0; with
    ``score="target_polarity"`` and a ``label`` column (the target-aware model, the default of
    :func:`analysis.analyze`), the shares the model *labels* negative / positive (its most probable class;
    a sentence naming the actor twice: the sign of its mentions' mean), so that a sentence the model calls
    neutral is neither, however its p_positive - p_negative leans. Their difference, the net share, is the
    actor-level rule validated on NewsMTSC (lexicons/README.md, "Document- and actor-level tone"), which
    :func:`analysis.charts.actor_tone_bars` colours the bars by.
    Intervals are percentile bootstraps of the mean with ``n_boot`` resamples from ``seed`` (a
    group of one sentence gets its value as both bounds). Missing keys (e.g. no publication date)
    form their own group, shown as "<NA>".
    """
    table = actor_tone_table
    by = [by] if isinstance(by, str) else list(by)
    if not by:
        raise InputError("by=(): name at least one grouping column, e.g. by=('actor_id',)")
    if score is None:
        candidates = [c for c in ("polarity", "compound", "target_polarity") if c in table.columns]
        if not candidates:
            raise InputError(
                "the actor tone table has no polarity, compound or target_polarity column; pass score='<column>'"
            )
        score = candidates[0]
    if score not in table.columns:
        raise InputError(f"score={score!r} is not a column of the actor tone table; use one of its numeric columns")
    needs_docs = [c for c in by if c in ("outlet", "day") and c not in table.columns]
    if needs_docs:
        if documents is None:
            raise InputError(
                f"by={tuple(by)!r} groups by {', '.join(needs_docs)}, which come from the documents "
                "table; pass documents=..."
            )
        table = join_document_keys(table, documents, needs_docs, fn="actor_tone_by")
    unknown = [c for c in by if c not in table.columns]
    if unknown:
        raise InputError(
            f"cannot group by {', '.join(map(repr, unknown))}: not a column of the actor tone table; "
            "use actor_id, doc_id, stance, outlet or day"
        )
    keys = table[by].astype(object).where(table[by].notna(), "<NA>")
    codes, uniques = pd.MultiIndex.from_frame(keys).factorize() if len(by) > 1 else pd.factorize(keys[by[0]])
    n_mentions = np.bincount(codes, minlength=len(uniques)) if len(codes) else np.zeros(0, dtype=np.int64)
    # with the target-aware model the shares are of the sentences it labels negative / positive (its most
    # probable class), not of the scores' signs: a +0.15 "neutral" sentence is no positive one (rt17 M4)
    by_label = score == "target_polarity" and "label" in table.columns
    if by_label:
        table = table.assign(_sign=table["label"].astype(object).map(_LABEL_SIGN).astype(float))
    rows, (table, codes) = table, _one_row_per_sentence(table, codes, score=score, also=("_sign",) if by_label else ())
    values = table[score].to_numpy(dtype=float)
    signs = table["_sign"].to_numpy(dtype=float) if by_label else values
    low, high = bootstrap_mean_ci(values, codes, n_boot=n_boot, seed=seed)
    frame = pd.DataFrame(
        {
            "_g": codes,
            "v": values,
            "neg": (signs < 0).astype(float),
            "pos": (signs > 0).astype(float),
            "doc": table["doc_id"].to_numpy(),
        }
    )
    grouped = frame.groupby("_g", sort=True)
    head = (
        pd.DataFrame(list(uniques), columns=by)
        if len(by) > 1
        else pd.DataFrame({by[0]: np.asarray(uniques, dtype=object)})
    )
    out = head.copy()
    if "actor_id" in by and "actor" in rows.columns and "actor" not in by:
        names = rows.drop_duplicates("actor_id").set_index("actor_id")["actor"]
        out.insert(by.index("actor_id") + 1, "actor", out["actor_id"].map(names))
    out["n_mentions"] = n_mentions[grouped.size().index.to_numpy()]
    out["n_sentences"] = grouped.size().to_numpy()
    out["n_documents"] = grouped["doc"].nunique().to_numpy()
    out[f"mean_{score}"] = grouped["v"].mean().to_numpy()
    out["ci_low"] = low
    out["ci_high"] = high
    out["share_negative"] = grouped["neg"].mean().to_numpy()
    out["share_positive"] = grouped["pos"].mean().to_numpy()
    return out.sort_values(by, kind="stable").reset_index(drop=True)




@output_columns("actor_document_tone")
def actor_document_tone(
    actor_tone_table: pd.DataFrame,
    *,
    model: Any = None,
    lead_weight: float | None = None,
    band: tuple[float, float] | None = None,
    score: str | None = None,
) -> pd.DataFrame:
    """Tone toward each actor in each document, from the target-aware mention tone.

    ``actor_tone_table``: ``actor_tone(documents, method="target")`` (the default ``analyze()`` table):
    doc_id, sentence_id, actor_id, p_negative, p_positive, label. Mentions in the lead (the headline,
    sentence 0, and the first three sentences of the text, sentence_id <= 3) weigh ``lead_weight``,
    the others 1; the document-level ``score`` (``"mean_polarity"`` or ``"net_share"``) is classed
    with the neutral ``band`` (score < low negative, > high positive). The defaults are the rule
    chosen on NewsMTSC train and stored in the model's coefficient file (``document_level``: see
    lexicons/README.md, "Document- and actor-level tone", for how it was chosen and what it reached).
    ``attrs["rule"]`` of the output: the rule used.
    """
    from analysis.target_tone import AGGREGATES, aggregate_tone, band_labels, load_target_model

    need = ["doc_id", "sentence_id", "actor_id", "p_negative", "p_positive", "label"]
    require_columns(actor_tone_table, need, fn="actor_document_tone", name="actor tone",
                    fix="pass actor_tone(documents, method='target') (the table analyze() gives)")
    rule = dict(load_target_model(model).meta.get("document_level") or {})
    rule = {"score": score or rule.get("score", "mean_polarity"),
            "lead_weight": float(rule.get("lead_weight", 1.0) if lead_weight is None else lead_weight),
            "band": tuple(band if band is not None else rule.get("band", (0.0, 0.0)))}
    if rule["score"] not in AGGREGATES:
        raise InputError(f"score={rule['score']!r}: use one of {', '.join(AGGREGATES)}")
    table = actor_tone_table
    keys = list(zip(table["doc_id"].astype(str), table["actor_id"].astype(str)))
    agg = aggregate_tone(table["p_negative"], table["p_positive"], table["label"].astype(str), keys,
                         table["sentence_id"].to_numpy() <= 3, lead_weight=rule["lead_weight"])
    out = pd.DataFrame({"doc_id": [k[0] for k in agg["group"]], "actor_id": [k[1] for k in agg["group"]]})
    if "actor" in table.columns:
        names = dict(zip(table["actor_id"].astype(str), table["actor"]))
        out["actor"] = out["actor_id"].map(names)
    for column in ("n_mentions", "mean_polarity", "share_negative", "share_positive", "net_share"):
        out[column] = agg[column].to_numpy()
    out["score"] = out[rule["score"]].to_numpy(dtype=float)
    out["label"] = pd.array(band_labels(out["score"].to_numpy(), rule["band"]), dtype="str")
    out.attrs["rule"] = rule
    return out


# ------------------------------------------------------------------- deprecated names (one release)

actor_tone_summary = deprecated_alias(actor_tone_by, "analysis.actor_tone.actor_tone_summary", "analysis.actor_tone_by")
