"""Reading lexicon YAML files with line numbers, so validation errors can point at the line to fix.

``read_yaml(source)`` parses a path (or an already-parsed mapping) once and keeps the composed node
tree beside the data; ``YamlDoc.line("actors", 3, "aliases")`` then gives the 1-based line of that
entry's ``aliases`` field, or None when the source was a mapping (no file, no lines).

YAML anchors and aliases (``&name`` / ``*name``) are allowed in moderation, but a document whose
aliases expand to far more values than it spells out (an "alias bomb": nine levels of nine
aliases are a billion values), or an alias that contains itself, is rejected before anything is
built from it: :func:`check_aliases` works on the composed node graph in time linear in the
*written* document, and its message names the anchor's line, never the expanded value.
:func:`safe_load` applies the same check to any YAML text (sidecars, front matter).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from analysis.errors import LexiconError, where

__all__ = ["MAX_EXPANSION", "YamlAliasError", "YamlDoc", "check_aliases", "content_hash", "read_yaml", "safe_load",
           "Problem", "Field", "ListSchema", "entry_list", "validate_entry", "entry_error", "required_text",
           "optional_text", "choice", "count", "lexicon_id", "item_list",
           "loaded_lexicon", "shipped_lexicon"]

#: A document may expand (through aliases) to at most this many times its written nodes, plus 10,000.
MAX_EXPANSION = 10
_EXPANSION_SLACK = 10_000


class YamlAliasError(yaml.YAMLError):
    """YAML whose aliases expand too far or recurse; ``problem`` and ``line`` (1-based anchor line) say where."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem if line is None else f"{problem} (line {line})")
        self.problem = problem
        self.line = line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def check_aliases(node: yaml.Node | None) -> None:
    """Raise :class:`YamlAliasError` when the node graph recurses or expands beyond the bound.

    The bound: expanded nodes <= MAX_EXPANSION x written nodes + 10,000. Linear in the written
    (composed) nodes: sizes are memoised per node, so a billion-value bomb costs a few hundred steps.
    """
    if node is None:
        return
    size: dict[int, int] = {}
    refs: dict[int, int] = {}
    first_shared: yaml.Node | None = None
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    active: set[int] = set()
    while stack:
        current, done = stack.pop()
        key = id(current)
        if done:
            active.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in _children(current))
            continue
        refs[key] = refs.get(key, 0) + 1
        if key in size:
            if first_shared is None:
                first_shared = current
            continue
        if key in active:
            raise YamlAliasError("an alias refers to a value that contains it (a recursive alias); "
                                 "write the value out instead", current.start_mark.line + 1)
        active.add(key)
        stack.append((current, True))
        stack.extend((child, False) for child in reversed(_children(current)))
    written = len(size)
    expanded = size[id(node)]
    if expanded > MAX_EXPANSION * written + _EXPANSION_SLACK:
        line = first_shared.start_mark.line + 1 if first_shared is not None else None
        raise YamlAliasError(
            f"aliases expand {written} written values to {expanded:,} (an alias bomb; at most "
            f"{MAX_EXPANSION} x written + {_EXPANSION_SLACK:,} are allowed), starting with the anchor reused here; "
            "write the values out instead of repeating aliases",
            line,
        )


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with :func:`check_aliases` applied before anything is constructed."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        check_aliases(node)
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


@dataclass(frozen=True, eq=False)
class YamlDoc:
    """A parsed YAML document: ``data`` (plain Python), ``name`` (file path or a label) and its nodes."""

    data: Any
    name: str
    node: yaml.Node | None = None

    def line(self, *path: str | int) -> int | None:
        """1-based line of the node at ``path`` (mapping keys and list indices); for a mapping key the
        line of the key itself. Falls back to the deepest node found; None without a file."""
        node, found = self.node, None
        if node is None:
            return None
        found = node.start_mark.line + 1
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                match = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step]
                if not match:
                    break
                key, node = match[-1]
                found = key.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                found = node.start_mark.line + 1
            else:
                break
        return found

    def line_note(self, *path: str | int) -> str:
        """``' (line 12)'`` for the node at ``path``, or ``''`` when lines are unknown (a mapping, no file)."""
        line = self.line(*path)
        return "" if line is None else f" (line {line})"

    def where(self, *path: str | int) -> str:
        """``'actors.yml, line 12'`` for the node at ``path`` (just the name when lines are unknown)."""
        return where(self.name, line=self.line(*path))

    def duplicate_keys(self, *path: str | int) -> list[tuple[str, int]]:
        """Keys written twice in the mapping at ``path`` (YAML keeps the last silently): (key, line)."""
        node = self.node
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                node = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
            else:
                return []
        if not isinstance(node, yaml.MappingNode):
            return []
        seen: set[str] = set()
        dups = []
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    dups.append((key.value, key.start_mark.line + 1))
                seen.add(key.value)
        return dups


