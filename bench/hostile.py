"""Benchmark: hostile contents in each field, timed at two sizes, for growth.

A corpus takes pull requests from many hands: a field may hold anything a
paste can put there. This fills one field of a small resolution (or one list
of it: clauses, items, footnotes, sections) with a short pattern repeated
(punctuation, markup, citations, dates, invisible characters, scripts...),
at ``--small`` and ``--large`` characters (or entries), runs one command on
each in this process, and prints the patterns whose time grows faster than
the input: the ratio of the times above 1.8 times the ratio of the sizes
(quadratic work: about the square of it) with the larger run over 0.2 s, or
any run over 2 s. A run that raises, or lasts over 30 s, is printed too.

    python bench/hostile.py                                  # check, every field
    python bench/hostile.py --command fix --field footnote   # check --fix on footnotes
    python bench/hostile.py --field many-clauses --small 150 --large 600
    python bench/hostile.py --command render-html -v         # every row
    python bench/hostile.py --new --language fr              # the newest checks' patterns, in French

Each row: the field, the pattern, the time at each size, their ratio. The
inputs are built from fixed patterns (the same command gives the same
inputs), in a temporary directory removed at the end. The paths it found
quadratic, once fixed, have a test in ``tests/test_linear.py`` or
``tests/test_hostile.py``.
"""

from __future__ import annotations

import argparse
import copy
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from growth import _cli, resolution  # noqa: E402

from itures.yamlio.write import dump_data  # noqa: E402

PATTERNS = [
    *("the ", "a, ", ",", ";", ".", ". ", ",;", ", ;", " ,", "((", "))", "()", "( ", "[", "]"),
    *("[]", "](", "[^1]", "[^", "^", "__", "_", "-", "- 12 -", "– ", "—", "\u200b", "\u00ad"),
    *(
        "ﬁ",
        "’",
        "'",
        '"',
        "« ",
        " »",
        "“",
        "”",
        "Resolution 5 ",
        "Résolution 12 (Rév. Dubaï, 2014) ",
    ),
    *("Resolution 5 (Rev. Busan, 2014) ", "Resolutions 1, 2, 3 and ", "resolves 3 "),
    *("paragraph 2 of resolves ", "1 January 2014 ", "2014", "2014Buenos Aires, 2017 "),
    *("1) ", "a) ", "i) ", "1 ", "a ", "1.1 ", "bis ", "ITU-T ", "ITU‑T", "Page 12 ", "PP-18 "),
    *("CHAPTER ", "RESOLUTION 12 ", "resolves ", "instructs the Secretary-General "),
    *("considering ", "etc. ", "e.g. ", "i.e., ", "Rev. ", "No. ", "  ", " \u00a0", "\u202f"),
    *("&nbsp;", "&#8217;", "<b>", "*", "**", "`", "#", " #", "\\", "\\n", "%", "{", "}"),
    *("http://x.org/ ", "www.itu.int ", "12 000 ", "12,000 ", "1/2 ", "§ ", "Art. 5 "),
    *("развитие ", "تنمية ", "电信", "的", "Σ", "é", "e\u0301", "İ", "les ", "des ", "the the "),
    *("A ", "ABC ", ":", ": ", "?", "!", "…", "...", "..", "/", "|", "~", "=", "+", "<", ">"),
    *("de la; ", "the work of the Union; ", "UIT- T ", "ITU - R ", "; 1 Par pays "),
]

