"""rt18 red team (Indian and Australian business and courts news, the invented Varuna Infra collapse):
currencies before amounts, a company's short form across articles, role words before names, a place
that is also a surname, an all-caps kicker and accented letters in ids (findings H1, H3, M6, M4, M8, L3)."""

from __future__ import annotations

import pandas as pd

import analysis as wb
from analysis.text import slug, split_sentences

from entity_rows import docs, found, rows


def _load(*texts: str) -> pd.DataFrame:
    return wb.load_corpus(pd.DataFrame({"title": [f"T{i}" for i in range(len(texts))], "text": list(texts)}))


# ---------------------------------------------------------------------- H1: currencies before amounts

def test_rupees_before_an_amount_are_no_name_nor_the_end_of_one():
    e = found("SBI lent Rs 3,850 crore, Punjab National Bank Rs 1,920 crore and Bank of Baroda Rs. 1,240 crore. "
              "Rs 6,300 crore was set aside, and INR 500 went to Tata Motors Rs.500 later.")
    assert rows(e, "text", "entity", "type") == [
        ("SBI", "SBI", "organization"),
        ("Punjab National Bank", "Punjab National Bank", "organization"),
        ("Bank of Baroda", "Bank of Baroda", "organization"),
        ("Tata Motors", "Tata Motors", "organization")]


def test_australian_dollars_are_amounts_but_an_aircraft_stays_a_name():
    e = found("The fund wrote down its $A1.2 billion stake to $A310 million, then A$40 million and US$5m. "
              "The airline Qantas flies the A380 and Airbus sold an A310 to Emirates.")
    # no "A1.2", "A310" (after "$"), "A" or "US": the amounts; "A380" and "A310" with no "$" stay names
    assert rows(e, "text") == [("Qantas",), ("A380",), ("Airbus",), ("A310",), ("Emirates",)]


def test_rupee_abbreviation_before_a_number_ends_no_sentence():
    text = "Bank of Baroda lent Rs. 1,240 crore. Rs. 6,300 crore was set aside."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Bank of Baroda lent Rs. 1,240 crore.", "Rs. 6,300 crore was set aside."]
