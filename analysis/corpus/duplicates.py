"""Exact and near-duplicate documents (republished wire copy), without O(n^2) comparisons.

Rules (documented in the README):

* Texts are normalised: Unicode NFKC, lower-cased, every run of characters that are not letters
  or digits replaced by one space, trimmed.
* **Exact duplicate**: same normalised text as an earlier document (any length, except empty).
* **Near duplicate**: texts of at least ``min_words`` (20) normalised words whose sets of word
  ``shingle_size``-grams (3) have a Jaccard similarity of at least ``threshold`` (0.8) with an
  earlier document. Candidates come from MinHash signatures (one-permutation hashing, 125 bins)
  banded for LSH (25 bands of 5 rows: a pair at Jaccard 0.8 becomes a candidate with probability
  about 0.9999), and every candidate pair is then checked with the exact Jaccard similarity, so a
  flagged pair is always at or above the threshold. Hashes are seeded constants: results are
  deterministic. Cost grows linearly with the corpus (no all-pairs comparison): within an LSH
  bucket a document is checked against the bucket's first member and the member before it only,
  so even 20,000 near-identical copies cost a bounded number of checks each.
* Empty text is never a duplicate (headline-only documents); shorter texts get exact matching only.
* ``duplicate_of`` names the *first occurrence* in table order: a document matching a document
  that is itself a duplicate points to that one's original, so it never names a duplicate.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus.bytescan import sparse_flatnonzero

__all__ = ["duplicate_pairs", "flag_duplicates", "normalise_texts"]

THRESHOLD = 0.8
SHINGLE_SIZE = 3
MIN_WORDS = 20
BANDS, ROWS = 25, 5
_BATCH_CHARS = 1_000_000  # bytes of text, about 160,000 words: arrays of a batch stay near 1.3 MB each (in cache; reused)
_RNG = np.random.default_rng(20240509)
_MULT = _RNG.integers(1, 2**63, size=16, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_BAND_MULT = _RNG.integers(1, 2**63, size=ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)


def _arrow_strings(texts: Sequence[str] | pd.Series) -> pa.Array:
    if isinstance(texts, pd.Series):
        texts = texts.astype("string").array
    arr = pa.array(texts, type=pa.large_string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


_LOWER_ALNUM = np.full(256, 0x20, dtype=np.uint8)  # ASCII byte -> lower-case letter or digit, else space
_LOWER_ALNUM[0x80:] = np.arange(0x80, 0x100)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789":
    _LOWER_ALNUM[_c] = _c
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _LOWER_ALNUM[_c] = _c + 32
_LOWER_ALNUM_BYTES = _LOWER_ALNUM.tobytes()  # as a bytes.translate table


#: Second bytes of the characters U+0080-U+00BF (UTF-8 C2 xx) that NFKC and the regex make a space:
#: controls, no-break space, punctuation and symbols; not ª ² ³ µ ¹ º ¼ ½ ¾ (letters and digits).
_C2_SPACE = np.zeros(256, dtype=bool)
_C2_SPACE[0x80:0xC0] = True
_C2_SPACE[[0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE]] = False


def _buffers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(UTF-8 bytes, offsets rebased to 0) of a large_string array without nulls."""
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = np.frombuffer(arr.buffers()[2], dtype=np.uint8) if arr.buffers()[2] is not None else np.empty(0, np.uint8)
    return data[offsets[0] : offsets[-1]], offsets - offsets[0]


