"""Measuring helpers: child processes with wall time and peak RSS, medians, percentiles, a time budget, tables.

Peak memory comes from ``os.wait4`` on the child itself: Linux reports the
largest resident set of that process (or of its own waited-for children,
such as ``parley build --jobs 2`` workers), not the cumulative maximum over
all children that ``getrusage(RUSAGE_CHILDREN)`` would give.
"""
from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from . import ROOT


@dataclass
class ChildResult:
    returncode: int
    seconds: float
    max_rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool = False

    def json(self) -> Any:
        """The last stdout line parsed as JSON (children report that way)."""
        lines = [x for x in self.stdout.splitlines() if x.strip()]
        if self.returncode != 0 or not lines:
            raise RuntimeError(f"child failed (exit {self.returncode}): {self.stderr.strip()[-800:]}")
        return json.loads(lines[-1])


def child_env() -> dict[str, str]:
    """Environment for children: as ours, with warnings quiet."""
    return {**os.environ, "PYTHONWARNINGS": "ignore", "TQDM_DISABLE": "1"}


def run_child(cmd: Sequence[str], cwd: Path | None = None, timeout: float | None = None) -> ChildResult:
    """Run ``cmd``; return exit code, wall seconds and the child's peak RSS (MB)."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f".bench-{os.getpid()}-{time.monotonic_ns()}"
    with open(str(out_path) + ".out", "w+") as out, open(str(out_path) + ".err", "w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=out, stderr=err, env=child_env(), start_new_session=True)
        timed_out = False
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = ChildResult(proc.returncode, seconds, usage.ru_maxrss / 1024, out.read(), err.read(), timed_out)
    for suffix in (".out", ".err"):
        Path(str(out_path) + suffix).unlink(missing_ok=True)
    return result


def python_child(module: str, *args: str, timeout: float | None = None) -> ChildResult:
    """Run ``python -m benchmarks.MODULE ARGS`` from the checkout."""
    return run_child([sys.executable, "-m", f"benchmarks.{module}", *args], cwd=ROOT, timeout=timeout)


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def percentile(xs: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100) of a small sample."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(q / 100 * len(s) + 0.5)) - 1))
    return s[k]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


@dataclass
class Budget:
    """Wall-time budget for the whole run; stages projected to overrun it are skipped, and say so."""

    seconds: float  # 0 = unlimited
    started: float = field(default_factory=time.perf_counter)

    def left(self) -> float:
        return float("inf") if not self.seconds else self.seconds - (time.perf_counter() - self.started)

    def allows(self, projected: float) -> bool:
        return projected <= self.left()

    def skip_note(self, projected: float) -> str:
        return f"skipped: projected {projected:.0f} s > {max(0.0, self.left()):.0f} s left of the budget (--budget 0 runs it)"


def fmt(x: Any, digits: int = 3) -> str:
    """Numbers with ``digits`` significant figures, thousands separated; other values as text."""
    if isinstance(x, bool) or x is None:
        return "" if x is None else ("yes" if x else "NO")
    if isinstance(x, int):
        return f"{x:,}"
    if isinstance(x, float):
        if x != x:
            return "n/a"
        if abs(x) >= 10 ** digits:
            return f"{x:,.0f}"
        return f"{x:.{digits}g}"
    return str(x)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table (also valid Markdown)."""
    cells = [[fmt(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = lambda vals: "| " + " | ".join(v.ljust(w) for v, w in zip(vals, widths)) + " |"  # noqa: E731
    return "\n".join([f"\n### {title}\n", line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [line(r) for r in cells])
