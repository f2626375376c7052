"""Speaker errors a red team met in British regional news (session 17, rt17 H6, L1 and L7): "The
coroner said:", a capitalised role before an apposed name ("the trust's Chief Executive, Dr Helen
Marchbank, said"), singular "they", an anonymous midwife, a cue coordinated after another verb ("Ms
Kearney of the RCM welcomed the investment but warned:"), the headline form "Coroner: '...'" and two
named people counted as an unnamed source. Each rule on small inline texts of our own with exact,
hand-checked rows; each test fails on the code before its rule. Double quotation marks where the mark
does not matter."""

from __future__ import annotations

import pandas as pd

import analysis as wb

from entity_rows import NONE, docs, quote_rows, rows

QUOTE = '"I am concerned that the issues may not be isolated."'


def test_the_coroner_and_a_midwife_are_nominal_speakers_linked_to_the_coroner_named_before():
    # rt17 H6: "coroner" and "midwife" were no speaker nouns: "The coroner said: '…'" had no speaker at all
    assert quote_rows(
        f"Rachel Thorne, the senior coroner, opened the hearing.\n\nThe coroner said: {QUOTE}",
        # the title held "for" a place between it and the name
        f"The senior coroner for Wessex, Rachel Thorne, opened the hearing. The coroner said: {QUOTE}",
        # two coroners named: linked to neither
        f"The senior coroner for Wessex, Rachel Thorne, opened the hearing. Tim Hale, the coroner for Dorset, "
        f"agreed. The coroner said: {QUOTE}",
        f"The coroner said: {QUOTE}",
        'A midwife at St Aldhelm\'s, who asked not to be named, said: "We can\'t cope any more with this."') == [
        ("d0", "direct", QUOTE.strip('"'), "Rachel Thorne", "nominal", "person:rachel_thorne"),
        ("d1", "direct", QUOTE.strip('"'), "Rachel Thorne", "nominal", "person:rachel_thorne"),
        ("d2", "direct", QUOTE.strip('"'), "The coroner", "nominal", None),
        ("d3", "direct", QUOTE.strip('"'), "The coroner", "nominal", None),
        ("d4", "direct", "We can't cope any more with this.", "A midwife at St Aldhelm's", "nominal", None)]
    assert {"coroner", "midwife", "midwives", "campaigners"} <= wb.load_cue_verbs().speaker_nouns


def test_a_capitalised_role_is_no_name_speaker():
    # rt17 H6: "the trust's Chief Executive, Dr Helen Marchbank, said:" gave the speaker "Chief Executive"
    # (type name); a run of title words no entity holds is a role: the name apposed to it speaks, and alone
    # it is a nominal speaker
    said = '"We will respond in full to the coroner."'
    assert quote_rows(
        f"In a statement, the trust's Chief Executive, Dr Helen Marchbank, said: {said}",
        f"The Chief Executive said: {said}",
        f"The Health Secretary, Wes Streeting, said: {said}",
        f"The Senior Coroner, Rachel Thorne, said: {said}",  # a title modifier before the title word
        f"The District Court, in Winchester, said: {said}") == [  # an organisation noun: a body's name
        ("d0", "direct", said.strip('"'), "Helen Marchbank", "name", "person:helen_marchbank"),
        ("d1", "direct", said.strip('"'), "Chief Executive", "nominal", None),
        ("d2", "direct", said.strip('"'), "Wes Streeting", "name", "person:wes_streeting"),
        ("d3", "direct", said.strip('"'), "Rachel Thorne", "name", "person:rachel_thorne"),
        ("d4", "direct", said.strip('"'), "District Court", "name", "organization:district_court")]
    from analysis.quotes import _role_title  # the rule on words alone

    assert [_role_title(w) for w in ("Chief Executive", "Senior Coroner", "Deputy Chief Constable", "District Court",
                                     "City Council", "Chief", "Helen Marchbank", None)] == [
        True, True, True, False, False, False, False, False]


def test_a_cue_coordinated_after_another_verb_takes_the_subject_of_its_clause():
    # rt17 H6: "Ms Kearney of the RCM welcomed the investment but warned: '…'" had no speaker (the RCM, the
    # object of "of", was the nearest name); whose words are unclear, none
    money = '"Money on paper doesn\'t deliver a single baby safely."'
    assert quote_rows(
        f"Siobhan Kearney works for the union.\n\nMs Kearney of the RCM welcomed the investment but warned: {money}",
        "Ms Kearney welcomed the investment, but warned that money alone would not deliver safe care.",
        f"The union welcomed the investment but warned: {money}",
        # the verb right after the name: its subject, not the object named after it
        f"Tom Reid met Siobhan Kearney and warned: {money}",
        # the one after "with" is no subject
        f"Tom Reid, with Siobhan Kearney, met the minister and warned: {money}",
        # capitalised words before the name are part of its phrase; a description set off by commas is
        # skipped, and the name inside it is no rival
        f"U.N. Secretary-General Antonio Guterres called the plan a failure and warned: {money}",
        f"Ernest Moniz, who served under the Obama administration, took part and said: {money}",
        # two people before the verb: whose words, or both of theirs, not clear
        f"Tom Reid and Siobhan Kearney met the minister and warned: {money}") == [
        ("d0", "direct", money.strip('"'), "Siobhan Kearney", "name", "person:siobhan_kearney"),
        ("d1", "reported", "money alone would not deliver safe care", "Kearney", "name", "person:kearney"),
        ("d2", "direct", money.strip('"'), "The union", "nominal", None),
        ("d3", "direct", money.strip('"'), "Tom Reid", "name", "person:tom_reid"),
        ("d4", "direct", money.strip('"'), "Tom Reid", "name", "person:tom_reid"),
        ("d5", "direct", money.strip('"'), "Antonio Guterres", "name", "person:antonio_guterres"),
        ("d6", "direct", money.strip('"'), "Ernest Moniz", "name", "person:ernest_moniz"),
        ("d7", "direct", money.strip('"'), None, None, None)]


