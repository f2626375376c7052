"""Entity and speaker cases a user's corpus tripped over (session 13): each rule on a small inline text
written for this test, with exact, hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

from entity_rows import found, rows


def test_a_role_written_before_an_honorific_is_the_title_and_a_capitalised_title_word_is_no_name():
    # "Harbour master Ann Keel": "Harbour" opens the title, no entity of its own; "vice-chancellor Dr.
    # Mary Ode": the role is the title, the honorific of no gender dropped from it (also where the
    # title is capitalised: no "vice-chancellor dr."); an honorific that states a gender stays ("mp dame")
    e = found("Harbour master Ann Keel closed the port on Sunday. The university's vice-chancellor Dr. Mary Ode "
              "praised the crew. Keel said the storm had passed.",
              "Vice-Chancellor Dr. Tom Ode left early. Researcher Dr. Ruth Amadi and Labour MP Dame Sarah Hill "
              "stayed. The firm will hire Master, the lawyer, next week.")
    assert rows(e, "doc_id", "text", "entity", "type", "title") == [
        ("d0", "Ann Keel", "Ann Keel", "person", "harbour master"),
        ("d0", "Mary Ode", "Mary Ode", "person", "vice-chancellor"),
        ("d0", "Keel", "Ann Keel", "person", None),
        ("d1", "Tom Ode", "Tom Ode", "person", "vice-chancellor"),
        ("d1", "Ruth Amadi", "Ruth Amadi", "person", "researcher"),
        ("d1", "Labour", "Labour", "organization", None),
        ("d1", "Sarah Hill", "Sarah Hill", "person", "mp dame"),
        ("d1", "Master", "Master", "person", None)]
