"""Speaker errors a red team met on a football-club corpus (session 15, rt15 findings 2, 4, 5, 11, 12): each
rule on a small inline text of our own with exact, hand-checked rows; each test fails on the code before its
rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import NONE, docs, quote_rows, rows


def test_the_title_of_one_person_appointed_to_it_links_to_that_person():
    # rt15 #2: "Harlow Athletic have appointed Sofia Reyes as head coach ... The head coach told reporters"
    # gave the speaker "The head coach", unlinked: the title after "appointed X as" (or "X was named") is
    # now that person's; "replaced Gary Pell as head coach" gives no one the title (Pell no longer is),
    # two people with the title none
    assert quote_rows(
        "Harlow Athletic have appointed Sofia Reyes as head coach on a two-year contract. The head coach told "
        "reporters that she would speak to every player.",
        "Sofia Reyes was named head coach on Monday. The head coach said the squad was strong.",
        "Harlow replaced Gary Pell as head coach on Monday. The head coach said the squad was strong.",
        "Harlow appointed Sofia Reyes as head coach. Ben Okoro, the head coach of the academy, stayed. "
        "The head coach said the squad was strong.") == [
        ("d0", "reported", "she would speak to every player", "Sofia Reyes", "nominal", "person:sofia_reyes"),
        ("d1", "reported", "the squad was strong", "Sofia Reyes", "nominal", "person:sofia_reyes"),
        ("d2", "reported", "the squad was strong", "The head coach", "nominal", None),
        ("d3", "reported", "the squad was strong", "The head coach", "nominal", None)]


def test_the_club_goes_on_standing_for_the_club_the_text_first_called_so():
    # rt15 #2: '"...," the club said in a statement' was linked in one article and not in another: there
    # the opponent (at Kingsford Rovers) was named between. The text's first "the club" stood for the
    # one organisation named before it; it goes on doing so when every other organisation named since
    # is the object of a preposition; an opponent as a subject (d1), or no "the club" before (d2): none
    assert quote_rows(
        "Harlow Athletic have sacked their manager after a defeat left the club second from bottom. The 3-0 loss at "
        "Kingsford Rovers was the final straw. \"The board felt a change was needed,\" the club said in a statement.",
        "Harlow Athletic have sacked their manager after a defeat left the club second from bottom. Kingsford Rovers "
        "won again on Saturday. \"The board felt a change was needed,\" the club said in a statement.",
        "Harlow Athletic beat Kingsford Rovers on Saturday. \"The board felt a change was needed,\" the club "
        "said.") == [
        ("d0", "direct", "The board felt a change was needed", "Harlow Athletic", "nominal",
         "organization:harlow_athletic"),
        ("d1", "direct", "The board felt a change was needed", "the club", "nominal", None),
        ("d2", "direct", "The board felt a change was needed", "the club", "nominal", None)]


def test_the_company_is_the_one_organisation_the_text_types_a_company():
    # rt15 #2: "The company said" and "A spokesperson for the company said" stayed unlinked beside a club,
    # a council and a trust; the one organisation the text types a company (its name's last word,
    # "Capital", or "the investment firm" in apposition) is meant, when no other that could be one (d3:
    # a spokesman for Northwind, a name of no kind) is named since
    assert quote_rows(
        "Brightwater Capital has accused Harlow City Council of breaking a promise to Harlow Athletic. The company "
        "said the project could not go ahead without public money.",
        "Brightwater Capital declined to comment on the Harlow Athletic Supporters' Trust. A spokesperson for the "
        "company said talks were ongoing.",
        "Northwind, the investment firm that owns Harlow Athletic, met the council. The company said talks were "
        "ongoing.",
        "Brightwater Capital met the council on Monday. A spokesman for Northwind said the talks had failed. The "
        "company said talks were ongoing.") == [
        ("d0", "reported", "the project could not go ahead without public money", "Brightwater Capital", "nominal",
         "organization:brightwater_capital"),
        ("d1", "reported", "talks were ongoing", "Brightwater Capital", "nominal", "organization:brightwater_capital"),
        ("d2", "reported", "talks were ongoing", "Northwind", "nominal", "organization:northwind"),
        ("d3", "reported", "the talks had failed", "Northwind", "nominal", "organization:northwind"),
        ("d3", "reported", "talks were ongoing", "The company", "nominal", None)]


def test_a_name_before_a_speaker_noun_is_no_subject_of_an_ing_cue():
    # rt15 #4: "More than 1,000 Harlow Athletic supporters marched ..., demanding that ..." gave the club:
    # the name modifies "supporters", the subject of "marched"; the demand stays the subject's reported
    # speech (as "Ann Lee demanded that ..."), now the supporters', as "said" gives it
    assert quote_rows(
        "More than 1,000 Harlow Athletic supporters marched on the town hall on Saturday, demanding that "
        "Brightwater Capital settle the dispute.",
        "Harlow Athletic marched on the town hall on Saturday, demanding that Brightwater Capital settle the dispute.",
        "Ann Lee demanded that Brightwater Capital settle the dispute.") == [
        ("d0", "reported", "Brightwater Capital settle the dispute", "1,000 Harlow Athletic supporters", "nominal",
         None),
        ("d1", "reported", "Brightwater Capital settle the dispute", "Harlow Athletic", "name",
         "organization:harlow_athletic"),
        ("d2", "reported", "Brightwater Capital settle the dispute", "Ann Lee", "name", "person:ann_lee")]


def test_according_to_a_title_and_a_name_is_the_named_person():
    # rt15 #5: "According to club physio Dr. Helen Brooks, ..." gave the nominal "club physio Dr. Helen
    # Brooks", unlinked (and so the "She said" after it no speaker); lower-case words of a title before the
    # name are no description of someone else ("critics including Helen Brooks" still is)
    assert quote_rows(
        "According to club physio Dr. Helen Brooks, Doyle will begin rehabilitation next week. She said the injury "
        "was not as bad as first feared.",
        "According to critics including Helen Brooks, Doyle will begin rehabilitation next week.",
        "Doyle will begin rehabilitation next week, according to club physio Dr. Helen Brooks.") == [
        ("d0", "reported", "Doyle will begin rehabilitation next week", "Helen Brooks", "name",
         "person:helen_brooks"),
        ("d0", "reported", "the injury was not as bad as first feared", "Helen Brooks", "pronoun",
         "person:helen_brooks"),
        ("d1", "reported", "Doyle will begin rehabilitation next week", "critics including Helen Brooks", "nominal",
         None),
        ("d2", "reported", "Doyle will begin rehabilitation next week", "Helen Brooks", "name",
         "person:helen_brooks")]


def test_a_time_phrase_right_after_the_cue_is_not_said():
    # rt15 #11: "The union said on Tuesday the strike would go ahead" gave "on Tuesday the strike would go
    # ahead"; a time phrase or setting right after the cue is not content, unless it is the subject of the
    # clause said ("Tuesday's vote", "Monday was")
    assert [r[2] for r in quote_rows(
        "The union said on Tuesday the strike would go ahead.",
        "The union said Tuesday the strike would go ahead.",
        "The union said last week the strike would go ahead.",
        "The union said in a statement on Friday the strike would go ahead.",
        "The union told reporters on Tuesday night the strike would go ahead.",
        "The union said Tuesday's vote was rigged.",
        "The union said Monday was the deadline.")] == [
        "the strike would go ahead", "the strike would go ahead", "the strike would go ahead",
        "the strike would go ahead", "the strike would go ahead", "Tuesday's vote was rigged",
        "Monday was the deadline"]


def test_a_headline_name_a_colon_and_a_quotation_is_that_persons_direct_quote():
    # rt15 #12: the UK headline form "Reyes: 'We will be brave'" gave a direct quotation with no speaker; a
    # person named alone before the colon now speaks (no cue); a topic before it ("Brexit: ..."), or a
    # quotation that does not end the headline, stays without a speaker
    out = wb.quotes(docs("Sofia Reyes was appointed on Monday. She starts next week.",
                         "Talks went on in Brussels on Monday.", "Sofia Reyes was appointed on Monday.",
                         titles=["Reyes: 'We will be brave and we will fight'",
                                 "Brexit: 'We are running out of time now'",
                                 "Reyes: 'We will be brave and fight' as Harlow prepare"]), NONE)
    assert rows(out, "doc_id", "sentence_id", "kind", "quote", "speaker", "speaker_type", "speaker_entity_id",
                "cue") == [
        ("d0", 0, "direct", "We will be brave and we will fight", "Sofia Reyes", "name", "person:sofia_reyes", None),
        ("d1", 0, "direct", "We are running out of time now", None, None, None, None),
        ("d2", 0, "direct", "We will be brave and fight", None, None, None, None)]
