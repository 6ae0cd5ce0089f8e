"""punctuation: an abbreviation with a letter lost or two swapped ("BTD"
for "BDT", "l'UI" for "l'UIT", "(MNT)" for "(AMNT)"), where the file writes
the abbreviation meant elsewhere, and ITU's texts and the file write the
slip nowhere. Before, each passed silently: an abbreviation was told only
when a name before it spelt it otherwise."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from itures.rules._walk import texts
from itures.rules.punctuation import punctuation
from tests.conftest import run_cli
from tests.rules.build import clauses, context, items
from tests.test_fix import _corpus


def _found(*written: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    """(the span, the message, the help) of the lost letters told in ``written``."""
    ctx = context(
        language,
        preamble=[items(list(written))],
        operative=[clauses(["to act."], heading="resolves")],
    )
    by_path = {t.path: t.text for t in texts(ctx)}
    out = []
    for f in punctuation(ctx):
        if "no abbreviation ITU" in f.message and f.offset is not None and f.length is not None:
            out.append((by_path[f.path][f.offset : f.offset + f.length], f.message, f.help))
    return out


def test_a_letter_lost_or_two_swapped_is_told_with_the_abbreviation_meant() -> None:
    assert _found("that the Director of BDT reports,", "that the BTD and the TSB act,") == [
        (
            "BTD",
            "'BTD' is no abbreviation ITU's texts write, and this file writes it nowhere "
            "else: 'BDT', which the file writes, with two letters swapped?",
            "write 'BDT'",
        )
    ]
    assert _found("that WSIS acts,", "that the outcomes of SIS and of the TSB apply,") == [
        (
            "SIS",
            "'SIS' is no abbreviation ITU's texts write, and this file writes it nowhere "
            "else: 'WSIS', which the file writes, with a letter lost?",
            "write 'WSIS'",
        )
    ]
    # French: two letters after an elision, and in parentheses
    found = _found(
        "que l'UIT et l'AMNT agissent,",
        "que l'UI et l'Assemblée (MNT) agissent,",
        language="fr",
    )
    assert [(s, h) for s, _, h in found] == [("UI", "write 'UIT'")]  # (one a text)
    assert [s for s, _, _ in _found("que l'AMNT agit,", "que la (MNT) agit,", language="fr")] == [
        "MNT"
    ]
    # two abbreviations the file writes are both a letter away: both named
    two = _found("que le GADT et le GCDT agissent,", "que le GDT agit,", language="fr")
    assert [(s, h) for s, _, h in two] == [("GDT", "write one of 'GADT', 'GCDT'")]


def test_what_is_written_right_or_is_a_word_of_its_own_is_left_alone() -> None:
    for written in (
        # the file's own abbreviation, written twice
        ("that the BDT and the BD act,", "that the BD reports,"),
        # an abbreviation the file does not write near it
        ("that the ITU and the SDG act,",),
        # another letter, not one lost: "ITS" and "ITU" are both ITU's words
        ("that the ITU and ITS act,",),
        # two letters, not after an elision: words of their own
        ("that ITU and IT, the ICT and the TC act,",),
        # near ITU's, but words texts write
        ("that the SMSI and SMS act,", "that the ICT and the ITC act,"),
        # inside a longer word or a Sector's name
        ("that the BDT and BDs act, and UIT-D,", "that ITU and IT-based and IU2 act,"),
    ):
        assert _found(*written) == [], written


def test_on_the_example(tmp_path: Path) -> None:
    target, slipped = _corpus(
        tmp_path, [("Directeur du BDT à rendre", "Directeur du BTD à rendre")]
    )
    # a guess: --fix leaves it to the editor
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "0 fixes applied" in done.stderr, done.stderr
    assert target.read_text(encoding="utf-8") == slipped
    assert [(d.rule, d.message) for d in check_paths([target]).diagnostics] == [
        (
            "punctuation",
            "'BTD' is no abbreviation ITU's texts write, and this file writes it nowhere "
            "else: 'BDT', which the file writes, with two letters swapped?",
        )
    ]


def test_two_letters_alone_in_parentheses() -> None:
    found = _found("que les TIC agissent,", "que la communication (TI) agit,", language="fr")
    assert [(s, h) for s, _, h in found] == [("TI", "write 'TIC'")]
    # a name's own abbreviation of two letters, and two letters in other words
    for written in (
        ("that the ICT and information technology (IT) act,",),
        ("that the ICT and (CT) act,", "that the TSB (TS and SB) acts,"),
    ):
        assert _found(*written) == [], written


def _small(*written: str, language: str = "en") -> list[tuple[str, str | None]]:
    ctx = context(
        language,
        preamble=[items(list(written))],
        operative=[clauses(["to act."], heading="resolves")],
    )
    by_path = {t.path: t.text for t in texts(ctx)}
    return [
        (by_path[f.path][f.offset : f.offset + f.length], f.help)
        for f in punctuation(ctx)
        if "written small" in f.message and f.offset is not None and f.length is not None
    ]


def test_a_word_of_a_known_name_written_small_before_its_abbreviation() -> None:
    """ "World summit on the Information Society (WSIS)": the name's words
    spell the abbreviation once read as capitals, one of them written small.
    Before, silent: the name's capitals spelt too little to be read."""
    assert _small("that the World summit on the Information Society (WSIS) acts,") == [
        ("summit", "write 'Summit'")
    ]
    assert _small(
        "that the Telecommunication Development advisory Group (TDAG) meets,",
        "that the World Summit on the information Society (WSIS) acts,",
    ) == [("advisory", "write 'Advisory'"), ("information", "write 'Information'")]
    for written, language in (
        # terms ITU writes small, and French names, which write small all but the first word
        ("that small island developing States (SIDS) act,", "en"),
        (
            "que le Groupe consultatif pour le développement des télécommunications (GCDT) agit,",
            "fr",
        ),
        # an abbreviation no table knows, and words that spell another
        ("that the Global summit of Regulators (GSR) acts,", "en"),
        ("that the World summit (WSIS) acts,", "en"),
    ):
        assert _small(written, language=language) == [], written


