"""deadline-mismatch: a clause whose words set a deadline, with no
'deadlines', in a file whose other clauses list theirs (the data deleted
with a mend, a clause written by hand): a warning at the words, with the
data to write; deadlines stay optional in a file that lists none."""

from __future__ import annotations

from typing import Any

from itures.rules.actors import deadline_mismatch
from tests.rules.build import clauses, context

_LISTED = {
    "label": "1",
    "text": "to report annually to the Council on the implementation of this resolution;",
    "deadlines": [{"every": "year", "report_to": "council", "text": "annually to the Council"}],
}


def _found(*entries: dict[str, Any], language: str = "en") -> list[Any]:
    section = clauses(["x"], verb="instructs", heading="instructs the Secretary-General")
    section["clauses"] = list(entries)
    return list(deadline_mismatch(context(language, operative=[section])))


def test_a_clause_whose_deadline_data_was_deleted_is_told_it() -> None:
    text = "to report to the next plenipotentiary conference on the work done."
    (found,) = _found(_LISTED, {"label": "2", "text": text})
    words = "to the next plenipotentiary conference"
    assert found.path == ("operative", 0, "clauses", 1, "text")
    assert found.severity == "warning"
    assert (found.offset, found.length) == (text.index(words), len(words))
    assert found.message == (
        f"the clause's words '{words}' set a deadline (event: next-pp, report_to: pp), and it lists no "
        "'deadlines', where the file's other clauses list theirs"
    )
    assert found.help == (
        f"write under the clause 'deadlines:' with event: next-pp, report_to: pp and 'text: {words}'"
    )


def test_in_french_too() -> None:
    listed = {
        "label": "1",
        "text": "de faire rapport chaque année au Conseil;",
        "deadlines": [{"every": "year", "report_to": "council", "text": "chaque année au Conseil"}],
    }
    found = _found(
        listed,
        {"label": "2", "text": "de faire rapport au Conseil d'ici à 2025."},
        language="fr",
    )
    assert [f.message.split(" set ")[0] for f in found] == [
        "the clause's words \"au Conseil d'ici à 2025\""
    ]


def test_a_file_that_lists_no_deadlines_and_clauses_that_set_none_are_left_alone() -> None:
    unlisted = {"label": "1", "text": "to report annually to the Council;"}
    assert _found(unlisted, {"label": "2", "text": "to act."}) == []
    # a clause of a file that lists deadlines, whose words set none
    assert _found(_LISTED, {"label": "2", "text": "to coordinate the work of the Sectors."}) == []


def test_a_frequency_alone_is_not_taken_for_a_deadline() -> None:
    # "annually", no one reported to: how often the work is done, perhaps
    assert _found(_LISTED, {"label": "2", "text": "to hold annually a workshop."}) == []
