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
