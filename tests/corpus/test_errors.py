"""Bad input: a clear InputError with errors="raise"; skipped, reported and warned with errors="skip"."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import EXTENSIONS, FORMATS, CorpusWarning
from loading import entry, load_error, load_skipping

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")

SKIP = " or pass errors='skip' to skip every such file (in a report: -p errors=skip; with analyze: --errors skip)"


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_errors_and_format_options_are_checked(tmp_path):
    with pytest.raises(ValueError, match=r"^errors must be 'raise' or 'skip', not 'ignore'$"):
        wb.load_corpus(tmp_path, errors="ignore")
    expected = r"^format must be one of article, text, markdown, html, csv, tsv, jsonl, json, parquet"
    with pytest.raises(ValueError, match=expected):
        wb.load_corpus(tmp_path, format="docx")


def test_missing_path(tmp_path):
    path = tmp_path / "nope"
    assert load_error(path) == f"{path}: no such file or folder; check the path (relative paths start at {Path.cwd()})"
    docs, messages = load_skipping(path)
    assert len(docs) == 0 and list(docs.columns)[:3] == ["doc_id", "title", "text"]
    assert docs.attrs["load_report"] == [entry(str(path), "no such file or folder")]
    assert messages == [
        "load_corpus skipped 1 bad item(s), listed in the load report "
        f"(documents.attrs['load_report'] in Python; every report shows it under 'Load report'): {path}: no such file or folder"
    ]


def test_missing_path_in_a_list_of_sources_is_skipped(tmp_path):
    good = write(tmp_path / "a.txt", "Title\n\nBody.")
    docs, _ = load_skipping([good, tmp_path / "gone.txt"])
    assert docs["title"].tolist() == ["Title"]
    assert [e["problem"] for e in docs.attrs["load_report"]] == ["no such file or folder"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("e.txt", "", "the file is empty; remove it or add the article's text, or pass errors='skip' to skip every such file (in a report: -p errors=skip; with analyze: --errors skip)"),
        ("e.md", "  \n\n \n", "the file is empty; remove it or add the article's text, or pass errors='skip' to skip every such file (in a report: -p errors=skip; with analyze: --errors skip)"),
        ("e.csv", "", "the file is empty; remove it or add a header row and data rows, or pass errors='skip' to skip every such file (in a report: -p errors=skip; with analyze: --errors skip)"),
        ("e.jsonl", "\n", "the file is empty; remove it or add content, or pass errors='skip' to skip every such file (in a report: -p errors=skip; with analyze: --errors skip)"),
    ],
)
def test_empty_file(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    assert load_error(path) == f"{path.as_posix()}: {problem}"
    docs, messages = load_skipping(path)
    assert docs.attrs["load_report"] == [entry(path, problem.split(";")[0])]
    assert messages[0].startswith("load_corpus skipped 1 bad item(s)")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("b.txt", "looks like a binary file (NUL byte at line 1, offset 3), not text; remove it, or convert it to UTF-8 text"),
        ("b.csv",
         "looks like a binary file (NUL byte at line 1, offset 3), not a text table; remove it or export it as UTF-8 CSV/TSV"),
        ("b.json", "looks like a binary file (NUL byte at line 1, offset 3), not text; remove it or export it as UTF-8 text"),
    ],
)
def test_binary_file(tmp_path, name, problem):
    path = write(tmp_path / name, b"PK\x03\x00\x04binary")
    assert load_error(path) == f"{path.as_posix()}: {problem}"
    docs, _ = load_skipping(path)
    assert docs.attrs["load_report"] == [entry(path, problem.split(";")[0])]


def test_table_without_text_or_title_skipped(tmp_path):
    path = write(tmp_path / "t.csv", "a,b\n1,2\n")
    docs, messages = load_skipping(path)
    assert docs.attrs["load_report"] == [entry(path, "no text column and no title column (columns found: a, b)")]
    assert len(docs) == 0


def test_row_with_empty_text(tmp_path):
    path = write(tmp_path / "t.csv", "title,text\nA,Alpha.\nB,\nC,   \nD,Delta.\n")
    assert load_error(path) == (
        f"{path.as_posix()}, row 2: empty text (column 'text'); "
        "fill it in or remove the row, or pass errors='skip' to skip such rows (in a report: -p "
        "errors=skip; with analyze: --errors skip)"
    )
    docs, messages = load_skipping(path)
    assert docs["title"].tolist() == ["A", "D"]
    assert docs["source"].str.rsplit(", ", n=1).str[1].tolist() == ["row 1", "row 4"]
    assert docs.attrs["load_report"] == [
        entry(path, "empty text (column 'text')", row=2), entry(path, "empty text (column 'text')", row=3)
    ]
    assert messages == [
        "load_corpus skipped 2 bad item(s), listed in the load report "
        "(documents.attrs['load_report'] in Python; every report shows it under 'Load report'): "
        f"{path.as_posix()}, row 2: empty text (column 'text'); {path.as_posix()}, row 3: empty text (column 'text')"
    ]


def test_headline_only_row_without_title(tmp_path):
    path = write(tmp_path / "t.csv", "title,media_name\nA,X\n,Y\n")
    expected = r"t\.csv, row 2: no title \(column 'title'\) and the table has no text column"
    with pytest.raises(wb.InputError, match=expected):
        wb.load_corpus(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Only a title\n", "no text after the title line 'Only a title'"),
        ("Headline Here\n\nauthor-image\nJane Doe\n@Tag\n", "no text after the title line 'Headline Here'"),
    ],
)
def test_file_with_no_text(tmp_path, content, problem):
    path = write(tmp_path / "t.txt", content)
    assert load_error(path) == f"{path.as_posix()}: {problem}; add the article's text, or remove the file,{SKIP}"
    docs, _ = load_skipping(path)
    assert docs.attrs["load_report"] == [entry(path, problem)]


def test_malformed_json_line(tmp_path):
    path = write(tmp_path / "c.jsonl", '{"title": "A", "text": "a."}\n{bad json\n[1, 2]\n{"title": "B", "text": "b."}')
    assert load_error(path) == (
        f"{path.as_posix()}, line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2); "
        "fix or remove the line, or pass errors='skip' to skip it (in a report: -p errors=skip; with "
        "analyze: --errors skip)"
    )
    docs, _ = load_skipping(path)
    assert docs["title"].tolist() == ["A", "B"]
    assert docs.attrs["load_report"] == [
        entry(path, "not valid JSON (Expecting property name enclosed in double quotes at column 2)", line=2),
        entry(path, "a JSON list where an object (one document) was expected", line=3),
    ]


def test_malformed_json_file(tmp_path):
    path = write(tmp_path / "c.json", '[{"title": "A", "text": "a."},\n {"title": "B" "text": "b."}]')
    expected = f"{path.as_posix()}, line 2: not valid JSON (Expecting ',' delimiter at column 16); fix the file"
    assert load_error(path) == expected


def test_an_unterminated_json_string_says_at_once(tmp_path):
    """Python's message "Unterminated string starting at" ends with "at": the column followed a second "at"."""
    path = write(tmp_path / "c.jsonl", '{"title": "A", "text": "a."}\n{"title": "B", "text": "b.\n')
    assert load_error(path).startswith(
        f"{path.as_posix()}, line 2: not valid JSON (Unterminated string starting at column 24); fix or remove")
    single = write(tmp_path / "c.json", '[{"title": "A", "text": "a.}]')
    assert load_error(single) == (f"{single.as_posix()}, line 1: not valid JSON (Unterminated string starting at "
                                  "column 25); fix the file")


