"""One actor across a corpus: the rows of every table that concern it, and a summary card."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pandas as pd

from analysis.actor_tone import actor_tone_by
from analysis.actors import actor_ranking, cooccurrence
from analysis.corpus.keys import published_utc
from analysis.errors import InputError
from analysis.framing import actor_frames
from analysis.pipeline import Analysis
from analysis.entities import entities_as_mentions, same_entity_ids
from analysis.entity_words import without_titles
from analysis.tables import entity_tables, in_zone, report_colors
from analysis.tables import keep_top  # noqa: F401 - moved to analysis.tables; importable from here for one release

__all__ = ["ActorProfile", "actor_profile", "most_mentioned_actor"]


@dataclass(frozen=True)
class ActorProfile:
    """The tables of one actor.

    ``mentions``, ``quotes`` (spoken by the actor), ``actor_tone``: that actor's rows of the analysis
    tables; ``partners``: co-occurrence pairs (document level, as the corpus report's network) that
    include the actor, with the other actor's id and display name in ``partner_id`` and ``partner``;
    ``frames``: its row(s) of ``actor_frames``; ``card``: a field/value summary; ``name``: the actor's
    display name; ``most_mentioned``: whether the actor was chosen as the corpus' most mentioned
    (``actor_profile(..., actor_id=None)``); ``title``: a report's title, which says so;
    ``names``: the display names of the actor and its partners by key; ``colors``: a colour per key
    as every report on the corpus gives it (:func:`analysis.tables.report_colors` of the corpus'
    entity mentions: the corpus report's colours), for the charts' ``colors=``.
    """

    actor_id: str
    card: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    actor_tone: pd.DataFrame
    partners: pd.DataFrame
    frames: pd.DataFrame
    name: str = ""
    from_lexicon: bool = True
    most_mentioned: bool = False
    colors: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The report's title: the actor's name, "Jordan Henderson, the most mentioned actor" when the
        profile chose it (no ``actor_id`` given)."""
        return f"{self.name}, the most mentioned actor" if self.most_mentioned else self.name

    @property
    def methods(self) -> tuple[str, ...]:
        """The keys of :func:`analysis.methods_text` that explain this profile: "actors" (the lexicon's
        actors) for a lexicon actor, "entities" (names found in the text) for an entity."""
        return ("sentences", "actors" if self.from_lexicon else "entities", "quotes", "tone", "frames")

    @property
    def names(self) -> dict[str, str]:
        """Display names by key: the actor's own, then its partners' (for charts' ``names=``)."""
        return {self.actor_id: self.name, **dict(zip(self.partners["partner_id"], self.partners["partner"]))}


def _with_partner(pairs: pd.DataFrame, *, actor_id: str, names: dict[str, str]) -> pd.DataFrame:
    """Co-occurrence ``pairs`` that include ``actor_id``, with the other actor of each pair added.

    Output columns: those of ``cooccurrence`` (actor_a, actor_b, count, n_a, n_b, pmi, jaccard), then
    partner_id (the actor of the pair that is not ``actor_id``) and partner (its display name from
    ``names``, else its id).
    """
    other = pairs["actor_b"].where(pairs["actor_a"] == actor_id, pairs["actor_a"])
    return pairs.assign(partner_id=other, partner=other.map(lambda i: names.get(i, i)))


def _lexicon_fields(lexicon, *, actor_id: str, entity_table: pd.DataFrame | None = None,
                    shown: int = 8, partly: dict[str, str] | None = None) -> tuple[str, str]:
    """The card's "lexicon entry" (``actor_id (type, group G)``) and "names counted" (its aliases, then
    its titles, the first ``shown``, "and N more"); for an entity of ``entity_table`` that the lexicon
    lacks, ``found in the text (not in the lexicon): TYPE, id ENTITY_ID`` and its forms as written,
    a form of ``partly`` (form: note) with its note ("Venkataraman (2 of its 6 mentions)");
    else the id and "n/a"."""
    rows = lexicon.actors[lexicon.actors["actor_id"] == actor_id] if lexicon is not None else pd.DataFrame()
    entity = entity_table[entity_table["entity_id"] == actor_id] if entity_table is not None else pd.DataFrame()
    if not rows.empty:
        row = rows.iloc[0]
        group = row["group"]
        entry = f"{actor_id} ({row['type']}" + (f", group {group}" if isinstance(group, str) and group else "") + ")"
        names = [*row["aliases"], *row["titles"]]
    elif not entity.empty:
        entry = f"found in the text (not in the lexicon): {entity.iloc[0]['type']}, id {actor_id}"
        # its forms as written, then those of the entities same_as folds into it (a07's "Whitfield" alone,
        # counted as Grace Whitfield)
        folded = [e for e, same in same_entity_ids(entity_table).items() if same == actor_id]
        extra = entity_table.loc[entity_table["entity_id"].isin(folded), "variants"]
        names = list(dict.fromkeys([*entity.iloc[0]["variants"], *(v for vs in extra for v in vs)]))
        names = [f"{n} ({partly[n]})" if partly and n in partly else n for n in names]
    else:
        return actor_id, "n/a"
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return entry, ", ".join(names[:shown]) + more


def _ending_with(direct: pd.DataFrame, *, wanted: str) -> pd.Series:
    """Mentions by key of the keys in ``direct`` (direct mentions) one of whose display names or forms
    as written ends with the words of ``wanted`` (casefolded, spaces normalised) after another word:
    "vasquez" for Robert Vasquez, whose mentions never wrote the bare surname."""
    ends = pd.Series(False, index=direct.index)
    for column in ("actor", "alias"):
        if column in direct:
            written = direct[column].astype(str).map(lambda text: " ".join(text.split()).casefold())
            ends |= written.str.endswith(" " + wanted)
    return direct.loc[ends, "actor_id"].value_counts()


def _entity_key(mentions: pd.DataFrame, *, actor_id: str) -> str:
    """The key in ``mentions`` (entity mentions) that ``actor_id`` names: the key itself, or the one
    key whose display name it is, or else whose forms as written (``alias``: "Okafor" for Miriam Okafor)
    include it or end with it (case and surrounding spaces ignored); InputError naming the most
    mentioned names when there is none, and the candidates (name and key) when several share it; a name
    given with a title or honorific ("Dr. Amara Okafor") is also tried without it. A bare
    surname ("Vasquez") of two people (Helen Vasquez, Robert Vasquez) is not resolved to either, even
    when the text wrote only one of them so."""
    if (mentions["actor_id"] == actor_id).any():
        return actor_id
    wanted = " ".join(str(actor_id).split()).casefold()
    direct = mentions[mentions["via"] != "pronoun"]

    def keys_where(column: str) -> pd.Series:
        if column not in direct:
            return pd.Series(dtype="int64")
        written = direct[column].astype(str).map(lambda text: " ".join(text.split()).casefold())
        return direct.loc[written == wanted, "actor_id"].value_counts()

    for wanted in dict.fromkeys([wanted, without_titles(wanted)]):  # "Dr. Amara Okafor": Amara Okafor
        keys = keys_where("actor")
        if keys.empty:  # a form as written; a bare surname also names everyone whose name ends with it
            keys = keys_where("alias")
            keys = pd.concat([keys, _ending_with(direct, wanted=wanted).drop(keys.index, errors="ignore")])
        if len(keys):
            break
    if len(keys) == 1:
        return str(keys.index[0])
    names = dict(zip(direct["actor_id"], direct["actor"].astype(str)))
    if len(keys) > 1:
        candidates = ", ".join(f"{names.get(key, key)} ({key})" for key in keys.index)
        raise InputError(f"actor_id {actor_id!r} names {len(keys)} entities: {candidates}; "
                         "pass one of these names or ids.")
    top = actor_ranking(mentions).query("mentions > 0").head(10)
    known = ", ".join(f"{name} ({key})" for key, name in zip(top["actor_id"], top["actor"]))
    raise InputError(f"actor_id {actor_id!r} is not mentioned in this corpus; the most mentioned are: "
                     f"{known or 'none'}. Pass an id of the actor lexicon, or a name or entity id from this list.")


def _also_named(mentions: pd.DataFrame, *, key: str, types: dict[str, str]) -> str | None:
    """The note a profile of ``key`` (resolved from a name, :func:`_entity_key`) opens with when its
    display name is also the last word(s) of other, more mentioned keys of ``mentions`` (entity
    mentions; direct mentions counted): "Doyle is also the surname of Callum Doyle (11 mentions) and
    Jamie Doyle (8): pass one of those to profile them" ("a short form of" where one of them is not a
    person by ``types``, key -> type); None when there is none."""
    direct = mentions[mentions["via"] != "pronoun"]
    counts = direct["actor_id"].value_counts()
    names = dict(zip(direct["actor_id"], direct["actor"].astype(str)))
    name = names.get(key, key)
    wanted = " ".join(name.split()).casefold()
    others = [(other, int(n)) for other, n in _ending_with(direct, wanted=wanted).items()
              if other != key and int(counts.get(other, 0)) > int(counts.get(key, 0))]
    if not others:
        return None
    others = sorted(((o, int(counts[o])) for o, _ in others), key=lambda pair: -pair[1])
    listed = [f"{names.get(o, o)} ({n:,}{' mentions' if i == 0 else ''})" for i, (o, n) in enumerate(others)]
    shown = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    what = "the surname" if all(types.get(o) == "person" for o, _ in others) else "a short form"
    return (f"{name} is also {what} of {shown}: pass "
            f"{'that name' if len(others) == 1 else 'one of those'} to profile {'it' if len(others) == 1 else 'them'}")


def _uncounted(mentions: pd.DataFrame, *, key: str) -> list[tuple[str, int, int, int, list[str]]]:
    """The forms ``key`` is written in (direct mentions of ``mentions``, entity mentions as
    :func:`analysis.tables.entity_tables` gives them) that are also the whole name of another key, whose
    mentions the profile does not count: a bare surname its articles link to no one ("Mr. Venkataraman"
    where the founder Ramesh Venkataraman and his son Arjun Venkataraman share it). One tuple per such
    form: (form, its mentions not counted, their documents, its mentions counted, the names of the
    keys whose name ends with it: who they may be, this key's first)."""
    direct = mentions[mentions["via"] != "pronoun"]
    own = direct[direct["actor_id"] == key]
    names = dict(zip(direct["actor_id"], direct["actor"].astype(str)))
    out = []
    for form, counted in own["alias"].astype(str).value_counts(sort=False).items():
        wanted = " ".join(form.split()).casefold()
        others = [k for k, name in names.items() if k != key and " ".join(name.split()).casefold() == wanted]
        if not others or wanted == " ".join(names[key].split()).casefold():
            continue
        rows = direct[direct["actor_id"].isin(others)]
        ending = list(_ending_with(direct, wanted=wanted).index)
        may_be = [names[k] for k in dict.fromkeys([key, *ending]) if k not in others]
        out.append((form, len(rows), int(rows["doc_id"].nunique()), int(counted), may_be))
    return out


def _may_be(names: list[str], *, form: str) -> str:
    """"Ramesh or Arjun Venkataraman" of names that all end with ``form``, else "A, B or C"."""
    if len(names) > 1 and all(n.endswith(" " + form) for n in names):
        firsts = [n[:-len(form) - 1] for n in names]
        return ", ".join(firsts[:-1]) + " or " + firsts[-1] + " " + form
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _uncounted_note(forms: list[tuple[str, int, int, int, list[str]]]) -> str:
    """The card's "not counted" of :func:`_uncounted`'s ``forms``: "4 mentions of 'Venkataraman' in 3
    articles are not counted: they may be Ramesh or Arjun Venkataraman"; "" when there are none."""
    notes = []
    for form, n, docs, _, may_be in forms:
        verb = "is" if n == 1 else "are"
        who = f": {'it' if n == 1 else 'they'} may be {_may_be(may_be, form=form)}" if may_be else ""
        notes.append(f"{n:,} mention{'s' if n != 1 else ''} of '{form}' in {docs:,} "
                     f"article{'s' if docs != 1 else ''} {verb} not counted{who}")
    return "; ".join(notes)


def _mean_tone(tone: pd.DataFrame, *, score: str) -> str:
    """``score``'s mean over the rows of ``tone`` (one actor's tone rows) as the corpus report's tone
    chart (:func:`analysis.actor_tone_by`: per sentence) computes it, with its n (sentences): "+0.123 (n=4)"; "n/a" when none."""
    if tone.empty or score not in tone:
        return "n/a"
    row = actor_tone_by(tone, score=score, n_boot=0).iloc[0]
    return f"{row[f'mean_{score}']:+.3f} (n={int(row['n_sentences'])})"


def most_mentioned_actor(result: Analysis) -> str:
    """The key of the most mentioned actor of an analysis, as the corpus report counts and names it
    first: direct mentions (no pronouns) of everyone the entity layer found, a lexicon actor under its
    lexicon id, anyone else under its entity id (:func:`analysis.entities_as_mentions`); a tie goes to
    the name first in alphabetical order, then the key (:func:`analysis.actors.actor_ranking`, the order
    of the report's colours and findings). InputError when the corpus names no one."""
    mentions = entities_as_mentions(result.entities, sentences=result.sentences, actors=result.actors,
                                    entity_table=result.entity_table)
    ranked = actor_ranking(mentions)
    if ranked.empty or ranked["mentions"].iloc[0] == 0:
        raise InputError("actor_id=None profiles the most mentioned actor, but this corpus names no one; "
                         "pass an actor_id of the actor lexicon.")
    return str(ranked["actor_id"].iloc[0])


def actor_profile(result: Analysis, *, actor_id: str | None = None, tz: str | None = None) -> ActorProfile:
    """The profile of ``actor_id`` in an analysis; InputError when the actor is never mentioned.

    ``actor_id`` is an id of the actor lexicon (its mentions, quotes and tone are the analysis'
    tables) or, for anyone the lexicon does not list, an entity of the entity layer: its
    ``entity_id`` or its display name as the reports show it, in any case ("Janet Hollis"); then the
    tables are the entity layer's (:func:`analysis.tables.entity_tables`), as in the reports, so a corpus
    needs no lexicon for a profile. None (or empty text): the most mentioned actor, lexicon actor or
    entity (:func:`most_mentioned_actor`; ``most_mentioned`` is then True).

    The card's fields: lexicon entry (the id, type and group: the name is the report's title, not
    repeated; for an entity, "found in the text (not in the lexicon)", its type and id), names counted
    (the lexicon's aliases and titles, or the entity's forms as written, the first 8; a form also
    written for others with how many of its mentions are counted: "Venkataraman (5 of its 8
    mentions)"), mentions (direct), pronoun mentions, documents, for an entity whose form is also the
    whole name of entities linked to no one "not counted" (:func:`_uncounted`: "3 mentions of
    'Venkataraman' in 2 articles are not counted: they may be Ramesh or Arjun Venkataraman", also a
    UserWarning), quoted directly, quoted (reported), the mean tone of every
    sentence naming it or a pronoun for it (the number the corpus report's tone chart shows for it) and of the sentences
    about it (not its own quotes): the target-aware ``target_polarity`` when the analysis' actor tone
    is the target model, the default; the sentence ``polarity`` when it was made with
    ``actor_tone_method="sentence"`` (the field's name says which); first and last publication day it
    appears ("n/a (no dates in this corpus)" when no article has a date, as when the documents have no
    ``published`` column), calendar days of the zone ``tz`` (:func:`analysis.tables.in_zone`; None: UTC). ``partners``: the actors named in the same document (as the corpus report's network links
    them); ``from_lexicon``: whether the tables are the lexicon's (else the entity layer's);
    ``methods``: the keys of :func:`analysis.methods_text` for it.

    A name that is also the surname or short form of other, more mentioned entities ("Doyle", one
    mention, where Callum Doyle and Jamie Doyle are named 11 and 8 times) is profiled as given, with a
    UserWarning naming them (:func:`_also_named`), which a report shows at its top.
    """
    chosen = actor_id is None or not str(actor_id).strip()
    if chosen:
        actor_id = most_mentioned_actor(result)
    all_mentions, all_quotes, all_tone = result.mentions, result.quotes, result.actor_tone
    from_lexicon = bool((all_mentions["actor_id"] == actor_id).any())
    if not from_lexicon:
        all_mentions, all_quotes, all_tone = entity_tables(result)
        given, actor_id = actor_id, _entity_key(all_mentions, actor_id=actor_id)
        if not chosen and given != actor_id:  # a name, not a key: other names it is part of
            table = result.entity_table
            types = {**dict(zip(result.actors.actors["actor_id"], result.actors.actors["type"])),
                     **dict(zip(table["entity_id"], table["type"]))}
            note = _also_named(all_mentions, key=actor_id, types=types)
            if note:
                warnings.warn(note, UserWarning, stacklevel=2)
    corpus_mentions = all_mentions if not from_lexicon else entities_as_mentions(
        result.entities, sentences=result.sentences, actors=result.actors, entity_table=result.entity_table)
    mentions = all_mentions[all_mentions["actor_id"] == actor_id]
    quotes = all_quotes[all_quotes["speaker_id"] == actor_id]
    tone = all_tone[all_tone["actor_id"] == actor_id]
    names = dict(zip(all_mentions["actor_id"], all_mentions["actor"].astype(str)))
    pairs = cooccurrence(all_mentions, within="document")
    partners = _with_partner(pairs[(pairs["actor_a"] == actor_id) | (pairs["actor_b"] == actor_id)],
                            actor_id=actor_id, names=names)
    frames = actor_frames(all_mentions, result.frames)
    direct = mentions[mentions["via"] != "pronoun"]
    published = published_utc(result.documents, fn="actor_profile")
    if tz is not None and "published" in result.documents:
        published = in_zone(result.documents, tz=tz)["published"]
    uncounted = _uncounted(all_mentions, key=actor_id) if not from_lexicon else []
    not_counted = _uncounted_note(uncounted)
    if not_counted:
        warnings.warn(f"{names[actor_id]}: {not_counted}", UserWarning, stacklevel=2)
    days = published[result.documents["doc_id"].isin(direct["doc_id"]).to_numpy()].dropna()
    undated = "n/a (no dates in this corpus)" if published.isna().all() else "n/a (its articles have no date)"
    score, tone_field = (("target_polarity", "mean tone toward it (target-aware)")
                         if "target_polarity" in tone else ("polarity", "mean polarity"))
    card = pd.DataFrame({
        "field": ["lexicon entry", "names counted", "mentions", "pronoun mentions", "documents", "quoted directly",
                  "quoted (reported)", f"{tone_field}, every sentence naming it or a pronoun for it (its quotations too)",
                  f"{tone_field}, sentences about it (not its quotations)",
                  "first day", "last day"],
        "value": [*_lexicon_fields(result.actors, actor_id=actor_id, entity_table=result.entity_table,
                                   partly={form: f"{counted:,} of its {counted + n:,} mentions"
                                           for form, n, _, counted, _ in uncounted}),
                  str(len(direct)), str(len(mentions) - len(direct)),
                  str(direct["doc_id"].nunique()), str(int((quotes["kind"] == "direct").sum())),
                  str(int((quotes["kind"] == "reported").sum())),
                  _mean_tone(tone, score=score), _mean_tone(tone[tone["stance"] == "about"], score=score),
                  days.min().strftime("%Y-%m-%d") if len(days) else undated,
                  days.max().strftime("%Y-%m-%d") if len(days) else undated],
    })
    if not_counted:  # right after "documents": what the counts above leave out
        card = pd.concat([card.iloc[:5], pd.DataFrame({"field": ["not counted"], "value": [not_counted]}),
                          card.iloc[5:]], ignore_index=True)
    from analysis.charts import actor_colors  # plotly: imported when needed, not with the package

    colors = report_colors(corpus_mentions)  # the corpus report's colours; a lexicon-only key (a title) after them
    colors = actor_colors([*colors, actor_id, *partners["partner_id"].astype(str)], ranked=True)
    return ActorProfile(actor_id=actor_id, card=card, mentions=mentions.reset_index(drop=True),
                        quotes=quotes.reset_index(drop=True), actor_tone=tone.reset_index(drop=True),
                        partners=partners.reset_index(drop=True),
                        frames=frames[frames["actor_id"] == actor_id].reset_index(drop=True),
                        name=names[actor_id], from_lexicon=from_lexicon, most_mentioned=chosen, colors=colors)
