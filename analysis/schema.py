"""The workbench's tidy tables: every table's columns, in order, with their dtype and meaning.

One table per concept, one row per unit (docs/design.md). This module is the single place where
column names are written down: the modules that build a table import its columns from here
(``analysis.actors.MENTION_COLUMNS`` is :data:`MENTION_COLUMNS`), the "Output columns" section of
each table function's docstring is generated from here (:func:`output_columns`, a decorator that
appends it when the function is defined), and ``tests/test_schema.py`` runs every public table
function on a small input and checks its columns, their order and their dtypes against
:data:`TABLES` (and that ``help()`` lists exactly these columns).

Each table is a :class:`Table`: its ``columns`` map a name to a :class:`Column` (dtype, meaning,
and ``when`` for a column that only some inputs or options give). Dtypes are pandas' names:
``str`` (pandas' default text dtype; missing = NaN), ``string`` (nullable text, missing = ``pd.NA``,
used by the documents table), ``int64``, ``Int64`` (nullable integer), ``float64``, ``bool``,
``object`` (Python lists, or mixed values), ``datetime64[ns, UTC]``. A name in braces, ``{score}``,
stands for a family of columns named after another column or option (the tone engine's scores).
A table with ``by_first`` starts with the grouping columns the caller chose (``by=``).

Offsets (``start``/``end`` and ``*_start``/``*_end``) come in two frames, and every offset column
says which in its meaning (a test checks that it does):

* **sentence-relative** (:data:`SENTENCE_RELATIVE`): into the sentence's ``text`` in the sentences
  table — mentions, entities, actor tone: ``sentence_text[start:end]`` is the mention.
* **field-relative** (:data:`FIELD_RELATIVE`): into the document's ``text``, or its ``title`` for
  the headline (sentence 0) — sentences and quotes: ``field[start:end]``.

A sentence's own ``start`` turns one into the other: field offset = sentence start + sentence-relative
offset. The names stay ``start``/``end`` in both frames (renaming them would break every stored
analysis); the frame is part of the table's definition.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

__all__ = [
    "Column", "Table", "TABLES", "table_of", "columns_section", "output_columns", "SENTENCE_RELATIVE", "FIELD_RELATIVE",
    "DOCUMENT_COLUMNS", "OPTIONAL_DOCUMENT_COLUMNS", "SENTENCE_COLUMNS", "MENTION_COLUMNS", "ENTITY_COLUMNS",
    "ENTITY_TABLE_COLUMNS", "QUOTE_COLUMNS", "TONE_COLUMNS", "DOCUMENT_TONE_COLUMNS", "FRAME_SENTENCE_COLUMNS",
    "FRAME_DOCUMENT_COLUMNS", "ACTOR_TONE_COLUMNS", "TARGET_TONE_COLUMNS", "ACTOR_DOCUMENT_TONE_COLUMNS",
    "PROMINENCE_COLUMNS", "ACTOR_ROLLUP_COLUMNS", "COOCCURRENCE_COLUMNS", "VOICE_COLUMNS", "ENTITY_ROLLUP_COLUMNS",
    "ACTOR_TONE_SUMMARY_COLUMNS", "FRAME_ROLLUP_COLUMNS", "ACTOR_FRAMES_COLUMNS", "FRAME_AGREEMENT_COLUMNS",
    "DISCOVERY_COLUMNS", "SECTION_HEADLINE", "SECTION_STANDFIRST", "SECTION_BODY",
]

#: The two frames of offset columns (see the module docstring); every offset column's meaning starts
#: with one of them.
SENTENCE_RELATIVE = "sentence-relative"
FIELD_RELATIVE = "field-relative"


class Column(NamedTuple):
    """One column: its pandas dtype, its meaning, and (for a column only some inputs give) when."""

    dtype: str
    meaning: str
    when: str | None = None


@dataclass(frozen=True)
class Table:
    """One tidy table: ``name``, its ``unit`` (what one row is), the public functions that return it
    (``made_by``), its ``columns`` in order, and ``by_first`` when the caller's ``by=`` columns
    come first."""

    name: str
    unit: str
    made_by: tuple[str, ...]
    columns: dict[str, Column]
    by_first: bool = False

    @property
    def meanings(self) -> dict[str, str]:
        """{column: meaning}, in order (the form of the ``*_COLUMNS`` constants)."""
        return {name: column.meaning for name, column in self.columns.items()}

    @property
    def dtypes(self) -> dict[str, str]:
        """{column: dtype}, in order."""
        return {name: column.dtype for name, column in self.columns.items()}


def _cols(rows: list[tuple[str, str, str] | tuple[str, str, str, str]]) -> dict[str, Column]:
    return {row[0]: Column(*row[1:]) for row in rows}


_DOC = ("doc_id", "str", "the document's id")

DOCUMENTS = Table("documents", "one row per article", ("load_corpus",), _cols([
    ("doc_id", "string", "stable id: given by the source, else a hash of source name + title + text"),
    ("title", "string", "headline"),
    ("text", "string", "the article's text in reading order, paragraphs separated by blank lines; "
     "a section heading (e.g. 'Why It Matters:') is a paragraph of its own"),
    ("outlet", "string", "publication, or NA"),
    ("author", "string", "byline, or NA"),
    ("published", "datetime64[ns, UTC]", "publication time as datetime64[ns, UTC], or NaT"),
    ("url", "string", "address of the article, or NA"),
    ("tags", "object", "tags or keywords: a list of str, possibly empty"),
    ("source", "string", "where the row was read from: a file path, or 'path, row N'"),
    ("standfirst", "string", "the lede or summary paragraph under the headline; when present it is also the "
     "first paragraph of `text`, and its sentences get section 'standfirst'", "optional"),
    ("subtitle", "string", "a second headline or dek, kept out of `text`", "optional"),
    ("duplicate_of", "string", "doc_id of the earlier document this one duplicates (exactly or nearly), else NA",
     "optional"),
]))

SENTENCES = Table("sentences", "one row per sentence, headline first, in reading order", ("sentences",), _cols([
    _DOC,
    ("sentence_id", "int64", "0 for the headline, then 1, 2, ... in reading order within the document"),
    ("paragraph_id", "int64", "0 for the headline, then 1, 2, ... for the paragraphs of `text` (a heading "
     "paragraph takes a number but yields no row)"),
    ("section", "str", "'headline', 'standfirst', 'body', or the name of the heading above it "
     "(e.g. 'Why It Matters')"),
    ("text", "str", "the sentence (bullet marker and outer whitespace stripped)"),
    ("start", "int64", "field-relative: offset of the sentence's first character in the document's title "
     "(headline) or text"),
    ("end", "int64", "field-relative: offset one past its last character: field[start:end] == text"),
]))

MENTIONS = Table("mentions", "one row per mention of a lexicon actor (or, from entities_as_mentions, of an entity)",
                 ("mentions", "entities_as_mentions"), _cols([
    _DOC,
    ("sentence_id", "int64", "the sentence (0 = headline)"),
    ("section", "str", "the sentence's section (headline, standfirst, body, or a heading's name)"),
    ("actor_id", "str", "the lexicon id of the actor"),
    ("actor", "str", "the actor's display name"),
    ("alias", "str", "the text that matched (the alias, the title as written, or the pronoun)"),
    ("via", "str", "'alias', 'title' or 'pronoun'"),
    ("start", "int64", "sentence-relative: offset of the match in the sentence's text"),
    ("end", "int64", "sentence-relative: offset one past the match: sentence_text[start:end] == alias"),
]))

ENTITIES = Table("entities", "one row per mention of a named entity (and per resolved pronoun)", ("entities",),
                 _cols([
    _DOC,
    ("sentence_id", "int64", "the sentence (0 = headline)"),
    ("start", "int64", "sentence-relative: offset of the mention in the sentence's text"),
    ("end", "int64", "sentence-relative: offset one past it: sentence_text[start:end] == text"),
    ("text", "str", "the mention as written, without its title ('Adeyemi', 'Ruth Adeyemi', 'she')"),
    ("entity_id", "str", "stable id across the corpus: '<type>:<slug of the full name>' ('person:ruth_adeyemi')"),
    ("entity", "str", "display name: the fullest form in the document, titles stripped"),
    ("type", "str", "person, organization, place, group or other"),
    ("via", "str", "'name' (a full form), 'short' (a shorter form linked to a fuller one), 'definition' (an acronym in brackets right after its entity's name, 'Office (ICO)': counted as no mention of its own) or 'pronoun'"),
    ("title", "str", "role words written with this mention, lower-case ('county clerk'), or NA"),
    ("actor_id", "str", "the lexicon actor the entity links to, or NA"),
    ("evidence", "str", "what decided the type in this document ('title: county clerk', 'first name: Ruth', ...)"),
    ("gender", "str", "male or female where known in this document, else NA"),
]))

ENTITY_TABLE = Table("entity_table", "one row per entity", ("entity_table",), _cols([
    ("entity_id", "str", "the entity's id"),
    ("entity", "str", "display name (the most frequent fullest form)"),
    ("type", "str", "person, organization, place, group or other (the type of most of its mentions)"),
    ("evidence", "str", "the evidence that decided the type (in the document with most mentions of that type)"),
    ("gender", "str", "male or female where known, else NA"),
    ("mentions", "int64", "direct mentions (via name and short)"),
    ("pronouns", "int64", "pronoun mentions"),
    ("documents", "int64", "distinct documents"),
    ("variants", "object", "forms as written, most frequent first (list of str)"),
    ("titles", "object", "titles written with it, most frequent first (list of str)"),
    ("actor_id", "str", "the linked lexicon actor, or NA"),
    ("actor", "str", "that actor's display name in the lexicon, or NA"),
    ("group", "str", "that actor's group in the lexicon, or NA"),
    ("same_as", "str", "for a short-form-only entity (or a name typed by no evidence): the one full-name (or typed) entity it belongs to, or NA"),
    ("doc_id", "str", "the document of the first mention"),
    ("sentence_id", "int64", "the sentence of the first mention"),
]))

QUOTES = Table("quotes", "one row per quotation, in reading order", ("quotes",), _cols([
    _DOC,
    ("sentence_id", "int64", "the sentence where the quotation starts (0 = headline)"),
    ("quote", "str", "the quoted words (direct: between the marks, a trailing comma dropped; reported: the "
     "content clause); a quotation in parts (split around its cue) joins them with \" … \""),
    ("speaker_entity_id", "str", "the speaker's entity (analysis.entities), or NA"),
    ("speaker", "str", "the speaker's display name (the actor's or entity's name where linked, else the words "
     "naming the speaker: 'a senior official', 'Dana Price'), or NA (none found, or a pronoun not "
     "resolved with confidence)"),
    ("speaker_type", "str", "how the text names the speaker: 'name', 'nominal' ('the company', 'officials', "
     "'a spokesman', 'the report', or a place speaking as its government: 'Israel said') or 'pronoun' "
     "('he', 'she'); NA without a speaker"),
    ("speaker_id", "str", "the speaker's lexicon actor id, or NA when the speaker is not a lexicon actor"),
    ("addressee", "str", "whom the words were addressed to ('told reporters', 'wrote to staff'), or NA"),
    ("cue", "str", "the cue verb's lemma ('say', 'add', ...) or the source phrase ('according to'), or NA"),
    ("kind", "str", "'direct' (quotation marks) or 'reported' (indirect speech, also with a few quoted words in it)"),
    ("start", "int64", "field-relative: offset of the quotation (its first part) in the document's text (in its "
     "title for sentence 0)"),
    ("end", "int64", "field-relative: offset one past its end (of its last part)"),
    ("spans", "str", "a string, not a list: the parts as 'start end;start end' ('410 451;473 527': "
     "field[410:451] and field[473:527]; one part: 'start end'), field-relative; "
     "quote == ' … '.join(field[s:e] for each)"),
    ("speaker_start", "Int64", "field-relative: offset of the words naming the speaker in the same field, or NA"),
    ("speaker_end", "Int64", "field-relative: offset one past them, or NA"),
]))

_SCORE = ("{score}", "float64", "one column per score of the tone engine: polarity (-1..1) and subjectivity "
          "(0..1) with textblob; compound (-1..1), pos, neu, neg with vader")

TONE = Table("tone", "one row per sentence", ("tone",), _cols([
    _DOC, ("sentence_id", "int64", "the sentence (0 = headline)"), _SCORE]))

DOCUMENT_TONE = Table("document_tone", "one row per document, from tone(level='document')", ("tone",), _cols([
    ("doc_id", "str", "the document's id (as in the documents table)"),
    ("{score}", "float64", "the engine's scores of the whole article (title and text) as one text"),
    ("mean_sentence_{score}", "float64", "mean of the engine's score over the document's sentences"),
    ("share_negative", "float64", "share of sentences whose score is < 0"),
    ("share_positive", "float64", "share of sentences whose score is > 0"),
    ("n_sentences", "int64", "number of sentences (headline included)"),
]))

FRAMES = Table("frames", "one row per sentence and frame with at least one hit, from frames(level='sentence')",
               ("frames",), _cols([
    _DOC,
    ("sentence_id", "int64", "the sentence (0 = headline)"),
    ("frame_id", "str", "the frame's id in the codebook"),
    ("hits", "int64", "number of term matches of this frame in the sentence (> 0)"),
    ("terms", "str", "the codebook terms that matched, distinct, in order of first match, joined by '; ' "
     "(two terms of the frame matching the same words are both listed, and count as one hit)"),
]))

DOCUMENT_FRAMES = Table("document_frames", "one row per document and frame, every frame, hits 0 included, "
                        "from frames(level='document')", ("frames",), _cols([
    _DOC,
    ("frame_id", "str", "the frame's id in the codebook"),
    ("hits", "int64", "number of term matches of this frame in the document (headline included)"),
    ("weighted_hits", "int64", "hits, those in the frame's lead (the headline and its first lead_sentences "
     "sentences) counted lead_weight times, hits of actor terms actor_weight times (both multiplied); equals "
     "hits for a frame without a lead or actor weight"),
    ("distinct_terms", "int64", "number of distinct codebook terms of this frame matched in the document"),
    ("hits_per_1000_words", "float64", "hits per 1,000 words (whitespace-separated tokens of its sentences); "
     "NaN for a document without words"),
    ("share", "float64", "the frame's share of the document's frame hits (0.0 when it has none)"),
    ("present", "bool", "weighted_hits >= the frame's threshold and distinct_terms >= its min_terms"),
    ("dominant", "bool", "the frame has the most hits of the frames present in the document (all tied frames "
     "are dominant; none when no frame is present)"),
]))

_TARGET_TONE = [
    ("target_polarity", "float64", "p_positive - p_negative: the signed tone toward the target, -1..1"),
    ("p_negative", "float64", "model probability that the sentence is negative toward the target"),
    ("p_neutral", "float64", "model probability of neutral"),
    ("p_positive", "float64", "model probability of positive"),
    ("label", "str", "the most probable class: negative, neutral or positive"),
]

ACTOR_TONE = Table("actor_tone", "one row per mention, in the mentions table's order", ("actor_tone",), _cols([
    _DOC,
    ("sentence_id", "int64", "the sentence holding the mention"),
    ("actor_id", "str", "the actor's id in the lexicon"),
    ("actor", "str", "the actor's display name"),
    ("via", "str", "how the mention was found ('alias', 'title', 'pronoun'), when the mentions table has it",
     "the mentions table has via"),
    ("start", "int64", "sentence-relative: offset of the mention in the sentence's text (as in the mentions table)"),
    ("end", "int64", "sentence-relative: offset one past the mention's end"),
    ("stance", "str", "'by' when the sentence holds (part of) a quotation, direct or reported, attributed "
     "to this actor, else 'about'"),
    ("text", "str", "the text that was scored: the sentence, or the window of words around the mention"),
    ("{score}", "float64", "the engine's scores (textblob: polarity, subjectivity; vader: compound, pos, neu, "
     "neg)", "actor_tone_method='sentence' or 'window'"),
    *[(*row, "actor_tone_method='target'") for row in _TARGET_TONE],
]))

ACTOR_DOCUMENT_TONE = Table("actor_document_tone", "one row per document and actor, in order of first mention",
                            ("actor_document_tone",), _cols([
    ("doc_id", "str", "the document"),
    ("actor_id", "str", "the actor"),
    ("actor", "str", "the actor's display name (when the table has it)", "the actor tone table has actor"),
    ("n_mentions", "int64", "mentions of the actor in the document"),
    ("mean_polarity", "float64", "weighted mean of target_polarity over the mentions (lead mentions weigh more)"),
    ("share_negative", "float64", "weighted share of mentions labelled negative"),
    ("share_positive", "float64", "weighted share of mentions labelled positive"),
    ("net_share", "float64", "share_positive - share_negative"),
    ("score", "float64", "the aggregate the document-level rule uses (mean_polarity or net_share, see rule)"),
    ("label", "str", "negative / neutral / positive: score below, inside or above the rule's neutral band"),
]))

PROMINENCE = Table("prominence", "one row per document and actor, documents in table order, actors by first "
                   "mention", ("prominence",), _cols([
    _DOC,
    ("actor_id", "str", "the actor's id"),
    ("actor", "str", "the actor's display name"),
    ("mentions", "int64", "mentions of the actor in the document"),
    ("sentences", "int64", "sentences that mention the actor"),
    ("first_sentence", "int64", "sentence_id of the first mention"),
    ("first_position", "float64", "that sentence's position in the document, 0 = first sentence .. 1 = last"),
    ("in_headline", "bool", "mentioned in the headline"),
    ("in_lead", "bool", "mentioned in the standfirst or in the first body paragraph (at most its first 3 sentences)"),
    ("sentence_share", "float64", "sentences that mention the actor / all sentences of the document"),
]))

ACTOR_ROLLUP = Table("actor_rollup", "one row per cell of the by= keys (actor keys: actor = actor_id + actor, "
                     "group, type); sorted by the non-actor keys, then most mentions first",
                     ("mentions_by",), _cols([
    ("mentions", "int64", "mentions (direct unless include_pronouns)"),
    ("documents", "int64", "distinct documents"),
    ("sentences", "int64", "distinct sentences"),
    ("share", "float64", "this row's mentions / all mentions in rows with the same non-actor keys (e.g. within "
     "an outlet and day); / all mentions when by has only actor keys"),
]), by_first=True)

COOCCURRENCE = Table("cooccurrence", "one row per pair of actors, most co-occurrences first", ("cooccurrence",),
                     _cols([
    ("actor_a", "str", "one actor's id (actor_a < actor_b)"),
    ("actor_b", "str", "the other actor's id"),
    ("count", "int64", "units (sentences or documents) mentioning both: n_ab"),
    ("n_a", "int64", "units mentioning actor_a"),
    ("n_b", "int64", "units mentioning actor_b"),
    ("pmi", "float64", "pointwise mutual information log2(n_ab·N / (n_a·n_b))"),
    ("jaccard", "float64", "n_ab / (n_a + n_b - n_ab)"),
]))

VOICE = Table("voice", "one row per actor or entity that is mentioned or quoted", ("voice",), _cols([
    ("actor_id", "str", "the actor's (or entity's) id; NA for a speaker linked to neither"),
    ("actor", "str", "display name, or the words naming an unlinked speaker ('a senior official')"),
    ("mentions", "int64", "mentions"),
    ("quoted_direct", "int64", "direct quotations"),
    ("quoted_reported", "int64", "reported quotations"),
    ("quotes", "int64", "quoted_direct + quoted_reported"),
    ("mention_share", "float64", "mentions / all mentions"),
    ("quote_share", "float64", "quotes / all quotations (quotations without a speaker count here too)"),
    ("voice_gap", "float64", "mention_share - quote_share: > 0 talked about more than heard"),
    ("never_quoted", "bool", "mentioned but not quoted at all"),
]))

ENTITY_ROLLUP = Table("entity_rollup", "one row per entity (or linked actor), most mentions first",
                      ("entities_by",), _cols([
    ("key", "str", "the lexicon actor_id where linked, else the entity_id"),
    ("name", "str", "the lexicon's display name where linked, else the entity's"),
    ("type", "str", "the entity type"),
    ("group", "object", "the lexicon group, or NA"),
    ("linked", "bool", "linked to a lexicon actor"),
    ("mentions", "int64", "mentions counted"),
    ("documents", "int64", "distinct documents"),
    ("sentences", "int64", "distinct sentences"),
    ("share", "float64", "share of all mentions counted"),
]))

ACTOR_TONE_SUMMARY = Table("actor_tone_summary", "one row per cell of the by= keys, sorted by them",
                           ("actor_tone_by",), _cols([
    ("actor", "str", "the actor's display name", "by has actor_id"),
    ("n_mentions", "int64", "mentions in the cell"),
    ("n_sentences", "int64", "sentences naming the actor in the cell: the n of the mean"),
    ("n_documents", "int64", "distinct documents in the cell"),
    ("mean_{score}", "float64", "mean of the score column over sentences (a sentence's mentions averaged first)"),
    ("ci_low", "float64", "percentile bootstrap 95% interval of the mean: low"),
    ("ci_high", "float64", "percentile bootstrap 95% interval of the mean: high"),
    ("share_negative", "float64", "share of sentences scoring < 0 (score target_polarity with a label column: "
                                  "labelled negative by the model)"),
    ("share_positive", "float64", "share of sentences scoring > 0 (score target_polarity with a label column: "
                                  "labelled positive by the model)"),
]), by_first=True)

FRAME_ROLLUP = Table("frame_rollup", "one row per cell of the by= keys and frame", ("frames_by",), _cols([
    ("frame_id", "str", "the frame's id"),
    ("hits", "int64", "the frame's hits in the cell (sum)"),
    ("documents", "int64", "documents of the cell where the frame is present"),
    ("n_documents", "int64", "documents in the cell"),
    ("share", "float64", "the frame's hits / all frame hits in the cell; 0 when the cell has none"),
    ("present_share", "float64", "documents / n_documents"),
    ("present", "bool", "the frame is present in a document of the cell (documents > 0); the charts fade the "
                        "hits of a frame that is not"),
]), by_first=True)

ACTOR_FRAMES = Table("actor_frames", "one row per actor and frame, sorted by actor_id, then most sentences first",
                     ("actor_frames",), _cols([
    ("actor_id", "str", "the actor's id"),
    ("actor", "str", "the actor's display name", "the mentions have actor"),
    ("frame_id", "str", "the frame's id"),
    ("sentences", "int64", "the actor's sentences carrying the frame"),
    ("hits", "int64", "the frame's hits in them"),
    ("share", "float64", "sentences / all sentences mentioning the actor"),
]))

FRAME_AGREEMENT = Table("frame_agreement", "one row per frame, in gold's order", ("frame_agreement",), _cols([
    ("frame_id", "str", "the frame's id"),
    ("n", "int64", "documents compared"),
    ("gold_positive", "int64", "documents gold codes with the frame"),
    ("predicted_positive", "int64", "documents the codebook calls framed"),
    ("tp", "int64", "true positives"),
    ("fp", "int64", "false positives"),
    ("fn", "int64", "false negatives"),
    ("precision", "float64", "tp / (tp + fp), NaN where undefined"),
    ("recall", "float64", "tp / (tp + fn), NaN where undefined"),
    ("f1", "float64", "2·tp / (2·tp + fp + fn), NaN where undefined"),
    ("accuracy", "float64", "share of documents where prediction and gold agree"),
    ("f1_all_present", "float64", "the F1 of calling the frame present in every document: the floor a useful "
     "codebook must beat"),
]))

DISCOVERY = Table("discovery", "one row per candidate actor, from discover_actors", ("discover_actors",), _cols([
    ("name", "str", "the suggested display name (the entity's fullest form)"),
    ("suggested_id", "str", "a lower-case id, unique against the lexicon and the other candidates"),
    ("type", "str", "suggested type: person, organization, country, place, group or other"),
    ("aliases", "object", "the forms seen, most frequent first (list of str)"),
    ("titles", "object", "titles seen with the name, lower-case (list of str)"),
    ("count", "int64", "direct mentions over all forms"),
    ("documents", "int64", "documents it occurs in"),
    ("doc_id", "str", "the document of the first occurrence"),
    ("sentence_id", "int64", "the sentence of the first occurrence"),
    ("example", "str", "that sentence's text (one of more than 100 words: the 25 words on each side of the name, cut ends marked \"…\")"),
    ("yaml", "str", "the entry as actors.yml text, ready to paste under 'actors:'"),
]))

#: Every table, by name.
TABLES: dict[str, Table] = {t.name: t for t in (
    DOCUMENTS, SENTENCES, MENTIONS, ENTITIES, ENTITY_TABLE, QUOTES, TONE, DOCUMENT_TONE, FRAMES, DOCUMENT_FRAMES,
    ACTOR_TONE, ACTOR_DOCUMENT_TONE, PROMINENCE, ACTOR_ROLLUP, COOCCURRENCE, VOICE, ENTITY_ROLLUP,
    ACTOR_TONE_SUMMARY, FRAME_ROLLUP, ACTOR_FRAMES, FRAME_AGREEMENT, DISCOVERY)}


def table_of(name: str) -> Table:
    """The :class:`Table` called ``name``; KeyError naming the known tables."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r}; tables are {', '.join(TABLES)}") from None


