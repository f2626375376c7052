"""Entity cases of a user's corpus on a hospital merger and a nurses' strike (session 13, rt13): each rule
on a small inline text written for this test, with exact, hand-checked expectations; each test fails on
the code before its rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import docs, found, rows, NONE


def _table(e) -> list[tuple]:
    """(entity_id, type, mentions, same_as) of every row of the entity table."""
    return rows(wb.entity_table(e, actors=NONE), "entity_id", "type", "mentions", "same_as")


def test_a_health_system_is_an_organisation_and_a_headline_short_form_joins_it():
    # "Health System" ends an organisation's name (not "system" alone: "Tax System"), so "Corland Health
    # System said" is no person; the headline's "Pellworth Health" (two words) and the body's later
    # "Pellworth" are the one organisation named "Pellworth Health ..."; in an article without the full
    # name both are linked to it across the corpus (same_as)
    e = found("Pellworth Health System will buy the clinic on Friday. Pellworth said no jobs would go.",
              "Corland Health System said the complaint was without merit.",
              "Staff fear that Pellworth Health will cut jobs. They say Pellworth has cut jobs before.",
              titles=["Pellworth Health to buy clinic", "", ""])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 0, "Pellworth Health", "Pellworth Health System", "organization", "short"),
        ("d0", 1, "Pellworth Health System", "Pellworth Health System", "organization", "name"),
        ("d0", 2, "Pellworth", "Pellworth Health System", "organization", "short"),
        ("d1", 1, "Corland Health System", "Corland Health System", "organization", "name"),
        ("d2", 1, "Pellworth Health", "Pellworth Health", "other", "name"),
        ("d2", 2, "Pellworth", "Pellworth", "other", "name")]
    assert _table(e) == [
        ("organization:pellworth_health_system", "organization", 3, None),
        ("organization:corland_health_system", "organization", 1, None),
        ("other:pellworth_health", "other", 1, "organization:pellworth_health_system"),
        ("other:pellworth", "other", 1, "organization:pellworth_health_system")]


def test_a_saints_name_in_the_possessive_is_the_short_form_of_the_institution_named_for_the_saint():
    # "St. Brendan's" was the place "St. Brendan" ("St." read as Street, the possessive dropped), never
    # merged with St. Brendan's Hospital: it keeps its possessive and is the one organisation of the
    # document named "St. Brendan's ..." (a headline's too); in an article without the full name, the
    # entity table links it (same_as); a place in the possessive stays the place ("St. Louis's mayor")
    e = found("St. Brendan's Hospital will merge with a larger group. The chief executive of St. Brendan's said so.",
              "Dr. Ann Lee works at St. Mary's Hospital. Patients at St. Mary's praised her.",
              "Cooks at St. Brendan's went on strike. St. Louis's mayor spoke.",
              titles=["St. Brendan's to merge", "", ""])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 0, "St. Brendan's", "St. Brendan's Hospital", "organization", "short"),
        ("d0", 1, "St. Brendan's Hospital", "St. Brendan's Hospital", "organization", "name"),
        ("d0", 2, "St. Brendan's", "St. Brendan's Hospital", "organization", "short"),
        ("d1", 1, "Ann Lee", "Ann Lee", "person", "name"),
        ("d1", 1, "St. Mary's Hospital", "St. Mary's Hospital", "organization", "name"),
        ("d1", 2, "St. Mary's", "St. Mary's Hospital", "organization", "short"),
        ("d1", 2, "her", "Ann Lee", "person", "pronoun"),
        ("d2", 1, "St. Brendan's", "St. Brendan's", "organization", "name"),  # (nfix13: an institution)
        ("d2", 2, "St. Louis", "St. Louis", "place", "name")]
    assert _table(e) == [
        ("organization:st_brendans_hospital", "organization", 3, None),
        ("organization:st_marys_hospital", "organization", 2, None),
        ("person:ann_lee", "person", 1, None),
        ("organization:st_brendans", "organization", 1, "organization:st_brendans_hospital"),
        ("place:st_louis", "place", 1, None)]
    # a saint's possessive before more capitalised words is part of one name (not the person "St Mark")
    e = found("Tourists crowded St Mark's Square on Sunday. Water invaded St Mark's Basilica.")
    assert rows(e, "text", "entity", "type", "via") == [
        ("St Mark's Square", "St Mark's Square", "place", "name"),
        ("St Mark's Basilica", "St Mark's Basilica", "other", "name")]


def test_a_word_written_as_a_place_is_not_the_institution_it_names():
    # "drove 40 miles to Dunmore" is the town the infirmary is named after, not a short form of Dunmore
    # Royal Infirmary (a headline's "to Dunmore" neither); a business goes by its first word after "to"
    # as before ("sold to Northwind": Northwind Energy)
    e = found("Patients were taken to Dunmore Royal Infirmary on Friday. One family drove 40 miles to Dunmore "
              "instead. A spokeswoman for Dunmore Royal Infirmary said the wards were full.",
              "Northwind Energy cut jobs. The plant was sold to Northwind in May.",
              titles=["Patients sent to Dunmore", ""])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via", "evidence") == [
        ("d0", 0, "Dunmore", "Dunmore", "place", "name", "place of: Dunmore Royal Infirmary"),
        ("d0", 1, "Dunmore Royal Infirmary", "Dunmore Royal Infirmary", "organization", "name",
         "organization word: infirmary"),
        ("d0", 2, "Dunmore", "Dunmore", "place", "name", "place of: Dunmore Royal Infirmary"),
        ("d0", 3, "Dunmore Royal Infirmary", "Dunmore Royal Infirmary", "organization", "name",
         "organization word: infirmary"),
        ("d1", 1, "Northwind Energy", "Northwind Energy", "organization", "name", "organization word: energy"),
        ("d1", 2, "Northwind", "Northwind Energy", "organization", "short", "organization word: energy")]
    assert _table(e) == [
        ("place:dunmore", "place", 2, None),
        ("organization:dunmore_royal_infirmary", "organization", 2, None),
        ("organization:northwind_energy", "organization", 2, None)]


def test_a_common_noun_opening_a_sentence_or_headline_is_no_name():
    # "Nurses" (a plural in -es, held by the name "Kelby Nurses Association"), "Ambulances" and "Hospital
    # officials" opening their sentences were entities ("Nurses warned" even an organisation by its cue);
    # a headline's "Hospital news" was a short form of St. Mary's Hospital (named for a saint, not a
    # place). A head word opening a sentence or headline still stands for the one organisation of the
    # document named after a place with it ("Council demands review", "Police said")
    e = found("Nurses at Kelby Royal Infirmary warned on Monday that wards were short. The Kelby Nurses Association "
              "agreed. About 90 nurses marched.",
              "Dr. Ann Lee works at St. Mary's Hospital.",
              "Ambulances queued outside Kelby General Hospital on Friday. Hospital officials said the hospital was full.",
              "Westbrook Borough Council voted on Monday. The council met late. Westbrook Police closed the road. "
              "Police said it would reopen.",
              titles=["Nurses warn of cuts", "Hospital news", "", "Council demands review"])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 1, "Kelby Royal Infirmary", "Kelby Royal Infirmary", "organization", "name"),
        ("d0", 2, "Kelby Nurses Association", "Kelby Nurses Association", "organization", "name"),
        ("d1", 1, "Ann Lee", "Ann Lee", "person", "name"),
        ("d1", 1, "St. Mary's Hospital", "St. Mary's Hospital", "organization", "name"),
        ("d2", 1, "Kelby General Hospital", "Kelby General Hospital", "organization", "name"),
        ("d3", 0, "Council", "Westbrook Borough Council", "organization", "short"),
        ("d3", 1, "Westbrook Borough Council", "Westbrook Borough Council", "organization", "name"),
        ("d3", 3, "Westbrook Police", "Westbrook Police", "organization", "name"),
        ("d3", 4, "Police", "Westbrook Police", "organization", "short")]


def test_one_word_repeated_is_no_name_and_no_fuller_form_of_the_word():
    # text run together ("the Tolby Tolby Tolby ward") made a name of one word written three times, and
    # every "Tolby" its short form; three times or more each word is a name of its own; twice stays a
    # name ("Bora Bora"), but no fuller form of the word, in the document or across the corpus
    e = found("The ward Tolby Tolby Tolby strike the Tolby Tolby ward. Tolby said so.")
    assert rows(e, "sentence_id", "text", "entity", "type", "via") == [
        (1, "Tolby", "Tolby", "person", "name"), (1, "Tolby", "Tolby", "person", "name"),
        (1, "Tolby", "Tolby", "person", "name"), (1, "Tolby Tolby", "Tolby Tolby", "person", "name"),
        (2, "Tolby", "Tolby", "person", "name")]
    e = found("Mr. Tolby Tolby arrived late.", "Tolby said nothing.")
    assert _table(e) == [("person:tolby_tolby", "person", 1, None), ("person:tolby", "person", 1, None)]


def test_a_headline_name_the_body_writes_alone_first_is_no_short_form_of_a_longer_organisation():
    # verification red team: "Harbourside United" (the club) in the headline and the first sentence went
    # into "Harbourside United Supporters Trust", named later, so the brief said the trust was mentioned
    # most and left the club out; a headline's leading words join the longer organisation only when the
    # body does not write them alone before it ("Greyford Health" -> Greyford Health System still does)
    e = found("Harbourside United have sacked their manager. The Harbourside United Supporters Trust said fans "
              "were relieved. Harbourside United will appoint a new manager.",
              "Greyford Health System will take over the hospital.",
              titles=["Harbourside United sack manager", "Greyford Health to absorb hospital"])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "via") == [
        ("d0", 0, "Harbourside United", "Harbourside United", "name"),
        ("d0", 1, "Harbourside United", "Harbourside United", "name"),
        ("d0", 2, "Harbourside United Supporters Trust", "Harbourside United Supporters Trust", "name"),
        ("d0", 3, "Harbourside United", "Harbourside United", "name"),
        ("d1", 0, "Greyford Health", "Greyford Health System", "short"),
        ("d1", 1, "Greyford Health System", "Greyford Health System", "name")]


def test_him_one_verb_after_a_name_is_not_that_name():
    # verification red team: "His brother, the former captain Tom Hughes, backed him publicly" resolved
    # "him" to Tom Hughes; the subject of the verb "him" is the object of is someone else (the most
    # recent other man), whether a comma closes an apposition before the verb or not
    e = found("Mark Hughes will stay. His brother, the former captain Tom Hughes, backed him publicly.",
              "Sam Hale arrived. Tom Reid told him to leave.",
              "Tom Reid met Sam Hale and thanked him.")
    assert [r for r in rows(e, "doc_id", "sentence_id", "text", "entity", "via") if r[4] == "pronoun"] == [
        ("d0", 2, "His", "Mark Hughes", "pronoun"), ("d0", 2, "him", "Mark Hughes", "pronoun"),
        ("d1", 2, "him", "Sam Hale", "pronoun"), ("d2", 1, "him", "Sam Hale", "pronoun")]
