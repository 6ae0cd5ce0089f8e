"""Benchmark: ``itures lsp``, from a change in the editor to its diagnostics.

Starts the real server (``python -m itures lsp``) over stdio with pygls's
LSP client, opens a document, then sends changes (a word added to
a text, in turn at two places, so each change is a new text and the run
cache cannot answer) and times each from the ``didChange`` sent to the
``publishDiagnostics`` received for it. The server waits
:data:`itures.lsp.diagnostics.DEBOUNCE` (0.3 s) after a change before it
checks (typing does not start a check per key): the figure reported is the
time after that wait, the check and its transport; the total is shown too.
Also the first open (a cold cache: the corpus is read once) and the server's
peak resident memory (``VmHWM``) at the end.

Two workspaces:

* the example (``resolutions/wtdc/59/fr.yaml``, with its configuration);
* the realistic corpus of ``bench/realistic.py`` (5,000 files built from
  ``../shared``), with one of its files grown to about 200 KB (its operative
  clauses repeated): skipped, with a note, when ``../shared`` is absent.

    python bench/lsp.py                 # 20 changes each
    python bench/lsp.py --changes 50 --files 5000 --size 200000
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

DEBOUNCE = 0.3


async def _measure(root: Path, doc: Path, changes: int) -> dict[str, Any]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    env = dict(os.environ, ITURES_CACHE_DIR=str(root.parent / "cache"))
    client = LanguageClient("itures-bench", "1")
    await client.start_io(sys.executable, "-m", "itures", "lsp", cwd=str(root), env=env)
    uri = from_fs_path(str(root / doc)) or ""
    got: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri and params.version is not None:
            got[params.version] = time.perf_counter()
            got[-params.version] = len(params.diagnostics)
            arrived.set()

    async def wait(version: int) -> float:
        while version not in got:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 600)
        return got[version]

    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=from_fs_path(str(root)),
            process_id=os.getpid(),
        )
    )
    client.initialized(types.InitializedParams())
    text = (root / doc).read_text(encoding="utf-8")
    start = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
    )
    first = await wait(1) - start
    marks = [i for i in (text.find("\n    text: "), text.rfind("        text: ")) if i >= 0]
    totals: list[float] = []
    for n in range(changes):
        version = n + 2
        at = text.find("text: ", marks[n % len(marks)]) + len("text: ")
        text = text[:at] + "x" + text[at:]
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        totals.append(await wait(version) - sent)
    pid = client._server.pid if client._server is not None else None
    hwm = _peak_mb(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    after = [t - DEBOUNCE for t in totals]
    return {
        "bytes": len(text.encode()),
        "diagnostics": got.get(-(changes + 1), got.get(-1)),
        "first": first,
        "median": statistics.median(after),
        "p90": sorted(after)[int(0.9 * (len(after) - 1))],
        "max": max(after),
        "total": statistics.median(totals),
        "peak_mb": hwm,
    }


def _peak_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _example(tmp: Path) -> tuple[Path, Path]:
    root = tmp / "example"
    doc = Path("resolutions/wtdc/59/fr.yaml")
    (root / doc.parent).mkdir(parents=True)
    shutil.copy(REPO / doc, root / doc)
    (root / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    return root, doc


def grow(path: Path, size: int) -> None:
    """Repeat the clauses of the file's last operative section, one by one, until
    it holds ``size`` bytes (the repeated labels are numbering findings, as in a
    long draft)."""
    text = path.read_text(encoding="utf-8")
    at = text.rfind("\n    clauses:\n")
    if at < 0 or len(text.encode()) >= size:
        return
    start = at + len("\n    clauses:\n")
    block: list[str] = []
    for line in text[start:].split("\n"):
        if line and not line.startswith("      "):
            break
        block.append(line)
    entries: list[str] = []
    for line in block:
        if line.startswith("      - ") or not entries:
            entries.append("")
        entries[-1] += line + "\n"
    end = start + sum(len(e) for e in entries)
    added: list[str] = []
    total = len(text.encode())
    while total < size:
        entry = entries[len(added) % len(entries)]
        added.append(entry)
        total += len(entry.encode())
    path.write_text(text[:end] + "".join(added) + text[end:], encoding="utf-8")


def _realistic(tmp: Path, files: int, size: int) -> tuple[Path, Path] | None:
    from realistic import build, shared_corpus

    if shared_corpus() is None:
        return None
    root = tmp / "realistic"
    made = build(root, files)
    (root / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    biggest = max(made.files, key=os.path.getsize)
    grow(Path(biggest), size)
    return root, Path(os.path.relpath(biggest, root))


def _row(name: str, r: dict[str, Any]) -> str:
    peak = f"{r['peak_mb']:.0f} MB" if r["peak_mb"] is not None else "?"
    return (
        f"{name:<34} {r['bytes'] / 1000:>7.0f} KB  first open {r['first'] * 1000:>7.0f} ms  "
        f"change->diagnostics {r['median'] * 1000:>5.0f} ms median, {r['p90'] * 1000:>5.0f} p90, "
        f"{r['max'] * 1000:>5.0f} max (+{DEBOUNCE * 1000:.0f} ms wait: {r['total'] * 1000:.0f})  "
        f"{r['diagnostics']} findings  peak {peak}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--changes", type=int, default=20)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--size", type=int, default=200_000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="itures-lsp-bench-") as name:
        tmp = Path(name)
        root, doc = _example(tmp)
        print(_row("example (1 file)", asyncio.run(_measure(root, doc, args.changes))), flush=True)
        real = _realistic(tmp, args.files, args.size)
        if real is None:
            print("realistic corpus: skipped (../shared is absent)")
            return 0
        root, doc = real
        name = f"{doc} ({args.files:,} files)"
        print(_row(name, asyncio.run(_measure(root, doc, args.changes))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
