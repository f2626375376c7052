"""Error types shared by the whole package.

Every error a user can trigger with bad input is an :class:`InputError` whose message names the
place (file, row or line, lexicon entry) and says what to do about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import json

    import pandas as pd

__all__ = ["InputError", "LexiconError", "ChartTableError", "json_problem", "where", "require_columns", "require_table", "warning_line"]


class InputError(ValueError):
    """Bad input: the message names the file (and row, line or entry) and the fix."""


class LexiconError(InputError):
    """A lexicon or codebook file that does not validate: names the file, entry, field and fix."""


class ChartTableError(InputError):
    """A table a chart builder cannot draw as given (two rows for one mark): the message names the
    builder, the rows and, after "Pass ...", how to make the table. From the caller's own table a
    caller's error; inside a report, whose tables the workbench makes, a fault of the report (a
    report's failure line says so, not "Pass ..." to a user who passed no table)."""


def where(source: object, *, row: int | None = None, line: int | None = None) -> str:
    """Format a location for an error message: ``'data.csv, row 12'`` or ``'a.jsonl, line 3'``."""
    place = str(source)
    if row is not None:
        place += f", row {row}"
    if line is not None:
        place += f", line {line}"
    return place


def require_columns(table: pd.DataFrame, columns: Iterable[str] | Mapping[str, str | Sequence[str]], *,
                    fn: str, fix: str, name: str | None = None) -> None:
    """Raise an :class:`InputError` when ``table`` lacks any of ``columns``; the one check every
    public function makes of the tables it is given.

    The message always has one form, naming the function, the table, every missing column and the fix::

        actor_prominence: the mentions table lacks column(s) actor, via; pass the table analysis.actor_mentions returns

    ``name`` is the table's name ("mentions" gives "the mentions table"; none gives "the table").
    ``columns`` is a list of names, or (for functions that take column roles as options, like the
    chart builders) a mapping of option name to column name(s): each missing column is then followed
    by its option, "outlet (the group= column)", and the fix starts with the table's columns and
    "Pass group='<column>' to name the right one, or ".
    """
    require_table(table, fn=fn, name=name, fix=fix)
    roles = columns if isinstance(columns, Mapping) else {None: list(columns)}
    missing: list[tuple[str | None, str]] = []
    for role, names in roles.items():
        for column in [names] if isinstance(names, str) else list(names):
            if column not in table.columns and (role, column) not in missing:
                missing.append((role, column))
    if not missing:
        return
    listed = ", ".join(str(c) if role is None else f"{c} (the {role}= column)" for role, c in missing)
    if isinstance(columns, Mapping):
        have = ", ".join(map(str, table.columns)) or "(none)"
        fix = f"its columns are: {have}. Pass {missing[0][0]}='<column>' to name the right one, or {fix}"
    table_name = f"the {name} table" if name else "the table"
    raise InputError(f"{fn}: {table_name} lacks column(s) {listed}; {fix}")


def require_table(table: object, *, fn: str, name: str | None = "documents", fix: str | None = None) -> None:
    """Raise an :class:`InputError` unless ``table`` is a pandas DataFrame: the first check of every
    public function that takes a table (:func:`require_columns` makes it too).

    A path given where the documents table belongs (``wb.analyze("articles/")``) is named with the
    call that loads it::

        analyze: documents must be the documents table (a pandas DataFrame), not the path 'articles/'; pass wb.load_corpus('articles/')
    """
    import pandas as pd  # (here: this module is imported by everything, pandas is not needed to define errors)

    if isinstance(table, pd.DataFrame):
        return
    what = f"the {name} table (a pandas DataFrame)" if name else "a pandas DataFrame"
    if name == "documents":
        if isinstance(table, (str, PathLike)):
            path = str(table)
            raise InputError(f"{fn}: documents must be the documents table (a pandas DataFrame), not the path "
                             f"{path!r}; pass wb.load_corpus({path!r})")
        fix = "load it with wb.load_corpus(path)"
    kind = type(table).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    raise InputError(f"{fn}: {name or 'the table'} must be {what}, not {article} {kind}"
                     + (f"; {fix}" if fix else ""))


def warning_line(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 line: str | None = None) -> str:
    """A warning as the command line and the reports show it (``warnings.formatwarning``):
    ``warning: <message>``, without the workbench's file name and source line, which tell a
    reader nothing."""
    return f"warning: {message}\n"


def json_problem(error: json.JSONDecodeError) -> str:
    """What is wrong with a JSON text, and where on its line: ``Expecting ',' delimiter at column 12``;
    Python's messages that end with "at" (``Unterminated string starting at``) get the column only,
    not a second "at"."""
    message = error.msg.rstrip()
    return f"{message} column {error.colno}" if message.endswith(" at") else f"{message} at column {error.colno}"
