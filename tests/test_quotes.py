"""Quotations and reported speech (every rule of analysis.quotes), cue verbs as data, and voice."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis.entities import load_entity_words
from analysis.quotes import (QUOTE_COLUMNS, _CueFinder, _Field, _char_positions, _naming_starts, _spans_of_marks,
                             count_words, quote_spans)

LEX = {"actors": [
    {"id": "kirby", "name": "John Kirby", "type": "person", "gender": "male", "aliases": ["John Kirby", "Kirby"]},
    {"id": "harris", "name": "Kamala Harris", "type": "person", "gender": "female",
     "aliases": ["Kamala Harris", "Harris"]},
    {"id": "hamas", "name": "Hamas", "type": "organization", "aliases": ["Hamas"]},
    {"id": "nsc", "name": "National Security Council", "type": "organization",
     "aliases": ["National Security Council"]},
    {"id": "israel", "name": "Israel", "type": "country", "aliases": ["Israel"]},
]}


def docs(*texts: str, titles: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "title": titles or [""] * len(texts),
                         "text": list(texts)})


def q(*texts: str, titles: list[str] | None = None, lex=LEX) -> list[list]:
    """(doc_id, sentence_id, quote, speaker_id or None, speaker or None, cue or None, kind) per row."""
    out = wb.quotes(docs(*texts, titles=titles), lex)
    return [[r.doc_id, r.sentence_id, r.quote, None if pd.isna(r.speaker_id) else r.speaker_id,
             None if pd.isna(r.speaker) else r.speaker, None if pd.isna(r.cue) else r.cue, r.kind]
            for r in out.itertuples()]


# ----------------------------------------------------------------------------- spans and words


def test_count_words_leaves_out_emoji_and_punctuation():
    assert count_words("Hamas ♥️ Biden") == 2
    assert count_words("must continue . . . until victory") == 4
    assert count_words("U.S.-led talks") == 2


def test_quote_spans_straight_curly_single_and_apostrophes():
    text = 'He said "one two" and “three four” then \'five six\' but Israel\'s and Palestinians\' stay.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["one two", "three four", "five six"]


def test_quote_spans_cross_sentences_and_run_to_the_paragraph_end_when_unclosed():
    text = 'He added, "We will fight. But we will win," and left. "It goes on'
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will fight. But we will win", "It goes on"]


def test_single_quotes_pair_within_a_paragraph_and_outside_double_quotes():
    text = "It was 'fine. Then 'x' came."  # an opening mark never closed: no quotation over the next one
    spans = quote_spans(text, sentence_spans=[(0, 13), (14, len(text))])
    assert [text[s:e] for s, e in spans] == ["x"]
    text = "\"He called it 'bad' today\""
    assert [text[s:e] for s, e in quote_spans(text)] == ["He called it 'bad' today"]
    # the British convention: a quotation of several sentences in single marks, as with double ones
    text = "'I am sorry. We accept it,' she said. 'Listen to the parents' she added."
    spans = quote_spans(text, sentence_spans=[(0, 12), (13, 37), (38, len(text))])
    assert [text[s:e] for s, e in spans] == ["I am sorry. We accept it", "Listen to the parents"]
    # a plural possessive ("parents' anger") is no closing mark when a later one closes the quotation
    text = "'The parents' anger is justified. It is,' she said. The 'experts' say so."
    spans = quote_spans(text, sentence_spans=[(0, 33), (34, 51), (52, len(text))])
    assert [text[s:e] for s, e in spans] == ["The parents' anger is justified. It is", "experts"]
    # a double quotation inside a single one is part of it, not a quotation of its own
    text = "'A midwife told me \"go home\" and I believed her,' she said."
    assert [text[s:e] for s, e in quote_spans(text)] == ['A midwife told me "go home" and I believed her']


def test_apostrophes_never_open_or_close_a_single_quotation():
    """Contractions, elisions and plural possessives ("It's", "o'clock", "y'all", "the '90s", "rock 'n' roll",
    "parents'") are no quotation marks, outside a quotation or inside one."""
    text = ("The parents' group met at eight o'clock. Y'all know the '90s were different. "
            "It's the families' turn, the rock 'n' roll fans' club said.")
    assert quote_spans(text, sentence_spans=[(0, 40), (41, 76), (77, len(text))]) == []
    # past a possessive-looking "s' in" only to a closing mark after . , ! ? (not a later possessive "workers'.")
    text = "Residents drink 'oxygen cocktails' in a bid to cope, the workers' union said of the workers'."
    assert [text[s:e] for s, e in quote_spans(text)] == ["oxygen cocktails"]
    text = "Donald Trump 's plan was cut, the parents' group said 'enough'."  # a possessive cut off is no mark
    assert [text[s:e] for s, e in quote_spans(text)] == ["enough"]
    text = "'We lost it all in the '90s. It was hard,' he said."
    assert [text[s:e] for s, e in quote_spans(text, sentence_spans=[(0, 28), (29, len(text))])] == [
        "We lost it all in the '90s. It was hard"]


def test_single_marks_of_paragraphs_run_together():
    """Scraped text whose paragraphs lost their breaks: a mark after an end mark and before a capital closes a
    single quotation ('… stay.'It's …'), the next quotation may open right after it, and '' there is no
    double mark of the archive convention."""
    text = "He said it was over.'It's done,' she said. 'Both of us know it.'The end."
    assert [text[s:e] for s, e in quote_spans(text, sentence_spans=[(0, 21), (21, 42), (43, 64), (64, 72)])] == [
        "It's done", "Both of us know it."]
    text = "'Can it work for a decade or two?''That doesn't sound like an accord,' he said."
    assert [text[s:e] for s, e in quote_spans(text)] == ["Can it work for a decade or two?",
                                                         "That doesn't sound like an accord"]
    text = "He said, ''We will win.'' She said, ''We will see.''"  # the archive convention
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will win.", "We will see."]
    assert rows("Tillerson told senators that the U.S. should stay.'It's important that the U.S. keeps its seat at "
                "the table,' Tillerson said then.", cols=("quote", "speaker", "kind")) == [
        ["the U.S. should stay.'", "Tillerson", "reported"],
        ["It's important that the U.S. keeps its seat at the table", "Tillerson", "direct"]]


# ------------------------------------------------------------------------------ direct speech


def test_schema_and_offsets_into_the_document_text():
    d = docs('Kirby said, "The talks will resume next week." Then he left.')
    out = wb.quotes(d, LEX)
    assert list(out.columns) == list(QUOTE_COLUMNS)
    row = out.iloc[0]
    assert d.loc[0, "text"][row.start:row.end] == row.quote == "The talks will resume next week."


def test_speaker_before_the_quote():
    assert q('Kirby said, "The talks will resume next week."') == [
        ["d0", 1, "The talks will resume next week.", "kirby", "John Kirby", "say", "direct"]]


def test_speaker_after_the_quote_both_orders():
    assert q('"We are not going to stand by," Kirby said.', '"We are not going to stand by," said Kirby.',
             '“The talks are over for now,” Harris told reporters on Monday.') == [
        ["d0", 1, "We are not going to stand by", "kirby", "John Kirby", "say", "direct"],
        ["d1", 1, "We are not going to stand by", "kirby", "John Kirby", "say", "direct"],
        ["d2", 1, "The talks are over for now", "harris", "Kamala Harris", "tell", "direct"]]


def test_that_clause_and_participle_cues():
    # "X wrote on ... that "..."": the cue may be far from the quotation when "that" introduces it;
    # "stating, "..."": the speaker is the sentence's subject, not the possessive "Harris's"
    assert q('Kirby wrote on the social media platform X that "we stand with our allies."',
             "On Monday, Kirby posted a video rebuffing Harris's warning, stating, "
             '"We will stand alone if we must."') == [
        ["d0", 1, "we stand with our allies.", "kirby", "John Kirby", "write", "direct"],
        ["d1", 1, "We will stand alone if we must.", "kirby", "John Kirby", "state", "direct"]]


def test_pronoun_speaker_and_a_quotation_over_two_sentences():
    assert q('Kirby spoke first. He added, "We will fight. But we will win."') == [
        ["d0", 2, "We will fight. But we will win.", "kirby", "John Kirby", "add", "direct"]]


def test_two_quotations_in_one_sentence_get_their_own_speakers():
    # the second is a few quoted words inside a reported clause ("said the operation "...""): the
    # whole clause is reported speech (issue 12; before, only the quoted words were a direct row)
    text = ('Earlier, Kirby wrote that "Hamas must go now," while Harris said the operation "must continue until '
            'the end."')
    assert q(text) == [
        ["d0", 1, "Hamas must go now", "kirby", "John Kirby", "write", "direct"],
        ["d0", 1, 'the operation "must continue until the end."', "harris", "Kamala Harris", "say", "reported"]]


def test_a_following_quotation_without_a_cue_continues_the_speaker():
    assert q('Kirby said: "We will not stop." "We will continue our work here."') == [
        ["d0", 1, "We will not stop.", "kirby", "John Kirby", "say", "direct"],
        ["d0", 2, "We will continue our work here.", "kirby", "John Kirby", "say", "direct"]]


def test_someone_elses_speech_between_two_quotations_stops_the_continuation():
    # a reported or direct cue of another speaker between them: the second quotation is not the first
    # speaker's (neither a part of their quotation nor continued by rule 3)
    rows = q('"He knew exactly what he was doing," Grant said. Hale\'s lawyer, Sam Ortiz, said his client '
             'would testify. "My client is innocent."',
             "‘We have lost everything,’ said resident Tom Hughes. The council says repairs will take "
             "months. “It is a disaster” – that was how Councillor Jane Patel described it.")
    direct = [(r[0], r[2], r[4]) for r in rows if r[6] == "direct"]
    assert direct == [("d0", "He knew exactly what he was doing", "Grant"),
                      ("d0", "My client is innocent.", None),
                      ("d1", "We have lost everything", "Tom Hughes"),
                      ("d1", "It is a disaster", None)]


def test_unknown_speaker_keeps_its_surface_name():
    assert q('"This is a terrible day for everyone," a senior Israeli official said.',
             '"I will go back home," said Mohammed Ali, a resident.') == [
        ["d0", 1, "This is a terrible day for everyone", None, "a senior Israeli official", "say", "direct"],
        ["d1", 1, "I will go back home", None, "Mohammed Ali", "say", "direct"]]


def test_long_quotation_without_a_cue_is_kept_without_speaker():
    # (a note, not a banner: words held up are no one's speech, test_leftovers_s16)
    assert q('The note read "no peace without justice" in red.') == [
        ["d0", 1, "no peace without justice", None, None, None, "direct"]]


def test_names_in_quotation_marks_are_not_speech():
    assert q('Democrats backed the "Green New Deal" and the "Climate Justice Resiliency Fund" this week.',
             'The plan, "Operation Iron Swords of the North", started.') == []


def test_scare_quotes_need_a_cue_and_a_speaker():
    # under 3 words: no row without a cue verb and a speaker ...
    assert q("The so-called \"humanitarian pause\" began.", "Israel Vows to 'Stand Alone' on Gaza",
             'Israel vowed to "stand alone" in the war.', titles=["Israel Vows to 'Stand Alone'", "", ""]) == []
    # ... and a row with a cue of their own (the emoji is not a word: two words); quoted words inside a
    # reported clause make it reported speech, quotation and all (issue 12)
    assert q('Kirby declared that Israel will "stand alone" if needed.', 'Kirby wrote that "Hamas ♥️ Harris."') == [
        ["d0", 1, 'Israel will "stand alone" if needed', "kirby", "John Kirby", "declare", "reported"],
        ["d1", 1, "Hamas ♥️ Harris.", "kirby", "John Kirby", "write", "direct"]]


def test_headline_quotation_offsets_index_the_title():
    d = docs("Nothing here.", titles=['Kirby says "talks will resume soon"'])
    out = wb.quotes(d, LEX)
    assert out[["sentence_id", "quote", "speaker_id"]].values.tolist() == [[0, "talks will resume soon", "kirby"]]
    assert d.loc[0, "title"][out.start[0]:out.end[0]] == "talks will resume soon"


# ----------------------------------------------------------------------------- reported speech


def test_reported_speech_patterns():
    assert q("Harris met Kirby. She said the talks would resume.",
             "Kirby announced that the envoy was returning home.",
             "Hamas denied that its fighters had been in the hospital.",
             "John Kirby, spokesman for the National Security Council, said the talks were productive.") == [
        ["d0", 2, "the talks would resume", "harris", "Kamala Harris", "say", "reported"],
        ["d1", 1, "the envoy was returning home", "kirby", "John Kirby", "announce", "reported"],
        ["d2", 1, "its fighters had been in the hospital", "hamas", "Hamas", "deny", "reported"],
        ["d3", 1, "the talks were productive", "kirby", "John Kirby", "say", "reported"]]


def test_according_to_before_and_after():
    # a source that is no actor is kept as its words (issue 12; before, "the plan's critics" gave no row)
    assert q("According to Hamas, 30 people were killed in the strike.",
             "30 people were killed in the strike, according to Hamas.",
             "The plan failed, according to the plan's critics.") == [
        ["d0", 1, "30 people were killed in the strike", "hamas", "Hamas", "according to", "reported"],
        ["d1", 1, "30 people were killed in the strike", "hamas", "Hamas", "according to", "reported"],
        ["d2", 1, "The plan failed", None, "the plan's critics", "according to", "reported"]]


def test_not_reported_speech():
    assert q("It was reported that the talks had failed again.",      # passive, no speaker
             "Kirby urged Israel to protect civilians in the city.",    # a directive with "to"
             "Harris reported intermittent shelling near the border.",  # "that"-verb with an object
             'Kirby said: "I already said that we will fight on."') == [  # a cue inside a quotation
        ["d3", 1, "I already said that we will fight on.", "kirby", "John Kirby", "say", "direct"]]


def test_clause_breaks_end_the_reported_content():
    assert q("Kirby said the talks failed; Hamas said the offer still stood.") == [
        ["d0", 1, "the talks failed", "kirby", "John Kirby", "say", "reported"],
        ["d0", 1, "the offer still stood", "hamas", "Hamas", "say", "reported"]]
    # ("Hamas said nothing more about it" is what was said, no reported speech: see
    # test_said_nothing_little_or_no_is_what_was_said_not_reported_speech)


# ------------------------------------------------------------------------------------ the seed


SEED_ACTORS = {"actors": [
    {"id": "netanyahu", "name": "Benjamin Netanyahu", "type": "person", "gender": "male",
     "aliases": ["Benjamin Netanyahu", "Netanyahu", "Israeli Prime Minister Benjamin Netanyahu"]},
    {"id": "biden", "name": "Joe Biden", "type": "person", "gender": "male",
     "aliases": ["Joe Biden", "Biden", "U.S. President Joe Biden"], "titles": ["president"]},
    {"id": "ben_gvir", "name": "Itamar Ben-Gvir", "type": "person", "gender": "male",
     "aliases": ["Itamar Ben-Gvir", "Ben-Gvir"], "titles": ["national security minister"]},
    {"id": "smotrich", "name": "Bezalel Smotrich", "type": "person", "gender": "male",
     "aliases": ["Bezalel Smotrich", "Smotrich"], "titles": ["finance minister"]},
    {"id": "kirby", "name": "John Kirby", "type": "person", "gender": "male", "aliases": ["John Kirby", "Kirby"]},
    {"id": "burns", "name": "Bill Burns", "type": "person", "gender": "male", "aliases": ["Bill Burns", "Burns"]},
    {"id": "israel", "name": "Israel", "type": "country", "aliases": ["Israel"]},
    {"id": "united_states", "name": "United States", "type": "country", "aliases": ["United States", "U.S.", "US"]},
    {"id": "hamas", "name": "Hamas", "type": "organization", "aliases": ["Hamas"]},
    {"id": "palestinians", "name": "Palestinians", "type": "group", "aliases": ["Palestinians"]},
    {"id": "cia", "name": "CIA", "type": "organization", "aliases": ["CIA"]},
    {"id": "nsc", "name": "National Security Council", "type": "organization",
     "aliases": ["National Security Council", "U.S. National Security Council"]},
]}


@pytest.fixture(scope="module")
def seed(repo_dir):
    documents = wb.load_corpus(repo_dir / "seeds")
    sents = wb.sentences(documents)
    mentions = wb.mentions(documents, SEED_ACTORS, sentences=sents)
    return documents, sents, mentions, wb.quotes(documents, SEED_ACTORS, sentences=sents, mentions=mentions)


def test_seed_quotations_are_attributed(seed):
    documents, _, _, quotes = seed
    rows = [[r.sentence_id, r.speaker_id, r.cue, r.kind, r.quote[:30]] for r in quotes.itertuples()]
    assert rows == [
        [5, "netanyahu", "declare", "reported", 'Israel will "stand alone" if n'],  # quoted words in a clause
        [7, "netanyahu", "state", "direct", "If we have to stand alone, we "],   # "..., stating, "..."
        [8, "netanyahu", "add", "direct", "I already said that if we have"],  # "He added": s8 to s9
        [10, "biden", "say", "reported", "the U.S., Israel's largest arm"],  # "Biden said the U.S. ..."
        [11, "ben_gvir", "write", "direct", "Hamas ♥️ Biden"],            # 2 words (the emoji is none)
        [11, "smotrich", "say", "reported", 'the military operation "must c'],  # quoted words in a clause
        [12, "kirby", "announce", "reported", "CIA director Bill Burns was re"],
        [14, "israel", "maintain", "reported", "any U.S. block on weapons ship"],
    ]
    text = documents.loc[0, "text"]
    assert all(text[r.start:r.end] == r.quote for r in quotes.itertuples())
    # the quotation over two sentences, whole
    assert quotes.loc[2, "quote"].endswith("But we have much more than fingernails, and with the same greatness "
                                           "of mind, God willing, together we will win.")


def test_every_direct_seed_quote_of_three_words_or_more_has_its_speaker(seed):
    _, _, _, quotes = seed
    direct = quotes[(quotes["kind"] == "direct")]
    long = direct[direct["quote"].map(count_words) >= 3]
    # Netanyahu's two ("If we have to ...", "I already said ... win."); Smotrich's is in a reported clause
    assert long["speaker_id"].tolist() == ["netanyahu", "netanyahu"]
    # the headline's 'Stand Alone' and the takeaway's vowed to "stand alone" are scare quotes: no rows
    assert not ((quotes["sentence_id"] == 0) | (quotes["sentence_id"] == 19)).any()


def test_voice_on_the_seed(seed):
    _, _, mentions, quotes = seed
    v = wb.voice(mentions, quotes)
    assert list(v.columns) == ["actor_id", "actor", "mentions", "quoted_direct", "quoted_reported", "quotes",
                               "mention_share", "quote_share", "voice_gap", "never_quoted"]
    rows = {r.actor_id: r for r in v.itertuples()}
    assert (rows["netanyahu"].mentions, rows["netanyahu"].quoted_direct, rows["netanyahu"].quoted_reported) == (7, 2, 1)
    assert rows["netanyahu"].quote_share == 3 / 8
    assert (rows["biden"].quoted_direct, rows["biden"].quoted_reported) == (0, 1)
    assert (rows["israel"].mentions, rows["israel"].quotes) == (18, 1)
    # the never-quoted come first, most mentioned first: the United States (15 mentions), then Hamas
    assert v["actor_id"].tolist()[:2] == ["united_states", "hamas"]
    assert v.loc[v["never_quoted"], "actor_id"].tolist() == ["united_states", "hamas", "palestinians", "burns",
                                                               "cia", "nsc"]
    assert v["quote_share"].sum() == pytest.approx(1.0)
    assert v["mention_share"].sum() == pytest.approx(1.0)


def test_voice_counts_unknown_speakers_under_their_names():
    d = docs('"This is a terrible day for everyone," a senior Israeli official said. Kirby spoke. Israel waited.')
    m = wb.mentions(d, LEX)
    v = wb.voice(m, wb.quotes(d, LEX, mentions=m))
    assert v[["actor_id", "actor", "mentions", "quotes", "never_quoted"]].astype(object).where(v.notna(), None
                                                                                                ).values.tolist() == [
        ["israel", "Israel", 1, 0, True], ["kirby", "John Kirby", 1, 0, True],
        [None, "a senior Israeli official", 0, 1, False]]


# --------------------------------------------------------------------------------- cue verbs


def test_default_cue_verbs():
    cues = wb.load_cue_verbs()
    assert cues is wb.load_cue_verbs()
    assert cues.lemma_of["said"] == "say" and cues.clause_of["announced"] == "that"
    assert "according to" in cues.source_phrases and "officials" in cues.speaker_nouns
    assert list(cues.verbs.columns) == ["form", "lemma", "clause", "addressee"]
    assert cues.addressee_of["told"] == "object" and cues.addressee_of["wrote"] == "to"
    assert cues.addressee_of["warned"] == "none"
    assert {"mr", "rep", "sen", "dr", "coach"} <= cues.honorifics and "known as" in cues.title_markers


def test_a_custom_cue_list_is_used():
    cues = {"cue_verbs": [{"lemma": "quip", "clause": "bare", "forms": ["quipped"]}], "source_phrases": []}
    out = wb.quotes(docs("Kirby quipped the talks were a circus. Kirby said nothing new today."), LEX,
                    cue_verbs=cues)
    assert out[["quote", "cue"]].values.tolist() == [["the talks were a circus", "quip"]]


def test_cue_verb_file_errors(tmp_path):
    path = tmp_path / "cues.yml"
    path.write_text("cue_verbs:\n  - {lemma: say, clause: bare, forms: [say, said]}\n"
                    "  - {lemma: tell, clause: maybe, forms: [told]}\n", encoding="utf-8")
    with pytest.raises(wb.LexiconError) as err:
        wb.load_cue_verbs(path)
    assert str(err.value) == (f"{path}, line 3: cue_verbs entry 2 ('tell'), field 'clause': 'maybe' is not one of "
                              "bare, that")
    path.write_text("cue_verbs:\n  - {lemma: say, forms: [say, said]}\n  - {lemma: utter, forms: [said]}\n",
                    encoding="utf-8")
    with pytest.raises(wb.LexiconError) as err:
        wb.load_cue_verbs(path)
    assert str(err.value) == (f"{path}, line 3: cue_verbs entry 2 ('utter'), field 'forms': 'said' is also listed "
                              "by entry 1; keep it once")
    path.write_text("cue_verbs:\n  - {forms: [say]}\n", encoding="utf-8")
    with pytest.raises(wb.LexiconError, match=r"line 2: cue_verbs entry 1, field 'lemma': missing or empty"):
        wb.load_cue_verbs(path)
    with pytest.raises(wb.LexiconError, match=r"<mapping>: expected a mapping with a 'cue_verbs:' list"):
        wb.load_cue_verbs({"verbs": []})
    with pytest.raises(wb.LexiconError, match=r"field 'naming_verbs': give a mapping of lemmas to their forms such "
                                              r"as \{call: \[call, calls, called\]\}"):
        wb.load_cue_verbs({"cue_verbs": [], "naming_verbs": ["call"]})
    assert wb.load_cue_verbs({"cue_verbs": [], "naming_verbs": {"Dub": ["dubbed", "Dubs"]}}).naming_of == {
        "dubbed": "dub", "dubs": "dub"}


# ----------------------------------------------------- fast look-ups give what the rules define


CUE_TEXTS = ["Kirby said, unsaid, x-said, said-x, saidx, Said, SAID, said_ and said2 said.",
             "She says: “Said he would,” adding that—stating—told you; pointed out it, point outs",
             "éadded addedé added\nadded 'added' Adding", ""]


def test_cue_verbs_are_found_as_the_cue_pattern_finds_them():
    """Cue verbs are found with an automaton over the forms and a check of their edges: exactly the
    matches of CueVerbs.pattern in any range, also one whose end cuts a word (then its first part is
    a word of the range); forms of several words fall back to the pattern."""
    cues = wb.load_cue_verbs()
    finder = _CueFinder(cues)
    assert finder.automaton is not None
    assert [c.form for c in finder.find(CUE_TEXTS[0], 0, len(CUE_TEXTS[0]))] == ["said", "Said", "said"]
    assert finder.find("Kirby saidx it", 0, 10) == [(6, 10, "said")]
    multi = wb.load_cue_verbs({"cue_verbs": [{"lemma": "point out", "forms": ["point out", "pointed out"]},
                                             {"lemma": "add", "forms": ["add", "added", "adding"]}]})
    assert _CueFinder(multi).automaton is None
    rng = random.Random(5)
    for verbs in (cues, multi):
        for text in CUE_TEXTS:
            for _ in range(300):
                lo, hi = sorted(rng.randint(0, len(text)) for _ in range(2))
                expected = [(m.start(), m.end(), m.group()) for m in verbs.pattern.finditer(text, lo, hi)]
                assert [tuple(c) for c in _CueFinder(verbs).find(text, lo, hi)] == expected, (text, lo, hi)


def test_one_scan_finds_cues_naming_verbs_and_source_phrases():
    """The automaton's one pass over a field finds what the three searches find: the cue forms,
    the naming verbs' starts (whole words, lower case) and whether a source phrase is anywhere."""
    text = "Ruiz called it \"a mess,\" recalled calls, Called callers; call-in, said Ruiz, according to X."
    scan = _CueFinder(wb.load_cue_verbs()).scan(text)
    assert scan.naming == [5, 34] and scan.source_phrase
    assert [c.form for c in scan.cues] == ["recalled", "said"]
    assert not _CueFinder(wb.load_cue_verbs()).scan("Accordingly, he said so.").source_phrase
    multi = wb.load_cue_verbs({"cue_verbs": [{"lemma": "point out", "forms": ["point out"]}],
                               "naming_verbs": {"call": ["call", "called"]}, "source_phrases": ["according to"]})
    for verbs in (wb.load_cue_verbs(), multi):
        finder = _CueFinder(verbs)
        for t in CUE_TEXTS + [text, "According to Ruiz, Kirby called it \"X\" and pointed out: call."]:
            scan = finder.scan(t)
            assert scan.cues == finder.find(t, 0, len(t))
            assert scan.naming == _naming_starts(t, verbs.naming_of)
            assert scan.source_phrase == any(p in t or p[0].upper() + p[1:] in t for p in verbs.source_phrases)


