"""actor-mismatch: a clause whose words do not address the actors or the
partners it lists because a word of one's name is mistyped ("the
Secretary-Genral", "the Director of the Telecommunications Development
Bureau (BDT)"). Before, the finding said the words addressed others (the
partners without the Secretary-General; "bdt, bdt-director") and its advice
was to change the data, which was right, to match the slip. Now the finding
is at the word, with the name's word to write."""

from __future__ import annotations

from itures.rules.actors import actor_mismatch
from tests.rules.build import clauses, context, items


def _found(text: str, language: str = "en", **data: list[str]) -> list[tuple[str, str, str | None]]:
    """(what the finding spans, or its path's end; its message; its help)."""
    section = clauses([text])
    section["clauses"][0].update(data)  # (the clause's own actors and partners)
    ctx = context(language, preamble=[items(["that coordination matters,"])], operative=[section])
    clause = ctx.resolution.operative[0].clauses[0]
    out = []
    for f in actor_mismatch(ctx):
        if f.offset is not None and f.length is not None:
            out.append((clause.text[f.offset : f.offset + f.length], f.message, f.help))
        else:
            out.append((str(f.path[-1]), f.message, f.help))
    return out


def test_a_partner_s_name_mistyped() -> None:
    text = (
        "to invite the Director of BDT, in collaboration with the Secretary-Genral and the "
        "Director of TSB, to act."
    )
    assert _found(
        text, actors=["bdt-director"], partners=["secretary-general", "tsb-director"]
    ) == [
        (
            "Secretary-Genral",
            "'Secretary-Genral' in the name 'Secretary-General': the clause's words address "
            "secretary-general, as its data says, once it is written 'Secretary-General'",
            "write 'Secretary-General' for 'Secretary-Genral'",
        )
    ]


def test_an_actor_s_name_mistyped_its_abbreviation_read_as_another() -> None:
    # ("(BDT)" after a name the reading does not know is read as the Bureau)
    for slip in ("Telecommunications", "Telecomunication"):
        text = f"to invite the Director of the {slip} Development Bureau (BDT) to act."
        found = _found(text, actors=["bdt-director"])
        assert [(w, h) for w, _, h in found] == [(slip, f"write 'Telecommunication' for '{slip}'")]


def test_in_french_and_with_markup_before_the_word() -> None:
    text = (
        "d'inviter, comme le dit [la Résolution 5](wtdc:5@2014), le Directeur du BDT, en "
        "collaboration avec le Secrétaire génral et le Directeur du TSB, à agir."
    )
    found = _found(
        text, "fr", actors=["bdt-director"], partners=["secretary-general", "tsb-director"]
    )
    assert [(w, h) for w, _, h in found] == [("génral", "write 'général' for 'génral'")]


def test_control_other_data_is_still_said_to_differ() -> None:
    # the word mended, the words address someone the data does not list: the
    # finding is the mismatch, as before
    text = (
        "to invite the Director of BDT, in collaboration with the Secretary-Genral and the "
        "Director of TSB, to act."
    )
    found = _found(text, actors=["bdt-director"], partners=["council", "tsb-director"])
    assert [w for w, _, _ in found] == ["partners"]
    # and a name written right, the data another's
    found = _found("to invite the Secretary-General to act.", actors=["council"])
    assert [w for w, _, _ in found] == ["actors"]


def test_in_a_section_s_heading() -> None:
    heading = (
        "instructs the Director of the Telecommunications Development Bureau (BDT), in "
        "cooperation with the Secretary-General"
    )
    section = clauses(["to act."], verb="instructs", heading=heading)
    section.update(actors=["bdt-director"], partners=["secretary-general"])
    ctx = context("en", preamble=[items(["that coordination matters,"])], operative=[section])
    found = list(actor_mismatch(ctx))
    assert [
        (f.path, heading[f.offset : f.offset + (f.length or 0)], f.help)
        for f in found
        if f.offset is not None
    ] == [
        (
            ("operative", 0, "heading"),
            "Telecommunications",
            "write 'Telecommunication' for 'Telecommunications'",
        )
    ]
    assert len(found) == 1
    assert found[0].message.startswith(
        "'Telecommunications' in the name 'Director of the Telecommunication Development "
        "Bureau': the heading names bdt-director"
    )


def _heading_found(heading: str, language: str, actors: list[str]) -> list[tuple[str, str | None]]:
    section = clauses(["to act."], verb="instructs", heading=heading)
    section["actors"] = actors
    ctx = context(language, preamble=[items(["that coordination matters,"])], operative=[section])
    return [
        (heading[f.offset : f.offset + (f.length or 0)], f.help)
        for f in actor_mismatch(ctx)
        if f.offset is not None
    ]


def test_a_heading_that_names_no_one_its_actor_s_name_mistyped() -> None:
    """ "instructs the Secreetary-General": the heading read as naming no one,
    and a heading that names no one was not judged: silent. Now the word."""
    for heading, language, word, right in (
        ("instructs the Secreetary-General", "en", "Secreetary-General", "Secretary-General"),
        ("instructs the Secretary-Genral", "en", "Secretary-Genral", "Secretary-General"),
        ("charge le Secrétaire génral", "fr", "génral", "général"),
        (
            "instructs the Director of the Telecommunication Devlopment Bureau",
            "en",
            "Devlopment",
            "Development",
        ),
    ):
        actors = ["bdt-director"] if "Bureau" in heading else ["secretary-general"]
        assert _heading_found(heading, language, actors) == [
            (word, f"write {right!r} for {word!r}")
        ], heading


def test_a_clause_whose_words_address_no_one_its_actor_s_name_mistyped() -> None:
    # (a letter changed, which the dictionary alone does not name: "Secreetary",
    # a letter typed twice, is word-spelling's, and read past here)
    found = _found("to invite the Secratary-General to act.", actors=["secretary-general"])
    assert [(w, h) for w, _, h in found] == [
        ("Secratary-General", "write 'Secretary-General' for 'Secratary-General'")
    ]
    assert _found("to invite the Secreetary-General to act.", actors=["secretary-general"]) == []


def test_control_a_heading_or_clause_that_names_no_one_and_no_slip() -> None:
    # (a heading whose words the grammar reads as no actor, the data right or
    # not: no name of the data's is near its words)
    assert _heading_found("instructs the Secretary-General", "en", ["secretary-general"]) == []
    assert _heading_found("instructs the Study Groups", "en", ["secretary-general"]) == []
    assert _found("to report to the next conference.", actors=["secretary-general"]) == []


def test_control_a_name_written_small_in_words_that_address_no_one() -> None:
    # ("council" small: a council of any kind, no slip of the Council's name)
    assert _found("to report to the regional council on the work.", actors=["council"]) == []
    assert _heading_found("instructs the council", "en", ["council"]) == []
