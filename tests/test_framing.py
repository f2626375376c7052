"""Framing: codebook validation, matching rules, scores, actor x frame, the shipped codebooks,
and agreement with human frame codes (validation)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError, LexiconError
from analysis.framing import (
    CODEBOOKS,
    actor_frames,
    frames,
    load_frames,
    named_actor_counts,
)
from analysis.validation.frames import frame_agreement, suggest_thresholds


def _docs(*texts: str, titles: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "title": titles or [""] * len(texts),
            "text": list(texts),
        }
    )


def _book(**frames: list[str]) -> dict:
    return {
        "codebook": "test",
        "frames": [{"id": k, "label": k.title(), "description": k, "terms": v} for k, v in frames.items()],
    }


def _write(tmp_path, body: str):
    path = tmp_path / "frames.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------- loading


def test_load_default_and_shipped_codebooks():
    generic = load_frames()
    assert generic is load_frames("generic")
    assert generic.name == "generic-news-frames"
    assert generic.frames["frame_id"].tolist() == [
        "conflict", "human_interest", "economic", "morality", "responsibility"
    ]
    news = load_frames("conflict-news")
    assert news.frames["frame_id"].tolist() == [
        "military_action", "humanitarian_crisis", "diplomacy", "domestic_politics", "law_accountability"
    ]
    for book in (generic, news):
        assert (book.frames["description"].str.len() > 40).all()
        assert list(book.terms.columns) == ["frame_id", "term", "prefix", "min_actors"]
    assert load_frames(generic) is generic
    assert load_frames(CODEBOOKS["generic"]).sha256 == generic.sha256
    assert load_frames(str(CODEBOOKS["conflict-news"])).sha256 == news.sha256


def test_round_trip_through_yaml(tmp_path):
    book = load_frames("generic")
    path = tmp_path / "copy.yml"
    path.write_text(book.to_yaml(), encoding="utf-8")
    again = load_frames(path)
    assert again.sha256 == book.sha256
    pd.testing.assert_frame_equal(again.terms, book.terms)
    assert again.frames["threshold"].tolist() == book.frames["threshold"].tolist()
    assert again.frames["min_terms"].tolist() == book.frames["min_terms"].tolist() == [1] * 5


def test_mapping_source_and_normalised_terms():
    book = load_frames(_book(conflict=["Rift", "  Stand   alone ", "criticiz*", "Israel’s"]))
    assert book.source == "<mapping>"
    assert book.terms["term"].tolist() == ["rift", "stand alone", "criticiz*", "israel's"]
    assert book.terms["prefix"].tolist() == [False, False, True, False]
    assert book.frames["threshold"].tolist() == [1]
    assert book.frames["min_terms"].tolist() == [1]


@pytest.mark.parametrize(
    "terms, message",
    [
        (["crit*cism"], "term 1 'crit*cism': '*' may only end a term"),
        (["ok", "*"], "term 2 '*': a lone '*' would match every word"),
        (["stand *"], "term 1 'stand *': '*' must follow a letter or digit"),
        (["**"], "term 1 '**': '*' may only end a term"),
        (["rift", "Rift"], "term 2 'rift' is listed twice in this frame"),
        (["rift", ""], "term 2 '': is empty"),
        (["rift", None], "term 2 (None) is not text; write it in quotes"),
        ([], "the frame has no terms"),
    ],
)
def test_bad_terms_name_file_line_frame_and_term(tmp_path, terms, message):
    items = "\n".join(f"      - {'null' if t is None else repr(t)}" for t in terms) or "      []"
    body = (
        "codebook: t\nframes:\n  - id: conflict\n    label: Conflict\n    terms:\n" + items + "\n"
        if terms
        else "codebook: t\nframes:\n  - id: conflict\n    label: Conflict\n    terms: []\n"
    )
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        load_frames(path)
    text = str(err.value)
    assert text.startswith(f"{path}, line ")
    assert "frame 1 (id 'conflict'), field 'terms'" in text
    assert message in text
    if terms:  # the line of the offending term
        bad = {"crit*cism": 0, "*": 1, "stand *": 0, "**": 0, "Rift": 1, "": 1, None: 1}
        k = next(i for i, t in enumerate(terms) if t in bad and bad[t] == i)
        assert text.startswith(f"{path}, line {6 + k}:")


def test_codebook_errors(tmp_path):
    cases = {
        "frames:\n  - id: a\n    label: A\n    terms: [x]\n  - id: a\n    label: B\n    terms: [y]\n":
            ("line 5", "frame 2 (id 'a'), field 'id': duplicate frame id 'a', already used by frame 1 (line 2)"),
        "frames:\n  - label: A\n    terms: [x]\n": ("line 2", "frame 1, field 'id': missing or empty"),
        "frames:\n  - id: a\n    terms: [x]\n": ("line 2", "frame 1 (id 'a'), field 'label': missing or empty"),
        "frames:\n  - id: A b\n    label: A\n    terms: [x]\n": ("line 2", "must be lower-case letters"),
        "frames:\n  - id: a\n    label: A\n    term: [x]\n": ("line 4", "field 'term': unknown field"),
        "frames:\n  - id: a\n    label: A\n    threshold: 0\n    terms: [x]\n": ("line 4", "field 'threshold': 0 must be a whole number >= 1"),
        "frames:\n  - id: a\n    label: A\n    min_terms: 0\n    terms: [x]\n": ("line 4", "field 'min_terms': 0 must be a whole number >= 1"),
        "frames:\n  - id: a\n    label: A\n    label: B\n    terms: [x]\n": ("line 4", "field 'label': written twice in one frame"),
        "frames:\n  - id: a\n    label: [A\n": ("line", "malformed YAML"),
        "codebook: x\n": ("", "no 'frames:' list"),
        "frames: []\n": ("line 1", "'frames' must be a non-empty list"),
        "frame:\n  - id: a\n": ("", "no 'frames:' list"),
        "colour: red\nframes:\n  - id: a\n    label: A\n    terms: [x]\n": ("line 1", "unknown top-level key 'colour'"),
    }
    for body, (line, message) in cases.items():
        path = _write(tmp_path, body)
        with pytest.raises(LexiconError) as err:
            load_frames(path)
        assert str(err.value).startswith(str(path)), body
        assert line in str(err.value), (body, str(err.value))
        assert message in str(err.value), (body, str(err.value))
    with pytest.raises(LexiconError, match="no such codebook file or shipped codebook"):
        load_frames("generik")
    with pytest.raises(LexiconError, match="missing.yml: file not found"):
        load_frames(tmp_path / "missing.yml")


# ------------------------------------------------------------------------------ matching


def test_matching_rules_case_edges_prefix_phrases():
    book = _book(
        conflict=["war", "criticiz*", "stand alone", "u.s.", "israel's"],
    )
    docs = _docs(
        "WAR, war-torn and war. Not award, warm or wars.",
        "Critics were Criticizing; criticized! Uncriticized.",
        "We will stand\n  alone. We stand   alone! standalone.",
        "The U.S., Israel’s ally, and U.S.A.",
    )
    out = frames(docs, book)
    assert list(out.columns) == ["doc_id", "sentence_id", "frame_id", "hits", "terms"]
    got = {(d, s): (h, t) for d, s, h, t in out[["doc_id", "sentence_id", "hits", "terms"]].itertuples(index=False)}
    assert got == {
        ("d0", 1): (3, "war"),  # WAR, war(-torn), war. -- not award/warm/wars
        ("d1", 1): (2, "criticiz*"),  # Criticizing, criticized -- not Critics, Uncriticized
        ("d2", 1): (1, "stand alone"),
        ("d2", 2): (1, "stand alone"),  # not "standalone"
        ("d3", 1): (2, "u.s.; israel's"),  # "U.S.A." is no match for "u.s." (letter after)
    }


def test_leftmost_longest_and_terms_in_two_frames():
    book = _book(
        humanitarian=["humanitarian crisis", "aid"],
        responsibility=["crisis", "blame*"],
        conflict=["blame*", "blame"],
    )
    docs = _docs("The humanitarian crisis deepened. A crisis of blame. Aid and blame.")
    out = frames(docs, book)
    rows = out[["sentence_id", "frame_id", "hits", "terms"]].values.tolist()
    assert rows == [
        [1, "humanitarian", 1, "humanitarian crisis"],  # the longer match wins; "crisis" not counted
        [2, "responsibility", 2, "crisis; blame*"],
        [2, "conflict", 1, "blame*; blame"],  # both terms on one span: listed, one hit
        [3, "humanitarian", 1, "aid"],
        [3, "responsibility", 1, "blame*"],
        [3, "conflict", 1, "blame*; blame"],
    ]


def test_matches_do_not_cross_sentences_and_headline_counts():
    book = _book(a=["stand alone"], b=["defies"])
    docs = _docs("We stand. Alone we are.", titles=["Israel defies"])
    out = frames(docs, book)
    assert out[["sentence_id", "frame_id", "hits"]].values.tolist() == [[0, "b", 1]]


def test_document_level_scores():
    book = _book(conflict=["rift", "clash*"], economic=["cost*"], morality=["god"])
    docs = _docs(
        "A rift. Clashes and costs. A rift again and a rift.",  # 12 words: conflict 4, economic 1
        "Costs and clashes.",  # tie: conflict 1, economic 1
        "Nothing here.",
        "",
    )
    out = frames(docs, book, level="document")
    assert list(out.columns) == [
        "doc_id", "frame_id", "hits", "weighted_hits", "distinct_terms", "hits_per_1000_words", "share", "present",
        "dominant"
    ]
    assert (out["weighted_hits"] == out["hits"]).all()  # no lead weight in this codebook
    assert len(out) == 4 * 3
    d0 = out[out["doc_id"] == "d0"]
    assert d0["hits"].tolist() == [4, 1, 0]
    assert d0["distinct_terms"].tolist() == [2, 1, 0]  # rift (3 hits) and clash* (1): two terms
    assert d0["hits_per_1000_words"].tolist() == pytest.approx([4000 / 11, 1000 / 11, 0.0])
    assert d0["share"].tolist() == pytest.approx([0.8, 0.2, 0.0])
    assert d0["present"].tolist() == [True, True, False]
    assert d0["dominant"].tolist() == [True, False, False]
    d1 = out[out["doc_id"] == "d1"]
    assert d1["dominant"].tolist() == [True, True, False]  # ties: every tied frame is dominant
    d2 = out[out["doc_id"] == "d2"]
    assert d2["dominant"].tolist() == [False, False, False] and d2["share"].tolist() == [0.0, 0.0, 0.0]
    d3 = out[out["doc_id"] == "d3"]
    assert d3["hits"].tolist() == [0, 0, 0] and d3["hits_per_1000_words"].isna().all()
    # thresholds: one for all, per frame, and the codebook's own
    two = frames(docs, book, level="document", threshold=2)
    assert two[two["doc_id"] == "d0"]["present"].tolist() == [True, False, False]
    mixed = frames(docs, book, level="document", threshold={"economic": 2})
    assert mixed[mixed["doc_id"] == "d0"]["present"].tolist() == [True, False, False]
    own = dict(book)
    own["frames"] = [dict(f, threshold=5) if f["id"] == "conflict" else f for f in book["frames"]]
    assert frames(docs, own, level="document")["present"].tolist()[:3] == [False, True, False]
    # dominant is named among the frames present: conflict has most hits but is below its threshold
    assert frames(docs, own, level="document")["dominant"].tolist()[:3] == [False, True, False]
    # min_terms: distinct terms a document needs as well (rift x3 + clash* is 2 terms, not 4)
    terms2 = dict(book)
    terms2["frames"] = [dict(f, min_terms=2) for f in book["frames"]]
    present = frames(docs, terms2, level="document")
    assert present[present["doc_id"] == "d0"]["present"].tolist() == [True, False, False]
    assert present[present["doc_id"] == "d1"]["present"].tolist() == [False, False, False]
    terms3 = dict(book)
    terms3["frames"] = [dict(f, min_terms=3) for f in book["frames"]]
    assert not frames(docs, terms3, level="document")["present"].any()
    with pytest.raises(InputError, match="threshold for 'nope': no such frame in codebook 'test'"):
        frames(docs, book, level="document", threshold={"nope": 1})
    with pytest.raises(InputError, match="threshold=0: give a whole number of hits >= 1"):
        frames(docs, book, level="document", threshold=0)
    with pytest.raises(InputError, match="level='sentence' or level='document'"):
        frames(docs, book, level="paragraph")


def test_sentence_level_reuses_sentences_and_is_empty_without_hits():
    docs = _docs("No frames in here at all.")
    sents = wb.sentences(docs)
    out = frames(docs, _book(a=["zebra"]), sentences=sents)
    assert out.empty and list(out.columns) == ["doc_id", "sentence_id", "frame_id", "hits", "terms"]
    with pytest.raises(InputError, match="sentences table lacks column"):
        frames(docs, _book(a=["x"]), sentences=sents.drop(columns="text"))


def test_actor_frames():
    mentions = pd.DataFrame(
        {
            "doc_id": ["d", "d", "d", "d"],
            "sentence_id": [1, 1, 2, 3],
            "actor_id": ["x", "x", "x", "y"],
            "actor": ["X", "X", "X", "Y"],
        }
    )
    frames = pd.DataFrame(
        {
            "doc_id": ["d", "d", "d"],
            "sentence_id": [1, 1, 2],
            "frame_id": ["conflict", "economic", "conflict"],
            "hits": [2, 1, 3],
            "terms": ["rift", "cost*", "rift"],
        }
    )
    out = actor_frames(mentions, frames)
    assert list(out.columns) == ["actor_id", "actor", "frame_id", "sentences", "hits", "share"]
    assert out[["actor_id", "frame_id", "sentences", "hits"]].values.tolist() == [
        ["x", "conflict", 2, 5], ["x", "economic", 1, 1],
    ]
    assert out["share"].tolist() == pytest.approx([1.0, 0.5])
    with pytest.raises(InputError, match="the frames table lacks column"):
        actor_frames(mentions, frames.drop(columns="hits"))


# -------------------------------------------------------------------- shipped codebooks

# For every frame: sentences where it must fire, and counter-examples where it must not.
FRAME_CASES = {
    ("generic", "conflict"): (
        ["Senator Warren criticized President Trump over the plan.", "The two parties battled over the budget.",
         "On Monday, Exxon accused Greenpeace of lying.", "The rift between the allies deepened."],
        # a reproach counts only between two named actors (Semetko & Valkenburg's conflict question)
        ["The sun rose over the quiet village.", "The award went to a local school.",
         "Critics accused the minister of lying.", "Warren criticized the plan."],
    ),
    ("generic", "human_interest"): (
        ["Her daughter was devastated by the news.", "Victims told of their suffering.",
         "The widow wept as she described their lives together."],
        ["The committee published its annual report.", "The company's sonar and the season's sonnets."],
    ),
    ("generic", "economic"): (
        ["The plan will cost taxpayers billions of dollars.", "Prices rose and the economy slowed.",
         "Thousands of jobs depend on the subsidies."],
        ["The choir sang at the festival.", "She wrote a poem about the sea."],
    ),
    ("generic", "morality"): (
        ["It is a moral failure.", "The pope urged the faithful to pray.",
         "Critics called the decision unjust and shameful."],
        ["The bridge reopened on Monday.", "Godfrey scored twice in the match."],
    ),
    ("generic", "responsibility"): (
        ["The government must act now to solve the problem.", "Officials pledged new measures.",
         "Is Exxon responsible for the failure?"],
        # responsibility words count only with a named actor
        ["The weather was mild and sunny.", "The band played its greatest hits.",
         "Nobody is responsible for the weather."],
    ),
    ("conflict-news", "military_action"): (
        ["Troops launched a ground operation in the city.", "Airstrikes hit the camp overnight.",
         "The army shelled the border crossing."],
        ["Talks resumed in Cairo.", "The tankers were docked in port."],
    ),
    ("conflict-news", "humanitarian_crisis"): (
        ["Civilians fled as food and medicine ran out.", "Aid trucks were blocked at the border.",
         "The death toll rose and famine loomed."],
        ["Parliament debated the budget.", "The ambassador met the minister."],
    ),
    ("conflict-news", "diplomacy"): (
        ["Negotiators reached a ceasefire deal.", "The envoy met allies at the summit.",
         "Diplomats pushed for a truce."],
        ["Rockets hit the city overnight.", "Shelling continued in the east."],
    ),
    ("conflict-news", "domestic_politics"): (
        ["The coalition faces a vote in parliament.", "Far-right ministers threatened to quit.",
         "Polls show voters turning against the cabinet."],
        ["Aid reached the camps.", "The envoy flew to Doha."],
    ),
    ("conflict-news", "law_accountability"): (
        ["Rights groups accused the army of war crimes.", "The ICC prosecutor sought arrest warrants.",
         "The strike may have violated international law."],
        ["The talks stalled again.", "Troops moved north overnight."],
    ),
}


@pytest.mark.parametrize("key", sorted(FRAME_CASES), ids=lambda k: f"{k[0]}:{k[1]}")
def test_every_shipped_frame_fires_and_abstains(key):
    book, frame = key
    fire, abstain = FRAME_CASES[key]
    docs = _docs(*fire, *abstain)
    out = frames(docs, book)
    hit_docs = set(out.loc[out["frame_id"] == frame, "doc_id"])
    assert hit_docs == {f"d{i}" for i in range(len(fire))}, out[out["frame_id"] == frame]


def test_seed_hand_checked_terms(seed_path):
    docs = wb.load_corpus(seed_path)
    sents = wb.sentences(docs)
    text_of = dict(zip(sents["sentence_id"], sents["text"]))

    def terms(book: str, frame: str, starts: str) -> str:
        sid = next(s for s, t in text_of.items() if t.startswith(starts))
        out = frames(docs, book, sentences=sents)
        row = out[(out["sentence_id"] == sid) & (out["frame_id"] == frame)]
        return "" if row.empty else f"{int(row['hits'].iloc[0])}: {row['terms'].iloc[0]}"

    # read by hand from the seed article
    assert terms("generic", "conflict", "Israel Defies U.S. Warning") == "1: defies"
    assert terms("generic", "conflict", "The rift deepens") == "2: rift; criticiz*"
    assert terms("generic", "conflict", "Despite US opposition") == "1: opposition*"
    assert terms("generic", "morality", "But we have much more than fingernails") == "1: god"
    assert terms("generic", "economic", "The rift deepens") == ""
    assert terms("conflict-news", "military_action", "Amid escalating tensions") == "2: weapon*; incursion*"
    assert terms("conflict-news", "diplomacy", "The rift deepens") == "2: negotiat*; ceasefire*"
    assert terms("conflict-news", "humanitarian_crisis", "Meanwhile, Palestinians report") == "1: humanitarian*"
    assert terms("conflict-news", "military_action", "Meanwhile, Palestinians report") == "1: shelling"
    doc = frames(docs, "conflict-news", sentences=sents, level="document")
    assert doc.loc[doc["dominant"], "frame_id"].tolist() == ["military_action"]


# ----------------------------------------------------------------------------- evaluation


def test_frame_agreement_and_suggest_thresholds():
    scores = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "frame_id": ["f"] * 4,
            "hits": [0, 1, 3, 5],
            "present": [False, True, True, True],
        }
    )
    gold = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "frame_id": ["f"] * 4, "present": [False, False, True, True]})
    out = frame_agreement(scores, gold)
    row = out.iloc[0]
    assert (row["tp"], row["fp"], row["fn"], row["n"]) == (2, 1, 0, 4)
    assert row["precision"] == pytest.approx(2 / 3) and row["recall"] == 1.0 and row["f1"] == pytest.approx(0.8)
    assert row["accuracy"] == 0.75 and row["f1_all_present"] == pytest.approx(2 / 3)
    best = suggest_thresholds(scores, gold, max_threshold=6)
    assert best[["frame_id", "threshold", "f1"]].values.tolist() == [["f", 2, 1.0]]


REPO = Path(__file__).resolve().parents[1]
MAP = {"RE": "responsibility", "HI": "human_interest", "CO": "conflict", "MO": "morality", "EC": "economic"}


def _narrative_framing(datasets_dir):
    path = datasets_dir / "narrative-framing" / "articles_metadata.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found; the narrative-framing articles are needed for this test")
    table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)

    def code(value: str) -> bool | None:  # "False)" in one row; empty codes in another
        value = value.strip()
        return True if value.startswith("True") else False if value.startswith("False") else None

    gold = [
        (str(r["ID"]), frame, code(r[col]))
        for _, r in table.iterrows()
        for col, frame in MAP.items()
        if code(r[col]) is not None
    ]
    docs = pd.DataFrame({"doc_id": table["ID"].astype(str), "title": "", "text": table["text"]})
    return docs, pd.DataFrame(gold, columns=["doc_id", "frame_id", "present"])


@pytest.mark.validation
def test_generic_codebook_against_human_frame_codes(datasets_dir):
    """Tuned on articles with ID % 3 != 0, reported on the held-out third (ID % 3 == 0)."""
    docs, gold = _narrative_framing(datasets_dir)
    scores = frames(docs, "generic", level="document")
    held_out = {d for d in docs["doc_id"] if int(d) % 3 == 0}
    result = frame_agreement(scores[scores["doc_id"].isin(held_out)], gold[gold["doc_id"].isin(held_out)])
    print("\nGeneric frames vs narrative-framing codes, held-out third:\n" + result.round(3).to_string())
    assert result["n"].tolist() == [96] * 5  # one held-out article has no codes
    f1 = dict(zip(result["frame_id"], result["f1"]))
    # regression floors a little under the figures measured when the codebook was tuned
    floors = {"conflict": 0.67, "economic": 0.68, "responsibility": 0.58, "morality": 0.60, "human_interest": 0.30}
    assert {k: f1[k] >= v for k, v in floors.items()} == {k: True for k in floors}
    # the table in lexicons/README.md shows these figures
    readme = (REPO / "analysis" / "lexicons" / "README.md").read_text(encoding="utf-8")
    table = readme.split("| frame | precision | recall | F1 |", 1)[1].split("\n\n", 1)[0]
    names = {"conflict": "conflict", "human interest": "human_interest", "economic": "economic",
             "morality": "morality", "responsibility (RE)": "responsibility"}
    shown = {
        names[cells[0]]: [float(c) for c in cells[1:]]
        for line in table.strip().splitlines()[2:]
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    measured = {
        r.frame_id: [round(r.precision, 2), round(r.recall, 2), round(r.f1, 2), round(r.f1_all_present, 2)]
        for r in result.itertuples()
    }
    assert shown == measured


def test_frame_rollup_by_day_sums_hits_and_counts_present_documents():
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "published": pd.to_datetime(["2024-05-09T08:00:00Z", "2024-05-09T20:00:00Z", "2024-05-10T01:00:00Z"], utc=True),
    })
    doc_frames = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c", "c"],
        "frame_id": ["conflict", "morality"] * 3,
        "hits": [2, 0, 1, 1, 0, 0],
        "present": [True, False, True, True, False, False],
    })
    out = wb.frames_by(doc_frames, documents, by="day")
    assert out.to_dict("list") == {
        "day": ["2024-05-09", "2024-05-09", "2024-05-10", "2024-05-10"],
        "frame_id": ["conflict", "morality", "conflict", "morality"],
        "hits": [3, 1, 0, 0],
        "documents": [2, 1, 0, 0],
        "n_documents": [2, 2, 1, 1],
        "share": [0.75, 0.25, 0.0, 0.0],
        "present_share": [1.0, 0.5, 0.0, 0.0],
        "present": [True, True, False, False],
    }
    # a cell whose frame has hits but is present in none of its documents is drawn faded (not here: both are)
    below = wb.frames_by(doc_frames.assign(present=[True, False, True, False, False, False]), documents, by="day")
    assert below["present"].tolist() == [True, False, False, False] and below["hits"].tolist() == [3, 1, 0, 0]
    fig = wb.charts.frame_profile(below, by="day")
    assert [t.marker.opacity for t in fig.data] == [(1.0, 0.5), (0.5, 0.5)]  # conflict on the 9th solid
    with pytest.raises(wb.InputError, match=r"^frames_by: the documents table lacks column\(s\) desk \(the by= column\); its columns are: doc_id, published\. "):
        wb.frames_by(doc_frames, documents, by="desk")


# ------------------------------------------------------------------- actor terms (issue 14)


def _cb(**conflict):
    return {"codebook": "t", "frames": [{"id": "conflict", "label": "Conflict", **conflict}]}


def test_actor_terms_count_only_with_enough_named_actors():
    book = _cb(terms=["rift"], actor_terms=["accus*"], min_actors=2)
    docs = _docs("Smith accused Jones of lying. Critics accused everyone. Then Smith left. A rift opened.")
    out = frames(docs, book)
    # sentence 1: Smith (known: capitalised mid-sentence in sentence 3) + Jones = 2 named actors
    assert out[["sentence_id", "hits", "terms"]].values.tolist() == [[1, 1, "accus*"], [4, 1, "rift"]]
    doc = frames(docs, book, level="document")
    assert doc["hits"].tolist() == [2]
    # with a mentions table, its distinct actor ids decide (a pronoun counts as the actor it was resolved to)
    mentions = pd.DataFrame({"doc_id": ["d0", "d0", "d0"], "sentence_id": [2, 2, 1],
                             "actor_id": ["critics", "everyone", "smith"], "via": ["alias", "alias", "pronoun"]})
    out = frames(docs, book, mentions=mentions)
    assert out[["sentence_id", "terms"]].values.tolist() == [[2, "accus*"], [4, "rift"]]


def test_named_actor_counts_rules():
    sents = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [1, 2, 1],
                          "text": ["Climate activists met Exxon and Shell.", "Exxon denied it.", "Exxon denied it."]})
    # "Climate" starts its sentence alone and is never capitalised inside one: not a name;
    # "Exxon" starts sentence 2 but is capitalised inside sentence 1 of the same document; in document b
    # it is a name too: a reference corpus of English (Brill's lexicon) never writes it in lower case
    assert named_actor_counts(sents).tolist() == [2, 1, 1]
    sents.loc[2, "text"] = "Climate groups denied it."  # "climate" is a common word: no name
    assert named_actor_counts(sents).tolist() == [2, 1, 0]


@pytest.mark.parametrize(
    "frame, message",
    [
        ({"terms": ["rift"], "actor_terms": ["rift"]}, "term 1 'rift' is also in 'terms' of this frame"),
        ({"terms": ["rift"], "min_actors": 2}, "applies to 'actor_terms', which this frame does not have"),
        ({"actor_terms": ["blame*"], "min_actors": 0}, "field 'min_actors': 0 must be a whole number >= 1"),
        ({"actor_terms": ["blame*", "blame*"]}, "field 'actor_terms': term 2 'blame*' is listed twice"),
        ({"terms": ["rift"], "actor_weight": 2}, "field 'actor_weight': applies to 'actor_terms', which this frame "
                                                 "does not have; add them or remove actor_weight"),
        ({"actor_terms": ["blame*"], "actor_weight": 0}, "field 'actor_weight': 0 must be a whole number >= 1"),
    ],
)
def test_actor_term_errors(frame, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        load_frames(_cb(**frame))


def test_lead_hits_count_lead_weight_times():
    lead = {"lead_sentences": 2, "lead_weight": 3}
    book = _cb(terms=["rift"], threshold=4, **lead)
    # headline (sentence 0) and body sentences 1, 2 are the lead; sentence 3 is not
    docs = _docs("A rift. Calm. A rift.", "Calm. Calm. Calm. A rift and a rift.", "Calm.",
                 titles=["Rift", "Calm", "A rift"])
    out = frames(docs, book, level="document")
    # d0: headline x3 + sentence 1 x3 + sentence 3 x1 = 7; d1: two hits in sentence 4 = 2; d2: headline = 3
    assert out[["doc_id", "hits", "weighted_hits", "present"]].values.tolist() == [
        ["d0", 3, 7, True], ["d1", 2, 2, False], ["d2", 1, 3, False]]
    # the sentence table is unchanged: weights only decide document-level presence
    assert frames(docs, book)["hits"].tolist() == [1, 1, 1, 2, 1]
    # round trip keeps both fields, and a codebook without a lead keeps its old hash
    import yaml

    loaded = load_frames(book)
    assert loaded.frames[["lead_sentences", "lead_weight"]].values.tolist() == [[2, 3]]
    back = load_frames(yaml.safe_load(loaded.to_yaml()))
    assert back.sha256 == loaded.sha256 and back.frames["lead_weight"].tolist() == [3]
    assert load_frames(_cb(terms=["rift"])).sha256 != loaded.sha256
    assert load_frames(_cb(terms=["rift"], threshold=4)).frames[["lead_sentences", "lead_weight"]].values.tolist() == [[0, 1]]


@pytest.mark.parametrize(
    "frame, message",
    [
        ({"lead_sentences": 3}, "field 'lead_sentences': needs 'lead_weight' as well"),
        ({"lead_weight": 2}, "field 'lead_weight': needs 'lead_sentences' as well"),
        ({"lead_sentences": 0, "lead_weight": 2}, "field 'lead_sentences': 0 must be a whole number >= 1"),
        ({"lead_sentences": 3, "lead_weight": 1.5}, "field 'lead_weight': 1.5 must be a whole number >= 1"),
    ],
)
def test_lead_errors(frame, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_frames(_cb(terms=["rift"], **frame))


def test_actor_terms_round_trip_and_hash():
    book = load_frames(_cb(terms=["rift"], actor_terms=["blame*"], min_actors=2))
    assert book.terms[["term", "min_actors"]].values.tolist() == [["rift", 0], ["blame*", 2]]
    import yaml

    back = load_frames(yaml.safe_load(book.to_yaml()))
    assert back.sha256 == book.sha256
    # a codebook without actor terms keeps the hash it had before actor terms existed
    plain = load_frames(_cb(terms=["rift"]))
    assert plain.sha256 == load_frames(yaml.safe_load(plain.to_yaml())).sha256


def test_actor_terms_count_actor_weight_times_times_the_lead_weight():
    book = _cb(terms=["rift"], actor_terms=["accus*"], min_actors=2, actor_weight=2, threshold=3,
               lead_sentences=1, lead_weight=3)
    # d0: a reproach between Smith and Jones in sentence 2 (not the lead): 1 hit worth 2; a rift in the lead: 3
    # d1: the reproach in the lead (sentence 1): 2 x 3 = 6; d2: no second named actor, the term does not count
    docs = _docs("A rift opened. Then Smith accused Jones of lying.", "Smith accused Jones of lying. Smith left.",
                 "Critics accused everyone. Smith left.")
    out = frames(docs, book, level="document")
    assert out[["doc_id", "hits", "weighted_hits", "present"]].values.tolist() == [
        ["d0", 2, 5, True], ["d1", 1, 6, True], ["d2", 0, 0, False]]
    # the sentence table still shows every hit once, with its term: each decision traces to its sentences
    assert frames(docs, book)[["doc_id", "sentence_id", "hits", "terms"]].values.tolist() == [
        ["d0", 1, 1, "rift"], ["d0", 2, 1, "accus*"], ["d1", 1, 1, "accus*"]]
    import yaml

    loaded = load_frames(book)
    assert loaded.frames["actor_weight"].tolist() == [2]
    back = load_frames(yaml.safe_load(loaded.to_yaml()))
    assert back.sha256 == loaded.sha256 and back.frames["actor_weight"].tolist() == [2]
    # actor_weight 1 is the default: same hash as leaving it out
    plain = _cb(terms=["rift"], actor_terms=["accus*"], min_actors=2)
    assert load_frames({**plain, "frames": [{**plain["frames"][0], "actor_weight": 1}]}).sha256 == load_frames(plain).sha256


def test_generic_conflict_counts_a_reproach_between_named_actors_twice():
    docs = _docs("The weather was calm for days. Nothing happened. People went to work. "
                 "Later Smith accused Jones of lying.",
                 "The weather was calm for days. Nothing happened. People went to work. "
                 "Later a protest was held in the park.")
    out = frames(docs, "generic", level="document").query("frame_id == 'conflict'")
    # one reproach between two named actors (after the lead) is 2 weighted hits: present at threshold 2;
    # one plain conflict term outside the lead is 1: not present
    assert out[["doc_id", "hits", "weighted_hits", "present"]].values.tolist() == [
        ["d0", 1, 2, True], ["d1", 1, 1, False]]


def test_generic_responsibility_goal_and_target_only_as_policy_phrases():
    docs = _docs("Smith scored the winning goal. The striker hit the target twice. Their goals came late. "
                 "Troops struck military targets.",
                 "The city set a target for cleaner air. The council set goals for recycling. "
                 "It missed its reduction targets.")
    out = frames(docs, "generic").query("frame_id == 'responsibility'")
    # football goals and military targets are no policy goals; set targets and reduction targets are
    assert out[["doc_id", "sentence_id", "terms"]].values.tolist() == [
        ["d1", 1, "set a target"], ["d1", 2, "set goals"], ["d1", 3, "reduction target*"]]


def test_term_precision_exact_counts():
    from analysis.validation.frame_terms import term_precision

    docs = _docs("A rift opened.", "A rift and a feud.", "The sun rose.", "A feud began.")
    gold = pd.DataFrame({"doc_id": ["d0", "d1", "d2", "d3"], "frame_id": "conflict",
                         "present": [True, False, True, False]})
    out = term_precision(docs, gold, _cb(terms=["rift", "feud*", "clash"]))
    rows = out[["term", "units", "with_frame", "precision", "base_rate"]].values.tolist()
    assert rows == [["feud*", 2, 0, 0.0, 0.5], ["rift", 2, 1, 0.5, 0.5], ["clash", 0, 0, pytest.approx(float("nan"), nan_ok=True), 0.5]]
    with pytest.raises(InputError, match="the gold table lacks column"):
        term_precision(docs, gold.drop(columns="present"), _cb(terms=["rift"]))


def test_wildcard_words_lists_every_word_a_prefix_term_matches():
    from analysis.validation.frame_terms import WILDCARD_WORD_COLUMNS, wildcard_words

    docs = _docs("The committee was committed. Commitments followed.", "A feud, a feudal lord, feuds.",
                 "Critics were critical; Smith slammed Jones.")
    book = _cb(terms=["feud*", "commit*", "rift"], actor_terms=["critic*", "slam*"], min_actors=2)
    out = wildcard_words(docs, codebook=book)
    assert list(out.columns) == list(WILDCARD_WORD_COLUMNS)
    # codebook order of the terms, then most matches first, then the word; exact terms are left out;
    # actor terms are listed wherever the text matches (the "critic*" sentence names no two actors)
    assert out.values.tolist() == [
        ["conflict", "feud*", "term", "feud", 1, 1], ["conflict", "feud*", "term", "feudal", 1, 1],
        ["conflict", "feud*", "term", "feuds", 1, 1],
        ["conflict", "commit*", "term", "commitments", 1, 1], ["conflict", "commit*", "term", "committed", 1, 1],
        ["conflict", "commit*", "term", "committee", 1, 1],
        ["conflict", "critic*", "actor_term", "critical", 1, 1], ["conflict", "critic*", "actor_term", "critics", 1, 1],
        ["conflict", "slam*", "actor_term", "slammed", 1, 1]]
    again = wildcard_words(pd.concat([docs, docs.assign(doc_id=docs["doc_id"] + "x")]), codebook=book)
    assert again.query("word == 'feud'")[["matches", "documents"]].values.tolist() == [[2, 2]]
    assert wildcard_words(docs, codebook=_cb(terms=["rift"])).empty


def test_generic_wildcards_match_no_other_word():
    # written out because the wildcard also matched another word (lexicons/README.md, session 10)
    text = ("The committee met. Morale fell. Costa and Costco spoke. The opposite held. A Protestant church "
            "stood near Churchill's statue. Critical steps. An adaptor broke. The storm subsides. A billionaire "
            "smiled. Husbandry and feudal grievances. Rabbits in Islamabad. Promiscuous priceless costumes.")
    assert frames(_docs(text), "generic").query("frame_id != 'morality'").empty
    morality = frames(_docs(text), "generic").query("frame_id == 'morality'")
    assert morality["terms"].tolist() == ["church"]
    kept = frames(_docs("They committed to cuts. Their commitments, costs and subsidies. Moral failure. "
                        "Critics were critical of Smith and Jones."), "generic")
    assert kept[["sentence_id", "frame_id", "terms"]].values.tolist() == [
        [1, "responsibility", "committed"], [2, "economic", "costs; subsidies"],
        [2, "responsibility", "commitment*"], [3, "morality", "moral"], [4, "conflict", "critics; critical of"]]


def test_conflict_news_wildcards_match_no_other_word():
    # written out because the wildcard also matched another word, or a form whose ordinary sense is
    # another (rocketed: rose; judged; demonstrated: showed); lexicons/README.md, session 10
    text = ("Firefighters and a firefighter were firefighting in Bombay. The bombastic speech was a bombshell. "
            "Hospitality workers at Rocketdyne. Prices rocketed and kept rocketing. She judged it a judgemental remark. "
            "The figures demonstrated little and demonstrates less. He droned on. After the war Crimea changed. "
            "The arrest warranted comment. The front lineman and the front linebacker.")
    assert frames(_docs(text), "conflict-news").empty
    kept = ("Bombers bombarded the town and bombed the bridge. Demonstrators and a demonstration filled the square. "
            "The judge read the judgement. Two were hospitalized after firefights. Rockets, drones and rocketry. "
            "War crimes and an arrest warrant. They held the front lines.")
    out = frames(_docs(kept), "conflict-news")
    assert out[["sentence_id", "frame_id", "hits", "terms"]].values.tolist() == [
        [1, "military_action", 3, "bombers; bombarded; bombed"],
        [2, "domestic_politics", 2, "demonstrators; demonstration"],
        [3, "law_accountability", 2, "judge; judgement"],
        [4, "military_action", 1, "firefights"], [4, "humanitarian_crisis", 1, "hospitaliz*"],
        [5, "military_action", 3, "rockets; drones; rocketry"],
        [6, "law_accountability", 2, "war crimes; arrest warrant"], [7, "military_action", 1, "front lines"]]


def test_no_shipped_term_is_matched_by_another_term_of_its_frame():
    # "voter*" next to "vote*" listed both terms for one word ("voters": terms "voter*; vote*"), so the
    # per-term evidence counted the word twice
    for name in ("generic", "conflict-news"):
        terms = load_frames(name).terms
        for frame_id, group in terms.groupby("frame_id"):
            stems = group.loc[group["prefix"], "term"].str.lower().str.rstrip("*").tolist()
            for term in group["term"].str.lower().str.rstrip("*"):
                if " " not in term:
                    covered = [s + "*" for s in stems if term.startswith(s) and term != s]
                    assert not covered, f"{name}/{frame_id}: {term!r} is also matched by {covered}"
    out = frames(_docs("Voters went to the polls. They were complicit."), "conflict-news")
    assert out["terms"].tolist() == ["vote*; polls", "complicit*"]


def test_conflict_news_gold_set_reads_and_matches_the_seed():
    from analysis.validation.frame_terms import read_sentence_gold, term_precision

    docs, gold = read_sentence_gold()
    # the seed article and the four articles written for the gold set, in the file's order
    assert docs["title"].tolist()[0].startswith("Israel Defies U.S. Warning") and len(docs) == 5
    assert len(gold) == 76 * 5 and len(gold[["doc_id", "sentence_id"]].drop_duplicates()) == 76
    assert (gold["doc_id"] == docs["doc_id"].iloc[0]).sum() == 24 * 5
    counts = gold[gold["present"]].groupby("frame_id").size().to_dict()
    assert counts == {"diplomacy": 33, "domestic_politics": 16, "humanitarian_crisis": 20, "law_accountability": 10,
                      "military_action": 34}
    report = term_precision(docs, gold, "conflict-news", unit="sentence").set_index(["frame_id", "term"])
    fired = {key: (row["units"], row["with_frame"]) for key, row in report.iterrows() if row["units"] > 0}
    assert fired[("domestic_politics", "ministers")] == (3, 0)  # ministers criticising a foreign government
    # a strike on a hospital, a budget for hospitals ("hospital*" before session 10: 5, 1); "the bombing of the
    # Karsa General Hospital" is a name since session 18 (a term inside a name counts for no frame): 4, 1 before
    assert fired[("humanitarian_crisis", "hospital")] == (3, 1)
    assert fired[("humanitarian_crisis", "hospitals")] == (1, 0)
    assert len(fired) == 79 and ("military_action", "bombing") in fired and ("military_action", "bomb*") not in fired
    assert fired[("diplomacy", "talks")] == (6, 4)  # talks with striking rail workers are no diplomacy
    assert fired[("law_accountability", "tribunal*")] == (4, 4)
    assert ("military_action", "strike") in fired and fired[("military_action", "strike")] == (2, 2)  # not "striking"


def test_sentence_gold_errors(tmp_path):
    from analysis.validation.frame_terms import CONFLICT_NEWS_GOLD, read_sentence_gold

    text = CONFLICT_NEWS_GOLD.read_text(encoding="utf-8").replace("Israel Defies U.S. Warning", "Israel Defies Warning")
    text = text.replace("source: seeds/", f"source: {Path(__file__).resolve().parents[1]}/seeds/")
    bad = tmp_path / "gold.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"document 1, sentence entry 1 \(sentence_id 0\): its text differs"):
        read_sentence_gold(bad)
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_f73c93858b36e7c9.txt"
    one = tmp_path / "one.yml"  # the one-document form: source and sentences at the top
    one.write_text(f"frames: [diplomacy]\nsource: {seed}\nsentences:\n  - {{sentence_id: 20, frames: [diplomacy], "
                   "text: 'Negotiations for a hostage deal and ceasefire between Israel and Hamas appear to be faltering.'}\n",
                   encoding="utf-8")
    docs, gold = read_sentence_gold(one)
    assert gold.values.tolist() == [[docs["doc_id"].iloc[0], 20, "diplomacy", True]] and len(docs) == 1
    twice = tmp_path / "twice.yml"
    twice.write_text(f"frames: [diplomacy]\ndocuments:\n  - {{source: {seed}, sentences: []}}\n"
                     f"  - {{source: {seed}, sentences: []}}\n", encoding="utf-8")
    with pytest.raises(InputError, match="document '[0-9a-f]+' is listed twice"):
        read_sentence_gold(twice)
    neither = tmp_path / "neither.yml"
    neither.write_text(f"frames: [diplomacy]\ndocuments:\n  - {{source: {seed}}}\n", encoding="utf-8")
    with pytest.raises(InputError, match="document 1: a document needs 'source' and 'sentences'"):
        read_sentence_gold(neither)


def test_frame_rule_cv_exact_on_separable_and_flat_scores():
    from analysis.validation.frame_terms import frame_rule_cv

    ids = [f"d{i}" for i in range(20)]
    present = [i % 2 == 0 for i in range(20)]
    scores = pd.DataFrame({"doc_id": ids, "frame_id": "f",
                           "hits": [3 if p else 1 for p in present],       # separable at 3
                           "weighted_hits": [6 if p else 2 for p in present],  # separable at 6
                           "distinct_terms": [1] * 20,                      # says nothing
                           "hits_per_1000_words": [0.0] * 20})              # never fires
    gold = pd.DataFrame({"doc_id": ids, "frame_id": "f", "present": present})
    out = frame_rule_cv(scores, gold, folds=2, repeats=3)
    assert list(out.columns) == ["frame_id", "rule", "cv_f1", "threshold", "f1", "f1_all_present", "n"]
    rows = {r["rule"]: r for r in out.to_dict("records")}
    assert (rows["hits"]["cv_f1"], rows["hits"]["threshold"], rows["hits"]["f1"]) == (1.0, 3.0, 1.0)
    assert (rows["weighted_hits"]["cv_f1"], rows["weighted_hits"]["threshold"], rows["weighted_hits"]["f1"]) == (1.0, 6.0, 1.0)
    flat = rows["distinct_terms"]  # threshold 1 = every document: the "always present" F1
    assert flat["threshold"] == 1.0 and flat["cv_f1"] == flat["f1"] == flat["f1_all_present"] == pytest.approx(2 / 3)
    never = rows["hits_per_1000_words"]
    assert (never["cv_f1"], never["f1"], never["n"]) == (0.0, 0.0, 20) and np.isnan(never["threshold"])
    with pytest.raises(InputError, match="unknown rule 'lead'"):
        frame_rule_cv(scores, gold, rules=("lead",))
    with pytest.raises(InputError, match="lack column\\(s\\) distinct_terms"):
        frame_rule_cv(scores.drop(columns="distinct_terms"), gold)


def test_frame_agreement_moved_to_validation_and_the_old_address_warns():
    import analysis.framing as framing_module
    import analysis.validation as validation

    with pytest.warns(DeprecationWarning, match="analysis.validation.frame_agreement"):
        old = framing_module.frame_agreement
    assert old is validation.frame_agreement is frame_agreement
    with pytest.warns(DeprecationWarning, match="analysis.validation.suggest_thresholds"):
        assert framing_module.suggest_thresholds is suggest_thresholds


def test_normalize_text_is_how_terms_and_text_are_compared():
    from analysis.framing import normalize_text

    assert normalize_text("  Don\u2019t\n\tSTOP  now ") == "don't stop now"


def test_a_codebook_from_a_mapping_holds_its_frames_and_terms():
    from analysis.framing import Codebook

    codebook = wb.load_frames({"codebook": "t", "frames": [{"id": "economy", "label": "Economy",
                                                            "terms": ["jobs", "wage*"]}]})
    assert isinstance(codebook, Codebook) and len(codebook) == 1
    assert codebook.frames[["frame_id", "label", "threshold", "min_terms"]].to_dict("list") == {
        "frame_id": ["economy"], "label": ["Economy"], "threshold": [1], "min_terms": [1]}
    assert codebook.terms[["term", "prefix"]].to_dict("list") == {"term": ["jobs", "wage*"], "prefix": [False, True]}
    assert repr(codebook).startswith("Codebook('t': 1 frames, 2 terms, source='<mapping>', sha256=")


def test_economic_terms_do_not_count_investigations_insurgents_or_waged_wars():
    # a user's recall corpus: "the MHRA said it had opened an investigation" was an economic hit ("invest*")
    text = ("The regulator opened an investigation. Investigators said insurgents had waged war. "
            "The firm invested in a plant. Insurance costs rose and wages fell.")
    out = frames(_docs(text), "generic")
    economic = out[out["frame_id"] == "economic"]
    assert economic[["sentence_id", "hits", "terms"]].values.tolist() == [
        [3, 1, "invested"], [4, 3, "insurance; costs; wages"]]


# ------------------------------------------------------------------- excluded phrases (session 13)


def test_exclude_phrases_hide_the_terms_inside_them():
    book = {"codebook": "t", "frames": [{"id": "conflict", "label": "Conflict", "terms": ["strike", "strikes"]},
                                        {"id": "responsibility", "label": "R", "terms": ["emergency", "plans"]}],
            "exclude": ["Air strike*", "strike a", "emergency department*", "strikes*"]}
    codebook = load_frames(book)
    assert codebook.exclude == ("air strike*", "strike a", "emergency department*", "strikes*")
    docs = _docs("An air strike hit. Air strikes followed. They hope to strike a deal. The strike began. "
                 "The emergency departments were full. A state of emergency. Strikes spread. Contingency plans.")
    out = frames(docs, codebook)
    # leftmost-longest: an excluded phrase that starts first, or at the same word and runs longer, hides the
    # term; on exactly the same words ("strikes*" and the term "strikes") the excluded phrase wins
    assert out[["sentence_id", "frame_id", "hits", "terms"]].values.tolist() == [
        [4, "conflict", 1, "strike"], [6, "responsibility", 1, "emergency"], [8, "responsibility", 1, "plans"]]
    doc = frames(docs, codebook, level="document")
    assert doc[["frame_id", "hits", "distinct_terms"]].values.tolist() == [["conflict", 1, 1], ["responsibility", 2, 2]]


def test_exclude_round_trip_and_hash(tmp_path):
    book = {"codebook": "t", "frames": [{"id": "conflict", "label": "Conflict", "terms": ["strike"]}]}
    plain = load_frames(book)
    assert plain.exclude == () and "exclude" not in plain.to_yaml()
    # a codebook without exclusions keeps the hash it had before the field existed
    assert load_frames({**book, "exclude": []}).sha256 == plain.sha256
    excluding = load_frames({**book, "exclude": ["air strike*"]})
    assert excluding.sha256 != plain.sha256
    path = tmp_path / "copy.yml"
    path.write_text(excluding.to_yaml(), encoding="utf-8")
    again = load_frames(path)
    assert again.exclude == ("air strike*",) and again.sha256 == excluding.sha256
    generic = load_frames("generic")
    path.write_text(generic.to_yaml(), encoding="utf-8")
    assert load_frames(path).exclude == generic.exclude and load_frames(path).sha256 == generic.sha256


def test_exclude_errors_name_file_line_and_phrase(tmp_path):
    head = "codebook: t\nframes:\n  - id: a\n    label: A\n    terms: [strike, rift]\n"
    cases = {
        "exclude: [air strike, Rift]\n": ("line 6", "field 'exclude': phrase 2 'rift' is also a term of frame 1 "
                                          "(id 'a'); an excluded phrase counts for no frame"),
        "exclude:\n  - air strike\n  - Air  strike\n": ("line 8", "phrase 2 'air strike' is listed twice in "
                                                        "'exclude'; keep one"),
        "exclude:\n  - air strike\n  - 'air *'\n": ("line 8", "phrase 2 'air *': '*' must follow a letter or digit"),
        "exclude:\n  - [air]\n": ("line 7", "phrase 1 (['air']) is not text; write it in quotes"),
        "exclude: air strike, strike a\n": ("line 6", "one text with commas"),
    }
    for body, (line, message) in cases.items():
        path = _write(tmp_path, head + body)
        with pytest.raises(LexiconError) as err:
            load_frames(path)
        assert str(err.value).startswith(f"{path}, {line}:"), (body, str(err.value))
        assert message in str(err.value), (body, str(err.value))


# ----------------------------------------------- generic codebook: the red team's cases (session 13)


def test_generic_conflict_counts_a_labour_dispute():
    docs = _docs("Nurses at the hospital voted to walk out for five days. The union said turnout was high.",
                 "Hundreds of nurses walked off the job on Wednesday. Picket lines formed at 7 a.m. The hospital "
                 "said the strike would not affect patients. Unions threatened industrial action and a lockout "
                 "followed. Workers at a second plant staged a walkout. It was quiet later. Nothing happened. "
                 "The pickets went home.",
                 titles=["St. Brendan's nurses vote to strike", "Strike begins at St. Brendan's as talks collapse"])
    out = frames(docs, "generic").query("frame_id == 'conflict'")
    assert out[["doc_id", "sentence_id", "hits", "terms"]].values.tolist() == [
        ["d0", 0, 1, "strike"], ["d0", 1, 1, "walk out"],
        ["d1", 0, 2, "strike; talks collapse"], ["d1", 1, 1, "walked off the job"], ["d1", 2, 1, "picket"],
        ["d1", 3, 1, "strike"], ["d1", 4, 2, "industrial action; lockout"], ["d1", 5, 1, "walkout"],
        ["d1", 8, 1, "pickets"]]
    doc = frames(docs, "generic", level="document").query("frame_id == 'conflict'")
    # lead (headline + 3 sentences) hits count twice: d0 2 hits -> 4, d1 5 + 4 after the lead -> 14
    assert doc[["doc_id", "hits", "weighted_hits", "present"]].values.tolist() == [
        ["d0", 2, 4, True], ["d1", 9, 14, True]]


def test_generic_conflict_leaves_out_other_senses_of_strike():
    text = ("An air strike hit the depot. Drone strikes continued. Lightning strikes are rare. The two sides hope "
            "to strike a deal. Ministers must strike the right balance. It strikes me as odd. He strikes out often. "
            "The patient walked out of the hospital. A white picket fence stood there. The design is striking. "
            "The striker scored. A storm struck the coast.")
    assert frames(_docs(text), "generic").query("frame_id == 'conflict'").empty


def test_generic_conflict_leaves_out_a_teams_opponent_in_sport():
    # verification red team: "Saturday's match against Millbrook Athletic" was the only conflict hit of a
    # story about a manager's sacking; a fixture's "against" names an opponent, not a dispute
    text = ("Alvarez will take charge of Saturday's match against Millbrook Athletic. United played against "
            "Rovers twice. Their games against Castleford are sold out. Fans protested against the board.")
    out = frames(_docs(text), "generic").query("frame_id == 'conflict'")
    assert out[["sentence_id", "hits", "terms"]].values.tolist() == [[4, 2, "protested; against"]]


def test_generic_human_interest_family_words_in_both_genders():
    docs = _docs("Her daughter drove her to Lakeport. \"Mom was exhausted,\" she said. Later, nothing happened.",
                 "His son drove him to Lakeport. \"Dad was exhausted,\" he said. Later, nothing happened.",
                 "Her mum and his dad met. Their daughters and sons came. Grandma and grandpa stayed home.")
    out = frames(docs, "generic").query("frame_id == 'human_interest'")
    assert out[["doc_id", "sentence_id", "hits", "terms"]].values.tolist() == [
        ["d0", 1, 1, "daughter"], ["d0", 2, 1, "mom"], ["d1", 1, 1, "son"], ["d1", 2, 1, "dad"],
        ["d2", 1, 2, "mum; dad"], ["d2", 2, 2, "daughters; sons"], ["d2", 3, 2, "grandma; grandpa"]]
    doc = frames(docs, "generic", level="document").query("frame_id == 'human_interest'")
    # the same story told of a daughter or of a son scores the same
    assert doc[["doc_id", "hits", "weighted_hits", "present"]].values.tolist() == [
        ["d0", 2, 4, True], ["d1", 2, 4, True], ["d2", 6, 12, True]]


def test_generic_responsibility_emergency_only_as_an_urgent_problem():
    docs = _docs("Greyford will invest in the emergency department. Its emergency room was busy. Emergency services "
                 "were stretched. The county's emergency medical services director spoke. Emergency crews arrived.",
                 "The governor declared a state of emergency. The climate emergency demands action.")
    out = frames(docs, "generic").query("frame_id == 'responsibility'")
    assert out[["doc_id", "sentence_id", "terms"]].values.tolist() == [
        ["d1", 1, "emergency"], ["d1", 2, "emergency; demand*"]]


# ---------------------------------------- generic codebook: the red team's cases (session 14, issue 14.4)


def test_generic_economic_counts_million_only_as_money():
    # a number word counts for economic as an amount of money, not as a count of people or things
    # ("1.2 million customers" was an economic hit in a data-breach story)
    docs = _docs("Hackers stole the data of 1.2 million customers. Millions of people use the app. The firm raised "
                 "$80 million. It will spend 10 million pounds. Backers put in millions of dollars. The ice is "
                 "2 billion years old. Some 3 million metric tons melted.")
    out = frames(docs, "generic").query("frame_id == 'economic'")
    assert out[["sentence_id", "hits", "terms"]].values.tolist() == [
        [3, 1, "million"], [4, 2, "spend*; million"], [5, 1, "millions of dollars"]]


def test_generic_economic_leaves_out_consumer_protection_and_data():
    docs = _docs("She chairs the consumer protection committee. It was the biggest consumer breach this year. "
                 "Consumer data was stolen. Consumers will pay more. Consumer prices rose.")
    out = frames(docs, "generic").query("frame_id == 'economic'")
    assert out[["sentence_id", "hits", "terms"]].values.tolist() == [
        [4, 1, "consumer*"], [5, 2, "consumer*; prices"]]


def test_generic_responsibility_need_to_in_both_senses():
    # kept on the tuning evidence (lexicons/README.md, session 14): "the need to cut / reduce / protect" names a
    # remedy there; "the need to verify" (no remedy) counts too, a known limit of a word list
    docs = _docs("We need to cut emissions. The delay was caused by the need to verify the data.")
    out = frames(docs, "generic").query("frame_id == 'responsibility'")
    assert out[["sentence_id", "terms"]].values.tolist() == [[1, "need to"], [2, "need to"]]


# ---------------------------------------------- generic codebook: the wildfire red team's cases (session 16)


def test_generic_leaves_out_other_senses_of_court_against_fault_and_emergency():
    # rt16 F7: a shelter story was coded conflict from "cots on the basketball court" and "her youngest
    # daughter slept against her shoulder"; an electrical fault and the county's emergency line counted
    # for responsibility
    text = ("The Red Cross set up cots on the basketball court. Her youngest daughter slept against her "
            "shoulder. He leaned against the wall. A circuit on its Bear Ridge line experienced a fault at noon. "
            "The county's emergency line was busy. Residents set up an emergency shelter at the school.")
    hits = frames(_docs(text), "generic")
    assert hits[["sentence_id", "frame_id", "terms"]].values.tolist() == [[2, "human_interest", "daughter"]]


def test_generic_court_against_and_fault_keep_their_frame_senses():
    # the law court, opposing someone and a blame stay what they were
    docs = _docs("The utility was taken to court. Residents protested against the utility. Kiran Rao said it "
                 "was Mayor Lee's fault.", titles=["Quiet day"])
    out = frames(docs, "generic")
    assert out[["sentence_id", "frame_id", "terms"]].values.tolist() == [
        [1, "conflict", "court"], [2, "conflict", "protested; against"], [3, "responsibility", "fault"]]


def test_generic_conflict_counts_anger_at_another_side():
    # rt16 F7: "Governor tours shelter as evacuees demand answers" ("I'm angry too", "between gratitude and
    # anger") had no conflict hit; not "fury" (a storm's fury) nor "outrageous"
    docs = _docs("\u201cI hear you, and I'm angry too,\u201d she said. Inside the gym, the mood swung between "
                 "gratitude and anger. The plan outraged residents. The storm's fury was outrageous.",
                 titles=["Quiet day"])
    out = frames(docs, "generic").query("frame_id == 'conflict'")
    assert out[["sentence_id", "hits", "terms"]].values.tolist() == [
        [1, 1, "angry"], [2, 1, "anger"], [3, 1, "outraged"]]
    doc = frames(docs, "generic", level="document").query("frame_id == 'conflict'")
    assert doc[["hits", "weighted_hits", "present"]].values.tolist() == [[3, 6, True]]


# ------------------------------------- generic codebook: the NHS-trust red team's cases (session 17, rt17 M3)


def test_generic_responsibility_counts_public_service_accountability():
    # rt17 M3: a regulator's 'inadequate' rating, "failure of leadership", an inquest's "contributed to by
    # neglect", "public inquiry", "held to account", "failings" found no frame
    docs = _docs("The unit was rated inadequate by the watchdog. 'It was a catastrophic failure of leadership,' "
                 "Dr Natarajan said. The coroner found the death was contributed to by neglect. An MP called for a "
                 "public inquiry. Managers must be held to account for the failings.", titles=["Quiet day"])
    out = frames(docs, "generic").query("frame_id == 'responsibility'")
    assert out[["sentence_id", "hits", "terms"]].values.tolist() == [
        [1, 1, "inadequate"], [2, 1, "failure of leadership"], [3, 1, "contributed to by neglect"],
        [4, 1, "public inquiry"], [5, 3, "must; held to account; failings"]]


def test_generic_responsibility_leaves_out_the_words_measured_below_their_base_rate():
    # measured on the tuning articles and left out (lexicons/README.md): "failure", "neglect",
    # "investigation(s)", "call(s/ed) for"
    docs = _docs("The failure was small. Critics called for an investigation of the neglect.", titles=["Quiet day"])
    assert frames(docs, "generic").query("frame_id == 'responsibility'").empty


def test_named_actor_counts_counts_a_resolved_pronoun_as_its_actor():
    sents = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 2, 3],
                          "text": ["Smith met Jones.", "He thanked her.", "It rained."]})
    mentions = pd.DataFrame({"doc_id": ["a"] * 5, "sentence_id": [1, 1, 2, 2, 2],
                             "actor_id": ["smith", "jones", "smith", "jones", "smith"],
                             "via": ["alias", "alias", "pronoun", "pronoun", "alias"]})
    assert named_actor_counts(sents, mentions=mentions).tolist() == [2, 2, 0]


def test_responsibility_actor_term_counts_with_a_pronoun_speaker_the_entity_layer_resolved():
    # rt17 M3: "'I take full responsibility for that,' she said." counted no responsibility hit: the actor
    # term needs a named actor, and the pronoun speaker did not count; now "she" is Helen Marchbank
    named = _docs("Dr Helen Marchbank faced councillors. 'Families were let down and I take full responsibility "
                  "for that,' she said.", titles=["Quiet day"])
    out = frames(named, "generic").query("frame_id == 'responsibility'")
    assert out[["sentence_id", "terms"]].values.tolist() == [[2, "responsib*"]]
    # a pronoun with no one to resolve to names no actor
    alone = _docs("'Families were let down and I take full responsibility for that,' she said.", titles=["Quiet day"])
    assert frames(alone, "generic").query("frame_id == 'responsibility'").empty
