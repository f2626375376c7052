"""Every public table function against analysis.schema: columns, their order, dtypes and docstrings."""

from __future__ import annotations

import inspect
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis import schema
from analysis.schema import FIELD_RELATIVE, SENTENCE_RELATIVE, TABLES

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def result():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return wb.analyze(wb.load_corpus(SEEDS), progress=False)


def _gold(result):
    docs = result.documents
    return pd.DataFrame({"doc_id": list(docs["doc_id"]) * 2, "frame_id": ["conflict"] * len(docs) + ["morality"] * len(docs),
                         "present": [True] * len(docs) + [False] * len(docs)})


def _document_frames(r):
    return wb.frames(r.documents, level="document", sentences=r.sentences)


#: (table, label, build(result) -> DataFrame, the by= columns the output starts with)
CALLS = [
    ("documents", "load_corpus", lambda r: r.documents, ()),
    ("sentences", "sentences", lambda r: wb.sentences(r.documents), ()),
    ("mentions", "mentions", lambda r: wb.mentions(r.documents), ()),
    ("mentions", "entities_as_mentions", lambda r: wb.entities_as_mentions(r.entities), ()),
    ("entities", "entities", lambda r: r.entities, ()),
    ("entity_table", "entity_table", lambda r: wb.entity_table(r.entities), ()),
    ("quotes", "quotes", lambda r: r.quotes, ()),
    ("tone", "tone", lambda r: wb.tone(r.documents, sentences=r.sentences), ()),
    ("document_tone", "tone", lambda r: wb.tone(r.documents, level="document"), ()),
    ("frames", "frames", lambda r: wb.frames(r.documents, sentences=r.sentences), ()),
    ("document_frames", "frames", _document_frames, ()),
    ("actor_tone", "actor_tone", lambda r: r.actor_tone, ()),
    ("actor_tone", "actor_tone(actor_tone_method='sentence')",
     lambda r: wb.actor_tone(r.documents, sentences=r.sentences, mentions=r.mentions, quotes=r.quotes,
                             actor_tone_method="sentence"), ()),
    ("actor_document_tone", "actor_document_tone", lambda r: wb.actor_document_tone(r.actor_tone), ()),
    ("prominence", "prominence", lambda r: wb.prominence(r.mentions, r.sentences), ()),
    ("actor_rollup", "mentions_by", lambda r: wb.mentions_by(r.mentions, r.documents, by=("actor", "day")),
     ("actor_id", "actor", "day")),
    ("cooccurrence", "cooccurrence", lambda r: wb.cooccurrence(r.mentions), ()),
    ("voice", "voice", lambda r: wb.voice(r.mentions, r.quotes), ()),
    ("voice", "voice(entities)", lambda r: wb.voice(r.entities, r.quotes), ()),
    ("entity_rollup", "entities_by", lambda r: wb.entities_by(r.entities), ()),
    ("actor_tone_summary", "actor_tone_by",
     lambda r: wb.actor_tone_by(r.actor_tone, r.documents, by=("day", "actor_id"), n_boot=20), ("day", "actor_id")),
    ("frame_rollup", "frames_by", lambda r: wb.frames_by(_document_frames(r), r.documents, by=("outlet",)),
     ("outlet",)),
    ("actor_frames", "actor_frames", lambda r: wb.actor_frames(r.mentions, r.frames), ()),
    ("frame_agreement", "frame_agreement", lambda r: wb.validation.frame_agreement(_document_frames(r), _gold(r)), ()),
    ("discovery", "discover_actors", lambda r: wb.discover_actors(r.documents, entities=r.entities), ()),
]


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{\w+\\\}", r"[a-z_]+", re.escape(name)) + "$")


