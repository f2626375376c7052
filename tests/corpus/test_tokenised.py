"""Pre-tokenised text columns (analysis.corpus.tokenised): prefer an untokenised column, else say so."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.report import LoadLog
from analysis.corpus.tokenised import note_pretokenised_files, prefer_untokenised

TOKENISED = "Karachi , Pakistan . He said : yes ."


def test_prefer_untokenised_takes_the_original_column_and_notes_it():
    table = pd.DataFrame({"text": [TOKENISED], "text_original": ["Karachi, Pakistan. He said: yes."]})
    log = LoadLog()
    assert prefer_untokenised(table, ["text", "text_original"], "text", "f.csv", log) == "text_original"
    assert [e["action"] for e in log.entries] == ["used untokenised column"]
    plain = pd.DataFrame({"text": ["Karachi, Pakistan."]})
    assert prefer_untokenised(plain, ["text"], "text", "f.csv", LoadLog()) == "text"


def test_prefer_untokenised_keeps_the_column_and_warns_without_an_alternative():
    log = LoadLog()
    assert prefer_untokenised(pd.DataFrame({"text": [TOKENISED]}), ["text"], "text", "f.csv", log) == "text"
    assert [e["action"] for e in log.entries] == ["loaded as it is"]
    assert len(log.messages) == 1 and log.messages[0].startswith("f.csv: text column 'text' looks pre-tokenised")


def test_note_pretokenised_files_lists_each_file():
    log = LoadLog()
    note_pretokenised_files([{"text": TOKENISED, "__file__": "a.txt"},
                             {"text": "Fine, normal text.", "__file__": "b.txt"}], log)
    assert [(e["source"], e["action"]) for e in log.entries] == [("a.txt", "loaded as it is")]
    assert log.messages[0].startswith("1 file(s) hold text that looks pre-tokenised")
    quiet = LoadLog()
    note_pretokenised_files([{"text": "Fine."}], quiet)
    assert quiet.entries == [] and quiet.messages == []
