"""The one column check (analysis.errors.require_columns) and its one message form."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError, json_problem, require_columns

TABLE = pd.DataFrame({"doc_id": ["d1"], "sentence_id": [0]})


def test_a_complete_table_passes():
    assert require_columns(TABLE, ["doc_id", "sentence_id"], fn="f", fix="x") is None
    assert require_columns(TABLE, {"key": "doc_id", "ids": ["doc_id", "sentence_id"]}, fn="f", fix="x") is None


def test_the_message_names_the_function_the_table_every_missing_column_and_the_fix():
    with pytest.raises(InputError) as raised:
        require_columns(TABLE, ["doc_id", "actor_id", "via"], fn="mentions_by", name="mentions",
                        fix="pass the table analysis.mentions returns")
    assert str(raised.value) == ("mentions_by: the mentions table lacks column(s) actor_id, via; "
                                 "pass the table analysis.mentions returns")


def test_an_unnamed_table_is_the_table():
    with pytest.raises(InputError, match=r"^f: the table lacks column\(s\) x; fix it$"):
        require_columns(TABLE, ("x",), fn="f", fix="fix it")


def test_role_columns_name_their_option_and_the_table_columns():
    with pytest.raises(InputError) as raised:
        require_columns(TABLE, {"group": "outlet", "value": "n", "key": "doc_id"}, fn="mentions_by_group",
                        fix="pass the table wb.mentions_by returns")
    assert str(raised.value) == (
        "mentions_by_group: the table lacks column(s) outlet (the group= column), n (the value= column); "
        "its columns are: doc_id, sentence_id. Pass group='<column>' to name the right one, or pass the "
        "table wb.mentions_by returns")


def test_a_column_asked_for_twice_is_named_once():
    with pytest.raises(InputError, match=r"lacks column\(s\) x; f$"):
        require_columns(TABLE, ["x", "x"], fn="g", fix="f")


@pytest.mark.parametrize(("call", "start"), [
    (lambda: wb.voice(pd.DataFrame({"actor_id": []}), pd.DataFrame()), "voice: the mentions table lacks column(s) actor, via; "),
    (lambda: wb.mentions_by(pd.DataFrame({"doc_id": []}), pd.DataFrame()), "mentions_by: the mentions table lacks column(s) "),
    (lambda: wb.entities_by(pd.DataFrame({"doc_id": []})), "entities_by: the entities table lacks column(s) sentence_id, "),
    (lambda: wb.tone(pd.DataFrame({"doc_id": []})), "tone: the documents table lacks column(s) text; load it with "),
    (lambda: wb.frames(pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [""]}),
                             sentences=pd.DataFrame({"doc_id": []})), "frames: the sentences table lacks "),
])
def test_public_functions_use_the_one_form(call, start):
    with pytest.raises(InputError) as raised:
        call()
    assert str(raised.value).startswith(start)


def test_warning_line_is_the_message_alone():
    import warnings

    from analysis.errors import warning_line

    assert warning_line(UserWarning("3 dates not understood"), UserWarning, "/x/analysis/tables.py", 683,
                        "return analyze(...)") == "warning: 3 dates not understood\n"
    with warnings.catch_warnings():
        shown, warnings.formatwarning = warnings.formatwarning, warning_line
        try:
            assert warnings.formatwarning(UserWarning("w"), UserWarning, "f.py", 1) == "warning: w\n"
        finally:
            warnings.formatwarning = shown


# A path (or anything else) where a table belongs: the red-team case wb.analyze("/some/folder") and
# wb.entities(path) failed with AttributeError. Every public measure that takes documents first checks it
# through the one function require_table.
DOCUMENT_MEASURES = ("actor_tone", "analyze", "corpus_summary", "discover_actors", "document_card", "entities",
                     "filter_documents", "frames", "loader_report", "mentions", "quotes", "record_provenance",
                     "select_document", "sentences", "tone", "with_period")


@pytest.mark.parametrize("fn", DOCUMENT_MEASURES)
def test_analyze_given_a_folder_path_says_pass_load_corpus(fn, tmp_path):
    with pytest.raises(InputError) as raised:
        getattr(wb, fn)(str(tmp_path))
    assert str(raised.value) == (f"{fn}: documents must be the documents table (a pandas DataFrame), not the path "
                                 f"{str(tmp_path)!r}; pass wb.load_corpus({str(tmp_path)!r})")


def test_every_public_function_taking_documents_first_is_checked():
    import inspect

    taking = set()
    for name in dir(wb):
        obj = getattr(wb, name)
        if callable(obj) and not inspect.isclass(obj):
            try:
                first = next(iter(inspect.signature(obj).parameters), None)
            except (TypeError, ValueError):
                continue
            if first == "documents":
                taking.add(name)
    assert taking == set(DOCUMENT_MEASURES)


def test_require_table_names_the_type_and_the_fix():
    from pathlib import Path

    from analysis.errors import require_table

    assert require_table(TABLE, fn="f") is None
    with pytest.raises(InputError, match=r"^f: documents must be the documents table \(a pandas DataFrame\), not the "
                                         r"path 'a/b'; pass wb.load_corpus\('a/b'\)$"):
        require_table(Path("a/b"), fn="f")
    with pytest.raises(InputError, match=r"^f: documents must be the documents table \(a pandas DataFrame\), not a "
                                         r"list; load it with wb.load_corpus\(path\)$"):
        require_table([], fn="f")
    with pytest.raises(InputError, match=r"^g: mentions must be the mentions table \(a pandas DataFrame\), not a "
                                         r"str; pass the table analysis.mentions returns$"):
        require_columns("x", ["doc_id"], fn="g", name="mentions", fix="pass the table analysis.mentions returns")


# Every other "is it a DataFrame?" check goes through require_table too (the chart builders, show_table, the
# agreement measures): one message form, with each caller's own fix.
@pytest.mark.parametrize("call, message", [
    (lambda: wb.show_table([1]), "show_table: the table must be a pandas DataFrame, not a list; pass a table the "
                                 "workbench returns, or one of your own"),
    (lambda: wb.validation.krippendorff_alpha(3), "krippendorff_alpha: codes must be the codes table (a pandas "
                                                  "DataFrame), not an int; pass the table "
                                                  "analysis.validation.read_codes returns, with columns unit, "
                                                  "coder, value"),
    (lambda: wb.charts.kwic_table(pd.DataFrame({"doc_id": ["d"], "sentence_id": [0], "text": ["A b."]}),
                                  mentions={"doc_id": "d"}),
     "kwic_table: mentions must be the mentions table (a pandas DataFrame), not a dict; pass rows of the table "
     "wb.mentions(documents) returns"),
    (lambda: wb.charts.actor_tone_bars(None), "actor_tone_bars: the table must be a pandas DataFrame, not a "
                                              "NoneType; pass the table wb.actor_tone_by(wb.actor_tone(documents)) "
                                              "returns"),
])
def test_every_table_check_has_the_one_message_form(call, message):
    with pytest.raises(InputError) as raised:
        call()
    assert str(raised.value) == message


def test_json_problem_gives_the_column_after_one_at():
    import json

    def problem(text: str) -> str:
        with pytest.raises(json.JSONDecodeError) as raised:
            json.loads(text)
        return json_problem(raised.value)

    assert problem('{"a": "b') == "Unterminated string starting at column 7"
    assert problem('{"a" "b"}') == "Expecting ':' delimiter at column 6"
