"""load_corpus on folders: order, mixed formats, sidecars, ids, the documents table's schema."""

from __future__ import annotations

import hashlib
import warnings
import json
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis import corpus
from analysis.corpus import CorpusWarning
from analysis.corpus.documents import bylines_as_authors
from analysis.schema import DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")

ARTICLE = (
    "Gaza Talks Stall Again\n\nNegotiators left Cairo.\n\nauthor-image\nJane Doe\nNew Update\n\n"
    "Talks resume next week.\n@Gaza Egypt"
)


def sha16(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "b_article.txt", ARTICLE)
    write(root / "a_note.md", "# A Note\n\nPlain body.")
    write(root / "sub" / "z.txt", "Zed\n\nZed body.")
    write(root / "sub" / "rows.csv", "title,text,outlet\nR1,Row one.,Wire\nR2,Row two.,Wire\n")
    write(root / "sub" / "deeper" / "j.jsonl", json.dumps({"id": "j-1", "title": "J", "text": "Jay."}) + "\n")
    write(root / ".hidden.txt", "Hidden\n\nNot a document.")
    write(root / ".git" / "x.txt", "Hidden dir\n\nNot a document.")
    write(root / "b_article.meta.yml",
          "outlet: Trim\npublished: 2024-05-09T10:00:00+02:00\ntags: [Override]\nsection: world\n")
    write(root / "metadata.csv",
          "file,outlet,author,url\nb_article.txt,Loses To Yml,Meta Author,https://t.org/b\nsub/z.txt,Zed Times,,\n")
    write(root / "sub" / "metadata.csv", "file,outlet\nz.txt,Deeper Zed Times\n")
    return root


def test_folder_is_recursive_sorted_and_mixed(corpus):
    docs = wb.load_corpus(corpus)
    assert docs["title"].tolist() == ["A Note", "Gaza Talks Stall Again", "J", "R1", "R2", "Zed"]
    assert docs["source"].tolist() == [
        (corpus / "a_note.md").as_posix(),
        (corpus / "b_article.txt").as_posix(),
        (corpus / "sub/deeper/j.jsonl").as_posix() + ", row 1",
        (corpus / "sub/rows.csv").as_posix() + ", row 1",
        (corpus / "sub/rows.csv").as_posix() + ", row 2",
        (corpus / "sub/z.txt").as_posix(),
    ]
    article = (corpus / "b_article.txt").as_posix()
    assert [(e["source"], e["problem"], e["action"]) for e in docs.attrs["load_report"]] == [  # sidecars win, noted
        (article, "metadata.csv gives author 'Meta Author', the file gives 'Jane Doe': the metadata.csv value is "
                  "used (sidecar metadata wins)", "replaced"),
        (article, "b_article.meta.yml gives outlet 'Trim', metadata.csv gives 'Loses To Yml': the b_article.meta.yml "
                  "value is used (sidecar metadata wins)", "replaced"),
        (article, "b_article.meta.yml gives tags ['Override'], the file gives ['Gaza', 'Egypt']: the "
                  "b_article.meta.yml value is used (sidecar metadata wins)", "replaced"),
    ]


def test_sidecars_win_in_order_yml_then_metadata_csv_then_parser(corpus):
    docs = wb.load_corpus(corpus).set_index("title")
    article = docs.loc["Gaza Talks Stall Again"]
    assert article["outlet"] == "Trim"  # .meta.yml beats metadata.csv
    assert article["author"] == "Meta Author"  # metadata.csv beats the parsed byline "Jane Doe"
    assert article["url"] == "https://t.org/b"
    assert article["tags"] == ["Override"]  # .meta.yml beats the tag line
    assert article["published"] == pd.Timestamp("2024-05-09 08:00", tz="UTC")
    assert article["section"] == "world"
    assert article["standfirst"] == "Negotiators left Cairo."
    assert docs.loc["Zed", "outlet"] == "Deeper Zed Times"  # the deeper metadata.csv wins
    assert pd.isna(docs.loc["Zed", "author"])  # empty cells are ignored
    assert pd.isna(docs.loc["Zed", "section"])


