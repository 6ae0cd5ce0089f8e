"""conversion-artefact: a list with dashes for bullets run into a text, as a
list with bullets is; not a dash of prose."""

from __future__ import annotations

from itures.rules.artefacts import conversion_artefact
from tests.rules.build import clauses, context


def _found(texts: list[str]) -> list[tuple[int, str, int]]:
    """(clause index, message, offset) of each finding on clauses of these texts."""
    return [
        (int(f.path[3]), f.message, f.offset)
        for f in conversion_artefact(context(operative=[clauses(texts)]))
        if f.path[0] == "operative"
    ]


def test_a_list_of_dashes_after_a_colon_is_one_finding() -> None:
    text = (
        "to report annually, including: - all business activities; - the reasons for "
        "the selection of venues; and - financial results;"
    )
    found = _found([text])
    assert len(found) == 1
    _, message, offset = found[0]
    assert "a bulleted list of 3 points" in message and "'-' before each" in message
    assert offset == text.index("- all")


def test_en_dashes_and_minus_signs_and_a_point_as_sentences() -> None:
    text = "the criteria are: \u2013 Values: they drive priorities. \u2013 Results: monitored."
    assert [m for _, m, _ in _found([text])] == [
        "a bulleted list of 2 points run into the text of this clause by the conversion: "
        "'–' before each"
    ]
    assert len(_found(["to study: \u2212 the costs; \u2212 the rights;"])) == 1


def test_a_dash_at_the_start_of_a_text_is_a_point_of_a_list() -> None:
    found = _found(["to consider:", "- the write-off of interest on overdue payments;"])
    assert [(i, o) for i, _, o in found] == [(1, 0)]


def test_dashes_of_prose_are_not_bullets() -> None:
    assert (
        _found(
            [
                "to plan for the period 2020 - 2023 with ITU - D and the Council;",
                "to act \u2013 as far as possible \u2013 within the budget;",
                "to report. - Not a list: a dash after a full stop alone;",
                "to note a decrease of -5 per cent; -3 per cent in 2019;",
            ]
        )
        == []
    )


def test_an_entry_of_the_file_indented_into_a_text_is_not_a_list() -> None:
    # (text-break's defect: the YAML of the next clause read as words)
    assert _found(["to act; - label: '2' text: to report;"]) == []


# -- the scan of the characters before a dash, against its definition as a pattern ------

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from itures.rules import artefacts as ar  # noqa: E402

# what comes before a bullet's dash (searched at the end of the 12 characters
# before it): blanks after ':' or ';' (and a conjunction) or a full stop, or
# blanks alone at the text's start
_BEFORE_DASH = re.compile(
    r"(?:(?P<mark>[:;](?:[ \u00a0]+(?:and|or|et|ou|y|o))?)|(?P<stop>\.))?[ \u00a0]*$"
)


def _by_the_pattern(text: str) -> list[tuple[int, str]]:
    found = []
    sure = False
    for m in ar._DASH_BULLET.finditer(text):
        at = m.start()
        before = _BEFORE_DASH.search(text, max(0, at - 12), at)
        if before is None or ar._YAML_KEY.match(text, text.find(" ", at) + 1):
            continue
        if before.group("mark") is not None or (
            before.group("stop") is None and not text[: before.start()].strip()
        ):
            sure = True
        elif before.group("stop") is None:
            continue
        found.append((at, m.group()))
    return found if sure else []


_PIECES = st.sampled_from(
    [
        "- ",
        "-",
        "\u2013 ",
        ": ",
        ";",
        ". ",
        "and",
        "band",
        "or",
        "et",
        "y",
        "o",
        " ",
        "  ",
        "\u00a0",
        "word",
        "ITU",
        "2020",
        "4 -",
        "label: ",
        "(",
        '"',
        "x",
        "\n",
        "3",
    ]
)


@given(st.lists(_PIECES, max_size=24).map("".join))
def test_the_dashes_read_as_bullets_are_those_of_the_pattern(text: str) -> None:
    assert ar._dash_bullets(text) == _by_the_pattern(text)


def test_the_pattern_and_the_scan_agree_on_the_cases_of_each_branch() -> None:
    for text in [
        "as follows: - one; - two",
        "as follows; and - one; or - two",
        "comme suit : et - un ; ou - deux",
        "como sigue: y - uno; o - dos",
        "as follows;            - one",
        "- one. - two",
        "   - one",
        "the years 2020 - 2023 and ITU - D",
        "one. - two",
        "to act; - label: '2' text: more",
        "as follows: band - one",
    ]:
        assert ar._dash_bullets(text) == _by_the_pattern(text), text
