"""punctuation: an abbreviation in parentheses right after the name of an
actor of the vocabulary, which ITU's texts abbreviate otherwise but for one
letter lost, added, mistyped, or two swapped ("Groupe consultatif pour le
développement des télécommunications (CDT)", "Bureau de la normalisation des
télécommunications (SB)"). The name is the evidence: before, such a slip was
told only where the file wrote the abbreviation meant elsewhere, and never
for "CDT", an abbreviation near ITU's own, nor for two letters."""

from __future__ import annotations

from itures.rules._walk import texts
from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items

GCDT = "Groupe consultatif pour le développement des télécommunications"
TSB_FR = "Bureau de la normalisation des télécommunications"


def _found(*written: str, language: str = "fr") -> list[tuple[str, str, str | None]]:
    """(the span, the message, the help) of the slips told after a name."""
    ctx = context(
        language,
        preamble=[items(list(written), heading="considérant" if language == "fr" else None)],
        operative=[clauses(["d'agir."], heading="décide" if language == "fr" else None)],
    )
    by_path = {t.path: t.text for t in texts(ctx)}
    out = []
    for f in punctuation(ctx):
        if "after the name it stands for" in f.message and f.offset is not None:
            assert f.length is not None
            out.append((by_path[f.path][f.offset : f.offset + f.length], f.message, f.help))
    return out


def test_a_letter_lost_after_the_name_is_told_with_the_abbreviation_meant() -> None:
    assert _found(f"que le {GCDT} (CDT) se réunit,") == [
        (
            "CDT",
            "'CDT' after the name it stands for, which ITU's texts abbreviate 'GCDT': a "
            "letter lost?",
            "write 'GCDT'",
        )
    ]
    # two letters, written nowhere else in the file
    assert [(w, h) for w, _, h in _found(f"que le Directeur du {TSB_FR} (SB) agit,")] == [
        ("SB", "write 'TSB'")
    ]


def test_a_letter_added_mistyped_or_two_swapped() -> None:
    told = _found(
        "que le Bureau de développement des télécommunications (BTD) agit;",
        "que le Bureau de développement des télécommunications (BDTT) agit;",
        "que le Bureau de développement des télécommunications (BDX) agit,",
    )
    assert [(w, m.rsplit(": ", 1)[1], h) for w, m, h in told] == [
        ("BTD", "two letters swapped?", "write 'BDT'"),
        ("BDTT", "a letter added?", "write 'BDT'"),
        ("BDX", "a letter mistyped?", "write 'BDT'"),
    ]


def test_in_english_too() -> None:
    told = _found("that the Telecommunication Standardization Bureau (TBS) acts,", language="en")
    assert [(w, h) for w, _, h in told] == [("TBS", "write 'TSB'")]


def test_what_is_left_alone() -> None:
    assert (
        _found(
            # the abbreviation the name has, in this language or another
            f"que le {GCDT} (GCDT) se réunit;",
            f"que le {GCDT} (TDAG) se réunit;",
            # no name of the vocabulary before it, or another word between
            "que le groupe spécial (CDT) se réunit;",
            f"que le {GCDT} de la région (CDT) se réunit;",
            # an abbreviation farther than one slip from the name's
            f"que le {GCDT} (XYZ) se réunit,",
        )
        == []
    )
