"""Actors: the lexicon, mentions in sentences, prominence, aggregates (mentions_by) and co-occurrence.

The lexicon format and the matching rules are docs/design.md's ("Lexicon formats"); in short:

* aliases match **case-sensitively on word edges**: no letter or digit directly before or after the
  match ("U.S." matches in "the U.S., Israel's" and at a sentence end; "Israel" never inside "Israeli");
* a possessive ("Netanyahu's", "Netanyahu’s") is a mention (the apostrophe is a word edge);
* where candidates overlap, the **leftmost-longest** wins and each character belongs to at most one
  mention ("U.S. President Joe Biden" is one Biden mention when that alias exists, not also a U.S. one);
* ``titles`` match **case-insensitively** and count only in documents where one of that actor's
  aliases also appears. Workbench choices on top of docs/design.md, documented in lexicons/README.md:
  names come first — aliases are resolved leftmost-longest among themselves, and titles only fill
  the gaps between them (a title never hides a name: "CIA director Bill Burns" keeps its CIA
  mention); a title written directly before a name ("Prime Minister Benjamin Netanyahu") is part of
  that name, not a second mention — also when that name is not in the lexicon: a title directly before
  a different name belongs to that name ("President Obama", "former President Bill Clinton" are no
  mentions of an actor with the title "president"); a title several present actors share ("president") goes to the
  one whose alias was mentioned most recently before it (else the next one after it);
* an alias of a place (a lexicon actor of type place) directly before capitalised words that end in an
  organisation word ("Jackson High School", "Jackson Unified School District" for the town Jackson) is
  no mention: the name is an institution's, named after the place; a country's stays one ("U.S. Army",
  "US Environmental Protection Agency": the state's own bodies, which a country actor stands for);
* pronouns: a sentence-initial "He"/"She", and "he"/"she" directly before a finite cue verb
  ("he added", "she said", "he also said") anywhere in a sentence, outside quotation marks (inside,
  the speaker talks about someone: '"He is not a cheat," Brandt said'), resolve to the most recent person
  actor of matching gender (persons without a stated gender match both). Possessive mentions
  ("Biden's warning") are passed over while a non-possessive one exists. These rows have
  ``via == "pronoun"``; counts and aggregates use ``via`` alias and title only unless asked.

Matching cost per character does not grow with the lexicon: one Aho-Corasick automaton
(pyahocorasick) over all aliases (case-sensitive) and one over the lower-cased titles, run once per
document over its sentences joined; the candidates are then filtered for word edges (within each
sentence) and resolved leftmost-longest.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np
import pandas as pd

from analysis.deprecation import deprecated_alias, renamed_keywords
from analysis.text import sentences_of
from analysis.corpus.keys import join_document_keys
from analysis.errors import InputError, LexiconError, require_columns, require_table
from analysis.lexicon_io import (Field, ListSchema, Problem, YamlDoc, choice, content_hash, entry_list, item_list,
                                 lexicon_id, loaded_lexicon, optional_text, read_yaml, required_text, shipped_lexicon,
                                 validate_entry)
from analysis.schema import MENTION_COLUMNS, SECTION_BODY, SECTION_HEADLINE, SECTION_STANDFIRST, output_columns

__all__ = [
    "ActorLexicon",
    "ACTOR_TYPES",
    "MENTION_COLUMNS",
    "DEFAULT_ACTORS",
    "load_actors",
    "match_aliases",
    "mentions",
    "prominence",
    "mentions_by",
    "actor_ranking",
    "cooccurrence",
]

DEFAULT_ACTORS = Path(__file__).resolve().parent / "lexicons" / "actors.yml"
ACTOR_TYPES = ("person", "organization", "country", "place", "group", "other")
GENDERS = ("male", "female", "nonbinary", "unknown")
_TOP_FIELDS = ("actors", "lexicon", "version", "source", "notes", "description")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")


#: ``via`` values that are direct mentions (used by counts and aggregates unless asked otherwise).
DIRECT_VIA = ("alias", "title")

_SENTENCE_NEEDS = ("doc_id", "sentence_id", "section", "text")


# --------------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, eq=False)
class ActorLexicon:
    """A validated actor lexicon.

    ``actors``: one row per actor — actor_id, name, type, group (or NA), gender (or NA), aliases
    (list[str]), titles (list[str]). ``aliases``: one row per matchable term — term, actor_id, kind
    ('alias' or 'title'; titles lower-cased). ``source``: the file it came from (or '<mapping>');
    ``sha256``: a hash of the normalised content, for provenance (same content, same hash).
    The automata used for matching are built on first use and kept on the object (``matcher``).
    """

    actors: pd.DataFrame
    aliases: pd.DataFrame
    source: str
    sha256: str

    def __len__(self) -> int:
        return len(self.actors)

    def __repr__(self) -> str:
        return (f"ActorLexicon({len(self.actors)} actors, {int((self.aliases['kind'] == 'alias').sum())} "
                f"aliases, source={self.source!r}, sha256={self.sha256[:12]}...)")

    @functools.cached_property
    def matcher(self) -> _Matcher:
        """The Aho-Corasick automata and lookup arrays (built once per lexicon object)."""
        return _Matcher.build(self)

    def to_yaml(self) -> str:
        """The lexicon in the actors.yml format (round-trips through :func:`load_actors`)."""
        import yaml

        entries = []
        for row in self.actors.itertuples(index=False):
            entry: dict[str, Any] = {"id": row.actor_id, "name": row.name, "type": row.type}
            if isinstance(row.group, str):
                entry["group"] = row.group
            if isinstance(row.gender, str):
                entry["gender"] = row.gender
            entry["aliases"] = list(row.aliases)
            if len(row.titles):
                entry["titles"] = list(row.titles)
            entries.append(entry)
        return yaml.safe_dump({"actors": entries}, sort_keys=False, allow_unicode=True, width=110)


def load_actors(source: str | Path | Mapping[str, Any] | ActorLexicon | None = None) -> ActorLexicon:
    """Load and validate an actor lexicon (docs/design.md format).

    ``source``: a YAML path, an already-parsed mapping ``{"actors": [...]}``, an ActorLexicon
    (returned as is), an :class:`analysis.Analysis` (the lexicon it was made with), or None for the
    installed default ``analysis/lexicons/actors.yml``.

    Entry fields: ``id`` (unique, lower-case, no spaces), ``name`` (display name), ``type``
    (person | organization | country | place | group | other: a place is any other place, a town, a
    street, a building; the British "organisation" is read as "organization"), optional ``group`` (roll-up label),
    ``aliases`` (list; the name alone when omitted), ``titles`` (matched case-insensitively),
    ``gender`` (male | female | nonbinary | unknown; used for pronouns), ``notes``/``wikidata``/
    ``description`` (kept in the file, ignored here).

    Raises LexiconError naming the file, the line, the entry (number and id) and the field for:
    malformed YAML, a missing ``actors`` list, an unknown field, a missing or non-lower-case id, a
    duplicate id, a missing name, an unknown type or gender, an empty alias or title, and an alias
    claimed by two actors.
    """
    if source is None:
        return shipped_lexicon(_build_lexicon, DEFAULT_ACTORS)
    loaded = loaded_lexicon(source, kind=ActorLexicon, attribute="actors", missing=(
        "this analysis does not record its actor lexicon (it was saved by an older version); "
        "pass the lexicon it was made with, actors=<path or load_actors(...)>"))
    return loaded if loaded is not None else _build_lexicon(read_yaml(source))


def _build_lexicon(doc: YamlDoc) -> ActorLexicon:
    raw = entry_list(doc, ACTORS_FILE)
    entries = [_validate_entry(doc, i, entry) for i, entry in enumerate(raw)]

    seen_ids: dict[str, int] = {}
    alias_owner: dict[str, int] = {}
    for i, entry in enumerate(entries):
        label = ACTORS_FILE.label(i, entry)
        if entry["id"] in seen_ids:
            j = seen_ids[entry["id"]]
            raise LexiconError(
                f"{doc.where('actors', i, 'id')}: {label}, field 'id': duplicate id {entry['id']!r}, "
                f"already used by entry {j + 1}{doc.line_note('actors', j, 'id')}; give each actor "
                "its own id, or merge the two entries")
        seen_ids[entry["id"]] = i
        for alias in entry["aliases"]:
            if alias in alias_owner and alias_owner[alias] != i:
                j = alias_owner[alias]
                line = doc.line("actors", j, "aliases")  # None for a mapping: no line to name
                raise LexiconError(
                    f"{doc.where('actors', i, 'aliases')}: {label}, field 'aliases': alias {alias!r} is "
                    f"also claimed by entry {j + 1} (id {entries[j]['id']!r}{'' if line is None else f', line {line}'}"
                    "); an alias must name one actor: remove it from "
                    "one of them (use 'titles' for words several actors share)")
            alias_owner[alias] = i

    actors = pd.DataFrame({
        "actor_id": [e["id"] for e in entries],
        "name": [e["name"] for e in entries],
        "type": [e["type"] for e in entries],
        "group": pd.array([e["group"] for e in entries], dtype="str"),
        "gender": pd.array([e["gender"] for e in entries], dtype="str"),
        "aliases": [list(e["aliases"]) for e in entries],
        "titles": [list(e["titles"]) for e in entries],
    })
    terms, owners, kinds = [], [], []
    for e in entries:
        for a in e["aliases"]:
            terms.append(a), owners.append(e["id"]), kinds.append("alias")
        for t in e["titles"]:
            terms.append(t), owners.append(e["id"]), kinds.append("title")
    aliases = pd.DataFrame({"term": pd.array(terms, dtype="str"), "actor_id": pd.array(owners, dtype="str"),
                            "kind": pd.array(kinds, dtype="str")})
    return ActorLexicon(actors=actors, aliases=aliases, source=doc.name, sha256=content_hash(entries))


def _validate_entry(doc: YamlDoc, i: int, entry: object) -> dict[str, Any]:
    values = validate_entry(doc, ACTORS_FILE, i, entry)
    titles = [t.lower() for t in values["titles"] or []]
    return {**values, "aliases": values["aliases"] or [values["name"]], "titles": list(dict.fromkeys(titles))}


def _terms(field: str) -> Callable[[Any], list[str] | None]:
    """The check of an alias or title list: None when absent (the caller's default), else the
    stripped terms, each once."""
    one = "alias" if field == "aliases" else "title"

    def check(value: Any) -> list[str] | None:
        if value is None:
            return None
        out: list[str] = []
        for k, term in enumerate(item_list(value, example="Netanyahu, Benjamin Netanyahu")):
            if isinstance(term, bool):
                raise Problem(f"item {k + 1} was read by YAML as {str(term).lower()}; put it in quotes "
                              "(e.g. \"NO\", \"On\")")
            if isinstance(term, (int, float)):
                term = str(term)
            if not isinstance(term, str) or not term.strip():
                raise Problem(f"item {k + 1} is empty; remove it or write the {one} "
                              "(quote it if it starts with a YAML special character)")
            term = term.strip()
            if term not in out:
                out.append(term)
        if not out and field == "aliases":
            raise Problem("is an empty list; give at least one alias, or leave the field out to use the name")
        return out
    return check


#: Spellings of a type that name one of :data:`ACTOR_TYPES`: the British "organisation" (as the README
#: and the reports write it) is "organization".
TYPE_SPELLINGS = {"organisation": "organization"}


def _actor_type(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``check`` (the type's choice) of the value, a spelling of :data:`TYPE_SPELLINGS` read as the type
    it names."""
    def read(value: Any) -> Any:
        return check(TYPE_SPELLINGS.get(value, value) if isinstance(value, str) else value)
    return read


#: The actors.yml format, as data (validated by :func:`analysis.lexicon_io.validate_entry`).
ACTORS_FILE = ListSchema(
    key="actors", kind="lexicon", items="entries", noun="actors entry", label_key="id", top=_TOP_FIELDS,
    start="'actors:' followed by a list of entries",
    entry_hint="'- id: ...' followed by 'name:', 'type:' and 'aliases:' lines",
    fields={
        "id": Field(lexicon_id(_ID, example="netanyahu", allowed="lower-case letters, digits, '_', '-' or '.'",
                               pattern_example="house_democrats")),
        "name": Field(required_text("give the display name, e.g. 'Benjamin Netanyahu'")),
        "type": Field(_actor_type(choice(ACTOR_TYPES, "{value!r} is not a known type; use one of {bars}"))),
        "group": Field(optional_text("must be a non-empty text such as 'Israel', or left out")),
        "aliases": Field(_terms("aliases")),
        "titles": Field(_terms("titles")),
        "gender": Field(choice(GENDERS, "{value!r} is not one of {options}; or leave the field out",
                                optional=True)),
        "notes": Field(), "wikidata": Field(), "description": Field(),
    },
)


# ------------------------------------------------------------------------------------- matching


def _lower_same_length(text: str) -> str:
    """``text.lower()`` keeping one character per character, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _edge_ok(text: str, start: int, end: int) -> bool:
    """No letter or digit directly before ``start`` or at ``end``."""
    return not ((start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()))


#: Joins the sentences of a document so that each automaton and pattern runs once per document.
#: Not a letter, digit, space or "-": no match runs over it, and word edges see it as a text's end.
_SEP = "\x00"


def _offsets(texts: Sequence[str]) -> list[int]:
    """Where each of ``texts`` starts in ``_SEP.join(texts)``."""
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    return starts


def _occurrences(automaton: Any, texts: Sequence[str], searched: Sequence[str]) -> Iterator[tuple[int, int, int, Any]]:
    """(text position, start, end, value) of every occurrence of a word of ``automaton`` (values
    (length, ...)) in ``searched`` (the texts as searched, same lengths as ``texts``) on word edges
    in ``texts``: one pass over the texts joined, each occurrence within one text."""
    starts = _offsets(texts)
    for last, value in automaton.iter(_SEP.join(searched)):
        start = last + 1 - value[0]
        k = bisect_right(starts, start) - 1
        s, e = start - starts[k], last + 1 - starts[k]
        if e <= len(texts[k]) and _edge_ok(texts[k], s, e):
            yield k, s, e, value


@dataclass(frozen=True)
class _Matcher:
    aliases: Any                 # Automaton over aliases: value (length, actor index, alias)
    titles: Any                  # Automaton over lower-cased titles: value (length, actor indices, title)
    n_titles: int
    actor_ids: list[str]
    names: list[str]
    is_person: np.ndarray
    gender: list[object]
    is_place: np.ndarray | None = None  # actors of type place (not country): see _institution_follows

    @classmethod
    def build(cls, lexicon: ActorLexicon) -> _Matcher:
        index = {a: k for k, a in enumerate(lexicon.actors["actor_id"])}
        aliases = ahocorasick.Automaton()
        title_owners: dict[str, list[int]] = {}
        for term, actor_id, kind in zip(lexicon.aliases["term"], lexicon.aliases["actor_id"],
                                        lexicon.aliases["kind"]):
            if kind == "alias":
                aliases.add_word(term, (len(term), index[actor_id], term))
            else:
                title_owners.setdefault(term, []).append(index[actor_id])
        titles = ahocorasick.Automaton()
        for term, owners in title_owners.items():
            titles.add_word(term, (len(term), tuple(owners), term))
        if len(aliases):
            aliases.make_automaton()
        if len(titles):
            titles.make_automaton()
        return cls(aliases=aliases, titles=titles, n_titles=len(title_owners),
                   actor_ids=list(lexicon.actors["actor_id"]), names=list(lexicon.actors["name"]),
                   is_person=(lexicon.actors["type"] == "person").to_numpy(),
                   gender=list(lexicon.actors["gender"]),
                   is_place=(lexicon.actors["type"] == "place").to_numpy())

    def alias_candidates(self, texts: Sequence[str]) -> list[list[tuple[int, int, int, int]]]:
        """Per text: (start, end, actor index, rank 0) for every alias occurrence on word edges."""
        out: list[list[tuple[int, int, int, int]]] = [[] for _ in texts]
        if len(self.aliases):
            for k, start, end, (_, actor, _) in _occurrences(self.aliases, texts, texts):
                out[k].append((start, end, actor, 0))
        return out

    def title_candidates(self, texts: Sequence[str]) -> list[list[tuple[int, int, tuple[int, ...]]]]:
        """Per text: (start, end, owner actor indices) for every title occurrence (any case) on word edges."""
        out: list[list[tuple[int, int, tuple[int, ...]]]] = [[] for _ in texts]
        if self.n_titles:
            lowered = [_lower_same_length(text) for text in texts]
            for k, start, end, (_, owners, _) in _occurrences(self.titles, texts, lowered):
                out[k].append((start, end, owners))
        return out


def _leftmost_longest(cands: list[tuple]) -> list[tuple]:
    """Keep non-overlapping candidates: leftmost first, the longest at a start, aliases before titles."""
    cands = sorted(cands, key=lambda c: (c[0], c[0] - c[1], c[3]))
    kept, reach = [], 0
    for c in cands:
        if c[0] >= reach:
            kept.append(c)
            reach = c[1]
    return kept


def match_aliases(text: str, actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None
                  ) -> list[tuple[int, int, str, str]]:
    """Alias mentions in one string, by docs/design.md's rules (word edges, leftmost-longest).

    Returns a list of (start, end, actor_id, alias) — titles and pronouns need a document context
    and are handled by :func:`mentions`.
    """
    m = load_actors(actors).matcher
    return [(s, e, m.actor_ids[a], text[s:e]) for s, e, a, _ in _leftmost_longest(m.alias_candidates([text])[0])]


def _is_possessive(text: str, end: int) -> bool:
    nxt = text[end:end + 1]
    if nxt not in ("'", "\u2019"):
        return False
    if text[end:end + 2][1:] == "s" and not text[end + 2:end + 3].isalnum():
        return True
    return text[end - 1:end] == "s" and not text[end + 1:end + 2].isalnum()


@functools.lru_cache(maxsize=8)
def _pronoun_patterns(finite: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # (not after an opening quotation mark: '"He is not a cheat."' is the speaker's words about someone)
    initial = re.compile(r"^[\s(\[]*(?P<p>He|She)(?![\w'’-])")
    # he/He/she/She with no letter, digit, "_" or "-" before it: each pronoun is written first and
    # its left edge checked behind it, so that a search skips to the next h, H, s or S
    pronoun = "|".join(rf"{word}(?<![\w-]{word})" for word in ("he", "He", "she", "She"))
    cue = re.compile(rf"(?P<p>{pronoun})\s+(?:also\s+|later\s+|then\s+)?(?:{finite})(?![\w-])")
    return initial, cue


def _pronoun_spots(texts: Sequence[str], finite: str) -> list[list[tuple[int, int, str]]]:
    """Per sentence: (start, end, pronoun) of a sentence-initial He/She and of he/she before a finite
    cue verb, in order. The cue pattern runs once over the sentences joined (no match runs over _SEP)."""
    initial, cue = _pronoun_patterns(finite)
    spots: list[dict[int, tuple[int, int, str]]] = [{} for _ in texts]
    for k, text in enumerate(texts):
        m = initial.match(text)
        if m:
            spots[k][m.start("p")] = (m.start("p"), m.end("p"), m.group("p"))
    starts = _offsets(texts)
    for m in cue.finditer(_SEP.join(texts)):
        k = bisect_right(starts, m.start()) - 1
        s, e = m.start("p") - starts[k], m.end("p") - starts[k]
        spots[k].setdefault(s, (s, e, m.group("p")))
    return [[found[s] for s in sorted(found)] for found in spots]


def _document_mentions(texts: Sequence[str], m: _Matcher, finite: str | None) -> list[tuple]:
    """Mentions of one document: (sentence position, start, end, actor index, via) in reading order."""
    alias_c = m.alias_candidates(texts)
    title_c = m.title_candidates(texts)
    found: list[list[tuple]] = [_leftmost_longest(c) for c in alias_c]
    if m.is_place is not None and m.is_place.any():
        found = [[c for c in sent if not (m.is_place[c[2]] and _institution_follows(texts[k], c[1]))]
                 if sent else sent for k, sent in enumerate(found)]
    if any(title_c):
        present = {c[2] for sent in found for c in sent}
        # the alias mentions (position, actor) in reading order, to choose between titles' owners
        timeline = [((k, c[0]), c[2]) for k, sent in enumerate(found) for c in sent]
        held, given = _titles_held_by_others(texts, title_c, found, m.names)
        for k, ti in enumerate(title_c):
            if not ti:
                continue
            names = found[k]
            cands = []
            for s, e, owners in ti:
                if any(s < ne and ns < e for ns, ne, *_ in names):
                    continue  # a name always wins over a title (titles fill the gaps between names)
                term = texts[k][s:e].lower()
                if term in held:
                    continue  # the document gives this title to someone else ("Mayor Daniel Osei")
                # the owner the document writes the title with, else the nearest owner named
                owner = given[term] if term in given else _title_owner(owners, present, timeline, (k, s))
                if owner is not None:
                    cands.append((s, e, owner, 1))
            if not cands:
                continue
            kept = sorted(names + _leftmost_longest(cands))
            # a title written directly before a name is part of that name ("Prime Minister Netanyahu"),
            # also when that name is not in the lexicon: "President Obama" is no mention of Biden
            found[k] = [c for j, c in enumerate(kept)
                        if not (c[3] == 1 and ((j + 1 < len(kept) and kept[j + 1][3] == 0
                                                and not texts[k][c[1]:kept[j + 1][0]].strip())
                                               or _name_follows(texts[k], c[1])))]
    out = [(k, s, e, a, "alias" if r == 0 else "title") for k, sent in enumerate(found) for s, e, a, r in sent]
    if finite is None:
        return out
    pronouns = []
    persons = [(k, s, a, _is_possessive(texts[k], e)) for k, s, e, a, _ in out if m.is_person[a]]
    spans: dict[int, list[tuple[int, int]]] = {}
    for k, s, e, *_ in out:
        spans.setdefault(k, []).append((s, e))
    for k, spots in enumerate(_pronoun_spots(texts, finite)):
        for s, e, word in spots:
            if any(ps <= s < pe for ps, pe in spans.get(k, ())) or _in_quotation(texts[k], s):
                continue
            actor = _antecedent(persons, (k, s), "male" if word.lower() == "he" else "female", m.gender)
            if actor is not None:
                pronouns.append((k, s, e, actor, "pronoun"))
    return sorted(out + pronouns, key=lambda r: (r[0], r[1])) if pronouns else out


def _titles_held_by_others(texts: Sequence[str], title_c: list[list[tuple]], found: list[list[tuple]],
                           names: list[str]) -> tuple[set[str], dict[str, int]]:
    """(held, given): ``held``, the lexicon titles (lower case) the document writes with a person who
    is none of the title's owners: before a name ("Mayor Daniel Osei" when the lexicon titles Helen
    Vasquez "mayor"; a name outside the lexicon too, unless its words are an owner's: "Mayor Vasquez")
    or after one, set off ("Daniel Osei, the mayor,"), or with two of its owners; in that document the
    bare title ("the mayor said") is nobody's: the text's own title wins over the lexicon's. ``given``,
    the titles the document writes so with one of their owners only: the bare title is that owner's
    (when the lexicon titles both Helen Vasquez and Daniel Osei "mayor", "Mayor Daniel Osei ... the
    mayor said" is Osei), whoever was named last."""
    held: set[str] = set()
    given: dict[str, int] = {}

    def give(term: str, owner: int) -> None:
        if given.setdefault(term, owner) != owner:
            held.add(term)

    for k, ti in enumerate(title_c):
        text = texts[k]
        for s, e, owners in ti:
            term = text[s:e].lower()
            if term in held:
                continue
            nxt = next((c for c in found[k] if c[0] >= e), None)
            if nxt is not None and not text[e:nxt[0]].strip():
                if nxt[2] not in owners:
                    held.add(term)
                else:
                    give(term, nxt[2])
                continue
            word = _NEXT_WORD.match(text, e)
            if word is not None and _name_follows(text, e):
                own = {w.lower() for o in owners for w in names[o].split()}
                if word.group(1).rstrip(".").lower() not in own:
                    held.add(term)
                continue
            before = [c for c in found[k] if c[1] <= s]
            if before and re.fullmatch(r",\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+)?", text[before[-1][1]:s]):
                if before[-1][2] not in owners:
                    held.add(term)
                else:
                    give(term, before[-1][2])
    return held, {term: owner for term, owner in given.items() if term not in held}


_NEXT_WORD = re.compile(r"[ \t]+((?:[a-z]{1,3}-)?[A-Z][\w'’\-]*\.?)")


def _name_follows(text: str, end: int) -> bool:
    """A capitalised word that can start a name follows ``end`` after spaces ("President| Obama"):
    not a function word, weekday or month ("the president Monday")."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    from analysis.entity_words import load_entity_words

    word = m.group(1).rstrip(".").lower()
    return word not in load_entity_words().stop


#: Capitalised words written right after a name: the rest of a longer name.
_MORE_NAME = re.compile(r"(?: [A-Z][\w'’&.\-]*)+")


def _institution_follows(text: str, end: int) -> bool:
    """Capitalised words directly after ``end`` of ``text`` make a longer name that ends in an
    organisation word of the entity layer's lists ("Jackson| High School", "Jackson| Unified School
    District", "Gaza| Health Ministry"): that name is an institution's, named after what precedes."""
    more = _MORE_NAME.match(text, end)
    if more is None:
        return False
    from analysis.entity_words import load_entity_words

    org_words = load_entity_words().org_words
    words = more.group().lower().split()
    return words[-1].rstrip(".,") in org_words or " ".join(words[-2:]) in org_words


def _title_owner(owners: tuple[int, ...], present: set[int], timeline: list, at: tuple[int, int]) -> int | None:
    """The owner of a title shared by several present actors: the one named most recently before
    ``at`` (else the next one named after it). ``timeline``: (position, actor) in reading order; found
    by bisection and a scan from there, so a long document costs no more per title."""
    live = [o for o in owners if o in present]
    if len(live) <= 1:
        return live[0] if live else None
    wanted = set(live)
    i = bisect_left(timeline, (at,))
    for j in range(i - 1, -1, -1):
        if timeline[j][1] in wanted:
            return timeline[j][1]
    for j in range(i, len(timeline)):
        if timeline[j][1] in wanted:
            return timeline[j][1]
    return live[0]


_CLOSING_SINGLE = re.compile(r"['’](?=[\s,.;:!?)\]]|$)")


def _in_quotation(text: str, at: int) -> bool:
    """Position ``at`` of a sentence is inside a quotation: a double quotation mark opened before it and
    not closed, or a single one opening the sentence and not closed. A pronoun there is the speaker's
    word for someone the speaker talks about, not a reference the writer makes."""
    before = text[:at]
    if ('"' in before and before.count('"') % 2) or before.count("“") > before.count("”"):
        return True
    lead = before.lstrip(" ([")
    return lead[:1] in ("'", "‘") and _CLOSING_SINGLE.search(lead, 1) is None


def _antecedent(persons: list[tuple], at: tuple[int, int], gender: str, genders: list[object]) -> int | None:
    """The most recent person before ``at`` (persons in reading order, found by bisection) of matching
    or unstated gender, a non-possessive mention first."""
    fallback = None
    for j in range(bisect_left(persons, at, key=lambda p: (p[0], p[1])) - 1, -1, -1):
        k, s, actor, possessive = persons[j]
        g = genders[actor]
        if isinstance(g, str) and g not in ("unknown", gender):
            continue
        if not possessive:
            return actor
        if fallback is None:
            fallback = actor
    return fallback


def _reading_order(sentences: pd.DataFrame) -> np.ndarray:
    codes, _ = pd.factorize(sentences["doc_id"])
    return np.lexsort((sentences["sentence_id"].to_numpy(), codes))


def _empty_mentions() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="str") for c in MENTION_COLUMNS})
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})


