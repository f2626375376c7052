"""Actor discovery: the entities a lexicon does not name yet, as ready-to-paste YAML.

A view of the entity layer (:mod:`analysis.entities`): every named person, organisation, place and
group is found, typed and merged with no lexicon; :func:`discover_actors` keeps the entities that no
lexicon actor links to and writes each as an ``actors.yml`` entry:

* ``name``: the entity's display name (its fullest form, titles stripped);
* ``aliases``: the forms written in the texts, most frequent first (ties: the longer first), less
  any form that already is an alias of the lexicon or of a candidate listed before it (more mentions
  first), and less forms of address ("Dr.", "Ms."): the entries can be pasted as they are and load as
  one lexicon (a candidate left with no alias is not suggested); a person's given name alone
  ("Daniel" of Daniel Okafor, written so in one article) is no alias: it would name every Daniel;
* ``titles``: the titles written with it ("israeli prime minister", "county clerk"), without forms of
  address: "mr.", "ms.", "dr." name no role and would match every "Mr." of a document;
* ``type``: from the entity's type and the evidence recorded for it: person -> person, organization
  -> organization, group -> group, a place that is a country (the gazetteer's countries and the
  workbench's country forms, "U.S.") -> country, any other place -> place, any other entity -> other.
  These are suggestions to check, not classifications;
* ``suggested_id``: the surname of a person, else the name, as a lower-case id unique against the
  lexicon and the other candidates; a person whose surname another suggested person or a lexicon
  actor id has gets the id of the full name ("helen_marsh" and "owen_marsh", not "marsh" and
  "marsh_2").

An alias names one actor: a one-word form that two suggested persons could be called (the bare
"Marsh" of Helen Marsh, where Owen Marsh is suggested too: it ends both names or is a variant of
both) is suggested for neither, and a person known only by it is left out.

A name typed differently in different articles (a place by "an inquiry into Nimbusly" alone, an
organisation elsewhere) is one candidate: entity_table's ``same_as`` folds it (:func:`_fold_short_forms`).

Pronoun mentions are not counted.

A lexicon alias that differs from a name found only by case (``aliases: [harlow athletic]`` where the
texts write "Harlow Athletic": aliases are case-sensitive, so it matches nothing) is named
(:func:`alias_case_notes`): :func:`analysis.analyze` (over its whole entity table) and
:func:`discover_actors` warn once, naming the actor, its alias and
the form to write (a lexicon other than the shipped one, :func:`alias_case_warning`), and the
candidate's YAML opens with that note as a comment.
"""

from __future__ import annotations

import functools
import warnings
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.errors import require_table
from analysis.actors import ActorLexicon, load_actors
from analysis.entities import entities as find_entities
from analysis.entities import actor_rows, as_same_entities
from analysis.entities import entity_table as _entity_table
from analysis.entity_words import load_entity_words
from analysis.text import sentences_of, slug
from analysis.schema import DISCOVERY_COLUMNS, output_columns

__all__ = ["alias_case_notes", "alias_case_warning", "discover_actors", "discovery_yaml", "example_window", "DISCOVERY_COLUMNS",
           "EXAMPLE_WORDS"]

#: An example sentence of more than ``4 * EXAMPLE_WORDS`` (100) words (a run-on line: news sentences
#: are shorter) is shown as the ``EXAMPLE_WORDS`` words on each side of the name (:func:`example_window`).
EXAMPLE_WORDS = 25


_TYPES = {"person": "person", "organization": "organization", "group": "group"}


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from analysis.entity_words import country_names

    names = set(country_names())
    return frozenset(names | {"u.s.", "us", "usa", "u.s.a.", "united states", "america", "uk", "u.k.", "britain",
                              "great britain", "england", "scotland", "wales", "uae", "palestine"})


def _actor_type(entity_type: str, name: str) -> str:
    if entity_type == "place":
        return "country" if name.lower() in _countries() else "place"
    return _TYPES.get(entity_type, "other")


