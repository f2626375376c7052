"""The naming grammar of docs/naming.md, kept without exception: every public name and keyword.

Public names: ``analysis.__all__`` and the ``__all__`` of the public submodules ``wb.tables`` and
``wb.validation`` (``wb.charts`` keeps its own ``<subject>_<view>`` grammar, checked in
tests/test_charts.py). The rules and the keyword table are read from docs/naming.md, so the page and
the code cannot drift apart.
"""

from __future__ import annotations

import inspect
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis import tables as wb_tables
from analysis import validation as wb_validation

NAMING = Path(__file__).resolve().parents[1] / "docs" / "naming.md"
DOC = NAMING.read_text(encoding="utf-8")
PUBLIC = {"analysis": wb, "analysis.tables": wb_tables, "analysis.validation": wb_validation}


def _doc_list(label: str) -> list[str]:
    """The comma-separated words after ``label`` in docs/naming.md (up to the full stop)."""
    match = re.search(rf"{label}:?\s*(.+?)\.\s", DOC, re.S)
    assert match, f"docs/naming.md lists no {label!r}"
    return [w.strip().strip("`") for w in " ".join(match.group(1).split()).split(",")]


TABLE_NOUNS = _doc_list("Table nouns")
VERBS = _doc_list(r"Verbs \(the first word\)")
KEYWORDS = dict(re.findall(r"^\| `(\w+)` \| (.+?) \|$", DOC.split("## Keywords", 1)[1].split("\n## ", 1)[0], re.M))


def _functions() -> list[tuple[str, str, object]]:
    """(module, name, function) for every public function (classes and constants left out)."""
    out = []
    for module_name, module in PUBLIC.items():
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj) and not inspect.isclass(obj) and not inspect.ismodule(obj):
                out.append((module_name, name, obj))
    return out


FUNCTIONS = _functions()
IDS = [f"{m}.{n}" for m, n, _ in FUNCTIONS]


def _returns(fn) -> str:
    annotation = inspect.signature(fn).return_annotation
    return "" if annotation is inspect.Signature.empty else str(getattr(annotation, "__name__", annotation))


def _word_class(module: str, name: str) -> str:
    """The word class of a public function name (docs/naming.md, "Word classes"), or "" for none."""
    if name in TABLE_NOUNS:
        return "measure"
    if name.endswith("_by") and name[:-3] in TABLE_NOUNS:
        return "aggregate"
    if re.fullmatch(r"[a-z]+(?:_[a-z]+)*_as_[a-z]+(?:_[a-z]+)*", name):
        return "conversion"
    if name.startswith("with_"):
        return "with"
    if name.startswith("load_"):
        return "loader"
    if name.startswith("read_"):
        return "reader"
    if name.endswith("_panel"):
        return "panel"
    if name.split("_")[0] in VERBS:
        return "verb"
    return "noun"


def test_the_grammar_is_written_down_in_docs_and_in_the_package_docstring():
    assert len(TABLE_NOUNS) >= 7 and {"sentences", "entities", "mentions", "quotes", "tone", "frames",
                                       "actor_tone"} <= set(TABLE_NOUNS)
    assert "analyze" in VERBS and len(KEYWORDS) > 50
    for rule in ("Measures are named after the table they return", "Aggregates are ``<table>_by``",
                 "Loaders are ``load_<thing>(source)``", "One keyword, one meaning", "docs/naming.md"):
        assert rule in wb.__doc__


@pytest.mark.parametrize(("module", "name", "fn"), FUNCTIONS, ids=IDS)
def test_every_public_function_name_keeps_the_grammar(module, name, fn):
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", name), "lower_snake_case"
    assert not re.search(r"rollup|_over_time|_by_|^actor_mentions$|^frame_scores$", name), \
        "one aggregating verb only: <table>_by"
    kind = _word_class(module, name)
    params = list(inspect.signature(fn).parameters.values())
    returns = _returns(fn)
    if kind == "measure":
        assert "DataFrame" in returns, f"{name} is named after a table, so returns one"
        assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD  # the table, first
    elif kind == "aggregate":
        assert "DataFrame" in returns
        assert "by" in inspect.signature(fn).parameters or "aggregated by" in fn.__doc__
    elif kind == "conversion":
        assert "DataFrame" in returns
    elif kind == "with":
        assert "DataFrame" in returns and params[0].name in ("documents", "table")
    elif kind == "loader":
        assert params[0].name in ("source", "path"), "a loader reads from a source"
        assert returns and returns != "None"
    elif kind == "reader":
        assert module == "analysis.validation", "read_* (outside annotation formats) lives in wb.validation"
        assert params[0].name == "path"
    elif kind == "panel":
        assert module == "analysis.tables" and "Figure" in returns
    elif kind == "noun":
        assert returns and returns != "None", f"{name} is a noun: it names what it returns"
    assert name not in getattr(wb, "DEPRECATED", {}) or module != "analysis"


