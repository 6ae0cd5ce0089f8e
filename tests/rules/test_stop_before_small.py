"""punctuation: a full stop before a word in small letters ("pour
identifier. les sujets"), a ',' or ';' typed as '.', or words lost: a
warning at the stop, one a text. Abbreviations, initials, an ellipsis, and
what a conversion merged into the text (a heading, a footnote) are left
alone."""

from __future__ import annotations

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context, items


def _stops(text: str, language: str = "en") -> list[tuple[int | None, str | None]]:
    """(offset, severity) of the full-stop findings on ``text``, an item of the preamble."""
    ctx = context(
        language,
        preamble=[items([text])],
        operative=[clauses(["to act."], language=language)],
    )
    return [(f.offset, f.severity) for f in punctuation(ctx) if "full stop before" in f.message]


def test_a_full_stop_before_a_small_word_is_a_warning_at_the_stop() -> None:
    text = "that the work. the Sectors go on,"
    assert _stops(text) == [(text.index("."), "warning")]
    text = "que les travaux pour identifier. les sujets communs,"
    assert _stops(text, "fr") == [(text.index("."), "warning")]
    text = "que el trabajo continúa (UIT-D). los Sectores,"
    assert _stops(text, "es") == [(text.index(")") + 1, "warning")]
    # the last letter of a Sector's name is no initial
    text = "que l'UIT-R ou l'UIT\u2011T. et les autres Secteurs,"
    assert _stops(text, "fr") == [(text.index(". et"), "warning")]
    # one a text, at the first
    text = "that the work. the Sectors. and more,"
    assert _stops(text) == [(text.index("."), "warning")]


def test_the_message_names_the_word_after() -> None:
    ctx = context(preamble=[items(["that the work. the Sectors go on,"])])
    (f,) = [f for f in punctuation(ctx) if "full stop before" in f.message]
    assert f.message.startswith("a full stop before 'the', which starts small")


def test_abbreviations_initials_and_ellipses_are_left_alone() -> None:
    for text, language in (
        ("that the events, seminars, etc. and forums grow,", "en"),
        ("that some (e.g. the Sectors) and others (i.e. all) grow,", "en"),
        ("that U.S. dollars and the work (cf. the report) grow,", "en"),
        ("that the address www.itu.int. and others grow,", "en"),
        ("that the work... and more grow,", "en"),
        ("que certains, p. ex. les pays, et l'art. premier,", "fr"),
        ("que las ediciones (núm. tres) y el Sr. presidente,", "es"),
        ("that version 2. the first grows,", "en"),
        ("that the work grows. The Sectors go on,", "en"),
        ("que el plan . . . y el informe,", "es"),
    ):
        assert _stops(text, language) == [], text


def test_what_a_conversion_merged_into_the_text_is_left_to_conversion_artefact() -> None:
    # a heading merged into the text, a footnote merged into it
    assert _stops("that the transition ends. invites Member States to act,") == []
    # (a preambular verb that conversion-artefact does not report merged there
    # is this rule's: see below)
    assert _stops("that the transition ends. considering the work,") == [(24, "warning")]
    assert _stops("that it grows, ____ 5 Source: OECD. innovation in products,") == []


def test_a_stop_another_finding_says_is_not_said_again() -> None:
    ctx = context(preamble=[items(["that the work, . the Sectors and the plan . the rest,"])])
    found = [f.message for f in punctuation(ctx)]
    assert not [m for m in found if "full stop before" in m]
    # (doubled punctuation, a blank before a mark: theirs)
    assert any(m.startswith("doubled punctuation") for m in found)
    assert any(m.startswith("a blank before '.'") for m in found)


def test_a_preambular_verb_after_the_stop_in_running_text_is_told() -> None:
    """ "(UNGA). highlighting the need": a preambular verb in running text,
    which conversion-artefact does not report as a heading merged there, was
    left to it and passed silently; an operative heading merged after a stop
    ("invites Member States to ...") is still conversion-artefact's."""
    text = "that the Assembly (UNGA). highlighting the need, is clear,"
    assert _stops(text) == [(text.index(")") + 1, "warning")]
    assert _stops("that the Assembly acts. invites Member States to act,") == []
