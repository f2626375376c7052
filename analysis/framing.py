"""Framing: frame codebooks (YAML) and frame scores per sentence, per document and per actor.

A codebook lists frames, each with an id, a label, a description and the terms that signal it
(docs/design.md, "Lexicon formats")::

    codebook: generic-news-frames
    frames:
      - id: conflict
        label: Conflict
        description: disagreement between parties; one side reproaches another; winners and losers
        threshold: 2          # optional: hits a document needs for the frame to be present (default 1)
        min_terms: 1          # optional: distinct terms a document needs as well (default 1)
        lead_sentences: 3     # optional: the headline and the first 3 sentences are the lead ...
        lead_weight: 2        # ... where every hit counts twice toward the threshold (default 1)
        actor_terms: [accus*] # optional: count only in a sentence naming min_actors actors ...
        min_actors: 2
        actor_weight: 2       # ... and there count twice toward the threshold (default 1)
        terms: [rift, defiant, criticiz*, "stand alone"]

Matching rules (each has a test in tests/test_framing.py):

* terms match **case-insensitively on word edges**: no letter or digit directly before or after
  the match ("war" matches in "a war," and "war-torn", not in "award" or "warm");
* a trailing ``*`` makes the term a **prefix**: "criticiz*" matches "criticize", "criticizing" (the
  match runs to the end of the word); a ``*`` anywhere else, or a lone ``*``, is an error;
* a space in a phrase matches **any single run of whitespace**, line breaks included
  ("stand alone" matches "stand\\n alone"); curly apostrophes match straight ones;
* where matches overlap, the **leftmost-longest** wins and each word counts once (as for actor
  aliases): with "crisis" in one frame and "humanitarian crisis" in another, "humanitarian crisis"
  is one hit for the second frame only;
* the **same term may appear in two frames** of one codebook (an indicator can serve two frames,
  e.g. "blame" for conflict and for responsibility): each match then counts once for each of them.
  Listing a term twice in one frame is an error (a copy-paste slip);
* the codebook's top-level ``exclude`` list holds phrases that are **evidence of no frame**, written
  as terms are: they take part in the leftmost-longest choice like terms, so "emergency department"
  hides the term "emergency" and "air strike" the term "strike", and a match of an excluded phrase
  counts for nothing (on exactly the same words as a term, the excluded phrase wins: "strike*" excluded
  hides the term "strikes"). A phrase may not be both excluded and a term.

Matches never cross sentence boundaries. The whole codebook is one Aho-Corasick automaton
(pyahocorasick) run once over a chunk of sentences, so the cost per character does not grow
with the number of terms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np
import pandas as pd

from analysis.deprecation import deprecated_alias, moved_names
from analysis.text import sentences_of
from analysis.corpus.keys import join_document_keys
from analysis.errors import InputError, LexiconError, require_columns, require_table
from analysis.lexicon_io import (Field, ListSchema, Problem, YamlDoc, content_hash, count, entry_error, entry_list,
                                 item_list, lexicon_id, loaded_lexicon, optional_text, read_yaml, required_text,
                                 shipped_lexicon, validate_entry)
from analysis.schema import FRAME_DOCUMENT_COLUMNS, FRAME_SENTENCE_COLUMNS, output_columns

__all__ = [
    "frames_by",
    "Codebook",
    "CODEBOOKS",
    "FRAME_SENTENCE_COLUMNS",
    "FRAME_DOCUMENT_COLUMNS",
    "load_frames",
    "frames",
    "actor_frames",
    "named_actor_counts",
    "below_threshold_units",
    "NAME_TYPES",
]

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

#: The shipped codebooks, by short name.
CODEBOOKS: dict[str, Path] = {
    "generic": LEXICON_DIR / "generic.yml",
    "conflict-news": LEXICON_DIR / "conflict-news.yml",
}



_TOP_FIELDS = ("codebook", "frames", "exclude", "description", "source", "version", "notes")
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_WORD_TAIL = re.compile(r"[^\W_]*")  # letters and digits (str.isalnum), for prefix terms
_SEP = "\x00"  # separator between sentences matched in one pass
_CHUNK = 50_000  # sentences per matching pass
_EXCLUDED = -1  # the term index of an excluded phrase in the matcher


# ------------------------------------------------------------------------------------ codebook


def normalize_text(text: str) -> str:
    """Text as terms are matched against it: lower-cased, curly apostrophes straightened, every
    whitespace run one space (and none at either end)."""
    return " ".join(text.lower().replace("’", "'").split())


@dataclass(frozen=True, eq=False)
class Codebook:
    """A validated frame codebook.

    ``frames``: one row per frame — frame_id, label, description, threshold (int, default 1: weighted
    hits a document needs), min_terms (int, default 1: distinct terms a document needs), lead_sentences
    (int, default 0: the headline and this many first sentences are the lead), lead_weight (int,
    default 1: what a hit in the lead counts toward the threshold), actor_weight (int, default 1: what a
    hit of an actor term counts toward the threshold, times lead_weight in the lead).
    ``terms``: one row per term and frame — frame_id, term (as written, lower-cased), prefix (bool).
    ``name``: the codebook's name; ``source``: the file it came from (or '<mapping>');
    ``sha256``: a hash of the normalised content, for provenance (same content, same hash);
    ``exclude``: the phrases that count for no frame (lower-cased, as written; a trailing * is a prefix).
    """

    name: str
    frames: pd.DataFrame
    terms: pd.DataFrame
    source: str
    sha256: str
    exclude: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.frames)

    def __repr__(self) -> str:
        return (
            f"Codebook({self.name!r}: {len(self.frames)} frames, {len(self.terms)} terms, "
            f"source={self.source!r}, sha256={self.sha256[:12]}...)"
        )

    @functools.cached_property
    def matcher(self) -> _Matcher:
        """The Aho-Corasick automaton and lookup arrays (built once per codebook object)."""
        return _Matcher.build(self)

    def to_yaml(self) -> str:
        """The codebook in the frames.yml format (round-trips through :func:`load_frames`)."""
        import yaml

        frames = []
        for row in self.frames.itertuples(index=False):
            entry: dict[str, Any] = {"id": row.frame_id, "label": row.label}
            if isinstance(row.description, str) and row.description:
                entry["description"] = row.description
            if int(row.threshold) != 1:
                entry["threshold"] = int(row.threshold)
            if int(row.min_terms) != 1:
                entry["min_terms"] = int(row.min_terms)
            if int(row.lead_sentences) > 0:
                entry["lead_sentences"] = int(row.lead_sentences)
                entry["lead_weight"] = int(row.lead_weight)
            own = self.terms[self.terms["frame_id"] == row.frame_id]
            plain, bound = own[own["min_actors"] == 0], own[own["min_actors"] > 0]
            if len(plain):
                entry["terms"] = plain["term"].tolist()
            if len(bound):
                entry["actor_terms"] = bound["term"].tolist()
                entry["min_actors"] = int(bound["min_actors"].iloc[0])
                if int(row.actor_weight) != 1:
                    entry["actor_weight"] = int(row.actor_weight)
            frames.append(entry)
        top: dict[str, Any] = {"codebook": self.name, "frames": frames}
        if self.exclude:
            top["exclude"] = list(self.exclude)
        return yaml.safe_dump(top, sort_keys=False, allow_unicode=True, width=110)


def load_frames(source: str | Path | Mapping[str, Any] | Codebook | None = None) -> Codebook:
    """Load and validate a frame codebook (docs/design.md format).

    ``source``: a YAML path; a short name of a shipped codebook ("generic", "conflict-news"); an
    already-parsed mapping ``{"frames": [...]}``; a Codebook (returned as is); an
    :class:`analysis.Analysis` (the codebook it was made with); or None for the default generic news
    frames (``analysis/lexicons/generic.yml``).

    Top-level fields: ``codebook`` (its name), ``frames`` (the list), ``exclude`` (optional: phrases,
    written as terms, that count for no frame and hide the terms they overlap by the leftmost-longest
    rule: "emergency department" keeps "emergency" from counting), ``description``, ``source``,
    ``version``, ``notes``.

    Frame fields: ``id`` (unique, lower-case), ``label``, ``description``, ``terms`` (non-empty list;
    trailing ``*`` = prefix), optional ``threshold`` (whole number >= 1: hits a document needs),
    ``min_terms`` (whole number >= 1: distinct terms a document needs), ``lead_sentences`` and
    ``lead_weight`` (whole numbers >= 1, given together: a hit in the headline or the first
    ``lead_sentences`` sentences counts ``lead_weight`` times toward the threshold), ``actor_terms``
    with ``min_actors`` and ``actor_weight`` (whole numbers >= 1: an actor term counts only in a
    sentence naming ``min_actors`` actors, and then ``actor_weight`` times) and ``notes``.

    Raises LexiconError naming the file, the line, the frame (number and id) and the term for:
    malformed YAML, a missing ``frames`` list, an unknown field, a missing or malformed id or
    label, a duplicate frame id, an empty frame (no terms), an empty or non-text term, a malformed
    wildcard (``*`` not at the end, a lone ``*``, ``*`` after a space), a term listed twice in one
    frame, an ``exclude`` phrase that is malformed, listed twice or also a frame's term, a bad threshold,
    min_terms, lead_sentences, lead_weight, min_actors or actor_weight, one of
    lead_sentences and lead_weight without the other, and min_actors or actor_weight without actor_terms.
    """
    if source is None:
        return shipped_lexicon(_build_codebook, CODEBOOKS["generic"])
    loaded = loaded_lexicon(source, kind=Codebook, attribute="codebook", missing=(
        "this analysis does not record its frame codebook (saved by an older version, or "
        "made from a mapping); pass the codebook it was made with, codebook=<path or name>"))
    if loaded is not None:
        return loaded
    if isinstance(source, str) and source in CODEBOOKS:
        return shipped_lexicon(_build_codebook, CODEBOOKS[source])
    if isinstance(source, (str, Path)) and not Path(source).exists() and not str(source).endswith(
        (".yml", ".yaml")
    ):
        raise LexiconError(
            f"{source}: no such codebook file or shipped codebook; pass a YAML path or one of "
            f"{', '.join(map(repr, CODEBOOKS))}"
        )
    return _build_codebook(read_yaml(source))


def _build_codebook(doc: YamlDoc) -> Codebook:
    raw = entry_list(doc, FRAMES_FILE)
    data = doc.data
    name = data.get("codebook")
    if name is None:
        name = Path(doc.name).stem if doc.node is not None else "codebook"
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(f"{doc.where('codebook')}: 'codebook' must be a name such as 'generic-news-frames'")
    frames = [_validate_frame(doc, i, entry) for i, entry in enumerate(raw)]
    exclude = _excluded(doc, frames)
    seen: dict[str, int] = {}
    for i, frame in enumerate(frames):
        if frame["id"] in seen:
            j = seen[frame["id"]]
            raise LexiconError(
                f"{doc.where('frames', i, 'id')}: {FRAMES_FILE.label(i, frame)}, field 'id': duplicate "
                f"frame id {frame['id']!r}, already used by frame {j + 1} (line "
                f"{doc.line('frames', j, 'id')}); give each frame its own id, or merge the two"
            )
        seen[frame["id"]] = i
    table = pd.DataFrame(
        {
            "frame_id": pd.array([f["id"] for f in frames], dtype="str"),
            "label": pd.array([f["label"] for f in frames], dtype="str"),
            "description": pd.array([f["description"] for f in frames], dtype="str"),
            "threshold": np.array([f["threshold"] for f in frames], dtype=np.int64),
            "min_terms": np.array([f["min_terms"] for f in frames], dtype=np.int64),
            "lead_sentences": np.array([f["lead_sentences"] for f in frames], dtype=np.int64),
            "lead_weight": np.array([f["lead_weight"] for f in frames], dtype=np.int64),
            "actor_weight": np.array([f["actor_weight"] for f in frames], dtype=np.int64),
        }
    )
    owners = [f["id"] for f in frames for _ in (*f["terms"], *f["actor_terms"])]
    terms = [t for f in frames for t in (*f["terms"], *f["actor_terms"])]
    needs = [n for f in frames for n in [0] * len(f["terms"]) + [f["min_actors"]] * len(f["actor_terms"])]
    term_table = pd.DataFrame(
        {
            "frame_id": pd.array(owners, dtype="str"),
            "term": pd.array(terms, dtype="str"),
            "prefix": np.array([t.endswith("*") for t in terms], dtype=bool),
            "min_actors": np.array(needs, dtype=np.int64),
        }
    )
    content: dict[str, Any] = {"codebook": name.strip(), "frames": [
        {k: v for k, v in f.items()
         if (k not in ("actor_terms", "min_actors") or f["actor_terms"]) and (k not in ("min_terms", "actor_weight") or v != 1)
         and (k not in ("lead_sentences", "lead_weight") or f["lead_sentences"])}
        for f in frames
    ]}
    if exclude:  # a codebook without exclusions keeps the hash it had before the field existed
        content["exclude"] = list(exclude)
    return Codebook(name=name.strip(), frames=table, terms=term_table, source=doc.name,
                    sha256=content_hash(content), exclude=tuple(exclude))


def _excluded(doc: YamlDoc, frames: list[dict[str, Any]]) -> list[str]:
    """The codebook's ``exclude`` phrases, normalised as terms are (LexiconError naming the file, the
    line and the phrase for a malformed one, one listed twice, or one that is also a frame's term)."""
    if "exclude" not in doc.data:
        return []
    try:
        exclude = _terms("exclude")(doc.data["exclude"])
    except Problem as problem:
        raise LexiconError(f"{doc.where('exclude', *problem.at)}: field 'exclude': {problem}") from None
    for k, phrase in enumerate(exclude):
        for i, frame in enumerate(frames):
            if phrase in frame["terms"] or phrase in frame["actor_terms"]:
                raise LexiconError(
                    f"{doc.where('exclude', k)}: field 'exclude': phrase {k + 1} {phrase!r} is also a term of "
                    f"{FRAMES_FILE.label(i, frame)}; an excluded phrase counts for no frame, so keep it in one list")
    return exclude


