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