def _mapped(arr: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mapped UTF-8 bytes, offsets from 0, exact mask) of a large_string array without nulls: every
    byte lower-cased, or a space where normalisation puts one (runs of spaces not yet collapsed).

    Exact for texts whose only non-ASCII characters are General Punctuation (U+2000-U+203F: curly
    quotes, dashes, ellipsis, special spaces) and Latin-1 (U+0080-U+00FF) but for the nine that
    NFKC turns into letters or digits (ª ² ³ µ ¹ º ¼ ½ ¾): NFKC maps punctuation and symbols to
    punctuation or space, which the regex turns into a space, as this does; it leaves the accented
    letters as they are, and lower case moves À-Þ (but ×) to à-þ, as this does. For those texts the
    words of the mapped bytes (runs of bytes other than a space) are the normalised text's words.
    Other characters that the normalisation turns into a space wherever they stand (symbols, arrows,
    dingbats, emoji, ...) are spaces too (:func:`_space_symbols`), and exact as well.
    """
    data, offsets = _buffers(arr)
    n = len(data)
    mapped = np.frombuffer(bytearray(data).translate(_LOWER_ALNUM_BYTES), dtype=np.uint8)  # writable; C loop
    high = sparse_flatnonzero(data >= 0x80)
    if len(high):  # General Punctuation (E2 80 xx), no-break space and guillemets (C2 A0/AB/BB) -> spaces
        lead = high[high < n - 1]
        e2 = lead[(data[lead] == 0xE2) & (data[lead + 1] == 0x80)]
        e2 = e2[e2 < n - 2]
        e2 = e2[(data[e2 + 2] >= 0x80) & (data[e2 + 2] <= 0xBF)]
        c2 = lead[(data[lead] == 0xC2) & _C2_SPACE[data[lead + 1]]]
        c3 = lead[data[lead] == 0xC3]
        c3_space = c3[(data[c3 + 1] == 0x97) | (data[c3 + 1] == 0xB7)]  # × ÷
        upper = c3 + 1
        upper = upper[(data[upper] <= 0x9E) & (data[upper] != 0x97)]  # À-Þ but ×: lower case is 0x20 on
        mapped[upper] += 0x20
        spaced = np.concatenate([e2, e2 + 1, e2 + 2, c2, c2 + 1, c3_space, c3_space + 1])
        mapped[spaced] = 0x20
        done = np.zeros(n, dtype=bool)
        done[c3] = done[c3 + 1] = True  # Latin-1 letters: kept as they are (upper case lowered above)
        high = high[(mapped[high] >= 0x80) & ~done[high]]
        if len(high):
            high = _space_symbols(data, mapped, high)
    exact = np.searchsorted(high, offsets[1:]) == np.searchsorted(high, offsets[:-1])
    return mapped, offsets, exact


#: Code point -> whether :func:`_space_symbols` may map the character to spaces (filled as met).
_SYMBOL_SPACE: dict[int, bool] = {}


def _symbols_are_spaces(code_points: list[int]) -> list[bool]:
    """Whether each character is one the normalisation turns into a space wherever it stands: NFKC
    then the regex leave nothing of it alone, beside letters (``a_b``, ``é_é``: it does not compose
    with them), and it is no mark, unassigned, surrogate or private character, nor is the first
    character of its NFKC form a combining one. Checked with the Arrow functions of
    :func:`_regex_normalise` itself, once per code point (cached)."""
    todo = [c for c in dict.fromkeys(code_points) if c not in _SYMBOL_SPACE]
    if todo:
        chars = [chr(c) for c in todo]
        kinds = [not unicodedata.category(c).startswith(("M", "Cn", "Cs", "Co")) for c in chars]
        nfkc = pc.utf8_normalize(pa.array(chars, pa.large_string()), form="NFKC").to_pylist()
        forms = (("{}", ""), ("a{}b", "a b"), ("é{}é", "é é"))  # (text, its normalised text if c is a space)
        got = _regex_normalise(pa.array([form.format(c) for form, _ in forms for c in chars], pa.large_string()))
        got = got.to_pylist()
        for k, code in enumerate(todo):
            _SYMBOL_SPACE[code] = (kinds[k] and (not nfkc[k] or unicodedata.combining(nfkc[k][0]) == 0)
                                   and all(got[f * len(chars) + k] == want for f, (_, want) in enumerate(forms)))
    return [_SYMBOL_SPACE[c] for c in code_points]


def _space_symbols(data: np.ndarray, mapped: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Map to spaces, in ``mapped``, the characters among the bytes at ``high`` (the non-ASCII bytes
    :func:`_mapped` left as they are) that normalisation turns into a space wherever they stand
    (symbols, arrows, emoji, the replacement character, ...: :func:`_symbols_are_spaces`); returns
    the bytes still left as they are."""
    lead = high[data[high] >= 0xC0]
    size = np.where(data[lead] >= 0xF0, 4, np.where(data[lead] >= 0xE0, 3, 2))
    code = (data[lead].astype(np.int64) & np.where(size == 4, 0x07, np.where(size == 3, 0x0F, 0x1F))) << 6
    code |= data[lead + 1] & 0x3F
    for k in (2, 3):  # the third and fourth bytes of longer characters
        longer = size > k
        code[longer] = (code[longer] << 6) | (data[lead[longer] + k] & 0x3F)
    distinct, inverse = np.unique(code, return_inverse=True)
    spaced = np.asarray(_symbols_are_spaces(distinct.tolist()), dtype=bool)[inverse]
    lead, size = lead[spaced], size[spaced]
    for k in range(4):
        mapped[lead[size > k] + k] = 0x20
    return high[mapped[high] >= 0x80]