@output_columns("mentions")
def mentions(documents: pd.DataFrame, actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None,
             *, sentences: pd.DataFrame | None = None, pronouns: bool = True) -> pd.DataFrame:
    """Actor mentions, one row per mention, by docs/design.md's matching rules (see the module docstring).

    ``actors``: a lexicon (ActorLexicon, path or mapping; None = the default lexicon).
    ``sentences``: a precomputed ``analysis.sentences(documents)`` table to reuse.
    ``pronouns``: also resolve "He ..." / "he said" to person actors (rows with via 'pronoun').
    Rows in reading order.
    """
    require_table(documents, fn="mentions")
    lexicon = load_actors(actors)
    sents = sentences_of(documents, sentences, needs=_SENTENCE_NEEDS, fn="mentions")
    m = lexicon.matcher
    finite = None
    if pronouns and m.is_person.any():
        from analysis.cues import load_cue_verbs

        finite = load_cue_verbs().finite_pattern
    order = _reading_order(sents)
    doc_ids = sents["doc_id"].to_numpy(dtype=object)[order]
    sids = sents["sentence_id"].to_numpy()[order]
    sections = sents["section"].to_numpy(dtype=object)[order]
    texts = sents["text"].to_numpy(dtype=object)[order]
    cols: dict[str, list] = {c: [] for c in MENTION_COLUMNS}
    bounds = np.flatnonzero(np.r_[True, doc_ids[1:] != doc_ids[:-1], True]) if len(doc_ids) else [0]
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        doc_texts = [t if isinstance(t, str) else "" for t in texts[lo:hi]]
        for k, s, e, a, via in _document_mentions(doc_texts, m, finite):
            row = lo + k
            cols["doc_id"].append(doc_ids[row])
            cols["sentence_id"].append(sids[row])
            cols["section"].append(sections[row])
            cols["actor_id"].append(m.actor_ids[a])
            cols["actor"].append(m.names[a])
            cols["alias"].append(doc_texts[k][s:e])
            cols["via"].append(via)
            cols["start"].append(s)
            cols["end"].append(e)
    if not cols["doc_id"]:
        return _empty_mentions()
    out = pd.DataFrame(cols)
    return out.astype({"doc_id": "str", "sentence_id": "int64", "section": "str", "start": "int64", "end": "int64"})


