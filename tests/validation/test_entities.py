"""Scoring the entity layer against GUM: the CoNLL-U reader and the scores, on a tiny hand-made file,
and the real data set where it is present."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis as wb
from analysis.validation.entities import GOLD_COLUMNS, gum_files, gum_split, read_gum, score_entities, split_gum

# Two sentences: "Dr. Ann Lee met the Harbor Council ." (title) / "Lee said she would return to Ohio ."
# Chains: 1 = Ann Lee (Dr. Ann Lee, Lee, she), 2 = the Harbor Council, 3 = Ohio; "Harbor" nests a place.
CONLLU = """# newdoc id = GUM_news_tiny
# newpar
# text = Dr. Ann Lee met the Harbor Council.
1\tDr.\tDr.\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-sssss-cf1-1,2,3-coref
2\tAnn\tAnn\tPROPN\tNNP\t_\t3\tflat\t_\t_
3\tLee\tLee\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)
4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-organization-new-sssss-cf2-2,3-coref
6\tHarbor\tHarbor\tPROPN\tNNP\t_\t7\tcompound\t_\tEntity=(4-place-new-sssss-cf2-1-sgl)
7\tCouncil\tCouncil\tPROPN\tNNP\t_\t4\tobj\t_\tEntity=2)|SpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newpar
# text = Lee said she would return to Ohio.
1\tLee\tLee\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-coref)
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tshe\tshe\tPRON\tPRP\t_\t5\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-coref)
4\twould\twould\tAUX\tMD\t_\t5\taux\t_\t_
5\treturn\treturn\tVERB\tVB\t_\t2\tccomp\t_\t_
6\tto\tto\tADP\tIN\t_\t7\tcase\t_\t_
7\tOhio\tOhio\tPROPN\tNNP\t_\t5\tobl\t_\tEntity=(3-place-new-sssss-cf1-1-coref-Ohio)|SpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


@pytest.fixture()
def tiny(tmp_path):
    path = tmp_path / "GUM_news_tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return read_gum([path])


def test_read_gum_builds_documents_and_gold_offsets(tiny):
    docs, gold = tiny
    assert docs.to_dict("records") == [{"doc_id": "GUM_news_tiny", "title": "Dr. Ann Lee met the Harbor Council.",
                                        "text": "Lee said she would return to Ohio."}]
    assert list(gold.columns) == list(GOLD_COLUMNS)
    rows = [(r.field, r.text, r.chain.split(":")[1], r.type, r.name_start, r.name_end, r.pronoun)
            for r in gold.itertuples()]
    assert rows == [
        ("title", "Dr. Ann Lee", "1", "person", 4, 11, False),        # the honorific is stripped from the name
        ("title", "Harbor", "4", "place", -1, -1, False),             # nested in the council's name: left out
        ("title", "the Harbor Council", "2", "organization", 20, 34, False),
        ("text", "Lee", "1", "person", 0, 3, False),
        ("text", "she", "1", "person", -1, -1, True),
        ("text", "Ohio", "3", "place", 29, 33, False)]


def test_score_entities_on_the_tiny_document(tiny):
    docs, gold = tiny
    scores = score_entities(docs, gold)
    # found: Ann Lee (person), Harbor Council (organization), Lee (short), she (pronoun), Ohio (place)
    assert (scores["typed_precision"], scores["typed_recall"], scores["typed_f1"]) == (1.0, 1.0, 1.0)
    assert (scores["merge_precision"], scores["merge_recall"], scores["merge_pairs"]) == (1.0, 1.0, 1.0)
    assert (scores["pronoun_accuracy"], scores["pronoun_coverage"], scores["pronouns"]) == (1.0, 1.0, 1.0)


def test_score_entities_counts_type_errors_and_wrong_merges(tiny):
    docs, gold = tiny
    sents = wb.sentences(docs)
    found = wb.entities(docs, sentences=sents, actors={"actors": []})
    # retype Ohio as an organisation and merge it into Ann Lee's entity
    found.loc[found["text"] == "Ohio", ["type", "entity_id"]] = ["organization", "person:ann_lee"]
    scores = score_entities(docs, gold, found=found, sentences=sents)
    # four gold names (Ann Lee, Harbor Council, Lee, Ohio), four typed predictions, three right
    assert scores["typed_precision"] == 0.75 and scores["typed_recall"] == 0.75
    assert scores["mention_f1"] == 1.0
    # pairs written differently within the document: (Ann Lee, Lee) right; (Ann Lee, Ohio), (Lee, Ohio) wrong
    assert scores["merge_pairs"] == 3.0 and scores["merge_precision"] == pytest.approx(1 / 3)


def test_gum_files_missing_folder_names_the_fix(tmp_path):
    with pytest.raises(wb.InputError, match=r"no GUM .conllu files; pass datasets=<folder holding gum-news/>"):
        gum_files(tmp_path)


