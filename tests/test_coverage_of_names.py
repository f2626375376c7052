"""Every public function and class of ``analysis/`` is named in some test (issue 15: tests cover every
public function).

A public name is a function or class defined at the top level of a module of ``analysis/`` whose name
does not start with an underscore (names a module only imports are counted where they are defined).
It is covered when it appears as a whole word in a test file under ``tests/`` (this file aside). That
is a floor, not a proof: a name can be named without being tested, so each new public name should get
a test with an exact expectation on a small input. A name that is only used inside its module should
be made private (``_name``) instead; a name nobody uses should be deleted.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analysis"
TESTS = ROOT / "tests"


#: A definition at the top level of a module: ``def``/``class`` at the start of a line.
TOP_LEVEL_DEFINITION = re.compile(r"^(?:async[ \t]+def|def|class)[ \t]+([A-Za-z][A-Za-z0-9_]*)", re.MULTILINE)


def public_definitions(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Module file (relative to the repository) -> the public functions and classes it defines, in order."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        names = TOP_LEVEL_DEFINITION.findall(path.read_text(encoding="utf-8"))
        if names:
            found[path.relative_to(package.parent).as_posix()] = names
    return found


def _named_in_tests() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(TESTS.rglob("*.py")) if p != Path(__file__))
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))


def test_public_definitions_reads_top_level_functions_and_classes_only(tmp_path):
    package = tmp_path / "analysis"
    package.mkdir()
    (package / "m.py").write_text("def shown():\n    def inner():\n        pass\n\n"
                                  "def _hidden():\n    pass\n\nasync def waits():\n    pass\n\nclass Kept:\n    def method(self):\n        pass\n\n"
                                  "CONSTANT = 1\n")
    assert public_definitions(package) == {"analysis/m.py": ["shown", "waits", "Kept"]}


def test_every_public_function_and_class_of_the_package_is_named_in_a_test():
    words = _named_in_tests()
    definitions = public_definitions()
    missing = [f"{module}: {name}" for module, names in definitions.items() for name in names if name not in words]
    assert sum(map(len, definitions.values())) > 300, "the package's public names were not found"
    assert not missing, ("public names no test names; add a test with an exact expectation on a small input "
                         "in the mirrored test file (or make the name private if only its module uses it):\n  "
                         + "\n  ".join(missing))
