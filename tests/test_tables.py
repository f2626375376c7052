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
