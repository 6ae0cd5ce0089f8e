"""The runner's quick ways to a diagnostic make what the slow ones make.

:func:`itures.diagnostics.positioned` and :func:`~itures.diagnostics.related_at`
(the slots set directly, no checks) against the dataclasses' initialisers,
and :func:`~itures.diagnostics.pointer_from` (remembered per path) against
the escaping it remembers.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itures import diagnostics
from itures.diagnostics import Diagnostic, Related, pointer_from, positioned, related_at, shared


def _old_pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """:func:`pointer_from` as it escaped each path."""
    if not parts:
        return ""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


_PARTS = st.lists(
    st.one_of(st.text(alphabet="ab~/0 ", max_size=4), st.integers(-2, 12)), max_size=6
)


@given(st.lists(_PARTS, min_size=1, max_size=8))
def test_a_remembered_pointer_is_the_escaped_path(paths: list[list[str | int]]) -> None:
    for parts in paths * 2:  # (the second time from what was remembered)
        assert pointer_from(tuple(parts)) == _old_pointer(parts)
        assert pointer_from(parts) == _old_pointer(parts)


def test_pointers_are_shared_and_not_remembered_beyond_the_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = pointer_from(("preamble", 0, "items", 3, "text"))
    assert pointer_from(("preamble", 0, "items", 3, "text")) is first
    assert shared("/preamble/0/items/3/text") is first
    monkeypatch.setattr(diagnostics, "_POINTERS", {})
    monkeypatch.setattr(diagnostics, "_POINTERS_MAX", 1)
    assert pointer_from(("a",)) == "/a"
    assert pointer_from(("b",)) == "/b"
    assert list(diagnostics._POINTERS) == [("a",)]


_TEXT = st.text(alphabet="ab é/", max_size=6)
_PLACE = st.tuples(st.integers(1, 5), st.integers(1, 5))


@given(
    st.sampled_from(["rule-a", "conversion-artefact"]),
    st.sampled_from(["error", "warning"]),
    _TEXT,
    _PLACE,
    _PLACE,
    _TEXT,
    st.one_of(st.none(), _TEXT),
    st.one_of(st.none(), _TEXT),
    st.lists(st.tuples(_TEXT, _PLACE, _PLACE, _TEXT), max_size=2),
)
def test_a_positioned_diagnostic_is_the_diagnostic(
    rule: str,
    severity: str,
    path: str,
    start: tuple[int, int],
    end: tuple[int, int],
    message: str,
    pointer: str | None,
    help: str | None,
    related: list[tuple[str, tuple[int, int], tuple[int, int], str]],
) -> None:
    """Given what the runner gives it (an end not before the start, shared texts)."""
    end = max(start, end)
    slow_related = tuple(Related(p, *s, m, *max(s, e)) for p, s, e, m in related)
    quick_related = tuple(
        related_at(shared(p), *s, shared(m), *max(s, e)) for p, s, e, m in related
    )
    assert quick_related == slow_related
    slow = Diagnostic(
        rule,
        severity,
        path,
        *start,
        message,
        pointer,
        *end,
        help,
        slow_related,  # type: ignore[arg-type]
    )
    quick = positioned(
        rule,
        severity,  # type: ignore[arg-type]
        shared(path),
        *start,
        shared(message),
        None if pointer is None else shared(pointer),
        *end,
        None if help is None else shared(help),
        quick_related,
    )
    assert quick == slow
    assert type(quick) is Diagnostic
    assert quick.to_dict() == slow.to_dict()
    assert hash(quick) == hash(slow)
    for a, b in ((quick, slow), *zip(quick.related, slow.related, strict=True)):
        assert a.path is b.path and a.message is b.message
    assert quick.pointer is slow.pointer and quick.help is slow.help
