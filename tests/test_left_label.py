"""A label left at the start of an entry's text (the entry has none) is that
entry's label for whoever looks it up: one defect, conversion-artefact's,
not also a citation of the entry that no longer resolves, nor words that name
it. Its help writes the label as YAML must read it: a string."""

from __future__ import annotations

from pathlib import Path

import pytest

from itures.corpus import check_paths
from itures.textscan import left_label
from tests.conftest import resolution, write


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2 to hold one meeting;", "2"),
        ("1.2 to report;", "1.2"),
        ("b) the report;", "b)"),
        ("(c) the report;", "c)"),
        ("iv) the report;", "iv)"),
        ("to hold one meeting;", None),
        ("2014 was the year;", None),
    ],
)
def test_the_label_left_in_a_text_is_read_as_a_label_is_written(
    text: str, label: str | None
) -> None:
    assert left_label(text) == label


def test_a_clause_whose_label_is_left_in_its_text_is_one_finding(tmp_path: Path) -> None:
    data = resolution(language="en", number="191")
    section = data["operative"][0]
    section["clauses"] = [
        {"label": "1", "text": "to act;"},
        {"text": "2 to hold one meeting;"},
        {"label": "3", "text": "to hold the meeting of resolves 2 above."},
    ]
    cited = write(tmp_path / "resolutions" / "pp" / "191" / "en.yaml", data)
    citing_data = resolution(language="en", number="192")
    citing_data["operative"] = [
        {
            "verb": "resolves",
            "heading": "resolves",
            "clauses": [
                {
                    "label": "1",
                    "text": "to apply [resolves 2 of Resolution 191](pp:191#resolves/2).",
                }
            ],
        }
    ]
    citing = write(tmp_path / "resolutions" / "pp" / "192" / "en.yaml", citing_data)
    found = check_paths([cited, citing]).diagnostics
    assert [(d.rule, Path(d.path).parent.name) for d in found] == [
        ("conversion-artefact", "191")
    ], [(d.rule, d.message) for d in found]
    assert found[0].help is not None and "'label: \"2\"'" in found[0].help
