"""Leftovers of earlier red teams (session 15): appositive titles, a role title with "for" and a plain
honorific, a short form of two organisations, a place that speaks, and "the union" named long before.
Each rule on small inline texts of our own with exact, hand-checked rows; each test fails on the code
before its rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import found, quote_rows, rows

JUDGES = ('Judge Mark Ortiz ruled last year. Elena Ortiz, the presiding judge, opened the hearing on Monday. '
          '"This court will not be rushed," Judge Ortiz said.')


def test_a_title_given_in_an_apposition_is_the_mentions_title_and_tells_namesakes_apart():
    # "Elena Ortiz, the presiding judge," is a judge too: "Judge Ortiz" is then the judge named last (the
    # subject of her sentence), not Mark Ortiz, the only one written "Judge" before; where the text gives
    # her another role, "Judge Ortiz" is Mark; both named in one sentence: either could be meant, none.
    # The title is recorded as a title written before a name is (the title phrase of the list, with its
    # modifiers: "former county clerk"; before a preposition: "mayor"); not a plural, not an ambiguous
    # title word after a name with no evidence of a person ("Acme, the market leader,")
    e = found(JUDGES,
              JUDGES.replace("the presiding judge", "a lawyer"),
              'Judge Mark Ortiz and Elena Ortiz, the presiding judge, opened the hearing. "This court will not be '
              'rushed," Judge Ortiz said.',
              "Ruth Adeyemi, the former county clerk, said the count was done. Ann Lee, the mayor of Harlow, "
              "agreed. Acme, the market leader, fell. The firm hired Sam Cole, the players said.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "via", "title") == [
        ("d0", 1, "Mark Ortiz", "Mark Ortiz", "name", "judge"),
        ("d0", 2, "Elena Ortiz", "Elena Ortiz", "name", "judge"),
        ("d0", 3, "Ortiz", "Elena Ortiz", "short", "judge"),
        ("d1", 1, "Mark Ortiz", "Mark Ortiz", "name", "judge"),
        ("d1", 2, "Elena Ortiz", "Elena Ortiz", "name", "lawyer"),
        ("d1", 3, "Ortiz", "Mark Ortiz", "short", "judge"),
        ("d2", 1, "Mark Ortiz", "Mark Ortiz", "name", "judge"),
        ("d2", 1, "Elena Ortiz", "Elena Ortiz", "name", "judge"),
        ("d3", 1, "Ruth Adeyemi", "Ruth Adeyemi", "name", "former county clerk"),
        ("d3", 2, "Ann Lee", "Ann Lee", "name", "mayor"),
        ("d3", 2, "Harlow", "Harlow", "name", None),
        ("d3", 3, "Acme", "Acme", "name", None),
        ("d3", 4, "Sam Cole", "Sam Cole", "name", None)]
    table = wb.entity_table(found(JUDGES))
    assert rows(table, "entity", "titles") == [("Elena Ortiz", ["judge"]), ("Mark Ortiz", ["judge"])]
    # the quote table's speaker comes from the entity layer
    assert quote_rows(JUDGES, 'Judge Mark Ortiz and Elena Ortiz, the presiding judge, opened the hearing. "This '
                              'court will not be rushed," Judge Ortiz said.') == [
        ("d0", "direct", "This court will not be rushed", "Elena Ortiz", "name", "person:elena_ortiz"),
        ("d1", "direct", "This court will not be rushed", "Ortiz", "name", None)]


def test_a_role_title_with_for_and_a_plain_honorific_before_a_name():
    # "Undersecretary for Education Mr. Toccafondi": the title was "education mr." (the department word
    # took the honorific, "Undersecretary" was cut off at "for"); the role and its portfolio are the
    # title, the plain form of address dropped from it (its gender kept), as "Dr." is dropped after a
    # role; a closing "Mr." after any role likewise ("Secretary of State Mr. Blinken"). The speaker is
    # the person, not "Undersecretary"
    e = found("Undersecretary for Education Mr. Toccafondi said the plan would work.",
              "Minister for Health Dr. Ann Lee opened the ward. Secretary of State Mr. Blinken spoke. Chairman Mrs. "
              "Ann Cole left.")
    assert rows(e, "doc_id", "text", "entity", "type", "title", "gender") == [
        ("d0", "Toccafondi", "Toccafondi", "person", "undersecretary for education", "male"),
        ("d1", "Ann Lee", "Ann Lee", "person", "minister for health", "female"),
        ("d1", "Blinken", "Blinken", "person", "secretary of state", "male"),
        ("d1", "Ann Cole", "Ann Cole", "person", "chairman", "female")]
    assert quote_rows("Undersecretary for Education Mr. Toccafondi said the plan would work.") == [
        ("d0", "reported", "the plan would work", "Toccafondi", "name", "person:toccafondi")]


def test_a_short_form_of_two_organisations_is_an_organisation_of_its_own_and_a_county_that_speaks_is_one():
    # "Lakeport General" beside Lakeport General Hospital and Lakeport General Clinic joins neither (either
    # could be meant) but is no person by its "said"; a county that speaks is its government, an
    # organisation, as a place of the gazetteer that speaks is ("New York said", "Kent County said"), and
    # as GUM annotates "South Korea says"; the same names that do not speak stay places ("Wall Street"
    # in the gazetteer, "Ross Sea" a place word of no government)
    texts = ("Lakeport General Hospital and Lakeport General Clinic opened. Patients came. Lakeport General said it "
             "was ready.", "New York said it would appeal.", "Harlow County said it would appeal.")
    e = found(*texts, "Kent County said it would appeal.",
              "Harlow County is large. The Ross Sea is cold. Wall Street fell.")
    assert rows(e, "doc_id", "text", "entity", "type", "via", "evidence") == [
        ("d0", "Lakeport General Hospital", "Lakeport General Hospital", "organization", "name",
         "organization word: hospital"),
        ("d0", "Lakeport General Clinic", "Lakeport General Clinic", "organization", "name",
         "organization word: clinic"),
        ("d0", "Lakeport General", "Lakeport General", "organization", "name",
         "short form of organisations: Lakeport General Hospital / Lakeport General Clinic"),
        ("d1", "New York", "New York", "organization", "name", "place that speaks: said"),
        ("d2", "Harlow County", "Harlow County", "organization", "name", "place that speaks: said"),
        ("d3", "Kent County", "Kent County", "organization", "name", "place that speaks: said"),
        ("d4", "Harlow County", "Harlow County", "place", "name", "place word: County"),
        ("d4", "Ross Sea", "Ross Sea", "place", "name", "place word: Sea"),
        ("d4", "Wall Street", "Wall Street", "place", "name", "gazetteer: place")]
    assert quote_rows(*texts) == [
        ("d0", "reported", "it was ready", "Lakeport General", "name", "organization:lakeport_general"),
        ("d1", "reported", "it would appeal", "New York", "name", "organization:new_york"),
        ("d2", "reported", "it would appeal", "Harlow County", "name", "organization:harlow_county")]


def test_the_union_named_long_before_is_linked_when_nothing_else_could_be_meant():
    # "The union said" six sentences after the Northern Rail Union, its only union, was unlinked (the
    # five-sentence window of c64e905); now linked, whatever the distance, when no other name that
    # could be an organisation stands between (a hospital is no union; Brightwater Foods, of no kind
    # noun, could be the one meant: none), nor a second union named before; within the window as
    # before ("The club" of a club's name without the word keeps the window of the generic nouns)
    base = ("The Northern Rail Union called a strike. Its members voted on Friday. Talks went on. Managers left. "
            "Pay was discussed. Nothing changed. ")
    union = "organization:northern_rail_union"
    assert quote_rows(
        base + "The union said it would strike again.",
        base + "Tom Hale left Grange Lane Hospital. The union said it would strike again.",
        base + "Cooks at Brightwater Foods walked out. The union said it would strike again.",
        "The Northern Rail Union called a strike. The Harbour Dock Union joined. Its members voted on Friday. "
        "Talks went on. Managers left. Pay was discussed. Nothing changed. The union said it would strike again.",
        "Ashbury Borough Council approved the plan. Roads closed. Shops shut. Buses stopped. Rain fell. Nobody "
        "came. The council said it would review the plan.",
        "Harbourside United sacked their manager. Fans sang. Talks went on. Rain fell. Nobody came. Nothing "
        "changed. The club said a new manager would come.") == [
        ("d0", "reported", "it would strike again", "Northern Rail Union", "nominal", union),
        ("d1", "reported", "it would strike again", "Northern Rail Union", "nominal", union),
        ("d2", "reported", "it would strike again", "The union", "nominal", None),
        ("d3", "reported", "it would strike again", "The union", "nominal", None),
        ("d4", "reported", "it would review the plan", "Ashbury Borough Council", "nominal",
         "organization:ashbury_borough_council"),
        ("d5", "reported", "a new manager would come", "The club", "nominal", None)]