def test_single_quotations_are_read_only_in_sentences_holding_a_mark():
    """With the sentences in order, single marks are looked up in the sentences holding one (each
    mark's sentence found by bisection): the spans of reading every sentence for its first mark."""
    text = "He said 'go home' now. It's late. Nothing here. She wrote 'stay put' and 'wait'. End's near."
    sents = [(0, 0, 0, 22), (1, 0, 23, 33), (2, 0, 34, 47), (3, 0, 48, 80), (4, 0, 81, 92)]
    singles = _char_positions(text, ("'", "‘"), 0, len(text))
    spans = [_spans_of_marks(text, 0, len(text), [], singles, sents, rows=True, ordered=ordered)
             for ordered in (True, False)]
    assert [text[a:b] for a, b in spans[0]] == ["go home", "stay put", "wait"]
    assert spans[0] == spans[1] == quote_spans(text, sentence_spans=[(s[2], s[3]) for s in sents])


def test_a_sentence_ending_inside_a_word_is_read_as_given():
    """Cue verbs are looked up once per field; a sentence (from a hand-made sentences table) that
    ends inside a word still reads its part as a word, as a search of that sentence alone does."""
    text = '"We will win the war," Kirby saidx today.'
    cut = text.index("saidx") + 4
    made = pd.DataFrame({"doc_id": ["d0", "d0"], "sentence_id": [1, 2], "paragraph_id": [1, 1],
                         "section": ["body", "body"], "text": [text[:cut], text[cut:]], "start": [0, cut],
                         "end": [cut, len(text)]})
    out = wb.quotes(docs(text), LEX, sentences=made)
    assert out[["quote", "speaker_id", "cue"]].values.tolist() == [["We will win the war", "kirby", "say"]]
    assert q(text) == [["d0", 1, "We will win the war", None, None, None, "direct"]]


