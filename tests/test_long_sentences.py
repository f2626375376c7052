"""Long run-on "sentences" (issue 10, point 18): the target-aware tone features and the window texts
cost per target what they cost in a news sentence, and example sentences in tables stay short.

The cost is checked without timing: the token look-ups a target's features make are counted (lists
of the prepared sentence that count their reads), and must not grow with the sentence's length.
"""

from __future__ import annotations

import math
import random

import pytest

import analysis.target_tone as target_tone
from analysis.discovery import EXAMPLE_WORDS, example_window
from analysis.target_tone import LONG_SENTENCE_TOKENS, LONG_SENTENCE_WINDOW, target_features
from analysis.tone import window_text


class _Counted(list):
    """A list that counts the items read from it (by index, slice or iteration) into ``reads[0]``."""

    reads = [0]

    def __getitem__(self, key):
        value = super().__getitem__(key)
        _Counted.reads[0] += len(value) if isinstance(key, slice) else 1
        return value

    def __iter__(self):
        _Counted.reads[0] += len(self)
        return super().__iter__()


def _reads_per_target(monkeypatch, n_words: int, n_targets: int) -> float:
    """Token reads per target, past preparing the sentence, for ``n_targets`` names in a run-on
    sentence of ``n_words`` words (no punctuation, as the red team's 10 MB line)."""
    rng = random.Random(3)
    filler = ["the", "budget", "vote", "good", "council", "of", "and", "bad", "road", "recount"]
    words = [rng.choice(filler) for _ in range(n_words)]
    every = n_words // n_targets
    for k in range(n_targets):
        words[k * every + every // 2] = "Osei"
    sentence = " ".join(words)
    starts, at = [], 0
    for w in words:
        if w == "Osei":
            starts.append(at)
        at += len(w) + 1
    prepare = target_tone._prepare_sentence

    def counted(*args, **kwargs):
        prepared = prepare(*args, **kwargs)
        out = tuple(_Counted(p) if isinstance(p, list) else p for p in prepared)
        _Counted.reads[0] = 0  # reads while preparing (once per sentence) are not counted
        return out

    monkeypatch.setattr(target_tone, "_prepare_sentence", counted)
    dense, feats = target_features([sentence] * len(starts), starts, [s + 4 for s in starts])
    assert len(dense) == n_targets
    return _Counted.reads[0] / n_targets


def test_a_targets_cost_does_not_grow_with_a_run_on_sentence(monkeypatch):
    short = _reads_per_target(monkeypatch, 1_000, 20)
    long = _reads_per_target(monkeypatch, 8_000, 20)
    # reading the whole sentence per target (the old cost) would make this 8x; the window keeps it level
    assert long < 1.2 * short
    assert short < 12 * (2 * LONG_SENTENCE_WINDOW + 1)


def test_word_features_of_a_long_sentence_come_from_the_window_around_the_target():
    near, far = "alpha", "omega"
    words = [far] + ["x"] * 300 + [near, "Osei", "said"] + ["y"] * 300
    sentence = " ".join(words)
    start = sentence.index("Osei")
    assert len(words) > LONG_SENTENCE_TOKENS
    _dense, feats = target_features([sentence], [start], [start + 4])
    assert feats[0]["s:alpha"] == 1.0 and feats[0]["l:alpha"] == 1.0 and feats[0]["a:alpha"] == 1.0
    assert feats[0]["s:omega"] == pytest.approx(math.exp(-300 / 4))  # 301 tokens away, from the look-up
    assert feats[0]["a:omega"] == 1.0  # the sentence's vocabulary is read whole
    # a word written only in the target is not in the vocabulary its features read; one also written elsewhere is
    words = ["the", "mayor"] + ["x"] * 300 + ["the"]
    sentence = " ".join(words)
    _dense, feats = target_features([sentence], [0], [len("the mayor")])
    assert "a:mayor" not in feats[0] and feats[0]["a:the"] == 1.0 and feats[0]["a:x"] == 1.0
    assert feats[0]["R1:x"] == 1.0 and feats[0]["L1:<s>"] == 1.0
    # a sentence of up to LONG_SENTENCE_TOKENS tokens is read whole
    short = " ".join([far] + ["x"] * 150 + [near, "Osei"])
    _dense, feats = target_features([short], [short.index("Osei")], [short.index("Osei") + 4])
    assert feats[0]["a:omega"] == 1.0 and "s:omega" in feats[0]


def test_long_sentence_keeps_the_sentence_wide_flags():
    words = ['"', "you"] + ["x"] * 400 + ["Osei", "was", "arrested"] + ["z"] * 10 + ["killed"]
    sentence = " ".join(words)
    start = sentence.index("Osei")
    dense, _feats = target_features([sentence], [start], [start + 4])
    row = dense.iloc[0]
    assert row["has_quote"] == 1.0 and row["in_quote"] == 1.0  # one straight quote before the target
    assert row["second_person"] == 1.0  # "you", 400 tokens before the target
    assert row["harm_passive"] == 1.0
    assert row["log_clause_tokens"] == pytest.approx(math.log(len(words) + 1))
    # "arrested" (VADER -2.1, scaled by 1/4) is the first sentiment word after the target, 2 tokens on;
    # none before it (the quotation mark and "you" carry no VADER value)
    assert row["next_sentiment"] == pytest.approx(-2.1 / 4)
    assert row["next_sentiment_near"] == pytest.approx(-2.1 / 4 / 2)
    assert row["prev_sentiment"] == 0.0 and row["clause_names"] == 0.0


def test_window_text_reads_only_what_it_needs_and_agrees_with_split():
    rng = random.Random(11)
    for _ in range(2000):
        n = rng.randrange(0, 60)
        text = "".join(rng.choice(["a", "bb", " ", "  ", "\n", "c’d", "é"]) for _ in range(n))
        start = rng.randrange(0, n + 1)
        end = rng.randrange(start, n + 1)
        window = rng.choice([0, 1, 2, 3, 10])
        s, e = start, end
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        while e < len(text) and not text[e].isspace():
            e += 1
        expected = " ".join([*(text[:s].split()[-window:] if window else []), text[s:e],
                             *(text[e:].split()[:window] if window else [])])
        assert window_text(text, start, end, window) == expected
    assert window_text("one two three Osei four five", 14, 18, 2) == "two three Osei four five"


def test_example_window_caps_a_run_on_example_sentence():
    assert EXAMPLE_WORDS == 25
    sentence = " ".join(f"w{i}" for i in range(100)) + " Osei said " + " ".join(f"v{i}" for i in range(100))
    shown = example_window(sentence, names=["Lindqvist", "Osei"])
    assert shown == ("… " + " ".join(f"w{i}" for i in range(75, 100)) + " Osei said "
                     + " ".join(f"v{i}" for i in range(24)) + " …")
    assert example_window("Osei said " + " ".join(f"v{i}" for i in range(100)), names=["Osei"]) == (
        "Osei said " + " ".join(f"v{i}" for i in range(24)) + " …")
    news = " ".join(f"w{i}" for i in range(99)) + " Osei"  # 100 words: kept whole
    assert example_window(news, names=["Osei"]) == news
    assert example_window(news + " w", names=["Osei"]) == "… " + " ".join(f"w{i}" for i in range(74, 99)) + " Osei w"
    assert example_window("", names=["Osei"]) == ""
