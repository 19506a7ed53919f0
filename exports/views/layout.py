"""Node positions for big views, computed once in Python so the browser draws at once.

vis-network's physics needs ~17 s for 500 nodes in headless Chromium and
never settles at 20k; python-igraph's Fruchterman–Reingold lays out 5k nodes
in a third of a second.  Views up to :data:`PHYSICS_MAX` nodes are left to
vis-network to stabilize (nicer for a handful of nodes); bigger ones get
fixed positions and physics off.  The start layout is a circle, so the
result is the same on every run.
"""
from __future__ import annotations

import math

import igraph as ig

PHYSICS_MAX = 60
KK_MAX = 400
SPACING = 110.0  # pixels between neighbouring nodes, roughly


def needs_layout(n_nodes: int) -> bool:
    return n_nodes > PHYSICS_MAX


def positions(nodes: list[dict], edges: list[dict]) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions (pixels) for ``nodes`` linked by ``edges``."""
    ids = [n["id"] for n in nodes]
    index = {i: k for k, i in enumerate(ids)}
    pairs = sorted({(index[e["from"]], index[e["to"]]) for e in edges
                    if e["from"] in index and e["to"] in index and e["from"] != e["to"]})
    g = ig.Graph(n=len(ids), edges=pairs, directed=False)
    n = max(len(ids), 1)
    seed = [[math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)] for k in range(n)]
    if n <= KK_MAX:  # Kamada–Kawai spreads hubs and their spokes readably; FR scales further
        layout = g.layout_kamada_kawai(seed=seed, maxiter=50 * n)
    else:
        layout = g.layout_fruchterman_reingold(seed=seed, niter=500, grid="nogrid")
    coords = layout.coords
    if not coords:
        return {}
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    size = SPACING * math.sqrt(n) * 1.6
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {i: (round((x - cx) / span * size, 1), round((y - cy) / span * size, 1)) for i, (x, y) in zip(ids, coords)}


def apply(nodes: list[dict], edges: list[dict]) -> bool:
    """Give big views fixed positions; return True if physics should stay on."""
    if not needs_layout(len(nodes)):
        return True
    pos = positions(nodes, edges)
    for nd in nodes:
        nd["x"], nd["y"] = pos.get(nd["id"], (0.0, 0.0))
    return False
