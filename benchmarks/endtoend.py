"""``parley build`` end to end, as a user runs it: wall time and peak RSS of the CLI process.

Also the time until ``out/graph.ttl`` was complete (its mtime): the build
writes the HTML views after it, so the two figures split extraction, store
and export from the views.

Each build starts from an empty store.  ``--jobs 1`` and ``--jobs 2`` must
write byte-identical ``out/graph.ttl``; the SHA-256 of each is recorded and
compared.  Exit code 4 (the graph violates SHACL shapes) still wrote the
files and counts as a finished build; the number of violations is kept.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import sys
import time
from pathlib import Path

from .measure import run_child


def build(corpus: Path, work: Path, jobs: int, validate: bool = False, timeout: float | None = None) -> dict:
    """One fresh ``parley build`` of ``corpus`` in ``work``; wall, peak RSS, triples, graph.ttl digest."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cmd = [sys.executable, "-m", "parley.cli", "build", str(corpus), "--store", "store", "--out", "out", "--jobs", str(jobs)]
    if not validate:
        cmd.append("--no-validate")
    began = time.time()
    res = run_child(cmd, cwd=work, timeout=timeout)
    out: dict = {"jobs": jobs, "validate": validate, "seconds": res.seconds, "peak_rss_mb": res.max_rss_mb,
                 "exit": res.returncode, "work": str(work)}
    ttl = work / "out" / "graph.ttl"
    if ttl.is_file():  # written (atomically) before the HTML views: time to a complete graph.ttl
        out["graph_ttl_s"] = ttl.stat().st_mtime - began
        out["graph_ttl_sha256"] = hashlib.sha256(ttl.read_bytes()).hexdigest()
        out["graph_ttl_mb"] = ttl.stat().st_size / 2**20
    if res.timed_out:
        return out | {"error": f"timed out after {timeout:.0f} s"}
    if res.returncode not in (0, 4):
        return out | {"error": (res.stderr.strip().splitlines() or ["no output"])[-1]}
    for key in ("triples", "entities"):
        m = re.search(rf"^{key}\s+(\d+)", res.stdout, re.M)
        out[key] = int(m.group(1)) if m else None
    m = re.search(r"^articles\s+(\d+) read, (\d+) built", res.stdout, re.M)
    out["articles"] = int(m.group(2)) if m else None
    m = re.search(r"violates (\d+) SHACL", res.stderr)
    out["shacl_violations"] = int(m.group(1)) if m else 0
    return out


def compare(j1: dict, j2: dict) -> bool | None:
    """True when both builds wrote the same graph.ttl bytes (None when one did not finish)."""
    a, b = j1.get("graph_ttl_sha256"), j2.get("graph_ttl_sha256")
    return None if a is None or b is None else a == b
