"""Media workbench: who is in the news, who gets to speak, in what tone, under which frames.

The public API, re-exported here and kept small. Tables in, tables out::

    import analysis as wb
    docs = wb.load_corpus("seeds")
    result = wb.analyze(docs)              # sentences, mentions, quotes, tone, frames, actor tone, entities
    wb.voice(result.mentions, result.quotes)
    wb.mentions_by(result.mentions, docs, by=("outlet", "actor"))

Naming grammar (written out in ``docs/naming.md``; ``tests/test_naming.py`` checks every public name):

* **Measures are named after the table they return**: ``sentences``, ``entities``, ``mentions``,
  ``quotes``, ``tone``, ``frames``, ``actor_tone``; tables derived from them too: ``prominence``,
  ``cooccurrence``, ``voice``, ``actor_frames``, ``actor_document_tone``, ``entity_table``.
* **Aggregates are ``<table>_by``**: ``mentions_by``, ``frames_by``, ``actor_tone_by``, ``entities_by``
  (the table's rows summed or averaged by the ``by=`` keys, or by actor for ``entities_by``). There is
  no other aggregating verb (no ``rollup``, ``summary``, ``over_time``).
* **``<table>_as_<table>``** re-keys one table as another (``entities_as_mentions``);
  **``with_<column>``** returns its table with columns added (``with_period``, ``with_sentence_text``).
* **Loaders are ``load_<thing>(source)``**: read a file, a folder or a mapping, validate it, return
  the workbench's object (``load_corpus``, ``load_actors``, ``load_frames``, ``load_cue_verbs``,
  ``load_analysis``). **``read_<thing>(path)``** reads an outside annotation format (human codes, gold
  data sets) and lives in ``wb.validation`` only.
* **Other functions start with a verb** (``analyze``, ``render_report``, ``filter_documents``,
  ``show_table``, ...) or are a noun naming what they return (``findings``, ``limits``).
* **One keyword, one meaning** everywhere: ``engine=`` is the execution engine ("local", "processes",
  "dask"); ``tone_engine=`` the tone method ("textblob", "vader"); ``actor_tone_method=`` how tone
  toward an actor is measured; ``codebook=`` a frame codebook; ``actors=`` an actor lexicon;
  ``level=`` only switches the unit of a table's rows ("sentence" or "document"); a keyword named
  after a table (``sentences=``, ``mentions=``, ``entities=``, ``quotes=``, ``frames=``, ...) is that
  table. The full table of keywords is in ``docs/naming.md``.

Submodules reached as attributes: ``wb.charts`` (figures), ``wb.validation`` (agreement with human
coders and gold data), ``wb.tables`` (report sections and helpers). Old names keep working for one
release with a DeprecationWarning naming the new one (``docs/naming.md`` lists them).

Heavy libraries (papermill, nbconvert, dask, duckdb, openpyxl) are imported only when used.
"""

from __future__ import annotations

from analysis import charts
from analysis import tables
from analysis import validation
from analysis.actors import cooccurrence, load_actors, mentions, prominence
from analysis.corpus import load_corpus, loader_report
from analysis.cues import load_cue_verbs
from analysis.deprecation import moved_names as _moved_names
from analysis.discovery import discover_actors
from analysis.entities import entities, entities_as_mentions, entities_by, entity_table
from analysis.display import setup_notebook
from analysis.findings import findings
from analysis.errors import InputError, LexiconError
from analysis.framing import actor_frames, frames, frames_by, load_frames
from analysis.pipeline import analyze, load_analysis
from analysis.profiles import actor_profile
from analysis.provenance import record_provenance
from analysis.quotes import quotes, voice
from analysis.readable import limits, methods_text, show_table
from analysis.reports import render_report
from analysis.scale import analyze_corpus, cached_analysis, mentions_by, query
from analysis.tables import (
    corpus_summary,
    document_card,
    filter_documents,
    select_document,
    with_period,
    with_sentence_text,
)
from analysis.actor_tone import actor_document_tone, actor_tone, actor_tone_by
from analysis.text import sentences
from analysis.tone import register_tone_engine, tone, tone_engines

__all__ = [
    # errors
    "InputError",
    "LexiconError",
    # loaders
    "load_corpus",
    "loader_report",
    "load_actors",
    "load_frames",
    "load_cue_verbs",
    "load_analysis",
    # everything at once, in memory or streamed to disk
    "analyze",
    "analyze_corpus",
    "cached_analysis",
    "query",
    # measures: each named after the table it returns
    "sentences",
    "entities",
    "entity_table",
    "mentions",
    "quotes",
    "tone",
    "frames",
    "actor_tone",
    "actor_document_tone",
    "prominence",
    "cooccurrence",
    "voice",
    "actor_frames",
    "discover_actors",
    "entities_as_mentions",
    # aggregates: <table>_by
    "mentions_by",
    "frames_by",
    "actor_tone_by",
    "entities_by",
    # the documents table
    "select_document",
    "filter_documents",
    "document_card",
    "corpus_summary",
    "with_period",
    "with_sentence_text",
    # tone engines (an extension point)
    "tone_engines",
    "register_tone_engine",
    # notebooks and reports
    "setup_notebook",
    "show_table",
    "findings",
    "limits",
    "methods_text",
    "actor_profile",
    "record_provenance",
    "render_report",
]
# Submodules wb.charts, wb.tables and wb.validation are attributes, kept out of __all__ and dir().

