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


# A clause's actors lost: a clause whose words address some, with no 'actors'
# nor 'partners', under a section that lists none, in a file whose other
# clauses list theirs.
TDAG = "to invite the Telecommunication Development Advisory Group to assist;"
SG = "to request the Secretary-General to report to the Council."


def _resolves(*clause_actors: list[str] | None) -> dict[str, object]:
    section = clauses([TDAG, SG][: len(clause_actors)])
    for clause, actors in zip(section["clauses"], clause_actors, strict=True):  # type: ignore[call-overload]
        if actors is not None:
            clause["actors"] = actors
    return section


def test_a_clause_whose_actors_were_lost_is_told_them() -> None:
    found = _found(_resolves(None, ["secretary-general"]))
    assert found == [
        (
            ("operative", 0, "clauses", 0),
            "the clause's words address tdag, but the clause lists no 'actors', where the "
            "file's other clauses list theirs",
            "write 'actors: [tdag]' in the clause",
        )
    ]


def test_clause_actors_are_optional_in_a_file_whose_clauses_list_none() -> None:
    assert _found(_resolves(None, None)) == []


def test_a_clause_under_a_section_that_lists_actors_is_the_sections() -> None:
    listed = clauses(
        [TDAG],
        verb="instructs",
        heading="instructs the Secretary-General",
        actors=["secretary-general"],
    )
    assert _found(listed, _resolves(["tdag"])) == []


def test_a_clause_whose_words_address_no_one_is_left_alone() -> None:
    section = _resolves(None, ["secretary-general"])
    section["clauses"][0]["text"] = "that the work continues;"  # type: ignore[index]
    assert _found(section) == []


def test_a_section_is_told_its_actors_where_the_files_clauses_list_theirs() -> None:
    found = _found(_resolves(["tdag"]), clauses(["to report."], verb="instructs", heading=BDT))
    assert [(path, message) for path, message, _ in found] == [
        (
            ("operative", 1),
            "the heading names bdt-director, but the section lists no 'actors', where the "
            "file's clauses list theirs",
        )
    ]
