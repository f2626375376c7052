"""The README stays in step with the code."""

from __future__ import annotations

import os
import re

import pytest

from analysis.schema import DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS, SENTENCE_COLUMNS
from background import Command, in_background
from conftest import REPO


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


# ------------------------------------------------------------------ the README's code runs


def _code_blocks(readme: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", readme, re.M | re.S)


def _readme_files(folder, repo_dir) -> None:
    """The files the README's examples name, made from the seed article: a CSV export with its own
    column names, a data folder, an actor lexicon, a Parquet corpus and a folder of articles."""
    import shutil

    import pandas as pd

    import analysis as wb

    seed = wb.load_corpus(repo_dir / "seeds")
    shutil.copytree(repo_dir / "seeds", folder / "seeds")
    rows = pd.DataFrame({"title": [seed["title"][0], "Biden warns Netanyahu"],
                         "content": [seed["text"][0], "Biden warned Netanyahu about Rafah. Hamas said talks go on."],
                         "date": ["2024-05-09", "2024-05-10"]})
    rows.to_csv(folder / "export.csv", index=False)
    (folder / "my_actors.yml").write_text(
        "actors:\n"
        "  - {id: netanyahu, name: Benjamin Netanyahu, type: person, group: Israel, aliases: [Netanyahu]}\n"
        "  - {id: biden, name: Joe Biden, type: person, group: United States, aliases: [Biden, Joe Biden]}\n"
        "  - {id: hamas, name: Hamas, type: group, aliases: [Hamas]}\n", encoding="utf-8")
    raw = folder / "data" / "raw"
    (raw / "articles").mkdir(parents=True)
    rows.rename(columns={"content": "text", "date": "published"}).to_parquet(raw / "my-corpus.parquet", index=False)
    shutil.copytree(repo_dir / "seeds", raw / "my-corpus")
    shutil.copytree(repo_dir / "seeds", raw / "articles", dirs_exist_ok=True)
    shutil.copytree(repo_dir / "seeds", folder / "path" / "to" / "your" / "articles")


def _readme_python_blocks(folder) -> Command:
    """The README's Python examples, in order, as one script run by a fresh interpreter in ``folder``,
    which holds the files they name."""
    import sys

    blocks = _code_blocks((REPO / "README.md").read_text(encoding="utf-8"), "python")
    _readme_files(folder, REPO)
    script = "\n".join(f"# --- README block {i}\n{block}" for i, block in enumerate(blocks, 1))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "TQDM_DISABLE": "1"}
    return Command([sys.executable, "-c", script], cwd=folder, env=env)


@pytest.mark.slow
@in_background("readme-python-blocks", _readme_python_blocks)
def test_every_python_block_of_the_readme_runs_against_the_seed(repo_dir, background):
    """The README's Python examples, in order, as one script in a fresh process (examples that set up
    notebook display state do not leak into other tests), in a folder holding the files they name;
    the script runs from the session's start (tests/background.py)."""
    assert len(_code_blocks((repo_dir / "README.md").read_text(encoding="utf-8"), "python")) >= 6
    assert background.returncode == 0, background.stderr[-3000:]


def _commands(readme: str) -> list[list[str]]:
    """Every ``python -m analysis ...`` command of the README's shell blocks, as arguments."""
    import shlex

    commands = []
    for block in _code_blocks(readme, "sh"):
        for line in block.splitlines():
            if " -m analysis " in line:
                commands.append(shlex.split(line.split(" -m analysis ", 1)[1].split("#", 1)[0]))
    return commands


def test_every_command_line_of_the_readme_has_valid_arguments_and_parameters(repo_dir):
    from analysis.cli import _parser, parse_each, parse_parameter
    from analysis.reports import check_parameters

    commands = _commands((repo_dir / "README.md").read_text(encoding="utf-8"))
    assert {c[0] for c in commands} == {"report", "analyze"} and len(commands) >= 7
    for argv in commands:
        args = _parser().parse_args(argv)  # exits (failing the test) on an unknown or malformed option
        if args.command != "report":
            continue
        parameters = dict(parse_parameter(p) for p in args.parameter)
        parameters.update({key: values[0] for key, values in (parse_each(e) for e in args.each)})
        notebook = repo_dir / args.notebook if args.notebook.endswith(".ipynb") else args.notebook
        assert check_parameters(notebook, parameters).keys() == parameters.keys(), argv
