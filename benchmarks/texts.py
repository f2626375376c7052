"""Real news text for the benchmarks: the narrative-framing articles when the validation data is
present ($MEDIA_WORKBENCH_DATASETS, else ../shared/datasets), else the seed article."""

from __future__ import annotations

import os
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_f73c93858b36e7c9.txt"


def datasets_dir() -> Path:
    """Where the validation data sets are looked for."""
    return Path(os.environ.get("MEDIA_WORKBENCH_DATASETS", REPO.parent / "shared" / "datasets"))


def article_texts() -> tuple[str, list[str]]:
    """(name of the source, raw article texts)."""
    import pandas as pd

    path = datasets_dir() / "narrative-framing" / "articles_metadata.tsv"
    if path.is_file():
        return "narrative-framing articles_metadata.tsv", pd.read_csv(path, sep="\t")["text"].dropna().astype(str).tolist()
    return "seed article (dataset absent)", [SEED.read_text(encoding="utf-8")]


def sentence_pool(*, min_chars: int = 20) -> tuple[str, list[str]]:
    """(name of the source, the sentences of :func:`article_texts` longer than ``min_chars``)."""
    from analysis.text import split_sentences

    source, texts = article_texts()
    return source, [t[s:e] for t in texts for s, e in split_sentences(t) if e - s > min_chars]


def resampled_body(rng: random.Random, pool: list[str]) -> str:
    """An article body of sentences drawn from ``pool``: 4-12 paragraphs of 1-4 sentences, now and
    then a "Key Takeaways:" heading over 2-4 bullets (as scraped news has)."""
    paragraphs = []
    for p in range(rng.randint(4, 12)):
        if p and rng.random() < 0.05:
            paragraphs.append("Key Takeaways:")
            paragraphs.append("\n".join("• " + rng.choice(pool) for _ in range(rng.randint(2, 4))))
        else:
            paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))))
    return "\n\n".join(paragraphs)
