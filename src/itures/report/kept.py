"""A report as the cache keeps it with its run, and written again from there.

A check that nothing changed writes the report kept with its run (see
:meth:`itures.cache.Cache.put_report`). The stored value is one marker byte
and the report's UTF-8 text:

* ``0``: plain UTF-8; ``1``: UTF-8 with lone surrogates kept (a file name that
  is not UTF-8 is shown escaped by the output's error handler, as when the
  report was made);
* ``2`` and ``3``: the same, compressed with zlib: a report above
  :data:`PLAIN_MAX` bytes (a corpus full of findings gives hundreds of
  megabytes of text) is compressed as it is made, so that neither the run
  that makes it nor the run that writes it again holds it whole.

A report whose stored value would exceed the cache's limit is not kept.
What the recorder holds above :data:`SPOOL` bytes is written to a temporary
file as it comes (the report of 100,000 files is some 80 MB compressed,
which the run would otherwise hold while it writes the report), and read
back a block at a time when the cache stores it.
"""

from __future__ import annotations

import codecs
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import IO, overload

__all__ = ["PLAIN_MAX", "Recorder", "replay"]

PLAIN, SURROGATES, ZPLAIN, ZSURROGATES = b"\x00", b"\x01", b"\x02", b"\x03"
PLAIN_MAX = 32_000_000  # above this, the report is kept compressed
STEP = 1 << 22  # compressed bytes decompressed at a time
SPOOL = 8_000_000  # above this, what the recorder holds is written to a temporary file
BLOCK = 1 << 20  # bytes of a spooled report read back at a time


class Recorder:
    """Collects a report as it is written, in the form the cache keeps (see the
    module docstring); at most ``limit`` bytes are kept, else nothing."""

    def __init__(
        self,
        limit: int,
        *,
        plain_max: int | None = None,
        spool: int | None = None,
        block: int | None = None,
    ) -> None:
        self.limit = limit
        # (the module's sizes, unless given: PLAIN_MAX, SPOOL, BLOCK)
        self.plain_max = PLAIN_MAX if plain_max is None else plain_max
        self.spool = SPOOL if spool is None else spool
        self.block = BLOCK if block is None else block
        self.parts: list[bytes] = []  # what is held in memory (after the spooled bytes)
        self.size = 0  # the bytes recorded: spooled and held
        self.surrogates = False
        self.dropped = False
        self._z: zlib._Compress | None = None
        self._file: IO[bytes] | None = None  # the spooled bytes, when there are some
        self._held = 0  # the bytes of self.parts

    def add(self, chunk: str) -> None:
        if self.dropped:
            return
        try:
            data = chunk.encode("utf-8")
        except UnicodeEncodeError:
            data = chunk.encode("utf-8", "surrogatepass")
            self.surrogates = True
        if self._z is None and self.size + len(data) > self.plain_max:
            self._compress_so_far()
        if self._z is not None:
            data = self._z.compress(data)
            if not data:  # zlib keeps it for now
                return
        self.parts.append(data)
        self.size += len(data)
        self._held += len(data)
        if self.size > self.limit:
            self._drop()
        elif self._held > self.spool:
            self._spool()

    def _compress_so_far(self) -> None:
        """From now on, compressed: what is recorded so far compressed too."""
        z = self._z = zlib.compressobj(1)
        if self._file is None:
            self.parts = [out for out in map(z.compress, self.parts) if out]
            self._held = self.size = sum(len(p) for p in self.parts)
            return
        plain, self._file = self._file, None
        held, self.parts, self._held, self.size = self.parts, [], 0, 0
        plain.seek(0)
        for block in chain(iter(lambda: plain.read(self.block), b""), held):
            out = z.compress(block)
            if out:
                self.parts.append(out)
                self.size += len(out)
                self._held += len(out)
                if self._held > self.spool:
                    self._spool()
        plain.close()

    def _spool(self) -> None:
        """Write what is held to the temporary file (made at the first time);
        where none can be made, it stays held."""
        if self._file is None:
            try:
                # (kept open while the report is made; closed once stored or dropped)
                self._file = tempfile.TemporaryFile(prefix="itures-report-")  # noqa: SIM115
            except OSError:
                self.spool = self.limit + 1  # (held, as before; not tried at each chunk)
                return
        try:
            self._file.writelines(self.parts)
        except OSError:  # a full disk: the report is not kept
            self._drop()
            return
        self.parts, self._held = [], 0

    def _drop(self) -> None:
        self.dropped, self.parts, self._held = True, [], 0
        if self._file is not None:
            self._file.close()
            self._file = None

    def value(self) -> bytes | None:
        """What the cache keeps (None: too large)."""
        parts = self.parts_of_value()
        return None if parts is None else b"".join(parts)

    def parts_of_value(self) -> Sequence[bytes] | None:
        """:meth:`value` in parts, not joined (None: too large): the cache writes
        them one after the other (:meth:`itures.cache.Cache.put_report`), so
        that the report is held once, not twice (what was spooled is read
        back a block at a time, each time the parts are gone through). The
        recorder is spent."""
        if self.dropped:
            return None
        parts, self.parts = self.parts, []
        size = self.size
        if self._z is None:
            marker = SURROGATES if self.surrogates else PLAIN
        else:
            parts.append(self._z.flush())
            size += len(parts[-1])
            self._z = None
            marker = ZSURROGATES if self.surrogates else ZPLAIN
        spooled, self._file = self._file, None
        if size > self.limit:  # (the size kept as it was recorded: no pass over the parts)
            if spooled is not None:
                spooled.close()
            return None
        if spooled is None:
            return [marker, *parts]
        return _Spooled(marker, spooled, parts, self.block)


class _Spooled(Sequence[bytes]):
    """A kept report's value in parts: its marker, the spooled bytes read
    back a block at a time (each part read when it is asked for), then the
    parts held."""

    def __init__(self, marker: bytes, file: IO[bytes], held: list[bytes], block: int) -> None:
        self._marker = marker
        self._block = block
        self._file = file
        self._held = held
        file.seek(0, 2)
        self._spooled = file.tell()
        self._blocks = -(-self._spooled // block)

    def __len__(self) -> int:
        return 1 + self._blocks + len(self._held)

    @overload
    def __getitem__(self, i: int) -> bytes: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[bytes]: ...

    def __getitem__(self, i: int | slice) -> bytes | Sequence[bytes]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i == 0:
            return self._marker
        if i <= self._blocks:
            self._file.seek((i - 1) * self._block)
            return self._file.read(self._block)
        return self._held[i - 1 - self._blocks]


def replay(value: bytes, *, as_bytes: bool) -> Iterator[str | bytes]:
    """The report a value keeps, in pieces: UTF-8 bytes where ``as_bytes`` and the
    report has no lone surrogates, else text."""
    marker, body = value[:1], memoryview(value)[1:]
    surrogates = marker in (SURROGATES, ZSURROGATES)
    text = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    raw = as_bytes and not surrogates
    if marker in (PLAIN, SURROGATES):
        yield bytes(body) if raw else text.decode(bytes(body), final=True)
        return
    if marker not in (ZPLAIN, ZSURROGATES):
        raise ValueError("not a kept report")
    z = zlib.decompressobj()
    for start in range(0, len(body), STEP):
        out = z.decompress(body[start : start + STEP])
        yield out if raw else text.decode(out)
    out = z.flush()
    yield out if raw else text.decode(out, final=True)
