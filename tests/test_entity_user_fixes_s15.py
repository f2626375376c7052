"""Entity cases of a user's corpus (a football club's season, session 15): a club named by its town,
names in single quotation marks, one club across articles, "side", a lexicon alias of a short form.
Each rule on a small inline text written for this test, with exact, hand-checked expectations; each
test fails on the code before its rule."""

from __future__ import annotations

import analysis as wb
from entity_rows import docs, found, rows


def test_a_name_on_either_side_of_a_score_is_a_team():
    # "Harlow lost 1-0 at Millbrook Town": "Harlow" was a person (its surname list, and "lost" a person's
    # verb) while the name right of the score was the club; a name left of a score after a verb of a
    # match, right of it before a join, or between two names is a team; not a vote's tally right after a
    # name ("confirmed Wheeler 52-47") nor a player's sets ("6-4, 6-3")
    e = found("Harlow lost 1-0 at Millbrook Town on Saturday.",
              "Harlow 2-1 Kingsford.",
              "Kingsford lost 1-2 to Harlow.",
              "The Senate confirmed Wheeler 52-47 on Thursday.",
              "Yesterday Nadal beat Federer 6-4, 6-3.")
    assert rows(e, "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "Harlow", "organization:harlow", "club: 1–0"),
        ("d0", "Millbrook Town", "organization:millbrook_town", "club: 1-0"),
        ("d1", "Harlow", "organization:harlow", "club: 2–1"),
        ("d1", "Kingsford", "organization:kingsford", "club: 2–1"),
        ("d2", "Kingsford", "organization:kingsford", "club: 1–2"),
        ("d2", "Harlow", "organization:harlow", "club: 1–2"),
        ("d3", "Senate", "organization:senate", "organization word: senate"),
        ("d3", "Wheeler", "person:wheeler", "surname: Wheeler"),
        ("d4", "Nadal", "other:nadal", "none"),
        ("d4", "Federer", "person:federer", "surname: Federer")]


def test_a_bare_first_word_goes_to_the_organisation_others_are_named_after():
    # "Harlow" after Harlow Athletic and the Harlow Athletic Supporters Trust went to the trust (the most
    # recent organisation starting with it); the trust's name begins with the club's, so the club is the
    # one "Harlow" stands for; of two organisations neither named after the other, the one named most
    # ("Northwind Energy", twice) before the more recent
    e = found("Harlow Athletic sacked its manager. Dr. Priya Nandra chairs the Harlow Athletic Supporters Trust. "
              "According to the league, Harlow have lost 11 matches.",
              "Northwind Energy cut prices. Northwind Energy hired staff. Northwind Media reported it. "
              "Northwind said in a statement that it would appeal.")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "sentence_id", "text", "entity_id", "via") == [
        ("d0", 1, "Harlow Athletic", "organization:harlow_athletic", "name"),
        ("d0", 2, "Priya Nandra", "person:priya_nandra", "name"),
        ("d0", 2, "Harlow Athletic Supporters Trust", "organization:harlow_athletic_supporters_trust", "name"),
        ("d0", 3, "Harlow", "organization:harlow_athletic", "short"),
        ("d1", 1, "Northwind Energy", "organization:northwind_energy", "name"),
        ("d1", 2, "Northwind Energy", "organization:northwind_energy", "name"),
        ("d1", 3, "Northwind Media", "organization:northwind_media", "name"),
        ("d1", 4, "Northwind", "organization:northwind_energy", "short")]


