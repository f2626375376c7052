"""Leftovers of earlier red teams on the entity layer and speakers (session 16, issues 11 and 12): a
speaker named by age, "said the striker.", a club before a role, role phrases with "for"/"of" before a
name, "the regulator", families, and chants in single marks. Each rule on small inline texts of our own
with exact, hand-checked rows; each test fails on the code before its rule."""

from __future__ import annotations

import pandas as pd

import analysis as wb

from entity_rows import found, quote_rows, rows


def test_a_nominal_speaker_naming_an_age_is_the_one_person_given_that_age():
    # "the 31-year-old striker" was left unlinked (only "the 31-year-old" alone was looked up): the age
    # names the person whatever noun follows it; two people given that age before: no one
    assert quote_rows(
        'Jamie Doyle, 24, scored twice. Callum Doyle, 27, watched. "It was great," the 24-year-old said.',
        'Jamie Doyle, 31, scored. "It was great," the 31-year-old striker said. Mark Lee, 31, agreed.',
        'Jamie Doyle, 24, scored. Mark Lee, 24, agreed. "It was great," the 24-year-old said.',
        'Jamie Doyle, 24, scored. Mark Lee, 24, agreed. "It was great," the 24-year-old striker said.') == [
        ("d0", "direct", "It was great", "Jamie Doyle", "nominal", "person:jamie_doyle"),
        ("d1", "direct", "It was great", "Jamie Doyle", "nominal", "person:jamie_doyle"),
        ("d2", "direct", "It was great", "the 24-year-old", "nominal", None),
        ("d3", "direct", "It was great", "the 24-year-old striker", "nominal", None)]


def test_said_the_striker_ends_at_its_full_stop_and_links_like_the_striker_said():
    # "Striker" is an honorific ("Striker Jamie Doyle"), so "striker." was read as an abbreviation: the
    # speaker was "the striker." and stayed unlinked; a lower-case word before a full stop ends the phrase
    assert quote_rows(
        'Harlow striker Jamie Doyle scored twice. "It was a great night for us," said the striker.',
        'Harlow striker Jamie Doyle scored. Millbrook striker Aaron Fitch missed. "It was a great night for us," '
        'said the striker.',
        '"We deserved the win tonight," said the striker. He left.') == [
        ("d0", "direct", "It was a great night for us", "Jamie Doyle", "nominal", "person:jamie_doyle"),
        ("d1", "direct", "It was a great night for us", "the striker", "nominal", None),
        ("d2", "direct", "We deserved the win tonight", "the striker", "nominal", None)]


def test_a_town_club_before_a_team_role_is_a_club():
    # "Former Millbrook Town manager Alan Pike": "Millbrook Town" was a place by its "Town"; a team's role
    # right after it makes it the club (affiliation before a title); without one it stays a place
    e = found("Former Millbrook Town manager Alan Pike has joined the board.",
              "The council met in Millbrook Town on Monday.")
    assert rows(e, "doc_id", "text", "entity", "type", "via", "title") == [
        ("d0", "Millbrook Town", "Millbrook Town", "organization", "name", None),
        ("d0", "Alan Pike", "Alan Pike", "person", "name", "manager"),
        ("d1", "Millbrook Town", "Millbrook Town", "place", "name", None)]
    assert rows(wb.entity_table(e), "entity", "type", "evidence") == [
        ("Millbrook Town", "organization", "club: manager"), ("Alan Pike", "person", "title: manager"),
        ("Millbrook Town", "place", "place word: Town")]


def test_a_role_phrase_with_for_or_of_before_a_name_is_the_title_of_that_person():
    # "Foreign Affairs Sergey Lavrov" (type other), "Spokesman for Acme Corp" (organisation) and "John"
    # (Smith lost), "Health Jane Doe", "Director of Communications" (organisation): the role phrase is the
    # title, the name after it the person and the speaker; "a spokesman for Ms. Ruiz" stays nominal
    e = found("Minister for Foreign Affairs Sergey Lavrov said the talks were over.",
              "Spokesman for Acme Corp John Smith said the plant would close.",
              "Secretary of State for Health Jane Doe visited the hospital. Director of Communications Tara Reid "
              "stayed.")
    assert rows(e, "doc_id", "text", "entity", "type", "via", "title") == [
        ("d0", "Sergey Lavrov", "Sergey Lavrov", "person", "name", "minister for foreign affairs"),
        ("d1", "John Smith", "John Smith", "person", "name", "spokesman for acme corp"),
        ("d2", "Jane Doe", "Jane Doe", "person", "name", "secretary of state for health"),
        ("d2", "Tara Reid", "Tara Reid", "person", "name", "director of communications")]
    assert quote_rows("Minister for Foreign Affairs Sergey Lavrov said the talks were over.",
                      "Spokesman for Acme Corp John Smith said the plant would close.",
                      '"We will fight on," said Secretary of State for Health Jane Doe.',
                      "Ana Ruiz lost. A spokesman for Ms. Ruiz said she would appeal.") == [
        ("d0", "reported", "the talks were over", "Sergey Lavrov", "name", "person:sergey_lavrov"),
        ("d1", "reported", "the plant would close", "John Smith", "name", "person:john_smith"),
        ("d2", "direct", "We will fight on", "Jane Doe", "name", "person:jane_doe"),
        ("d3", "reported", "she would appeal", "A spokesman for Ms. Ruiz", "nominal", None)]