# ----------------------------------------------------------------------- prominence & aggregates


def _direct(mentions: pd.DataFrame, include_pronouns: bool, fn: str) -> pd.DataFrame:
    require_columns(mentions, ("doc_id", "sentence_id", "actor_id", "actor", "via"), fn=fn, name="mentions",
                    fix="pass the output of analysis.mentions(...)")
    return mentions if include_pronouns else mentions[mentions["via"].isin(DIRECT_VIA)]


#: The most sentences of the first body paragraph that count as the lead (``prominence``'s ``in_lead``).
_LEAD_SENTENCES = 3


@output_columns("prominence")
def prominence(mentions: pd.DataFrame, sentences: pd.DataFrame, *, include_pronouns: bool = False
               ) -> pd.DataFrame:
    """How prominent each actor is in each document.

    Counts direct mentions (via alias or title) unless ``include_pronouns``.
    """
    require_columns(sentences, ("doc_id", "sentence_id", "paragraph_id", "section"), fn="prominence",
                    name="sentences", fix="pass the output of analysis.sentences(documents)")
    m = _direct(mentions, include_pronouns, "prominence")
    cols = ["doc_id", "actor_id", "actor", "mentions", "sentences", "first_sentence", "first_position",
            "in_headline", "in_lead", "sentence_share"]
    if m.empty:
        return pd.DataFrame({c: [] for c in cols})
    s = sentences[["doc_id", "sentence_id", "paragraph_id", "section"]].copy()
    s["doc_id"] = s["doc_id"].astype("str")
    s["rank"] = s.groupby("doc_id")["sentence_id"].rank(method="first") - 1
    s["n"] = s.groupby("doc_id")["sentence_id"].transform("size")
    first_body = s[s["section"] == SECTION_BODY].groupby("doc_id")["paragraph_id"].min().rename("first_body")
    s = s.join(first_body, on="doc_id")
    # the first body paragraph, at most its first 3 sentences (_LEAD_SENTENCES): an article without paragraph
    # breaks is one paragraph, and every actor of it was "in the lead"
    body = s["section"] == SECTION_BODY
    s["body_rank"] = body.astype("int64").groupby(s["doc_id"]).cumsum() - 1
    s["lead"] = (s["section"] == SECTION_STANDFIRST) | (
        body & (s["paragraph_id"] == s["first_body"]) & (s["body_rank"] < _LEAD_SENTENCES))
    s["headline"] = s["section"] == SECTION_HEADLINE
    mm = m[["doc_id", "sentence_id", "actor_id", "actor"]].copy()
    mm["doc_id"] = mm["doc_id"].astype("str")
    mm = mm.merge(s[["doc_id", "sentence_id", "rank", "n", "lead", "headline"]], on=["doc_id", "sentence_id"],
                  how="left")
    if mm["rank"].isna().any():
        bad = mm[mm["rank"].isna()].iloc[0]
        raise InputError(f"mentions table: doc {bad['doc_id']!r} sentence {bad['sentence_id']} is not in the "
                         "sentences table; pass the sentences the mentions were computed on")
    mm["order"] = np.arange(len(mm))
    g = mm.groupby(["doc_id", "actor_id"], sort=False)
    out = g.agg(actor=("actor", "first"), mentions=("actor", "size"), sentences=("sentence_id", "nunique"),
                first_sentence=("sentence_id", "min"), first_rank=("rank", "min"), n=("n", "first"),
                in_headline=("headline", "any"), in_lead=("lead", "any"), order=("order", "min")).reset_index()
    out["first_position"] = np.where(out["n"] > 1, out["first_rank"] / (out["n"] - 1).clip(lower=1), 0.0)
    out["sentence_share"] = out["sentences"] / out["n"]
    doc_order = {d: k for k, d in enumerate(pd.unique(s["doc_id"]))}
    out["doc_order"] = out["doc_id"].map(doc_order)
    out = out.sort_values(["doc_order", "order"], kind="stable").reset_index(drop=True)
    out = out.astype({"mentions": "int64", "sentences": "int64", "first_sentence": "int64",
                      "in_headline": "bool", "in_lead": "bool"})
    return out[cols]