def test_a_headlines_town_that_is_a_surname_joins_the_club_named_after_it():
    # "Blow for Harlow as ..." stood alone, a person by the surname list ("Harlow"), beside the body's
    # Harlow Athletic: a town of the gazetteer that is also a surname joins the one organisation named
    # after it when no person of that surname is named (the council, named after the place with its
    # place word "City", and the trust, named after the club, are no candidates)
    e = found("Harlow Athletic striker Jamie Doyle will miss three months. Harlow City Council said nothing. "
              "The Harlow Athletic Supporters' Trust wished him well.",
              titles=["Blow for Harlow as Jamie Doyle ruled out"])
    assert rows(e[e["via"] != "pronoun"], "sentence_id", "text", "entity_id", "via") == [
        (0, "Harlow", "organization:harlow_athletic", "short"),
        (0, "Jamie Doyle", "person:jamie_doyle", "name"),
        (1, "Harlow Athletic", "organization:harlow_athletic", "name"),
        (1, "Jamie Doyle", "person:jamie_doyle", "name"),
        (2, "Harlow City Council", "organization:harlow_city_council", "name"),
        (3, "Harlow Athletic Supporters' Trust", "organization:harlow_athletic_supporters_trust", "name")]


def test_a_name_in_single_quotation_marks_is_whole():
    # "'Harlow Athletic'" lost its first word (an apostrophe before a capital was taken for a word's
    # inner one, "O'Neill"), "'Riverside Park'." kept the closing mark ("Park'"), and a quotation opening
    # with a name ("'Sofia has ...'") had none; an apostrophe inside or ending a name stays
    e = found("Fans sang 'Harlow Athletic' and waved flags bearing 'Sofia Reyes' outside the ground.",
              "Fans carried a coffin bearing the words 'Riverside Park'.",
              "Sofia Reyes arrived. 'Sofia has a clear plan,' Hale said.",
              "Martin O'Neill praised the Harlow Athletic Supporters' Trust. He was called 'The Mets Poet.'")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "text", "entity", "type") == [
        ("d0", "Harlow Athletic", "Harlow Athletic", "organization"),
        ("d0", "Sofia Reyes", "Sofia Reyes", "person"),
        ("d1", "Riverside Park", "Riverside Park", "place"),
        ("d2", "Sofia Reyes", "Sofia Reyes", "person"),
        ("d2", "Sofia", "Sofia Reyes", "person"),
        ("d2", "Hale", "Hale", "person"),
        ("d3", "Martin O'Neill", "Martin O'Neill", "person"),
        ("d3", "Harlow Athletic Supporters' Trust", "Harlow Athletic Supporters' Trust", "organization"),
        ("d3", "Mets Poet", "Mets Poet", "other")]


def test_a_team_word_after_a_name_and_a_team_leading_through_a_goal_make_a_club():
    # "Millbrook manager Rachel Okafor", "Millbrook led through a penalty": the town's name was a place
    # ("in Millbrook derby": the preposition governs "derby", not the name) and no short form of Millbrook
    # Town; a word of ``team_words`` after a name, or "led/equalised ... through a <sports word>", makes
    # the team, which then joins the club named in full; "a trip to Paris" stays the place
    e = found("Harlow Athletic drew 1-1 with Millbrook Town on Saturday. Millbrook led through a penalty from "
              "Aaron Fitch. Millbrook manager Rachel Okafor was angry.",
              "Ben Okoro planned a trip to Paris. He led through a difficult year.",
              titles=["Callum Doyle earns Harlow a point in Millbrook derby", ""])
    assert rows(e[e["via"] != "pronoun"], "doc_id", "sentence_id", "text", "entity_id", "via") == [
        ("d0", 0, "Callum Doyle", "person:callum_doyle", "name"),
        ("d0", 0, "Harlow", "organization:harlow_athletic", "short"),
        ("d0", 0, "Millbrook", "organization:millbrook_town", "short"),
        ("d0", 1, "Harlow Athletic", "organization:harlow_athletic", "name"),
        ("d0", 1, "Millbrook Town", "organization:millbrook_town", "name"),
        ("d0", 2, "Millbrook", "organization:millbrook_town", "short"),
        ("d0", 2, "Aaron Fitch", "person:aaron_fitch", "name"),
        ("d0", 3, "Millbrook", "organization:millbrook_town", "short"),
        ("d0", 3, "Rachel Okafor", "person:rachel_okafor", "name"),
        ("d1", 1, "Ben Okoro", "person:ben_okoro", "name"),
        ("d1", 1, "Paris", "place:paris", "name")]
    one = found("Millbrook led through a penalty.", "Millbrook manager Rachel Okafor was angry.")
    assert rows(one[one["text"] == "Millbrook"], "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "Millbrook", "organization:millbrook", "club: led through"),
        ("d1", "Millbrook", "organization:millbrook", "team word: manager")]


