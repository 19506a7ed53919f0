"""Push a built Parley dataset to a remote SPARQL 1.1 server.

What ends up on the server (the same after one push or ten):

* every named graph of the local store (one per article, plus the ontology
  and reference graphs), each replaced as a whole: Graph Store Protocol
  ``PUT`` (then ``POST`` for further batches of a large graph) or, without a
  GSP URL, SPARQL Update ``CLEAR SILENT GRAPH`` + ``INSERT DATA``;
* with ``default_graph="union"`` (the default) the union of those graphs as
  the server's default graph, replaced the same way.  The named queries read
  the default graph, so they give the embedded store's rows on *any* server,
  with no server setting.  On a server whose default graph already is the
  union of its named graphs (Oxigraph ``--union-default-graph``, Fuseki
  ``tdb2:unionDefaultGraph``, GraphDB) pass ``default_graph="none"`` to
  store each triple once;
* Parley graphs (``https://w3id.org/parley/id/graph/…``) that the server
  holds but the local store no longer has are dropped, so the server
  mirrors the store.  Graphs with other IRIs are never touched.

Triples that mention a blank node always travel in their graph's first
request: a blank node label means the same node only within one request.
The store's bookkeeping graph (content hashes) is not pushed.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..errors import EndpointError, QueryError
from ..graph.store import META_GRAPH, GraphStore
from ..ontology.vocab import ID
from .endpoint import DEFAULT_TIMEOUT, Endpoint, RemoteStore, resolve

PARLEY_GRAPHS = ID + "graph/"
DEFAULT_BATCH = 50_000
METHODS = ("auto", "gsp", "update")
DEFAULT_GRAPH_MODES = ("union", "none")


def _has_bnode(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def batches(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """``triples`` in lists of at most ``size``; blank-node triples all in the first list.

    The first list is always yielded (possibly empty), so an empty graph is
    still replaced (emptied) on the server.
    """
    with_bnodes: list[ox.Triple] = []
    plain: list[ox.Triple] = []
    for t in triples:
        (with_bnodes if _has_bnode(t) else plain).append(t)
    first = with_bnodes + plain[: max(0, size - len(with_bnodes))]
    yield first
    rest = plain[len(first) - len(with_bnodes):]
    for i in range(0, len(rest), size):
        yield rest[i:i + size]


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""


def _update_text(graph: str | None, chunk: list[ox.Triple], clear: bool) -> str:
    """``CLEAR`` (first batch) and ``INSERT DATA`` for one batch of one graph."""
    target = f"GRAPH {ox.NamedNode(graph)}" if graph else "DEFAULT"
    ops = [f"CLEAR SILENT {target}"] if clear else []
    if chunk:
        data = _ntriples(chunk).decode("utf-8")
        ops.append(f"INSERT DATA {{ {target} {{\n{data}}} }}" if graph else f"INSERT DATA {{\n{data}}}")
    return " ;\n".join(ops)


class _Writer:
    """Replaces whole graphs on the server through GSP or SPARQL Update; counts requests."""

    def __init__(self, remote: RemoteStore, method: str) -> None:
        self.remote, self.method, self.requests = remote, method, 0

    def replace(self, graph: str | None, triples: Iterable[ox.Triple], size: int) -> int:
        count = 0
        for i, chunk in enumerate(batches(triples, size)):
            count += len(chunk)
            self.requests += 1
            if self.method == "gsp":
                self.remote.graph_store("PUT" if i == 0 else "POST", graph, _ntriples(chunk))
            else:
                self.remote.update(_update_text(graph, chunk, clear=i == 0))
        return count

    def drop(self, graph: str) -> None:
        self.requests += 1
        if self.method == "gsp":
            try:
                self.remote.graph_store("DELETE", graph)
            except EndpointError as exc:
                if getattr(exc, "status", None) != 404:  # already gone
                    raise
        else:
            self.remote.update(f"DROP SILENT GRAPH <{graph}>")


def remote_graphs(remote: RemoteStore) -> set[str]:
    """The named graphs on the server whose IRIs are Parley's."""
    res = remote.query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{PARLEY_GRAPHS}")) }}')
    return {sol["g"].value for sol in res if isinstance(sol["g"], ox.NamedNode)}


def _method(endpoint: Endpoint, method: str) -> str:
    if method not in METHODS:
        raise QueryError(f"--method {method!r}: use one of {', '.join(METHODS)}")
    if method == "auto":
        return "gsp" if endpoint.store else "update"
    if method == "gsp" and not endpoint.store:
        raise EndpointError(f"{endpoint.query}: no Graph Store Protocol URL known; pass --store-endpoint URL")
    return method


def push(store_dir: Path | str, endpoint: Endpoint | str, *, batch: int = DEFAULT_BATCH,
         default_graph: str = "union", method: str = "auto", prune: bool = True,
         timeout: float = DEFAULT_TIMEOUT, update_url: str | None = None,
         store_url: str | None = None) -> dict[str, int | float | str]:
    """Make the server at ``endpoint`` hold the dataset of the store at ``store_dir``.

    Returns counts: ``graphs`` and ``quads`` pushed into named graphs,
    ``default_triples`` written to the default graph, ``removed`` stale
    Parley graphs, ``requests`` sent, the ``method`` used and ``seconds``.

    >>> from parley.queries.remote import push
    >>> push("parley-store", "http://127.0.0.1:7878")["graphs"]   # doctest: +SKIP
    9
    """
    if batch < 1:
        raise QueryError("--batch must be 1 or more")
    if default_graph not in DEFAULT_GRAPH_MODES:
        raise QueryError(f"--default-graph {default_graph!r}: use one of {', '.join(DEFAULT_GRAPH_MODES)}")
    started = time.perf_counter()
    ep = resolve(endpoint, update_url, store_url) if isinstance(endpoint, str) else endpoint
    chosen = _method(ep, method)
    remote = RemoteStore(ep, timeout)
    writer = _Writer(remote, chosen)
    store = GraphStore(store_dir, read_only=True)
    graphs = sorted((g for g in store.store.named_graphs() if g != META_GRAPH), key=lambda g: g.value)
    removed = 0
    if prune:
        local = {g.value for g in graphs}
        for stale in sorted(remote_graphs(remote) - local):
            writer.drop(stale)
            removed += 1
    quads = 0
    for g in graphs:
        quads += writer.replace(g.value, (q.triple for q in store.store.quads_for_pattern(None, None, None, g)), batch)
    default_triples = writer.replace(None, store.triples(), batch) if default_graph == "union" else 0
    return {"graphs": len(graphs), "quads": quads, "default_triples": default_triples, "removed": removed,
            "requests": writer.requests, "method": chosen, "seconds": round(time.perf_counter() - started, 3)}
