"""Tabular corpora: CSV, TSV, JSON Lines, JSON, Parquet; column detection; Media Cloud exports."""

from __future__ import annotations

import hashlib
import json
import warnings

import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import CorpusWarning
from analysis.corpus.fields import resolve_columns, tag_list
from analysis.schema import DOCUMENT_COLUMNS
from loading import load_error

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")

COLUMNS = [*DOCUMENT_COLUMNS, "standfirst", "subtitle", "duplicate_of"]
STRING_COLUMNS = (
    "doc_id", "title", "text", "outlet", "author", "url", "source", "standfirst", "subtitle", "duplicate_of"
)


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def sha16(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def test_csv_with_common_column_names_needs_no_mapping(tmp_path):
    (tmp_path / "news.csv").write_text(
        "headline,body,publish_date,media_name,link,byline,keywords,word_count\n"
        'Talks stall,"Negotiators left.\nNo deal.",2024-05-09T10:00:00+02:00,Example News,https://x.org/1,'
        'Jane Doe,"Gaza, Israel",4\n'
        "Aid arrives,Trucks crossed.,\"Thu, 09 May 2024 12:00:00 +0000\",Other Times,,,,2\n",
        encoding="utf-8",
    )
    docs = wb.load_corpus(tmp_path / "news.csv")
    assert list(docs.columns) == [*COLUMNS, "word_count"]
    assert docs["title"].tolist() == ["Talks stall", "Aid arrives"]
    assert docs["text"].tolist() == ["Negotiators left.\n\nNo deal.", "Trucks crossed."]
    assert docs["outlet"].tolist() == ["Example News", "Other Times"]
    assert docs["url"].isna().tolist() == [False, True]
    assert docs["author"].isna().tolist() == [False, True]
    assert docs["tags"].tolist() == [["Gaza", "Israel"], []]
    assert docs["published"].tolist() == [utc("2024-05-09 08:00"), utc("2024-05-09 12:00")]
    assert docs["source"].tolist() == [f"{(tmp_path / 'news.csv').as_posix()}, row {n}" for n in (1, 2)]
    assert docs["doc_id"].tolist() == [
        sha16("news.csv, row 1\nTalks stall\nNegotiators left.\n\nNo deal."),
        sha16("news.csv, row 2\nAid arrives\nTrucks crossed."),
    ]
    assert docs["word_count"].tolist() == [4, 2]
    assert str(docs["published"].dtype) == "datetime64[ns, UTC]"
    for column in STRING_COLUMNS:
        assert docs[column].dtype == pd.StringDtype(), column


def test_explicit_mapping_wins_and_unused_clashing_column_is_renamed(tmp_path):
    (tmp_path / "t.csv").write_text(
        "id,content,date,text,source,media_name\n007,Full text.,09/05/2024,short,wire,Example News\n", encoding="utf-8"
    )
    docs = wb.load_corpus(tmp_path / "t.csv", columns={"text": "content", "published": "date"})
    assert docs.loc[0, "doc_id"] == "007"
    assert docs.loc[0, "text"] == "Full text."
    assert docs.loc[0, "published"] == pd.Timestamp("2024-05-09", tz="UTC")
    assert docs.loc[0, "outlet"] == "Example News"  # media_name beats source
    assert docs.loc[0, "text_input"] == "short"
    assert docs.loc[0, "source_input"] == "wire"
    assert docs.loc[0, "source"].endswith("t.csv, row 1")


def test_doc_id_none_turns_id_detection_off(tmp_path):
    (tmp_path / "t.tsv").write_text("id\ttitle\ttext\n5\tT\tBody.\n", encoding="utf-8")
    docs = wb.load_corpus(tmp_path / "t.tsv", columns={"doc_id": None})
    assert docs.loc[0, "doc_id"] == sha16("t.tsv, row 1\nT\nBody.")
    assert docs.loc[0, "id"] == 5


def test_unknown_mapping_key_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match=r"unknown documents column\(s\) \['body'\]"):
        wb.load_corpus(tmp_path, columns={"body": "content"})


