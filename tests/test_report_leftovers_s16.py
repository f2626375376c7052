"""Session 16 report leftovers: the corpus loaded once per report (checked, then handed to the kernel),
one place for the keywords report_documents and report_analysis share, bar names under the outlet
panels set as the frame profile sets them, and prominence scatter names that never overlap."""

from __future__ import annotations

import inspect
import json
import os
import pickle
import warnings
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import analysis as wb
from analysis import charts
from analysis.corpus.handoff import (
    CHECKED_CORPUS_ENV,
    CheckedCorpus,
    handed_over,
    load_checked,
    loading_key,
    read_checked,
    read_checked_folder,
    write_checked,
)
from analysis.errors import InputError


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Two articles, an empty text file (skipped under errors="skip") and a PDF (ignored)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Council approves depot\n\nDev Mistry said the depot would open in spring.\n")
    (folder / "b.txt").write_text("Residents object\n\nAnna Lowe said residents would go to court.\n")
    (folder / "empty.txt").write_text("")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


def _caught(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn()
    return value, [(w.category, str(w.message)) for w in caught]


# ------------------------------------------------------ 1. the corpus loaded once, handed to the kernel

def test_a_checked_load_is_handed_over_with_its_warnings_and_nothing_else(corpus, tmp_path, monkeypatch):
    direct, direct_warnings = _caught(lambda: wb.load_corpus(corpus, errors="skip"))
    assert len(direct) == 2 and len(direct_warnings) == 1  # the empty file skipped, the PDF ignored: one warning
    assert direct_warnings[0][1].startswith("load_corpus skipped 1 bad item(s) and ignored 1 item(s) that are not "
                                            "documents, listed in the load report")
    checked = load_checked(str(corpus), errors="skip")
    assert isinstance(checked, CheckedCorpus)
    assert checked.key == json.dumps({"source": str(corpus), "format": None, "columns": None, "errors": "skip",
                                      "drop_duplicates": False}, sort_keys=True)
    assert [w["category"] for w in checked.warnings] == ["analysis.corpus.report:CorpusWarning"]
    folder = write_checked(tmp_path / "run" / "corpus", checked)
    assert sorted(p.name for p in folder.iterdir()) == ["checked.json", "documents.pickle"]
    monkeypatch.setenv(CHECKED_CORPUS_ENV, str(folder))
    handed, handed_warnings = _caught(lambda: read_checked(str(corpus), errors="skip"))
    pd.testing.assert_frame_equal(handed, direct)
    assert handed.attrs == direct.attrs and handed_warnings == direct_warnings
    # another load of the same folder, a relative path, a table of one's own: loaded as before
    assert read_checked(str(corpus), errors="raise") is None
    assert read_checked(str(corpus), errors="skip", drop_duplicates=True) is None
    assert read_checked("corpus", errors="skip") is None
    assert read_checked(direct) is None
    assert read_checked_folder(folder).key == checked.key
    assert read_checked_folder(folder, key="another load") is None
    assert read_checked_folder(tmp_path / "nothing here") is None


def test_what_cannot_be_handed_over_is_not_loaded_by_the_check(tmp_path, small_corpus):
    assert loading_key("seeds") is None, "relative: the kernel reads it from its own folder"
    assert loading_key([str(tmp_path), "rel"]) is None
    assert loading_key(str(tmp_path), columns={"text": object()}) is None, "options that are not plain data"
    saved = tmp_path / "saved"
    wb.analyze(wb.load_corpus(small_corpus), progress=False).save(saved)
    assert loading_key(str(saved)) is None and load_checked(str(saved)) is None, "a saved analysis is read as saved"
    with pytest.raises(InputError, match="no document files in the folder"):
        (tmp_path / "empty").mkdir()
        load_checked(str(tmp_path / "empty"))


def test_a_check_reads_the_documents_handed_over_in_this_thread(corpus):
    checked = load_checked(str(corpus), errors="skip")
    doctored = CheckedCorpus(documents=checked.documents.head(1), warnings=[], key=checked.key)
    with handed_over(doctored):
        assert wb.tables.report_documents(str(corpus), errors="skip")["doc_id"].tolist() == \
            checked.documents["doc_id"].head(1).tolist(), "read, not loaded again"
    with pytest.warns(UserWarning):
        assert len(wb.tables.report_documents(str(corpus), errors="skip")) == 2, "outside the block: loaded"


def test_a_hand_over_is_written_where_the_run_says_and_read_only_for_its_key(corpus, tmp_path):
    checked = load_checked(str(corpus), errors="skip")
    folder = write_checked(tmp_path / "h", checked)
    record = json.loads((folder / "checked.json").read_text())
    assert record["key"] == checked.key and len(record["warnings"]) == 1
    assert len(pickle.loads((folder / "documents.pickle").read_bytes())) == 2


# ------------------------------------------- 2. one place for the keywords both report functions take

def test_report_documents_and_report_analysis_take_the_shared_keywords_from_one_place():
    from analysis.reports import CORPUS_PARAMETERS
    from analysis.tables import LOADING_KEYWORDS, REPORT_KEYWORDS, report_analysis, report_documents

    assert REPORT_KEYWORDS == ("format", "columns", "start", "end", "outlets", "where", "doc_id", "one_document",
                               "errors", "drop_duplicates", "tz")
    assert LOADING_KEYWORDS == ("format", "columns", "errors", "drop_duplicates")
    documents = inspect.signature(report_documents).parameters
    analysis = inspect.signature(report_analysis).parameters
    assert list(documents) == ["source", *REPORT_KEYWORDS]
    assert list(analysis) == ["source", "actors", "codebook", *REPORT_KEYWORDS]
    assert {k: documents[k].default for k in REPORT_KEYWORDS} == {k: analysis[k].default for k in REPORT_KEYWORDS} \
        == {"format": None, "columns": None, "start": None, "end": None, "outlets": None, "where": None,
            "doc_id": None, "one_document": False, "errors": "raise", "drop_duplicates": False, "tz": None}
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in list(documents.values())[1:])
    assert CORPUS_PARAMETERS == ("format", "columns", "start", "end", "outlets", "where", "doc_id", "errors",
                                 "drop_duplicates", "tz")
    for fn in (report_documents, report_analysis):
        assert "``drop_duplicates``: leave out the articles flagged as copies" in fn.__doc__
    with pytest.raises(TypeError, match=r"^report_documents\(\) got an unexpected keyword argument 'strat'$"):
        report_documents("seeds", strat="2024-01-01")
    with pytest.raises(TypeError, match=r"^report_analysis\(\) too many positional arguments$"):
        report_analysis("seeds", None)


