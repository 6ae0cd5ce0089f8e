"""Identity across files: one file per identity, in the folder its identity names.

A resolution's identity is (body, number, language): ``wtdc 59 fr``. The
usual way a new resolution starts is a copy of another one, and a copy that
keeps its ``number: '59'`` silently shadows the original: two files, one
identity, and a corpus that can only answer one of them when asked for
``wtdc 59 fr``.

* ``identity-duplicate`` (error): two files (or more) with one identity.
  Each is reported at its ``number``, naming the other files; files outside
  the checked ones (the rest of a configured corpus, indexed for references)
  count, so a pre-commit run on the new file alone sees the clash.
* ``identity-path`` (error): a file under the corpus directory
  (``[tool.itures] corpus``) that is not where its identity puts it. The
  layout is ``<body>/<number>/<language>.yaml`` relative to the corpus
  directory (``wtdc/59/fr.yaml``); ``[tool.itures] layout`` gives another
  (``layout = "{language}/{body}-{number}.yaml"``), see :mod:`itures.config`.
  A ``/`` in a number stands as ``_`` in its folder (``unga/70_1/en.yaml``,
  :func:`itures.paths.folder_name`); ``.yml`` serves for ``.yaml``.

Decisions:

* ``identity-path`` applies to files under a configured corpus directory
  only: a file checked on its own (an attachment, a draft in a temporary
  folder, a test) has no corpus root to be relative to, and its name is free.
* One finding per misplaced file, at the first field that disagrees with its
  place (body, number, then language), naming every field that does and the
  path the layout gives: moving the file there, or correcting the fields,
  fixes it.
* Both rules are corpus rules: they depend on where a file is and on the
  other files, not on its content alone (a file's content is cached by
  content, whatever its path).
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from itures.i18n import tr
from itures.model.resolution import LANGUAGES
from itures.paths import DEFAULT_LAYOUT, folder_name
from itures.rules import CorpusContext, Finding, Place, rule
from itures.rules.history import misspelt_body

if TYPE_CHECKING:
    from itures.config import Config

_FIELDS = ("body", "number", "language")
# How many of the other files of one identity a finding names (and points at).
_NAMED = 5


@rule(
    "identity-duplicate",
    "error",
    "two files with one identity (body, number, language)",
    corpus=True,
)
def identity_duplicate(ctx: CorpusContext) -> Iterator[Finding]:
    """Another file has the same body, number and language. A copy of
    ``wtdc/59/fr.yaml`` started as ``wtdc/61/fr.yaml`` that still says
    ``number: '59'``: both files are reported, each at its ``number``, each
    naming the other; in a configured corpus whose layout puts the identity
    where one of them is, that one is the original and the others copies:
    ``identity-path`` reports each copy, once, telling it to take its path's
    number (moving it would replace the original), and the original is not
    reported (but a copy at the other spelling of that path, ``en.yml``
    beside ``en.yaml``, which ``identity-path`` takes as in its place: both
    are reported here). The whole configured corpus counts, so a pre-commit run on the
    new file alone reports it too. (The library's ``Corpus.get``
    raises ``DuplicateIdentity`` for such an identity rather than pick one.)
    A file whose headings say it is in another language than its
    ``language`` (a copy of ``en.yaml`` saved as ``fr.yaml``, still
    ``language: en``) is ``heading-mismatch``'s: when that leaves one file
    of the identity, nothing is reported here.

    Failing (``wtdc/61/fr.yaml``, beside ``wtdc/59/fr.yaml``)::

        body: wtdc
        number: '59'
        language: fr

    Passing::

        body: wtdc
        number: '61'
        language: fr
    """
    s = ctx.summary
    group = ctx.index.same_identity(s.body, s.number, s.language)
    if len(group) < 2:
        return
    config = ctx.config
    if config is None or config.enabled("heading-mismatch"):
        # the files of the group whose headings are in another language than
        # their 'language' (fr.yaml copied from en.yaml, still 'language: en'):
        # heading-mismatch tells each to correct it; with them aside, one file
        # is left, and the identity is then its alone (one defect, one finding)
        kept = [g for g in group if ("language",) not in g.flagged]
        if len(kept) <= 1 < len(group) and len(kept) < len(group):
            return
    if config is not None and config.enabled("identity-path"):
        home = _home(ctx, config)
        paths = _group_paths(ctx)
        if home is not None and home in paths and _other_spelling(home) not in paths:
            # a copy not renumbered, beside the file where the layout puts the
            # identity: identity-path reports the copy, naming that file
            # (one defect, one finding; the file in its place is not wrong).
            # Not a copy at the path's other spelling ('en.yml' beside
            # 'en.yaml'), which identity-path takes as in its place: both here
            return
    # the first few others named (a corpus copied without renumbering holds
    # thousands of files of one identity: each naming all the others is n * n)
    others = list(islice((g.path for g in group if g.path != ctx.path), _NAMED))
    if not others:
        return
    count = len(group) - 1  # (this file is one of the group)
    fields = {"body": s.body, "number": s.number, "language": s.language}
    if count == 1:
        message = tr(
            "another file has the same identity (body {body}, number {number}, "
            "language {language}): {file}",
            file=others[0],
            **fields,
        )
    elif count <= _NAMED:
        message = tr(
            "{count} other files have the same identity (body {body}, number {number}, "
            "language {language}): {files}",
            count=count,
            files=", ".join(others),
            **fields,
        )
    else:
        message = tr(
            "{count} other files have the same identity (body {body}, number {number}, "
            "language {language}): {files} and {more} more",
            count=format(count, ","),
            files=", ".join(others),
            more=format(count - len(others), ","),
            **fields,
        )
    yield Finding(
        ("number",),
        message,
        help=tr(
            "a resolution has one file per language: give the new file its own number "
            "(or correct its body or language), or remove the copy"
        ),
        related=tuple(
            Place((), tr("a file with the same identity"), file=other) for other in others
        ),
    )


def _home(ctx: CorpusContext, config: Config) -> str | None:
    """The absolute path where the configured layout puts the file's identity
    (None without a configured corpus, or for a file outside it)."""
    if config.corpus is None or _relative(ctx.path, config.corpus) is None:
        return None
    s = ctx.summary
    layout = config.layout or DEFAULT_LAYOUT
    rel = layout.format(body=s.body, number=folder_name(s.number), language=s.language)
    return os.path.abspath(os.path.join(config.corpus, *rel.split("/")))


def _other_spelling(path: str) -> str:
    """The path with the other spelling of its extension that the layout
    accepts (``.yml`` for ``.yaml``, and back)."""
    for one, other in ((".yaml", ".yml"), (".yml", ".yaml")):
        if path.endswith(one):
            return path[: -len(one)] + other
    return path + ".yml"


def _group_paths(ctx: CorpusContext) -> frozenset[str]:
    """The absolute paths of the files of the file's identity, made once per
    identity and run (a corpus copied without renumbering holds thousands)."""
    s = ctx.summary
    key = ("identity-paths", id(ctx.index), s.body, s.number, s.language)
    result: frozenset[str] = ctx.memo_run(
        key,
        lambda: frozenset(
            os.path.abspath(g.path) for g in ctx.index.same_identity(s.body, s.number, s.language)
        ),
    )
    return result


def _layout_pattern(layout: str) -> re.Pattern[str]:
    """A regular expression of the paths ``layout`` gives, a group per field."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(layout):
        out.append(re.escape(literal))
        if name is not None:
            out.append(f"(?P<{name}>[^/]+)")
    return re.compile("".join(out))


