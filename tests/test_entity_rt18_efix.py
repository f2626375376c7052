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


# ------------------------------------------------------ H3: a company's one-word short form, no chains

VARUNA = "organization:varuna_infra_ltd"


def test_a_company_first_word_alone_is_the_company_and_same_as_writes_no_chain():
    docs = _load("Varuna Infra Ltd collapsed in August. Banks lent Varuna Infra Ltd money. Varuna Infra Ltd denies it. "
                 "Varuna Infra Ltd owes more.",
                 "Mr Venkataraman, the founder of Varuna, denies all charges.",
                 "Varuna stopped paying salaries in August. The Varuna Employees Union protested.")
    ents = wb.entities(docs)
    table = wb.entity_table(ents)
    same = {a: b if isinstance(b, str) else None for a, b in zip(table["entity_id"], table["same_as"])}
    # "founder of Varuna" types an organisation, the bare "Varuna" nothing: both are the company (the union,
    # one mention beside the company's four, 80% of theirs, is not what "Varuna" alone names)
    assert {k: v for k, v in same.items() if k.endswith(":varuna")} == {
        "organization:varuna": VARUNA, "other:varuna": VARUNA}
    assert not any(same.get(v) for v in same.values() if v)  # no link leads to a linked entity
    by = wb.entities_by(ents)
    assert by[by["name"].str.startswith("Varuna")][["key", "name", "mentions", "documents"]].values.tolist() == [
        [VARUNA, "Varuna Infra Ltd", 6, 3], ["organization:varuna_employees_union", "Varuna Employees Union", 1, 1]]


def test_an_untyped_first_word_goes_to_the_one_organisation_but_not_between_two_of_equal_weight():
    one = wb.entity_table(wb.entities(_load("Varuna Infra Ltd collapsed in August.",
                                            "Varuna stopped paying salaries in August.")))
    assert one[["entity_id", "same_as"]].fillna("").values.tolist() == [
        [VARUNA, ""], ["other:varuna", VARUNA]]
    two = wb.entity_table(wb.entities(_load("Varuna Infra Ltd collapsed in August. The Varuna Employees Union "
                                            "protested.", "Varuna stopped paying salaries in August.")))
    assert two[["entity_id", "same_as"]].fillna("").values.tolist() == [
        [VARUNA, ""], ["organization:varuna_employees_union", ""], ["other:varuna", ""]]


# --------------------------------------------------------------- M6: role words before a name are titles

def test_justice_advocate_and_whistleblower_are_titles_not_names():
    e = found("Mr. Venkataraman appeared before Justice A.K. Mehta of the Bombay High Court. Advocate Farah Qureshi, "
              "appearing for the founder, objected. \"My client has cooperated at every stage,\" she said.",
              "2023: Whistleblower Lakshmi writes to SEBI about payments to unknown firms.",
              "Adv. Farah Qureshi spoke for the defence.")
    assert rows(e, "doc_id", "text", "entity_id", "type", "title", "gender") == [
        ("d0", "Venkataraman", "person:venkataraman", "person", "mr.", "male"),
        ("d0", "A.K. Mehta", "person:ak_mehta", "person", "justice", None),
        ("d0", "Bombay High Court", "organization:bombay_high_court", "organization", None, None),
        ("d0", "Farah Qureshi", "person:farah_qureshi", "person", "advocate", "female"),
        ("d0", "she", "person:farah_qureshi", "person", None, "female"),
        ("d1", "Lakshmi", "person:lakshmi", "person", "whistleblower", None),
        ("d1", "SEBI", "organization:sebi", "organization", None, None),
        ("d2", "Farah Qureshi", "person:farah_qureshi", "person", "adv.", "female")]  # (her gender: the corpus's)


def test_the_advocate_keeps_her_quotation():
    text = ("Advocate Farah Qureshi, appearing for Mr. Venkataraman, argued that the agency had \"cherry-picked\" "
            "documents. \"My client has cooperated at every stage,\" she said, \"and the prosecution knows it.\"")
    quotes = wb.quotes(docs(text), {"actors": []})
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == ["Farah Qureshi"]


def test_justice_department_and_advocate_general_stay_as_they_are():
    e = found("The Justice Department said it would appeal. The Advocate General told the court the law stood. "
              "Advocate General Kamal Nath said so. The hospital chain Advocate Health Care said it would comply. "
              "Cases under the Whistleblower Protection Act rose.")
    assert rows(e, "text", "entity_id", "title") == [
        ("Justice Department", "organization:justice_department", None),
        # the office alone is a title and no name, as "the Attorney General" is; before a name, its holder's
        ("Kamal Nath", "person:kamal_nath", "advocate general"),
        ("Advocate Health Care", "organization:advocate_health_care", None),
        ("Whistleblower Protection Act", "other:whistleblower_protection_act", None)]