def _validate_frame(doc: YamlDoc, i: int, entry: object) -> dict[str, Any]:
    values = validate_entry(doc, FRAMES_FILE, i, entry)

    def fail(field: str, problem: str, *at: str | int) -> LexiconError:
        return entry_error(doc, FRAMES_FILE, i, entry, field, problem, *at)

    terms, actor_terms = values["terms"], values["actor_terms"]
    if not terms and not actor_terms:
        raise fail("terms", "the frame has no terms; list at least one, e.g. terms: [rift, criticiz*]")
    for k, term in enumerate(actor_terms):
        if term in terms:
            raise fail("actor_terms", f"term {k + 1} {term!r} is also in 'terms' of this frame; keep it in one list", k)
    for field in ("min_actors", "actor_weight"):
        if field in entry and not actor_terms:
            raise fail(field, f"applies to 'actor_terms', which this frame does not have; add them or remove {field}")
    for given, missing in (("lead_sentences", "lead_weight"), ("lead_weight", "lead_sentences")):
        if given in entry and missing not in entry:
            raise fail(given, f"needs '{missing}' as well (lead_sentences: 3, lead_weight: 2 counts a hit in the "
                              "headline and the first 3 sentences twice); give both or neither")
    return {"id": values["id"], "label": values["label"], "description": values["description"] or "",
            "threshold": values["threshold"], "min_terms": values["min_terms"],
            "lead_sentences": values["lead_sentences"] if "lead_sentences" in entry else 0,
            "lead_weight": values["lead_weight"], "terms": terms,
            "actor_terms": actor_terms, "min_actors": values["min_actors"],
            "actor_weight": values["actor_weight"] if "actor_weight" in entry else 1}


