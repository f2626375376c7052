"""Where a report's numbers come from: corpus fingerprint, lexicon hashes, versions.

A notebook calls ``wb.record_provenance(documents, lexicons={...})`` once; the output carries a
machine-readable record that :func:`analysis.reports.export_html` lifts into the report's header
(together with the parameters and run time papermill recorded), and a one-line summary for JupyterLab.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from analysis.errors import require_table
from analysis.persistence import corpus_fingerprint  # re-exported: its home is analysis.persistence

__all__ = ["PROVENANCE_MIMETYPE", "corpus_fingerprint", "content_hash", "package_versions", "record_provenance",
           "Provenance"]

PROVENANCE_MIMETYPE = "application/vnd.media-workbench.provenance+json"

#: Packages whose versions every report records.
RECORDED_PACKAGES = ("media-workbench", "pandas", "pyarrow", "plotly", "textblob", "vaderSentiment",
                     "papermill", "nbconvert")


def content_hash(lexicon: object) -> str:
    """SHA-256 of a lexicon or codebook: its file's bytes, or the ``sha256`` the loaded object carries."""
    if isinstance(lexicon, (str, os.PathLike)) and Path(lexicon).is_file():
        return hashlib.sha256(Path(lexicon).read_bytes()).hexdigest()
    for attribute in ("sha256", "content_sha256", "content_hash"):
        value = getattr(lexicon, attribute, None)
        if isinstance(value, str):
            return value
    return hashlib.sha256(repr(lexicon).encode("utf-8")).hexdigest()


def package_versions() -> dict[str, str]:
    """Installed versions of the packages that shape a report's numbers and pages."""
    found = {}
    for package in RECORDED_PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return found


@dataclass(frozen=True)
class Provenance:
    """A provenance record that shows as one line in JupyterLab and becomes the header of a report."""

    record: dict[str, Any]

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        corpus = self.record["corpus"]
        lexicons = ", ".join(f"{name} {digest[:12]}" for name, digest in self.record["lexicons"].items())
        summary = (f"corpus: {corpus['documents']} documents, sha256 {corpus['content_sha256'][:12]}"
                   + (f"; lexicons: {lexicons}" if lexicons else "") + _saved_summary(self.record))
        return {PROVENANCE_MIMETYPE: self.record, "text/plain": summary}


def _saved_summary(record: Mapping[str, Any]) -> str:
    """``; from the saved analysis PATH (FILE, N documents, sha256 ...)`` of a record, or ""."""
    saved = record.get("saved_analysis")
    if not saved:
        return ""
    corpus = saved.get("corpus") or {}
    fingerprint = (f", {corpus.get('documents')} documents, sha256 {str(corpus.get('content_sha256'))[:12]}"
                   if corpus else "")
    return f"; from the saved analysis {saved.get('path')} ({saved.get('file')}{fingerprint})"


def record_provenance(documents: pd.DataFrame, *, lexicons: Mapping[str, object] | None = None,
                      result: Any = None, chosen: Mapping[str, object] | None = None) -> Provenance:
    """The provenance of an analysis of ``documents`` with the given lexicons and codebooks.

    ``lexicons`` maps a display name (e.g. ``"actors"``, ``"frames"``) to a path or a loaded lexicon.
    ``result``: the Analysis the report shows; when it was read from a saved analysis
    (:func:`analysis.tables.report_analysis` records that in ``meta["saved_analysis"]``), the record
    says so. The record holds: corpus (documents, content_sha256), lexicons (name -> sha256), versions,
    and for a saved analysis saved_analysis (path, file: ``manifest.json`` or ``meta.json``, corpus:
    the documents and content_sha256 it was saved with).
    ``chosen``: the value the report used for each parameter it may choose itself (the actor profile's
    ``actor_id``, the brief's ``doc_id``); the header shows it in place of a parameter left None
    ("israel (not given: chosen by the report)"), never in place of a value the user gave. Recorded
    as ``chosen`` (name -> text) when given.
    """
    require_table(documents, fn="record_provenance")
    record: dict[str, Any] = {
        "corpus": corpus_fingerprint(documents),
        "lexicons": {name: content_hash(value) for name, value in (lexicons or {}).items()},
        "versions": package_versions(),
    }
    if chosen:
        record["chosen"] = {str(name): str(value) for name, value in chosen.items()}
    saved = (getattr(result, "meta", None) or {}).get("saved_analysis")
    if saved:
        record["saved_analysis"] = dict(saved)
    return Provenance(record)
