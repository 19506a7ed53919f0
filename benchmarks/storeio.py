"""Store load and Turtle export: Parley's Oxigraph path against rdflib's Memory store and serializer.

Same file, same run, each side in its own process.  Oxigraph: parse
``graph.ttl`` into an in-memory ``pyoxigraph.Store``, then write it as
Parley writes ``out/graph.ttl`` (``parley.exports.rdf.serialize``: sort,
prefixes, Oxigraph's serializer).  rdflib: ``Graph().parse(format="turtle")``
into the default Memory store, then ``serialize(format="turtle")``.

The child prints one JSON line per finished step, so when the parent stops
a slow rdflib export at its time cap the load time is still known and the
export is reported as "> cap".  Each side repeats while it has time left
(at most ``repeats`` times) and reports medians.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from .measure import python_child

REPEAT_WITHIN = 20.0  # seconds: repeat a step only while its runs so far took less


def _steps_oxigraph(path: Path):
    import pyoxigraph as ox

    from parley.exports.rdf import serialize

    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    yield "load", len(store)
    triples = [q.triple for q in store]
    yield "export", len(serialize(triples, "turtle"))


def _steps_rdflib(path: Path):
    import rdflib

    g = rdflib.Graph()
    g.parse(str(path), format="turtle")
    yield "load", len(g)
    yield "export", len(g.serialize(format="turtle", encoding="utf-8"))


SIDES = {"oxigraph": _steps_oxigraph, "rdflib": _steps_rdflib}


def child(side: str, path: Path, repeats: int) -> None:
    times: dict[str, list[float]] = {}
    sizes: dict[str, int] = {}
    spent = 0.0
    for i in range(repeats):
        if i and spent > REPEAT_WITHIN:
            break
        t = time.perf_counter()
        for step, size in SIDES[side](path):
            now = time.perf_counter()
            times.setdefault(step, []).append(now - t)
            sizes[step] = size
            print(json.dumps({"step": step, "seconds": now - t, "size": size}), flush=True)
            t = now
        spent = sum(sum(v) for v in times.values())
    print(json.dumps({"medians": {k: statistics.median(v) for k, v in times.items()}, "runs": len(times["load"]),
                      "sizes": sizes}), flush=True)


def _side(side: str, path: Path, repeats: int, cap: float) -> dict:
    res = python_child("storeio", side, str(path), str(repeats), timeout=cap)
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    done = next((x for x in lines if "medians" in x), None)
    if done is not None:
        return {"load_s": done["medians"].get("load"), "export_s": done["medians"].get("export"),
                "triples": done["sizes"].get("load"), "runs": done["runs"], "peak_rss_mb": res.max_rss_mb}
    steps = {x["step"]: x["seconds"] for x in lines if "step" in x}
    if not res.timed_out:
        raise RuntimeError(f"storeio {side} failed: {res.stderr.strip()[-500:]}")
    out: dict = {"runs": 1, "peak_rss_mb": res.max_rss_mb, "capped_at_s": cap}
    for step in ("load", "export"):
        out[f"{step}_s"] = steps.get(step)
        if step not in steps:
            out[f"{step}_over_s"] = cap - sum(steps.values())
    return out


def run(ttl: Path, repeats: int = 3, cap: float = 120.0) -> dict:
    """Both sides on ``ttl``; ratios rdflib/Oxigraph (a lower bound when rdflib hit the cap)."""
    ox_side = _side("oxigraph", ttl, repeats, cap)
    rdf_side = _side("rdflib", ttl, repeats, cap)
    out = {"file": str(ttl), "mb": ttl.stat().st_size / 2**20, "oxigraph": ox_side, "rdflib": rdf_side}
    for step in ("load", "export"):
        mine = ox_side.get(f"{step}_s")
        peer = rdf_side.get(f"{step}_s") or rdf_side.get(f"{step}_over_s")
        if mine and peer:
            out[f"{step}_ratio"] = peer / mine
            out[f"{step}_ratio_is_lower_bound"] = rdf_side.get(f"{step}_s") is None
    return out


def describe(side: dict, step: str) -> str:
    """``1.23`` or ``> 60`` (seconds) for a table cell."""
    if side.get(f"{step}_s") is not None:
        return f"{side[f'{step}_s']:.3g}"
    if side.get(f"{step}_over_s") is not None:
        return f"> {side[f'{step}_over_s']:.0f}"
    return "n/a"


if __name__ == "__main__":
    child(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