def test_field_look_ups_give_what_the_linear_rules_give():
    """The sentence at a position and "inside a quotation" are looked up by bisection: the same
    answers as scanning every sentence / quotation, for sentences as sentences() makes them (in
    order, not overlapping) and for any other table (overlapping, out of order, empty spans)."""
    rng = random.Random(11)
    for trial in range(300):
        if trial % 2:
            cuts = sorted(rng.sample(range(1, 60), 2 * rng.randint(1, 5)))
            spans = list(zip(cuts[::2], cuts[1::2]))
        else:
            spans = [tuple(sorted(rng.sample(range(60), 2))) for _ in range(rng.randint(1, 5))]
            spans += [(x, x) for x in rng.sample(range(60), rng.randint(0, 1))]
        rows = [(k + 1, 1, lo, hi) for k, (lo, hi) in enumerate(spans)]
        quotes = [tuple(sorted(rng.sample(range(60), 2))) for _ in range(rng.randint(0, 4))]
        f = _Field("x" * 60, rows)
        f.set_quotes(quotes)
        for pos in range(62):
            expected = next((r for r in rows if r[2] <= pos < r[3] or pos == r[3]), rows[-1])
            assert f.sentence_at(pos) == expected, (rows, pos)
        for _ in range(40):
            s, e = sorted(rng.sample(range(62), 2))
            assert f.in_quote(s, e) == any(q_lo - 1 <= s and e <= q_hi + 1 for q_lo, q_hi in quotes), (quotes, s, e)


def test_input_errors():
    d = docs("Kirby said the talks failed again.")
    with pytest.raises(wb.InputError, match=r"^quotes: the documents table lacks column\(s\) text; load documents with analysis.load_corpus"):
        wb.quotes(d.drop(columns=["text"]), LEX, sentences=wb.sentences(d))
    other = wb.sentences(d).assign(doc_id="zz")
    with pytest.raises(wb.InputError, match=r"sentences table: doc_id 'zz' is not in the documents table"):
        wb.quotes(d, LEX, sentences=other, mentions=wb.mentions(d, LEX, sentences=other))
    m = wb.mentions(d, LEX)
    with pytest.raises(wb.InputError, match=r"^voice: the quotes table lacks column\(s\) kind; pass the output of "
                                             r"analysis.quotes"):
        wb.voice(m, wb.quotes(d, LEX).drop(columns=["kind"]))


def test_a_precomputed_mentions_table_without_its_columns_is_named():
    docs = wb.load_corpus(Path(__file__).resolve().parents[1] / "seeds")
    with pytest.raises(wb.InputError, match=r"the mentions table lacks column\(s\) sentence_id, section, start"):
        wb.quotes(docs, mentions=pd.DataFrame({"doc_id": ["x"]}))


# ------------------------------------------------------------------- attribution patterns (issue 12)

NO_ACTORS = {"actors": []}


def rows(*texts: str, cols: tuple[str, ...] = ("quote", "speaker", "speaker_type", "cue", "kind")) -> list[list]:
    """The given columns of quotes(texts) with no lexicon, NA as None, one list per row."""
    out = wb.quotes(docs(*texts), NO_ACTORS)
    return [[None if pd.isna(v) else v for v in r] for r in out[list(cols)].itertuples(index=False)]


def test_appositions_and_titles_around_the_speaker():
    assert rows('"The vote is a disgrace," the governor\'s spokeswoman, Dana Price, said.',
                "Mr. Field, a retired engineer, said the levy was unfair to farmers.",
                '"We will review every case," the agency\'s director, Dr. Omar Haddad, said.',
                "Trustee Paul Nguyen, who voted no, said the budget could not pass.",
                "The study's lead author, Professor Kenji Mori of Osaka University, wrote that more work was "
                "needed.",
                '"I was not consulted," said Joan Pryce, 71, a retired nurse.') == [
        ["The vote is a disgrace", "Dana Price", "name", "say", "direct"],
        ["the levy was unfair to farmers", "Field", "name", "say", "reported"],
        ["We will review every case", "Omar Haddad", "name", "say", "direct"],
        ["the budget could not pass", "Paul Nguyen", "name", "say", "reported"],
        ["more work was needed", "Kenji Mori", "name", "write", "reported"],
        ["I was not consulted", "Joan Pryce", "name", "say", "direct"]]


def test_a_name_in_apposition_after_a_description_after_the_cue_speaks():
    assert rows('"Sacking a coach in November solves nothing," said its spokeswoman, Priya Nair.',
                '"No," said the spokesman, Mr. Tom Reyes of Acme, on Friday.',
                '"We will appeal," said a spokesman, adding that the club was calm.',
                '"We will appeal," said a spokesman for the club, John.') == [
        ["Sacking a coach in November solves nothing", "Priya Nair", "name", "say", "direct"],
        ["No", "Tom Reyes", "name", "say", "direct"],
        ["We will appeal", "a spokesman", "nominal", "say", "direct"],
        ["the club was calm", "a spokesman", "nominal", "add", "reported"],  # "adding": the cue's speaker
        ["We will appeal", "a spokesman", "nominal", "say", "direct"]]


def test_honorifics_and_titles_are_never_speakers_by_themselves():
    out = rows('"The farm bill is dead," said Rep. George Miller.',
               "Sen. Ana Ruiz said she would vote against the measure.",
               '"We lost our nerve," Coach Ray Delgado said after the game.',
               '"It is a long shot," Mr. Ellis said.')
    assert [r[1] for r in out] == ["George Miller", "Ana Ruiz", "Ray Delgado", "Ellis"]
    honorifics = wb.load_cue_verbs().honorifics
    assert not any(r[1].lower().rstrip(".") in honorifics for r in out)


def test_the_speaker_words_are_traced_to_their_offsets():
    d = docs('"The vote is a disgrace," the governor\'s spokeswoman, Dana Price, said.')
    row = wb.quotes(d, NO_ACTORS).iloc[0]
    assert d.loc[0, "text"][row.speaker_start:row.speaker_end] == "Dana Price"


def test_addressee_of_told_and_wrote_to():
    assert rows("Council member Luis Ortega told reporters that the plan would cost $4 million.",
                "The county executive's aide Maria Chen wrote to staff on Friday that the office would reopen.",
                '"Our teachers are exhausted," Superintendent Carla Jimenez told the school board on Monday.',
                "Ortega said the list would be published in June.",
                cols=("speaker", "addressee", "cue", "kind")) == [
        ["Luis Ortega", "reporters", "tell", "reported"],
        ["Maria Chen", "staff", "write", "reported"],
        ["Carla Jimenez", "the school board", "tell", "direct"],
        ["Ortega", None, "say", "reported"]]


def test_addressee_of_wrote_to_before_a_colon_after_spaces():
    # issue 10 point 18: the colon after "to <addressee>" is looked for in place (not in a copy of the
    # rest of the text, quadratic on one long document); whitespace and a line break may come before it
    assert rows('Maria Lopez wrote to colleagues :\n"We are leaving the city."',
                'Maria Lopez wrote to colleagues: "We are leaving the city."',
                'Maria Lopez wrote to colleagues about it. "We are leaving the city."',
                cols=("speaker", "addressee")) == [["Maria Lopez", "colleagues"], ["Maria Lopez", "colleagues"],
                                                   [None, None]]


def test_told_never_makes_its_object_the_speaker():
    # "told reporters": the speaker is before the verb or nowhere, never the addressee
    assert rows('"We are done here," she told reporters.', cols=("speaker", "speaker_type", "addressee")) == [
        [None, "pronoun", "reporters"]]


def test_reported_speech_with_the_cue_after_the_content():
    assert rows("The shift away from coal is likely to accelerate, analysts say.",
                "The plant will close by 2028, the company said Tuesday.",
                "The storm knocked out power to 80,000 homes, the utility said, and crews were on their way.",
                "Consumer prices will keep rising through the summer, said Tom Becker, an economist.",
                "The district plans to hire 12 new counselors, a spokeswoman said.") == [
        ["The shift away from coal is likely to accelerate", "analysts", "nominal", "say", "reported"],
        ["The plant will close by 2028", "the company", "nominal", "say", "reported"],
        ["The storm knocked out power to 80,000 homes", "the utility", "nominal", "say", "reported"],
        ["Consumer prices will keep rising through the summer", "Tom Becker", "name", "say", "reported"],
        ["The district plans to hire 12 new counselors", "a spokeswoman", "nominal", "say", "reported"]]


