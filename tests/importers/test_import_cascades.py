"""Four slips of a Word export that gave a cascade of findings: each is read
as the resolution it was meant to be and reported once.

1. a footnote made plain text (its reference a digit glued to a word, its
   text a paragraph "1<TAB>…");
2. a section heading of another language of the vocabulary;
3. ITU's heading style on a paragraph that names no verb;
4. two years run together in a citation's revision (a tracked change)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itures.importers import docx, wordtext
from itures.importers.build import Imported
from tests.conftest import run_cli
from tests.importers.docxbuild import build_docx

HEAD = """RESOLUTION 7 (REV. DUBAI, 2018)
A test of slips
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
"""
RECALLING = (
    "recalling\n"
    "a)\tthe role of the regional organizations;\n"
    "b)\tthe preparations in developing countries1,\n"
)
FOOTNOTE = "1\tThese include the least developed countries."
REST = """considering
a)\tthat the work goes on;
b)\tthat it goes well,
resolves
1\tto do something;
2\tto report annually to the Council.
"""


def _report(tmp_path: Path, source: Path) -> list[dict[str, Any]]:
    """What ``itures import`` reports (the notes and check's findings)."""
    done = run_cli(
        "import", str(source), "-o", str(tmp_path / "out"), "--format", "json",
        env={"ITURES_DAEMON": "off"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)["diagnostics"]
    return found


def _text(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _import(text: str, language: str = "en") -> Imported:
    return wordtext.parse_text(text, source="t.txt", language=language)


# -- 1. a footnote made plain text ------------------------------------------------


def test_a_plain_footnote_after_its_paragraph_is_a_footnote(tmp_path: Path) -> None:
    source = _text(tmp_path, HEAD + RECALLING + FOOTNOTE + "\n" + REST)
    res = _import(source.read_text()).resolution
    assert [i.label for i in res.preamble[0].items] == ["a)", "b)"]
    assert res.preamble[0].items[1].items == []
    assert res.preamble[0].items[1].text.endswith("developing countries[^1],")
    assert [(f.id, f.text) for f in res.footnotes] == [
        ("1", "These include the least developed countries.")
    ]
    found = _report(tmp_path, source)
    assert [d["rule"] for d in found] == ["conversion-artefact"]
    assert "glued to 'countries1'" in found[0]["message"]


def test_the_bracket_of_words_footnote_form_is_left_with_its_opening(tmp_path: Path) -> None:
    # "[1: 1<TAB>…]" with its opening lost: the "]" closes nothing
    source = _text(tmp_path, HEAD + RECALLING + FOOTNOTE + "] \n" + REST)
    res = _import(source.read_text()).resolution
    assert res.footnotes[0].text == "These include the least developed countries."
    found = _report(tmp_path, source)
    assert [d["rule"] for d in found] == ["conversion-artefact"]
    assert "the ']' that ended its text" in found[0]["message"]


def test_a_plain_footnote_after_the_closing_rule_is_a_footnote(tmp_path: Path) -> None:
    text = HEAD + RECALLING + REST + "______________\n" + FOOTNOTE + "\n"
    res = _import(text).resolution
    assert [c.label for c in res.operative[0].clauses] == ["1", "2"]
    assert res.preamble[0].items[1].text.endswith("countries[^1],")
    assert [f.id for f in res.footnotes] == ["1"]


def test_a_plain_footnote_in_a_docx_is_a_footnote(tmp_path: Path) -> None:
    paragraphs = [p for p in (HEAD + RECALLING + FOOTNOTE + "\n" + REST).split("\n") if p]
    path = build_docx(tmp_path / "in.docx", list(paragraphs), {})
    res = docx.read(str(path)).resolution
    assert [f.id for f in res.footnotes] == ["1"]
    assert [d["rule"] for d in _report(tmp_path, path)] == ["conversion-artefact"]


def test_a_paragraph_that_goes_on_with_its_list_is_kept_and_the_mark_noted() -> None:
    # "1" then "2": a list of clauses as well as a footnote's text
    text = (
        HEAD
        + REST
        + "instructs the Secretary-General\n1\tto help countries1;\n"
        + ("1\tto act by 2020;\n2\tto report on it.\n")
    )
    imported = _import(text)
    res = imported.resolution
    assert [c.label for c in res.operative[1].clauses] == ["1", "1", "2"]
    assert res.footnotes == []
    said = [n for n in imported.notes if "countries1" in n.message]
    assert len(said) == 1
    assert "write 'countries[^1]' for 'countries1'" in said[0].message


def test_a_digit_glued_to_nothing_is_no_footnote() -> None:
    text = HEAD + "recalling\na)\tResolution 1 of this conference,\n" + FOOTNOTE + "\n" + REST
    res = _import(text).resolution
    assert res.footnotes == []
    assert res.preamble[0].items[0].items[0].label == "1"


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=_WORD, body=st.lists(_WORD, min_size=1, max_size=8), end=st.sampled_from(",;"))
def test_no_word_of_a_plain_footnote_is_lost(word: str, body: list[str], end: str) -> None:
    note = " ".join(body).capitalize() + "."
    text = (
        HEAD
        + f"recalling\na)\tthe role of {word}1{end}\n1\t{note}\n"
        + "b)\tthe rest;\nc)\tthe end,\n"
        + REST
    )
    res = _import(text).resolution
    assert res.preamble[0].items[0].text == f"the role of {word}[^1]{end}"
    assert [(f.id, f.text) for f in res.footnotes] == [("1", note)]
    assert [i.label for i in res.preamble[0].items] == ["a)", "b)", "c)"]


# -- 2. a heading of another language ------------------------------------------------


def test_a_french_heading_in_a_spanish_text_is_its_section(tmp_path: Path) -> None:
    text = """RESOLUCIÓN 7 (REV. DUBÁI, 2018)
Una prueba
La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Dubái, 2018),
recordando
a)\tla función de las organizaciones regionales;
b)\tla preparación de las conferencias,
considérant
a)\tque la cooperación fortalece los trabajos de la Unión;
b)\tque las preparaciones han contribuido al éxito,
resuelve
1\tseguir fortaleciendo las relaciones;
2\tinformar anualmente al Consejo.
"""
    source = _text(tmp_path, text)
    res = _import(text, "es").resolution
    assert [(s.verb, s.heading) for s in res.preamble] == [
        ("recalling", "recordando"),
        ("considering", "considérant"),
    ]
    assert [i.label for i in res.preamble[0].items] == ["a)", "b)"]
    found = _report(tmp_path, source)
    assert [d["rule"] for d in found] == ["heading-mismatch"]


def test_a_french_operative_heading_in_an_english_text_is_its_section(tmp_path: Path) -> None:
    text = HEAD + REST.replace("resolves\n", "charge le Secrétaire général\n")
    res = _import(text).resolution
    assert [(s.verb, s.actors) for s in res.operative] == [("instructs", ["secretary-general"])]
    found = _report(tmp_path, _text(tmp_path, text))
    assert [d["rule"] for d in found] == ["heading-mismatch"]


# -- 3. the heading style on a paragraph that names no verb ---------------------------

STYLED: list[str | tuple[str, str]] = [
    ("ResNo", "RESOLUTION 7 (REV. DUBAI, 2018)"),
    ("Restitle", "A test of styles"),
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
    ("Call", "considering"),
    "a)\tthat the work goes on;",
    "b)\tthat it goes well,",
    ("Call", "resolves"),
    "1\tto do something;",
    "2\tto report annually to the Council.",
]


def test_a_call_paragraph_without_a_verb_is_no_section(tmp_path: Path) -> None:
    paragraphs = [*STYLED[:5], ("Call", "in the light of the above"), *STYLED[5:]]
    path = build_docx(tmp_path / "in.docx", paragraphs, {})
    res = docx.read(str(path)).resolution
    assert [s.verb for s in res.preamble] == ["considering"]
    assert [s.verb for s in res.operative] == ["resolves"]
    items = res.preamble[0].items
    assert [(i.label, i.text) for i in items][1] == (None, "in the light of the above")
    found = _report(tmp_path, path)
    assert [d["rule"] for d in found] == ["conversion-artefact"]
    assert "names no verb of the vocabulary" in found[0]["message"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(
        st.sampled_from(["in", "the", "light", "above", "of", "all", "this"]),
        min_size=1,
        max_size=6,
    ),
    at=st.sampled_from([5, 6, 8, 9]),
)
def test_no_word_of_a_call_paragraph_is_lost(
    tmp_path_factory: Any, words: list[str], at: int
) -> None:
    called = " ".join(words)
    paragraphs = [*STYLED[:at], ("Call", called), *STYLED[at:]]
    path = build_docx(tmp_path_factory.mktemp("d") / "in.docx", paragraphs, {})
    res = docx.read(str(path)).resolution
    assert [s.verb for s in res.preamble] == ["considering"]
    assert [s.verb for s in res.operative] == ["resolves"]
    texts = [t for _, t in res.texts()]
    assert called in texts


# -- 4. two years run together -----------------------------------------------------


def test_two_years_of_a_revision_keep_the_later(tmp_path: Path) -> None:
    text = HEAD + REST.replace(
        "that the work goes on;",
        "that Resolution 150 (Rev. Busan, 20102014) of the Plenipotentiary Conference applies;",
    )
    source = _text(tmp_path, text)
    item = _import(text).resolution.preamble[0].items[0]
    assert item.text == (
        "that [Resolution 150 (Rev. Busan, 2014) of the Plenipotentiary Conference]"
        "(pp:150@2014) applies;"
    )
    found = _report(tmp_path, source)
    assert [d["rule"] for d in found] == ["conversion-artefact"]
    assert "the year '2010' struck and '2014' inserted" in found[0]["message"]


def test_the_import_report_of_the_final_acts_is_the_same_in_every_language(
    pp18: Path, tmp_path: Path
) -> None:
    """The report of `itures import` is checked in the language of the
    messages, and says the same: the same findings at the same places, the
    text that follows the documents taking the notes after it in French
    too (its message told by how the language starts it)."""
    import json

    from tests.conftest import run_cli

    reports = {}
    for lang in ("en", "fr", "es"):
        out = tmp_path / lang / "resolutions"
        proc = run_cli(
            "import",
            "--lang",
            lang,
            "--format",
            "json",
            "-o",
            str(out),
            str(pp18),
            env={"ITURES_DAEMON": "off"},
        )
        data = json.loads(proc.stdout)
        reports[lang] = [
            (d["rule"], d["severity"], d["line"], d["column"]) for d in data["diagnostics"]
        ]
        messages = [d["message"] for d in data["diagnostics"]]
        if lang == "fr":
            assert any("texte qui suit le document" in m for m in messages), messages[:5]
    assert reports["fr"] == reports["en"] == reports["es"]