def test_columns_txt_text_is_an_input_error_naming_the_key_and_the_files_columns(tmp_path):
    # red team: load_corpus(columns={'txt': 'text'}) raised a bare ValueError naming no column of the file
    (tmp_path / "t.csv").write_text("id,title,txt\n1,T,Body.\n", encoding="utf-8")
    from analysis.errors import InputError

    with pytest.raises(InputError) as raised:
        wb.load_corpus(tmp_path / "t.csv", columns={"txt": "text"})
    assert str(raised.value) == (
        "columns={'txt': 'text'}: unknown documents column(s) ['txt']; keys must be among ['doc_id', 'title', "
        "'text', 'published', 'outlet', 'author', 'url', 'tags', 'standfirst', 'subtitle'], values name the "
        "input's columns (columns={'text': 'body'} reads the text from a 'body' column); the input's columns "
        "are id, title, txt; did you mean columns={'text': 'txt'}?"
    )
    (tmp_path / "t.jsonl").write_text(json.dumps({"headline": "H", "body": "B."}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\['body'\].*the input's columns are headline, body; did you mean "
                                         r"columns=\{'text': 'body'\}\?$"):
        wb.load_corpus(tmp_path / "t.jsonl", columns={"body": "text"})
    with pytest.raises(InputError, match=r"\['txt'\].*reads the text from a 'body' column\); did you mean "
                                         r"columns=\{'text': 'txt'\}\?$"):
        wb.load_corpus(tmp_path, columns={"txt": "text"})  # a folder: no file's columns to name


def test_html_text_csv_markup_converted_and_reported(tmp_path):
    # red team bad/html_text.csv: tags and &quot; passed through, so quotes were not found; no warning
    path = tmp_path / "html_text.csv"
    path.write_text('id,title,text\n1,<h1>Strike</h1>,"<p>Nurse <b>Helen Marsh</b> said &quot;we are '
                    'tired&quot;.</p><script>alert(1)</script>"\n2,Plain,"x < 5 and y > 3, she said."\n'
                    '3,Three,"<h2>Why</h2><ul><li>a</li><li>b &amp; c</li></ul>One.<br>Two.<br><br>Three."\n',
                    encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"^load_corpus converted HTML markup to plain text in title/text fields "
                                           r"of 1 file\(s\), listed in the load report"):
        docs = wb.load_corpus(path)
    assert docs["title"].tolist() == ["Strike", "Plain", "Three"]
    assert docs["text"].tolist() == ['Nurse Helen Marsh said "we are tired".', "x < 5 and y > 3, she said.",
                                     "Why:\n\n• a\n\n• b & c\n\nOne. Two.\n\nThree."]
    why = "held HTML markup (tags or entities such as &quot;): converted to plain text as .html files are"
    assert docs.attrs["load_report"] == [
        {"source": str(path.as_posix()), "row": 1, "line": None, "problem": f"the title of row 1 {why}",
         "action": "converted from HTML"},
        {"source": str(path.as_posix()), "row": None, "line": None, "problem": f"the text of 2 rows (rows 1, 3) {why}",
         "action": "converted from HTML"},
    ]
    assert wb.quotes(docs)["quote"].tolist()[0] == "we are tired"  # (the quotation marks are found)


def test_html_text_in_json_and_plain_angle_brackets_kept(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"title": "T", "text": "Ann said &quot;no&quot;."}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "U", "text": "Use <Name> or AT&T &foo; here."}),
                                     encoding="utf-8")
    with pytest.warns(CorpusWarning, match="^load_corpus converted HTML markup .* of 1 file\\(s\\)"):
        docs = wb.load_corpus(tmp_path)
    assert docs["text"].tolist() == ['Ann said "no".', "Use <Name> or AT&T &foo; here."]
    assert [e["source"] for e in docs.attrs["load_report"]] == [(tmp_path / "a.json").as_posix()]


def test_mapping_to_a_missing_column_names_the_file(tmp_path):
    (tmp_path / "t.csv").write_text("title,body\nT,B\n", encoding="utf-8")
    assert load_error(tmp_path / "t.csv", columns={"text": "content"}) == (
        f"{(tmp_path / 't.csv').as_posix()}: column(s) 'content' given in columns= not found "
        "(columns found: title, body); fix columns= to name existing columns"
    )


