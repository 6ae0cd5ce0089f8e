"""The language shape digest: equal signatures, equal digests, whatever objects they share.

:func:`itures.rules.languages.shape` serialises the signature with marshal
(version 2) instead of ``repr``; the reference below is the ``repr`` digest it
replaced. Both must tell equal signatures from different ones alike.
"""

from __future__ import annotations

import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from itures.files import content_hash
from itures.rules.languages import _digest

scalars = st.one_of(st.none(), st.integers(-(2**70), 2**70), st.text(max_size=6))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4).map(tuple), st.lists(inner, max_size=4)),
    max_leaves=30,
)
signatures = st.fixed_dictionaries(
    {"sections": values, "labels": values, "footnotes": values, "citations": values}
)


def _reference(signature: dict[str, Any]) -> bytes:
    return content_hash(repr(sorted(signature.items())).encode())


def _copy(value: Any, intern: bool) -> Any:
    """An equal value made of new objects (strings interned or rebuilt)."""
    if isinstance(value, str):
        fresh = "".join(list(value))
        return sys.intern(fresh) if intern else fresh
    if isinstance(value, tuple):
        return tuple([_copy(v, intern) for v in value])
    if isinstance(value, list):
        return [_copy(v, intern) for v in value]
    return value


@settings(max_examples=300)
@given(signatures, signatures)
def test_equal_digests_exactly_when_the_reference_digests_are(
    a: dict[str, Any], b: dict[str, Any]
) -> None:
    assert (_digest(a) == _digest(b)) == (_reference(a) == _reference(b))


@settings(max_examples=300)
@given(signatures, st.booleans())
def test_sharing_and_interning_do_not_change_the_digest(a: dict[str, Any], intern: bool) -> None:
    shared = {k: (v, v) for k, v in a.items()}  # the same object twice
    copied = {k: (v, _copy(v, intern)) for k, v in a.items()}
    assert _digest(shared) == _digest(copied)
    assert _digest(a) == _digest({k: _copy(v, not intern) for k, v in a.items()})