def test_reported_speech_with_the_cue_before_the_content():
    assert rows("Dana Price said the vote would be held again.",
                "Dana Price said that the vote would be held again.",
                "Researchers warned that the results may not apply to older patients.",
                "Judge Alicia Moreno ruled that the county must repair the bridge.") == [
        ["the vote would be held again", "Dana Price", "name", "say", "reported"],
        ["the vote would be held again", "Dana Price", "name", "say", "reported"],
        ["the results may not apply to older patients", "Researchers", "nominal", "warn", "reported"],
        ["the county must repair the bridge", "Alicia Moreno", "name", "rule", "reported"]]


def test_according_to_with_long_sources():
    assert rows("The agency has cut service twice since 2020, according to a review of court records by the "
                "watchdog group Open Ledger.",
                "According to the district's own budget office, the raises will cost $3 million.") == [
        ["The agency has cut service twice since 2020",
         "a review of court records by the watchdog group Open Ledger", "nominal", "according to", "reported"],
        ["the raises will cost $3 million", "the district's own budget office", "nominal", "according to",
         "reported"]]


def test_nominal_speakers():
    assert rows("The company said the workers would be offered jobs elsewhere.",
                "Officials said the crossing would reopen at dawn.",
                "A spokesman for the ministry said the draft was 40 pages long.",
                "The report says that demand will grow by 2 percent a year.",
                cols=("speaker", "speaker_type", "speaker_id")) == [
        ["The company", "nominal", None], ["Officials", "nominal", None],
        ["A spokesman for the ministry", "nominal", None], ["The report", "nominal", None]]


def test_a_quotation_split_around_its_cue_is_one_quotation():
    text = '"We cannot keep patching roads," Dana Price said. "The budget has to change."'
    d = docs(text, '"We cannot keep patching roads," Dana Price said, "and the budget has to change."')
    out = wb.quotes(d, NO_ACTORS)
    assert out[["doc_id", "quote", "speaker", "spans"]].values.tolist() == [
        ["d0", "We cannot keep patching roads … The budget has to change.", "Dana Price", "1 30;51 76"],
        ["d1", "We cannot keep patching roads … and the budget has to change.", "Dana Price", "1 30;51 80"]]
    assert [text[1:30], text[51:76]] == ["We cannot keep patching roads", "The budget has to change."]
    assert (out["start"].tolist(), out["end"].tolist()) == ([1, 1], [76, 80])


def test_a_quotation_after_an_unrelated_sentence_is_not_merged():
    out = rows('"We cannot keep patching roads," Dana Price said. The council then voted 5-2 to delay the plan. '
               '"The budget has to change," Luis Ortega said.', cols=("quote", "speaker"))
    assert out == [["We cannot keep patching roads", "Dana Price"], ["The budget has to change", "Luis Ortega"]]


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("''", "''"), ("‘", "’"), ("'", "'")])
def test_typographic_variants_of_quotation_marks(marks):
    o, c = marks
    text = f"{o}We didn't deserve to win tonight,{c} Coach Ray Delgado said. {o}We gave them the first goal.{c}"
    assert rows(text, cols=("quote", "speaker", "kind")) == [
        ["We didn't deserve to win tonight … We gave them the first goal.", "Ray Delgado", "direct"]]


@pytest.mark.parametrize("marks", [("'", "'"), ("‘", "’")])
def test_british_single_quotations_of_several_sentences(marks):
    """The UK print convention: single marks, a quotation over several sentences or paragraphs (the
    opening mark repeated at each paragraph, no closing mark before), apostrophes inside it."""
    o, c = marks
    assert rows(f"Dr Helen Marchbank said: {o}I am deeply sorry. We accept the findings.{c}",
                f"{o}I am deeply sorry. We accept the findings,{c} Dr Helen Marchbank said.",
                f"{o}The parents{c} anger is completely justified,{c} said Siobhan Kearney.",
                f"{o}It{c}s the midwives{c} union that{c}s been proved right,{c} said Tom Reid.",
                cols=("quote", "speaker", "cue", "kind")) == [
        ["I am deeply sorry. We accept the findings.", "Helen Marchbank", "say", "direct"],
        ["I am deeply sorry. We accept the findings", "Helen Marchbank", "say", "direct"],
        [f"The parents{c} anger is completely justified", "Siobhan Kearney", "say", "direct"],
        [f"It{c}s the midwives{c} union that{c}s been proved right", "Tom Reid", "say", "direct"]]
    assert rows(f"Dr Helen Marchbank said: {o}We accept the report in full.\n\n"
                f"{o}We will make every change the coroner has asked for.{c}",
                cols=("quote", "speaker", "kind", "spans")) == [
        ["We accept the report in full. … We will make every change the coroner has asked for.", "Helen Marchbank",
         "direct", "26 55;58 110"]]
    # a paragraph left open goes on only in a next one that opens with the same kind of mark (else the single
    # mark is taken for no quotation mark: an apostrophe never makes a quotation to a paragraph's end)
    assert rows(f"Dr Helen Marchbank said: {o}We accept the report in full.\n\n"
                "\"We will make every change the coroner has asked for.\"",
                cols=("quote", "speaker", "kind", "spans")) == [
        [f"{o}We accept the report in full", "Helen Marchbank", "reported", "25 54"],
        ["We will make every change the coroner has asked for.", None, "direct", "58 110"]]


def test_a_nested_quotation_and_a_quoted_fragment_in_single_marks():
    """A double quotation inside a single one is no second part of it; a quoted fragment at the end of a
    reported clause leaves the clause whole ("there was 'a risk that …'", not from the fragment's "that")."""
    assert rows("'A midwife told me \"everything is fine, go home\" and I believed her,' said Laura Pryce.",
                "Senior coroner Rachel Thorne said there was 'a risk that future deaths will occur unless action is "
                "taken'.", cols=("quote", "speaker", "kind", "spans")) == [
        ['A midwife told me "everything is fine, go home" and I believed her', "Laura Pryce", "direct", "1 67"],
        ["there was 'a risk that future deaths will occur unless action is taken'", "Rachel Thorne", "reported",
         "34 105"]]


def test_titles_of_works_and_bills_are_not_quotations():
    assert rows('The plan, known as "Fix It First," still needs a second vote.',
                'The documentary "Inside the Furnace of the Valley" premieres on Friday in the city.',
                'The book "We Were Never Told the Truth" sold out in a week.',
                'Mr. Ellis said the bill, known as the "Safe Streets and Safer Homes Act," would pass.',
                cols=("quote", "kind")) == [
        ['the bill, known as the "Safe Streets and Safer Homes Act," would pass', "reported"]]


def test_scare_quotes_without_a_cue_are_not_quotations():
    assert rows('Opponents call it a "gimmick."', 'The "new normal" of budgets is here.',
                'Fans call the stadium "the Furnace."') == []


def test_nouns_that_look_like_cue_verbs_are_not_speech():
    assert rows("Michigan is a swing state that could decide the race.",
                "The governor's promise that no family would go without water is now an issue.",
                "The state's claims that the water was safe have not held up.",
                "A spokeswoman declined to say which offices would close.",
                "The mayor did not say whether the plan would pass.") == []


def test_pronoun_speakers_resolve_only_with_confidence():
    assert rows('"This is a meaningful result," said Dr. Helen Osei. She added that the trial was small.',
                "She said the trial was small.",
                cols=("quote", "speaker", "speaker_type")) == [
        ["This is a meaningful result", "Helen Osei", "name"],
        ["the trial was small", "Helen Osei", "pronoun"],
        ["the trial was small", None, "pronoun"]]


# ------------------------------------------------------------------------ speakers from the entity layer


def test_speakers_link_to_entities_without_a_lexicon():
    out = wb.quotes(docs('"We will appeal," the county attorney, Greg Hollis, said on Monday. Hollis said the '
                         "ruling ignored the facts."), NO_ACTORS)
    assert out[["speaker_entity_id", "speaker", "speaker_type", "speaker_id"]].astype(object).where(
        out.notna(), None).values.tolist() == [
        ["person:greg_hollis", "Greg Hollis", "name", None], ["person:greg_hollis", "Greg Hollis", "name", None]]


def test_lexicon_actors_give_speaker_id_and_display_name():
    out = wb.quotes(docs('"The talks will resume," said John Kirby. Kirby added that the envoy was returning.'),
                    LEX)
    assert out[["speaker", "speaker_id", "speaker_type"]].values.tolist() == [
        ["John Kirby", "kirby", "name"], ["John Kirby", "kirby", "name"]]
    assert out["speaker_entity_id"].tolist() == ["person:john_kirby", "person:john_kirby"]


def test_a_nominal_speaker_links_to_the_one_organisation_named_before():
    out = wb.quotes(docs("Northwind Energy said on Monday that it would close two coal units. The company said the "
                         "workers would be offered other jobs.",
                         "Northwind Energy and Harbor Foods signed a deal. The company said the deal was fair.",
                         "A spokesman for Ms. Ruiz said the draft was 40 pages long."), NO_ACTORS)
    assert out[["doc_id", "speaker", "speaker_type", "speaker_entity_id"]].astype(object).where(
        out.notna(), None).values.tolist() == [
        ["d0", "Northwind Energy", "name", "organization:northwind_energy"],
        ["d0", "Northwind Energy", "nominal", "organization:northwind_energy"],
        ["d1", "The company", "nominal", None],          # two organisations before it: not linked
        ["d2", "A spokesman for Ms. Ruiz", "nominal", None]]   # the spokesman speaks, not Ms. Ruiz


def test_a_pronoun_resolved_against_its_gender_is_not_trusted():
    # the entity layer may resolve "She" to the only person it found; the lexicon knows Kirby is male
    assert q("Harris met Kirby. She said the talks would resume.") == [
        ["d0", 2, "the talks would resume", "harris", "Kamala Harris", "say", "reported"]]
    out = wb.quotes(docs("Kirby met the envoy. She said the talks would resume."), LEX)
    assert out[["speaker", "speaker_type"]].astype(object).where(out.notna(), None).values.tolist() == [
        [None, "pronoun"]]


def test_a_pronoun_with_another_possible_person_in_between_stays_unknown():
    out = wb.quotes(docs("Dana Price met Maria Chen on Monday. She said the vote would be held again."), NO_ACTORS)
    assert out[["speaker", "speaker_type"]].astype(object).where(out.notna(), None).values.tolist() == [
        [None, "pronoun"]]


def test_without_the_entity_layer_speakers_keep_their_words():
    out = wb.quotes(docs('"We will appeal," the county attorney, Greg Hollis, said.'), NO_ACTORS, entities=False)
    assert out[["speaker", "speaker_entity_id"]].astype(object).where(out.notna(), None).values.tolist() == [
        ["Greg Hollis", None]]


def test_voice_counts_everyone_by_entity():
    d = docs('"We will appeal," the county attorney, Greg Hollis, said. Judge Alicia Moreno heard the case in '
             "Springfield. Hollis met Moreno later. Kirby said the talks would resume.")
    ents = wb.entities(d, actors=LEX)
    quotes = wb.quotes(d, LEX, entities=ents)
    v = wb.voice(ents, quotes)
    rows = {r.actor_id: (r.actor, r.mentions, r.quotes, r.never_quoted) for r in v.itertuples()}
    assert rows["person:greg_hollis"] == ("Greg Hollis", 2, 1, False)
    assert rows["person:alicia_moreno"] == ("Alicia Moreno", 2, 0, True)  # mentioned, never quoted
    assert rows["kirby"][1:] == (1, 1, False)                              # a lexicon actor: by its id
    assert "place:springfield" not in rows  # where the news happens, not a source left unheard
    # the same through entities_as_mentions (the mentions-shaped view of the entities)
    v2 = wb.voice(wb.entities_as_mentions(ents, actors=LEX), quotes)
    assert {r.actor_id: (r.mentions, r.quotes) for r in v2.itertuples()} == {
        k: (m, q) for k, (_, m, q, _) in rows.items()}