def _as_fuller_entities(rows: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Entity ``rows`` (unlinked, direct) written as the entity that ``table`` (a corpus' entity table)
    links each to by ``same_as`` (:func:`analysis.entities.as_same_entities`, its type too; left out
    when that entity is a lexicon actor's: the lexicon covers it), and the corpus' forms (``variants``)
    of each entity rows were moved into."""
    out = as_same_entities(rows, table, fn="discover_actors")
    moved = out["entity_id"] != rows["entity_id"]
    if not moved.any():
        return rows, {}
    target = table.set_index("entity_id")
    out.loc[moved, "type"] = out.loc[moved, "entity_id"].map(target["type"])
    forms = {e: list(target.at[e, "variants"]) for e in set(out.loc[moved, "entity_id"])}
    return out[out["actor_id"].isna()], forms


def _fold_short_forms(table: pd.DataFrame, doc_ids: Mapping[str, frozenset] | None = None) -> pd.DataFrame:
    """Entities seen only as a short form of another candidate (``same_as``: "Whitcombe" in one article,
    "Thomas Whitcombe" in another) folded into it: its forms join the full name's variants and its
    mentions are added, so that pasting the YAML makes one actor, not two. ``doc_ids``: each entity's
    documents; the folded entity's ``documents`` is the number of distinct documents of the two (an
    article naming both forms counts once); without it, the two counts are added."""
    ids = set(table["entity_id"])
    short = table["same_as"].isin(ids) if "same_as" in table.columns else pd.Series(False, index=table.index)
    if not short.any():
        return table
    docs_of = {e: set(doc_ids.get(e, ())) for e in table["entity_id"]} if doc_ids is not None else None
    into = table.set_index("entity_id", drop=False)  # a new frame: the caller's table is left as it is
    for row in table[short].itertuples(index=False):
        at = into.index.get_loc(row.same_as)
        target = into.iloc[at]
        into.iat[at, into.columns.get_loc("variants")] = [*target["variants"],
                                                         *[v for v in row.variants if v not in target["variants"]]]
        into.iat[at, into.columns.get_loc("mentions")] = target["mentions"] + row.mentions
        if docs_of is not None:
            docs_of[row.same_as] |= docs_of[row.entity_id]
            into.iat[at, into.columns.get_loc("documents")] = len(docs_of[row.same_as])
        else:
            into.iat[at, into.columns.get_loc("documents")] = target["documents"] + row.documents
    kept = into[~short.to_numpy()]
    return kept.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)


def _forms_of_address(honorifics: Mapping[str, str], titles: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The honorifics that are forms of address, not roles (lower-case): abbreviations ("mr.", "dr.",
    "prof.") and words that are no role title on their own ("ms", "sir", "dame", "father")."""
    return frozenset(h for h in honorifics if h.endswith(".") or (h,) not in titles)


def _without_address(name: str, address: frozenset[str]) -> str:
    """``name`` without the forms of address it starts with ("Dr. Anita Raghavan" -> "Anita Raghavan",
    "Dr." -> "")."""
    parts = name.split()
    while parts and parts[0].lower() in address:
        parts = parts[1:]
    return " ".join(parts)


def _suggested_aliases(variants: list[str], taken: set[str], address: frozenset[str],
                       given_name: str | None = None, kinds: frozenset[str] = frozenset()) -> list[str]:
    """The forms of ``variants`` to suggest as aliases, in order: forms of address stripped, none
    already ``taken`` (by the lexicon or an earlier candidate), nor the person's ``given_name`` alone
    (an alias of "Daniel" would count every Daniel of a corpus), nor one word that names a kind of
    organisation (``kinds``) beside a fuller form ("Agency" of "the Agency", short for the Environmental
    Protection Agency, would count every agency written with a capital; a club named "Rovers" alone keeps
    it), each once."""
    return [a for a in dict.fromkeys(_without_address(v, address) for v in variants)
            if a and a not in taken and a != given_name
            and not (" " not in a and a.casefold() in kinds and len(variants) > 1)]


def _surname_id(entity: str, address: frozenset[str]) -> str:
    """The id a person named ``entity`` gets from its surname."""
    return slug(_without_address(entity, address).split()[-1] if _without_address(entity, address) else entity,
                empty="actor", apostrophes=False)


def _shared_person_forms(table: pd.DataFrame, address: frozenset[str]) -> set[str]:
    """The one-word forms two persons of ``table`` could be called: the last word of two persons'
    names, or a one-word variant of a person that is another person's last word or variant ("Marsh" of
    Helen Marsh and Owen Marsh). Such a form names neither (:func:`discover_actors`)."""
    owners: dict[str, set[str]] = {}
    for eid, etype, entity, variants in zip(table["entity_id"], table["type"], table["entity"], table["variants"]):
        if etype != "person":
            continue
        name = _without_address(entity, address).split()
        forms = {_without_address(v, address) for v in variants}
        if len(name) > 1:
            forms.add(name[-1])
        for form in forms:
            if form and " " not in form:
                owners.setdefault(form, set()).add(eid)
    return {form for form, ids in owners.items() if len(ids) > 1}


def _suggested_titles(titles: list[str], address: frozenset[str]) -> list[str]:
    """The titles to suggest, in order, without their words of address ("dr." is dropped, "mp dame"
    is "mp"), each once."""
    kept = (" ".join(w for w in t.split() if w not in address) for t in titles)
    return [t for t in dict.fromkeys(kept) if t]


def alias_case_notes(table: pd.DataFrame, *, actors: ActorLexicon) -> pd.DataFrame:
    """The lexicon aliases that differ from a name of an unlinked entity of ``table`` (an entity table)
    only by case: ``actor_id``, ``alias`` (as the lexicon writes it), ``written`` (the entity's form as
    the texts write it), ``entity_id``, ``mentions`` (the entity's), ``note`` ("the lexicon's
    harlow_athletic has the alias 'harlow athletic'; aliases are case-sensitive: write 'Harlow
    Athletic'"). A form that is itself an alias of the lexicon is left out (it is matched as written);
    one row per entity and alias, the entity's most written matching form, most mentions first."""
    cols = ["actor_id", "alias", "written", "entity_id", "mentions", "note"]
    aliases = actors.aliases[actors.aliases["kind"] == "alias"]
    exact = set(aliases["term"])
    by_fold: dict[str, list[tuple[str, str]]] = {}
    for term, actor_id in zip(aliases["term"], aliases["actor_id"]):
        by_fold.setdefault(str(term).casefold(), []).append((str(actor_id), str(term)))
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    unlinked = table[table["actor_id"].isna()] if "actor_id" in table.columns else table
    for eid, variants, n in zip(unlinked["entity_id"], unlinked["variants"], unlinked["mentions"]):
        for form in variants:  # most written first
            if form in exact:
                continue
            for actor_id, alias in by_fold.get(str(form).casefold(), ()):
                rows.setdefault((str(eid), alias), {
                    "actor_id": actor_id, "alias": alias, "written": str(form), "entity_id": str(eid),
                    "mentions": int(n), "note": (f"the lexicon's {actor_id} has the alias {alias!r}; aliases are "
                                                 f"case-sensitive: write {str(form)!r}")})
    out = pd.DataFrame(list(rows.values()), columns=cols)
    return out.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True).astype(
        {"mentions": "int64"})


def alias_case_warning(notes: pd.DataFrame, *, actors: ActorLexicon) -> str | None:
    """The one warning naming every alias of ``notes`` (:func:`alias_case_notes` of a table made with
    the lexicon ``actors``): "actor lexicon lex.yml: the lexicon's harlow_athletic has the alias
    'harlow athletic'; aliases are case-sensitive: write 'Harlow Athletic' (17 mentions in the text)";
    None when there is none or ``actors`` is the shipped lexicon (its aliases are the workbench's, not
    the user's to fix). :func:`discover_actors` and :func:`analysis.analyze` warn with it."""
    if notes.empty or actors.sha256 == load_actors(None).sha256:
        return None
    listed = "; ".join(f"{note} ({_mentions(n)} in the text)" for note, n in zip(notes["note"], notes["mentions"]))
    source = str(actors.source)
    named = f"actor lexicon {Path(source).name}" if source and not source.startswith("<") else "the actor lexicon"
    return f"{named}: {listed}"


def _mentions(n: int) -> str:
    return f"{n:,} mention{'' if n == 1 else 's'}"


@output_columns("discovery")
def discover_actors(documents: pd.DataFrame, actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None,
                    *, sentences: pd.DataFrame | None = None, min_count: int = 1,
                    entities: pd.DataFrame | None = None, entity_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Candidate actors: the entities of ``documents`` that the lexicon ``actors`` does not link
    (None = the default lexicon; pass ``{"actors": []}`` to start from nothing).

    ``entities``: a computed ``analysis.entities(documents, actors=actors)`` table to reuse (it must
    have been made with the same lexicon). ``entity_table``: the entity table of a larger corpus these
    documents are part of (as the article brief passes the corpus'): an entity it links by ``same_as``
    (a bare "Whitfield" here, "Edith Whitfield" elsewhere in the corpus) is suggested under that
    entity's name, with its forms as aliases, its mentions counted in ``documents``. ``min_count``: keep
    candidates with at least that many direct mentions. Most mentions first. :func:`discovery_yaml`
    joins the ``yaml`` column into one block to paste into a lexicon file.

    A short form is folded into the full name it is the same as (``count`` the sum of both): with
    ``entity_table``, exactly where that table's ``same_as`` links it (the table a report counts
    with, so each candidate's count is the count the report's charts show for it: the brief's
    "Greyford Health" stays apart from Greyford Health System when the corpus does not link them,
    though the article alone would); without it, by the ``same_as`` of an entity table of the
    unlinked entities found.

    A candidate one of whose forms a lexicon alias writes in another case only (:func:`alias_case_notes`)
    gets that note as a comment line opening its ``yaml`` ("# the lexicon's harlow_athletic has the
    alias 'harlow athletic'; aliases are case-sensitive: write 'Harlow Athletic'"), and a lexicon other
    than the shipped one gets a UserWarning listing every such alias (:func:`alias_case_warning`; with
    ``entity_table``, counted as that table counts, so the text is the one :func:`analysis.analyze` warned
    with for the same table).
    """
    require_table(documents, fn="discover_actors")
    lexicon = load_actors(actors)
    sents = sentences_of(documents, sentences, needs=("doc_id", "sentence_id", "text"), fn="discover_actors")
    found = entities if entities is not None else find_entities(documents, sentences=sents, actors=lexicon)
    cols = list(DISCOVERY_COLUMNS)
    found = actor_rows(found)  # (not the document's own outlet: "told the Echo")
    unlinked = found[found["actor_id"].isna() & (found["via"] != "pronoun")]
    fuller: dict[str, list[str]] = {}
    if entity_table is not None:
        unlinked, fuller = _as_fuller_entities(unlinked, entity_table)
    table = _entity_table(unlinked, actors=lexicon)
    if entity_table is None:  # (with it, the rows are already folded as the page's own table folds them)
        doc_ids = {e: frozenset(d) for e, d in unlinked.groupby("entity_id", sort=False)["doc_id"].unique().items()}
        table = _fold_short_forms(table, doc_ids)
    notes = alias_case_notes(table, actors=lexicon)
    # (counted as the given entity table counts, which analyze warned with: a report shows the same text once)
    whole = alias_case_notes(entity_table, actors=lexicon) if entity_table is not None else notes
    message = alias_case_warning(whole, actors=lexicon)
    if message:
        warnings.warn(message, UserWarning, stacklevel=3)  # (the caller of the output_columns wrapper)
    note_of: dict[str, str] = {}
    for entity_id, note in zip(notes["entity_id"], notes["note"]):
        note_of.setdefault(entity_id, note)
    if fuller:  # the corpus' forms of an entity written here only in a short form, the full name first
        table["variants"] = [[*fuller[e], *[v for v in own if v not in fuller[e]]] if e in fuller else own
                             for e, own in zip(table["entity_id"], table["variants"])]
    table = table[table["mentions"] >= min_count]
    if table.empty:
        return pd.DataFrame({c: [] for c in cols})
    known = set(lexicon.aliases.loc[lexicon.aliases["kind"] == "alias", "term"])  # grows with each suggestion
    words = load_entity_words()
    address = _forms_of_address(words.honorifics, words.titles)
    kinds = frozenset(w for w in (*words.org_words, *words.org_nouns) if " " not in w)
    text_of = {(str(d), int(s)): t for d, s, t in zip(sents["doc_id"], sents["sentence_id"], sents["text"])}
    used_ids = set(lexicon.actors["actor_id"])
    known |= _shared_person_forms(table, address)
    surnames = Counter(_surname_id(e, address) for e, t in zip(table["entity"], table["type"]) if t == "person")
    out: dict[str, list] = {c: [] for c in cols}
    for row in table.itertuples(index=False):
        # entity_table's variants, most written first; an alias names one actor: a later candidate of the
        # same name (another type) gets no alias a suggestion before it has, and is left out with none
        name = _without_address(row.entity, address)
        given = name.split()[0] if row.type == "person" and len(name.split()) > 1 else None
        aliases = _suggested_aliases(row.variants, known, address, given, kinds)
        if not aliases or not name:
            continue
        known.update(aliases)
        kind = _actor_type(row.type, name)
        base = slug(name, empty="actor", apostrophes=False)
        if kind == "person" and row.type == "person":
            surname = _surname_id(row.entity, address)
            base = surname if surnames[surname] == 1 and surname not in used_ids else base
        sid, n = base, 2
        while sid in used_ids:
            sid, n = f"{base}_{n}", n + 1
        used_ids.add(sid)
        entry: dict[str, Any] = {"id": sid, "name": name, "type": kind, "aliases": aliases}
        titles = _suggested_titles(list(row.titles), address)
        if titles:
            entry["titles"] = titles
        out["name"].append(name)
        out["suggested_id"].append(sid)
        out["type"].append(kind)
        out["aliases"].append(aliases)
        out["titles"].append(titles)
        out["count"].append(int(row.mentions))
        out["documents"].append(int(row.documents))
        out["doc_id"].append(row.doc_id)
        out["sentence_id"].append(int(row.sentence_id))
        out["example"].append(example_window(text_of.get((row.doc_id, int(row.sentence_id)), ""),
                                             names=[*row.variants, name]))
        note = f"# {note_of[row.entity_id]}\n" if row.entity_id in note_of else ""
        out["yaml"].append(note + yaml.safe_dump([entry], sort_keys=False, allow_unicode=True,
                                                 default_flow_style=None, width=110))
    frame = pd.DataFrame(out, columns=cols)
    return frame.astype({"count": "int64", "documents": "int64", "sentence_id": "int64"})


def example_window(sentence: str, *, names: list[str], words: int = EXAMPLE_WORDS) -> str:
    """``sentence`` as an example of a name: whole when it has at most ``4 * words``
    whitespace-separated words, else the first of ``names`` written in it (else the sentence's start)
    with up to ``words`` words on each side, a cut end marked "…" ("… the council and Osei voted …")."""
    if len(sentence.split(None, 4 * words)) <= 4 * words:
        return sentence
    from analysis.tone import window_text

    at = next((i for i in (sentence.find(n) for n in names if n) if i >= 0), 0)
    end = at + next((len(n) for n in names if n and sentence.startswith(n, at)), 0)
    start, stop = at, max(at, end)
    while start > 0 and not sentence[start - 1].isspace():  # the words window_text keeps whole
        start -= 1
    while stop < len(sentence) and not sentence[stop].isspace():
        stop += 1
    head = "… " if len(sentence[:start].split()) > words else ""
    tail = " …" if len(sentence[stop:].split()) > words else ""
    return head + window_text(sentence, at, end, words) + tail


def discovery_yaml(candidates: pd.DataFrame) -> str:
    """The ``yaml`` column of :func:`discover_actors` as one ``actors:`` block (a lexicon file)."""
    lines = ["actors:"]
    for block in candidates["yaml"]:
        lines.extend("  " + line if line else line for line in block.rstrip("\n").split("\n"))
    return "\n".join(lines) + "\n"
