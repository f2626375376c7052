"""Who speaks, measured: quotations and their speakers against attribution gold in brat standoff.

The gold format is the one public attribution corpora use (PolNeAR, PARC-style brat exports): one
``.txt`` file per document and a ``.ann`` file beside it with text-bound annotations of types
``Source``, ``Cue`` and ``Content`` (``Content`` may be discontinuous: ``T3\\tContent 0 53;105 132\\t...``,
a quotation split around its cue), linked into attributions either by **events**
(``E1\\tAttribution:T4 Source:T1 Cue:T2 Content:T3``, roles may carry a number: ``Content2``) or by
**relations** (``R1\\tSOURCE Arg1:T3 Arg2:T1``; annotations connected by relations form one
attribution). Optional: an ``Addressee`` argument, and ``AnnotatorNotes`` on a Source giving the
names it stands for, separated by ";" (``#1\\tAnnotatorNotes T5\\tDana Price``): the antecedent of a
pronoun source, the organisation a nominal source refers to. Other lines (attributes,
normalisations) are read and ignored. A ``Content`` in no attribution counts as a quotation without
a source.

Scoring (:func:`quote_attribution`, :func:`attribution_scores`):

* **kind**: a gold attribution is *direct* when every part of its content starts with an opening
  quotation mark (``"`` ``“`` ``‘`` ``'`` ``````), else *reported* (mixed content, "said the team
  had "lost its nerve"", is reported); predictions carry their own ``kind``.
* **content match**: a predicted quotation matches a gold content when their characters overlap
  by at least half of the shorter of the two (parts of a split quotation pooled); pairs are made
  one-to-one, largest overlap first. Direct and reported are matched and scored separately (a
  reported prediction never matches a direct gold quotation), and ``all`` pools both kinds.
* **speaker right** on a matched pair: the prediction's speaker and the gold source share a *head*.
  The heads of a name are, for each of its comma-separated parts ("the mayor's spokeswoman, Dana
  Price"), the last word before any preposition or relative word ("of", "for", "at", "by",
  "who", ...), skipping determiners, honorifics ("Mr", "Rep", "Dr": never a head by themselves) and
  time words; possessive "'s" dropped, lower case. So "Price" and "the spokeswoman" both name
  "the mayor's spokeswoman, Dana Price"; "the mayor" and "Rep" do not. The gold heads come from the
  source text and its notes (a pronoun source: from its notes only); the prediction's from its
  ``speaker`` and, when the table has ``speaker_start``/``speaker_end``, the words there. A pronoun
  source without notes is right when the predicted speaker's words overlap it. A missing
  predicted speaker is wrong; a gold attribution without a source is right only without a
  predicted speaker.
* **end to end**: a prediction counts when its content matches and its speaker is right:
  precision over all predictions, recall over all gold attributions, F1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.validation.metrics import precision_recall_f1

__all__ = [
    "GOLD_COLUMNS",
    "MATCH_COLUMNS",
    "SCORE_COLUMNS",
    "GOLD_ATTRIBUTION_PATH",
    "read_attribution_gold",
    "match_attributions",
    "attribution_scores",
    "quote_attribution",
    "speaker_heads",
]

#: The gold set shipped with the workbench (written for it; see its README).
GOLD_ATTRIBUTION_PATH = Path(__file__).resolve().parent / "gold" / "attribution"

#: One row per gold attribution.
GOLD_COLUMNS: dict[str, str] = {
    "doc_id": "the document: its .txt path relative to the folder read, without the suffix",
    "attribution": "the event id (E1, ...), the first relation's id, or the Content's T id",
    "kind": "'direct' (every content part starts with a quotation mark) or 'reported'",
    "content": "the content's text, parts joined by a space",
    "spans": "the content's parts as 'start end;start end' (brat style)",
    "source": "the source's text, or NA",
    "source_start": "offset of the source, or -1",
    "source_end": "offset one past its end, or -1",
    "source_names": "the source's AnnotatorNotes (names it stands for, ';'-separated), or NA",
    "cue": "the cue's text, or NA",
    "addressee": "the addressee's text, or NA",
}

#: One row per gold attribution or prediction, after matching.
MATCH_COLUMNS: dict[str, str] = {
    "doc_id": "the document",
    "kind": "'direct' or 'reported' (the gold's, else the prediction's)",
    "status": "'matched', 'missed' (gold without a prediction) or 'spurious' (prediction without gold)",
    "gold": "the gold content, or NA",
    "predicted": "the predicted quotation, or NA",
    "source": "the gold source (with its names in brackets), or NA",
    "speaker": "the predicted speaker, or NA",
    "speaker_right": "on matched rows: is the speaker right (see the module docstring); else NA",
    "overlap": "characters shared by the gold content and the prediction",
}

#: One row per kind (direct, reported, all).
SCORE_COLUMNS: dict[str, str] = {
    "kind": "'direct', 'reported' or 'all'",
    "gold": "gold attributions",
    "predicted": "predicted quotations",
    "matched": "content matches",
    "precision": "matched / predicted (content)",
    "recall": "matched / gold (content)",
    "f1": "harmonic mean of precision and recall (content)",
    "speaker_right": "matched pairs whose speaker is right",
    "speaker_missing": "matched pairs without a predicted speaker",
    "speaker_accuracy": "speaker_right / matched",
    "e2e_precision": "speaker_right / predicted",
    "e2e_recall": "speaker_right / gold",
    "e2e_f1": "harmonic mean of the two",
}

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(\S+):(T\d+)((?: \S+:[TE]\d+)*)\s*$")
_R_LINE = re.compile(r"^(R\d+)\t(\S+) (\S+):(T\d+) (\S+):(T\d+)\s*$")
_NOTE_LINE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")
_OPENING = ('"', "“", "‘", "'", "``", "„", "«")
_HEAD_WORD = re.compile(r"[^\W_][\w'’.\-]*")
_HEAD_STOP = frozenset("the a an his her its their our this that these those".split())
_HEAD_CUT = frozenset("of for at in on by with who whose which that from published released posted "
                      "obtained seen reviewed compiled".split())
_HONORIFICS = frozenset("mr mrs ms miss mx dr sen rep gov lt gen col sgt capt cmdr adm maj prof rev hon fr "
                        "sir dame lord lady jr sr st mr. mrs. ms. dr. sen. rep. gov. lt. gen. col. sgt. "
                        "capt. prof. rev. hon. jr. sr. st.".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                        "week weeks month months year years day days morning afternoon evening night "
                        "earlier later ago last".split())
_PRONOUNS = frozenset("he she they it we i you him her them us me".split())


# --------------------------------------------------------------------------------------- reading


@dataclass
class _Ann:
    """The annotations of one .ann file."""

    spans: dict[str, tuple[str, list[tuple[int, int]]]] = field(default_factory=dict)  # T id -> (type, parts)
    notes: dict[str, str] = field(default_factory=dict)
    events: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (E id, [(role, T id)])
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (R id, T id, T id)


def _read_ann(path: Path, text: str) -> _Ann:
    ann = _Ann()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}, line {n}"
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m:
                raise InputError(f"{where}: a text-bound annotation must read 'T<n><TAB><Type> <start> <end>"
                                 f"[;<start> <end>]<TAB><text>'; got {line[:80]!r}")
            parts = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
            for lo, hi in parts:
                if not 0 <= lo <= hi <= len(text):
                    raise InputError(f"{where}: span {lo} {hi} of {m.group(1)} lies outside the text "
                                     f"({len(text)} characters); fix the offsets or the .txt file")
            ann.spans[m.group(1)] = (m.group(2), parts)  # type: ignore[arg-type]
        elif line.startswith("E"):
            m = _E_LINE.match(line)
            if not m:
                raise InputError(f"{where}: an event must read 'E<n><TAB><Type>:<T id> <Role>:<T id> ...'; "
                                 f"got {line[:80]!r}")
            args = [tuple(a.split(":")) for a in m.group(4).split()]
            ann.events.append((m.group(1), [(re.sub(r"\d+$", "", role), t) for role, t in args]))
        elif line.startswith("R"):
            m = _R_LINE.match(line)
            if not m:
                raise InputError(f"{where}: a relation must read 'R<n><TAB><Type> Arg1:<T id> Arg2:<T id>'; "
                                 f"got {line[:80]!r}")
            ann.relations.append((m.group(1), m.group(4), m.group(6)))
        elif line.startswith("#"):
            m = _NOTE_LINE.match(line)
            if m:
                ann.notes[m.group(1)] = m.group(2).strip()
        elif not line[0] in "AMN*":
            raise InputError(f"{where}: not a brat standoff line (T, E, R, A, M, N, * or #): {line[:80]!r}")
    for eid, args in ann.events:
        for _, t in args:
            if t.startswith("T") and t not in ann.spans:
                raise InputError(f"{path}: event {eid} refers to {t}, which is not defined in the file")
    for rid, a, b in ann.relations:
        for t in (a, b):
            if t not in ann.spans:
                raise InputError(f"{path}: relation {rid} refers to {t}, which is not defined in the file")
    return ann


def _groups(ann: _Ann) -> list[tuple[str, list[str]]]:
    """Attributions as (id, T ids): one per event with a Content, one per relation-connected group
    with a Content, one per Content in neither."""
    out: list[tuple[str, list[str]]] = []
    taken: set[str] = set()
    for eid, args in ann.events:
        ts = [t for _, t in args if t in ann.spans]
        if any(ann.spans[t][0] == "Content" for t in ts):
            out.append((eid, ts))
            taken.update(t for t in ts if ann.spans[t][0] == "Content")
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_rel: dict[str, str] = {}
    for rid, a, b in ann.relations:
        parent[find(a)] = find(b)
    for rid, a, b in ann.relations:
        first_rel.setdefault(find(a), rid)
    comps: dict[str, list[str]] = {}
    for t in parent:
        comps.setdefault(find(t), []).append(t)
    for root, ts in comps.items():
        contents = [t for t in ts if ann.spans[t][0] == "Content" and t not in taken]
        if contents:
            out.append((first_rel[root], sorted(ts, key=lambda t: int(t[1:]))))
            taken.update(contents)
    for t, (kind, _) in sorted(ann.spans.items(), key=lambda kv: int(kv[0][1:])):
        if kind == "Content" and t not in taken:
            out.append((t, [t]))
    return out


def _is_direct(text: str, parts: Iterable[tuple[int, int]]) -> bool:
    return all(text[lo:hi].strip().startswith(_OPENING) for lo, hi in parts)


def read_attribution_gold(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read brat attribution gold: a folder (searched recursively for ``.ann`` files with a ``.txt``
    beside them) or one ``.ann``/``.txt`` file.

    Returns ``(documents, gold)``: a documents table (doc_id, title "", text, source) and the gold
    table, one row per attribution (columns :data:`GOLD_COLUMNS`), in document and text order.
    """
    root = Path(path)
    if root.is_dir():
        anns = sorted(root.rglob("*.ann"))
        base = root
    elif root.suffix in (".ann", ".txt") and root.with_suffix(".ann").exists():
        anns, base = [root.with_suffix(".ann")], root.parent
    else:
        raise InputError(f"{root}: no brat attribution gold here; give a folder of .txt + .ann files or "
                         "one .ann file with its .txt beside it")
    if not anns:
        raise InputError(f"{root}: the folder holds no .ann files; give a folder of brat .txt + .ann pairs")
    docs, rows = [], []
    for ann_path in anns:
        txt_path = ann_path.with_suffix(".txt")
        if not txt_path.exists():
            raise InputError(f"{ann_path}: no {txt_path.name} beside it; every .ann file needs its text")
        text = txt_path.read_text(encoding="utf-8")
        doc_id = ann_path.relative_to(base).with_suffix("").as_posix()
        docs.append({"doc_id": doc_id, "title": "", "text": text, "source": str(txt_path)})
        ann = _read_ann(ann_path, text)
        for aid, ts in _groups(ann):
            by_role: dict[str, list[str]] = {}
            for t in ts:
                by_role.setdefault(ann.spans[t][0], []).append(t)
            parts = sorted(p for t in by_role["Content"] for p in ann.spans[t][1])
            src = by_role.get("Source", [None])[0]
            cue = by_role.get("Cue", [None])[0]
            adr = by_role.get("Addressee", [None])[0]

            def words(t: str | None) -> Any:
                return pd.NA if t is None else " ".join(text[lo:hi] for lo, hi in ann.spans[t][1])

            rows.append({
                "doc_id": doc_id, "attribution": aid,
                "kind": "direct" if _is_direct(text, parts) else "reported",
                "content": " ".join(text[lo:hi] for lo, hi in parts),
                "spans": ";".join(f"{lo} {hi}" for lo, hi in parts),
                "source": words(src),
                "source_start": ann.spans[src][1][0][0] if src else -1,
                "source_end": ann.spans[src][1][-1][1] if src else -1,
                "source_names": ann.notes.get(src, pd.NA) if src else pd.NA,
                "cue": words(cue), "addressee": words(adr), "_first": parts[0][0]})
    gold = pd.DataFrame(rows, columns=[*GOLD_COLUMNS, "_first"])
    gold = gold.sort_values(["doc_id", "_first"], kind="stable").drop(columns="_first").reset_index(drop=True)
    gold = gold.astype({"source_start": "int64", "source_end": "int64"})
    return pd.DataFrame(docs, columns=["doc_id", "title", "text", "source"]), gold