@output_columns("actor_rollup")
def mentions_by(mentions: pd.DataFrame, documents: pd.DataFrame, *, by: Sequence[str] = ("actor",),
                actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None,
                include_pronouns: bool = False) -> pd.DataFrame:
    """Mention counts aggregated over the corpus by ``by`` (the mentions table's aggregate).

    ``by``: any of "actor" (actor_id + actor: one row per actor_id, named by the name most of its
    mentions carry, the first seen of equally many, however else some are labelled), "group" and "type" (from the lexicon ``actors``; the
    default lexicon when None: pass the lexicon the mentions were made with), "day" (the documents'
    ``published`` date in UTC), "outlet" or any other documents column.
    Counts direct mentions (via alias or title) unless ``include_pronouns``. Sorted by the non-actor
    keys, then most mentions first, then by display name, then by key (the tie rule of
    :func:`actor_ranking`).
    """
    if isinstance(by, str):
        by = (by,)
    m = _direct(mentions, include_pronouns, "mentions_by")[["doc_id", "sentence_id", "actor_id", "actor"]].copy()
    m["doc_id"] = m["doc_id"].astype("str")
    keys: list[str] = []
    actor_keys = {"actor", "group", "type"}
    lex = None
    doc_cols: list[str] = []
    for key in by:
        if key == "actor":
            keys += ["actor_id", "actor"]
        elif key in ("group", "type"):
            lex = lex or load_actors(actors)
            keys.append(key)
        else:
            doc_cols.append(key)
            keys.append(key)
    if lex is not None:
        info = lex.actors.set_index("actor_id")[["group", "type"]]
        m = m.join(info, on="actor_id")
        m["group"] = m["group"].fillna("(no group)")
    if "actor" in by and len(m):
        m["actor"] = _one_name_per_actor(m)
    if doc_cols:
        m = join_document_keys(m, documents, doc_cols, fn="mentions_by")
    cols = keys + ["mentions", "documents", "sentences", "share"]
    if m.empty:
        return pd.DataFrame({c: [] for c in cols})
    m["sentence_key"] = m["doc_id"] + "\x1f" + m["sentence_id"].astype("str")
    out = m.groupby(keys, dropna=False, sort=False).agg(
        mentions=("actor_id", "size"), documents=("doc_id", "nunique"), sentences=("sentence_key", "nunique")
    ).reset_index()
    cell = [k for k in keys if k not in actor_keys and k not in ("actor_id",)]
    total = out.groupby(cell, dropna=False)["mentions"].transform("sum") if cell else out["mentions"].sum()
    out["share"] = out["mentions"] / total
    rest = sorted((k for k in keys if k not in cell), key=lambda k: k != "actor")  # ties by name, then key
    out = out.sort_values(cell + ["mentions"] + rest, ascending=[True] * len(cell) + [False] + [True] * len(rest),
                          kind="stable", na_position="last")
    return out[cols].reset_index(drop=True)


