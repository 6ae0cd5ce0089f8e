"""How long the reporters take on many findings.

```sh
.venv/bin/python bench/report.py 100000 /tmp/report-bench
```

Writes 100 files of N/100 lines each (a label, a French word, a CJK word, as
a corpus has) under DIR, puts one finding with a related place and a help
text on every line, and times each ``--format`` on them, with the garbage
collector tuned as the command line tunes it. The text report reads each
file once and shows each line from an index of line starts.
"""

from __future__ import annotations

import argparse
import gc
import os
import time

from itures.corpus import CheckResult
from itures.diagnostics import Diagnostic, Related
from itures.report import REPORTERS, ReportOptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("findings", type=int)
    parser.add_argument("dir")
    args = parser.parse_args()
    gc.set_threshold(1_000_000, 100, 100)  # as `itures check` does
    os.makedirs(args.dir, exist_ok=True)
    per_file = max(args.findings // 100, 1)
    found: list[Diagnostic] = []
    for f in range(100):
        path = os.path.join(args.dir, f"f{f:03}.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(per_file):
                fh.write(f"      - label: '{i}'  # élève 漢字 text of the clause\n")
        for i in range(1, per_file + 1):
            found.append(
                Diagnostic(
                    "numbering-gap",
                    "error",
                    path,
                    i,
                    16,
                    f"clause {i} is out of sequence",
                    end_line=i,
                    end_column=18,
                    help="relabel it",
                    related=(Related(path, max(1, i - 1), 16, "the clause before"),),
                )
            )
    result = CheckResult(found, 100)
    for name in ("text", "concise", "json", "github", "sarif"):
        start, cpu = time.perf_counter(), time.process_time()
        out = REPORTERS[name](result, ReportOptions())
        took, used = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"{name:8} {took:6.2f} s ({used:5.2f} s CPU)  {len(out) / 1e6:6.1f} MB"
            f"  {len(found)} findings"
        )


if __name__ == "__main__":
    main()
