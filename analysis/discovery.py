"""Actor discovery: capitalised names the lexicon does not cover yet, as ready-to-paste YAML.

Rules (word lists in ``lexicons/discovery.yml``, matched case-insensitively):

1. A *name* is a run of capitalised tokens separated by single spaces on one line ("House Democrats",
   "Bezalel Smotrich", "Ben-Gvir", "U.S."), possibly joined by "of" or a name particle (bin, al, el,
   de, van, von, ...; these may also start a name: "de Blasio"). Punctuation (a comma, a possessive
   "'s") ends a run; a title abbreviation keeps its full stop ("Sen. Elizabeth Warren"). A token with a
   lower-case part after a hyphen ("Obama-era", "U.S.-led") is an adjective, and a US party tag
   ("D-N.Y.") is no name. Text already matched by the lexicon (aliases and titles, as in
   ``actor_mentions``) is not a name.
2. Not names: ``stop_words`` (sentence-initial function words such as Meanwhile, However, Despite,
   Amid, As, On, In, The; pronouns and their contractions, "I'm"; days and months); single letters; demonyms used as adjectives
   (``demonyms``, or a word ending in -ian/-ean/-ese/-ish followed by a lower-case word: "Israeli
   troops"). A run is split at a stop word.
3. A single capitalised word that starts a sentence (or a quotation, or a line) is a name only if
   the same word is also capitalised somewhere not at a sentence start in the documents searched.
4. Title-case sentences (headline style: at least 4 words, every lower-case word a stop word, as in
   "Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive") are skipped.
5. Titles are split off into a suggested title: a title inside the run ("Israeli Prime Minister
   Benjamin Netanyahu" -> title "israeli prime minister", name "Benjamin Netanyahu") or written in
   lower case right before it ("national security minister Itamar Ben-Gvir", "CIA director Bill
   Burns" -> "cia director"), with up to three words of origin before an in-run title ("Democratic
   New York Rep." -> "democratic new york rep."). A title alone ("President", "Israeli Prime Minister") is no name.
6. Forms are merged into one candidate: the same name with and without full stops ("U.S."/"US"),
   and a name that ends exactly one longer person name ("Netanyahu" into "Benjamin Netanyahu",
   "de Blasio" into "Bill de Blasio").
7. Suggested type, first rule that applies: a title was seen -> person; a country name -> country;
   an acronym -> organization; last word an organization suffix (Council, Ministry, ...) ->
   organization; last word a group word (Democrats, Palestinians, ...) -> group; an organization
   word followed by "of" ("Ministry of Health") -> organization; a place, or last
   word a place or a place suffix (Strip, East, ...) -> other; first word a common first name
   (``first_names``) -> person; two or three capitalised words whose last word is also used alone as
   a name in the documents ("Sinwar" beside "Yahya Sinwar") -> person; else other.
   These are suggestions to check, not classifications.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.actors import ActorLexicon, actor_mentions, load_actors
from analysis.text import sentences_of
from analysis.errors import LexiconError
from analysis.lexicon_io import read_yaml

__all__ = ["discover_actors", "discovery_yaml", "DISCOVERY_COLUMNS", "name_runs"]

DEFAULT_DISCOVERY = Path(__file__).resolve().parent / "lexicons" / "discovery.yml"

#: The candidates table of :func:`discover_actors`: one row per candidate actor.
DISCOVERY_COLUMNS: dict[str, str] = {
    "name": "the suggested display name (the most frequent full form)",
    "suggested_id": "a lower-case id, unique against the lexicon and the other candidates",
    "type": "suggested type: person, organization, country, group or other",
    "aliases": "the forms seen, most frequent first (list of str)",
    "titles": "titles seen with the name, lower-case (list of str)",
    "count": "occurrences over all forms",
    "documents": "documents it occurs in",
    "doc_id": "the document of the first occurrence",
    "sentence_id": "the sentence of the first occurrence",
    "example": "that sentence's text",
    "yaml": "the entry as actors.yml text, ready to paste under 'actors:'",
}

_PARTICLES = frozenset("of bin ibn al el de del der van von da du la le abu".split())
_OPENING = "\"'“‘([«"
_TRAILING = ",;:!?)]\"”’'»…"
_POSSESSIVE = re.compile(r"['’]s?$")
_NAMEY = re.compile(r"^(?:[a-z]{1,3}-)?[A-Z][\w'’.\-]*$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,}$|^(?:[A-Z]\.)+[A-Z]$")
_PARTY = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
_DEMONYM_SUFFIX = re.compile(r"(?:ian|ean|ese|ish)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    stop: frozenset[str]
    titles: tuple[tuple[str, ...], ...]
    title_heads: frozenset[str]
    demonyms: frozenset[str]
    countries: frozenset[str]
    org: frozenset[str]
    group: frozenset[str]
    place: frozenset[str]
    places: frozenset[str]
    first_names: frozenset[str]
    abbreviations: frozenset[str]


@functools.lru_cache(maxsize=1)
def _default_words() -> _Words:
    doc = read_yaml(DEFAULT_DISCOVERY)
    lists = {}
    for key in ("stop_words", "titles", "demonyms", "countries", "organization_suffixes", "group_words",
                "place_suffixes", "places", "first_names"):
        value = doc.data.get(key) if isinstance(doc.data, Mapping) else None
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise LexiconError(f"{doc.where(key)}: field {key!r}: give a list of words (quote yes/no/on/off)")
        lists[key] = [v.strip().lower() for v in value]
    titles = tuple(sorted({tuple(t.split()) for t in lists["titles"]}, key=len, reverse=True))
    return _Words(stop=frozenset(lists["stop_words"]), titles=titles,
                  title_heads=frozenset(t[-1] for t in titles), demonyms=frozenset(lists["demonyms"]),
                  countries=frozenset(lists["countries"]), org=frozenset(lists["organization_suffixes"]),
                  group=frozenset(lists["group_words"]), place=frozenset(lists["place_suffixes"]),
                  places=frozenset(lists["places"]), first_names=frozenset(lists["first_names"]),
                  abbreviations=frozenset(t for t in lists["titles"] if t.endswith(".") and " " not in t))


@dataclass
class _Token:
    start: int
    end: int
    core: str          # without opening/closing punctuation and possessive
    initial: bool      # first word of the sentence, of a line or of a quotation
    breaks: bool       # punctuation or a possessive after it ends a name run


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    prev_end = 0
    for m in re.finditer(r"\S+", text):
        raw, s, e = m.group(), m.start(), m.end()
        lead = len(raw) - len(raw.lstrip(_OPENING))
        core = raw[lead:]
        stripped = core.rstrip(_TRAILING)
        breaks = stripped != core
        poss = _POSSESSIVE.search(stripped)
        if poss and stripped[:poss.start()][-1:].isalpha() and _NAMEY.match(stripped):
            stripped, breaks = stripped[:poss.start()], True
        if stripped.endswith(".") and not (_ACRONYM.match(stripped) or re.fullmatch(r"[A-Z]\.", stripped)
                                           or stripped.lower() in _default_words().abbreviations):
            stripped, breaks = stripped.rstrip("."), True
        initial = not out or "\n" in text[prev_end:s] or lead > 0 or text[prev_end - 1:prev_end] == ":"
        start = s + lead
        out.append(_Token(start, start + len(stripped), stripped, initial, breaks))
        prev_end = e
    return out


def _is_title_case(tokens: list[_Token]) -> bool:
    """Headline style: 4+ words, and every lower-case word is a stop word ("to", "on")."""
    words = [t.core for t in tokens if re.search(r"[A-Za-z]", t.core)]
    if len(words) < 4:
        return False
    stop = _default_words().stop
    return all(w[:1].isupper() or w.lower() in stop for w in words)


def _namey(tok: _Token) -> bool:
    """A capitalised token that can be part of a name: not "Obama-era"/"U.S.-led" (a lower-case part
    after a hyphen makes an adjective), not a party tag such as "D-N.Y."."""
    core = tok.core
    if not core or not _NAMEY.match(core) or _PARTY.match(core):
        return False
    return "-" not in core or core.rsplit("-", 1)[1][:1].isupper()


def name_runs(text: str, *, masked: list[tuple[int, int]] | None = None) -> list[list[_Token]]:
    """Runs of capitalised tokens in one sentence (rule 1), before the stop-word and title rules.

    ``masked``: (start, end) spans to leave out (text the lexicon already matches).
    """
    words = _default_words()
    toks = _tokens(text)
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    masked = masked or []
    for k, tok in enumerate(toks):
        hidden = any(s < tok.end and tok.start < e for s, e in masked)
        newline = k > 0 and "\n" in text[toks[k - 1].end:tok.start]
        # a particle inside a name ("Ministry of Health"), or starting one ("de Blasio", not "of")
        connector = (tok.core in _PARTICLES and k + 1 < len(toks) and _namey(toks[k + 1]) and not hidden
                     and not tok.breaks and (bool(run) and not run[-1].breaks or (tok.core != "of" and not tok.initial)))
        if run and (newline or run[-1].breaks or tok.start - run[-1].end != 1 and not connector):
            runs.append(run)
            run = []
        if hidden or not (_namey(tok) or connector):
            if run:
                runs.append(run)
            run = []
            continue
        run.append(tok)
    if run:
        runs.append(run)
    out = []
    for run in runs:
        # split at capitalised stop words ("The", "On", "I'm"); drop "of" at the edges, particles at the end
        piece: list[_Token] = []
        for tok in run:
            low = re.split(r"['’]", tok.core.lower())[0]
            if tok.core[:1].isupper() and low in words.stop and not _ACRONYM.match(tok.core):
                if piece:
                    out.append(piece)
                piece = []
                continue
            piece.append(tok)
        if piece:
            out.append(piece)
    cleaned = []
    for run in out:
        while run and run[0].core == "of":
            run = run[1:]
        while run and run[-1].core in _PARTICLES:
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


def _split_title(run: list[_Token], before: list[_Token], text: str) -> tuple[list[_Token], str | None]:
    """(name tokens, title) by rule 5."""
    words = _default_words()
    lows = [t.core.lower() for t in run]
    best = None
    for i in range(len(run) - 1):
        for phrase in words.titles:
            n = len(phrase)
            if tuple(lows[i:i + n]) == phrase and i + n < len(run):
                if best is None or i + n > best:
                    best = i + n
    if best is not None:
        # the title phrase and up to three words of origin before it ("democratic new york rep.")
        phrase_start = max(i for i in range(best) for p in words.titles
                           if tuple(lows[i:best]) == p)
        return run[best:], " ".join(lows[max(0, phrase_start - 3):best])
    # a lower-case title written right before the run
    taken: list[str] = []
    for tok in reversed(before):
        if tok.breaks or len(taken) == 3:
            break
        low = tok.core.lower()
        if _ACRONYM.match(tok.core) and taken:
            taken.insert(0, low)
            break
        if not tok.core.islower() or low in words.stop:
            break
        taken.insert(0, low)
    if taken and taken[-1] in words.title_heads:
        if any(len(p) <= len(taken) and tuple(taken[-len(p):]) == p for p in words.titles):
            return run, " ".join(taken)
    return run, None


def _only_title(run: list[_Token]) -> bool:
    """A run that ends in a title with nothing but an origin before it ("Israeli Prime Minister",
    "U.S. President", "President") is a title, not a name."""
    words = _default_words()
    lows = [t.core.lower() for t in run]
    for phrase in words.titles:
        n = len(phrase)
        if tuple(lows[-n:]) == phrase:
            head = run[:-n]
            return all(t.core.lower() in words.demonyms or t.core.lower() in words.countries
                       or _ACRONYM.match(t.core) for t in head)
    return False


def _demonym_adjective(run: list[_Token], after: _Token | None) -> bool:
    words = _default_words()
    if len(run) != 1:
        return False
    low = run[0].core.lower()
    followed = after is not None and after.core[:1].islower() and not run[0].breaks
    return low in words.demonyms or (bool(_DEMONYM_SUFFIX.search(low)) and followed)


def _suggest_type(name: str, titles: list[str], surnames: frozenset[str] = frozenset()) -> str:
    """Rule 7. ``surnames``: single words used alone as names in the corpus."""
    words = _default_words()
    parts = name.split()
    low = name.lower()
    last = parts[-1].lower()
    if titles:
        return "person"
    if low in words.countries:
        return "country"
    if low in words.places:
        return "other"
    if _ACRONYM.match(name):
        return "organization"
    if last in words.org:
        return "organization"
    if last in words.group:
        return "group"
    if any(a.lower() in words.org and b == "of" for a, b in zip(parts, parts[1:])):
        return "organization"  # "Ministry of Health", "Department of State"
    if last in words.place or last in words.places or low in words.places or last in words.countries:
        return "other"
    if len(parts) > 1 and parts[0].lower() in words.first_names:
        return "person"
    if 2 <= len(parts) <= 3 and parts[-1] in surnames and all(p[:1].isupper() for p in parts[1:]):
        return "person"
    return "other"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower().replace(".", "")).strip("_") or "actor"


def discover_actors(documents: pd.DataFrame, actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None,
                    *, sentences: pd.DataFrame | None = None, min_count: int = 1) -> pd.DataFrame:
    """Candidate actors: capitalised names in ``documents`` that the lexicon ``actors`` does not
    match yet (None = the default lexicon; pass ``{"actors": []}`` to start from nothing).

    The rules are in this module's docstring. ``min_count``: keep candidates seen at least that often.
    Output columns: name, suggested_id, type, aliases, titles, count, documents, doc_id,
    sentence_id, example, yaml — most frequent first. :func:`discovery_yaml` joins the ``yaml``
    column into one block to paste into a lexicon file.
    """
    lexicon = load_actors(actors)
    sents = sentences_of(documents, sentences, needs=("doc_id", "sentence_id", "section", "text"))
    known = actor_mentions(documents, lexicon, sentences=sents, pronouns=False)
    masks: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for d, s, a, b in zip(known["doc_id"].astype("str"), known["sentence_id"], known["start"], known["end"]):
        masks.setdefault((d, int(s)), []).append((int(a), int(b)))
    rows = list(zip(sents["doc_id"].astype("str"), sents["sentence_id"].astype("int64"), sents["text"]))
    # pass 1: runs, and the words capitalised away from a sentence start (rule 3)
    found = []
    mid_caps: set[str] = set()
    for doc_id, sid, text in rows:
        if not isinstance(text, str) or not text.strip():
            continue
        toks = _tokens(text)
        if _is_title_case(toks):
            continue
        runs = name_runs(text, masked=masks.get((doc_id, int(sid))))
        for run in runs:
            for tok in run:
                if not tok.initial:
                    mid_caps.add(tok.core)
        found.append((doc_id, int(sid), text, toks, runs))
    # pass 2: names and titles
    occ: list[tuple[str, str | None, str, int, str]] = []
    for doc_id, sid, text, toks, runs in found:
        for run in runs:
            if len(run) == 1 and (len(run[0].core) < 2 or (run[0].initial and run[0].core not in mid_caps)):
                continue
            k = next(i for i, t in enumerate(toks) if t.start == run[0].start)
            last = next(i for i, t in enumerate(toks) if t.start == run[-1].start)
            after = toks[last + 1] if last + 1 < len(toks) else None
            if _demonym_adjective(run, after):
                continue
            if _only_title(run):
                continue
            name_toks, title = _split_title(run, toks[:k], text)
            if not name_toks or (len(name_toks) == 1 and len(name_toks[0].core) < 2):
                continue
            if len(name_toks) == 1 and _demonym_adjective(name_toks, after):
                continue
            name = text[name_toks[0].start:name_toks[-1].end]
            occ.append((name, title, doc_id, sid, text))
    cols = list(DISCOVERY_COLUMNS)
    if not occ:
        return pd.DataFrame({c: [] for c in cols})
    return _candidates(occ, lexicon, min_count)[cols]


def _candidates(occ: list[tuple[str, str | None, str, int, str]], lexicon: ActorLexicon, min_count: int
                ) -> pd.DataFrame:
    # group forms: same name without full stops
    key_of = {name: name.replace(".", "") for name, *_ in occ}
    groups: dict[str, list[int]] = {}
    for i, (name, *_rest) in enumerate(occ):
        groups.setdefault(key_of[name], []).append(i)
    # a single word that is the last word of exactly one multi-word person name joins it (rule 6)
    def titles_of(idx: list[int]) -> list[str]:
        return [occ[i][1] for i in idx if occ[i][1]]

    surnames = frozenset(occ[v[0]][0] for k, v in groups.items() if len(k.split()) == 1)
    multi = {k: v for k, v in groups.items() if len(k.split()) > 1
             and _suggest_type(occ[v[0]][0], titles_of(v), surnames) == "person"}
    for key in [k for k in groups if k not in multi]:
        owners = [m for m in multi if m.endswith(" " + key)]
        if len(owners) == 1 and not _ACRONYM.match(occ[groups[key][0]][0]):
            groups[owners[0]].extend(groups.pop(key))
    used_ids = set(lexicon.actors["actor_id"])
    out: dict[str, list] = {c: [] for c in DISCOVERY_COLUMNS}
    ordered = sorted(groups.values(), key=lambda idx: (-len(idx), min(idx)))
    for idx in ordered:
        if len(idx) < min_count:
            continue
        idx = sorted(idx)
        forms = Counter(occ[i][0] for i in idx)
        multiword = [f for f in forms if len(f.split()) > 1]
        name = max(multiword or forms, key=lambda f: (forms[f], len(f)))
        aliases = sorted(forms, key=lambda f: (-forms[f], -len(f), f))
        titles = [t for t, _ in Counter(titles_of(idx)).most_common()]
        kind = _suggest_type(name, titles, surnames)
        base = _slug(name.split()[-1] if kind == "person" else name)
        sid, n = base, 2
        while sid in used_ids:
            sid, n = f"{base}_{n}", n + 1
        used_ids.add(sid)
        first = occ[idx[0]]
        entry: dict[str, Any] = {"id": sid, "name": name, "type": kind, "aliases": aliases}
        if titles:
            entry["titles"] = titles
        block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)
        out["name"].append(name)
        out["suggested_id"].append(sid)
        out["type"].append(kind)
        out["aliases"].append(aliases)
        out["titles"].append(titles)
        out["count"].append(len(idx))
        out["documents"].append(len({occ[i][2] for i in idx}))
        out["doc_id"].append(first[2])
        out["sentence_id"].append(first[3])
        out["example"].append(first[4])
        out["yaml"].append(block)
    frame = pd.DataFrame(out)
    return frame.astype({"count": "int64", "documents": "int64", "sentence_id": "int64"})


def discovery_yaml(candidates: pd.DataFrame) -> str:
    """The ``yaml`` column of :func:`discover_actors` as one ``actors:`` block (a lexicon file)."""
    lines = ["actors:"]
    for block in candidates["yaml"]:
        lines.extend("  " + line if line else line for line in block.rstrip("\n").split("\n"))
    return "\n".join(lines) + "\n"
