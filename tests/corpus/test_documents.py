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
