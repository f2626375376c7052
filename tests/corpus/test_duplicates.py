"""Exact and near duplicates (analysis.corpus.duplicates) and drop_duplicates in load_corpus."""

from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import flag_duplicates
from analysis.corpus import CorpusWarning
from analysis.corpus.duplicates import duplicate_pairs, normalise_texts

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")

WIRE = (
    "Israeli Prime Minister Benjamin Netanyahu said on Thursday that Israel would stand alone if it had to, "
    "a day after President Joe Biden warned that the United States would stop supplying some weapons if "
    "Israeli forces launched a major offensive on the southern Gaza city of Rafah, where more than a million "
    "Palestinians have sought shelter from the fighting."
)


def jaccard(a: str, b: str, k: int = 3) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.sub(r"[\W_]+", " ", text.lower()).split()
        return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}

    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_normalise_texts():
    normalised = normalise_texts(["  Héllo,  WORLD!\n\nÜber_alles 42 ", None, "ﬁne"]).to_pylist()
    assert normalised == ["héllo world über alles 42", "", "fine"]


def test_exact_duplicates_ignore_case_space_and_punctuation():
    texts = ["Short wire story.", "SHORT  wire-story!", "Another one.", "short wire story"]
    first, similarity = duplicate_pairs(texts)
    assert first.tolist() == [-1, 0, -1, 0]
    assert similarity[[1, 3]].tolist() == [1.0, 1.0]


def test_near_duplicate_wire_copy_with_small_edits():
    edited = WIRE.replace("on Thursday", "on Thursday evening").replace("southern", "south")
    assert 0.8 <= jaccard(WIRE, edited) < 1
    first, similarity = duplicate_pairs([WIRE, "An unrelated text about the weather in the mountains.", edited])
    assert first.tolist() == [-1, -1, 0]
    assert similarity[2] == pytest.approx(jaccard(WIRE, edited))


def test_heavier_edits_below_threshold_are_not_duplicates():
    rewritten = (
        WIRE.replace("said on Thursday", "declared late on Thursday")
        .replace("would stop supplying", "might halt")
        .replace("where more than a million", "in which over one million")
    )
    assert jaccard(WIRE, rewritten) < 0.8
    assert duplicate_pairs([WIRE, rewritten])[0].tolist() == [-1, -1]


def test_short_texts_only_match_exactly_and_empty_never():
    short = "Israel vows to stand alone in Rafah offensive despite US warning on weapons"  # 14 words
    first, _ = duplicate_pairs([short, short.replace("vows", "pledges"), short.upper(), "", ""])
    assert first.tolist() == [-1, -1, 0, -1, -1]


def test_duplicate_of_names_the_first_occurrence_through_chains():
    near = WIRE.replace("on Thursday", "on Thursday evening")
    exact_of_near = near.upper()
    first, _ = duplicate_pairs([WIRE, near, exact_of_near])
    assert first.tolist() == [-1, 0, 0]


def test_lsh_agrees_with_brute_force_on_a_random_corpus():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(400)]
    originals = [" ".join(rng.choices(vocabulary, k=60)) for _ in range(40)]
    texts = list(originals)
    for i in range(0, 40, 4):  # near copies with 1..4 word substitutions
        words = originals[i].split()
        for j in rng.sample(range(60), 1 + i % 4):
            words[j] = "edit"
        texts.append(" ".join(words))
    first, _ = duplicate_pairs(texts)
    expected = []
    for j, text in enumerate(texts):
        matches = [i for i in range(j) if jaccard(texts[i], text) >= 0.8]
        expected.append(matches[0] if matches else -1)
    # resolve chains to the first occurrence, as duplicate_pairs does
    resolved = [e if e < 0 or expected[e] < 0 else expected[e] for e in expected]
    assert first.tolist() == resolved
    assert (first >= 0).sum() > 0


def test_flag_duplicates_adds_duplicate_of_doc_ids():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [WIRE, "Other.", WIRE + " "]})
    flagged = flag_duplicates(docs)
    assert flagged["duplicate_of"].tolist()[2] == "a"
    assert flagged["duplicate_of"].isna().tolist() == [True, True, False]
    assert "duplicate_of" not in docs.columns


