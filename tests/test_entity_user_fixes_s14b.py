"""Entity cases of a user's corpus (a company's data breach, session 14, second round): binding of an
object pronoun, department words before a title, an acronym defined in brackets. Each rule on a small
inline text written for this test, with exact, hand-checked expectations; each test fails on the code
before its rule."""

from __future__ import annotations

import analysis as wb
from entity_rows import NONE, docs, found, quote_rows, rows


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause():
    # "Ruth Kell, who chairs the committee, pressed her": the subject of "pressed" (after the aside
    # between commas) is never its object "her", which goes to the woman named before (Priya Raman); a
    # "him" skips the subject's earlier mentions too ("Mark Lee, who backed him": not the Mark Lee of the
    # sentence before); with no other woman a bound "her" stays unresolved; a possessive "her" ("pressed
    # her case", 'unveiled her "Clean Plan"') and an object of another clause ("said the firm told her")
    # may still be the subject's
    e = found("Priya Raman spoke first. Councillor Ruth Kell, who chairs the committee, pressed her on why "
              "couriers had not been told.",
              "Tom Hughes arrived. Mark Lee, 41, has repeatedly warned him. Mark Lee, who backed him, left.",
              "Tom Hughes spoke. Ruth Kell pressed her on the figures. Ruth Kell pressed her case. Ruth Kell "
              "said the firm told her nothing. Ruth Kell unveiled her \"Clean Plan\" on Monday.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "via") == [
        ("d0", 1, "Priya Raman", "Priya Raman", "name"),
        ("d0", 2, "Ruth Kell", "Ruth Kell", "name"),
        ("d0", 2, "her", "Priya Raman", "pronoun"),
        ("d1", 1, "Tom Hughes", "Tom Hughes", "name"),
        ("d1", 2, "Mark Lee", "Mark Lee", "name"),
        ("d1", 2, "him", "Tom Hughes", "pronoun"),
        ("d1", 3, "Mark Lee", "Mark Lee", "name"),
        ("d1", 3, "him", "Tom Hughes", "pronoun"),
        ("d2", 1, "Tom Hughes", "Tom Hughes", "name"),
        ("d2", 2, "Ruth Kell", "Ruth Kell", "name"),
        ("d2", 3, "Ruth Kell", "Ruth Kell", "name"),
        ("d2", 3, "her", "Ruth Kell", "pronoun"),
        ("d2", 4, "Ruth Kell", "Ruth Kell", "name"),
        ("d2", 4, "her", "Ruth Kell", "pronoun"),
        ("d2", 5, "Ruth Kell", "Ruth Kell", "name"),
        ("d2", 5, "her", "Ruth Kell", "pronoun"),
        ("d2", 5, "Clean Plan", "Clean Plan", "name")]


def test_a_listed_department_before_a_title_is_part_of_the_title():
    # "Sales Director Ann Lee": "Sales" (a surname of the lists) is the title's, no person; "Finance
    # Director Zelna Okoro", "Security Chief Ivo Brandt" (an ambiguous title after a department, a first
    # name the lists do not know) a person with the title, no untyped name of four words; "the Human
    # Resources Director, Jo Bell," no entity "Human Resources Director"; only listed words: "South Bend
    # Mayor" keeps the place, "Westbrook Energy Chief Executive" the company
    e = found("Sales Director Ann Lee said the figures were wrong. Finance Director Zelna Okoro agreed. "
              "Security Chief Ivo Brandt said no. The Human Resources Director, Jo Bell, left.",
              "The South Bend Mayor Pete Buttigieg spoke. Westbrook Energy Chief Executive Tom Reid agreed.")
    assert rows(e, "doc_id", "sentence_id", "text", "type", "title") == [
        ("d0", 1, "Ann Lee", "person", "sales director"),
        ("d0", 2, "Zelna Okoro", "person", "finance director"),
        ("d0", 3, "Ivo Brandt", "person", "security chief"),
        ("d0", 4, "Jo Bell", "person", None),
        ("d1", 1, "South Bend", "place", None),
        ("d1", 1, "Pete Buttigieg", "person", "mayor"),
        ("d1", 2, "Westbrook Energy", "organization", None),
        ("d1", 2, "Tom Reid", "person", "chief executive")]


