"""Entity errors a new user's red team met (session 12): names, titles and short forms. Each rule on a
small inline text of its own with exact, hand-checked expectations; each test fails on the code before
its rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import NONE, docs, found, rows


def test_an_honorific_without_its_full_stop_is_an_honorific():
    # British style writes "Mr", "Ms", "Mrs", "Dr" without a full stop: they were stop words, dropped, so
    # "Mr Quayle" stated no gender and went to the most recent Quayle, the woman. Not an acronym in
    # capitals ("DR Congo", "MS" the illness), nor "Dr" after a name (a street: "Elm Dr")
    e = found("Nurse Owen Quayle treated the boy. Councillor Ruth Quayle praised the ward. "
              "\"We were lucky,\" Mr Quayle said. Ms Quayle agreed.",
              "Dr Nadia Osei lives at 4 Elm Dr in Leeds.",
              "Aid reached DR Congo. People with MS Quayle said were ignored.")
    assert rows(e, "doc_id", "text", "entity", "title", "gender") == [
        ("d0", "Owen Quayle", "Owen Quayle", "nurse", "male"),
        ("d0", "Ruth Quayle", "Ruth Quayle", "councillor", "female"),
        ("d0", "Quayle", "Owen Quayle", "mr", "male"),
        ("d0", "Quayle", "Ruth Quayle", "ms", "female"),
        ("d1", "Nadia Osei", "Nadia Osei", "dr", "female"),
        ("d1", "Elm", "Elm", None, None), ("d1", "Leeds", "Leeds", None, None),
        ("d2", "DR Congo", "DR Congo", None, None), ("d2", "MS Quayle", "MS Quayle", None, None)]
    q = wb.quotes(docs("Nurse Owen Quayle treated the boy. Councillor Ruth Quayle praised the ward. "
                       "\"We were lucky,\" Mr Quayle said."), NONE)
    assert q[["speaker", "quote"]].values.tolist() == [["Owen Quayle", "We were lucky"]]