def test_doc_ids_given_or_hashed_from_relative_name_title_text(corpus):
    docs = wb.load_corpus(corpus).set_index("title")
    assert docs.loc["J", "doc_id"] == "j-1"
    assert docs.loc["Zed", "doc_id"] == sha16("sub/z.txt\nZed\nZed body.")
    assert docs.loc["R2", "doc_id"] == sha16("sub/rows.csv, row 2\nR2\nRow two.")
    assert docs.loc["Gaza Talks Stall Again", "doc_id"] == sha16(
        "b_article.txt\nGaza Talks Stall Again\nNegotiators left Cairo.\n\nTalks resume next week."
    )
    single = wb.load_corpus(corpus / "sub" / "z.txt")  # a single file: named by its file name
    assert single.loc[0, "doc_id"] == sha16("z.txt\nZed\nZed body.")
    assert single.loc[0, "outlet"] == "Deeper Zed Times"  # its folder's metadata.csv applies


def test_sidecar_id_is_the_doc_id(tmp_path):
    write(tmp_path / "a.txt", "T\n\nBody.")
    write(tmp_path / "a.meta.yml", "id: 42\n")
    assert wb.load_corpus(tmp_path).loc[0, "doc_id"] == "42"


def test_loading_is_deterministic(corpus):
    pd.testing.assert_frame_equal(wb.load_corpus(corpus), wb.load_corpus(corpus))


def test_schema_columns_dtypes_and_tags(corpus):
    docs = wb.load_corpus(corpus)
    assert list(docs.columns) == [*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS, "section"]
    assert str(docs["published"].dtype) == "datetime64[ns, UTC]"
    assert docs["tags"].dtype == object and all(isinstance(t, list) for t in docs["tags"])
    strings = ("doc_id", "title", "text", "outlet", "author", "url", "source", "standfirst", "subtitle", "duplicate_of")
    for column in strings:
        assert docs[column].dtype == pd.StringDtype(), column
    assert docs["doc_id"].is_unique
    assert docs["title"].notna().all() and docs["text"].notna().all()


def test_empty_result_has_the_schema(tmp_path):
    write(tmp_path / "a.txt", "")
    with pytest.warns(CorpusWarning):
        docs = wb.load_corpus(tmp_path, errors="skip")
    assert len(docs) == 0
    assert list(docs.columns) == [*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS]
    assert str(docs["published"].dtype) == "datetime64[ns, UTC]"
    assert docs["title"].dtype == pd.StringDtype()


def test_list_of_sources_and_format_for_every_file(tmp_path):
    a = write(tmp_path / "a.dat", "Alpha\n\nOne.")
    b = write(tmp_path / "b.dat", "Beta\n\nTwo.")
    docs = wb.load_corpus([b, a], format="text")
    assert docs["title"].tolist() == ["Beta", "Alpha"]


def test_metadata_csv_naming_a_missing_file_is_reported(tmp_path):
    write(tmp_path / "a.txt", "T\n\nBody.")
    table = write(tmp_path / "metadata.csv", "file,outlet\na.txt,X\nmissing.txt,Y\n")
    with pytest.warns(CorpusWarning, match=r"ignored 1 item\(s\) that are not documents"):
        docs = wb.load_corpus(tmp_path)
    assert docs.loc[0, "outlet"] == "X"
    assert docs.attrs["load_report"] == [
        {"source": str(table), "row": None, "line": None,
         "problem": "names 'missing.txt', which is not a document file in the folder", "action": "ignored"}
    ]


def test_sidecar_without_document_is_reported(tmp_path):
    write(tmp_path / "a.txt", "T\n\nBody.")
    stray = write(tmp_path / "b.meta.yml", "outlet: X\n")
    with pytest.warns(CorpusWarning, match=r"ignored 1 item\(s\) that are not documents"):
        docs = wb.load_corpus(tmp_path)
    assert docs.attrs["load_report"] == [
        {"source": str(stray), "row": None, "line": None,
         "problem": "metadata sidecar without a document file of the same name beside it",
         "action": "ignored"}
    ]


def test_public_api_exports():
    import analysis.corpus as corpus

    assert {"load_corpus", "loader_report"} <= set(wb.__all__) and "flag_duplicates" in corpus.__all__
    assert wb.load_corpus is corpus.load_corpus


