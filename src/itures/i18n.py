"""Messages in the editor's language: English, French or Spanish.

Every message an editor reads (a finding's message and help, the summary of a
check) is written in English in the code, as a literal with named
placeholders, and passed through :func:`tr`::

    tr("item {label} appears twice in '{section}'", label=label, section=heading)

The translations are gettext catalogues, one per language, in
``itures/locale/<lang>/LC_MESSAGES/itures.po`` (the source, edited by
translators) and ``itures.mo`` (compiled, read at run time by the standard
library's :mod:`gettext`: no dependency at run time). ``scripts/messages.py``
extracts the messages with Babel and updates and compiles the catalogues;
``tests/test_messages.py`` fails when a catalogue lacks a message, has one
marked fuzzy, or changes a placeholder. ``docs/messages.md`` is the
translators' guide.

Decisions:

* **English by default.** The language is chosen, strongest first, by
  ``--lang``, the environment variable ``ITURES_LANG``, ``[tool.itures] lang``
  in the corpus configuration; rule names, JSON keys and ``docs/rules.md``
  stay English, so that scripts and searches do not depend on the language.
* **One language per process** (:func:`use`): the check's worker processes
  set it from the configuration they are given, and the cache keeps the
  messages of each language apart (the language is part of its fingerprint).
* **A message the catalogue lacks is shown in English**, never dropped.
* Placeholders are named (``{label}``), so that a translation may reorder
  them; a literal brace in a message with placeholders is written ``{{``.
* **A list in a message names a dozen at most** (:func:`listing`): "its
  clauses: 1, 2, ..., 12, … (4,000 in all)". A hostile file of thousands of
  footnotes or sections would otherwise make each of thousands of findings
  name all of them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

__all__ = ["LANGUAGES", "SHOWN", "current", "either", "listing", "resolve", "tr", "use"]

LANGUAGES = ("en", "fr", "es")
ENV = "ITURES_LANG"

_current = "en"
_catalogues: dict[str, dict[str, str]] = {}


def _catalogue(lang: str) -> dict[str, str]:
    found = _catalogues.get(lang)
    if found is None:
        import gettext

        here = os.path.join(os.path.dirname(__file__), "locale")
        try:
            trans = gettext.translation("itures", here, languages=[lang])
        except OSError:
            found = {}
        else:
            found = dict(getattr(trans, "_catalog", {}))
            found.pop("", None)  # the header
        _catalogues[lang] = found
    return found


def use(lang: str | None) -> None:
    """Speak ``lang`` (one of :data:`LANGUAGES`; None: English) from now on."""
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    _current = lang or "en"


def current() -> str:
    """The language messages are given in."""
    return _current


def resolve(option: str | None, configured: str | None) -> str:
    """The language to speak: ``--lang``, else ``ITURES_LANG``, else the configuration's.

    Raises ValueError naming the source of an unknown language.
    """
    if option:
        chosen, where = option, "--lang"
    elif os.environ.get(ENV):
        chosen, where = os.environ[ENV], ENV
    elif configured:
        chosen, where = configured, "[tool.itures] lang"
    else:
        return "en"
    chosen = chosen.strip().lower().replace("_", "-").split("-")[0]
    if chosen not in LANGUAGES:
        raise ValueError(
            f"{where}: unknown language {chosen!r}; expected one of {', '.join(LANGUAGES)}"
        )
    return chosen


# A value longer than this is shown clipped in a message (:func:`clip`).
LONGEST = 300


def clip(value: Any) -> Any:
    """``value`` as a message shows it: one word (no blank in it) of more
    than :data:`LONGEST` characters, a label of 12,000 digits, a pasted run
    of a character, as its first 200 and last 60 characters around '…', so
    that one finding is read in a line or two; anything else as it is (a
    list of file names, a sentence: a message says them whole). The data a
    quick fix writes is not clipped, only what is said."""
    if type(value) is str and len(value) > LONGEST and not _BLANK.search(value):
        return f"{value[:200]}…{value[-60:]}"
    return value


_BLANK = re.compile(r"\s")


def tr(message: str, /, **values: Any) -> str:
    """``message`` in the current language, its placeholders filled with
    ``values`` (a very long word clipped: :func:`clip`; looked for only in
    a message that came out long, most are not)."""
    said = _filled(message, values)
    if len(said) > LONGEST and any(type(v) is str and len(v) > LONGEST for v in values.values()):
        return _filled(message, {k: clip(v) for k, v in values.items()})
    return said


def _filled(message: str, values: dict[str, Any]) -> str:
    """:func:`tr` without the clipping."""
    if _current != "en":
        translated = _catalogue(_current).get(message, message)
        try:
            return translated.format(**values) if values else translated
        except (KeyError, IndexError, ValueError):  # a broken translation: the English
            pass
    return message.format(**values) if values else message


# How many items a list in a message names at most (:func:`listing`).
SHOWN = 12


def either(names: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c' in the current language."""
    if len(names) < 2:
        return "".join(names)
    return tr("{first} or {last}", first=", ".join(names[:-1]), last=names[-1])


def replacements(pairs: Sequence[tuple[str, str]]) -> str:
    """Each (written, meant) of ``pairs``, as shown, said as a help says what
    to write for what ("'Secrétaire' for 'Secr?taire', ..."), in the current
    language (built here, not inside the help's own ``tr`` call, whose
    arguments the extraction of messages does not read)."""
    return ", ".join(tr("{meant} for {written}", meant=m, written=w) for w, m in pairs)


def listing(items: Sequence[str], limit: int = SHOWN) -> str:
    """``items`` joined by ", " as a message names them: the first ``limit``,
    then "… (N in all)" when there are more."""
    if len(items) <= limit:
        return ", ".join(items)
    return tr(
        "{labels}, … ({count} in all)",
        labels=", ".join(items[:limit]),
        count=format(len(items), ","),
    )
