"""The corpus index: the resolutions of a corpus by identity, for the corpus rules.

:class:`Index` holds a :class:`~itures.summary.Summary` of each file. The
corpus rules ask it for one identity at a time (the files of one body and
number: language versions, duplicates, the target of a citation).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from itures.paths import folder_name

if TYPE_CHECKING:
    from itures.model.resolution import Resolution
    from itures.summary import Summary

__all__ = ["Card", "DuplicateIdentity", "Index", "LazyIndex", "card_of"]


_NONE: Mapping[str, Summary] = {}


class DuplicateIdentity(LookupError):
    """Several files hold one identity (body, number, language): which one is meant
    cannot be told. ``paths`` names them all, the one at the default layout's path first."""

    def __init__(self, body: str, number: str, language: str, paths: list[str]) -> None:
        super().__init__(
            f"{len(paths)} files have the identity {body} {number} ({language}): "
            f"{', '.join(paths)}; `itures check` reports them (identity-duplicate)"
        )
        self.body = body
        self.number = number
        self.language = language
        self.paths = paths


class Index:
    """The valid resolutions of a corpus by identity (body, number) and language.

    Two files with one identity (body, number, language) are both kept
    (decision: an index never hides a file): iteration yields both,
    :meth:`same_identity` lists them, and the lookups (:meth:`summary`,
    :meth:`version`, :meth:`get`, ...) answer with the first by path, so
    that the answer does not depend on the order files were read in. The
    corpus rule ``identity-duplicate`` reports them.

    The index keeps a :class:`~itures.summary.Summary` of each resolution:
    what the rules that look across files need of it (identity, history,
    labels, footnote ids, citations), a few kilobytes instead of the ~35 KB of
    the model, so that a check of 100,000 files fits in memory. Resolutions
    added with :meth:`add` are kept whole as well (:meth:`get`,
    :meth:`model`: the library's :class:`Corpus`, rendering); a check adds
    summaries only (:meth:`add_summary`).
    """

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], dict[str, Summary]] = {}
        # the further files of an identity held by two or more, after the first by path
        self._more: dict[tuple[str, str, str], list[Summary]] = {}
        self._identity: dict[str, tuple[str, str, str]] = {}  # of each path
        self._models: dict[str, Resolution] = {}

    def clear(self) -> None:
        """Forget every resolution (a check done with the index frees it before
        its results are stored and reported)."""
        self._by_key.clear()
        self._more.clear()
        self._identity.clear()
        self._models.clear()

    def add(self, path: str, resolution: Resolution) -> Summary:
        """Index a resolution, keeping its model (see :meth:`get`)."""
        from itures.summary import summarise

        summary = summarise(path, resolution)
        self.add_summary(summary)
        self._models[path] = resolution
        return summary

    def add_summary(self, summary: Summary) -> None:
        """Index a resolution by its summary alone (again for a path already indexed:
        the new summary replaces the old)."""
        identity = (summary.body, summary.number, summary.language)
        before = self._identity.get(summary.path)
        if before is not None and before != identity:
            self._place(before, summary.path, None)
        self._identity[summary.path] = identity
        self._place(identity, summary.path, summary)

    def _place(self, identity: tuple[str, str, str], path: str, summary: Summary | None) -> None:
        """Put ``summary`` at ``path`` in the files of ``identity`` (None: take it out)."""
        body, number, language = identity
        versions = self._by_key.setdefault((body, number), {})
        first = versions.get(language)
        if summary is not None and (
            first is None or (first.path == path and identity not in self._more)
        ):
            versions[language] = summary
            return
        group = [s for s in (first, *self._more.get(identity, ())) if s and s.path != path]
        if summary is not None:
            group.append(summary)
        group.sort(key=_placed)
        if group:
            versions[language] = group[0]
        else:
            versions.pop(language, None)
            if not versions:
                del self._by_key[(body, number)]
        if len(group) > 1:
            self._more[identity] = group[1:]
        else:
            self._more.pop(identity, None)

    def same_identity(self, body: str, number: str, language: str) -> list[Summary]:
        """Every file with this identity (more than one is a mistake): the one at
        the default layout's path first, then in path order (:func:`_placed`)."""
        first = self._by_key.get((body, number), _NONE).get(language)
        if first is None:
            return []
        return [first, *self._more.get((body, number, language), ())]

    def duplicates(self) -> Iterator[list[Summary]]:
        """The files of each identity held by more than one, the one at the
        default layout's path first, then in path order (:func:`_placed`)."""
        for body, number, language in self._more:
            yield self.same_identity(body, number, language)

    def summary(self, body: str, number: str, language: str | None = None) -> Summary | None:
        """The summary of this identity: in ``language`` if given, else any version."""
        versions = self._by_key.get((body, number))
        if not versions:
            return None
        if language is None:
            return next(iter(versions.values()))
        return versions.get(language)

    def versions(self, body: str, number: str) -> Mapping[str, Summary]:
        """The language versions of one resolution: language -> summary (do not change it)."""
        return self._by_key.get((body, number), _NONE)

    def version(self, body: str, number: str, language: str) -> Summary | None:
        """The version in ``language`` of one resolution, else any version, else None."""
        versions = self._by_key.get((body, number))
        if not versions:
            return None
        found = versions.get(language)
        return found if found is not None else next(iter(versions.values()))

    def model(self, summary: Summary) -> Resolution | None:
        """The model of an indexed resolution, when it was added with :meth:`add`."""
        return self._models.get(summary.path)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        """The model with this identity (None if absent or indexed by summary only)."""
        found = self.summary(body, number, language)
        return self._models.get(found.path) if found is not None else None

    def bodies(self) -> frozenset[str]:
        """The bodies of the indexed resolutions (pp, wtdc, ...)."""
        return frozenset(body for body, _ in self._by_key)

    def __contains__(self, ref: object) -> bool:
        """Whether a resolution (a ``ResolutionRef`` or a (body, number) pair) is indexed."""
        body, number = getattr(ref, "body", None), getattr(ref, "number", None)
        if body is None and isinstance(ref, tuple) and len(ref) == 2:
            body, number = ref
        return (body, number) in self._by_key

    def __len__(self) -> int:
        """The number of indexed files (two files of one identity count twice)."""
        return sum(len(v) for v in self._by_key.values()) + sum(map(len, self._more.values()))

    def __iter__(self) -> Iterator[Summary]:
        """Every indexed file, the files of a shared identity included."""
        for (body, number), versions in self._by_key.items():
            for language, summary in versions.items():
                yield summary
                if self._more:
                    yield from self._more.get((body, number, language), ())


