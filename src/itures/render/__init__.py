"""Render resolutions: HTML, Markdown, plain text (ITU layout) and Akoma Ntoso XML.

``itures render --to html|md|txt|akn [-o OUT] PATH...`` is :func:`render`
on each file, then :func:`plan` and :func:`write`; the library never prints.

=====================  ====================================================
``layout``             ids of sections, items, clauses, annexes, notes;
                       citation links; shared by every format
``html``               a self-contained HTML5 page
``markdown``           CommonMark with footnotes
``text``               plain text, wrapped, in ITU layout
``akn``                Akoma Ntoso 3.0 (AKN4UN ``statement``)
=====================  ====================================================

Labels and texts are rendered as stored: nothing is renumbered, reordered
or corrected (a stray "5" stays 5). See docs/render.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from itures.i18n import tr
from itures.paths import OutsideTarget, inside
from itures.render.layout import Layout, relative_path

if TYPE_CHECKING:
    from itures.index import Index
    from itures.model.resolution import Resolution

__all__ = ["EXTENSIONS", "FORMATS", "RenderError", "Target", "plan", "render", "write"]

FORMATS = ("html", "md", "txt", "akn")
EXTENSIONS = {"html": ".html", "md": ".md", "txt": ".txt", "akn": ".xml"}


def _unknown(fmt: str) -> str:
    return tr(
        "unknown format {format} (known: {known})", format=repr(fmt), known=", ".join(FORMATS)
    )


class RenderError(ValueError):
    """A rendering that cannot be made: an unknown format, outputs that collide."""


def render(resolution: Resolution, fmt: str, *, index: Index | None = None, width: int = 80) -> str:
    """The text of ``resolution`` rendered as ``fmt`` (html, md, txt or akn).

    ``index`` (an :class:`itures.index.Index`) is the corpus the rendering
    links into: HTML and Markdown link a citation only when the index holds
    the cited resolution (and its fragment only when the resolution has it),
    Akoma Ntoso takes the year of a citation without one from it. Without
    an index every citation links, as if the whole corpus were rendered
    beside this file (``<body>/<number>/<language>.<ext>``). ``width`` is
    the line length of plain text (0: no wrapping).
    """
    layout = Layout.of(resolution, index)
    if fmt == "html":
        from itures.render import html

        return html.render(layout)
    if fmt == "md":
        from itures.render import markdown

        return markdown.render(layout)
    if fmt == "txt":
        from itures.render import text

        return text.render(layout, width)
    if fmt == "akn":
        from itures.render import akn

        return akn.render(layout)
    raise RenderError(_unknown(fmt))


@dataclass(frozen=True)
class Target:
    """One rendering to write: the source file, its resolution, where it goes."""

    source: str
    resolution: Resolution
    path: str | None  # None: standard output


def plan(
    sources: list[tuple[str, Resolution]], fmt: str, out: str | None, *, inputs: int | None = None
) -> list[Target]:
    """Where each rendering goes.

    No ``out``: standard output, for one source only. ``out`` names a single
    file only when one file is given and ``out`` ends with the format's
    extension (``page.html`` for html, ``r.xml`` for akn) and is not a
    directory. Otherwise ``out`` is a directory (decision: ``-o site`` is
    always the directory ``site``, whatever the number of inputs, so that a
    script's output does not change shape with the number of files) and
    each rendering goes to ``out/<body>/<number>/<language>.<ext>``,
    mirroring the corpus, so that the relative links between renderings
    work; an existing file at ``out`` is then an error, not replaced. ``inputs`` is how many files
    were given (default: the sources), valid or not: several inputs with one
    valid among them still go to a directory. Raises :class:`RenderError`
    when that cannot be done, and when a path would lead outside ``out``
    (resolved, symbolic links included: :func:`itures.paths.inside`).
    """
    count = len(sources) if inputs is None else inputs
    if fmt not in EXTENSIONS:
        raise RenderError(_unknown(fmt))
    if out == "-":
        out = None  # ``-o -``: standard output, as without -o
    if out is None:
        if count != 1:
            raise RenderError(
                tr(
                    "{count} resolutions to render: give a directory with -o, where each "
                    "is written to <body>/<number>/<language>{extension}",
                    count=count,
                    extension=EXTENSIONS[fmt],
                )
            )
        return [Target(source, resolution, None) for source, resolution in sources]
    directory = out.endswith(("/", os.sep)) or os.path.isdir(out)
    single = not directory and out.lower().endswith(EXTENSIONS[fmt])
    if count == 1 and single:
        # (the one file given, or none when it is not a valid resolution: said by the caller)
        return [Target(source, resolution, out) for source, resolution in sources]
    if single:
        raise RenderError(
            tr(
                "{out} names one {extension} file, but {count} files are to be rendered: "
                "give a directory with -o",
                out=out,
                extension=EXTENSIONS[fmt],
                count=count,
            )
        )
    if os.path.lexists(out) and not os.path.isdir(out):
        raise RenderError(
            tr(
                "{out} is a file, not a directory: -o names the directory the renderings go to "
                "(or, for one file, a file ending in {extension}); nothing written",
                out=out,
                extension=EXTENSIONS[fmt],
            )
        )
    other = next(
        (f for f, ext in EXTENSIONS.items() if f != fmt and out.lower().endswith(ext)), None
    )
    if other is not None and not directory:
        # ('-o page.md --to html': a file of another format meant, not a directory)
        raise RenderError(
            tr(
                "{out} names a {other_extension} file, but --to {format} writes "
                "{extension} files: give --to {other}, or -o a file ending in "
                "{extension} (or a directory); nothing written",
                out=out,
                other_extension=EXTENSIONS[other],
                format=fmt,
                extension=EXTENSIONS[fmt],
                other=other,
            )
        )
    blocked = _file_above(out)
    if blocked is not None:
        raise RenderError(
            tr(
                "{blocked} is a file, not a directory: the renderings cannot go under {out}; "
                "nothing written",
                blocked=blocked,
                out=out,
            )
        )
    targets: list[Target] = []
    seen: dict[str, str] = {}
    for source, resolution in sources:
        try:
            path = inside(out, relative_path(resolution, EXTENSIONS[fmt]))
        except OutsideTarget as exc:
            raise RenderError(
                tr("{source}: {problem}; nothing written", source=source, problem=exc)
            ) from None
        if path in seen:
            raise RenderError(
                tr(
                    "{source} and {other} would both be rendered to {path}",
                    source=source,
                    other=seen[path],
                    path=path,
                )
            )
        seen[path] = source
        targets.append(Target(source, resolution, path))
    return targets


def _file_above(path: str) -> str | None:
    """The nearest existing folder of ``path`` that is not a directory (a
    file where a directory would have to be made), or None."""
    above = os.path.dirname(os.path.normpath(path))
    while above and not os.path.lexists(above):
        parent = os.path.dirname(above)
        if parent == above:
            return None
        above = parent
    return above if above and not os.path.isdir(above) else None


MANIFEST = ".itures-rendered"


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _manifest(directory: str) -> dict[str, str]:
    """What render wrote in ``directory``: file name -> digest of the content written."""
    import json

    from itures.files import read

    path = os.path.join(directory or ".", MANIFEST)
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(read(path, limit=1_000_000, contained=False).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):  # FileRefused is an OSError
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _not_ours(path: str, text: str) -> bool:
    """Whether an existing file at ``path`` holds what render did not write: not
    the text it last wrote there (per the directory's manifest), nor ``text``."""
    from itures.files import read

    if not os.path.lexists(path):
        return False
    try:
        data = read(path, limit=50_000_000, what="a rendering", contained=False)
    except OSError:  # not a regular file, too large, unreadable: not render's
        return True
    if data == text.encode("utf-8"):
        return False
    directory, name = os.path.split(path)
    return _manifest(directory).get(name) != _digest(data)


def write(targets: list[Target], texts: list[str], *, force: bool = False) -> list[str]:
    """Write each text to its target, atomically; the paths written.

    Every target is looked at before anything is written
    (:func:`itures.yamlio.write.target_of`: a FIFO, a device, a link to
    nothing is refused), so a refusal means nothing was written.

    Decision: render replaces what it wrote itself (renderings are rebuilt),
    never what someone else wrote or edited. Each directory it writes to gets
    a manifest (``.itures-rendered``: file name -> digest of the content
    written); an existing file whose content is neither what the manifest
    records nor the new rendering is refused (:class:`RenderError`, naming
    the files) unless ``force``. A write that fails (a full disk, a
    directory that cannot be made) is a :class:`RenderError` naming the file,
    and how many were written before it.
    """
    from itures.yamlio.write import target_of, write_atomic

    foreign: list[str] = []
    for target, text in zip(targets, texts, strict=True):
        if target.path is not None:
            target_of(target.path)
            if not force and _not_ours(target.path, text):
                foreign.append(target.path)
    if foreign:
        shown = ", ".join(foreign[:3]) + (
            tr(" and {count} more", count=len(foreign) - 3) if len(foreign) > 3 else ""
        )
        raise RenderError(
            tr(
                "{files}: not written by itures render (or edited since): refusing to replace "
                "it; give --force to replace, or choose another -o; nothing written",
                files=shown,
            )
            if len(foreign) == 1
            else tr(
                "{files}: not written by itures render (or edited since): refusing to replace "
                "them; give --force to replace, or choose another -o; nothing written",
                files=shown,
            )
        )
    written: list[str] = []
    manifests: dict[str, dict[str, str]] = {}
    failed: str | None = None
    for target, text in zip(targets, texts, strict=True):
        if target.path is None:
            continue
        directory = os.path.dirname(target.path)
        try:
            if directory:
                os.makedirs(directory, exist_ok=True)
            write_atomic(target.path, text)
        except OSError as exc:
            failed = tr(
                "cannot write {path}: {problem}", path=target.path, problem=exc.strerror or exc
            )
            if written:
                failed += " " + tr("({count} written before it)", count=len(written))
            break
        written.append(target.path)
        entry = manifests.setdefault(directory, _manifest(directory))
        entry[os.path.basename(target.path)] = _digest(text.encode("utf-8"))
    import json

    # (the files written are recorded even when a later one failed: the next
    # run replaces them as its own)
    for directory, entries in manifests.items():
        try:
            write_atomic(
                os.path.join(directory or ".", MANIFEST),
                json.dumps(entries, indent=1, sort_keys=True) + "\n",
            )
        except OSError as exc:
            failed = failed or tr(
                "cannot write {path}: {problem}", path=exc.filename, problem=exc.strerror or exc
            )
    if failed is not None:
        raise RenderError(failed)
    return written
