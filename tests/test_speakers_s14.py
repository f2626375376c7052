"""Speaker errors a red team met on a data-breach corpus (session 14, rt14 findings 3-6): each rule on a
small inline text of our own with exact, hand-checked rows; each test fails on the code before its rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import NONE, docs, quote_rows, rows


def test_a_name_inside_a_relative_clause_set_off_by_commas_is_not_the_speaker():
    # rt14 #3: "The Independent Couriers Union (ICU), which says it represents about 2,000 Dashly riders,
    # said ..." gave the speaker Dashly: the comma of "2,000" was read as the clause's comma, and the name
    # before the relative clause (with its acronym) was not found, so the nearest name, inside the
    # clause, was taken. The subject of the cue is the phrase before ", which/who ...,"
    assert quote_rows(
        "The Northfield Drivers Union (NDU), which says it represents about 3,000 Velto couriers, said on "
        "Monday that 250 drivers had lost pay.",
        "Colin Marshall, the chief executive of Cloud Peak, who has run it since 2009, said the company would "
        "cut 400 jobs.",
        "The committee, which Ana Ruiz chairs, said the budget would be cut.") == [
        ("d0", "reported", "250 drivers had lost pay", "Northfield Drivers Union", "name",
         "organization:northfield_drivers_union"),
        ("d1", "reported", "the company would cut 400 jobs", "Colin Marshall", "name", "person:colin_marshall"),
        ("d2", "reported", "the budget would be cut", "The committee", "nominal", None)]


def test_saying_a_clause_that_opens_with_its_subject_pronoun_reports_the_whole_clause():
    # rt14 #5: "..., resigned on Sunday, saying he took responsibility for the security failures that
    # led to last month's data breach" gave the content "led to last month's data breach": the "that"
    # of a relative clause inside the reported clause was read as the cue's "that"
    assert quote_rows(
        "Lena Ortiz, the finance director of Brantwell, resigned on Friday, saying she took responsibility "
        "for the accounting errors that led to the loss.",
        "Ana Ruiz warned they would strike unless the board agreed that pay should rise.",
        "Ana Ruiz said on Tuesday that the board had agreed.") == [
        ("d0", "reported", "she took responsibility for the accounting errors that led to the loss", "Lena Ortiz",
         "name", "person:lena_ortiz"),
        ("d1", "reported", "they would strike unless the board agreed that pay should rise", "Ana Ruiz", "name",
         "person:ana_ruiz"),
        ("d2", "reported", "the board had agreed", "Ana Ruiz", "name", "person:ana_ruiz")]


def test_a_pronoun_speaker_reaches_back_over_quotations_to_the_one_person_of_its_gender():
    # rt14 #4: "She said the council would ask ..." had no speaker although the entity layer resolved
    # "She" to the councillor: she was named three sentences back (the limit was two), with only
    # another man's quotations between. A known gender, only quotations between and nobody else who
    # could be meant reach five sentences; a sentence of narrative between, or another woman named
    # between, keeps the speaker unknown
    text = ('Tomas Reyes resigned on Sunday. Councillor Mara Quist chairs the transport committee. "I built '
            'this company," Tomas Reyes wrote in a letter. "I will miss it." She said the council would ask '
            'executives to appear before her committee.')
    narrative = ("Tomas Reyes resigned on Sunday. Councillor Mara Quist chairs the transport committee. The board "
                 "met on Monday. Tomas Reyes wrote a letter. She said the council would ask executives to appear.")
    another = ('Tomas Reyes resigned on Sunday. Councillor Mara Quist chairs the transport committee. "I built '
               'this company," Tomas Reyes wrote in a letter to Dana Price. "I will miss it." She said the council '
               'would ask executives to appear.')
    entities = wb.entities(docs(text), actors=NONE)
    assert rows(entities[entities["text"] == "She"], "entity_id") == [("person:mara_quist",)]
    assert quote_rows(text, narrative, another) == [
        ("d0", "direct", "I built this company … I will miss it.", "Tomas Reyes", "name", "person:tomas_reyes"),
        ("d0", "reported", "the council would ask executives to appear before her committee", "Mara Quist",
         "pronoun", "person:mara_quist"),
        ("d1", "reported", "the council would ask executives to appear", None, "pronoun", None),
        ("d2", "direct", "I built this company … I will miss it.", "Tomas Reyes", "name", "person:tomas_reyes"),
        ("d2", "reported", "the council would ask executives to appear", None, "pronoun", None)]


def test_told_a_common_noun_addressee_and_a_clause_without_that_is_reported_speech():
    # rt14 #6c: "Marco Bianchi told the crowd the company owed riders compensation." gave no row: a clause
    # after the addressee was recognised only by an auxiliary ("the plan was dead"); a determiner, a noun
    # and a verb make one too. A noun phrase alone ("the details of the plan") is no speech
    out = wb.quotes(docs("Marta Lind told the crowd the company owed drivers compensation.",
                         "Marta Lind told reporters the minister resigned over the leak.",
                         "Marta Lind told the committee the details of the plan."), NONE)
    assert rows(out, "doc_id", "quote", "speaker", "cue", "addressee") == [
        ("d0", "the company owed drivers compensation", "Marta Lind", "tell", "the crowd"),
        ("d1", "the minister resigned over the leak", "Marta Lind", "tell", "reporters")]


def test_coordinated_names_are_one_speaker_of_one_quotation():
    # rt14 #6b: "two of its investors, Brightpath Capital and Orbis Ventures, said ..." credited Orbis
    # Ventures alone. The table holds one row per quotation with one speaker: the names together, as
    # written, nominal and linked to no entity (a row per name would count one statement twice; the
    # entity of one of them would give the others' words to it); voice() counts the quotation once,
    # under those words. A list of places after a preposition is no such speaker ("the leaders of ...")
    texts = ("Two of its investors, Fenwick Capital and Halden Partners, said they had asked the board for a "
             "briefing.",
             "Fenwick Capital, Halden Partners and Orrin Bank said the fund would close.",
             "The leaders of France, Germany and Italy said the talks would resume.")
    assert quote_rows(*texts) == [
        ("d0", "reported", "they had asked the board for a briefing", "Fenwick Capital and Halden Partners",
         "nominal", None),
        ("d1", "reported", "the fund would close", "Fenwick Capital, Halden Partners and Orrin Bank", "nominal",
         None),
        ("d2", "reported", "the talks would resume", "The leaders", "nominal", None)]
    documents = docs(texts[0])
    v = wb.voice(wb.entities(documents, actors=NONE), wb.quotes(documents, NONE))
    assert rows(v, "actor", "mentions", "quotes") == [
        ("Fenwick Capital", 1, 0), ("Halden Partners", 1, 0), ("Fenwick Capital and Halden Partners", 0, 1)]