# -- the index kept between runs ------------------------------------------------------

# What the index keeps of a file between runs, without its summary: its identity
# (body, number, language) and the identities (body, number) it cites.
Card = tuple[str, str, str, tuple[tuple[str, str], ...]]


def card_of(summary: Summary) -> Card:
    """The :data:`Card` of a summary."""
    cited: dict[tuple[str, str], None] = {}
    for _, _, _, target in summary.cites:
        for ref in _cited(target):
            cited[ref] = None
    return (summary.body, summary.number, summary.language, tuple(cited))


@functools.lru_cache(maxsize=65536)
def _cited(target: str) -> tuple[tuple[str, str], ...]:
    """The identities a citation target names (none when it does not parse)."""
    from itures.model.markup import parse_target

    parsed = parse_target(target)
    if isinstance(parsed, str):
        return ()
    return tuple((sys.intern(ref.body), sys.intern(ref.number)) for ref in parsed[0])


def _placed(summary: Summary) -> tuple[bool, str]:
    """The order of the files of one identity: first the one at the path the
    default layout gives it (``pp/71/en.yaml`` for pp 71 in English), which
    the others copy or mistype (``pp/200/en.yaml`` that says ``number:
    '71'``: identity-path's finding), then by path. The first is the one
    the citations of the identity are resolved against."""
    path = summary.path.replace("\\", "/")
    home = f"/{summary.body}/{folder_name(summary.number)}/{summary.language}."
    stem, dot, extension = path.rpartition(".")
    at_home = bool(dot) and extension in ("yaml", "yml") and f"/{stem}.".endswith(home)
    return (not at_home, summary.path)