def test_a_regulator_is_an_organisation_and_the_regulator_links_to_the_one_named():
    # "Energy Regulator" was type other, "the Office of the Energy Regulator" two names ("Office" an
    # organisation of its own); "the regulator" links to the one regulator named, two: none
    texts = ["The Energy Regulator fined the firm. The regulator said the fine was fair.",
             "The Office of the Energy Regulator fined the firm on Monday. The regulator said the fine was fair.",
             "The Energy Regulator fined the firm. The Water Regulator agreed. The regulator said the fine was fair."]
    assert rows(found(*texts), "doc_id", "text", "type", "via") == [
        ("d0", "Energy Regulator", "organization", "name"),
        ("d1", "Office of the Energy Regulator", "organization", "name"),
        ("d2", "Energy Regulator", "organization", "name"),
        ("d2", "Water Regulator", "organization", "name")]
    assert quote_rows(*texts) == [
        ("d0", "reported", "the fine was fair", "Energy Regulator", "nominal", "organization:energy_regulator"),
        ("d1", "reported", "the fine was fair", "Office of the Energy Regulator", "nominal",
         "organization:office_of_the_energy_regulator"),
        ("d2", "reported", "the fine was fair", "The regulator", "nominal", None)]


def test_a_surname_and_a_family_noun_after_the_is_a_group():
    # "The Doyle brothers" was Callum Doyle's short form (or type other alone), "the Smith family" the
    # person Smith: the name and the noun are one group's, as "the Obamas" is a family
    e = found("Jamie Doyle scored. His brother Callum Doyle watched. The Doyle brothers combined again.",
              "The Smith family sued the council.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 1, "Jamie Doyle", "Jamie Doyle", "person", "name"),
        ("d0", 2, "His", "Jamie Doyle", "person", "pronoun"),
        ("d0", 2, "Callum Doyle", "Callum Doyle", "person", "name"),
        ("d0", 3, "Doyle brothers", "Doyle brothers", "group", "name"),
        ("d1", 1, "Smith family", "Smith family", "group", "name")]
    assert rows(wb.entity_table(e), "entity", "type", "evidence") == [
        ("Jamie Doyle", "person", "first name: Jamie"), ("Callum Doyle", "person", "surname: Doyle"),
        ("Doyle brothers", "group", "family noun: brothers"), ("Smith family", "group", "family noun: family")]


def test_a_chant_or_banner_in_single_marks_is_no_quotation():
    # "sang 'the Reds are ours'", "A banner read 'Our club, our city'" were direct quotations without a
    # speaker, counted in every speaker's quote share; speech in single marks with a cue, or going on
    # from a speaker's, or opening its sentence, stays
    assert quote_rows("Supporters sang 'the Reds are ours' before kick-off. A banner read 'Our club, our city' "
                      "as fans gathered.",
                      "'We were awful today,' Reyes said. 'The fans deserve better than this.'",
                      "Reyes spoke to the fans. 'The fans deserve better than this and more.'",
                      'Fans chanted "Pike out, Pike out now" outside the ground.') == [
        ("d1", "direct", "We were awful today … The fans deserve better than this.", "Reyes", "name",
         "person:reyes"),
        ("d2", "direct", "The fans deserve better than this and more.", None, None, None)]
    d = wb.load_corpus(pd.DataFrame({"title": ["T"], "text": [
        "Supporters sang 'the Reds are ours' before kick-off. Reyes said the fans deserved better."]}))
    v = wb.voice(wb.entities(d), wb.quotes(d))
    assert v[["actor", "quotes", "quote_share"]].values.tolist() == [["Reds", 0, 0.0], ["Reyes", 1, 1.0]]