def _terms(field: str) -> Callable[[Any], list[str]]:
    """The check of one term list (a frame's ``terms`` or ``actor_terms``, or the codebook's
    ``exclude``): its normalised terms ([] when left out)."""
    noun, where = ("phrase", "in 'exclude'") if field == "exclude" else ("term", "in this frame")

    def check(raw_terms: Any) -> list[str]:
        if raw_terms is None or raw_terms == []:
            return []
        terms: list[str] = []
        for k, term in enumerate(item_list(raw_terms, example="rift, criticiz*")):
            if isinstance(term, bool) or not isinstance(term, (str, int, float)):
                raise Problem(f"{noun} {k + 1} ({term!r}) is not text; write it in quotes", k)
            term = normalize_text(str(term))
            problem = _term_problem(term)
            if problem:
                raise Problem(f"{noun} {k + 1} {term!r}: {problem}", k)
            if term in terms:
                raise Problem(f"{noun} {k + 1} {term!r} is listed twice {where}; keep one", k)
            terms.append(term)
        return terms
    return check


#: The frames.yml format, as data (validated by :func:`analysis.lexicon_io.validate_entry`).
FRAMES_FILE = ListSchema(
    key="frames", kind="codebook", items="frames", noun="frame", label_key="id", top=_TOP_FIELDS,
    may_be_empty=False, start="'codebook: <name>' and 'frames:' followed by a list of frames",
    entry_hint="'- id: ...' followed by 'label:', 'description:' and 'terms:' lines",
    fields={
        "id": Field(lexicon_id(_ID, example="conflict", allowed="lower-case letters, digits, '_' or '-'",
                               pattern_example="human_interest", lower_case=False)),
        "label": Field(required_text("give the frame's display name, e.g. 'Conflict'")),
        "description": Field(optional_text("must be text (one sentence saying what the frame is), or left out",
                                           blank=True)),
        "terms": Field(_terms("terms")),
        "actor_terms": Field(_terms("actor_terms")),
        "min_actors": Field(count("named actors a sentence needs for an actor term to count")),
        "actor_weight": Field(count("what a hit of an actor term counts toward the threshold")),
        "threshold": Field(count("hits a document needs")),
        "min_terms": Field(count("distinct terms a document needs")),
        "lead_sentences": Field(count("sentences after the headline that form the lead")),
        "lead_weight": Field(count("what a hit in the lead counts toward the threshold")),
        "notes": Field(),
    },
)