def read_yaml(source: str | Path | Mapping[str, Any], *, label: str = "<mapping>") -> YamlDoc:
    """Parse a YAML file (path) or wrap an already-parsed mapping.

    Raises LexiconError naming the file and line for unreadable files and malformed YAML.
    """
    if isinstance(source, Mapping):
        return YamlDoc(data=source, name=label)
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: file not found; pass the path of a YAML lexicon file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the file ({exc}); save it as UTF-8 text") from None
    fast = _read_with_libyaml(text, path)
    if fast is not None:
        return fast
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        check_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    except YamlAliasError as exc:
        raise LexiconError(f"{where(path, line=exc.line)}: {exc.problem}") from None
    except RecursionError:
        raise LexiconError(f"{path}: malformed YAML (nested too deeply); flatten the file") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise LexiconError(
            f"{where(path, line=line)}: malformed YAML ({problem}); check the indentation, colons and "
            "quotes on that line or the one above"
        ) from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: malformed YAML ({exc}); check the file's syntax") from None
    finally:
        loader.dispose()
    return YamlDoc(data=data, name=str(path), node=node)


def is_analysis(source: Any) -> bool:
    """An :class:`analysis.Analysis`, recognised by its shape (the lexicon and codebook loaders take one to
    reuse the lexicon or codebook it was made with, and must not import the pipeline)."""
    return hasattr(source, "tables") and hasattr(source, "meta") and hasattr(source, "codebook")


_Lexicon = TypeVar("_Lexicon")


@functools.lru_cache(maxsize=None)
def shipped_lexicon(build: Callable[[YamlDoc], _Lexicon], path: Path) -> _Lexicon:
    """``build(read_yaml(path))`` for a lexicon file shipped with the package, built once per process:
    every later call with the same ``build`` and ``path`` returns the same object (and so reuses its
    matcher)."""
    return build(read_yaml(path))


def loaded_lexicon(source: Any, *, kind: type, attribute: str, missing: str) -> Any | None:
    """The lexicon ``source`` already is, for a loader to return as it is: ``source`` itself when it is
    a ``kind`` (an ActorLexicon, a Codebook); for an :class:`analysis.Analysis`, the one it was made
    with (its ``attribute``: ``"actors"``, ``"codebook"``), or LexiconError ``missing`` (what to pass
    instead) when it records none. None for a source to read (a path, a name, a mapping)."""
    if isinstance(source, kind):
        return source
    if not is_analysis(source):
        return None
    lexicon = getattr(source, attribute)
    if lexicon is None:
        raise LexiconError(missing)
    return lexicon


def content_hash(data: Any) -> str:
    """sha256 of ``data`` as canonical JSON (sorted keys): the same content gives the same hash,
    whether it came from a file or a mapping."""
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------- declarative validation
#
# Every lexicon file kind (actors, frames, cue verbs) is a mapping with one list of entries. A
# ListSchema says, as data, which top-level keys the file may have, which list holds the entries and
# which fields an entry may have, each with a check; entry_list and validate_entry apply it, so every
# loader reports problems the same way: "<file>, line <n>: <entry label>, field '<name>': <problem>".


class Problem(ValueError):
    """What is wrong with one field's value (the text after "field 'x': "); ``at``: the path inside
    the field (an item's index) whose line the error names."""

    def __init__(self, problem: str, *at: str | int) -> None:
        super().__init__(problem)
        self.at = at


