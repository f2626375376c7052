"""Entity cases of a user's corpus (a wildfire's local coverage, session 16, red team rt16): a woman whose
first name is a month, a town named like a first name, places named like surnames, a road and its
number, a dateline's state, spurious names. Each rule on a small inline text written for this test,
with exact, hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

import analysis as wb
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


def test_a_town_named_like_a_first_name_is_a_place_by_its_cues_and_across_articles():
    # "the town of Jackson" was a place in one article and "Jackson" a person by the first-name list in
    # the others ("out of Jackson", "edge of Jackson", "the people of Jackson"), the place linked to the
    # person by same_as: "out of", "edge/side/parts/people of" and a movement "to"/"toward" are place cues;
    # a single word typed a person only by the name lists is the place of that name elsewhere (same_as);
    # a name typed a place by a preposition is never linked to such a person
    e = found("The fire moved toward the town of Jackson. Crews worked in Jackson all night.",
              "\"My job is to keep this fire out of Jackson,\" the chief said.",
              "Crews held the eastern edge of Jackson overnight.",
              "Officials said parts of Jackson would reopen.",
              "The mayor thanked the people of Jackson.",
              "Families return to Jackson",
              "Her husband was on a run to Reno that night.",
              "Officials said Jackson would reopen.")
    assert rows(e, "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "Jackson", "place:jackson", "place cue: town of"),
        ("d0", "Jackson", "place:jackson", "place cue: town of"),
        ("d1", "Jackson", "place:jackson", "place cue: out of"),
        ("d2", "Jackson", "place:jackson", "place cue: edge of"),
        ("d3", "Jackson", "place:jackson", "place cue: parts of"),
        ("d4", "Jackson", "place:jackson", "place cue: people of"),
        ("d5", "Jackson", "place:jackson", "place cue: to"),
        ("d6", "Reno", "place:reno", "place cue: to"),
        ("d7", "Jackson", "person:jackson", "first name: Jackson")]
    table = wb.entity_table(e)
    assert rows(table[table["entity"] == "Jackson"], "entity_id", "mentions", "same_as") == [
        ("place:jackson", 7, None), ("person:jackson", 1, "place:jackson")]


def test_a_preposition_place_is_no_short_form_of_a_person_named_only_by_the_lists():
    # "in Jackson" (a place by its preposition alone) went to the person "Jackson" of the first-name list
    # elsewhere; still to a person a document establishes ("Jackson said he")
    table = wb.entity_table(found("Crews worked in Jackson all night.", "Officials said Jackson would reopen.",
                                  "Crews worked in Mallory all night.", "Mallory said he was tired."))
    assert rows(table, "entity_id", "evidence", "same_as") == [
        ("place:jackson", "place cue: in", None), ("person:jackson", "first name: Jackson", "place:jackson"),
        ("place:mallory", "place cue: in", "person:mallory"), ("person:mallory", "said-cue", None)]


def test_a_landform_word_ends_a_place_name_and_a_road_keeps_its_number():
    # "Bear Ridge" was a person ("surname: Ridge"), "Highway 49" the entity "Highway" (other) and
    # "Interstate 5" "Interstate": a landform ends a place's name (a first name before it keeps a person:
    # "Tom Ridge", "Marc Lamont Hill"), and a road word takes the number after it into one place name
    e = found("The fire moved into the country around Bear Ridge. Tom Ridge and Marc Lamont Hill watched.",
              "Officials said Highway 49 was closed and Interstate 5 was open. Highway 49 reopened later.")
    assert rows(e, "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "Bear Ridge", "place:bear_ridge", "place word: Ridge"),
        ("d0", "Tom Ridge", "person:tom_ridge", "first name: Tom"),
        ("d0", "Marc Lamont Hill", "person:marc_lamont_hill", "first name: Marc"),
        ("d1", "Highway 49", "place:highway_49", "road number: Highway"),
        ("d1", "Interstate 5", "place:interstate_5", "road number: Interstate"),
        ("d1", "Highway 49", "place:highway_49", "road number: Highway")]


def test_a_state_abbreviation_after_a_town_is_no_place_of_its_own():
    # a dateline's "JACKSON, Calif. —" gave a place "Calif" (and the table's name "JACKSON", the first of
    # two forms written once each): the abbreviation belongs to the town's name, and of forms written as
    # often the mixed-case one names the entity
    e = found("JACKSON, Calif. — The fire moved toward the town of Jackson.", "The trial began in Eugene, Ore., on Monday.")
    assert rows(e, "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "JACKSON", "place:jackson", "place, Calif"), ("d0", "Jackson", "place:jackson", "place cue: town of"),
        ("d1", "Eugene", "place:eugene", "place, Ore")]
    assert rows(wb.entity_table(e), "entity_id", "entity", "mentions") == [
        ("place:jackson", "Jackson", 2), ("place:eugene", "Eugene", 1)]


def test_shouted_function_words_a_plural_in_ees_a_portfolio_and_zip_are_no_entities():
    # "WERE YOU" (a sign's "WHERE WERE YOU?"), "Evacuees" (other), "ZIP" (organization, "ZIP codes") and
    # "Insurance" (organization, of "Insurance Commissioner Robert Haines") were entities: function words
    # in capitals are shouting, a plural of a noun in "-ee" is a common plural, "insurance" a portfolio
    # before a title, "ZIP" an acronym of a thing
    e = found("A sign taped to a fence read: \"PRP — WHERE WERE YOU?\"",
              "Evacuees return to Jackson",
              "Insurance Commissioner Robert Haines said ZIP codes touched by the fire were covered.")
    assert rows(e, "doc_id", "text", "entity_id", "title") == [
        ("d0", "PRP", "organization:prp", None),
        ("d1", "Jackson", "place:jackson", None),
        ("d2", "Robert Haines", "person:robert_haines", "insurance commissioner")]


def test_out_of_is_a_place_cue_only_before_a_bare_name():
    # (on the benchmark's news sentences "out of" typed the Paris Agreement and Rubio places): not after
    # "the", nor before a possessive; "Summit" stays an event's word, no landform
    e = found("Trump pulled the US out of the Paris Agreement.", "Almost every word out of Rubio's mouth was a dodge.",
              "Leaders met at the G7 Summit.")
    assert rows(e, "doc_id", "text", "type", "evidence") == [
        ("d0", "US", "place", "gazetteer: place"), ("d0", "Paris Agreement", "other", "none"),
        ("d1", "Rubio", "person", "surname: Rubio"),
        ("d2", "G7 Summit", "other", "event word: Summit")]
