"""Paragraphs, sections and sentences of news text: offline, rule-based, offsets exact.

``sentences(documents)`` turns the documents table into the sentences table (one row per sentence,
headline first, columns :data:`analysis.schema.SENTENCE_COLUMNS`). Two pure functions below it do the
work on a single string: ``paragraphs(text)`` and ``split_sentences(text)``. No model, no download:
the splitter is one compiled regular expression over candidate boundaries plus a few cheap checks,
tuned for English news text. Offsets are Python string indices (code points) and always satisfy
``field[start:end] == sentence``; sentence text is the source text with only its outer whitespace
removed (line breaks and double spaces inside a sentence are kept, so offsets hold).

Paragraph rules (``paragraphs``)
--------------------------------
- P1. Paragraphs are separated by one or more blank lines (lines that are empty or whitespace only).
  A single line break inside a paragraph is only a line break.
- P2. A line that starts with a bullet marker starts a paragraph of its own, even after a single line
  break: one of ``• · ▪ ◦ ‣ ● ∙`` (space after it optional), or ``-``, ``*``, ``–`` or a number of
  one to three digits followed by ``.`` or ``)`` (``1.``, ``12)``), each followed by whitespace.
  The marker and the whitespace after it are not part of the paragraph (its offsets exclude them).
  The lines after a bullet line, up to the next blank line or bullet line, belong to that item.
- P3. A line that starts with one to six ``#`` and a space (a markdown heading) is a paragraph of its
  own, even when single line breaks separate it from its neighbours.
- P4. A paragraph (not a bullet item) is a *heading* when it is a markdown heading, or when it is one
  line ending with ``:`` (optionally wrapped in ``**``/``__`` emphasis) whose text before the colon
  has at most 8 words, does not end with ``.``, ``!`` or ``?`` and holds no sentence boundary by the
  sentence rules below. Its *name* is that text without the ``#`` marks, the emphasis and the colon.
- Empty paragraphs (a bullet marker alone) are dropped.
- P5. A *kicker*: the text's first paragraph, when more follow, is one word in capitals (three letters
  or more, no digit or sentence mark: "COURTS", "BANKING", "PROFILE" on a line of their own above the
  dateline or the lede): the section label a news page prints over the story. ``sentences`` gives it no
  row (as a heading, it uses up paragraph id 1 and names no section); ``paragraphs`` keeps it.

Sentence rules (``split_sentences``)
------------------------------------
Applied inside each paragraph: the end of a paragraph always ends a sentence.

- S1. Candidate boundary: a run of terminal marks ``.``, ``?``, ``!``, ``…`` (or a spaced ellipsis:
  three or more full stops, each pair separated by one space), then any closing quotes and brackets
  ``" ' ” ’ » ) ]``, then whitespace; or, without whitespace, a closing quote/bracket directly
  followed by a capital letter or an opening curly quote (text scraped with paragraphs glued
  together). Closing quotes and brackets stay with the sentence they close. Nothing without a
  terminal mark followed by whitespace (or a glued capital after a closing quote) is a boundary, so
  full stops inside tokens (decimals ``12.75``, times, versions ``1.2.3``, ``1,000.50``, URLs
  ``www.x.org``, e-mail addresses ``a@b.co``, ``U.S.-led``, ``U.S.,``) never split.
- S2. No split when the next character (after any opening quotes/brackets) is a lower-case letter or
  one of ``, ; : % ) ] } . …``: a lower-case continuation means the full stop was not a sentence end,
  and a full stop before an ellipsis (``now. ... We``) leaves the decision to the ellipsis.
- S3. ``?`` or ``!`` in the run: split (subject to S2). This splits ``"Why?" Smith asked.`` in two:
  a known limitation.
- S4. Spaced ellipsis ``. . .`` (the news style for an omission inside a quotation): never split,
  neither inside nor after it.
- S5. Unspaced ellipsis ``...``/``…`` (two or more full stops, or the ellipsis character): split only
  before a *likely sentence starter* (S9); otherwise it is an omission and the sentence goes on.
- S6. A single full stop after a *prefix abbreviation* (titles and words that precede a name or a
  number: Mr, Mrs, Ms, Dr, Sen, Rep, Gen, Gov, Lt, Col, Capt, Sgt, Prof, Cllr, Coun, Adv (an Indian
  advocate), St, Mt, vs, v, e.g., i.e.,
  month abbreviations Jan ... Dec, and similar; the full list is ``PREFIX_ABBREVIATIONS``): never
  split. After ``No``/``Nos``/``Vol``/``Art``/``Fig``/``pp`` and the rupee's ``Rs``/``Re`` ("Rs. 1,240
  crore"; ``NUMBER_ABBREVIATIONS``): no split when a digit follows.
- S7. A single full stop after an *ambiguous token* - a suffix abbreviation that may end a sentence
  (Inc, Corp, Ltd, Co, Jr, Sr, etc, al, US state abbreviations, weekdays "Sat." before a date: "on Sat.
  Sept. 12", ...; ``SUFFIX_ABBREVIATIONS``), a
  dotted acronym (one or two letters, full stop, one or two letters, ...: ``U.S``, ``U.K``, ``E.U``,
  ``a.m``, ``p.m``, ``J.K``, ``Ph.D``) or a single capital letter (an initial): split only before a
  likely sentence starter (S9). So ``the U.S. President``, ``3 a.m. Tuesday``, ``George W. Bush``
  and ``J. R. R. Tolkien`` stay whole, while ``... to the U.S. The talks ...`` splits.
- S8. Any other single full stop: split (subject to S2). Quotations are not treated specially: a
  sentence may end at a full stop inside a quotation and the next one start inside it.
- S9. A likely sentence starter is a capitalised closed-class word (article, pronoun, conjunction,
  preposition, determiner or sentence adverb: The, A, He, It, They, But, However, In, On, After,
  Meanwhile, ...; ``SENTENCE_STARTERS``), optionally after opening quotes or brackets. Proper nouns,
  titles and weekdays are not starters, which is what keeps ``U.S. National Security Council`` whole.
- S10. Run-on sentences are cut: a sentence (by S1-S9) of more than ``MAX_SENTENCE_WORDS`` (1,000)
  words is cut after every 1,000th word (after a capitalised name the cut would split, up to 10
  words later), each piece running from its first word to its last. A word
  here is a run of non-whitespace characters, a run longer than ``MAX_WORD_CHARS`` (100) counting as
  one word per started 100 characters (and cut there). This keeps every per-sentence and per-mention
  cost (quotes, actor tone windows) bounded, so analysis time and memory are linear in text length
  even for text without punctuation (a 20 MB single-line document). Real news sentences are far
  shorter: the cut never applies to them.

The sentences table (``sentences``)
------------------------------------
- The headline is row ``sentence_id`` 0, ``paragraph_id`` 0, section ``headline``, offsets into
  ``title``, when the title is not NA and not blank; it is always one row, however many sentences it
  has (a headline of more than 1,000 words keeps only its first piece by rule S10).
- ``paragraph_id`` numbers the paragraphs of ``text`` from 1 in reading order (rules P1-P3); heading
  paragraphs and a kicker (P5) use up a number too but yield no rows, so ids of a document may have gaps.
- ``section``: ``headline`` for the headline; the name of the nearest heading above the paragraph;
  before any heading ``body``, except that the first paragraph (after a kicker) is ``standfirst`` when the documents
  table has a ``standfirst`` column whose value (not NA) equals that paragraph after whitespace
  normalisation.
- ``sentence_id`` counts 1, 2, ... over the text's sentences in reading order (0 is the headline).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns, require_table
from analysis.schema import SECTION_BODY, SECTION_HEADLINE, SECTION_STANDFIRST, SENTENCE_COLUMNS, output_columns

__all__ = [
    "Paragraph",
    "paragraphs",
    "split_sentences",
    "sentences",
    "sentences_of",
    "heading_name",
    "bullet_marker",
    "slug",
    "BULLET_START",
    "PREFIX_ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "SUFFIX_ABBREVIATIONS",
    "SENTENCE_STARTERS",
    "MAX_SENTENCE_WORDS",
    "MAX_WORD_CHARS",
]

#: Columns ``sentences()`` needs in the documents table.
REQUIRED_COLUMNS: tuple[str, ...] = ("doc_id", "title", "text")

# --- word lists (rules S6, S7, S9); case-sensitive, written without their final full stop ---------

#: Words that precede a name or number: a full stop after them never ends a sentence (S6).
PREFIX_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Profs Sen Sens Rep Reps Gov Govs Gen Gens Lt Col Capt
    Cmdr Cmdt Maj Brig Adm Sgt Cpl Pvt Spc Supt Det Insp Rev Hon Pres Fr Cllr Cllrs Coun Adv
    St Ste Mt Ft Pt vs v cf e.g i.e E.g I.e approx Approx
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()
)

#: Words that precede a number: a full stop after them does not end a sentence when a digit follows.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset("No Nos no nos Vol vol Art art Fig fig pp p Rs Re".split())

#: Abbreviations that may also end a sentence: split after them only before a sentence starter (S7).
SUFFIX_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    Inc Corp Ltd Co Cos Bros Plc plc LLC Jr Sr Esq etc al Ave Blvd Rd Dept Univ Assn est
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo
    """.split()
)

