"""The target-aware tone model: features on hand-checked sentences, the fitting code
(analysis.validation.train_tone), the coefficient file, the wiring into actor_tone, and (slow / validation) reproduction of the shipped coefficients
and the honest figure on NewsMTSC devtest_mt."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob

import analysis as wb
from analysis.errors import InputError, LexiconError
from analysis.target_tone import (
    TargetToneModel,
    CLASSES,
    default_spec,
    MODEL_PATH,
    _dense_names,
    band_labels,
    TITLE_LISTS,
    load_target_model,
    mask_title,
    predict_target_tone,
    target_features,
)
from analysis.validation.metrics import macro_f1
from analysis.validation.train_tone import _fit, _lbfgs, _Sparse, choose_band, main, train


def features(sentence: str, mention: str) -> tuple[pd.Series, dict[str, float]]:
    start = sentence.index(mention)
    dense, words = target_features([sentence], [start], [start + len(mention)])
    return dense.iloc[0], words[0]


# ------------------------------------------------------------------------------------ features


def test_lexicon_words_weighted_by_distance():
    row, _ = features("Alice is good and Bob is bad.", "Alice")
    good, bad = TextBlob("good").sentiment.polarity, TextBlob("bad").sentiment.polarity
    # "good" is 2 tokens from Alice (weight e^(-1/4)), "bad" 6 tokens (weight e^(-5/4))
    assert row["near_tb"] == pytest.approx(good * math.exp(-1 / 4) + bad * math.exp(-5 / 4))
    assert row["near_tb_positive"] == pytest.approx(good * math.exp(-1 / 4))
    assert row["near_tb_negative"] == pytest.approx(-bad * math.exp(-5 / 4))
    assert row["window3_tb_polarity"] == TextBlob("Alice is good and").sentiment.polarity
    assert row["sentence_tb_polarity"] == TextBlob("Alice is good and Bob is bad.").sentiment.polarity
    assert (row["position"], row["at_start"], row["log_tokens"]) == (0.0, 1.0, math.log(9))


def test_word_features_and_the_targets_place():
    row, words = features('"We will win," Smith said, but critics did not praise him.', "Smith")
    # tokens: " We will win , " Smith said , but critics did not praise him .  (Smith = token 6 of 16)
    assert row["position"] == pytest.approx(6 / 15) and row["at_start"] == 0.0
    assert (row["speech_after"], row["speech_before"], row["in_quote"], row["has_quote"]) == (1.0, 0.0, 0.0, 1.0)
    assert (row["negation_near"], row["is_pronoun"], row["possessive"]) == (0.0, 0.0, 0.0)  # "not" is 6 tokens away
    assert words["s:said"] == 1.0 and words["r:said"] == 1.0
    assert words["s:will"] == pytest.approx(math.exp(-3 / 4))  # 4 tokens to the left
    assert "l:win" in words and "r:but" in words and "l:will" not in words and "r:critics" not in words
    # the sentence's own vocabulary, unweighted: every learnable word once, however far from the target
    assert words["a:will"] == 1.0 and words["a:praise"] == 1.0 and words["a:him"] == 1.0
    assert {k[2:] for k in words if k.startswith("a:")} == {k[2:] for k in words if k.startswith("s:")}
    assert not any(k.endswith((":smith", ":we")) for k in words)  # the target and capitalised words are not learned
    assert not any(k[2:] in {",", '"', "."} for k in words)


@pytest.mark.parametrize(
    "sentence, mention, feature",
    [
        ("Nobody said Bob is not good.", "Bob", "negation_near"),
        ("He said it was fine.", "He", "is_pronoun"),
        ("Bob's plan failed.", "Bob", "possessive"),
        ('"Bob is great," she said.', "Bob", "in_quote"),
        ("“Bob is great,” she said.", "Bob", "in_quote"),
        ("According to Bob, it rained.", "Bob", "speech_before"),
    ],
)
def test_flags(sentence, mention, feature):
    assert features(sentence, mention)[0][feature] == 1.0


def test_flags_off():
    row, _ = features("“Great,” she said of Bob.", "Bob")
    assert (row["in_quote"], row["is_pronoun"], row["possessive"]) == (0.0, 0.0, 0.0)


def test_dense_columns_follow_the_spec():
    dense, words = target_features(["A b c."] * 2, [0, 2], [1, 3])
    assert dense.columns.tolist() == _dense_names(default_spec())
    assert len(dense) == 2 and len(words) == 2
    with pytest.raises(InputError, match="same length"):
        target_features(["A."], [0, 1], [1])


# ------------------------------------------------------------ the target's own title (session 16)


@pytest.mark.parametrize(
    "sentence, mention, expected",
    [
        # rt16 F5: the title written with the name is the target's, not context
        ("Fire Chief Dana Whitlock thanked the volunteers.", "Dana Whitlock",
         ("Dana Whitlock thanked the volunteers.", 0, 13)),
        ("Police Chief Dana Whitlock thanked the volunteers.", "Dana Whitlock",
         ("Dana Whitlock thanked the volunteers.", 0, 13)),
        ("Critics said fire chief Dana Whitlock failed.", "Dana Whitlock",
         ("Critics said Dana Whitlock failed.", 13, 26)),
        ("County Clerk Ann Marsh praised the volunteers.", "Ann Marsh", ("Ann Marsh praised the volunteers.", 0, 9)),
        # a span that holds its title (NewsMTSC's "President Trump"), honorifics with their dot
        ("President Trump attacked Mr. Comey.", "President Trump", ("Trump attacked Mr. Comey.", 0, 5)),
        ("President Trump attacked Mr. Comey.", "Comey", ("President Trump attacked Comey.", 25, 30)),
        ("Secretary of State Mike Pompeo said no.", "Mike Pompeo", ("Mike Pompeo said no.", 0, 11)),
        ("Former Vice-President Joe Biden spoke.", "Joe Biden", ("Joe Biden spoke.", 0, 9)),
        # an apposition closed by a comma or by the sentence's end
        ("Dana Whitlock, the fire chief, thanked them.", "Dana Whitlock", ("Dana Whitlock thanked them.", 0, 13)),
        ("They thanked Dana Whitlock, the fire chief.", "Dana Whitlock", ("They thanked Dana Whitlock.", 13, 26)),
        # not a title: a judgement before the title stays; a joiner never starts one; a title-only span is kept
        ("Critics praised the embattled chief Dana Whitlock.", "Dana Whitlock",
         ("Critics praised the embattled Dana Whitlock.", 30, 43)),
        ("Smith and President Jones met.", "Jones", ("Smith and Jones met.", 10, 15)),
        ("the president said so", "the president", ("the president said so", 0, 13)),
        ("Dana Whitlock, the fire chief and a critic, spoke.", "Dana Whitlock",
         ("Dana Whitlock, the fire chief and a critic, spoke.", 0, 13)),
    ],
)
def test_mask_title(sentence, mention, expected):
    start = sentence.index(mention)
    assert mask_title(sentence, start, start + len(mention), spec=default_spec()) == expected


def test_mask_title_needs_the_title_lists():
    spec = default_spec()
    assert set(TITLE_LISTS) <= set(spec) and "fire" in spec["title_words"] and "chief" in spec["title_heads"]
    assert "mr" in spec["title_heads"] and "of" not in spec["title_words"]
    old = {k: v for k, v in spec.items() if k not in TITLE_LISTS}  # a coefficient file trained before them
    assert mask_title("Fire Chief Dana Whitlock spoke.", 11, 24, spec=old) == ("Fire Chief Dana Whitlock spoke.", 11, 24)


def test_a_targets_title_is_no_context_in_its_features():
    # "Fire" (negative in both lexicons) before "Chief Dana Whitlock" changed the tone toward her; with the
    # title masked the three sentences have the features of the one without a title
    plain = features("Dana Whitlock thanked the volunteers for their help.", "Dana Whitlock")
    for title in ("Fire Chief ", "Chief ", "Police Chief ", "Tamarack County fire chief "[9:]):
        row, words = features(title + "Dana Whitlock thanked the volunteers for their help.", "Dana Whitlock")
        assert row.equals(plain[0]) and words == plain[1], title
    spec = {k: v for k, v in default_spec().items() if k not in TITLE_LISTS}
    dense, _ = target_features(["Fire Chief Dana Whitlock thanked the volunteers for their help."], [11], [24],
                               spec=spec)
    assert dense["sentence_vader_neg"].iloc[0] > 0 and plain[0]["sentence_vader_neg"] == 0


# --------------------------------------------------------------------- version 2 features


def test_clause_scope_and_polarity_shifters():
    # "but" starts a new clause: the praise after it is outside Smith's clause
    row, _ = features("Smith lost the vote, but critics praised Jones.", "Smith")
    assert row["clause_tb"] == 0.0 and row["n_clause_breaks"] == 1.0 and row["clause_initial"] == 1.0
    # "ended" shifts the polarity of what follows it: "popular" counts as negative in shifted_* / clause_*
    plain, _ = features("Smith backed popular programs.", "Smith")
    shifted, _ = features("Smith ended popular programs.", "Smith")
    assert plain["clause_vader"] > 0 and plain["shifter_near"] == 0.0
    assert shifted["clause_vader"] < -0.3 and shifted["shifter_near"] == 1.0
    assert shifted["shifted_vader"] < 0 < shifted["near_vader"]


@pytest.mark.parametrize(
    "sentence, mention, feature",
    [
        ("Smith was elected on Monday.", "Smith", "passive"),
        ("Smith was arrested on Monday.", "Smith", "harm_passive"),
        ("Police arrested Smith on Monday.", "Smith", "harm_before"),
        ("Smith attacked the plan.", "Smith", "harm_agent"),
        ("The plan was drafted by Smith.", "Smith", "by_agent"),
        ("Jones told Smith to leave.", "Smith", "addressee"),
        ('"You are wrong," Jones said of Smith.', "Smith", "second_person"),
    ],
)
def test_role_flags(sentence, mention, feature):
    row = features(sentence, mention)[0]
    assert row[feature] == 1.0
    others = {"passive", "harm_passive", "harm_before", "harm_agent", "by_agent", "addressee"} - {feature}
    if feature == "harm_passive":
        others -= {"passive"}
    assert all(row[f] == 0.0 for f in others), {f: row[f] for f in others}


def test_neighbour_and_word_pair_features():
    _, words = features("Critics accused Smith of lying in court.", "Smith")
    assert words["L1:accused"] == 1.0 and words["R1:of"] == 1.0
    assert words["L2:critics_accused"] == 1.0 and words["R2:of_lying"] == 1.0
    _, words = features("Smith met Jones.", "Smith")
    assert words["L1:<s>"] == 1.0 and words["R2:met_<N>"] == 1.0  # sentence edge and a name


def test_nearest_sentiment_predicate_names_and_tone_outside_the_clause():
    row, _ = features("Critics say Smith and Brown failed badly, but Jones won.", "Smith")
    # clause 0: Critics say Smith and Brown failed badly ,   clause 1: but Jones won .
    # VADER valences / 4: critics -1.2, failed -2.3, won 2.7
    assert row["next_sentiment"] == pytest.approx(-2.3 / 4)  # "failed", 3 tokens after Smith
    assert row["next_sentiment_near"] == pytest.approx(-2.3 / 4 / 3)
    assert row["prev_sentiment"] == pytest.approx(-1.2 / 4)  # "Critics", 2 tokens before
    assert row["prev_sentiment_near"] == pytest.approx(-1.2 / 4 / 2)
    assert row["clause_names"] == pytest.approx(math.log(2))  # Brown (Critics opens the sentence, Jones is in clause 1)
    assert row["other_clause_vader"] == pytest.approx(2.7 / 4)
    shifted, _ = features("Smith ended the praised programme.", "Smith")
    assert shifted["next_sentiment"] == pytest.approx(-2.2 / 4)  # a shifter reverses "praised"
    none, _ = features("Smith met Jones.", "Smith")
    assert (none["next_sentiment"], none["prev_sentiment"], none["other_clause_vader"]) == (0.0, 0.0, 0.0)


def test_interactions_read_the_sentence_score():
    row, _ = features('"This is a wonderful day," said Smith.', "Smith")
    assert row["speech_before"] == 1.0
    assert row["speaker_x_sentence_vader"] == pytest.approx(row["sentence_vader_compound"]) and row["speaker_x_sentence_vader"] > 0


def test_word_lists_file_errors(tmp_path):
    from analysis.target_tone import WORDS_PATH

    bad = tmp_path / "words.yml"
    bad.write_text(WORDS_PATH.read_text(encoding="utf-8").replace("shifters: [", "shifter: ["), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"words\.yml, list 'shifters': give a non-empty list of words"):
        default_spec(bad)


def test_aggregate_tone_weights_the_lead():
    from analysis.target_tone import aggregate_tone

    out = aggregate_tone([0.8, 0.1, 0.2], [0.1, 0.7, 0.2], ["negative", "positive", "neutral"], ["a", "a", "b"],
                         [True, False, False], lead_weight=3.0)
    assert out["group"].tolist() == ["a", "b"] and out["n_mentions"].tolist() == [2, 1]
    # group a: weights 3 and 1 -> mean of (0.1 - 0.8) and (0.7 - 0.1) = (3 * -0.7 + 0.6) / 4
    assert out["mean_polarity"].tolist() == pytest.approx([(3 * -0.7 + 0.6) / 4, 0.0])
    assert out["share_negative"].tolist() == pytest.approx([0.75, 0.0])
    assert out["net_share"].tolist() == pytest.approx([0.25 - 0.75, 0.0])


# ------------------------------------------------------------------------------- bands, fitting


def test_band_labels_and_choose_band():
    assert band_labels([-0.2, -0.05, 0.0, 0.05, 0.3], (-0.05, 0.1)).tolist() == [
        "negative", "neutral", "neutral", "neutral", "positive"]
    assert band_labels([-0.01, 0.0, 0.01], (0, 0)).tolist() == ["negative", "neutral", "positive"]
    scores = [-0.3, -0.05, 0.0, 0.05, 0.2, 0.4]
    gold = ["negative", "neutral", "neutral", "neutral", "positive", "positive"]
    # the narrowest band classifying all six right: -0.05 and 0.05 inside, -0.3 and 0.2 outside
    assert choose_band(scores, gold) == (-0.05, 0.05)


def test_sparse_products_equal_dense_ones():
    rng = np.random.default_rng(0)
    dense = rng.normal(size=(5, 2))
    words = [{"a": 1.0}, {}, {"b": 0.5, "a": 2.0}, {"c": 1.0}, {"b": 1.0}]
    vocab = {"a": 0, "b": 1}  # "c" is not in the vocabulary
    matrix = _Sparse.build(dense, words, vocab)
    full = np.column_stack([dense, [[1, 0], [0, 0], [2, 0.5], [0, 0], [0, 1]]])
    w, g = rng.normal(size=(4, 3)), rng.normal(size=(5, 3))
    assert np.allclose(matrix.dot(w), full @ w) and np.allclose(matrix.tdot(g), full.T @ g)
    sub = matrix.subset(np.array([False, True, True, False, True]))
    assert np.allclose(sub.dot(w), full[[1, 2, 4]] @ w)


def test_sparse_products_add_in_a_fixed_order_to_the_last_bit():
    """A row's dense terms left to right then its words in sorted order; a column's terms row by row:
    the same floats as these plain loops, whatever BLAS or numpy's pairwise summation would do."""
    rng = np.random.default_rng(2)
    n, m = 30, 20
    dense = rng.normal(size=(n, m)) * 10.0 ** rng.integers(-3, 4, size=(n, m))
    words = [{w: float(rng.normal()) for w in rng.choice(list("abcdefg"), size=int(rng.integers(0, 5)), replace=False)}
             for _ in range(n)]
    vocab = {w: j for j, w in enumerate("abcdef")}  # "g" is not in the vocabulary
    matrix = _Sparse.build(dense, words, vocab)
    w, g = rng.normal(size=(m + 6, 3)), rng.normal(size=(n, 3))
    entries = [(i, j, dense[i, j]) for i in range(n) for j in range(m)]
    entries += [(i, m + vocab[key], words[i][key]) for i in range(n) for key in sorted(words[i]) if key in vocab]
    entries.sort(key=lambda e: (e[0], e[1] >= m))  # stable: a row's dense terms, then its words in sorted order
    by_row, by_col = np.zeros((n, 3)), np.zeros((m + 6, 3))
    for i, j, v in entries:
        by_row[i] += v * w[j]
    for i, j, v in sorted(entries, key=lambda e: e[0]):
        by_col[j] += v * g[i]
    assert np.array_equal(matrix.dot(w), by_row) and np.array_equal(matrix.tdot(g), by_col)
    keep = np.arange(n) % 3 != 0
    assert np.array_equal(matrix.subset(keep).dot(w), by_row[keep])


