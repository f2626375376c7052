"""Tone: the exact TextBlob fast path, engines, document tone, actor tone and its summary."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import analysis as wb
from analysis.text import split_sentences
from analysis.errors import InputError
from analysis.actor_tone import actor_tone, actor_tone_by, bootstrap_mean_ci
from analysis.tone import (
    TONE_ENGINES,
    article_text,
    pattern_sentiment,
    register_tone_engine,
    score_texts,
    tone,
)

# ------------------------------------------------------------------------------ exactness

_TRICKY = [
    "", " ", "\n", "!!!", "...", "?!", ".", "(!)", "( ! )", "It was good (!)", "42", "3.5%", "$1,000",
    "good", "Good", "GOOD", "not good", "Not good.", "not a good idea", "not the best", "never good",
    "no good", "very good", "VERY good", "very very good", "not very good", "really not bad",
    "very not good", "extremely bad", "not really good", "good!", "good!!!", "bad!", "bad!!",
    "Good! Bad!", "great :)", "sad :(", "I <3 it", "I ♥ it", "Hamas ♥️ Biden", ":-)", ":D", ":d",
    "xD", "XD", "8)", "(1998)", "(2018) was bad", ";)", ":'(", "o.O wow", "it is so. O'Brien said",
    "he went so.\n\nO'Brien is happy", ":-.", ">:(", "=)", ":P", ":p", "*)", "°O°",
    "don't like it", "I don't think it's good", "isn't great", "wasn't bad", "can't be worse",
    "it's nice", "it’s nice", "“great”", "‘bad’", '"excellent" work', "'terrible' idea",
    "well-known", "self-destructive", "long-term success", "e.g. great", "i.e. bad", "etc. fine",
    "The U.S. is great.", "Mr. Smith is nice.", "Dr. Who is terrible.", "U.S.-led talks failed",
    "bad...", "bad....", "wow... great", "Great.Bad.", "happy\r\n\r\nsad", "happy\n\nsad",
    "END-OF-SENTENCE happy", "happy END-OF-SENTENCE sad", "nul\x00char good", "tab\tgood",
    "non\u00a0breaking good", "ΟΔΟΣ good", "İstanbul is great", "Straße ist gut", "naïve plan",
    "terribly good", "horribly wrong", "awfully nice", "remarkably bad", "very!", "not!",
    "not :)", "very :) good", "not (!) good", "really (!) bad", "no, not good", "not, good",
    "a not so good day", "hardly good", "quite good", "too bad", "so so", "A+ work",
    "#1 best", "@user great", "good-ish", "un-good", "GoOd BaD", "1st class", "2nd best",
]

_SENTENCE_FRAMES = [
    "{}",
    "The minister said it was {} for the country.",
    "{} Netanyahu's ministers criticized Biden's stance.",
    '"{}," he added.',
    "Critics called the plan {} and (quite) risky!",
]


def _tricky_sentences() -> list[str]:
    out = list(_TRICKY)
    for frame, fragment in itertools.product(_SENTENCE_FRAMES[1:], _TRICKY):
        out.append(frame.format(fragment))
    return out


def _reference(texts: list[str]) -> np.ndarray:
    return np.array([tuple(TextBlob(t).sentiment) for t in texts], dtype=float).reshape(-1, 2)


def test_fast_path_equals_textblob_on_tricky_sentences():
    texts = _tricky_sentences()
    assert len(texts) >= 300
    fast = pattern_sentiment(texts)
    assert list(fast.columns) == ["polarity", "subjectivity"]
    assert len(fast) == len(texts)
    ref = _reference(texts)
    got = fast[["polarity", "subjectivity"]].to_numpy()
    differ = [texts[i] for i in np.flatnonzero((got != ref).any(axis=1))]
    assert differ == []
    # the set exercises the rules: some negative, some positive, some exact zeros
    assert (got[:, 0] < 0).any() and (got[:, 0] > 0).any() and (got[:, 0] == 0).any()


@pytest.mark.parametrize(
    "text, polarity, subjectivity",
    [
        ("good", 0.7, 0.6000000000000001),
        ("not good", -0.35, 0.6000000000000001),  # negation: -0.5 x polarity
        ("very good", 0.9099999999999999, 0.7800000000000001),  # intensifier 1.3
        ("good!", 0.875, 0.6000000000000001),  # "!" boosts the previous word by 1.25
        ("", 0.0, 0.0),
        ("isn't good", 0.7, 0.6000000000000001),  # TextBlob splits "n't" into n ' t: no negation
    ],
)
def test_known_values(text, polarity, subjectivity):
    row = pattern_sentiment([text]).iloc[0]
    assert (row["polarity"], row["subjectivity"]) == (polarity, subjectivity)
    assert tuple(TextBlob(text).sentiment) == (polarity, subjectivity)


def test_chunking_and_missing_values():
    texts = ["good", None, "bad", float("nan"), "not good"] * 7
    whole = pattern_sentiment(texts)
    small = pattern_sentiment(texts, chunk_size=3)
    pd.testing.assert_frame_equal(whole, small)
    assert whole.iloc[1].tolist() == [0.0, 0.0] and whole.iloc[3].tolist() == [0.0, 0.0]
    assert whole.iloc[0].tolist() == list(TextBlob("good").sentiment)
    assert pattern_sentiment([]).shape == (0, 2)


def _real_sentences(datasets_dir, limit_articles: int = 290) -> list[str]:
    sentences: list[str] = []
    for name in ("train.jsonl", "devtest_mt.jsonl"):
        path = datasets_dir / "newsmtsc" / name
        if not path.is_file():
            pytest.skip(f"{path} not found; the NewsMTSC files are needed for this test")
        with path.open(encoding="utf-8") as fh:
            sentences.extend(json.loads(line)["sentence_normalized"] for line in fh if line.strip())
    articles = datasets_dir / "narrative-framing" / "articles_metadata.tsv"
    if not articles.is_file():
        pytest.skip(f"{articles} not found; the narrative-framing articles are needed for this test")
    texts = pd.read_csv(articles, sep="\t")["text"].dropna().astype(str).tolist()[:limit_articles]
    sentences.extend(t[s:e] for t in texts for s, e in split_sentences(t))
    return sentences


@pytest.mark.validation
@pytest.mark.slow
def test_fast_path_equals_textblob_on_real_sentences(datasets_dir):
    sentences = _real_sentences(datasets_dir)
    assert len(sentences) >= 10_000
    got = pattern_sentiment(sentences)[["polarity", "subjectivity"]].to_numpy()
    ref = _reference(sentences)
    assert np.abs(got - ref).max() <= 1e-12
    assert int((got != ref).any(axis=1).sum()) == 0


# -------------------------------------------------------------------------------- engines


def test_vader_engine_equals_vader():
    texts = ["This is not good :)", "A wonderful, happy day!", "", "Shelling killed 12 people."]
    got = score_texts(texts, engine="vader")
    assert list(got.columns) == ["compound", "pos", "neu", "neg"]
    analyzer = SentimentIntensityAnalyzer()
    for text, row in zip(texts, got.itertuples(index=False)):
        ref = analyzer.polarity_scores(text)
        assert (row.compound, row.pos, row.neu, row.neg) == (
            ref["compound"], ref["pos"], ref["neu"], ref["neg"]
        )


def test_register_tone_engine_adds_an_engine():
    def exclamations(texts):
        return pd.DataFrame({"excitement": [t.count("!") / 10 for t in texts]})

    try:
        register_tone_engine("exclaim", exclamations)
        assert "exclaim" in wb.tone_engines()
        docs = pd.DataFrame({"doc_id": ["a"], "title": ["Wow!!"], "text": ["One! Two."]})
        out = tone(docs, tone_engine="exclaim")
        assert list(out.columns) == ["doc_id", "sentence_id", "excitement"]
        assert out["excitement"].tolist() == [0.2, 0.1, 0.0]
        doc = tone(docs, tone_engine="exclaim", level="document")
        assert doc["excitement"].tolist() == [0.3]  # "Wow!!\n\nOne! Two."
        assert doc["mean_sentence_excitement"].tolist() == [pytest.approx(0.1)]
        assert doc["share_positive"].tolist() == [pytest.approx(2 / 3)]
        with pytest.raises(InputError, match="'exclaim' is already registered; pick another name or pass replace=True"):
            register_tone_engine("exclaim", exclamations)
        register_tone_engine("exclaim", lambda texts: pd.DataFrame({"x": [0.0]}), replace=True)
        with pytest.raises(InputError, match="returned 1 rows for 3 texts; it must return exactly one row per text"):
            tone(docs, tone_engine="exclaim")
    finally:
        TONE_ENGINES.pop("exclaim", None)


def test_engine_errors():
    with pytest.raises(InputError, match="unknown tone engine 'nope'; use one of 'textblob', 'vader'"):
        score_texts(["x"], engine="nope")
    with pytest.raises(InputError, match="is not callable"):
        register_tone_engine("bad", "not a function")
    with pytest.raises(InputError, match="give a non-empty string"):
        register_tone_engine("", pattern_sentiment)
    try:
        register_tone_engine("listy", lambda texts: [0.0] * len(texts))
        with pytest.raises(InputError, match="returned list; it must return a DataFrame"):
            score_texts(["x"], engine="listy")
    finally:
        TONE_ENGINES.pop("listy", None)


# --------------------------------------------------------------------- sentence / document


def _docs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3"],
            "title": ["A good day", "", "Empty body"],
            "text": ["It was not good.\n\nIt was very bad!", "Nothing to report here.", ""],
        }
    )


def test_tone_sentence_level():
    docs = _docs()
    out = tone(docs)
    sents = wb.sentences(docs)
    assert list(out.columns) == ["doc_id", "sentence_id", "polarity", "subjectivity"]
    assert out[["doc_id", "sentence_id"]].values.tolist() == sents[["doc_id", "sentence_id"]].values.tolist()
    for text, row in zip(sents["text"], out.itertuples(index=False)):
        assert (row.polarity, row.subjectivity) == tuple(TextBlob(text).sentiment)
    # reusing a precomputed sentences table gives the same numbers
    pd.testing.assert_frame_equal(out, tone(docs, sentences=sents))


def test_tone_document_level():
    docs = _docs()
    out = tone(docs, level="document")
    assert list(out.columns) == [
        "doc_id", "polarity", "subjectivity", "mean_sentence_polarity", "share_negative",
        "share_positive", "n_sentences",
    ]
    assert out["doc_id"].tolist() == ["d1", "d2", "d3"]
    whole = TextBlob("A good day\n\nIt was not good.\n\nIt was very bad!").sentiment
    assert (out.loc[0, "polarity"], out.loc[0, "subjectivity"]) == tuple(whole)
    s = [TextBlob(t).sentiment.polarity for t in ("A good day", "It was not good.", "It was very bad!")]
    assert out.loc[0, "mean_sentence_polarity"] == pytest.approx(np.mean(s))
    assert out.loc[0, "share_negative"] == pytest.approx(2 / 3)
    assert out.loc[0, "share_positive"] == pytest.approx(1 / 3)
    assert out["n_sentences"].tolist() == [3, 1, 1]
    assert article_text("", "Body") == "Body" and article_text("T", "Body") == "T\n\nBody"
    assert article_text(None, None) == ""


def test_tone_errors():
    with pytest.raises(InputError, match="level='sentence' or level='document'"):
        tone(_docs(), level="paragraph")
    with pytest.raises(InputError, match="lacks column"):
        tone(_docs(), sentences=pd.DataFrame({"doc_id": ["d1"]}))


# ------------------------------------------------------------------------------ actor tone


def _actor_inputs():
    docs = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": ["Alpha praised"],
            "text": ['Alpha said, "We are very happy." Beta called the plan terrible and bad.'],
            "outlet": ["Daily"],
            "published": [pd.Timestamp("2024-05-09 22:00", tz="UTC")],
        }
    )
    sents = wb.sentences(docs)
    mentions = pd.DataFrame(
        {
            "doc_id": ["d", "d", "d", "d"],
            "sentence_id": [0, 1, 2, 2],
            "section": ["headline", "body", "body", "body"],
            "actor_id": ["alpha", "alpha", "beta", "alpha"],
            "actor": ["Alpha", "Alpha", "Beta", "Alpha"],
            "alias": ["Alpha", "Alpha", "Beta", "plan"],
            "via": ["alias", "alias", "alias", "alias"],
            "start": [0, 0, 0, 16],
            "end": [5, 5, 4, 20],
        }
    )
    quotes = pd.DataFrame(
        {
            "doc_id": ["d"],
            "sentence_id": [1],
            "quote": ["We are very happy."],
            "speaker_id": ["alpha"],
            "speaker": ["Alpha"],
            "cue": ["said"],
            "kind": ["direct"],
            "start": [13],
            "end": [31],
        }
    )
    return docs, sents, mentions, quotes


def test_actor_tone_sentence_and_stance():
    docs, sents, mentions, quotes = _actor_inputs()
    assert sents["text"].tolist() == [
        "Alpha praised", 'Alpha said, "We are very happy."', "Beta called the plan terrible and bad."
    ]
    out = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes)
    assert list(out.columns) == [
        "doc_id", "sentence_id", "actor_id", "actor", "via", "start", "end", "stance", "text",
        "polarity", "subjectivity",
    ]
    assert out["stance"].tolist() == ["about", "by", "about", "about"]
    for text, row in zip(out["text"], out.itertuples(index=False)):
        assert (row.polarity, row.subjectivity) == tuple(TextBlob(text).sentiment)
    assert out["text"].tolist()[1] == 'Alpha said, "We are very happy."'


def test_actor_tone_window():
    docs, sents, mentions, quotes = _actor_inputs()
    out = actor_tone(docs, window=2, sentences=sents, mentions=mentions, quotes=quotes)
    assert out["text"].tolist() == [
        "Alpha praised", 'Alpha said, "We', "Beta called the", "called the plan terrible and",
    ]
    assert out["polarity"].tolist() == [TextBlob(t).sentiment.polarity for t in out["text"]]
    zero = actor_tone(docs, window=0, sentences=sents, mentions=mentions, quotes=quotes)
    assert zero["text"].tolist() == ["Alpha", "Alpha", "Beta", "plan"]
    with pytest.raises(InputError, match="window=-1: give a whole number of words >= 0"):
        actor_tone(docs, window=-1, sentences=sents, mentions=mentions, quotes=quotes)


def test_actor_tone_quote_spanning_sentences_and_errors():
    docs, sents, mentions, quotes = _actor_inputs()
    long_quote = quotes.assign(start=13, end=70, sentence_id=1)  # runs into sentence 2
    out = actor_tone(docs, sentences=sents, mentions=mentions, quotes=long_quote)
    assert out["stance"].tolist() == ["about", "by", "about", "by"]
    with pytest.raises(InputError, match="mentions table lacks column"):
        actor_tone(docs, sentences=sents, mentions=mentions.drop(columns="actor_id"), quotes=quotes)
    with pytest.raises(InputError, match="has no such sentence in the sentences table"):
        actor_tone(docs, sentences=sents, mentions=mentions.assign(sentence_id=9), quotes=quotes)


def test_actor_tone_on_seed_end_to_end(seed_path):
    docs = wb.load_corpus(seed_path)
    sents = wb.sentences(docs)
    out = actor_tone(docs, sentences=sents)
    assert len(out) == len(wb.mentions(docs, sentences=sents))
    assert set(out["stance"]) == {"by", "about"}
    # a "by" row is a sentence holding a quote attributed to that actor
    q = wb.quotes(docs, sentences=sents)
    by = out[out["stance"] == "by"]
    assert set(by["actor_id"]) <= set(q["speaker_id"].dropna())
    for text, row in zip(out["text"], out.itertuples(index=False)):
        assert row.polarity == TextBlob(text).sentiment.polarity


# ------------------------------------------------------------------------ actor summaries


def test_actor_tone_summary_counts_means_and_intervals():
    table = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c"],
            "actor_id": ["x", "x", "x", "y", "y"],
            "actor": ["X", "X", "X", "Y", "Y"],
            "stance": ["about", "by", "about", "about", "about"],
            "polarity": [0.5, -0.5, 0.3, 0.0, 0.2],
        }
    )
    out = actor_tone_by(table, n_boot=500, seed=1)
    assert list(out.columns) == [
        "actor_id", "actor", "n_mentions", "n_sentences", "n_documents", "mean_polarity", "ci_low", "ci_high",
        "share_negative", "share_positive",
    ]
    assert out["actor_id"].tolist() == ["x", "y"]
    assert out["n_sentences"].tolist() == [3, 2]  # no sentence_id: every row is its own unit
    assert out["n_mentions"].tolist() == [3, 2]
    assert out["n_documents"].tolist() == [2, 2]
    assert out["mean_polarity"].tolist() == pytest.approx([0.1, 0.1])
    assert out["share_negative"].tolist() == pytest.approx([1 / 3, 0.0])
    assert (out["ci_low"] <= out["mean_polarity"]).all() and (out["mean_polarity"] <= out["ci_high"]).all()
    assert out.loc[0, "ci_low"] >= -0.5 and out.loc[0, "ci_high"] <= 0.5
    again = actor_tone_by(table, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(out, again)
    per_doc = actor_tone_by(table, by=("actor_id", "doc_id"), n_boot=200)
    assert per_doc[["actor_id", "doc_id", "n_mentions"]].values.tolist() == [
        ["x", "a", 2], ["x", "b", 1], ["y", "b", 1], ["y", "c", 1],
    ]
    single = per_doc[per_doc["n_mentions"] == 1]
    assert (single["ci_low"] == single["mean_polarity"]).all() and (single["ci_high"] == single["mean_polarity"]).all()


def test_actor_tone_summary_averages_per_sentence_so_a_name_and_its_pronoun_count_once():
    # "Okafor said she was angry": two mentions of x in sentence 5 (-0.6 and -0.8) are one sentence (-0.7)
    table = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "a"], "sentence_id": [5, 5, 6, 1, 5],
        "actor_id": ["x", "x", "x", "x", "y"], "actor": ["X", "X", "X", "X", "Y"],
        "stance": ["by", "by", "by", "about", "about"],
        "target_polarity": [-0.6, -0.8, 0.1, 0.3, 0.4],
    })
    out = actor_tone_by(table, n_boot=200)
    assert out[["actor_id", "n_mentions", "n_sentences", "n_documents"]].values.tolist() == [["x", 4, 3, 2],
                                                                                            ["y", 1, 1, 1]]
    assert out["mean_target_polarity"].tolist() == pytest.approx([(-0.7 + 0.1 + 0.3) / 3, 0.4])  # not -0.25
    assert out["share_negative"].tolist() == pytest.approx([1 / 3, 0.0])
    by_stance = actor_tone_by(table[table["actor_id"] == "x"], by=("actor_id", "stance"), n_boot=50)
    assert by_stance[["stance", "n_mentions", "n_sentences"]].values.tolist() == [["about", 1, 1], ["by", 3, 2]]
    assert by_stance["mean_target_polarity"].tolist() == pytest.approx([0.3, (-0.7 + 0.1) / 2])
    fig = wb.charts.actor_tone_bars(out, min_n=2)
    assert list(fig.data[0].y) == ["X (n=3)", "Y (n=1)"]  # top down; n = sentences; Y last, in grey: fewer than 2
    assert fig.layout.annotations[0].text == "Grey, at the bottom: fewer than 2 sentences, too few to read a tone."


def test_actor_tone_summary_shares_are_of_the_model_labels_with_the_target_aware_model():
    # rt17 M4: five sentences the model labels neutral leaned +0.05 to +0.25 (p_positive - p_negative); their
    # shares were "100% positive" by the scores' signs. With a label column the shares are of the labels; a
    # sentence naming the actor twice counts by the sign of its mentions' mean label (+1 and -1: neither)
    table = pd.DataFrame({
        "doc_id": ["a"] * 6, "sentence_id": [1, 2, 3, 4, 4, 5], "actor_id": ["x"] * 6, "actor": ["X"] * 6,
        "target_polarity": [0.20, 0.15, 0.05, 0.60, -0.50, -0.40],
        "label": ["neutral", "neutral", "positive", "positive", "negative", "negative"],
    })
    out = actor_tone_by(table, n_boot=50)
    assert out[["n_mentions", "n_sentences"]].values.tolist() == [[6, 5]]
    assert out["share_positive"].tolist() == pytest.approx([1 / 5])  # sentence 3 only
    assert out["share_negative"].tolist() == pytest.approx([1 / 5])  # sentence 5 only
    assert out["mean_target_polarity"].tolist() == pytest.approx([(0.20 + 0.15 + 0.05 + 0.05 - 0.40) / 5])
    # by the scores' signs (no label column, or another score) as before: 4 of 5 sentences above 0
    plain = actor_tone_by(table.drop(columns="label"), n_boot=50)
    assert plain["share_positive"].tolist() == pytest.approx([4 / 5])
    assert plain["share_negative"].tolist() == pytest.approx([1 / 5])


def test_bootstrap_matches_a_plain_loop():
    rng = np.random.default_rng(5)
    values = rng.normal(size=40)
    groups = np.repeat([0, 1], [15, 25])
    low, high = bootstrap_mean_ci(values, groups, n_boot=2000, seed=3)
    for g in (0, 1):
        v = values[groups == g]
        means = [rng.choice(v, size=len(v)).mean() for _ in range(2000)]
        lo, hi = np.quantile(means, [0.025, 0.975])
        assert low[g] == pytest.approx(lo, abs=0.08) and high[g] == pytest.approx(hi, abs=0.08)
        assert low[g] < v.mean() < high[g]


def test_actor_tone_summary_by_outlet_and_day():
    docs, sents, mentions, quotes = _actor_inputs()
    at = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes)
    out = actor_tone_by(at, docs, by=("actor_id", "outlet", "day"), n_boot=100)
    assert out[["actor_id", "outlet", "day", "n_mentions"]].values.tolist() == [
        ["alpha", "Daily", "2024-05-09", 3], ["beta", "Daily", "2024-05-09", 1],
    ]
    with pytest.raises(InputError, match="groups by outlet, which come from the documents table; pass documents="):
        actor_tone_by(at, by=("actor_id", "outlet"))
    with pytest.raises(InputError, match="cannot group by 'speaker'"):
        actor_tone_by(at, by=("speaker",))
    with pytest.raises(InputError, match="score='nope' is not a column"):
        actor_tone_by(at, score="nope")


def test_plain_sentences_take_the_fast_path():
    from analysis.tone import _needs_exact_path, pattern_lexicon

    lex = pattern_lexicon()
    plain = ["Netanyahu's ministers criticized Biden's stance.", "It isn't good (really)!", "(2019) was hot"]
    assert [_needs_exact_path(t, lex) for t in plain] == [False, False, False]
    marked = ["great :)", "It was good (!)", "(1998) was bad", "a\n\nEND-OF-SENTENCE b"]
    assert [_needs_exact_path(t, lex) for t in marked] == [True, True, True, True]


def test_actor_tone_without_mentions_keeps_text_columns_as_text():
    documents = pd.DataFrame({"doc_id": ["a"], "title": ["Nothing here"], "text": ["No actors at all."]})
    table = wb.actor_tone(documents)
    assert table.empty
    assert table["stance"].dtype == "string" and table["text"].dtype == "string"


def test_vader_sentiment_gives_vaders_own_scores_and_zero_for_missing_text():
    from analysis.tone import vader_sentiment

    got = vader_sentiment(["good", "bad", None, ""])
    assert list(got.columns) == ["compound", "pos", "neu", "neg"]
    assert got.values.tolist() == [[0.4404, 1.0, 0.0, 0.0], [-0.5423, 0.0, 0.0, 1.0],
                                   [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]


def test_window_text_keeps_whole_words_around_the_mention():
    from analysis.tone import window_text

    text = "Critics said Netanyahu's plan would fail badly today."
    start = text.index("Netanyahu")
    end = start + len("Netanyahu")
    assert window_text(text, start, end, 2) == "Critics said Netanyahu's plan would"
    assert window_text(text, start, end, 0) == "Netanyahu's"
    assert window_text(text, -5, 3, 1) == "Critics said", "offsets are clipped to the text"


def test_check_documents_names_the_function_and_the_missing_columns():
    from analysis.tone import check_documents

    check_documents(pd.DataFrame({"title": [], "text": []}), ["title", "text"])
    with pytest.raises(InputError, match=r"^tone: the documents table lacks column\(s\) text; load it with "
                                         r"analysis.load_corpus$"):
        check_documents(pd.DataFrame({"title": []}), ["title", "text"])
    with pytest.raises(InputError, match=r"^tone: documents must be the documents table \(a pandas DataFrame\), not a list; load it with "
                                         r"wb.load_corpus\(path\)$"):
        check_documents([], ["text"])


def test_tone_engine_function_and_the_vader_analyzer_loaded_once():
    from analysis.tone import tone_engine_function, vader_analyzer, vader_sentiment

    assert tone_engine_function("vader") is vader_sentiment
    assert vader_analyzer() is vader_analyzer()
    assert vader_analyzer().polarity_scores("good")["compound"] == 0.4404, "VADER's published score of 'good'"
    with pytest.raises(InputError, match=r"^unknown tone engine 'nope'; use one of 'textblob', 'vader'"):
        tone_engine_function("nope")
