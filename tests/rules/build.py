"""Small resolutions for the tests of one rule: the identity and history every
test needs, and the parts it is about.

    context(operative=[clauses(["to act;", "to report."])])
    context("fr", preamble=[items(["que ...;", "que ...,"], heading="considérant")])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from itures.model.resolution import Resolution
from itures.rules import Context, Finding

_RESOLVES = {"en": "resolves", "fr": "décide", "es": "resuelve"}


def data(language: str = "en", **parts: Any) -> dict[str, Any]:
    """The data of a valid resolution of ``language`` (PP Resolution 1, adopted
    at Dubai in 2018) with ``parts`` (``preamble``, ``operative``, ``annexes``,
    ``footnotes``, ``number``, ...) as given: a file's content to write."""
    return {
        "body": "pp",
        "number": "1",
        "language": language,
        "title": "Test",
        "history": [{"event": "adopted", "place": "Dubai", "year": 2018}],
        **parts,
    }


def resolution(language: str = "en", **parts: Any) -> Resolution:
    """:func:`data` as a model."""
    return Resolution.model_validate(data(language, **parts))


def context(language: str = "en", **parts: Any) -> Context:
    """The context a file rule runs in, for :func:`resolution`."""
    return Context("r.yaml", resolution(language, **parts))


def _entries(texts: list[str], labels: list[str | None]) -> list[dict[str, Any]]:
    return [
        {"text": text} if label is None else {"label": label, "text": text}
        for label, text in zip(labels, texts, strict=True)
    ]


def items(
    texts: list[str],
    *,
    verb: str = "considering",
    heading: str | None = None,
    labels: list[str | None] | None = None,
) -> dict[str, Any]:
    """A preambular section of items with these texts, lettered a), b), ...
    unless ``labels`` are given (None: unlabelled)."""
    if labels is None:
        labels = [f"{chr(ord('a') + i)})" for i in range(len(texts))]
    return {"verb": verb, "heading": heading or verb, "items": _entries(texts, labels)}


def clauses(
    texts: list[str],
    *,
    verb: str = "resolves",
    heading: str | None = None,
    labels: list[str | None] | None = None,
    language: str = "en",
    **more: Any,
) -> dict[str, Any]:
    """An operative section of clauses with these texts, numbered 1, 2, ...
    unless ``labels`` are given (None: unlabelled); ``more``: its other keys
    (``actors``, ...)."""
    if labels is None:
        labels = [str(i + 1) for i in range(len(texts))]
    if heading is None:
        heading = _RESOLVES[language] if verb == "resolves" else verb
    return {"verb": verb, "heading": heading, "clauses": _entries(texts, labels), **more}


def told_in_first_item(
    check: Callable[[Context], Iterable[Finding]],
    text: str,
    language: str = "en",
    others: tuple[str, ...] = (),
    clause: str = "to act.",
) -> list[tuple[str, str, str | None]]:
    """What ``check`` says of the first item of a preamble whose items are
    ``text`` then ``others`` (the file's other words), a clause after:
    (the words of each finding's span, its message, its help)."""
    ctx = context(
        language,
        preamble=[items([text, *others])],
        operative=[clauses([clause], language=language)],
    )
    return [
        (text[f.offset : f.offset + f.length], f.message, f.help)
        for f in check(ctx)
        if f.offset is not None
        and f.length is not None
        and f.path[:4] == ("preamble", 0, "items", 0)
    ]
