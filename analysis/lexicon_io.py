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

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import LexiconError, where

__all__ = ["MAX_EXPANSION", "YamlAliasError", "YamlDoc", "check_aliases", "content_hash", "read_yaml", "safe_load"]

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


def content_hash(data: Any) -> str:
    """sha256 of ``data`` as canonical JSON (sorted keys): the same content gives the same hash,
    whether it came from a file or a mapping."""
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
