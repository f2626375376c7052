"""The load log (analysis.corpus.report.LoadLog): the one place where errors='raise'/'skip' is applied."""

from __future__ import annotations

import warnings

import pytest

from analysis.corpus.report import CorpusWarning, LoadLog
from analysis.errors import InputError


def test_load_log_raises_naming_the_place_the_problem_and_the_fix():
    with pytest.raises(InputError, match=r"^a\.csv, row 3: bad date; fix it$"):
        LoadLog().fail("a.csv", "bad date", "fix it", row=3)


def test_load_log_skips_and_warns_once_when_told_to():
    log = LoadLog(errors="skip")
    log.fail("a.csv", "bad date", "fix it", row=3)
    log.note("b.txt", "not a document", "ignored")
    log.warn_later("later")
    assert log.entries == [
        {"source": "a.csv", "row": 3, "line": None, "problem": "bad date", "action": "skipped"},
        {"source": "b.txt", "row": None, "line": None, "problem": "not a document", "action": "ignored"},
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        log.emit()
    assert [w.category for w in caught] == [CorpusWarning, CorpusWarning]
    assert str(caught[0].message).startswith("load_corpus skipped 1 bad item(s) and ignored 1 item(s) that are "
                                             "not documents, listed in the load report "
                                             "(documents.attrs['load_report'] in Python; every report "
                                             "shows it under 'Load report'): "
                                             "a.csv, row 3: bad date; b.txt: not a document")
    assert str(caught[1].message) == "later"


def test_load_log_refuses_an_unknown_policy():
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip', not 'ignore'"):
        LoadLog(errors="ignore")


def test_unused_sidecar_dates_counts_the_unreadable_sidecar_dates_and_names_the_place():
    from analysis.corpus.report import UNREADABLE_SIDECAR_DATE, unused_sidecar_dates

    entries = [
        {"action": "not used", "problem": f"metadata.csv gives published 'soon', {UNREADABLE_SIDECAR_DATE}; ..."},
        {"action": "not used", "problem": "b.meta.yml gives doc_id '7' but the file holds 2 documents: not used"},
        {"action": "not used", "problem": f"a.meta.yml gives published '2026-02-30', {UNREADABLE_SIDECAR_DATE}; ..."},
        {"action": "replaced", "problem": "metadata.csv gives author 'A', the file gives 'B'"},
    ]
    assert unused_sidecar_dates(entries, place="the manifest") == (
        "2 sidecar date(s) in metadata.csv or .meta.yml could not be read and were not used (the files' own dates "
        "are kept), listed in the manifest")
    assert unused_sidecar_dates(entries[1:2] + entries[3:]) is None


def test_load_log_warns_once_about_sidecar_dates_it_did_not_use():
    # red team: a metadata.csv date that could not be read was only in the load report; nothing said so
    log = LoadLog()
    log.note("a.txt", "metadata.csv gives published 'soon', which is not a date it can read; the file gives "
                      "'2026-03-02': that date is kept (correct or remove the metadata.csv value)", "not used")
    with pytest.warns(CorpusWarning) as caught:
        log.emit()
    assert [str(w.message) for w in caught] == [
        "load_corpus: 1 sidecar date(s) in metadata.csv or .meta.yml could not be read and were not used (the "
        "files' own dates are kept), listed in the load report (documents.attrs['load_report'] in Python; every "
        "report shows it under 'Load report')"]
