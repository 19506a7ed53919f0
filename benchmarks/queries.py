"""Each named query on a ~1M-triple graph: the embedded Oxigraph store against rdflib's Memory store.

Same data, same run, three ways:

* ``store``: Parley's own on-disk store as ``parley build`` leaves it (one
  named graph per article, queried with the union default graph), through
  ``parley.queries.library.run_named`` — what ``parley query`` does;
* ``default``: Oxigraph in memory with the union's distinct triples loaded
  as the default graph (what ``out/graph.ttl`` or a pushed server holds);
* ``rdflib``: the quads parsed into ``Dataset(default_union=True)`` and the
  same bound query text (``library.bind``) run by rdflib's own SPARQL engine.

Every query of every side runs in a process that is killed at the time cap,
so a query that cannot finish is reported as "> cap s" instead of stalling
the run.  Row counts are kept as a check that the sides answered alike.
"""
from __future__ import annotations

import json
import os
import select
import signal
import sys
import time
from pathlib import Path

from .measure import median, percentile, python_child

PARAMS = {"sources-of": {"entity": "South Korea"}}


def names_list() -> list[str]:
    from parley.queries.library import names

    return names()


def _stats(times: list[float]) -> dict:
    return {"p50_ms": 1000 * median(times), "p95_ms": 1000 * percentile(times, 95), "runs": len(times)}


def _oxigraph_query(store, name: str, repeats: int, cap: float) -> dict:
    from parley.queries.library import run_named

    params = PARAMS.get(name, {})
    t = time.perf_counter()
    rows = run_named(store, name, **params)  # first (cold) run, reported apart
    first = time.perf_counter() - t
    times: list[float] = []
    while len(times) < repeats and first + sum(times) < cap / 2:
        t = time.perf_counter()
        run_named(store, name, **params)
        times.append(time.perf_counter() - t)
    return {"rows": len(rows), "first_ms": 1000 * first, **_stats(times or [first])}


def child_store(store_dir: Path, name: str, repeats: int, cap: float) -> dict:
    from parley.graph.store import GraphStore

    return _oxigraph_query(GraphStore(store_dir, read_only=True), name, repeats, cap)


def child_default(ntriples: Path, repeats: int, cap: float) -> None:
    import pyoxigraph as ox

    from parley.graph.store import GraphStore
    from parley.queries.library import names

    t = time.perf_counter()
    store = GraphStore(None)
    store.store.load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
    print(json.dumps({"_load": {"seconds": time.perf_counter() - t, "triples": len(store.store)}}), flush=True)
    for name in names():
        print(json.dumps({name: _forked(lambda: _oxigraph_query(store, name, repeats, cap), cap)}), flush=True)


def _rdflib_query(ds, text: str, repeats: int, cap: float) -> dict:
    """Run ``text`` up to ``repeats`` times (stop early past half the cap); rows and timings."""
    times, rows = [], 0
    while len(times) < repeats and (not times or sum(times) < cap / 2):
        t = time.perf_counter()
        rows = len(list(ds.query(text)))
        times.append(time.perf_counter() - t)
    return {"rows": rows, **_stats(times)}


def _forked(fn, cap: float) -> dict:
    """``fn()`` in a forked child (sharing the loaded graph); killed after ``cap`` seconds."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        try:
            payload = json.dumps(fn()).encode()
        except Exception as exc:  # report rdflib's failure as a result, not a crash
            payload = json.dumps({"error": f"{exc.__class__.__name__}: {exc}"[:300]}).encode()
        os.write(w, payload)
        os._exit(0)
    os.close(w)
    chunks, deadline = [], time.monotonic() + cap
    while True:
        ready, _, _ = select.select([r], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(r)
            return {"timeout_s": cap}
        data = os.read(r, 65536)
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    os.close(r)
    return json.loads(b"".join(chunks) or b'{"error": "no result"}')


def child_rdflib(nquads: Path, repeats: int, cap: float) -> None:
    import rdflib

    from parley.queries.library import bind, load, names

    t = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(nquads), format="nquads")
    print(json.dumps({"_load": {"seconds": time.perf_counter() - t, "quads": len(ds)}}), flush=True)
    for name in names():
        text = bind(load(name), dict(PARAMS.get(name, {})))
        print(json.dumps({name: _forked(lambda: _rdflib_query(ds, text, repeats, cap), cap)}), flush=True)


def _lines(res) -> dict:
    out: dict = {}
    for line in res.stdout.splitlines():
        if line.startswith("{"):
            out.update(json.loads(line))
    if res.returncode != 0 and not res.timed_out and not out:
        raise RuntimeError(f"query child failed: {res.stderr.strip()[-500:]}")
    return out


def _cell(r: dict) -> float | None:
    return r.get("p50_ms") if "p50_ms" in r else (1000 * r["timeout_s"] if "timeout_s" in r else None)


def run(store_dir: Path, nquads: Path, ntriples: Path, repeats: int = 5, rdflib_repeats: int = 3,
        cap: float = 10.0) -> dict:
    """All sides; per query p50/p95 and ratios rdflib p50 / Oxigraph p50 (lower bounds where rdflib hit the cap)."""
    from parley.queries.library import names

    store: dict = {}
    for name in names():
        res = python_child("queries", "store", str(store_dir), str(repeats), str(cap), name, timeout=cap + 3)
        store[name] = {"timeout_s": cap} if res.timed_out else res.json()
    default = _lines(python_child("queries", "default", str(ntriples), str(repeats), str(cap),
                                  timeout=60 + (cap + 5) * len(store)))
    peer = _lines(python_child("queries", "rdflib", str(nquads), str(rdflib_repeats), str(cap),
                               timeout=600 + (cap + 5) * len(store)))
    rows = {}
    for name in names():
        row = {"store": store[name], "default": default.get(name, {"error": "not reached"}),
               "rdflib": peer.get(name, {"error": "not reached"})}
        p = _cell(row["rdflib"])
        for side in ("store", "default"):
            m = row[side].get("p50_ms")
            if p is not None and m:
                row[f"ratio_{side}"] = p / m
                row[f"ratio_{side}_is_lower_bound"] = "timeout_s" in row["rdflib"]
            if "rows" in row[side] and "rows" in row["rdflib"]:
                row[f"same_rows_{side}"] = row[side]["rows"] == row["rdflib"]["rows"]
        rows[name] = row
    return {"queries": rows, "cap_s": cap, "rdflib_load_s": peer.get("_load", {}).get("seconds"),
            "default_load_s": default.get("_load", {}).get("seconds")}


if __name__ == "__main__":
    side, path, reps, cap_s = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    if side == "store":
        print(json.dumps(child_store(path, sys.argv[5], reps, cap_s)))
    elif side == "default":
        child_default(path, reps, cap_s)
    else:
        child_rdflib(path, reps, cap_s)