# ------------------------------------------------------------------------------------- speakers


def speaker_heads(name: Any) -> frozenset[str]:
    """The head words of a speaker's name (see the module docstring): "the mayor's spokeswoman, Dana
    Price" -> {"spokeswoman", "price"}; "Rep." -> {} (an honorific is never a head)."""
    if not isinstance(name, str):
        return frozenset()
    heads = set()
    for part in name.split(","):
        words = []
        for w in _HEAD_WORD.findall(part):
            low = w.lower()
            if low in _HEAD_CUT and words:
                break
            words.append(re.sub(r"['’]s?$", "", low).rstrip("."))
        for w in reversed(words):
            if w and w not in _HEAD_STOP and w not in _HONORIFICS and w + "." not in _HONORIFICS \
                    and w not in _TIME_WORDS and w not in _HEAD_CUT:
                heads.add(w)
                break
    return frozenset(heads)


def _gold_heads(source: Any, names: Any) -> tuple[frozenset[str], bool]:
    """(heads, is_pronoun) of a gold source with its notes."""
    pronoun = isinstance(source, str) and source.strip().lower() in _PRONOUNS
    heads: set[str] = set() if pronoun else set(speaker_heads(source))
    if isinstance(names, str):
        for name in names.split(";"):
            heads |= speaker_heads(name)
    return frozenset(heads), pronoun


