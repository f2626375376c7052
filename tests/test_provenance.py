"""Provenance (analysis.provenance): fingerprints of a corpus and of lexicons, package versions."""

from __future__ import annotations

import hashlib

import pandas as pd

from analysis.provenance import RECORDED_PACKAGES, content_hash, corpus_fingerprint, package_versions


def test_corpus_fingerprint_hashes_ids_titles_and_texts_in_table_order():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["T1", None], "text": ["x", "y"], "outlet": ["o", "p"]})
    want = hashlib.sha256(b"a\x1fb\x1f\x1eT1\x1f\x1f\x1ex\x1fy\x1f\x1e").hexdigest()  # missing title -> ""
    assert corpus_fingerprint(documents) == {"documents": 2, "content_sha256": want}
    assert corpus_fingerprint(documents.assign(outlet="other")) == corpus_fingerprint(documents), "metadata aside"
    assert corpus_fingerprint(documents.iloc[::-1])["content_sha256"] != want, "order counts"
    assert corpus_fingerprint(documents.iloc[:0]) == {"documents": 0,
                                                      "content_sha256": hashlib.sha256(b"\x1e\x1e\x1e").hexdigest()}


def test_content_hash_of_a_file_an_object_carrying_one_or_anything_else(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_bytes(b"actors: []\n")
    assert content_hash(path) == hashlib.sha256(b"actors: []\n").hexdigest()
    assert content_hash(str(path)) == content_hash(path)

    class Loaded:
        sha256 = "f" * 64

    assert content_hash(Loaded()) == "f" * 64
    assert content_hash({"actors": []}) == hashlib.sha256(b"{'actors': []}").hexdigest()


def test_package_versions_lists_the_installed_recorded_packages():
    from importlib import metadata

    versions = package_versions()
    assert set(versions) <= set(RECORDED_PACKAGES) and {"pandas", "plotly", "textblob"} <= set(versions)
    assert versions["pandas"] == metadata.version("pandas") == pd.__version__
