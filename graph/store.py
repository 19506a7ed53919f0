"""The embedded Oxigraph store.

Layout: one named graph per article (``id:graph/article/ID``) holding all
that article contributed, plus ``id:graph/ontology`` and
``id:graph/reference``.  Named graphs serve bookkeeping only (replacing an
article's facts when it changes): queries run over the union of all graphs,
and exports and pushes write that union as the default graph, so every
named query gives the same rows on a stock SPARQL server.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..errors import StoreError
from ..ontology.vocab import ID, P
from .iris import article_iri, graph_iri

ONTOLOGY_GRAPH = ox.NamedNode(ID + "graph/ontology")
REFERENCE_GRAPH = ox.NamedNode(ID + "graph/reference")
META_GRAPH = ox.NamedNode(ID + "graph/meta")
FINGERPRINT = ox.NamedNode(ID + "meta/fingerprint")


class GraphStore:
    """A Parley dataset in Oxigraph, on disk (``path``) or in memory (``path=None``)."""

    def __init__(self, path: Path | str | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no Parley store here; run 'parley build' first or pass --store")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc}); is another Parley process using it?") from None

    # -- bookkeeping -------------------------------------------------------
    def article_hash(self, article_id: str) -> str | None:
        g = ox.NamedNode(graph_iri(article_id))
        for q in self.store.quads_for_pattern(ox.NamedNode(article_iri(article_id)), P.contentHash, None, g):
            return q.object.value
        return None

    def article_ids(self) -> set[str]:
        prefix = ID + "graph/article/"
        return {g.value[len(prefix):] for g in self.store.named_graphs() if g.value.startswith(prefix)}

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Replace one named graph's content.

        Two transactions: drop the graph, then add all its quads at once
        (``Store.extend`` is all-or-nothing).  A crash in between leaves the
        graph absent, never half-written; since an article's content hash
        lives inside its graph, the next build re-extracts it.  (A single
        SPARQL ``INSERT DATA`` would be one transaction, but Oxigraph's
        parser rewrites ``xsd:nonNegativeInteger`` literals to ``xsd:integer``.)
        """
        try:
            self.store.remove_graph(graph) if self.store.contains_named_graph(graph) else None
            self.store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
        except OSError as exc:
            raise StoreError(f"cannot write graph {graph.value} ({exc})") from None

    def graph_hash(self, graph: ox.NamedNode) -> str | None:
        for q in self.store.quads_for_pattern(graph, FINGERPRINT, None, META_GRAPH):
            return q.object.value
        return None

    def set_graph_hash(self, graph: ox.NamedNode, value: str) -> None:
        self.store.update(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ {graph} {FINGERPRINT} ?v }} }} ;\n"
                          f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {graph} {FINGERPRINT} {ox.Literal(value)} }} }}")

    def drop_article(self, article_id: str) -> None:
        self.store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph_iri(article_id))}")

    # -- reading -------------------------------------------------------------
    def query(self, sparql: str, **kwargs):
        return self.store.query(sparql, use_default_graph_as_union=True, **kwargs)

    def triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of the union of the data graphs (bookkeeping excluded)."""
        seen: set[ox.Triple] = set()
        for q in self.store.quads_for_pattern(None, None, None, None):
            if q.graph_name == META_GRAPH:
                continue
            t = q.triple
            if t not in seen:
                seen.add(t)
                yield t

    def quads(self) -> Iterator[ox.Quad]:
        for q in self.store.quads_for_pattern(None, None, None, None):
            if q.graph_name != META_GRAPH:
                yield q

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    @staticmethod
    def remove(path: Path) -> None:
        shutil.rmtree(path, ignore_errors=True)
