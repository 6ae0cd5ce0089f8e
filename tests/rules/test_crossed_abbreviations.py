"""punctuation: an abbreviation in parentheses right after the name of another
of ITU's organs, groups, conferences or Sectors ("Telecommunication
Development Bureau (TSB)", "ITU Telecommunication Development Sector
(ITU-T)"): a name or an abbreviation copied from a neighbour and not
retyped. Before, in English it was told as a word lost from the name, or a
letter lost from the abbreviation (wrong advice either way), with
actor-mismatch's finding besides when the name was the one retyped; in
French, whose names' capitals spell nothing, and for the Sectors, it passed
silently. Now: one finding at the abbreviation, naming both, with the two
ways to mend it. The data read from the words (actors, a deadline's
report_to) is not also said to differ when it agrees with either."""

from __future__ import annotations

from pathlib import Path

from itures.corpus import check_paths
from itures.rules._walk import texts
from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items

CROSSED = "which ITU's texts abbreviate"


def _found(*written: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    """(the span, the message, the help) of the abbreviations after another's name."""
    headings = {"fr": ("considérant", "décide"), "es": ("considerando", "resuelve")}
    preamble, operative = headings.get(language, (None, None))
    ctx = context(
        language,
        preamble=[items(list(written), heading=preamble)],
        operative=[clauses(["to act."], heading=operative)],
    )
    by_path = {t.path: t.text for t in texts(ctx)}
    out = []
    for f in punctuation(ctx):
        if f.offset is not None and f.length is not None and "abbreviat" in f.message:
            out.append((by_path[f.path][f.offset : f.offset + f.length], f.message, f.help))
    return out


def test_a_bureau_with_another_bureau_s_abbreviation() -> None:
    assert _found("that the Telecommunication Development Bureau (TSB) acts,") == [
        (
            "TSB",
            "'TSB' after the name 'Telecommunication Development Bureau', which ITU's texts "
            "abbreviate 'BDT': 'TSB' stands for 'Telecommunication Standardization Bureau'",
            "write 'BDT', or the name 'TSB' stands for, 'Telecommunication Standardization Bureau'",
        )
    ]
    # the name retyped, its abbreviation kept: told the same way, not as a word lost
    told = _found("that the Telecommunication Standardization Advisory Group (TDAG) acts,")
    assert [(w, h) for w, _, h in told] == [
        (
            "TDAG",
            "write 'TSAG', or the name 'TDAG' stands for, 'Telecommunication Development "
            "Advisory Group'",
        )
    ]


def test_in_french_whose_names_capitals_spell_nothing() -> None:
    told = _found(
        "que le Bureau de développement des télécommunications (TSB) agit;",
        "que le Groupe consultatif de la normalisation des télécommunications (GCDT) agit,",
        language="fr",
    )
    assert [(w, h) for w, _, h in told] == [
        (
            "TSB",
            "write 'BDT', or the name 'TSB' stands for, 'Bureau de la normalisation des "
            "télécommunications'",
        ),
        (
            "GCDT",
            "write 'GCNT', or the name 'GCDT' stands for, 'Groupe consultatif pour le "
            "développement des télécommunications'",
        ),
    ]


def test_the_sectors_in_three_languages() -> None:
    assert [
        (w, h)
        for w, _, h in _found(
            "that the ITU Telecommunication Development Sector (ITU-T) acts;",
            "that the ITU Radiocommunication Sector (ITU-R) and the Telecommunication "
            "Standardization Sector (ITU‑D) act,",
        )
    ] == [
        (
            "ITU-T",
            "write 'ITU-D', or the name 'ITU-T' stands for, 'Telecommunication "
            "Standardization Sector'",
        ),
        # (its hyphen non-breaking, as written)
        (
            "ITU‑D",
            "write 'ITU-T', or the name 'ITU-D' stands for, 'Telecommunication Development Sector'",
        ),
    ]
    # French writes "de l'UIT" between the name and its abbreviation, over a line's end
    told = _found(
        "que le Secteur de la normalisation des télécommunications de l'UIT\n(UIT-D) agit,",
        language="fr",
    )
    assert [w for w, _, _ in told] == ["UIT-D"]
    told = _found(
        "que el Sector de Desarrollo de las Telecomunicaciones de la UIT (UIT-R) actúa,",
        language="es",
    )
    assert [w for w, _, _ in told] == ["UIT-R"]


def test_a_bureau_with_a_sector_s_abbreviation() -> None:
    assert [
        w for w, _, _ in _found("that the Telecommunication Development Bureau (ITU-D) acts,")
    ] == ["ITU-D"]


def test_what_is_left_alone() -> None:
    assert (
        _found(
            # each name with its own abbreviation, in the file's language or another's
            "that the Telecommunication Development Bureau (BDT) acts;",
            "that the Director of the Telecommunication Standardization Bureau (TSB) acts;",
            "that the ITU Radiocommunication Sector (ITU-R) acts;",
            "that the Telecommunication Development Sector (ITU-D) acts;",
            # a name of no organ before the abbreviation, or a word between them
            "that the regional office (TSB) acts;",
            "that the Telecommunication Development Bureau and its staff (TSB) act;",
            # a longer name ending as another's ("Standardization Bureau" is a part
            # of "Telecommunication Standardization Bureau")
            "that the World Telecommunication Standardization Assembly (WTSA) acts,",
        )
        == []
    )
    told = _found(
        "que le Secteur des radiocommunications de l'UIT (UIT-R) agit;",
        "que le Bureau de la normalisation des télécommunications (TSB) agit,",
        language="fr",
    )
    assert told == []


def test_the_letters_of_ITU_s_abbreviation_in_another_order() -> None:
    # (the English name's initials, "TDB", for the abbreviation ITU writes, "BDT")
    assert _found("that the Telecommunication Development Bureau (TDB) acts,") == [
        (
            "TDB",
            "'TDB' after the name it stands for, which ITU's texts abbreviate 'BDT': its "
            "letters in another order",
            "write 'BDT'",
        )
    ]
    # one slip from it is still said as such, not also as an anagram of another
    told = _found("that the Telecommunication Development Advisory Group (TDGA) acts,")
    assert [(w, m.rsplit(": ", 1)[1]) for w, m, _ in told] == [("TDGA", "two letters swapped?")]


RESOLUTION = """\
body: wtdc
number: '59'
language: en
title: Strengthening coordination
history:
  - event: revised
    place: Buenos Aires
    year: 2017
preamble:
  - verb: considering
    heading: considering
    items:
      - label: a)
        text: that coordination matters,
operative:
  - verb: resolves
    heading: resolves
    clauses:
      - label: '1'
        text: >-
          to invite the {group}, in collaboration with the Radiocommunication
          Advisory Group, to assist;
        actors: [tdag]
        partners: [rag]
      - label: '2'
        text: >-
          to invite the Director of BDT to report annually to {report} on the
          implementation of this resolution,
        actors: [bdt-director]
        deadlines:
          - every: year
            report_to: tdag
            text: annually to {report}
  - verb: instructs
    heading: >-
      instructs the Director of the {bureau}, in cooperation with the Director
      of the Telecommunication Standardization Bureau
    actors: [bdt-director]
    partners: [tsb-director]
    clauses:
      - label: '1'
        text: to act.
"""

RIGHT = {
    "group": "Telecommunication Development Advisory Group (TDAG)",
    "report": "TDAG",
    "bureau": "Telecommunication Development Bureau",
}


def _check(tmp_path: Path, **written: str) -> list[tuple[str, str]]:
    folder = tmp_path / "resolutions" / "wtdc" / "59"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.yaml").write_text(RESOLUTION.format(**{**RIGHT, **written}), encoding="utf-8")
    return [(d.rule, d.message) for d in check_paths([tmp_path / "resolutions"]).diagnostics]


def test_the_data_read_from_the_words_is_not_also_said_to_differ(tmp_path: Path) -> None:
    assert _check(tmp_path) == []
    # a clause's words: the name retyped, the actors those of the abbreviation
    found = _check(tmp_path, group="Telecommunication Standardization Advisory Group (TDAG)")
    assert [rule for rule, _ in found] == ["punctuation"]
    assert CROSSED in found[0][1]
    # a section's heading
    found = _check(tmp_path, bureau="Telecommunication Standardization Bureau (BDT)")
    assert [rule for rule, _ in found] == ["punctuation"]
    # a deadline's words, copied from the clause's: told once, at the clause
    report = "the Telecommunication Standardization Advisory Group (TDAG)"
    found = _check(tmp_path, report=report)
    assert [rule for rule, _ in found] == ["punctuation"]


def test_control_the_data_still_compared_when_it_is_neither(tmp_path: Path) -> None:
    # the name and the abbreviation agree, and the actors are another's: said
    found = _check(tmp_path, group="Telecommunication Standardization Advisory Group (TSAG)")
    assert [rule for rule, _ in found] == ["actor-mismatch"]
    # crossed, and the actors neither of the two: both findings
    text = RESOLUTION.replace("actors: [tdag]", "actors: [tsb]")
    folder = tmp_path / "resolutions" / "wtdc" / "59"
    (folder / "en.yaml").write_text(
        text.format(
            **{**RIGHT, "group": "Telecommunication Standardization Advisory Group (TDAG)"}
        ),
        encoding="utf-8",
    )
    found = [(d.rule, d.message) for d in check_paths([tmp_path / "resolutions"]).diagnostics]
    assert sorted(rule for rule, _ in found) == ["actor-mismatch", "punctuation"]


def test_two_abbreviations_swapped_are_one_finding() -> None:
    told = _found(
        "that the ITU Telecommunication Standardization Sector (ITU-D) and the ITU "
        "Telecommunication Development Sector (ITU-T) cooperate,"
    )
    assert told == [
        (
            "ITU-D",
            "'ITU-D' and 'ITU-T' after each other's names: the two abbreviations swapped",
            "write 'ITU-T' for 'ITU-D', and 'ITU-D' for 'ITU-T'",
        )
    ]
    # two crossed of three names, not each other's: each its own finding
    told = _found(
        "that the Telecommunication Development Bureau (TSB) and the Radiocommunication "
        "Bureau (BDT) cooperate,"
    )
    assert [w for w, _, _ in told] == ["TSB", "BDT"]
