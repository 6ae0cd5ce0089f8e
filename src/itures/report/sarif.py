"""SARIF 2.1.0, the format of code-scanning services.

One run of the tool ``itures``: the rules that fired, each described from the
rule catalogue (``name`` a display name distinct from the id, a short and a
full description and ``help`` from the rule's docstring), and one result per
diagnostic with its rule, level, ``partialFingerprints`` (rule, file and place
in the document: unchanged when lines are inserted above) and physical
location (a percent-encoded URI relative to the repository root, the base id
``%SRCROOT%``; a file outside it as an absolute ``file:`` URI; the region's
``startLine``/``startColumn`` and ``endLine``/``endColumn``, columns counted
in Unicode code points as the run's ``columnKind`` says, ``endColumn`` one
past the span's last character as SARIF defines it). The other places of the
same defect are the result's ``relatedLocations`` (each with its message);
the fix (``help``) follows the message after a blank line, and is also the
result's ``properties.help``. A file that could not be read is a tool
execution notification.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itures.result import CheckResult

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/itures/"


def repository_root() -> str:
    """The top of the git repository holding the working directory, else the
    working directory (:func:`itures.files.root_of`, the root every read is
    within): paths in SARIF and in GitHub annotations are relative to it, as
    code scanning expects."""
    from itures.files import root_of

    return root_of(os.getcwd())[0]


def relative_to_root(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` with '/' separators, None when outside it."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def _docs() -> dict[str, str]:
    """Every rule's documentation (its docstring), by name."""
    try:
        from itures import rules

        return {name: r.doc for name, r in rules.load_all().items() if r.doc}
    except Exception:  # pragma: no cover - the report must not fail on a catalogue problem
        return {}


def _display_name(rule: str) -> str:
    """A rule's display name, distinct from its id: ``numbering-gap`` -> ``NumberingGap``."""
    return "".join(part[:1].upper() + part[1:] for part in rule.split("-"))


def _fingerprint(rule: str, uri: str, pointer: str | None, message: str) -> str:
    """What identifies a finding whatever lines are inserted above it: the rule,
    the file and the place in the document (or, for a finding without one, its
    message with its numbers left out)."""
    import hashlib
    import re

    where = pointer if pointer is not None else re.sub(r"\d+", "#", message)
    return hashlib.sha256("\x00".join((rule, uri, where)).encode("utf-8")).hexdigest()


def _summaries() -> dict[str, str]:
    """Every known rule's one-line summary, by name."""
    out: dict[str, str] = {}
    try:
        from itures import rules

        out.update({name: sev_summary[1] for name, sev_summary in rules.BUILTIN.items()})
        out.update({name: r.summary for name, r in rules.load_all().items()})
    except Exception:  # pragma: no cover - the report must not fail on a catalogue problem
        pass
    try:
        from itures.gate import GATE_RULES

        out.update({name: summary for name, (_, summary) in GATE_RULES.items()})
    except Exception:  # pragma: no cover
        pass
    return out


def _uri(path: str, root: str) -> str:
    """A percent-encoded URI reference: relative to the repository root (with
    the base id ``%SRCROOT%``), or an absolute ``file:`` URI outside it."""
    from pathlib import Path
    from urllib.parse import quote

    rel = relative_to_root(path, root)
    if rel is None:
        return Path(os.path.abspath(path)).as_uri()
    return quote(rel, safe="/")


def sarif_log(result: CheckResult, *, rules_url: str | None = None) -> dict[str, Any]:
    """The SARIF log of a check, as plain data.

    ``rules_url`` (``[tool.itures] rules-url``) is where the rule reference is
    published: each rule's ``helpUri`` is it and ``#`` the rule's name (the
    headings of ``docs/rules.md`` are the rule names)."""
    from itures import __version__

    summaries = _summaries()
    docs = _docs()
    root = repository_root()
    names = sorted({d.rule for d in result.diagnostics})
    index = {name: i for i, name in enumerate(names)}
    rule_objects = []
    for name in names:
        summary = summaries.get(name, name)
        doc = docs.get(name, summary)
        first = doc.split("\n\n", 1)[0].replace("\n", " ")
        rule: dict[str, Any] = {
            "id": name,
            "name": _display_name(name),
            "shortDescription": {"text": summary},
            "fullDescription": {"text": first},
            "help": {"text": doc, "markdown": doc},
            "properties": {"tags": ["itures"]},
        }
        if rules_url is not None:
            rule["helpUri"] = f"{rules_url}#{name}"
        rule_objects.append(rule)
    results = []
    uris: dict[str, str] = {}

    def _address(path: str) -> str:
        uri = uris.get(path)
        if uri is None:
            uri = uris[path] = _uri(path, root)
        return uri

    def _location(path: str, line: int, column: int, end_line: int, end_column: int) -> Any:
        return _located(_address(path), line, column, end_line, end_column)

    seen: dict[str, int] = {}

    for d in result.diagnostics:
        location = _location(d.path, d.line, d.column, d.end_line, d.end_column)
        if d.pointer:
            location["logicalLocations"] = [{"fullyQualifiedName": d.pointer, "kind": "element"}]
        key = _fingerprint(d.rule, _address(d.path), d.pointer, d.message)
        seen[key] = seen.get(key, 0) + 1  # two findings of one place: told apart by order
        found: dict[str, Any] = {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": d.severity,
            "message": {"text": d.message + (f"\n\nhelp: {d.help}" if d.help else "")},
            "locations": [location],
            "partialFingerprints": {"itures/v1": f"{key}:{seen[key]}"},
        }
        if d.related:
            found["relatedLocations"] = [
                {
                    "id": i,
                    **_location(r.path, r.line, r.column, r.end_line, r.end_column),
                    "message": {"text": r.message},
                }
                for i, r in enumerate(d.related, start=1)
            ]
        if d.help:
            found["properties"] = {"help": d.help}
        results.append(found)
    invocation: dict[str, Any] = {"executionSuccessful": not result.failures}
    if result.failures:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": f}} for f in result.failures
        ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "itures",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rule_objects,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _srcroot(root)}},
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def _located(uri: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    """A SARIF location: the file and the region (``endColumn`` is exclusive in SARIF)."""
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file://"):
        artifact["uriBaseId"] = "%SRCROOT%"
    region = {
        "startLine": line,
        "startColumn": column,
        "endLine": max(end_line, line),
        "endColumn": end_column + 1 if (end_line, end_column) >= (line, column) else column + 1,
    }
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _srcroot(root: str) -> str:
    from pathlib import Path

    uri = Path(root).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def sarif(result: CheckResult, *, rules_url: str | None = None) -> str:
    """SARIF 2.1.0 JSON text (``rules_url``: see :func:`sarif_log`)."""
    return json.dumps(sarif_log(result, rules_url=rules_url), ensure_ascii=False, indent=2) + "\n"
