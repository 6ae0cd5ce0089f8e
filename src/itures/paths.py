"""Where a resolution's files go: folder names from identity, kept inside a target.

A corpus, and every rendered or imported copy of it, is laid out by identity:
``<body>/<number>/<language>.<ext>`` (``wtdc/59/fr.yaml``). The identity
comes from the files, which are untrusted input (a corpus takes pull requests
from many delegations), so two guards stand between a field and a path:

1. **The model refuses what cannot be a folder name.** A body is lower-case
   letters, digits and ``-``; a language is one of the six codes; a number is
   one or more *segments* of letters, digits, ``.`` and ``-`` that start and
   end with a letter or digit, separated by single ``/`` (see
   :data:`itures.model.resolution.NUMBER_PATTERN`). So ``..``, ``.``, an
   empty segment, a leading ``/`` (an absolute path), a backslash, a space
   and control characters can never be part of an identity: the schema and
   the model both reject them.
2. **Every writer resolves its final path** (symbolic links included) and
   refuses one outside the directory it was given (:func:`inside`), with a
   message and nothing written; a guard against anything the first one
   missed, and against a link inside the output directory that leads out.

**The folder of a number** (decision): a ``/`` that a real number has (UN
General Assembly resolution 70/1) becomes ``_`` (:func:`folder_name`:
``unga/70_1/en.yaml``). ``_`` is never part of a number, so the mapping is
one to one: no two numbers share a folder (``70-1``, an ITU-R style revision
suffix, keeps its own), and the number can be read back from its folder.
Percent-encoding (``70%2F1``) would be one to one too, but is awkward in
shells, URLs and editors' file trees.
"""

from __future__ import annotations

import os

__all__ = ["DEFAULT_LAYOUT", "OutsideTarget", "folder_name", "identity_path", "inside"]

# where each file lies under the corpus directory, by default (``[tool.itures] layout``)
DEFAULT_LAYOUT = "{body}/{number}/{language}.yaml"


class OutsideTarget(ValueError):
    """A path built from a document's identity leads outside the target directory."""

    def __init__(self, path: str, root: str, real: str) -> None:
        super().__init__(
            f"{path} leads outside the output directory {root} (to {real}): refusing to write it"
        )
        self.path = path
        self.root = root
        self.real = real


def folder_name(number: str) -> str:
    """The folder of a resolution number: ``/`` becomes ``_``.

    >>> folder_name("59"), folder_name("6-2"), folder_name("70/1")
    ('59', '6-2', '70_1')
    """
    return number.replace("/", "_")


def identity_path(body: str, number: str, language: str, ext: str) -> str:
    """``<body>/<folder of number>/<language><ext>``, with ``/`` separators.

    >>> identity_path("unga", "70/1", "en", ".yaml")
    'unga/70_1/en.yaml'
    """
    return f"{body}/{folder_name(number)}/{language}{ext}"


def inside(root: str, relative: str) -> str:
    """``root`` joined with the ``/``-separated ``relative`` path, if it stays inside.

    The joined path and ``root`` are both resolved (``..`` segments and
    symbolic links followed, as the operating system would when writing);
    :class:`OutsideTarget` is raised unless the result lies strictly under
    the resolved ``root``. The path returned is the plain join, as the user
    would write it (``out/wtdc/59/fr.html``).

    >>> inside("out", "wtdc/59/fr.html") == os.path.join("out", "wtdc", "59", "fr.html")
    True
    >>> inside("out", "wtdc/../../etc/fr.html")
    Traceback (most recent call last):
    ...
    itures.paths.OutsideTarget: out/wtdc/../../etc/fr.html leads outside the output directory out (to ...
    """
    path = os.path.join(root, *relative.split("/"))
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if real == real_root or os.path.commonpath([real_root, real]) != real_root:
        raise OutsideTarget(path, root, real)
    return path


SCHEMA_PATH = os.path.join("schema", "resolution.schema.json")


def schema_reference(target: str) -> str | None:
    """The JSON Schema for a resolution file at ``target``, as the editors' first
    line names it: relative to the file's folder, found in the nearest
    ``schema/`` folder above it (up to the top of its git repository, where
    ``itures init`` and ``itures schema --write`` put it); None when there is
    none."""
    here = os.path.dirname(os.path.abspath(target))
    probe = here
    while True:
        candidate = os.path.join(probe, SCHEMA_PATH)
        if os.path.isfile(candidate):
            return os.path.relpath(candidate, here).replace(os.sep, "/")
        parent = os.path.dirname(probe)
        if parent == probe or os.path.exists(os.path.join(probe, ".git")):
            return None
        probe = parent