def test_singular_they_resolves_only_to_the_one_person_just_quoted_whose_gender_is_not_given():
    # rt17 H6: '"We'll be watching every step," they said.' right after Jamie Holt (they/them) had no speaker.
    # Resolved only when nothing else can be meant: a wrong guess is worse than none
    step = "\"We'll be watching every step,\" they said."
    out = quote_rows(
        f"Jamie Holt, whose son Noah died in March, said the review was a start. {step}",
        f'"It is a start," Jamie Holt said. {step}',
        f"Jamie Holt said the parents were angry. {step}",  # a plural noun: they may be the parents
        f"Laura and Daniel Pryce said the review was a start. {step}",  # two people
        f"Tom Reid said the review was a start. {step}",  # a man ("he"): they is a group
        f"Jamie Holt said the trust had failed. {step}",  # an organisation noun
        f"Jamie Holt met Tom Reid on Monday. {step}",  # no quotation right before
        f'"It is a start," Jamie Holt said.\n\nThe families met the board.\n\n{step}')  # two sentences back
    they = [r for r in out if r[2] == "We'll be watching every step"]
    assert they == [
        ("d0", "direct", "We'll be watching every step", "Jamie Holt", "pronoun", "person:jamie_holt"),
        ("d1", "direct", "We'll be watching every step", "Jamie Holt", "pronoun", "person:jamie_holt"),
        *[(f"d{i}", "direct", "We'll be watching every step", None, "pronoun", None) for i in range(2, 8)]]


def test_a_headline_role_before_a_colon_is_a_nominal_speaker_linked_to_the_one_person_of_that_title():
    # rt17 L1: "Coroner: 'Deaths will happen unless trust acts'" was a quotation with no speaker
    titles = ["Coroner: 'Deaths will happen unless trust acts'",
              'Coroner: "Deaths will happen unless trust acts"',
              'Midwives: "We cannot cope any more"',
              'Review: "A triumph of staging and light"',
              'Brexit: "We are running out of time"']
    texts = ["Senior coroner Rachel Thorne issued her report on Wednesday.",
             "The hearing was adjourned on Wednesday.",
             "Staff at the unit spoke out on Wednesday.",
             "The play opened on Wednesday.",
             "The talks stalled on Wednesday."]
    q = wb.quotes(docs(*texts, titles=titles), NONE)
    assert rows(q[q["sentence_id"] == 0], "doc_id", "quote", "speaker", "speaker_type", "speaker_entity_id") == [
        ("d0", "Deaths will happen unless trust acts", "Rachel Thorne", "nominal", "person:rachel_thorne"),
        ("d1", "Deaths will happen unless trust acts", "Coroner", "nominal", None),
        ("d2", "We cannot cope any more", "Midwives", "nominal", None),  # (the entity layer's "other": no link)
        ("d3", "A triumph of staging and light", None, None, None),  # a section, not a speaker
        ("d4", "We are running out of time", None, None, None)]  # a topic


def _quoted_finding(text: str) -> str:
    d = pd.DataFrame({"doc_id": ["a"], "title": ["Inquiry"], "text": [text]})
    table = wb.findings(wb.analyze(d, actors=NONE)).table
    return table.loc[table["finding"].str.contains("quot"), "finding"].iloc[0]


def test_findings_do_not_count_named_people_joined_by_and_as_an_unnamed_source():
    # rt17 L7: "3 quotations from unnamed sources: Laura and Daniel Pryce, ..." — a coordinated speaker is
    # nominal in the quotation table (one row, one speaker), but its parts are names
    assert _quoted_finding(
        "Ann Lee said the road was closed. Ann Lee said the school was shut. Laura and Daniel Pryce said they "
        "welcomed the call. Officials said the town was safe.") == (
        "Ann Lee is quoted most: 2 quotations of 4 (50%); also quoted: Laura and Daniel Pryce (1); 1 quotation "
        "from unnamed sources: officials (1).")
    from analysis.quotes import _named_group  # the rule itself, on words alone

    assert [_named_group(w) for w in ("Laura and Daniel Pryce", "Fenwick Capital and Halden Partners",
                                      "Ana Ruiz, Tom Hale and Lena Ortiz", "Officials and Analysts",
                                      "Police and Fire officials", "Greyford officials", "Laura Pryce",
                                      None)] == [True, True, True, False, False, False, False, False]