def actor_ranking(mentions: pd.DataFrame) -> pd.DataFrame:
    """Every actor of a mentions table, most mentioned first: the one order in which a report on a corpus
    names its most mentioned actors (:func:`analysis.findings`), hands out their colours
    (:func:`analysis.tables.report_colors`) and picks the actor profile's default actor
    (:func:`analysis.profiles.most_mentioned_actor`), so the three never disagree.

    Counts direct mentions (every ``via`` but "pronoun"). The tie rule: more direct mentions first;
    equal counts by display name (alphabetical), then by key. Actors mentioned only by a pronoun have 0
    mentions and so come after every named one. Rows without an ``actor_id`` are left out.

    Output columns: actor_id (str), actor (display name: that of the actor's first row), mentions
    (direct mentions), documents (documents with a direct mention).
    """
    require_columns(mentions, ("doc_id", "actor_id", "actor", "via"), fn="actor_ranking", name="mentions",
                    fix="pass the table analysis.mentions returns (or analysis.entities_as_mentions)")
    known = mentions[mentions["actor_id"].notna()]
    direct = (known["via"] != "pronoun").to_numpy(dtype=bool)
    rows = pd.DataFrame({"actor_id": known["actor_id"].astype(str).to_numpy(),
                         "actor": known["actor"].astype(str).to_numpy(), "direct": direct,
                         "doc": known["doc_id"].astype(object).where(direct, None).to_numpy()})
    ranked = (rows.groupby("actor_id", sort=False)
              .agg(actor=("actor", "first"), mentions=("direct", "sum"), documents=("doc", "nunique"))
              .reset_index().astype({"mentions": "int64", "documents": "int64"})
              .sort_values(["mentions", "actor", "actor_id"], ascending=[False, True, True], kind="stable"))
    return ranked[["actor_id", "actor", "mentions", "documents"]].reset_index(drop=True)