@dataclass(frozen=True)
class Field:
    """One field of an entry: ``check(value)`` gets the value (None when the field is absent) and returns
    it normalised, or raises :class:`Problem`. ``check=None``: a known field that is kept in the file
    and ignored (notes, sources)."""

    check: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class ListSchema:
    """One lexicon file kind.

    ``key``: the top-level key holding the list of entries; ``top``: the top-level keys a file may
    have (None: not checked); ``kind``/``items``: words for the messages ("lexicon"/"entries");
    ``noun``: an entry in messages ("actors entry", "frame"); ``start``: how to start the file (for
    a top level that is not a mapping); ``entry_hint``: how to write an entry (for one that is not a
    mapping); ``label_key``: the field that names an entry in messages, ``label_format`` how
    (``"id {!r}"`` gives "(id 'x')"); ``fields``: the known fields in the order they are checked;
    ``may_be_empty``: an empty (or absent) list is allowed; ``strict``: unknown fields and fields
    written twice are errors.
    """

    key: str
    kind: str
    items: str
    noun: str
    start: str
    entry_hint: str
    label_key: str
    fields: dict[str, Field] = field(default_factory=dict)
    top: tuple[str, ...] | None = None
    label_format: str = "id {!r}"
    may_be_empty: bool = True
    strict: bool = True

    def label(self, i: int, entry: object) -> str:
        """``'actors entry 2 (id 'hamas')'``: the entry's number, and its name where it has a valid one."""
        name = entry.get(self.label_key) if isinstance(entry, Mapping) else None
        return f"{self.noun} {i + 1}" + (f" ({self.label_format.format(name)})"
                                         if isinstance(name, str) and name.strip() else "")


def entry_list(doc: YamlDoc, schema: ListSchema) -> list[Any]:
    """The list of entries of ``doc`` after the top-level checks of ``schema`` (LexiconError naming
    the file and line otherwise)."""
    data = doc.data
    if data is None or (isinstance(data, Mapping) and schema.key not in data):
        raise LexiconError(f"{doc.where()}: no '{schema.key}:' list; a {schema.kind} is a mapping with a key "
                           f"'{schema.key}' holding a list of {schema.items} (see docs/design.md, 'Lexicon formats')")
    if not isinstance(data, Mapping):
        raise LexiconError(f"{doc.where()}: the top level is a {type(data).__name__}, not a mapping; "
                           f"start the file with {schema.start}")
    for key, line in doc.duplicate_keys():
        raise LexiconError(f"{doc.name}, line {line}: top-level key {key!r} is written twice; keep one")
    unknown = [k for k in data if schema.top is not None and k not in schema.top]
    if unknown:
        raise LexiconError(f"{doc.where(str(unknown[0]))}: unknown top-level key {unknown[0]!r}; "
                           f"known keys are {', '.join(schema.top or ())}")
    raw = data[schema.key]
    if raw is None and schema.may_be_empty:
        raw = []
    if not isinstance(raw, list) or (not raw and not schema.may_be_empty):
        some = "a list" if schema.may_be_empty else "a non-empty list"
        raise LexiconError(f"{doc.where(schema.key)}: '{schema.key}' must be {some} of {schema.items} "
                           "(each starting with '- id: ...')")
    return raw


def entry_error(doc: YamlDoc, schema: ListSchema, i: int, entry: object, name: str, problem: str,
                *at: str | int) -> LexiconError:
    """The error for field ``name`` of entry ``i``: file, line (of ``at`` inside the field when given),
    entry label, field and problem."""
    return LexiconError(f"{doc.where(schema.key, i, name, *at)}: {schema.label(i, entry)}, field {name!r}: {problem}")


def validate_entry(doc: YamlDoc, schema: ListSchema, i: int, entry: object) -> dict[str, Any]:
    """Entry ``i`` checked against ``schema``: {field: normalised value} for every checked field
    (None-checked fields are left out). LexiconError naming the file, line, entry and field."""
    if not isinstance(entry, Mapping):
        raise LexiconError(f"{doc.where(schema.key, i)}: {schema.noun} {i + 1} is not a mapping; write "
                           f"{schema.entry_hint}")
    if schema.strict:
        dup = doc.duplicate_keys(schema.key, i)
        if dup:
            key, line = dup[0]
            raise LexiconError(f"{doc.name}, line {line}: {schema.label(i, entry)}, field {key!r}: written twice "
                               f"in one {schema.noun.split()[-1]}; keep one (YAML would silently keep the last)")
        for key in entry:
            if key not in schema.fields:
                raise entry_error(doc, schema, i, entry, str(key),
                                  f"unknown field; known fields are {', '.join(schema.fields)}")
    out: dict[str, Any] = {}
    for name, spec in schema.fields.items():
        if spec.check is None:
            continue
        try:
            out[name] = spec.check(entry.get(name))
        except Problem as problem:
            raise entry_error(doc, schema, i, entry, name, str(problem), *problem.at) from None
    return out