#: Capitalised closed-class words that typically open an English news sentence (S9).
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    The A An This That These Those There Here It Its He His Him She Her They Their Them We Our Us I My
    You Your Who Whom Whose What Which Where When Why How Whether If As Although Though While Because
    Since Unless Until After Before During Despite Following Amid Among In On At For From With Without
    By To Of Into Over Under About Against Through Throughout Unlike Like Both Each Every All Some Many
    Most Much More Few Several Such Other Others Another Any No None Nor Not Neither Either One Two
    And But Or So Yet Then Now Still Also Instead Indeed Thus Hence Meanwhile Moreover Furthermore
    However Nevertheless Nonetheless Earlier Later Today Yesterday Tomorrow Last Next According
    Ahead Afterward Afterwards Again Already Currently Finally First Second Third Once Overall Recently
    Soon Together Asked Yes Only Even Just Perhaps Maybe Please Let
    """.split()
)

# --- compiled patterns -----------------------------------------------------------------------------

_OPENERS = "\"'“‘(["
_TOKEN_PREFIX = _OPENERS + "—–-/"  # stripped from a token's start before the abbreviation checks

# S1: terminal run (a spaced ellipsis is one run), closing quotes/brackets, then whitespace or a glued
# capital; the lookahead captures the first character of the next sentence after any opening quotes.
_CANDIDATE = re.compile(
    r"(?P<stop>[.?!…](?:(?: \.){2,}|[.?!…]*))"  # starts with one char class: the fast scan
    r"(?P<close>[\"'”’»)\]]*)"
    r"(?:\s+|(?<=[\"'”’»)\]])(?=[A-Z“‘]))"
    r"(?=[\"'“‘(\[]*(?P<next>\S))"
)
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([A-Z][a-z]*)")
_DOTTED = re.compile(r"[A-Za-z]{1,2}(?:\.[A-Za-z]{1,2})+")
_CONTINUATION = frozenset(",;:%)]}.…")

#: Rule P2's bullet markers, as a regular expression (the loader's line rules use it too).
BULLET_START = r"(?:[•·▪◦‣●∙]|(?:[-*–]|\d{1,3}[.)])(?=\s))"
# P1-P3: a blank-line run, or the line break before a bullet line or a markdown heading line.
_PARA_BREAK = re.compile(r"\n[^\S\n]*\n\s*|\n(?=[^\S\n]*(?:" + BULLET_START + r"|#{1,6}[^\S\n]))")
_BULLET = re.compile(BULLET_START + r"\s*")


@functools.lru_cache(maxsize=1 << 16)
def slug(text: str, *, empty: str, apostrophes: bool = True) -> str:
    """An id made of a name: lower case, accents folded (NFKD: "é" -> e, "ễ" -> e; "ø", "ł", "ß", "æ", "œ"
    as o, l, ss, ae, oe), dots dropped, every other run of characters but a-z and 0-9 one underscore
    (none at either end); ``empty`` when nothing is left. Apostrophes are dropped (``apostrophes=True``:
    entity ids, "O'Brien" -> ``obrien``) or split words like any other mark (``False``: the ids
    :func:`analysis.discover_actors` suggests, ``o_brien``). A name in ASCII gives the id it always did.

    >>> slug("Dr. Ruth O'Neil-Adeyemi", empty="entity"), slug("O'Neil", empty="actor", apostrophes=False)
    ('dr_ruth_oneil_adeyemi', 'o_neil')
    >>> slug("Chloé Béranger", empty="entity"), slug("Zoë Nguyễn", empty="entity")
    ('chloe_beranger', 'zoe_nguyen')
    """
    plain = text.lower()
    if not plain.isascii():
        plain = "".join(c for c in unicodedata.normalize("NFKD", plain.translate(_UNDECOMPOSED))
                        if not unicodedata.combining(c))
    plain = plain.replace(".", "")
    if apostrophes:
        plain = plain.replace("\u2019", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_") or empty


#: Latin letters NFKD leaves whole, as ``slug`` spells them in ASCII.
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
                               "ı": "i", "ŧ": "t", "ħ": "h"})


def bullet_marker(line: str) -> re.Match[str] | None:
    """Rule P2: the bullet marker (and the whitespace after it) that ``line`` starts with, else None.

    >>> bullet_marker("– talks resume").group(0), bullet_marker("12) Go").group(0), bullet_marker("-3 degrees")
    ('– ', '12) ', None)
    """
    return _BULLET.match(line)
_LEADING_SPACE = re.compile(r"\s*")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[^\S\n]+([^\n]*?)[^\S\n]*#*[^\S\n]*(?:\n|$)")

#: Longest sentence in words (rule S10); longer run-on "sentences" are cut after every this-many words.
MAX_SENTENCE_WORDS = 1000
#: Longest word in characters for rule S10; a longer run of non-whitespace counts as one word per this many.
MAX_WORD_CHARS = 100
_WORD_UNIT = re.compile(r"\S{1,%d}" % MAX_WORD_CHARS)

_TOKEN_WINDOW = 48  # longest token inspected before a full stop; longer tokens are never abbreviations


class Paragraph(NamedTuple):
    """One paragraph of a text: ``text[start:end]`` is its content.

    ``kind`` is ``"paragraph"``, ``"bullet"`` (marker excluded from the span) or ``"heading"``;
    ``name`` is the heading's name for headings, else ``""``.
    """

    start: int
    end: int
    kind: str
    name: str = ""


def heading_name(line: str) -> str | None:
    """The section name if ``line`` (one paragraph's text) is a heading by rule P4, else ``None``.

    >>> heading_name("Why It Matters:"), heading_name("## Background"), heading_name("He said:")
    ('Why It Matters', 'Background', 'He said')
    >>> heading_name("He spoke. Then he said:") is None
    True
    """
    line = line.strip()
    if line.startswith("#"):
        m = _MARKDOWN_HEADING.fullmatch(line)
        if m:
            name = m.group(1).strip().strip("*_").strip().removesuffix(":").strip()
            return name or None
    if "\n" in line:
        return None
    line = line.strip("*_").strip()
    if not line.endswith(":"):
        return None
    name = line[:-1].strip().strip("*_").strip()
    if not name or name[-1] in ".!?:" or len(name.split()) > 8:
        return None
    spans: list[tuple[int, int]] = []
    _split_span(name, 0, len(name), spans)
    return name if len(spans) == 1 else None


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs by rules P1-P4, in order; spans exclude outer whitespace.

    Returns a list of :class:`Paragraph` ``(start, end, kind, name)`` with ``text[start:end]`` the
    paragraph's content: bullet markers are excluded, heading spans keep their ``#``/colon.
    """
    out: list[Paragraph] = []
    pos = 0
    n = len(text)
    for m in _PARA_BREAK.finditer(text):
        _add_paragraph(text, pos, m.start(), out)
        pos = m.end()
    if pos < n:
        _add_paragraph(text, pos, n, out)
    return out


def _add_paragraph(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    start = _LEADING_SPACE.match(text, start, end).end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
        if start < end:
            out.append(Paragraph(start, end, "bullet"))
        return
    if text.startswith("#", start):
        m = _MARKDOWN_HEADING.match(text, start, end)
        if m and m.group(1).strip():
            line_end = m.end() - 1 if text[m.end() - 1] == "\n" else m.end()
            while line_end > start and text[line_end - 1].isspace():
                line_end -= 1
            name = heading_name(text[start:line_end]) or m.group(1).strip()
            out.append(Paragraph(start, line_end, "heading", name))
            if m.end() < end:
                _add_paragraph(text, m.end(), end, out)
            return
    if text[end - 1] in ":*_" and "\n" not in text[start:end]:
        name = heading_name(text[start:end])
        if name is not None:
            out.append(Paragraph(start, end, "heading", name))
            return
    out.append(Paragraph(start, end, "paragraph"))


def _starts_sentence(text: str, pos: int) -> bool:
    """S9: does a likely sentence starter begin at ``pos`` (after any opening quotes)?"""
    m = _NEXT_WORD.match(text, pos)
    return m is not None and m.group(1) in SENTENCE_STARTERS


def _split_span(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    """Append the sentence spans of ``text[lo:hi]`` (already stripped, one paragraph) to ``out``."""
    start = lo
    for m in _CANDIDATE.finditer(text, lo, hi):
        nxt = m.group("next")
        if nxt.islower() or nxt in _CONTINUATION:  # S2
            continue
        stop = m.group("stop")
        if stop == ".":
            i = m.start()
            w = i - _TOKEN_WINDOW if i - _TOKEN_WINDOW > lo else lo
            j = max(text.rfind(" ", w, i), text.rfind("\n", w, i))
            tok = text[j + 1 if j >= 0 else w : i]
            if not tok.isprintable():  # other whitespace (no-break space, tab) inside the window
                tok = (tok.split() or [""])[-1]
            tok = tok.lstrip(_TOKEN_PREFIX)
            if tok in PREFIX_ABBREVIATIONS:  # S6
                continue
            if tok in NUMBER_ABBREVIATIONS and nxt.isdigit():
                continue
            if (
                tok in SUFFIX_ABBREVIATIONS
                or (len(tok) == 1 and tok.isupper())
                or ("." in tok and _DOTTED.fullmatch(tok))
            ) and not _starts_sentence(text, m.end()):  # S7
                continue
        elif "?" in stop or "!" in stop:  # S3
            pass
        elif " " in stop:  # S4
            continue
        elif not _starts_sentence(text, m.end()):  # S5
            continue
        end = m.end("close")
        if end > start:
            _append_capped(text, start, end, out)
        start = m.end()
    if hi > start:
        _append_capped(text, start, hi, out)


def _append_capped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append the sentence ``text[start:end]`` to ``out``, cut into pieces of at most
    ``MAX_SENTENCE_WORDS`` words when it is longer (rule S10)."""
    if end - start <= 2 * MAX_SENTENCE_WORDS:  # too short to hold more than MAX_SENTENCE_WORDS words
        out.append((start, end))
        return
    count = 0
    for word in _WORD_UNIT.finditer(text, start, end):
        if count >= MAX_SENTENCE_WORDS and not (count < MAX_SENTENCE_WORDS + _NAME_GRACE
                                                and _name_across(text, previous_end, word.start())):
            out.append((start, previous_end))
            start, count = word.start(), 0
        count += 1
        previous_end = word.end()
    out.append((start, end))


#: Words a cut of rule S10 waits for a capitalised run ("Helen Marsh") to end.
_NAME_GRACE = 10


def _name_across(text: str, previous_end: int, next_start: int) -> bool:
    """True when the words ending at ``previous_end`` and starting at ``next_start`` are both
    capitalised (a name a cut between them would split)."""
    first = previous_end - 1
    while first > 0 and previous_end - first < MAX_WORD_CHARS and not text[first - 1].isspace():
        first -= 1
    return text[next_start].isupper() and text[first].isupper()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, by the paragraph and sentence rules.

    ``text[start:end]`` is each sentence with outer whitespace (and bullet markers) removed. Every
    paragraph (rules P1-P3) is split on its own, so a paragraph end always ends a sentence; heading
    paragraphs are returned as spans too (``sentences()`` drops them).
    """
    out: list[tuple[int, int]] = []
    for para in paragraphs(text):
        _split_span(text, para.start, para.end, out)
    return out


_KICKER = re.compile(r"[A-Z][A-Z&'’-]{2,}")


def _kicker(text: str, paras: list[Paragraph]) -> bool:
    """Rule P5: the first of ``paras`` (the paragraphs of ``text``) is a kicker ("COURTS" above the dateline)."""
    return len(paras) > 1 and paras[0].kind == "paragraph" and \
        _KICKER.fullmatch(text, paras[0].start, paras[0].end) is not None


def _text_value(value: object, row: int, column: str) -> str:
    """A title/text cell as str: NA -> ''; anything else that is not a str is an InputError."""
    if isinstance(value, str):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    raise InputError(
        f"documents table, row {row}, column {column!r}: expected text or NA, got "
        f"{type(value).__name__} {value!r}; convert the column to str (e.g. .astype(str)) first"
    )


def _norm(s: str) -> str:
    return " ".join(s.split())


@output_columns("sentences")
def sentences(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every document, headline first, in reading order.

    ``documents`` needs the columns ``doc_id``, ``title`` and ``text``; an optional ``standfirst``
    column marks the first paragraph as section ``standfirst`` where it matches (see the module
    docstring for every rule).

    Raises :class:`~analysis.errors.InputError` naming a missing column, or the row and column of a
    title/text value that is neither text nor NA.
    """
    require_table(documents, fn="sentences")
    require_columns(documents, REQUIRED_COLUMNS, fn="sentences", name="documents",
                    fix=f"it has {list(map(str, documents.columns))}. Pass your table through "
                    "wb.load_corpus(table) first (it finds the columns by name and makes ids, titles and dates), "
                    "or add the column(s).")
    # Column lists: one entry per sentence for spans, ids and texts; one entry per run of sentences
    # sharing document, paragraph and section (expanded with np.repeat at the end).
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    sentence_ids: list[int] = []
    run_docs: list[object] = []
    run_paragraphs: list[int] = []
    run_sections: list[str] = []
    run_lengths: list[int] = []

    standfirsts = documents["standfirst"] if "standfirst" in documents.columns else None
    rows = zip(
        documents["doc_id"].tolist(),
        documents["title"].tolist(),
        documents["text"].tolist(),
        standfirsts.tolist() if standfirsts is not None else [None] * len(documents),
    )
    for row, (doc_id, title, text, standfirst) in enumerate(rows):
        title = _text_value(title, row, "title")
        text = _text_value(text, row, "text")
        stripped = title.strip()
        if stripped:
            s = len(title) - len(title.lstrip())
            head: list[tuple[int, int]] = []
            _append_capped(title, s, s + len(stripped), head)
            spans.append(head[0])
            texts.append(title[head[0][0] : head[0][1]])
            sentence_ids.append(0)
            run_docs.append(doc_id)
            run_paragraphs.append(0)
            run_sections.append(SECTION_HEADLINE)
            run_lengths.append(1)
        if not text:
            continue
        standfirst = standfirst if isinstance(standfirst, str) and standfirst.strip() else None
        section = SECTION_BODY
        sid = 0
        paras = paragraphs(text)
        lede = 2 if _kicker(text, paras) else 1  # (rule P5: the kicker's paragraph gives no row)
        for pid, para in enumerate(paras, start=1):
            if para.kind == "heading" or pid < lede:
                section = para.name if para.kind == "heading" else section
                continue
            para_section = section
            if pid == lede and standfirst is not None:
                if _norm(text[para.start : para.end]) == _norm(standfirst):
                    para_section = SECTION_STANDFIRST
            first = len(spans)
            _split_span(text, para.start, para.end, spans)
            k = len(spans) - first
            texts.extend([text[s:e] for s, e in spans[first:]])
            sentence_ids.extend(range(sid + 1, sid + k + 1))
            sid += k
            run_docs.append(doc_id)
            run_paragraphs.append(pid)
            run_sections.append(para_section)
            run_lengths.append(k)

    lengths = np.asarray(run_lengths, dtype=np.int64)
    offsets = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    data = {
        "doc_id": pd.Series(np.repeat(np.asarray(run_docs, dtype=object), lengths), dtype="str"),
        "sentence_id": pd.Series(sentence_ids, dtype="int64"),
        "paragraph_id": pd.Series(np.repeat(np.asarray(run_paragraphs, dtype=np.int64), lengths)),
        "section": pd.Series(np.repeat(np.asarray(run_sections, dtype=object), lengths), dtype="str"),
        "text": pd.Series(texts, dtype="str"),
        "start": pd.Series(offsets[:, 0]),
        "end": pd.Series(offsets[:, 1]),
    }
    return pd.DataFrame({c: data[c] for c in SENTENCE_COLUMNS})


def sentences_of(
    documents: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    *,
    needs: tuple[str, ...] = ("doc_id", "sentence_id", "text"),
    fn: str = "sentences_of",
) -> pd.DataFrame:
    """The sentences table a metric works on: ``sentences`` when given (checked), else ``sentences(documents)``.

    Every metric takes ``sentences=`` so that one segmentation serves them all; this is the one place
    that decides and checks it. Raises InputError naming ``fn`` (the calling metric) and the columns
    a given table lacks.
    """
    if sentences is None:
        return globals()["sentences"](documents)
    require_columns(sentences, needs, fn=fn, name="sentences",
                    fix="pass the table analysis.sentences(documents) returns")
    return sentences
