"""Audit of the citations imported from the PP-18 Final Acts (skips without ../shared).

For every citation the import marks, the body its own words name is found
here independently of the importer's grammar, with a plain table of names,
and compared with the body of the citation's target:

* a body phrase in the words after the citation proper ("... of WTSA", "...
  of this conference", "... adopted by the ITU Council");
* when the words have none, the phrase that follows them up to the next
  comma, semicolon or colon (" of the World Conference on International
  Telecommunications", or the coordinated " and of Resolution 54 (...) of
  WTSA" whose body applies to the citation too);
* a body named right before ("UNGA Resolution 70/1", "Council Decision 588"),
  or as the subject that adopted it ("WTSA adopted Resolutions 32, 44 and 54");
* the sector prefix "ITU-R" (the Radiocommunication Assembly).

A second, separate check: the revision's place and year, when they are those
of a conference only one body held, agree with the target's body
("Resolution 17 (Rev. Buenos Aires, 2017)" is WTDC's).

Run with ``-s`` to see the counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from itures.importers import import_file
from itures.model import markup

# names as the PP-18 Final Acts write them -> body; longest first when matching
NAMES = {
    "Plenipotentiary Conference": "pp",
    "this conference": "pp",  # the Final Acts' own body
    "the present conference": "pp",
    "World Telecommunication Development Conference": "wtdc",
    "WTDC": "wtdc",
    "World Telecommunication Standardization Assembly": "wtsa",
    "WTSA": "wtsa",
    "Radiocommunication Assembly": "ra",
    "ITU-R": "ra",
    "World Radiocommunication Conference": "wrc",
    "WRC": "wrc",
    "World Conference on International Telecommunications": "wcit",
    "WCIT": "wcit",
    "ITU Council": "council",
    "Council": "council",
    "United Nations General Assembly": "unga",
    "UN General Assembly": "unga",
    "UNGA": "unga",
    "Economic and Social Council": "ecosoc",
    "ECOSOC": "ecosoc",
    "Human Rights Council": "unhrc",
    "Security Council": "unsc",
}
_NAME = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")"
    r"(?![\w])"
)
# the citation proper in the words: "Resolution(s)", "Decision(s)"
_WORD = re.compile(r"\b[RrDd](?:esolutions?|ecisions?)\b")
# the body phrase after a citation: "of", "adopted by"
_PHRASE = re.compile(r"\s*,?\s+(?:of|adopted\s+by)\s+(?:the\s+)?")
# a body as the subject that adopted the citation, right before it
_SUBJECT = re.compile(
    r"(?P<name>WTSA|WTDC|Council|WRC|Plenipotentiary Conference)(?:-\d\d)?(?:\s*\([A-Z]+\))?"
    r"\s+adopted\s+(?:at\s+its\s+\d{4}\s+session\s+)?$"
)
# conferences of PP-18's citations held by one body: (place, year) -> body
CONFERENCES = {
    ("Kyoto", 1994): "pp",
    ("Minneapolis", 1998): "pp",
    ("Marrakesh", 2002): "pp",
    ("Antalya", 2006): "pp",
    ("Guadalajara", 2010): "pp",
    ("Busan", 2014): "pp",
    ("Dubai", 2018): "pp",
    ("Valletta", 1998): "wtdc",
    ("Doha", 2006): "wtdc",
    ("Hyderabad", 2010): "wtdc",
    ("Dubai", 2014): "wtdc",
    ("Buenos Aires", 2017): "wtdc",
    ("Johannesburg", 2008): "wtsa",
    ("Hammamet", 2016): "wtsa",
}
_REVISION = re.compile(r"\((?:Rev\.\s*)?(?P<place>[A-Z][^()\d,]*?),?\s*(?P<year>\d{4})\)")


def _names(text: str) -> set[str]:
    return {NAMES[m.group()] for m in _NAME.finditer(text)}


def _named_last(text: str) -> set[str]:
    """The body named at the very end of a text ("... United Nations General
    Assembly (UNGA) ", "the annex to Council ")."""
    return {
        NAMES[m.group()]
        for m in _NAME.finditer(text)
        if re.fullmatch(r"(?:\s*\([A-Z]{2,8}\))?\s*", text[m.end() :])
    }


def named_body(words: str, before: str, after: str) -> set[str]:
    """The bodies the words of a citation name (see the module docstring)."""
    if re.search(r"\bthis\s+(?:resolution|decision)\b", words):
        return {"pp"}  # the document itself, of the Final Acts' body
    found = _WORD.search(words)
    if found is None:
        return set()  # a part of the document itself: "resolves 2 above"
    head, cite = words[: found.start()], words[found.start() :]
    named: set[str] = set()
    if cite.split()[1:2] == ["ITU-R"]:
        named.add("ra")
    # what follows the numbers and the revision
    last = max([cite.rfind(")"), *(m.end() - 1 for m in re.finditer(r"\d", cite))])
    rest = cite[last + 1 :]
    phrase = _PHRASE.match(rest)
    if phrase is not None and rest[phrase.end() :]:
        named |= _names(rest[phrase.end() :])
    else:
        unbracketed = re.sub(r"\([^()]*\)", "()", after)
        following = re.split(r"[,;:]", unbracketed, maxsplit=1)[0]
        if re.match(r"\s+(?:of|adopted\s+by|and\s+of)\s", following):
            named |= _names(following)
    named |= _named_last(head) if head.strip() else _named_last(before[-60:])
    subject = _SUBJECT.search(before)
    if subject is not None:
        named |= _names(subject.group("name"))
    return named


@dataclass
class Audit:
    citations: int = 0
    explicit: int = 0
    agreeing: int = 0
    disagreeing: list[str] = field(default_factory=list)
    by_revision: int = 0
    revision_agreeing: int = 0
    revision_disagreeing: list[str] = field(default_factory=list)


def audit(imported: list[Any]) -> Audit:
    result = Audit()
    for imp in imported:
        res = imp.resolution
        for _, text in res.texts():
            spans, _ = markup.parse(text)
            plain = markup.plain(text)
            offset = 0
            for s in spans:
                if isinstance(s, markup.FootnoteRef):
                    continue
                start, offset = offset, offset + len(s.text)
                if not isinstance(s, markup.Citation):
                    continue
                result.citations += 1
                before, after = plain[max(0, start - 80) : start], plain[offset : offset + 150]
                where = f"{res.body}:{res.number}: [{s.text}]({s.target}){after[:50]}"
                named = named_body(s.text, before, after)
                if len(named) == 1:
                    result.explicit += 1
                    if named == {s.body}:
                        result.agreeing += 1
                    else:
                        result.disagreeing.append(f"{where}  names {named.pop()}")
                elif len(named) > 1:
                    result.disagreeing.append(f"{where}  names several: {sorted(named)}")
                if len(s.resolutions) == 1 and "ITU-R" not in s.text:
                    rev = _REVISION.search(s.text)
                    conf = (
                        CONFERENCES.get((rev.group("place"), int(rev.group("year"))))
                        if rev
                        else None
                    )
                    if conf is not None:
                        result.by_revision += 1
                        if conf == s.body:
                            result.revision_agreeing += 1
                        else:
                            result.revision_disagreeing.append(f"{where}  revision of {conf}")
    return result


@pytest.fixture(scope="module")
def pp18_audit(pp18: Path) -> Audit:
    result = import_file(str(pp18))
    assert result.failures == []
    return audit(result.imported)


def test_named_bodies_agree_with_the_targets(pp18_audit: Audit) -> None:
    a = pp18_audit
    print(
        f"\nPP-18 citations: {a.citations}; naming their body: {a.explicit}, agreeing: "
        f"{a.agreeing}; revision of a one-body conference: {a.by_revision}, agreeing: "
        f"{a.revision_agreeing}"
    )
    assert a.disagreeing == []
    # the audit looked at something: most PP-18 citations name their body
    assert a.explicit > a.citations // 2


def test_revisions_agree_with_the_targets(pp18_audit: Audit) -> None:
    assert pp18_audit.revision_disagreeing == []
    assert pp18_audit.by_revision > 0


@pytest.mark.parametrize(
    ("words", "before", "after", "expected"),
    [
        ("Resolution 123 (Rev. Dubai, 2018) of this conference", "", ", on", {"pp"}),
        ("Resolution 47 (Rev. Buenos Aires, 2017) of WTDC", "", ", on", {"wtdc"}),
        (
            "Resolution 1 (Dubai, 2012)",
            "",
            " of the World Conference on International Telecommunications, on",
            {"wcit"},
        ),
        (
            "the annex to Resolution 44 (Rev. Hammamet, 2016)",
            "",
            " and of Resolution 54 (Rev. Hammamet, 2016) of WTSA, ITU",
            {"wtsa"},
        ),
        (
            "Resolutions 32, 44 and 54 (Rev. Hammamet, 2016)",
            "that WTSA adopted ",
            ", all",
            {"wtsa"},
        ),
        ("Resolution 70/1", "United Nations General Assembly (UNGA) ", ", on", {"unga"}),
        ("the annex to Council Resolution 1305", "as stated in ", ", which", {"council"}),
        ("Resolution 1143 adopted by the ITU Council", "of ", " at its", {"council"}),
        (
            "Resolution ITU-R 6-2 (Rev. Geneva, 2015) of the Radiocommunication Assembly",
            "",
            "",
            {"ra"},
        ),
        ("Resolution 71 (Rev. Dubai, 2018)", "in ", ", and", set()),
        ("resolves 2 above", "in ", ";", set()),
    ],
)
def test_named_body(words: str, before: str, after: str, expected: set[str]) -> None:
    """The audit's own reading of the words (it must find what it checks)."""
    assert named_body(words, before, after) == expected