# ------------------------------------------------- the 4,000-file corpus: one row per actor and frame

def test_actor_frames_names_an_actor_written_several_ways_once():
    mentions = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [0, 1, 0], "actor_id": ["ipcc"] * 3,
                             "actor": ["IPCC", "Intergovernmental Panel on Climate Change", "the IPCC"]})
    frames = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
                           "frame_id": ["conflict", "conflict", "economic"], "hits": [1, 2, 1]})
    table = wb.actor_frames(mentions, frames)
    assert table[["actor_id", "actor", "frame_id", "sentences", "hits"]].values.tolist() == [
        ["ipcc", "IPCC", "conflict", 2, 3], ["ipcc", "IPCC", "economic", 1, 1]]
    assert table["share"].tolist() == [2 / 3, 1 / 3]
    charts.actor_frame_heatmap(table)  # one row per actor and frame: drawn (34 rows of one actor failed)


# ------------------------------------------------ 3. bar names under the panels, as the frame profile

def test_tick_labels_level_in_lines_or_upright_by_the_room_of_a_slot():
    from analysis.charts._base import tick_labels

    assert tick_labels(["AP", "The Northern Ledger & Evening Standard Online"], width_px=400) == (
        ["AP", "The Northern Ledger &amp;<br>Evening Standard Online"], 0)
    assert tick_labels(["AP", "BBC"], width_px=640) == (["AP", "BBC"], None)
    assert tick_labels(["English Football League"], width_px=282, slots=2) == (["English Football<br>League"], 0)
    # cut already ("…"): set level only when its lines hold it whole, else upright
    assert tick_labels(["two officials familiar with the…"], width_px=176, slots=2) == (
        ["two officials familiar with the…"], 90)