# The newest checks (rules/_conventions.py, textscan's direction marks and
# tatweels, lookalike's Persian letters, punctuation, artefacts, the quick
# fixes): marks, blanks and words they read, repeated (``--new``: these only;
# with ``--language`` the file is in that language, some checks run only
# for one)
NEW_PATTERNS = [
    *("《", "》", "〈", "〉", "《〈", "〈《", "《》", "《〉", "〈》", "》《", "《国际", "国际》"),
    *("电 ", "电\u3000", "电\u00a0", "， ", "电 2014", "2014 电", "电 ITU ", "ITU电", "2014年"),
    *("(Busan ", "(Busan 2014", "(Busan 2014)", "(Rev. Busan 2014) ", "(Rev. ", "(Пусан, 2014)"),
    *("(Busan, 2014 г) ", "2018 г", "2018 г.", "(Пусан ", "г.", "(بوسان 2014) ", "（2014年釜山）"),
    *("（2014年", "(" + "a" * 70 + " 2014) ", "(Busan" + " a" * 30 + " 2014) ", "(A 2014) "),
    *("Résolution", "Résolution5", "Résolution 5", "Resolution5 ", "Resolution5 x\u00a01 "),
    "Resolution5" + "\u00a01" * 40,  # (a glued noun, then no-break spaces before digits)
    *("Resolucion", "Resolucion ", "resolution ", "Recommendation ", "Резолюции", "Резолюции71 "),
    *("قرار", "القرار5 ", "n5", "s5", "5n", "« ", " »", "«\u00a0", "\u00a0»", "« x »", "«"),
    *("\u200e", "a\u200eb", "\u200f", "ب\u200fب", "\u061c", "a\u200e\u200f\u061cb"),
    *("\u0640", "ب\u0640", "بـــ", "ب\u0640 ", "ـITU ", "ی", "بی ", "ک", "کی", "aی"),
    *("Cовета ", "aб", "бa", "бب", "бب\u200b ", "aб\u200b ", "Ã©", "Ã© ", "VÃ©rification "),
    *("â€™", "Ã ", "ÃÃ", "\u200b\u00ad", "a\u00adb", "ﬁﬂ", "Ǧ", "ITUǦ", "ᙫփᡈ"),
    *("Rev. ", "Rév. ", "Пересм. ", "'", "' ", " '", "’ ", "l' ", "d’ ", '"', '" ', "“", "„"),
    *("((", "(((", "[(", "（", "）", "（(", "，", "。", "；", ",", "،", "؛", "؟", "٫", "١٢"),
    *("____ 1 These ", "____ 1 1111111111 ", "[1: 1 Par ", "[1: 1 x] ", "- 5 - ", "Rés. 59 3 "),
    *(
        "ITU-T ",
        "ITU–T ",
        "UIT-T",
        "МСЭ-Т ",
        "; a) the ",
        ": 1 that ",
        "562 D - 81 ",
        "481 PART IV ",
    ),
    *("e\u0301t", "e\u0301 ", "и\u0306"),  # (accents written as characters of their own)
    # (letters lost as '?' or U+FFFD, a Sector's name in another language, a
    # heading's end mark)
    *("a?", "?a", "aaaa?", "a?b ", "???", "a\ufffd", "\ufffda ", "aaaa", "l'ITU-D ", "UIT-R "),
    *("a,", "a.", "décide,", "Secretary General ", "Secretary ", "Secrétaire Général "),
    # (abbreviations of another language, HTML tags, Markdown's emphasis, a mark
    # glued to the next word, a part of this resolution cited by its fragment)
    *("TDAG ", "l'ITU ", "WRC-19 ", "GCDT ", "<b>", "<b>a</b> ", "<sup>1</sup>", "<a", "< "),
    *("**a** ", "**", "__a__ ", "a;b ", "a:b ", "&apos;a ", "mailto:a ", "[a](#resolves/1) "),
    *("member states ", "Etats membres ", "[^１] ", "ICTs ", "(Rev. Dubaï, 2018) "),
    "The World Telecommunication Development Conference ",
    *("RÉSOLUTION 1 – ", "(Rév. Busan, 2014) ", "(Rév. Busan, 2014", "(2014 ", "((2014"),
    # (two words run together, the second with its capital; in a web address)
    *("particulierSur ", "aaaAb", "aaaA", "www.a/aaaAb ", "l' UIT "),
    # (a full stop before a small letter; an abbreviation's, a merged heading's)
    *("a. b ", "e.g. the ", ". . . a", "a. invites ", "____ a. b "),
    # (a keyboard's slips: a dotless "e.g", a glued parenthesis, unit, address)
    *("e.g ", "a.e.g ", "a(WS", "a(", "2Mbit/s ", "2bit/s", "Hz", "www.a. int ", "www.a.a.a"),
    *("lUIT ", " lA", "dB", "lAa", "UT-D ", "-T", "Aa Bb Cc (ABD) ", "Aa (AB) ", "Aa Bb ("),
    # (a place and its year with another mark; an elision lost before a small
    # letter; an abbreviation with a letter lost; the dot of "Rev." or "etc."
    # typed as another mark, after a blank or glued; a name's word small)
    *("(Busan: 2014) ", "(Rev. Busan. 2014) ", ". 2014) ", "d'intérêt dintérêt ", "d'a da "),
    *("ITU IT ", "BDT BTD ", "(TI) TIC ", "l'UI UIT ", "(Rév;Busan", "(Rev ", "(Rev .Busan "),
    *(
        "etc;, ",
        "etc,, ",
        "(Rev.Busan ",
        "(Rev.B",
        "World summit on the Information Society (WSIS) ",
    ),
]

