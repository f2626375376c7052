"""Deprecated names (analysis.deprecation): they warn, name the new spelling, and return the same."""

from __future__ import annotations

import inspect

import pytest

from analysis.deprecation import deprecated_alias, warn_renamed


def _new(table: list, *, top: int = 2) -> list:
    """The new function."""
    return table[:top]


def test_warn_renamed_names_the_old_and_the_new_spelling():
    with pytest.warns(DeprecationWarning, match=r"^old_fn is deprecated and will be removed in a later release; "
                                                r"use new_fn instead$"):
        warn_renamed("old_fn", "new_fn", stacklevel=2)


def test_deprecated_alias_warns_and_calls_the_new_function_with_its_signature():
    old = deprecated_alias(_new, "analysis.old_name", "analysis.new_name")
    assert old.__name__ == "old_name"
    assert old.deprecated_for == "analysis.new_name"
    assert old.__doc__ == "Deprecated alias of :func:`analysis.new_name` (same arguments, same result)."
    assert inspect.signature(old) == inspect.signature(_new)
    with pytest.warns(DeprecationWarning, match="analysis.old_name is deprecated.*use analysis.new_name instead"):
        assert old([1, 2, 3], top=1) == [1]


def test_moved_names_is_a_module_getattr_that_warns_and_returns_the_moved_object():
    from analysis.deprecation import moved_names

    getattr_ = moved_names("old.place", {"old_join": ("os.path", "join", "os.path.join")})
    with pytest.warns(DeprecationWarning, match=r"^old\.place\.old_join is deprecated .*; use os\.path\.join instead$"):
        import os.path

        assert getattr_("old_join") is os.path.join
    with pytest.raises(AttributeError, match="^module 'old.place' has no attribute 'nothing'$"):
        getattr_("nothing")