def test_table_nouns_name_the_tables_analyze_stores():
    from analysis.pipeline import TABLES

    assert set(TABLES) - {"documents"} <= set(TABLE_NOUNS)
    assert all(name in wb.__all__ for name in TABLE_NOUNS)


@pytest.mark.parametrize(("module", "name", "fn"), FUNCTIONS, ids=IDS)
def test_every_keyword_has_one_written_meaning(module, name, fn):
    for param in inspect.signature(fn).parameters.values():
        assert param.name in KEYWORDS, (
            f"{module}.{name}({param.name}=...): every keyword is in docs/naming.md's keyword table with its "
            "one meaning; use the keyword that already means this, or add a row")


def test_keywords_keep_their_meaning_in_every_signature():
    """Spot checks that a keyword's default and type fit its one meaning wherever it appears."""
    from analysis.pipeline import ENGINES

    tables = {"sentences", "mentions", "entities", "quotes", "tone", "frames", "voice", "actor_tone",
              "document_frames", "entity_table", "codes", "sample", "table", "candidates", "matches"}
    for module, name, fn in FUNCTIONS:
        for p in inspect.signature(fn).parameters.values():
            where = f"{module}.{name}({p.name}=)"
            if p.name == "engine":
                assert p.default in ENGINES, f"{where}: engine= is the execution engine"
            if p.name == "tone_engine":
                assert p.default == "textblob", where
            if p.name == "level":
                assert p.default in ("sentence", "document"), f"{where}: level= only switches the output unit"
            if p.name == "period":
                assert p.default is None, where
            if p.name in tables and p.annotation is not inspect.Parameter.empty:
                assert "DataFrame" in str(p.annotation), f"{where}: a keyword named after a table is that table"
            if p.name in ("actors", "codebook", "cue_verbs"):
                assert "DataFrame" not in str(p.annotation), f"{where}: a lexicon, not a table"


def test_old_keywords_are_gone_from_every_signature():
    renamed = {old for _, _, fn in FUNCTIONS for old in getattr(fn, "renamed_keywords", {})}
    assert {"engine", "frames", "level", "unit", "analysis_result", "result"} & renamed
    for module, name, fn in FUNCTIONS:
        for old, new in getattr(fn, "renamed_keywords", {}).items():
            params = inspect.signature(fn).parameters
            assert old not in params and new in params, f"{module}.{name}: {old}= -> {new}="


def test_dir_shows_the_public_names_only_and_submodules_still_work():
    names = dir(wb)
    assert names == sorted(wb.__all__)
    assert not any(inspect.ismodule(getattr(wb, n)) for n in names), "wb.<TAB> shows no submodules"
    assert not set(getattr(wb, "DEPRECATED")) & set(names)
    assert inspect.ismodule(wb.charts) and inspect.ismodule(wb.validation) and inspect.ismodule(wb.tables)
    assert wb.validation.agreement is wb_validation.agreement and wb.tables.keep_top is wb_tables.keep_top
    assert len(wb.__all__) <= 50, "the top level is what a user needs"
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        wb.no_such_name  # noqa: B018


def test_every_deprecated_name_is_written_down_and_warns_naming_the_new_one():
    for old, (_, _, new) in wb.DEPRECATED.items():
        assert f"`{old}`" in DOC, f"docs/naming.md does not list the old name {old}"
        with pytest.warns(DeprecationWarning, match=rf"analysis\.{old} is deprecated.*use {re.escape(new)}"):
            obj = getattr(wb, old)
        assert obj is not None


# ------------------------------------------------------------------ deprecated aliases give the same

@pytest.fixture(scope="module")
def seed_result(seed_path):
    docs = wb.load_corpus(seed_path)
    return docs, wb.analyze(docs, progress=False)


def _same(old, new) -> None:
    if isinstance(new, pd.DataFrame):
        pd.testing.assert_frame_equal(old, new)
    else:
        assert old == new


RENAMED_FUNCTIONS = [
    ("actor_mentions", "mentions", lambda f, d, r: f(d)),
    ("actor_prominence", "prominence", lambda f, d, r: f(r.mentions, r.sentences)),
    ("actor_rollup", "mentions_by", lambda f, d, r: f(r.mentions, d, by=("actor", "outlet"))),
    ("frame_scores", "frames", lambda f, d, r: f(d, level="document")),
    ("frame_rollup", "frames_by", lambda f, d, r: f(wb.frames(d, level="document"), d, by=("outlet",))),
    ("actor_tone_summary", "actor_tone_by", lambda f, d, r: f(r.actor_tone, n_boot=50)),
    ("entity_rollup", "entities_by", lambda f, d, r: f(r.entities)),
    ("entity_mentions", "entities_as_mentions", lambda f, d, r: f(r.entities)),
    ("load_report", "loader_report", lambda f, d, r: f(d)),
]


