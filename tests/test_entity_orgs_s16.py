"""Organisation cases of a user's corpus (local wildfire coverage, red team rt16, session 16): a utility
named with its acronym and typed a person elsewhere, a common noun opening a quotation, a title's words,
special districts, a one-word agency, a national branch of a known organisation. Each rule on a small
inline text written for this test, with exact, hand-checked expectations; each test fails on the code
before its rule."""

from __future__ import annotations

import analysis as wb
from entity_rows import NONE, docs, found, rows


def test_a_name_typed_a_person_only_by_speech_or_surname_is_the_organisation_of_that_name():
    # "Pacific Ridge Power" was a person where the article wrote no "(PRP)": by its last word, "Power",
    # a surname of the lists, or by "has said" alone; the corpus types the same name an organisation by
    # its acronym, so it is that organisation (same_as). "Cal Fire" untyped in one article, an
    # organisation by "spokesman" in another and a person by "Cal Fire said" in a third: the person folds
    # into the organisation, and so the untyped name has one candidate
    texts = ("Pacific Ridge Power (PRP) operates the line. Cal Fire spokesman Luis Arroyo said crews held it.",
             "The cost would depend on whether Pacific Ridge Power is found to have started it.",
             "Pacific Ridge Power has said it is cooperating. The fire was 12% contained, Cal Fire said.",
             "Residents watched a Cal Fire map.")
    e = wb.entities(docs(*texts), actors=NONE)
    table = wb.entity_table(e, actors=NONE).set_index("entity_id")
    assert rows(table.reset_index().sort_values("entity_id"), "entity_id", "evidence", "mentions", "same_as") == [
        ("organization:cal_fire", "organization cue: spokesman", 1, None),
        ("organization:pacific_ridge_power", "acronym: PRP", 1, None),
        ("other:cal_fire", "none", 1, "organization:cal_fire"),
        ("other:pacific_ridge_power", "none", 1, "organization:pacific_ridge_power"),
        ("person:cal_fire", "said-cue", 1, "organization:cal_fire"),
        ("person:luis_arroyo", "title: spokesman", 1, None),
        ("person:pacific_ridge_power", "said-cue", 1, "organization:pacific_ridge_power")]


def test_a_person_with_a_first_name_is_not_folded_into_an_organisation_of_that_name():
    # a first name is person evidence of the name itself: "Grace Okafor" stays a person beside an
    # organisation of the same words elsewhere
    texts = ("Grace Okafor Foundation (GOF) said it would help.", "Grace Okafor said she would help.")
    table = wb.entity_table(wb.entities(docs(*texts), actors=NONE), actors=NONE)
    assert rows(table, "entity_id", "evidence", "same_as") == [
        ("organization:grace_okafor_foundation", "acronym: GOF", None),
        ("person:grace_okafor", "first name: Grace", None)]


def test_a_common_word_opening_a_quotation_is_no_short_form_of_a_name_ending_with_it():
    # '"Power poles and trees are still coming down."' counted as a mention of Pacific Ridge Power; a
    # common word opening a sentence or a quotation, capitalised elsewhere only as the last word of
    # names whose other words are no common words here, is the word. Not a person's surname (Samantha
    # Power), nor after a title ("President Trump"), nor before a speech cue, nor "Discovery" of "Space
    # Shuttle Discovery" beside "the space shuttle" (the name proper)
    e = found('"Stay out. Power poles and trees are still coming down." Pacific Ridge Power has said it is cooperating.',
              "Samantha Power visited. Power said she would return.",
              "On Tuesday the Space Shuttle Discovery was shown. The space shuttle flew. Discovery is being prepared.",
              "Trump campaigned on it. President Trump said Monday that it was read.")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "sentence_id", "text", "entity_id", "via") == [
        ("d0", 3, "Pacific Ridge Power", "person:pacific_ridge_power", "name"),
        ("d1", 1, "Samantha Power", "person:samantha_power", "name"),
        ("d1", 2, "Power", "person:samantha_power", "short"),
        ("d2", 1, "Space Shuttle Discovery", "other:space_shuttle_discovery", "name"),
        ("d2", 3, "Discovery", "other:space_shuttle_discovery", "short"),
        ("d3", 1, "Trump", "person:trump", "name"),
        ("d3", 2, "Trump", "person:trump", "name")]