def test_gum_split_is_fixed_by_document_name(tiny):
    # the hash rule, pinned: these documents are held out, the rest is the development set
    assert gum_split("GUM_news_taxes") == "heldout" and gum_split("GUM_interview_peres") == "heldout"
    assert gum_split("GUM_news_soccer") == "dev" and gum_split("GUM_news_tiny") == "heldout"
    docs, gold = tiny
    held_docs, held_gold = split_gum(docs, gold, "heldout")
    assert len(held_docs) == 1 and len(held_gold) == len(gold)
    dev_docs, dev_gold = split_gum(docs, gold, "dev")
    assert dev_docs.empty and dev_gold.empty
    with pytest.raises(wb.InputError, match=r"GUM split 'test': use 'dev'"):
        split_gum(docs, gold, "test")


def test_scores_on_gum_when_present():
    try:
        files = gum_files()
    except wb.InputError as err:
        pytest.skip(f"GUM not available: {err}")
    docs, gold = read_gum(files)
    assert len(docs) == 43
    assert sum(gum_split(d) == "heldout" for d in docs["doc_id"]) == 11
    scores = score_entities(docs, gold)
    # floors well under the figures reported in the README, to catch a broken layer, not to tune it
    assert scores["typed_f1"] > 0.55 and scores["merge_precision"] > 0.9 and scores["pronoun_accuracy"] > 0.7
    assert not math.isnan(scores["merge_recall"])
    assert isinstance(docs, pd.DataFrame)


# "He lives in Irving, Texas.": one place mention whose minimal span holds both names (GUM's "1,3"),
# and Texas a place of its own.
CONLLU_COMMA = """# newdoc id = GUM_news_comma
# newpar
# text = He lives in Irving, Texas.
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-sgl)
2\tlives\tlive\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tIrving\tIrving\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=(2-place-new-sssss-cf1-1,3-coref-Irving|SpaceAfter=No
5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_
6\tTexas\tTexas\tPROPN\tNNP\t_\t4\tappos\t_\tEntity=(3-place-new-sssss-cf1-1-sgl-Texas)2)|SpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_read_gum_names_a_place_written_with_its_region_by_its_first_part(tmp_path):
    path = tmp_path / "GUM_news_comma.conllu"
    path.write_text(CONLLU_COMMA, encoding="utf-8")
    _, gold = read_gum([path])
    rows = [(r.text, r.chain.split(":")[1], r.name_start, r.name_end) for r in gold.itertuples() if r.name_start >= 0]
    # "Irving, Texas" is named Irving (not Texas, which has its own chain)
    assert sorted(rows) == [("Irving, Texas", "2", 12, 18), ("Texas", "3", 20, 25)]


# "She studied at Duke University.": "Duke" is an honorific in the title list, but only a person's name
# loses its title words ("President Obama" -> "Obama"); the organisation is named in full.
CONLLU_DUKE = """# newdoc id = GUM_news_duke
# newpar
# text = She studied at Duke University.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-sgl)
2\tstudied\tstudy\tVERB\tVBD\t_\t0\troot\t_\t_
3\tat\tat\tADP\tIN\t_\t5\tcase\t_\t_
4\tDuke\tDuke\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(2-organization-new-sssss-cf1-1,2-sgl-Duke_University
5\tUniversity\tUniversity\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=2)|SpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_read_gum_strips_title_words_from_a_persons_name_only(tmp_path):
    path = tmp_path / "GUM_news_duke.conllu"
    path.write_text(CONLLU_DUKE, encoding="utf-8")
    _, gold = read_gum([path])
    rows = [(r.text, r.type, r.name_start, r.name_end) for r in gold.itertuples() if r.name_start >= 0]
    assert rows == [("Duke University", "organization", 15, 30)]


# "Matthew Ingram of The Globe wrote." / "Kim Jong-un spoke.": a person's mention is named by the run of
# proper nouns around its syntactic head (Ingram), not around the last proper noun of its span (Globe,
# which has a chain of its own); a hyphen inside a word joins the run ("Jong-un").
CONLLU_HEAD = """# newdoc id = GUM_news_head
# newpar
# text = Matthew Ingram of The Globe wrote.
1\tMatthew\tMatthew\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-sssss-cf1-1,2,3,4,5-sgl
2\tIngram\tIngram\tPROPN\tNNP\t_\t6\tnsubj\t_\t_
3\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_
4\tThe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-sssss-cf1-1,2-sgl
5\tGlobe\tGlobe\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=2)1)
6\twrote\twrite\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

# newpar
# text = Kim Jong-un spoke.
1\tKim\tKim\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(3-person-new-sssss-cf1-1,2,3,4-sgl
2\tJong\tJong\tPROPN\tNNP\t_\t5\tnsubj\t_\tSpaceAfter=No
3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No
4\tun\tun\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=3)
5\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

"""


def test_read_gum_names_a_mention_by_the_proper_nouns_around_its_head(tmp_path):
    path = tmp_path / "GUM_news_head.conllu"
    path.write_text(CONLLU_HEAD, encoding="utf-8")
    docs, gold = read_gum([path])
    named = gold[gold["name_start"] >= 0]
    text = {"title": docs["title"][0], "text": docs["text"][0]}
    assert [(text[f][s:e], t) for f, s, e, t in zip(named["field"], named["name_start"], named["name_end"],
                                                    named["type"])] == [
        ("Globe", "organization"), ("Matthew Ingram", "person"), ("Kim Jong-un", "person")]
