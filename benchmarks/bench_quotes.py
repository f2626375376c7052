"""Speed of ``quotes()`` alone, on real news text, in this process (CPU time, one core).

Text: the narrative-framing articles (``benchmarks.texts``), cut into paragraphs as written, taken
whole (``quick``: the first 40 articles), repeated to at least 300,000 words (``quick``: 30,000).
``sentences``, ``mentions`` (default lexicon, pronouns resolved) and ``entities`` are computed first
and passed in, as ``analyze()`` does, so that the figure is the attribution step's own. Also measured: the
attribution gold set shipped with the workbench (content F1, speaker accuracy and end-to-end F1 of
its held-out part), so a speed-up that loses accuracy shows in the same table.

Target (reported, not asserted): at or above 0.9 million words per second (the figure before issue 12).
"""

from __future__ import annotations

import re
import time
from typing import Any

from benchmarks.texts import article_texts

TARGET_WORDS_PER_S = 900_000
_WORD = re.compile(r"\w+")


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
    wb.quotes(docs.head(2), lexicon)  # warm up: cue verbs, lexicon automaton
    sents = wb.sentences(docs)
    mentions = wb.mentions(docs, lexicon, sentences=sents)
    ents = wb.entities(docs, sentences=sents, actors=lexicon)
    t0 = time.process_time()
    table = wb.quotes(docs, lexicon, sentences=sents, mentions=mentions, entities=ents)
    seconds = time.process_time() - t0
    words = words_once * repeat
    held = quote_attribution(GOLD_ATTRIBUTION_PATH / "heldout").set_index("kind")
    return {"text_source": source, "articles": len(docs), "words": words, "quotations": len(table),
            "seconds": round(seconds, 3), "words_per_s": int(words / seconds) if seconds else 0,
            "target_words_per_s": TARGET_WORDS_PER_S, "met": bool(seconds and words / seconds >= TARGET_WORDS_PER_S),
            "heldout_direct_f1": round(float(held.loc["direct", "f1"]), 3),
            "heldout_reported_f1": round(float(held.loc["reported", "f1"]), 3),
            "heldout_speaker_accuracy": round(float(held.loc["all", "speaker_accuracy"]), 3),
            "heldout_e2e_f1": round(float(held.loc["all", "e2e_f1"]), 3)}
