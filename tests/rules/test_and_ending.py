"""punctuation: the last but one entry of a list may end "; and" (or "; or",
"; et", "; y"), as ITU writes it; a "; and" elsewhere, or a conjunction with no
';' before it, is still a missing mark."""

from __future__ import annotations

from itures.rules.punctuation import punctuation
from tests.rules.build import clauses, context


def _ends(language: str, texts: list[str]) -> list[int]:
    """The indices of the clauses the rule says end with a wrong mark."""
    found = punctuation(context(language, operative=[clauses(texts, language=language)]))
    return [int(f.path[3]) for f in found if f.path[:3] == ("operative", 0, "clauses")]


def test_the_last_but_one_entry_may_end_with_and_after_its_semicolon() -> None:
    assert _ends("en", ["to act;", "to review the plan; and", "to report."]) == []
    assert _ends("en", ["to act;", "to review the plan; or", "to report."]) == []
    assert _ends("fr", ["d'agir;", "d'examiner le plan; et", "de faire rapport."]) == []
    assert _ends("es", ["actuar;", "examinar el plan; y", "informar."]) == []


def test_elsewhere_or_without_its_semicolon_it_is_a_missing_mark() -> None:
    assert _ends("en", ["to act; and", "to review the plan;", "to report."]) == [0]
    assert _ends("en", ["to act;", "to review the plan and", "to report."]) == [1]
    assert _ends("en", ["to act;", "to review the plan; and"]) == [1]  # (the last)
