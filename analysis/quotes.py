"""Who speaks: direct quotations and reported speech, attributed to actors.

Rules (each has a test in tests/test_quotes.py):

**Direct quotations** are spans between quotation marks: straight ``"..."`` or curly ``“...”``
(paired in order within a paragraph, so a quotation may run over several sentences; an opening mark
left unclosed at the end of a paragraph — the news convention for a quotation that goes on in the
next paragraph — runs to the paragraph's end), and single ``'...'`` / ``‘...’`` within one sentence
and outside double quotes (an apostrophe inside a word, "Israel's", never opens or closes one).
A direct quotation is attributed by the nearest **cue verb** (``lexicons/cue_verbs.yml``):

1. before it, in the same clause (from the sentence start or the end of the previous quotation in
   that sentence): "X said, "..."", "X said the plan "..."", "X wrote on X that "..."",
   "stating, "..."" (an ``-ing`` cue: the speaker is the sentence's subject, its first actor named
   other than as a possessive), "He added, "..."" (the pronoun resolved as in analysis.actors).
   A ``clause: that`` verb counts only when the quotation follows it directly (after ``,`` or
   ``:``) or after "that"; any cue followed by "to" ("vows to 'stand alone'") is not a cue;
2. else after it, in the rest of the sentence: ""...," Kirby said." / ""...," said Kirby.";
3. else, a quotation in the same paragraph right after an attributed one continues that speaker;
4. else it has no speaker (speaker_id, speaker and cue NA).

The speaker of a cue is, in order: an actor mention directly before the verb (auxiliaries and
adverbs like "has", "also" in between are fine); a name or a speaker noun directly before it
("a senior Israeli official said", nouns from ``speaker_nouns``) kept as surface text with
speaker_id NA; for "X, <apposition>, said" the actor before the apposition; the nearest actor named
earlier in the clause; an actor or name directly after the verb ("said Kirby"). Possessives
("Netanyahu's ministers") and names inside quotation marks are never speakers.

**Scare quotes**: a quotation of fewer than 3 words (words are runs of letters or digits: an emoji
is not a word, so "Hamas ♥️ Biden" has 2) is kept only when a cue verb and a speaker attribute it;
otherwise it is a scare quote or a title ('Stand Alone' in a headline) and no row is made. A
quotation with neither cue nor speaker whose words are all capitalised (joiners such as "of", "the"
aside) and that does not end like a sentence is the name of a thing ("Green New Deal", "Climate
Justice Resiliency Fund"): no row either.

**Reported speech** (kind 'reported'): a cue verb outside quotation marks, not already used by a
direct quotation, not followed by "to", not passive ("was reported"), with a speaker and a content
of at least 3 words: "X said (that) ..." (``clause: bare`` verbs; the content starts after the verb
or after "that"), "X announced that ..." / "X maintained: ..." (``clause: that`` verbs need "that"
within 8 words, or a colon), and "according to X, ..." / "..., according to X" (phrases from
``source_phrases``; the speaker must be a known actor or a capitalised name). The content runs to
the end of the sentence or to a clause break (``;``, ", while", ", but", ", whereas").

Offsets: ``start``/``end`` index into the document's ``text`` (into its ``title`` for quotations in
the headline, sentence_id 0) and ``quote == field[start:end]``; ``sentence_id`` is the sentence
where the quotation starts. Cue verbs match in lower case (or capitalised as a sentence's first
word), so title-case headlines are not parsed for speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, islice
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import numpy as np
import pandas as pd

from analysis.actors import ActorLexicon, actor_mentions, load_actors
from analysis.text import sentences_of
from analysis.cues import CueVerbs, load_cue_verbs
from analysis.errors import InputError

__all__ = ["QUOTE_COLUMNS", "MIN_QUOTE_WORDS", "quotes", "voice", "quote_spans", "count_words"]

#: The quotes table: one row per quotation.
QUOTE_COLUMNS: dict[str, str] = {
    "doc_id": "the document's id",
    "sentence_id": "the sentence where the quotation starts (0 = headline)",
    "quote": "the quoted words (direct: between the marks, a trailing comma dropped; reported: the "
    "content clause)",
    "speaker_id": "the speaker's actor id, or NA when the speaker is not a lexicon actor",
    "speaker": "the actor's display name, else the speaker's surface words, else NA",
    "cue": "the cue verb's lemma ('say', 'add', ...) or the source phrase ('according to'), or NA",
    "kind": "'direct' (quotation marks) or 'reported' (indirect speech)",
    "start": "offset of the quotation in the document's text (in its title for sentence 0)",
    "end": "offset one past its end: field[start:end] == quote",
}

#: Quotations with fewer words need a cue verb and a speaker (else: scare quotes).
MIN_QUOTE_WORDS = 3

_WORD = re.compile(r"[^\W_]+(?:['’.\-]+[^\W_]+)*")
_DOUBLE = re.compile(r"[\"“”]")
# An opening single mark not after a letter, digit or mark (checked behind the mark, so that a search
# jumps from mark to mark), a word character next; a closing mark after a word character or . , ! ?
_SINGLE = re.compile(r"['‘](?<![\w'’]['‘])(?=[^\W_])(.+?)(?<=[\w.,!?])['’](?![\w])")
_TO = re.compile(r"\s+to\b")
_THAT = re.compile(r"\A(?:[\s,]+[^\s.;!?\"“”,]+){0,8}?[\s,]+that\b")
_COLON = re.compile(r"\A\s*:")
_BREAK = re.compile(r";|,\s+(?:while|but|whereas|although)\b")
_TOKEN = re.compile(r"\S+")
_ACRONYM = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = re.compile(r"['’](?:s(?!\w)|(?!\w))")
_LETTERS = re.compile(r"[a-z]+")
_WORD_CHAR = re.compile(r"[\w-]")  # what may not touch a cue verb (the edges of CueVerbs.pattern)
_LEADING_WORD = re.compile(r"\w+")
_CUT = re.compile(r"[A-Za-z][\w-]")  # at hi - 1: hi cuts a word, a cue form may end there

# Grammar words (not lexicon data): what may stand between a subject and its verb, what marks a
# passive, where a speaker's words stop.
_AUX = frozenset("has have had also reportedly later then again previously would will once recently "
                 "further publicly earlier repeatedly separately privately quickly already just did "
                 "does do had".split())
_PASSIVE = frozenset("is was were are been being be".split())
_CLAUSE = frozenset("that which who whom while and but after before as when because if since though "
                    "although where with without for to in on at by from than".split())
_DETERMINERS = frozenset("the a an".split())
_NAME_JOINERS = frozenset("of the and for in on a an to de".split())
_PRONOUNS = frozenset("he she they it we i you this these those there".split())


def _is_name(text: str) -> bool:
    """Every word capitalised (or a short function word): the name of a thing, not speech."""
    words = _WORD.findall(text)
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINERS for w in words) and (
        not text.rstrip().endswith((".", "!", "?")))


def _fewer_words(text: str, n: int) -> bool:
    """``count_words(text) < n``, counting no further than ``n``."""
    return len(list(islice(_WORD.finditer(text), n))) < n


def count_words(text: str) -> int:
    """Runs of letters or digits (with inner ' ’ . -): "Hamas ♥️ Biden" has 2, "U.S.-led" 1."""
    return len(_WORD.findall(text))


def quote_spans(text: str, *, lo: int = 0, hi: int | None = None,
                sentence_spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Quotation spans in ``text[lo:hi]`` (one paragraph): (first, last+1) of the words between the
    marks, surrounding whitespace and a trailing comma dropped; in order, not overlapping.

    Double marks pair in order (straight or curly); an unclosed one runs to ``hi``. Single marks
    pair within one of ``sentence_spans`` (default: the whole range) outside double quotations.
    """
    hi = len(text) if hi is None else hi
    spans: list[tuple[int, int]] = []
    open_at = None
    for m in _DOUBLE.finditer(text, lo, hi):
        mark, pos = m.group(), m.start()
        if open_at is None:
            if mark != "”":
                open_at = pos
        elif mark != "“":
            spans.append((open_at + 1, pos))
            open_at = None
    if open_at is not None:
        spans.append((open_at + 1, hi))
    doubles = list(spans)
    for s_lo, s_hi in sentence_spans or [(lo, hi)]:
        for m in _SINGLE.finditer(text, s_lo, s_hi):
            if not any(d_lo - 1 <= m.start() < d_hi + 1 for d_lo, d_hi in doubles):
                spans.append((m.start(1), m.end(1)))
    out = []
    for s, e in sorted(spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# ------------------------------------------------------------------------------------- a document


@dataclass
class _Mention:
    start: int          # offsets in the field (title or text)
    end: int
    actor_id: str
    actor: str
    possessive: bool


@dataclass
class _Field:
    """One field of a document (its title or its text) with its sentences, mentions and quotations."""

    text: str
    sentences: list[tuple[int, int, int, int]]          # (sentence_id, paragraph_id, start, end)
    mentions: list[_Mention] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Lookups by bisection: sentence ends (when the sentences follow one another without
        # overlapping, as sentences() makes them), and quotation starts with the furthest end so far.
        rows = self.sentences
        self._ends = [row[3] for row in rows]
        self._in_order = all(row[2] < row[3] for row in rows) and all(a[3] <= b[2] for a, b in zip(rows, rows[1:]))
        self.set_quotes(self.quotes)

    def set_quotes(self, quotes: list[tuple[int, int]]) -> None:
        self.quotes = quotes
        spans = sorted(quotes)
        self._quote_starts = [lo for lo, _ in spans]
        self._quote_reach = list(accumulate((hi for _, hi in spans), max))  # the furthest end so far

    def sentence_at(self, pos: int) -> tuple[int, int, int, int]:
        """The first sentence holding ``pos`` or ending at it; else the last sentence."""
        if not self._in_order:
            return next((row for row in self.sentences if row[2] <= pos < row[3] or pos == row[3]),
                        self.sentences[-1])
        k = bisect_left(self._ends, pos)  # the first sentence ending at pos or after it
        if k < len(self.sentences) and (self.sentences[k][2] <= pos or self._ends[k] == pos):
            return self.sentences[k]
        return self.sentences[-1]

    def in_quote(self, s: int, e: int) -> bool:
        """Is text[s:e] within a quotation (give or take its marks)?"""
        k = bisect_right(self._quote_starts, s + 1)  # the quotations starting at s + 1 or before
        return k > 0 and self._quote_reach[k - 1] >= e - 1


def _last_word(seg: str) -> str:
    """The run of word characters ``seg`` ends with ("" if none), read from the end: for a ``seg``
    without trailing whitespace, what a search for a word at the end of ``seg`` finds."""
    m = _LEADING_WORD.match(seg[::-1])
    return seg[len(seg) - m.end():] if m else ""


def _strip_tail(seg: str, words: frozenset[str]) -> str:
    """``seg`` without trailing whitespace and trailing ``words``."""
    while True:
        seg = seg.rstrip()
        word = _last_word(seg)
        if not word or word.lower() not in words:
            return seg
        seg = seg[:len(seg) - len(word)]


def _surface_before(seg: str, nouns: frozenset[str]) -> str | None:
    """A speaker's words directly before a verb ("a senior Israeli official"), else None."""
    toks = list(_TOKEN.finditer(seg))
    taken: list[str] = []
    for tok in reversed(toks):
        word = tok.group()
        if re.search(r"[,;:!?\"“”)]$", word) or (word.endswith(".") and not _ACRONYM.fullmatch(word)):
            break
        if word.lower() in _CLAUSE or len(taken) == 6:
            break
        taken.insert(0, word)
        if word.lower() in _DETERMINERS:
            break
    if not taken:
        return None
    head = re.sub(r"['’]s?$", "", taken[-1])
    if head.lower() in _PRONOUNS or not (head[:1].isupper() or head.lower() in nouns):
        return None
    return " ".join(taken)


def _surface_after(seg: str, nouns: frozenset[str]) -> str | None:
    """A speaker's words directly after a verb ('said Ali Ahmed,' / 'said a spokesman.'), else None."""
    taken: list[str] = []
    for tok in _TOKEN.finditer(seg):
        word = tok.group()
        end = bool(re.search(r"[,;:!?\"“”)]$", word) or (word.endswith(".") and not _ACRONYM.fullmatch(word)))
        word = word.rstrip(",;:!?\"“”).") if end else word
        if word.lower() in _CLAUSE or len(taken) == 6:
            break
        if word:
            taken.append(word)
        if end:
            break
    if not taken or taken[0].lower() in _PRONOUNS:
        return None
    if taken[0][:1].isupper() or any(w.lower() in nouns for w in taken):
        return " ".join(taken)
    return None


class _Cue(NamedTuple):
    """A cue verb in a field: ``text[start:end] == form`` (as written: "said", "Said")."""

    start: int
    end: int
    form: str


class _CueFinder:
    """Finds what ``cues.pattern`` matches: any cue form, lower case or capitalised, as a whole word
    (no letter, digit, "_" or "-" directly before or after it). When every form is a single word a
    match is one whole word, so no two overlap: they are found with one Aho-Corasick automaton over
    the forms and a check of their edges, instead of trying every form at every position."""

    def __init__(self, cues: CueVerbs):
        self.pattern = cues.pattern
        forms = list(cues.lemma_of)
        self.automaton = None
        if forms and all(_LETTERS.fullmatch(form) for form in forms):
            self.automaton = ahocorasick.Automaton()
            for form in forms + [form[0].upper() + form[1:] for form in forms]:
                self.automaton.add_word(form, form)
            self.automaton.make_automaton()

    def find(self, text: str, lo: int, hi: int) -> list[_Cue]:
        """The cue forms in text[lo:hi], in order: what ``cues.pattern.finditer(text, lo, hi)`` finds
        (the text before ``lo`` is seen by the edge check, the text from ``hi`` on is not)."""
        hi = min(hi, len(text))
        if self.automaton is None:
            return [_Cue(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text, lo, hi)]
        out = []
        if lo >= hi:
            return out
        for last, form in self.automaton.iter(text, lo, hi):
            start, end = last + 1 - len(form), last + 1
            if not ((start > 0 and _WORD_CHAR.match(text, start - 1)) or (end < hi and _WORD_CHAR.match(text, end))):
                out.append(_Cue(start, end, form))
        return out


class _Attributor:
    """Finds cues and speakers in one field of one document."""

    def __init__(self, f: _Field, cues: CueVerbs, finder: _CueFinder):
        self.f, self.cues, self.finder = f, cues, finder
        self.paragraph_quotes = _paragraph_quotes(f)  # sets f.quotes
        # the field's cue verbs, found once: cues_in() takes the ones in its range
        self._verbs = [m for m in finder.find(f.text, 0, len(f.text)) if self._is_verb(m)]
        self._verb_starts = [m.start for m in self._verbs]
        # whether cues.source_pattern ("according to" or "According to") can match anywhere in the field
        self.source_phrase_in_field = any(phrase in f.text or phrase[0].upper() + phrase[1:] in f.text
                                          for phrase in cues.source_phrases)

    def _is_verb(self, m: _Cue) -> bool:
        """A cue form outside quotations, not followed by "to", not capitalised mid-sentence."""
        text = self.f.text
        if _TO.match(text, m.end) or self.f.in_quote(m.start, m.end):
            return False
        if m.form[0].isupper():
            sent = self.f.sentence_at(m.start)
            if text[sent[2]:m.start].strip(" \"'“‘(["):
                return False  # capitalised mid-sentence: a title-case headline word, not a verb
        return True

    def cues_in(self, lo: int, hi: int) -> list[_Cue]:
        """Cue verbs in text[lo:hi], outside quotations, not followed by "to".

        Taken from the verbs of the whole field; a range whose end cuts a word is searched itself
        (the word's first part can be a cue form of the range, not of the field)."""
        text = self.f.text
        if 0 < hi < len(text) and _CUT.match(text, hi - 1):
            return [m for m in self.finder.find(text, lo, hi) if self._is_verb(m)]
        return self._verbs[bisect_left(self._verb_starts, lo):bisect_left(self._verb_starts, hi)]

    def speakers(self, lo: int, hi: int) -> list[_Mention]:
        """Mentions in text[lo:hi] that can be speakers: not possessive, not inside a quotation."""
        return [m for m in self.f.mentions
                if lo <= m.start and m.end <= hi and not m.possessive and not self.f.in_quote(m.start, m.end)]

    def subject(self, sent_lo: int, cue_at: int) -> tuple[Any, Any] | None:
        cands = self.speakers(sent_lo, cue_at)
        return (cands[0].actor_id, cands[0].actor) if cands else None

    def speaker_before(self, lo: int, cue_at: int) -> tuple[Any, Any] | None:
        text = self.f.text
        seg = text[lo:cue_at]
        core = _strip_tail(seg, _AUX)
        cands = self.speakers(lo, cue_at)
        for m in reversed(cands):
            if m.end == lo + len(core):
                return m.actor_id, m.actor
        surface = _surface_before(core, self.cues.speaker_nouns)
        if surface is not None:
            return pd.NA, surface
        if core.endswith(","):
            comma = core[:-1].rfind(",")
            if comma >= 0:
                before = _strip_tail(core[:comma], frozenset())
                for m in reversed(cands):
                    if m.end == lo + len(before):
                        return m.actor_id, m.actor
        if cands:
            return cands[-1].actor_id, cands[-1].actor
        return None

    def speaker_after(self, cue_end: int, hi: int) -> tuple[Any, Any] | None:
        text = self.f.text
        for m in self.speakers(cue_end, hi):
            if not text[cue_end:m.start].strip():
                return m.actor_id, m.actor
            break
        surface = _surface_after(text[cue_end:hi], self.cues.speaker_nouns)
        return (pd.NA, surface) if surface is not None else None

    def speaker_of(self, cue: _Cue, clause_lo: int, sent_lo: int, hi: int) -> tuple[Any, Any] | None:
        """The speaker attributed by ``cue``: before it in its clause, else directly after it."""
        if cue.form.endswith("ing"):
            return self.subject(sent_lo, cue.start)
        return self.speaker_before(clause_lo, cue.start) or self.speaker_after(cue.end, hi)

    def passive(self, cue: _Cue) -> bool:
        before = _strip_tail(self.f.text[max(0, cue.start - 80):cue.start], _AUX - {"had", "has", "have"})
        word = _last_word(before)  # no trailing whitespace: _strip_tail strips it
        return bool(word) and word.lower() in _PASSIVE


def _paragraph_quotes(f: _Field) -> list[list[tuple[int, int]]]:
    """Quotation spans of a field, one list per paragraph (sets ``f.quotes`` to all of them)."""
    paragraphs: dict[int, list[tuple[int, int, int, int]]] = {}
    for row in f.sentences:
        paragraphs.setdefault(row[1], []).append(row)
    out = [quote_spans(f.text, lo=sents[0][2], hi=sents[-1][3], sentence_spans=[(s[2], s[3]) for s in sents])
           for sents in paragraphs.values()]
    f.set_quotes([q for spans in out for q in spans])
    return out


def _attribute(att: _Attributor, q_lo: int, q_hi: int, clause_lo: int) -> tuple[Any, _Cue | None]:
    """(speaker or None, cue or None) of the quotation text[q_lo:q_hi] (rules 1 and 2)."""
    f, cues, text = att.f, att.cues, att.f.text
    sent = f.sentence_at(q_lo)
    # 1. a cue before the quotation, in its clause
    for m in reversed(att.cues_in(clause_lo, q_lo)):
        between = text[m.end:q_lo]
        adjacent = not between.strip(" ,:\"“‘'\n")
        if cues.clause_of[m.form.lower()] == "that" and not adjacent and not re.search(r"\bthat\b", between):
            continue
        return att.speaker_of(m, clause_lo, sent[2], q_lo), m
    # 2. a cue after it, in the rest of the sentence (up to the next quotation)
    end_sent = f.sentence_at(max(q_hi - 1, q_lo))
    nxt = [q for q in f.quotes if q_hi < q[0] < end_sent[3]]
    post_hi = nxt[0][0] - 1 if nxt else end_sent[3]
    post = att.cues_in(q_hi, post_hi)
    if not post:
        return None, None
    m = post[0]
    speaker = att.speaker_before(q_hi + 1, m.start) or att.speaker_after(m.end, post_hi)
    if speaker is None and m.form.endswith("ing"):
        speaker = att.subject(sent[2], q_lo)
    return speaker, m


def _direct_quotes(att: _Attributor, doc_id: str, rows: dict[str, list]) -> set[int]:
    """Rows for the direct quotations of a field; returns the offsets of the cues they used."""
    f, cues = att.f, att.cues
    used: set[int] = set()
    for spans in att.paragraph_quotes:
        previous: tuple[Any, Any, Any] | None = None
        prev_end = -1
        for q_lo, q_hi in spans:
            sent = f.sentence_at(q_lo)
            speaker, cue = _attribute(att, q_lo, q_hi, max(sent[2], prev_end))
            prev_end = q_hi + 1
            lemma: Any = pd.NA
            if cue is not None:
                used.add(cue.start)
                lemma = cues.lemma_of[cue.form.lower()]
            elif previous is not None:
                # 3. no cue at all: the previous quotation's speaker in the paragraph goes on
                speaker, lemma = (previous[0], previous[1]), previous[2]
            quote = f.text[q_lo:q_hi]
            if _fewer_words(quote, MIN_QUOTE_WORDS) and (cue is None or speaker is None):
                continue  # a scare quote
            if cue is None and speaker is None and _is_name(quote):
                continue  # a name or title in quotation marks ("Green New Deal")
            speaker_id, name = speaker if speaker is not None else (pd.NA, pd.NA)
            if speaker is not None:
                previous = (speaker_id, name, lemma)
            _emit(rows, doc_id, sent[0], quote, speaker_id, name, lemma, "direct", q_lo, q_hi)
    return used


def _reported_speech(att: _Attributor, doc_id: str, rows: dict[str, list], used: set[int]) -> None:
    """Rows for reported speech in a field (cues not used by a direct quotation)."""
    f, cues, text = att.f, att.cues, att.f.text
    for sid, _, s_lo, s_hi in f.sentences:
        for m in att.cues_in(s_lo, s_hi):
            if m.start in used or att.passive(m):
                continue
            after = text[m.end:s_hi]
            form = m.form.lower()
            opener = _THAT.match(after) or _COLON.match(after)
            if opener:
                c_lo = m.end + opener.end()
            elif cues.clause_of[form] == "bare":
                c_lo = m.end
            else:
                continue
            c_lo, c_hi = _content(text, c_lo, s_hi)
            if _fewer_words(text[c_lo:c_hi], MIN_QUOTE_WORDS) or _overlaps_quote(f, c_lo, c_hi):
                continue
            clause_lo = max([s_lo] + [q_hi + 1 for _, q_hi in f.quotes if s_lo <= q_hi < m.start])
            speaker = att.speaker_of(m, clause_lo, s_lo, c_lo)
            if speaker is not None:
                _emit(rows, doc_id, sid, text[c_lo:c_hi], speaker[0], speaker[1], cues.lemma_of[form], "reported",
                      c_lo, c_hi)
        if att.source_phrase_in_field:
            _according_to(att, doc_id, sid, s_lo, s_hi, rows)


def _overlaps_quote(f: _Field, lo: int, hi: int) -> bool:
    return any(lo <= q_hi and q_lo <= hi for q_lo, q_hi in f.quotes)


def _content(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The reported content in text[lo:hi]: to a clause break, without outer spaces and end marks."""
    brk = _BREAK.search(text, lo, hi)
    if brk:
        hi = brk.start()
    while lo < hi and text[lo] in " ,:\n":
        lo += 1
    while hi > lo and text[hi - 1] in " .,;:!?\n":
        hi -= 1
    return lo, hi


def _according_to(att: _Attributor, doc_id: str, sid: int, s_lo: int, s_hi: int, rows: dict[str, list]) -> None:
    """Reported speech introduced by a source phrase: "According to X, ..." / "..., according to X"."""
    f, text = att.f, att.f.text
    for m in att.cues.source_pattern.finditer(text, s_lo, s_hi):
        if f.in_quote(m.start(), m.end()):
            continue
        comma = text.find(",", m.end(), s_hi)
        src_hi = comma if comma >= 0 else s_hi
        speaker = None
        for mention in att.speakers(m.end(), src_hi):
            if text[m.end():mention.start].strip() in ("", "the"):
                speaker = (mention.actor_id, mention.actor)
            break
        if speaker is None:
            surface = _surface_after(text[m.end():src_hi], frozenset())
            if surface is None:
                continue
            speaker = (pd.NA, surface)
        if text[s_lo:m.start()].strip(" ,\"“"):
            c_lo, c_hi = _content(text, s_lo, m.start())
        elif comma >= 0:
            c_lo, c_hi = _content(text, comma + 1, s_hi)
        else:
            continue
        if _fewer_words(text[c_lo:c_hi], MIN_QUOTE_WORDS) or _overlaps_quote(f, c_lo, c_hi):
            continue
        _emit(rows, doc_id, sid, text[c_lo:c_hi], speaker[0], speaker[1], m.group().lower(), "reported", c_lo, c_hi)


def _emit(rows: dict[str, list], doc_id: str, sid: int, quote: str, speaker_id: Any, speaker: Any, cue: Any,
          kind: str, start: int, end: int) -> None:
    for key, value in zip(QUOTE_COLUMNS, (doc_id, sid, quote, speaker_id, speaker, cue, kind, start, end)):
        rows[key].append(value)


def _sentences_by_document(sents: pd.DataFrame, doc_ids: pd.Series
                           ) -> Iterator[tuple[str, list[tuple[int, int, int, int]], list[bool]]]:
    """Per document (in order of first appearance; ``doc_ids`` is ``sents["doc_id"]`` as str): its id,
    its sentences as (sentence_id, paragraph_id, start, end) by sentence_id, and whether each is the
    headline. The table is sorted once and cut at document boundaries."""
    codes, _ = pd.factorize(doc_ids)
    order = np.lexsort((sents["sentence_id"].to_numpy(), codes))
    codes = codes[order]
    ids = doc_ids.to_numpy(dtype=object)[order]
    rows = list(zip(*(sents[c].to_numpy(dtype=np.int64)[order].tolist()
                      for c in ("sentence_id", "paragraph_id", "start", "end"))))
    heads = (sents["section"].eq("headline") & sents["sentence_id"].eq(0)).to_numpy(dtype=bool)[order].tolist()
    if not len(codes):
        return
    bounds = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1], True]).tolist()
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if codes[lo] >= 0:  # rows without a doc_id belong to no document
            yield ids[lo], rows[lo:hi], heads[lo:hi]


def _mentions_by_document(mentions: pd.DataFrame) -> dict[str, list[tuple]]:
    """doc_id (as str) -> its mentions as (sentence_id, section, start, end, actor_id, actor, via), in
    table order."""
    needed = ("doc_id", "sentence_id", "section", "start", "end", "actor_id", "actor", "via")
    missing = [c for c in needed if c not in mentions.columns]
    if missing:
        raise InputError(f"the mentions table lacks column(s) {', '.join(missing)}; pass the table "
                         "analysis.actor_mentions(documents, actors, sentences=...) returns")
    columns = [mentions["doc_id"].astype("str").tolist()] + [
        mentions[c].tolist() for c in ("sentence_id", "section", "start", "end", "actor_id", "actor", "via")]
    out: dict[str, list[tuple]] = {}
    for doc_id, *row in zip(*columns):
        out.setdefault(doc_id, []).append(tuple(row))
    return out


def _possessive_at(text: str, end: int) -> bool:
    """A possessive ending right after ``end``: "Netanyahu's", "Netanyahu’s", "the Saudis'"."""
    nxt = text[end:end + 3]
    return bool(_POSSESSIVE.match(nxt)) and (nxt[1:2] == "s" or text[end - 1:end] == "s")


def _document_fields(title: str, text: str, sentence_rows: Sequence[tuple[int, int, int, int]],
                     heads: Sequence[bool], mentions: Sequence[tuple]) -> tuple[_Field, _Field]:
    """The title and the text of one document as fields, each with its sentences (rows from
    :func:`_sentences_by_document`) and its mentions (from :func:`_mentions_by_document`, offsets
    moved from the sentence into the field, sorted by start)."""
    texts = {"title": title, "text": text}
    sentences: dict[str, list[tuple[int, int, int, int]]] = {"title": [], "text": []}
    for row, head in zip(sentence_rows, heads):
        sentences["title" if head else "text"].append(row)
    found: dict[str, list[_Mention]] = {"title": [], "text": []}
    sentence_start = {row[0]: row[2] for row in sentence_rows}
    for sentence_id, section, start, end, actor_id, actor, via in mentions:
        part = "title" if (sentence_id == 0 and section == "headline") else "text"
        base = sentence_start[sentence_id]
        fs, fe = base + int(start), base + int(end)
        found[part].append(_Mention(fs, fe, actor_id, actor, via != "pronoun" and _possessive_at(texts[part], fe)))
    title, text = (_Field(texts[part], sentences[part], sorted(found[part], key=lambda x: x.start))
                   for part in ("title", "text"))
    return title, text


def quotes(documents: pd.DataFrame, actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None, *,
           sentences: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
           cue_verbs: CueVerbs | Mapping[str, Any] | str | Path | None = None) -> pd.DataFrame:
    """Quotations, one row per quotation (direct and reported), attributed to actors.

    ``actors``: the lexicon speakers are matched against (None = the default lexicon);
    ``sentences``: a precomputed ``analysis.sentences(documents)`` table; ``mentions``: a precomputed
    ``actor_mentions(documents, actors, sentences=...)`` table (with pronouns) made with the same
    lexicon; ``cue_verbs``: a cue-verb list (None = ``lexicons/cue_verbs.yml``).
    The rules are in this module's docstring.

    Output columns: doc_id, sentence_id, quote, speaker_id, speaker, cue, kind, start, end —
    ``start``/``end`` index into the document's text (its title for sentence 0); rows in reading order.
    """
    for col in ("doc_id", "text"):
        if col not in documents.columns:
            raise InputError(f"documents table: missing column {col!r} needed by quotes(); load documents "
                             "with analysis.load_corpus or add the column")
    lexicon = load_actors(actors)
    cues = cue_verbs if isinstance(cue_verbs, CueVerbs) else load_cue_verbs(cue_verbs)
    sents = sentences_of(documents, sentences, needs=("doc_id", "sentence_id", "section", "text"))
    if mentions is None:
        mentions = actor_mentions(documents, lexicon, sentences=sents)
    rows: dict[str, list] = {c: [] for c in QUOTE_COLUMNS}
    titles = documents["title"] if "title" in documents.columns else pd.Series([""] * len(documents))
    fields = {str(d): (t if isinstance(t, str) else "", x if isinstance(x, str) else "")
              for d, t, x in zip(documents["doc_id"], titles, documents["text"])}
    doc_ids = sents["doc_id"].astype("str")
    mentions_of = _mentions_by_document(mentions)
    finder = _CueFinder(cues)
    for doc_id, sentence_rows, heads in _sentences_by_document(sents, doc_ids):
        if doc_id not in fields:
            raise InputError(f"sentences table: doc_id {doc_id!r} is not in the documents table; pass the "
                             "documents the sentences were made from")
        title, text = fields[doc_id]
        for part in _document_fields(title, text, sentence_rows, heads, mentions_of.get(doc_id, ())):
            if part.sentences:
                att = _Attributor(part, cues, finder)
                _reported_speech(att, doc_id, rows, _direct_quotes(att, doc_id, rows))
    out = pd.DataFrame(rows)
    if out.empty:
        out = pd.DataFrame({c: pd.Series(dtype="str") for c in QUOTE_COLUMNS})
    out = out.astype({"doc_id": "str", "sentence_id": "int64", "quote": "str", "speaker_id": "str",
                      "speaker": "str", "cue": "str", "kind": "str", "start": "int64", "end": "int64"})
    doc_order = {d: k for k, d in enumerate(pd.unique(doc_ids))}
    out = out.assign(_o=out["doc_id"].map(doc_order)).sort_values(["_o", "sentence_id", "start"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def voice(mentions: pd.DataFrame, quotes: pd.DataFrame, *, include_pronouns: bool = False) -> pd.DataFrame:
    """Who is talked about and who gets to talk: mentions against quotations, per actor.

    ``mentions`` from :func:`analysis.actor_mentions` (direct mentions, via alias or title, are
    counted unless ``include_pronouns``); ``quotes`` from :func:`quotes`.

    Output columns, one row per actor that is mentioned or quoted (speakers that are not lexicon
    actors get a row under their surface name with actor_id NA; quotations without a speaker get no
    row but count in the shares' denominator):
    actor_id, actor, mentions, quoted_direct, quoted_reported, quotes (direct + reported),
    mention_share (mentions / all mentions), quote_share (quotes / all quotations),
    voice_gap (mention_share - quote_share: > 0 talked about more than heard),
    never_quoted (mentioned but not quoted at all).
    Sorted so that the never-quoted come first, most mentioned first, then the rest by mentions.
    """
    for table, cols, what in ((mentions, ("actor_id", "actor", "via"), "mentions"),
                              (quotes, ("speaker_id", "speaker", "kind"), "quotes")):
        missing = [c for c in cols if c not in table.columns]
        if missing:
            raise InputError(f"{what} table: missing column(s) {', '.join(missing)}; pass the output of "
                             f"analysis.{'actor_mentions' if what == 'mentions' else 'quotes'}(...)")
    m = mentions if include_pronouns else mentions[mentions["via"].isin(("alias", "title"))]
    counts = m.groupby("actor_id", sort=False).agg(actor=("actor", "first"), mentions=("actor", "size"))
    q = quotes[quotes["speaker"].notna()].copy()
    q["key"] = q["speaker_id"].where(q["speaker_id"].notna(), "\x00" + q["speaker"].astype("str"))
    q["direct"] = q["kind"].eq("direct")
    said = q.groupby("key", sort=False).agg(speaker_id=("speaker_id", "first"), speaker=("speaker", "first"),
                                            quoted_direct=("direct", "sum"), quotes=("kind", "size"))
    table = counts.join(said, how="outer")
    table["actor_id"] = table.index.where(~table.index.str.startswith("\x00"), pd.NA)
    table["actor"] = table["actor"].fillna(table["speaker"])
    for col in ("mentions", "quoted_direct", "quotes"):
        table[col] = table[col].fillna(0).astype("int64")
    table["quoted_reported"] = table["quotes"] - table["quoted_direct"]
    n_mentions, n_quotes = len(m), len(quotes)
    table["mention_share"] = table["mentions"] / n_mentions if n_mentions else 0.0
    table["quote_share"] = table["quotes"] / n_quotes if n_quotes else 0.0
    table["voice_gap"] = table["mention_share"] - table["quote_share"]
    table["never_quoted"] = (table["mentions"] > 0) & (table["quotes"] == 0)
    cols = ["actor_id", "actor", "mentions", "quoted_direct", "quoted_reported", "quotes", "mention_share",
            "quote_share", "voice_gap", "never_quoted"]
    table = table.sort_values(["never_quoted", "mentions", "quotes", "actor"], ascending=[False, False, False, True],
                              kind="stable")
    out = table[cols].reset_index(drop=True)
    return out.astype({"actor_id": "str", "actor": "str"})