def test_voice_leaves_out_places_that_do_not_speak():
    d = docs("Russia said it would respond. Talks were held in Geneva.")
    ents = wb.entities(d)
    v = wb.voice(ents, wb.quotes(d, entities=ents))
    assert v[["actor_id", "mentions", "quotes"]].values.tolist() == [["organization:russia", 1, 1]]  # Geneva left out
    # (a country that speaks is its government: an organisation; test_entity_user_fixes)


def test_a_scare_quote_does_not_take_the_cue_of_the_clause_after_it():
    assert rows('Mayor Ellen Ward called the request "a distraction" and said she would not comment further.',
                cols=("quote", "speaker", "kind")) == [
        ["she would not comment further", "Ellen Ward", "reported"]]


def test_an_organisation_named_with_of_is_a_name_not_a_nominal_speaker():
    assert rows("The Harlow County Board of Elections said in a statement that it would review the request.",
                "Officials said the request would be reviewed.",
                cols=("speaker", "speaker_type", "speaker_entity_id")) == [
        ["Harlow County Board of Elections", "name", "organization:harlow_county_board_of_elections"],
        ["Officials", "nominal", None]]


def test_a_precomputed_entities_table_without_its_columns_is_named():
    with pytest.raises(wb.InputError, match=r"the entities table lacks column\(s\) sentence_id, start, end"):
        wb.quotes(docs("Kirby said the talks failed again."), LEX, entities=pd.DataFrame({"doc_id": ["d0"]}))


# ------------------------------------------------------ bare surnames and places as speakers (issue 12 follow-up)

def _speaker_cols(out: pd.DataFrame) -> list[list]:
    cols = ["speaker", "speaker_type", "speaker_entity_id", "speaker_id"]
    return out[cols].astype(object).where(out[cols].notna(), None).values.tolist()


def test_a_bare_surname_after_its_content_links_to_the_entity():
    # "..., Adeyemi said": the speaker read before the cue is linked like any other (was left unlinked)
    out = wb.quotes(docs("Tunde Adeyemi chairs the council.\n\nThe budget will be cut, Adeyemi said on Monday."),
                    NO_ACTORS)
    assert _speaker_cols(out) == [["Tunde Adeyemi", "name", "person:tunde_adeyemi", None]]


def _without_short_forms(d: pd.DataFrame) -> pd.DataFrame:
    """The entity layer's table with only its mentions of full names (two words or more), as when it
    passes over a bare surname at a sentence's start."""
    ents = wb.entities(d)
    return ents[ents["text"].str.split().str.len() >= 2].reset_index(drop=True)


def test_a_bare_surname_without_a_mention_links_to_the_one_entity_of_that_name():
    d = docs("Tunde Adeyemi chairs the council.\n\nAdeyemi said the budget would be cut by ten percent.",
             "Tunde Adeyemi and Grace Adeyemi lead the board.\n\nAdeyemi said the budget would be cut.",
             "The council met on Monday.\n\nAdeyemi said the budget would be cut by ten percent.")
    out = wb.quotes(d, NO_ACTORS, entities=_without_short_forms(d))
    assert out["doc_id"].tolist() == ["d0", "d1", "d2"]
    assert _speaker_cols(out) == [
        ["Tunde Adeyemi", "name", "person:tunde_adeyemi", None],
        ["Adeyemi", "name", None, None],    # two people of that name: not confident, no link
        ["Adeyemi", "name", None, None]]    # no entity of that name in the document


def test_a_place_speaks_only_as_the_subject_and_then_as_a_nominal_speaker():
    out = wb.quotes(docs("However, Israel has maintained that the shipments will not slow its operations.",
                         "France said in a statement that the talks would resume next week.",
                         '"The border stays closed," said Israel on Sunday.',
                         "The deal is off, according to Israel.",
                         "The deal is off, according to U.S. officials."), LEX)
    assert _speaker_cols(out) == [
        ["Israel", "nominal", "place:israel", "israel"],
        ["France", "name", "organization:france", None],  # (a country that speaks: its government, an organisation)
        ["Israel", "nominal", "place:israel", "israel"],
        ["Israel", "nominal", "place:israel", "israel"],
        ["U.S. officials", "nominal", None, None]]   # the officials speak, not the country


def test_a_place_after_a_preposition_is_never_the_speaker():
    # a locative ("in Alaska", "of France, Germany and Italy"): the phrase before it speaks
    assert rows("Some climate scientists here in Alaska say they are surprised by the tough language.",
                "The leaders of France, Germany and Italy said the agreement cannot be renegotiated.",
                "Officials across Brazil say the drought has cut the harvest by half.",
                cols=("speaker", "speaker_type")) == [
        ["Some climate scientists", "nominal"], ["The leaders", "nominal"], ["Officials", "nominal"]]


def test_a_person_at_the_start_of_a_chain_of_appositions_is_the_speaker():
    # the place (and the organisation) inside the appositions are not the speaker: the person is
    out = wb.quotes(docs("Colin Marshall, the chief executive of Cloud Peak, a major coal producer in Wyoming, the "
                         'nation\'s largest coal-mining state, also wrote to the senator: "Staying in the agreement '
                         'helps our industry."'), NO_ACTORS)
    assert _speaker_cols(out) == [["Colin Marshall", "name", "person:colin_marshall", None]]
    assert out["addressee"].tolist() == ["the senator"]


# ------------------------------------------------------------- red-team cases (issue 12, session 6)


def _attribution(*texts: str) -> list[list]:
    """(doc_id, quote, speaker, speaker_type, speaker_entity_id, kind) of quotes(texts) with no lexicon."""
    out = wb.quotes(docs(*texts), NO_ACTORS)
    cols = ["doc_id", "quote", "speaker", "speaker_type", "speaker_entity_id", "kind"]
    return [[None if pd.isna(v) else v for v in r] for r in out[cols].itertuples(index=False)]


def test_a_cue_in_a_complement_clause_after_a_quotation_does_not_claim_it():
    # "called X "a disgrace"" is a naming, not speech (call is no cue verb): the two words are a scare
    # quote, no row; before, "testify" after it gave the quotation to Delane. A longer quotation is
    # the words of the subject of "called" (naming_verbs), and "and said" after it shares that
    # subject; a cue set off by a comma still speaks. "demanded that" is a cue (session 8): its
    # content is the subject's reported speech, never the quotation's.
    assert _attribution('Senator Ada Whitcombe called the leak "a disgrace" and demanded that Tom Delgado testify.',
                        'Whitcombe called the plan "a disgrace to the whole profession" and said Delgado must go.',
                        'Calling the plan "an existential threat" — a phrase that will come up again — Mr. Ruben '
                        'Castell said he would rejoin the accord.',
                        'Whether wardens will see "this slow but certain change in the forest" or wait is unclear, '
                        'Ruben Castell tells the radio.') == [
        ["d0", "Tom Delgado testify", "Ada Whitcombe", "name", "person:ada_whitcombe", "reported"],
        ["d1", "a disgrace to the whole profession", "Whitcombe", "name", "other:whitcombe", "direct"],
        ["d1", "Delgado must go", "Whitcombe", "name", "other:whitcombe", "reported"],
        ["d2", "an existential threat", "Ruben Castell", "name", "person:ruben_castell", "direct"],
        ["d3", "this slow but certain change in the forest", "Ruben Castell", "name", "person:ruben_castell",
         "direct"]]


def test_according_to_a_titled_name_with_a_description_after_it():
    # the title is dropped, the name links to its entity, the description is not content
    assert _attribution("According to Dr. Mira Okafor, a data scientist at Helix Labs, the intruders used stolen "
                        "passwords. She said the firm had ignored warnings.") == [
        ["d0", "the intruders used stolen passwords", "Mira Okafor", "name", "person:mira_okafor", "reported"],
        ["d0", "the firm had ignored warnings", "Mira Okafor", "pronoun", "person:mira_okafor", "reported"]]
    # without a speaker noun heading it, the part after the comma is content ("the talks" are no speaker)
    assert _attribution("According to Ines Vargas, the talks failed on Monday, and the team left.")[0][1] == \
        "the talks failed on Monday, and the team left"


def test_a_nominal_speaker_after_two_organisations_stays_unlinked():
    # Brightwater Energy is named six sentences before, Lisbon Telecom in the window: two candidates, both
    # companies by their names' last words
    assert _attribution("Brightwater Energy said on Monday that its network had failed for six hours. Engineers worked "
                        "through the night. Calls were rerouted. Shops stayed closed. Customers waited. According to "
                        "Paulo Reis, an engineer at Lisbon Telecom, the outage began at a data centre. The company "
                        "said refunds would follow.")[-1] == \
        ["d0", "refunds would follow", "The company", "nominal", None, "reported"]
    # (session 15) with a university in the window, the one organisation the text types a company is meant:
    # a university is no company
    assert _attribution("Brightwater Energy said on Monday that its network had failed for six hours. Engineers worked "
                        "through the night. Calls were rerouted. Shops stayed closed. Customers waited. According to "
                        "Paulo Reis, an engineer at Lisbon University, the outage began at a data centre. The company "
                        "said refunds would follow.")[-1] == \
        ["d0", "refunds would follow", "Brightwater Energy", "nominal", "organization:brightwater_energy", "reported"]


def test_a_document_is_a_nominal_source_and_never_a_second_row():
    # the statement is the company's: one row, the content cut before "according to"; a document alone
    # is a nominal source without its time tail; a capitalised head is a name ("The Harbor Post")
    assert _attribution("Brightwater Energy sold its towers. The company denied that the sale caused the outage, "
                        "according to a statement released on Friday.",
                        "Ticket sales fell by a third, according to a report published last week.",
                        "Ticket sales fell by a third, according to a review of court records by the watchdog group "
                        "Open Ledger.",
                        "Ticket sales fell by a third, according to The Harbor Post.") == [
        ["d0", "the sale caused the outage", "Brightwater Energy", "nominal", "organization:brightwater_energy", "reported"],
        ["d1", "Ticket sales fell by a third", "a report", "nominal", None, "reported"],
        ["d2", "Ticket sales fell by a third", "a review of court records by the watchdog group Open Ledger",
         "nominal", None, "reported"],
        ["d3", "Ticket sales fell by a third", "Harbor Post", "name", "organization:harbor_post", "reported"]]


def test_a_pronoun_resolves_to_the_one_person_in_focus():
    # the subject of the sentence before is the one man in focus, though another was named two back
    assert _attribution("Tom Alder and Ray Costa argued about the budget on Monday. Mayor Ray Costa, a Democrat, was "
                        "more cautious. He said that the new rules would hurt small shops.",
                        "Tom Alder met Ray Costa on Monday. He said that the new rules would hurt small shops.") == [
        ["d0", "the new rules would hurt small shops", "Ray Costa", "pronoun", "person:ray_costa", "reported"],
        ["d1", "the new rules would hurt small shops", None, "pronoun", None, "reported"]]


def test_a_description_and_a_name_set_off_by_commas_before_the_cue_speak():
    assert _attribution("The regulator has opened an inquiry into the outage, a spokeswoman for the agency, Lena "
                        "Duarte, said on Wednesday.",
                        "The regulator has opened an inquiry into the outage, Lena Duarte, a spokeswoman for the "
                        "agency, said on Wednesday.",
                        '"We are looking into every complaint," a spokeswoman for the agency, Lena Duarte, said on '
                        "Wednesday.") == [
        ["d0", "The regulator has opened an inquiry into the outage", "Lena Duarte", "name", "person:lena_duarte",
         "reported"],
        ["d1", "The regulator has opened an inquiry into the outage", "Lena Duarte", "name", "person:lena_duarte",
         "reported"],
        ["d2", "We are looking into every complaint", "Lena Duarte", "name", "person:lena_duarte", "direct"]]