def test_jsonl_rows_are_line_numbers_lists_kept(tmp_path):
    lines = [
        json.dumps({"id": 1, "title": "A", "text": "Alpha.", "authors": ["Ann One", "Bo Two"], "tags": ["x", "y"]}),
        "",
        json.dumps({"id": 2, "title": "B", "text": "Beta.", "date": 1715241600}),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = wb.load_corpus(tmp_path / "c.jsonl")
    assert docs["doc_id"].tolist() == ["1", "2"]
    assert docs["author"].tolist()[0] == "Ann One; Bo Two"
    assert docs["tags"].tolist() == [["x", "y"], []]
    assert docs["published"].isna().tolist() == [True, False]
    assert docs.loc[1, "published"] == pd.Timestamp("2024-05-09 08:00", tz="UTC")
    assert [s.rsplit(", ", 1)[1] for s in docs["source"]] == ["row 1", "row 3"]


def test_json_array_records_key_and_json_lines_in_a_json_file(tmp_path):
    array = [{"title": "A", "text": "Alpha."}, {"title": "B", "text": "Beta."}]
    (tmp_path / "a.json").write_text(json.dumps(array), encoding="utf-8")
    records = {"results": [{"headline": "C", "article": "Gamma."}]}
    (tmp_path / "b.json").write_text(json.dumps(records), encoding="utf-8")
    lines = '{"title": "D", "text": "Delta."}\n{"title": "E", "text": "Epsilon."}\n'
    (tmp_path / "c.json").write_text(lines, encoding="utf-8")
    docs = wb.load_corpus(tmp_path)
    assert docs["title"].tolist() == ["A", "B", "C", "D", "E"]
    assert docs["text"].tolist() == ["Alpha.", "Beta.", "Gamma.", "Delta.", "Epsilon."]


def test_parquet_with_missing_ids_and_datetimes(tmp_path):
    table = pd.DataFrame(
        {
            "doc_id": [10.0, None],
            "title": ["A", "B"],
            "text": ["Alpha.", "Beta."],
            "published": pd.to_datetime(["2024-05-09 10:00", "2024-05-10 11:00"]),
            "keywords": [["k1"], []],
        }
    )
    table.to_parquet(tmp_path / "c.parquet")
    docs = wb.load_corpus(tmp_path / "c.parquet")
    assert docs["doc_id"].tolist() == ["10", sha16("c.parquet, row 2\nB\nBeta.")]
    assert docs["published"].tolist() == [utc("2024-05-09 10:00"), utc("2024-05-10 11:00")]
    assert docs["tags"].tolist() == [["k1"], []]


def test_table_text_line_breaks_become_paragraphs_and_standfirst_leads(tmp_path):
    table = pd.DataFrame(
        {
            "title": ["A", "B", "C"],
            "text": ["One\r\nTwo", "One\n\n\n\nTwo\nstill two", "Lede.\n\nBody."],
            "standfirst": ["Lede.", None, "Lede."],
        }
    )
    table.to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    docs = wb.load_corpus(tmp_path / "c.jsonl")
    assert docs["text"].tolist() == ["Lede.\n\nOne\n\nTwo", "One\n\nTwo\nstill two", "Lede.\n\nBody."]
    assert docs["standfirst"].isna().tolist() == [False, True, False]


MEDIA_CLOUD = (
    "stories_id,publish_date,title,url,language,media_id,media_name,media_url,indexed_date,ap_syndicated,themes\n"
    "1001,2024-05-09 10:00:00,Israel vows to stand alone,https://a.com/1,en,1,A Times,https://a.com,"
    "2024-05-09 11:00:00,False,\n"
    "1002,2024-05-09 12:30:00,Biden warns on weapons,https://b.com/2,en,2,B Post,https://b.com,"
    "2024-05-09 13:00:00,True,politics\n"
)


def test_media_cloud_export_loads_headline_only_with_a_warning(tmp_path):
    (tmp_path / "mc.csv").write_text(MEDIA_CLOUD, encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(tmp_path / "mc.csv")
    messages = [str(w.message) for w in caught]
    assert messages == [
        f"{(tmp_path / 'mc.csv').as_posix()} looks like a Media Cloud story export (columns ap_syndicated, "
        "indexed_date, media_id, media_name, media_url, stories_id) and has no article text: its 2 rows were "
        "loaded as headline-only documents (text '', title from column 'title'); measures that read text will "
        "see only the headlines. If a column holds the article text, pass columns={'text': '<column>'} (in a report: "
        "-p columns='{text: <column>}')."
    ]
    assert docs["doc_id"].tolist() == ["1001", "1002"]
    assert docs["title"].tolist() == ["Israel vows to stand alone", "Biden warns on weapons"]
    assert docs["text"].tolist() == ["", ""]
    assert docs["outlet"].tolist() == ["A Times", "B Post"]
    assert docs["published"].tolist() == [utc("2024-05-09 10:00"), utc("2024-05-09 12:30")]
    assert docs["duplicate_of"].isna().all()  # empty text is never a duplicate
    extras = ["language", "media_id", "media_url", "indexed_date", "ap_syndicated", "themes"]
    assert list(docs.columns[len(COLUMNS):]) == extras
    assert wb.loader_report(docs)[["problem", "action"]].values.tolist() == [
        ["no text column: 2 rows loaded as headline-only documents", "loaded headline-only"]
    ]


def test_new_style_media_cloud_export_with_id_column(tmp_path):
    (tmp_path / "mc.csv").write_text(
        "id,indexed_date,language,media_name,media_url,publish_date,title,url\n"
        "a1b2,2024-05-09,en,A Times,a.com,2024-05-09,Israel vows,https://a.com/1\n",
        encoding="utf-8",
    )
    expected = r"looks like a Media Cloud story export \(columns indexed_date, media_name, media_url\)"
    with pytest.warns(CorpusWarning, match=expected):
        docs = wb.load_corpus(tmp_path / "mc.csv")
    assert (docs.loc[0, "doc_id"], docs.loc[0, "title"], docs.loc[0, "text"]) == ("a1b2", "Israel vows", "")


def test_generic_title_only_table_warns_without_naming_media_cloud(tmp_path):
    (tmp_path / "t.csv").write_text("title,views\nA headline,3\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"t\.csv has no text column \(columns found: title, views\): its 1 rows"):
        docs = wb.load_corpus(tmp_path / "t.csv")
    assert docs["text"].tolist() == [""]


def test_table_without_text_or_title_is_an_input_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("stories_id,publish_date,media_name\n1,2024-05-09,A Times\n", encoding="utf-8")
    assert load_error(path) == (
        f"{path.as_posix()}: no text column and no title column (columns found: stories_id, publish_date, media_name); "
        "pass columns={'text': '<column>'} naming the column that holds the article text (in a report: "
        "-p columns='{text: <column>}')"
    )


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (["ID", "source", "mbfc", "date", "text"],
         {"doc_id": "ID", "outlet": "source", "published": "date", "text": "text"}),
        (["Story Text", "Publication Date", "Media"],
         {"text": "Story Text", "published": "Publication Date", "outlet": "Media"}),
        (["Headline", "Body", "Authors", "Link", "Keywords"],
         {"title": "Headline", "text": "Body", "author": "Authors", "url": "Link", "tags": "Keywords"}),
    ],
)
def test_resolve_columns(found, expected):
    assert resolve_columns(found) == expected


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        ("a, b;c|d", ["a", "b", "c", "d"]),
        ('["x", "y"]', ["x", "y"]),
        (None, []),
        (float("nan"), []),
        (["a", None, " "], ["a"]),
        ("", []),
    ],
)
def test_tag_list(value, tags):
    assert tag_list(value) == tags


