"""Offline interactive HTML views of a Parley store: ``parley view`` and the end of ``parley build``.

:func:`write_views` writes ``OUT/index.html`` linking

* ``views/overview.html``: actors, negotiations and places, aggregated;
* ``views/positions.html``: stances and money per side;
* ``views/negotiation-*.html``: one per negotiation, rounds in order, with a timeline;
* ``views/ego-*.html``: an entity's neighbourhood to depth 2 (the focus, and the
  best-documented actors),

with vis-network and the page script in ``views/lib/``.  Nothing is fetched
from the network when a page is opened.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ...errors import StoreError
from . import ego, negotiation, overview, positions, render
from .common import ACTOR_TYPES, View
from .data import ViewData

__all__ = ["write_views", "resolve_focus"]

EGO_VIEWS = 6  # ego views written for the best-documented actors besides the focus
WORKERS = min(4, os.cpu_count() or 1)  # views built at once: Oxigraph reads without the GIL


def _open(store_or_dir):
    from ...graph.store import GraphStore

    if isinstance(store_or_dir, GraphStore):
        return store_or_dir
    path = Path(store_or_dir)
    if not path.is_dir():
        raise StoreError(f"{path}: no Parley store here; run 'parley build' first or pass --store")
    return GraphStore(path, read_only=True)


def resolve_focus(store_or_dir, focus: str) -> tuple[str, str]:
    """The IRI and label of the entity named ``focus`` (label, alias or IRI)."""
    return ego.resolve(ViewData(_open(store_or_dir)), focus)


def _timed(build, *args) -> tuple[View, float]:
    """``build(*args)`` and its wall time (the benchmark reports it per view)."""
    t = time.perf_counter()
    view = build(*args)
    return view, time.perf_counter() - t


def _ego_targets(data: ViewData, focus: tuple[str, str] | None) -> list[tuple[str, str]]:
    """The focus, then the best-documented actors that are linked to something."""
    targets = [focus] if focus else []
    top_actors, _, _ = overview.entities(data, 3 * EGO_VIEWS + 1, ACTOR_TYPES)
    skeleton = data.skeleton
    for iri in top_actors:
        if len(targets) >= EGO_VIEWS + (1 if focus else 0):
            break
        if not skeleton.neighbours([iri], exclude=[iri]):
            continue  # named often but linked to nothing ("lawmakers" who only speak): a page of one node
        if focus is None or iri != focus[0]:
            targets.append((iri, data.graph([iri]).nodes[iri]["label"]))
    return targets


def _unique(views: list[View]) -> None:
    seen: dict[str, int] = {}
    for v in views:
        n = seen.get(v.slug, 0)
        seen[v.slug] = n + 1
        if n:
            v.slug = f"{v.slug}-{n + 1}"


def write_views(store_or_dir, out_dir: Path | str, focus: str | None = None, workers: int = WORKERS) -> dict:
    """Write ``out_dir/index.html`` and the views; return what was written.

    ``store_or_dir`` is a :class:`~parley.graph.store.GraphStore` or a store
    folder (opened read-only).  ``focus`` (a label, alias or IRI) adds an ego
    view of that entity; an unknown focus raises
    :class:`~parley.errors.InputError` listing close matches, before anything
    is written.  Views are built on ``workers`` threads; the pages are the
    same byte for byte whatever the number.  Returns ``{"index": path,
    "views": [summary, ...], "focus": slug or None, "seconds": float}``;
    each summary has the ``seconds`` its view took to build (wall time on
    its thread: reads shared with another view fall on the first to need
    them, and views built at once overlap).
    """
    started = time.perf_counter()
    data = ViewData(_open(store_or_dir))
    focus_entity = ego.resolve(data, focus) if focus is not None else None
    out = Path(out_dir)
    folder = out / "views"
    with ThreadPoolExecutor(max_workers=max(1, int(workers)), thread_name_prefix="parley-view") as pool:
        main: list[Future] = [pool.submit(_timed, overview.build, data), pool.submit(_timed, positions.build, data)]
        negs = negotiation.negotiations(data)
        neg_jobs = [pool.submit(_timed, negotiation.build, data, iri, label)
                    for iri, label, _ in negs[:negotiation.MAX_NEGOTIATIONS]]
        ego_jobs = [pool.submit(_timed, ego.build, data, iri, label) for iri, label in _ego_targets(data, focus_entity)]
        built = {kind: [job.result() for job in jobs] for kind, jobs in
                 (("main", main), ("negotiations", neg_jobs), ("egos", ego_jobs))}
        views = [v for kind in built.values() for v, _ in kind]
        spent = {id(v): seconds for kind in built.values() for v, seconds in kind}
        _unique(views)
        render.copy_assets(folder)
        written = {path.name for path in pool.map(lambda v: render.write_view(v, folder), views)}
    for stale in folder.glob("*.html"):
        if stale.name not in written and stale.name.startswith(("overview", "positions", "negotiation-", "ego-")):
            stale.unlink()
    main_views, neg_views, ego_views = ([v for v, _ in built[k]] for k in ("main", "negotiations", "egos"))
    notes = []
    if len(negs) > len(neg_views):
        notes.append(f"{len(negs) - len(neg_views)} negotiations with the fewest rounds have no page of their own.")
    sections = [("Overview and positions", [v.summary() for v in main_views]),
                ("Negotiations", [v.summary() for v in neg_views]),
                ("Entities (ego views, depth 2)", [v.summary() for v in ego_views])]
    index = render.write_index(out, sections, notes)
    return {"index": index, "views": [v.summary() | {"seconds": spent[id(v)]} for v in views],
            "focus": ego_views[0].slug if focus_entity else None, "seconds": time.perf_counter() - started}