def test_malformed_csv_line(tmp_path):
    path = write(tmp_path / "t.csv", "title,text\nA,a.\nB,b.,extra\nC,c.\n")
    assert load_error(path) == (
        f"{path.as_posix()}, row 2: 3 fields where 2 were expected; remove the extra field(s) or add their column "
        "name(s) to the header row (a value holding a comma must be in quotation marks), or pass errors='skip' to "
        "skip the row (in a report: -p errors=skip; with analyze: --errors skip)"
    )
    docs, _ = load_skipping(path)
    assert docs["title"].tolist() == ["A", "C"]
    assert docs["source"].tolist() == [f"{path.as_posix()}, row 1", f"{path.as_posix()}, row 3"]  # C keeps its row
    assert docs.attrs["load_report"] == [entry(path, "3 fields where 2 were expected", row=2)]


def test_unreadable_parquet(tmp_path):
    path = write(tmp_path / "c.parquet", b"not parquet at all")
    expected = r"c\.parquet: not a readable Parquet file \(.+\); check that it is a Parquet file"
    with pytest.raises(wb.InputError, match=expected):
        wb.load_corpus(path)


def test_unknown_format_single_file_and_in_a_folder(tmp_path):
    path = write(tmp_path / "notes.docx", "x")
    assert load_error(path) == (
        f"{path.as_posix()}: unknown format '.docx'; supported extensions: {', '.join(EXTENSIONS)}; "
        f"pass format= (one of {', '.join(FORMATS)}) to read it as one of them (in a report: -p format=NAME; "
        "with analyze: --format NAME)"
    )
    docs, _ = load_skipping(path)
    problem = f"unknown format '.docx'; supported extensions: {', '.join(EXTENSIONS)}"
    assert docs.attrs["load_report"] == [entry(path, problem)]
    write(tmp_path / "a.txt", "Title\n\nBody.")
    with pytest.warns(CorpusWarning, match=r"^load_corpus ignored 1 item\(s\) that are not documents"):
        docs = wb.load_corpus(tmp_path)  # errors="raise": other files in a folder are ignored, not errors
    assert docs["title"].tolist() == ["Title"]
    assert docs.attrs["load_report"] == [
        entry(path, f"not a document: unknown format '.docx' (supported: {', '.join(EXTENSIONS)})", "ignored")
    ]


