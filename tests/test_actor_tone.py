"""Tone toward actors (analysis.actor_tone): reuse of the tone table, and the old names in analysis.tone.

The measures themselves are tested in test_tone.py (sentence, window, stance, summaries) and
test_target_tone.py (the target-aware method and actor_document_tone).
"""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis.actor_tone import actor_tone
from analysis.errors import InputError


def _seed_tables(seed_path):
    docs = wb.load_corpus(seed_path)
    sents = wb.sentences(docs)
    mentions = wb.mentions(docs, sentences=sents)
    quotes = wb.quotes(docs, sentences=sents, mentions=mentions)
    return docs, sents, mentions, quotes


@pytest.mark.parametrize("engine", ["textblob", "vader"])
def test_sentence_method_reads_the_tone_table_and_gives_the_same_table(seed_path, engine):
    docs, sents, mentions, quotes = _seed_tables(seed_path)
    scored = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes, tone_engine=engine)
    reused = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes, tone_engine=engine,
                        tone=wb.tone(docs, sentences=sents, tone_engine=engine))
    assert len(scored) == len(mentions) > 10
    pd.testing.assert_frame_equal(reused, scored)


def test_sentence_method_takes_its_scores_from_the_tone_table(seed_path):
    """The rows really come from ``tone=``: a tone table with changed numbers changes the output."""
    docs, sents, mentions, quotes = _seed_tables(seed_path)
    table = wb.tone(docs, sentences=sents)
    marked = table.assign(polarity=table["sentence_id"] * 10.0)
    out = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes, tone=marked)
    assert out["polarity"].tolist() == (mentions["sentence_id"] * 10.0).tolist()


def test_window_and_target_methods_ignore_the_tone_table(seed_path):
    docs, sents, mentions, quotes = _seed_tables(seed_path)
    bogus = wb.tone(docs, sentences=sents).assign(polarity=99.0)
    for kwargs in ({"window": 3}, {"actor_tone_method": "target"}):
        plain = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes, **kwargs)
        given = actor_tone(docs, sentences=sents, mentions=mentions, quotes=quotes, tone=bogus, **kwargs)
        pd.testing.assert_frame_equal(given, plain)


def test_a_tone_table_that_does_not_fit_is_refused_with_the_fix(seed_path):
    docs, sents, mentions, quotes = _seed_tables(seed_path)
    table = wb.tone(docs, sentences=sents)
    call = dict(sentences=sents, mentions=mentions, quotes=quotes)
    with pytest.raises(InputError, match=r"not a sentence-level tone table .*analysis\.tone\(documents"):
        actor_tone(docs, tone=wb.tone(docs, level="document"), **call)
    with pytest.raises(InputError, match=r"score columns \['compound', 'pos', 'neu', 'neg'\] are not those of "
                                         r"the 'textblob' engine \(\['polarity', 'subjectivity'\]\)"):
        actor_tone(docs, tone=wb.tone(docs, sentences=sents, tone_engine="vader"), **call)
    first = mentions["sentence_id"].iloc[0]
    with pytest.raises(InputError, match=rf"no row for doc_id '.+', sentence_id {first}, which holds a mention"):
        actor_tone(docs, tone=table[table["sentence_id"] != first], **call)


def test_analyze_sentence_method_equals_the_function_called_alone(seed_path):
    docs = wb.load_corpus(seed_path)
    result = wb.analyze(docs, actor_tone_method="sentence")
    pd.testing.assert_frame_equal(result.actor_tone, wb.actor_tone(docs, actor_tone_method="sentence"))


def test_entities_passed_through_to_quotes_are_not_computed_again(seed_path, monkeypatch):
    """``entities=`` reaches the quotes actor_tone makes: the same table, and the entity layer does not run."""
    import sys

    docs = wb.load_corpus(seed_path)
    sents = wb.sentences(docs)
    mentions = wb.mentions(docs, sentences=sents)
    ents = wb.entities(docs, sentences=sents)
    alone = actor_tone(docs, sentences=sents, mentions=mentions, actor_tone_method="sentence")
    assert (alone["stance"] == "by").any()  # the quotes matter: some mentions are in their own quotation

    def refuse(*args, **kwargs):
        raise AssertionError("the entity layer ran again")

    monkeypatch.setattr(sys.modules["analysis.entities"], "entities", refuse)  # (wb.entities is the function)
    reused = actor_tone(docs, sentences=sents, mentions=mentions, actor_tone_method="sentence", entities=ents)
    pd.testing.assert_frame_equal(reused, alone)
    with pytest.raises(AssertionError, match="ran again"):
        actor_tone(docs, sentences=sents, mentions=mentions, actor_tone_method="sentence")


def test_old_names_in_analysis_tone_are_deprecated_aliases():
    import sys

    # the modules by their import names (analysis.tone and analysis.actor_tone as attributes of the
    # package are the functions of the same names)
    old_module, moved = sys.modules["analysis.tone"], sys.modules["analysis.actor_tone"]
    for name in ("actor_tone", "actor_tone_summary", "actor_document_tone", "bootstrap_mean_ci",
                 "ACTOR_TONE_COLUMNS", "ACTOR_DOCUMENT_TONE_COLUMNS"):
        with pytest.warns(DeprecationWarning, match=rf"^analysis\.tone\.{name} is deprecated .*; "
                                                    rf"use analysis\.actor_tone\.{name} instead$"):
            assert getattr(old_module, name) is getattr(moved, name)
    with pytest.warns(DeprecationWarning):
        from analysis.tone import actor_tone as old
    assert old is actor_tone is wb.actor_tone
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        old_module.nothing  # noqa: B018
