"""analysis.lazy_imports: jsonschema without compiling rfc3987_syntax's IRI grammar at import, checking
exactly what it checked before. Each case runs in a fresh interpreter (imports are per process)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

IRI_CASES = ["http://example.org/caf\u00e9?q=1#top", "urn:isbn:0451450523", "no scheme here", "http://[::1", "", "//x/y"]

CHECK = """
import json, sys
{prelude}
import jsonschema
checker = jsonschema.FormatChecker()
before = "rfc3987_syntax" in sys.modules
results = {{fmt: [checker.conforms(value, fmt) for value in {cases!r}] for fmt in ("iri", "iri-reference")}}
print(json.dumps({{"grammar_at_import": before, "results": results,
                  "real_after": getattr(sys.modules.get("rfc3987_syntax"), "__file__", None) is not None}}))
"""


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(importlib.util.find_spec("rfc3987_syntax") is None, reason="rfc3987_syntax is not installed")
def test_import_jsonschema_lazily_defers_the_grammar_and_checks_iris_as_before():
    plain = _run(CHECK.format(prelude="", cases=IRI_CASES))
    lazy = _run(CHECK.format(prelude="from analysis.lazy_imports import import_jsonschema_lazily\n"
                                     "import_jsonschema_lazily(); import_jsonschema_lazily()", cases=IRI_CASES))
    assert plain["grammar_at_import"] is True and lazy["grammar_at_import"] is False
    assert lazy["results"] == plain["results"]
    assert lazy["results"]["iri"][:3] == [True, True, False]  # the checker is there and tells good from bad
    assert lazy["real_after"] is True, "the first check imported the real rfc3987_syntax"


@pytest.mark.skipif(importlib.util.find_spec("rfc3987_syntax") is None, reason="rfc3987_syntax is not installed")
def test_setup_notebook_leaves_the_iri_grammar_uncompiled():
    got = _run("import sys, json\nimport analysis as wb\nwb.setup_notebook()\n"
               "print(json.dumps({'nbformat': 'nbformat' in sys.modules, 'grammar': 'rfc3987_syntax' in sys.modules}))")
    assert got == {"nbformat": True, "grammar": False}