def _relative(path: str, root: str) -> str | None:
    """``path`` relative to ``root``, ``/``-separated, or None if it is not under it."""
    for resolve in (os.path.abspath, os.path.realpath):
        full, top = resolve(path), resolve(root)
        if full.startswith(top + os.sep):
            return os.path.relpath(full, top).replace(os.sep, "/")
    return None


@rule(
    "identity-path",
    "error",
    "a file whose folder and name do not match its identity",
    corpus=True,
)
def identity_path(ctx: CorpusContext) -> Iterator[Finding]:
    """A file under the corpus directory that is not where its identity
    (body, number, language) puts it: ``<body>/<number>/<language>.yaml``
    (or the ``layout`` configured in ``[tool.itures]``), with a ``/`` of the
    number as ``_``. Reported at the first field that disagrees, naming the
    path the file belongs at. An extension in capitals (``fr.YAML``,
    ``fr.Yml``: discovery takes them, so that no file goes unchecked) is
    reported as such: on a case-sensitive file system, a tool that looks for
    ``fr.yaml`` does not find it. ``.yml`` is the layout's other spelling.
    Only files under ``[tool.itures] corpus`` are checked (decision: a file
    checked on its own, outside a configured corpus, has no root to be
    relative to, and its name is free). A body that is not one itures
    knows and is close to the path's ("wtcd" in ``wtdc/59/fr.yaml``) is to be
    corrected in place, not moved; when the conference formula names the
    path's body too, the ``history`` rule says so (one defect, one finding),
    and this rule only when ``history`` is off. A number or a body that
    differs from the path's in a file whose folder holds the other language
    versions of the path's identity ("number: '85'" in ``pp/58/fr.yaml``
    beside ``pp/58/en.yaml``) is to be corrected as they say, not moved; so
    is a number the path's but for a leading zero ("number: '059'" in
    ``wtdc/59/fr.yaml``), which no resolution's number has.

    Failing (``wtdc/59/en.yaml``)::

        body: wtdc
        number: '59'
        language: fr

    Passing (``wtdc/59/fr.yaml``)::

        body: wtdc
        number: '59'
        language: fr
    """
    config = ctx.config
    if config is None or config.corpus is None:
        return
    rel = _relative(ctx.path, config.corpus)
    if rel is None:
        return
    layout = config.layout or DEFAULT_LAYOUT
    s = ctx.summary
    values = {"body": s.body, "number": folder_name(s.number), "language": s.language}
    expected = layout.format(**values)
    if rel == expected or (rel.endswith(".yml") and rel[:-4] + ".yaml" == expected):
        return
    written = rel
    stem, _, ext = rel.rpartition(".")
    if expected.endswith(".yaml") and ext.lower() in ("yaml", "yml"):
        rel = stem + ".yaml"  # (compared as the layout writes it: .yml and capitals aside)
    target = _display(ctx.path, written, expected, config.corpus)
    if rel == expected:  # the right place, the extension in capitals (EN.YAML, fr.Yml)
        yield Finding(
            (),
            tr(
                "the file's name ends in '.{ext}'; the corpus layout {layout} writes it in "
                "lower case, and tools that look for {expected} on a case-sensitive file "
                "system do not find it",
                ext=ext,
                layout=layout,
                expected=expected,
            ),
            help=tr("rename the file to {target}", target=target),
        )
        return
    m = _layout_pattern(layout).fullmatch(rel)
    if m is None:
        yield Finding(
            ("body",),
            tr(
                "the file is not where the corpus layout {layout} puts body {body}, "
                "number {number}, language {language}",
                layout=layout,
                body=s.body,
                number=s.number,
                language=s.language,
            ),
            help=tr("move the file to {target}", target=target),
        )
        return
    wrong = [f for f in _FIELDS if m.group(f) != values[f]]
    if not wrong:  # the same fields, a different spelling of the rest: the layout decides
        wrong = ["body"]
    said = tr("; ").join(
        tr(
            "its path says {field} {path_value}, its content says {file_value}",
            field=f,
            path_value=m.group(f),
            file_value=values[f] if f != "number" else s.number,
        )
        for f in wrong
    )
    if wrong == ["language"] and ("language",) in s.flagged and config.enabled("heading-mismatch"):
        # its headings say the file is in another language than its 'language'
        # (fr.yaml copied from en.yaml, still 'language: en'): heading-mismatch
        # says so at the same place (one defect, one finding)
        return
    if wrong == ["body"] and misspelt_body(s.body, m.group("body")):
        # 'wtcd' in wtdc/59/fr.yaml: the body is misspelt, the file where it belongs
        if s.formula == m.group("body") and config.enabled("history"):
            return  # the formula names it too: the history rule says so, at the same place
        fix = tr(
            "write 'body: {body}' ('{written}' is not a body itures knows)",
            body=m.group("body"),
            written=s.body,
        )
    elif wrong == ["number"] and _unpadded(s.number) == m.group("number").replace("_", "/"):
        # "number: '059'" in wtdc/59/fr.yaml: a leading zero, which no
        # resolution's number has (moving the file would spread it)
        fix = tr(
            "write the number {number}: resolutions are numbered without a leading zero",
            number=repr(_unpadded(s.number)),
        )
    elif "language" in wrong and m.group("language").lower() not in LANGUAGES:
        # 'en copy.yaml', 'fr-old.yaml': no language's name, a copy kept
        # beside the versions (a file manager's, an editor's backup)
        said = tr(
            "its path says language '{path_value}', which is no language's code ({codes})",
            path_value=m.group("language"),
            codes=", ".join(LANGUAGES),
        )
        home = _home(ctx, config)
        if home is not None and home != os.path.abspath(ctx.path) and home in _group_paths(ctx):
            fix = tr(
                "delete the copy ({other} holds its identity), or, if it is the version of "
                "another language, name it with that language's code and write the code in "
                "'language'",
                other=target,
            )
        else:
            fix = tr("rename the file to {target}", target=target)
    else:
        home = _home(ctx, config)
        if home is not None and home != os.path.abspath(ctx.path) and home in _group_paths(ctx):
            # the place the content asks for holds that identity already: a
            # copy whose fields were not changed (moving it would replace the
            # original): the path is right, the content is to be corrected
            said = tr(
                "{said}, the identity of {other}: a copy whose {fields} was not changed?",
                said=said,
                other=target,
                fields=", ".join(wrong),
            )
            fix = tr(
                "write {fields} as its path says: {values} (moving the file would replace {other})",
                fields=", ".join(wrong),
                values=", ".join(
                    f"{f}: '{m.group(f).replace('_', '/') if f == 'number' else m.group(f)}'"
                    for f in wrong
                ),
                other=target,
            )
        elif (siblings := _versions_at_path(ctx, m, wrong)) > 0:
            # the other language versions of the identity its path says are
            # beside it: the content's field is the slip ("number: '85'" in
            # pp/58/fr.yaml among pp/58's en, es, ...; moving the file would
            # take the version out of its resolution)
            fix = tr(
                "write {fields} as its path and the {count} other language versions beside it "
                "say: {values}",
                fields=", ".join(wrong),
                count=siblings,
                values=", ".join(
                    f"{f}: '{m.group(f).replace('_', '/') if f == 'number' else m.group(f)}'"
                    for f in wrong
                ),
            )
        else:
            fix = tr(
                "move the file to {target}, or correct its {fields}",
                target=target,
                fields=", ".join(wrong),
            )
    yield Finding((wrong[0],), said, help=fix)


def _versions_at_path(ctx: CorpusContext, m: re.Match[str], wrong: list[str]) -> int:
    """How many versions in other languages the corpus holds of the identity
    the file's path says (its body and number: 0 when the language is what
    differs)."""
    if "language" in wrong:
        return 0
    s = ctx.summary
    body = m.group("body") if "body" in wrong else s.body
    number = m.group("number").replace("_", "/") if "number" in wrong else s.number
    return sum(1 for language in ctx.index.versions(body, number) if language != s.language)


def _display(path: str, rel: str, expected: str, root: str) -> str:
    """Where the file belongs, written as its own path is (``resolutions/wtdc/59/fr.yaml``)."""
    given = path.replace(os.sep, "/")
    if given.endswith("/" + rel) or given == rel:
        return given[: len(given) - len(rel)] + expected
    return os.path.join(root, *expected.split("/"))


# a number's leading zeros ('059', 'D05', 'COM5/01'): before a digit, after no digit
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def _unpadded(number: str) -> str:
    """``number`` without leading zeros in its numbers ('059' -> '59', 'D05' -> 'D5')."""
    return _LEADING_ZEROS.sub("", number)
