"""Word's automatic numbering (``w:numPr`` and the numbering part): the number
Word shows before a paragraph is not in its text, yet it is the clause's
label. The import reads it as Word counts it, and writes it as ITU's label."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from itures.importers import docx
from itures.importers.build import Imported
from tests.importers.docxbuild import W, build_docx

HEAD = [
    "RESOLUTION 7 (REV. DUBAI, 2018)",
    "A test of Word's numbering",
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
]


# the operative part of a document whose three clauses are list 1's, level 0
RESOLVES: list[tuple[str, tuple[int, int] | None]] = [
    ("resolves", None),
    ("to do something;", (1, 0)),
    ("to do something else;", (1, 0)),
    ("to report on it.", (1, 0)),
]


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _numbering(abstracts: dict[int, str], lists: dict[int, str]) -> bytes:
    """A numbering part: abstract list id -> its levels' XML; list id -> the
    XML inside its ``w:num`` (``w:abstractNumId`` and any override)."""
    body = "".join(
        f'<w:abstractNum w:abstractNumId="{a}">{levels}</w:abstractNum>'
        for a, levels in abstracts.items()
    ) + "".join(f'<w:num w:numId="{n}">{inner}</w:num>' for n, inner in lists.items())
    return f'<w:numbering xmlns:w="{W}">{body}</w:numbering>'.encode()


def _of(abstract: int, restart: int | None = None) -> str:
    over = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart is not None
        else ""
    )
    return f'<w:abstractNumId w:val="{abstract}"/>{over}'


def _imported(
    tmp_path: Path,
    paragraphs: list[tuple[str, tuple[int, int] | None]],
    numbering: bytes,
    style_xml: str | None = None,
    styled: dict[str, str] | None = None,
) -> Imported:
    """A .docx of HEAD and ``paragraphs`` (each its text and the list and
    level it is numbered in, if any), with ``numbering`` as its numbering part;
    ``style_xml`` added to its styles, ``styled`` (text -> style id) applied."""
    path = build_docx(tmp_path / "doc.docx", [*HEAD, *(t for t, _ in paragraphs)], {})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    numbered = {t.replace("\t", ""): at for t, at in paragraphs}
    for p in root.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            p.insert(0, ppr)
        if styled and text in styled:
            etree.SubElement(ppr, qn("w:pStyle"), {qn("w:val"): styled[text]})
        at = numbered.get(text)
        if at is not None:
            num_pr = etree.SubElement(ppr, qn("w:numPr"))
            etree.SubElement(num_pr, qn("w:ilvl"), {qn("w:val"): str(at[1])})
            etree.SubElement(num_pr, qn("w:numId"), {qn("w:val"): str(at[0])})
    parts["word/document.xml"] = etree.tostring(root)
    parts["word/numbering.xml"] = numbering
    if style_xml is not None:
        styles = etree.fromstring(parts["word/styles.xml"])
        styles.append(etree.fromstring(style_xml))
        parts["word/styles.xml"] = etree.tostring(styles)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return docx.read(str(path))


def _labels(imported: Imported) -> list[list[str | None]]:
    r = imported.resolution
    return [[i.label for i in s.items] for s in r.preamble] + [
        [c.label for c in s.clauses] for s in r.operative
    ]


def test_clauses_numbered_by_word_get_their_numbers(tmp_path: Path) -> None:
    imported = _imported(
        tmp_path,
        RESOLVES,
        _numbering({0: _level(0, "decimal", "%1.")}, {1: _of(0)}),
    )
    clauses = imported.resolution.operative[0].clauses
    assert [(c.label, c.text) for c in clauses] == [
        ("1", "to do something;"),
        ("2", "to do something else;"),
        ("3", "to report on it."),
    ]


def test_a_list_goes_on_counting_unless_restarted(tmp_path: Path) -> None:
    paragraphs: list[tuple[str, tuple[int, int] | None]] = [
        ("considering", None),
        ("that one;", (1, 0)),
        ("that two,", (1, 0)),
        ("noting", None),
        ("that three;", (2, 0)),
        ("that four,", (2, 0)),
        ("resolves", None),
        ("to act.", None),
    ]
    letters = {0: _level(0, "lowerLetter", "%1)")}
    # a second list of the same abstract list goes on: Word shows c) and d)
    going_on = _imported(tmp_path, paragraphs, _numbering(letters, {1: _of(0), 2: _of(0)}))
    assert _labels(going_on)[:2] == [["a)", "b)"], ["c)", "d)"]]
    restarted = _imported(
        tmp_path, paragraphs, _numbering(letters, {1: _of(0), 2: _of(0, restart=1)})
    )
    assert _labels(restarted)[:2] == [["a)", "b)"], ["a)", "b)"]]


def test_levels_count_under_their_parent(tmp_path: Path) -> None:
    levels = _level(0, "decimal", "%1") + _level(1, "decimal", "%1.%2")
    imported = _imported(
        tmp_path,
        [
            ("resolves", None),
            ("to do this:", (1, 0)),
            ("first part;", (1, 1)),
            ("second part;", (1, 1)),
            ("to do that:", (1, 0)),
            ("its only part.", (1, 1)),
        ],
        _numbering({0: levels}, {1: _of(0)}),
    )
    clauses = imported.resolution.operative[0].clauses
    assert [c.label for c in clauses] == ["1", "2"]
    assert [c.label for c in clauses[0].clauses] == ["1.1", "1.2"]
    assert [c.label for c in clauses[1].clauses] == ["2.1"]


def test_a_style_numbered_in_the_styles_part_numbers_its_paragraphs(tmp_path: Path) -> None:
    style = (
        f'<w:style xmlns:w="{W}" w:type="paragraph" w:styleId="ItemLetter">'
        '<w:name w:val="Item letter"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr>'
        "</w:style>"
    )
    imported = _imported(
        tmp_path,
        [
            ("considering", None),
            ("that one;", None),
            ("that two;", None),
            ("that three,", None),
            ("resolves", None),
            ("to act.", None),
        ],
        # upper-case letters in parentheses, as Word may show them: ITU writes "a)"
        _numbering({0: _level(0, "upperLetter", "(%1)")}, {3: _of(0)}),
        style_xml=style,
        styled={"that one;": "ItemLetter", "that two;": "ItemLetter", "that three,": "ItemLetter"},
    )
    assert _labels(imported)[0] == ["a)", "b)", "c)"]


def test_roman_numbers_and_a_start_other_than_one(tmp_path: Path) -> None:
    imported = _imported(
        tmp_path,
        [
            ("considering", None),
            ("that one;", (1, 0)),
            ("that two;", (1, 0)),
            ("that three,", (1, 0)),
            ("resolves", None),
            ("to act.", None),
        ],
        _numbering({0: _level(0, "lowerRoman", "%1)", start=2)}, {1: _of(0)}),
    )
    assert _labels(imported)[0] == ["ii)", "iii)", "iv)"]


def test_a_bullet_and_a_list_taken_off_give_no_label(tmp_path: Path) -> None:
    imported = _imported(
        tmp_path,
        [
            ("resolves", None),
            ("to do something;", (1, 0)),
            ("to do something else;", (0, 0)),  # numId 0: numbering taken off
            ("to report on it.", (2, 0)),
        ],
        _numbering(
            {0: _level(0, "decimal", "%1"), 1: _level(0, "bullet", "\u2022")},
            {1: _of(0), 2: _of(1)},
        ),
    )
    assert _labels(imported)[0] == ["1", None, None]


def test_a_typed_label_is_kept_and_a_different_number_said(tmp_path: Path) -> None:
    imported = _imported(
        tmp_path,
        [
            ("resolves", None),
            ("1\tto do something;", (1, 0)),
            ("3\tto do something else;", (1, 0)),
            ("to report on it.", (1, 0)),
        ],
        _numbering({0: _level(0, "decimal", "%1")}, {1: _of(0)}),
    )
    assert _labels(imported)[0] == ["1", "3", "3"]
    said = [(n.message, n.covers) for n in imported.notes if "automatic number" in n.message]
    assert said == [
        (
            "the label '1' is typed in the paragraph and is also Word's automatic number "
            "(Word shows it twice); kept once: delete one of them in the document",
            (),
        ),
        (
            "Word's automatic number '2' not kept: the paragraph types its own label '3' "
            "(Word shows both); keep one of them in the document",
            # (the gap after 1 that the typed 3 makes is this slip's: one finding)
            ("numbering-gap", "numbering-duplicate"),
        ),
    ]


def test_a_huge_start_is_written_in_figures_not_in_millions_of_letters(tmp_path: Path) -> None:
    imported = _imported(
        tmp_path,
        [("resolves", None), ("to do something;", (1, 0)), ("to report on it.", (1, 0))],
        _numbering({0: _level(0, "lowerLetter", "%1", start=2_000_000_000)}, {1: _of(0)}),
    )
    assert _labels(imported)[0] == ["2000000000", "2000000001"]


def test_a_list_numbered_through_a_numbering_style_gets_its_numbers(tmp_path: Path) -> None:
    # Word's list styles: the paragraphs' abstract list only links to the
    # numbering style, which names the list that holds the levels
    style = (
        f'<w:style xmlns:w="{W}" w:type="numbering" w:styleId="ResolvesList">'
        '<w:name w:val="Resolves list"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>'
        "</w:style>"
    )
    numbering = _numbering(
        {
            0: '<w:styleLink w:val="ResolvesList"/>' + _level(0, "decimal", "%1"),
            1: '<w:numStyleLink w:val="ResolvesList"/>',
        },
        {1: _of(1), 2: _of(0)},
    )
    imported = _imported(
        tmp_path,
        RESOLVES,
        numbering,
        style_xml=style,
    )
    assert _labels(imported)[0] == ["1", "2", "3"]


def test_a_level_a_list_redefines_numbers_its_paragraphs_on_their_own(tmp_path: Path) -> None:
    lettered = '<w:lvlOverride w:ilvl="0">' + _level(0, "lowerLetter", "%1)") + "</w:lvlOverride>"
    imported = _imported(
        tmp_path,
        [
            ("considering", None),
            ("that one;", (2, 0)),
            ("that two,", (2, 0)),
            ("resolves", None),
            ("to do something;", (1, 0)),
            ("to report on it.", (1, 0)),
        ],
        _numbering({0: _level(0, "decimal", "%1.")}, {1: _of(0), 2: _of(0) + lettered}),
    )
    # the lettered list counts on its own: the clauses still start at 1
    assert _labels(imported) == [["a)", "b)"], ["1", "2"]]


def test_a_paragraph_deleted_whole_has_no_number(tmp_path: Path) -> None:
    path = build_docx(
        tmp_path / "d.docx",
        [*HEAD, "resolves", "to do something;", "to do something else;", "to report on it."],
        {},
    )
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for p in root.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if not text.startswith("to "):
            continue
        ppr = etree.Element(qn("w:pPr"))
        num_pr = etree.SubElement(ppr, qn("w:numPr"))
        etree.SubElement(num_pr, qn("w:numId"), {qn("w:val"): "1"})
        p.insert(0, ppr)
        if text == "to do something else;":  # deleted with its paragraph mark, tracked
            etree.SubElement(etree.SubElement(ppr, qn("w:rPr")), qn("w:del"))
            for r in p.findall(qn("w:r")):
                gone = etree.SubElement(p, qn("w:del"))
                gone.append(r)
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")
    parts["word/document.xml"] = etree.tostring(root)
    parts["word/numbering.xml"] = _numbering({0: _level(0, "decimal", "%1")}, {1: _of(0)})
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    imported = docx.read(str(path))
    assert [(c.label, c.text) for c in imported.resolution.operative[0].clauses] == [
        ("1", "to do something;"),
        ("2", "to report on it."),  # as Word shows the document revised
    ]
    [said] = [n for n in imported.notes if "deleted paragraph" in n.message]
    assert said.path == ("operative", 0, "clauses", 0, "text")