def _match(table: schema.Table, columns: list[str], by: tuple[str, ...]) -> dict[str, str]:
    """{output column: schema column} walking the output in order; AssertionError on a mismatch."""
    assert columns[:len(by)] == list(by), f"{table.name}: the output should start with the by= columns {by}"
    rest, out = columns[len(by):], {}
    names = list(table.columns)
    for i, (name, column) in enumerate(table.columns.items()):
        pattern, later = _pattern(name), [_pattern(n) for n in names[i + 1:]]
        taken = 0
        while rest and pattern.match(rest[0]) and (taken == 0 or "{" in name):
            if "{" in name and any(p.match(rest[0]) for p in later):
                break  # a family ends where a later column begins
            out[rest.pop(0)] = name
            taken += 1
        if not taken:
            assert column.when is not None, f"{table.name}: column {name!r} missing; got {columns}"
    assert not rest, f"{table.name}: columns {rest} are not in analysis.schema ({list(table.columns)})"
    return out


@pytest.mark.parametrize(("name", "label", "build", "by"), CALLS, ids=[f"{c[0]}-{c[1]}" for c in CALLS])
def test_every_public_table_has_the_schemas_columns_in_order_and_their_dtypes(result, name, label, build, by):
    table = TABLES[name]
    out = build(result)
    assert len(out), f"{label}: the small input should give rows, so that dtypes are those of real values"
    matched = _match(table, list(map(str, out.columns)), by)
    for column, declared in matched.items():
        assert str(out[column].dtype) == table.columns[declared].dtype, (
            f"{label}: column {column!r} has dtype {out[column].dtype}, analysis.schema says "
            f"{table.columns[declared].dtype}")


def test_every_table_and_its_functions_are_tested():
    assert {c[0] for c in CALLS} == set(TABLES)
    made = {f for t in TABLES.values() for f in t.made_by} - {"mentions_by"}  # mentions_by: tests/scale
    assert made <= {c[1].split("(")[0] for c in CALLS}


def _function(name: str):
    return getattr(wb, name) if name in wb.__all__ else getattr(wb.validation, name)


@pytest.mark.parametrize("name", list(TABLES))
def test_the_docstrings_list_the_schemas_columns_in_order(name):
    """Each function that makes the table names its columns in its docstring, in the schema's order
    (a family like ``{score}`` is described in words, so it is not looked for)."""
    table = TABLES[name]
    for function in table.made_by:
        doc = inspect.getdoc(_function(function)) or ""
        words = [w.replace("<", "{").replace(">", "}") for w in re.findall(r"[\w<>{}]+", doc)]
        position = 0
        for column in (c for c in table.columns if "{" not in c or c.startswith("mean_")):
            assert column in words[position:], (
                f"{function}'s docstring does not list {column!r} (after the columns before it); "
                f"analysis.schema.{name} has {list(table.columns)}")
            position = words.index(column, position) + 1


def test_every_offset_column_says_what_it_is_relative_to():
    offsets = [(t.name, n, c) for t in TABLES.values() for n, c in t.columns.items()
               if re.search(r"(^|_)(start|end)$", n)]
    assert len(offsets) >= 12
    for table, name, column in offsets:
        assert column.meaning.startswith((SENTENCE_RELATIVE, FIELD_RELATIVE)), (table, name)
    frames = {(t, n): c.meaning.split(":")[0] for t, n, c in offsets}
    assert frames[("mentions", "start")] == frames[("entities", "start")] == frames[("actor_tone", "start")] \
        == SENTENCE_RELATIVE
    assert frames[("sentences", "start")] == frames[("quotes", "start")] == FIELD_RELATIVE


def test_sentence_relative_plus_the_sentence_start_is_the_field_offset(result):
    sents = result.sentences.set_index(["doc_id", "sentence_id"])
    docs = result.documents.set_index("doc_id")
    for row in result.mentions.head(20).itertuples():
        sentence = sents.loc[(row.doc_id, row.sentence_id)]
        field = docs.loc[row.doc_id, "title" if row.sentence_id == 0 else "text"]
        assert sentence["text"][row.start:row.end] == row.alias
        assert field[sentence["start"] + row.start:sentence["start"] + row.end] == row.alias