def test_folder_without_documents(tmp_path):
    write(tmp_path / ".hidden.txt", "Title\n\nBody.")
    expected = r"no document files in the folder; add files with one of the extensions \.txt"
    with pytest.raises(wb.InputError, match=expected):
        wb.load_corpus(tmp_path)


def test_repeated_doc_ids(tmp_path):
    path = write(tmp_path / "t.csv", "id,title,text\n1,A,a.\n2,B,b.\n1,C,c.\n")
    assert load_error(path) == (
        f"{path.as_posix()}, row 3: doc_id '1' is already used by {path.as_posix()}, row 1; doc ids must be unique: "
        "remove the repeated document, or pass columns={'doc_id': None} to use hashed ids (in a report: "
        "-p columns=doc_id=; with analyze: --columns doc_id=)"
    )
    docs, _ = load_skipping(path)
    assert docs["title"].tolist() == ["A", "B"]
    assert docs.attrs["load_report"] == [entry(path, f"doc_id '1' is already used by {path.as_posix()}, row 1", row=3)]
    assert len(wb.load_corpus(path, columns={"doc_id": None})) == 3


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("outlet: [unclosed\n", "malformed metadata sidecar: not valid UTF-8 YAML"),
        ("- a\n- b\n", "malformed metadata sidecar: expected a mapping of keys to values, found a list"),
    ],
)
def test_malformed_meta_yml(tmp_path, content, problem):
    write(tmp_path / "a.txt", "Title\n\nBody.")
    sidecar = write(tmp_path / "a.meta.yml", content)
    message = load_error(tmp_path)
    assert message.startswith(f"{sidecar}: {problem}")
    fix = "write it as a YAML mapping, one 'key: value' per line (outlet, published, url, author, tags, title, ...)"
    assert message.endswith(fix)
    docs, _ = load_skipping(tmp_path)
    assert docs["title"].tolist() == ["Title"]  # the document loads without its sidecar
    assert [(e["source"], e["action"]) for e in docs.attrs["load_report"]] == [(str(sidecar), "skipped")]


def test_metadata_csv_without_file_column(tmp_path):
    write(tmp_path / "a.txt", "Title\n\nBody.")
    table = write(tmp_path / "metadata.csv", "name,outlet\na.txt,X\n")
    assert load_error(tmp_path) == (
        f"{table}: malformed metadata.csv: no 'file' column (columns found: name, outlet); "
        "add a 'file' column naming each document file relative to the folder"
    )
    docs, _ = load_skipping(tmp_path)
    assert docs["outlet"].isna().tolist() == [True]  # the document loads without the metadata
    assert docs.attrs["load_report"] == [
        entry(str(table), "malformed metadata.csv: no 'file' column (columns found: name, outlet)")
    ]


