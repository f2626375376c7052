"""The README stays in step with the code."""

from __future__ import annotations

import re

from analysis.schema import DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS, SENTENCE_COLUMNS


def _table_rows(readme: str, heading: str) -> list[str]:
    """The first-column names of the markdown table under ``heading``."""
    section = readme.split(heading, 1)[1]
    return re.findall(r"^\| `([^`]+)` \|", re.split(r"\n#{2,3} ", section, maxsplit=1)[0], re.M)


def test_readme_documents_every_table_column(repo_dir):
    readme = (repo_dir / "README.md").read_text()
    assert _table_rows(readme, "### documents") == [*DOCUMENT_COLUMNS, *OPTIONAL_DOCUMENT_COLUMNS]
    assert _table_rows(readme, "### sentences") == list(SENTENCE_COLUMNS)


def test_readme_shows_the_two_commands(repo_dir):
    readme = (repo_dir / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make (\w+)", quick_start, re.M)
    assert commands == ["report", "test"]


def test_ci_runs_the_readme_test_command(repo_dir):
    assert "make test" in (repo_dir / ".ci" / "run").read_text()