def test_a_public_service_before_a_title_is_part_of_the_title():
    # "Fire Chief Dana Whitlock": "Fire" was a short form of Cal Fire (and of the Cedar Flat Fire); the
    # service a chief, marshal or captain heads is the title's (department_words), while a force named
    # before it stays a name ("Westbrook Police Chief")
    e = found("Cal Fire said the blaze grew. Fire Chief Dana Whitlock said crews held the line.",
              "Police Chief Ann Lee spoke. Westbrook Police Chief Tom Bell agreed. Fire Marshal Bo Diaz left.")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "text", "entity_id", "title") == [
        ("d0", "Cal Fire", "person:cal_fire", None),
        ("d0", "Dana Whitlock", "person:dana_whitlock", "fire chief"),
        ("d1", "Ann Lee", "person:ann_lee", "police chief"),
        ("d1", "Westbrook Police", "organization:westbrook_police", None),
        ("d1", "Tom Bell", "person:tom_bell", "chief"),
        ("d1", "Bo Diaz", "person:bo_diaz", "fire marshal")]


def test_a_special_district_is_an_organisation():
    # "place word: District" typed school, water and fire protection districts places; a district of
    # one of those kinds is a body, the Lake District stays a place
    e = found("Classes would be delayed, the Jackson Unified School District said. Chief Whitlock of the "
              "Tamarack County Fire Protection District declined. The Westlands Water District cut supplies. "
              "They hiked in the Lake District.")
    assert rows(e[e["type"] != "person"], "text", "type", "evidence") == [
        ("Jackson Unified School District", "organization", "organization word: school district"),
        ("Tamarack County Fire Protection District", "organization", "organization word: protection district"),
        ("Westlands Water District", "organization", "organization word: water district"),
        ("Lake District", "place", "place word: District")]


def test_a_one_word_agency_and_a_brand_in_camel_case_are_organisations():
    # "Caltrans said Highway 49 was closed": a capitalised plural-looking word opening a sentence was no
    # name, so the agency was never an entity; the one-word agencies of known_organizations are
    # organisations, and a capital after three lower-case letters or more is a brand's ("PacifiCorp
    # said" was a person by the speech cue), not "DeSantis" or "McAllen"
    e = found("Caltrans said Highway 49 was closed.", "The road reopened, Caltrans said.",
              "PacifiCorp said the line was safe. DeSantis said no. McAllen said yes.")
    assert rows(e[~e["text"].str.startswith("Highway")], "doc_id", "text", "entity_id", "evidence") == [
        ("d0", "Caltrans", "organization:caltrans", "known name"),
        ("d1", "Caltrans", "organization:caltrans", "known name"),
        ("d2", "PacifiCorp", "organization:pacificorp", "inner capital"),
        ("d2", "DeSantis", "person:desantis", "said-cue"),
        ("d2", "McAllen", "person:mcallen", "said-cue")]


def test_a_known_organisation_after_a_country_is_its_national_branch():
    # "American Red Cross" was typed other; a known organisation's name of two words or more after a
    # demonym or a country is an organisation, and "the Red Cross" after it stands for it
    e = found("Shelters opened where the American Red Cross provided cots. The Red Cross said more would come.",
              "The Kenya Red Cross sent aid.")
    assert rows(e, "doc_id", "text", "entity_id", "via", "evidence") == [
        ("d0", "American Red Cross", "organization:american_red_cross", "name", "known name: Red Cross"),
        ("d0", "Red Cross", "organization:american_red_cross", "short", "known name: Red Cross"),
        ("d1", "Kenya Red Cross", "organization:kenya_red_cross", "name", "known name: Red Cross")]


def test_a_place_alias_before_an_institutions_name_is_no_mention_of_the_place():
    # with the town Jackson in the user's lexicon, "Jackson High School" and "the Jackson Unified School
    # District said" counted as mentions of the town (and the district's quotation as the town's words);
    # an alias of a place directly before capitalised words ending in an organisation word names an
    # institution; "in Jackson", "Jackson, Calif." and "Jackson Monday" stay the town's, and a person's
    # or a country's alias keeps its rule (the "U.S. Forest Service" is the country's own body)
    lexicon = {"actors": [{"id": "jackson", "name": "Jackson", "type": "place", "aliases": ["Jackson"]},
                          {"id": "reyes", "name": "Tom Reyes", "type": "person", "aliases": ["Reyes"]},
                          {"id": "us", "name": "United States", "type": "country", "aliases": ["U.S."]}]}
    d = docs("Evacuees reached Jackson High School. Classes would be delayed, the Jackson Unified School District "
             "said. Fire reached Jackson, Calif. on Monday. Crews in Jackson Monday waited. Reyes Foundation "
             "staff helped the U.S. Forest Service.")
    m = wb.mentions(d, lexicon)
    assert rows(m, "sentence_id", "actor_id", "alias") == [(3, "jackson", "Jackson"), (4, "jackson", "Jackson"),
                                                          (5, "reyes", "Reyes"), (5, "us", "U.S.")]
