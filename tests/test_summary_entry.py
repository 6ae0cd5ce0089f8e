"""A file's cache entry keeps apart what a file read for its citations does not
need: the summary's label trees and other large fields, and the file's own
findings. The inbound check reads a thousand such files for a much-cited
resolution; they decode neither, and a field kept apart is decoded when read."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from itures.config import Config
from itures.pipeline import Outcome, analyse
from itures.rules.runner import Runner
from itures.summary import _APART, Summary

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "resolutions").rglob("*.yaml")) + sorted(
    (ROOT / "tests" / "rules" / "corpus").rglob("*.yaml")
)


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    runner = Runner(Config())
    out = [analyse(str(p), p.read_bytes(), runner) for p in FILES]
    return [o for o in out if o.summary is not None]


def test_an_entry_gives_the_summary_back_whole_or_light(outcomes: list[Outcome]) -> None:
    assert outcomes
    for o in outcomes:
        assert o.summary is not None
        head, apart = o.summary.to_entry()
        for light in (False, True):
            back = Summary.from_entry(head, apart, o.path, light=light)
            assert back == o.summary
            assert back.to_data() == o.summary.to_data()
            assert back.path == o.path


def test_a_light_summary_decodes_its_fields_kept_apart_when_one_is_read(
    outcomes: list[Outcome],
) -> None:
    o = max(outcomes, key=lambda o: len(marshal.dumps(o.summary.to_data())))  # type: ignore[union-attr]
    assert o.summary is not None
    head, apart = o.summary.to_entry()
    light = Summary.from_entry(head, apart, "elsewhere.yaml", light=True)
    assert light.cites == o.summary.cites
    assert light.path == "elsewhere.yaml"
    for name in _APART:  # not set until one is read
        with pytest.raises(AttributeError):
            object.__getattribute__(light, name)
    assert light.operative == o.summary.operative
    for name in _APART:  # all set at once
        assert object.__getattribute__(light, name) == getattr(o.summary, name)
    with pytest.raises(AttributeError):
        light.no_such_field  # type: ignore[attr-defined]  # noqa: B018


def test_a_file_read_for_its_citations_does_not_decode_its_own_findings(
    outcomes: list[Outcome],
) -> None:
    o = next(o for o in outcomes if o.diagnostics)
    head, apart, marked, own = marshal.loads(marshal.dumps(o.encode()))
    assert marshal.loads(own)[0]  # its findings are there
    damaged = (head, apart, marked, b"\x00not marshal")
    light = Outcome.decode(damaged, o.path, light=True)
    assert light.summary == o.summary
    assert light.diagnostics == []
    with pytest.raises(ValueError):
        Outcome.decode(damaged, o.path)
    whole = Outcome.decode((head, apart, marked, own), o.path)
    assert [(d.rule, d.line, d.message) for d in whole.diagnostics] == [
        (d.rule, d.line, d.message) for d in o.diagnostics
    ]
