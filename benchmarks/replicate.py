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


def _by_article(lines: list[bytes]) -> dict[bytes, list[bytes]]:
    """The N-Quads lines of each article graph, keyed by article id."""
    by_article: dict[bytes, list[bytes]] = {}
    for line in lines:
        m = ARTICLE_GRAPH.search(line.rstrip(b"\n"))
        if m:
            by_article.setdefault(m.group(1), []).append(line)
    return by_article


def _copy(chunk: bytes, k: int) -> bytes:
    """Copy ``k`` of an article graph's lines: its IRIs and ``parley:articleId`` end in ``-rK``."""
    suffix = b"-r%d" % k
    chunk = RENAME.sub(lambda m: m.group(1) + m.group(2) + suffix, chunk)
    return ARTICLE_ID.sub(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), chunk)


def replicate(nquads: bytes, target_triples: int) -> tuple[bytes, bytes, int]:
    """``nquads`` plus renamed copies of its article graphs until the union has ``target_triples`` distinct triples.

    Returns the N-Quads, the union's distinct triples as N-Triples (sorted)
    and the number of copies begun.
    """
    lines = nquads.splitlines(keepends=True)
    by_article = _by_article(lines)
    seen = {_triple_part(line) for line in lines}
    out, copy = [nquads], 0
    articles = sorted(by_article)
    while len(seen) < target_triples and articles:
        copy += 1
        for art in articles:
            if len(seen) >= target_triples:
                break
            chunk = _copy(b"".join(by_article[art]), copy)
            seen.update(_triple_part(x) for x in chunk.splitlines(keepends=True))
            out.append(chunk)
    union = b"".join(sorted(seen))
    return b"".join(out), union, copy


def multiply(nquads: bytes, times: int) -> tuple[bytes, int]:
    """``nquads`` with every article graph present ``times`` times (the original and ``times - 1`` copies).

    Returns the N-Quads and the number of articles in them: a 1,000-article
    store multiplied by 10 stands in for a 10,000-article corpus.
    """
    by_article = _by_article(nquads.splitlines(keepends=True))
    chunks = [b"".join(by_article[art]) for art in sorted(by_article)]
    out = [nquads] + [_copy(chunk, k) for k in range(1, times) for chunk in chunks]
    return b"".join(out), len(chunks) * times


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


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.replicate SRC DST (--times K | --triples N)``: write a replicated store."""
    import argparse
    import json

    ap = argparse.ArgumentParser(prog="python -m benchmarks.replicate", description=main.__doc__.split(": ", 1)[1])
    ap.add_argument("src", type=Path, help="a store written by parley build (its store/ folder)")
    ap.add_argument("dst", type=Path, help="a new folder for the replicated store (must not exist)")
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--times", type=int, help="every article K times (1,000 articles × 10 = a 10,000-article store)")
    size.add_argument("--triples", type=int, help="copies of articles until the union has N distinct triples")
    args = ap.parse_args(argv)
    if not (args.src / "CURRENT").is_file():
        ap.error(f"{args.src} is not an Oxigraph store folder; give the store/ folder of a parley build")
    if args.dst.exists():
        ap.error(f"{args.dst} already exists; give a new folder")
    if (args.times or 1) < 1 or (args.triples is not None and args.triples < 1):
        ap.error("--times and --triples take a positive number")
    nquads = dump_nquads(args.src)
    if args.times:
        out, articles = multiply(nquads, args.times)
        info = {"articles": articles, "times": args.times}
    else:
        out, _, copies = replicate(nquads, args.triples)
        info = {"copies": copies}
    args.dst.mkdir(parents=True)
    print(json.dumps(info | make_store(out, args.dst)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
