"""Pronoun cases a user's corpus (a football club, session 15) tripped over: a he/she in the second part
of a speaker's own quotation, a he/she giving words after the sentence that gave words to someone, and
a pronoun speaker after a nominal speaker that names its person. Each rule on a small inline text
written for this test, with exact, hand-checked expectations; each test fails on the code before its
rule."""

from __future__ import annotations

from entity_rows import found, quote_rows, rows


def _pronouns(e):
    return rows(e[e.via == "pronoun"], "doc_id", "sentence_id", "text", "entity")


def test_a_pronoun_in_the_second_part_of_a_quotation_is_not_its_speaker():
    # '"A," Callum said. "B."': the second part is Callum's too (he would say "I"), so its "He" is not
    # Callum but the quotation's earlier "He" (Jamie), also where the person the quotation named is of no
    # known gender (d1: "Jamie" alone, over the man named before him); a second part with its own cue is
    # not continued (d2: "his mother said": the nearest man, Callum Doyle)
    e = found("Jamie Doyle was injured on Tuesday. His brother Callum Doyle said the family was devastated. "
              "\"He has worked so hard,\" Callum said. \"He will come back stronger.\"",
              "Aaron Fitch scored first. \"That one was for Jamie,\" Callum Doyle said. \"He was on the phone "
              "to me at half-time.\"",
              "Jamie Doyle was injured. \"He has worked so hard,\" Callum Doyle said. \"He is my hero,\" "
              "his mother said.")
    assert _pronouns(e) == [
        ("d0", 2, "His", "Jamie Doyle"),
        ("d0", 3, "He", "Jamie Doyle"),
        ("d0", 4, "He", "Jamie Doyle"),
        ("d1", 3, "He", "Jamie"),
        ("d2", 2, "He", "Jamie Doyle"),
        ("d2", 3, "He", "Callum Doyle"),
        ("d2", 3, "his", "Callum Doyle")]


def test_a_pronoun_in_a_quotation_continues_its_earlier_pronoun_over_a_man_named_around_the_cue():
    # the second "He" continues the first (Jamie Doyle), not Gary Pell, the man named last; a man named
    # inside the quotation between the two is a rival: then the nearest man (Gary Pell)
    e = found("Jamie Doyle was injured on Tuesday. \"He has worked so hard,\" said Callum Doyle, who thanked "
              "Gary Pell. \"He will come back stronger.\"",
              "Jamie Doyle was injured on Tuesday. \"He has worked so hard, and Gary Pell knows it,\" said "
              "Callum Doyle. \"He will come back stronger.\"")
    assert _pronouns(e) == [
        ("d0", 2, "He", "Jamie Doyle"),
        ("d0", 3, "He", "Jamie Doyle"),
        ("d1", 2, "He", "Jamie Doyle"),
        ("d1", 3, "He", "Gary Pell")]


def test_a_pronoun_giving_words_is_the_person_the_sentence_before_gave_words_to():
    # "..., she said" after "Dr. Priya Nandra, said ...": Priya Nandra (gender unknown), not Elaine Carver,
    # the woman of known gender named before her — as the quote layer's speaker; also past an aside
    # whose names do not speak (d1: "under Tom Obrey" is no speaker); a man who gave words is passed
    # over by a "she" (d2: Dev Mistry, known male by "Mr.")
    texts = ("Elaine Carver said the review was sensible. The trust chair, Dr. Priya Nandra, said fans would "
             "keep up the pressure. They would hold a further meeting on October 3, she said.",
             "Elaine Carver spoke first. Lee Klein, the deputy under Tom Obrey, said the rule was drafted in "
             "2015. He said it was never used.",
             "Elaine Carver said the review was sensible. Mr. Dev Mistry said the council would wait. The "
             "money would come later, she said.")
    assert _pronouns(found(*texts)) == [
        ("d0", 3, "she", "Priya Nandra"),
        ("d1", 3, "He", "Lee Klein"),
        ("d2", 3, "she", "Elaine Carver")]
    assert [r[3:] for r in quote_rows(texts[0])] == [
        ("Elaine Carver", "name", "person:elaine_carver"),
        ("Priya Nandra", "name", "person:priya_nandra"),
        ("Priya Nandra", "pronoun", "person:priya_nandra")]


def test_a_pronoun_speaker_after_a_nominal_speaker_naming_a_person_is_that_person():
    # the source phrase "club physio Dr. Helen Brooks" names the person the entity layer resolves "She"
    # to: the pronoun speaker is Helen Brooks (it had no speaker); a nominal naming no one stays the
    # pronoun's speaker, unlinked ("The police spokeswoman" is not Maria Chen, whom the entity layer
    # resolves "She" to: a wrong guess is worse than none)
    assert [r[2:] for r in quote_rows(
        "According to club physio Dr. Helen Brooks, Doyle will begin rehabilitation next week. She said the "
        "injury was not as bad as first feared.",
        "Maria Chen was arrested on Monday. The police spokeswoman said the inquiry was continuing. She said "
        "charges were likely.")] == [
        ("Doyle will begin rehabilitation next week", "Helen Brooks", "name", "person:helen_brooks"),  # (qfix15)
        ("the injury was not as bad as first feared", "Helen Brooks", "pronoun", "person:helen_brooks"),
        ("the inquiry was continuing", "The police spokeswoman", "nominal", None),
        ("charges were likely", "The police spokeswoman", "pronoun", None)]


def test_a_run_of_quoted_sentences_continues_its_speaker_over_three_parts_at_most():
    # each quoted sentence continues Sam Lee's quotation, so its "He" is not Sam Lee but the first part's
    # (Tom Reid) — over three parts after the one with the cue; the fifth part has no known speaker any more
    # (a transcript of quoted lines costs each pronoun no more than that), and its "He" is the man named last
    e = found("Tom Reid spoke. \"He is here,\" Sam Lee said. \"He is fine.\" \"He is tired.\" \"He is happy.\" "
              "\"He is gone.\"")
    assert _pronouns(e) == [("d0", s, "He", "Tom Reid") for s in (2, 3, 4, 5)] + [("d0", 6, "He", "Sam Lee")]
