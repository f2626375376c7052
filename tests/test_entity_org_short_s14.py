"""An organisation's short form written after its full name (session 14, orgshort14): "Lakeport General"
after "Lakeport General Hospital" is linked by the entity layer (it was linked inside the quote rules
only, for "a spokeswoman for ..."); each case on a small inline text with exact, hand-checked rows."""

from __future__ import annotations

from entity_rows import found, quote_rows, rows


def test_a_shorter_name_that_begins_an_organisation_named_before_is_its_short_form():
    # the words dropped are the organisation's kind ("Hospital", "Group Inc.", the "System" of "Health
    # System"); the short form acts as the organisation does (says, is spoken for); once linked, the
    # same words later follow it ("Lakeport General has 300 beds")
    e = found("Ambulances went to Lakeport General Hospital on Friday. Lakeport General said its wards were full. "
              "Lakeport General has 300 beds.",
              "Greyford Health System will take over the clinic. A spokesman for Greyford Health said no jobs "
              "would go.",
              "Acme Widget Group Inc. reported a loss. Acme Widget said costs rose.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 1, "Lakeport General Hospital", "Lakeport General Hospital", "organization", "name"),
        ("d0", 2, "Lakeport General", "Lakeport General Hospital", "organization", "short"),
        ("d0", 3, "Lakeport General", "Lakeport General Hospital", "organization", "short"),
        ("d1", 1, "Greyford Health System", "Greyford Health System", "organization", "name"),
        ("d1", 2, "Greyford Health", "Greyford Health System", "organization", "short"),
        ("d2", 1, "Acme Widget Group Inc.", "Acme Widget Group Inc.", "organization", "name"),
        ("d2", 2, "Acme Widget", "Acme Widget Group Inc.", "organization", "short")]


def test_a_name_of_its_own_is_no_short_form_of_a_longer_organisation():
    # a place of the lists ("New York" of the New York Times) or with its place word ("Harlow County" of
    # Harlow County Council); a name that drops a word of the organisation's own ("White House" of the
    # Correspondents Association, "Harbourside United" of the Supporters Trust); a name the body writes
    # alone before the organisation (the club, as a headline's); two organisations it could begin; a
    # name with no evidence of its own (the policy the council is named for); the Supporters Trust's own
    # short form ("Harbourside United Supporters": only its kind word dropped) does join
    e = found("The New York Times reported the story. New York said it was false. New York Times said it was true.",
              "The White House Correspondents Association met on Friday. The White House said the dinner would go "
              "ahead.",
              "Harlow County Council met on Monday. Harlow County said the roads were closed.",
              "The Harbourside United Supporters Trust met on Monday. Harbourside United said the manager would "
              "stay. Harbourside United Supporters said fans were relieved.",
              "Harbourside United sacked their manager. The Harbourside United Supporters Trust agreed. "
              "Harbourside United said a new manager would come.",
              "Lakeport General Hospital and Lakeport General Clinic will merge. Lakeport General said the merger "
              "was agreed.",
              "The Green New Deal Council met. The Green New Deal was discussed.",
              titles=["", "", "", "", "Harbourside United sack manager", "", ""])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 1, "New York Times", "New York Times", "organization", "name"),
        ("d0", 2, "New York", "New York", "organization", "name"),
        ("d0", 3, "New York Times", "New York Times", "organization", "name"),
        ("d1", 1, "White House Correspondents Association", "White House Correspondents Association",
         "organization", "name"),
        ("d1", 2, "White House", "White House", "organization", "name"),
        ("d2", 1, "Harlow County Council", "Harlow County Council", "organization", "name"),
        ("d2", 2, "Harlow County", "Harlow County", "place", "name"),
        ("d3", 1, "Harbourside United Supporters Trust", "Harbourside United Supporters Trust", "organization",
         "name"),
        ("d3", 2, "Harbourside United", "Harbourside United", "organization", "name"),
        ("d3", 3, "Harbourside United Supporters", "Harbourside United Supporters Trust", "organization", "short"),
        ("d4", 0, "Harbourside United", "Harbourside United", "organization", "name"),
        ("d4", 1, "Harbourside United", "Harbourside United", "organization", "name"),
        ("d4", 2, "Harbourside United Supporters Trust", "Harbourside United Supporters Trust", "organization",
         "name"),
        ("d4", 3, "Harbourside United", "Harbourside United", "organization", "name"),
        ("d5", 1, "Lakeport General Hospital", "Lakeport General Hospital", "organization", "name"),
        ("d5", 1, "Lakeport General Clinic", "Lakeport General Clinic", "organization", "name"),
        ("d5", 2, "Lakeport General", "Lakeport General", "person", "name"),
        ("d6", 1, "Green New Deal Council", "Green New Deal Council", "organization", "name"),
        ("d6", 2, "Green New Deal", "Green New Deal", "other", "name")]


def test_the_short_form_speaks_for_its_organisation_in_the_quote_table():
    # the speaker and its entity come from the entity layer: named ("Lakeport General said") and after a
    # spokesperson noun ("A spokeswoman for Lakeport General said"), with no rule of the quote table's own
    assert quote_rows(
        "Ambulances went to Lakeport General Hospital on Friday. Lakeport General said its wards were full.",
        "Ambulances went to Lakeport General Hospital on Friday. A spokeswoman for Lakeport General said the "
        "wards were full.",
        "The White House Correspondents Association met on Friday. The White House said the dinner would go "
        "ahead.") == [
        ("d0", "reported", "its wards were full", "Lakeport General Hospital", "name",
         "organization:lakeport_general_hospital"),
        ("d1", "reported", "the wards were full", "Lakeport General Hospital", "nominal",
         "organization:lakeport_general_hospital"),
        ("d2", "reported", "the dinner would go ahead", "White House", "name", "organization:white_house")]