def test_folder_of_json_files_with_varying_fields_loads_as_each_file_alone(tmp_path):
    """One-article JSON files are read as one table per batch; the result is the same as file by file."""
    import json

    files = {
        "a.json": {"title": "A", "text": "Alpha.", "author": "Ann"},
        "b.json": {"title": "B", "text": "Beta."},  # no author: joins the batch
        "c.json": {"headline": "C", "body": "Gamma.", "outlet": "X"},  # other columns: a batch of its own
        "d.json": {"title": "D", "text": "Delta.", "body": "not the text"},  # 'body' is metadata here
        "e.json": {"title": "E"},  # headline-only
        "f.json": [{"title": "F1", "text": "Phi one."}, {"title": "F2", "text": "Phi two.", "tags": ["t"]}],
    }
    for name, content in files.items():
        (tmp_path / name).write_text(json.dumps(content), encoding="utf-8")
    with pytest.warns(CorpusWarning, match="headline-only"):
        together = wb.load_corpus(tmp_path)
    alone = []
    for name in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            alone.append(wb.load_corpus(tmp_path / name))
    assert together["title"].tolist() == ["A", "B", "C", "D", "E", "F1", "F2"]
    assert together["text"].tolist() == ["Alpha.", "Beta.", "Gamma.", "Delta.", "", "Phi one.", "Phi two."]
    assert together.loc[0, "author"] == "Ann" and pd.isna(together.loc[1, "author"])
    assert together["outlet"].tolist()[2] == "X"
    assert together["body"].tolist()[3] == "not the text"
    assert together["source"].tolist() == [s for frame in alone for s in frame["source"]]
    assert together["tags"].tolist()[6] == ["t"]
    for column in ("doc_id", "title", "text", "source", "author", "outlet", "tags"):
        expected = pd.concat([frame[column] for frame in alone], ignore_index=True)
        assert together[column].fillna("<NA>").tolist() == expected.fillna("<NA>").tolist(), column


# ------------------------------------------------------------- the loader's steps (shared with analysis.scale)


def test_unknown_format_is_ignored_in_a_folder_and_an_error_when_named():
    from analysis.corpus.loader import EXTENSIONS, unknown_format
    from analysis.corpus.report import LoadLog

    log = LoadLog(errors="skip")
    unknown_format("x.doc", ".doc", log, in_folder=True)
    unknown_format("y", "", log, in_folder=False)
    supported = ", ".join(EXTENSIONS)
    assert [(e["problem"], e["action"]) for e in log.entries] == [
        (f"not a document: unknown format '.doc' (supported: {supported})", "ignored"),
        (f"unknown format '(no extension)'; supported extensions: {supported}", "skipped")]


def test_walk_folder_and_load_files_read_a_folder_in_path_order(tmp_path):
    from analysis.corpus.loader import LoaderOptions, load_files, walk_folder
    from analysis.corpus.report import LoadLog

    (tmp_path / "b.txt").write_text("B title\n\nB body.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/a.txt").write_text("A\n\nbody")
    (tmp_path / "a.txt").write_text("A title\n\nA body.")
    (tmp_path / "a.meta.yml").write_text("outlet: X\n")
    (tmp_path / "metadata.csv").write_text("file,outlet\nb.txt,Y\n")
    (tmp_path / ".hidden.txt").write_text("never read")
    files, tables, sidecars = walk_folder(tmp_path)
    assert files == [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "sub/a.txt"]
    assert tables == [tmp_path / "metadata.csv"] and sidecars == {tmp_path / "a.meta.yml"}
    assert LoaderOptions() == LoaderOptions(format=None, columns=None, title_from_first_line=True)
    [part] = load_files(files, tmp_path, LoaderOptions(), {}, sidecars, LoadLog(), in_folder=True)
    assert part["title"].tolist() == ["A title", "B title", "A"]
    assert part["text"].tolist() == ["A body.", "B body.", "body"]
    assert part["outlet"].tolist()[0] == "X", "the sidecar; metadata.csv rows are the caller's to pass"
    assert part["__name__"].tolist() == ["a.txt", "b.txt", "sub/a.txt"]


