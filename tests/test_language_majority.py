"""language-mismatch's help when the other versions agree with each other and
not with the reported one: that version is the one to correct (the help
left it to the editor: "here or in the other version"). With as many
versions on each side, it still leaves the choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from tests.conftest import resolution, write

WORDS = {
    "en": "to apply [Resolution {n} (Rev. Busan, 2014)](pp:{n}@2014).",
    "fr": "d'appliquer [la Résolution {n} (Rév. Busan, 2014)](pp:{n}@2014).",
    "es": "aplicar [la Resolución {n} (Rev. Busan, 2014)](pp:{n}@2014).",
}


def _versions(tmp_path: Path, languages: list[str], odd: str) -> list[Path]:
    paths = []
    for language in languages:
        data = resolution(language=language, number="58")
        data.pop("preamble", None)
        number = "151" if language == odd else "150"
        data["operative"] = [
            {
                "verb": "resolves",
                "heading": {"en": "resolves", "fr": "décide", "es": "resuelve"}[language],
                "clauses": [{"label": "1", "text": WORDS[language].format(n=number)}],
            }
        ]
        paths.append(write(tmp_path / "resolutions" / "pp" / "58" / f"{language}.yaml", data))
    return paths


@pytest.mark.parametrize("odd", ["fr", "en"])
def test_the_version_the_others_disagree_with_is_told_to_be_corrected(
    tmp_path: Path, odd: str
) -> None:
    found = [
        d
        for d in check_paths(_versions(tmp_path, ["en", "fr", "es"], odd)).diagnostics
        if d.rule == "language-mismatch"
    ]
    assert [Path(d.path).stem for d in found] == [odd]
    others = ", ".join(sorted({"en", "fr", "es"} - {odd}))
    assert found[0].help == (
        f"the 2 other versions ({others}) agree with each other and not with this one: "
        "correct this version as they have it"
    )


def test_two_versions_that_differ_leave_the_choice(tmp_path: Path) -> None:
    found = [
        d
        for d in check_paths(_versions(tmp_path, ["en", "fr"], "fr")).diagnostics
        if d.rule == "language-mismatch"
    ]
    assert len(found) == 1 and found[0].help is not None
    assert "whichever differs from the published text" in found[0].help