def test_the_module_constants_are_the_schemas():
    import importlib

    actor_tone, actors, discovery, framing, quotes, target_tone, tone = (
        importlib.import_module(f"analysis.{m}")
        for m in ("actor_tone", "actors", "discovery", "framing", "quotes", "target_tone", "tone"))
    assert actors.MENTION_COLUMNS is schema.MENTION_COLUMNS
    assert quotes.QUOTE_COLUMNS is schema.QUOTE_COLUMNS
    assert framing.FRAME_DOCUMENT_COLUMNS is schema.FRAME_DOCUMENT_COLUMNS
    assert tone.DOCUMENT_TONE_COLUMNS is schema.DOCUMENT_TONE_COLUMNS
    assert actor_tone.ACTOR_TONE_COLUMNS is schema.ACTOR_TONE_COLUMNS
    assert target_tone.TARGET_TONE_COLUMNS is schema.TARGET_TONE_COLUMNS
    assert discovery.DISCOVERY_COLUMNS is schema.DISCOVERY_COLUMNS
    assert list(schema.DOCUMENT_COLUMNS) == ["doc_id", "title", "text", "outlet", "author", "published", "url",
                                             "tags", "source"]


def test_an_unknown_table_names_the_known_ones():
    with pytest.raises(KeyError, match="no table 'mention'; tables are documents, sentences, mentions"):
        schema.table_of("mention")


@pytest.mark.parametrize(("heading", "meanings"), [
    ("### documents", schema.DOCUMENT_COLUMNS), ("### sentences", schema.SENTENCE_COLUMNS),
    ("### entities —", schema.ENTITY_COLUMNS), ("### entity_table", schema.ENTITY_TABLE_COLUMNS)])
def test_the_readme_tables_are_copied_from_the_schema(heading, meanings):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split(heading, 1)[1].split("|---|---|\n", 1)[1]
    rows = dict(re.findall(r"^\| `([^`]+)` \| (.*) \|$", section.split("\n\n", 1)[0], re.M))
    assert rows == meanings


def test_every_column_is_a_column_record_with_a_dtype_and_a_meaning():
    from analysis.schema import Column

    for table in TABLES.values():
        for name, column in table.columns.items():
            assert isinstance(column, Column), (table.name, name)
            assert column.dtype and column.meaning, (table.name, name)
    assert Column("string", "who").when is None


def _help_sections(function) -> dict[str, list[str]]:
    """{table: the columns its "Output columns" section lists, in order} from ``help(function)``'s text."""
    import pydoc

    text = pydoc.render_doc(function, renderer=pydoc.plaintext)
    sections: dict[str, list[str]] = {}
    current = None
    for line in (raw.strip() for raw in text.splitlines()):
        heading = re.match(r"Output columns of the ``(\w+)`` table", line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif current is not None and line.startswith("- ``"):
            current.append(re.match(r"- ``([^`]+)`` \(", line).group(1))
    assert text.count("Output columns") == len(sections), "a hand-written Output columns section is left"
    return sections


@pytest.mark.parametrize("name", list(TABLES))
def test_help_of_every_table_function_lists_exactly_the_schemas_columns(name):
    table = TABLES[name]
    for function in table.made_by:
        sections = _help_sections(_function(function))
        assert sections[name] == list(table.columns), f"help({function}) lists other columns than schema.{name}"


def test_the_output_columns_section_is_generated_from_the_schema():
    from analysis.schema import columns_section, output_columns

    @output_columns("cooccurrence")
    def pairs():
        """Pairs.

        More words.
        """

    assert pairs.__doc__ == "Pairs.\n\nMore words.\n\n" + columns_section("cooccurrence")
    assert pairs.output_tables == ("cooccurrence",)
    assert columns_section("cooccurrence").splitlines()[:3] == [
        "Output columns of the ``cooccurrence`` table (:data:`analysis.schema.TABLES`; one row per pair of",
        "actors, most co-occurrences first):", ""], "wrapped at 100 characters"
    assert "- ``actor_a`` (str): one actor's id (actor_a < actor_b)" in columns_section("cooccurrence")
    assert "- first, the ``by`` columns, in the order given" in columns_section("frame_rollup")
    assert "- ``actor`` (str, the mentions have actor): the actor's display name" in columns_section("actor_frames")
    assert wb.quotes.output_tables == ("quotes",) and wb.tone.output_tables == ("tone", "document_tone")
    assert "joined by\n  '; ' (two terms" in columns_section("frames"), "a quoted literal is never broken"
    assert all(len(line) <= 100 for name in TABLES for line in columns_section(name).splitlines())
