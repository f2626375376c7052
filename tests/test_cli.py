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


def test_report_columns_parameter_takes_the_analyze_form_and_names_itself_in_errors(tmp_path, capsys):
    from analysis.cli import main

    corpus = tmp_path / "a.csv"
    corpus.write_text("headline,summary\nMayor quits,The mayor quit on Monday.\n", encoding="utf-8")
    assert main(["report", "corpus_report", "--corpus", str(corpus), "--out", str(tmp_path / "r"),
                 "-p", "columns=summary"]) == 2
    assert capsys.readouterr().err == ("error: -p columns='summary': write FIELD=COLUMN, e.g. -p columns='text=body "
                                       "title=headline' (FIELD= with nothing after it turns detection of that field "
                                       "off)\n")
    assert parse_columns("text=summary title=".split(), option="-p columns=") == {"text": "summary", "title": None}



def test_help_shows_no_restructuredtext_markup(capsys):
    from analysis.cli import main, plain_help

    assert plain_help("Run ``python -m analysis`` (:func:`analysis.scale.analyze_corpus`, :class:`~a.B`).") == (
        "Run python -m analysis (analysis.scale.analyze_corpus, a.B).")
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert "``" not in shown and ":func:" not in shown
    assert "into partitioned Parquet (analysis.scale.analyze_corpus)" in shown


def test_warnings_on_the_command_line_are_one_plain_line(tmp_path):
    import subprocess
    import sys

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Mayor resigns\n\nThe mayor resigned on Monday.", encoding="utf-8")
    (articles / "notes.pdf").write_bytes(b"%PDF-1.4")
    run = subprocess.run([sys.executable, "-m", "analysis", "analyze", "--corpus", str(articles), "--out",
                          str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "warning: analyze_corpus: 1 input item(s) skipped or ignored" in run.stderr
    assert ".py:" not in run.stderr and "return " not in run.stderr, "no file name and source line of the workbench"


def test_report_written_repeats_a_load_warning_naming_the_pages_section_once(capsys, tmp_path):
    # red team: "... (documents.attrs['load_report'] in Python; every report shows it under 'Load report')
    # (shown in the report)" said where to look twice, the first time in Python's terms
    from types import SimpleNamespace

    from analysis.cli import _print_written
    from analysis.corpus.report import REPORT_PLACE

    result = SimpleNamespace(html=tmp_path / "r.html", html_bytes=2_500_000, kernel_restarted=False, warnings=(
        f"warning: 2 sidecar date(s) could not be read and were not used, listed in {REPORT_PLACE}",
        "warning: 3 documents have no text"))
    _print_written(result)
    out, err = capsys.readouterr()
    assert out == f"report written: {tmp_path / 'r.html'} (2.50 MB)\n"
    assert err.splitlines() == [
        "warning: 2 sidecar date(s) could not be read and were not used, listed in the report's Load report section",
        "warning: 3 documents have no text (shown in the report)"]
