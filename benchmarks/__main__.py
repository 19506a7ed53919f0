"""``python -m benchmarks``: Parley's speed, side by side with its peers, in one run.

For each corpus size: extraction throughput and memory, ``parley build``
with ``--jobs 1`` and ``--jobs 2`` (byte-identical ``graph.ttl`` checked);
then, once: store load and Turtle export against rdflib, every named query
on a ~1M-triple graph against rdflib, the HTML views in headless Chromium,
and a push to a real Oxigraph server.  Prints Markdown tables and writes
JSON.  A wall-time budget (default 570 s) keeps the run under ten minutes:
a stage projected to overrun it is skipped and says so.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import time
from pathlib import Path

from . import ROOT, corpus, endtoend, extraction, push, queries, replicate, storeio, views
from .measure import Budget, table, timed

TARGETS = {"extraction_articles_per_s": 200, "build_10k_s": 60, "query_p50_ms": 50, "query_ratio": 20,
           "export_ratio": 100, "view_build_s": 5, "view_draw_s": 5}
MODES = {  # sizes, query graph (distinct triples), repeats, rdflib caps, views timeout, budget
    "default": dict(sizes=[100, 1000, 10000], query_triples=1_000_000, repeats=5, query_cap=5.0, io_cap=60.0,
                    views_timeout=60.0, build_cap=30.0, budget=570.0),
    "quick": dict(sizes=[100], query_triples=150_000, repeats=3, query_cap=1.0, io_cap=5.0,
                  views_timeout=15.0, build_cap=10.0, budget=90.0),
}


def machine() -> dict:
    mem = next((int(x.split()[1]) // 1024 for x in Path("/proc/meminfo").read_text().splitlines()
                if x.startswith("MemTotal")), None)
    cpu = next((x.split(":", 1)[1].strip() for x in Path("/proc/cpuinfo").read_text().splitlines()
                if x.startswith("model name")), platform.processor())
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_mb": mem, "python": platform.python_version(),
            "load_average": os.getloadavg(), "when": dt.datetime.now().isoformat(timespec="seconds")}


def run_size(n: int, work: Path, cfg: dict, budget: Budget, cost: dict) -> dict:
    """Corpus, extraction and both builds for ``n`` articles; ``cost`` holds seconds per article seen so far."""
    out: dict = {"articles": n}
    folder = work / f"corpus-{n}"
    if not (folder / "manifest.csv").is_file() or len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        out["corpus_s"], _ = timed(lambda: corpus.write_corpus(n, folder, seed=0))
    cap = lambda: min(budget.left(), cfg["build_cap"] + n * 0.1)  # noqa: E731  (one build may not eat the run)
    stages = [("extraction", lambda: extraction.run(folder, timeout=budget.left())),
              ("build_jobs1", lambda: endtoend.build(folder, work / f"build-{n}-j1", 1, timeout=cap())),
              ("build_jobs2", lambda: endtoend.build(folder, work / f"build-{n}-j2", 2, timeout=cap()))]
    for name, fn in stages:
        projected = n * cost.get(name, 0.05) + 5
        if not budget.allows(projected):
            out[name] = {"skipped": budget.skip_note(projected), "projected_s": projected}
            continue
        out[name] = fn()
        secs = out[name].get("seconds")
        if secs:
            cost[name] = secs / n
    j1, j2 = out.get("build_jobs1", {}), out.get("build_jobs2", {})
    out["jobs_identical"] = endtoend.compare(j1, j2)
    return out


def size_table(r: dict) -> str:
    e, rows = r.get("extraction", {}), []
    if "articles_per_s" in e:
        rows.append(["extraction, 1 core, streaming", f"{e['articles_per_s']:.1f} articles/s, {e['words_per_s']:,.0f} words/s",
                     f"{e['peak_rss_mb']:.0f}", f"target ≥ {TARGETS['extraction_articles_per_s']} articles/s"])
    else:
        rows.append(["extraction", e.get("skipped") or e.get("error"), "", ""])
    for j in (1, 2):
        b = r.get(f"build_jobs{j}", {})
        if "graph_ttl_s" in b:
            whole = f"{b['seconds']:.1f} s" if "error" not in b else b["error"]
            rows.append([f"parley build --jobs {j}", f"graph.ttl after {b['graph_ttl_s']:.1f} s "
                         f"({r['articles'] / b['graph_ttl_s']:.1f} articles/s); with views: {whole}",
                         f"{b['peak_rss_mb']:.0f}", "target ≤ 60 s at 10k" if r["articles"] == 10000 else ""])
        else:
            rows.append([f"parley build --jobs {j}", b.get("skipped") or b.get("error"), "", ""])
    rows.append(["graph.ttl identical for --jobs 1 and 2", r.get("jobs_identical"), "", ""])
    return table(f"{r['articles']:,} articles", ["measure", "result", "peak RSS MB", "note"], rows)


def io_table(r: dict) -> str:
    ox_, rd = r["oxigraph"], r["rdflib"]
    rows = [[step, storeio.describe(ox_, step), storeio.describe(rd, step),
             (">" if r.get(f"{step}_ratio_is_lower_bound") else "") + f"{r.get(f'{step}_ratio', float('nan')):.1f}×"]
            for step in ("load", "export")]
    return table(f"Store load and Turtle export, {ox_.get('triples') or 0:,} triples ({r['mb']:.0f} MB Turtle)",
                 ["step", "Oxigraph (Parley) s", "rdflib Memory s", "rdflib / Oxigraph"], rows)


def _ms(x: dict) -> str:
    if "p50_ms" in x:
        return f"{x['p50_ms']:.0f} / {x['p95_ms']:.0f}"
    return f"> {x['timeout_s']:.0f} s" if "timeout_s" in x else (x.get("error") or "n/a")[:40]


def query_table(r: dict, info: dict) -> str:
    rows = []
    for name, q in r["queries"].items():
        ratio = lambda side: ("" if f"ratio_{side}" not in q else  # noqa: E731
                              (">" if q.get(f"ratio_{side}_is_lower_bound") else "") + f"{q[f'ratio_{side}']:.0f}×")
        rows.append([name, q["default"].get("rows", ""), _ms(q["store"]), _ms(q["default"]), _ms(q["rdflib"]),
                     ratio("store"), ratio("default")])
    return table(f"Named queries on {info['triples']:,} distinct triples ({info['quads']:,} quads), p50 / p95 ms",
                 ["query", "rows", "Parley store (graph per article)", "Oxigraph, union as default graph",
                  "rdflib Dataset", "rdflib / store", "rdflib / default"], rows)


def _queries(args, cfg: dict, big: dict, store_dir: Path, report: dict) -> None:
    from parley.graph.store import GraphStore

    nq, _, copies = replicate.replicate(replicate.dump_nquads(store_dir), cfg["query_triples"])
    qdir = args.work / "query-graph"
    shutil.rmtree(qdir, ignore_errors=True)
    qdir.mkdir(parents=True)
    info = replicate.make_store(nq, qdir / "store")
    # the peers get the same data as the store, with the summaries it derived
    (qdir / "graph.nq").write_bytes(replicate.dump_nquads(qdir / "store", derived=True))
    reader = GraphStore(qdir / "store", read_only=True)
    union = reader.sorted_ntriples()
    del reader
    (qdir / "union.nt").write_bytes(union)
    info |= {"triples": union.count(b"\n"), "copies": copies, "from_articles": big["articles"]}
    report["query_graph"] = info
    report["queries"] = queries.run(qdir / "store", qdir / "graph.nq", qdir / "union.nt", cfg["repeats"], 3,
                                    cfg["query_cap"])
    print(query_table(report["queries"], info), flush=True)


def _store_io(cfg: dict, big: dict, budget: Budget, report: dict) -> None:
    ttl = Path(big["build_jobs1"]["work"]) / "out" / "graph.ttl"
    report["store_io"] = storeio.run(ttl, 3, min(cfg["io_cap"], max(10.0, budget.left() / 3)))
    print(io_table(report["store_io"]), flush=True)


def _views(store_dir: Path, work: Path, articles: int | str, timeout: float) -> dict:
    v = views.run(store_dir, work, timeout=timeout) | {"articles": articles, "store": str(store_dir)}
    if "pages" in v:
        print(table(f"Views of the {articles:,}-article store: built in {v['seconds']:.1f} s "
                    f"(+{v['assets_kb']:.0f} KB shared scripts)", ["view", "nodes", "build ms", "HTML KB", "first draw ms"],
                    [[p["slug"], p["nodes"], p.get("build_ms", ""), p["html_kb"], p.get("first_draw_ms") or v.get("draw_skipped", "never")]
                     for p in v["pages"]]))
    else:
        print(f"\n### Views\n\n{v.get('skipped') or v.get('error')}")
    return v


def _store_articles(store_dir: Path) -> int:
    """How many articles a store holds (its article graphs), for the views table's title."""
    import pyoxigraph as ox

    prefix = "https://w3id.org/parley/id/graph/article/"
    store = ox.Store.read_only(str(store_dir))
    return sum(1 for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix))


