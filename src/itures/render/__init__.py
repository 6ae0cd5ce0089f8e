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

from itures.paths import OutsideTarget, inside
from itures.render.layout import Layout, relative_path

if TYPE_CHECKING:
    from itures.corpus import Index
    from itures.model.resolution import Resolution

__all__ = ["EXTENSIONS", "FORMATS", "RenderError", "Target", "plan", "render", "write"]

FORMATS = ("html", "md", "txt", "akn")
EXTENSIONS = {"html": ".html", "md": ".md", "txt": ".txt", "akn": ".xml"}


class RenderError(ValueError):
    """A rendering that cannot be made: an unknown format, outputs that collide."""


def render(resolution: Resolution, fmt: str, *, index: Index | None = None, width: int = 80) -> str:
    """The text of ``resolution`` rendered as ``fmt`` (html, md, txt or akn).

    ``index`` (an :class:`itures.corpus.Index`) is the corpus the rendering
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
    raise RenderError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


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

    No ``out``: standard output, for one source only. One source and ``out``
    not a directory (nor ending in ``/``): ``out`` itself. Otherwise ``out``
    is a directory and each rendering goes to
    ``out/<body>/<number>/<language>.<ext>``, mirroring the corpus, so that
    the relative links between renderings work. ``inputs`` is how many files
    were given (default: the sources), valid or not: several inputs with one
    valid among them still go to a directory. Raises :class:`RenderError`
    when that cannot be done, and when a path would lead outside ``out``
    (resolved, symbolic links included: :func:`itures.paths.inside`).
    """
    count = len(sources) if inputs is None else inputs
    if fmt not in EXTENSIONS:
        raise RenderError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if out is None:
        if count != 1:
            raise RenderError(
                f"{count} resolutions to render: give a directory with -o, where each "
                f"is written to <body>/<number>/<language>{EXTENSIONS[fmt]}"
            )
        return [Target(source, resolution, None) for source, resolution in sources]
    directory = out.endswith(("/", os.sep)) or os.path.isdir(out)
    if count == 1 and len(sources) == 1 and not directory:
        return [Target(sources[0][0], sources[0][1], out)]
    targets: list[Target] = []
    seen: dict[str, str] = {}
    for source, resolution in sources:
        try:
            path = inside(out, relative_path(resolution, EXTENSIONS[fmt]))
        except OutsideTarget as exc:
            raise RenderError(f"{source}: {exc}; nothing written") from None
        if path in seen:
            raise RenderError(f"{source} and {seen[path]} would both be rendered to {path}")
        seen[path] = source
        targets.append(Target(source, resolution, path))
    return targets


def write(targets: list[Target], texts: list[str]) -> list[str]:
    """Write each text to its target, atomically (renderings are rebuilt, so an
    existing file is replaced); the paths written.

    Every target is looked at before anything is written
    (:func:`itures.yamlio.write.target_of`: a FIFO, a device, a link to
    nothing is refused), so a refusal means nothing was written.
    """
    from itures.yamlio.write import target_of, write_atomic

    for target in targets:
        if target.path is not None:
            target_of(target.path)
    written: list[str] = []
    for target, text in zip(targets, texts, strict=True):
        if target.path is None:
            continue
        directory = os.path.dirname(target.path)
        if directory:
            os.makedirs(directory, exist_ok=True)
        write_atomic(target.path, text)
        written.append(target.path)
    return written
