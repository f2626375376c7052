"""YAML reading for lexicons, codebooks and sidecars: alias bombs rejected fast, never expanded (issue 10, point 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis as wb
from analysis.errors import LexiconError
from analysis.lexicon_io import YamlAliasError, check_aliases, read_yaml, safe_load

BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(f"{x}: &{x} [{','.join(['*' + p] * 9)}]" for p, x in zip("abcdefgh", "bcdefghi")),
        "actors: *i",
        "frames: *i",
        "",
    ]
)
BOMB_MESSAGE = (
    "line 1: aliases expand 30 written values to 1,362,025,166 (an alias bomb; at most 10 x written + 10,000 are "
    "allowed), starting with the anchor reused here; write the values out instead of repeating aliases"
)


def test_yaml_alias_bomb_in_an_actor_lexicon_is_rejected_fast(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(LexiconError) as info:  # expanding the bomb would never finish
        wb.load_actors(path)
    assert str(info.value) == f"{path}, {BOMB_MESSAGE}"
    assert "lol" not in str(info.value)


def test_yaml_alias_bomb_in_a_frame_codebook_is_rejected_without_expanding(tmp_path):
    path = tmp_path / "frames.yml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        wb.load_frames(path)
    assert str(info.value) == f"{path}, {BOMB_MESSAGE}"


def test_recursive_yaml_alias_is_rejected(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors: &x\n  - *x\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_yaml(path)
    assert str(info.value) == (f"{path}, line 1: an alias refers to a value that contains it (a recursive alias); "
                               "write the value out instead")


def test_moderate_yaml_aliases_are_allowed():
    data = safe_load("shared: &s [Biden, Joe Biden]\nactors:\n  - aliases: *s\n  - aliases: *s\n")
    assert data["actors"] == [{"aliases": ["Biden", "Joe Biden"]}, {"aliases": ["Biden", "Joe Biden"]}]
    check_aliases(None)  # an empty document


def test_yaml_alias_bomb_in_a_metadata_sidecar_is_a_named_error(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    sidecar = tmp_path / "a.meta.yml"
    sidecar.write_text(BOMB.replace("actors: *i\nframes: *i", "tags: *i"), encoding="utf-8")
    with pytest.raises(wb.InputError) as info:
        wb.load_corpus(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{sidecar}: malformed metadata sidecar: not valid UTF-8 YAML (aliases expand ")
    assert "an alias bomb" in message and "lol" not in message


def test_yaml_alias_bomb_in_markdown_front_matter_is_a_named_error(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\n" + BOMB.replace("actors: *i\nframes: *i", "tags: *i") + "---\n# Title\n\nBody.\n",
                    encoding="utf-8")
    with pytest.raises(wb.InputError) as info:
        wb.load_corpus(path)
    assert str(info.value).startswith(f"{path.as_posix()}: front matter is not valid YAML (aliases expand ")
    assert "(line 2)" in str(info.value)


def test_yaml_alias_error_is_a_yaml_error():
    with pytest.raises(YamlAliasError):
        safe_load(BOMB)


def test_deeply_nested_yaml_lexicon_is_a_lexicon_error_not_a_recursion_error(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_yaml(path)
    assert str(info.value) == f"{path}: malformed YAML (nested too deeply); flatten the file"


# --------------------------------------------------------------- lines, entry errors and field checks


LEXICON_WITH_A_REPEATED_FIELD = "actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    name: C\n"


def _schema():
    from analysis.lexicon_io import ListSchema

    return ListSchema(key="actors", kind="lexicon", items="entries", noun="actors entry", start="actors:",
                      entry_hint="- id: x", label_key="id")


def test_yaml_doc_knows_the_line_of_every_node_and_the_keys_written_twice(tmp_path):
    from analysis.lexicon_io import YamlDoc

    path = tmp_path / "a.yml"
    path.write_text(LEXICON_WITH_A_REPEATED_FIELD)
    doc = read_yaml(path)
    assert isinstance(doc, YamlDoc)
    assert doc.line("actors", 1, "name") == 6, "the key YAML keeps (the last)"
    assert doc.where("actors", 1) == f"{path}, line 4"
    assert doc.duplicate_keys("actors", 1) == [("name", 6)]
    assert read_yaml({"x": 1}).line("x") is None, "a mapping has no lines"


def test_entry_error_names_file_line_entry_and_field(tmp_path):
    from analysis.lexicon_io import entry_error

    path = tmp_path / "a.yml"
    path.write_text(LEXICON_WITH_A_REPEATED_FIELD)
    doc = read_yaml(path)
    error = entry_error(doc, _schema(), 1, doc.data["actors"][1], "name", "bad")
    assert isinstance(error, LexiconError)
    assert str(error) == f"{path}, line 6: actors entry 2 (id 'b'), field 'name': bad"


def test_optional_text_strips_and_refuses_blank_unless_allowed():
    from analysis.lexicon_io import Problem, optional_text

    check = optional_text("must be text")
    assert check(None) is None and check("  x ") == "x"
    with pytest.raises(Problem, match="^must be text$"):
        check("  ")
    with pytest.raises(Problem):
        check(3)
    assert optional_text("p", blank=True)("  ") == ""


def test_is_analysis_goes_by_shape():
    from types import SimpleNamespace

    from analysis.lexicon_io import is_analysis

    assert is_analysis(SimpleNamespace(tables={}, meta={}, codebook=None))
    assert not is_analysis(SimpleNamespace(tables={}, meta={}))
    assert not is_analysis({"tables": {}})


def test_shipped_lexicons_read_by_libyaml_give_the_same_data_nodes_and_lines_as_pure_python_yaml():
    """read_yaml parses with libyaml where installed; the documents equal the pure-Python parse."""
    import yaml

    def shape(node):
        if isinstance(node, yaml.MappingNode):
            value = [(shape(k), shape(v)) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            value = [shape(v) for v in node.value]
        else:
            value = node.value
        return type(node).__name__, node.tag, value, node.start_mark.line, node.start_mark.column

    # the lexicons read_yaml reads (the generated name lists are read by entity_words with libyaml alone)
    generated = {"first_names.yml", "surnames.yml", "places.yml"}
    paths = [p for p in sorted((Path(__file__).resolve().parents[1] / "analysis" / "lexicons").glob("*.yml"))
             if p.name not in generated]
    assert len(paths) >= 5
    for path in paths:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        node = loader.get_single_node()
        check_aliases(node)
        data = loader.construct_document(node)
        doc = read_yaml(path)
        assert doc.data == data and shape(doc.node) == shape(node), path.name


def test_a_lone_alias_text_with_commas_names_the_entry_and_the_list_to_write(tmp_path):
    path = tmp_path / "alias-string.yml"
    path.write_text("actors:\n  - id: delane\n    name: Marcus Delane\n    type: person\n"
                    "    aliases: Marcus Delane, Delane\n")
    with pytest.raises(LexiconError) as caught:
        wb.load_actors(path)
    assert str(caught.value) == (
        f"{path}, line 5: actors entry 1 (id 'delane'), field 'aliases': 'Marcus Delane, Delane' is one text "
        "with commas, read as a single item; for several items write a list: [Marcus Delane, Delane]; for one "
        "item that contains a comma, quote it in a list: [\"Marcus Delane, Delane\"]")
    path.write_text("actors:\n  - id: delane\n    name: Marcus Delane\n    type: person\n"
                    "    aliases: [Marcus Delane, Delane]\n    titles: [\"Chief, Nimbusly\"]\n")
    lexicon = wb.load_actors(path)
    assert lexicon.aliases["term"].tolist()[:2] == ["Marcus Delane", "Delane"], "the list form loads"
    assert wb.load_actors({"actors": [{"id": "x", "name": "X", "type": "person", "aliases": "Hamas"}]}) \
        .aliases["term"].tolist() == ["Hamas"], "a lone text without a comma is still a one-item list"


def test_a_lone_frame_term_text_with_commas_is_named_too():
    codebook = {"frames": [{"id": "conflict", "label": "Conflict", "terms": "rift, clash", "threshold": 1}]}
    with pytest.raises(LexiconError, match=r"field 'terms': 'rift, clash' is one text with commas, read as a "
                                           r"single item; for several items write a list: \[rift, clash\]"):
        wb.load_frames(codebook)
