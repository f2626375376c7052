"""Every function of the public API has a test that names it (issue 15: tests cover every public function)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import analysis


def test_every_public_function_is_named_in_a_test():
    here = Path(__file__).resolve()
    sources = "\n".join(p.read_text(encoding="utf-8") for p in here.parent.rglob("*.py") if p != here)
    functions = [name for name in analysis.__all__ if inspect.isfunction(getattr(analysis, name))]
    untested = [name for name in functions if not re.search(rf"\b{name}\(", sources)]
    assert len(functions) >= 40 and untested == [], f"no test calls {untested}"
