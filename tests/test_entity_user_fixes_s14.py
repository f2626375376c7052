"""Entity cases a user's corpus (a company's data breach, session 14) tripped over: each rule on a small
inline text written for this test, with exact, hand-checked expectations; each test fails on the code
before its rule."""

from __future__ import annotations

from entity_rows import found, quote_rows, rows


def test_a_title_of_several_words_opening_a_sentence_keeps_its_first_word():
    # "Chief Executive Zelna Okoro" at a sentence's start (also after a closing quotation mark): "Chief"
    # opens the title "chief executive", no "Executive Zelna Okoro" (typed organisation by "said in a
    # statement"); "Chief Executive Officer" whole; a one-word rank still needs a person after it
    # ("General Electric" is the company)
    e = found("Chief Executive Zelna Okoro said in a statement that sales fell.",
              "\"We failed,\" Chief Executive Zelna Okoro said. Chief Executive Officer Ivo Brandt spoke later. "
              "General Electric said nothing.")
    assert rows(e, "doc_id", "text", "entity", "type", "title") == [
        ("d0", "Zelna Okoro", "Zelna Okoro", "person", "chief executive"),
        ("d1", "Zelna Okoro", "Zelna Okoro", "person", "chief executive"),
        ("d1", "Ivo Brandt", "Ivo Brandt", "person", "chief executive officer"),
        ("d1", "General Electric", "General Electric", "organization", None)]
    assert quote_rows("\"We failed,\" Chief Executive Zelna Okoro said in a statement.") == [
        ("d0", "direct", "We failed", "Zelna Okoro", "name", "person:zelna_okoro")]


def test_a_portfolio_before_a_title_and_an_honorific_is_part_of_the_title():
    # "Data Protection Commissioner Dr. Ines Varga": the portfolio's words are the title's, no entity
    # "Data Protection" (nor "Protection" where "Data" opens the sentence and "data" is written in lower
    # case); a name before the title stays a name ("Veltro Chief Executive Zelna Okoro")
    e = found("Data Protection Commissioner Dr. Ines Varga said the audit was late. Customer data was lost. "
              "On Friday the Data Protection Commissioner Dr. Ines Varga spoke. Veltro Chief Executive Zelna "
              "Okoro agreed.")
    assert rows(e, "sentence_id", "text", "entity", "type", "title") == [
        (1, "Ines Varga", "Ines Varga", "person", "data protection commissioner"),
        (3, "Ines Varga", "Ines Varga", "person", "data protection commissioner"),
        (4, "Veltro", "Veltro", "organization", None),
        (4, "Zelna Okoro", "Zelna Okoro", "person", "chief executive")]


def test_a_surname_with_a_title_goes_to_the_one_namesake_written_with_it():
    # two persons named Reyes: the bare "Reyes" stands for Anton Reyes (named first), "Councillor Reyes"
    # for Councillor Maria Reyes (the one written with that title), and a later bare "Reyes" still for
    # Anton; "Ms. Dane" for the one woman of two persons named Dane, although the bare "Dane" stood for
    # Kiro Dane (a first name of no known gender)
    e = found("Anton Reyes, the founder of Brelo, quit on Monday. Reyes wrote to staff. Reyes, 41, built the "
              "app. Councillor Maria Reyes, who chairs the audit committee, said it was not enough. \"We need "
              "the full facts,\" Councillor Reyes said. She said the committee would meet again. The board "
              "had discussed replacing Reyes.",
              "Kiro Dane founded the shop. Dane wrote a letter. Helen Dane, his neighbour, read it. Ms. Dane "
              "said it was fair.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "via", "title") == [
        ("d0", 1, "Anton Reyes", "Anton Reyes", "name", "founder"),  # (session 15: the apposition's title)
        ("d0", 1, "Brelo", "Brelo", "name", None),
        ("d0", 2, "Reyes", "Anton Reyes", "short", None),
        ("d0", 3, "Reyes", "Anton Reyes", "short", None),
        ("d0", 4, "Maria Reyes", "Maria Reyes", "name", "councillor"),
        ("d0", 5, "Reyes", "Maria Reyes", "short", "councillor"),
        ("d0", 6, "She", "Maria Reyes", "pronoun", None),
        ("d0", 7, "Reyes", "Anton Reyes", "short", None),
        ("d1", 1, "Kiro Dane", "Kiro Dane", "name", None),
        ("d1", 2, "Dane", "Kiro Dane", "short", None),
        ("d1", 3, "Helen Dane", "Helen Dane", "name", None),
        ("d1", 3, "his", "Kiro Dane", "pronoun", None),
        ("d1", 4, "Dane", "Helen Dane", "short", "ms.")]
    # (the councillor's title is no longer the founder's evidence)
    assert rows(e[e.entity == "Anton Reyes"].head(1), "evidence") == [("first name: Anton",)]
    assert [r[2:4] for r in quote_rows(
        "Anton Reyes, the founder of Brelo, quit on Monday. Reyes wrote to staff. Councillor Maria Reyes said "
        "it was not enough. \"We need the full facts,\" Councillor Reyes said. She said the committee would "
        "meet again.")] == [("it was not enough", "Maria Reyes"), ("We need the full facts", "Maria Reyes"),
                            ("the committee would meet again", "Maria Reyes")]


def test_names_joined_by_an_ampersand_are_an_organisation():
    # "Hollis & Crane" (a law firm), "Carver & Lane", "Marks & Spencer": name words joined by "&" are an
    # organisation, ahead of a first name ("Hollis"), a place word ("Lane") or a surname ("Spencer"); a
    # place written with "&" is the gazetteer's; common words joined by "&" ("Science & Medicine", a
    # journal's) are not taken for a firm
    e = found("Ben Ortiz, a partner at Hollis & Crane, said so. Marks & Spencer fell. Trinidad & Tobago won. "
              "Carver & Lane hired Ortiz. The journal Social Science & Medicine printed the study.")
    assert rows(e, "text", "type", "evidence") == [
        ("Ben Ortiz", "person", "first name: Ben"),
        ("Hollis & Crane", "organization", "organization pattern: &"),
        ("Marks & Spencer", "organization", "organization pattern: &"),
        ("Trinidad & Tobago", "place", "gazetteer: place"),
        ("Carver & Lane", "organization", "organization pattern: &"),
        ("Ortiz", "person", "first name: Ben"),
        ("Social Science & Medicine", "other", "none")]


def test_a_pronoun_after_an_opening_phrase_or_a_quotation_continues_the_person_just_given_words():
    # "In an interview, she said": the pronoun opens its clause after a short opening phrase and continues
    # the subject of the sentence before (Zelna Okoro, of no known gender), not the woman named before
    # that; '"...," he said' after "..., according to Brandt.": the one person the sentence before gives
    # words to; a person named there without words ("hired Brandt") is not taken over the man named first
    e = found("Dr. Ines Varga said the audit was late. Veltro Chief Executive Zelna Okoro said that the firm would "
              "cooperate. In an interview, she said the delay was needed.",
              "Peter Hale resigned in May. The union and the firm agreed to talks, according to Brandt. \"It took a "
              "scandal,\" he said.",
              "Peter Hale resigned in May. The firm hired Brandt. \"It took a scandal,\" he said.")
    assert rows(e[e.via == "pronoun"], "doc_id", "sentence_id", "text", "entity") == [
        ("d0", 3, "she", "Zelna Okoro"), ("d1", 3, "he", "Brandt"), ("d2", 3, "he", "Peter Hale")]
