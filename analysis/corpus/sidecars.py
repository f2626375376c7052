"""Metadata beside text files: ``<name>.meta.yml`` and a folder's ``metadata.csv``.

* ``<name>.meta.yml`` (or ``.meta.yaml``) next to any document file (``<name>.txt`` / ``.md`` /
  ``.html``, or a table: ``.csv``, ``.json``, ``.jsonl``, ...): a YAML
  mapping, e.g. ``outlet: Example News``, ``published: 2024-05-09T10:00:00+02:00``,
  ``url: ...``, ``author: ...``, ``tags: [Biden, Israel]``, ``title: ...``, plus any extra keys
  (kept as metadata columns).
* ``metadata.csv`` in a folder: a ``file`` column naming a file (relative to that folder; may
  include sub-folders), plus the same keys as columns; empty cells are ignored. When several
  ``metadata.csv`` name the same file, the one deepest in the tree wins.
* Keys are read with the same aliases as table columns (``date`` -> published, ``source`` ->
  outlet, ``keywords`` -> tags, ``id`` -> doc_id, ...; see :mod:`analysis.corpus.fields`).
* Precedence: ``.meta.yml`` over ``metadata.csv`` over what the parser found in the file
  (markdown front matter counts as found in the file); a value that replaces a different one is
  noted in the load report (action ``replaced``), but a publication date that cannot be read never
  replaces a given one (noted, action ``not used``). A table file's sidecar values go to every row of
  it, except a ``doc_id`` when the file holds several documents (noted, action ``not used``).
* YAML whose aliases expand far beyond what is written (an alias bomb) or recurse is malformed
  (see :mod:`analysis.lexicon_io`).
* A sidecar that cannot be read (not YAML, not a mapping, a dangling link or a FIFO, a ``metadata.csv`` without a ``file``
  column or naming a file twice) is an ``InputError`` naming it; with ``errors="skip"`` the
  sidecar is skipped (listed in the load report) and its documents load without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.corpus.article import byline_author
from analysis.corpus.fields import canonical_key, tag_list
from analysis.corpus.files import FileProblem, file_problem, read_bytes
from analysis.corpus.report import LoadLog
from analysis.lexicon_io import YamlAliasError, safe_load

__all__ = [
    "META_SUFFIXES",
    "METADATA_CSV",
    "canonical_fields",
    "read_meta_yml",
    "read_metadata_csv",
    "sidecar_paths",
    "yaml_problem",
]

META_SUFFIXES: tuple[str, ...] = (".meta.yml", ".meta.yaml")
METADATA_CSV = "metadata.csv"


def yaml_problem(exc: Exception, *, first_line: int = 1) -> str:
    """A one-line description of a YAML error: 'expected ..., but found ... (line 3, column 7)'.

    ``first_line`` is the file line of the YAML text's first line (front matter starts at 2).
    """
    if isinstance(exc, YamlAliasError):
        line = f" (line {exc.line + first_line - 1})" if exc.line is not None else ""
        return f"{exc.problem}{line}"
    problem = getattr(exc, "problem", None)
    mark = getattr(exc, "problem_mark", None)
    if problem is None:
        return " ".join(str(exc).split())
    where = f" (line {mark.line + first_line}, column {mark.column + 1})" if mark is not None else ""
    return f"{problem}{where}"


def sidecar_paths(file: Path) -> list[Path]:
    """The possible ``.meta.yml`` paths of ``file`` (``a.txt`` -> ``a.meta.yml``, ``a.meta.yaml``)."""
    stem = file.name[: -len(file.suffix)] if file.suffix else file.name
    return [file.with_name(stem + suffix) for suffix in META_SUFFIXES]


def canonical_fields(meta: dict[Any, Any]) -> dict[str, Any]:
    """Sidecar keys mapped to documents columns (aliases as for tables); other keys kept as they are. An
    author written as a byline is its name ("By Tom Avery, Chief Sports Writer" -> "Tom Avery",
    :func:`analysis.corpus.article.byline_author`); any other author value is kept as written."""
    fields: dict[str, Any] = {}
    for key, value in meta.items():
        if value is None or (isinstance(value, float) and value != value):
            continue
        name = canonical_key(key) or str(key)
        if name == "tags":
            value = tag_list(value)
        elif name == "doc_id":
            value = str(value)
        elif name == "author" and isinstance(value, str):
            value = byline_author(value.strip()) or value
        fields[name] = value
    return fields


def read_meta_yml(path: Path, log: LoadLog) -> dict[str, Any]:
    """The fields of a ``.meta.yml`` sidecar; {} (with the problem logged) when it is malformed."""
    fix = (
        "write it as a YAML mapping, one 'key: value' per line "
        "(outlet, published, url, author, tags, title, ...)"
    )
    try:
        data = safe_load(read_bytes(path).decode("utf-8-sig"))
    except FileProblem as problem:
        log.fail(path, f"unreadable metadata sidecar: {problem.problem}", problem.fix)
        return {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        log.fail(path, f"malformed metadata sidecar: not valid UTF-8 YAML ({yaml_problem(exc)})", fix)
        return {}
    except RecursionError:
        log.fail(path, "malformed metadata sidecar: nested too deeply", fix)
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        log.fail(path, f"malformed metadata sidecar: expected a mapping of keys to values, found a {kind}", fix)
        return {}
    return canonical_fields(data)


def read_metadata_csv(path: Path, log: LoadLog) -> dict[Path, dict[str, Any]]:
    """Fields per file (absolute, resolved path) from a folder's ``metadata.csv``; {} when malformed."""
    problem = file_problem(path)
    if problem is not None:
        log.fail(path, f"unreadable metadata.csv: {problem.problem}", problem.fix)
        return {}
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        log.fail(path, f"malformed metadata.csv ({' '.join(str(exc).split())})",
                 "fix it: one row per file, a header row with a 'file' column")
        return {}
    if "file" not in table.columns:
        found = ", ".join(map(str, table.columns))
        log.fail(path, f"malformed metadata.csv: no 'file' column (columns found: {found})",
                 "add a 'file' column naming each document file relative to the folder")
        return {}
    repeated = table["file"][table["file"].duplicated(keep=False)]
    if len(repeated):
        rows = ", ".join(str(i + 1) for i in repeated.index[:5])
        name = repeated.iloc[0]
        log.fail(path, f"malformed metadata.csv: file {name!r} is named more than once (rows {rows})",
                 "keep one row per file")
        return {}
    out: dict[Path, dict[str, Any]] = {}
    for record in table.to_dict("records"):
        name = record.pop("file")
        values = {k: v for k, v in record.items() if v.strip()}
        out[(path.parent / name).resolve()] = canonical_fields(values)
    return out