def _speaker_right(gold: pd.Series, pred: dict[str, Any]) -> bool:
    if not isinstance(gold["source"], str):
        return not isinstance(pred["speaker"], str)
    if not isinstance(pred["speaker"], str):
        return False
    heads, pronoun = _gold_heads(gold["source"], gold["source_names"])
    if heads & (speaker_heads(pred["speaker"]) | speaker_heads(pred["surface"])):
        return True
    if pronoun and not isinstance(gold["source_names"], str):
        s, e = pred["speaker_start"], pred["speaker_end"]
        return s is not None and s < gold["source_end"] and gold["source_start"] < e
    return False


# ------------------------------------------------------------------------------------- matching


def _chars(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for lo, hi in spans for i in range(lo, hi)}


def _pred_rows(predicted: pd.DataFrame, texts: dict[str, str]) -> list[dict[str, Any]]:
    needed = ("doc_id", "quote", "speaker", "kind", "start", "end")
    require_columns(predicted, needed, fn="match_attributions", name="predicted quotes",
                    fix="pass the table analysis.quotes(...) returns")
    rows = []
    for r in predicted.to_dict("records"):
        if "spans" in r and isinstance(r["spans"], str) and r["spans"]:
            parts = [tuple(map(int, p.split())) for p in r["spans"].split(";")]
        else:
            parts = [(int(r["start"]), int(r["end"]))]
        s = r.get("speaker_start")
        e = r.get("speaker_end")
        ok = s is not None and not pd.isna(s) and e is not None and not pd.isna(e) and int(s) >= 0
        text = texts.get(str(r["doc_id"]), "")
        rows.append({"doc_id": str(r["doc_id"]), "kind": r["kind"], "quote": r["quote"],
                     "speaker": r["speaker"] if isinstance(r["speaker"], str) else pd.NA,
                     "speaker_start": int(s) if ok else None, "speaker_end": int(e) if ok else None,
                     "surface": text[int(s):int(e)] if ok else pd.NA, "chars": _chars(parts),
                     "sentence_id": r.get("sentence_id", 1)})
    return rows


