"""SARIF 2.1.0, the format of code-scanning services.

One run of the tool ``itures``: the rules that fired, each described from the
rule catalogue, and one result per diagnostic with its rule, level and
physical location (file relative to the repository root; the region's
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
    from itures.corpus import CheckResult

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/itures/"


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


def _uri(path: str) -> str:
    rel = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    if rel.startswith(".."):
        rel = os.path.abspath(path)
        return "file://" + rel.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def sarif_log(result: CheckResult) -> dict[str, Any]:
    """The SARIF log of a check, as plain data."""
    from itures import __version__

    summaries = _summaries()
    names = sorted({d.rule for d in result.diagnostics})
    index = {name: i for i, name in enumerate(names)}
    rule_objects = []
    for name in names:
        rule: dict[str, Any] = {"id": name, "name": name}
        if name in summaries:
            rule["shortDescription"] = {"text": summaries[name]}
        rule_objects.append(rule)
    results = []
    uris: dict[str, str] = {}

    def _location(path: str, line: int, column: int, end_line: int, end_column: int) -> Any:
        uri = uris.get(path)
        if uri is None:
            uri = uris[path] = _uri(path)
        return _located(uri, line, column, end_line, end_column)

    for d in result.diagnostics:
        location = _location(d.path, d.line, d.column, d.end_line, d.end_column)
        if d.pointer:
            location["logicalLocations"] = [{"fullyQualifiedName": d.pointer, "kind": "element"}]
        found: dict[str, Any] = {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": d.severity,
            "message": {"text": d.message + (f"\n\nhelp: {d.help}" if d.help else "")},
            "locations": [location],
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
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _srcroot()}},
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


def _srcroot() -> str:
    cwd = os.path.abspath(os.getcwd()).replace(os.sep, "/")
    if not cwd.endswith("/"):
        cwd += "/"
    return "file://" + ("" if cwd.startswith("/") else "/") + cwd


def sarif(result: CheckResult) -> str:
    """SARIF 2.1.0 JSON text."""
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"