# ------------------------------------------------------------------- docstrings generated from the schema

F = TypeVar("F", bound=Callable[..., Any])
_WIDTH = 100  # characters per line of a generated section
#: A short quoted literal ('; ', "a b"): never broken across lines (a quote after a letter is an apostrophe).
_LITERAL = re.compile(r"""(?<!\w)'[^'\n]{1,12}'(?!\w)|(?<!\w)"[^"\n]{1,12}"(?!\w)""")
_KEEP = "\x00"  # a space of a literal while the line is wrapped


def columns_section(name: str) -> str:
    """The "Output columns" section of a docstring for the table ``name``: its unit, then one line per
    column, in order: ``- ``name`` (dtype[, when]): meaning`` (the ``by=`` columns first where the
    table starts with them)."""
    table = table_of(name)
    head = f"Output columns of the ``{table.name}`` table (:data:`analysis.schema.TABLES`; {table.unit}):"
    lines = [*textwrap.wrap(head, width=_WIDTH), ""]
    if table.by_first:
        lines.append("- first, the ``by`` columns, in the order given")
    for column, spec in table.columns.items():
        kind = spec.dtype if spec.when is None else f"{spec.dtype}, {spec.when}"
        line = _LITERAL.sub(lambda m: m.group(0).replace(" ", _KEEP), f"- ``{column}`` ({kind}): {spec.meaning}")
        lines += [part.replace(_KEEP, " ") for part in textwrap.wrap(
            line, width=_WIDTH, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)]
    return "\n".join(lines)


