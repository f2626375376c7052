"""rt17 red team (UK regional news, an NHS trust): institutions' short forms, UK place names, hometowns,
seats held for an area, kin, parties and first names across articles (findings H3, H7, L5, M7)."""

from __future__ import annotations

import pandas as pd

import analysis as wb
from analysis.entity_words import load_entity_words


def _docs(*texts: str) -> pd.DataFrame:
    return wb.load_corpus(pd.DataFrame({"title": [f"T{i}" for i in range(len(texts))], "text": list(texts)}))


def _rows(*texts: str) -> list[tuple[int, str, str, str]]:
    docs = _docs(*texts)
    ents = wb.entities(docs)
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    return [(order[d], t, e, v) for d, t, e, v in zip(ents["doc_id"], ents["text"], ents["entity_id"], ents["via"])]


TRUST = "organization:royal_wessex_hospitals_nhs_foundation_trust"


def test_royal_short_form_is_the_trust_and_speaks_for_it():
    docs = _docs("Maternity services run by Royal Wessex Hospitals NHS Foundation Trust have been rated inadequate."
                 "\n\nRoyal Wessex said £2.5m would be spent on recruiting 40 midwives.")
    table = wb.entity_table(wb.entities(docs))
    assert table[["entity_id", "type", "mentions"]].values.tolist() == [[TRUST, "organization", 2]]
    quotes = wb.quotes(docs, entities=wb.entities(docs))
    assert quotes[["speaker", "speaker_entity_id"]].values.tolist() == [
        ["Royal Wessex Hospitals NHS Foundation Trust", TRUST]]


def test_uk_institutions_opening_with_royal_queen_nhs_or_a_street():
    rows = _rows("Royal Berkshire NHS Foundation Trust was fined. Royal Berkshire said it would appeal.",
                 "Royal Mail said deliveries would resume on Monday.",
                 "Royal Cornwall Hospitals NHS Trust apologised. A spokesperson for Royal Cornwall said lessons had "
                 "been learned.",
                 "Patients at Queen Alexandra Hospital waited 12 hours. Queen Alexandra said it was under pressure.",
                 "Great Ormond Street said the child had been treated.",
                 "She had asked NHS England to send an improvement team.")
    assert rows == [
        (0, "Royal Berkshire NHS Foundation Trust", "organization:royal_berkshire_nhs_foundation_trust", "name"),
        (0, "Royal Berkshire", "organization:royal_berkshire_nhs_foundation_trust", "short"),
        (1, "Royal Mail", "organization:royal_mail", "name"),
        (2, "Royal Cornwall Hospitals NHS Trust", "organization:royal_cornwall_hospitals_nhs_trust", "name"),
        (2, "Royal Cornwall", "organization:royal_cornwall_hospitals_nhs_trust", "short"),
        (3, "Queen Alexandra Hospital", "organization:queen_alexandra_hospital", "name"),
        (3, "Queen Alexandra", "organization:queen_alexandra_hospital", "short"),
        (4, "Great Ormond Street", "organization:great_ormond_street", "name"),
        (5, "NHS England", "organization:nhs_england", "name"),
    ]


def test_royal_town_of_the_gazetteer_stays_a_place():
    assert _rows("Royal Oak police said the road was shut.") == [(0, "Royal Oak", "place:royal_oak", "name")]


def test_queen_before_a_person_is_still_a_title():
    assert _rows("Queen Elizabeth visited the hospital. Queen Elizabeth said it was wonderful.") == [
        (0, "Elizabeth", "person:elizabeth", "name"), (0, "Elizabeth", "person:elizabeth", "name")]


def test_uk_place_names_hometowns_and_no_pronoun_to_a_town():
    rows = _rows("Laura Pryce, from Kingsbury Vale, whose daughter died in 2025, said the findings came as no "
                 "surprise. 'I believed her,' she said.",
                 "'Frankly, the people of Ashworthy and Stoke Marlow deserve better,' said Margaret Ashdown.",
                 "Jamie Holt, from Little Denford near Winchester, lost their son Noah in March.",
                 "Tom Reid, 45, from Southend-on-Sea, spoke first.")
    assert rows == [
        (0, "Laura Pryce", "person:laura_pryce", "name"), (0, "Kingsbury Vale", "place:kingsbury_vale", "name"),
        (0, "her", "person:laura_pryce", "pronoun"), (0, "she", "person:laura_pryce", "pronoun"),
        (1, "Ashworthy", "place:ashworthy", "name"), (1, "Stoke Marlow", "place:stoke_marlow", "name"),
        (1, "Margaret Ashdown", "person:margaret_ashdown", "name"),
        (2, "Jamie Holt", "person:jamie_holt", "name"), (2, "Little Denford", "place:little_denford", "name"),
        (2, "Winchester", "place:winchester", "name"), (2, "Noah", "person:noah", "name"),
        (3, "Tom Reid", "person:tom_reid", "name"), (3, "Southend-on-Sea", "place:southend_on_sea", "name"),
    ]
    table = wb.entity_table(wb.entities(_docs("Laura Pryce, from Kingsbury Vale, whose daughter died, said so.")))
    assert dict(zip(table["entity"], table["evidence"])) == {"Laura Pryce": "first name: Laura",
                                                              "Kingsbury Vale": "place word: Vale"}


