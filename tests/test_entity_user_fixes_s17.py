"""Entity cases of a user's corpus (British regional news on an NHS trust's maternity unit and an inquest into
a baby's death, session 17, red team rt17 H4, H2, L8): British titles and post-nominal letters, a mother
addressed as "Mrs" beside her baby, a mother's pronoun. Each rule on a small inline text written for this
test, with exact, hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

import analysis as wb
from analysis.entities import load_entity_words
from entity_rows import docs, found, quote_rows, rows


def test_british_councillor_abbreviations_are_titles_and_the_short_form_joins_the_full_name():
    # "Cllr" (no full stop, as UK councils write it) was kept in the name: "Cllr Margaret Ashdown" and
    # "Cllr Ashdown" were two people, her quotes split between them. Cllr, Cllrs, Cr and Coun. abbreviate
    # councillor (title_abbreviations: each a title of its own); "Coun." ends no sentence
    e = found("Cllr Margaret Ashdown chairs the committee. 'We have heard promises before,' said Cllr Ashdown.",
              "Cr Tom Bell and Coun. Ann Lee voted against. Cllrs John Smith and Mary Jones abstained.")
    assert rows(e, "doc_id", "text", "entity", "via", "title") == [
        ("d0", "Margaret Ashdown", "Margaret Ashdown", "name", "cllr"),
        ("d0", "Ashdown", "Margaret Ashdown", "short", "cllr"),
        ("d1", "Tom Bell", "Tom Bell", "name", "cr"), ("d1", "Ann Lee", "Ann Lee", "name", "coun."),
        ("d1", "John Smith", "John Smith", "name", "cllrs"), ("d1", "Mary Jones", "Mary Jones", "name", None)]
    # "the councillor said" later is the one person written "Cllr X" (the quote layer reads the mapping)
    assert quote_rows("Cllr Margaret Ashdown chaired the meeting. The councillor said the trust had failed.") == [
        ("d0", "reported", "the trust had failed", "Margaret Ashdown", "nominal", "person:margaret_ashdown")]
    words = load_entity_words()
    assert words.title_abbreviations["cllr"] == "councillor" and ("cllr",) in words.titles
    assert ("rev.",) not in words.titles  # an abbreviation written as an honorific stays one ("honorific: rev.")
    assert wb.sentences(docs("Coun. Ann Lee spoke. Cllr. Tom Bell agreed."))["text"].tolist() == [
        "Coun. Ann Lee spoke.", "Cllr. Tom Bell agreed."]


def test_a_midwife_before_a_name_is_her_title():
    e = found("Midwife Sandra Oakes told the inquest that the ward was short-staffed.")
    assert rows(e, "text", "entity", "type", "title", "evidence") == [
        ("Sandra Oakes", "Sandra Oakes", "person", "midwife", "title: midwife")]


def test_post_nominal_letters_after_a_persons_name_are_her_title_not_her_name():
    # "Sarah Whitlock MP" was a person of that name (and "Sarah Whitlock" another); the letters of a seat
    # or an honour (post_nominals, in capitals) after a name starting with a first name or an honorific are
    # the title; the first written is kept, a title before the name wins; a constituency's "Hartlepool MP"
    # is left as it was
    e = found("Sarah Whitlock MP said the families deserved the truth. Jane Hutt MS agreed.",
              "Sir John Smith KC OBE spoke first. Ann Lee OBE's letter was read.",
              "The Hartlepool MP said no.")
    assert rows(e, "doc_id", "text", "entity", "type", "title") == [
        ("d0", "Sarah Whitlock", "Sarah Whitlock", "person", "mp"), ("d0", "Jane Hutt", "Jane Hutt", "person", "ms"),
        ("d1", "John Smith", "John Smith", "person", "sir"), ("d1", "Ann Lee", "Ann Lee", "person", "obe"),
        ("d2", "Hartlepool MP", "Hartlepool MP", "other", None)]
    assert quote_rows("Sarah Whitlock MP said the families deserved the truth.") == [
        ("d0", "reported", "the families deserved the truth", "Sarah Whitlock", "name", "person:sarah_whitlock")]


def test_mrs_or_mr_and_a_surname_never_stand_for_a_baby_or_child_of_that_surname():
    # "the death of baby Ella Pryce ... Mrs Pryce said": the mother was merged into the baby and her
    # words credited to the baby. A person written as a baby or child (child_words before a mention, or
    # opening a sentence before a first name: "Newborn Jack Hale") is no "Mrs/Mr X"; the form joins an
    # adult of the surname (Laura Pryce) or stays a person of its own; a son named with an adult's age
    # is no child; without a child word the merge is as before
    e = found("The inquest into the death of baby Ella Pryce ended.\n\nMrs Pryce said the family had been failed.",
              "The inquest into the death of baby Ella Pryce heard from her mother, Laura Pryce. Mrs Pryce "
              "said she had been ignored.",
              "Their son, Tom Pryce, 42, spoke. Mr Pryce said nothing.",
              "Newborn Jack Hale died in May. Mr Hale said the staff had been kind.",
              "Ella Pryce, 34, spoke. Mrs Pryce said nothing.")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "text", "entity", "via", "title") == [
        ("d0", "Ella Pryce", "Ella Pryce", "name", None), ("d0", "Pryce", "Pryce", "name", "mrs"),
        ("d1", "Ella Pryce", "Ella Pryce", "name", None), ("d1", "Laura Pryce", "Laura Pryce", "name", None),
        ("d1", "Pryce", "Laura Pryce", "short", "mrs"),
        ("d2", "Tom Pryce", "Tom Pryce", "name", None), ("d2", "Pryce", "Tom Pryce", "short", "mr"),
        ("d3", "Jack Hale", "Jack Hale", "name", None), ("d3", "Hale", "Hale", "name", "mr"),
        ("d4", "Ella Pryce", "Ella Pryce", "name", None), ("d4", "Pryce", "Ella Pryce", "short", "mrs")]
    assert quote_rows("The inquest into the death of baby Ella Pryce ended.\n\n"
                      "Mrs Pryce said outside court: \"Ella's life mattered.\"") == [
        ("d0", "direct", "Ella's life mattered.", "Pryce", "name", "person:pryce")]


def test_a_relative_opening_the_sentence_is_the_she_of_the_words_she_reports():
    # "Her mother, Laura Pryce, 34, told the inquest that she had reported ...": the relative is the
    # subject of the speech verb and the "she" of her own reported clause (it went to the baby named
    # before); a relative named later in the sentence still is no antecedent (test_entity_user_fixes_s11)
    e = found("Ella Pryce died two days after she was born. Her mother, Laura Pryce, 34, told the inquest "
              "that she had reported reduced movements.",
              "Helen Marsh won. Her sister, Ann Marsh, said that she had voted for her.",
              "Helen Marsh went looking for her sister, Ann Marsh, after she got a letter.")
    assert rows(e[e["via"] == "pronoun"], "doc_id", "text", "entity") == [
        ("d0", "she", "Ella Pryce"), ("d0", "Her", "Ella Pryce"), ("d0", "she", "Laura Pryce"),
        ("d1", "Her", "Helen Marsh"), ("d1", "she", "Ann Marsh"), ("d1", "her", "Ann Marsh"),
        ("d2", "her", "Helen Marsh"), ("d2", "she", "Helen Marsh")]