def _byte_normalise(arr: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """The normalised texts computed on the UTF-8 bytes (:func:`_mapped`, runs of spaces collapsed
    and trimmed), and a mask of the texts this is exact for."""
    mapped, offsets, exact = _mapped(arr)
    n = len(mapped)
    space = mapped == 0x20
    dropped = space.copy()  # leading spaces, and spaces after a space
    dropped[1:] &= space[:-1]
    firsts = offsets[:-1][offsets[:-1] < n]
    dropped[firsts] = space[firsts]
    drop = np.flatnonzero(dropped)
    text = np.delete(mapped, drop)
    new_offsets = offsets - np.searchsorted(drop, offsets)
    ends, starts = new_offsets[1:], new_offsets[:-1]
    trailing = np.flatnonzero(ends > starts)
    trailing = trailing[text[ends[trailing] - 1] == 0x20]  # at most one trailing space is left per text
    if len(trailing):
        text = np.delete(text, ends[trailing] - 1)
        removed = np.zeros(len(offsets), dtype=np.int64)
        removed[trailing + 1] = 1
        new_offsets = new_offsets - np.add.accumulate(removed)
    out = pa.LargeStringArray.from_buffers(len(arr), pa.py_buffer(new_offsets.astype(np.int64)),
                                           pa.py_buffer(np.ascontiguousarray(text)))
    return out, exact


def _regex_normalise(arr: pa.Array) -> pa.Array:
    arr = pc.utf8_lower(pc.utf8_normalize(arr, form="NFKC"))
    return pc.utf8_trim_whitespace(pc.replace_substring_regex(arr, r"[^\p{L}\p{N}]+", " "))


def normalise_texts(texts: Sequence[str] | pd.Series) -> pa.Array:
    """Normalised texts (NFKC, lower case, non-alphanumeric runs -> one space, trimmed); None -> ''.

    Texts that are ASCII but for common punctuation, Latin-1 and symbols (most news in English) are
    normalised on their bytes with numpy; the others with Arrow's Unicode normalisation and regex
    (same result).
    """
    arr = pc.fill_null(_arrow_strings(texts), "")
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    fast, exact = _byte_normalise(arr)
    if exact.all():
        return fast
    slow = np.flatnonzero(~exact)
    return pc.replace_with_mask(fast, pa.array(~exact), _regex_normalise(arr.take(pa.array(slow))))


def _tokens(texts: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(64-bit hashes of the words of all texts, concatenated; the number of words per text).

    A word is a run of bytes other than the ASCII space: the words of a normalised text, and those of
    a text mapped by :func:`_mapped` (spaces not collapsed) are the same. They are found on the
    array's UTF-8 buffer with numpy (a word starts at a byte other than a space after a space or at
    the start of a text) and hashed where they stand (:func:`_word_hashes`), no string made.
    """
    data, offsets = _buffers(texts)
    n = len(data)
    if not n:
        return np.empty(0, dtype=np.uint64), np.zeros(len(offsets) - 1, dtype=np.int64)
    space = data == 0x20
    start = np.empty(n, dtype=bool)  # a word starts after a space, or where a text starts
    start[0] = not space[0]
    np.greater(space[:-1], space[1:], out=start[1:])
    firsts = offsets[:-1][offsets[:-1] < n]
    start[firsts] = ~space[firsts]
    del space
    starts = np.flatnonzero(start)
    del start
    counts = np.diff(np.searchsorted(starts, offsets))
    return _word_hashes(data, starts, counts, offsets), counts


_SPACES = np.uint64(0x2020202020202020)
_ONES = np.uint64(0x0101010101010101)
_HIGHS = np.uint64(0x8080808080808080)
_CHUNK_MULT = np.uint64(0x9E3779B97F4A7C15)


def _chunks(lanes: pa.Array, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the bytes of the word from each position ``at`` up to 8, the rest of the 8 bytes zero; whether
    the 8 bytes hold no space, so the word may go on). ``lanes``: the bytes as aligned little-endian
    uint64, an Arrow array (the 8 bytes from a position are two of them shifted together, gathered by
    Arrow's take: about half the instructions of numpy's; positions are in range, bounds unchecked).

    The first space is found in the 8 bytes at once: in ``x``, the bytes xor 0x20, a space is a zero
    byte, and the lowest byte whose top bit ``(x - 0x01..) & ~x & 0x80..`` sets is the first zero byte
    (a borrow only runs upward from a zero byte)."""
    lane = at >> 3
    shift = (at & 7).astype(np.uint64) << np.uint64(3)
    chunk = pc.take(lanes, pa.array(lane), boundscheck=False).to_numpy() >> shift  # (read-only: new arrays)
    lane += 1
    high = pc.take(lanes, pa.array(lane), boundscheck=False).to_numpy() << np.uint64(1)  # (never one shift of 64)
    high <<= np.uint64(63) - shift
    chunk |= high
    x = chunk ^ _SPACES
    first = (x - _ONES) & ~x & _HIGHS
    first &= ~first + np.uint64(1)  # its lowest set bit: the top bit of the first space byte (0: none)
    first >>= np.uint64(7)
    first -= np.uint64(1)  # the bytes before the first space (all of them when there is none)
    chunk &= first
    return chunk, first == np.uint64(2**64 - 1)


def _word_hashes(data: np.ndarray, starts: np.ndarray, counts: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """64-bit hashes of the words of ``data`` (UTF-8 of texts at ``offsets``, ``counts`` words each)
    starting at ``starts``, vectorised: the word's bytes, 8 at a time as little-endian integers (the
    last ones padded with zero bytes, which no word holds), combined as ``h * K + chunk`` and finished
    with splitmix64. Depends only on the word's bytes; words of up to 8 bytes never collide."""
    n = len(data)
    lanes = np.empty(n // 8 + 2, dtype=np.uint64)  # the bytes, then spaces
    padded = lanes.view(np.uint8)
    padded[:n] = data
    padded[n:] = 0x20
    filled = np.flatnonzero(counts)
    last = np.cumsum(counts)[filled] - 1  # the last word of each text: it may run into the next text
    room = offsets[1:][filled] - starts[last]  # its bytes up to the end of its text
    arrow_lanes = pa.array(lanes)  # (the same memory)
    acc, more = _chunks(arrow_lanes, starts)
    short = room < 8
    if short.any():
        cut = last[short]
        acc[cut] &= (np.uint64(1) << (room[short].astype(np.uint64) * np.uint64(8))) - np.uint64(1)
    more[last] &= room > 8
    going = np.flatnonzero(more)
    if len(going):
        left = np.full(len(starts), np.iinfo(np.int64).max, dtype=np.int64)
        left[last] = room
        k = 8
        while len(going):  # words longer than k bytes: the next 8 bytes
            chunk, more = _chunks(arrow_lanes, starts[going] + k)
            rest = left[going] - k
            short = rest < 8
            if short.any():
                chunk[short] &= (np.uint64(1) << (rest[short].astype(np.uint64) * np.uint64(8))) - np.uint64(1)
            some = chunk != 0  # (a word of exactly k bytes ends here)
            ongoing = going[some]
            acc[ongoing] = acc[ongoing] * _CHUNK_MULT + chunk[some]
            going = going[more & (rest > 8)]
            k += 8
    return _mix(acc)


def _word_keys(tokens: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Keys (n x 2 uint64) of texts from their words (:func:`_tokens`): the sum of the word hashes
    (mod 2**64) and the number of words. Texts with the same normalised text have the same key; texts
    with the same key (also texts of the same words in another order) are compared by
    :func:`_confirm_exact`."""
    keys = np.zeros((len(counts), 2), dtype=np.uint64)
    keys[:, 1] = counts
    filled = np.flatnonzero(counts)
    if len(filled):
        keys[filled, 0] = np.add.reduceat(tokens, (np.cumsum(counts) - counts)[filled])
    return keys


def _text_keys(norm: pa.Array) -> np.ndarray:
    """128-bit keys (n x 2 uint64) of normalised texts: equal keys mean equal texts (hashed from the
    array's UTF-8 buffer, no Python string per text)."""
    data, offsets = _buffers(norm)
    view = memoryview(data)
    blake2b = hashlib.blake2b
    digests = b"".join(blake2b(view[s:e], digest_size=16).digest()
                       for s, e in zip(offsets[:-1].tolist(), offsets[1:].tolist()))
    return np.frombuffer(digests, dtype=np.uint64).reshape(-1, 2)


def _exact_first(keys: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """Index of the first document with the same key (itself when first); -1 for empty texts."""
    positions = pd.Series(np.arange(len(keys)))
    first = positions.groupby([keys[:, 0], keys[:, 1]], sort=False).transform("min").to_numpy()
    return np.where(empty, -1, first)


def _confirm_exact(texts: pd.Series, first: np.ndarray) -> np.ndarray:
    """``first`` (:func:`_exact_first` of :func:`_word_keys`) with every match confirmed: among the
    documents sharing a key, each one's first document with the same normalised text (compared by a
    128-bit BLAKE2b of it, :func:`_text_keys`). Only the documents sharing a key are normalised."""
    positions = np.arange(len(first))
    matched = (first >= 0) & (first != positions)
    if not matched.any():
        return first
    members = np.union1d(first[matched], positions[matched])
    chosen = _take(texts, members)
    digests = np.empty((len(members), 2), dtype=np.uint64)
    for start, stop in _batches(chosen):
        digests[start:stop] = _text_keys(normalise_texts(chosen.iloc[start:stop]))
    out = first.copy()
    out[members] = members[_exact_first(digests, np.zeros(len(members), dtype=bool))]
    return out


def _shingles(tokens: np.ndarray, lengths: np.ndarray, shingle_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(shingle hashes of all documents' words, concatenated; per-document offsets, length n + 1).

    ``tokens``: the word hashes of all documents, concatenated; ``lengths``: words per document.
    A document of at least ``shingle_size`` words has one shingle per window; a shorter one, one
    shingle of its words (last word repeated); an empty one, none.
    """
    token_start = np.concatenate([[0], np.add.accumulate(lengths)])
    counts = np.maximum(lengths - shingle_size + 1, np.minimum(lengths, 1))
    offsets = np.concatenate([[0], np.add.accumulate(counts)])
    k, total = shingle_size, len(tokens)
    if total >= k:  # full windows, on contiguous slices of the token array
        windows = tokens[: total - k + 1] * _MULT[0]
        scratch = np.empty_like(windows)
        for j in range(1, k):
            windows += np.multiply(tokens[j : total - k + 1 + j], _MULT[j % len(_MULT)], out=scratch)
        del scratch
        short = np.flatnonzero((lengths > 0) & (lengths < k))
        if not len(short):  # windows crossing into the next document are the only ones to leave out
            valid = np.ones(total - k + 1, dtype=bool)
            for j in range(1, k):
                crossing = token_start[1:] - j
                valid[crossing[(crossing >= 0) & (crossing < total - k + 1)]] = False
            return windows[valid], offsets
        hashes = np.zeros(offsets[-1], dtype=np.uint64)
        doc = np.repeat(np.arange(len(lengths)), lengths)[: total - k + 1]
        position = np.arange(total - k + 1) - token_start[doc]
        valid = position <= lengths[doc] - k
        hashes[offsets[doc[valid]] + position[valid]] = windows[valid]
    else:
        hashes = np.zeros(offsets[-1], dtype=np.uint64)
    short = np.flatnonzero((lengths > 0) & (lengths < k))
    for d in short:  # rare: documents shorter than one shingle
        words = tokens[token_start[d] : token_start[d + 1]]
        picks = words[np.minimum(np.arange(k), len(words) - 1)]
        hashes[offsets[d]] = (picks * _MULT[np.arange(k) % len(_MULT)]).sum(dtype=np.uint64)
    return hashes, offsets


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads every input bit over the whole 64-bit hash."""
    h = h ^ (h >> np.uint64(30))  # a new array; then in place
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def _band_keys(hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """LSH band keys (documents x BANDS, uint64) from one-permutation MinHash signatures.

    One-permutation hashing with rotation densification (Shrivastava & Li, 2014): each shingle
    hash falls into one of BANDS * ROWS bins by its high bits; a signature holds the minimum of the
    low bits per bin, and an empty bin borrows the value of the next non-empty bin to its right
    (circularly) plus a constant times the distance. One pass over the shingles instead of one
    per hash function, with the same collision probability (the Jaccard similarity) per bin.
    """
    n, bins = len(offsets) - 1, BANDS * ROWS
    h = _mix(hashes)
    slot = h >> np.uint64(32)  # the bin: high bits * bins >> 32, then the document's row
    slot *= np.uint64(bins)
    slot >>= np.uint64(32)
    slot += np.repeat(np.arange(n, dtype=np.uint64) * np.uint64(bins), np.diff(offsets))
    h &= np.uint64(0xFFFFFFFF)  # the value: the low bits
    empty = np.uint64(2**64 - 1)
    signatures = np.full(n * bins, empty, dtype=np.uint64)
    np.minimum.at(signatures, slot.view(np.int64), h)
    missing = np.flatnonzero(signatures == empty)
    if len(missing):  # each empty bin borrows from the next non-empty bin of its row, circularly
        filled = np.flatnonzero(signatures != empty)
        row_start = missing - missing % bins
        following = filled[np.minimum(np.searchsorted(filled, missing), len(filled) - 1)]
        wrapped = (following < missing) | (following >= row_start + bins)
        following = np.where(wrapped, filled[np.searchsorted(filled, row_start)], following)
        distance = (following - missing + np.where(wrapped, bins, 0)).astype(np.uint64)
        signatures[missing] = signatures[following] + distance * np.uint64(0x9E3779B97F4A7C15)
    bands = signatures.reshape(n, BANDS, ROWS)
    return (bands * _BAND_MULT[None, None, :]).sum(axis=2, dtype=np.uint64)


def _candidate_pairs(keys: np.ndarray) -> dict[int, list[int]]:
    """For each later document, a bounded set of earlier documents sharing a band key (ascending).

    Within one band bucket (members in document order) a member's candidates are the bucket's
    first member and the member just before it: at most 2 per band, so 2 * BANDS per document
    however many near-identical copies a bucket holds (20,000 wire copies: linear, not 200 million
    pairs). The first member is the likely original; the previous member catches chains of edits.
    """
    earlier: dict[int, set[int]] = {}
    for band in range(keys.shape[1]):
        column = keys[:, band]
        shared = np.flatnonzero(pd.Series(column, copy=False).duplicated(keep=False).to_numpy())
        if not len(shared):  # (hashed, not sorted: most keys are in no bucket with another)
            continue
        order = shared[np.argsort(column[shared], kind="stable")]
        sorted_keys = column[order]
        same = np.r_[False, sorted_keys[1:] == sorted_keys[:-1]]
        if not same.any():
            continue
        starts = np.flatnonzero(~same)
        first = order[starts[np.cumsum(~same) - 1]]  # the bucket's first member, for every position
        later = np.flatnonzero(same)
        for j, head, previous in zip(order[later].tolist(), first[later].tolist(), order[later - 1].tolist()):
            earlier.setdefault(j, set()).update((head, previous))
    return {j: sorted(i) for j, i in earlier.items()}


def _verify(
    texts: pd.Series, candidates: dict[int, list[int]], shingle_size: int, threshold: float
) -> dict[int, tuple[int, float]]:
    """For each document with candidates: the first earlier one at Jaccard >= threshold, and that Jaccard."""
    involved = sorted(set(candidates) | {i for earlier in candidates.values() for i in earlier})
    chosen = _take(texts, np.asarray(involved, dtype=np.int64))
    sets: dict[int, np.ndarray] = {}
    for start, stop in _batches(chosen):  # shingle sets (sorted unique hashes), batch by batch
        hashes, offsets = _shingles(*_tokens(normalise_texts(chosen.iloc[start:stop])), shingle_size)
        doc = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
        order = np.lexsort((hashes, doc))
        hashes, doc = hashes[order], doc[order]
        first = np.ones(len(hashes), dtype=bool)
        first[1:] = (hashes[1:] != hashes[:-1]) | (doc[1:] != doc[:-1])
        hashes, doc = hashes[first], doc[first]
        bounds = np.searchsorted(doc, np.arange(len(offsets)))
        for k in range(len(offsets) - 1):
            sets[involved[start + k]] = hashes[bounds[k] : bounds[k + 1]]
    matches: dict[int, tuple[int, float]] = {}
    for j in sorted(candidates):
        b = sets[j]
        for i in candidates[j]:
            a = sets[i]
            common = len(np.intersect1d(a, b, assume_unique=True))
            jaccard = common / (len(a) + len(b) - common)
            if jaccard >= threshold:
                matches[j] = (i, jaccard)
                break
    return matches


def _take(texts: pd.Series, positions: np.ndarray) -> pd.Series:
    """``texts`` at the ascending ``positions``, gathered chunk by chunk from its Arrow data (a take
    on the whole column would first join all its chunks: a copy of every text for a few of them)."""
    arr = _arrow_strings(texts) if not isinstance(texts.array, pd.arrays.ArrowStringArray) else texts.array._pa_array
    if not isinstance(arr, pa.ChunkedArray):
        arr = pa.chunked_array([arr])
    bounds = np.cumsum([0] + [len(chunk) for chunk in arr.chunks])
    which = np.searchsorted(bounds, positions, side="right") - 1
    pieces = [arr.chunks[c].take(pa.array(positions[which == c] - bounds[c]))
              for c in np.unique(which).tolist()]
    taken = pa.chunked_array(pieces, arr.type) if pieces else pa.chunked_array([], arr.type)
    return pd.Series(pd.arrays.ArrowStringArray(taken.cast(pa.large_string())))


def _batches(texts: pd.Series) -> list[tuple[int, int]]:
    """(start, stop) positions cutting ``texts`` into runs of about _BATCH_CHARS bytes of UTF-8 (at
    least one text; the sizes read from the Arrow offsets, no pass over the text)."""
    arr = texts.array._pa_array if isinstance(texts.array, pd.arrays.ArrowStringArray) else _arrow_strings(texts)
    sizes = pc.fill_null(pc.binary_length(arr), 0).to_numpy().tolist()
    bounds, start, total = [], 0, 0
    for j, size in enumerate(sizes):
        if total and total + size > _BATCH_CHARS:
            bounds.append((start, j))
            start, total = j, 0
        total += size
    if start < len(sizes):
        bounds.append((start, len(sizes)))
    return bounds


def _document_keys(texts: pa.Array, positions: np.ndarray, keys: np.ndarray, empty: np.ndarray,
                   long_mask: np.ndarray, band_keys: np.ndarray, shingle_size: int, min_words: int) -> None:
    """Fill in, at ``positions``, the text keys, empty and long masks and LSH band keys (long documents)
    of normalised or mapped texts (the arrays of :func:`duplicate_pairs`)."""
    tokens, counts = _tokens(texts)
    keys[positions] = _word_keys(tokens, counts)
    empty[positions] = counts == 0
    long_batch = counts >= min_words
    long_mask[positions] = long_batch
    if long_batch.any():
        long_tokens = tokens if long_batch.all() else tokens[np.repeat(long_batch, counts)]
        band_keys[positions[long_batch]] = _band_keys(*_shingles(long_tokens, counts[long_batch], shingle_size))


def duplicate_pairs(
    texts: Sequence[str] | pd.Series,
    *,
    threshold: float = THRESHOLD,
    shingle_size: int = SHINGLE_SIZE,
    min_words: int = MIN_WORDS,
) -> tuple[np.ndarray, np.ndarray]:
    """For each text: the position of its first occurrence (-1 if it is original) and the similarity.

    Returns ``(first, similarity)``: int64 positions into ``texts`` and float64 similarity with the
    document it directly matched (1.0 exact, the Jaccard similarity for near duplicates, NaN for
    originals). Rules in the module docstring.
    """
    texts = pd.Series(texts, dtype="string").reset_index(drop=True)
    n = len(texts)
    if n == 0:
        return np.empty(0, dtype=np.int64), np.empty(0)
    # results of every batch go into arrays made once, before the batches' scratch arrays: nothing
    # long-lived is allocated between them, so their memory is reused from batch to batch
    keys = np.empty((n, 2), dtype=np.uint64)
    empty = np.empty(n, dtype=bool)
    long_mask = np.zeros(n, dtype=bool)
    band_keys = np.empty((n, BANDS), dtype=np.uint64)  # rows of the long documents filled in
    unicode: list[np.ndarray] = []
    for start, stop in _batches(texts):  # batches of bounded size: memory stays flat in corpus size
        arr = pc.fill_null(_arrow_strings(texts.iloc[start:stop]), "")
        data, offsets, exact = _mapped(arr)  # words as in the normalised texts, spaces not collapsed
        mapped = pa.LargeStringArray.from_buffers(len(arr), pa.py_buffer(offsets), pa.py_buffer(data))
        positions = np.arange(start, stop)
        _document_keys(mapped, positions, keys, empty, long_mask, band_keys, shingle_size, min_words)
        if not exact.all():  # done again below: the texts that need Unicode rules, all at once
            unicode.append(positions[~exact])
        del arr, data, mapped, exact, positions
    if unicode:  # (a few Arrow calls for all of them, not some in every batch)
        positions = np.concatenate(unicode)
        chosen = _take(texts, positions)
        for start, stop in _batches(chosen):
            _document_keys(normalise_texts(chosen.iloc[start:stop]), positions[start:stop], keys, empty, long_mask,
                           band_keys, shingle_size, min_words)
        del chosen
    exact = _confirm_exact(texts, _exact_first(keys, empty))
    parent = np.where(exact >= 0, exact, np.arange(n))
    similarity = np.where(parent != np.arange(n), 1.0, np.nan)
    long_docs = np.flatnonzero(long_mask)
    original = parent[long_docs] == long_docs
    if original.sum() > 1:
        eligible = long_docs[original]
        candidates = _candidate_pairs(band_keys[eligible])
        by_doc = {int(eligible[j]): [int(eligible[i]) for i in earlier] for j, earlier in candidates.items()}
        for j, (i, jaccard) in _verify(texts, by_doc, shingle_size, threshold).items():
            parent[j], similarity[j] = i, jaccard
    first = np.full(n, -1, dtype=np.int64)
    for j in np.flatnonzero(parent != np.arange(n)):  # ascending: parents are resolved first
        p = parent[j]
        first[j] = p if first[p] < 0 else first[p]
    return first, similarity


def flag_duplicates(
    documents: pd.DataFrame,
    *,
    threshold: float = THRESHOLD,
    shingle_size: int = SHINGLE_SIZE,
    min_words: int = MIN_WORDS,
) -> pd.DataFrame:
    """A copy of ``documents`` with ``duplicate_of``: the doc_id of the first occurrence, else NA.

    Uses ``doc_id`` and ``text``; exact and near duplicates as described in the module docstring.
    """
    first, _ = duplicate_pairs(
        documents["text"], threshold=threshold, shingle_size=shingle_size, min_words=min_words
    )
    ids = documents["doc_id"].astype("string").to_numpy(dtype=object, na_value=None)
    values = np.where(first >= 0, ids[np.maximum(first, 0)] if len(ids) else first, None)
    return documents.assign(duplicate_of=pd.array(values, dtype="string"))
