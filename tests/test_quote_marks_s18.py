"""Quotation errors a red team met in 1,000 real news articles (session 18, rux18 M1 and M2): a
quotation ending in "?" or "!" before "Name said" (the sentence splitter ends the sentence at the
closing mark) or before "she asked" got no speaker; a setting after a cue ("said at an event in New
York City Monday night") became reported speech; quotation marks out of phase (an opening mark lost
where scraped paragraphs were run together) made the reporter's narration a person's own words.
Each rule on small inline texts of our own with exact, hand-checked rows; each test fails on the code
before its rule."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis.quotes import quote_spans

Q = "Why would anyone vote for a plan that nobody has read?"


def _rows(text: str) -> list[tuple]:
    q = wb.quotes(wb.load_corpus(pd.DataFrame({"title": ["Council vote"], "text": [text]})))
    return [tuple(None if pd.isna(v) else v for v in r)
            for r in q[["kind", "quote", "speaker", "cue"]].itertuples(index=False, name=None)]


@pytest.mark.parametrize("text, speaker, cue", [
    (f'"{Q}" Ruth Adeyemi said.', "Ruth Adeyemi", "say"),                       # split after ?" before the name
    (f"“{Q}” Ruth Adeyemi said.", "Ruth Adeyemi", "say"),                       # curly marks
    (f'"{Q}" said Ruth Adeyemi.', "Ruth Adeyemi", "say"),                       # worked before: unchanged
    (f'"{Q}" Adeyemi asked.', "Adeyemi", "ask"),                                # a quotation verb, next sentence
    (f'"{Q[:-1]}!" Ruth Adeyemi said.', "Ruth Adeyemi", "say"),                 # "!"
    (f"“{Q[:-1]}!” asked Ruth Adeyemi.", "Ruth Adeyemi", "ask"),                # verb first, same sentence
    (f'"{Q}" Ruth Adeyemi said at a rally in Boston on Friday.', "Ruth Adeyemi", "say"),  # a setting after it
    (f'Ruth Adeyemi spoke on Monday. "{Q}" she asked.', "Ruth Adeyemi", "ask"),  # a pronoun, same sentence
    (f"Ruth Adeyemi spoke on Monday. “{Q}” she asked.", "Ruth Adeyemi", "ask"),
])
def test_a_question_before_its_cue_has_its_speaker(text, speaker, cue):
    # rux18 M1: all of these but "said Ruth Adeyemi" had no speaker (cue NA, or "asked" no cue at all)
    assert _rows(text) == [("direct", Q if "?" in text else Q[:-1] + "!", speaker, cue)]


def test_a_question_and_its_cue_sentence_and_what_is_not_one():
    # the cue sentence after a split, with an addressee and a setting, and the quotation after it goes on
    assert _rows('"What is the intention of the new plan?" Jair Bolsonaro told reporters in Brasilia. '
                 '"Maybe we will never know the answer to it."') == [
        ("direct", "What is the intention of the new plan? … Maybe we will never know the answer to it.",
         "Jair Bolsonaro", "tell")]
    # the next sentence reports a clause of its own: no attribution of the question; its own reported row
    assert _rows(f'"{Q}" Ruth Adeyemi said the plan was never published.') == [
        ("direct", Q, None, None), ("reported", "the plan was never published", "Ruth Adeyemi", "say")]
    # "asked" is still no cue of reported speech
    assert _rows("Ruth Adeyemi asked whether the council would vote on the plan this week.") == []
    assert _rows("Ruth Adeyemi asked the council to vote on the plan this week.") == []
    assert wb.load_cue_verbs().quotation_of == {
        "ask": "ask", "asks": "ask", "asked": "ask", "wonder": "wonder", "wonders": "wonder",
        "wondered": "wonder", "exclaims": "exclaim", "exclaimed": "exclaim"}


def test_a_setting_after_the_cue_is_no_reported_speech():
    # rux18 M1b: "at an event in New York City Monday night" was Ocasio-Cortez's reported speech
    assert _rows('"How are we saying let\'s take it easy?" Ocasio-Cortez said at an event in New York City '
                 'Monday night.\n\nSenator Ruth Adeyemi said at a rally in Boston on Friday evening.') == [
        ("direct", "How are we saying let's take it easy?", "Ocasio-Cortez", "say")]
    assert _rows("Ruth Adeyemi said during a town hall meeting in Boston.") == []
    # a clause after the setting is said (the setting stays in the content, as before)
    assert _rows("Ruth Adeyemi said at a rally in Boston the plan would fail.") == [
        ("reported", "at a rally in Boston the plan would fail", "Ruth Adeyemi", "say")]
    assert _rows("Ruth Adeyemi said in the end it will not matter to voters.") == [
        ("reported", "in the end it will not matter to voters", "Ruth Adeyemi", "say")]
    # a comma or quoted words after the setting: a clause or the words said go on (kept, as before)
    assert _rows("As Ruth Adeyemi said on numerous occasions, the council suffers from bad judgement.") == [
        ("reported", "on numerous occasions, the council suffers from bad judgement", "Ruth Adeyemi", "say")]
    assert _rows("Ruth Adeyemi said in the second paragraph 'the council will always protect the river.'") == [
        ("reported", "in the second paragraph 'the council will always protect the river.'", "Ruth Adeyemi", "say")]


def test_marks_out_of_phase_are_paired_again():
    # rux18 M2: the opening mark of "It will take …" was lost where two paragraphs were run together; the
    # marks then paired the wrong way round and the narration between them ("Marsh said.") was "own words"
    text = ('"We reject these denials," Helen Marsh said. It will take no more than 60 days to approve a new '
            'pipeline," Marsh said. "We are going to be fast."')
    # the pairing as written (quote_spans, no attribution known): narration between the marks
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "We reject these denials", "Marsh said."]
    assert _rows(text) == [
        ("direct", "We reject these denials", "Helen Marsh", "say"),
        ("direct", "It will take no more than 60 days to approve a new pipeline … We are going to be fast.",
         "Helen Marsh", "say")]
    # a name set off by a comma after the mark is an attribution too; a mark after "said," opens one
    text = ('Roy Moore, he is part of that culture," Michael Hansen, director of Gasp, told reporters. "We '
            'hear it from the right wing every single day."')
    assert _rows(text) == [("direct", "Roy Moore, he is part of that culture … We hear it from the right wing "
                                      "every single day.", "Michael Hansen", "tell")]
    # a closing single mark between the comma and the closing double mark
    assert _rows("It is the only thing 'real' about the 'Green Real Deal,'\" the statement said. \"We will not "
                 "support it.\"") == [("direct", "It is the only thing 'real' about the 'Green Real Deal,' … We will "
                                       "not support it.", "the statement", "say")]
    assert _rows('Wilkins said," Warhol liked the way photo booths looked". She left.') == [
        ("direct", "Warhol liked the way photo booths looked", "Wilkins", "say")]
