"""Bytes to text (analysis.corpus.decode): the first encoding to try, NUL bytes, the fallbacks."""

from __future__ import annotations

from analysis.corpus.decode import decode_bytes, find_nul, sniff_encoding


def test_sniff_encoding_goes_by_the_byte_order_mark():
    assert sniff_encoding(b"\xff\xfeh\x00") == "utf-16"
    assert sniff_encoding(b"\xfe\xff\x00h") == "utf-16"
    assert sniff_encoding(b"plain") == "utf-8-sig"


def test_find_nul_gives_the_first_offset_and_none_in_utf16():
    assert find_nul(b"ab\x00c\x00") == 2
    assert find_nul(b"abc") == -1
    assert find_nul("a".encode("utf-16")) == -1, "UTF-16 text is full of NUL bytes by design"


def test_decode_bytes_says_which_encoding_it_used():
    assert decode_bytes("café".encode()) == ("café", "utf-8")
    assert decode_bytes("café".encode("cp1252")) == ("café", "cp1252")
    assert decode_bytes("hi".encode("utf-16")) == ("hi", "utf-16")


def test_find_nul_in_file_names_line_and_offset_or_gives_none(tmp_path):
    from analysis.corpus.decode import BinaryFileError, find_nul_in_file

    (tmp_path / "bin.txt").write_bytes(b"one\ntwo\nth\x00ree\n")
    error = find_nul_in_file(tmp_path / "bin.txt")
    assert isinstance(error, BinaryFileError) and (error.line, error.offset) == (3, 10)
    assert str(error) == "NUL byte at line 3, offset 10"
    (tmp_path / "ok.txt").write_bytes(b"one\ntwo\n")
    assert find_nul_in_file(tmp_path / "ok.txt") is None
    (tmp_path / "u16.txt").write_bytes("one\ntwo".encode("utf-16"))
    assert find_nul_in_file(tmp_path / "u16.txt") is None


def test_decoded_lists_the_fallback_lines_per_encoding():
    from analysis.corpus.decode import Decoded, decode_text

    assert Decoded("x", "utf-8", {3: "cp1252", 1: "latin-1", 2: "cp1252"}).fallback_summary() == {
        "latin-1": [1], "cp1252": [2, 3]}
    assert decode_text(b"ok\ncaf\xe9\n") == Decoded("ok\ncafé\n", "utf-8", {2: "cp1252"})
