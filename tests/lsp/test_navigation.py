"""Following citations in the process: the language version chosen, parts
that do not resolve, the fragment of an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.lsp.navigation import citation_at, cited, entry_at, fragment_of, hover_text
from itures.lsp.session import Session, parse
from tests.conftest import WINDOWS_SAVE_IDS, WINDOWS_SAVES

CITING = "resolutions/wtdc/60/fr.yaml"


@pytest.fixture
def session(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    fr = workspace / "resolutions/wtdc/59/fr.yaml"
    (fr.parent / "en.yaml").write_text(
        fr.read_text(encoding="utf-8").replace("language: fr", "language: en"), encoding="utf-8"
    )
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("ITURES_CACHE_DIR", str(workspace.parent / "cache"))
    return Session()


def test_the_version_in_the_citing_language(session: Session, workspace: Path) -> None:
    text = (workspace / CITING).read_text(encoding="utf-8")
    for language in ("fr", "en"):
        here = parse(CITING, text.replace("language: fr", f"language: {language}"))
        found = cited(session, here, "wtdc:59@2017#resolves/3")
        assert not isinstance(found, str)
        assert found.loaded.path == f"resolutions/wtdc/59/{language}.yaml"
        assert found.pointer == ("operative", 0, "clauses", 2)
    # a language the corpus lacks: the first by language
    here = parse(CITING, text.replace("language: fr", "language: es"))
    found = cited(session, here, "wtdc:59#resolves/3")
    assert not isinstance(found, str) and found.loaded.path.endswith("/en.yaml")


def test_a_citation_that_does_not_resolve_says_why(session: Session, workspace: Path) -> None:
    here = parse(CITING, (workspace / CITING).read_text(encoding="utf-8"))
    missing = cited(session, here, "wtdc:59#resolves/9")
    assert isinstance(missing, str) and "9" in missing
    assert "Not found" in hover_text(missing)
    assert cited(session, here, "pp:999") == "pp:999 is not in the corpus"


def test_citation_under_the_cursor() -> None:
    text = "text: >-\n  le [décide 3](wtdc:59#resolves/3) sur\n"
    start = text.index("[")
    assert citation_at(text, start + 3) is not None
    found = citation_at(text, text.index("resolves/3"))
    assert found is not None and found.target == "wtdc:59#resolves/3"
    assert citation_at(text, text.index("sur")) is None


def test_fragment_of_the_entry_under_the_cursor(workspace: Path) -> None:
    text = (workspace / "resolutions/wtdc/59/fr.yaml").read_text(encoding="utf-8")
    loaded = parse("x.yaml", text)
    for needle, fragment in (
        ("de prier le Secrétaire général", ("resolves", "3")),
        ("de mener périodiquement", ("instructs", "1")),
        ("sur le\n          renforcement de la participation", ("recalling", "b")),
    ):
        pointer = entry_at(loaded, text.index(needle))
        assert pointer is not None
        assert fragment_of(loaded.data, pointer) == fragment


@pytest.mark.parametrize(("bom", "end"), WINDOWS_SAVES, ids=WINDOWS_SAVE_IDS)
def test_places_in_a_file_with_crlf_line_ends_or_a_byte_order_mark(
    workspace: Path, bom: str, end: str
) -> None:
    """The entry under the cursor, the outline's ranges and a footnote's
    rename are the same places in the editor's text whatever its line ends:
    the nodes' marks count on the text as read (LF, no byte order mark)."""
    from itures.lsp.editing import rename, symbols

    lf = (workspace / "resolutions/wtdc/59/fr.yaml").read_text(encoding="utf-8")
    text = bom + lf.replace("\n", end)
    plain, other = parse("x.yaml", lf), parse("x.yaml", text)
    for needle in ("de prier le Secrétaire général", "de mener périodiquement"):
        assert entry_at(other, text.index(needle)) == entry_at(plain, lf.index(needle))

    def where(source: str, offset: int) -> tuple[int, int]:
        before = source[:offset].removeprefix("\ufeff")
        return before.count("\n"), len(before) - (before.rfind("\n") + 1)

    def outline(loaded: object, source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        found = symbols(loaded, lambda a, b: (where(source, a), where(source, b)))  # type: ignore[arg-type]
        out = []
        stack = list(found)
        while stack:
            s = stack.pop()
            out.append(s.range)
            stack.extend(s.children or [])
        return out

    assert outline(other, text) == outline(plain, lf)
    renamed = [(text[a:b], new) for a, b, new in rename(other, "1", "9")]
    assert renamed == [(lf[a:b], new) for a, b, new in rename(plain, "1", "9")]
    assert ("'1'", "'9'") in renamed or ("1", "9") in renamed
