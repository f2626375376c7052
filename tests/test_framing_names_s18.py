"""Frames, session 18 (red team rt18 M3, L4): a frame term inside a longer name counts for no frame
("sons" in "Mehra & Sons"); Indian money words are economic; the frames chart's limit line says that
words of wrongdoing are outside the generic codebook."""

from __future__ import annotations

import pandas as pd

import analysis as wb
from analysis.framing import NAME_TYPES, load_frames
from analysis.readable import limits

TEXT = ("Mehra & Sons downgraded the stock, an analyst at the firm said. Her two sons lost their jobs. "
        "The Justice Department opened an inquiry into the injustice. Lenders face losses of Rs 11,000 crore.")


def _docs(text: str = TEXT) -> pd.DataFrame:
    return wb.load_corpus(pd.DataFrame({"title": ["Broker cuts Varuna"], "text": [text]}))


def test_a_frame_term_inside_an_organisations_name_is_no_hit():
    hits = wb.frames(_docs())
    assert hits[["sentence_id", "frame_id", "hits", "terms"]].to_dict("records") == [
        {"sentence_id": 2, "frame_id": "human_interest", "hits": 1, "terms": "sons"},  # her sons, not Mehra & Sons
        {"sentence_id": 2, "frame_id": "economic", "hits": 1, "terms": "jobs"},
        {"sentence_id": 3, "frame_id": "morality", "hits": 1, "terms": "injustice"},
        {"sentence_id": 4, "frame_id": "economic", "hits": 3, "terms": "lenders; losses; crore"},
    ]
    assert NAME_TYPES == ("person", "organization", "place")


def test_the_entity_spans_of_a_given_mentions_table_mask_and_a_whole_name_still_counts():
    docs = _docs("The Fund warned of losses at Mehra & Sons and Bank of Baroda. The Sons of Mehra sat.")
    doc = docs["doc_id"].iloc[0]
    row = {"doc_id": doc, "entity_id": "x", "type": "organization", "via": "name"}
    mentions = pd.DataFrame([
        {**row, "sentence_id": 1, "start": 4, "end": 8},  # "Fund": the whole name is a term, and counts
        {**row, "sentence_id": 1, "start": 29, "end": 41},  # "Mehra & Sons"
        {**row, "sentence_id": 1, "start": 46, "end": 60},  # "Bank of Baroda" ("bank" is no generic term)
        {**row, "sentence_id": 2, "start": 4, "end": 17, "type": "group"},  # a group's name is not masked
    ])
    hits = wb.frames(docs, mentions=mentions)
    assert hits[["sentence_id", "frame_id", "terms"]].to_dict("records") == [
        {"sentence_id": 1, "frame_id": "economic", "terms": "fund; losses"},
        {"sentence_id": 2, "frame_id": "human_interest", "terms": "sons"},
    ]


def test_generic_economic_terms_include_indian_money_words_measured_on_the_tuning_articles():
    terms = load_frames("generic").terms
    economic = set(terms.loc[terms["frame_id"] == "economic", "term"])
    assert {"crore", "lakh", "lakhs", "rupee", "lender", "lenders", "share price", "share prices"} <= economic
    assert not {"crores", "rupees", "shareholder", "shareholders"} & economic  # measured and left out


def test_the_frames_limit_line_says_wrongdoing_words_are_outside_the_generic_codebook():
    text = limits("frames").text
    assert text.endswith(
        ": indicators to read with their sentences, not codes. A term inside a name (\"sons\" in \"Mehra & Sons\") "
        "counts for no frame. Words of wrongdoing (fraud, lied, misled, \"public money\") are not in the generic "
        "codebook, so a fraud story can show no morality or responsibility frame: measured on its tuning articles, "
        "such words fired mostly where the coders saw neither.")


def test_no_masking_in_the_headline_or_a_title_case_sentence():
    # the entity layer takes runs of capitals for names in Title Case: there a capital is no evidence
    docs = wb.load_corpus(pd.DataFrame({
        "title": ["Mehra & Sons Cuts Varuna"],
        "text": ["Growers Take Their Case To The Supreme Court. Growers took their case to the Supreme Court."]}))
    hits = wb.frames(docs)
    assert hits[["sentence_id", "frame_id", "terms"]].to_dict("records") == [
        {"sentence_id": 0, "frame_id": "human_interest", "terms": "sons"},  # the headline
        {"sentence_id": 1, "frame_id": "conflict", "terms": "court"},  # Title Case: 'To' after the first word
    ]  # sentence 2: 'court' inside the name Supreme Court