def _term_problem(term: str) -> str | None:
    """What is wrong with a (normalised) term, or None."""
    if not term:
        return "is empty; remove it or write the term"
    if term == "*":
        return "a lone '*' would match every word; write a prefix such as 'criticiz*'"
    if "*" in term[:-1]:
        return "'*' may only end a term (a prefix such as 'criticiz*'); remove the inner '*'"
    if term.endswith("*") and not term[-2].isalnum():
        return "'*' must follow a letter or digit (a prefix such as 'criticiz*'), not a space or mark"
    if _SEP in term:
        return "contains a NUL character; remove it"
    return None


# ------------------------------------------------------------------------------------ matching


@dataclass(frozen=True, eq=False)
class _Matcher:
    """One automaton over the codebook's terms (without their '*'), with per-key term variants."""

    automaton: Any
    # key index -> (length, exact term indices, prefix term indices)
    keys: list[tuple[int, tuple[int, ...], tuple[int, ...]]]
    term_frame: np.ndarray  # term index -> frame index
    term_text: list[str]

    @classmethod
    def build(cls, codebook: Codebook) -> _Matcher:
        frame_index = {f: k for k, f in enumerate(codebook.frames["frame_id"])}
        by_key: dict[str, tuple[list[int], list[int]]] = {}
        for t, (term, frame_id, prefix) in enumerate(
            zip(codebook.terms["term"], codebook.terms["frame_id"], codebook.terms["prefix"])
        ):
            key = term[:-1] if prefix else term
            by_key.setdefault(key, ([], []))[1 if prefix else 0].append(t)
        for phrase in codebook.exclude:  # term index -1: a span that counts for no frame
            prefix = phrase.endswith("*")
            by_key.setdefault(phrase[:-1] if prefix else phrase, ([], []))[1 if prefix else 0].append(_EXCLUDED)
        automaton = ahocorasick.Automaton()
        keys = []
        for k, (key, (exact, prefix)) in enumerate(by_key.items()):
            automaton.add_word(key, k)
            keys.append((len(key), tuple(exact), tuple(prefix)))
        automaton.make_automaton()
        term_frame = np.array([frame_index[f] for f in codebook.terms["frame_id"]], dtype=np.int64)
        return cls(automaton, keys, term_frame, list(codebook.terms["term"]))

    def hits(self, text: str) -> tuple[list[int], list[int], list[int], list[int]]:
        """Matches in normalised ``text``: (start offsets, term indices, match ids, end offsets), leftmost-longest.

        Every accepted span yields one row per term matching exactly that span; rows of one span
        share a match id. An accepted span that an excluded phrase matches yields no row.
        """
        cands: list[tuple[int, int, tuple[int, ...]]] = []
        n = len(text)
        keys = self.keys
        for last, k in self.automaton.iter(text):
            length, exact, prefix = keys[k]
            start = last - length + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            end = last + 1
            if exact and (end == n or not text[end].isalnum()):
                cands.append((start, end, exact))
            if prefix:
                cands.append((start, _WORD_TAIL.match(text, end).end(), prefix))
        cands.sort(key=lambda c: (c[0], -c[1]))
        accepted: list[tuple[int, int, list[int]]] = []  # (start, end, term ids) per accepted span
        taken_end, span = -1, None
        for start, end, term_ids in cands:
            if (start, end) == span:  # another term on the accepted span
                accepted[-1][2].extend(term_ids)
            elif start >= taken_end:
                span, taken_end = (start, end), end
                accepted.append((start, end, list(term_ids)))
        starts: list[int] = []
        terms: list[int] = []
        ids: list[int] = []
        ends: list[int] = []
        match_id = -1
        for start, end, term_ids in accepted:
            if _EXCLUDED in term_ids:  # an excluded phrase: evidence of no frame
                continue
            match_id += 1
            for t in term_ids:
                starts.append(start)
                terms.append(t)
                ids.append(match_id)
                ends.append(end)
        return starts, terms, ids, ends


def _match_sentences(texts: Sequence[str], matcher: _Matcher) -> tuple[np.ndarray, ...]:
    """Match all sentences, ``_CHUNK`` at a time, in one automaton pass per chunk.

    Returns (sentence index, term index, match id, start, end) per hit row, in reading order (start
    and end: offsets in the sentence's normalised text, :func:`normalize_text`), and the number of
    words (whitespace-separated tokens) of every sentence (the last array).
    """
    sent_parts, term_parts, id_parts, words_parts, start_parts, end_parts = [], [], [], [], [], []
    id_offset = 0
    for begin in range(0, len(texts), _CHUNK):
        chunk = [t if isinstance(t, str) else "" for t in texts[begin : begin + _CHUNK]]
        if any(_SEP in t for t in chunk):
            chunk = [t.replace(_SEP, " ") for t in chunk]
        big = normalize_text(_SEP.join(chunk))
        codes = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
        is_sep = codes == 0
        sep_at = np.flatnonzero(is_sep)
        is_tok = ~is_sep & (codes != 32)
        word_start = is_tok & ~np.r_[False, is_tok[:-1]]
        owner = np.cumsum(is_sep)  # sentence index within chunk of every character
        words_parts.append(np.bincount(owner[word_start], minlength=len(chunk)))
        starts, terms, ids, ends = matcher.hits(big)
        if starts:
            within = np.searchsorted(sep_at, np.asarray(starts), side="right")
            begins = np.r_[0, sep_at + 1][within]  # where each hit's sentence starts in ``big``
            sent_parts.append(within + begin)
            term_parts.append(np.asarray(terms, dtype=np.int64))
            id_parts.append(np.asarray(ids, dtype=np.int64) + id_offset)
            start_parts.append(np.asarray(starts, dtype=np.int64) - begins)
            end_parts.append(np.asarray(ends, dtype=np.int64) - begins)
            id_offset += ids[-1] + 1
    empty = np.array([], dtype=np.int64)
    return tuple(np.concatenate(parts) if parts else empty
                 for parts in (sent_parts, term_parts, id_parts, start_parts, end_parts, words_parts))