TEXT_FIELDS = [
    *("title", "conference", "preamble-item", "preamble-heading", "operative-heading"),
    *("clause", "footnote", "place", "label"),
]
LIST_FIELDS = ["many-clauses", "many-labels", "many-items", "many-footnotes", "many-sections"]

COMMANDS: dict[str, list[str]] = {
    "check": ["check", "--no-cache", "--jobs", "1", "{path}"],
    "fix": ["check", "--fix", "--no-cache", "--jobs", "1", "{path}"],
    "fmt": ["fmt", "--check", "{path}"],
    "render-html": ["render", "--to", "html", "-o", "{out}", "{path}"],
    "render-akn": ["render", "--to", "akn", "-o", "{out}", "{path}"],
}

LIMIT = 30  # seconds a run may last


def _text_field(data: dict[str, Any], field: str, text: str) -> None:
    clause = data["operative"][0]["clauses"][0]
    if field == "title":
        data["title"] = text
    elif field == "conference":
        data["conference"] = text
    elif field == "preamble-item":
        data["preamble"][0]["items"][0]["text"] = text
    elif field == "preamble-heading":
        data["preamble"][0]["heading"] = text
    elif field == "operative-heading":
        data["operative"][0]["heading"] = text
    elif field == "clause":
        clause["text"] = text
    elif field == "footnote":
        clause["text"] += "[^1]"
        data["footnotes"] = [{"id": "1", "text": text}]
    elif field == "place":
        data["history"][0]["place"] = text
    elif field == "label":
        clause["label"] = text
    else:
        raise ValueError(field)


def _list_field(data: dict[str, Any], field: str, n: int, p: str) -> None:
    section = data["operative"][0]
    if field == "many-clauses":
        section["clauses"] = [
            {"label": str(i + 1), "text": f"to act {p} on {i};"} for i in range(n)
        ]
    elif field == "many-labels":
        section["clauses"] = [
            {"label": p.strip() or str(i), "text": f"to act on {i};"} for i in range(n)
        ]
    elif field == "many-items":
        data["preamble"][0]["items"] = [
            {"label": f"{i})", "text": f"{p} item {i};"} for i in range(n)
        ]
    elif field == "many-footnotes":
        section["clauses"][0]["text"] += "".join(f" w[^{i}]" for i in range(n))
        data["footnotes"] = [{"id": str(i), "text": f"{p} note {i}."} for i in range(n)]
    elif field == "many-sections":
        data["operative"] = [
            {
                "verb": "resolves",
                "heading": "resolves",
                "clauses": [{"label": "1", "text": f"{p} {i};"}],
            }
            for i in range(n)
        ]
    else:
        raise ValueError(field)


LANGUAGE = "en"  # the file's language (--language)


