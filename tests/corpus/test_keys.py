"""The one join of a table to the documents by doc_id (analysis.corpus.keys)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import CorpusWarning
from analysis.corpus.keys import document_keys, join_document_keys, published_utc

DOCS = pd.DataFrame({
    "doc_id": [7, "b", "c", "d", "b"],
    "outlet": ["Daily", "Herald", None, "Daily", "Other"],
    "published": ["2024-05-01T23:30:00-02:00", "2024-05-02", None, "", "2024-06-01"],
})


def test_keys_are_one_row_per_document_with_utc_days_and_str_ids():
    keys = document_keys(DOCS, ["day", "outlet", "day"], fn="t")
    assert list(keys.columns) == ["doc_id", "day", "outlet"]
    assert keys["doc_id"].tolist() == ["7", "b", "c", "d"]          # the first row of a repeated id
    assert keys["day"].tolist()[:2] == ["2024-05-02", "2024-05-02"]  # 23:30 at UTC-2 is the next UTC day
    assert keys["day"].isna().tolist() == [False, False, True, True]
    assert keys["outlet"].tolist()[:2] == ["Daily", "Herald"] and pd.isna(keys["outlet"].iloc[2])


def test_an_unreadable_date_is_undated_and_reported():
    docs = DOCS.assign(published=["2024-05-01", "not a date", None, "", "soon"])
    with pytest.warns(CorpusWarning) as caught:
        published = published_utc(docs, fn="mentions_by")
    assert published.isna().tolist() == [False, True, True, True, True]
    assert len(caught) == 1
    assert str(caught[0].message).startswith(
        "mentions_by: 2 published value(s) could not be read as dates (first: 'not a date' of doc_id 'b'); "
        "they count as undated.")


def test_missing_and_blank_dates_are_not_reported():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert published_utc(DOCS.iloc[2:4], fn="t").isna().all()


def test_the_join_matches_ids_as_str_and_keeps_the_tables_rows_and_ids():
    table = pd.DataFrame({"doc_id": ["7", "c", "zz", "7"], "n": [1, 2, 3, 4]})
    left = join_document_keys(table, DOCS.assign(doc_id=[7, 8, "c", "d", 9]), ["outlet"], fn="t")
    assert left["n"].tolist() == [1, 2, 3, 4] and left["doc_id"].tolist() == ["7", "c", "zz", "7"]
    assert left["outlet"].tolist()[0] == "Daily" and left["outlet"].isna().tolist() == [False, True, True, False]
    inner = join_document_keys(table.assign(doc_id=[7, "c", "zz", 7]), DOCS, ["outlet"], fn="t", how="inner")
    assert inner["n"].tolist() == [1, 2, 4] and inner["doc_id"].tolist() == [7, "c", 7]


def test_a_key_the_documents_lack_is_the_one_column_error():
    with pytest.raises(wb.InputError) as raised:
        document_keys(DOCS.drop(columns=["published"]), ["desk", "day"], fn="frames_by")
    assert str(raised.value) == (
        "frames_by: the documents table lacks column(s) desk (the by= column), published (the by= column); "
        "its columns are: doc_id, outlet. Pass by='<column>' to name the right one, or by='day' for the UTC "
        "publication day (needs 'published')")


def test_every_rollup_reads_days_by_the_one_rule():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Kirby spoke", "Kirby spoke"],
                         "text": ["Kirby said the talks failed.", "Kirby said the talks went well."],
                         "published": ["2024-05-01T12:00:00Z", "no date"], "outlet": ["X", "Y"]})
    lex = {"actors": [{"id": "kirby", "name": "John Kirby", "type": "person", "aliases": ["Kirby"]}]}
    mentions = wb.mentions(docs, lex)
    with pytest.warns(CorpusWarning, match="^mentions_by: 1 published value"):
        rolled = wb.mentions_by(mentions, docs, by=("day", "actor"))
    assert rolled["day"].tolist()[0] == "2024-05-01" and pd.isna(rolled["day"].iloc[1])
    frames = pd.DataFrame({"doc_id": ["a", "b"], "frame_id": ["conflict"] * 2, "hits": [1, 2], "present": [True] * 2})
    with pytest.warns(CorpusWarning, match="^frames_by: 1 published value"):
        by_day = wb.frames_by(frames, docs, by="day")
    assert by_day["hits"].tolist() == [1, 2] and by_day["day"].tolist()[0] == "2024-05-01"
    tone = pd.DataFrame({"doc_id": ["a", "b"], "actor_id": ["kirby"] * 2, "polarity": [0.5, -0.5]})
    with pytest.warns(CorpusWarning, match="^actor_tone_by: 1 published value"):  # it used to raise
        summary = wb.actor_tone_by(tone, docs, by=("day",), n_boot=10)
    assert summary["day"].tolist() == ["2024-05-01", "<NA>"]
    assert np.allclose(summary["mean_polarity"], [0.5, -0.5])


def test_documents_without_a_published_column_are_undated_not_a_key_error():
    # a DataFrame of one's own (or a saved analysis of one) may have no dates at all
    published = published_utc(DOCS.drop(columns=["published"]), fn="t")
    assert published.isna().all() and len(published) == len(DOCS)
    assert str(published.dtype) == "datetime64[ns, UTC]"
