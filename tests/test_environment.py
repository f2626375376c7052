"""The conda environment and the pip route install the same things."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml


def _requirement(text: str) -> tuple[str, str]:
    """'pandas>=2.1' -> ('pandas', '>=2.1'), names normalised as pip and conda compare them."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", text)
    assert match, f"cannot read requirement {text!r}"
    return re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).replace(" ", "")


def _pyproject(repo_dir) -> dict[str, str]:
    project = tomllib.loads((repo_dir / "pyproject.toml").read_text())["project"]
    listed = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        listed += extra
    return dict(_requirement(r) for r in listed)


def _conda(repo_dir) -> tuple[dict[str, str], list[str]]:
    spec = yaml.safe_load((repo_dir / "environment.yml").read_text())
    conda = [d for d in spec["dependencies"] if isinstance(d, str)]
    pip = [d for d in spec["dependencies"] if isinstance(d, dict)][0]["pip"]
    return dict(_requirement(d) for d in conda), pip


def test_environment_lists_every_pyproject_dependency_with_the_same_bounds(repo_dir):
    conda, _ = _conda(repo_dir)
    conda.pop("python"), conda.pop("pip")
    assert conda == _pyproject(repo_dir)


def test_environment_python_matches_requires_python(repo_dir):
    conda, pip = _conda(repo_dir)
    requires = tomllib.loads((repo_dir / "pyproject.toml").read_text())["project"]["requires-python"]
    assert conda["python"] == requires
    assert pip == ["-e ."], "the pip section installs the workbench itself"


def test_environment_uses_conda_forge(repo_dir):
    spec = yaml.safe_load((repo_dir / "environment.yml").read_text())
    assert spec["channels"] == ["conda-forge"]


# ------------------------------------------------------------------ the suite's own set-up (tests/conftest.py)


@pytest.mark.xdist_group("suite-self-check")
def test_a_test_in_an_xdist_group_is_scheduled_with_its_group(request):
    """Under ``--dist loadgroup`` (make test) the scheduler groups tests by the ``@<group>`` suffix of
    their node ids; if it were lost again (pytest-xdist issue 1386), each shared report would be
    rendered once per worker instead of once."""
    suffix = "@suite-self-check" if getattr(request.config.option, "loadgroup", False) else ""
    assert request.node.nodeid == f"tests/test_environment.py::{request.node.name}{suffix}"
