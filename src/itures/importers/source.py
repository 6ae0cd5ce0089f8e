"""Reading a source to import: one place for the importers and the command."""

from __future__ import annotations

from itures.importers.records import ImportFailure

__all__ = ["MAX_SOURCE_BYTES", "read_source"]


# The PP-18 Final Acts, every resolution of a conference in one Akoma Ntoso
# file, are 1.5 MB; a .docx with pictures a few MB. A source above this is
# not read (parsing XML takes about ten times its size in memory).
MAX_SOURCE_BYTES = 50_000_000


def read_source(path: str) -> bytes:
    """The bytes of a source to import, read as :func:`itures.files.read` reads.

    A regular file of at most :data:`MAX_SOURCE_BYTES` (a FIFO, a device, a
    larger file are refused). The source is a file the user names, not part
    of a corpus: a symbolic link to it is followed wherever it leads. Raises
    :class:`ImportFailure`.
    """
    from itures.files import FileRefused, read

    try:
        return read(path, limit=MAX_SOURCE_BYTES, what="a source to import", contained=False)
    except FileRefused as exc:
        from itures.i18n import tr

        said = (
            tr("not imported: {reason}", reason=exc.reason)
            if exc.refused
            else tr("cannot read: {reason}", reason=exc.reason)
        )
        raise ImportFailure(said, where=path) from None