# The checks fields are built from.


def required_text(hint: str) -> Callable[[Any], str]:
    """Text that must be there and not blank ("missing or empty; <hint>"); returned stripped."""
    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Problem(f"missing or empty; {hint}")
        return value.strip()
    return check


def optional_text(problem: str, *, blank: bool = False) -> Callable[[Any], str | None]:
    """Text or absent (None); ``blank``: an empty text is allowed. Returned stripped."""
    def check(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or (not blank and not value.strip()):
            raise Problem(problem)
        return value.strip()
    return check


def choice(options: tuple[str, ...], problem: str, *, default: str | None = None,
           optional: bool = False) -> Callable[[Any], str | None]:
    """One of ``options``; absent gives ``default``, or None when ``optional`` (else absent is an
    error). ``problem`` is formatted with the value ``{value!r}`` and the options (``{options}``:
    "a, b", ``{bars}``: "a | b")."""
    def check(value: Any) -> str | None:
        value = default if value is None else value
        if value is None and optional:
            return None
        if value not in options:
            raise Problem(problem.format(value=value, options=", ".join(options), bars=" | ".join(options)))
        return value
    return check


def count(meaning: str, *, default: int = 1) -> Callable[[Any], int]:
    """A whole number >= 1 ("<n> must be a whole number >= 1 (<meaning>), or left out")."""
    def check(value: Any) -> int:
        value = default if value is None else value
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise Problem(f"{value!r} must be a whole number >= 1 ({meaning}), or left out")
        return value
    return check


def lexicon_id(pattern: re.Pattern[str], *, example: str, allowed: str, pattern_example: str,
               lower_case: bool = True) -> Callable[[Any], str]:
    """An entry id: there, (``lower_case``: lower-case,) and matching ``pattern``."""
    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Problem(f"missing or empty; give a unique lower-case id such as {example!r}")
        if lower_case and value != value.lower():
            raise Problem(f"{value!r} is not lower-case; write {value.lower()!r}")
        if not pattern.match(value):
            raise Problem(f"{value!r} must be {allowed} with no spaces (e.g. {pattern_example!r})")
        return value
    return check


def item_list(value: Any, *, example: str) -> list[Any]:
    """The items of a list field as written: a lone text is a one-item list (``aliases: Hamas``);
    a lone text with a comma (``aliases: Marcus Delane, Delane``, which YAML reads as one text) and
    anything else that is not a list raise :class:`Problem` (the list form to write instead, or "must
    be a list such as [<example>], not <type>"). The caller handles an absent field (None) and checks
    the items."""
    if isinstance(value, str) and "," in value:
        raise Problem(_comma_text_problem(value))
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise Problem(f"must be a list such as [{example}], not {type(value).__name__}")
    return value


def _comma_text_problem(value: str) -> str:
    """What to write instead of one text with commas in a list field: the list of its parts, or one
    quoted item when the comma belongs to the term (``Washington, D.C.``)."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    return (f"{value!r} is one text with commas, read as a single item; for several items write a list: "
            f"[{', '.join(parts)}]; for one item that contains a comma, quote it in a list: [\"{value.strip()}\"]")


def _read_with_libyaml(text: str, path: Path) -> YamlDoc | None:
    """The document of ``text`` parsed by libyaml (PyYAML's ``CSafeLoader``: the same nodes, lines and
    values as the pure-Python ``SafeLoader``, several times faster, which every process pays for the
    shipped lexicons), or None when libyaml is not installed or anything goes wrong: then
    :func:`read_yaml` parses again with ``SafeLoader``, whose error messages it reports."""
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        return None
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        check_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    except Exception:  # noqa: BLE001 - every error is reported by the pure-Python parse
        return None
    finally:
        loader.dispose()
    return YamlDoc(data=data, name=str(path), node=node)
