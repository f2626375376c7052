"""Entity cases of session 14 (orgshort14): an organisation's short form written after its full name
("Lakeport General" after "Lakeport General Hospital", linked by the entity layer; it was linked inside
the quote rules only, for "a spokeswoman for ..."), "Agent Orange" opening a sentence, and a he/she
after the speech verb past an aside; each case on a small inline text with exact, hand-checked rows."""

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
    # name with no evidence of its own (the policy the council is named for); a name ending in a kind
    # word of its own (the caucus beside its foundation, found in a framing article); the Supporters Trust's own
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
              "The Congressional Black Caucus Foundation hosted a roundtable. The Congressional Black Caucus said "
              "it would act.",
              titles=["", "", "", "", "Harbourside United sack manager", "", "", ""])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 1, "New York Times", "New York Times", "organization", "name"),
        ("d0", 2, "New York", "New York", "organization", "name"),
        ("d0", 3, "New York Times", "New York Times", "organization", "name"),
        ("d1", 1, "White House Correspondents Association", "White House Correspondents Association",
         "organization", "name"),
        ("d1", 2, "White House", "White House", "organization", "name"),
        ("d2", 1, "Harlow County Council", "Harlow County Council", "organization", "name"),
        ("d2", 2, "Harlow County", "Harlow County", "organization", "name"),  # (session 15: a county that speaks)
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
        ("d5", 2, "Lakeport General", "Lakeport General", "organization", "name"),  # (session 15: not a person)
        ("d6", 1, "Green New Deal Council", "Green New Deal Council", "organization", "name"),
        ("d6", 2, "Green New Deal", "Green New Deal", "other", "name"),
        ("d7", 1, "Congressional Black Caucus Foundation", "Congressional Black Caucus Foundation", "organization",
         "name"),
        ("d7", 2, "Congressional Black Caucus", "Congressional Black Caucus", "organization", "name")]


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


def test_an_ambiguous_title_before_a_common_word_that_names_no_one_else_is_one_name():
    # "Agent Orange was sprayed" made the person "Orange" (a surname of the lists): "agent" opening a
    # sentence before a common English word is no title there (no rank kept before a bare surname), and
    # with no person cue after it and the word standing nowhere else in the document the run is one name;
    # "Agent Orange said" (a person cue), "Major Brown" (a rank kept before a surname) and a surname the
    # document names a person by ("Susan Rice ... Host Rice") stay persons
    e = found("Agent Orange was sprayed over the forests for years. It left a toxic legacy.",
              "Agent Orange said the case was closed.",
              "Major Brown visited the base.",
              "Susan Rice arrived on Monday. Host Rice opened the show.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via", "title") == [
        ("d0", 1, "Agent Orange", "Agent Orange", "other", "name", None),
        ("d1", 1, "Orange", "Orange", "person", "name", None),
        ("d2", 1, "Brown", "Brown", "person", "name", "major"),
        ("d3", 1, "Susan Rice", "Susan Rice", "person", "name", None),
        ("d3", 2, "Rice", "Susan Rice", "person", "short", None)]


def test_he_after_the_speech_verb_of_the_sentences_subject_is_that_subject_not_a_man_of_the_aside():
    # "Tom Hughes, who had campaigned for his brother Sam Hughes, said the vote was fair and he would
    # respect it" resolved "he" to Sam Hughes, the man named last; the he/she after the speech verb is the
    # verb's subject, the person the sentence opens with, when an aside between commas names the other
    # (a relative clause or an apposition); with a man named after the verb the nearest stays
    e = found("Tom Hughes, who had campaigned for his brother Sam Hughes, said the vote was fair and he would "
              "respect it.",
              "Tom Hughes, the brother of Sam Hughes, said he would respect the vote.",
              "Tom Hughes, who had campaigned for his brother, said Sam Hughes would win and he would concede.")
    assert [r for r in rows(e, "doc_id", "text", "entity", "via") if r[3] == "pronoun"] == [
        ("d0", "his", "Tom Hughes", "pronoun"), ("d0", "he", "Tom Hughes", "pronoun"),
        ("d1", "he", "Tom Hughes", "pronoun"),
        ("d2", "his", "Tom Hughes", "pronoun"), ("d2", "he", "Sam Hughes", "pronoun")]