def test_choose_band_is_the_best_band_labels_and_macro_f1_find():
    rng = np.random.default_rng(3)
    scores = np.round(rng.normal(scale=0.2, size=40), 2)
    scores[[3, 17]] = np.nan  # neither below nor above a band: neutral
    gold = rng.choice(["negative", "neutral", "positive", "unsure"], size=40).tolist()
    grid = np.round(np.arange(0.0, 0.3 + 0.025, 0.05), 6)
    best = max(((a, b) for a in grid for b in grid),  # the best F1; ties: the narrower, then the smaller low
               key=lambda ab: (round(macro_f1(gold, band_labels(scores, (-ab[0], ab[1])), classes=CLASSES), 12),
                               -(ab[0] + ab[1]), -ab[0]))
    assert choose_band(scores, gold, step=0.05, limit=0.3) == (-best[0], best[1])


def test_lbfgs_minimises_a_quadratic():
    a = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, -1.0])
    x = _lbfgs(lambda v: (0.5 * v @ a @ v - b @ v, a @ v - b), np.zeros(2))
    assert np.allclose(x, np.linalg.solve(a, b), atol=1e-6)


def test_fit_reaches_the_penalised_optimum_deterministically():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, 3))
    y = np.argmax(x @ rng.normal(size=(3, 3)) + rng.normal(scale=0.5, size=(60, 3)), axis=1)
    matrix = _Sparse.build(x, [{}] * 60, {})
    lam = 0.01
    theta = _fit(matrix, y, lam)
    assert np.array_equal(theta, _fit(matrix, y, lam))  # same data, same numbers
    w, b = theta[:9].reshape(3, 3), theta[9:]
    z = x @ w + b
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    g = (p - np.eye(3)[y]) / 60
    assert np.abs(x.T @ g + lam * w).max() < 1e-4 and np.abs(g.sum(axis=0)).max() < 1e-4  # gradient ~ 0


