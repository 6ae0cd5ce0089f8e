"""The benchmark's realistic corpus: the PP-18 Final Acts as imported, copied to distinct resolutions."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from realistic import EXAMPLE, Realistic, build, shared_corpus

import itures
from itures.corpus import check_paths

pytestmark = pytest.mark.skipif(
    shared_corpus() is None, reason="../shared/corpora/pp18-final-acts.akn.xml is absent"
)

N = 130  # two copies of each of the 65 documents


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Realistic:
    return build(tmp_path_factory.mktemp("realistic"), N)


def test_n_files_laid_out_by_identity(made: Realistic) -> None:
    assert made.templates == 65  # the 64 imported documents and the example
    assert len(made.files) == N == len(set(made.files))
    on_disk = sorted(str(p) for p in Path(made.root).rglob("*.yaml"))
    assert on_disk == sorted(made.files)
    assert made.bytes == sum(Path(f).stat().st_size for f in made.files)
    identities = []
    for path in made.files:
        res = itures.load(path)
        body, number, name = Path(path).relative_to(made.root).parts
        assert (res.body, res.number, res.language) == (body, number, name[: -len(".yaml")])
        identities.append((res.body, res.number, res.language))
    assert len(set(identities)) == N
    # the example keeps its place and its bytes
    example = Path(made.root, "wtdc", "59", "fr.yaml")
    assert str(example) in made.files and example.read_bytes() == EXAMPLE.read_bytes()


def test_copies_differ_from_their_template_in_the_number_alone(made: Realistic) -> None:
    """The number line, the headings of the annexes that name the number, and
    the citations of its own parts (a target with '#')."""
    t = made.templates
    for i in range(t, N):
        template, copy = Path(made.files[i % t]), Path(made.files[i])
        before = template.read_bytes().splitlines(keepends=True)
        after = copy.read_bytes().splitlines(keepends=True)
        assert len(before) == len(after)
        changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        assert changed[0] == (changed[0][0], f"number: '{1000 + i}'\n".encode()), copy
        assert changed[0][0].startswith(b"number: ")
        old = itures.load(template).number
        body = itures.load(template).body
        for a, b in changed[1:]:
            if b"heading: ANNEX" in a:
                named = (old.removeprefix("D") if b"DECISION" in a else old).encode()
                assert a.replace(named, str(1000 + i).encode()) == b
            else:
                own, mine = f"({body}:{old}#".encode(), f"({body}:{1000 + i}#".encode()
                assert own in a and a.replace(own, mine) == b, (a, b)
        # itures reads the copy as the new number, the template as the old one
        assert itures.load(copy).number == str(1000 + i) != itures.load(template).number


def test_itures_sees_no_duplicate_and_finds_the_imported_defects(made: Realistic) -> None:
    result = check_paths([made.root])
    assert result.files == N and not result.failures
    rules = Counter(d.rule for d in result.diagnostics)
    assert rules["identity-duplicate"] == 0
    # a freshly imported corpus is full of findings, and a copy has its template's
    by_file = Counter(d.path for d in result.diagnostics)
    assert sum(1 for f in made.files if by_file[f]) > N // 2
    t = made.templates
    for i in range(t, N):
        template, copy = made.files[i % t], made.files[i]
        mine = Counter((d.rule, d.line) for d in result.diagnostics if d.path == copy)
        theirs = Counter((d.rule, d.line) for d in result.diagnostics if d.path == template)
        assert mine == theirs, copy
