"""Entity-layer nits of session 13 (nfix13): each rule on a small inline text of our own with exact,
hand-checked rows; each test fails on the code before its rule."""

from __future__ import annotations

from entity_rows import found, rows


def test_a_rank_opening_a_sentence_before_a_bare_surname_is_kept_as_the_title():
    # "Major Dunn inspected the depot." gave the person Dunn with no title: "Major" before a surname that is
    # also an English word was no title; the surname is the person anyway, so its rank is its title
    # ("surname_ranks"); not "Major Hint" (no surname), not "General Mills" (a known company), not
    # "Agent Orange" ("agent" is no such rank)
    e = found("Major Brown inspected the depot on Friday.",
              "General White thanked the crews at the airfield.",
              "Judge Green adjourned the hearing.",
              "Major Hint was dropped by the coach.",
              "General Mills said cereal sales fell.",
              "The Agent Orange program ended decades ago.")
    assert rows(e, "doc_id", "text", "entity", "type", "title") == [
        ("d0", "Brown", "Brown", "person", "major"),
        ("d1", "White", "White", "person", "general"),
        ("d2", "Green", "Green", "person", "judge"),
        ("d3", "Hint", "Hint", "other", None),
        ("d4", "General Mills", "General Mills", "organization", None),
        ("d5", "Agent Orange", "Agent Orange", "other", None)]


def test_a_saints_name_in_the_possessive_is_an_institution_never_a_person():
    # "St. Mary's said the ward was full." typed the person St. Mary's by the speech verb; a saint's name in
    # the possessive is an institution named for the saint (an organisation); "St. Louis's mayor" stays
    # the place
    e = found("St. Mary's said the ward was full.",
              "A spokesman said St. Jude's had closed its clinic.",
              "St. Louis's mayor spoke.")
    assert rows(e, "doc_id", "text", "entity", "type", "evidence") == [
        ("d0", "St. Mary's", "St. Mary's", "organization", "saint's possessive: St. Mary's"),
        ("d1", "St. Jude's", "St. Jude's", "organization", "saint's possessive: St. Jude's"),
        ("d2", "St. Louis", "St. Louis", "place", "place word: St.")]


def test_without_between_a_plural_and_a_name_links_one_organisation():
    # "Doctors Without Borders said ..." gave the person "Borders" ("Without" split the run, "Doctors"
    # opened the sentence); a capitalised "Without"/"Beyond" after one capitalised plural and before a
    # capitalised word links one organisation's name (known ones by name, others by the pattern);
    # "Physicians for Human Rights" is one known name; "Calls for Biden" stays no organisation
    e = found("Doctors Without Borders said the clinic had closed.",
              "Aid came from Reporters Without Borders and Teachers Without Borders on Monday.",
              "Physicians for Human Rights said the hospital was shelled.",
              "Calls for Biden to step aside grew.")
    assert rows(e, "doc_id", "text", "entity", "type", "evidence") == [
        ("d0", "Doctors Without Borders", "Doctors Without Borders", "organization", "known name"),
        ("d1", "Reporters Without Borders", "Reporters Without Borders", "organization", "known name"),
        ("d1", "Teachers Without Borders", "Teachers Without Borders", "organization",
         "organization pattern: Without"),
        ("d2", "Physicians for Human Rights", "Physicians for Human Rights", "organization", "known name"),
        ("d3", "Biden", "Biden", "other", "none")]
