"""Speaker and reported-speech errors a red team met in Indian and Australian business and court news
(session 18, rt18 M5, L1 and L5): the headline '"…," says founder' and "the founder said" after "The
founder of X, NAME,", "the spokesperson said" after "A spokesperson for X said", "The agency said" after
the Enforcement Directorate with a currency between, a reported clause with its cue inside ("Her
complaint, sources said, became …"), a demonstrative "that" after "said", "NAME, an analyst, who said
that" and "…, the note said". Each rule on small inline texts of our own with exact, hand-checked rows;
each test fails on the code before its rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import NONE, docs, quote_rows, rows

APPEAL = '"We will appeal the ruling," the founder said.'


def test_the_founder_links_to_the_one_person_the_text_gives_that_role():
    assert quote_rows(
        # "The founder of X, NAME,": the role held "of" a name with "the" and a lower-case word before it
        f"The founder of the collapsed Varuna Infra Ltd, Ramesh Venkataraman, appeared in court. {APPEAL}",
        f"Ramesh Venkataraman, the founder of Varuna Infra Ltd, appeared in court. {APPEAL}",
        f"Varuna founder Ramesh Venkataraman appeared in court. {APPEAL}",
        # two founders: which one is meant is not clear
        f"The founder of Varuna Infra Ltd, Ramesh Venkataraman, met Priya Shah, the founder of Kestrel Labs. "
        f"{APPEAL}") == [
        ("d0", "direct", "We will appeal the ruling", "Ramesh Venkataraman", "nominal", "person:ramesh_venkataraman"),
        ("d1", "direct", "We will appeal the ruling", "Ramesh Venkataraman", "nominal", "person:ramesh_venkataraman"),
        ("d2", "direct", "We will appeal the ruling", "Ramesh Venkataraman", "nominal", "person:ramesh_venkataraman"),
        ("d3", "direct", "We will appeal the ruling", "the founder", "nominal", None)]


def test_a_headline_says_founder_links_to_the_founder_the_body_names():
    # rt18 M5: the headline speaker "founder" was counted among the unnamed sources
    title = 'Varuna trial: "I was never told of the diversions," says founder'
    d = docs("The founder of the collapsed Varuna Infra Ltd, Ramesh Venkataraman, told a special court on Wednesday "
             "that he had never been informed of the diversions.",
             "The founder of Varuna Infra Ltd, Ramesh Venkataraman, met Priya Shah, the founder of Kestrel Labs, on "
             "Monday.", titles=[title, title])
    assert rows(wb.quotes(d, NONE), "doc_id", "sentence_id", "kind", "quote", "speaker", "speaker_type",
                "speaker_entity_id") == [
        ("d0", 0, "direct", "I was never told of the diversions", "Ramesh Venkataraman", "nominal",
         "person:ramesh_venkataraman"),
        ("d0", 1, "reported", "he had never been informed of the diversions", "Ramesh Venkataraman", "name",
         "person:ramesh_venkataraman"),
        ("d1", 0, "direct", "I was never told of the diversions", "founder", "nominal", None)]


def test_the_spokesperson_speaks_for_the_one_organisation_an_earlier_spokesperson_spoke_for():
    said = '"We are reviewing our investment processes," the spokesperson said.'
    opening = ("Her fund, AusFuture Super, held shares in the group. A spokesperson for AusFuture Super said "
               "members should not panic.")
    assert quote_rows(
        f"{opening} {said}",
        # spokespeople of two organisations, or one of none named: which one speaks is not clear
        f"{opening} A spokesperson for Kestrel Holdings declined to comment. {said}",
        f"{opening} A spokesperson declined to comment. {said}",
        # the organisation written before the noun
        "Northwind Energy cut 300 jobs on Monday. A Northwind Energy spokesperson confirmed the cuts. "
        '"We regret the decision," the spokesperson said.') == [
        ("d0", "reported", "members should not panic", "AusFuture Super", "nominal", "organization:ausfuture_super"),
        ("d0", "direct", "We are reviewing our investment processes", "AusFuture Super", "nominal",
         "organization:ausfuture_super"),
        ("d1", "reported", "members should not panic", "AusFuture Super", "nominal", "organization:ausfuture_super"),
        ("d1", "direct", "We are reviewing our investment processes", "the spokesperson", "nominal", None),
        ("d2", "reported", "members should not panic", "AusFuture Super", "nominal", "organization:ausfuture_super"),
        ("d2", "direct", "We are reviewing our investment processes", "the spokesperson", "nominal", None),
        ("d3", "direct", "We regret the decision", "Northwind Energy", "nominal", "organization:northwind_energy")]


def test_the_agency_is_not_kept_from_its_directorate_by_a_currency_before_a_figure():
    # rt18 M5: "Rs" (untyped) between the ED and "The agency said" read as another organisation that could
    # be the agency; an organisation that states no kind still keeps it unlinked
    assert quote_rows(
        "The Enforcement Directorate (ED) and the Bombay High Court heard the case. According to the ED, the "
        "agency has attached assets worth Rs 1,150 crore. The agency said that further arrests were likely.",
        "The Enforcement Directorate (ED) heard the case of Varuna Infra Ltd. Kestrel Holdings also lent money. "
        "The agency said that further arrests were likely.") == [
        ("d0", "reported", "the agency has attached assets worth Rs 1,150 crore", "Enforcement Directorate", "name",
         "organization:enforcement_directorate"),
        ("d0", "reported", "further arrests were likely", "Enforcement Directorate", "nominal",
         "organization:enforcement_directorate"),
        ("d1", "reported", "further arrests were likely", "The agency", "nominal", None)]


def test_a_short_subject_before_a_parenthetical_cue_is_part_of_the_clause_said():
    # rt18 L1: the content was "eventually brought down the group" (a relative "that" read as the cue's)
    assert quote_rows(
        "Her complaint, sources said, became the basis of the SEBI inquiry that eventually brought down the group.",
        "Profits, the company said on Monday, fell by a third in the quarter.",
        # an adverb or a clause with a subject of its own after the cue: the words after the cue only
        "Meanwhile, officials said, prices rose sharply across the region.",
        "Yesterday, officials said, the road closed after a landslide.",
        "But, officials said, at the time gas was described as a bridge fuel.",
        # a cue form after a capitalised word in its bare present form is a noun there: no row
        "The replacement, the Affordable Clean Energy rule, would lead to 1,400 additional deaths each year.") == [
        ("d0", "reported", "Her complaint … became the basis of the SEBI inquiry that eventually brought down the group",
         "sources", "nominal", None),
        ("d1", "reported", "Profits … fell by a third in the quarter", "the company", "nominal", None),
        ("d2", "reported", "prices rose sharply across the region", "officials", "nominal", None),
        ("d3", "reported", "the road closed after a landslide", "officials", "nominal", None),
        ("d4", "reported", "at the time gas was described as a bridge fuel", "officials", "nominal", None)]


def test_that_before_a_verb_after_said_is_the_subject_of_what_was_said():
    # rt18 L1: "said that was not good enough" gave "was not good enough"
    assert quote_rows(
        "Senator Mackenzie said that was not good enough.",
        "Senator Mackenzie said that's not good enough for savers.",
        "Senator Mackenzie said that would hurt savers badly.",
        "Senator Mackenzie said that the answer was not good enough.") == [  # a complementiser: dropped
        ("d0", "reported", "that was not good enough", "Mackenzie", "name", "person:mackenzie"),
        ("d1", "reported", "that's not good enough for savers", "Mackenzie", "name", "person:mackenzie"),
        ("d2", "reported", "that would hurt savers badly", "Mackenzie", "name", "person:mackenzie"),
        ("d3", "reported", "the answer was not good enough", "Mackenzie", "name", "person:mackenzie")]


def test_who_said_after_an_apposition_and_a_note_as_a_document_speaker():
    # rt18 L5: both were missed
    assert quote_rows(
        "The committee heard from Zoë Nguyễn, a governance analyst, who said that companies relied on reports.",
        "SBI had lent Rs 3,850 crore, the note said.",
        "The bank had lent money to the group, the chargesheet says.") == [
        ("d0", "reported", "companies relied on reports", "Zoë Nguyễn", "name", "person:zo_nguy_n"),
        ("d1", "reported", "SBI had lent Rs 3,850 crore", "the note", "nominal", None),
        ("d2", "reported", "The bank had lent money to the group", "the chargesheet", "nominal", None)]
    assert {"note", "notice", "circular", "chargesheet", "petition", "dossier"} <= wb.load_cue_verbs().document_nouns
    assert "notes" not in wb.load_cue_verbs().document_nouns  # the cue verb's form
