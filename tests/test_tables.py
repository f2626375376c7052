from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.tables import document_card, select_document


@pytest.fixture
def documents() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "b"],
        "title": ["First", "Second"],
        "outlet": ["Wire", pd.NA],
        "published": pd.to_datetime(["2024-05-09T10:00:00Z", None], utc=True),
        "tags": [["Biden", "Israel"], []],
    })


def test_select_document_defaults_to_the_first(documents):
    assert select_document(documents)["doc_id"].tolist() == ["a"]


def test_select_document_by_id(documents):
    assert select_document(documents, doc_id="b")["title"].tolist() == ["Second"]


def test_select_document_unknown_id_names_it_and_known_ones(documents):
    with pytest.raises(InputError, match=r"doc_id 'zz' is not in the corpus; some ids it has: a, b"):
        select_document(documents, doc_id="zz")


def test_select_document_on_an_empty_corpus_says_so():
    with pytest.raises(InputError, match="no documents"):
        select_document(pd.DataFrame({"doc_id": []}))


def test_document_card_lists_present_fields_only(documents):
    card = document_card(select_document(documents, doc_id="b"))
    assert card.to_dict("list") == {"field": ["doc_id", "title"], "value": ["b", "Second"]}
    full = document_card(documents)
    assert full.set_index("field")["value"].to_dict() == {
        "doc_id": "a", "title": "First", "outlet": "Wire",
        "published": "2024-05-09 10:00:00+00:00", "tags": "Biden, Israel",
    }


def _dated() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["Wire", "Daily", "Wire", "Daily"],
        "published": pd.to_datetime(["2024-05-08T23:00:00Z", "2024-05-09T10:00:00Z", "2024-05-10T00:00:00Z", None],
                                    utc=True),
    })


def test_filter_documents_by_whole_days_and_outlets():
    from analysis.tables import filter_documents

    docs = _dated()
    assert filter_documents(docs, start="2024-05-09")["doc_id"].tolist() == ["b", "c"]
    assert filter_documents(docs, end="2024-05-09")["doc_id"].tolist() == ["a", "b"], "end day is included"
    assert filter_documents(docs, start="2024-05-09", end="2024-05-09")["doc_id"].tolist() == ["b"]
    assert filter_documents(docs, outlets=["Wire"])["doc_id"].tolist() == ["a", "c"]
    assert filter_documents(docs, outlets="Daily")["doc_id"].tolist() == ["b", "d"]
    assert filter_documents(docs)["doc_id"].tolist() == ["a", "b", "c", "d"], "no limits keeps undated ones"


def test_filter_documents_names_a_bad_date():
    from analysis.tables import filter_documents

    with pytest.raises(InputError, match=r"start='last week' is not a date; write it as YYYY-MM-DD"):
        filter_documents(_dated(), start="last week")


def _sentences() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3],
                         "section": ["headline", "body", "body", "body"],
                         "text": ["Head", "Bad news.", "Good news.", "Plain news."]})


def test_with_sentence_text_adds_the_evidence():
    from analysis.tables import with_sentence_text

    frames = pd.DataFrame({"doc_id": ["a"], "sentence_id": [2], "frame_id": ["conflict"], "hits": [1]})
    out = with_sentence_text(frames, _sentences())
    assert out.to_dict("records") == [{"doc_id": "a", "sentence_id": 2, "frame_id": "conflict", "hits": 1,
                                       "section": "body", "text": "Good news."}]
    quoted = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1], "text": ["quote"]})
    assert with_sentence_text(quoted, _sentences())["sentence"].tolist() == ["Bad news."]


def test_key_sentences_takes_the_extremes_and_skips_zeros():
    from analysis.tables import key_sentences

    tone = pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "polarity": [0.0, -0.7, 0.7, 0.0]})
    out = key_sentences(tone, _sentences(), n=3)
    assert out[["end", "sentence_id", "polarity", "text"]].values.tolist() == [
        ["most negative", 1, -0.7, "Bad news."], ["most positive", 2, 0.7, "Good news."]]


def test_corpus_summary_counts_what_a_reader_checks_first():
    from analysis.tables import corpus_summary

    docs = _dated().assign(title=["A b", "C", "", "D e f"], text=["one two", "three", "four five six", ""],
                           duplicate_of=[pd.NA, pd.NA, "a", pd.NA])
    assert corpus_summary(docs).set_index("field")["value"].to_dict() == {
        "documents": "4", "words": "12", "outlets": "2", "first day": "2024-05-08", "last day": "2024-05-10",
        "undated documents": "1", "flagged duplicates": "1"}
