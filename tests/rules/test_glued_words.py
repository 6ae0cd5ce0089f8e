"""conversion-artefact: two words run together, the second with its capital
("en particulierSur les activités"), a blank lost or the trace of a tracked
change: a warning at the word, naming both. Names written so on purpose and
the words of web addresses are left alone."""

from __future__ import annotations

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import clauses, context, items


def _glued(text: str, language: str = "en") -> list[tuple[str, str | None]]:
    """The words the rule says are run together in ``text`` (an item of the
    preamble), with the finding's severity."""
    ctx = context(
        language,
        preamble=[items([text])],
        operative=[clauses(["to act."], language=language)],
    )
    out = []
    for f in conversion_artefact(ctx):
        if "run together" not in f.message:
            continue
        assert f.offset is not None and f.length is not None
        out.append((text[f.offset : f.offset + f.length], f.severity))
    return out


def test_two_words_run_together_are_a_warning_at_the_word() -> None:
    assert _glued("that the work, in particularOn the activities of the Sectors,") == [
        ("particularOn", "warning")
    ]
    assert _glued("que les travaux, en particulierSur les activités,", "fr") == [
        ("particulierSur", "warning")
    ]
    # letters beyond ASCII before the capital, and two in one text
    assert _glued("que le développementDans les pays et la coopérationEntre eux,", "fr") == [
        ("développementDans", "warning"),
        ("coopérationEntre", "warning"),
    ]
    assert _glued("que el desarrolloDe las telecomunicaciones,", "es") == [
        ("desarrolloDe", "warning")
    ]


def test_the_message_names_both_words() -> None:
    ctx = context(
        preamble=[items(["that the work, in particularOn the activities,"])],
        operative=[clauses(["to act."])],
    )
    (f,) = [f for f in conversion_artefact(ctx) if "run together" in f.message]
    assert "'particular' struck, 'On' inserted" in f.message
    assert f.help == (
        "keep the words of the revised text: write a blank between 'particular' and 'On', or "
        "delete the one the revision struck"
    )


def test_names_written_so_and_web_addresses_are_left_alone() -> None:
    for text in (
        "that IoT, MoUs, QoS and ccTLDs grow, as YouTube, LinkedIn and PowerPoint do,",
        "that the portal (http://www.itu.int/en/ITU-D/Pages/SectorMembersPortal.aspx) grows,",
        "that the address www.itu.int/DevelopmentPortal grows,",
        "that the ITU-D and the ITU-T, in particular, grow,",
        "that mHealth, eLearning and iPhones grow,",
    ):
        assert _glued(text) == [], text


def test_a_capital_typed_inside_a_word_the_file_writes_is_not_two_words() -> None:
    # "telecommunicatiOns" where the file writes "telecommunications": a key
    # held too long, not 'telecommunicati' struck and 'Ons' inserted
    # (punctuation tells it, with the word to write)
    ctx = context(
        preamble=[items(["that telecommunicatiOns grow,"])],
        operative=[clauses(["to study telecommunications."])],
    )
    assert [f for f in conversion_artefact(ctx) if "run together" in f.message] == []
    # (a word the file writes nowhere else: two words run together, as before)
    assert _glued("that telecommunicatiOns grow,") == [("telecommunicatiOns", "warning")]
