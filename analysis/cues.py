"""Speech cue verbs as data: loading and validating ``lexicons/cue_verbs.yml``.

Shared by :mod:`analysis.quotes` (who speaks) and :mod:`analysis.actors` (pronoun patterns such as
"he added"). See the YAML file's header for the format and ``lexicons/README.md`` for provenance.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import LexiconError
from analysis.lexicon_io import (Field, ListSchema, Problem, choice, content_hash, entry_error, read_yaml,
                                 required_text, shipped_lexicon, validate_entry)

__all__ = ["CueVerbs", "load_cue_verbs", "DEFAULT_CUE_VERBS"]

DEFAULT_CUE_VERBS = Path(__file__).resolve().parent / "lexicons" / "cue_verbs.yml"
_CLAUSES = ("bare", "that")
_ADDRESSEES = ("none", "object", "to")
_FORM = re.compile(r"^[a-z][a-z' -]*[a-z]$")


def _forms(value: Any) -> list[str]:
    if not isinstance(value, list) or not value:
        raise Problem("give a non-empty list of lower-case forms")
    for form in value:
        if not isinstance(form, str) or not _FORM.match(form):
            raise Problem(f"{form!r} is not a lower-case word")
    return value


#: The cue_verbs.yml entries, as data (validated by :func:`analysis.lexicon_io.validate_entry`).
CUE_VERBS_FILE = ListSchema(
    key="cue_verbs", kind="cue-verb list", items="verbs", noun="cue_verbs entry", label_key="lemma",
    label_format="{!r}", start="'cue_verbs:' followed by a list of verbs",
    entry_hint="{lemma: ..., clause: bare|that, forms: [...]}",
    fields={
        "lemma": Field(required_text("give the verb's dictionary form")),
        "clause": Field(choice(_CLAUSES, "{value!r} is not one of {options}", default="that")),
        "addressee": Field(choice(_ADDRESSEES, "{value!r} is not one of {options}", default="none")),
        "forms": Field(_forms),
    },
)


@dataclass(frozen=True, eq=False)
class CueVerbs:
    """Cue verbs: ``verbs`` has one row per form (form, lemma, clause, addressee); ``source_phrases``
    are phrases like "according to" that put the speaker after them; ``speaker_nouns`` are common
    nouns that can head an unnamed speaker ("officials said"); ``honorifics`` are titles that are
    never a speaker by themselves ("Mr.", "Rep.", "Coach"); ``title_markers`` are words after which a
    quotation is the title of a work, not speech ("known as", "the book"); ``organization_nouns`` are
    the speaker nouns that stand for an organisation named before them ("the company said"), of which
    ``generic_organization_nouns`` fit an organisation whose name does not state its kind ("Northwind
    Energy ... the company said"; the others, "the union", only one whose name holds them; None: all);
    ``document_nouns`` name documents, a source at most ("according to a statement");
    ``spokesperson_nouns`` are the people who speak for an organisation ("a hospital spokesman",
    "Hospital officials", "a spokeswoman for Lakeport General": linked to the organisation the phrase
    names; empty: none linked so); ``team_lead_nouns`` are the roles of the one who leads a team, which
    sports copy writes for one another ("the Harlow boss" is the person given "Harlow manager");
    ``display_words`` are words of chanting and of words held up ("chanting", "banner", "placard"): a
    quotation they introduce with no cue or speaker of its own is no one's speech;
    ``organization_kinds`` maps an organisation noun whose kind names often do not hold to the name
    words that state it ("utility" -> power, energy, electric, ...: "Pacific Ridge Power ... the utility
    said" links to it among other organisations; empty: none);
    ``headline_cues`` maps the phrases of British headline idioms to their lemma ("hears" -> "hear",
    "told" -> "tell", "speak out" -> "speak": "…'could have been prevented', inquest hears"), read in a
    headline only, whose speakers may also be headed by ``headline_speaker_nouns`` ("inquest", "jury");
    ``naming_of`` maps the forms of naming verbs to their lemma ("called" -> "call": "Ruiz called the
    record "a list of missed deadlines"" quotes Ruiz, though "call" is no cue verb of reported speech);
    ``quotation_of`` maps the forms of verbs that attribute only a quotation right before them to their
    lemma ("asked" -> "ask": '"Why?" she asked.' quotes her, though "asked" is no cue of reported speech:
    "asked whether", "asked to leave");
    ``sha256`` identifies the content."""

    verbs: pd.DataFrame
    source_phrases: tuple[str, ...]
    speaker_nouns: frozenset[str]
    source: str
    sha256: str
    honorifics: frozenset[str] = frozenset()
    title_markers: tuple[str, ...] = ()
    organization_nouns: frozenset[str] = frozenset()
    generic_organization_nouns: frozenset[str] | None = None
    document_nouns: frozenset[str] = frozenset()
    spokesperson_nouns: frozenset[str] = frozenset()
    team_lead_nouns: frozenset[str] = frozenset()
    display_words: frozenset[str] = frozenset()
    naming_of: Mapping[str, str] = dc_field(default_factory=dict)
    quotation_of: Mapping[str, str] = dc_field(default_factory=dict)
    organization_kinds: Mapping[str, frozenset[str]] = dc_field(default_factory=dict)
    headline_cues: Mapping[str, str] = dc_field(default_factory=dict)
    headline_speaker_nouns: frozenset[str] = frozenset()

    @functools.cached_property
    def lemma_of(self) -> dict[str, str]:
        """form -> lemma."""
        return dict(zip(self.verbs["form"], self.verbs["lemma"]))

    @functools.cached_property
    def clause_of(self) -> dict[str, str]:
        """form -> 'bare' or 'that'."""
        return dict(zip(self.verbs["form"], self.verbs["clause"]))

    @functools.cached_property
    def addressee_of(self) -> dict[str, str]:
        """form -> 'object' (``told X``), 'to' (``wrote to X``) or 'none'."""
        return dict(zip(self.verbs["form"], self.verbs["addressee"]))

    @functools.cached_property
    def present_forms(self) -> frozenset[str]:
        """The forms that are also nouns' forms in the present: the lemma and its -s form ("state",
        "states"); such a form is a verb only after a subject."""
        return frozenset(f for f, lemma in self.lemma_of.items()
                         if f == lemma or (f.endswith("s") and not f.endswith("ss")))

    @functools.cached_property
    def title_last_words(self) -> frozenset[str]:
        """The last words of the title markers ("as" of "known as")."""
        return frozenset(t.split()[-1] for t in self.title_markers)

    @functools.cached_property
    def title_markers_set(self) -> frozenset[str]:
        """The title markers, for look-ups of the last words before a quotation."""
        return frozenset(self.title_markers)

    @functools.cached_property
    def title_pattern(self) -> re.Pattern[str]:
        """A title marker ending right before a quotation mark ("known as the ", "the book, ")."""
        alts = "|".join(re.escape(t) for t in sorted(self.title_markers, key=len, reverse=True)) or r"(?!x)x"
        return re.compile(rf"(?<![\w-])(?:{alts})(?:\s+the)?[\s,:]*\Z", re.IGNORECASE)

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Any cue form as a whole word, lower case or capitalised (sentence start); group 'cue'."""
        forms = sorted(self.lemma_of, key=len, reverse=True)
        alts = "|".join(re.escape(f) for f in forms) or r"(?!x)x"
        caps = "|".join(re.escape(f[0].upper() + f[1:]) for f in forms) or r"(?!x)x"
        return re.compile(rf"(?<![\w-])(?P<cue>{alts}|{caps})(?![\w-])")

    @functools.cached_property
    def source_pattern(self) -> re.Pattern[str]:
        """Any source phrase ("according to"), lower case or capitalised (sentence start)."""
        # the first letter as a class, the look-behind after it: a literal-led pattern searches fast
        alts = [f"[{re.escape(p[0])}{re.escape(p[0].upper())}](?<!\\w[{re.escape(p[0])}{re.escape(p[0].upper())}])"
                f"{re.escape(p[1:])}" for p in self.source_phrases]
        return re.compile(rf"(?:{'|'.join(alts) or '(?!x)x'})(?!\w)")

    @functools.cached_property
    def finite_pattern(self) -> str:
        """Regex alternation of the finite forms (no -ing), for "he added" / "she said"."""
        forms = sorted((f for f in self.lemma_of if not f.endswith("ing")), key=len, reverse=True)
        return "|".join(re.escape(f) for f in forms) or r"(?!x)x"


def load_cue_verbs(source: str | Path | Mapping[str, Any] | None = None) -> CueVerbs:
    """Load cue verbs from a YAML path or a parsed mapping; None gives the installed default list.

    Raises LexiconError naming the file, line, entry and field on a bad entry.
    """
    if source is None:
        return shipped_lexicon(_build, DEFAULT_CUE_VERBS)
    return _build(read_yaml(source))


def _mapping_of_lists(doc, key: str, what: str) -> Mapping[str, list]:
    """The optional field ``key`` of a cue-verb file: a mapping of words to non-empty lists of words
    ({} when absent); LexiconError "<place>: field '<key>': give a mapping of <what>" otherwise."""
    value = doc.data.get(key, {})
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, list) and v
            and all(isinstance(w, str) and w.strip() for w in v) for k, v in value.items()):
        raise LexiconError(f"{doc.where(key)}: field {key!r}: give a mapping of {what}")
    return value