def test_load_flags_and_drop_duplicates_drops_with_warning_and_report(tmp_path):
    (tmp_path / "a.txt").write_text("Netanyahu vows\n\n" + WIRE, encoding="utf-8")
    copy = "Israel will stand alone, Netanyahu says\n\n" + WIRE.replace("southern", "south")
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Weather\n\nSunny all week.", encoding="utf-8")
    flagged = wb.load_corpus(tmp_path)
    assert flagged["duplicate_of"].tolist()[1] == flagged["doc_id"].iloc[0]
    expected = (r"^1 duplicate document\(s\) left out \(drop_duplicates=True: each a near-identical copy of an earlier "
                r"document\), listed in the load report "
                r"\(documents\.attrs\['load_report'\] in Python; every report shows it under 'Load report'\)$")
    with pytest.warns(CorpusWarning, match=expected):
        docs = wb.load_corpus(tmp_path, drop_duplicates=True)
    assert docs["title"].tolist() == ["Netanyahu vows", "Weather"]
    assert docs["duplicate_of"].isna().all()
    assert docs.attrs["load_report"] == [
        {"source": (tmp_path / "b.txt").as_posix(), "row": None, "line": None,
         "problem": f"duplicate of doc_id {flagged['doc_id'].iloc[0]} in {(tmp_path / 'a.txt').as_posix()} "
                    f"(this is doc_id {flagged['doc_id'].iloc[1]})",
         "action": "dropped"}
    ]


def test_no_documents_no_duplicates():
    first, similarity = duplicate_pairs([])
    assert first.dtype == np.int64 and len(first) == 0 and len(similarity) == 0


def test_dropped_table_rows_are_reported_with_their_row(tmp_path):
    path = tmp_path / "t.csv"
    texts = [WIRE, "Other story.", WIRE.upper()]
    table = pd.DataFrame({"id": ["a", "b", "c"], "title": ["A", "B", "C"], "text": texts})
    table.to_csv(path, index=False)
    with pytest.warns(CorpusWarning, match="1 duplicate document\\(s\\) left out"):
        docs = wb.load_corpus(path, drop_duplicates=True)
    assert docs["doc_id"].tolist() == ["a", "b"]
    assert docs.attrs["load_report"] == [
        {"source": path.as_posix(), "row": 3, "line": None, "problem": f"duplicate of doc_id a in {path.as_posix()}, row 1 (this is doc_id c)",
         "action": "dropped"}
    ]


def test_near_duplicate_candidates_are_bounded_per_bucket_for_many_wire_copies():
    from analysis.corpus.duplicates import BANDS, _candidate_pairs

    n = 20_000
    keys = np.zeros((n, BANDS), dtype=np.uint64)  # every document in the same bucket of every band
    keys[::2, 0] = 7  # band 0: two buckets, interleaved
    candidates = _candidate_pairs(keys)
    assert len(candidates) == n - 1
    assert max(len(c) for c in candidates.values()) <= 2 * BANDS
    assert sum(len(c) for c in candidates.values()) < 4 * n  # linear, not n * (n - 1) / 2
    assert candidates[5] == [0, 1, 3, 4]  # bucket heads 0 and 1, previous members 3 (band 0) and 4
    assert all(i < j for j, earlier in candidates.items() for i in earlier)


def test_many_near_identical_wire_copies_all_point_to_the_first():
    rng = random.Random(7)
    words = WIRE.split()
    copies = []
    for _ in range(2_000):
        edited = list(words)
        edited[rng.randrange(len(edited))] = f"edit{rng.randrange(10**6)}"
        copies.append(" ".join(edited))
    first, similarity = duplicate_pairs(copies)
    assert first[0] == -1 and (first[1:] == 0).all()
    assert (similarity[1:] >= 0.8).all()


