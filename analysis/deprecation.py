"""Old names that keep working for one release, each with a DeprecationWarning naming the new one.

The naming grammar (``docs/naming.md``) renamed some functions and keywords. Code written against the
old names keeps working until the release after next: a renamed function is a thin alias that warns
and calls the new one (same arguments, same table), and a renamed keyword is accepted, warned about
and passed on under its new name. Nothing here changes a result.
"""

from __future__ import annotations

import functools
import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

__all__ = ["warn_renamed", "deprecated_alias", "renamed_keywords", "moved_names"]

F = TypeVar("F", bound=Callable[..., Any])


def warn_renamed(old: str, new: str, *, stacklevel: int = 3) -> None:
    """Warn (DeprecationWarning) that ``old`` is deprecated, naming ``new`` to use instead."""
    warnings.warn(f"{old} is deprecated and will be removed in a later release; use {new} instead",
                  DeprecationWarning, stacklevel=stacklevel)


def deprecated_alias(new: Callable[..., Any], old: str, new_name: str) -> Callable[..., Any]:
    """A function named after ``old`` (its last dotted part) that warns and calls ``new``.

    ``old`` and ``new_name`` are the spellings the warning shows, e.g. ``"analysis.actor_mentions"``
    and ``"analysis.mentions"``. The alias has ``new``'s signature (``inspect.signature`` follows it).
    """

    @functools.wraps(new)
    def alias(*args: Any, **kwargs: Any) -> Any:
        warn_renamed(old, new_name)
        return new(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old.rsplit(".", 1)[-1]
    alias.__doc__ = f"Deprecated alias of :func:`{new_name}` (same arguments, same result)."
    alias.deprecated_for = new_name  # type: ignore[attr-defined]
    return alias


def renamed_keywords(**renames: str) -> Callable[[F], F]:
    """Decorator: accept each old keyword (``old="new"``), warn, and pass its value as the new one.

    Passing both the old and the new keyword is a TypeError. The decorated function keeps its own
    signature and records the renames in ``.renamed_keywords`` ({old: new}).
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in renames.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{fn.__name__}() got both {old}= (its deprecated name) and {new}=; "
                                        f"pass {new}= only")
                    warn_renamed(f"{fn.__name__}({old}=...)", f"{fn.__name__}({new}=...)")
                    kwargs[new] = kwargs.pop(old)
            return fn(*args, **kwargs)

        wrapper.renamed_keywords = dict(renames)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def moved_names(module: str, moved: Mapping[str, tuple[str, str, str]]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` (PEP 562) for the names that left ``module``: ``moved`` maps an old
    name to (the module it lives in now, its name there, the spelling the warning tells to use).

    Asking ``module`` for an old name warns (:func:`warn_renamed`) and returns the object itself; the
    new module is imported then, never when ``module`` loads (so no import cycle). Any other name is
    an AttributeError, as for a module without ``__getattr__``.
    """

    def __getattr__(name: str) -> Any:
        if name not in moved:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        target, attribute, new = moved[name]
        warn_renamed(f"{module}.{name}", new)
        return getattr(importlib.import_module(target), attribute)

    return __getattr__
