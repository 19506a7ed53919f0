"""A graph of a chosen size from a built store, by replicating its articles under new ids.

Building a million-triple graph from text takes minutes; copying a built
one takes seconds.  Copy ``k`` of an article renames its IRIs
(``id:article/X…``, ``id:graph/article/X``) and its ``parley:articleId`` to
``X-rK``; entities, rounds and agreements keep their IRIs, so the copies
add sources and mentions to the same nodes, as more articles about the same
negotiations would.  The ontology and reference graphs are kept once and the
store's bookkeeping graph is dropped.  Work is done on N-Quads lines (bytes),
so it costs about a second per million quads.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

ID = b"https://w3id.org/parley/id/"
META = b"<" + ID + b"graph/meta> .\n"
DERIVED = b"<" + ID + b"graph/derived> .\n"
ARTICLE_GRAPH = re.compile(rb"<https://w3id\.org/parley/id/graph/article/([^>]+)> \.$")
RENAME = re.compile(rb"(<https://w3id\.org/parley/id/(?:graph/)?article/)([^/>]+)")
ARTICLE_ID = re.compile(rb'(<https://w3id\.org/parley/ontology#articleId> ")((?:[^"\\]|\\.)*)(")')


def dump_nquads(store_dir: Path, derived: bool = False) -> bytes:
    """The quads of the store's named graphs at ``store_dir``, without its bookkeeping graph.

    The default graph is left out: it is the union of the named graphs,
    which :func:`make_store` rebuilds; so are the derived summaries
    (``id:graph/derived``) unless ``derived``, since copies of the articles
    change them and :func:`make_store` recomputes them.
    """
    store = ox.Store.read_only(str(store_dir))
    graphs = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    parts = []
    for g in graphs:
        triples = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
        suffix = b" <" + g.value.encode() + b"> .\n"
        parts.extend(line[:-3] + suffix for line in triples.splitlines(keepends=True) if line.endswith(b" .\n"))
    drop = (META,) if derived else (META, DERIVED)
    return b"".join(line for line in parts if not line.endswith(drop))


def _triple_part(line: bytes) -> bytes:
    """The triple of an N-Quads line of a named graph: the graph IRI (no spaces in it) dropped."""
    return line.rsplit(b" ", 2)[0] + b" .\n"


def replicate(nquads: bytes, target_triples: int) -> tuple[bytes, bytes, int]:
    """``nquads`` plus renamed copies of its article graphs until the union has ``target_triples`` distinct triples.

    Returns the N-Quads, the union's distinct triples as N-Triples (sorted)
    and the number of copies begun.
    """
    lines = nquads.splitlines(keepends=True)
    by_article: dict[bytes, list[bytes]] = {}
    for line in lines:
        m = ARTICLE_GRAPH.search(line.rstrip(b"\n"))
        if m:
            by_article.setdefault(m.group(1), []).append(line)
    seen = {_triple_part(line) for line in lines}
    out, copy = [nquads], 0
    articles = sorted(by_article)
    while len(seen) < target_triples and articles:
        copy += 1
        suffix = b"-r%d" % copy
        for art in articles:
            if len(seen) >= target_triples:
                break
            chunk = b"".join(by_article[art])
            chunk = RENAME.sub(lambda m: m.group(1) + m.group(2) + suffix, chunk)
            chunk = ARTICLE_ID.sub(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), chunk)
            seen.update(_triple_part(x) for x in chunk.splitlines(keepends=True))
            out.append(chunk)
    union = b"".join(sorted(seen))
    return b"".join(out), union, copy


def make_store(nquads: bytes, store_dir: Path) -> dict:
    """Bulk-load ``nquads`` into a new on-disk store as ``parley build`` leaves one.

    A graph per article, plus their distinct union as the default graph and
    the derived summaries (:meth:`GraphStore.refresh`, the same code a build
    runs).
    """
    import time

    from parley.graph.store import GraphStore

    t = time.perf_counter()
    store = ox.Store(str(store_dir))
    store.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - t
    quads = len(store)
    del store
    t = time.perf_counter()
    graph = GraphStore(store_dir)  # no union yet: marked stale on open
    graph.flush()  # rebuilds the union and the summaries
    union_s = time.perf_counter() - t
    del graph
    return {"quads": quads, "bulk_load_s": seconds, "union_s": union_s}
