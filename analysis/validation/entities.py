"""How well the entity layer finds, types and merges names: scored against GUM's human annotation.

GUM (Zeldes 2017; ``<datasets>/gum-news``: Wikinews news and interviews in CoNLL-U) annotates every
referring expression with a type and a coreference chain. :func:`read_gum` turns the files into a
documents table (the first sentence is the headline; paragraphs separated by blank lines) and one row
per gold mention with character offsets. :func:`score_entities` compares ``analysis.entities`` with it:

* **Named mentions (gold).** A mention of type person, organization or place whose minimal span holds
  a proper noun (tagged NNP or NNPS: "United" in "United States" is a UPOS VERB but an NNP). Its name
  is the run of proper nouns (joined by of, for, the, de, &, and a hyphen inside a word, "Kim Jong-un";
  a person's name by none of the words) around the mention's syntactic head where that is a proper
  noun and not a title ("Matthew Ingram of The Globe and Mail" is Matthew Ingram, not Mail), else
  around the minimal span's last proper noun, within the mention, a person's title words stripped up
  to the last one ("President Obama" -> "Obama", as CoNLL writes names; not "Duke University" ->
  "University" nor "US State Department" -> "Department": "Duke" and "State" are title words too); a
  minimal span of names separated by a comma is named by its first part ("Houston, Texas" -> "Houston": Texas has a chain of its own); names nested inside another name
  ("Helsinki" in "University of Helsinki") are left out (flat spans).
* **Typed F1**: a predicted mention (via name or short, typed person/organization/place) is right when
  its span and type equal a gold name's. ``mention F1`` ignores the type.
* **Merge precision / recall** (short forms): over pairs of mentions in one document that both match
  a gold name exactly and are written differently ("Ruth Adeyemi" / "Adeyemi"): a pair is predicted
  when both have the same entity_id, gold when both are in the same coreference chain. Names inside a
  larger mention of another chain (compound modifiers: "Warhol" in "the Warhol Polaroids", "US" in
  "US Paralympics"), which GUM gives chains of their own, are left out; ``merge_*_all`` keeps them.
* **Dev and held-out split** (:func:`gum_split`): GUM has no split of its own, so the documents are
  split by a hash of their name (SHA-1 of the doc_id; a third, 11 of 43, held out, news and interviews
  alike), fixed before any tuning. Rules and word lists are developed on ``dev`` only; ``heldout`` is
  only scored, never read for errors. Report held-out figures as the result.
* **Pronoun accuracy**: gold he/she/him/her/his/... mentions whose chain holds a name the layer found;
  right when the pronoun row's entity has a mention in that chain. ``pronoun coverage``: the share of
  those pronouns that got a row at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.errors import InputError
from analysis.validation.metrics import precision_recall_f1

__all__ = ["GOLD_COLUMNS", "read_gum", "score_entities", "gum_files", "gum_split", "split_gum"]

#: Gold mentions of :func:`read_gum`.
GOLD_COLUMNS: dict[str, str] = {
    "doc_id": "the document (file name without .conllu)",
    "field": "'title' (the first sentence) or 'text'",
    "start": "offset of the mention in that field",
    "end": "one past its end",
    "chain": "the coreference chain (GUM's entity number, unique within the document)",
    "type": "GUM's entity type (person, organization, place, object, event, ...)",
    "text": "the mention as written",
    "name_start": "offset of its name (proper nouns of the minimal span), or -1 when not named",
    "name_end": "one past the name's end, or -1",
    "pronoun": "the mention is a single personal pronoun (he, she, him, her, his, ...)",
}

_PRONOUNS = frozenset("he she him her his hers himself herself".split())
_ENTITY = re.compile(r"\((?P<open>[^()]*)(?P<closed>\))?|(?P<close>\d+)\)")
_NAME_TYPES = ("person", "organization", "place")
_JOINERS = frozenset(("of", "for", "the", "de", "&", "von", "van", "al", "bin"))


def gum_files(datasets: str | Path | None = None) -> list[Path]:
    """The GUM CoNLL-U files: ``<datasets>/gum-news/conllu/*.conllu``; InputError when absent."""
    from analysis.validation.data import datasets_path

    folder = datasets_path(datasets) / "gum-news" / "conllu"
    files = sorted(folder.glob("*.conllu"))
    if not files:
        raise InputError(f"{folder}: no GUM .conllu files; pass datasets=<folder holding gum-news/> or set "
                         "MEDIA_WORKBENCH_DATASETS")
    return files


def gum_split(doc_id: str) -> str:
    """'heldout' or 'dev' for a GUM document: held out when the SHA-1 of its doc_id is divisible by 3
    (11 of the 43 documents: GUM_interview_cocktail, _libertarian, _mcguire, _onion, _peres and
    GUM_news_crane, _defector, _election, _questionnaire, _stampede, _taxes)."""
    import hashlib

    return "heldout" if int(hashlib.sha1(str(doc_id).encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def split_gum(documents: pd.DataFrame, gold: pd.DataFrame, split: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents and gold mentions of one split ('dev', 'heldout' or 'all') of :func:`read_gum`'s
    output; InputError for another split name."""
    if split == "all":
        return documents, gold
    if split not in ("dev", "heldout"):
        raise InputError(f"GUM split {split!r}: use 'dev' (for developing rules), 'heldout' (for reporting) or 'all'")
    keep = [gum_split(d) == split for d in documents["doc_id"]]
    docs = documents[keep].reset_index(drop=True)
    return docs, gold[gold["doc_id"].isin(set(docs["doc_id"]))].reset_index(drop=True)


def _title_words() -> frozenset[str]:
    from analysis.entities import load_entity_words

    words = load_entity_words()
    return frozenset({t[0] for t in words.titles if len(t) == 1} | set(words.honorifics) | words.title_modifiers)


def read_gum(files: Iterable[str | Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(documents, gold mentions) from GUM CoNLL-U files. Documents: doc_id, title, text (the
    first sentence is the title; sentences joined by a space, paragraphs by a blank line). Gold: the
    columns of :data:`GOLD_COLUMNS`."""
    titles = _title_words()
    docs, gold = [], []
    for path in files:
        path = Path(path)
        doc_id = path.stem
        # (new paragraph, tokens); a token: form, UPOS (PROPN for NNP/NNPS), Entity field, space after,
        # index of its syntactic head in the sentence (-1 for the root)
        sentences: list[tuple[bool, list[tuple[str, str, str, bool, int]]]] = []
        newpar = False
        tokens: list[tuple[str, str, str, bool, int]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar"):
                newpar = True
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if tokens:
                    sentences.append((newpar, tokens))
                    tokens, newpar = [], False
            else:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                misc = cols[9]
                entity = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
                upos = "PROPN" if cols[4] in ("NNP", "NNPS") else cols[3]
                head = int(cols[6]) - 1 if cols[6].isdigit() else -1
                tokens.append((cols[1], upos, entity, "SpaceAfter=No" not in misc, head))
        if tokens:
            sentences.append((newpar, tokens))
        fields = {"title": "", "text": ""}
        open_: dict[str, list[tuple[str, int, list[int]]]] = {}
        for si, (par, toks) in enumerate(sentences):
            field = "title" if si == 0 else "text"
            text = fields[field]
            if field == "text" and text:
                text += "\n\n" if par else " "
            offsets = []
            for form, _upos, _ent, space, _head in toks:
                offsets.append((len(text), len(text) + len(form)))
                text += form + (" " if space else "")
            text = text.rstrip(" ")
            fields[field] = text
            stack: dict[str, list[tuple[list[str], int]]] = {}
            for ti, (form, upos, ent, _, _head) in enumerate(toks):
                for m in _ENTITY.finditer(ent):
                    if m.group("open"):
                        parts = m.group("open").split("-", 7)
                        stack.setdefault(parts[0], []).append((parts, ti))
                        if m.group("closed"):
                            _close(stack, parts[0], ti, toks, offsets, text, field, doc_id, gold, titles)
                    else:
                        _close(stack, m.group("close"), ti, toks, offsets, text, field, doc_id, gold, titles)
        docs.append({"doc_id": doc_id, "title": fields["title"], "text": fields["text"]})
    documents = pd.DataFrame(docs, columns=["doc_id", "title", "text"])
    frame = pd.DataFrame(gold, columns=list(GOLD_COLUMNS)).astype({"start": "int64", "end": "int64",
                                                                   "name_start": "int64", "name_end": "int64",
                                                                   "pronoun": "bool"})
    # flat names: a name inside another name of the same field is left out
    named = frame[frame["name_start"] >= 0]
    inner = set()
    for (doc, field), g in named.groupby(["doc_id", "field"]):
        spans = list(zip(g.index, g["name_start"], g["name_end"]))
        for i, s, e in spans:
            if any(j != i and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for j, s2, e2 in spans):
                inner.add(i)
    frame.loc[list(inner), ["name_start", "name_end"]] = -1
    return documents, frame.reset_index(drop=True)


def _close(stack, eid, ti, toks, offsets, text, field, doc_id, gold, titles) -> None:
    if not stack.get(eid):
        return
    parts, first = stack[eid].pop()
    etype = parts[1] if len(parts) > 1 else ""
    minspan = parts[5] if len(parts) > 5 else ""
    start, end = offsets[first][0], offsets[ti][1]
    idx = [first + int(x) - 1 for x in minspan.split(",") if x.isdigit()] or list(range(first, ti + 1))
    idx = [i for i in idx if first <= i <= ti]
    propn = [i for i in idx if toks[i][1] == "PROPN"]
    name_start = name_end = -1
    if etype in _NAME_TYPES and propn:
        # the run of proper nouns (joined by of/for/the/de/&) around the mention's syntactic head where
        # that is a proper noun ("Matthew Ingram of The Globe and Mail" is named Matthew Ingram, "the
        # University of Sheffield of the UK" University of Sheffield), else around the minimal span's
        # last proper noun
        comma = next((i for i in range(min(propn), max(propn)) if toks[i][0] == ","), None)
        if comma is not None:
            propn = [i for i in propn if i < comma]  # "Houston, Texas": the place is Houston, Texas is its own
        head = next((i for i in range(first, ti + 1) if not first <= toks[i][4] <= ti), None)
        if head is None or toks[head][1] != "PROPN" or (etype == "person" and toks[head][0].lower() in titles):
            head = max(propn)  # (a person's head may be a title: "Secretary of State John Kerry")
        lo = hi = head
        joiners = _JOINERS if etype != "person" else frozenset()  # a person's name has no "of"
        def joins(i: int) -> bool:  # a joiner word, or a hyphen inside a word ("Jong-un", "Udvar-Hazy")
            return toks[i][0] in joiners or (toks[i][0] == "-" and not toks[i - 1][3] and not toks[i][3])

        while lo > first and (toks[lo - 1][1] == "PROPN" or (joins(lo - 1) and lo - 2 >= first
                                                            and toks[lo - 2][1] == "PROPN")):
            lo -= 1
        while hi < ti and (toks[hi + 1][1] == "PROPN" or (joins(hi + 1) and hi + 2 <= ti
                                                         and toks[hi + 2][1] == "PROPN")):
            hi += 1
        if etype == "person":  # "President Obama" -> "Obama"; not "Duke University" -> "University"
            lo = max((i + 1 for i in range(lo, hi) if toks[i][0].lower() in titles), default=lo)
        while lo < hi and toks[lo][0] in _JOINERS:
            lo += 1
        name_start, name_end = offsets[lo][0], offsets[hi][1]
    pronoun = first == ti and toks[ti][0].lower() in _PRONOUNS
    gold.append((doc_id, field, start, end, f"{doc_id}:{eid}", etype, text[start:end], name_start, name_end, pronoun))


def _predicted(documents: pd.DataFrame, found: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Entity rows with field ('title'/'text') and offsets in that field."""
    s = sentences[["doc_id", "sentence_id", "start", "section"]].rename(columns={"start": "s0"})
    out = found.merge(s, on=["doc_id", "sentence_id"], how="left")
    out["field"] = ["title" if sec == "headline" else "text" for sec in out["section"]]
    out["ds"] = out["s0"] + out["start"]
    out["de"] = out["s0"] + out["end"]
    return out


def score_entities(documents: pd.DataFrame, gold: pd.DataFrame, *, found: pd.DataFrame | None = None,
                   sentences: pd.DataFrame | None = None) -> dict[str, float]:
    """Typed F1, mention F1, merge precision/recall and pronoun accuracy of ``found`` (default:
    ``analysis.entities(documents, actors={"actors": []})``) against ``gold`` (:func:`read_gum`)."""
    import analysis as wb

    sentences = wb.sentences(documents) if sentences is None else sentences
    if found is None:
        found = wb.entities(documents, sentences=sentences, actors={"actors": []})
    pred = _predicted(documents, found, sentences)
    direct = pred[pred["via"] != "pronoun"]
    names = gold[gold["name_start"] >= 0]
    gold_typed = {(d, f, s, e, t) for d, f, s, e, t in zip(names["doc_id"], names["field"], names["name_start"],
                                                           names["name_end"], names["type"])}
    gold_spans = {k[:4] for k in gold_typed}
    typed = direct[direct["type"].isin(_NAME_TYPES)]
    pred_typed = {(d, f, s, e, t) for d, f, s, e, t in zip(typed["doc_id"], typed["field"], typed["ds"], typed["de"],
                                                           typed["type"])}
    pred_spans = {k[:4] for k in pred_typed}
    all_spans = {(d, f, s, e) for d, f, s, e in zip(direct["doc_id"], direct["field"], direct["ds"], direct["de"])}
    out: dict[str, float] = {}
    out.update(_prf("typed", len(pred_typed & gold_typed), len(pred_typed), len(gold_typed)))
    out.update(_prf("mention", len(pred_spans & gold_spans), len(pred_spans), len(gold_spans)))
    out["predicted_other"] = float(len(all_spans - pred_spans))
    # merge pairs: mentions matching a gold name exactly, written differently
    chain_of = {(d, f, s, e): c for d, f, s, e, c in zip(names["doc_id"], names["field"], names["name_start"],
                                                          names["name_end"], names["chain"])}
    matched = [(d, (f, s, e), c, eid, text) for d, f, s, e, eid, text in
               zip(direct["doc_id"], direct["field"], direct["ds"], direct["de"], direct["entity_id"], direct["text"])
               if (c := chain_of.get((d, f, s, e))) is not None]
    nested = _nested_names(gold)
    for suffix, rows in (("", [r for r in matched if (r[0], *r[1]) not in nested]), ("_all", matched)):
        tp, fp, fn = _pairs(rows)
        out[f"merge_precision{suffix}"], out[f"merge_recall{suffix}"], _ = precision_recall_f1(tp, fp, fn)
        out[f"merge_pairs{suffix}"] = float(tp + fp)
    # pronouns
    found_chains: dict[tuple[str, str], set[str]] = {}
    for d, _, c, eid, _ in matched:
        found_chains.setdefault((d, c), set()).add(eid)
    pron = gold[gold["pronoun"]]
    pron = pron[[(d, c) in found_chains for d, c in zip(pron["doc_id"], pron["chain"])]]
    rows = pred[pred["via"] == "pronoun"]
    resolved = {(d, f, s): eid for d, f, s, eid in zip(rows["doc_id"], rows["field"], rows["ds"], rows["entity_id"])}
    right = got = 0
    for d, f, s, c in zip(pron["doc_id"], pron["field"], pron["start"], pron["chain"]):
        eid = resolved.get((d, f, s))
        if eid is None:
            continue
        got += 1
        right += eid in found_chains[(d, c)]
    out["pronoun_accuracy"] = right / got if got else float("nan")
    out["pronoun_coverage"] = got / len(pron) if len(pron) else float("nan")
    out["pronouns"] = float(len(pron))
    out["documents"] = float(len(documents))
    out["words"] = float(sum(len(t.split()) for field in ("title", "text") for t in documents[field]))
    return out


def _nested_names(gold: pd.DataFrame) -> set[tuple[str, str, int, int]]:
    """Names (doc_id, field, start, end) lying inside a larger mention of another chain: modifiers in a
    compound ("Warhol" in "the Warhol Polaroids", "US" in "US Paralympics"), to which GUM gives chains of
    their own; left out of the merge scores (``merge_*_all`` keeps them)."""
    out = set()
    for (doc, field), g in gold.groupby(["doc_id", "field"]):
        spans = list(zip(g["start"], g["end"], g["chain"]))
        names = g[g["name_start"] >= 0]
        for s, e, c in zip(names["name_start"], names["name_end"], names["chain"]):
            if any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) and c2 != c for s2, e2, c2 in spans):
                out.add((doc, field, int(s), int(e)))
    return out


def _pairs(rows: list[tuple]) -> tuple[int, int, int]:
    """(true, false, missed) merges over pairs of differently written mentions in one document."""
    tp = fp = fn = 0
    by_doc: dict[str, list] = {}
    for row in rows:
        by_doc.setdefault(row[0], []).append(row)
    for group in by_doc.values():
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                a, b = group[i], group[j]
                if a[4] == b[4]:
                    continue
                same_pred, same_gold = a[3] == b[3], a[2] == b[2]
                tp += same_pred and same_gold
                fp += same_pred and not same_gold
                fn += same_gold and not same_pred
    return tp, fp, fn


def _prf(name: str, tp: int, npred: int, ngold: int) -> dict[str, float]:
    p, r, f = precision_recall_f1(tp, npred - tp, ngold - tp)
    return {f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f}
