"""Speed of ``quotes()`` alone, on real news text, in this process (CPU time, one core), against
``quotes()`` as it was before issue 12, measured in the same run.

Text: the narrative-framing articles (``benchmarks.texts``), cut into paragraphs as written, taken
whole (``quick``: the first 40 articles), repeated to at least 300,000 words (``quick``: 30,000).
``sentences``, ``mentions`` (default lexicon, pronouns resolved) and ``entities`` are computed first
and passed in, as ``analyze()`` does, so that the figure is the attribution step's own. The baseline
is ``analysis/quotes.py`` of commit :data:`BASELINE_COMMIT` (the last one before issue 12), read from
the repository's git history and run on the same sentences and mentions (it has no entity layer);
the two alternate, best of seven (``quick``: two), so that both see the same load on a shared
machine (the load average before and after is recorded with the figures). The entity table itself
is computed before the timing (it is ``entities()``'s work, not the attribution step's); what
``quotes()`` does with it (its mentions per field, speakers linked to them) is timed, and has no
counterpart in the baseline: so ``quotes(..., entities=False)`` (no entity layer, speakers from the
lexicon and the words only) is timed in the same alternation too (``*_without_entities``). Without
git or that commit the baseline is left out (figures None). Also measured: the attribution gold set shipped
with the workbench (content F1, speaker accuracy and end-to-end F1 of its held-out part), so a
speed-up that loses accuracy shows in the same table.

Targets (reported, not asserted): at least the baseline's speed measured in the same run
(``speed_vs_baseline`` >= 1), and 0.9 million words per second (the figure before issue 12).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.texts import article_texts

TARGET_WORDS_PER_S = 900_000
#: The last commit of analysis/quotes.py before issue 12 (the speed to keep).
BASELINE_COMMIT = "d414d3b6fbb784d1ff2c3c53f8e7f2c6a5e9afd5"
_WORD = re.compile(r"\w+")
_REPO = Path(__file__).resolve().parents[1]


def baseline_quotes() -> Callable[..., Any] | None:
    """``quotes`` of analysis/quotes.py at :data:`BASELINE_COMMIT`, loaded from git history as a
    module of its own, or None when git or the commit is not there."""
    try:
        source = subprocess.run(["git", "-C", str(_REPO), "show", f"{BASELINE_COMMIT}:analysis/quotes.py"],
                                capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    name = "benchmarks._quotes_before_issue12"
    module = types.ModuleType(name)
    module.__file__ = f"<analysis/quotes.py at {BASELINE_COMMIT[:7]}>"
    sys.modules[name] = module  # dataclasses look their module up
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module.quotes


def run(*, quick: bool = False) -> dict[str, Any]:
    import pandas as pd

    import analysis as wb
    from analysis.validation.quotes import GOLD_ATTRIBUTION_PATH, quote_attribution

    source, texts = article_texts()
    if quick:
        texts = texts[:40]
    want = 30_000 if quick else 300_000
    words_once = sum(len(_WORD.findall(t)) for t in texts)
    repeat = max(1, -(-want // max(1, words_once)))
    docs = pd.DataFrame({"doc_id": [f"a{i}" for i in range(len(texts) * repeat)], "title": "",
                         "text": texts * repeat})
    lexicon = wb.load_actors()
    old_quotes = baseline_quotes()
    wb.quotes(docs.head(2), lexicon)  # warm up: cue verbs, lexicon automaton
    if old_quotes is not None:
        old_quotes(docs.head(2), lexicon)
    sents = wb.sentences(docs)
    mentions = wb.mentions(docs, lexicon, sentences=sents)
    ents = wb.entities(docs, sentences=sents, actors=lexicon)
    best = {"new": float("inf"), "old": float("inf"), "bare": float("inf")}
    table = None
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    for _ in range(2 if quick else 7):
        t0 = time.process_time()
        table = wb.quotes(docs, lexicon, sentences=sents, mentions=mentions, entities=ents)
        best["new"] = min(best["new"], time.process_time() - t0)
        t0 = time.process_time()
        wb.quotes(docs, lexicon, sentences=sents, mentions=mentions, entities=False)
        best["bare"] = min(best["bare"], time.process_time() - t0)
        if old_quotes is not None:
            t0 = time.process_time()
            old_quotes(docs, lexicon, sentences=sents, mentions=mentions)
            best["old"] = min(best["old"], time.process_time() - t0)
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    words = words_once * repeat
    seconds = best["new"]
    old_speed = int(words / best["old"]) if old_quotes is not None and best["old"] else None
    speed = int(words / seconds) if seconds else 0
    held = quote_attribution(GOLD_ATTRIBUTION_PATH / "heldout").set_index("kind")
    dev = quote_attribution(GOLD_ATTRIBUTION_PATH / "dev").set_index("kind")
    return {"text_source": source, "articles": len(docs), "words": words, "quotations": len(table),
            "seconds": round(seconds, 3), "words_per_s": speed,
            "baseline": f"analysis/quotes.py at {BASELINE_COMMIT[:7]} (before issue 12), same run",
            "baseline_seconds": round(best["old"], 3) if old_speed else None, "baseline_words_per_s": old_speed,
            "speed_vs_baseline": round(speed / old_speed, 3) if old_speed else None,
            "met_vs_baseline": bool(old_speed and speed >= old_speed),
            "seconds_without_entities": round(best["bare"], 3),
            "words_per_s_without_entities": int(words / best["bare"]) if best["bare"] else 0,
            "speed_vs_baseline_without_entities": round(best["old"] / best["bare"], 3) if old_speed and best["bare"]
            else None,
            "load_average": f"{load_before:.1f} before, {load_after:.1f} after" if load_before is not None else None,
            "target_words_per_s": TARGET_WORDS_PER_S, "met": bool(speed >= TARGET_WORDS_PER_S),
            "heldout_direct_f1": round(float(held.loc["direct", "f1"]), 3),
            "heldout_reported_f1": round(float(held.loc["reported", "f1"]), 3),
            "heldout_speaker_accuracy": round(float(held.loc["all", "speaker_accuracy"]), 3),
            "heldout_e2e_f1": round(float(held.loc["all", "e2e_f1"]), 3),
            "dev_speaker_accuracy": round(float(dev.loc["all", "speaker_accuracy"]), 3),
            "dev_e2e_f1": round(float(dev.loc["all", "e2e_f1"]), 3)}
