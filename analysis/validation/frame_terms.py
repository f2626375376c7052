"""Per-term evidence for a frame codebook: how often does a term fire where coders saw the frame?

:func:`term_precision` runs a codebook over coded units (articles, or sentences) and gives, per frame
and term, the units where the term counted, how many of them the coders coded with that frame
(``precision``), the frame's base rate among the coded units and the difference (``lift``). A term
whose precision is below the base rate fires more often *without* the frame than chance would have
it: the evidence for dropping it (lexicons/README.md states the rule the shipped codebooks follow).

:func:`wildcard_words` lists the words each prefix term (a trailing ``*``) matches in a corpus, with
counts: the evidence that a wildcard matches only forms of the word it was written for ("commit*"
also matches "committee"; such terms are written out, lexicons/README.md).

:func:`split_articles` is the fixed tuning / held-out split of the narrative-framing articles.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.validation.metrics import precision_recall_f1

__all__ = ["CONFLICT_NEWS_GOLD", "FRAME_RULE_COLUMNS", "FRAME_RULES", "TERM_PRECISION_COLUMNS", "frame_rule_cv",
           "read_sentence_gold", "split_articles", "term_precision", "WILDCARD_WORD_COLUMNS", "wildcard_words"]

#: Output columns of :func:`term_precision`.
TERM_PRECISION_COLUMNS: dict[str, str] = {
    "frame_id": "the frame",
    "term": "the codebook term as written (a trailing * is a prefix)",
    "kind": "'term' (counts anywhere) or 'actor_term' (counts only in sentences naming min_actors actors)",
    "units": "coded units (articles or sentences) where the term counted at least once",
    "with_frame": "of those, the units the coders coded with the frame",
    "precision": "with_frame / units (NaN when the term never counted)",
    "base_rate": "share of all coded units coded with the frame",
    "lift": "precision - base_rate: > 0 the term marks the frame, < 0 it fires more often without it",
}

#: Output columns of :func:`wildcard_words`.
WILDCARD_WORD_COLUMNS: dict[str, str] = {
    "frame_id": "the frame",
    "term": "the codebook's prefix term as written (ending in *)",
    "kind": "'term' or 'actor_term' (the words are counted wherever the text matches, whether or not an "
    "actor term counted there)",
    "word": "the word the term matched (lower-cased, curly apostrophes straightened; a phrase term's whole match)",
    "matches": "times the term matched this word",
    "documents": "documents where it did",
}

_WORD_TAIL = re.compile(r"[^\W_]*")  # the rest of a word after a prefix: letters and digits, as the matcher reads it


#: Document-level presence rules :func:`frame_rule_cv` compares: a column of
#: ``frames(..., level="document")`` and what a threshold on it means.
FRAME_RULES: dict[str, str] = {
    "hits": "hits >= threshold",
    "weighted_hits": "hits, those in the lead counted lead_weight times, >= threshold (the codebook's `threshold`)",
    "distinct_terms": "distinct terms >= threshold (the codebook's `min_terms`)",
    "hits_per_1000_words": "hits per 1,000 words >= threshold",
}

#: Output columns of :func:`frame_rule_cv`.
FRAME_RULE_COLUMNS: dict[str, str] = {
    "frame_id": "the frame",
    "rule": "the presence rule (a key of FRAME_RULES)",
    "cv_f1": "mean over the repeats of the cross-validated F1 (threshold chosen on the other folds)",
    "threshold": "the threshold with the best F1 on all the documents given (ties: the lower; NaN when "
    "no threshold finds a coded document)",
    "f1": "in-sample F1 of that threshold",
    "f1_all_present": "F1 of calling the frame present in every document",
    "n": "documents compared",
}


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    """F1 of boolean predictions ``p`` against ``y`` (0.0 when undefined), by the rules of
    :mod:`analysis.validation.metrics`."""
    tp, fp, fn = int((y & p).sum()), int((~y & p).sum()), int((y & ~p).sum())
    return precision_recall_f1(tp, fp, fn, zero_division=0.0)[2]


def _best_threshold(score: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (float("inf"), 0.0)  # no threshold finds a coded document: never present
    for t in np.unique(score[score > 0]):
        f = _f1(y, score >= t)
        if f > best[1] + 1e-12:
            best = (float(t), f)
    return best


def frame_rule_cv(
    document_scores: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    rules: Any = tuple(FRAME_RULES),
    folds: int = 5,
    repeats: int = 5,
) -> pd.DataFrame:
    """Which document-level presence rule separates coded from uncoded documents, by cross-validation.

    ``document_scores``: ``frames(documents, codebook, level="document")`` of the documents to
    tune on (never a held-out part); ``gold``: doc_id, frame_id, present. For every frame and rule
    (:data:`FRAME_RULES`): ``folds``-fold cross-validation, the threshold chosen on the other folds
    (best F1, ties to the lower), F1 of the pooled out-of-fold decisions, averaged over ``repeats``
    fold assignments (fold of a document: SHA-256 of ``"<repeat>:<doc_id>"`` modulo ``folds``).

    Output (:data:`FRAME_RULE_COLUMNS`): frame_id, rule, cv_f1, threshold, f1, f1_all_present, n —
    one row per frame (gold's order) and rule.
    """
    unknown = [r for r in rules if r not in FRAME_RULES]
    if unknown:
        raise InputError(f"frame_rule_cv: unknown rule {unknown[0]!r}; the rules are {', '.join(FRAME_RULES)}")
    missing = [c for c in ("doc_id", "frame_id", *rules) if c not in document_scores.columns]
    if missing:
        raise InputError(f"frame_rule_cv: the document scores lack column(s) {', '.join(missing)}; pass "
                         "frames(documents, codebook, level='document')")
    g = gold.assign(doc_id=gold["doc_id"].astype(str))[["doc_id", "frame_id", "present"]].rename(
        columns={"present": "_gold"})
    scores = document_scores.assign(doc_id=document_scores["doc_id"].astype(str))[["doc_id", "frame_id", *rules]]
    joined = g.merge(scores, on=["doc_id", "frame_id"], how="inner")
    rows = []
    for frame_id in pd.unique(g["frame_id"]):
        sub = joined[joined["frame_id"] == frame_id]
        y = sub["_gold"].to_numpy(dtype=bool)
        ids = sub["doc_id"].tolist()
        assign = [np.array([int(hashlib.sha256(f"{r}:{d}".encode()).hexdigest(), 16) % folds for d in ids])
                  for r in range(repeats)]
        for rule in rules:
            score = sub[rule].fillna(0.0).to_numpy(dtype=float)
            cv = []
            for fold in assign:
                pred = np.zeros(len(y), dtype=bool)
                for k in range(folds):
                    t, _f = _best_threshold(score[fold != k], y[fold != k])
                    pred[fold == k] = score[fold == k] >= t
                cv.append(_f1(y, pred))
            t, f = _best_threshold(score, y)
            rows.append({"frame_id": frame_id, "rule": rule, "cv_f1": float(np.mean(cv)) if cv else float("nan"),
                         "threshold": t if np.isfinite(t) else float("nan"), "f1": f, "f1_all_present": _f1(y, np.ones(len(y), dtype=bool)),
                         "n": len(y)})
    return pd.DataFrame(rows, columns=list(FRAME_RULE_COLUMNS))


def split_articles(doc_ids: Any) -> tuple[np.ndarray, np.ndarray]:
    """The fixed split of the narrative-framing articles: (tuning mask, held-out mask).

    Held out: numeric ID divisible by 3 (a third); tuning: the rest. Terms and thresholds are chosen
    on the tuning articles only. Raises InputError for an ID that is not a number.
    """
    ids = pd.Series(list(doc_ids), dtype=object).astype(str)
    numeric = pd.to_numeric(ids, errors="coerce")
    if numeric.isna().any():
        raise InputError(f"split_articles: ID {ids[numeric.isna()].iloc[0]!r} is not a number; the split needs numeric IDs")
    held = (numeric % 3 == 0).to_numpy()
    return ~held, held


def term_precision(
    documents: pd.DataFrame,
    gold: pd.DataFrame,
    codebook: Any = None,
    *,
    unit: str = "document",
    sentences: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per frame and term: where the term counted, and how often the coders saw the frame there.

    ``documents``: the coded documents; ``gold``: human codes, doc_id, frame_id, present (bool), plus
    sentence_id when ``unit="sentence"``; ``codebook``: anything :func:`analysis.load_frames` takes
    (None = generic). Actor terms count as in :func:`analysis.frames` (``mentions`` passed on).
    Only frames and units present in ``gold`` are compared.

    Output (:data:`TERM_PRECISION_COLUMNS`): frame_id, term, kind, units, with_frame, precision,
    base_rate, lift — one row per codebook term of a coded frame (terms that never counted included,
    with units 0), sorted by frame (codebook order), then precision (lowest first), then units.
    """
    from analysis.framing import frames as find_frames
    from analysis.framing import load_frames
    from analysis.text import sentences_of

    if unit not in ("document", "sentence"):
        raise InputError(f"unit={unit!r}: use 'document' or 'sentence'")
    keys = ["doc_id"] + (["sentence_id"] if unit == "sentence" else [])
    require_columns(gold, (*keys, "frame_id", "present"), fn="term_precision", name="gold",
                    fix=f"give one row per coded {unit} and frame with a boolean 'present'")
    book = load_frames(codebook)
    sents = sentences_of(documents, sentences, fn="term_precision")
    hits = find_frames(documents, book, sentences=sents, mentions=mentions)
    fired = hits.assign(term=hits["terms"].str.split("; ")).explode("term")
    fired = fired.assign(doc_id=fired["doc_id"].astype(str))[[*keys, "frame_id", "term"]].drop_duplicates()
    g = gold.assign(doc_id=gold["doc_id"].astype(str))[[*keys, "frame_id", "present"]]
    joined = fired.merge(g, on=[*keys, "frame_id"], how="inner")
    rows = []
    for frame_id in book.frames["frame_id"]:
        coded = g[g["frame_id"] == frame_id]
        if coded.empty:
            continue
        base = float(coded["present"].astype(bool).mean())
        own = joined[joined["frame_id"] == frame_id]
        stats = own.groupby("term")["present"].agg(["size", "sum"])
        terms = book.terms[book.terms["frame_id"] == frame_id]
        for term, needs in zip(terms["term"], terms["min_actors"]):
            n, k = (int(stats.loc[term, "size"]), int(stats.loc[term, "sum"])) if term in stats.index else (0, 0)
            precision = k / n if n else float("nan")
            rows.append({"frame_id": frame_id, "term": term, "kind": "actor_term" if needs > 0 else "term",
                         "units": n, "with_frame": k, "precision": precision, "base_rate": base,
                         "lift": precision - base if n else float("nan")})
    out = pd.DataFrame(rows, columns=list(TERM_PRECISION_COLUMNS))
    order = {f: i for i, f in enumerate(book.frames["frame_id"])}
    out = out.assign(_o=out["frame_id"].map(order), _p=out["precision"].fillna(np.inf))
    return out.sort_values(["_o", "_p", "units"], ascending=[True, True, False], kind="stable").drop(
        columns=["_o", "_p"]).reset_index(drop=True)


def wildcard_words(
    documents: pd.DataFrame,
    *,
    codebook: Any = None,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every word each prefix term of a codebook matches in ``documents``, with counts.

    A term ending in ``*`` matches every word that starts with it; this table shows which words
    those are, so a wildcard that also matches a different word ("commit*": "committee"; "moral*":
    "morale") can be written out. Matches are found as :func:`analysis.frames` finds them (case-insensitive,
    word edges, leftmost-longest: a word another, longer term claims is not counted here) but wherever
    the text matches: an actor term's words are counted even in sentences naming too few actors.

    ``codebook``: anything :func:`analysis.load_frames` takes (None = generic); ``sentences``: a
    precomputed ``analysis.sentences(documents)`` table to reuse.

    Output (:data:`WILDCARD_WORD_COLUMNS`): frame_id, term, kind, word, matches, documents — one row
    per prefix term and word it matched (terms that matched nothing are left out), in codebook order
    of the terms, then most matches first, then the word.
    """
    from analysis.framing import load_frames, normalize_text
    from analysis.text import sentences_of

    book = load_frames(codebook)
    sents = sentences_of(documents, sentences, fn="wildcard_words")
    matcher = book.matcher
    prefix = book.terms["prefix"].to_numpy(dtype=bool)
    counts: dict[tuple[int, str], int] = {}
    seen: dict[tuple[int, str], set[str]] = {}
    for doc_id, text in zip(sents["doc_id"].astype(str), sents["text"]):
        line = normalize_text(text if isinstance(text, str) else "")
        starts, terms, _ids, _ends = matcher.hits(line)
        for start, t in zip(starts, terms):
            if not prefix[t]:
                continue
            end = _WORD_TAIL.match(line, start + len(matcher.term_text[t]) - 1).end()
            key = (t, line[start:end])
            counts[key] = counts.get(key, 0) + 1
            seen.setdefault(key, set()).add(doc_id)
    rows = [{"_t": t, "frame_id": book.terms["frame_id"].iloc[t], "term": book.terms["term"].iloc[t],
             "kind": "actor_term" if book.terms["min_actors"].iloc[t] > 0 else "term", "word": word,
             "matches": n, "documents": len(seen[(t, word)])} for (t, word), n in counts.items()]
    out = pd.DataFrame(rows, columns=["_t", *WILDCARD_WORD_COLUMNS])
    out = out.astype({"_t": "int64", "matches": "int64", "documents": "int64"})
    return out.sort_values(["_t", "matches", "word"], ascending=[True, False, True], kind="stable").drop(
        columns="_t").reset_index(drop=True)


#: The shipped sentence-level gold set for the conflict-news codebook.
CONFLICT_NEWS_GOLD = Path(__file__).resolve().parent / "conflict_news_gold.yml"


def read_sentence_gold(path: str | os.PathLike[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A sentence-level frame gold set (default: the shipped conflict-news set) and its documents.

    The YAML file names ``frames`` (the coded frame ids) and its documents: either one ``source`` (a
    text file, relative to the repository unless absolute, read with :func:`analysis.load_corpus`)
    with its ``sentences``, or ``documents``, a list of such ``source`` / ``sentences`` pairs.
    ``sentences``: entries with ``sentence_id``, ``frames`` (the frames it carries) and ``text`` (the
    sentence as :func:`analysis.sentences` gives it: checked, so a changed segmenter cannot shift the
    codes silently). Returns (documents, gold): documents in the file's order; gold has doc_id,
    sentence_id, frame_id, present — one row per coded sentence and frame. Raises InputError naming
    the file and the entry.
    """
    import yaml

    target = Path(CONFLICT_NEWS_GOLD if path is None else path)
    try:
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(f"{target}: cannot read the gold set ({error})") from None
    one = isinstance(data, dict) and all(k in data for k in ("source", "sentences")) and "documents" not in data
    many = isinstance(data, dict) and isinstance(data.get("documents"), list) and "source" not in data
    if not (one or many) or "frames" not in data:
        raise InputError(f"{target}: a gold set needs 'frames' and either 'source' with 'sentences' or a list "
                         "of 'documents' (each with 'source' and 'sentences')")
    coded = [str(f) for f in data["frames"]]
    parts = [data] if one else data["documents"]
    documents, rows = [], []
    for d, part in enumerate(parts):
        where = f"{target}" if one else f"{target}, document {d + 1}"
        if not isinstance(part, dict) or not all(k in part for k in ("source", "sentences")):
            raise InputError(f"{where}: a document needs 'source' and 'sentences'")
        doc, doc_rows = _gold_document(part, coded, where)
        documents.append(doc)
        rows += doc_rows
    docs = pd.concat(documents, ignore_index=True)
    if docs["doc_id"].duplicated().any():
        raise InputError(f"{target}: document {docs['doc_id'][docs['doc_id'].duplicated()].iloc[0]!r} is listed twice")
    return docs, pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame_id", "present"])


def _gold_document(part: dict[str, Any], coded: list[str], where: str) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """One document of a sentence gold set: (its documents row, its gold rows); checks every entry."""
    from analysis.corpus import load_corpus
    from analysis.text import sentences as segment

    source = Path(part["source"])
    if not source.is_absolute():
        source = Path(__file__).resolve().parents[2] / source
    documents = load_corpus(source)
    if documents["doc_id"].nunique() != 1:
        raise InputError(f"{where}: 'source' must hold exactly one document (found {documents['doc_id'].nunique()})")
    sents = segment(documents)
    doc_id = str(documents["doc_id"].iloc[0])
    texts = dict(zip(sents["sentence_id"], sents["text"]))
    rows = []
    for k, entry in enumerate(part["sentences"]):
        sid = entry.get("sentence_id") if isinstance(entry, dict) else None
        if sid not in texts:
            raise InputError(f"{where}, sentence entry {k + 1}: sentence_id {sid!r} is not a sentence of {source.name}")
        if entry.get("text") != texts[sid]:
            raise InputError(f"{where}, sentence entry {k + 1} (sentence_id {sid}): its text differs from the "
                             f"sentence the segmenter gives ({texts[sid][:60]!r}...); re-check the codes")
        unknown = [f for f in entry.get("frames", []) if f not in coded]
        if unknown:
            raise InputError(f"{where}, sentence entry {k + 1}: frame {unknown[0]!r} is not one of {', '.join(coded)}")
        rows += [{"doc_id": doc_id, "sentence_id": sid, "frame_id": f, "present": f in entry.get("frames", [])}
                 for f in coded]
    return documents, rows
