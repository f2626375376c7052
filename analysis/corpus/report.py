"""The load report: every item a loader skipped, ignored, dropped or altered, with the reason.

A loader never loses input silently (docs/design.md, principle 9). While loading, a :class:`LoadLog`
collects one entry per problem; the returned documents table carries them as
``documents.attrs["load_report"]``: a list of dicts with the keys

========  ======================================================================
source    the file (or folder) the entry is about
row       1-based data row of a table (JSON Lines: the line number), else None
line      1-based line of a text file (e.g. a malformed JSON line), else None
problem   what was wrong, in words
action    what the loader did: ``skipped`` (bad item not loaded), ``ignored`` (a file in a
          folder that is not a document), ``dropped`` (a duplicate, with drop_duplicates=True),
          ``date left empty (not a valid date)`` (a date not
          understood or out of range: ``published`` is NaT), ``decoded as cp1252`` / ``decoded as latin-1``
          (not UTF-8), ``loaded headline-only`` (a table without text), ``replaced`` (a sidecar
          value used instead of a different one), ``not used`` (a sidecar doc_id of a table of
          several documents; a sidecar date that cannot be read where the file gives one), ``converted from HTML`` (a table's title/text field held HTML markup)
========  ======================================================================

A list of plain dicts (not a DataFrame) so that pandas can copy and compare ``attrs`` when it
propagates them. :func:`loader_report` turns it into a DataFrame.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from analysis.deprecation import deprecated_alias
from analysis.errors import InputError, where, require_table

__all__ = ["CorpusWarning", "DROPPED_DUPLICATE", "LoadLog", "REPORT_COLUMNS", "REPORT_PLACE", "UNREADABLE_SIDECAR_DATE",
           "loader_report", "skip_hint", "unused_sidecar_dates"]

#: The columns of the load report, in order.
REPORT_COLUMNS: tuple[str, ...] = ("source", "row", "line", "problem", "action")

#: The ``action`` of a duplicate left out by ``drop_duplicates=True``: what counts such entries (the
#: corpus summary's "duplicates left out"), never the words of the ``problem``.
DROPPED_DUPLICATE = "dropped"

ERRORS_POLICIES = ("raise", "skip")

#: Where messages send a reader to see what was skipped or altered, for Python and command-line users.
REPORT_PLACE = "the load report (documents.attrs['load_report'] in Python; every report shows it under 'Load report')"


#: The words of a load-report problem for a sidecar date that cannot be read (action ``not used``, the
#: file's own date kept): what :func:`unused_sidecar_dates` counts.
UNREADABLE_SIDECAR_DATE = "which is not a date it can read"


def unused_sidecar_dates(entries: list[dict[str, Any]], *, place: str = REPORT_PLACE) -> str | None:
    """One line on the sidecar dates (metadata.csv, .meta.yml) of the load report ``entries`` that could not
    be read and so were not used, naming how many and ``place`` (where the load report is); None when
    there are none: ``"2 sidecar date(s) in metadata.csv or .meta.yml could not be read and were not used
    (the files' own dates are kept), listed in <place>"``."""
    count = sum(e["action"] == "not used" and UNREADABLE_SIDECAR_DATE in str(e["problem"]) for e in entries)
    if not count:
        return None
    return (f"{count} sidecar date(s) in metadata.csv or .meta.yml could not be read and were not used (the files' "
            f"own dates are kept), listed in {place}")


def skip_hint(what: str = "it") -> str:
    """The end of a fix that offers to skip the bad item, naming both ways of asking for it (errors
    are read by Python users and by users of the command line alike): ``"or pass errors='skip' to
    skip it (in a report: -p errors=skip; with analyze: --errors skip)"``."""
    return f"or pass errors='skip' to skip {what} (in a report: -p errors=skip; with analyze: --errors skip)"


class CorpusWarning(UserWarning):
    """Warnings from loading a corpus (skipped items, headline-only tables, unparseable dates)."""


@dataclass
class LoadLog:
    """Collects report entries and pending warnings while one ``load_corpus`` call runs.

    ``fail`` is the single place where the ``errors`` policy is applied: with ``"raise"`` it raises
    an :class:`InputError` naming the place, the problem and the fix; with ``"skip"`` it records
    the item as skipped.
    """

    errors: Literal["raise", "skip"] = "raise"
    entries: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.errors not in ERRORS_POLICIES:
            raise ValueError(f"errors must be 'raise' or 'skip', not {self.errors!r}")

    def note(
        self, source: object, problem: str, action: str, *, row: int | None = None, line: int | None = None
    ) -> None:
        """Record an entry without raising."""
        self.entries.append(
            {"source": str(source), "row": row, "line": line, "problem": problem, "action": action}
        )

    def fail(
        self, source: object, problem: str, fix: str, *, row: int | None = None, line: int | None = None
    ) -> None:
        """Bad input: raise ``InputError('<place>: <problem>; <fix>')``, or record it as skipped."""
        if self.errors == "raise":
            raise InputError(f"{where(source, row=row, line=line)}: {problem}; {fix}")
        self.note(source, problem, "skipped", row=row, line=line)

    def warn_later(self, message: str) -> None:
        """Queue a warning; ``emit`` issues them when loading is done."""
        self.messages.append(message)

    def emit(self, *, stacklevel: int = 3) -> None:
        """Issue one warning for the skipped and ignored items, one for HTML converted to text, one for
        the sidecar dates not used (:func:`unused_sidecar_dates`), then each queued warning."""
        lost = [e for e in self.entries if e["action"] in ("skipped", "ignored")]
        if lost:
            skipped = sum(e["action"] == "skipped" for e in lost)
            counts = [f"skipped {skipped} bad item(s)"] if skipped else []
            if len(lost) > skipped:
                counts.append(f"ignored {len(lost) - skipped} item(s) that are not documents")
            first = "; ".join(
                f"{where(e['source'], row=e['row'], line=e['line'])}: {e['problem']}" for e in lost[:3]
            )
            more = f" (and {len(lost) - 3} more)" if len(lost) > 3 else ""
            warnings.warn(
                f"load_corpus {' and '.join(counts)}, listed in {REPORT_PLACE}: "
                f"{first}{more}",
                CorpusWarning,
                stacklevel=stacklevel,
            )
        converted = [e for e in self.entries if e["action"] == "converted from HTML"]
        if converted:
            files = len({e["source"] for e in converted})
            warnings.warn(f"load_corpus converted HTML markup to plain text in title/text fields of {files} file(s), "
                          f"listed in {REPORT_PLACE}", CorpusWarning, stacklevel=stacklevel)
        unused = unused_sidecar_dates(self.entries)
        if unused:
            warnings.warn(f"load_corpus: {unused}", CorpusWarning, stacklevel=stacklevel)
        for message in self.messages:
            warnings.warn(message, CorpusWarning, stacklevel=stacklevel)


def loader_report(documents: pd.DataFrame) -> pd.DataFrame:
    """The loader's report on a documents table as a DataFrame (kept in ``documents.attrs["load_report"]``).

    Named ``loader_report``, not ``load_report``: ``load_*`` names only functions that read from disk
    (docs/naming.md); ``load_report`` is its deprecated alias.

    Columns: source, row, line, problem, action (see the module docstring); row and line are
    nullable integers. Empty (with these columns) when nothing was reported or the table carries
    no report.
    """
    require_table(documents, fn="loader_report")
    entries = documents.attrs.get("load_report") or []
    report = pd.DataFrame(list(entries), columns=list(REPORT_COLUMNS))
    return report.astype(
        {"source": "string", "row": "Int64", "line": "Int64", "problem": "string", "action": "string"}
    )


load_report = deprecated_alias(loader_report, "analysis.load_report", "analysis.loader_report")