def test_outlet_panels_set_their_bar_names_level_in_lines_never_slanted():
    from analysis.charts._compare import panel_width, x_labels

    assert panel_width(2) == pytest.approx(423.0) and panel_width(2, width_px=600) == pytest.approx(282.0)
    assert x_labels(["English Football League", "Gary Pell"], panels=2, per_panel=2) == (
        ["English Football<br>League", "Gary Pell"], 0)
    # the red team's "Share of quotations, by outlet": plotly slanted these names on a narrow page and
    # cut them at the bottom ("English Football Le", "a spokesperson fo")
    table = pd.DataFrame({"outlet": ["Harlow Gazette"] * 2 + ["Northern Sports Wire"] * 2,
                          "actor_id": ["efl", "pell", "efl", "spk"],
                          "actor": ["English Football League", "Gary Pell", "English Football League",
                                    "a spokesperson for"], "quote_share": [0.2, 0.5, 0.4, 0.6]})
    fig = charts.outlet_comparison(table, y="quote_share")
    assert (fig.layout.xaxis.tickangle, fig.layout.xaxis2.tickangle) == (0, 0)
    assert list(fig.layout.xaxis.ticktext) == ["English Football<br>League", "Gary Pell"]
    assert list(fig.layout.xaxis.tickvals) == ["English Football League", "Gary Pell"]
    assert list(fig.layout.xaxis2.ticktext) == ["English Football<br>League", "a spokesperson for"]
    assert (fig.layout.margin.b, fig.layout.height) == (76, 406), "room for two lines of names"
    short = charts.outlet_comparison(table.assign(actor=["EFL", "Pell", "EFL", "Reyes"]), y="quote_share")
    assert short.layout.xaxis.ticktext is None and short.layout.xaxis.tickangle == 0 and short.layout.margin.b == 60


# ---------------------------------------------- 4. prominence scatter: names placed, none overlapping

def test_scatter_label_boxes_and_a_crowded_corner_names_the_first_points_only():
    from analysis.charts._actors import label_positions, scatter_label_box

    assert scatter_label_box(100, 100, "top right", chars=4) == (102, 106.0, 130.0, 122.0)
    assert scatter_label_box(100, 100, "bottom left", chars=4) == (70, 78.0, 98, 94.0)
    assert scatter_label_box(100, 100, "middle right", chars=2) == (109.0, 92.0, 123.0, 108.0)
    xs, ys = np.array([0.0, 0.03, 0.06, 0.09, 0.12]), np.ones(5)
    assert label_positions(xs, ys, np.ones(5, dtype=bool), lengths=[14] * 5, x_range=[-0.05, 1.05],
                           y_range=[0, 1.15]) == ["top right", "bottom right", None, None, None]
    # most mentions first: the point with more mentions keeps its name, whatever the table order
    assert label_positions(xs[:3], np.array([1.0, 1.0, 2.0]), np.ones(3, dtype=bool), lengths=[14] * 3,
                           x_range=[-0.05, 1.05], y_range=[0, 2.3]) == ["top right", "bottom right", "top right"]
    assert label_positions(np.array([0.5]), np.array([1.0]), np.ones(1, dtype=bool), lengths=[200],
                           x_range=[0, 1], y_range=[0, 2]) == [None], "a name wider than the plot"


