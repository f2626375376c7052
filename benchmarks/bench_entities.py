"""The entity layer: speed of ``wb.entities`` and its quality against GUM's human annotation.

Speed (CPU time of this process, ``time.process_time``, so that other work on a shared machine does
not count): the entity stage alone (sentences precomputed, no lexicon overlay) on the narrative-framing
articles (``$MEDIA_WORKBENCH_DATASETS/narrative-framing/articles_metadata.tsv``, else the seed
article), in words per second (words = whitespace-separated tokens of the sentences):

* **cold**: the first call in a fresh process, including loading the word lists, the first-name and
  surname lists, the place list and the textblob word lists;
* **warm**: the best of three further calls (the per-run caches filled, as on a large corpus);
* **entity_table**: the best of three calls of ``wb.entity_table`` on the warm call's rows, and the
  whole entity layer warm (``entities`` + ``entity_table``, as ``analyze`` runs them);
* the share of the entity stage in a full ``analyze()`` of the same articles (CPU time).

Quality (``analysis.validation.entities``): typed F1, mention F1, short-form merge precision and
recall and pronoun accuracy on ``gum-news`` (43 Wikinews documents; skipped when absent), on its
held-out documents (``gum_*``: 11 documents, never used for tuning) and its development documents
(``gum_dev_*``), split by :func:`analysis.validation.entities.gum_split`. Targets
(issue 11; reported, not asserted): entity stage >= 1,000,000 words/s on one core; typed F1 >= 0.74
and merge precision >= 0.95 on a held-out news set (GUM is the development set). spaCy's small
English model, for comparison: about 4,000 words/s here, typed F1 0.735 on CoNLL++ (issue 11).

``run(quick=False)`` prints the figures and returns them as a flat dict; ``quick`` uses 30 articles.
"""

from __future__ import annotations

import os
import time
from typing import Any

import pandas as pd

import analysis as wb
from benchmarks.texts import article_texts, datasets_dir

NO_LEXICON = {"actors": []}


_QUALITY = ("typed_f1", "typed_precision", "typed_recall", "mention_f1", "merge_precision", "merge_recall",
            "merge_precision_all", "merge_recall_all", "pronoun_accuracy", "pronoun_coverage")


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _words(sentences: pd.DataFrame) -> int:
    return int(sum(len(t.split()) for t in sentences["text"]))


def run(*, quick: bool = False) -> dict[str, Any]:
    """Measure, print and return the figures."""
    source, texts = article_texts()
    if quick:
        texts = texts[:30]
    docs = pd.DataFrame({"doc_id": [f"a{i}" for i in range(len(texts))], "title": [""] * len(texts), "text": texts})
    sents = wb.sentences(docs)
    words = _words(sents)
    figures: dict[str, Any] = {"text_source": source, "articles": len(docs), "words": words}
    cold = _cpu(lambda: wb.entities(docs, sentences=sents, actors=NO_LEXICON))
    warm = min(_cpu(lambda: wb.entities(docs, sentences=sents, actors=NO_LEXICON)) for _ in range(3))
    found = wb.entities(docs, sentences=sents, actors=NO_LEXICON)
    table = min(_cpu(lambda: wb.entity_table(found, actors=NO_LEXICON)) for _ in range(3))
    figures.update({
        "cold_s": round(cold, 3), "cold_words_per_s": round(words / cold),
        "warm_s": round(warm, 3), "warm_words_per_s": round(words / warm),
        "target_words_per_s": 1_000_000, "table_s": round(table, 3),
        "layer_words_per_s": round(words / (warm + table)), "mentions": len(found),
        "mentions_per_1000_words": round(1000 * len(found) / max(words, 1), 1),
    })
    analyze_s = _cpu(lambda: wb.analyze(docs))
    figures.update({"analyze_s": round(analyze_s, 3), "entities_share_of_analyze": round(warm / analyze_s, 3),
                    "load_average": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None})
    gum = datasets_dir() / "gum-news" / "conllu"
    if gum.is_dir():
        from analysis.validation.entities import gum_files, read_gum, score_entities

        from analysis.validation.entities import split_gum

        gdocs, gold = read_gum(gum_files(datasets_dir()))
        gsents = wb.sentences(gdocs)
        gwords = _words(gsents)
        gtime = min(_cpu(lambda: wb.entities(gdocs, sentences=gsents, actors=NO_LEXICON)) for _ in range(2))
        figures["gum_documents"] = len(gdocs)
        figures["gum_words"] = gwords
        figures["gum_words_per_s"] = round(gwords / gtime)
        for split, prefix in (("heldout", "gum_"), ("dev", "gum_dev_")):
            sdocs, sgold = split_gum(gdocs, gold, split)
            scores = score_entities(sdocs, sgold)
            figures[f"{prefix}split_documents"] = len(sdocs)
            for key in _QUALITY:
                figures[f"{prefix}{key}"] = round(scores[key], 3)
    else:
        figures["gum"] = "skipped: gum-news not found under " + str(datasets_dir())
    for key, value in figures.items():
        print(f"{key:32s} {value}")
    return figures


def markdown(figures: dict[str, Any]) -> str:
    """The figures as two markdown tables: speed, then quality on GUM."""
    load = f", load average {figures['load_average']} at the end" if figures.get("load_average") is not None else ""
    lines = [f"Text: {figures['text_source']}, {figures['articles']:,} articles, {figures['words']:,} words "
             f"(CPU time of one process{load}).", "",
             "| entity stage | time (s) | words/s | target |", "|---|---:|---:|---:|",
             f"| cold (first call: word lists and gazetteer loaded) | {figures['cold_s']} | "
             f"{figures['cold_words_per_s']:,} | |",
             f"| warm (best of 3) | {figures['warm_s']} | {figures['warm_words_per_s']:,} | "
             f"{figures['target_words_per_s']:,} |",
             *([f"| `entity_table` of the warm call's rows (best of 3) | {figures['table_s']} | | |",
                f"| entity layer warm (`entities` + `entity_table`) | "
                f"{round(figures['warm_s'] + figures['table_s'], 3)} | {figures['layer_words_per_s']:,} | |"]
               if "table_s" in figures else []),
             f"| full `analyze()` of the same articles | {figures['analyze_s']} | | |", "",
             f"The entity stage is {100 * figures['entities_share_of_analyze']:.1f}% of the full analysis; "
             f"{figures['mentions_per_1000_words']} entity mentions per 1,000 words."]
    if "gum_typed_f1" in figures:
        lines += ["", f"Quality on GUM news + interviews ({figures['gum_documents']} documents, "
                      f"{figures['gum_words']:,} words; {figures['gum_words_per_s']:,} words/s), split by document: "
                      f"held out {figures['gum_split_documents']} documents (never tuned on), development "
                      f"{figures['gum_dev_split_documents']}:", "",
                  "| measure | held-out | development | target (held-out news) |", "|---|---:|---:|---:|"]
        targets = {"typed_f1": "0.74", "merge_precision": "0.95"}
        for key in _QUALITY:
            lines.append(f"| {key.replace('_', ' ')} | {figures['gum_' + key]} | {figures['gum_dev_' + key]} | "
                         f"{targets.get(key, '')} |")
    else:
        lines += ["", str(figures.get("gum", ""))]
    return "\n".join(lines)