#: Old top-level names, kept for one release: old name -> (module, attribute, the name to use now).
#: Each works as before and warns (DeprecationWarning) on first use; none is in ``__all__`` or ``dir()``.
DEPRECATED: dict[str, tuple[str, str, str]] = {
    # renamed by the naming grammar (docs/naming.md)
    "actor_mentions": ("analysis.actors", "mentions", "analysis.mentions"),
    "actor_prominence": ("analysis.actors", "prominence", "analysis.prominence"),
    "actor_rollup": ("analysis.actors", "mentions_by", "analysis.mentions_by"),
    "frame_scores": ("analysis.framing", "frames", "analysis.frames"),
    "frame_rollup": ("analysis.framing", "frames_by", "analysis.frames_by"),
    "actor_tone_summary": ("analysis.actor_tone", "actor_tone_by", "analysis.actor_tone_by"),
    "entity_rollup": ("analysis.entities", "entities_by", "analysis.entities_by"),
    "entity_mentions": ("analysis.entities", "entities_as_mentions", "analysis.entities_as_mentions"),
    "load_report": ("analysis.corpus.report", "loader_report", "analysis.loader_report"),
    "attention_by_period": ("analysis.tables", "attention_panel", "analysis.tables.attention_panel"),
    "frames_over_time": ("analysis.tables", "frames_panel", "analysis.tables.frames_panel"),
    # evaluation: in wb.validation
    "agreement": ("analysis.validation", "agreement", "analysis.validation.agreement"),
    "coding_sample": ("analysis.validation", "coding_sample", "analysis.validation.coding_sample"),
    "read_codes": ("analysis.validation", "read_codes", "analysis.validation.read_codes"),
    "workbench_codes": ("analysis.validation", "workbench_codes", "analysis.validation.workbench_codes"),
    "methods_card": ("analysis.validation", "methods_card", "analysis.validation.methods_card"),
    "frame_agreement": ("analysis.validation", "frame_agreement", "analysis.validation.frame_agreement"),
    # report sections and helpers: in wb.tables
    "compare_groups": ("analysis.tables", "compare_groups", "analysis.tables.compare_groups"),
    "lump_values": ("analysis.tables", "lump_values", "analysis.tables.lump_values"),
    "voice_for_chart": ("analysis.tables", "voice_for_chart", "analysis.tables.voice_for_chart"),
    "undated_note": ("analysis.tables", "undated_note", "analysis.tables.undated_note"),
    "speakers_as_entities": ("analysis.tables", "speakers_as_entities", "analysis.tables.speakers_as_entities"),
    "who_is_in_it": ("analysis.tables", "who_is_in_it", "analysis.tables.who_is_in_it"),
    "report_colors": ("analysis.tables", "report_colors", "analysis.tables.report_colors"),
    "key_sentences": ("analysis.tables", "key_sentences", "analysis.tables.key_sentences"),
    "keep_top": ("analysis.tables", "keep_top", "analysis.tables.keep_top"),
    "copyable_yaml": ("analysis.tables", "copyable_yaml", "analysis.tables.copyable_yaml"),
    # internals: in their modules
    "paragraphs": ("analysis.text", "paragraphs", "analysis.text.paragraphs"),
    "split_sentences": ("analysis.text", "split_sentences", "analysis.text.split_sentences"),
    "discovery_yaml": ("analysis.discovery", "discovery_yaml", "analysis.discovery.discovery_yaml"),
    "load_entity_words": ("analysis.entities", "load_entity_words", "analysis.entities.load_entity_words"),
    "flag_duplicates": ("analysis.corpus", "flag_duplicates", "analysis.corpus.flag_duplicates"),
    "ActorLexicon": ("analysis.actors", "ActorLexicon", "analysis.actors.ActorLexicon"),
    "Codebook": ("analysis.framing", "Codebook", "analysis.framing.Codebook"),
    "ActorProfile": ("analysis.profiles", "ActorProfile", "analysis.profiles.ActorProfile"),
    "Analysis": ("analysis.pipeline", "Analysis", "analysis.pipeline.Analysis"),
}


#: An old top-level name (:data:`DEPRECATED`) warns, naming the new one, and returns its object.
__getattr__ = _moved_names("analysis", DEPRECATED)


def __dir__() -> list[str]:
    """``wb.<TAB>`` lists the public functions and classes only: no submodules (``wb.charts``,
    ``wb.tables`` and ``wb.validation`` still work), no deprecated names, no ``annotations``."""
    return sorted(__all__)
