"""Validation: how well do the workbench's measures agree with human coding?

* against published human-coded data: :func:`newsmtsc` (tone toward persons, NewsMTSC format) and
  :func:`narrative_frames` (generic frames, narrative-framing format), with :func:`confusion_figure`,
  :func:`worst_errors`, :func:`tone_summary` and :func:`reference_figures` for reports;
* between coders, and between coders and the workbench, on your own data: :func:`coding_sample` ->
  code by hand -> :func:`read_codes` -> :func:`agreement` (percent agreement, Cohen's kappa,
  Krippendorff's alpha), with :func:`workbench_codes` for the workbench's own codes;
* who speaks: :func:`quote_attribution` scores ``analysis.quotes`` against attribution gold in brat
  standoff (Source / Cue / Content), such as the gold set shipped in ``validation/gold/attribution``
  (:data:`GOLD_ATTRIBUTION_PATH`), with :func:`read_attribution_gold` and :func:`match_attributions`;
* tone toward a person per article: :func:`newsmtsc_documents` (the rule of
  :func:`analysis.actor_document_tone` against article-level labels built from NewsMTSC sentences);
* frames against gold per document: :func:`frame_agreement` (precision, recall, F1 per frame);
* frame evidence: :func:`term_precision` (per term: where it fired and how often coders saw its
  frame), :func:`wildcard_words` (the words each wildcard term matches), :func:`frame_rule_cv` (which
  presence rule, by cross-validation on tuning articles),
  :func:`frame_errors` (the plainest disagreements), :func:`split_articles` (the fixed
  tuning / held-out split), :func:`read_sentence_gold` (the hand-coded conflict-news sentences: the
  seed article and four articles written for the gold set);
* the latest figures: :func:`write_validation_figures` writes ``analysis/lexicons/validation.json``;
  :func:`methods_card` turns it into the methods-section paragraph of a report and
  :func:`method_note` into the one line naming the method behind a number.
  ``python -m analysis.validation --datasets PATH`` measures, writes the figures, rewrites README's
  validity section (:mod:`analysis.validation.readme`) and renders ``notebooks/validation.ipynb``;
  ``python -m analysis.validation.train_tone`` retrains the target-aware tone model.

Submodules: ``data`` (readers, dataset paths), ``agreement``, ``tone``, ``frames``, ``frame_terms``,
``coding``, ``figures``, ``readme``, ``train_tone``, ``quotes``. Nothing heavy happens at import time.
"""

from __future__ import annotations

from analysis.validation.agreement import AGREEMENT_COLUMNS, agreement, cohen_kappa, krippendorff_alpha, percent_agreement
from analysis.validation.coding import CODES_COLUMNS, code_columns, coding_sample, read_codes, workbench_codes
from analysis.validation.data import (
    FRAME_COLUMNS,
    TONE_CLASSES,
    dataset_files,
    datasets_path,
    read_narrative_frames,
    read_newsmtsc,
)
from analysis.validation.figures import (
    FIGURES_PATH,
    MethodsCard,
    load_validation_figures,
    measure_all,
    method_note,
    method_notes,
    methods_card,
    reference_figures,
    write_validation_figures,
)
from analysis.validation.frame_terms import (
    CONFLICT_NEWS_GOLD,
    FRAME_RULE_COLUMNS,
    FRAME_RULES,
    TERM_PRECISION_COLUMNS,
    WILDCARD_WORD_COLUMNS,
    frame_rule_cv,
    read_sentence_gold,
    split_articles,
    term_precision,
    wildcard_words,
)
from analysis.validation.frames import (FRAME_RESULT_COLUMNS, frame_agreement, frame_errors, frame_notes,
                                       narrative_frames, suggest_thresholds)
from analysis.validation.quotes import (
    GOLD_ATTRIBUTION_PATH,
    attribution_scores,
    match_attributions,
    quote_attribution,
    read_attribution_gold,
)
from analysis.validation.tone import (
    TONE_METHODS,
    classification_scores,
    confusion_figure,
    newsmtsc,
    newsmtsc_documents,
    documents_summary,
    tone_summary,
    worst_errors,
)

__all__ = [
    "AGREEMENT_COLUMNS",
    "CODES_COLUMNS",
    "FIGURES_PATH",
    "FRAME_COLUMNS",
    "FRAME_RESULT_COLUMNS",
    "GOLD_ATTRIBUTION_PATH",
    "TONE_CLASSES",
    "TONE_METHODS",
    "MethodsCard",
    "agreement",
    "attribution_scores",
    "classification_scores",
    "code_columns",
    "coding_sample",
    "cohen_kappa",
    "confusion_figure",
    "dataset_files",
    "frame_agreement",
    "suggest_thresholds",
    "frame_errors",
    "frame_notes",
    "datasets_path",
    "krippendorff_alpha",
    "load_validation_figures",
    "match_attributions",
    "measure_all",
    "method_note",
    "method_notes",
    "methods_card",
    "narrative_frames",
    "newsmtsc",
    "newsmtsc_documents",
    "documents_summary",
    "read_sentence_gold",
    "split_articles",
    "term_precision",
    "TERM_PRECISION_COLUMNS",
    "wildcard_words",
    "WILDCARD_WORD_COLUMNS",
    "frame_rule_cv",
    "FRAME_RULE_COLUMNS",
    "FRAME_RULES",
    "CONFLICT_NEWS_GOLD",
    "percent_agreement",
    "quote_attribution",
    "read_attribution_gold",
    "read_codes",
    "read_narrative_frames",
    "read_newsmtsc",
    "reference_figures",
    "tone_summary",
    "workbench_codes",
    "worst_errors",
    "write_validation_figures",
]
