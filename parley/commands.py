"""Sub-commands contributed by the query, export and view layers."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the sub-commands that live outside the build core."""
    for module in ("parley.queries.cli", "parley.exports.cli", "parley.graph.eval_cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ModuleNotFoundError:
            continue
        mod.register(sub)