def test_a_saved_analysis_is_no_corpus_named_or_inside_one(tmp_path):
    articles = tmp_path / "articles"
    write(articles / "a.txt", "Mayor resigns\n\nThe mayor of Eastfield resigned on Monday.")
    result = wb.analyze(wb.load_corpus(articles))
    result.save(articles / "processed")  # an analysis saved inside the corpus folder: its Parquet is results
    out = wb.analyze_corpus(articles / "a.txt", out=tmp_path / "streamed")
    write(tmp_path / "notes" / "meta.json", "{}")
    from analysis.corpus.files import saved_analysis_file

    assert saved_analysis_file(tmp_path / "notes") is None, "a meta.json alone is anyone's, not an analysis"
    with pytest.warns(CorpusWarning, match="processed: a saved analysis"):
        docs = wb.load_corpus(articles)
    assert docs["title"].tolist() == ["Mayor resigns"]
    assert docs.attrs["load_report"] == [{"source": str(articles / "processed"), "row": None, "line": None,
                                          "problem": "a saved analysis (it has meta.json), not articles: not read",
                                          "action": "ignored"}]
    with pytest.raises(wb.InputError, match=rf"^{out}: a saved analysis \(it has manifest\.json\), not a corpus; read "
                                            rf"it with wb\.load_analysis\('{out}'\), query it with wb\.query or report on it "
                                            r"\(python -m analysis report corpus_report --corpus FOLDER\); to analyse "
                                            r"again, give the articles' file or folder$"):
        wb.load_corpus(out)
    with pytest.raises(wb.InputError, match=r"streamed: a saved analysis \(it has manifest\.json\), not a corpus"):
        wb.analyze_corpus(out, out=tmp_path / "again")
    assert not (tmp_path / "again" / "manifest.json").exists()


def test_walk_folder_logged_notes_what_it_leaves_out_and_not_a_corpus_names_a_saved_analysis(tmp_path):
    from analysis.corpus.loader import not_a_corpus, walk_folder_logged
    from analysis.corpus.report import LoadLog

    write(tmp_path / "a.txt", "T\n\nBody.")
    write(tmp_path / "run" / "manifest.json", "{}")
    (tmp_path / "run" / "documents").mkdir()
    log = LoadLog(errors="skip")
    assert walk_folder_logged(tmp_path, log)[0] == [tmp_path / "a.txt"]
    assert [(e["source"], e["action"]) for e in log.entries] == [(str(tmp_path / "run"), "ignored")]
    assert not_a_corpus(tmp_path, log) is False
    assert not_a_corpus(tmp_path / "run", log) is True
    assert log.entries[-1]["problem"] == "a saved analysis (it has manifest.json), not a corpus"


def test_lostlead_header_title_keeps_the_first_paragraph_of_a_scraped_article(tmp_path):
    # red team lostlead/a_with_share.txt: with a Title: header and page furniture (Share), the body's
    # first paragraph was taken as the title, then replaced by the header's title: the lead was lost
    body = ("Nurses will return to work on Friday after a deal, the union said.\n\n"
            "Helen Marsh said it was a victory.\n\nShare\n")
    write(tmp_path / "a_with_share.txt", "Title: Strike ends\nOutlet: Wire\nDate: 2026-03-06\n\n" + body)
    write(tmp_path / "b_no_header.txt", "Strike ends\n\n" + body)
    write(tmp_path / "c_repeats_title.txt", "Title: Strike ends\n\nStrike ends\n\n" + body)
    docs = wb.load_corpus(tmp_path)
    text = "Nurses will return to work on Friday after a deal, the union said.\n\nHelen Marsh said it was a victory."
    assert docs["title"].tolist() == ["Strike ends"] * 3
    assert docs["text"].tolist() == [text] * 3
    assert docs["standfirst"].tolist() == ["Nurses will return to work on Friday after a deal, the union said."] * 3
    assert docs.loc[0, "outlet"] == "Wire"
    assert docs.attrs["load_report"] == []


