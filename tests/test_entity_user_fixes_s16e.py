"""Entity cases of a user's corpus (a wildfire's local coverage, session 16, red team rt16): a woman whose
first name is a month, a town named like a first name, places named like surnames, a road and its
number, a dateline's state, spurious names. Each rule on a small inline text written for this test,
with exact, hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

from entity_rows import found, quote_rows, rows


def test_a_month_before_a_surname_is_a_first_name_unless_a_word_of_time_comes_before_it():
    # "His wife, June Pickett, ...": "June" (a month and a stop word) split the run, so she was "Pickett",
    # merged with her husband Harold Pickett, and her words his. A month that is a first name of the lists
    # (no modal verb: not "May") before a surname-like word opens the name; after a word of time ("in",
    # "since", "last", any case) it is the month; "June 12" is a date (no name after it)
    e = found("Harold Pickett, 78, stood by the door. His wife, June Pickett, held the dog.",
              "In June Pickett said the fire was out.",
              "Since April Ruiz has led the district. The vote was on June 12.",
              "Harold and August Wilson fled.")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "text", "entity", "type") == [
        ("d0", "Harold Pickett", "Harold Pickett", "person"), ("d0", "June Pickett", "June Pickett", "person"),
        ("d1", "Pickett", "Pickett", "person"),
        ("d2", "Ruiz", "Ruiz", "person"),
        ("d3", "Harold", "Harold Wilson", "person"), ("d3", "August Wilson", "August Wilson", "person")]


def test_a_woman_named_for_a_month_keeps_her_quotes():
    text = ("Harold Pickett, 78, stood by the gym door. His wife, April Pickett, held the dog.\n\n"
            "\"The sky turned orange,\" she said.\n\n"
            "April Pickett said she was trying to stay calm for her husband.")
    assert [(q[1], q[2], q[3]) for q in quote_rows(text)] == [
        ("direct", "The sky turned orange", "April Pickett"),
        ("reported", "she was trying to stay calm for her husband", "April Pickett")]