@pytest.mark.validation
def test_narrative_framing_tsv_loads_without_mapping(datasets_dir):
    path = datasets_dir / "narrative-framing" / "articles_metadata.tsv"
    with pytest.warns(CorpusWarning, match=r"^load_corpus converted HTML markup to plain text"):
        docs = wb.load_corpus(path)
    assert len(docs) == 290
    assert list(docs.columns) == [*COLUMNS, "mbfc", "RE", "HI", "CO", "MO", "EC"]
    assert docs["doc_id"].is_unique and docs.loc[0, "doc_id"] == "0"
    assert docs.loc[0, "outlet"] == "redstate"
    assert docs["title"].eq("").all()
    assert docs["text"].str.len().gt(0).all()
    assert docs["published"].notna().all()
    assert docs.loc[0, "published"] == pd.Timestamp("2019-12-02", tz="UTC")
    assert (docs["EC"] == "False)").sum() == 1  # the known quirk is kept as it is
    assert docs[["RE", "HI", "CO", "MO", "EC"]].isna().all(axis=1).sum() == 1
    assert docs.attrs["load_report"] == [  # three texts hold HTML entities (who&apos;s, &amp;, &#8211;): decoded
        {"source": path.as_posix(), "row": None, "line": None, "action": "converted from HTML",
         "problem": "the text of 3 rows (rows 75, 232, 267) held HTML markup (tags or entities such as &quot;): "
                    "converted to plain text as .html files are"}]
    assert "Andrew Wheeler, who's been leading" in docs.loc[74, "text"]
    assert "&" not in docs.loc[266, "text"] and "conditions\u2013drought" in docs.loc[266, "text"]


def test_json_lines_file_is_read_line_by_line_with_the_same_rows_bom_and_line_endings(tmp_path):
    # a plain UTF-8 .jsonl is streamed line by line (memory), with the numbering and decoding of a whole read
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"title": "A", "text": "one"}\r\n\r\n{"title": "B", "text": "two\\r\\nlines"}\r\n'
                     b'[1]\n{"title": "C", "text": "three"}')
    with pytest.warns(CorpusWarning, match="skipped 1"):
        docs = wb.load_corpus(path, errors="skip")
    assert docs["title"].tolist() == ["A", "B", "C"]
    assert docs["text"].tolist() == ["one", "two\n\nlines", "three"]
    assert docs["source"].tolist() == [f"{path.as_posix()}, row {n}" for n in (1, 3, 5)]
    assert [(e["line"], e["action"]) for e in docs.attrs["load_report"]] == [(4, "skipped")]


def test_big_json_lines_file_in_chunks_loads_as_one_table_would(tmp_path, monkeypatch):
    # issue 10 point 16: a JSON Lines file is held as Arrow columns chunk by chunk, never one dict per line;
    # keys that appear only in a later chunk, a column that is text in one chunk and numbers in another,
    # and a title-only line load exactly as the whole file as one table (pandas' record rules)
    import analysis.corpus.loader as loader

    monkeypatch.setattr(loader, "_CHUNK_RECORDS", 3)
    lines = [{"title": f"T{i}", "text": f"Text number {i}.", "outlet": "Daily" if i % 2 else None}
             for i in range(7)]
    lines[4]["section"] = "World"  # a key first seen in the second chunk
    lines[1]["score"], lines[5]["score"] = "high", 7  # text in one chunk, a number in another
    lines[6]["text"] = "Two\nlines"  # a single line break becomes a paragraph break
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs["title"].tolist() == [f"T{i}" for i in range(7)]
    assert docs["text"].tolist()[-1] == "Two\n\nlines"
    assert docs["outlet"].tolist() == [pd.NA, "Daily", pd.NA, "Daily", pd.NA, "Daily", pd.NA]
    assert docs["section"].isna().tolist() == [True] * 4 + [False, True, True] and docs["section"].iat[4] == "World"
    assert docs["score"].tolist()[:2] == [None, "high"] and docs["score"].iat[5] == 7
    assert list(docs.columns[-2:]) == ["score", "section"]  # order of first appearance
    assert docs["doc_id"].tolist() == [sha16(f"big.jsonl, row {i + 1}\nT{i}\n{docs['text'].iat[i]}") for i in range(7)]


def test_json_lines_errors_in_chunks_are_reported_in_file_order(tmp_path, monkeypatch):
    # malformed lines as they come, then the lines that are not objects, then bad rows: as for a whole read
    import analysis.corpus.loader as loader

    monkeypatch.setattr(loader, "_CHUNK_RECORDS", 2)
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "A", "text": "one"}\n[1]\n{"title": "B", "text": ""}\n{"title": "C", "text": "x"}\n'
                    '{"title": "D", "text": "y"}\n{oops\n', encoding="utf-8")
    with pytest.warns(CorpusWarning):
        docs = wb.load_corpus(path, errors="skip")
    assert docs["title"].tolist() == ["A", "C", "D"]
    assert [e["line"] or e["row"] for e in docs.attrs["load_report"]] == [6, 2, 3]
    with pytest.raises(wb.InputError, match="line 6"):
        wb.load_corpus(path)


