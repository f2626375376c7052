"""One actor across a corpus: the rows of every table that concern it, and a summary card."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.actors import cooccurrence
from analysis.corpus.keys import published_utc
from analysis.errors import InputError
from analysis.framing import actor_frames
from analysis.pipeline import Analysis
from analysis.tables import keep_top  # noqa: F401 - moved to analysis.tables; importable from here for one release

__all__ = ["ActorProfile", "actor_profile"]


@dataclass(frozen=True)
class ActorProfile:
    """The tables of one actor.

    ``mentions``, ``quotes`` (spoken by the actor), ``actor_tone``: that actor's rows of the analysis
    tables; ``partners``: co-occurrence pairs (sentence level) that include the actor, with the other
    actor's id and display name in ``partner_id`` and ``partner``; ``frames``: its row(s) of
    ``actor_frames``; ``card``: a field/value summary; ``name``: the actor's display name (a report's
    title).
    """

    actor_id: str
    card: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    actor_tone: pd.DataFrame
    partners: pd.DataFrame
    frames: pd.DataFrame
    name: str = ""


def _with_partner(pairs: pd.DataFrame, *, actor_id: str, names: dict[str, str]) -> pd.DataFrame:
    """Co-occurrence ``pairs`` that include ``actor_id``, with the other actor of each pair added.

    Output columns: those of ``cooccurrence`` (actor_a, actor_b, count, n_a, n_b, pmi, jaccard), then
    partner_id (the actor of the pair that is not ``actor_id``) and partner (its display name from
    ``names``, else its id).
    """
    other = pairs["actor_b"].where(pairs["actor_a"] == actor_id, pairs["actor_a"])
    return pairs.assign(partner_id=other, partner=other.map(lambda i: names.get(i, i)))


def _lexicon_fields(lexicon, *, actor_id: str, shown: int = 8) -> tuple[str, str]:
    """The card's "lexicon entry" (``actor_id (type, group G)``) and "names counted" (its aliases, then
    its titles, the first ``shown``, "and N more"); the id and "n/a" without the lexicon."""
    rows = lexicon.actors[lexicon.actors["actor_id"] == actor_id] if lexicon is not None else None
    if rows is None or rows.empty:
        return actor_id, "n/a"
    row = rows.iloc[0]
    group = row["group"]
    entry = f"{actor_id} ({row['type']}" + (f", group {group}" if isinstance(group, str) and group else "") + ")"
    names = [*row["aliases"], *row["titles"]]
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return entry, ", ".join(names[:shown]) + more


def actor_profile(result: Analysis, *, actor_id: str) -> ActorProfile:
    """The profile of ``actor_id`` in an analysis; InputError when the actor is never mentioned.

    The card's fields: lexicon entry (the id, type and group: the name is the report's title, not
    repeated), names counted (the lexicon's aliases and titles, the first 8), mentions (direct),
    pronoun mentions, documents, quoted directly, quoted (reported), mean tone of the sentences about it (the target-aware ``target_polarity`` when the
    analysis' actor tone is the target model, the default; the sentence ``polarity`` when it was made
    with ``actor_tone_method="sentence"``; the field's name says which), first and last publication
    day it appears.
    """
    mentions = result.mentions[result.mentions["actor_id"] == actor_id]
    if mentions.empty:
        known = ", ".join(result.mentions["actor_id"].value_counts().index[:10])
        raise InputError(f"actor_id {actor_id!r} is not mentioned in this corpus; the most mentioned are: "
                         f"{known or 'none'}. Check the id against the actor lexicon.")
    quotes = result.quotes[result.quotes["speaker_id"] == actor_id]
    tone = result.actor_tone[result.actor_tone["actor_id"] == actor_id]
    names = dict(zip(result.mentions["actor_id"], result.mentions["actor"].astype(str)))
    pairs = cooccurrence(result.mentions)
    partners = _with_partner(pairs[(pairs["actor_a"] == actor_id) | (pairs["actor_b"] == actor_id)],
                            actor_id=actor_id, names=names)
    frames = actor_frames(result.mentions, result.frames)
    direct = mentions[mentions["via"] != "pronoun"]
    days = published_utc(result.documents.loc[result.documents["doc_id"].isin(direct["doc_id"])],
                         fn="actor_profile").dropna()
    score, tone_field = (("target_polarity", "mean tone toward it (target-aware), sentences about it")
                         if "target_polarity" in tone else ("polarity", "mean polarity, sentences about it"))
    about = tone.loc[tone["stance"] == "about", score] if score in tone else pd.Series(dtype=float)
    card = pd.DataFrame({
        "field": ["lexicon entry", "names counted", "mentions", "pronoun mentions", "documents", "quoted directly",
                  "quoted (reported)", tone_field, "first day", "last day"],
        "value": [*_lexicon_fields(result.actors, actor_id=actor_id), str(len(direct)), str(len(mentions) - len(direct)),
                  str(direct["doc_id"].nunique()), str(int((quotes["kind"] == "direct").sum())),
                  str(int((quotes["kind"] == "reported").sum())),
                  f"{about.mean():+.3f} (n={len(about)})" if len(about) else "n/a",
                  days.min().strftime("%Y-%m-%d") if len(days) else "n/a",
                  days.max().strftime("%Y-%m-%d") if len(days) else "n/a"],
    })
    return ActorProfile(actor_id=actor_id, card=card, mentions=mentions.reset_index(drop=True),
                        quotes=quotes.reset_index(drop=True), actor_tone=tone.reset_index(drop=True),
                        partners=partners.reset_index(drop=True),
                        frames=frames[frames["actor_id"] == actor_id].reset_index(drop=True),
                        name=names[actor_id])