def test_village_word_after_a_first_name_keeps_the_person():
    assert _rows("Ian Vale said the plan was late. He left Bognor Regis in May.") == [
        (0, "Ian Vale", "person:ian_vale", "name"), (0, "He", "person:ian_vale", "pronoun"),
        (0, "Bognor Regis", "place:bognor_regis", "name")]


def test_hometown_needs_a_name_and_a_comma_before_from():
    # "a letter from X" is no hometown; a person after "from" keeps being a person
    assert _rows("She read a letter from Jane Doe, who said no.") == [
        (0, "Jane Doe", "person:jane_doe", "name")]


def test_college_of_a_profession_makes_no_place_of_its_word():
    assert _rows("'Midwives told us they don't feel safe,' said Dr Priya Natarajan. The Royal College of "
                 "Midwives (RCM) agreed.",
                 "Nurses will strike next month, the Royal College of Nursing said. Nursing is in crisis.") == [
        (0, "Priya Natarajan", "person:priya_natarajan", "name"),
        (0, "Royal College of Midwives", "organization:royal_college_of_midwives", "name"),
        (0, "RCM", "organization:royal_college_of_midwives", "definition"),
        (1, "Royal College of Nursing", "organization:royal_college_of_nursing", "name"),
    ]


def test_groups_parties_kin_and_seats_for_an_area():
    docs = _docs("Health Secretary Rhiannon Blake told MPs she would act.",
                 "Cllr Peter Lyle, a Liberal Democrat member of the committee, asked why.",
                 "Kwame Mensah, whose wife Abena spent 30 hours in labour, said the couple's son survived.",
                 "The senior coroner for Wessex, Rachel Thorne, said she would write. The MP for Winchester agreed. "
                 "A lawyer for Jane Doe said nothing.")
    table = wb.entity_table(wb.entities(docs))
    got = {e: (t, ev) for e, t, ev in zip(table["entity"], table["type"], table["evidence"])}
    assert got["MPs"] == ("group", "group word: MPs")
    assert got["Liberal Democrat"] == ("organization", "party name")
    assert got["Abena"] == ("person", "kin: wife")
    assert got["Wessex"] == ("place", "place cue: coroner for")
    assert got["Winchester"] == ("place", "place cue: mp for")
    assert got["Jane Doe"] == ("person", "first name: Jane")


def test_short_forms_across_articles():
    docs = _docs("Royal Wessex Hospitals NHS Foundation Trust apologised. Her daughter Ella Pryce died in 2025.",
                 "Royal Wessex said it was sorry. Ella died two days after she was born.",
                 "The senior coroner for Wessex said the death of Ella could have been prevented.")
    table = wb.entity_table(wb.entities(docs))
    same = {e: (None if pd.isna(s) else s) for e, s in zip(table["entity_id"], table["same_as"])}
    assert same == {TRUST: None, "person:ella_pryce": None, "organization:royal_wessex": TRUST,
                    "person:ella": "person:ella_pryce", "place:wessex": None}


def test_bare_first_name_of_two_people_links_to_neither():
    docs = _docs("Ella Pryce died in 2025.", "Ella Hart died in 2024.", "Ella died two days after she was born.")
    table = wb.entity_table(wb.entities(docs))
    assert table.loc[table["entity_id"] == "person:ella", "same_as"].isna().tolist() == [True]


def test_word_lists_of_session_17():
    words = load_entity_words()
    assert {"nhs", "royal"} <= words.org_first
    assert {"mp", "coroner"} <= words.seat_titles
    assert "street" in words.institution_places and "on" in words.place_joins
    assert {"vale", "magna", "parva", "regis"} <= words.village_last and "stoke" in words.place_first
    assert "mps" in words.group_words