def test_metadata_csv_naming_a_file_twice(tmp_path):
    write(tmp_path / "a.txt", "Title\n\nBody.")
    write(tmp_path / "metadata.csv", "file,outlet\na.txt,X\nb.txt,Y\na.txt,Z\n")
    expected = r"metadata\.csv: malformed metadata\.csv: file 'a\.txt' is named more than once \(rows 1, 3\); keep one"
    with pytest.raises(wb.InputError, match=expected):
        wb.load_corpus(tmp_path)


def test_malformed_front_matter(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: [x\n---\n# T\n\nBody.")
    assert load_error(path) == (
        f"{path.as_posix()}: front matter is not valid YAML "
        "(expected ',' or ']', but got '<stream end>' (line 2, column 10)); "
        "fix the YAML block between the '---' lines at the top"
    )


def test_skip_warning_counts_and_lists_the_first_three(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        write(tmp_path / name, "")
    write(tmp_path / "e.txt", "Title\n\nBody.")
    docs, messages = load_skipping(tmp_path)
    assert len(docs) == 1
    assert messages == [
        "load_corpus skipped 4 bad item(s), listed in the load report "
        "(documents.attrs['load_report'] in Python; every report shows it under 'Load report'): "
        + "; ".join(f"{(tmp_path / n).as_posix()}: the file is empty" for n in ("a.txt", "b.txt", "c.txt"))
        + " (and 1 more)"
    ]


def test_encodings_utf8_bom_cp1252_latin1_utf16(tmp_path):
    write(tmp_path / "a.txt", "\ufeffCafé talks\n\nBody “quoted”.".encode("utf-8"))
    write(tmp_path / "b.txt", "Café talks\n\nBody “quoted”.".encode("cp1252"))
    write(tmp_path / "c.txt", b"Caf\xe9 \x81\n\nBody.")  # 0x81 is not cp1252
    write(tmp_path / "d.txt", "Café talks\n\nBody.".encode("utf-16"))
    write(tmp_path / "e.csv", "title,text\nCafé,Body “quoted”.\n".encode("cp1252"))
    docs = wb.load_corpus(tmp_path)
    assert docs["title"].tolist() == ["Café talks", "Café talks", "Caf\xe9 \x81", "Café talks", "Café"]
    assert docs["text"].tolist()[1] == "Body “quoted”."
    assert docs.attrs["load_report"] == [
        entry(tmp_path / "b.txt", "not valid UTF-8 on line(s) 1, 3; those lines decoded as cp1252, the rest as UTF-8",
              "decoded as cp1252"),
        entry(tmp_path / "c.txt", "not valid UTF-8 on line(s) 1; those lines decoded as latin-1, the rest as UTF-8",
              "decoded as latin-1"),
        entry(tmp_path / "e.csv", "not valid UTF-8; this row decoded as cp1252", "decoded as cp1252", row=1),
    ]


def test_load_report_is_always_present_and_survives_pandas_operations(tmp_path):
    write(tmp_path / "a.txt", "Title A\n\nBody.")
    write(tmp_path / "b.txt", "")
    docs, _ = load_skipping(tmp_path)
    report = docs.attrs["load_report"]
    assert len(report) == 1
    for derived in (docs.head(1), docs[docs["title"] != ""], docs.copy(), docs.sort_values("title"), docs.assign(x=1),
                    docs.reset_index(drop=True), docs[["doc_id", "text"]]):
        assert derived.attrs["load_report"] == report
    frame = wb.loader_report(docs)
    assert list(frame.columns) == ["source", "row", "line", "problem", "action"]
    assert frame["problem"].tolist() == ["the file is empty"]
    assert wb.load_corpus(tmp_path / "a.txt").attrs["load_report"] == []
    assert wb.loader_report(pd.DataFrame()).empty


def test_relative_paths_are_reported_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkdir("corpus")
    write(Path("corpus") / "a.txt", "")
    docs, _ = load_skipping("corpus")
    assert docs.attrs["load_report"] == [entry("corpus/a.txt", "the file is empty")]
