"""Media workbench: who is in the news, who gets to speak, in what tone, under which frames.

The public API, re-exported here and kept small. Tables in, tables out::

    import analysis as wb
    docs = wb.load_corpus("seeds")
    result = wb.analyze(docs)              # sentences, mentions, quotes, tone, frames, actor tone, entities
    wb.voice(result.mentions, result.quotes)

Heavy libraries (papermill, nbconvert, dask, duckdb, openpyxl) are imported only when used.
"""

from __future__ import annotations

from analysis import charts
from analysis import validation
from analysis.actors import ActorLexicon, actor_mentions, actor_prominence, actor_rollup, cooccurrence, load_actors
from analysis.corpus import flag_duplicates, load_corpus, load_report
from analysis.cues import load_cue_verbs
from analysis.discovery import discover_actors, discovery_yaml
from analysis.entities import entities, entity_mentions, entity_rollup, entity_table, load_entity_words
from analysis.display import setup_notebook
from analysis.findings import findings
from analysis.errors import InputError, LexiconError
from analysis.framing import Codebook, actor_frames, frame_agreement, frame_rollup, frame_scores, load_frames
from analysis.pipeline import Analysis, analyze, load_analysis
from analysis.profiles import ActorProfile, actor_profile, keep_top
from analysis.provenance import record_provenance
from analysis.quotes import quotes, voice
from analysis.readable import copyable_yaml, limits, methods_text, show_table
from analysis.reports import render_report
from analysis.scale import analyze_corpus, cached_analysis, mentions_by, query
from analysis.tables import (
    attention_by_period,
    compare_groups,
    corpus_summary,
    document_card,
    filter_documents,
    frames_over_time,
    key_sentences,
    lump_values,
    report_colors,
    select_document,
    speakers_as_entities,
    undated_note,
    voice_for_chart,
    who_is_in_it,
    with_period,
    with_sentence_text,
)
from analysis.text import paragraphs, sentences, split_sentences
from analysis.tone import register_tone_engine, tone, tone_engines
from analysis.actor_tone import actor_document_tone, actor_tone, actor_tone_summary
from analysis.validation import agreement, coding_sample, methods_card, read_codes, workbench_codes

__all__ = [
    "InputError",
    "LexiconError",
    "load_corpus",
    "load_report",
    "flag_duplicates",
    "setup_notebook",
    "record_provenance",
    "Analysis",
    "analyze",
    "load_analysis",
    "analyze_corpus",
    "cached_analysis",
    "query",
    "mentions_by",
    "ActorProfile",
    "actor_profile",
    "keep_top",
    "render_report",
    "findings",
    "show_table",
    "copyable_yaml",
    "limits",
    "methods_text",
    "compare_groups",
    "with_period",
    "lump_values",
    "voice_for_chart",
    "undated_note",
    "attention_by_period",
    "frames_over_time",
    "speakers_as_entities",
    "who_is_in_it",
    "report_colors",
    "document_card",
    "corpus_summary",
    "select_document",
    "filter_documents",
    "with_sentence_text",
    "key_sentences",
    "sentences",
    "split_sentences",
    "paragraphs",
    "ActorLexicon",
    "load_actors",
    "actor_mentions",
    "actor_prominence",
    "actor_rollup",
    "cooccurrence",
    "discover_actors",
    "discovery_yaml",
    "entities",
    "entity_table",
    "entity_mentions",
    "entity_rollup",
    "load_entity_words",
    "load_cue_verbs",
    "quotes",
    "voice",
    "charts",
    "tone",
    "tone_engines",
    "register_tone_engine",
    "actor_tone",
    "actor_tone_summary",
    "actor_document_tone",
    "Codebook",
    "load_frames",
    "frame_scores",
    "actor_frames",
    "frame_agreement",
    "frame_rollup",
    "validation",
    "agreement",
    "coding_sample",
    "read_codes",
    "workbench_codes",
    "methods_card",
]


def __dir__() -> list[str]:
    """``wb.<TAB>`` lists the public API only (no submodules, no ``annotations``)."""
    return sorted(__all__)