class LazyIndex(Index):
    """An :class:`Index` that reads summaries when a rule asks for them.

    It starts from the :data:`Card` of every file of the corpus (kept
    between runs by the cache) and ``load(path)``, which gives a file's
    summary (decoded from the cache, or the file read again). A lookup of
    one identity (body, number) loads the files of that identity and no
    other: a check of one changed file in a corpus of 100,000 reads the
    summaries of the resolutions it cites, its language versions and
    namesakes, and of the files that cite it (:meth:`citing`), not the
    corpus. Iterating over the whole index loads everything.

    The answers are those of an :class:`Index` holding every summary: the
    groups are complete when asked for, and the identities, bodies and
    length come from the cards.
    """

    def __init__(self, cards: Mapping[str, Card], load: Callable[[str], Summary | None]) -> None:
        super().__init__()
        self._cards = dict(cards)
        self._load = load
        self._groups: dict[tuple[str, str], list[str]] = {}
        for path, (body, number, _, _) in self._cards.items():
            self._groups.setdefault((body, number), []).append(path)
        self._loaded: set[tuple[str, str]] = set()

    def clear(self) -> None:
        super().clear()
        self._cards.clear()
        self._groups.clear()
        self._loaded.clear()

    @property
    def cards(self) -> Mapping[str, Card]:
        """Every file's card, by path."""
        return self._cards

    def add_summary(self, summary: Summary) -> None:
        """Index a summary now (a checked file: its card is made from it)."""
        path = summary.path
        old = self._cards.get(path)
        card = card_of(summary)
        if old is None or old[:2] != card[:2]:
            if old is not None:
                self._groups[(old[0], old[1])].remove(path)
            self._groups.setdefault((card[0], card[1]), []).append(path)
        self._cards[path] = card
        super().add_summary(summary)

    def _ensure(self, body: str, number: str) -> None:
        key = (body, number)
        if key in self._loaded:
            return
        self._loaded.add(key)
        for path in list(self._groups.get(key, ())):
            if path in self._identity:
                continue  # added already
            summary = self._load(path)
            if summary is not None:
                Index.add_summary(self, summary)

    def _ensure_all(self) -> None:
        for body, number in list(self._groups):
            self._ensure(body, number)

    def same_identity(self, body: str, number: str, language: str) -> list[Summary]:
        self._ensure(body, number)
        return super().same_identity(body, number, language)

    def duplicates(self) -> Iterator[list[Summary]]:
        counts: dict[tuple[str, str, str], int] = {}
        for card in self._cards.values():
            counts[card[:3]] = counts.get(card[:3], 0) + 1
        for body, number, _ in (k for k, n in counts.items() if n > 1):
            self._ensure(body, number)
        return super().duplicates()

    def summary(self, body: str, number: str, language: str | None = None) -> Summary | None:
        self._ensure(body, number)
        return super().summary(body, number, language)

    def versions(self, body: str, number: str) -> Mapping[str, Summary]:
        self._ensure(body, number)
        return super().versions(body, number)

    def version(self, body: str, number: str, language: str) -> Summary | None:
        self._ensure(body, number)
        return super().version(body, number, language)

    def get(self, body: str, number: str, language: str | None = None) -> Resolution | None:
        self._ensure(body, number)
        return super().get(body, number, language)

    def bodies(self) -> frozenset[str]:
        return frozenset(body for body, _ in self._groups if self._groups[(body, _)])

    def __contains__(self, ref: object) -> bool:
        body, number = getattr(ref, "body", None), getattr(ref, "number", None)
        if body is None and isinstance(ref, tuple) and len(ref) == 2:
            body, number = ref
        return bool(self._groups.get((body, number)))  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._cards)

    def __iter__(self) -> Iterator[Summary]:
        self._ensure_all()
        return super().__iter__()

    def citing(self, targets: Iterable[tuple[str, str]]) -> list[str]:
        """The files whose citations name one of the identities ``targets``, in path order."""
        wanted = frozenset(targets)
        return sorted(path for path, card in self._cards.items() if not wanted.isdisjoint(card[3]))

    def group(self, body: str, number: str) -> list[str]:
        """The files of the identity (body, number), in path order (from the cards:
        nothing read)."""
        return sorted(self._groups.get((body, number), ()))