def test_prominence_scatter_leaves_out_the_names_with_no_room_and_keeps_them_in_the_hover():
    names = ["Harlow City Council", "Dev Mistry", "Ruth Kell", "Anna Lowe", "Harlow Athletic Supporters' Trust",
             "Tom Avery", "High Court", "Brightwater Capital"]
    table = pd.DataFrame({"doc_id": ["a"] * 8, "actor": names, "actor_id": [n.lower() for n in names],
                          "first_position": [0.0, 0.05, 0.08, 0.1, 0.12, 0.6, 0.62, 0.95],
                          "mentions": [4, 4, 3, 4, 3, 1, 1, 2], "first_sentence": [0, 1, 1, 2, 2, 7, 7, 11]})
    fig = charts.prominence_scatter(table, labels=6)
    assert [t.text[0] for t in fig.data] == ["Harlow City Council", "Dev Mistry", "Ruth Kell", "",
                                             "Harlow Athletic Supporters&#x27; Trust", "", "", "Brightwater Capital"]
    assert [t.textposition[0] for t in fig.data] == ["top right", "bottom right", "top right", "top right",
                                                     "bottom right", "top left", "top left", "top left"]
    assert fig.data[3].hovertext[0].startswith("<b>Anna Lowe</b>") and fig.data[3].name == "Anna Lowe"


# ---------------------------------------------------- rendered: one load per report, nothing left behind

def _loading_notebook(path: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameters = nbformat.v4.new_code_cell('corpus = None\nerrors = "raise"\ntitle = "x"')
    parameters.metadata["tags"] = ["parameters"]
    counting = ("import os\nimport analysis as wb\nimport analysis.corpus as corpus_package\nwb.setup_notebook()\n"
                "loads = []\nload = corpus_package.load_corpus\n"
                "corpus_package.load_corpus = lambda *a, **k: loads.append(a) or load(*a, **k)\n"
                "result = wb.tables.report_analysis(corpus, errors=errors)\n"
                f"folder = os.environ.get({CHECKED_CORPUS_ENV!r})\n"
                "print(f'loads={len(loads)} documents={len(result.documents)} '\n"
                "      f'handed={folder is not None and os.path.isdir(folder)}')")
    notebook.cells = [parameters, nbformat.v4.new_code_cell(counting)]
    nbformat.write(notebook, path)
    return path


def _printed(executed: Path) -> str:
    return "".join(o.get("text", "") for c in nbformat.read(executed, as_version=4).cells
                   for o in c.get("outputs", []) if o.get("name") == "stdout")


@pytest.mark.slow
def test_a_report_loads_its_corpus_once_shows_the_load_warnings_and_leaves_no_hand_over(corpus, tmp_path):
    from analysis.reports import render_batch, render_report

    notebook = _loading_notebook(tmp_path / "loading.ipynb")
    _, direct_warnings = _caught(lambda: wb.load_corpus(corpus, errors="skip"))
    report = render_report(notebook, out_dir=tmp_path / "out", parameters={"corpus": str(corpus), "errors": "skip"})
    assert _printed(report.executed) == "loads=0 documents=2 handed=True\n"
    assert report.warnings == tuple(f"warning: {message}" for _, message in direct_warnings)
    assert sorted(p.name for p in (tmp_path / "out" / "loading").iterdir()) == [
        "loading.html", "loading.ipynb", "manifest.json"], "the run's folder and its hand-over are gone"
    relative = render_report(notebook, out_dir=tmp_path / "rel", parameters={"corpus": "corpus", "errors": "skip"})
    assert _printed(relative.executed) == "loads=1 documents=2 handed=False\n", "relative: the kernel loads it"
    batch = render_batch(notebook, out_dir=tmp_path / "batch", parameters={"corpus": str(corpus), "errors": "skip"},
                         each={"title": ["a", "b"]}, workers=2, progress=False)
    assert not batch.failures and [_printed(r.executed) for r in batch.reports] == [
        "loads=0 documents=2 handed=True\n"] * 2
    assert sorted(p.name for p in (tmp_path / "batch").iterdir()) == [
        ".batch.log", "index.html", "loading-a", "loading-b"], "the batch's hand-over is gone"
    with pytest.raises(InputError, match="no document files in the folder"):
        (tmp_path / "none").mkdir()
        render_report(notebook, out_dir=tmp_path / "bad", parameters={"corpus": str(tmp_path / "none")})
    assert not (tmp_path / "bad").exists()
