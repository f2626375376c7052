"""The one declarative lexicon validator (analysis.lexicon_io: ListSchema, validate_entry) and its use by
the actor, frame and cue-verb loaders."""

from __future__ import annotations

import re

import pytest

import analysis as wb
from analysis.actors import ACTORS_FILE
from analysis.cues import CUE_VERBS_FILE
from analysis.errors import LexiconError
from analysis.framing import FRAMES_FILE
from analysis.lexicon_io import (Field, ListSchema, Problem, choice, count, entry_list, item_list, lexicon_id,
                                 read_yaml, loaded_lexicon, required_text, shipped_lexicon,
                                 validate_entry)

TOY = ListSchema(key="birds", kind="bird list", items="birds", noun="birds entry", label_key="id",
                 top=("birds", "notes"), start="'birds:'", entry_hint="'- id: ...'",
                 fields={"id": Field(lexicon_id(re.compile(r"^[a-z]+$"), example="wren", allowed="letters a-z",
                                                pattern_example="robin")),
                         "name": Field(required_text("give its name")),
                         "size": Field(choice(("small", "large"), "{value!r} is not one of {options}", default="small")),
                         "eggs": Field(count("eggs a nest holds")),
                         "colours": Field(lambda v: (_ for _ in ()).throw(Problem("item 2 is no colour", 1))
                                          if v == ["red", 7] else v),
                         "notes": Field()})


def doc(tmp_path, text):
    path = tmp_path / "birds.yml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path), path


def test_a_good_entry_gives_its_checked_values_and_defaults():
    d = read_yaml({"birds": [{"id": "wren", "name": " Wren ", "notes": "kept, not checked"}]})
    assert validate_entry(d, TOY, 0, entry_list(d, TOY)[0]) == {
        "id": "wren", "name": "Wren", "size": "small", "eggs": 1, "colours": None}


@pytest.mark.parametrize(("data", "message"), [
    ({"fish": []}, "<mapping>: no 'birds:' list; a bird list is a mapping with a key 'birds' holding a list of birds"),
    ({"birds": [], "cats": 1}, "<mapping>: unknown top-level key 'cats'; known keys are birds, notes"),
    ({"birds": {"id": "wren"}}, "<mapping>: 'birds' must be a list of birds (each starting with '- id: ...')"),
])
def test_top_level_problems(data, message):
    with pytest.raises(LexiconError) as raised:
        entry_list(read_yaml(data), TOY)
    assert str(raised.value).startswith(message)


def test_field_problems_name_the_file_line_entry_and_field(tmp_path):
    d, path = doc(tmp_path, "birds:\n  - id: wren\n    name: Wren\n  - id: robin\n    name: Robin\n    size: huge\n")
    with pytest.raises(LexiconError) as raised:
        validate_entry(d, TOY, 1, d.data["birds"][1])
    assert str(raised.value) == f"{path}, line 6: birds entry 2 (id 'robin'), field 'size': 'huge' is not one of small, large"
    d, path = doc(tmp_path, "birds:\n  - id: wren\n    name: Wren\n    colours:\n      - red\n      - 7\n")
    with pytest.raises(LexiconError) as raised:
        validate_entry(d, TOY, 0, d.data["birds"][0])
    assert str(raised.value) == f"{path}, line 6: birds entry 1 (id 'wren'), field 'colours': item 2 is no colour"


