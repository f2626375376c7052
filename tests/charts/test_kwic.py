"""Keyword-in-context search terms (analysis.charts._kwic.term_pattern): literal, on word edges."""

from __future__ import annotations

import pytest

from analysis.charts._kwic import term_pattern
from analysis.errors import InputError


def test_term_pattern_matches_whole_words_and_a_trailing_star_any_ending():
    found = [m.group(0) for m in term_pattern("criticiz*").finditer("Criticized, criticizing; uncriticized")]
    assert found == ["Criticized", "criticizing"], "not inside 'uncriticized'"
    assert [m.group(0) for m in term_pattern("New York", case_sensitive=True).finditer(
        "new york, New York, New Yorker")] == ["New York"]
    assert term_pattern("a.b").search("axb") is None, "literal, not a regex"


def test_term_pattern_refuses_an_empty_term():
    with pytest.raises(InputError, match=r"kwic_table: term=' \*' is empty"):
        term_pattern(" *")


def test_kwic_table_is_as_tall_as_its_rows_need_and_never_cut_at_900_px():
    """An actor profile's 90 mentions were shown in a 900-px box cut mid-row; every row now shows."""
    import pandas as pd

    from analysis.charts import kwic_table
    from analysis.charts._kwic import table_height

    sentences = pd.DataFrame({"doc_id": [f"d{i}" for i in range(90)], "sentence_id": [1] * 90,
                              "text": ["Mayor Janet Hollis opened her campaign."] * 90})
    mentions = pd.DataFrame({"doc_id": sentences["doc_id"], "sentence_id": 1, "actor_id": "hollis",
                             "actor": "Janet Hollis", "start": 6, "end": 18})
    fig = kwic_table(sentences, mentions=mentions)
    assert fig.layout.height == 170 + 90 * 26, "one line a row: 26 px each, 170 for title, header, margins"
    assert fig.layout.title.y == 1 - 18 / fig.layout.height, "the title stays above the table, 18 px from the top"
    long = {f"d{i}": "A very long headline about the Riverside council race, its roads, rents and budget, "
                     "told over many more words than a column holds" for i in range(90)}
    tall = kwic_table(sentences, mentions=mentions, names=long)
    document_cells = tall.data[0].cells.values[0]
    assert document_cells[0] == "A very long headline about the Riverside council race, its…", "cut at 60 characters"
    assert tall.layout.height == table_height(list(tall.data[0].cells.values), widths=list(tall.data[0].columnwidth))
    assert tall.layout.height >= 170 + 90 * (26 + 20), "each row wraps its headline to 2 lines at least"
    # the estimate: words wrap at spaces, a word too long for a line takes more than one
    assert table_height([["one two three four"]], widths=[1.0], width=40 + 16 + 6.4 * 13 + 1) == 170 + 26 + 20
    assert table_height([["one two three four"]], widths=[1.0], width=40 + 16 + 6.4 * 9 + 1) == 170 + 26 + 2 * 20
    assert table_height([["x" * 20]], widths=[1.0], width=40 + 16 + 6.4 * 9 + 1) == 170 + 26 + 2 * 20