def _build(doc) -> CueVerbs:
    data = doc.data
    if not isinstance(data, Mapping) or not isinstance(data.get("cue_verbs"), list):
        raise LexiconError(f"{doc.where()}: expected a mapping with a 'cue_verbs:' list of verbs; "
                           "see analysis/lexicons/cue_verbs.yml for the format")
    forms, lemmas, clauses, addressees = [], [], [], []
    owner: dict[str, int] = {}
    for i, entry in enumerate(data["cue_verbs"]):
        values = validate_entry(doc, CUE_VERBS_FILE, i, entry)
        for form in values["forms"]:
            if form in owner and owner[form] != i:
                raise entry_error(doc, CUE_VERBS_FILE, i, entry, "forms",
                                  f"{form!r} is also listed by entry {owner[form] + 1}; keep it once")
            if form not in owner:
                owner[form] = i
                forms.append(form)
                lemmas.append(values["lemma"])
                clauses.append(values["clause"])
                addressees.append(values["addressee"])
    phrases = data.get("source_phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise LexiconError(f"{doc.where('source_phrases')}: field 'source_phrases': give a list of "
                           "non-empty phrases such as [according to]")
    nouns = data.get("speaker_nouns", [])
    if not isinstance(nouns, list) or not all(isinstance(n, str) and n.strip() for n in nouns):
        raise LexiconError(f"{doc.where('speaker_nouns')}: field 'speaker_nouns': give a list of "
                           "non-empty nouns such as [official, spokesman]")
    lists = {}
    for key, example in (("honorifics", "[Mr., Rep., Coach]"), ("title_markers", "[known as, the book]"),
                         ("organization_nouns", "[company, ministry]"),
                         ("generic_organization_nouns", "[company, agency]"),
                         ("document_nouns", "[statement, report]"),
                         ("spokesperson_nouns", "[spokesman, officials]"),
                         ("team_lead_nouns", "[manager, boss]"), ("display_words", "[chanting, banner]")):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise LexiconError(f"{doc.where(key)}: field {key!r}: give a list of non-empty words such as {example}")
        if key in data or key not in ("generic_organization_nouns", "spokesperson_nouns", "team_lead_nouns",
                                      "display_words"):
            lists[key] = value
    naming = _mapping_of_lists(doc, "naming_verbs", "lemmas to their forms such as {call: [call, calls, called]}")
    naming_of = {f.strip().lower(): k.strip().lower() for k, v in naming.items() for f in v}
    quoting = _mapping_of_lists(doc, "quotation_verbs", "lemmas to their forms such as {ask: [ask, asks, asked]}")
    quotation_of = {f.strip().lower(): k.strip().lower() for k, v in quoting.items() for f in v}
    kinds = _mapping_of_lists(doc, "organization_kinds", "organisation nouns to the name words that state them "
                              "such as {utility: [power, energy]}")
    kinds_of = {k.strip().lower(): frozenset(w.strip().lower() for w in v) for k, v in kinds.items()}
    heads = _mapping_of_lists(doc, "headline_cues", "lemmas to the phrases of headline idioms such as "
                              "{hear: [hears, heard]}")
    headline_cues = {" ".join(f.lower().split()): k.strip().lower() for k, v in heads.items() for f in v}
    heard_by = data.get("headline_speaker_nouns", [])
    if not isinstance(heard_by, list) or not all(isinstance(v, str) and v.strip() for v in heard_by):
        raise LexiconError(f"{doc.where('headline_speaker_nouns')}: field 'headline_speaker_nouns': give a list "
                           "of non-empty words such as [inquest, jury]")
    verbs = pd.DataFrame({"form": forms, "lemma": lemmas, "clause": clauses, "addressee": addressees})
    generic = lists.pop("generic_organization_nouns") if "generic_organization_nouns" in data else None
    spokespeople = lists.pop("spokesperson_nouns", [])
    team_leads = lists.pop("team_lead_nouns", [])
    displays = lists.pop("display_words", [])
    normal = {"cue_verbs": verbs.to_dict("records"), "source_phrases": phrases, "speaker_nouns": nouns, **lists}
    if generic is not None:  # only when given: a list without it keeps its hash
        normal["generic_organization_nouns"] = generic
    if spokespeople:  # only when given: a list without them keeps its hash
        normal["spokesperson_nouns"] = spokespeople
    if team_leads:  # only when given: a list without them keeps its hash
        normal["team_lead_nouns"] = team_leads
    if displays:  # only when given: a list without them keeps its hash
        normal["display_words"] = displays
    if naming_of:  # only when given: a list without them keeps its hash
        normal["naming_verbs"] = naming_of
    if quotation_of:  # only when given: a list without them keeps its hash
        normal["quotation_verbs"] = quotation_of
    if kinds_of:  # only when given: a list without them keeps its hash
        normal["organization_kinds"] = {k: sorted(v) for k, v in kinds_of.items()}
    if headline_cues:  # only when given: a list without them keeps its hash
        normal["headline_cues"] = headline_cues
        normal["headline_speaker_nouns"] = heard_by
    return CueVerbs(verbs=verbs, source_phrases=tuple(p.strip().lower() for p in phrases),
                    speaker_nouns=frozenset(n.strip().lower() for n in nouns),
                    source=doc.name, sha256=content_hash(normal),
                    honorifics=frozenset(h.strip().lower().rstrip(".") for h in lists["honorifics"]),
                    title_markers=tuple(t.strip().lower() for t in lists["title_markers"]),
                    organization_nouns=frozenset(n.strip().lower() for n in lists["organization_nouns"]),
                    generic_organization_nouns=None if generic is None else frozenset(
                        n.strip().lower() for n in generic),
                    document_nouns=frozenset(n.strip().lower() for n in lists["document_nouns"]),
                    spokesperson_nouns=frozenset(n.strip().lower() for n in spokespeople),
                    team_lead_nouns=frozenset(n.strip().lower() for n in team_leads),
                    display_words=frozenset(n.strip().lower() for n in displays),
                    naming_of=naming_of, quotation_of=quotation_of, organization_kinds=kinds_of,
                    headline_cues=headline_cues, headline_speaker_nouns=frozenset(n.strip().lower() for n in heard_by))