def test_byte_level_normalisation_matches_the_unicode_path_on_mixed_text():
    import pyarrow as pa

    from analysis.corpus.duplicates import _regex_normalise

    rng = random.Random(3)
    alphabet = [*"abcXYZ019 ,.!?-_\n\t", "“", "”", "’", "—", "…", "\u00a0", "«", "»", "é", "ß", "ﬁ", "İ", "Ⅻ",
                "\u200b", "x\u0301", "😀", "\u2030", "²", "\u2040", "Â", "Â\u00a0"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    texts += ["", "   ", "a", "A b", " x ", "“", "a“b", "\u00a0", "end “"]
    expected = _regex_normalise(pa.array(texts, type=pa.large_string())).to_pylist()
    assert normalise_texts(texts).to_pylist() == expected
    assert normalise_texts(pa.array(texts, type=pa.large_string()).slice(5, 50)).to_pylist() == expected[5:55]


def test_byte_level_normalisation_is_exact_for_every_latin1_character_it_claims():
    # Latin-1 letters (À-þ), symbols and punctuation are normalised on the bytes; the nine that NFKC
    # turns into letters or digits (ª ² ³ µ ¹ º ¼ ½ ¾) go the Unicode way; both give the same text
    import pyarrow as pa

    from analysis.corpus.duplicates import _byte_normalise, _regex_normalise

    texts = [form.format(c=chr(code)) for code in range(0x80, 0x100)
             for form in ("a{c}b", "{c}", "X{c}{c}z", " {c} Y ", "É{c}")]
    arr = pa.array(texts, type=pa.large_string())
    fast, exact = _byte_normalise(arr)
    expected = _regex_normalise(arr).to_pylist()
    got = fast.to_pylist()
    assert [t for t, e, g, ok in zip(texts, expected, got, exact) if ok and e != g] == []
    slow = {t[1] for t, ok in zip(texts, exact) if not ok and t.startswith("a")}
    assert slow == set("ª²³µ¹º¼½¾")
    assert normalise_texts(["ÀÉÎÕÜ Çà × ÷ 5°C £3"]).to_pylist() == ["àéîõü çà 5 c 3"]


def test_byte_level_normalisation_is_exact_for_every_symbol_it_maps_to_spaces():
    # issue 10 point 16: symbols, arrows, dingbats, emoji, the BOM and the replacement character are
    # spaces on the bytes too (no second, Unicode pass over texts that hold one); letters, digits,
    # marks and characters NFKC turns into either (™ ① ﬁ ½ VS16) still go the Unicode way; every
    # character of the ranges below gives the same text both ways wherever it stands
    import pyarrow as pa

    from analysis.corpus.duplicates import _byte_normalise, _regex_normalise

    codes = [*range(0x100, 0x3400), *range(0xFB00, 0x10000), *range(0x1F000, 0x1FB00)]
    chars = [chr(code) for code in codes if not 0xD800 <= code < 0xE000]
    texts = [form.format(c=c) for c in chars for form in ("a{c}b", "{c}", "X{c}{c}z", " {c} Y ", "É{c}", "{c}x\u0301")]
    arr = pa.array(texts, type=pa.large_string())
    fast, exact = _byte_normalise(arr)
    expected = _regex_normalise(arr).to_pylist()
    got = fast.to_pylist()
    assert [t for t, e, g, ok in zip(texts, expected, got, exact) if ok and e != g] == []
    spaced = ["a❄b −5 ˚C\ufeff", "\ufffd 🌹 ⚑ → ≤ ■ ★", "x\u3000y"]
    assert _byte_normalise(pa.array(spaced, type=pa.large_string()))[1].all()
    assert normalise_texts(spaced).to_pylist() == ["a b 5 c", "", "x y"]
    kept = ["a™", "①", "ﬁ", "⅓", "❤\ufe0f", "e\u0301"]
    assert not _byte_normalise(pa.array(kept, type=pa.large_string()))[1].any()


def test_words_of_byte_mapped_texts_are_the_words_of_the_normalised_texts():
    # issue 10 point 16: duplicate_pairs finds the words on the texts' bytes mapped in place (spaces not
    # collapsed) for the texts the byte rules are exact for: the same word hashes and counts as on the
    # normalised texts, so the same keys
    import pyarrow as pa

    from analysis.corpus.duplicates import _mapped, _tokens

    rng = random.Random(5)
    alphabet = [*"abcXYZ019 ,.!?-_\n\t", "“", "”", "’", "—", "…", "\u00a0", "«", "»", "é", "À", "×"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60))) for _ in range(2000)]
    texts += ["", " ", "a", " a ", "a“b", "“a”"]
    arr = pa.array(texts, type=pa.large_string())
    data, offsets, exact = _mapped(arr)
    assert exact.all()
    mapped = pa.LargeStringArray.from_buffers(len(arr), pa.py_buffer(offsets), pa.py_buffer(data))
    by_bytes, by_text = _tokens(mapped), _tokens(normalise_texts(texts))
    assert by_bytes[1].tolist() == by_text[1].tolist()
    assert by_bytes[0].tolist() == by_text[0].tolist()


def test_exact_duplicates_are_confirmed_on_the_normalised_text_when_keys_collide(monkeypatch):
    # texts with the same word key are compared on their normalised text: even if every key collided,
    # only equal texts are exact duplicates
    import analysis.corpus.duplicates as duplicates

    texts = ["Short wire story.", "Another one.", "SHORT  wire-story!", "another ONE", "A third.", ""]
    expected = duplicate_pairs(texts)
    monkeypatch.setattr(duplicates, "_word_keys", lambda tokens, counts: np.zeros((len(counts), 2), dtype=np.uint64))
    first, similarity = duplicate_pairs(texts)
    assert first.tolist() == expected[0].tolist() == [-1, -1, 0, 1, -1, -1]
    assert similarity[[2, 3]].tolist() == [1.0, 1.0]