def test_fix_writes_the_capital_of_a_names_word(tmp_path: Path) -> None:
    """--fix writes the capital a name's word lost before its abbreviation, as
    README says; the file then checks as it did before the slip."""
    from ruamel.yaml import YAML

    from tests.rules.build import data

    right = "that the World Summit on the Information Society (WSIS) acts;"
    path = tmp_path / "resolutions" / "pp" / "1" / "en.yaml"
    path.parent.mkdir(parents=True)
    section = clauses([right.replace("World Summit", "World summit"), "that the WSIS acts."])
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data("en", operative=[section]), out)
    done = run_cli("check", "--fix", "resolutions", cwd=tmp_path)
    assert "1 fix applied to 1 file" in done.stderr, done.stderr
    assert "World Summit on the Information Society (WSIS)" in path.read_text(encoding="utf-8")
    assert check_paths([tmp_path / "resolutions"]).diagnostics == []


def test_two_letters_before_a_word() -> None:
    """'ITU', 'ICT' and 'TSB' with a letter lost in running text ("the TU
    Constitution", "IC applications", "of SB;"), where the file writes
    them: told.
    Before, a word of two letters was told only after an elision or alone
    in parentheses."""
    found = _found(
        "that the ITU acts and ICT grows,",
        "that the TU Constitution applies,",
        "that IC applications grow,",
        "that the TSB serves the activities of SB;",
    )
    assert [(s, h) for s, _, h in found] == [
        ("TU", "write 'ITU'"),
        ("IC", "write 'ICT'"),
        ("SB", "write 'TSB'"),
    ]
    # words of two capitals of their own (a terabyte beside the TSB), and two
    # letters before a digit or a hyphen, a code of their own
    for written in (
        ("that the ICT and IT infrastructure grow,",),
        ("that the RAG and the RA meet,",),
        ("that the TSB stores 1 TB,",),
        ("that the ITU and TU-2 act,", "that the ITU acts, as in TU2."),
    ):
        assert _found(*written) == [], written