# ------------------------------------------------------------------------- the coefficient file


def test_shipped_coefficient_file():
    assert MODEL_PATH.stat().st_size < 1_000_000  # a small coefficient file (about 0.3 MB)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == "media-workbench/target-tone" and data["classes"] == list(CLASSES)
    assert len(data["training_data"]["sha256"]) == 64 and data["training_data"]["file"] == "train.jsonl"
    assert data["features"]["dense"] == _dense_names(data["spec"])
    assert data["features"]["words"] == len(data["weights"]["words"])
    cv = data["selection"]["cross_validation"]
    assert data["selection"]["chosen_lambda"] == max(cv, key=lambda r: (r["cv_macro_f1"], r["lambda"]))["lambda"]
    assert set(data["train_metrics"]) >= {"macro_f1", "accuracy", "cv_macro_f1"}
    assert data["trained"][:2] == "20"
    model = load_target_model()
    assert isinstance(model, TargetToneModel)
    assert model.bands["textblob"][0] <= 0 <= model.bands["textblob"][1]
    assert load_target_model() is model  # read once


def test_load_target_model_errors(tmp_path):
    with pytest.raises(LexiconError, match=r"none\.json: no such coefficient file; train one with"):
        load_target_model(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    with pytest.raises(LexiconError, match=r"bad\.json, field 'format': not a target-tone coefficient file"):
        load_target_model(bad)
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "format": \n')
    with pytest.raises(LexiconError, match=r"broken\.json, line 3: not valid JSON"):
        load_target_model(broken)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"]["dense"] = data["features"]["dense"][:-1]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data))
    with pytest.raises(LexiconError, match=r"field 'features.dense': the dense feature list does not match"):
        load_target_model(other)


def test_predictions_are_probabilities():
    texts = ["Critics slammed Smith for the failed plan.", "Smith won praise for the plan.", "Smith met Jones."]
    out = predict_target_tone(texts, [16, 0, 0], [21, 5, 5])
    assert out.columns.tolist() == ["target_polarity", "p_negative", "p_neutral", "p_positive", "label"]
    probs = out[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert np.allclose(out["target_polarity"], out["p_positive"] - out["p_negative"])
    assert out["label"].tolist() == [["negative", "neutral", "positive"][i] for i in probs.argmax(axis=1)]
    empty = predict_target_tone([], [], [])
    assert empty.empty and empty.columns.tolist() == out.columns.tolist()


# ------------------------------------------------------------------------------- training


def _tiny_training_file(path):
    templates = [
        ("{0} praised the good plan and won support.", 6.0),
        ("Critics slammed {0} for a terrible failure.", 2.0),
        ("{0} met officials on Tuesday.", 4.0),
    ]
    names = ["Smith", "Jones", "Brown", "Green", "White", "Black", "Young", "King", "Scott", "Hill", "Ward", "Cook"]
    lines = []
    for k, name in enumerate(names):
        for j, (template, polarity) in enumerate(templates):
            sentence = template.format(name)
            start = sentence.index(name)
            lines.append(json.dumps({"primary_gid": f"t_{k}_{k}_{j}_{name}", "sentence_normalized": sentence,
                                     "targets": [{"from": start, "to": start + len(name), "polarity": polarity}]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_and_cli_on_a_tiny_file(tmp_path, capsys):
    data = _tiny_training_file(tmp_path / "train.jsonl")
    content = train(data, lambdas=(0.01, 0.1))
    assert content == train(data, lambdas=(0.01, 0.1))  # deterministic
    assert content["training_data"]["targets"] == 36
    assert content["training_data"]["class_counts"] == {"negative": 12, "neutral": 12, "positive": 12}
    assert [r["lambda"] for r in content["selection"]["cross_validation"]] == [0.01, 0.1]
    assert content["train_metrics"]["macro_f1"] == 1.0  # three templates, perfectly separable
    assert "s:slammed" in content["weights"]["words"]  # seen with 12 targets >= min_count 10
    out = tmp_path / "model.json"
    assert main(["train", "--data", str(data), "--out", str(out)]) == 0
    assert "written:" in capsys.readouterr().out
    model = load_target_model(out)
    pred = predict_target_tone(["Critics slammed Adams for a terrible failure."], [16], [21], model=model)
    assert pred["label"].tolist() == ["negative"]
    assert main(["train", "--data", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2
    assert main(["--data", str(data), "--out", str(out)]) == 0  # `python -m analysis.validation.train_tone`


# ------------------------------------------------------------------------------- actor_tone


@pytest.fixture(scope="module")
def docs():
    return pd.DataFrame({
        "doc_id": ["d1"], "title": ["Netanyahu rebuffs Biden"],
        "text": ["Biden praised the deal. Critics accused Netanyahu of blocking aid."],
    })


def test_actor_tone_target_method(docs):
    table = wb.actor_tone(docs, actor_tone_method="target")
    assert table.columns.tolist()[-6:] == ["text", "target_polarity", "p_negative", "p_neutral", "p_positive", "label"]
    expected = predict_target_tone(table["text"].tolist(), table["start"].tolist(), table["end"].tolist())
    assert np.allclose(table["target_polarity"], expected["target_polarity"])
    assert table["label"].tolist() == expected["label"].tolist()
    summary = wb.actor_tone_by(table, n_boot=50)
    assert "mean_target_polarity" in summary.columns
    default = wb.actor_tone(docs)
    assert default.columns.tolist()[-2:] == ["polarity", "subjectivity"]
    assert wb.actor_tone(docs, actor_tone_method="sentence").equals(default)
    assert wb.actor_tone(docs, actor_tone_method="window", window=3).equals(wb.actor_tone(docs, window=3))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"actor_tone_method": "window"}, r"actor_tone_method='window' needs window=N"),
        ({"actor_tone_method": "target", "window": 3},
         r"actor_tone_method='target' scores the whole sentence; leave window=None"),
        ({"actor_tone_method": "target", "tone_engine": "vader"}, r"actor_tone_method='target' uses its own model"),
        ({"actor_tone_method": "bert"},
         r"actor_tone_method='bert': use 'sentence', 'window' \(with window=N\) or 'target'"),
    ],
)
def test_actor_tone_method_errors(docs, kwargs, message):
    with pytest.raises(InputError, match=message):
        wb.actor_tone(docs, **kwargs)


def test_shipped_coefficients_were_trained_with_todays_word_lists():
    # the spec (shifters, title lists from entities.yml, ...) is copied into the coefficient file at
    # training; a word added to those lists since then changes the features of new text but not the
    # weights. Needs no data, so it runs in every suite, not only the slow retraining test below.
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["spec"]
    today = json.loads(json.dumps(default_spec()))
    changed = sorted(key for key in set(shipped) | set(today) if shipped.get(key) != today.get(key))
    assert not changed, (
        f"word lists {changed} differ from the ones target_tone.json was trained with; "
        "retrain with `python -m analysis.validation.train_tone`, then `python -m analysis.validation`")


# --------------------------------------------------------------------------- the real data


@pytest.mark.slow
@pytest.mark.validation
def test_training_reproduces_the_shipped_coefficients(datasets_dir):
    path = datasets_dir / "newsmtsc" / "train.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found; NewsMTSC train.jsonl is needed to retrain the model")
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    # retrain at the shipped penalty only (the grid search is `python -m analysis.validation.train_tone`):
    # the same features, folds, fit, bands and document rule, in a fifth of the time
    chosen = shipped["selection"]["chosen_lambda"]
    fresh = json.loads(json.dumps(train(path, lambdas=[chosen])))
    assert fresh["training_data"] == shipped["training_data"]  # same file (sha256), same counts
    # exact: what the code decides from the file; within a tolerance: figures that floating-point
    # summation order (BLAS, threads, machine) can move in the 4th decimal
    for key in ("spec", "bands"):
        assert fresh[key] == shipped[key], key
    assert fresh["features"]["dense"] == shipped["features"]["dense"]
    assert fresh["features"]["words"] == shipped["features"]["words"]
    assert np.allclose(fresh["features"]["mean"], shipped["features"]["mean"], atol=1e-5)
    assert np.allclose(fresh["features"]["scale"], shipped["features"]["scale"], atol=1e-5)
    assert fresh["selection"]["chosen_lambda"] == shipped["selection"]["chosen_lambda"]
    [row] = fresh["selection"]["cross_validation"]
    [same] = [r for r in shipped["selection"]["cross_validation"] if r["lambda"] == chosen]
    assert abs(row["cv_macro_f1"] - same["cv_macro_f1"]) <= 0.002, (row, same)
    assert same["cv_macro_f1"] == max(r["cv_macro_f1"] for r in shipped["selection"]["cross_validation"])
    for key in ("macro_f1", "accuracy", "cv_macro_f1"):
        assert abs(fresh["train_metrics"][key] - shipped["train_metrics"][key]) <= 0.002, key
    doc_fresh, doc_shipped = fresh["document_level"], shipped["document_level"]
    assert (doc_fresh["score"], doc_fresh["lead_weight"], doc_fresh["groups"]) == (
        doc_shipped["score"], doc_shipped["lead_weight"], doc_shipped["groups"])
    assert np.abs(np.array(doc_fresh["band"]) - doc_shipped["band"]).max() <= 0.025  # one grid step
    assert abs(doc_fresh["macro_f1"] - doc_shipped["macro_f1"]) <= 0.002
    assert fresh["weights"]["words"].keys() == shipped["weights"]["words"].keys()
    for part in ("dense", "words"):
        a = np.array(list(fresh["weights"][part].values()))
        b = np.array(list(shipped["weights"][part].values()))
        assert np.abs(a - b).max() <= 0.005, part  # rounding to 3 decimals plus floating-point noise
    assert np.abs(np.array(fresh["weights"]["bias"]) - shipped["weights"]["bias"]).max() <= 0.005


@pytest.mark.validation
@pytest.mark.xdist_group("newsmtsc-devtest")
def test_target_tone_on_devtest_mt(newsmtsc_devtest):
    result = newsmtsc_devtest("target")
    print(f"\ntarget-aware tone on NewsMTSC devtest_mt: macro-F1 {result['macro_f1']:.4f}, "
          f"accuracy {result['accuracy']:.4f}, Krippendorff's alpha {result['krippendorff_alpha']:.4f}")
    assert result["macro_f1"] >= 0.60


def test_actor_document_tone(docs):
    table = wb.actor_tone(docs, actor_tone_method="target")
    out = wb.actor_document_tone(table, lead_weight=2.0, band=(-0.1, 0.1), score="mean_polarity")
    assert out.columns.tolist() == ["doc_id", "actor_id", "actor", "n_mentions", "mean_polarity", "share_negative",
                                    "share_positive", "net_share", "score", "label"]
    assert len(out) == table.groupby(["doc_id", "actor_id"]).ngroups
    first = table[table["actor_id"] == out["actor_id"].iloc[0]]
    weights = np.where(first["sentence_id"] <= 3, 2.0, 1.0)
    expected = np.sum(weights * first["target_polarity"]) / weights.sum()
    assert out["mean_polarity"].iloc[0] == pytest.approx(expected) and out["score"].iloc[0] == pytest.approx(expected)
    assert out["label"].tolist() == band_labels(out["score"], (-0.1, 0.1)).tolist()
    rule = load_target_model().meta["document_level"]
    default = wb.actor_document_tone(table)
    assert default.attrs["rule"]["band"] == tuple(rule["band"]) and default.attrs["rule"]["score"] == rule["score"]
    with pytest.raises(InputError, match=r"lacks column\(s\) p_negative, p_positive, label"):
        wb.actor_document_tone(wb.actor_tone(docs))


def test_analyze_measures_actor_tone_with_the_target_model_by_default(docs):
    result = wb.analyze(docs)
    assert result.meta["actor_tone_method"] == "target"
    expected = wb.actor_tone(docs, actor_tone_method="target")
    assert np.allclose(result.actor_tone["target_polarity"], expected["target_polarity"])
    assert "polarity" in result.tone.columns and "polarity" not in result.actor_tone.columns
    plain = wb.analyze(docs, actor_tone_method="sentence")
    assert plain.actor_tone.equals(wb.actor_tone(docs)) and plain.meta["key"] != result.meta["key"]
    with pytest.raises(InputError, match=r"actor_tone_method='bert': use 'target' or 'sentence'"):
        wb.analyze(docs, actor_tone_method="bert")


def test_training_names_moved_to_validation_with_deprecated_aliases():
    import analysis.target_tone as tt
    import analysis.validation.train_tone as tr

    for name in ("train", "main", "choose_band", "choose_document_rule", "write_model", "LAMBDAS"):
        with pytest.warns(DeprecationWarning, match=rf"^analysis\.target_tone\.{name} is deprecated .*; "
                                                    rf"use analysis\.validation\.train_tone\.{name} instead$"):
            assert getattr(tt, name) is getattr(tr, name)
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        tt.nope  # noqa: B018
    # the scoring module does not import the training code
    import ast
    from pathlib import Path

    tree = ast.parse(Path(tt.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(m and m.startswith("analysis.validation") for m in imported)


def test_scoring_helpers_agree_with_predict_and_reread_a_rewritten_file(tmp_path):
    from analysis.target_tone import model_from_dict, most_probable, softmax, target_probabilities

    model = load_target_model()
    texts = ["Critics slammed Adams for a terrible failure.", "Adams praised the brave nurses."]
    dense, words = target_features(texts, [16, 0], [21, 5], spec=model.spec)
    p = target_probabilities(model, dense, words)
    pred = predict_target_tone(texts, [16, 0], [21, 5])
    assert np.allclose(p, pred[["p_negative", "p_neutral", "p_positive"]].to_numpy())
    assert most_probable(p).tolist() == pred["label"].tolist()
    assert most_probable(np.array([[0.4, 0.4, 0.2], [0.4, 0.2, 0.4]])).tolist() == ["neutral", "negative"]
    assert np.allclose(softmax(np.array([[0.0, 0.0, math.log(2.0)]])), [[0.25, 0.25, 0.5]])
    content = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    with pytest.raises(LexiconError, match="<dict>, field 'format'"):
        model_from_dict({**content, "format": "other"})
    # a rewritten coefficient file is read again (the cache is keyed by the file's version)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    first = load_target_model(path)
    content["weights"]["bias"] = [5.0, -5.0]
    path.write_text(json.dumps(content) + " ", encoding="utf-8")
    again = load_target_model(path)
    assert again is not first and again.bias.tolist() == [5.0, -5.0]


def test_shipped_model_reads_a_fire_chief_like_any_chief():
    # rt16 F5: "Fire Chief Dana Whitlock thanked ..." scored -0.25 (negative), "Chief ..." +0.64; with the
    # title masked (the shipped spec holds the title lists) the three score the same, positive
    assert set(TITLE_LISTS) <= set(load_target_model().spec)
    tail = "Dana Whitlock thanked the volunteers for their help."
    texts = [title + tail for title in ("Fire Chief ", "Chief ", "Police Chief ", "")]
    starts = [t.index("Dana") for t in texts]
    out = predict_target_tone(texts, starts, [s + 13 for s in starts])
    assert out["target_polarity"].nunique() == 1 and out["label"].tolist() == ["positive"] * 4
    assert round(float(out["target_polarity"].iloc[0]), 2) == 0.91
