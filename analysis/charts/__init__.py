"""Chart builders: a tidy workbench table in, a ``plotly.graph_objects.Figure`` out.

Used as ``wb.charts.<builder>(table, *, <column roles>..., colors=..., title=...)``::

    import analysis as wb
    colors = wb.charts.actor_colors(mentions["actor_id"])      # one mapping for the whole report
    wb.charts.mentions_by_group(wb.mentions_by(mentions, docs, by=("group", "actor")), colors=colors)
    wb.charts.tone_arc(wb.tone(docs), sentences=sents, doc_id=doc_id)

Naming grammar: ``<subject>_<view>``. The subject is what the chart is about, named as the table it
draws (mentions, prominence, voice, cooccurrence, attention, tone, actor_tone, frame, actor_frame,
outlet, kwic); the view says how it is laid out: ``_by_group`` / ``_over_time`` (the breakdown on the
x axis), ``_bars``, ``_scatter``, ``_network``, ``_arc``, ``_heatmap``, ``_profile`` (stacked shares),
``_comparison`` (small multiples), ``_table``. Helpers that are not charts are plain nouns
(``workbench_template``, ``actor_colors``, ``frame_colors``, ``safe_text``, ``shorten``).

The builders and the tables they draw by default:

=====================  =====================================================================
builder                input
=====================  =====================================================================
mentions_by_group      ``mentions_by(mentions, documents, by=("group", "actor"))``
prominence_scatter     ``prominence(mentions, sentences)`` (+ ``sentences=`` for evidence)
voice_bars             ``voice(mentions, quotes)``
cooccurrence_network   ``cooccurrence(mentions)`` (+ ``names=`` id -> display name)
attention_over_time    ``mentions_by(mentions, documents, by=("day", "actor"))``
tone_arc               ``tone(documents)`` at sentence level (+ ``sentences=`` for text, sections)
actor_tone_bars        ``actor_tone_by(actor_tone(documents))``
frame_profile          ``frames(documents, level="document")`` (or any table per outlet)
actor_frame_heatmap    ``actor_frames(mentions, frames(documents))``
outlet_comparison      ``mentions_by(mentions, documents, by=("outlet", "actor"))`` (any measure)
kwic_table             ``sentences(documents)`` with ``term=`` or ``mentions=`` rows
=====================  =====================================================================

Rules every builder keeps:

* **Data first, column roles after.** The first argument is the table; every other argument is
  keyword-only. Column-role arguments (``actor=``, ``value=``, ``x=`` ...) name the columns to draw and
  default to the names the workbench's own tables use.
* **No metrics.** Builders sort, pick the top N, pivot a long table for a heatmap and lay out a
  network; they never count, average or score. Two rows for one mark is an InputError, not a sum.
  Categories keep the table's order (sort the table to change it), except where stated.
* **One look.** Every figure gets :func:`workbench_template` (:data:`PALETTE`: 3:1 contrast on white, system-ui/DejaVu Sans,
  white background, light grid) explicitly; plotly's global defaults are never touched.
* **Same actor, same colour.** ``colors=`` maps the chart's colour key to a colour: actor ids in actor
  charts (``actor_colors``), frame ids in frame charts (``frame_colors``), negative/neutral/positive
  in tone charts, measure columns in ``voice_bars``. ``actor_colors`` hands the 20 palette colours
  out most mentioned first (the most distinct ones to the key actors); the rest, and keys a mapping
  lacks, are the grey of "others" (``OTHERS_COLOR``); ``frame_colors`` takes ``FRAME_PALETTE``, whose
  colours stay apart when a frame below its threshold is drawn faded. The heatmap and the KWIC table have no
  categories and take no ``colors``. Traces that share a colour (a mapping of your own that repeats
  colours) differ by bar pattern, marker symbol or line dash.
* **Untrusted text stays text.** Every piece of article text (sentences, quotes, titles, actor,
  outlet and frame names, terms) passes through :func:`safe_text` (``html.escape``) before it becomes
  a hover label, tick, trace name, title or table cell (a ``title=`` you pass is escaped too: it
  often holds a headline); long evidence sentences are wrapped with ``<br>`` after escaping.
* **Bad input.** A table with no rows gives a :class:`ChartNote`: a figure that shows, in a notebook
  or report, as one line saying why and what to do ("No dates in this corpus: add a published column
  ..."), never an empty panel; a missing column is an InputError naming the builder, the column and
  the role option to fix it.
"""

from __future__ import annotations

from analysis.charts._actors import (
    attention_over_time,
    cooccurrence_network,
    mentions_by_group,
    prominence_scatter,
    voice_bars,
)
from analysis.charts._base import (
    DAY_FORMAT,
    NO_DATES_HINT,
    OKABE_ITO,
    OTHERS_COLOR,
    PALETTE,
    FRAME_PALETTE,
    ChartNote,
    SIGN_COLORS,
    actor_colors,
    frame_colors,
    period_label,
    safe_text,
    shorten,
    workbench_template,
)
from analysis.charts._compare import outlet_comparison
from analysis.charts._frames import FRAME_PROFILE_MAX_BARS, HEATMAP_MAX_ACTORS, actor_frame_heatmap, frame_profile
from analysis.charts._kwic import kwic_table
from analysis.charts._tone import TONE_MIN_SENTENCES, actor_tone_bars, tone_arc

__all__ = [
    # shared look
    "workbench_template",
    "actor_colors",
    "frame_colors",
    "safe_text",
    "shorten",
    "period_label",
    "OKABE_ITO",
    "PALETTE",
    "FRAME_PALETTE",
    "OTHERS_COLOR",
    "DAY_FORMAT",
    "ChartNote",
    "SIGN_COLORS",
    "NO_DATES_HINT",
    "TONE_MIN_SENTENCES",
    "FRAME_PROFILE_MAX_BARS",
    "HEATMAP_MAX_ACTORS",
    # builders
    "mentions_by_group",
    "prominence_scatter",
    "voice_bars",
    "cooccurrence_network",
    "attention_over_time",
    "tone_arc",
    "actor_tone_bars",
    "frame_profile",
    "actor_frame_heatmap",
    "outlet_comparison",
    "kwic_table",
]