def match_attributions(gold: pd.DataFrame, predicted: pd.DataFrame, *, documents: pd.DataFrame | None = None,
                       kinds: str = "separate") -> pd.DataFrame:
    """Pair gold attributions (:func:`read_attribution_gold`) with predicted quotations (the table
    ``analysis.quotes`` returns, offsets into the documents' text) by content overlap.

    ``kinds``: "separate" (direct matches direct, reported matches reported) or "pooled" (any kind
    matches any). ``documents``: the documents table, to read the predicted speaker's words at
    ``speaker_start``/``speaker_end``. Predictions in the headline (sentence 0) are left out: the
    gold has no titles.

    Output columns :data:`MATCH_COLUMNS`, one row per gold attribution and per unmatched prediction.
    """
    if kinds not in ("separate", "pooled"):
        raise ValueError(f"kinds must be 'separate' or 'pooled', not {kinds!r}")
    texts = {} if documents is None else dict(zip(documents["doc_id"].astype(str), documents["text"]))
    preds = [p for p in _pred_rows(predicted, texts) if p["sentence_id"] != 0]
    out = []
    for doc_id in sorted(set(gold["doc_id"]) | {p["doc_id"] for p in preds}):
        g_rows = [r for _, r in gold[gold["doc_id"] == doc_id].iterrows()]
        p_rows = [p for p in preds if p["doc_id"] == doc_id]
        g_chars = [_chars(tuple(map(int, s.split())) for s in r["spans"].split(";")) for r in g_rows]
        cands = []
        for i, g in enumerate(g_rows):
            for j, p in enumerate(p_rows):
                if kinds == "separate" and g["kind"] != p["kind"]:
                    continue
                shared = len(g_chars[i] & p["chars"])
                if shared and shared >= 0.5 * min(len(g_chars[i]), len(p["chars"])):
                    cands.append((-shared, i, j))
        g_match: dict[int, tuple[int, int]] = {}
        p_taken: set[int] = set()
        for neg, i, j in sorted(cands):
            if i not in g_match and j not in p_taken:
                g_match[i] = (j, -neg)
                p_taken.add(j)
        for i, g in enumerate(g_rows):
            src = g["source"] if isinstance(g["source"], str) else pd.NA
            if isinstance(src, str) and isinstance(g["source_names"], str):
                src = f"{src} [{g['source_names']}]"
            if i in g_match:
                j, shared = g_match[i]
                p = p_rows[j]
                out.append({"doc_id": doc_id, "kind": g["kind"], "status": "matched", "gold": g["content"],
                            "predicted": p["quote"], "source": src, "speaker": p["speaker"],
                            "speaker_right": _speaker_right(g, p), "overlap": shared})
            else:
                out.append({"doc_id": doc_id, "kind": g["kind"], "status": "missed", "gold": g["content"],
                            "predicted": pd.NA, "source": src, "speaker": pd.NA, "speaker_right": pd.NA,
                            "overlap": 0})
        for j, p in enumerate(p_rows):
            if j not in p_taken:
                out.append({"doc_id": doc_id, "kind": p["kind"], "status": "spurious", "gold": pd.NA,
                            "predicted": p["quote"], "source": pd.NA, "speaker": p["speaker"],
                            "speaker_right": pd.NA, "overlap": 0})
    table = pd.DataFrame(out, columns=list(MATCH_COLUMNS))
    return table.astype({"speaker_right": "boolean", "overlap": "int64"})


