"""What an editor shows for a resolution file: yaml-language-server's diagnostics.

    npm install yaml-language-server
    python scripts/yaml_ls.py resolutions/wtdc/59/en.yaml [--server PATH]

Drives yaml-language-server (the YAML support of VS Code and other editors)
over stdio, as an editor does: it opens the file, the server reads the
schema its first line names (``# yaml-language-server: $schema=...``,
resolved from where the file is) and publishes its diagnostics, printed here
as ``path:line:column: message``. tests/test_init.py runs it on a file of a
corpus made by ``itures init`` (when the server is installed:
``ITURES_YAML_LANGUAGE_SERVER`` or ``yaml-language-server`` on the PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO


def server_command() -> list[str] | None:
    """How to start the server: ``ITURES_YAML_LANGUAGE_SERVER``, else the one on the PATH."""
    found = os.environ.get("ITURES_YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
    return [found, "--stdio"] if found else None


def _send(pipe: BinaryIO, message: dict[str, Any]) -> None:
    body = json.dumps(message).encode("utf-8")
    pipe.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    pipe.flush()


def _read(pipe: BinaryIO) -> dict[str, Any]:
    length = 0
    while True:
        line = pipe.readline()
        if not line:
            raise EOFError("the language server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
    data: dict[str, Any] = json.loads(pipe.read(length))
    return data


SETTINGS = {"yaml": {"validate": True, "schemaStore": {"enable": False}, "hover": True}}


def diagnostics(path: str, command: list[str], timeout: float = 60.0) -> list[dict[str, Any]]:
    """The diagnostics the server publishes for ``path`` once opened (LSP objects:
    ``range.start.line`` is 0-based)."""
    file = Path(path).resolve()
    uri = file.as_uri()
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        root = file.parent.as_uri()
        _send(
            proc.stdin,
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "processId": os.getpid(),
                    "rootUri": root,
                    "capabilities": {"workspace": {"configuration": True}},
                },
            },
        )
        deadline = time.monotonic() + timeout
        opened = False
        while time.monotonic() < deadline:
            message = _read(proc.stdout)
            if message.get("id") == 1 and "result" in message and not opened:
                _send(proc.stdin, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
                _send(
                    proc.stdin,
                    {
                        "jsonrpc": "2.0",
                        "method": "workspace/didChangeConfiguration",
                        "params": {"settings": SETTINGS},
                    },
                )
                _send(
                    proc.stdin,
                    {
                        "jsonrpc": "2.0",
                        "method": "textDocument/didOpen",
                        "params": {
                            "textDocument": {
                                "uri": uri,
                                "languageId": "yaml",
                                "version": 1,
                                "text": file.read_text(encoding="utf-8"),
                            }
                        },
                    },
                )
                opened = True
            elif "id" in message and "method" in message:  # a request of the server
                items = message.get("params", {}).get("items", [])
                result: Any = [SETTINGS.get(i.get("section", "")) for i in items]
                if message["method"] != "workspace/configuration":
                    result = None
                _send(proc.stdin, {"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif (
                message.get("method") == "textDocument/publishDiagnostics"
                and message["params"]["uri"] == uri
            ):
                found: list[dict[str, Any]] = message["params"]["diagnostics"]
                return found
        raise TimeoutError("no diagnostics from the language server")
    finally:
        proc.kill()
        proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--server", help="the yaml-language-server executable")
    args = parser.parse_args(argv)
    command = [args.server, "--stdio"] if args.server else server_command()
    if command is None:
        print("yaml-language-server not found: npm install yaml-language-server", file=sys.stderr)
        return 2
    for d in diagnostics(args.path, command):
        start = d["range"]["start"]
        print(f"{args.path}:{start['line'] + 1}:{start['character'] + 1}: {d['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
