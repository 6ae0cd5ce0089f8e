"""Running the rules on one file: configuration, positions, suppressions.

:func:`itures.corpus._check` calls :func:`check_resolution` for each valid
resolution. The parsed document (for positions and suppression comments) is
fetched lazily: a file on which no rule finds anything and whose text has no
suppression marker is never parsed again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from itures.config import Config
from itures.diagnostics import Diagnostic, pointer_from
from itures.model.resolution import Resolution
from itures.rules import Context, Rule, load_all, run
from itures.rules import suppressions as sp
from itures.rules.position import locate
from itures.yamlio.read import Document

# rules the runner reports itself (they have no check of their own)
RUNNER_RULES = ("suppression-invalid", "suppression-unused")


class Runner:
    """The rules selected by a configuration, ready to run on many files."""

    def __init__(self, config: Config, index: Any) -> None:
        registry = load_all()
        self.config = config
        self.index = index
        self.rules: list[Rule] = [
            r for name, r in registry.items() if name not in RUNNER_RULES and config.enabled(name)
        ]
        self.enabled = {r.name for r in self.rules}
        self.known = set(registry)
        self.cache: dict[Any, Any] = {}

    def check_resolution(
        self,
        path: str,
        resolution: Resolution,
        document: Callable[[], Document | None],
        marked: bool | None = None,
    ) -> tuple[list[Diagnostic], list[sp.Suppressed]]:
        """Diagnostics and suppressed findings of one valid resolution.

        ``marked`` says whether the file's text contains the suppression
        marker (None: unknown, the document is fetched to know).
        """
        ctx = Context(path, resolution, self.index, self.config, self.cache)
        found = list(run(ctx, self.rules))
        if not found and marked is False:
            return [], []
        doc = document()
        out: list[Diagnostic] = []
        hidden: list[sp.Suppressed] = []
        if doc is None:  # the file changed or vanished since it was read
            for r, finding in found:
                severity = self.config.severity_of(r.name, finding.severity or r.severity)
                out.append(
                    Diagnostic(
                        r.name, severity, path, 1, 1, finding.message, pointer_from(finding.path)
                    )
                )
            return out, hidden
        sups = sp.scan(doc, self.known)
        for r, finding in found:
            line, column = locate(doc, finding.path, finding.offset, key=finding.key)
            severity = self.config.severity_of(r.name, finding.severity or r.severity)
            diag = Diagnostic(
                r.name, severity, path, line, column, finding.message, pointer_from(finding.path)
            )
            sup = (
                sp.match(sups, r.name, sp.node_lines(doc, finding.path) | {line}) if sups else None
            )
            if sup is None:
                out.append(diag)
            else:
                hidden.append(sp.Suppressed(diag, sup.reason))
        out.extend(self._suppression_findings(path, sups))
        return out, hidden

    def _suppression_findings(self, path: str, sups: list[sp.Suppression]) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        registry = load_all()
        if self.config.enabled("suppression-invalid"):
            sev = self.config.severity_of(
                "suppression-invalid", registry["suppression-invalid"].severity
            )
            for sup in sups:
                if sup.problem is not None:
                    out.append(
                        Diagnostic(
                            "suppression-invalid", sev, path, sup.line, sup.column, sup.problem
                        )
                    )
        if self.config.enabled("suppression-unused"):
            sev = self.config.severity_of(
                "suppression-unused", registry["suppression-unused"].severity
            )
            for sup, name in sp.unused(sups, self.enabled):
                out.append(
                    Diagnostic(
                        "suppression-unused",
                        sev,
                        path,
                        sup.line,
                        sup.column,
                        f"the suppression of '{name}' matches no finding on line {sup.target}; "
                        "remove it, or move it next to what it is about",
                    )
                )
        return out