def output_columns(*names: str) -> Callable[[F], F]:
    """Decorator: append the "Output columns" section of each table ``names`` (:func:`columns_section`)
    to the function's docstring, so that ``help(fn)`` lists the schema's columns and nothing is written
    twice. Runs once, when the function is defined (no I/O); the function itself is returned."""
    sections = [columns_section(name) for name in names]

    def decorate(fn: F) -> F:
        fn.__doc__ = "\n\n".join([inspect.cleandoc(fn.__doc__ or ""), *sections])
        fn.output_tables = names  # type: ignore[attr-defined]
        return fn

    return decorate


def _required(table: Table) -> dict[str, str]:
    return {n: c.meaning for n, c in table.columns.items() if c.when != "optional"}


# The column constants the building modules import (name -> meaning, in order).
#: The documents table: one row per article. Loaders keep any further metadata columns after these.
DOCUMENT_COLUMNS: dict[str, str] = _required(DOCUMENTS)
#: Optional documents columns that loaders add where they find them, and that later steps use.
OPTIONAL_DOCUMENT_COLUMNS: dict[str, str] = {n: c.meaning for n, c in DOCUMENTS.columns.items()
                                             if c.when == "optional"}
#: The sentences table: one row per sentence, headline first, in reading order.
SENTENCE_COLUMNS: dict[str, str] = SENTENCES.meanings
#: The mentions table: one row per mention.
MENTION_COLUMNS: dict[str, str] = MENTIONS.meanings
#: The entities table: one row per mention of a named entity (and per resolved pronoun).
ENTITY_COLUMNS: dict[str, str] = ENTITIES.meanings
#: The entity table: one row per entity.
ENTITY_TABLE_COLUMNS: dict[str, str] = ENTITY_TABLE.meanings
#: The quotes table: one row per quotation.
QUOTE_COLUMNS: dict[str, str] = QUOTES.meanings
#: The tone table (sentence level).
TONE_COLUMNS: dict[str, str] = TONE.meanings
#: Columns :func:`analysis.tone` adds at document level after the engine's columns on the whole article.
DOCUMENT_TONE_COLUMNS: dict[str, str] = {n: m for n, m in DOCUMENT_TONE.meanings.items()
                                         if n not in ("doc_id", "{score}")}
