"""actor-mismatch: a section whose heading names actors and that lists none, in
a file whose other sections list theirs (a section made by hand when a
heading merged into a clause is split out, its actors forgotten), is a
warning with the actors to write; actors stay optional in a file that lists
none."""

from __future__ import annotations

from itures.rules.actors import actor_mismatch
from tests.rules.build import clauses, context

BDT = "instructs the Director of the Telecommunication Development Bureau"


def _found(*sections: dict[str, object]) -> list[tuple[tuple[str | int, ...], str, str | None]]:
    ctx = context(operative=list(sections))
    return [(f.path, f.message, f.help) for f in actor_mismatch(ctx)]


def test_a_section_without_the_actors_its_heading_names_is_told_them() -> None:
    listed = clauses(
        ["to act."],
        verb="instructs",
        heading="instructs the Secretary-General",
        actors=["secretary-general"],
    )
    assert _found(listed, clauses(["to report."], verb="instructs", heading=BDT)) == [
        (
            ("operative", 1),
            "the heading names bdt-director, but the section lists no 'actors', where the "
            "file's other sections list theirs",
            "write 'actors: [bdt-director]' in the section",
        )
    ]
    with_partner = clauses(
        ["to report."],
        verb="instructs",
        heading=f"{BDT}, in collaboration with the Director of the Telecommunication "
        "Standardization Bureau",
    )
    ((_, _, help_),) = _found(listed, with_partner)
    assert help_ == ("write 'actors: [bdt-director]' and 'partners: [tsb-director]' in the section")


def test_a_file_that_lists_no_actors_is_left_alone() -> None:
    assert (
        _found(
            clauses(["to act."], verb="instructs", heading="instructs the Secretary-General"),
            clauses(["to report."], verb="instructs", heading=BDT),
        )
        == []
    )


def test_a_heading_that_names_no_actor_is_left_alone() -> None:
    listed = clauses(
        ["to act;"],
        verb="instructs",
        heading="instructs the Secretary-General",
        actors=["secretary-general"],
    )
    assert _found(listed, clauses(["to act."])) == []


def test_a_heading_of_another_verb_is_left_to_heading_mismatch() -> None:
    # the heading rewritten ("resolves" made "instructs the Secretary-General")
    # and the verb kept: which of the two is meant decides the actors, and
    # heading-mismatch says so; the actors are not asked for as well
    listed = clauses(
        ["to act."],
        verb="instructs",
        heading="instructs the Secretary-General",
        actors=["secretary-general"],
    )
    assert _found(listed, clauses(["to report."], verb="resolves", heading=BDT)) == []
    # the verb it reads as, written in French: the same
    french = context(
        "fr",
        operative=[
            clauses(
                ["de agir."],
                verb="instructs",
                heading="charge le Secrétaire général",
                actors=["secretary-general"],
                language="fr",
            ),
            clauses(
                ["de faire rapport."],
                verb="resolves",
                heading="charge le Directeur du BDT",
                language="fr",
            ),
        ],
    )
    assert list(actor_mismatch(french)) == []
    further = clauses(["to report."], verb="further_instructs", heading=f"further {BDT}")
    assert [p for p, _, _ in _found(listed, further)] == [("operative", 1)]
