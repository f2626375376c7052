"""Hostile real-world input (issue 10): every bad input named, nothing silently corrupted.

One regression test per case, named after it, with the exact input and the exact expectation.
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import analysis as wb
from analysis.corpus import CorpusWarning, parse_dates
from analysis.corpus.dates import parse_published
from analysis.corpus.decode import decode_text
from analysis.corpus.files import file_problem
from analysis.corpus.report import REPORT_PLACE, skip_hint
from analysis.corpus.tables import has_unclosed_quotes, table_separator
from analysis.corpus.tokenised import alternative_columns, looks_pretokenised
from loading import entry, load_error, load_skipping

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# 1. CSV rows with one field more than the header --------------------------------------------------

def test_csv_with_trailing_comma_on_every_row_loads_correctly(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("title,text,outlet\nHeadline one,Body one.,Outlet A,\nHeadline two,Body two.,Outlet B,\n",
                    encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs[["title", "text", "outlet"]].to_dict("records") == [
        {"title": "Headline one", "text": "Body one.", "outlet": "Outlet A"},
        {"title": "Headline two", "text": "Body two.", "outlet": "Outlet B"},
    ]
    assert docs["source"].tolist() == [f"{path.as_posix()}, row 1", f"{path.as_posix()}, row 2"]
    assert docs.attrs["load_report"] == [entry(
        path, "every data row ends with an empty extra field (a trailing comma): 4 fields under a header of 3; "
        "the empty last field was ignored", "ignored trailing field")]


def test_csv_with_an_unnamed_extra_field_holding_values_is_an_error_naming_the_row(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("title,text\nHeadline one,Body one.,\nHeadline two,Body two.,Outlet B\n", encoding="utf-8")
    problem = ("data rows have 3 fields but the header has 2 (row 2 has a value in field 3, which no column name "
               "covers); the columns would be shifted")
    assert load_error(path) == (f"{path.as_posix()}: {problem}; add the missing column name to the header row, "
                            "or remove the extra field")
    docs, _ = load_skipping(path)
    assert len(docs) == 0 and docs.attrs["load_report"] == [entry(path, problem)]


# 2. Dates out of the representable range ------------------------------------------------------------

OUT_OF_RANGE = ["9999-12-31", "0001-01-01", "-62135596800", "253402300800"]


def test_out_of_range_date_strings_are_nat_and_flagged_never_an_error():
    published, bad, outside = parse_published(pd.Series([*OUT_OF_RANGE, "2024-05-09", "soon"], dtype=object))
    assert published.isna().tolist() == [True, True, True, True, False, True]
    assert published.iloc[4] == utc("2024-05-09")
    assert bad.tolist() == [True, True, True, True, False, True]
    assert outside.tolist() == [True, True, True, True, False, False]
    assert str(published.dtype) == "datetime64[ns, UTC]"


def test_out_of_range_epoch_numbers_and_datetime_objects_are_nat():
    import datetime as dt

    numbers = parse_published(pd.Series([-62135596800, 253402300800, 1715241600]))
    assert numbers[0].isna().tolist() == [True, True, False] and numbers[2].tolist() == [True, True, False]
    objects = parse_published(pd.Series([dt.date(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59), dt.date(2024, 5, 9)]))
    assert objects[0].isna().tolist() == [True, True, False] and objects[2].tolist() == [True, True, False]
    assert parse_dates(pd.Series(["9999-12-31T10:00:00+02:00", "Dec 31, 9999", "31/12/9999"]))[1].all()


def test_parquet_timestamps_out_of_range_are_nat_with_a_report_entry(tmp_path):
    path = tmp_path / "p.parquet"
    stamps = pa.array([np.datetime64("9999-12-31", "us"), np.datetime64("2024-05-09", "us")])
    pq.write_table(pa.table({"title": ["A", "B"], "text": ["a.", "b."], "published": stamps}), path)
    with pytest.warns(CorpusWarning, match=r"^1 publication date\(s\) out of the representable range"):
        docs = wb.load_corpus(path)
    assert docs["published"].tolist()[1] == utc("2024-05-09") and pd.isna(docs["published"].iloc[0])
    assert docs.attrs["load_report"] == [entry(
        path, "1 publication date(s) out of the representable range (1677-09-21 to 2262-04-11) (rows 1): "
        "'9999-12-31 00:00:00'", "date left empty (not a valid date)")]


def test_csv_dates_out_of_range_are_nat_in_one_warning(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("title,text,published\nA,a.,9999-12-31\nB,b.,0001-01-01\nC,c.,-62135596800\n"
                    "D,d.,253402300800\nE,e.,2024-05-09\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(path)
    assert [str(w.message) for w in caught] == [
        "4 publication date(s) out of the representable range (1677-09-21 to 2262-04-11) were left empty (those documents count as undated) - "
        f"{path.as_posix()}: 4 (rows 1, 2, 3, 4), e.g. '9999-12-31', '0001-01-01', '-62135596800'. "
        "Fix the values, or see the load report (documents.attrs['load_report'] in Python; every "
        "report shows it under 'Load report')."
    ]
    assert docs["published"].isna().tolist() == [True, True, True, True, False]


def test_json_and_sidecar_dates_out_of_range_are_nat(tmp_path):
    (tmp_path / "j.json").write_text(json.dumps([{"title": "A", "text": "a.", "date": "9999-12-31"},
                                                 {"title": "B", "text": "b.", "date": 253402300800}]))
    (tmp_path / "s.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "s.meta.yml").write_text("published: 0001-01-01\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="out of the representable range"):
        docs = wb.load_corpus(tmp_path)
    assert docs["published"].isna().all() and len(docs) == 3


# 3. One bad byte in a UTF-8 file ------------------------------------------------------------------------

def test_one_non_utf8_byte_in_a_utf8_csv_decodes_only_that_row_as_cp1252(tmp_path):
    lines = [f"T{i},Café body {i}." for i in range(999)]
    data = ("title,text\n" + "\n".join(lines[:499]) + "\n").encode() + b"Bad,Caf\xe9 x\n"
    data += ("\n".join(lines[499:]) + "\n").encode()
    path = tmp_path / "d.csv"
    path.write_bytes(data)
    docs = wb.load_corpus(path)
    assert len(docs) == 1000
    assert docs["text"].iloc[0] == "Café body 0." and docs["text"].iloc[999] == "Café body 998."
    assert docs["text"].iloc[499] == "Café x"
    assert docs.attrs["load_report"] == [entry(path, "not valid UTF-8; this row decoded as cp1252",
                                               "decoded as cp1252", row=500)]


def test_decode_text_falls_back_line_by_line():
    decoded = decode_text(b"ok \xc3\xa9\nCaf\xe9 x\ngood \xe2\x80\x9c\n\x81\n")
    assert decoded.text == "ok é\nCafé x\ngood “\n\x81\n"
    assert decoded.fallback == {2: "cp1252", 4: "latin-1"}


def test_one_bad_byte_in_a_jsonl_file_is_noted_on_its_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"title": "A", "text": "caf\xc3\xa9"}\n{"title": "B", "text": "caf\xe9"}\n')
    docs = wb.load_corpus(path)
    assert docs["text"].tolist() == ["café", "café"]
    assert docs.attrs["load_report"] == [entry(path, "not valid UTF-8; this line decoded as cp1252",
                                               "decoded as cp1252", line=2)]


SURROGATE = ("a lone UTF-16 surrogate escape (such as \\ud800) in the JSON text, which is no character",
             "replaced with U+FFFD, the replacement character")


def test_a_lone_surrogate_escape_in_json_is_replaced_and_noted_like_a_bad_byte(tmp_path):
    one = tmp_path / "one.json"
    one.write_text('{"title": "T", "text": "abc \\ud800 def"}')
    for errors in ("raise", "skip"):  # as for bad bytes: never an error, never a crash
        docs = wb.load_corpus(one, errors=errors)
        assert docs["text"].tolist() == ["abc \ufffd def"]
        assert docs.attrs["load_report"] == [entry(one, *SURROGATE, row=1)]
    many = tmp_path / "many.json"  # a pair (an emoji) is one character and stays; row 2's lone one is noted
    many.write_text('[{"title": "A", "text": "ok"}, {"title": "B \\udc00", "text": "x \\ud83d\\ude00"}]')
    docs = wb.load_corpus(many)
    assert docs["title"].tolist() == ["A", "B \ufffd"] and docs["text"].tolist() == ["ok", "x \U0001F600"]
    assert docs.attrs["load_report"] == [entry(many, *SURROGATE, row=2)]
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"title": "A", "text": "fine"}\n{"title": "B", "text": "abc \\ud800 def"}\n')
    docs = wb.load_corpus(lines)
    assert docs["text"].tolist() == ["fine", "abc \ufffd def"]
    assert docs.attrs["load_report"] == [entry(lines, *SURROGATE, line=2)]


def test_a_folder_of_json_files_with_a_lone_surrogate_loads_every_file(tmp_path):
    for i in range(3):  # several one-object files are read together by Arrow, which refuses the escape
        (tmp_path / f"{i}.json").write_text(f'{{"title": "T{i}", "text": "abc \\ud800 {i}"}}')
    docs = wb.load_corpus(tmp_path)
    assert docs["text"].tolist() == ["abc \ufffd 0", "abc \ufffd 1", "abc \ufffd 2"]
    assert [e["row"] for e in docs.attrs["load_report"]] == [1, 1, 1]


# 4. Text columns read as text -----------------------------------------------------------------------------

def test_numeric_looking_title_and_text_stay_text(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("title,text,code\n0123,1e5,0123\n", encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs.loc[0, "title"] == "0123" and docs.loc[0, "text"] == "1e5"
    assert docs.loc[0, "code"] == 123  # other metadata keeps pandas' inference


def test_parquet_list_text_column_is_joined_as_paragraphs_with_a_note(tmp_path):
    path = tmp_path / "l.parquet"
    pq.write_table(pa.table({"title": ["A", "B"], "text": pa.array([["p1", "p2"], ["q"]])}), path)
    docs = wb.load_corpus(path)
    assert docs["text"].tolist() == ["p1\n\np2", "q"]
    assert docs.attrs["load_report"] == [entry(
        path, "column 'text' holds lists of strings in 2 row(s): joined as paragraphs", "joined list")]


def test_parquet_struct_text_column_is_an_error_never_a_repr(tmp_path):
    path = tmp_path / "st.parquet"
    pq.write_table(pa.table({"title": ["A", "B"], "text": pa.array([{"x": "a"}, {"x": "b"}])}), path)
    problem = "column 'text' holds a JSON object (struct) of fields, not text"
    assert load_error(path) == (f"{path.as_posix()}, row 1: {problem}; store the article as text in that column, "
                            "or pass errors='skip' to skip such rows (in a report: -p errors=skip; "
                            "with analyze: --errors skip)")
    docs, _ = load_skipping(path)
    assert len(docs) == 0
    assert docs.attrs["load_report"] == [entry(path, problem, row=1), entry(path, problem, row=2)]


def test_parquet_binary_text_with_a_bad_byte_is_decoded_with_the_fallback(tmp_path):
    path = tmp_path / "bin.parquet"
    pq.write_table(pa.table({"title": ["A", "B"], "text": pa.array([b"caf\xc3\xa9 ok", b"caf\xe9 bad"])}), path)
    docs = wb.load_corpus(path)
    assert docs["text"].tolist() == ["café ok", "café bad"]
    assert docs.attrs["load_report"] == [entry(path, "column 'text': bytes decoded (cp1252 fallback)",
                                               "decoded with fallback", row=2)]


# 5. NUL bytes anywhere -----------------------------------------------------------------------------------

def test_nul_byte_after_the_first_64kb_of_a_csv_is_named(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"title,text\nA," + b"x" * 70000 + b"\nB,b\x00c\n")
    assert load_error(path) == (f"{path.as_posix()}: looks like a binary file (NUL byte at line 3, offset 70017), "
                            "not a text table; remove it or export it as UTF-8 CSV/TSV")


def test_nul_byte_late_in_a_text_file_is_named(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Title\n\n" + b"x " * 40000 + b"\x00")
    assert load_error(path) == (f"{path.as_posix()}: looks like a binary file (NUL byte at line 3, offset 80007), "
                            "not text; remove it, or convert it to UTF-8 text")


def test_nul_character_in_a_parquet_or_json_value_names_the_row(tmp_path):
    path = tmp_path / "nul.parquet"
    pq.write_table(pa.table({"title": ["A", "B"], "text": ["ok", "bad\x00x"]}), path)
    problem = "column 'text' holds a NUL character (a binary or corrupted value)"
    assert load_error(path) == (f"{path.as_posix()}, row 2: {problem}; remove it from the source, "
                            "or pass errors='skip' to skip such rows (in a report: -p errors=skip; "
                            "with analyze: --errors skip)")
    escaped = tmp_path / "nul.jsonl"
    escaped.write_text('{"title": "A", "text": "ok"}\n{"title": "B", "text": "bad\\u0000x"}\n', encoding="utf-8")
    docs, _ = load_skipping(escaped)
    assert docs["title"].tolist() == ["A"]
    assert docs.attrs["load_report"] == [entry(escaped, problem, row=2)]


# 6. Symbolic links, FIFOs, unreadable files ----------------------------------------------------------------

@pytest.fixture
def hostile_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.json")
    os.mkfifo(tmp_path / "pipe.csv")
    return tmp_path


def test_dangling_symlinks_loops_and_fifos_are_skipped_with_report_entries(hostile_folder):
    folder = hostile_folder
    docs, messages = load_skipping(folder)
    assert docs["title"].tolist() == ["Title"]
    fifo = "not a regular file: a named pipe (FIFO)"
    assert docs.attrs["load_report"] == [
        entry(folder / "dangling.txt",
              f"a dangling symbolic link (its target {str(folder / 'missing.txt')!r} does not exist)"),
        entry(folder / "loop.txt", "a symbolic link loop (the link points back to itself)"),
        entry(folder / "pipe.csv", fifo), entry(folder / "pipe.json", fifo), entry(folder / "pipe.txt", fifo),
    ]
    assert messages[0].startswith("load_corpus skipped 5 bad item(s)")


def test_dangling_symlink_loop_and_fifo_raise_input_errors_naming_them(hostile_folder):
    folder = hostile_folder
    assert load_error(folder) == (f"{(folder / 'dangling.txt').as_posix()}: a dangling symbolic link (its target "
                              f"{str(folder / 'missing.txt')!r} does not exist); remove the link or restore its target")
    assert load_error(folder / "loop.txt") == (f"{folder / 'loop.txt'}: a symbolic link loop (the link points back to "
                                          "itself); remove or fix the link")
    assert load_error(folder / "pipe.txt") == (f"{(folder / 'pipe.txt').as_posix()}: not a regular file: a named pipe "
                                          "(FIFO); remove it from the folder, or copy the data into a file")
    assert load_error(folder / "pipe.csv").endswith("not a regular file: a named pipe (FIFO); remove it from the folder, "
                                                "or copy the data into a file")


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    real_open = os.open

    def denied(file, *args, **kwargs):  # tests run as root, where chmod 000 does not deny reading
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("os.open", denied)
    assert load_error(path) == (f"{path.as_posix()}: permission denied: the file cannot be read; "
                            "give yourself read permission (chmod u+r), or remove it")


def test_file_problem_of_a_regular_file_and_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert file_problem(tmp_path / "a.txt") is None
    assert file_problem(tmp_path).problem == "not a regular file: a folder"


def test_dangling_sidecar_is_skipped_and_its_document_loads(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    os.symlink(tmp_path / "nope.meta.yml", tmp_path / "a.meta.yml")
    docs, _ = load_skipping(tmp_path)
    assert docs["title"].tolist() == ["Title"]
    assert docs.attrs["load_report"] == [entry(
        tmp_path / "a.meta.yml",
        f"unreadable metadata sidecar: a dangling symbolic link (its target {str(tmp_path / 'nope.meta.yml')!r} "
        "does not exist)")]


# 7. Deeply nested JSON ---------------------------------------------------------------------------------------

def test_deeply_nested_json_is_an_input_error_not_a_recursion_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert load_error(path) == (f"{path.as_posix()}: not a usable JSON file: nested too deeply (deeper than Python's "
                            "recursion limit); flatten it to an array of objects of fields")


def test_deeply_nested_json_line_is_skipped_naming_the_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text('{"title": "A", "text": "a."}\n' + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    docs, _ = load_skipping(path)
    assert docs["title"].tolist() == ["A"]
    assert docs.attrs["load_report"] == [entry(
        path, "not a usable JSON document: nested too deeply (deeper than Python's recursion limit)", line=2)]


# 20. Pre-tokenised text -------------------------------------------------------------------------------------

TOKENISED = "Quetta , Mr. Rahami visited Karachi , Pakistan ."


def test_pretokenised_text_prefers_the_untokenised_alternative_column(tmp_path):
    path = tmp_path / "tok.csv"
    path.write_text(f'title,content,content_original\nA,"{TOKENISED}","Quetta, Mr. Rahami visited Karachi, '
                    'Pakistan."\n', encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs.loc[0, "text"] == "Quetta, Mr. Rahami visited Karachi, Pakistan."
    assert docs.attrs["load_report"] == [entry(
        path, "text column 'content' looks pre-tokenised (spaces before commas and full stops); used the "
        "untokenised column 'content_original' instead", "used untokenised column")]


def test_pretokenised_text_without_an_alternative_warns(tmp_path):
    path = tmp_path / "tok.csv"
    path.write_text(f'title,content\nA,"{TOKENISED}"\n', encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(path)
    assert docs.loc[0, "text"] == TOKENISED
    assert [str(w.message) for w in caught] == [
        f"{path.as_posix()}: text column 'content' looks pre-tokenised (tokens joined by spaces, as in "
        "'Karachi , Pakistan .'), and the table has no untokenised alternative (such as 'content_original'); "
        "sentence splitting, quotes and tone read such text less well. Detokenise the text, or pass "
        "columns={'text': '<column>'} naming an untokenised column."
    ]


def test_pretokenised_detection_rules():
    assert looks_pretokenised(pd.Series([TOKENISED]))
    assert not looks_pretokenised(pd.Series(["Quetta, Mr. Rahami visited Karachi, Pakistan."]))
    assert not looks_pretokenised(pd.Series(["Bonjour ! Quoi ? Il a dit : non."]))  # French spacing
    assert alternative_columns(["content", "content_original", "raw_text", "title_original", "x"], "content") == [
        "content_original", "raw_text"]


def test_explicit_text_column_is_obeyed_even_when_pretokenised(tmp_path):
    path = tmp_path / "tok.csv"
    path.write_text(f'title,content,content_original\nA,"{TOKENISED}",untokenised\n', encoding="utf-8")
    docs = wb.load_corpus(path, columns={"text": "content"})
    assert docs.loc[0, "text"] == TOKENISED and docs.attrs["load_report"] == []


def test_symlink_to_a_folder_is_not_followed_and_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")  # a folder link back to the corpus: following it would never end
    with pytest.warns(CorpusWarning, match=r"ignored 1 item\(s\) that are not documents"):
        docs = wb.load_corpus(tmp_path)
    assert docs["title"].tolist() == ["Title"]
    assert docs.attrs["load_report"] == [entry(tmp_path / "loop", "a symbolic link to a folder: not followed",
                                               "ignored")]


def test_folder_that_cannot_be_listed_is_named(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def denied(path="."):  # tests run as root, where chmod 000 does not deny listing
        if str(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("os.scandir", denied)
    assert load_error(tmp_path) == (f"{tmp_path / 'locked'}: a folder that cannot be listed (Permission denied); "
                                "give yourself read and execute permission on it, or remove it")


def test_pretokenised_text_file_is_listed_with_one_warning(tmp_path):
    path = tmp_path / "tok.txt"
    path.write_text(f"Title\n\n{TOKENISED}\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Title\n\nQuetta, Mr. Rahami visited Karachi, Pakistan.\n", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(tmp_path)
    assert docs["text"].tolist()[1] == TOKENISED
    assert [str(w.message) for w in caught] == [
        "1 file(s) hold text that looks pre-tokenised (tokens joined by spaces, as in 'Karachi , Pakistan .'), "
        f"e.g. {path.as_posix()}; sentence splitting, quotes and tone read such text less well. Detokenise the "
        "text; the files are listed in the load report (documents.attrs['load_report'] in Python; "
        "every report shows it under 'Load report')."
    ]
    assert docs.attrs["load_report"] == [entry(path, "text looks pre-tokenised (spaces before commas and full stops)",
                                               "loaded as it is")]


def test_read_bytes_of_a_folder_is_a_file_problem_not_an_os_error(tmp_path):
    # the descriptor is checked before it is read: a folder is named as such, never IsADirectoryError
    from analysis.corpus.files import FileProblem, read_bytes

    with pytest.raises(FileProblem, match="not a regular file: a folder"):
        read_bytes(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"x" * 70_000)
    assert read_bytes(tmp_path / "a.txt") == b"x" * 70_000


# 21. A new user's hostile CSV and text files ----------------------------------------------------------------

SKIP = "or pass errors='skip' to skip the row (in a report: -p errors=skip; with analyze: --errors skip)"
BAD_QUOTE = ('title,text,date,outlet\nA,"Mayor Helen Stroud said the vote was fair.",2026-04-14,Echo\n'
             'B,"Councillor Jo Reed said ""no"" to the plan.,2026-04-15,Echo\n'
             'C,"Third article text here.",2026-04-16,Echo\n')
UNCLOSED = ("unclosed quotation mark: a quoted field runs on past the end of its line and takes in the next 1 "
            "line(s), whose rows would be merged into this one")


def test_bad_quote_csv_one_unclosed_quotation_mark_is_an_error_naming_the_row(tmp_path):
    # row B's quotation mark is never closed: pandas ran its text on into row C (B took C's date, C vanished)
    path = tmp_path / "bad_quote.csv"
    path.write_text(BAD_QUOTE, encoding="utf-8")
    assert load_error(path) == (f"{path.as_posix()}, row 2, line 3: {UNCLOSED}; close the quotation mark (a "
                                f'quotation mark inside a quoted field is written twice: ""), {SKIP}')


def test_bad_quote_csv_skipped_leaves_out_that_row_only_and_says_so(tmp_path):
    path = tmp_path / "bad_quote.csv"
    path.write_text(BAD_QUOTE, encoding="utf-8")
    docs, caught = load_skipping(path)
    assert docs[["title", "text"]].to_dict("records") == [
        {"title": "A", "text": "Mayor Helen Stroud said the vote was fair."},
        {"title": "C", "text": "Third article text here."}]
    assert docs["published"].tolist() == [utc("2026-04-14"), utc("2026-04-16")]
    assert docs["source"].tolist() == [f"{path.as_posix()}, row 1", f"{path.as_posix()}, row 3"]
    assert docs.attrs["load_report"] == [entry(path, f"{UNCLOSED}; the line(s) it took in were read as rows",
                                               row=2, line=3)]
    assert caught[0].startswith("load_corpus skipped 1 bad item(s)")


def test_bad_quote_csv_left_open_to_the_end_of_the_file(tmp_path):
    path = tmp_path / "open_end.csv"
    path.write_text('title,text\nA,Alpha.\nB,"Beta.\nC,Gamma.\nD,Delta.\n', encoding="utf-8")
    problem = ("unclosed quotation mark: a quoted field runs on past the end of its line to the end of the file "
               "(2 more line(s)), whose rows would be merged into this one")
    assert load_error(path).startswith(f"{path.as_posix()}, row 2, line 3: {problem}; close the quotation mark")
    docs, _ = load_skipping(path)
    assert docs["title"].tolist() == ["A", "C", "D"]
    assert docs["source"].str.slice(-5).tolist() == ["row 1", "row 3", "row 4"]
    assert docs.attrs["load_report"] == [entry(path, f"{problem}; the line(s) it took in were read as rows",
                                               row=2, line=3)]


def test_bad_quote_csv_whose_swallowed_lines_are_no_rows_skips_them_with_it(tmp_path):
    # the closing mark of a two-paragraph text is missing: "Para two.,2026-01-01" is no row of three fields
    path = tmp_path / "paragraphs.csv"
    path.write_text('title,text,date\nA,"Para one.\n\nPara two.,2026-01-01\nB,"Bee.",2026-01-02\n'
                    'C,"Sea.",2026-01-03\n', encoding="utf-8")
    docs, _ = load_skipping(path)
    assert docs[["title", "text"]].to_dict("records") == [{"title": "C", "text": "Sea."}]
    assert docs["source"].tolist() == [f"{path.as_posix()}, row 2"]
    assert docs.attrs["load_report"] == [entry(
        path, "unclosed quotation mark: a quoted field runs on past the end of its line and takes in the next 3 "
        "line(s), whose rows would be merged into this one; lines 2-5 were skipped with it", row=1, line=2)]


def test_csv_with_paragraphs_inside_closed_quotation_marks_loads_unchanged(tmp_path):
    path = tmp_path / "paragraphs.csv"
    path.write_text('title,text,date\nA,"Para one, with a comma.\n\nPara two said ""no"".",2026-01-01\r\n'
                    'B,"Bee.\nSecond line.",2026-01-02\n\nC,Sea.,2026-01-03\n', encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs["text"].tolist() == ['Para one, with a comma.\n\nPara two said "no".', "Bee.\n\nSecond line.", "Sea."]
    assert docs["source"].str.slice(-5).tolist() == ["row 1", "row 2", "row 3"]
    assert docs.attrs["load_report"] == []
    assert not has_unclosed_quotes(path, sep=",", encoding="utf-8-sig")
    (tmp_path / "bad.csv").write_text(BAD_QUOTE, encoding="utf-8")
    assert has_unclosed_quotes(tmp_path / "bad.csv", sep=",", encoding="utf-8-sig")


def test_semicolon_csv_is_read_as_semicolon_separated_with_a_note(tmp_path):
    # a European Excel export: semicolons, day-first dates with dots
    path = tmp_path / "semicolon.csv"
    path.write_text("title;text;date;outlet\nVote passes;Mayor Helen Stroud said the vote was fair.;14.04.2026;Echo\n"
                    'Union warns;"Unison said: jobs; pay; pensions.";15.04.2026;Echo\n', encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs[["title", "text", "outlet"]].to_dict("records") == [
        {"title": "Vote passes", "text": "Mayor Helen Stroud said the vote was fair.", "outlet": "Echo"},
        {"title": "Union warns", "text": "Unison said: jobs; pay; pensions.", "outlet": "Echo"}]
    assert docs["published"].tolist() == [utc("2026-04-14"), utc("2026-04-15")]
    assert docs.attrs["load_report"] == [entry(path, "the header line is separated by semicolons, not commas",
                                               "read as semicolon-separated")]


@pytest.mark.parametrize(("header", "sep", "name"), [("title\ttext\tdate", "\t", "tab"),
                                                      ("title|text|date", "|", "pipe")])
def test_tab_as_csv_and_pipe_csv_are_read_by_their_separator(tmp_path, header, sep, name):
    path = tmp_path / "tab_as.csv"
    path.write_text(f"{header}\nA{sep}Gwen Pritchard said fans were robbed.{sep}2026-04-14\n", encoding="utf-8")
    docs = wb.load_corpus(path)
    assert docs[["title", "text"]].to_dict("records") == [
        {"title": "A", "text": "Gwen Pritchard said fans were robbed."}]
    assert docs.attrs["load_report"] == [entry(path, f"the header line is separated by {name}s, not commas",
                                               f"read as {name}-separated")]


def test_table_separator_reads_the_header_line_outside_quotation_marks():
    assert table_separator(b'title,text;notes,date\nA;b', "csv", label="x") == ","  # more commas
    assert table_separator(b'"a,b,c";d;e\n', "csv", label="x") == ";"  # commas inside quotation marks not counted
    assert table_separator(b"title\n", "csv", label="x") == ","  # one column
    assert table_separator(b"\xef\xbb\xbftitle;text\n", "csv", label="x") == ";"
    assert table_separator("title;text\n".encode("utf-16"), "csv", label="x") == ";"
    assert table_separator(b"title;text,x\n", "tsv", label="x") == "\t"  # a .tsv stays tab-separated


def test_extra_field_csv_names_the_data_row(tmp_path):
    path = tmp_path / "extra_field.csv"
    path.write_text('title,text,date,outlet\nA,"Mayor Helen Stroud said the vote\nwas fair.",2026-04-14,Echo\n'
                    'B,"Reed said, no, to the plan.",2026-04-15,Echo,EXTRA\nC,c.,2026-04-16,Echo\n', encoding="utf-8")
    assert load_error(path) == (
        f"{path.as_posix()}, row 2: 5 fields where 4 were expected; remove the extra field(s) or add their column "
        f"name(s) to the header row (a value holding a comma must be in quotation marks), {SKIP}")
    docs, _ = load_skipping(path)
    assert docs["source"].str.slice(-5).tolist() == ["row 1", "row 3"]
    assert docs.attrs["load_report"] == [entry(path, "5 fields where 4 were expected", row=2)]


def test_page_as_txt_says_it_looks_like_html(tmp_path):
    path = tmp_path / "page_as.txt"
    path.write_text('<html><body><h1>Vote</h1><p>Mayor Helen Stroud said "yes".</p></body></html>\n', encoding="utf-8")
    assert load_error(path) == (
        f"{path.as_posix()}: no text after the title line '<html><body><h1>Vote</h1><p>Mayor Helen Stroud said "
        "\"yes\".</p></body></html>' (the file looks like an HTML page); name it .html (or pass format='html'; in a "
        "report: -p format=html; with analyze: --format html) to read it as a web page, or add the article's text, "
        "or remove the file, or pass errors='skip' to skip every such file (in a report: -p errors=skip; with analyze: "
        "--errors skip)")
    assert wb.load_corpus(path, format="html")["text"].tolist() == ['Vote Mayor Helen Stroud said "yes".']


def test_fake_xlsx_says_to_save_the_sheet_as_csv(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 fake")
    assert load_error(path).endswith(": a spreadsheet, which is not read; supported extensions: "
                                     ".txt, .text, .md, .markdown, .html, .htm, .xhtml, .csv, .tsv, .tab, .jsonl, "
                                     ".ndjson, .json, .parquet, .pq; save it as CSV (in Excel: File > Save As > CSV "
                                     "UTF-8) and load the CSV file")
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="ignored 1 item"):
        docs = wb.load_corpus(tmp_path)
    assert docs.attrs["load_report"][0]["problem"].endswith("; a spreadsheet: save it as CSV to load it")


def test_skip_hint_and_report_place_name_the_command_line_too():
    assert skip_hint() == ("or pass errors='skip' to skip it (in a report: -p errors=skip; with analyze: "
                           "--errors skip)")
    assert skip_hint("such rows").startswith("or pass errors='skip' to skip such rows (in a report:")
    assert REPORT_PLACE == ("the load report (documents.attrs['load_report'] in Python; every report shows it "
                            "under 'Load report')")


def test_a_dataframe_of_ones_own_is_loaded_as_a_table_file_is():
    frame = pd.DataFrame({"headline": ["Strike ends", "Second"], "body": ["Nurses said the strike was over.", "More."],
                          "date": ["2026-03-05 14:00 UTC", "2026-03-06"]}, index=[10, 11])
    documents = wb.load_corpus(frame)
    assert documents["title"].tolist() == ["Strike ends", "Second"]
    assert documents["text"].tolist() == ["Nurses said the strike was over.", "More."]
    assert documents["published"].tolist() == [pd.Timestamp("2026-03-05 14:00", tz="UTC"), pd.Timestamp("2026-03-06", tz="UTC")]
    assert documents["source"].tolist() == ["the DataFrame, row 1", "the DataFrame, row 2"]
    assert documents["doc_id"].str.fullmatch(r"[0-9a-f]{16}").all() and documents["doc_id"].is_unique
    with pytest.raises(wb.InputError, match=r"^the DataFrame: no text column and no title column \(columns found: x\)"):
        wb.load_corpus(pd.DataFrame({"x": [1]}))


def test_an_empty_dataframe_is_named_as_a_dataframe_not_a_file():
    # it said "remove the file or add rows": a DataFrame has no file
    fix = "pass a DataFrame with one row per article (a text column, a title column or both)"
    for empty in (pd.DataFrame(), pd.DataFrame(columns=["title", "text"])):
        with pytest.raises(wb.InputError) as raised:
            wb.load_corpus(empty)
        assert str(raised.value) == f"the DataFrame: the table has no rows; {fix}"
    with pytest.warns(CorpusWarning, match="skipped 1 bad item"):
        documents = wb.load_corpus(pd.DataFrame(), errors="skip")
    assert documents.empty and documents.attrs["load_report"] == [
        {"source": "the DataFrame", "row": None, "line": None, "problem": "the table has no rows", "action": "skipped"}]
    with pytest.raises(wb.InputError, match=r"^the DataFrame: no text column and no title column \(columns found: "
                                            r"none\)"):
        wb.load_corpus(pd.DataFrame(index=[0, 1]))


def test_markup_candidates_read_the_bytes_of_arrow_columns_as_str_contains_reads_any_column():
    from analysis.corpus.html import _markup_candidates

    values = ["a < b", None, "plain", "AT&T", "", "é<", "x" * 10]
    expected = [True, False, False, True, False, True, False]
    sliced = pa.chunked_array([pa.array(values).slice(2)])  # an offset into the buffers
    two = pa.chunked_array([pa.array(values[:3], pa.large_string()), pa.array(values[3:], pa.large_string())])
    assert _markup_candidates(pd.Series(values, dtype="string[pyarrow]")).tolist() == expected
    assert _markup_candidates(pd.Series(values, dtype=object)).tolist() == expected
    assert _markup_candidates(pd.Series(two, dtype=pd.ArrowDtype(pa.large_string()))).tolist() == expected
    assert _markup_candidates(pd.Series(sliced, dtype=pd.ArrowDtype(pa.string()))).tolist() == expected[2:]
