"""Command-line helpers (analysis.cli); the commands themselves are tested with what they run
(tests/test_reports.py for report, tests/scale/test_scale.py for analyze)."""

from __future__ import annotations

import pytest

from analysis.cli import parse_columns
from analysis.errors import InputError


def test_parse_columns_reads_field_equals_column_and_an_empty_column_turns_detection_off():
    assert parse_columns(["text=body", " published = date ", "doc_id="]) == {
        "text": "body", "published": "date", "doc_id": None}
    assert parse_columns([]) is None
    for bad in ("text", "=body"):
        with pytest.raises(InputError, match=rf"--columns {bad!r}: write FIELD=COLUMN, e\.g\. --columns text=body"):
            parse_columns([bad])



def test_help_shows_no_restructuredtext_markup(capsys):
    from analysis.cli import main, plain_help

    assert plain_help("Run ``python -m analysis`` (:func:`analysis.scale.analyze_corpus`, :class:`~a.B`).") == (
        "Run python -m analysis (analysis.scale.analyze_corpus, a.B).")
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert "``" not in shown and ":func:" not in shown
    assert "into partitioned Parquet (analysis.scale.analyze_corpus)" in shown


def test_warnings_on_the_command_line_are_one_plain_line(tmp_path, capsys):
    from analysis.cli import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Mayor resigns\n\nThe mayor resigned on Monday.", encoding="utf-8")
    (articles / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert main(["analyze", "--corpus", str(articles), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "warning: analyze_corpus: 1 input item(s) skipped or ignored" in err
    assert ".py:" not in err and "return " not in err, "no file name and source line of the workbench"
