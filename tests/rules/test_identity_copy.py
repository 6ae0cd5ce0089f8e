"""A copy of a resolution's file whose identity was not changed, beside the
original: one finding, in the copy, whose advice corrects the copy's content
(moving it where its content says would replace the original)."""

from __future__ import annotations

from pathlib import Path

from itures.config import load
from itures.corpus import check_paths

DOC = """\
body: wtdc
number: '{number}'
language: {language}
title: Renforcer la coordination
history: [{{event: adopted, place: Doha, year: 2006}}]
"""


def _corpus(tmp_path: Path, files: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[tool.itures]\ncorpus = "."\n', encoding="utf-8")
    for rel, (number, language) in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DOC.format(number=number, language=language), encoding="utf-8")
    result = check_paths([tmp_path], load(tmp_path / "pyproject.toml"))
    return [
        (Path(d.path).relative_to(tmp_path).as_posix(), d.rule, d.help or "")
        for d in result.diagnostics
    ]


def test_each_copy_is_told_to_take_its_folders_number(tmp_path: Path) -> None:
    found = _corpus(
        tmp_path,
        {
            "wtdc/59/fr.yaml": ("59", "fr"),
            "wtdc/61/fr.yaml": ("59", "fr"),
            "wtdc/62/fr.yaml": ("59", "fr"),
        },
    )
    assert [(p, r) for p, r, _ in found] == [
        ("wtdc/61/fr.yaml", "identity-path"),
        ("wtdc/62/fr.yaml", "identity-path"),
    ]
    assert found[0][2].startswith("write number as its path says: number: '61'")
    assert "would replace" in found[0][2] and "wtdc/59/fr.yaml" in found[0][2]


def test_a_language_left_unchanged_in_a_copy(tmp_path: Path) -> None:
    found = _corpus(tmp_path, {"wtdc/59/fr.yaml": ("59", "fr"), "wtdc/59/es.yaml": ("59", "fr")})
    assert [(p, r) for p, r, _ in found] == [("wtdc/59/es.yaml", "identity-path")]
    assert found[0][2].startswith("write language as its path says: language: 'es'")


def test_two_copies_with_no_original_in_its_place_are_duplicates(tmp_path: Path) -> None:
    # neither file is where the layout puts wtdc 59 fr: which is the copy is not known
    found = _corpus(tmp_path, {"wtdc/60/fr.yaml": ("59", "fr"), "wtdc/61/fr.yaml": ("59", "fr")})
    rules = sorted((p, r) for p, r, _ in found)
    assert rules == [
        ("wtdc/60/fr.yaml", "identity-duplicate"),
        ("wtdc/60/fr.yaml", "identity-path"),
        ("wtdc/61/fr.yaml", "identity-duplicate"),
        ("wtdc/61/fr.yaml", "identity-path"),
    ]
    assert all(h.startswith("move the file to") for _, r, h in found if r == "identity-path")


def test_a_copy_named_as_no_language_is_told_to_be_deleted_not_to_take_its_name(
    tmp_path: Path,
) -> None:
    """'fr copy.yaml' beside fr.yaml: writing 'language: fr copy' as the path
    says would be no language; renaming it fr.yaml would replace the
    original. Alone, it is renamed to the language it says."""
    found = _corpus(
        tmp_path, {"wtdc/59/fr.yaml": ("59", "fr"), "wtdc/59/fr copy.yaml": ("59", "fr")}
    )
    assert [(rel, rule) for rel, rule, _ in found] == [("wtdc/59/fr copy.yaml", "identity-path")]
    assert found[0][2].startswith("delete the copy (") and "language: 'fr copy'" not in found[0][2]
    (tmp_path / "wtdc" / "59" / "fr.yaml").unlink()
    [(_, _, help_)] = _corpus(tmp_path, {"wtdc/59/fr copy.yaml": ("59", "fr")})
    assert help_.startswith("rename the file to ") and help_.endswith("wtdc/59/fr.yaml")