def test_folder_topic_metadata_csv_applies_to_json_and_csv_files(tmp_path):
    # red team folder_topic: metadata.csv rows naming a .json file were ignored (topic "(none)")
    write(tmp_path / "a.json", json.dumps({"title": "A", "text": "Alpha.", "outlet": "Wire"}))
    write(tmp_path / "b.csv", "title,text,outlet\nB1,One.,Ledger\nB2,Two.,\n")
    write(tmp_path / "b.meta.yml", "outlet: Ledger Two\nid: 7\n")
    write(tmp_path / "c.txt", "C\n\nSee.")
    write(tmp_path / "h.pdf", "x")
    table = write(tmp_path / "metadata.csv",
                  "file,topic,outlet\na.json,tennis,Wire Two\nb.csv,strike,\nc.txt,x,\nh.pdf,z,\n")
    with pytest.warns(CorpusWarning, match=r"ignored 2 item\(s\) that are not documents"):
        docs = wb.load_corpus(tmp_path)
    assert docs["title"].tolist() == ["A", "B1", "B2", "C"]
    assert docs["topic"].tolist() == ["tennis", "strike", "strike", "x"]
    assert docs["outlet"].tolist()[:3] == ["Wire Two", "Ledger Two", "Ledger Two"] and pd.isna(docs.loc[3, "outlet"])
    assert docs["doc_id"].tolist()[1] != "7"
    a, b = (tmp_path / "a.json").as_posix(), (tmp_path / "b.csv").as_posix()
    assert [(e["source"], e["row"], e["problem"], e["action"]) for e in docs.attrs["load_report"]] == [
        (str(table), None, "names 'h.pdf', which is not a document file in the folder", "ignored"),
        ((tmp_path / "h.pdf").as_posix(), None,
         "not a document: unknown format '.pdf' (supported: .txt, .text, .md, .markdown, .html, .htm, .xhtml, "
         ".csv, .tsv, .tab, .jsonl, .ndjson, .json, .parquet, .pq)", "ignored"),
        (a, 1, "metadata.csv gives outlet 'Wire Two', the file gives 'Wire': the metadata.csv value is used "
               "(sidecar metadata wins)", "replaced"),
        (b, 1, "b.meta.yml gives outlet 'Ledger Two', the file gives 'Ledger': the b.meta.yml value is used "
               "(sidecar metadata wins)", "replaced"),
        (b, None, "b.meta.yml gives doc_id '7' but the file holds 2 documents: not used (one id cannot name "
                  "several documents)", "not used"),
    ]


def test_folder_topic_sidecar_of_a_one_row_json_file_sets_its_doc_id(tmp_path):
    write(tmp_path / "a.json", json.dumps({"title": "A", "text": "Alpha."}))
    write(tmp_path / "a.meta.yml", "id: 42\ntopic: tennis\n")
    docs = wb.load_corpus(tmp_path / "a.json")  # named directly: its sidecar applies too
    assert docs[["doc_id", "topic"]].values.tolist() == [["42", "tennis"]]
    assert docs.attrs["load_report"] == []


def test_sidecar_helpers_apply_a_table_files_metadata_as_load_corpus_does(tmp_path):
    # the helpers load_corpus and the streamed partitions (analysis.scale.partitions) share
    import numpy as np

    from analysis.corpus.loader import sidecar_layers, single_document_layers, with_sidecar_metadata
    from analysis.corpus.report import LoadLog

    write(tmp_path / "b.csv", "title,text\nB1,One.\n")
    write(tmp_path / "b.meta.yml", "outlet: Ledger\nid: seven\n")
    csv_row = {(tmp_path / "b.csv").resolve(): {"outlet": "Wire", "topic": "war"}}
    layers = sidecar_layers(tmp_path / "b.csv", csv_row, None, LoadLog())
    assert layers == [("metadata.csv", {"outlet": "Wire", "topic": "war"}),
                      ("b.meta.yml", {"outlet": "Ledger", "doc_id": "seven"})]
    log = LoadLog()
    assert single_document_layers(layers, label="b.csv", documents=1, log=log) == layers
    assert single_document_layers(layers, label="b.csv", documents=3, log=log) == [
        ("metadata.csv", {"outlet": "Wire", "topic": "war"}), ("b.meta.yml", {"outlet": "Ledger"})]
    assert log.entries == [{"source": "b.csv", "row": None, "line": None, "action": "not used", "problem":
                            "b.meta.yml gives doc_id 'seven' but the file holds 3 documents: not used (one id "
                            "cannot name several documents)"}]
    part = pd.DataFrame({"title": ["B1", "B2", "X"], "outlet": ["Post", None, "Own"], "__row__": [1, 2, 9]})
    log = LoadLog()
    out = with_sidecar_metadata(part, label="b.csv", layers=layers, log=log, at=np.array([0, 1]))
    assert out[["outlet", "topic"]].values.tolist() == [["Ledger", "war"], ["Ledger", "war"], ["Own", None]]
    assert "doc_id" not in out.columns
    assert [(e["row"], e["problem"], e["action"]) for e in log.entries] == [
        (1, "metadata.csv gives outlet 'Wire', the file gives 'Post': the metadata.csv value is used (sidecar "
            "metadata wins)", "replaced"),
        (None, "b.meta.yml gives outlet 'Ledger', metadata.csv gives 'Wire' on 2 rows: the b.meta.yml value is used "
               "(sidecar metadata wins)", "replaced"),
        (None, "b.meta.yml gives doc_id 'seven' but the file holds 2 documents: not used (one id cannot name "
               "several documents)", "not used")]
    one = with_sidecar_metadata(part.iloc[:1], label="b.csv", layers=layers, log=LoadLog())
    assert one[["outlet", "topic", "doc_id"]].values.tolist() == [["Ledger", "war", "seven"]]