@pytest.mark.parametrize(("entry", "message"), [
    ("  - Wren\n", "line 2: birds entry 1 is not a mapping; write '- id: ...'"),
    ("  - id: wren\n    name: A\n    name: B\n", "line 4: birds entry 1 (id 'wren'), field 'name': written twice in "
                                                 "one entry; keep one (YAML would silently keep the last)"),
    ("  - id: wren\n    nme: A\n", "line 3: birds entry 1 (id 'wren'), field 'nme': unknown field; known fields "
                                   "are id, name, size, eggs, colours, notes"),
    ("  - id: Wren\n    name: A\n", "line 2: birds entry 1 (id 'Wren'), field 'id': 'Wren' is not lower-case; write 'wren'"),
    ("  - name: A\n", "line 2: birds entry 1, field 'id': missing or empty; give a unique lower-case id such as 'wren'"),
    ("  - id: wren\n", "line 2: birds entry 1 (id 'wren'), field 'name': missing or empty; give its name"),
    ("  - id: wren\n    name: A\n    eggs: 0\n", "line 4: birds entry 1 (id 'wren'), field 'eggs': 0 must be a whole "
                                                 "number >= 1 (eggs a nest holds), or left out"),
])
def test_entry_problems(tmp_path, entry, message):
    d, path = doc(tmp_path, "birds:\n" + entry)
    with pytest.raises(LexiconError) as raised:
        validate_entry(d, TOY, 0, d.data["birds"][0])
    assert str(raised.value) == f"{path}, {message}"


def test_item_list_takes_a_list_or_one_text_and_names_an_example_otherwise():
    assert item_list(["rift", 7], example="rift, row") == ["rift", 7]
    assert item_list("Hamas", example="Hamas") == ["Hamas"]
    with pytest.raises(Problem, match=r"^must be a list such as \[rift, row\], not dict$"):
        item_list({"a": 1}, example="rift, row")


def test_loaded_lexicon_is_the_source_itself_or_the_one_an_analysis_recorded_or_none_to_read():
    class Saved:  # an Analysis, by its shape
        tables, meta, actors, codebook = {}, {}, "the lexicon", None
    lexicon = wb.load_actors()
    assert loaded_lexicon(lexicon, kind=type(lexicon), attribute="actors", missing="-") is lexicon
    assert loaded_lexicon(Saved(), kind=type(lexicon), attribute="actors", missing="-") == "the lexicon"
    assert loaded_lexicon("actors.yml", kind=type(lexicon), attribute="actors", missing="-") is None
    with pytest.raises(LexiconError, match="^pass codebook=<path>$"):
        loaded_lexicon(Saved(), kind=type(lexicon), attribute="codebook", missing="pass codebook=<path>")


def test_a_shipped_lexicon_is_built_once_and_the_loaders_return_that_object(tmp_path):
    path = tmp_path / "birds.yml"
    path.write_text("birds:\n  - id: wren\n", encoding="utf-8")
    built = []

    def build(d):
        built.append(d.name)
        return [entry["id"] for entry in d.data["birds"]]

    assert shipped_lexicon(build, path) == ["wren"]
    assert shipped_lexicon(build, path) is shipped_lexicon(build, path)
    assert built == [str(path)]
    assert wb.load_actors() is wb.load_actors() and wb.load_frames("generic") is wb.load_frames()
    assert wb.load_cue_verbs() is wb.load_cue_verbs()


def test_the_three_loaders_declare_their_formats():
    assert list(ACTORS_FILE.fields) == ["id", "name", "type", "group", "aliases", "titles", "gender", "notes",
                                        "wikidata", "description"]
    assert list(FRAMES_FILE.fields)[:5] == ["id", "label", "description", "terms", "actor_terms"]
    assert list(CUE_VERBS_FILE.fields) == ["lemma", "clause", "addressee", "forms"]


def test_cue_verbs_now_refuse_unknown_and_repeated_fields(tmp_path):
    path = tmp_path / "cues.yml"
    path.write_text("cue_verbs:\n  - lemma: say\n    forms: [say, said]\n    tense: past\n", encoding="utf-8")
    with pytest.raises(LexiconError) as raised:
        wb.load_cue_verbs(path)
    assert str(raised.value) == (f"{path}, line 4: cue_verbs entry 1 ('say'), field 'tense': unknown field; known "
                                 "fields are lemma, clause, addressee, forms")
    path.write_text("cue_verbs:\n  - lemma: say\n    forms: [say]\n    forms: [said]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 4: cue_verbs entry 1 \('say'\), field 'forms': written twice"):
        wb.load_cue_verbs(path)


def test_a_frames_codebook_and_an_actors_lexicon_refuse_a_top_level_key_written_twice(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("actors: []\nactors: []\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"a\.yml, line 2: top-level key 'actors' is written twice; keep one"):
        wb.load_actors(path)
