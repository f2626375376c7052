"""The workbench's tidy tables: their columns, in order, with their meaning.

One table per concept, one row per unit (docs/design.md). These constants are the single place where
column names are written down; loaders and metrics build their outputs from them and tests check
outputs against them.
"""

from __future__ import annotations

__all__ = ["DOCUMENT_COLUMNS", "OPTIONAL_DOCUMENT_COLUMNS", "SENTENCE_COLUMNS", "ENTITY_COLUMNS",
           "ENTITY_TABLE_COLUMNS", "SECTION_HEADLINE", "SECTION_STANDFIRST", "SECTION_BODY"]

#: The documents table: one row per article. Loaders keep any further metadata columns after these.
DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_id": "stable id: given by the source, else a hash of source name + title + text",
    "title": "headline",
    "text": "the article's text in reading order, paragraphs separated by blank lines; "
    "a section heading (e.g. 'Why It Matters:') is a paragraph of its own",
    "outlet": "publication, or NA",
    "author": "byline, or NA",
    "published": "publication time as datetime64[ns, UTC], or NaT",
    "url": "address of the article, or NA",
    "tags": "tags or keywords: a list of str, possibly empty",
    "source": "where the row was read from: a file path, or 'path, row N'",
}

#: Optional documents columns that loaders add where they find them, and that later steps use.
OPTIONAL_DOCUMENT_COLUMNS: dict[str, str] = {
    "standfirst": "the lede or summary paragraph under the headline; when present it is also the "
    "first paragraph of `text`, and its sentences get section 'standfirst'",
    "subtitle": "a second headline or dek, kept out of `text`",
    "duplicate_of": "doc_id of the earlier document this one duplicates (exactly or nearly), else NA",
}

#: The sentences table: one row per sentence, headline first, in reading order.
SENTENCE_COLUMNS: dict[str, str] = {
    "doc_id": "the document's id",
    "sentence_id": "0 for the headline, then 1, 2, ... in reading order within the document",
    "paragraph_id": "0 for the headline, then 1, 2, ... for the paragraphs of `text`",
    "section": "'headline', 'standfirst', 'body', or the name of the heading above it "
    "(e.g. 'Why It Matters')",
    "text": "the sentence (bullet markers stripped)",
    "start": "offset of the sentence's first character in the document's title (headline) or text",
    "end": "offset one past its last character: field[start:end] == text",
}

#: The entities table: one row per mention of a named entity (and per resolved pronoun).
ENTITY_COLUMNS: dict[str, str] = {
    "doc_id": "the document's id",
    "sentence_id": "the sentence (0 = headline)",
    "start": "offset of the mention in the sentence's text",
    "end": "offset one past it: sentence_text[start:end] == text",
    "text": "the mention as written, without its title ('Adeyemi', 'Ruth Adeyemi', 'she')",
    "entity_id": "stable id across the corpus: '<type>:<slug of the full name>' ('person:ruth_adeyemi')",
    "entity": "display name: the fullest form in the document, titles stripped",
    "type": "person, organization, place, group or other",
    "via": "'name' (a full form), 'short' (a shorter form linked to a fuller one) or 'pronoun'",
    "title": "role words written with this mention, lower-case ('county clerk'), or NA",
    "actor_id": "the lexicon actor the entity links to, or NA",
    "evidence": "what decided the type in this document ('title: county clerk', 'first name: Ruth', ...)",
    "gender": "male or female where known in this document, else NA",
}

#: The entity table: one row per entity.
ENTITY_TABLE_COLUMNS: dict[str, str] = {
    "entity_id": "the entity's id",
    "entity": "display name (the most frequent fullest form)",
    "type": "person, organization, place, group or other (the type of most of its mentions)",
    "evidence": "the evidence that decided the type (in the document with most mentions of that type)",
    "gender": "male or female where known, else NA",
    "mentions": "direct mentions (via name and short)",
    "pronouns": "pronoun mentions",
    "documents": "distinct documents",
    "variants": "forms as written, most frequent first (list of str)",
    "titles": "titles written with it, most frequent first (list of str)",
    "actor_id": "the linked lexicon actor, or NA",
    "actor": "that actor's display name in the lexicon, or NA",
    "group": "that actor's group in the lexicon, or NA",
    "same_as": "for a short-form-only entity: the one full-name entity it belongs to, or NA",
    "doc_id": "the document of the first mention",
    "sentence_id": "the sentence of the first mention",
}

SECTION_HEADLINE = "headline"
SECTION_STANDFIRST = "standfirst"
SECTION_BODY = "body"
