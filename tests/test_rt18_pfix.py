"""rt18 red team (Indian and Australian business and court coverage): a he/she inside a quotation whose
speaker is a he/she (H2a), and a founder and his son who share a surname, written "Mr Venkataraman" alone
in some articles (H4). Each rule on small inline texts written for this test, with exact, hand-checked
expectations; each test fails on the code before its rule."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import analysis as wb
from analysis.profiles import actor_profile
from entity_rows import docs, found, quote_rows, rows


def _pronouns(e):
    return rows(e[e.via == "pronoun"], "doc_id", "sentence_id", "text", "entity")


def test_a_pronoun_in_a_quotation_a_she_gives_is_not_the_speaker_and_teaches_no_gender():
    # '"I asked my supervisor and he told me to drop it," she said': the "he" is the supervisor, not Anita
    # (who would say "I"); before, it went to Anita, made her male, and her two "…, she said" quotations
    # then lost their speaker
    text = ("Anita, a clerk at the port authority, saw the ledger in 2024.\n\n"
            "\"I asked my supervisor and he told me to drop it,\" she said. \"So I wrote to the regulator.\"\n\n"
            "Anita was dismissed in May. \"I only did my job,\" she said.")
    e = found(text)
    assert _pronouns(e) == [("d0", 2, "she", "Anita"), ("d0", 5, "she", "Anita")]
    assert e.loc[e.entity == "Anita", "gender"].unique().tolist() == ["female"]
    assert [(kind, quote, speaker) for _, kind, quote, speaker, *_ in quote_rows(text) if kind == "direct"] == [
        ("direct", "I asked my supervisor and he told me to drop it … So I wrote to the regulator.", "Anita"),
        ("direct", "I only did my job", "Anita")]


def test_which_person_a_pronoun_in_a_quotation_a_he_or_she_gives_can_be():
    e = found(
        # d0: the speaker named after it (as before): the "he" is not Anita, and no one else is named
        "Anita spoke to reporters. \"I asked my supervisor and he told me to drop it,\" Anita said.",
        # d1: the speaker is a she and the pronoun a he of a person named in the quotation before it
        "Anita spoke to reporters. \"Tomas was kind and he listened,\" she said.",
        # d2: a man of known gender, named before the quotation, who is not the "she" that speaks
        "Mr. Tomas Berg hired Anita in 2020. \"I asked him for help and he refused,\" she said.",
        # d3: the pronoun has the speaker's gender: it may be the man named before, or another: no one
        "Mr. Tomas Berg spoke to reporters. \"I asked my supervisor and he told me to drop it,\" he said.",
        # d4: the he/she gives the words before the quotation ('she said: "…"')
        "Anita spoke to reporters. She said: \"He told me to drop it.\"")
    assert _pronouns(e) == [
        ("d1", 2, "he", "Tomas"), ("d1", 2, "she", "Anita"),
        ("d2", 2, "him", "Tomas Berg"), ("d2", 2, "he", "Tomas Berg"), ("d2", 2, "she", "Anita"),
        ("d3", 2, "he", "Tomas Berg"),
        ("d4", 2, "She", "Anita")]


def test_a_she_after_a_quotation_that_opened_a_sentence_earlier_gives_it_to_who_spoke_before_it():
    # '"Everybody knew his temper. | Nobody wanted to be next," she said': the quotation opened in the
    # sentence before, so the straight mark before "she" closes it (the pronoun is outside it), and the
    # person who gives words before the quotation (S. Kavitha) says it, not the woman named earlier
    e = found("Anita wrote to the regulator. She was dismissed in May. One of her colleagues, S. Kavitha, said "
              "that the staff were afraid of the director. \"Everybody knew his temper. Nobody wanted to be "
              "next,\" she said.")
    assert _pronouns(e) == [("d0", 2, "She", "Anita"), ("d0", 3, "her", "Anita"), ("d0", 5, "she", "S. Kavitha")]


FOUNDER = ["The founder of the collapsed Varuna Infra Ltd, Ramesh Venkataraman, appeared in court. "
           "The founder's son, Arjun Venkataraman, was not present.",
           "Mr Venkataraman, the founder of Varuna, denies all charges.",
           "SEBI has barred Mr. Venkataraman and his son from the market.",
           "Staff were afraid of Mr. Venkataraman."]


def test_a_bare_surname_with_the_role_of_one_full_name_bearer_is_that_one():
    e = wb.entities(docs(*FOUNDER), actors={"actors": []})
    assert rows(e[e.text.str.contains("Venkataraman")], "doc_id", "text", "entity_id", "title") == [
        ("d0", "Ramesh Venkataraman", "person:ramesh_venkataraman", "founder"),
        ("d0", "Arjun Venkataraman", "person:arjun_venkataraman", None),
        ("d1", "Venkataraman", "person:venkataraman__founder", "founder"),
        ("d2", "Venkataraman", "person:venkataraman", "mr."),
        ("d3", "Venkataraman", "person:venkataraman", "mr.")]
    table = wb.entity_table(e, actors={"actors": []})
    same = table.set_index("entity_id")["same_as"]
    assert same.dropna().to_dict() == {"person:venkataraman__founder": "person:ramesh_venkataraman",
                                       "organization:varuna": "organization:varuna_infra_ltd"}
    assert wb.entities_by(e, actors={"actors": []}).set_index("key").loc[
        ["person:ramesh_venkataraman", "person:venkataraman"], ["mentions", "documents"]].values.tolist() == [
        [2, 2], [2, 2]]


@pytest.mark.parametrize("son, bare, role_id", [
    # the son has the role too (founder of another company): either may be meant
    ("His son, Arjun Venkataraman, the founder of Kiran Labs, was not present.",
     "Mr Venkataraman, the founder of Varuna, denies all charges.", "person:venkataraman__founder"),
    # a role no full name has: no one
    ("His son, Arjun Venkataraman, was not present.",
     "Mr Venkataraman, the chairman of Varuna, denies all charges.", "person:venkataraman__chairman"),
])
def test_a_bare_surname_whose_role_no_one_or_two_bearers_have_stays_the_bare_surname(son, bare, role_id):
    texts = ["Ramesh Venkataraman, the founder of Varuna, appeared in court. " + son, bare,
             "Staff were afraid of Mr. Venkataraman."]
    table = wb.entity_table(wb.entities(docs(*texts), actors={"actors": []}), actors={"actors": []})
    assert table.set_index("entity_id")["same_as"].dropna().to_dict() == {role_id: "person:venkataraman"}


def test_the_profile_names_the_bare_surname_it_does_not_count_and_who_it_may_be():
    result = wb.analyze(docs(*FOUNDER), actors={"actors": []})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        card = actor_profile(result, actor_id="Ramesh Venkataraman").card
    note = "2 mentions of 'Venkataraman' in 2 articles are not counted: they may be Ramesh or Arjun Venkataraman"
    assert card["field"].tolist()[:7] == ["lexicon entry", "names counted", "mentions", "pronoun mentions",
                                          "documents", "not counted", "quoted directly"]
    values = card.set_index("field")["value"]
    assert (values["names counted"], values["mentions"], values["documents"], values["not counted"]) == (
        "Ramesh Venkataraman, Venkataraman (1 of its 3 mentions)", "2", "2", note)
    assert [str(w.message) for w in caught if "not counted" in str(w.message)] == [f"Ramesh Venkataraman: {note}"]
    # a profile whose forms are all its own has no such row
    assert "not counted" not in actor_profile(result, actor_id="Arjun Venkataraman").card["field"].tolist()