def test_an_unreadable_sidecar_date_never_replaces_a_good_one(tmp_path):
    # red team: metadata.csv's '2026-02-30' replaced the file's 'Date: 30 October 2026'; the article became undated
    write(tmp_path / "c.txt", "Title: C\nDate: 30 October 2026\n\nSee.")
    write(tmp_path / "d.txt", "D\n\nNo date here.")
    write(tmp_path / "t.csv", "title,text,published\nT1,One.,2026-10-01\nT2,Two.,\n")
    write(tmp_path / "metadata.csv",
          "file,published,outlet\nc.txt,2026-02-30,Meridian\nd.txt,2026-02-31,Meridian\nt.csv,someday,Ledger\n")
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(tmp_path)
    said = [str(w.message) for w in caught]
    assert said[0] == ("load_corpus: 2 sidecar date(s) in metadata.csv or .meta.yml could not be read and were not "
                       "used (the files' own dates are kept), listed in the load report (documents.attrs['load_report'] "
                       "in Python; every report shows it under 'Load report')")
    assert len(said) == 2 and said[1].startswith("2 publication date(s) not understood were left empty")
    assert docs["title"].tolist() == ["C", "D", "T1", "T2"]
    assert docs["published"].dt.strftime("%Y-%m-%d").fillna("NaT").tolist() == ["2026-10-30", "NaT", "2026-10-01", "NaT"]
    assert docs["outlet"].tolist() == ["Meridian", "Meridian", "Ledger", "Ledger"], "the sidecar's other values apply"
    c, t = (tmp_path / "c.txt").as_posix(), (tmp_path / "t.csv").as_posix()
    kept = [(e["source"], e["row"], e["problem"], e["action"]) for e in docs.attrs["load_report"]
            if e["action"] == "not used"]
    assert kept == [
        (c, None, "metadata.csv gives published '2026-02-30', which is not a date it can read; the file gives "
                  "'30 October 2026': that date is kept (correct or remove the metadata.csv value)", "not used"),
        (t, 1, "metadata.csv gives published 'someday', which is not a date it can read; the file gives "
               "'2026-10-01': that date is kept (correct or remove the metadata.csv value)", "not used")]


def test_html_page_in_a_declared_legacy_charset_is_decoded_with_it_and_noted(tmp_path):
    (tmp_path / "sjis.html").write_bytes(
        '<html><head><meta charset="shift_jis"><title>監督を解任</title></head><body><p>クラブは声明で発表した。'
        '監督は解任された。</p></body></html>'.encode("shift_jis"))
    (tmp_path / "latin9.html").write_bytes(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><title>Club pledges '
        '€80m</title></head><body><p>The owner pledged €80m for the stadium on Friday.</p></body></html>'
        .encode("iso-8859-15"))
    docs = wb.load_corpus(tmp_path)
    assert docs[["title", "text"]].values.tolist() == [
        ["Club pledges €80m", "The owner pledged €80m for the stadium on Friday."],
        ["監督を解任", "クラブは声明で発表した。監督は解任された。"]]
    report = wb.loader_report(docs)
    assert report[["problem", "action"]].values.tolist() == [
        ["not UTF-8: decoded as iso8859_15, the charset the page declares", "decoded as iso8859_15"],
        ["not UTF-8: decoded as shift_jis, the charset the page declares", "decoded as shift_jis"]]