def test_a_club_town_name_typed_a_place_by_its_town_word_is_the_club_of_other_articles():
    # "Millbrook Town" was a place by its "Town" in the articles with no score and an organisation in
    # those with one: two entities, no same_as; the place of the one article is the club of the others
    # (entity_table's same_as, entities_by counts one actor); "a home game against" is a sports word too
    e = found("Reyes is expected to move Callum Doyle forward for Saturday's trip to Millbrook Town.",
              "Harlow lost 1-0 at Millbrook Town later that afternoon.",
              "Assistant coach Ben Okoro will take charge of the home game against Millbrook Town.")
    town = e[e["text"] == "Millbrook Town"]
    assert rows(town, "doc_id", "entity_id", "evidence") == [
        ("d0", "place:millbrook_town", "place word: Town"),
        ("d1", "organization:millbrook_town", "club: 1-0"),
        ("d2", "organization:millbrook_town", "club: game")]
    table = wb.entity_table(e)
    assert rows(table[table["entity"] == "Millbrook Town"], "entity_id", "mentions", "same_as") == [
        ("organization:millbrook_town", 2, None), ("place:millbrook_town", 1, "organization:millbrook_town")]
    by = wb.entities_by(e)
    assert rows(by[by["name"] == "Millbrook Town"], "name", "mentions") == [("Millbrook Town", 3)]


def test_side_before_a_name_is_a_team():
    # "Danish side Aalborg Vest": a person by the surname "Vest"; "side" is the sports word for a team
    # (``organization_nouns``), as "club" is
    e = found("Reyes, 41, led Danish side Aalborg Vest to promotion last season.",
              "Premier League side Arsenal signed him.")
    assert rows(e, "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "Reyes", "person:reyes", "age"),
        ("d0", "Aalborg Vest", "organization:aalborg_vest", "organization noun: side"),
        ("d1", "Premier League", "organization:premier_league", "organization word: league"),
        ("d1", "Arsenal", "organization:arsenal", "organization noun: side")]


def test_an_organisation_links_to_a_lexicon_actor_through_its_full_name_only():
    # with the alias "Harlow" for the club, the Harlow Athletic Supporters' Trust took the club's actor_id
    # through the short form "Harlow" linked to it: an organisation whose full name is no alias links only
    # through its full name, or a leading part it adds only kind words to ("Brightwater" of Brightwater
    # Capital); a person still links through a surname alias ("Reyes")
    lexicon = {"actors": [
        {"id": "harlow_athletic", "name": "Harlow Athletic", "type": "organization",
         "aliases": ["Harlow Athletic", "Harlow"]},
        {"id": "brightwater", "name": "Brightwater", "type": "organization", "aliases": ["Brightwater"]},
        {"id": "reyes", "name": "Sofia Reyes", "type": "person", "aliases": ["Reyes"]}]}
    e = found("Dr. Priya Nandra chairs the Harlow Athletic Supporters' Trust. According to the league, Harlow "
              "have lost 11 matches.",
              "Brightwater Capital bought the club. Brightwater said so. Sofia Reyes agreed. Reyes smiled.",
              actors=lexicon)
    assert rows(e[e["via"] != "pronoun"], "doc_id", "text", "entity_id", "actor_id") == [
        ("d0", "Priya Nandra", "person:priya_nandra", None),
        ("d0", "Harlow Athletic Supporters' Trust", "organization:harlow_athletic_supporters_trust", None),
        ("d0", "Harlow", "organization:harlow_athletic_supporters_trust", None),
        ("d1", "Brightwater Capital", "organization:brightwater_capital", "brightwater"),
        ("d1", "Brightwater", "organization:brightwater_capital", "brightwater"),
        ("d1", "Sofia Reyes", "person:sofia_reyes", "reyes"),
        ("d1", "Reyes", "person:sofia_reyes", "reyes")]
