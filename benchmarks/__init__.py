"""Parley's benchmarks: a synthetic corpus generator and a side-by-side performance harness.

Not part of the installed package; run from a checkout with ``python -m benchmarks``.

Run from the repository root, Python puts the root first on ``sys.path``,
where ``parley/`` is only the top-level package: the installed package maps
``parley.graph``, ``parley.queries``, … to the sibling folders.  Dropping the
root here lets ``import parley`` find the installed package while
``benchmarks`` (already imported) keeps working.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
if "parley" in sys.modules and not hasattr(sys.modules["parley"], "__path__"):
    del sys.modules["parley"]
