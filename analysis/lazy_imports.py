"""Third-party imports whose start-up cost buys nothing a report uses, made lazy.

jsonschema, which nbformat imports (and so papermill, nbconvert and plotly's renderers), registers an
IRI format checker from ``rfc3987_syntax`` when that package is installed (it comes with
``jsonschema[format-nongpl]``, which Jupyter's event system asks for). ``rfc3987_syntax`` compiles an
Earley grammar with lark when it is imported: about 2 s of CPU in every process that imports nbformat:
every report's kernel (:func:`analysis.setup_notebook` sets plotly's renderer), every
``python -m analysis report`` and every worker of a report batch. No notebook schema checks an IRI.
:func:`import_jsonschema_lazily` imports jsonschema with that grammar compiled the first time an IRI
is checked instead; jsonschema checks exactly what it checked before.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

__all__ = ["import_jsonschema_lazily"]

_GRAMMAR_MODULE = "rfc3987_syntax"


def import_jsonschema_lazily() -> None:
    """Import jsonschema (if installed and not imported yet) with ``rfc3987_syntax`` standing in by a
    module whose functions import the real one on first use; afterwards ``import rfc3987_syntax``
    imports the real module as usual. Does nothing when jsonschema or ``rfc3987_syntax`` is already
    imported, or either is not installed. Safe to call more than once."""
    if "jsonschema" in sys.modules or _GRAMMAR_MODULE in sys.modules:
        return
    try:
        if importlib.util.find_spec("jsonschema") is None or importlib.util.find_spec(_GRAMMAR_MODULE) is None:
            return
    except (ImportError, ValueError):
        return
    stand_in = _stand_in()
    sys.modules[_GRAMMAR_MODULE] = stand_in
    try:
        importlib.import_module("jsonschema")
    except ImportError:
        pass
    finally:
        if sys.modules.get(_GRAMMAR_MODULE) is stand_in:
            del sys.modules[_GRAMMAR_MODULE]


def _stand_in() -> types.ModuleType:
    """A module named like ``rfc3987_syntax`` whose ``is_valid_syntax`` (the name jsonschema imports)
    and every other attribute come from the real module, imported when first needed."""
    module = types.ModuleType(_GRAMMAR_MODULE, "Stands in for rfc3987_syntax until it is first used.")

    def real() -> types.ModuleType:
        if sys.modules.get(_GRAMMAR_MODULE) is module:
            del sys.modules[_GRAMMAR_MODULE]
        return importlib.import_module(_GRAMMAR_MODULE)

    def is_valid_syntax(term: str, value: str) -> bool:
        return real().is_valid_syntax(term, value)

    def __getattr__(name: str) -> Any:  # noqa: N807 - a module's attribute hook (PEP 562)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(real(), name)

    module.is_valid_syntax = is_valid_syntax  # type: ignore[attr-defined]
    module.__getattr__ = __getattr__  # type: ignore[attr-defined]
    return module
