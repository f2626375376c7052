"""Tone speed: the exact TextBlob fast path against a loop of ``TextBlob(s).sentiment``, plus VADER.

Real news sentences: NewsMTSC ``sentence_normalized`` (train and devtest) and the sentences of the
narrative-framing articles (``$MEDIA_WORKBENCH_DATASETS`` or ``../shared/datasets``), resampled with
a fixed seed to the benchmark's size; where the data is absent, the seed article's sentences are
resampled. One process, one core, every engine on the same sentences in the same run; times are
CPU times of this process (``time.process_time``), so other load on the machine does not skew them.

Figures: sentences and words per second for the fast path (``analysis.tone.pattern_sentiment``,
best of three runs, each with a fresh per-call token cache), for the TextBlob loop (the baseline,
one run) and for VADER (``polarity_scores`` via ``engine="vader"``); the speed ratio fast / TextBlob;
and the number of sentences whose fast-path numbers differ from TextBlob's (must be 0).
"""

from __future__ import annotations

import json
import random
import time


from analysis.text import split_sentences
from analysis.tone import pattern_sentiment, score_texts
from benchmarks.common import best_of
from benchmarks.texts import article_texts, datasets_dir



def _pool() -> tuple[str, list[str]]:
    """(name of the source, real sentences to resample): NewsMTSC's sentences when present, then the
    sentences of the benchmark articles."""
    pool: list[str] = []
    for name in ("train.jsonl", "devtest_mt.jsonl"):
        path = datasets_dir() / "newsmtsc" / name
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                pool.extend(json.loads(line)["sentence_normalized"] for line in fh if line.strip())
    source, texts = article_texts()
    label = f"NewsMTSC + {source}" if pool else source
    pool.extend(text[s:e] for text in texts for s, e in split_sentences(text))
    return label, pool


def run(*, quick: bool = False) -> dict:
    """Measure, print and return the figures (a flat JSON-serialisable dict)."""
    from textblob import TextBlob

    source, pool = _pool()
    n = 2_000 if quick else 20_000
    rng = random.Random(0)
    sentences = [rng.choice(pool) for _ in range(n)]
    words = sum(len(s.split()) for s in sentences)
    TextBlob("warm up the lexicon").sentiment  # noqa: B018 - load TextBlob's lexicon outside the timing
    pattern_sentiment(["warm up the lexicon"])
    score_texts(["warm up VADER"], engine="vader")

    t0 = time.process_time()
    reference = [TextBlob(s).sentiment for s in sentences]
    t_textblob = time.process_time() - t0
    fast = pattern_sentiment(sentences)
    t_fast = best_of(lambda: pattern_sentiment(sentences), repeat=1 if quick else 3, clock=time.process_time)
    t_vader = best_of(lambda: score_texts(sentences, engine="vader"), repeat=1, clock=time.process_time)

    differ = sum(
        1
        for (p, s), r in zip(fast[["polarity", "subjectivity"]].itertuples(index=False), reference)
        if p != r.polarity or s != r.subjectivity
    )
    figures = {
        "source": source,
        "sentences": n,
        "words": words,
        "fast_sentences_per_s": round(n / t_fast),
        "fast_words_per_s": round(words / t_fast),
        "textblob_sentences_per_s": round(n / t_textblob),
        "textblob_words_per_s": round(words / t_textblob),
        "speedup_vs_textblob": round(t_textblob / t_fast, 2),
        "vader_sentences_per_s": round(n / t_vader),
        "vader_words_per_s": round(words / t_vader),
        "sentences_differing_from_textblob": differ,
    }
    for key, value in figures.items():
        print(f"{key:>36}: {value}")
    return figures


if __name__ == "__main__":
    run()