def test_an_acronym_defined_in_brackets_is_counted_once_with_its_name():
    # "The Information Commissioner's Office (ICO) said": the bracketed acronym stays a row (GUM annotates
    # it as a mention), via 'definition', and the counts (entity_table, entities_by, entities_as_mentions)
    # take the naming once; a later "ICO" is a short form, counted; an acronym in brackets after another
    # entity's name is no definition ("Tom Reid (ICO)" is not written)
    text = ("The Information Commissioner's Office (ICO) said it would investigate. The ICO wrote to Dashly. "
            "Dashly said the Independent Couriers Union (ICU) was wrong.")
    e = found(text)
    assert rows(e, "sentence_id", "text", "entity", "via") == [
        (1, "Information Commissioner's Office", "Information Commissioner's Office", "name"),
        (1, "ICO", "Information Commissioner's Office", "definition"),
        (2, "ICO", "Information Commissioner's Office", "short"),
        (2, "Dashly", "Dashly", "name"),
        (3, "Dashly", "Dashly", "name"),
        (3, "Independent Couriers Union", "Independent Couriers Union", "name"),
        (3, "ICU", "Independent Couriers Union", "definition")]
    table = wb.entity_table(e, actors=NONE)
    assert rows(table, "entity", "mentions", "variants") == [
        ("Information Commissioner's Office", 2, ["ICO", "Information Commissioner's Office"]),
        ("Dashly", 2, ["Dashly"]),
        ("Independent Couriers Union", 1, ["Independent Couriers Union", "ICU"])]
    assert rows(wb.entities_by(e, actors=NONE), "name", "mentions", "sentences") == [
        ("Dashly", 2, 2), ("Information Commissioner's Office", 2, 2), ("Independent Couriers Union", 1, 1)]
    assert rows(wb.entities_by(e, actors=NONE, include_pronouns=True), "name", "mentions") == [
        ("Dashly", 2), ("Information Commissioner's Office", 2), ("Independent Couriers Union", 1)]
    mentions = wb.entities_as_mentions(e, actors=NONE)
    assert rows(mentions, "sentence_id", "alias", "via") == [
        (1, "Information Commissioner's Office", "alias"), (2, "ICO", "alias"), (2, "Dashly", "alias"),
        (3, "Dashly", "alias"), (3, "Independent Couriers Union", "alias")]
    quotes = wb.quotes(docs(text), NONE)
    assert rows(wb.voice(e, quotes, include_pronouns=True), "actor", "mentions") == [
        ("Independent Couriers Union", 1), ("Dashly", 2), ("Information Commissioner's Office", 2)]
    # (the speaker of "... said" is still the office, named before its acronym)
    assert [r[1:4] for r in quote_rows(text)] == [
        ("reported", "it would investigate", "Information Commissioner's Office"),
        ("reported", "the Independent Couriers Union (ICU) was wrong", "Dashly")]
    # (the most mentioned entity, first of a tie, is most often written in full: its acronym is written once
    # as a short form, not twice)
    assert wb.tables.most_written_name(e) == "Information Commissioner's Office"


def test_an_acronyms_definition_still_weighs_for_the_name_its_acronym_alone_stands_for():
    # the definition is no mention in the counts, but the evidence that "NOAA" alone (d2) is the agency
    # defined with it: 3 names and 1 definition against a rival of the same initials named once (80%:
    # entity_table's same_as), although the agency counts 3 mentions of its own
    e = found("The Northern Ocean Alert Agency (NOAA) said so. The Northern Ocean Alert Agency agreed. The "
              "Northern Ocean Alert Agency met.", "The Northern Ocean Action Alliance met.", "NOAA said it was fine.")
    assert rows(wb.entity_table(e, actors=NONE), "entity_id", "mentions", "same_as") == [
        ("organization:northern_ocean_alert_agency", 3, None),
        ("organization:northern_ocean_action_alliance", 1, None),
        ("organization:noaa", 1, "organization:northern_ocean_alert_agency")]
    assert rows(wb.entities_by(e, actors=NONE), "name", "mentions", "documents") == [
        ("Northern Ocean Alert Agency", 4, 2), ("Northern Ocean Action Alliance", 1, 1)]
