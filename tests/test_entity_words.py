"""The entity layer's word lists (analysis.entity_words): loaded once into one EntityWords."""

from __future__ import annotations

from analysis.entity_words import EntityWords, load_entity_words


def test_load_entity_words_gives_the_word_lists_with_their_hash():
    words = load_entity_words()
    assert isinstance(words, EntityWords)
    assert words.honorifics["mr"] == "male" and words.honorifics["mrs."] == "female"
    assert ("activist",) in words.titles
    assert len(words.sha256) == 64
    assert load_entity_words() is words or load_entity_words().sha256 == words.sha256