# Attribution fixes found by running the workbench on real-looking articles (session 7): each case is
# (texts, the exact rows of rows(*texts)).
ATTRIBUTION_CASES = {
    # "call X "…"" with a quotation of four words or more quotes the subject of "called" (named in the
    # same sentence): no row without a speaker. A title right after "called" stays no quotation; with
    # no subject right before "called" (two people, a description, "in a … op-ed,") no row.
    "a quotation after called and its object is the subject's": (
        ['Mayor Jane Hollis has run the city since 2019. Her challenger, councillor Tomas Ruiz, called the '
         'record "a list of missed deadlines".',
         'Critics called the plan "a giveaway to the developers who fund the mayor."',
         'They joined a group called "Neighbors First for a Better Town" last year.',
         "John Kerry and Chuck Hagel, Barack Obama's secretaries of state and defense, in a Washington Post "
         'op-ed, called it "a dark day for all of America".'],
        [["a list of missed deadlines", "Tomas Ruiz", "name", "call", "direct"],
         ["a giveaway to the developers who fund the mayor.", "Critics", "nominal", "call", "direct"]]),
    # "and accused" (a cue form, no subject of its own) is the speaker's second act, not what was
    # said; "and" with a subject after it joins two clauses of the content. A cue coordinated so
    # shares the subject ("and said", "and warned that").
    "reported content ends before a cue verb coordinated with its own": (
        ['Hollis said the accusations were "desperate" and accused Ruiz of running a negative campaign.',
         "The economist Omar Haddad said prices rose and wages fell last year.",
         "The mayor said the road was unsafe, and warned that repairs would take a year.",
         'Her challenger, councillor Tomas Ruiz, called the record "a list of missed deadlines" and said the '
         "city budget had grown faster than wages."],
        [['the accusations were "desperate"', "Hollis", "name", "say", "reported"],
         ["prices rose and wages fell last year", "Omar Haddad", "name", "say", "reported"],
         ["the road was unsafe", "The mayor", "nominal", "say", "reported"],
         ["repairs would take a year", "The mayor", "nominal", "warn", "reported"],
         ["a list of missed deadlines", "Tomas Ruiz", "name", "call", "direct"],
         ["the city budget had grown faster than wages", "Tomas Ruiz", "name", "say", "reported"]]),
    # "with an expert explaining" is the expert's, not the first person of the sentence; with two
    # people named before "explaining" either could be meant (no speaker: no reported row), and the
    # one person named may be the object ("hired Tom Becker"); one subject alone still speaks.
    "an -ing cue speaks for its own subject only when it is not in doubt": (
        ["The plan is too expensive, Senator Ana Ruiz said, with an expert explaining that the costs would rise.",
         "Dana Price met Omar Haddad, an economist, explaining that the costs would rise sharply.",
         "The company hired Tom Becker last year, saying that he would lead the new unit.",
         "Dana Price spoke at the forum on Tuesday, explaining that the costs would rise sharply.",
         "The secretary of state, Mike Pompeo, announced the plan on Monday, saying the deal was unfair."],
        [["The plan is too expensive", "Ana Ruiz", "name", "say", "reported"],
         ["the costs would rise", "an expert", "nominal", "explain", "reported"],
         ["the costs would rise sharply", "Dana Price", "name", "explain", "reported"],
         ["the deal was unfair", "Mike Pompeo", "name", "say", "reported"]]),
    # two cues reporting one piece of speech give one row: the cue whose content holds the other's
    # (or, each holding the other's, the one closing the sentence) with its speaker and content; a
    # source phrase relays a cue verb's speech, and one speaker's two cues keep the more exact one
    "overlapping reported rows of a sentence are one row, the outer cue's": (
        ["The IPCC report says the climate is warming, scientists said.",
         "Officials said the report says the climate is warming.",
         "According to the mayor, officials said the road would close.",
         "Northwind Energy said in a report warning that the river would flood.",
         "Bernhardt responded by noting that the law had 600 mandates, but, he said, there is no mandate "
         "for warming."],
        [["The IPCC report says the climate is warming", "scientists", "nominal", "say", "reported"],
         ["the report says the climate is warming", "Officials", "nominal", "say", "reported"],
         ["the road would close", "officials", "nominal", "say", "reported"],
         ["the river would flood", "Northwind Energy", "name", "warn", "reported"],
         ["the law had 600 mandates … there is no mandate for warming", "Bernhardt", "name", "note", "reported"]]),
}


@pytest.mark.parametrize(("texts", "expected"), ATTRIBUTION_CASES.values(), ids=list(ATTRIBUTION_CASES))
def test_attribution_cases_of_real_articles(texts, expected):
    assert rows(*texts) == expected


def test_two_speakers_one_without_a_name_are_not_the_same_and_never_na():
    # "..., the sources said The campaign ... Sept 4, they said" (a run-on line of real news, no
    # sentence punctuation): a nominal speaker against an unresolved pronoun; comparing the name
    # with NA gave NA, and quotes() raised "boolean value of NA is ambiguous" on the 2 MB long line
    from analysis.quotes import _same_speaker_of, _Speaker
    na = pd.NA
    sources = _Speaker(actor_id=na, name="the sources", type="nominal", start=0, end=11)
    they = _Speaker(actor_id=na, name=na, type="pronoun", start=20, end=24)
    assert _same_speaker_of(sources, they) is False and _same_speaker_of(they, sources) is False
    assert _same_speaker_of(sources, _Speaker(actor_id=na, name="the sources", type="nominal", start=40, end=51)) is True


def test_speaker_offsets_are_int64_and_missing_without_a_speaker():
    text = ('The note read "we will not go away now" in red letters. '
            '"We will keep marching every week," Dana Price said.')
    table = wb.quotes(docs(text))
    assert str(table["speaker_start"].dtype) == "Int64" and str(table["speaker_end"].dtype) == "Int64"
    assert table["speaker_start"].isna().tolist() == [True, False]
    assert text[table.loc[1, "speaker_start"]:table.loc[1, "speaker_end"]] == "Dana Price"
    assert wb.quotes(docs("No quotation here.")).dtypes["speaker_start"] == "Int64"


def test_people_quoted_without_a_name_are_nominal_speakers():
    assert rows("A nurse at a hospital in Chicago said the ward was full.",
                "Passengers said the train stopped for an hour.",
                "Union councillor Mary Fox said nothing; one farmer told reporters that the rain came too late.") == [
        # (a place after an organisation noun stays in the phrase, as "officials at the company in Chicago" did)
        ["the ward was full", "A nurse at a hospital in Chicago", "nominal", "say", "reported"],
        ["the train stopped for an hour", "Passengers", "nominal", "say", "reported"],
        ["the rain came too late", "one farmer", "nominal", "tell", "reported"]]


def test_told_with_an_addressee_and_a_clause_without_that():
    assert rows("Mary Fox told reporters the plan was dead.", "Fox told CNN she would run again in 2028.",
                "He told him the story of her life.",  # a noun phrase, not a clause: no speech
                cols=("quote", "speaker", "addressee")) == [
        ["the plan was dead", "Mary Fox", "reporters"],
        ["she would run again in 2028", "Fox", "CNN"]]


# ------------------------------------------------- a new user's corpus (issue 12, session 8, qfix3)


def test_reported_content_never_ends_inside_a_quotation_it_holds():
    # a clause break (", but"), a comma or ";" between the marks used to cut the content there, leaving
    # an opening mark without its closing one: the content runs to the quotation's closing mark, in
    # the paragraph's next sentence too (as a direct quotation may)
    assert rows('Ruth Moss, the union secretary, said the strike was "the last thing anyone wanted, but the '
                'only thing left."',
                'Tom Vale said the vote was "a farce, but a legal one," but he would accept it.',
                'Tom Vale said the budget was "a disgrace; a real one" and left.',
                'Ana Ruiz said the plan was not ready "at all. We need more time" and the board agreed.',
                cols=("quote", "speaker", "kind")) == [
        ['the strike was "the last thing anyone wanted, but the only thing left."', "Ruth Moss", "reported"],
        ['the vote was "a farce, but a legal one,"', "Tom Vale", "reported"],
        ['the budget was "a disgrace; a real one"', "Tom Vale", "reported"],
        ['the plan was not ready "at all. We need more time"', "Ana Ruiz", "reported"]]


def test_the_addressee_of_told_ends_before_a_preposition_of_place_or_time():
    # "told reporters outside the main entrance that …" gave the addressee "reporters outside"; a
    # determiner after "of" goes on ("members of the board" was cut to "members of"); a "that" after
    # the addressee's place is the cue's content, not a tail of time or place after a content before it
    assert rows("She told reporters outside the main entrance that the wards were short of staff.",
                "Ana Ruiz told staff at the depot on Monday that the line would reopen.",
                "Ana Ruiz told members of the board in a letter that the line would reopen.",
                "Late on Monday, after the vote, Ana Ruiz told a meeting in Leeds that the line would reopen.",
                cols=("quote", "addressee")) == [
        ["the wards were short of staff", "reporters"],
        ["the line would reopen", "staff"],
        ["the line would reopen", "members of the board"],
        ["the line would reopen", "a meeting"]]


def test_demanded_that_after_a_naming_verb_is_the_subjects_reported_speech():
    # "demand" is a cue verb ("demanded that ministers visit the city" was missed); after "called X
    # "<label>" and" it shares the subject of "called", not the nearest name ("called Ana Ruiz …"
    # gave Ana Ruiz); a label of fewer than four words stays no row (naming_verbs), a longer
    # quotation is the subject's words, also when the object holds "in"/"of" ("the delay in funding");
    # "demand"/"demands" stay no cue (mostly nouns)
    assert rows('Dan Brook called the delay in funding "a scandal" and demanded that ministers visit the city.',
                'Dan Brook called Ana Ruiz "a liar" and demanded that she resign at once.',
                'Dan Brook called the delay in funding "a scandal of the first order" and left.',
                "Dan Brook demanded to know why the ministers had stayed away.",  # "to": no cue
                "It is a demanding job, and the demands of the union are clear.",
                # a name before a subordinate clause is not the subject of a cue inside it
                "Ana Ruiz dropped the plan after other states demanded that they get the same deal.",
                cols=("quote", "speaker", "cue", "kind")) == [
        ["ministers visit the city", "Dan Brook", "demand", "reported"],
        ["she resign at once", "Dan Brook", "demand", "reported"],
        ["a scandal of the first order", "Dan Brook", "call", "direct"]]


def test_a_participle_phrase_after_a_speaker_noun_is_part_of_the_speaker_phrase():
    # "Several patients waiting at the entrance said …" had no speaker (the phrase before the cue,
    # "the entrance", cannot speak): the speaker noun before an -ing phrase speaks, before or after
    # the cue; a cue form ("saying") or a clause word between them does not make one
    assert rows("Several patients waiting at the entrance said they had not been told about it.",
                "Residents living near the river said the water rose in minutes.",
                '"We waited all day for nothing," said several patients waiting at the entrance.',
                "The morning session ended early and the building manager said nothing.",
                cols=("quote", "speaker", "speaker_type")) == [
        ["they had not been told about it", "Several patients", "nominal"],
        ["the water rose in minutes", "Residents", "nominal"],
        ["We waited all day for nothing", "several patients", "nominal"]]


def test_a_speaker_whose_words_end_a_longer_name_is_that_name():
    assert rows("The University and College Union called the cuts a disaster and said it would ballot members.",
                cols=("quote", "speaker", "speaker_type")) == [
        ["it would ballot members", "University and College Union", "name"]]


def test_a_common_noun_opening_a_sentence_is_a_nominal_speaker_not_a_name():
    # a headline's "Whistleblower says ..." made "Whistleblower" a named speaker in the voice chart
    out = wb.quotes(docs("Campaigners said the recall came too late. Hunt said the plan was dead.",
                         titles=["Whistleblower says Veltra ignored warnings"]), LEX)
    assert out[["speaker", "speaker_type", "quote"]].values.tolist() == [
        ["Whistleblower", "nominal", "Veltra ignored warnings"],
        ["Campaigners", "nominal", "the recall came too late"],
        ["Hunt", "name", "the plan was dead"]]  # a surname on the lists may be a person: kept a name


def test_a_clause_after_the_cue_is_no_speaker_and_a_relative_clause_no_content():
    # a user's stadium corpus: the speaker was "Football Association" and the quotation "Its chair, Gwen Pritchard"
    out = wb.quotes(docs("Its chair, Gwen Pritchard, said the trust would ask the Football Association to review the sale. "
                         "The deal was done, said the club owner, who was in Spain. Unison said the staff were angry. "
                         "The staff joined Unison in May."), LEX)
    assert out[["speaker", "speaker_type", "quote"]].values.tolist() == [
        ["Gwen Pritchard", "name", "the trust would ask the Football Association to review the sale"],
        ["the club owner", "nominal", "The deal was done"],
        ["Unison", "name", "the staff were angry"]]  # a common word the text writes capitalised mid-sentence: a name


