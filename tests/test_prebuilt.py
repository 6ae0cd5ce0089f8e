"""The models' validators kept beside the byte code (itures.model.prebuilt).

Each case runs a fresh Python, as a commit hook does, with its byte code
(and so the validators' file) under a prefix of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import resolution, write

# what a process reports: whether the models were built by pydantic (complete)
# or given the kept validators, where the file is, and a validation's results
PROBE = r"""
import json, sys
from itures.model import prebuilt
from itures.model.resolution import Resolution, Clause
from itures.model.vocabulary import vocabulary
from itures.validate import validate
from itures.yamlio.read import read_document

good = read_document(sys.argv[1], open(sys.argv[1], "rb").read())
bad = read_document(sys.argv[2], open(sys.argv[2], "rb").read())
model, none = validate(good)
nothing, errors = validate(bad)
print(json.dumps({
    "file": prebuilt._file(),
    "built": [Resolution.__pydantic_complete__, Clause.__pydantic_complete__],
    "dump": model.model_dump(mode="json"),
    "equal": model == Resolution.model_validate(model.model_dump()),
    "errors": [(d.rule, d.line, d.column, d.message) for d in errors],
    "actors": len(vocabulary().actors),
}))
"""


def _probe(tmp_path: Path, **env: str) -> dict[str, object]:
    good = write(tmp_path / "good.yaml", resolution())
    data = resolution()
    data["operative"][0]["clauses"][1]["label"] = 2  # an integer, not a string
    data["title"] = ""
    bad = write(tmp_path / "bad.yaml", data)
    full = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    full["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    full.update(env)
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(good), str(bad)],
        capture_output=True,
        text=True,
        env=full,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def _kept(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "pycache").rglob("validators-*.pickle"))


def test_the_validators_are_built_once_then_read(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    assert first["built"] == [True, True]  # built by pydantic, then kept
    (kept,) = _kept(tmp_path)
    assert str(kept) == first["file"]
    second = _probe(tmp_path)
    assert second["built"] == [False, False]  # given the kept validators: nothing built
    assert _kept(tmp_path) == [kept]
    # the same models, the same schema findings, the same vocabulary
    for key in ("dump", "equal", "errors", "actors"):
        assert second[key] == first[key]
    assert second["equal"] is True
    assert [e[0] for e in second["errors"]] == ["schema", "schema"]  # type: ignore[union-attr]


def test_nothing_is_kept_where_no_byte_code_is_written(tmp_path: Path) -> None:
    found = _probe(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    assert found["file"] is None and found["built"] == [True, True]
    assert _kept(tmp_path) == []


def test_a_damaged_file_is_built_again_and_replaced(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    (kept,) = _kept(tmp_path)
    for damage in (b"", b"not a pickle", kept.read_bytes()[:100]):
        kept.write_bytes(damage)
        again = _probe(tmp_path)
        assert again["built"] == [True, True]
        assert again["dump"] == first["dump"] and again["errors"] == first["errors"]
        assert kept.stat().st_size > 1000  # written again whole
    assert _probe(tmp_path)["built"] == [False, False]


def test_a_file_of_other_sources_is_not_read_and_goes(tmp_path: Path) -> None:
    _probe(tmp_path)
    (kept,) = _kept(tmp_path)
    stale = kept.with_name("validators-000000000000000000000000.pickle")
    kept.rename(stale)
    found = _probe(tmp_path)
    assert found["built"] == [True, True]
    assert _kept(tmp_path) == [kept]  # the stale one removed when the new one was kept