# ---------------------------------------------------------------- M4: a place that is also a surname

def test_a_town_after_in_is_the_place_not_the_surname_of_the_person_named_with_it():
    e = found("Financial adviser Helen Darwin, who is based in Darwin, said members should not switch funds. "
              "Ms Darwin lives in Darwin. Darwin added that fees were low. Prices in Darwin fell.",
              "Helen Darwin, who moved to Darwin from Perth, spoke. A letter was sent to Darwin later.")
    assert rows(e, "doc_id", "text", "entity_id", "via") == [
        ("d0", "Helen Darwin", "person:helen_darwin", "name"),
        ("d0", "Darwin", "place:darwin", "name"),  # "based in": the town
        ("d0", "Darwin", "person:helen_darwin", "short"),  # "Ms Darwin"
        ("d0", "Darwin", "place:darwin", "name"),
        ("d0", "Darwin", "person:helen_darwin", "short"),
        ("d0", "Darwin", "place:darwin", "name"),  # the town of the document again, after "in"
        ("d1", "Helen Darwin", "person:helen_darwin", "name"),
        ("d1", "Darwin", "place:darwin", "name"),  # "to", with her full name in the sentence: the town
        ("d1", "Perth", "place:perth", "name"),
        ("d1", "Darwin", "person:helen_darwin", "short")]  # "to" in another sentence: her surname, as before
    assert set(e.loc[e["entity_id"] == "place:darwin", "evidence"]) == {"town, beside the person Helen Darwin"}


def test_a_surname_after_a_sentence_opening_in_or_in_another_sentence_stays_the_person():
    e = found("Helen Darwin said the fund was sound. In Darwin's view, members should stay. Darwin added more.",
              "John Smith said. In Smith's view the deal failed. Smith left.",
              "Helen Darwin spoke first. Confidence in Darwin grew.")
    assert rows(e, "text", "entity_id", "via") == [
        ("Helen Darwin", "person:helen_darwin", "name"), ("Darwin", "person:helen_darwin", "short"),
        ("Darwin", "person:helen_darwin", "short"),
        ("John Smith", "person:john_smith", "name"), ("Smith", "person:john_smith", "short"),
        ("Smith", "person:john_smith", "short"),
        ("Helen Darwin", "person:helen_darwin", "name"), ("Darwin", "person:helen_darwin", "short")]


# ------------------------------------------------------------------------------ M8: an all-caps kicker

def test_a_one_word_capital_line_opening_the_body_is_a_kicker_no_sentence_no_entity():
    texts = ("COURTS\n\nMUMBAI, Dec 3 (PTI) — The founder of Varuna Infra Ltd appeared before the Bombay High Court.",
             "NASA\n\nNASA said the launch was delayed.",
             "NASA said the launch was delayed.")
    d = docs(*texts, standfirst=["MUMBAI, Dec 3 (PTI) — The founder of Varuna Infra Ltd appeared before the Bombay "
                                 "High Court.", None, None])
    s = wb.sentences(d)
    assert rows(s, "doc_id", "sentence_id", "paragraph_id", "section", "text") == [
        ("d0", 1, 2, "standfirst", texts[0][8:]),  # (the lede is still the standfirst)
        ("d1", 1, 2, "body", "NASA said the launch was delayed."),
        ("d2", 1, 1, "body", "NASA said the launch was delayed.")]
    e = found(*texts)
    assert rows(e, "doc_id", "text", "type") == [
        ("d0", "MUMBAI", "place"), ("d0", "Varuna Infra Ltd", "organization"),
        ("d0", "Bombay High Court", "organization"),
        ("d1", "NASA", "organization"), ("d2", "NASA", "organization")]


# ---------------------------------------------------------------------------- L3: accents in ids

def test_ids_fold_accents_and_ascii_ids_stay_as_they_were():
    assert [slug(n, empty="entity") for n in ("Chloé Béranger", "Zoë Nguyễn", "Søren Ørsted", "Dr. Ruth O'Neil-Adeyemi",
                                              "नमस्ते")] == [
        "chloe_beranger", "zoe_nguyen", "soren_orsted", "dr_ruth_oneil_adeyemi", "entity"]
    d = _load('SCL chair Chloé Béranger said the board had lessons to learn. Ms Béranger, a former banker, spoke. '
              '"It is a culture of trust," said Zoë Nguyễn, a governance analyst. Ms Nguyễn left.',
              "Chloe Beranger, written without accents, spoke again.")
    ents = wb.entities(d)
    assert sorted(set(ents["entity_id"])) == ["organization:scl", "person:chloe_beranger", "person:zoe_nguyen"]
    suggested = wb.discover_actors(d)
    assert sorted(suggested["suggested_id"]) == ["beranger", "nguyen", "scl"]
