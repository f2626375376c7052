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


def test_declared_charset_of_an_html_page():
    from analysis.corpus.decode import declared_charset

    assert declared_charset(b'<html><head><meta charset="shift_jis">') == "shift_jis"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">') == "iso8859_15"
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><html>') == "cp1251"
    # ISO-8859-1 and US-ASCII mean windows-1252 to a browser; Unicode and unknown labels declare nothing here
    assert [declared_charset(f'<meta charset="{c}">'.encode()) for c in ("iso-8859-1", "us-ascii", "utf-8", "x-nonsense")] \
        == ["cp1252", "cp1252", None, None]
    assert declared_charset(b"<html><head><title>No charset</title>") is None


def test_decode_html_uses_the_declared_charset_only_for_pages_that_are_not_utf8():
    from analysis.corpus.decode import decode_html

    page = '<meta charset="shift_jis"><p>監督を解任</p>'
    got = decode_html(page.encode("shift_jis"))
    assert (got.text, got.encoding, got.replaced) == (page, "shift_jis", 0)
    # a page that declares latin-9 but is valid UTF-8 is mislabelled: read as UTF-8
    utf8 = '<meta charset="iso-8859-15"><p>€80m</p>'
    assert (decode_html(utf8.encode()).text, decode_html(utf8.encode()).encoding) == (utf8, "utf-8")
    latin9 = decode_html('<meta charset="iso-8859-15"><p>€80m</p>'.encode("iso-8859-15"))
    assert (latin9.text, latin9.encoding) == ('<meta charset="iso-8859-15"><p>€80m</p>', "iso8859_15")
    # a byte the declared charset cannot map is replaced and counted
    broken = decode_html('<meta charset="shift_jis"><p>監督</p>'.encode("shift_jis") + b"\x81")
    assert broken.encoding == "shift_jis" and broken.replaced == 1 and broken.text.endswith("\ufffd")