_LINE_A, _LINE_B = b'{"title": "A", "text": "Some text [1] {x}."}', b'{"title": "B", "text": "Other text."}'
#: JSON Lines files: (content, whether Arrow's JSON reader takes the file; else it is read line by line)
ARROW_JSON_LINES = {
    "plain": (_LINE_A + b"\n" + _LINE_B + b"\n", True),
    "windows line ends, a BOM, no last line end": (b"\xef\xbb\xbf" + _LINE_A + b"\r\n" + _LINE_B, True),
    "dates, nulls, keys that come and go": (
        b'{"title": "A", "text": "One.", "date": "2024-05-01", "x": null}\n'
        b'{"text": "Two.", "published": "2024-05-02T10:00:00Z", "author": null, "outlet": "O"}\n', True),
    "escapes, a surrogate pair, a NUL": (b'{"title": "A\\u00e9", "text": "\\ud83d\\ude00 \\u0000 x"}\n' + _LINE_B, True),
    "an empty object, an empty text, paragraphs": (
        b'{}\n{"title": "A", "text": ""}\n{"title": " B ", "text": "one\\ntwo\\r\\n\\n\\n\\nthree  "}\n', True),
    "a blank line": (_LINE_A + b"\n\n" + _LINE_B + b"\n", False),
    "two objects on a line": (_LINE_A + b" " + _LINE_B + b"\n" + _LINE_B + b"\n", False),
    "an object over two lines": (b'{"title": "A",\n"text": "x"}\n' + _LINE_B + b"\n", False),
    "a space after an object": (_LINE_A + b" \n" + _LINE_B + b"\n", False),
    "a number": (b'{"title": "A", "text": "x", "id": 5}\n' + _LINE_B + b"\n", False),
    "a number on a later line": (_LINE_A + b'\n{"title": "B", "text": "y", "n": 6.5}\n', False),
    "a list": (_LINE_A + b'\n{"title": "B", "text": "y", "tags": ["a", "b"]}\n', False),
    "a repeated key": (b'{"title": "A", "text": "x", "title": "AA"}\n' + _LINE_B + b"\n", False),
    "deep nesting": (_LINE_A + b'\n{"title": "B", "text": "y", "d": ' + b"[" * 5000 + b"]" * 5000 + b"}\n", False),
    "malformed": (_LINE_A + b'\n{"title": "B", "text": "y}\n', False),
    "not an object": (_LINE_A + b"\n[1, 2]\n", False),
}


