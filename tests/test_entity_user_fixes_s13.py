"""Entity and speaker cases a user's corpus tripped over (session 13): each rule on a small inline text
written for this test, with exact, hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

import pandas as pd

import analysis as wb

from entity_rows import NONE, docs, found, rows


def _quotes(*texts: str) -> list[tuple]:
    """(quote, speaker, speaker_entity_id) of every quotation of ``wb.quotes`` without a lexicon."""
    out = wb.quotes(docs(*texts), NONE)
    return [tuple(None if v is pd.NA or isinstance(v, float) else v for v in r)
            for r in out[["quote", "speaker", "speaker_entity_id"]].itertuples(index=False, name=None)]


def test_a_role_written_before_an_honorific_is_the_title_and_a_capitalised_title_word_is_no_name():
    # "Harbour master Ann Keel": "Harbour" opens the title, no entity of its own; "vice-chancellor Dr.
    # Mary Ode": the role is the title, the honorific of no gender dropped from it (also where the
    # title is capitalised: no "vice-chancellor dr."); an honorific that states a gender stays ("mp dame")
    e = found("Harbour master Ann Keel closed the port on Sunday. The university's vice-chancellor Dr. Mary Ode "
              "praised the crew. Keel said the storm had passed.",
              "Vice-Chancellor Dr. Tom Ode left early. Researcher Dr. Ruth Amadi and Labour MP Dame Sarah Hill "
              "stayed. The firm will hire Master, the lawyer, next week.")
    assert rows(e, "doc_id", "text", "entity", "type", "title") == [
        ("d0", "Ann Keel", "Ann Keel", "person", "harbour master"),
        ("d0", "Mary Ode", "Mary Ode", "person", "vice-chancellor"),
        ("d0", "Keel", "Ann Keel", "person", None),
        ("d1", "Tom Ode", "Tom Ode", "person", "vice-chancellor"),
        ("d1", "Ruth Amadi", "Ruth Amadi", "person", "researcher"),
        ("d1", "Labour", "Labour", "organization", None),
        ("d1", "Sarah Hill", "Sarah Hill", "person", "mp dame"),
        ("d1", "Master", "Master", "person", "lawyer")]  # (session 15: the apposition's title)


def test_mr_and_mrs_of_one_surname_are_two_people():
    # honorifics of different genders before one surname name two people, each shown with the honorific
    # ("Mr and Mrs Jones": the "Mr" stands for Mr Jones); a later bare "Jones" is the most recent of
    # them; one honorific alone, or two of one gender ("Mr Smith and Mr Jones"), changes nothing
    e = found("Mr and Mrs Jones run the bakery. Mr Jones said trade was slow. Mrs Jones disagreed. Jones added "
              "that she would stay.",
              "Mr. Jones opened the shop in 1990. Mrs. Jones joined him later.",
              "Mr Smith and Mr Jones met. Jones said no.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity_id", "entity", "via", "title") == [
        ("d0", 1, "Mr", "person:mr_jones", "Mr Jones", "short", "mr"),
        ("d0", 1, "Jones", "person:mrs_jones", "Mrs Jones", "name", "mrs"),
        ("d0", 2, "Jones", "person:mr_jones", "Mr Jones", "name", "mr"),
        ("d0", 3, "Jones", "person:mrs_jones", "Mrs Jones", "name", "mrs"),
        ("d0", 4, "Jones", "person:mrs_jones", "Mrs Jones", "name", None),
        ("d0", 4, "she", "person:mrs_jones", "Mrs Jones", "pronoun", None),
        ("d1", 1, "Jones", "person:mr_jones", "Mr. Jones", "name", "mr."),
        ("d1", 2, "Jones", "person:mrs_jones", "Mrs. Jones", "name", "mrs."),
        ("d1", 2, "him", "person:mr_jones", "Mr. Jones", "pronoun", None),
        ("d2", 1, "Smith", "person:smith", "Smith", "name", "mr"),
        ("d2", 1, "Jones", "person:jones", "Jones", "name", "mr"),
        ("d2", 2, "Jones", "person:jones", "Jones", "name", None)]
    assert _quotes("Mr and Mrs Jones run the bakery. Mr Jones said trade was slow. Mrs Jones said the rent had "
                   "doubled.") == [("trade was slow", "Mr Jones", "person:mr_jones"),
                                   ("the rent had doubled", "Mrs Jones", "person:mrs_jones")]


def test_a_head_word_starting_a_sentence_is_the_one_organisation_named_after_a_place_with_it():
    # "Police said" after "Westbrook Police", "Council officials said" after "Harlow County Council": the
    # one organisation of the document named with that head word after a place; with two (Westbrook
    # Police, Harlow Police) neither; "Administration officials" is no "Small Business Administration"
    e = found("Westbrook Police arrested two men on Friday. Police said the men were 24 and 31. Harlow County "
              "Council closed the road. Council officials said it would reopen on Monday.",
              "Westbrook Police and Harlow Police searched the moor. Police said nothing was found.",
              "The Small Business Administration cut loans. Administration officials said little.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "via") == [
        ("d0", 1, "Westbrook Police", "Westbrook Police", "name"), ("d0", 2, "Police", "Westbrook Police", "short"),
        ("d0", 3, "Harlow County Council", "Harlow County Council", "name"),
        ("d0", 4, "Council", "Harlow County Council", "short"),
        ("d1", 1, "Westbrook Police", "Westbrook Police", "name"), ("d1", 1, "Harlow Police", "Harlow Police", "name"),
        ("d2", 1, "Small Business Administration", "Small Business Administration", "name")]
    # (a head word opening its sentence that is none of them is no name of its own: "Police" of d1 and
    # "Administration" of d2; tests/test_entity_user_fixes_s13b.py)
    assert _quotes("Westbrook Police arrested two men on Friday. Police said the men were 24 and 31.") == [
        ("the men were 24 and 31", "Westbrook Police", "organization:westbrook_police")]


def test_an_acronym_with_lower_case_letters_links_to_the_one_organisation_it_spells():
    # "the DfE said" after "the Department for Education": capitals for the capitalised words, a
    # lower-case letter for "for"/"of" ("MoD": Ministry of Defence); an all-capitals acronym as before
    # ("NHS"); with two organisations it spells (Department for Education, Department for Energy) neither
    e = found("The Department for Education announced new funding on Monday. Schools will get more money, the DfE "
              "said. The National Health Service is also affected. The NHS said waiting lists were falling.",
              "The Ministry of Defence confirmed the test. The MoD said it was routine.",
              "The Department for Education and the Department for Energy met. The DfE said little.")
    assert rows(e, "doc_id", "text", "entity", "via") == [
        ("d0", "Department for Education", "Department for Education", "name"),
        ("d0", "DfE", "Department for Education", "short"),
        ("d0", "National Health Service", "National Health Service", "name"),
        ("d0", "NHS", "National Health Service", "short"),
        ("d1", "Ministry of Defence", "Ministry of Defence", "name"), ("d1", "MoD", "Ministry of Defence", "short"),
        ("d2", "Department for Education", "Department for Education", "name"),
        ("d2", "Department for Energy", "Department for Energy", "name"), ("d2", "DfE", "DfE", "name")]
    assert _quotes("The Department for Education announced new funding. Schools will get more money, the DfE "
                   "said.") == [("Schools will get more money", "Department for Education",
                                 "organization:department_for_education")]


def test_a_role_only_speaker_links_to_the_one_person_named_earlier_with_that_role():
    # "the Ashvale manager said" after "Ashvale manager Tom Reid" (the role with its modifier; another
    # club's manager named too changes nothing), "the agent said" after "Her agent, Luca Bianchi,", "the
    # union's spokeswoman said" after "Union spokeswoman Dana Frost" (the title after the possessive):
    # linked, kept nominal; with two people of the role ("Agents Luca Bianchi and Pia Roth") or two
    # spokeswomen it stays unlinked
    one = ('Ashvale manager Tom Reid and Brookfield manager Sam Hale met on Saturday. "We were brilliant," the '
           'Ashvale manager said. Midfielder Jo Park is wanted elsewhere. Her agent, Luca Bianchi, met the club. '
           '"Talks are going well," the agent said. Union spokeswoman Dana Frost called the offer an insult. '
           '"Our members deserve better," the union\'s spokeswoman said.')
    two = ('Agents Luca Bianchi and Pia Roth were there. "Talks are going well," the agent said. Union spokeswoman '
           'Dana Frost and company spokeswoman Amy Lee spoke. "Our members deserve better," the union\'s '
           'spokeswoman said.')
    out = wb.quotes(docs(one, two), NONE)
    assert [tuple(None if v is pd.NA or isinstance(v, float) else v for v in r)
            for r in out[["speaker", "speaker_type", "speaker_entity_id"]].itertuples(index=False, name=None)] == [
        ("Tom Reid", "nominal", "person:tom_reid"), ("Luca Bianchi", "nominal", "person:luca_bianchi"),
        ("Dana Frost", "nominal", "person:dana_frost"),
        ("the agent", "nominal", None), ("the union's spokeswoman", "nominal", None)]
