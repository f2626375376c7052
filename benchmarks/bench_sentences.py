"""Sentence segmentation speed: ``split_sentences`` over raw texts and ``sentences()`` over a table.

Real news text: the sentences of the narrative-framing articles (``$MEDIA_WORKBENCH_DATASETS`` or
``../shared/datasets``) are resampled into synthetic documents (a headline, paragraphs of one to four
sentences separated by blank lines, now and then a heading or a bullet list); where the data is
absent the seed article is repeated. One process, one core. The baseline, measured in the same run,
is the naive ``re.split(r"(?<=[.!?])\\s+", paragraph)`` over the same paragraphs.

Figures: sentences and words per second (best of three runs), the ratio to the baseline, and the
peak memory allocated while building the sentences table (tracemalloc, measured in a separate run).
"""

from __future__ import annotations

import random
import re
import tracemalloc

import pandas as pd

from analysis.text import sentences, split_sentences
from benchmarks.common import best_of, print_figures
from benchmarks.texts import article_texts, resampled_body

_NAIVE = re.compile(r"(?<=[.!?])\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _documents(texts: list[str], n_docs: int, *, seed: int = 0) -> pd.DataFrame:
    """Synthetic documents made of sentences resampled from ``texts``."""
    pool = [t[s:e] for t in texts for s, e in split_sentences(t)]
    rng = random.Random(seed)
    rows = []
    for i in range(n_docs):
        text = resampled_body(rng, pool)
        rows.append({"doc_id": f"b{i}", "title": rng.choice(pool)[:120], "text": text})
    return pd.DataFrame(rows)


def run(*, quick: bool = False) -> dict:
    """Measure, print and return the figures (a flat JSON-serialisable dict)."""
    source, raw = article_texts()
    n_docs = 300 if quick else 3000
    repeat = 1 if quick else 3
    docs = _documents(raw, n_docs)
    texts = docs["text"].tolist()
    paragraphs = [p for t in texts for p in _PARAGRAPH_BREAK.split(t)]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    n_sents = sum(len(split_sentences(t)) for t in texts)
    raw_words = sum(len(t.split()) for t in raw)
    raw_sents = sum(len(split_sentences(t)) for t in raw)

    t_split = best_of(lambda: [split_sentences(t) for t in texts], repeat=repeat)
    t_raw = best_of(lambda: [split_sentences(t) for t in raw], repeat=repeat)
    t_naive = best_of(lambda: [_NAIVE.split(p) for p in paragraphs], repeat=repeat)
    table_holder: list[pd.DataFrame] = []
    t_table = best_of(lambda: table_holder.append(sentences(docs)), repeat=repeat)
    table = table_holder[-1]

    tracemalloc.start()
    sentences(docs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    figures = {
        "source": source,
        "documents": len(docs),
        "sentences": n_sents,
        "words": words,
        "megabytes": round(chars / 1e6, 3),
        "split_sentences_per_s": round(n_sents / t_split),
        "split_words_per_s": round(words / t_split),
        "split_mb_per_s": round(chars / 1e6 / t_split, 2),
        "split_raw_articles": len(raw),
        "split_raw_sentences_per_s": round(raw_sents / t_raw),
        "split_raw_words_per_s": round(raw_words / t_raw),
        "naive_regex_sentences_per_s": round(n_sents / t_naive),
        "split_time_ratio_to_naive_regex": round(t_split / t_naive, 2),
        "table_rows": len(table),
        "table_sentences_per_s": round(len(table) / t_table),
        "table_words_per_s": round(words / t_table),
        "table_documents_per_s": round(len(docs) / t_table),
        "table_peak_memory_mb": round(peak / 1e6, 1),
        "quick": quick,
    }
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value:,}" if isinstance(value, int) and not isinstance(value, bool)
              else f"{key:<{width}}  {value}")
    return figures


if __name__ == "__main__":
    run()