def _loaded(path) -> tuple[pd.DataFrame, list[dict]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        docs = wb.load_corpus(path, errors="skip")
    return docs, docs.attrs["load_report"]


def _same_as_without(monkeypatch, source, reader: str) -> tuple[pd.DataFrame, list[dict]]:
    """The table and load report of ``source`` as loaded, checked equal to those loaded with the Arrow
    reader ``analysis.corpus.loader.<reader>`` turned off (files read one by one, lines line by line)."""
    import analysis.corpus.loader as loader

    docs, report = _loaded(source)
    monkeypatch.setattr(loader, reader, lambda paths: None)
    without, expected_report = _loaded(source)
    pd.testing.assert_frame_equal(docs, without)
    assert report == expected_report
    return docs, report


@pytest.mark.parametrize("case", list(ARROW_JSON_LINES))
def test_json_lines_parsed_by_arrow_load_as_read_line_by_line(tmp_path, monkeypatch, case):
    # issue 10 point 16: a JSON Lines file of one object of text values per line is parsed by Arrow's JSON
    # reader (no Python object per line); any other file is read line by line, which names its problems;
    # both ways give the same table (values and dtypes) and the same load report
    from analysis.corpus.tables import arrow_json_lines

    content, by_arrow = ARROW_JSON_LINES[case]
    path = tmp_path / "a.jsonl"
    path.write_bytes(content)
    assert (arrow_json_lines(path) is not None) == by_arrow
    _same_as_without(monkeypatch, path, "arrow_json_lines")


def test_json_lines_parsed_by_arrow_in_blocks_keep_keys_dates_and_empty_columns(tmp_path, monkeypatch):
    # blocks of a few lines: a key first seen in a later block, a date Arrow would read as a timestamp there,
    # a column that is null on every line (Python None, as read line by line), first-appearance column order
    import analysis.corpus.tables as tables

    monkeypatch.setattr(tables, "_ARROW_BLOCK", 64)
    lines = [{"title": f"T{i}", "text": f"Text number {i}.", "empty": None} for i in range(9)]
    lines[5]["section"], lines[7]["when"] = "World", "2024-05-01T10:00:00"
    path = tmp_path / "blocks.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    found, chunks = tables.arrow_json_lines(path)
    assert found == ["title", "text", "empty", "section", "when"] and len(chunks) > 3
    docs, _ = _same_as_without(monkeypatch, path, "arrow_json_lines")
    assert docs["section"].isna().tolist() == [True] * 5 + [False] + [True] * 3 and docs["section"].iat[5] == "World"
    assert docs["when"].iat[7] == "2024-05-01T10:00:00" and docs["empty"].tolist() == [None] * 9
    assert list(docs.columns[-3:]) == ["empty", "section", "when"]


_PRETTY = b'{\n  "title": "C",\n  "text": "Pretty printed."\n}\n'
#: Folders of one-object JSON files: (contents, whether Arrow's JSON reader takes them together; else one by one)
ARROW_JSON_FILES = {
    "plain, pretty-printed": ([_LINE_A, _LINE_B, _PRETTY], True),
    "a BOM, white space, keys in another order": (
        [b"\xef\xbb\xbf  " + _LINE_A + b"\r\n", b'{"text": "Other text.", "title": "B"}'], True),
    "escapes, a NUL escape, an empty text, a repeated text": (
        [b'{"title": "A\\u00e9", "text": "x\\u0000y"}', b'{"title": "B", "text": ""}', _LINE_A, _LINE_A], True),
    "other column names, ids": ([b'{"id": "1", "headline": "A", "body": "x"}', b'{"id": "1", "headline": "B", "body": "y"}'],
                                True),
    "a key missing": ([_LINE_A, b'{"text": "Other text."}'], False),
    "a key more": ([_LINE_A, b'{"title": "B", "text": "x", "author": "Z"}'], False),
    "a null": ([_LINE_A, b'{"title": null, "text": "x"}'], False),
    "a number": ([_LINE_A, b'{"title": "B", "text": "x", "n": 1}'], False),
    "a list of articles": ([_LINE_A, b'{"articles": [{"title": "X", "text": "y"}]}'], False),
    "two objects in a file": ([_LINE_A, _LINE_B + b" " + _LINE_B], False),
    "JSON Lines in a .json file": ([_LINE_A, _LINE_B + b"\n" + _LINE_B], False),
    "an empty file": ([_LINE_A, b" \n"], False),
    "an array": ([_LINE_A, b"[" + _LINE_B + b"]"], False),
    "not UTF-8": ([_LINE_A, b'{"title": "B\xe9", "text": "x"}'], False),
    "UTF-16": ([_LINE_A, '{"title": "B", "text": "x"}'.encode("utf-16")], False),
    "a NUL byte": ([_LINE_A, b'{"title": "B", "text": "x\x00"}'], False),
    "a repeated key": ([_LINE_A, b'{"title": "B", "text": "x", "text": "y"}'], False),
    "deep nesting": ([_LINE_A, b'{"title": "B", "text": "x", "d": ' + b"[" * 3000 + b"]" * 3000 + b"}"], False),
    "an object split over two files": ([b'{"title": "A", "text": {"b": "x"}', b'{"c": "y"}}'], False),
    "a form feed": ([_LINE_A, b"\x0c" + _LINE_B], False),
}


@pytest.mark.parametrize("case", list(ARROW_JSON_FILES))
def test_one_object_json_files_parsed_together_by_arrow_load_as_one_by_one(tmp_path, monkeypatch, case):
    # issue 10 point 16: consecutive one-article JSON files whose objects hold the same keys with text values
    # are parsed together by Arrow's JSON reader (no Python object per file); any other group is read file by
    # file, which names each problem; both ways give the same table (values, dtypes) and load report
    from analysis.corpus.tables import arrow_json_files

    contents, together = ARROW_JSON_FILES[case]
    paths = [tmp_path / f"{k}.json" for k in range(len(contents))]
    for path, content in zip(paths, contents):
        path.write_bytes(content)
    (tmp_path / "z.txt").write_text("Title\n\nA text file after them.", encoding="utf-8")
    assert (arrow_json_files(paths) is not None) == together
    _same_as_without(monkeypatch, tmp_path, "arrow_json_files")


def test_json_files_parsed_together_keep_the_batches_of_one_by_one(tmp_path, monkeypatch):
    # batches of 4 files: groups read by Arrow end where a batch ends; a JSON Lines file, a text file, a file
    # of an unknown format and a file with other keys in between join or end a batch as they would; rows and
    # sources per file; after a stray file the next files are still read together
    import analysis.corpus.loader as loader
    from analysis.corpus.tables import arrow_json_files

    monkeypatch.setattr(loader, "_BATCH_RECORDS", 4)
    for k in range(14):
        article = {"title": f"T{k:02d}", "text": f"Text number {k}."}
        if k == 7:
            article["author"] = "Z"
        (tmp_path / f"{k:02d}.json").write_text(json.dumps(article), encoding="utf-8")
    (tmp_path / "04b.jsonl").write_text('{"title": "L", "text": "A line."}\n', encoding="utf-8")
    (tmp_path / "09b.txt").write_text("Plain\n\nA text file.", encoding="utf-8")
    (tmp_path / "11b.xml").write_text("<a/>", encoding="utf-8")
    together: list[int] = []

    def counted(paths):
        read = arrow_json_files(paths)
        together.extend([len(paths)] if read is not None else [])
        return read

    monkeypatch.setattr(loader, "arrow_json_files", counted)
    docs, report = _same_as_without(monkeypatch, tmp_path, "arrow_json_files")
    assert docs["title"].tolist() == [*(f"T{k:02d}" for k in range(5)), "L", *(f"T{k:02d}" for k in range(5, 10)),
                                      "Plain", *(f"T{k:02d}" for k in range(10, 14))]
    assert docs["source"].iat[0] == f"{(tmp_path / '00.json').as_posix()}, row 1"
    assert [e["action"] for e in report] == ["ignored"]  # the .xml file
    assert sum(together) >= 10  # of 14 files


@pytest.mark.parametrize("paragraphs", [True, False])
def test_arrow_text_column_is_ruled_as_the_python_values_are(paragraphs):
    # the vectorised path for Arrow text (JSON, CSV, Parquet) keeps exactly what the per-value rules give,
    # including Unicode white space at either end, carriage returns, indented and repeated line breaks
    import random

    import numpy as np

    from analysis.corpus.report import LoadLog
    from analysis.corpus.tables import text_column

    rng = random.Random(3)
    pieces = ["a", "b", " ", "\n", "\r", "\t", "\u00a0", "\u2028", "é", "\x1c", "\x85", "\u3000", "."]
    values = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    values += [None, "", "\n\n\nx\n \n", "x\n\n\n", "\n", "a\nb", "a\n\nb\nc", "a\n\n b", "x\n\n"]
    rows, labels = np.arange(len(values)), np.full(len(values), "f", dtype=object)
    expected, _ = text_column(pd.Series(values, dtype=object), "text", rows, labels, LoadLog("raise"),
                              paragraphs=paragraphs)
    for dtype in ("string", "str"):
        chunked = pd.concat([pd.Series(values[:2000], dtype=dtype), pd.Series(values[2000:], dtype=dtype)],
                            ignore_index=True)
        got, bad = text_column(chunked, "text", rows, labels, LoadLog("raise"), paragraphs=paragraphs)
        assert got.dtype == expected.dtype and got.equals(expected) and not bad.any()


# ------------------------------------------------------------------ the readers' building blocks, one by one


def _skip_log():
    from analysis.corpus.report import LoadLog

    return LoadLog(errors="skip")


def test_note_fallback_lists_lines_per_file_or_one_entry_per_row_or_line():
    from analysis.corpus.tables import note_fallback

    log = _skip_log()
    note_fallback("f.txt", {3: "cp1252", 1: "cp1252"}, log)
    note_fallback("f.csv", {2: "cp1252", 3: "cp1252"}, log, unit="row", rows={2: 1, 3: 1})
    note_fallback("f.jsonl", {4: "latin-1"}, log, unit="each line")
    note_fallback("g.txt", {}, log)
    assert [(e["source"], e["row"], e["line"], e["problem"]) for e in log.entries] == [
        ("f.txt", None, None, "not valid UTF-8 on line(s) 1, 3; those lines decoded as cp1252, the rest as UTF-8"),
        ("f.csv", 1, None, "not valid UTF-8; this row decoded as cp1252"),
        ("f.jsonl", None, 4, "not valid UTF-8; this line decoded as latin-1"),
    ]


def test_string_columns_are_the_columns_that_fill_documents_columns():
    from analysis.corpus.tables import string_columns

    assert string_columns(["headline", "body", "x"], None) == {"headline": str, "body": str}
    assert string_columns(["x"], None) is None


def test_json_objects_keep_objects_with_their_rows_and_log_the_rest():
    from analysis.corpus.tables import json_objects

    log = _skip_log()
    assert json_objects([{"a": 1}, [1], {"b": 2}], [1, 2, 3], "f.json", log, unit="row") == ([{"a": 1}, {"b": 2}], [1, 3])
    assert [(e["row"], e["problem"]) for e in log.entries] == [
        (2, "a JSON list where an object (one document) was expected")]


def test_json_line_items_skip_blank_lines_and_name_a_malformed_one():
    from analysis.corpus.tables import json_line_items

    log = _skip_log()
    assert list(json_line_items([(1, '{"a": 1}'), (2, "  "), (3, "{bad")], "f.jsonl", log)) == [(1, {"a": 1})]
    assert [(e["line"], e["problem"]) for e in log.entries] == [
        (3, "not valid JSON (Expecting property name enclosed in double quotes at column 2)")]


def test_read_json_records_numbers_jsonl_by_line_and_json_arrays_by_row(tmp_path):
    from analysis.corpus.report import LoadLog
    from analysis.corpus.tables import read_json_records

    (tmp_path / "a.jsonl").write_text('{"title": "T", "text": "x"}\n\n{"title": "U", "text": "y"}\n')
    (tmp_path / "b.json").write_text('[{"title": "T"}, {"title": "U"}]')
    assert read_json_records(tmp_path / "a.jsonl", "jsonl", label="a.jsonl", log=LoadLog()) == (
        [{"title": "T", "text": "x"}, {"title": "U", "text": "y"}], [1, 3])
    assert read_json_records(tmp_path / "b.json", "json", label="b.json", log=LoadLog()) == (
        [{"title": "T"}, {"title": "U"}], [1, 2])


def test_read_table_usable_mapping_and_table_documents_on_a_two_row_csv(tmp_path):
    from analysis.corpus.report import LoadLog
    from analysis.corpus.tables import read_table, table_documents, usable_mapping

    (tmp_path / "c.csv").write_text("headline,body\nT,x\nU,y\n")
    table, rows = read_table(tmp_path / "c.csv", "csv", label="c.csv", columns=None, log=LoadLog())
    assert table.to_dict("list") == {"headline": ["T", "U"], "body": ["x", "y"]} and rows.tolist() == [1, 2]
    assert usable_mapping(["headline", "body"], None, "c.csv", LoadLog()) == {"title": "headline", "text": "body"}
    log = _skip_log()
    assert usable_mapping(["x"], None, "c.csv", log) is None
    assert usable_mapping(["x"], {"text": "y"}, "c.csv", log) is None
    assert [e["problem"] for e in log.entries] == ["no text column and no title column (columns found: x)",
                                                   "column(s) 'y' given in columns= not found (columns found: x)"]
    documents = table_documents(table, rows, label="c.csv", name="c.csv", columns=None, log=LoadLog())
    assert documents.to_dict("list") == {"title": ["T", "U"], "text": ["x", "y"],
                                         "source": ["c.csv, row 1", "c.csv, row 2"],
                                         "__name__": ["c.csv, row 1", "c.csv, row 2"],
                                         "__file__": ["c.csv", "c.csv"], "__row__": [1, 2]}


def test_text_column_joins_lists_decodes_bytes_and_refuses_structs():
    import numpy as np

    from analysis.corpus.tables import text_column

    log = _skip_log()
    values = pd.Series(["a", None, ["p1", "p2"], b"caf\xe9", {"k": 1}, 7], dtype=object)
    text, bad = text_column(values, "text", np.arange(1, 7), np.full(6, "f.json", dtype=object), log)
    assert text.tolist() == ["a", pd.NA, "p1\n\np2", "café", pd.NA, "7"] and str(text.dtype) == "string"
    assert bad.tolist() == [False, False, False, False, True, False]
    assert [(e["row"], e["action"]) for e in log.entries] == [(4, "decoded with fallback"), (5, "skipped"),
                                                              (None, "joined list")]


def test_json_line_chunks_gives_objects_with_line_numbers_in_chunks_and_names_the_other_lines(tmp_path):
    from analysis.corpus.report import LoadLog
    from analysis.corpus.tables import json_line_chunks, streams_json_lines

    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n[1, 2]\n\n{"text": "c"}\n', encoding="utf-8")
    assert streams_json_lines(path, "jsonl") is True
    assert streams_json_lines(path, "json") is False, "only .jsonl files are read line by line"
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert streams_json_lines(empty, "jsonl") is False, "an empty file goes where its problem is named"
    log = LoadLog(errors="skip")
    chunks = list(json_line_chunks(path, label="c.jsonl", log=log, size=2))
    assert chunks == [([{"text": "a"}, {"text": "b"}], [1, 2]), ([{"text": "c"}], [5])]
    assert [(e.get("line"), "JSON list" in e["problem"]) for e in log.entries] == [(3, True)]


def test_headline_only_warning_names_the_column_that_holds_long_prose(tmp_path):
    body = "The club sacked its manager on Monday after a run of defeats. " * 12  # 144 words
    table = pd.DataFrame({"headline": ["Manager sacked", "New coach"], "Story Bodies": [body, body + body],
                          "summary": ["A short teaser of ten words or so for the index.", "Another teaser."]})
    table.to_csv(tmp_path / "club.csv", index=False)
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(tmp_path / "club.csv")
    assert [str(w.message) for w in caught] == [
        f"{(tmp_path / 'club.csv').as_posix()} has no text column (columns found: headline, Story Bodies, summary): "
        "its 2 rows were loaded as headline-only documents (text '', title from column 'headline'); measures that "
        "read text will see only the headlines. Column 'Story Bodies' holds long prose (a median of 216 words a row): "
        "if it is the article text, pass columns={'text': 'Story Bodies'} (in a report: -p columns='{text: Story "
        "Bodies}')."
    ]
    assert docs.text.tolist() == ["", ""]
    # the column named in the hint, given as the warning says, loads the articles
    assert wb.load_corpus(tmp_path / "club.csv", columns={"text": "Story Bodies"}).text.str.split().str.len().tolist() \
        == [144, 288]


def test_a_date_column_under_an_unknown_name_is_named_with_the_columns_to_pass(tmp_path):
    # red team rt16 F18: a German CMS export (BOM, ';') loaded its text, but title, outlet and dates came out empty
    # with no word; the dates column is now named, with the exact columns= that reads it
    path = tmp_path / "de.csv"
    path.write_bytes("\ufeffTitel;Text;Datum;Medium\nFeuer wächst;The fire grew overnight.;12.08.2026;Courier\n"
                     "Straßen zu;Highway 49 is closed.;13.08.2026;Wire\n".encode("utf-8"))
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(path)
    assert docs["published"].isna().all()
    assert [str(w.message) for w in caught if "Datum" in str(w.message)] == [
        f"{path.as_posix()}: no publication date column was recognised, but column 'Datum' holds dates ('12.08.2026'); "
        "its documents count as undated (its other columns are kept as metadata too: Titel, Medium). If it is the "
        "publication date, pass columns={'published': 'Datum'} (in a report: -p columns='{published: Datum}'; with "
        "analyze: --columns published=Datum), and name the title or outlet column the same way if they were not "
        "recognised either."]
    docs = wb.load_corpus(path, columns={"published": "Datum", "title": "Titel", "outlet": "Medium"})
    assert docs["published"].dt.strftime("%Y-%m-%d").tolist() == ["2026-08-12", "2026-08-13"]
    assert docs["title"].tolist() == ["Feuer wächst", "Straßen zu"]


def test_no_date_hint_for_numbers_labels_or_a_recognised_date(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("id,text,label,views\n1,The fire grew.,news,2026\n2,Roads closed.,news,13\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        wb.load_corpus(path)
    (tmp_path / "plain.csv").write_text("text,date,updated\nThe fire grew.,2026-08-12,2026-08-13\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert wb.load_corpus(path)["published"].notna().all()
