"""Plain text of a Chinese (or Japanese) resolution: lines broken between
wide characters, as those languages break them, never before a closing
mark nor after an opening one, within the line length in display columns."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from itures.render import render
from itures.render.text import _NO_END, _NO_START, _wrap_wide
from tests.conftest import CLEAN
from tests.render.helpers import model

ZH = {
    "language": "zh",
    "title": "批准国际电联2014-2017年的账目",
    "conference": "国际电信联盟全权代表大会（2018年，迪拜），",
    "preamble": [
        {
            "verb": "considering",
            "heading": "考虑到",
            "items": [
                {"label": "a)", "text": "《国际电联组织法》第53款；"},
                {
                    "label": "b)",
                    "text": "国际电联理事会向本届大会提交的关于2014-2017年期间国际电联财务管理的报告"
                    "（PP-18/46号文件），以及本届大会行政和管理委员会的报告（PP-18/100号文件），",
                },
            ],
        }
    ],
    "operative": [
        {
            "verb": "resolves",
            "heading": "做出决议",
            "clauses": [{"label": "1", "text": "最终批准国际电联2014-2017年的账目。"}],
        }
    ],
}


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_a_chinese_resolution_keeps_to_the_width_in_display_columns() -> None:
    res = model({**CLEAN, "history": CLEAN["history"], **ZH})
    for width in (30, 40, 60):
        lines = render(res, "txt", width=width).splitlines()
        assert max(map(_columns, lines)) <= width, width
        # the long item is broken (it was one line of 150 columns), its label hangs
        item = next(i for i, line in enumerate(lines) if line.startswith("b)  "))
        assert lines[item + 1].startswith("    ") and lines[item + 1].strip()
        joined = "".join(line.strip() for line in lines[item:]).replace(" ", "")
        assert joined.startswith("b)" + ZH["preamble"][0]["items"][1]["text"])
    # centred by display width: as many blanks on each side, give or take one
    title = next(line for line in render(res, "txt", width=40).splitlines() if "批准" in line)
    left = len(title) - len(title.lstrip())
    assert abs(left - (40 - _columns(title.strip()) - left)) <= 1


TEXTS = st.lists(
    st.sampled_from(
        [*"国际电联理事会的报告文件", "2014-2017", "PP-18", " ", *"，。；：）」《（「"]
    ),
    min_size=1,
    max_size=60,
).map("".join)


@given(TEXTS, st.integers(min_value=6, max_value=40))
@example("国际电联（理事会）的报告，文件。", 8)
def test_wide_lines_lose_nothing_and_break_where_the_language_allows(text: str, width: int) -> None:
    lines = _wrap_wide(text, width, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    for line in lines:
        assert line == line.strip()
        # wider than the line only where nothing may break
        if _columns(line) > width:
            assert " " not in line
        assert line[0] not in _NO_START or line is lines[0]
    for before, after in itertools.pairwise(lines):
        assert before[-1] not in _NO_END
        assert after[0] not in _NO_START


def test_a_narrow_width_is_kept_but_for_a_word_longer_than_the_line() -> None:
    """--width 12 (a narrow column beside another version): every line keeps
    to it, but a line of one chunk that cannot be broken (a word, 'PP-18/100')."""
    from tests.conftest import resolution

    for res in (model({**CLEAN, "history": CLEAN["history"], **ZH}), model(resolution())):
        for line in render(res, "txt", width=12).splitlines():
            body = line.strip()
            if _columns(line) > 12:
                # one chunk that cannot be broken: no blank, no wide character to break beside
                assert " " not in body and not any(_columns(c) == 2 for c in body[1:-1]), line