#: frames(level="sentence"): one row per sentence and frame with at least one hit.
FRAME_SENTENCE_COLUMNS: dict[str, str] = FRAMES.meanings
#: frames(level="document"): one row per document and frame (every frame, hits 0 included).
FRAME_DOCUMENT_COLUMNS: dict[str, str] = DOCUMENT_FRAMES.meanings
#: Output columns of :func:`analysis.actor_tone` before the engine's columns.
ACTOR_TONE_COLUMNS: dict[str, str] = {n: c.meaning for n, c in ACTOR_TONE.columns.items()
                                      if c.when in (None, "the mentions table has via")}
#: Columns :func:`analysis.target_tone.predict_target_tone` returns (and ``actor_tone(method="target")`` adds).
TARGET_TONE_COLUMNS: dict[str, str] = {row[0]: row[2] for row in _TARGET_TONE}
#: Output columns of :func:`analysis.actor_document_tone`.
ACTOR_DOCUMENT_TONE_COLUMNS: dict[str, str] = ACTOR_DOCUMENT_TONE.meanings
#: Output columns of :func:`analysis.prominence`.
PROMINENCE_COLUMNS: dict[str, str] = PROMINENCE.meanings
#: Output columns of :func:`analysis.mentions_by` after the ``by`` columns.
ACTOR_ROLLUP_COLUMNS: dict[str, str] = ACTOR_ROLLUP.meanings
#: Output columns of :func:`analysis.cooccurrence`.
COOCCURRENCE_COLUMNS: dict[str, str] = COOCCURRENCE.meanings
#: Output columns of :func:`analysis.voice`.
VOICE_COLUMNS: dict[str, str] = VOICE.meanings
#: Output columns of :func:`analysis.entities_by`.
ENTITY_ROLLUP_COLUMNS: dict[str, str] = ENTITY_ROLLUP.meanings
#: Output columns of :func:`analysis.actor_tone_by` after the ``by`` columns.
ACTOR_TONE_SUMMARY_COLUMNS: dict[str, str] = ACTOR_TONE_SUMMARY.meanings
#: Output columns of :func:`analysis.frames_by` after the ``by`` columns.
FRAME_ROLLUP_COLUMNS: dict[str, str] = FRAME_ROLLUP.meanings
#: Output columns of :func:`analysis.actor_frames`.
ACTOR_FRAMES_COLUMNS: dict[str, str] = ACTOR_FRAMES.meanings
#: Output columns of :func:`analysis.frame_agreement`.
FRAME_AGREEMENT_COLUMNS: dict[str, str] = FRAME_AGREEMENT.meanings
#: The candidates table of :func:`analysis.discover_actors`: one row per candidate actor.
DISCOVERY_COLUMNS: dict[str, str] = DISCOVERY.meanings

SECTION_HEADLINE = "headline"
SECTION_STANDFIRST = "standfirst"
SECTION_BODY = "body"