#: Entity types whose names hold no frame term: "sons" in "Mehra & Sons", "justice" in "Justice
#: Department", "bank" in "State Bank of India" (a group or other entity is no name of one thing).
NAME_TYPES = ("person", "organization", "place")
_TOKEN = re.compile(r"\S+")
#: A short function word written with a capital after a sentence's first word: Title Case (a headline,
#: or a headline the sentence splitter joined to the first sentence), where the entity layer takes runs
#: of capitalised words for names ("Trump Accuses California Of Causing Blackouts").
_TITLE_CASE = re.compile(r"\s(?:Of|To|For|In|On|With|At|As|From|By|Into|Over|After|About|Is|Are|Was|Its|Than|That)\s")
_ENTITY_SPAN_COLUMNS = ("doc_id", "sentence_id", "start", "end", "type", "via")


def _candidate_hits(texts: Sequence[str], starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per hit (``texts``: the sentence text of each hit; ``starts``/``ends``: its offsets in the normalised
    text): (whether it may lie inside a name: written with a capital, not the sentence's first word unless
    the next word has one too, first word index, last word index). Normalising keeps whitespace-separated
    words one for one, so word indices are the same in the sentence as written."""
    n = len(texts)
    candidate = np.zeros(n, dtype=bool)
    first = np.zeros(n, dtype=np.int64)
    last = np.zeros(n, dtype=np.int64)
    read: dict[str, tuple[str, list[str]]] = {}  # a sentence with several hits is normalised and split once
    for i, (text, start, end) in enumerate(zip(texts, starts.tolist(), ends.tolist())):
        if text not in read:
            read[text] = (normalize_text(text), text.split())
        norm, words = read[text]
        w0, w1 = norm.count(" ", 0, start), norm.count(" ", 0, max(end - 1, start))
        first[i], last[i] = w0, w1
        if w1 >= len(words):
            continue
        at = start - (norm.rfind(" ", 0, start) + 1)
        word = words[w0]
        if not word[min(at, len(word) - 1)].isupper():
            continue
        candidate[i] = w0 > 0 or (w1 + 1 < len(words) and words[w1 + 1][:1].isupper())
    return candidate, first, last


def _in_names(sents: pd.DataFrame, sent_idx: np.ndarray, starts: np.ndarray, ends: np.ndarray, *,
              mentions: pd.DataFrame | None) -> np.ndarray:
    """Per hit: whether it lies inside a longer name, the span of an entity mention of a
    :data:`NAME_TYPES` type (not a pronoun) that covers the hit's words and more ("sons" in "Mehra &
    Sons"; a term that is the entity's whole name, "Treasury", "Wall Street", still counts: the
    institution named by a frame word is the frame's subject). Not in the headline (sentence 0) nor in a
    sentence written in Title Case (:data:`_TITLE_CASE`): there runs of capitals are no evidence of a
    name ("Interior Chief Blames Congress For ..."). The entity mentions are ``mentions`` when
    it is an entity mentions table (start, end, type, via), else the entity layer's for the documents
    of the hits that could lie in a name (:func:`_candidate_hits`)."""
    inside = np.zeros(len(sent_idx), dtype=bool)
    if not len(sent_idx):
        return inside
    texts = sents["text"].to_numpy(dtype=object)[sent_idx]
    texts = [t if isinstance(t, str) else "" for t in texts]
    candidate, first, last = _candidate_hits(texts, starts, ends)
    headline = sents["sentence_id"].to_numpy(dtype=np.int64)[sent_idx] == 0
    candidate &= ~headline & np.array([_TITLE_CASE.search(t) is None for t in texts], dtype=bool)
    if not candidate.any():
        return inside
    doc_ids = sents["doc_id"].astype(str).to_numpy(dtype=object)
    sentence_ids = sents["sentence_id"].to_numpy(dtype=np.int64)
    if mentions is None or not set(_ENTITY_SPAN_COLUMNS) <= set(mentions.columns):
        from analysis.entities import entities

        wanted = set(doc_ids[sent_idx[candidate]])
        context = sents[sents["doc_id"].astype(str).isin(wanted)]
        mentions = entities(context, sentences=context, actors={"actors": []})
    named = mentions[mentions["type"].isin(NAME_TYPES) & (mentions["via"] != "pronoun")]
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for doc, sid, start, end in zip(named["doc_id"].astype(str), named["sentence_id"].astype(int),
                                    named["start"].astype(int), named["end"].astype(int)):
        spans.setdefault((doc, sid), []).append((start, end))
    for i in np.flatnonzero(candidate):
        found = spans.get((doc_ids[sent_idx[i]], int(sentence_ids[sent_idx[i]])))
        if not found:
            continue
        bounds = [(m.start(), m.end()) for m in _TOKEN.finditer(texts[i])]
        w0, w1 = int(first[i]), int(last[i])
        for start, end in found:
            e0 = next((k for k, (a, b) in enumerate(bounds) if b > start), len(bounds))
            e1 = next((k for k, (a, b) in enumerate(bounds) if b >= end), len(bounds) - 1)
            if e0 <= w0 and w1 <= e1 and (e0, e1) != (w0, w1):
                inside[i] = True
                break
    return inside


# -------------------------------------------------------------------------------------- scores


def _thresholds(codebook: Codebook, threshold: int | Mapping[str, int] | None) -> np.ndarray:
    base = codebook.frames["threshold"].to_numpy(dtype=np.int64).copy()
    if threshold is None:
        return base
    if isinstance(threshold, Mapping):
        ids = list(codebook.frames["frame_id"])
        for frame_id, value in threshold.items():
            if frame_id not in ids:
                raise InputError(
                    f"threshold for {frame_id!r}: no such frame in codebook {codebook.name!r}; its frames "
                    f"are {', '.join(ids)}"
                )
            base[ids.index(frame_id)] = _check_threshold(value)
        return base
    return np.full(len(base), _check_threshold(threshold), dtype=np.int64)


def _check_threshold(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise InputError(f"threshold={value!r}: give a whole number of hits >= 1")
    return int(value)


@output_columns("frames", "document_frames")
def frames(
    documents: pd.DataFrame,
    codebook: str | Path | Mapping[str, Any] | Codebook | None = None,
    *,
    level: str = "sentence",
    sentences: pd.DataFrame | None = None,
    threshold: int | Mapping[str, int] | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Frame term hits per sentence (``level="sentence"``) or per document (``level="document"``).

    A term inside a longer name counts for no frame: "sons" in "Mehra & Sons", "justice" in "Justice
    Department" (a term written with a capital within the span of a person, organisation or place the
    entity layer finds, or ``mentions`` gives when it is an entity mentions table; a term that is a whole
    name, "Treasury", counts, and so does any term of the headline or of a Title Case sentence:
    :func:`_in_names`).

    A frame's ``actor_terms`` count only in sentences naming at least ``min_actors`` distinct actors
    (:func:`named_actor_counts`: the distinct actor_id of ``mentions`` in the sentence when a mentions
    or entity mentions table is given, else the entities the entity layer finds there; a resolved
    pronoun counts as its actor).

    ``codebook``: anything :func:`load_frames` takes (None = the generic news frames).
    ``sentences``: a precomputed ``analysis.sentences(documents)`` table to reuse.
    ``threshold``: weighted hits a document needs for ``present``; None uses each frame's ``threshold`` from
    the codebook (1 where it gives none); an int applies to every frame; a mapping
    ``{frame_id: n}`` overrides single frames.

    Sentence level: one row per sentence and frame with at least one hit, in reading order then
    codebook order. Document level: one row per document (in the documents' order; with
    ``documents=None``, the sentences' documents) and frame (codebook order), frames without hits
    included; ``present`` uses ``threshold`` (against ``weighted_hits``: hits in the frame's lead — the
    headline, sentence_id 0, and the first ``lead_sentences`` sentences — count ``lead_weight`` times,
    hits of actor terms ``actor_weight`` times, both multiplied) and the frame's ``min_terms`` from the
    codebook.
    """
    require_table(documents, fn="frames")
    if level not in ("sentence", "document"):
        raise InputError(f"level={level!r}: use level='sentence' or level='document'")
    book = load_frames(codebook)
    limits = _thresholds(book, threshold)
    sents = sentences_of(documents, sentences, fn="frames")
    matcher = book.matcher
    sent_idx, term_idx, match_id, starts, ends, words = _match_sentences(sents["text"].tolist(), matcher)
    keep = ~_in_names(sents, sent_idx, starts, ends, mentions=mentions)
    sent_idx, term_idx, match_id = sent_idx[keep], term_idx[keep], match_id[keep]
    needs = book.terms["min_actors"].to_numpy(dtype=np.int64)[term_idx] if len(term_idx) else term_idx
    if (needs > 0).any():
        bound = np.unique(sent_idx[needs > 0])
        named = np.zeros(len(sents), dtype=np.int64)
        docs_bound = set(sents["doc_id"].iloc[bound].astype(str))
        context = sents[sents["doc_id"].astype(str).isin(docs_bound)]
        named[bound] = named_actor_counts(sents.iloc[bound], mentions=mentions, context=context)
        keep = named[sent_idx] >= needs
        sent_idx, term_idx, match_id = sent_idx[keep], term_idx[keep], match_id[keep]
    frame_idx = matcher.term_frame[term_idx]
    # a hit is an accepted span for a frame: two terms of one frame on one span count once
    matches = pd.DataFrame({"s": sent_idx, "f": frame_idx, "t": term_idx, "m": match_id})
    frame_ids = book.frames["frame_id"].to_numpy(dtype=object)
    if level == "sentence":
        ordered = matches.sort_values(["m", "t"], kind="stable")  # terms of one span in codebook order
        return _sentence_level(sents, ordered, frame_ids, matcher.term_text)
    hits = matches.drop_duplicates(["m", "f"])
    # a hit in a frame's lead (headline and first lead_sentences sentences) counts lead_weight times
    lead = book.frames["lead_sentences"].to_numpy(dtype=np.int64)
    weight = book.frames["lead_weight"].to_numpy(dtype=np.int64)
    f_of_hit = hits["f"].to_numpy(dtype=np.int64)
    in_lead = sents["sentence_id"].to_numpy(dtype=np.int64)[hits["s"].to_numpy(dtype=np.int64)] <= lead[f_of_hit]
    hit_weight = np.where(in_lead & (lead[f_of_hit] > 0), weight[f_of_hit], 1)
    # a hit of an actor term (counted because the sentence names enough actors) counts actor_weight times
    of_actor_term = book.terms["min_actors"].to_numpy(dtype=np.int64)[hits["t"].to_numpy(dtype=np.int64)] > 0
    hit_weight = hit_weight * np.where(of_actor_term, book.frames["actor_weight"].to_numpy(dtype=np.int64)[f_of_hit], 1)
    min_terms = book.frames["min_terms"].to_numpy(dtype=np.int64)
    return _document_level(documents, sents, hits, words, frame_ids, limits, matches=matches, min_terms=min_terms,
                           hit_weight=hit_weight)


def named_actor_counts(sentences: pd.DataFrame, *, mentions: pd.DataFrame | None = None,
                       context: pd.DataFrame | None = None) -> np.ndarray:
    """The number of distinct named actors in each row of ``sentences`` (doc_id, sentence_id, text).

    With ``mentions`` (an actor or entity mentions table: doc_id, sentence_id and actor_id or
    entity_id) the distinct ids mentioned in the sentence; else the distinct entities the entity layer
    (:func:`analysis.entities`, no lexicon) finds in the sentence, read with the rest of its document
    (``context``, the document's sentences, default ``sentences``). A pronoun mention (``via ==
    "pronoun"``) counts as the actor or entity it was resolved to (the rows hold only resolved
    pronouns): in "'I take full responsibility,' she said." after "Dr Helen Marchbank ..." the sentence
    names one actor, Helen Marchbank (session 17; a pronoun with no id is not counted). One integer per
    row, in order.
    """
    if mentions is None:
        from analysis.entities import entities

        mentions = entities(context if context is not None else sentences,
                            sentences=context if context is not None else sentences, actors={"actors": []})
    key = "entity_id" if "entity_id" in mentions.columns else "actor_id"
    require_columns(mentions, ("doc_id", "sentence_id", key), fn="named_actor_counts", name="mentions",
                    fix="pass the table analysis.mentions (or the entity mentions) returns")
    counts = mentions.groupby([mentions["doc_id"].astype(str), mentions["sentence_id"]])[key].nunique()
    index = pd.MultiIndex.from_arrays([sentences["doc_id"].astype(str), sentences["sentence_id"]])
    return counts.reindex(index).fillna(0).to_numpy(dtype=np.int64)


def _sentence_level(
    sents: pd.DataFrame, hits: pd.DataFrame, frame_ids: np.ndarray, term_text: list[str]
) -> pd.DataFrame:
    if hits.empty:
        return pd.DataFrame(
            {
                "doc_id": pd.Series(dtype="str"),
                "sentence_id": pd.Series(dtype="int64"),
                "frame_id": pd.Series(dtype="str"),
                "hits": pd.Series(dtype="int64"),
                "terms": pd.Series(dtype="str"),
            }
        )
    # matches are in reading order; per (sentence, frame): the distinct spans and terms
    groups: dict[tuple[int, int], list[Any]] = {}
    for s, f, t, m in zip(hits["s"].tolist(), hits["f"].tolist(), hits["t"].tolist(), hits["m"].tolist()):
        entry = groups.get((s, f))
        if entry is None:
            groups[(s, f)] = [{m: None}, {term_text[t]: None}]
        else:
            entry[0][m] = None
            entry[1][term_text[t]] = None
    keys = sorted(groups)
    s_index = np.array([k[0] for k in keys], dtype=np.int64)
    f_index = np.array([k[1] for k in keys], dtype=np.int64)
    return pd.DataFrame(
        {
            "doc_id": sents["doc_id"].to_numpy()[s_index],
            "sentence_id": sents["sentence_id"].to_numpy()[s_index].astype(np.int64),
            "frame_id": pd.array(frame_ids[f_index], dtype="str"),
            "hits": np.array([len(groups[k][0]) for k in keys], dtype=np.int64),
            "terms": pd.array(["; ".join(groups[k][1]) for k in keys], dtype="str"),
        }
    )


def _document_level(
    documents: pd.DataFrame | None,
    sents: pd.DataFrame,
    hits: pd.DataFrame,
    words: np.ndarray,
    frame_ids: np.ndarray,
    limits: np.ndarray,
    *,
    matches: pd.DataFrame,
    min_terms: np.ndarray,
    hit_weight: np.ndarray,
) -> pd.DataFrame:
    if documents is not None:
        require_columns(documents, ["doc_id"], fn="frames", name="documents",
                        fix="load it with analysis.load_corpus")
        doc_order = pd.Index(pd.unique(documents["doc_id"].astype(str)))
    else:
        doc_order = pd.Index(pd.unique(sents["doc_id"].astype(str)))
    sent_doc = doc_order.get_indexer(sents["doc_id"].astype(str))
    if (sent_doc < 0).any():
        bad = sents["doc_id"].to_numpy()[np.flatnonzero(sent_doc < 0)[0]]
        raise InputError(
            f"sentences table: doc_id {bad!r} is not in the documents table; pass the documents the "
            "sentences were made from"
        )
    n_docs, n_frames = len(doc_order), len(frame_ids)
    counts = np.zeros((n_docs, n_frames), dtype=np.int64)
    weighted = np.zeros((n_docs, n_frames), dtype=np.int64)
    distinct = np.zeros((n_docs, n_frames), dtype=np.int64)
    if not hits.empty:
        np.add.at(counts, (sent_doc[hits["s"].to_numpy()], hits["f"].to_numpy()), 1)
        np.add.at(weighted, (sent_doc[hits["s"].to_numpy()], hits["f"].to_numpy()), hit_weight)
        # distinct terms: each (document, term) once; a term belongs to one frame
        pairs = pd.DataFrame({"d": sent_doc[matches["s"].to_numpy()], "f": matches["f"].to_numpy(),
                              "t": matches["t"].to_numpy()}).drop_duplicates()
        np.add.at(distinct, (pairs["d"].to_numpy(), pairs["f"].to_numpy()), 1)
    doc_words = np.bincount(sent_doc, weights=words, minlength=n_docs) if len(words) else np.zeros(n_docs)
    total = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(doc_words[:, None] > 0, counts * 1000.0 / doc_words[:, None], np.nan)
        share = np.where(total > 0, counts / np.maximum(total, 1), 0.0)
    present = (weighted >= limits[None, :]) & (distinct >= min_terms[None, :])
    top = np.where(present, counts, 0).max(axis=1, keepdims=True) if n_frames else np.zeros((n_docs, 1))
    dominant = present & (counts == top) & (top > 0)  # among the frames present, as the findings name it
    return pd.DataFrame(
        {
            "doc_id": pd.array(np.repeat(doc_order.to_numpy(dtype=object), n_frames), dtype="str"),
            "frame_id": pd.array(np.tile(frame_ids, n_docs), dtype="str"),
            "hits": counts.ravel(),
            "weighted_hits": weighted.ravel(),
            "distinct_terms": distinct.ravel(),
            "hits_per_1000_words": per_1000.ravel(),
            "share": share.ravel(),
            "present": present.ravel(),
            "dominant": dominant.ravel(),
        }
    )


# ------------------------------------------------------------------------------------ actors


@output_columns("actor_frames")
def actor_frames(mentions: pd.DataFrame, frames: pd.DataFrame) -> pd.DataFrame:
    """The frames of the sentences that mention each actor.

    ``mentions``: an actor mentions table (doc_id, sentence_id, actor_id, optional actor);
    ``frames``: ``frames(..., level="sentence")``. A sentence mentioning an actor twice
    counts once for that actor. One row per actor and frame: an actor written under several names
    (entity mentions of one entity in several documents) is named by its first ``actor``, as
    :func:`analysis.actors.actor_ranking` names it.
    """
    require_columns(mentions, ("doc_id", "sentence_id", "actor_id"), fn="actor_frames", name="mentions",
                    fix="pass the table analysis.mentions(documents) returns")
    require_columns(frames, ("doc_id", "sentence_id", "frame_id", "hits"), fn="actor_frames", name="frames",
                    fix="pass the table analysis.frames(documents, level='sentence') returns")
    keep = ["doc_id", "sentence_id", "actor_id"] + (["actor"] if "actor" in mentions.columns else [])
    ment = mentions[keep].astype({"doc_id": str}).drop_duplicates(["doc_id", "sentence_id", "actor_id"])
    per_actor = ment.groupby("actor_id", sort=False).size().rename("_n")
    fr = frames[["doc_id", "sentence_id", "frame_id", "hits"]].astype({"doc_id": str})
    joined = ment.merge(fr, on=["doc_id", "sentence_id"], how="inner")
    out = (
        joined.groupby(["actor_id", "frame_id"], sort=False)
        .agg(sentences=("sentence_id", "size"), hits=("hits", "sum"))
        .reset_index()
    )
    if "actor" in keep:  # one name per actor (the first), not one row per name it is written under
        first = ment.drop_duplicates("actor_id").set_index("actor_id")["actor"]
        out.insert(1, "actor", out["actor_id"].map(first).astype(ment["actor"].dtype).to_numpy())
    out["share"] = out["sentences"] / out["actor_id"].map(per_actor).to_numpy()
    out = out.sort_values(["actor_id", "sentences", "frame_id"], ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True).astype({"sentences": "int64", "hits": "int64"})


@output_columns("frame_rollup")
def frames_by(document_frames: pd.DataFrame, documents: pd.DataFrame, *, by: Sequence[str] = ("day",)) -> pd.DataFrame:
    """Document-level frame scores aggregated by documents columns ("day" = the UTC publication date).

    ``document_frames``: ``frames(documents, level="document")``. Undated documents have day NA.
    """
    by = (by,) if isinstance(by, str) else tuple(by)
    table = join_document_keys(document_frames, documents, by, fn="frames_by", how="inner")
    cell = list(by)
    out = table.groupby([*cell, "frame_id"], dropna=False, sort=True).agg(
        hits=("hits", "sum"), documents=("present", "sum"), n_documents=("doc_id", "nunique")).reset_index()
    total = out.groupby(cell, dropna=False)["hits"].transform("sum")
    out["share"] = (out["hits"] / total.where(total > 0)).fillna(0.0)
    out["present_share"] = out["documents"] / out["n_documents"]
    out["present"] = out["documents"] > 0
    return out.astype({"hits": "int64", "documents": "int64", "n_documents": "int64", "present": "bool"})


def below_threshold_units(document_frames: pd.DataFrame, *, by: str = "doc_id", value: str = "share") -> pd.DataFrame:
    """The units (documents, outlets, periods: the values of ``by``) where frame terms were found but no
    frame is present: every row of the unit with a ``value`` other than 0 (and not missing) has ``present``
    false or missing. Their shares are no profile: one stray term would read "100% responsibility", so the
    frame chart (:func:`analysis.charts.frame_profile`) and the frames table of a report
    (:func:`analysis.tables.frames_for_table`) say "below threshold (N term hits)" for them instead.

    ``document_frames``: ``frames(documents, level="document")`` or ``frames_by(...)`` (one row per unit
    and frame, with ``present``); ``value``: the column whose non-zero values mean terms were found
    (``share`` or ``hits``). Columns of the result: ``by`` (the unit, in the order of its first row) and
    ``hits`` (the unit's term hits summed over its frames, float; NaN where the table has no ``hits``
    column). Empty (those two columns) when every unit with terms has a frame present.
    """
    require_columns(document_frames, (by, value, "present"), fn="below_threshold_units", name="document_frames",
                    fix='pass frames(documents, level="document") or frames_by(...)')
    keys = document_frames[by].reset_index(drop=True)
    values = pd.to_numeric(document_frames[value], errors="coerce").reset_index(drop=True)
    found = values.notna() & (values != 0)
    present = document_frames["present"].reset_index(drop=True).map(lambda p: bool(pd.notna(p) and p)).astype(bool)
    has_terms = found.groupby(keys, dropna=False, sort=False).any()
    framed = (found & present).groupby(keys, dropna=False, sort=False).any()
    units = has_terms.index[has_terms.to_numpy() & ~framed.reindex(has_terms.index).to_numpy()]
    if "hits" in document_frames.columns:
        per_unit = (pd.to_numeric(document_frames["hits"], errors="coerce").reset_index(drop=True).fillna(0)
                    .groupby(keys, dropna=False, sort=False).sum().astype(float))
        hits = per_unit.reindex(units).tolist()
    else:
        hits = [float("nan")] * len(units)
    return pd.DataFrame({by: pd.Series(list(units), dtype=document_frames[by].dtype), "hits": pd.Series(hits, dtype=float)})


# ------------------------------------------------------------------- deprecated names (one release)

frame_scores = deprecated_alias(frames, "analysis.framing.frame_scores", "analysis.frames")
frame_rollup = deprecated_alias(frames_by, "analysis.framing.frame_rollup", "analysis.frames_by")


#: frame_agreement and suggest_thresholds moved to :mod:`analysis.validation.frames` (evaluation lives
#: with validation); the old addresses work for one release, with a DeprecationWarning.
__getattr__ = moved_names("analysis.framing", {name: ("analysis.validation.frames", name, f"analysis.validation.{name}")
                                               for name in ("frame_agreement", "suggest_thresholds")})