def _push(store_dir: Path, budget: Budget, report: dict) -> None:
    report["push"] = p = push.run(store_dir, timeout=max(30.0, budget.left()))
    print("\n### Push to oxigraph serve\n\n" + (p.get("skipped") or p.get("error") or
          f"{p['sent']:,} triples in {p['seconds']:.1f} s = {p['triples_per_s']:,.0f} triples/s "
          f"({p['requests']} requests, {p['method']}); server holds {p['server_quads']:,}"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", help="comma-separated corpus sizes (default 100,1000,10000; --quick: 100)")
    ap.add_argument("--quick", action="store_true", help="about two minutes: 100 articles, a 150k-triple query graph, short caps")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json", help="where to write the figures")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work", help="scratch folder (corpora, stores)")
    ap.add_argument("--budget", type=float, help="wall-time budget in seconds; 0 = none (default 570, --quick 75)")
    ap.add_argument("--views-store", type=Path, metavar="DIR",
                    help="only time the views of this store (e.g. one made by python -m benchmarks.replicate)")
    args = ap.parse_args(argv)
    if args.views_store and not (args.views_store / "CURRENT").is_file():
        ap.error(f"--views-store {args.views_store} is not an Oxigraph store folder")
    cfg = dict(MODES["quick" if args.quick else "default"])
    if args.sizes:
        cfg["sizes"] = [int(x) for x in args.sizes.split(",") if x.strip()]
    budget = Budget(cfg["budget"] if args.budget is None else args.budget)
    args.work.mkdir(parents=True, exist_ok=True)
    report: dict = {"machine": machine(), "mode": "quick" if args.quick else "default", "config": cfg,
                    "targets": TARGETS, "sizes": []}
    print(f"# Parley benchmarks ({report['mode']}): {report['machine']['cpus']} cores, {report['machine']['cpu']}, "
          f"load average {report['machine']['load_average'][0]:.2f}")
    cost: dict = {}
    if args.views_store:
        report["views"] = _views(args.views_store, args.work / "views", _store_articles(args.views_store),
                                 timeout=cfg["views_timeout"] if args.budget is None else (args.budget or 3600.0))
        cfg["sizes"] = []
    for n in sorted(cfg["sizes"]):
        r = run_size(n, args.work, cfg, budget, cost)
        report["sizes"].append(r)
        print(size_table(r), flush=True)
    built = [r for r in report["sizes"] if "graph_ttl_sha256" in r.get("build_jobs1", {})]  # store complete
    if not built and not args.views_store:
        print("\nno build finished; nothing more to measure")
    elif built:
        big, small = built[-1], built[0]
        store_dir = Path(big["build_jobs1"]["work"]) / "store"
        small_views = lambda: report.update(views=_views(  # noqa: E731
            Path(small["build_jobs1"]["work"]) / "store", args.work / "views", small["articles"],
            timeout=min(cfg["views_timeout"], max(10.0, budget.left() - 30))))
        for name, est, fn in [("queries", 2 * len(queries.names_list()) * cfg["query_cap"] + 20, lambda: _queries(args, cfg, big, store_dir, report)),
                              ("store_io", 2 * cfg["io_cap"] + 10, lambda: _store_io(cfg, big, budget, report)),
                              ("views", cfg["views_timeout"] + 10, small_views),
                              ("push", 30, lambda: _push(store_dir, budget, report))]:
            if budget.allows(est):
                fn()
            else:
                report[name] = {"skipped": budget.skip_note(est)}
                print(f"\n### {name}\n\n{report[name]['skipped']}")
    report["seconds"] = time.perf_counter() - budget.started
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1, default=str) + "\n")
    print(f"\nwrote {args.json} ({report['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
