"""Actor-mention throughput: a 10-alias and a 10,000-alias lexicon on the same real text.

The text: sentences resampled (fixed seed) from the narrative-framing articles
(``$MEDIA_WORKBENCH_DATASETS/narrative-framing/articles_metadata.tsv``) when present, else from the
seed article. The large lexicon is the 10 real aliases plus 9,990 synthetic capitalised two-word
names generated deterministically. Target: the large lexicon costs at most 2x the small one (the
Aho-Corasick automaton makes the cost per character independent of the number of aliases).
Baseline: one compiled regular expression per alias, measured in the same run on a subset (1,000
sentences for 10 aliases; 40 sentences for 10,000, where the naive way is very slow).

``run(quick=False)`` prints the figures and returns them as a flat dict.
"""

from __future__ import annotations

import random
import re
import string
import time

import pandas as pd

import analysis as wb
from benchmarks.common import best_of
from benchmarks.texts import sentence_pool

REAL_ALIASES = {  # id -> aliases: names common in the sample corpora (climate coverage, the seed)
    "united_states": ["United States", "U.S."], "china": ["China"], "trump": ["Trump"], "un": ["United Nations"],
    "epa": ["EPA"], "australia": ["Australia"], "israel": ["Israel"], "biden": ["Biden"], "congress": ["Congress"],
}


def _sentences_table(pool: list[str], n: int, *, per_doc: int = 25) -> pd.DataFrame:
    rng = random.Random(20240510)
    texts = [rng.choice(pool) for _ in range(n)]
    return pd.DataFrame({
        "doc_id": [f"b{i // per_doc}" for i in range(n)],
        "sentence_id": [i % per_doc + 1 for i in range(n)],
        "paragraph_id": [i % per_doc + 1 for i in range(n)],
        "section": ["body"] * n,
        "text": texts,
        "start": [0] * n,
        "end": [len(t) for t in texts],
    })


def _lexicons() -> tuple[wb.ActorLexicon, wb.ActorLexicon]:
    real = [{"id": k, "name": v[0], "type": "other", "aliases": v} for k, v in REAL_ALIASES.items()]
    n_real = sum(len(v) for v in REAL_ALIASES.values())
    rng = random.Random(7)
    names: set[str] = set()
    lower = string.ascii_lowercase
    while len(names) < 10_000 - n_real:
        words = (rng.choice(string.ascii_uppercase) + "".join(rng.choices(lower, k=rng.randint(3, 8)))
                 for _ in range(2))
        names.add(" ".join(words))
    synthetic = [{"id": f"s{i}", "name": n, "type": "person", "aliases": [n]} for i, n in enumerate(sorted(names))]
    return wb.load_actors({"actors": real}), wb.load_actors({"actors": real + synthetic})


def _max_rss_mb() -> float | None:
    """Peak resident memory of this process so far (None where the platform does not say)."""
    try:
        import resource
    except ImportError:
        return None
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _naive(sentences: list[str], lexicon: wb.ActorLexicon) -> int:
    """One regex per alias, word edges by lookarounds: the simple way, for comparison."""
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(a) + r"(?![^\W_])") for a in lexicon.aliases["term"]]
    return sum(1 for text in sentences for p in patterns for _ in p.finditer(text))


def run(*, quick: bool = False) -> dict:
    label, pool = sentence_pool()
    n = 2_000 if quick else 20_000
    sents = _sentences_table(pool, n)
    docs = pd.DataFrame({"doc_id": sents["doc_id"].unique()})
    chars = int(sents["text"].str.len().sum())
    words = int(sents["text"].str.split().str.len().sum())
    small, large = _lexicons()
    t0 = time.perf_counter()
    large.matcher  # build the automata outside the timed runs  # noqa: B018
    build_large = time.perf_counter() - t0
    small.matcher  # noqa: B018
    repeat = 1 if quick else 3
    t_small = best_of(lambda: wb.mentions(docs, small, sentences=sents, pronouns=False), repeat=repeat)
    t_large = best_of(lambda: wb.mentions(docs, large, sentences=sents, pronouns=False), repeat=repeat)
    found_small = len(wb.mentions(docs, small, sentences=sents, pronouns=False))
    found_large = len(wb.mentions(docs, large, sentences=sents, pronouns=False))
    # the naive baseline: 10 regexes on 1,000 sentences; 10,000 regexes on a smaller subset (it is slow)
    subset = list(sents["text"][:1000])
    sub_large = subset[: (10 if quick else 40)]
    sub_chars, sub_large_chars = sum(map(len, subset)), sum(map(len, sub_large))
    t_naive_small = best_of(lambda: _naive(subset, small), repeat=1)
    t_naive_large = best_of(lambda: _naive(sub_large, large), repeat=1)
    out = {
        "text_source": label,
        "sentences": n,
        "chars": chars,
        "words": words,
        "aliases_small": int((small.aliases["kind"] == "alias").sum()),
        "aliases_large": int((large.aliases["kind"] == "alias").sum()),
        "mentions_small": found_small,
        "mentions_large": found_large,
        "chars_per_s_small": round(chars / t_small),
        "words_per_s_small": round(words / t_small),
        "chars_per_s_large": round(chars / t_large),
        "words_per_s_large": round(words / t_large),
        "ratio_large_to_small": round(t_large / t_small, 3),
        "target_ratio_max": 2.0,
        "automaton_build_s_large": round(build_large, 3),
        "naive_sentences_small": len(subset),
        "naive_sentences_large": len(sub_large),
        "naive_chars_per_s_small": round(sub_chars / t_naive_small),
        "naive_chars_per_s_large": round(sub_large_chars / t_naive_large),
        "speedup_vs_naive_small": round((chars / t_small) / (sub_chars / t_naive_small), 1),
        "speedup_vs_naive_large": round((chars / t_large) / (sub_large_chars / t_naive_large), 1),
        "max_rss_mb": _max_rss_mb(),
    }
    for key, value in out.items():
        print(f"{key:>28}: {value}")
    return out


if __name__ == "__main__":
    run()