@pytest.mark.parametrize(("old", "new", "call"), RENAMED_FUNCTIONS, ids=[o for o, _, _ in RENAMED_FUNCTIONS])
def test_a_renamed_function_warns_and_returns_the_same_as_the_new_name(seed_result, old, new, call):
    docs, result = seed_result
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        want = call(getattr(wb, new), docs, result)
    with pytest.warns(DeprecationWarning, match=rf"analysis\.{old} is deprecated.*analysis\.{new}"):
        got = call(getattr(wb, old), docs, result)
    _same(got, want)


def test_module_level_aliases_warn_when_called_and_return_the_same(seed_result):
    import importlib

    actors, entities, framing, report = (importlib.import_module(f"analysis.{m}")
                                         for m in ("actors", "entities", "framing", "corpus.report"))

    docs, result = seed_result
    for alias, new, args in ((actors.actor_mentions, wb.mentions, (docs,)),
                             (actors.actor_rollup, wb.mentions_by, (result.mentions, docs)),
                             (framing.frame_scores, wb.frames, (docs,)),
                             (entities.entity_mentions, wb.entities_as_mentions, (result.entities,)),
                             (report.load_report, wb.loader_report, (docs,))):
        with pytest.warns(DeprecationWarning, match="is deprecated"):
            got = alias(*args)
        _same(got, new(*args))
        assert inspect.signature(alias) == inspect.signature(alias.__wrapped__)


def test_renamed_panels_warn_and_return_the_same(seed_result):
    docs, result = seed_result
    dated = wb.with_period(docs)
    for old, new, args in (("attention_by_period", "attention_panel", (result.mentions, dated)),
                           ("frames_over_time", "frames_panel", (wb.frames(docs, level="document"), dated))):
        with pytest.warns(DeprecationWarning, match=f"{old} is deprecated.*analysis.tables.{new}"):
            got = getattr(wb, old)(*args)
        want = getattr(wb.tables, new)(*args)
        assert got.to_dict() == want.to_dict()


RENAMED_KEYWORDS = [
    ("tone", lambda f, d, r, k: f(d, **{k: "vader"}), "engine", "tone_engine"),
    ("cooccurrence", lambda f, d, r, k: f(r.mentions, **{k: "document"}), "level", "within"),
    ("with_period", lambda f, d, r, k: f(d, **{k: "month"}), "unit", "period"),
    ("mentions_by", lambda f, d, r, k: f(**{k: r.mentions}, documents=d), "path", "mentions"),
]


@pytest.mark.parametrize(("name", "call", "old", "new"), RENAMED_KEYWORDS, ids=[f"{n}({o}=)" for n, _, o, _ in
                                                                                 RENAMED_KEYWORDS])
def test_a_renamed_keyword_warns_and_gives_the_same_as_the_new_one(seed_result, name, call, old, new):
    docs, result = seed_result
    fn = getattr(wb, name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        want = call(fn, docs, result, new)
    with pytest.warns(DeprecationWarning, match=rf"{name}\({old}=\.\.\.\) is deprecated.*{name}\({new}=\.\.\.\)"):
        got = call(fn, docs, result, old)
    _same(got, want)
    with pytest.raises(TypeError, match=f"got both {old}= .* and {new}="):
        fn(docs, **{old: "x", new: "y"})


def test_renamed_keywords_of_analyze_and_validation_warn_and_give_the_same(seed_result, tmp_path):
    docs, result = seed_result
    with pytest.warns(DeprecationWarning, match=r"analyze\(frames=\.\.\.\) is deprecated.*analyze\(codebook="):
        old = wb.analyze(docs, frames="conflict-news", progress=False)
    new = wb.analyze(docs, codebook="conflict-news", progress=False)
    pd.testing.assert_frame_equal(old.frames, new.frames)
    codes = pd.DataFrame({"item": [1, 1, 2, 2, 3, 3], "who": ["a", "b"] * 3, "code": [1, 1, 2, 1, 3, 3]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = wb.validation.agreement(codes, unit="item", coder="who", value="code", level="ordinal")
    assert sorted(str(w.message).split(" is ")[0] for w in caught if w.category is DeprecationWarning) == [
        "agreement(coder=...)", "agreement(level=...)", "agreement(unit=...)", "agreement(value=...)"]
    new = wb.validation.agreement(codes, unit_column="item", coder_column="who", value_column="code",
                                  measurement="ordinal")
    pd.testing.assert_frame_equal(old, new)
    with pytest.warns(DeprecationWarning, match=r"coding_sample\(analysis_result=\.\.\.\) is deprecated"):
        old = wb.validation.coding_sample(analysis_result=result, n=3)
    pd.testing.assert_frame_equal(old, wb.validation.coding_sample(result, n=3))