def _score_row(kind: str, m: pd.DataFrame) -> dict[str, Any]:
    n_gold = int(m["status"].isin(("matched", "missed")).sum())
    n_pred = int(m["status"].isin(("matched", "spurious")).sum())
    matched = m[m["status"] == "matched"]
    n_match = len(matched)
    right = int(matched["speaker_right"].fillna(False).sum())
    p, r, f1 = precision_recall_f1(n_match, n_pred - n_match, n_gold - n_match, zero_division=0.0)
    ep, er, e2e_f1 = precision_recall_f1(right, n_pred - right, n_gold - right, zero_division=0.0)
    return {"kind": kind, "gold": n_gold, "predicted": n_pred, "matched": n_match, "precision": p, "recall": r,
            "f1": f1, "speaker_right": right, "speaker_missing": int(matched["speaker"].isna().sum()),
            "speaker_accuracy": right / n_match if n_match else 0.0, "e2e_precision": ep, "e2e_recall": er,
            "e2e_f1": e2e_f1}


def attribution_scores(matches: pd.DataFrame, pooled: pd.DataFrame | None = None) -> pd.DataFrame:
    """Scores from :func:`match_attributions` tables: one row per kind (direct, reported) from
    ``matches`` (kinds matched separately), and an ``all`` row from ``pooled`` (kinds matched
    together; default: ``matches`` itself). Columns :data:`SCORE_COLUMNS`."""
    rows = [_score_row(kind, matches[matches["kind"] == kind]) for kind in ("direct", "reported")]
    rows.append(_score_row("all", matches if pooled is None else pooled))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def quote_attribution(path: str | Path | None = None, *, actors: Any = None,
                      find: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                      details: bool = False) -> pd.DataFrame:
    """Score ``analysis.quotes`` (or ``find(documents)``) against brat attribution gold at ``path``
    (default: the gold set shipped with the workbench, both its parts; give
    ``GOLD_ATTRIBUTION_PATH / "dev"`` or ``/ "heldout"`` for one).

    ``actors``: the lexicon passed to ``quotes`` (None = the default). Returns the scores (columns
    :data:`SCORE_COLUMNS`: content precision/recall/F1, speaker accuracy on matched quotations and
    end-to-end F1, for direct, reported and all), or with ``details=True`` the row-level
    :func:`match_attributions` table (kinds matched separately) for error analysis.
    """
    documents, gold = read_attribution_gold(GOLD_ATTRIBUTION_PATH if path is None else path)
    if find is None:
        from analysis.quotes import quotes

        predicted = quotes(documents, actors)
    else:
        predicted = find(documents)
    matches = match_attributions(gold, predicted, documents=documents)
    if details:
        return matches
    pooled = match_attributions(gold, predicted, documents=documents, kinds="pooled")
    return attribution_scores(matches, pooled)