def test_the_title_of_one_person_named_before_links_the_nominal_speaker_to_that_person():
    # a user's stadium corpus: "According to the mayor" right after Mayor Helen Stroud stayed "the mayor"
    def speakers(text):
        out = wb.quotes(docs(text), LEX)
        return out[["speaker", "speaker_type", "speaker_entity_id"]].astype(object).where(out.notna(), None).values.tolist()

    assert speakers("Mayor Helen Stroud backed the plan. According to the mayor, the deal was fair.") == [
        ["Helen Stroud", "nominal", "person:helen_stroud"]]
    assert speakers("Helen Stroud, the city's mayor, backed it. The mayor said the deal was fair.") == [
        ["Helen Stroud", "nominal", "person:helen_stroud"]]
    # two mayors, or none named with the title: which one is meant is not clear
    assert speakers("Mayor Helen Stroud met Mayor Tom Reyes. The mayor said the deal was fair.") == [
        ["The mayor", "nominal", None]]
    assert speakers("Helen Stroud backed the plan. The mayor said the deal was fair.") == [["The mayor", "nominal", None]]


def test_according_to_a_description_and_the_name_in_apposition_gives_the_name():
    # a user's energy corpus: the quotation had no speaker, the reported row the nominal description
    assert _attribution('"We will meet the target a year early," according to the chief executive of Northwind '
                        'Energy, Sam Patel.',
                        "Demand is falling across the region, according to the chief executive of Northwind, Sam "
                        "Patel.",
                        "Demand is falling across the region, according to a spokesman for the utility, Tom Reyes, "
                        "who declined to give details.") == [
        ["d0", "We will meet the target a year early", "Sam Patel", "name", "person:sam_patel", "direct"],
        ["d1", "Demand is falling across the region", "Sam Patel", "name", "person:sam_patel", "reported"],
        ["d2", "Demand is falling across the region", "Tom Reyes", "name", "person:tom_reyes", "reported"]]
    assert wb.quotes(docs('"We will meet the target a year early," according to the chief executive of Northwind '
                          'Energy, Sam Patel.'), NO_ACTORS)["cue"].tolist() == ["according to"]
    # a quotation right before the phrase is its source's (a plain source; with a cue verb after it in
    # the sentence, that cue's: as before); a name after a document is no apposition
    assert _attribution('"The line will reopen next spring," according to the transit agency.',
                        'Fares rose "far more than riders were told," according to a report, Tom Reyes said.',
                        "Fares rose by a third, according to the report, Tom Reyes.") == [
        ["d0", "The line will reopen next spring", "the transit agency", "nominal", None, "direct"],
        ["d1", "far more than riders were told", "Tom Reyes", "name", "person:tom_reyes", "direct"],
        ["d2", "Fares rose by a third", "the report", "nominal", None, "reported"]]


def test_a_source_phrase_name_ending_with_a_person_gives_that_person():
    # the head of "Exacta Weather forecaster James Madden" is the person (it was the organisation)
    assert _attribution("Frost is likely by the end of the month, according to Exacta Weather forecaster James "
                        "Madden.")[0][2:5] == ["James Madden", "name", "person:james_madden"]


def test_a_name_inside_the_modifier_of_a_nominal_subject_does_not_speak():
    # a user's hospital-strike corpus: the speaker was the hospital named inside the union's modifier
    def speakers(*texts):
        out = wb.quotes(docs(*texts), NO_ACTORS)
        return out[["speaker", "speaker_type", "speaker_entity_id"]].astype(object).where(out.notna(), None).values.tolist()

    assert speakers('The union representing nurses at Grange Lane hospital said "we have no choice but to strike '
                    'this winter."',
                    "The union representing midwives at Grange Lane Hospital said the strike would go ahead.",
                    "The union that represents porters at Grange Lane Hospital said the strike would go ahead.",
                    "The aide to Sam Patel said the plan was dead.") == [
        ["The union", "nominal", None], ["The union", "nominal", None], ["The union", "nominal", None],
        ["The aide", "nominal", None]]
    # the subject itself still speaks: a preposition opening the clause, a part of a group, the antecedent
    # of "who", a speaker noun after "of" ("Members of ...") with a participle phrase set off by commas
    assert speakers("At Grange Lane Hospital Sam Patel said the plan was dead.",
                    "Nearly half of Republicans said the plan was dead.",
                    "It was a blow to the Standing Rock Sioux, who have argued that a spill would poison their "
                    "water.",
                    "Members of the Allied Nurses Union, responding to the offer in a statement on Twitter, said "
                    "the offer was too low.") == [
        ["Sam Patel", "name", "person:sam_patel"], ["Republicans", "name", "group:republicans"],
        ["Standing Rock Sioux", "name", "other:standing_rock_sioux"],
        ["Members of the Allied Nurses Union", "nominal", None]]
    # a noun with a relative clause after the cue is the subject of what was said: no speaker, no row
    assert speakers("The proposal also says companies that emit greenhouse gases should be protected from "
                    "lawsuits.") == []


def test_the_organisation_noun_links_to_the_organisation_of_that_kind():
    # "the union" links to the one union named before it, among other organisations; not to a hospital
    out = wb.quotes(docs("The Allied Nurses Union balloted its members on Monday. Grange Lane Hospital cancelled "
                         "operations. The union representing nurses at the hospital said \"we have no choice but to "
                         "strike this winter.\"",
                         "Grange Lane Hospital cancelled operations. The union said the strike would go ahead."),
                    NO_ACTORS)
    assert out[["speaker", "speaker_entity_id"]].astype(object).where(out.notna(), None).values.tolist() == [
        ["Allied Nurses Union", "organization:allied_nurses_union"], ["The union", None]]


def test_a_person_called_by_origin_or_party_is_a_nominal_speaker():
    # "the German wrote" gave the name "German"; it is the one person named just before, or no one named
    assert _attribution("The agency has suspended the world No. 14, Lukas Brandt. Brandt, 26, denied wrongdoing. "
                        '"I have never knowingly taken a prohibited substance," the German wrote on Instagram.',
                        'Lukas Brandt met Tom Ashby on Monday. "I have never knowingly taken a banned substance," '
                        "the German wrote.",
                        '"I have never taken a prohibited substance," said the Briton.') == [
        ["d0", "I have never knowingly taken a prohibited substance", "Lukas Brandt", "nominal",
         "person:lukas_brandt", "direct"],
        ["d1", "I have never knowingly taken a banned substance", "the German", "nominal", None, "direct"],
        ["d2", "I have never taken a prohibited substance", "the Briton", "nominal", None, "direct"]]


def test_an_example_set_off_by_commas_is_no_apposition():
    # "Critics, including the former player Tom Ashby, have argued" gave Tom Ashby: the critics argue
    assert rows("Critics, including the former player Tom Ashby, have argued that the agency moves too slowly.",
                "A study, from the Institute of International Affairs, says the decision has soured the talks.",
                cols=("quote", "speaker", "speaker_type")) == [
        ["the agency moves too slowly", "Critics", "nominal"],
        ["the decision has soured the talks", "A study", "nominal"]]


def test_a_quotation_after_a_cue_its_object_and_of_is_the_subjects():
    # "accused her of "…"" had no speaker, and the coordinated "and said" no row
    assert rows("Priya Mehta said the pay offer was fair. Her opposite number, Dan Whitfield, accused her of "
                '"hiding behind the spreadsheet" and said nurses deserved better.',
                cols=("quote", "speaker", "cue", "kind")) == [
        ["the pay offer was fair", "Priya Mehta", "say", "reported"],
        ["hiding behind the spreadsheet", "Dan Whitfield", "accuse", "direct"],
        ["nurses deserved better", "Dan Whitfield", "say", "reported"]]
    # a bare verb's clause stays reported speech; with no subject right before the cue, no speaker
    assert rows('He said the plan calls for "new civil rights legislation" at once.',
                'Campaigners have long accused the firm of "poisoning the river for profit".',
                cols=("quote", "speaker_type", "cue", "kind")) == [
        ['the plan calls for "new civil rights legislation" at once', "pronoun", "say", "reported"],
        ["poisoning the river for profit", None, None, "direct"]]


def test_a_document_as_the_subject_of_a_cue_is_a_nominal_speaker():
    # "the email said" had no speaker: a document speaks as "the report says" does
    assert rows("''We have exhausted every other option,'' the email said.",
                "The lawsuit contends that the agency ignored repeated warnings about the dam.",
                cols=("quote", "speaker", "speaker_type", "cue")) == [
        ["We have exhausted every other option", "the email", "nominal", "say"],
        ["the agency ignored repeated warnings about the dam", "The lawsuit", "nominal", "contend"]]
    # a document noun after the cue heading a clause is no speaker of the words before it
    assert rows("Sam Patel, director of research for the group, said Harris' record on the environment was "
                '"decent."', cols=("quote", "speaker")) == [
        ['Harris\' record on the environment was "decent."', "Sam Patel"]]
# ----------------------------------------------------------------------------- red team, session 10


def _rows(*texts: str) -> list[list]:
    """(doc_id, kind, quote, speaker, speaker_type, speaker_entity_id) per row, NA as None."""
    out = wb.quotes(docs(*texts))
    return [[r.doc_id, r.kind, r.quote] + [None if pd.isna(v) else v for v in
                                          (r.speaker, r.speaker_type, r.speaker_entity_id)]
            for r in out.itertuples()]


def test_said_a_and_that_b_reports_both_clauses_with_the_speaker():
    # the first clause had been lost ("that" found after "and"); with quoted words in the second, the
    # quotation was a direct one without a speaker and the reported row was dropped beside it
    assert _rows("Owen Marsh said the strike was regrettable and that the trust had made a fair offer.",
                 "The trust's chief executive, Dr. Owen Marsh, said the strike was \"deeply regrettable\" and that "
                 "the CVHT had made \"a fair and final offer.\"",
                 "Owen Marsh said on Tuesday that the trust had made a fair offer.") == [
        ["d0", "reported", "the strike was regrettable and that the trust had made a fair offer", "Owen Marsh",
         "name", "person:owen_marsh"],
        ["d1", "reported", "the strike was \"deeply regrettable\" and that the CVHT had made \"a fair and final "
         "offer.\"", "Owen Marsh", "name", "person:owen_marsh"],
        ["d2", "reported", "the trust had made a fair offer", "Owen Marsh", "name", "person:owen_marsh"]]


def test_a_quotation_after_a_clause_break_is_not_taken_into_the_reported_clause():
    # ", but" ends the reported content: the second quotation stays a row of its own (no speaker found)
    text = ("The leaders said in a statement that they regretted the decision, but affirmed \"our commitment\" "
            "and encouraged \"all our partners to speed up their action.\"")
    assert [r[:3] for r in _rows(text)] == [
        ["d0", "reported", "they regretted the decision"],
        ["d0", "direct", "all our partners to speed up their action."]]


def test_a_description_between_a_quotation_and_its_cue_is_a_nominal_speaker():
    assert _rows("Vasquez denied wrongdoing. \"I am innocent,\" the player said.",
                 "Vasquez denied wrongdoing. \"I am innocent,\" the 24-year-old said.",
                 "Vasquez denied wrongdoing. \"I have never taken anything banned,\" the player said.",
                 "\"It was a long season for all of us,\" the visibly shaken defender later said.") == [
        ["d0", "direct", "I am innocent", "the player", "nominal", None],
        ["d1", "direct", "I am innocent", "the 24-year-old", "nominal", None],
        ["d2", "direct", "I have never taken anything banned", "the player", "nominal", None],
        ["d3", "direct", "It was a long season for all of us", "the visibly shaken defender", "nominal", None]]
    # before the quotation and after the cue: "player" is a speaker noun, an age a nominal speaker
    assert _rows("\"I am innocent,\" said the player.",
                 "The 24-year-old said: \"I have never taken anything banned.\"") == [
        ["d0", "direct", "I am innocent", "the player", "nominal", None],
        ["d1", "direct", "I have never taken anything banned.", "The 24-year-old", "nominal", None]]


