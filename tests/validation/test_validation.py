"""Validation: agreement statistics on worked examples from the literature, NewsMTSC- and
narrative-framing-format scoring on tiny hand-computed files, the coding round trip (CSV and xlsx),
the methods card, the report notebook's conventions, and (marked validation) the figures on the
real data sets."""

from __future__ import annotations

import json
import math
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError, LexiconError
from analysis.target_tone import load_target_model
from analysis.validation import (
    agreement,
    classification_scores,
    cohen_kappa,
    confusion_figure,
    dataset_files,
    krippendorff_alpha,
    load_validation_figures,
    methods_card,
    narrative_frames,
    newsmtsc,
    read_codes,
    read_narrative_frames,
    read_newsmtsc,
    reference_figures,
    tone_summary,
    workbench_codes,
    worst_errors,
)
from rendering import on_report

REPO = Path(__file__).resolve().parents[2]


def long_codes(table: dict[str, list]) -> pd.DataFrame:
    """{coder: [value per unit]} -> long codes (unit 1..n, coder, value); None = not coded."""
    return pd.DataFrame(
        [(u + 1, coder, v) for coder, values in table.items() for u, v in enumerate(values) if v is not None],
        columns=["unit", "coder", "value"],
    )


# ---------------------------------------------------------------------------------- agreement

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
# Communication, University of Pennsylvania. Example C: 4 observers, 12 units, values 1-5, missing
# data. Reported: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
KRIPPENDORFF_C = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}