def build(field: str, pattern: str, size: int) -> dict[str, Any]:
    """The resolution with ``field`` filled with ``pattern``, ``size`` characters
    of it (a text field) or ``size`` entries holding it (a list)."""
    data = copy.deepcopy(resolution(5))
    data["language"] = LANGUAGE
    if field in LIST_FIELDS:
        _list_field(data, field, size, pattern)
    else:
        _text_field(data, field, pattern * max(1, size // max(1, len(pattern))))
    return data


class _Slow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Slow


def timed(command: list[str], path: Path, data: dict[str, Any]) -> tuple[float, str]:
    """(seconds, what went wrong or '') of one run of ``command`` on ``data``."""
    path.write_text(dump_data(data), encoding="utf-8")
    args = [a.format(path=path, out=path.parent / "out") for a in command]
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT)
    start = time.perf_counter()
    try:
        _cli(*args)
    except _Slow:
        return float(LIMIT), f"over {LIMIT} s"
    except Exception as e:  # (a crash is what this looks for)
        return time.perf_counter() - start, f"raised {e!r}"[:200]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start, ""


def hunt(
    fields: list[str],
    command: list[str],
    small: int,
    large: int,
    patterns: list[str],
    show: Callable[[str], None],
    *,
    everything: bool = False,
) -> int:
    """Print the rows (every row with ``everything``); how many were flagged."""
    flagged = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "resolutions" / "pp" / "191" / f"{LANGUAGE}.yaml"
        path.parent.mkdir(parents=True)
        timed(command, path, {**resolution(5), "language": LANGUAGE})  # imports, untimed
        for field in fields:
            for p in patterns:
                t1, e1 = timed(command, path, build(field, p, small))
                t2, e2 = timed(command, path, build(field, p, large))
                ratio = t2 / max(t1, 1e-3)
                bad = bool(e1 or e2) or (ratio > 1.8 * large / small and t2 > 0.2) or t2 > 2
                flagged += bad
                if bad or everything:
                    mark = "  <<<" if bad else ""
                    show(
                        f"{field:18} {p!r:36} {t1 * 1000:9.1f} ms {t2 * 1000:9.1f} ms "
                        f"x{ratio:5.1f}{mark} {e1 or e2}".rstrip()
                    )
    return flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--command", choices=sorted(COMMANDS), default="check")
    parser.add_argument(
        "--field",
        action="append",
        choices=TEXT_FIELDS + LIST_FIELDS,
        help="a field to fill (repeatable; default: every text field, or with --lists every list)",
    )
    parser.add_argument("--lists", action="store_true", help="the lists, not the text fields")
    parser.add_argument("--small", type=int, help="characters (default 3,000) or entries (150)")
    parser.add_argument("--large", type=int, help="characters (default 12,000) or entries (600)")
    parser.add_argument("--pattern", action="append", help="a pattern of your own (repeatable)")
    parser.add_argument("--new", action="store_true", help="the patterns of the newest checks")
    parser.add_argument("--language", default="en", help="the file's language (default en)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every row")
    args = parser.parse_args(argv)
    fields = args.field or (LIST_FIELDS if args.lists else TEXT_FIELDS)
    lists = all(f in LIST_FIELDS for f in fields)
    small = args.small or (150 if lists else 3000)
    large = args.large or (600 if lists else 12000)
    if not 0 < small < large:
        parser.error("--small must be above 0 and below --large")
    global LANGUAGE
    LANGUAGE = args.language
    gc_tuned()
    flagged = hunt(
        fields,
        COMMANDS[args.command],
        small,
        large,
        args.pattern or (NEW_PATTERNS if args.new else PATTERNS),
        lambda line: print(line, flush=True),
        everything=args.verbose,
    )
    print(
        f"{flagged} flagged ({args.command}, {args.language}, {', '.join(fields)}, {small:,} and {large:,})"
    )
    return 1 if flagged else 0


def gc_tuned() -> None:
    """The collector tuned as the command line tunes it."""
    import gc

    gc.set_threshold(1_000_000, 100, 100)


if __name__ == "__main__":
    sys.exit(main())