def test_a_description_links_to_the_one_person_the_text_gave_it():
    assert _rows("Maria Vasquez, 24, denied wrongdoing. \"I am innocent,\" the 24-year-old said.",
                 "Tennis player Maria Vasquez denied wrongdoing. \"I am innocent,\" the player said.",
                 "Tennis player Maria Vasquez and tennis player Ana Ruiz denied wrongdoing. \"I am innocent,\" "
                 "the player said.",
                 "Maria Vasquez, 24, and Ana Ruiz, 24, denied wrongdoing. \"I am innocent,\" the 24-year-old "
                 "said.") == [
        ["d0", "direct", "I am innocent", "Maria Vasquez", "nominal", "person:maria_vasquez"],
        ["d1", "direct", "I am innocent", "Maria Vasquez", "nominal", "person:maria_vasquez"],
        ["d2", "direct", "I am innocent", "the player", "nominal", None],  # two players: unlinked
        ["d3", "direct", "I am innocent", "the 24-year-old", "nominal", None]]


def test_according_to_a_description_and_a_name_in_apposition_gives_the_name():
    assert _rows("According to the Health Secretary, Priya Lindqvist, the government will not intervene in "
                 "local pay disputes.",
                 "According to police, Smith, who was driving, crashed into a wall.") == [
        ["d0", "reported", "the government will not intervene in local pay disputes", "Priya Lindqvist", "name",
         "person:priya_lindqvist"],
        ["d1", "reported", "Smith, who was driving, crashed into a wall", "police", "nominal", None]]


def test_a_short_quotation_needs_a_cue_of_its_own_not_the_speaker_before_it():
    # rule 3 carries a speaker on to the paragraph's next quotation; one to three words without a cue
    # of their own are a scare quote even so (they were the previous speaker's row)
    text = ('"We will not stop until the work is done," Kirby said. Critics who had gathered outside the town '
            'hall for most of the afternoon dismissed the plan as a "gimmick" and "a stunt." "It is the right '
            'thing to do for the country."')
    assert [r[2:4] for r in _rows(text)] == [["We will not stop until the work is done", "John Kirby"],
                                             ["It is the right thing to do for the country.", "John Kirby"]]


def test_a_nominal_of_a_named_kind_never_links_to_an_organisation_whose_name_does_not_say_it():
    # rt11 F1: "the union said" went to the cooperative named in its own sentence; "the company" still links
    out = wb.quotes(docs("Workers at Northfield Dairy Cooperative's Ashby plant voted 291 to 22 to authorise a strike, "
                         "the union said.",
                         "Harbor City Hawks coach Dennis Mahoney was suspended for one game on Monday, the league said.",
                         "Northwind Energy cut its forecast on Monday. The company said demand had fallen sharply."),
                    NO_ACTORS)
    assert out[["speaker", "speaker_type", "speaker_entity_id"]].astype(object).where(out.notna(), None
                                                                                       ).values.tolist() == [
        ["the union", "nominal", None], ["the league", "nominal", None],
        ["Northwind Energy", "nominal", "organization:northwind_energy"]]


def test_which_organisation_nouns_are_generic_is_data_of_the_cue_list(tmp_path):
    # generic_organization_nouns (cue_verbs.yml): a noun left out of it ("union") links only to a name holding
    # it; a cue list without the field treats every organisation noun as generic, as before the field
    import yaml

    from analysis.cues import DEFAULT_CUE_VERBS

    text = "Northwind Energy cut its forecast on Monday. The union said demand had fallen sharply."
    shipped = yaml.safe_load(DEFAULT_CUE_VERBS.read_text(encoding="utf-8"))
    assert "union" in shipped["organization_nouns"] and "union" not in shipped["generic_organization_nouns"]
    assert wb.quotes(docs(text), NO_ACTORS)["speaker_entity_id"].isna().tolist() == [True]
    del shipped["generic_organization_nouns"]
    (tmp_path / "cues.yml").write_text(yaml.safe_dump(shipped), encoding="utf-8")
    assert wb.load_cue_verbs(tmp_path / "cues.yml").generic_organization_nouns is None
    out = wb.quotes(docs(text), NO_ACTORS, cue_verbs=tmp_path / "cues.yml")
    assert out["speaker_entity_id"].tolist() == ["organization:northwind_energy"]
    shipped["generic_organization_nouns"] = "union"
    (tmp_path / "cues.yml").write_text(yaml.safe_dump(shipped), encoding="utf-8")
    with pytest.raises(wb.LexiconError, match="field 'generic_organization_nouns': give a list of non-empty words"):
        wb.load_cue_verbs(tmp_path / "cues.yml")


def test_a_long_name_or_a_parenthesised_acronym_before_a_cue_after_the_content():
    # rt11 F9: "…, the Food and Drug Administration (FDA) said." gave no row ("and" and "(FDA)" stopped the phrase)
    out = wb.quotes(docs("Northfield Dairy Cooperative on Tuesday recalled 180,000 packages of soft cheese, the Food "
                         "and Drug Administration (FDA) said.",
                         "The plant withdrew 180,000 packages of soft cheese, the Food and Drug Administration said."),
                    NO_ACTORS)
    assert out[["doc_id", "quote", "speaker", "speaker_type"]].values.tolist() == [
        ["d0", "Northfield Dairy Cooperative on Tuesday recalled 180,000 packages of soft cheese",
         "Food and Drug Administration", "name"],
        ["d1", "The plant withdrew 180,000 packages of soft cheese", "Food and Drug Administration", "name"]]


def test_a_relative_that_after_a_noun_is_no_opener_of_the_reported_clause():
    # rt11 F8: the content started at "had been rejected"; a "that" the clause's subject opens stays in it
    assert [r[2] for r in q("Lindqvist said 14 ballots that had been rejected for signature problems were counted "
                            "after voters corrected them.",
                            "Lindqvist said on Monday that the ballots had been counted again.", lex=NO_ACTORS)] == [
        "14 ballots that had been rejected for signature problems were counted after voters corrected them",
        "the ballots had been counted again"]


def test_a_pronoun_speaker_after_a_name_in_apposition_to_the_subject():
    # rt11 F11: the entity layer resolves "He" to Kessler, the subject's apposition; another man quoted before
    text = ("Dr. Alan Perez, the state epidemiologist, said the outbreak strain matched samples from the drain.\n\n"
            "Northfield's chief executive, Martin Kessler, apologised to customers on Wednesday. He said the company "
            "would pay for medical costs.")
    out = wb.quotes(docs(text), NO_ACTORS)
    assert out[["speaker", "speaker_type", "speaker_entity_id"]].values.tolist() == [
        ["Alan Perez", "name", "person:alan_perez"], ["Martin Kessler", "pronoun", "person:martin_kessler"]]
    # a person named before the apposition: not plainly the subject, no speaker
    out = wb.quotes(docs(text.replace("Northfield's chief executive", "After Perez spoke, the chief executive")),
                    NO_ACTORS)
    assert out["speaker"].isna().tolist() == [False, True]


def test_a_speaker_linked_through_a_lexicon_title_takes_the_entity_linked_to_its_actor():
    # rt11: "The mayor said" (a title of the lexicon actor osei) had speaker_id osei but no
    # speaker_entity_id, while the entity layer links Daniel Osei of the same article to osei
    lexicon = {"actors": [{"id": "osei", "name": "Daniel Osei", "type": "person", "aliases": ["Daniel Osei", "Osei"],
                           "titles": ["mayor"]}]}
    texts = ("Daniel Osei was sworn in on Monday. The mayor said the city would review every contract.",
             "Osei was sworn in on Monday. The mayor said the city would review every contract.",
             "The council met on Monday. The mayor said the city would review every contract.")
    documents = docs(*texts)
    found = wb.quotes(documents, lexicon)
    cols = ["doc_id", "speaker", "speaker_type", "speaker_id", "speaker_entity_id"]
    assert [[None if pd.isna(v) else v for v in r] for r in found[cols].itertuples(index=False)] == [
        ["d0", "Daniel Osei", "nominal", "osei", "person:daniel_osei"],
        ["d1", "Daniel Osei", "nominal", "osei", "person:osei"],
        ["d2", "The mayor", "nominal", None, None]]
    # two entities of the document linked to the actor: which one is meant is not clear, none
    entities = wb.entities(documents.iloc[:1], actors=lexicon)
    twice = pd.concat([entities, entities.assign(entity_id="person:daniel_osei_2", start=0, end=0)],
                      ignore_index=True)
    again = wb.quotes(documents.iloc[:1], lexicon, entities=twice)
    assert again["speaker_id"].tolist() == ["osei"] and again["speaker_entity_id"].isna().all()


def test_voice_counts_an_unnamed_speaker_once_whatever_the_case_of_its_determiner():
    # verification red team: "The club said" (a sentence's start) and "the club said" were two speaker
    # bars; the determiner is written in lower case and both count in one row
    d = pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "text": [
        "The club said the manager had left. Fans were angry.",
        'Rovers lost again. "We are sorry," the club said.']})
    q = wb.quotes(d, {"actors": []})
    assert q["speaker"].tolist() == ["The club", "the club"], "the quotations keep the words as written"
    v = wb.voice(wb.entities(d, actors={"actors": []}), q)
    assert v[["actor", "quoted_direct", "quoted_reported", "quotes"]].values.tolist() == [["the club", 1, 1, 2]]


def test_voice_counts_officials_once_whatever_the_case_of_their_first_word():
    # session-14 report check: "Officials said" (a sentence's start) and "officials said" were two bars in
    # the quotation charts; a capitalised first word folds into its lower-case twin, a name without one stays
    d = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["A", "B", "C"], "text": [
        "Officials said the bridge would reopen in May. Drivers were relieved.",
        'Traffic was heavy on Monday. The bridge will reopen in May, officials said.',
        "Greyford officials said the merger would close in June. Staff were not told."]})
    q = wb.quotes(d, {"actors": []})
    assert q["speaker"].tolist() == ["Officials", "officials", "Greyford officials"]
    v = wb.voice(wb.entities(d, actors={"actors": []}), q)
    said = v[v["quotes"] > 0][["actor", "quotes"]].values.tolist()
    assert sorted(said) == [["Greyford officials", 1], ["officials", 2]]


def test_said_nothing_little_or_no_is_what_was_said_not_reported_speech():
    # red team rt16 F14: "said nothing for a moment" was a reported quotation "nothing for a moment"
    d = pd.DataFrame({"doc_id": ["a"], "title": ["A"], "text": [
        "Harold Pickett looked at the floor and said nothing for a moment. Maria Lopez said little about the plan. "
        "Kim Bell said no to the plan. Joe Hart said so on Monday. Ann Lee said something had to change. "
        "Bo Diaz said nothing would change."]})
    q = wb.quotes(d, {"actors": []})
    assert q[["speaker", "kind", "quote"]].values.tolist() == [
        ["Ann Lee", "reported", "something had to change"], ["Bo Diaz", "reported", "nothing would change"]]


def test_the_governor_said_names_the_one_person_written_gov_not_a_lieutenant_or_former_one():
    # red team rt16 F8: AP style writes "Gov. Teresa Almonte"; "the governor said" stayed unlinked
    d = pd.DataFrame({"doc_id": list("abcde"), "title": list("abcde"), "text": [
        "Gov. Teresa Almonte toured the shelter on Tuesday. The state will help, the governor said.",
        "Sen. Ann Lee and Sen. Bo Diaz met. The bill is dead, the senator said.",
        "Lt. Gov. Ray Oh spoke. Gov. Ann Vu listened. We will rebuild, the governor said.",
        "Deputy Mayor Jo King spoke. Mayor Tim Bell listened. The city will pay, the mayor said.",
        "Former Gov. Al Ross spoke. The plan is bad, the governor said."]})
    q = wb.quotes(d, {"actors": []})
    assert q[["doc_id", "speaker", "speaker_entity_id"]].fillna("-").values.tolist() == [
        ["a", "Teresa Almonte", "person:teresa_almonte"], ["b", "the senator", "-"], ["c", "Ann Vu", "person:ann_vu"],
        ["d", "Tim Bell", "person:tim_bell"], ["e", "the governor", "-"]]
    assert load_entity_words().title_abbreviations["lt. gov."] == "lieutenant governor"