@renamed_keywords(level="within")
@output_columns("cooccurrence")
def cooccurrence(mentions: pd.DataFrame, *, within: str = "sentence", n_units: int | None = None,
                 include_pronouns: bool = False) -> pd.DataFrame:
    """Pairs of actors mentioned within the same sentence (``within="sentence"``) or document
    (``within="document"``; the old keyword ``level=`` is deprecated: ``level=`` only switches the
    unit of a table's rows, and the rows here are always actor pairs).

    A unit (sentence or document) counts once per pair however often the actors appear in it.
    With n_a, n_b the units mentioning each actor, n_ab the units mentioning both and N the number of
    units (``n_units``; default: units with at least one actor mention — pass the corpus' number of
    sentences or documents for the textbook definition):
    ``pmi = log2(n_ab * N / (n_a * n_b))`` (0 = independent, > 0 = together more than chance) and
    ``jaccard = n_ab / (n_a + n_b - n_ab)`` (0..1, share of the units of either that have both).
    ``attrs["within"]`` records the unit.
    """
    if within not in ("sentence", "document"):
        raise InputError(f"cooccurrence: within={within!r}; use 'sentence' or 'document'")
    m = _direct(mentions, include_pronouns, "cooccurrence")
    cols = ["actor_a", "actor_b", "count", "n_a", "n_b", "pmi", "jaccard"]
    unit_cols = ["doc_id", "sentence_id"] if within == "sentence" else ["doc_id"]
    units = m[unit_cols + ["actor_id"]].drop_duplicates()
    if units.empty:
        return pd.DataFrame({c: [] for c in cols})
    unit_key = units[unit_cols].astype("str").agg("\x1f".join, axis=1)
    units = units.assign(unit=pd.factorize(unit_key)[0])[["unit", "actor_id"]]
    total = int(units["unit"].nunique()) if n_units is None else int(n_units)
    n_actor = units.groupby("actor_id").size()
    pairs = units.merge(units, on="unit", suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    out = pairs.groupby(["actor_id_a", "actor_id_b"]).size().rename("count").reset_index()
    out = out.rename(columns={"actor_id_a": "actor_a", "actor_id_b": "actor_b"})
    out["n_a"] = out["actor_a"].map(n_actor).astype("int64")
    out["n_b"] = out["actor_b"].map(n_actor).astype("int64")
    out["pmi"] = np.log2(out["count"] * total / (out["n_a"] * out["n_b"]))
    out["jaccard"] = out["count"] / (out["n_a"] + out["n_b"] - out["count"])
    out = out.sort_values(["count", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable")
    out = out[cols].reset_index(drop=True)
    out.attrs["within"] = within  # for the network chart: what a count counts
    return out


# ------------------------------------------------------------------- deprecated names (one release)

actor_mentions = deprecated_alias(mentions, "analysis.actors.actor_mentions", "analysis.mentions")
actor_prominence = deprecated_alias(prominence, "analysis.actors.actor_prominence", "analysis.prominence")
def _one_name_per_actor(mentions: pd.DataFrame) -> pd.Series:
    """The ``actor`` column of ``mentions`` with one name per actor_id: the name most of its rows carry
    (the first seen of equally many), so that an aggregate keyed by actor has one row per actor."""
    pairs = mentions.groupby(["actor_id", "actor"], sort=False, dropna=False).size()
    if len(pairs) == pairs.index.get_level_values(0).nunique(dropna=False):
        return mentions["actor"]
    best = pairs.reset_index(name="n").sort_values("n", ascending=False, kind="stable").drop_duplicates("actor_id")
    return mentions["actor_id"].map(dict(zip(best["actor_id"], best["actor"])))


actor_rollup = deprecated_alias(mentions_by, "analysis.actors.actor_rollup", "analysis.mentions_by")
