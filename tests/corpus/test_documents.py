"""The documents table (analysis.corpus.documents): ids made from content, the empty table."""

from __future__ import annotations

import hashlib

from analysis.corpus.documents import empty_documents, hashed_id
from analysis.schema import DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS


def test_hashed_id_is_16_hex_digits_of_sha1_over_name_title_and_text():
    assert hashed_id("f.txt", "T", "body") == hashlib.sha1(b"f.txt\nT\nbody").hexdigest()[:16] == "fcf885762e942933"
    assert hashed_id("f.txt", "T", "body!") != hashed_id("f.txt", "T", "body")


def test_empty_documents_has_every_column_with_its_dtype_and_no_rows():
    table = empty_documents()
    assert list(table.columns) == [*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS] and len(table) == 0
    assert str(table["published"].dtype) == "datetime64[ns, UTC]" and table["tags"].dtype == object
    assert all(str(table[c].dtype) == "string" for c in table.columns if c not in ("published", "tags"))


def test_assemble_orders_the_columns_parses_dates_and_hashes_missing_ids():
    import pandas as pd

    from analysis.corpus.documents import INTERNAL_COLUMNS, assemble
    from analysis.corpus.report import LoadLog

    part = pd.DataFrame({"title": ["T"], "text": ["x"], "published": ["2024-01-02"], "doc_id": [None],
                         "__name__": ["a.txt"], "__file__": ["a.txt"], "__row__": [None], "extra": [1]})
    table = assemble([part, part.iloc[:0]], LoadLog())
    assert list(table.columns) == [*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS, "extra", *INTERNAL_COLUMNS]
    row = table.iloc[0]
    assert row["doc_id"] == hashed_id("a.txt", "T", "x")
    assert row["published"] == pd.Timestamp("2024-01-02", tz="UTC")
    assert row["tags"] == [] and row["extra"] == 1
    assert list(assemble([], LoadLog()).columns) == [*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS, *INTERNAL_COLUMNS]