def test_the_same_words_in_another_order_are_not_an_exact_duplicate():
    first, _ = duplicate_pairs(["one two three", "Three, two, one.", "ONE two three!"])
    assert first.tolist() == [-1, -1, 0]


def test_duplicates_do_not_depend_on_how_the_texts_are_batched(monkeypatch):
    # issue 10 point 16: texts are cut into batches by their UTF-8 size; any cut (here one text or less per
    # batch, a text longer than a batch, a missing text, texts that need the Unicode rules) gives the same pairs
    import analysis.corpus.duplicates as duplicates

    story = " ".join(f"word{k}" for k in range(60))
    texts = [story, None, story.upper() + "!", "Ünïcode ﬁrst " + story, "", "Ünïcode ﬁrst " + story + " ❄",
             story.replace("word30", "other"), "short one", "Short  one."]
    expected = duplicate_pairs(texts)
    assert expected[0].tolist() == [-1, -1, 0, 0, -1, 0, 0, -1, 7]
    assert np.round(expected[1], 3).tolist()[2:] == [1.0, 0.967, pytest.approx(np.nan, nan_ok=True), 1.0, 0.902,
                                                    pytest.approx(np.nan, nan_ok=True), 1.0]
    monkeypatch.setattr(duplicates, "_BATCH_CHARS", 40)
    first, similarity = duplicate_pairs(texts)
    assert first.tolist() == expected[0].tolist()
    np.testing.assert_array_equal(similarity, expected[1])


def test_word_hashes_depend_only_on_the_word_wherever_it_stands():
    # issue 10 point 16: words are hashed on the texts' bytes, 8 at a time: a word of exactly 8 bytes,
    # longer words, a word at the end of a text (the next text starts right after it) or of the buffer
    # hash the same wherever they are; different words differ
    import pyarrow as pa

    from analysis.corpus.duplicates import _tokens

    texts = ["abcdefgh abcdefghi", "abcdefgh", "abcdefghi  abcdefgh", "x" * 20, "x" * 20 + " x", "é" * 5, "é" * 5 + " é"]
    hashes, counts = _tokens(pa.array(texts, type=pa.large_string()))
    assert counts.tolist() == [2, 1, 2, 1, 2, 1, 2]
    h = hashes.tolist()
    eight, nine, twenty, x, e5, e = h[0], h[1], h[5], h[7], h[8], h[10]
    assert h == [eight, nine, eight, nine, eight, twenty, twenty, x, e5, e5, e]
    assert len({eight, nine, twenty, x, e5, e}) == 6


def _splitmix64(h: int) -> int:
    mask = 2**64 - 1
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & mask
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & mask
    return h ^ (h >> 31)


def test_word_hashes_are_the_documented_function_of_the_word_bytes():
    # issue 10 point 16: a word's hash is splitmix64 of its bytes read 8 at a time as little-endian
    # integers (the last ones padded with zero bytes), combined as h * 0x9E3779B97F4A7C15 + chunk,
    # at any alignment and next to the end of the buffer and of a text (the values a faster gather
    # must keep: the LSH buckets, so the candidates, depend on them)
    import pyarrow as pa

    from analysis.corpus.duplicates import _tokens

    def reference(word: str) -> int:
        data, h = word.encode(), 0
        for k in range(0, len(data), 8):
            h = (h * 0x9E3779B97F4A7C15 + int.from_bytes(data[k:k + 8], "little")) & (2**64 - 1)
        return _splitmix64(h)

    words = ["a", "ab", "strike", "abcdefgh", "abcdefghi", "nurses-union", "é", "naïve", "x" * 17, "y" * 24]
    texts = [" ".join(words), "  " + " ".join(reversed(words)) + " ", "x" * 17, "b" + " " * 7 + "y" * 24, "é"]
    hashes, counts = _tokens(pa.array(texts, type=pa.large_string()))
    assert counts.tolist() == [10, 10, 1, 2, 1]
    expected = [reference(w) for text in texts for w in text.split()]
    assert hashes.tolist() == expected
    assert hashes[:3].tolist() == [0xAEFF7D4B5B72EC99, 0xBEE698D0A3E21C1A, 0x0FE06E181922825D]  # a, ab, strike
