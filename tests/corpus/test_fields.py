"""Input columns to documents columns (analysis.corpus.fields): names, strings, tags."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.fields import as_strings, canonical_key, clash_name, tag_lists


def test_canonical_key_maps_input_names_to_documents_columns():
    assert [canonical_key(n) for n in ("publish_date", "Headline", "body", "zzz")] == ["published", "title", "text",
                                                                                     None]


def test_clash_name_renames_only_documents_column_names():
    assert clash_name("title") == "title_input"
    assert clash_name("topic") == "topic"


def test_as_strings_joins_lists_and_keeps_missing_values_missing():
    got = as_strings(pd.Series([["A", "B"], "C", None]))
    assert str(got.dtype) == "string" and got.tolist() == ["A; B", "C", pd.NA]


def test_tag_lists_reads_lists_json_arrays_and_separated_strings():
    got = tag_lists(pd.Series(["a, b", '["x","y"]', None, ["z"], "p|q;r"], index=[5, 6, 7, 8, 9]))
    assert got.tolist() == [["a", "b"], ["x", "y"], [], ["z"], ["p", "q", "r"]]
    assert got.index.tolist() == [5, 6, 7, 8, 9]


def test_camel_case_and_schema_org_names_are_found():
    from analysis.corpus.fields import resolve_columns

    assert resolve_columns(["story_ref", "Headline", "Article_Body", "PubDate", "Publication", "Writer"]) == {
        "title": "Headline", "text": "Article_Body", "published": "PubDate", "outlet": "Publication",
        "author": "Writer"}
    # schema.org NewsArticle properties as scrapers export them
    assert resolve_columns(["headline", "articleBody", "datePublished", "docID"]) == {
        "doc_id": "docID", "title": "headline", "text": "articleBody", "published": "datePublished"}
    assert [canonical_key(n) for n in ("articleBody", "body_text", "Main Text", "mediaName", "URL")] == [
        "text", "text", "text", "outlet", "url"]
