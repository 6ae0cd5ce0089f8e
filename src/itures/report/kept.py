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
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator

__all__ = ["PLAIN_MAX", "Recorder", "replay"]

PLAIN, SURROGATES, ZPLAIN, ZSURROGATES = b"\x00", b"\x01", b"\x02", b"\x03"
PLAIN_MAX = 32_000_000  # above this, the report is kept compressed
STEP = 1 << 22  # compressed bytes decompressed at a time


class Recorder:
    """Collects a report as it is written, in the form the cache keeps (see the
    module docstring); at most ``limit`` bytes are kept, else nothing."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.surrogates = False
        self.dropped = False
        self._z: zlib._Compress | None = None

    def add(self, chunk: str) -> None:
        if self.dropped:
            return
        try:
            data = chunk.encode("utf-8")
        except UnicodeEncodeError:
            data = chunk.encode("utf-8", "surrogatepass")
            self.surrogates = True
        if self._z is None and self.size + len(data) > PLAIN_MAX:
            z = self._z = zlib.compressobj(1)
            self.parts = [out for out in map(z.compress, self.parts) if out]
            self.size = sum(len(p) for p in self.parts)
        if self._z is not None:
            data = self._z.compress(data)
            if not data:  # zlib keeps it for now
                return
        self.parts.append(data)
        self.size += len(data)
        if self.size > self.limit:
            self.dropped, self.parts = True, []

    def value(self) -> bytes | None:
        """What the cache keeps (None: too large)."""
        parts = self.parts_of_value()
        return None if parts is None else b"".join(parts)

    def parts_of_value(self) -> list[bytes] | None:
        """:meth:`value` in parts, not joined (None: too large): the cache writes
        them one after the other (:meth:`itures.cache.Cache.put_report`), so
        that the report is held once, not twice. The recorder is spent."""
        if self.dropped:
            return None
        parts, self.parts = self.parts, []
        if self._z is None:
            return [SURROGATES if self.surrogates else PLAIN, *parts]
        parts.append(self._z.flush())
        self._z = None
        if sum(len(p) for p in parts) > self.limit:
            return None
        return [ZSURROGATES if self.surrogates else ZPLAIN, *parts]


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