def test_html_page_of_furniture_only_is_no_article(tmp_path):
    furniture = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harlow Gazette - Sport</title></head><body>'
                 '<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><div class="cookie">We use cookies. '
                 'Accept all cookies to continue.</div><footer>&copy; 2026 The Harlow Gazette. All rights reserved. '
                 'Privacy policy | Terms</footer></body></html>')
    brief = ('<html><head><title>Brief</title></head><body><nav><a href="/">Home</a></nav><article><h1>Council delays '
             'vote</h1><p>Harlow City Council postponed its vote on the stadium loan until next month, a spokesman '
             'said on Tuesday.</p></article><footer>All rights reserved</footer></body></html>')
    (tmp_path / "section.html").write_text(furniture, encoding="utf-8")
    (tmp_path / "brief.html").write_text(brief, encoding="utf-8")
    with pytest.raises(wb.InputError, match=r"section\.html: no article text in the page \(title 'Harlow Gazette'\): "
                                            r"what it holds is navigation, banners or a footer, or nothing; remove"):
        wb.load_corpus(tmp_path / "section.html")
    with pytest.warns(CorpusWarning, match="skipped 1 bad item"):
        docs = wb.load_corpus(tmp_path, errors="skip")
    assert docs.text.tolist() == ["Harlow City Council postponed its vote on the stadium loan until next month, a "
                                  "spokesman said on Tuesday."]
    assert wb.loader_report(docs).action.tolist() == ["skipped"]


@pytest.mark.parametrize("page", [
    # trafilatura falls back to the banner's or the footer's text on such pages (red team rt16, F22)
    '<html><body><div class="cookie">We use cookies. Accept all. Manage preferences.</div><nav><a href="/">Home</a> '
    '<a href="/news">News</a></nav><footer>(c) 2026 Courier</footer></body></html>',
    '<!DOCTYPE html><html><head><title>Courier</title></head><body><div id="cookie-banner" class="cookie-consent">We '
    'use cookies to improve your experience. By continuing you accept our <a href="/privacy">Privacy Policy</a>. '
    '<button>Accept all</button> <button>Manage preferences</button></div><header><nav><ul><li><a href="/">Home</a>'
    '</li></ul></nav></header><footer>&copy; 2026 Sierra Valley Courier. All rights reserved.</footer></body></html>',
])
def test_a_consent_wall_is_no_article_though_the_extraction_returns_its_banner(tmp_path, page):
    (tmp_path / "wall.html").write_text(page, encoding="utf-8")
    with pytest.raises(wb.InputError, match=r"wall\.html: no article text in the page"):
        wb.load_corpus(tmp_path / "wall.html")


def test_a_short_article_beside_a_cookie_banner_keeps_its_text(tmp_path):
    page = ('<html><head><title>Road reopens</title></head><body><div class="cookie-banner">We use cookies. '
            '<button>Accept</button></div><div class="story"><p>Highway 49 reopened on Friday, Caltrans said.</p>'
            '</div><footer>&copy; 2026 Courier</footer></body></html>')
    (tmp_path / "brief.html").write_text(page, encoding="utf-8")
    assert wb.load_corpus(tmp_path / "brief.html")["text"].tolist() == ["Highway 49 reopened on Friday, Caltrans said."]


def test_a_table_author_written_as_a_byline_is_the_name_as_in_a_text_header(tmp_path):
    # red team rt16 F17: the CSV export's "By Lena Ruiz" and the .txt header "Byline: By Lena Ruiz" are one author
    (tmp_path / "cms.csv").write_text(
        "Headline,Body,Byline\nFire grows,The fire grew overnight.,By Lena Ruiz\n"
        "Roads shut,Highway 49 is closed.,\"By Tom Avery, Chief Sports Writer\"\nRain due,Rain is due.,Bypass Team\n",
        encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title: Evacuees return\nByline: By Lena Ruiz\n\nEvacuees returned on Sunday.\n",
                                    encoding="utf-8")
    docs = wb.load_corpus(tmp_path)
    assert docs.sort_values("title")["author"].tolist() == ["Lena Ruiz", "Lena Ruiz", "Bypass Team", "Tom Avery"]
    assert bylines_as_authors(pd.Series(["by Ann Lee", None, "Ann Lee"], dtype="string")).fillna("-").tolist() == [
        "Ann Lee", "-", "Ann Lee"]