# Same paper, example A: two observers, binary data, no missing values. Reported alpha 0.095.
KRIPPENDORFF_A = {"A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]}


@pytest.mark.parametrize("level, expected", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_krippendorff_alpha_matches_krippendorff_2011_example_c(level, expected):
    out = agreement(long_codes(KRIPPENDORFF_C), measurement=level)
    assert len(out) == 1 and "variable" not in out.columns
    row = out.iloc[0]
    assert round(row["krippendorff_alpha"], 3) == expected
    assert (row["level"], row["n_units"], row["n_pairable"], row["n_coders"], row["n_values"]) == (level, 12, 11, 4, 41)
    # pairs agreeing within units / all pairs: 86 / 110 (counted by hand, unit 12 not pairable)
    assert row["percent_agreement"] == pytest.approx(86 / 110)
    assert math.isnan(row["cohen_kappa"])  # four coders


def test_krippendorff_alpha_binary_two_coders_example_a_and_its_kappa():
    codes = long_codes(KRIPPENDORFF_A)
    assert round(krippendorff_alpha(codes), 3) == 0.095
    # kappa by hand: p_o = 0.6, p_e = 0.8 * 0.6 + 0.2 * 0.4 = 0.56 -> (0.6 - 0.56) / 0.44 = 1/11
    assert cohen_kappa(codes) == pytest.approx(1 / 11)


def test_cohen_kappa_wikipedia_example():
    # Wikipedia, "Cohen's kappa", worked example: 50 proposals, both yes 20, A yes/B no 5,
    # A no/B yes 10, both no 15 -> p_o = 0.7, p_e = 0.5, kappa = 0.4.
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    codes = pd.DataFrame(
        [(i, coder, v) for i, pair in enumerate(pairs) for coder, v in zip("AB", pair)], columns=["unit", "coder", "value"]
    )
    row = agreement(codes).iloc[0]
    assert row["cohen_kappa"] == pytest.approx(0.4)
    assert row["percent_agreement"] == pytest.approx(0.7)
    assert (row["n_units"], row["n_pairable"], row["n_coders"]) == (50, 50, 2)


def test_agreement_per_variable_with_levels_and_custom_column_names():
    codes = pd.concat([
        long_codes(KRIPPENDORFF_C).assign(variable="scale"),
        long_codes(KRIPPENDORFF_A).assign(variable="binary"),
    ]).rename(columns={"unit": "item", "coder": "who", "value": "code"})
    out = agreement(codes, unit_column="item", coder_column="who", value_column="code", measurement={"scale": "interval"})
    assert out["variable"].tolist() == ["scale", "binary"]
    assert out["level"].tolist() == ["interval", "nominal"]
    assert [round(a, 3) for a in out["krippendorff_alpha"]] == [0.849, 0.095]
    assert out["cohen_kappa"].isna().tolist() == [True, False]


def test_agreement_tone_labels_are_ordered_for_ordinal_alpha():
    words = {"A": ["negative", "neutral", "positive", "neutral"], "B": ["neutral", "neutral", "positive", "negative"]}
    numbers = {c: [{"negative": -1, "neutral": 0, "positive": 1}[v] for v in vs] for c, vs in words.items()}
    assert krippendorff_alpha(long_codes(words), measurement="ordinal") == pytest.approx(
        krippendorff_alpha(long_codes(numbers), measurement="ordinal"))


def test_agreement_undefined_and_missing_values():
    same = long_codes({"A": [1, 1, 1], "B": [1, 1, None]})
    row = agreement(same).iloc[0]
    assert math.isnan(row["krippendorff_alpha"])  # no variation: alpha undefined
    assert row["percent_agreement"] == 1.0 and row["n_pairable"] == 2
    with_na = long_codes({"A": [1, 2, 1], "B": [1, 2, 2]})
    with_na.loc[len(with_na)] = [4, "A", np.nan]  # a missing value is "not coded"
    assert agreement(with_na).iloc[0]["n_units"] == 3


def test_agreement_errors_name_the_problem():
    codes = long_codes({"A": [1, 2], "B": [1, 2]})
    twice = pd.concat([codes, codes.iloc[[0]]])
    with pytest.raises(InputError, match=r"coder 'A' gave unit 1 more than one value"):
        agreement(twice)
    with pytest.raises(InputError, match=r"the codes table lacks column\(s\) rater \(the coder_column= column\)"):
        agreement(codes, coder_column="rater")
    with pytest.raises(InputError, match=r"measurement='fuzzy': use one of 'nominal', 'ordinal'"):
        agreement(codes, measurement="fuzzy")
    words = long_codes({"A": ["red", "blue"], "B": ["red", "red"]})
    with pytest.raises(InputError, match=r"measurement='ordinal' needs ordered values.*'red'"):
        agreement(words, measurement="ordinal")


# ----------------------------------------------------------------------------------- NewsMTSC

TINY_NEWSMTSC = [
    {"primary_gid": "t_1_1_0_Alice", "sentence_normalized": "Alice made a good plan.",
     "targets": [{"from": 0, "to": 5, "mention": "Alice", "polarity": 6.0}]},
    {"primary_gid": "t_1_1_1_Bob", "sentence_normalized": "Bob made a bad plan with Carol.",
     "targets": [{"from": 0, "to": 3, "mention": "Bob", "polarity": 2.0},
                 {"from": 25, "to": 30, "mention": "Carol", "polarity": 4.0}]},
    {"primary_gid": "t_1_1_2_Dan", "sentence_normalized": "Dan met Eve on Monday.",
     "targets": [{"from": 0, "to": 3, "polarity": 4.0}, {"from": 8, "to": 11, "mention": "Eve", "polarity": 6.0}]},
]


@pytest.fixture()
def tiny_newsmtsc(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in TINY_NEWSMTSC) + "\n\n", encoding="utf-8")
    return path


def test_read_newsmtsc_rows(tiny_newsmtsc):
    table = read_newsmtsc(tiny_newsmtsc)
    assert table["mention"].tolist() == ["Alice", "Bob", "Carol", "Dan", "Eve"]
    assert table["gold"].tolist() == ["positive", "negative", "neutral", "neutral", "positive"]
    assert table["line"].tolist() == [1, 2, 2, 3, 3] and table["n_targets"].tolist() == [1, 2, 2, 2, 2]


def test_newsmtsc_textblob_exact_figures(tiny_newsmtsc):
    # TextBlob polarity: 0.7, -0.7, 0.0 -> predicted positive, negative, negative, neutral, neutral
    # against gold positive, negative, neutral, neutral, positive.
    result = newsmtsc(tiny_newsmtsc, method="textblob", band=(0, 0))
    assert result["predictions"]["predicted"].tolist() == ["positive", "negative", "negative", "neutral", "neutral"]
    assert (result["n_sentences"], result["n_targets"], result["band"]) == (3, 5, (0.0, 0.0))
    # F1: negative 2/3 (tp 1, fp 1), neutral 1/2 (tp 1, fp 1, fn 1), positive 2/3 (tp 1, fn 1)
    assert result["macro_f1"] == pytest.approx(11 / 18)
    assert result["accuracy"] == pytest.approx(3 / 5)
    # kappa: p_o = 0.6, p_e = (1*2 + 2*2 + 2*1) / 25 = 0.32 -> 0.28 / 0.68
    assert result["cohen_kappa"] == pytest.approx(7 / 17)
    # nominal alpha: n = 10 values, n_c = 3, 4, 3, 4 disagreeing pairs -> 1 - 9 * 4 / (100 - 34)
    assert result["krippendorff_alpha"] == pytest.approx(5 / 11)
    # ordinal alpha: delta(neg, neu) = delta(neu, pos) = 3.5^2, delta(neg, pos) = 7^2 -> 1 - 9 * 49 / 1470
    assert result["krippendorff_alpha_ordinal"] == pytest.approx(0.7)
    per = result["per_class"].set_index("class")
    assert per.loc["negative", ["precision", "recall", "support", "predicted"]].tolist() == [0.5, 1.0, 1, 2]
    assert per.loc["positive", ["precision", "recall", "f1"]].tolist() == pytest.approx([1.0, 0.5, 2 / 3])
    conf = result["confusion"]
    assert len(conf) == 9 and conf["n"].sum() == 5
    assert conf.set_index(["gold", "predicted"]).loc[("neutral", "negative"), "n"] == 1
    # the shipped band (chosen on NewsMTSC train) is used by default and gives the same classes here
    default = newsmtsc(tiny_newsmtsc, method="textblob")
    assert default["band"] == load_target_model().bands["textblob"]
    assert default["macro_f1"] == pytest.approx(11 / 18)


def test_newsmtsc_target_and_vader_run_on_any_file(tiny_newsmtsc):
    result = newsmtsc(tiny_newsmtsc, method="target")
    p = result["predictions"]
    assert result["band"] is None and len(p) == 5
    assert set(p["predicted"]) <= {"negative", "neutral", "positive"}
    assert (p["score"].abs() <= 1).all()
    assert result["accuracy"] == pytest.approx(float((p["gold"] == p["predicted"]).mean()))
    vader = newsmtsc(tiny_newsmtsc, method="vader")
    assert vader["band"] == load_target_model().bands["vader"]
    with pytest.raises(InputError, match=r"method='bert': use one of 'textblob', 'vader', 'target'"):
        newsmtsc(tiny_newsmtsc, method="bert")
    with pytest.raises(InputError, match=r"band=\(0.1, 0.2\): give \(low, high\) with low <= 0 <= high"):
        newsmtsc(tiny_newsmtsc, band=(0.1, 0.2))


def test_worst_errors_summary_and_figure(tiny_newsmtsc):
    result = newsmtsc(tiny_newsmtsc, method="textblob", band=(0, 0))
    worst = worst_errors(result, n=5)
    assert worst["mention"].tolist() == ["Carol", "Eve"]  # no opposite errors; |-0.7| before |0.0|
    assert worst["error"].tolist() == ["neutral confusion"] * 2
    assert worst.columns.tolist() == ["sentence", "mention", "gold", "predicted", "score", "error", "line"]
    summary = tone_summary(result)
    assert summary[["method", "file", "n_targets"]].values.tolist() == [["textblob", "tiny.jsonl", 5]]
    assert summary["band"].tolist() == ["[0, 0]"]
    fig = confusion_figure(result, title="<script>alert(1)</script>")
    heat = fig.data[0]
    assert list(heat.x) == ["negative", "neutral", "positive"] and list(heat.y) == list(heat.x)
    assert heat.text[1][0] == "1<br>50%"  # gold neutral read as negative: 1 of 2
    assert "<script>" not in fig.layout.title.text and "&lt;script&gt;" in fig.layout.title.text
    rows = reference_figures(result)
    assert rows["source"].tolist()[:4] == ["Hamborg & Donnay 2021"] * 2 + ["van Atteveldt, van der Velden & Boukes 2021"] * 2
    assert rows.iloc[1][["metric", "low"]].tolist() == ["macro_f1", 0.825]
    assert rows.iloc[-2]["low"] == pytest.approx(11 / 18)


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", r"bad\.jsonl, line 2: not valid JSON"),
        ('{"sentence_normalized": "Al is here.", "targets": [{"from": 0, "to": 2, "mention": "Bo", "polarity": 2}]}',
         r"bad\.jsonl, line 2, target 1, field 'mention': 'Bo' differs from the sentence's characters 0..2 \('Al'\)"),
        ('{"sentence_normalized": "Al is here.", "targets": [{"from": 0, "to": 2, "polarity": 5}]}',
         r"line 2, target 1, field 'polarity': 5 is not a NewsMTSC polarity"),
        ('{"sentence_normalized": "Al.", "targets": [{"from": 0, "to": 9, "polarity": 2}]}',
         r"line 2, target 1, fields 'from'/'to': 0..9 is not a span of the 3-character sentence"),
        ('{"sentence_normalized": "Al.", "targets": []}', r"line 2, field 'targets': missing or empty"),
    ],
)
def test_read_newsmtsc_errors(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(TINY_NEWSMTSC[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_newsmtsc(path)


def test_classification_scores_rejects_unknown_labels():
    with pytest.raises(InputError, match=r"unknown class 'mixed'"):
        classification_scores(["negative"], ["mixed"])


# --------------------------------------------------------------------------- narrative framing

TINY_CODEBOOK = {
    "codebook": "tiny",
    "frames": [
        {"id": "conflict", "label": "Conflict", "terms": ["fight"]},
        {"id": "economic", "label": "Economic", "terms": ["cost*"]},
    ],
}


@pytest.fixture()
def tiny_frames(tmp_path):
    rows = [
        "ID\tsource\tmbfc\tdate\ttext\tRE\tHI\tCO\tMO\tEC",
        "1\tx\tleft\t2019-01-01\tThey fight over costs.\tFalse\tFalse\tTrue\tFalse\tTrue",
        "2\tx\tleft\t2019-01-01\tA quiet day with costs.\tFalse\tFalse\tFalse\tFalse\tFalse",
        "3\tx\tleft\t2019-01-01\tThe fight goes on.\tTrue\tFalse\tFalse\tFalse\tTrue",
        "4\tx\tleft\t2019-01-01\tCostly plans.\tFalse\tFalse\tTrue\tFalse\tFalse)",
        "5\tx\tleft\t2019-01-01\tFight!\t\t\t\t\t",
    ]
    path = tmp_path / "frames.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_narrative_frames_exact_figures_and_quirks(tiny_frames):
    out = narrative_frames(tiny_frames, codebook=TINY_CODEBOOK)
    assert out.columns.tolist()[:6] == ["frame", "code", "precision", "recall", "f1", "support"]
    assert out["frame"].tolist() == ["conflict", "economic"] and out["code"].tolist() == ["CO", "EC"]
    # conflict: gold T F F T, found T F T F -> tp 1, fp 1, fn 1
    conflict = out.iloc[0]
    assert (conflict["precision"], conflict["recall"], conflict["f1"], conflict["support"], conflict["n"]) == (0.5, 0.5, 0.5, 2, 4)
    # economic: gold T F T F ("False)" read as False), found T T F T -> tp 1, fp 2, fn 1
    economic = out.iloc[1]
    assert economic["precision"] == pytest.approx(1 / 3) and economic["recall"] == 0.5
    assert economic["f1"] == pytest.approx(0.4) and economic["predicted"] == 3
    assert out.attrs["skipped_rows"] == 1 and out.attrs["n_documents"] == 4
    actions = [(n["row"], n["action"]) for n in out.attrs["notes"]]
    assert actions == [(4, "read leniently as False"), (5, "skipped row: no frame codes")]
    held = narrative_frames(tiny_frames, codebook=TINY_CODEBOOK, held_out=True)  # only ID 3
    assert held["n"].tolist() == [1, 1] and held["f1"].tolist()[1] == 0.0


def test_frame_errors_exact_with_lead_weights(tiny_frames):
    from analysis.validation import frame_errors

    book = {"codebook": "tiny", "frames": [
        {"id": "conflict", "label": "Conflict", "terms": ["fight"]},
        {"id": "economic", "label": "Economic", "terms": ["cost*"], "threshold": 2, "lead_sentences": 1,
         "lead_weight": 2}]}
    out = frame_errors(tiny_frames, codebook=book, held_out=False, n=2)
    assert out.columns.tolist() == ["doc_id", "frame", "error", "hits", "weighted_hits", "threshold", "terms", "opening"]
    # a single "costs" in the first sentence counts twice and reaches economic's threshold of 2
    assert out[["doc_id", "frame", "error", "hits", "weighted_hits", "threshold", "terms"]].values.tolist() == [
        ["2", "economic", "false positive", 1, 2, 2, "cost* (1)"],
        ["4", "economic", "false positive", 1, 2, 2, "cost* (1)"],
        ["3", "economic", "false negative", 0, 0, 2, ""],
        ["4", "conflict", "false negative", 0, 0, 1, ""],
    ]
    assert frame_errors(tiny_frames, codebook=book, held_out=False, n=0).empty


def test_read_narrative_frames_tables_and_errors(tmp_path, tiny_frames):
    docs, gold, notes = read_narrative_frames(tiny_frames)
    assert docs["doc_id"].tolist() == ["1", "2", "3", "4"] and (docs["title"] == "").all()
    assert len(gold) == 20 and gold.columns.tolist() == ["doc_id", "frame_id", "present"]
    assert notes["action"].tolist() == ["read leniently as False", "skipped row: no frame codes"]
    bad = tmp_path / "bad.tsv"
    bad.write_text(tiny_frames.read_text().replace("Costly plans.\tFalse", "Costly plans.\tmaybe"), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv, row 4 \(ID 4\), column 'RE': 'maybe' is not a frame code; use True or False"):
        read_narrative_frames(bad)
    no_text = tmp_path / "no_text.tsv"
    no_text.write_text("ID\tCO\n1\tTrue\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no_text\.tsv: no column 'text'"):
        read_narrative_frames(no_text)
    with pytest.raises(InputError, match=r"has none of the frames conflict"):
        narrative_frames(tiny_frames, codebook={"frames": [{"id": "other", "label": "Other", "terms": ["x"]}]})


def test_dataset_files_says_what_is_missing(tmp_path):
    with pytest.raises(InputError, match=r"devtest_mt\.jsonl: no such file; pass datasets=.*MEDIA_WORKBENCH_DATASETS"):
        dataset_files(tmp_path)


# ------------------------------------------------------------------------------ coding round trip


@pytest.fixture(scope="module")
def tiny_analysis():
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "title": ["", "", ""],
        "text": ["One battle. Two. Three. Four. Five.", "Only one.", "=SUM(1) is good. Second one. Third one."],
        "outlet": ["X", "Y", "X"],
    })
    return wb.analyze(docs)


def test_coding_sample_stratified_equal_allocation_and_seed(tiny_analysis):
    # strata (documents) of 5, 1 and 3 sentences, n = 6: 2 each, b has only 1, the remainder goes to
    # the stratum with the most units left (a) -> a 3, b 1, c 2
    sample = wb.validation.coding_sample(tiny_analysis, n=6, stratify_by="doc_id")
    assert sample["doc_id"].value_counts().to_dict() == {"a": 3, "c": 2, "b": 1}
    assert sample.equals(wb.validation.coding_sample(tiny_analysis, n=6, stratify_by="doc_id"))
    assert sample.columns.tolist() == [
        "unit_id", "doc_id", "sentence_id", "section", "text", "tone", "frame_conflict", "frame_human_interest",
        "frame_economic", "frame_morality", "frame_responsibility", "note"]
    assert (sample["tone"] == "").all() and sample["unit_id"].is_unique
    by_outlet = wb.validation.coding_sample(tiny_analysis, n=2, stratify_by="outlet")
    assert by_outlet["doc_id"].map({"a": "X", "b": "Y", "c": "X"}).value_counts().to_dict() == {"X": 1, "Y": 1}
    everything = wb.validation.coding_sample(tiny_analysis, n=100, unit="document")
    assert sorted(everything["unit_id"]) == ["a", "b", "c"]
    mentions_free = wb.validation.coding_sample(tiny_analysis, n=3, unit="mention")
    assert mentions_free.empty and mentions_free.columns.tolist()[-2:] == ["tone", "note"]
    with pytest.raises(InputError, match=r"stratify_by='colour': not a column"):
        wb.validation.coding_sample(tiny_analysis, stratify_by="colour")
    with pytest.raises(InputError, match=r"unit='paragraph': use one of 'sentence', 'document', 'mention'"):
        wb.validation.coding_sample(tiny_analysis, unit="paragraph")
    with pytest.raises(InputError, match=r"pass the Analysis"):
        wb.validation.coding_sample(pd.DataFrame())


def _fill(sample: pd.DataFrame, tones: list[str], conflict: list[str]) -> pd.DataFrame:
    filled = sample.copy()
    filled["tone"] = tones
    filled["frame_conflict"] = conflict
    return filled


def test_coding_round_trip_csv(tmp_path, tiny_analysis):
    path = tmp_path / "sample.csv"
    sample = wb.validation.coding_sample(tiny_analysis, n=3, seed=1, path=path)
    written = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert written["unit_id"].tolist() == sample["unit_id"].tolist()
    formula = written.loc[written["unit_id"] == "c:1", "text"]
    assert formula.tolist() in ([], ["'=SUM(1) is good."])  # spreadsheet-safe when sampled
    ids = sample["unit_id"].tolist()
    _fill(written, ["Negative", " neutral", ""], ["yes", "0", "X"]).to_csv(tmp_path / "anna.csv", index=False)
    codes = read_codes(tmp_path / "anna.csv")
    assert codes.values.tolist() == [
        [ids[0], "anna", "tone", "negative"], [ids[0], "anna", "frame_conflict", "yes"],
        [ids[1], "anna", "tone", "neutral"], [ids[1], "anna", "frame_conflict", "no"],
        [ids[2], "anna", "frame_conflict", "yes"],
    ]
    _fill(written, ["negative", "positive", "neutral"], ["yes", "yes", "yes"]).to_csv(tmp_path / "ben.csv", index=False)
    both = pd.concat([codes, read_codes(tmp_path / "ben.csv", coder="Ben")])
    table = agreement(both).set_index("variable")
    assert table.loc["tone", ["n_units", "n_pairable", "n_coders"]].tolist() == [3, 2, 2]
    assert table.loc["tone", "percent_agreement"] == 0.5
    assert table.loc["frame_conflict", "percent_agreement"] == pytest.approx(2 / 3)


def test_coding_round_trip_xlsx(tmp_path, tiny_analysis):
    from openpyxl import load_workbook

    path = tmp_path / "sample.xlsx"
    sample = wb.validation.coding_sample(tiny_analysis, n=9, path=path)
    book = load_workbook(path)
    assert book.sheetnames == ["units", "codebook"]
    units, guide = book["units"], book["codebook"]
    header = [c.value for c in units[1]]
    assert header == sample.columns.tolist()
    formula_row = [r for r in units.iter_rows(min_row=2) if r[0].value == "c:1"][0]
    assert formula_row[header.index("text")].value == "=SUM(1) is good." and formula_row[header.index("text")].data_type == "s"
    allowed = {r[0]: r[2] for r in guide.iter_rows(min_row=2, values_only=True)}
    assert allowed["tone"] == "negative, neutral, positive" and allowed["frame_morality"] == "yes, no"
    assert allowed["text"] in (None, "")
    assert {str(v.sqref) for v in units.data_validations.dataValidation} >= {"F2:F10"}
    tone_col = header.index("tone") + 1
    units.cell(row=2, column=tone_col, value="positive")
    units.cell(row=3, column=tone_col, value="NEGATIVE")
    units.cell(row=4, column=header.index("frame_economic") + 1, value=True)
    book.save(tmp_path / "cara.xlsx")
    codes = read_codes(tmp_path / "cara.xlsx")
    ids = sample["unit_id"].tolist()
    assert codes.values.tolist() == [
        [ids[0], "cara", "tone", "positive"], [ids[1], "cara", "tone", "negative"],
        [ids[2], "cara", "frame_economic", "yes"],
    ]
    units.cell(row=5, column=tone_col, value="angry")
    units.cell(row=6, column=header.index("frame_morality") + 1, value="perhaps")
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as error:
        read_codes(tmp_path / "bad.xlsx")
    message = str(error.value)
    assert "bad.xlsx: row 5, column 'tone' (F): 'angry' is not allowed; use one of negative, neutral, positive" in message
    assert "bad.xlsx: row 6, column 'frame_morality' (J): 'perhaps' is not allowed; use one of yes, no" in message


def test_read_codes_errors(tmp_path):
    (tmp_path / "a.csv").write_text("id,tone\n1,negative\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv: no 'unit_id' column"):
        read_codes(tmp_path / "a.csv")
    (tmp_path / "b.csv").write_text("unit_id,tone\nu1,negative\nu1,neutral\n,positive\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_codes(tmp_path / "b.csv")
    assert "b.csv: row 3, column 'unit_id' (A): 'u1' already on row 2" in str(error.value)
    assert "row 4, column 'unit_id' (A): blank" in str(error.value)
    with pytest.raises(InputError, match=r"c\.txt: read a coding sheet saved as \.csv or \.xlsx"):
        (tmp_path / "c.txt").write_text("x")
        read_codes(tmp_path / "c.txt")
    with pytest.raises(InputError, match=r"no such coding sheet"):
        read_codes(tmp_path / "missing.csv")


def test_workbench_codes_for_a_sample(tiny_analysis):
    sample = wb.validation.coding_sample(tiny_analysis, n=9)
    codes = workbench_codes(tiny_analysis, sample).set_index(["unit", "variable"])["value"]
    assert codes[("a:1", "frame_conflict")] == "yes"  # "battle" is a conflict term ("fight" needs two named actors)
    assert codes[("b:1", "frame_conflict")] == "no"
    assert codes[("c:1", "tone")] == "positive"  # TextBlob 0.7 > 0.075
    assert codes[("b:1", "tone")] == "neutral"
    docs = workbench_codes(tiny_analysis, wb.validation.coding_sample(tiny_analysis, n=3, unit="document"))
    assert set(docs["variable"]) == {"frame_conflict", "frame_human_interest", "frame_economic", "frame_morality",
                                     "frame_responsibility"}  # no document-level tone code


# -------------------------------------------------------------------------------- methods card

FIGURES = {
    "format": "media-workbench/validation-figures", "schema_version": 2, "package_version": "9.9",
    "created": "2000-01-01",
    "datasets": {"newsmtsc_test": {"file": "devtest_mt.jsonl", "targets": 1476, "sentences": 721}},
    "measures": {
        "tone": {"methods": {"textblob": {"macro_f1": 0.4, "accuracy": 0.44, "krippendorff_alpha": 0.11, "band": [0.0, 0.075]},
                             "vader": {"macro_f1": 0.51}}},
        "actor_tone": {"methods": {"sentence": {"macro_f1": 0.4}, "target": {"macro_f1": 0.633, "accuracy": 0.66,
                                                                             "krippendorff_alpha": 0.46}},
                       "reference": {"newsmtsc_best_model_macro_f1_multi_target": 0.825,
                                     "newsmtsc_best_model_macro_f1_real_world": 0.831},
                       "document_level": {"groups": 700, "rule": {"score": "mean_polarity", "lead_weight": 2.0,
                                                                  "band": [-0.1, 0.2]},
                                          "methods": {"target": {"macro_f1": 0.61, "accuracy": 0.6, "krippendorff_alpha": 0.4},
                                                      "textblob": {"macro_f1": 0.39, "accuracy": 0.4,
                                                                   "krippendorff_alpha": 0.1}}},
                       "worst_errors": [{"sentence": "A | <i>b</i>", "mention": "A", "gold": "negative",
                                         "predicted": "positive", "score": 0.71, "error": "opposite", "line": 3}]},
        "frames": {"codebook": "<b>bold</b>", "held_out": {"n_documents": 96, "frames": {
            "human_interest": {"f1": 0.43, "f1_all_present": 0.17, "precision": 0.6, "recall": 0.33},
            "conflict": {"f1": 0.70, "f1_all_present": 0.72, "precision": 0.6, "recall": 0.83}}}},
    },
}


def test_methods_card_reports_figures_and_escapes_text():
    card = methods_card(figures=FIGURES)
    assert isinstance(card, str) and card._repr_markdown_() == str(card)
    assert "macro-F1 0.40 (accuracy 0.44, Krippendorff's alpha 0.11); VADER: macro-F1 0.51" in card
    assert "negative below 0, positive above 0.075" in card
    assert ("measured by the target-aware model (the default of analyze(); actor_tone(actor_tone_method='target'), trained on "
            "NewsMTSC train only): macro-F1 0.63") in card
    assert "TextBlob on the whole sentence reaches 0.40" in card
    assert "(wb.actor_document_tone" in card and "macro-F1 0.61 on 700 article-person units" in card
    assert "1,476 person targets in 721 news sentences" in card
    assert "human interest 0.43 (always-present floor 0.17)" in card
    assert "&lt;b&gt;bold&lt;/b&gt;" in card and "<b>" not in card
    assert "wb.validation.coding_sample(result, n=200, path='sample.xlsx')" in card and "wb.validation.agreement(codes)" in card
    assert "2000-01-01 (version 9.9" in card
    only_frames = methods_card(("frames",), figures=FIGURES, format="html")
    assert only_frames.startswith('<div class="methods-card">') and "Tone" not in only_frames
    assert only_frames._repr_html_() == str(only_frames) and "&lt;b&gt;" in only_frames
    with pytest.raises(InputError, match=r"unknown measure 'voice'"):
        methods_card(("voice",), figures=FIGURES)


def test_shipped_validation_figures_are_versioned_and_complete():
    figures = load_validation_figures()
    assert figures["schema_version"] == 2 and figures["package_version"]
    assert set(figures["measures"]) == {"tone", "actor_tone", "frames"}
    assert len(figures["datasets"]["newsmtsc_test"]["sha256"]) == 64
    assert figures["models"]["target_tone"]["sha256"] == load_target_model().sha256
    assert figures["measures"]["actor_tone"]["methods"]["target"]["macro_f1"] >= 0.60
    assert "Tone toward actors" in methods_card()


def test_load_validation_figures_errors(tmp_path):
    bad = tmp_path / "v.json"
    bad.write_text('{"format": "other"}')
    with pytest.raises(LexiconError, match=r"v\.json, field 'format': not a validation-figures file"):
        load_validation_figures(bad)
    with pytest.raises(LexiconError, match=r"no validation figures; write it with `python -m analysis.validation"):
        load_validation_figures(tmp_path / "none.json")


def test_method_note_names_the_method_and_its_figure():
    from analysis.validation import method_note, method_notes

    assert method_note("actor_tone", figures=FIGURES) == (
        "Tone toward actors (actor_tone table, target_polarity): target-aware model, macro-F1 0.63 on NewsMTSC "
        "test sentences (TextBlob on the whole sentence: 0.40).")
    assert "macro-F1 0.61 on NewsMTSC article-person units" in method_note("actor_document_tone", figures=FIGURES)
    assert "held-out macro-F1 0.56" in method_note("frames", figures=FIGURES)  # mean of 0.43 and 0.70
    assert method_notes(figures=FIGURES)["measure"].tolist() == ["tone", "actor_tone", "actor_document_tone", "frames"]
    with pytest.raises(InputError, match="unknown measure 'voice'"):
        method_note("voice", figures=FIGURES)


def test_readme_validity_section_is_generated_between_markers(tmp_path):
    from analysis.validation.readme import END, START, update_readme, validity_section

    text = validity_section(FIGURES)
    assert "| target-aware model (the `actor_tone` table of `analyze()`, default) | **0.63** | 0.66 | 0.46 |" in text
    assert "| conflict | 0.60 | 0.83 | 0.70 | 0.72 |" in text
    assert "Not clearly better (by more than 0.05) than calling the frame present in every article: conflict." in text
    assert '"A \\| &lt;i&gt;b&lt;/i&gt;"' in text  # pipes and HTML in quoted sentences are escaped
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\nintro\n{START}\nOBSOLETE\n{END}\n\noutro\n", encoding="utf-8")
    update_readme(FIGURES, readme)
    new = readme.read_text(encoding="utf-8")
    assert new.startswith("# x\n\nintro\n" + START + "\n**Tone toward persons**") and new.endswith(END + "\n\noutro\n")
    assert "OBSOLETE" not in new
    update_readme(FIGURES, readme)
    assert readme.read_text(encoding="utf-8") == new  # idempotent
    readme.write_text("no markers", encoding="utf-8")
    with pytest.raises(InputError, match="no validity markers"):
        update_readme(FIGURES, readme)


def test_readme_frame_evidence_and_worst_errors():
    import copy

    from analysis.validation.readme import validity_section

    figures = copy.deepcopy(FIGURES)
    figures["measures"]["frames"]["training_cv"] = {"articles": 193, "folds": 5, "repeats": 5, "frames": {
        "conflict": {"f1_all_present": 0.775, "cv_f1_weighted_hits": 0.812, "cv_f1_hits": 0.81},
        "human_interest": {"f1_all_present": 0.196, "cv_f1_weighted_hits": 0.427, "cv_f1_hits": None}}}
    figures["measures"]["frames"]["worst_errors"] = [
        {"doc_id": "12", "frame": "human_interest", "error": "false positive", "hits": 5, "weighted_hits": 9,
         "threshold": 2, "terms": "a (3); b | c (1); d (1); e (1); f (1); g (1)", "opening": "Floods <b>hit</b>"},
        {"doc_id": "15", "frame": "conflict", "error": "false negative", "hits": 0, "weighted_hits": 0,
         "threshold": 1, "terms": "", "opening": "Calm"}]
    text = validity_section(figures)
    assert ("Per-frame evidence on the 193 tuning articles (5-fold cross-validation, threshold chosen on the other "
            "folds, mean of 5 fold assignments), F1 of the shipped rule (lead hits weighted): conflict 0.81 (raw hits "
            "0.81, always present 0.78); human interest 0.43 (raw hits n/a, always present 0.20).") in text
    assert ('- article 12, *human interest* — false positive (9 weighted hits, threshold 2; terms: a (3); b \\| c (1); '
            'd (1); e (1); f (1)): "Floods &lt;b&gt;hit&lt;/b&gt;..."') in text
    assert '- article 15, *conflict* — false negative (0 weighted hits, threshold 1; terms: none): "Calm..."' in text
    assert "Per-frame evidence" not in validity_section(FIGURES)  # older figures files: the lines are left out


def test_readme_term_evidence_counts_the_wildcard_words():
    import copy

    from analysis.validation.readme import validity_section

    figures = copy.deepcopy(FIGURES)
    term = {"frame": "conflict", "term": "rift", "kind": "term", "units": 4, "with_frame": 1, "precision": 0.25,
            "base_rate": 0.5}
    figures["measures"]["frames"]["term_evidence"] = {
        "generic_tuning_articles": {"units": "articles", "n": 10, "terms": [term], "wildcard_words": [
            {"frame": "conflict", "term": "feud*", "words": {"feud": 2, "feuds": 1}},
            {"frame": "economic", "term": "cost*", "words": {"costs": 3}}]},
        "conflict_news_seed_sentences": {"units": "sentences", "n": 24, "documents": 1, "terms": []}}
    text = validity_section(figures)
    assert ("on the 10 tuning articles, 1 generic terms fire; 1 fire in 3+ articles more often without their frame "
            "than its base rate (rift). Its 2 wildcard terms that fire there (a trailing `*`) match 3 distinct words, "
            "each listed with its count in `validation.json` (`wildcard_words`). The `conflict-news` codebook") in text
    del figures["measures"]["frames"]["term_evidence"]["generic_tuning_articles"]["wildcard_words"]
    assert "wildcard" not in validity_section(figures)  # older figures files: the sentence is left out


def test_readme_term_evidence_says_how_many_terms_it_leaves_out():
    import copy

    from analysis.validation.readme import validity_section

    figures = copy.deepcopy(FIGURES)
    low = [{"frame": "diplomacy", "term": f"t{i}", "kind": "term", "units": 1, "with_frame": 0, "precision": 0.0,
            "base_rate": 0.4} for i in range(10)]
    good = {"frame": "diplomacy", "term": "talks", "kind": "term", "units": 2, "with_frame": 2, "precision": 1.0,
            "base_rate": 0.4}
    evidence = {"generic_tuning_articles": {"units": "articles", "n": 10, "terms": []},
                "conflict_news_seed_sentences": {"units": "sentences", "n": 24, "documents": 1, "terms": [good, *low]}}
    figures["measures"]["frames"]["term_evidence"] = evidence
    names = ", ".join(f"diplomacy: t{i}" for i in range(8))
    assert f"11 terms fire, 10 with precision below 0.5 ({names} and 2 more)." in validity_section(figures)
    evidence["conflict_news_seed_sentences"]["terms"] = [good, *low[:8]]
    assert f"9 terms fire, 8 with precision below 0.5 ({names})." in validity_section(figures)


def test_shipped_readme_shows_the_shipped_figures():
    from analysis.validation.readme import END, START, validity_section

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.split(START + "\n", 1)[1].split("\n" + END, 1)[0] == validity_section(load_validation_figures())


# ---------------------------------------------------------------------------------- notebook


def test_validation_notebook_is_a_thin_view():
    nb = nbformat.read(REPO / "notebooks" / "validation.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].source.splitlines() == ["import analysis as wb", "", "wb.setup_notebook()"]
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and "datasets = None" in params[0].source
    for name in ("newsmtsc_file", "frames_file", "title"):
        assert f"{name} = " in params[0].source
    for cell in code:
        assert not cell.outputs and cell.execution_count is None
        for word in ("def ", "class ", "for ", "while ", "if ", "lambda"):
            assert word not in cell.source, (word, cell.source)
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= 5


@pytest.mark.slow
@pytest.mark.validation
@pytest.mark.e2e
@on_report("validation", "datasets")
def test_validation_notebook_renders(report_cache, datasets_dir):
    result = report_cache.get("validation", "datasets", {"datasets": str(datasets_dir)})
    page = Path(result.html).read_text(encoding="utf-8")
    assert "How valid are these measures?" in page and "Hamborg" in page


# ----------------------------------------------------------------------- the real data sets


@pytest.mark.validation
@pytest.mark.xdist_group("newsmtsc-devtest")
def test_newsmtsc_figures_on_devtest_mt(newsmtsc_devtest):
    results = {m: newsmtsc_devtest(m) for m in ("textblob", "vader", "target")}
    print("\nNewsMTSC devtest_mt (1,476 targets), tone toward persons:\n" + tone_summary(*results.values()).round(3).to_string())
    for m, r in results.items():
        print(f"{m}:\n" + r["per_class"].round(3).to_string())
    assert all(r["n_targets"] == 1476 for r in results.values())
    assert 0.35 <= results["textblob"]["macro_f1"] <= 0.47
    assert 0.45 <= results["vader"]["macro_f1"] <= 0.56
    assert results["target"]["macro_f1"] >= 0.60
    shipped = load_validation_figures()["measures"]
    assert round(results["target"]["macro_f1"], 4) == shipped["actor_tone"]["methods"]["target"]["macro_f1"]
    assert round(results["textblob"]["macro_f1"], 4) == shipped["tone"]["methods"]["textblob"]["macro_f1"]
    assert round(results["vader"]["macro_f1"], 4) == shipped["tone"]["methods"]["vader"]["macro_f1"]


@pytest.mark.validation
def test_narrative_frames_figures(datasets_dir):
    path = datasets_dir / "narrative-framing" / "articles_metadata.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found; the narrative-framing articles are needed for this test")
    held = narrative_frames(path, held_out=True)
    every = narrative_frames(path)
    print("\nGeneric frames vs narrative-framing codes, held-out third:\n" + held.round(3).to_string())
    print("All articles (thresholds were tuned on two thirds of these):\n" + every.round(3).to_string())
    assert every.attrs["skipped_rows"] == 1 and every.attrs["n_documents"] == 289
    assert [n["action"] for n in every.attrs["notes"]] == ["skipped row: no frame codes", "read leniently as False"]
    assert held["n"].tolist() == [96] * 5
    shipped = load_validation_figures()["measures"]["frames"]["held_out"]["frames"]
    assert {f: round(v, 4) for f, v in zip(held["frame"], held["f1"])} == {f: v["f1"] for f, v in shipped.items()}


# ------------------------------------------------------- document-level tone, frame notes and errors, figures

TINY_NEWSMTSC_ARTICLES = [  # primary_gid: <article>_<sentence>_<person>_<from>_<to>
    {"primary_gid": "t_1_1_0_Alice_0_5", "sentence_normalized": "Alice made a good plan.",
     "targets": [{"from": 0, "to": 5, "mention": "Alice", "polarity": 6.0}]},
    {"primary_gid": "t_1_1_1_Alice_0_5", "sentence_normalized": "Alice is a good friend.",
     "targets": [{"from": 0, "to": 5, "mention": "Alice", "polarity": 6.0}]},
    {"primary_gid": "u_2_2_0_Bob_0_3", "sentence_normalized": "Bob made a bad plan.",
     "targets": [{"from": 0, "to": 3, "mention": "Bob", "polarity": 2.0}]},
]


@pytest.fixture()
def tiny_articles(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in TINY_NEWSMTSC_ARTICLES) + "\n", encoding="utf-8")
    return path


def test_newsmtsc_documents_scores_each_articles_main_person_and_documents_summary_lists_it(tiny_articles):
    from analysis.validation import documents_summary, newsmtsc_documents

    # TextBlob: "good" 0.7 (twice) for Alice, "bad" -0.7 for Bob; gold: the sign of the mean label
    result = newsmtsc_documents(tiny_articles, method="textblob")
    groups = result["groups"]
    assert groups["group"].tolist() == ["t_1_1 | Alice", "u_2_2 | Bob"]
    assert groups["n_mentions"].tolist() == [2, 1]
    assert groups["score"].tolist() == pytest.approx([0.7, -0.7])
    assert groups["gold"].tolist() == groups["predicted"].tolist() == ["positive", "negative"]
    assert (result["n_groups"], result["macro_f1"], result["accuracy"]) == (2, 1.0, 1.0)
    summary = documents_summary(result)
    assert summary.columns.tolist() == ["method", "units", "macro_f1", "accuracy", "krippendorff_alpha", "rule"]
    assert summary.iloc[0][["method", "units", "macro_f1"]].tolist() == ["textblob", 2, 1.0]
    with pytest.raises(InputError, match="documents_summary: pass results of"):
        documents_summary({"method": "x"})
    with pytest.raises(InputError, match="method='vader': use 'target' or 'textblob'"):
        newsmtsc_documents(tiny_articles, method="vader")


def test_newsmtsc_ids_give_article_person_and_group_gold():
    import numpy as np

    from analysis.validation.data import newsmtsc_article, newsmtsc_group_gold, newsmtsc_groups

    assert newsmtsc_article("allsides_1000_401_25_Trump_3_8") == "allsides_1000_401"
    assert newsmtsc_article("polusa_v1_113704059_-1_35_Northam_148_155") == "polusa_v1_113704059_-1"
    assert newsmtsc_article("odd") == "odd"
    table = pd.DataFrame({"primary_gid": ["a_1_2_5_Bob_0_3", "a_1_2_5_Bob_0_3", "a_1_2_6_Bob_10_13"],
                          "start": [0, 20, 11], "line": [1, 1, 2]})
    groups = newsmtsc_groups(table)
    assert groups.to_dict("list") == {"article": ["a_1_2"] * 3, "sentence": [5, 5, 6], "person": ["Bob"] * 3,
                                      "primary": [True, False, True], "group": ["a_1_2 | Bob"] * 3}
    gold = newsmtsc_group_gold(np.array(["negative", "neutral", "positive", "positive"]),
                               pd.Series(["g1", "g1", "g2", "g1"]))
    assert gold.to_dict() == {"g1": "neutral", "g2": "positive"}, "g1: (-1 + 0 + 1) / 3 = 0"


def test_datasets_path_takes_the_argument_then_the_environment(monkeypatch, tmp_path):
    from analysis.validation.data import datasets_path

    assert datasets_path(tmp_path / "x") == tmp_path / "x"
    monkeypatch.setenv("MEDIA_WORKBENCH_DATASETS", str(tmp_path / "env"))
    assert datasets_path(None) == datasets_path("  ") == tmp_path / "env"


def test_frame_notes_and_frame_errors_on_the_tiny_file(tiny_frames):
    from analysis.validation import frame_errors, frame_notes

    notes = frame_notes(narrative_frames(tiny_frames, codebook=TINY_CODEBOOK))
    assert notes.to_dict("list") == {"row": [4, 5], "doc_id": ["4", "5"], "column": ["EC", ""],
                                     "value": ["False)", ""],
                                     "action": ["read leniently as False", "skipped row: no frame codes"]}
    # conflict: gold T F F T, found T F T F; economic: gold T F T F, found T T F T
    errors = frame_errors(tiny_frames, codebook=TINY_CODEBOOK, held_out=False)
    assert errors[["doc_id", "frame", "error", "hits"]].values.tolist() == [
        ["2", "economic", "false positive", 1], ["3", "conflict", "false positive", 1],
        ["4", "economic", "false positive", 1], ["3", "economic", "false negative", 0],
        ["4", "conflict", "false negative", 0]]
    assert errors["terms"].tolist() == ["cost* (1)", "fight (1)", "cost* (1)", "", ""]
    assert errors["opening"].tolist()[0] == "A quiet day with costs."
    held = frame_errors(tiny_frames, codebook=TINY_CODEBOOK)  # only ID 3
    assert held[["doc_id", "frame", "error"]].values.tolist() == [["3", "conflict", "false positive"],
                                                                  ["3", "economic", "false negative"]]
    with pytest.raises(InputError, match="frame_notes: pass the table"):
        frame_notes(pd.DataFrame())


def test_split_articles_holds_out_ids_divisible_by_three():
    from analysis.validation import split_articles

    tuning, held = split_articles(["1", "3", 6])
    assert tuning.tolist() == [True, False, False] and held.tolist() == [False, True, True]
    with pytest.raises(InputError, match="split_articles: ID 'x' is not a number"):
        split_articles(["1", "x"])


def test_code_columns_of_each_unit():
    from analysis.validation import code_columns

    assert code_columns("mention") == {"tone": (
        "the tone of the sentence toward this actor: negative, neutral or positive (blank = not coded)",
        ("negative", "neutral", "positive"))}
    columns = code_columns("sentence", TINY_CODEBOOK)
    assert list(columns) == ["tone", "frame_conflict", "frame_economic"]
    assert columns["frame_conflict"] == (
        "does this sentence carry the Conflict frame? yes or no (blank = not coded)", ("yes", "no"))
    with pytest.raises(InputError, match="unit='word'"):
        code_columns("word")


def test_write_validation_figures_writes_what_measure_all_measures(monkeypatch, tmp_path):
    from analysis.validation import figures

    def measured(datasets, *, newsmtsc_file=None, frames_file=None):
        return {"format": figures.FIGURES_FORMAT, "schema_version": figures.SCHEMA_VERSION,
                "given": [str(datasets), str(newsmtsc_file), str(frames_file)]}

    monkeypatch.setattr(figures, "measure_all", measured)
    out = figures.write_validation_figures("d", path=tmp_path / "v.json", newsmtsc_file="n", frames_file="f")
    assert out["given"] == ["d", "n", "f"]
    assert load_validation_figures(tmp_path / "v.json") == out


@pytest.mark.slow  # three tone methods and the target model: a few seconds
def test_measure_all_on_tiny_files(tiny_articles, tiny_frames):
    from analysis.validation import measure_all

    figures = measure_all(tiny_frames.parent, newsmtsc_file=tiny_articles, frames_file=tiny_frames)
    assert figures["datasets"]["newsmtsc_test"]["sentences"] == 3 and figures["datasets"]["newsmtsc_test"]["targets"] == 3
    framing = figures["datasets"]["narrative_framing"]
    assert (framing["articles_compared"], framing["skipped_rows"], framing["lenient_values"]) == (4, 1, 1)
    assert figures["measures"]["actor_tone"]["document_level"]["methods"]["textblob"] == {
        "macro_f1": 1.0, "accuracy": 1.0, "krippendorff_alpha": 1.0}


def test_methods_card_renders_as_markdown_or_html():
    from analysis.validation import MethodsCard

    card = MethodsCard("- a *b*")
    assert card == "- a *b*" and card._repr_markdown_() == "- a *b*" and card._repr_html_() is None
