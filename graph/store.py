"""The embedded Oxigraph store.

Layout: one named graph per article (``id:graph/article/ID``) holding all
that article contributed, plus ``id:graph/ontology`` and
``id:graph/reference``.  Named graphs serve bookkeeping (replacing an
article's facts when it changes) and provenance (``GRAPH ?g`` patterns).

The default graph holds the *distinct* union of those graphs, and queries
read it.  Oxigraph's ``use_default_graph_as_union`` would be simpler but is
a multiset: a triple present in 200 article graphs (a country's label, a
negotiation's type) matches 200 times and every join multiplies (measured:
127,031 rows instead of 65 rounds, and seconds instead of milliseconds, on a
1,000-article store).  Adding an article adds its triples to both graphs in
one transaction; replacing or dropping one marks the union stale
(``STALE`` in the meta graph, so a crash cannot hide it), and the next write
or read through :meth:`GraphStore.refresh_union` rebuilds it in Oxigraph
(dump each graph as N-Triples to a temporary file, bulk-load it).  Exports
and pushes write that union as the default graph, so every named query
gives the same rows on a stock SPARQL server.

Beside them, ``id:graph/derived`` holds each node's provenance summaries
(its sources, evidence count, evidence sentences and claimants: see
:mod:`parley.graph.derived`), copied into the default graph like the rest.
Every article write marks them stale (``DERIVED_STALE``) and
:meth:`GraphStore.refresh` recomputes them, once, after the writes.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..errors import StoreError
from ..ontology.vocab import ID, P
from .derived import DERIVED_GRAPH, summaries
from .iris import article_iri, graph_iri

ONTOLOGY_GRAPH = ox.NamedNode(ID + "graph/ontology")
REFERENCE_GRAPH = ox.NamedNode(ID + "graph/reference")
META_GRAPH = ox.NamedNode(ID + "graph/meta")
FINGERPRINT = ox.NamedNode(ID + "meta/fingerprint")
STALE = ox.Quad(ox.NamedNode(ID + "meta/union"), ox.NamedNode(ID + "meta/stale"), ox.Literal("true"), META_GRAPH)
DERIVED_STALE = ox.Quad(ox.NamedNode(ID + "meta/derived"), ox.NamedNode(ID + "meta/stale"), ox.Literal("true"), META_GRAPH)
DEFAULT = ox.DefaultGraph()


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
        self.read_only = read_only
        if not read_only and not self._has_union():
            self._mark_stale()  # a store written before the union default graph existed

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
            self.store.add(DERIVED_STALE)
            if self.store.contains_named_graph(graph):
                self._mark_stale()  # its old triples may linger in the union
                self.store.remove_graph(graph)
            triples = list(triples)
            self.store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
                              + [ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in triples])
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
        self._mark_stale()
        self.store.add(DERIVED_STALE)
        self.store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph_iri(article_id))}")

    # -- the union default graph ---------------------------------------------
    def _has_union(self) -> bool:
        """False for a store with named graphs but an empty default graph (written by an older Parley)."""
        if next(iter(self.store.quads_for_pattern(None, None, None, DEFAULT)), None) is not None:
            return True
        return not any(g != META_GRAPH for g in self.store.named_graphs())

    def _mark_stale(self) -> None:
        self.store.add(STALE)

    def union_stale(self) -> bool:
        """True while the default graph may differ from the union of the data graphs."""
        return STALE in self.store

    def refresh_union(self) -> None:
        """Rebuild the default graph as the distinct union of the data graphs, if it is stale."""
        if self.read_only or not self.union_stale():
            return
        try:
            self.store.clear_graph(DEFAULT)
            with tempfile.TemporaryDirectory(prefix="parley-union-") as tmp:
                dump = Path(tmp) / "union.nt"
                with dump.open("wb") as out:
                    for g in self.store.named_graphs():
                        if g != META_GRAPH:
                            self.store.dump(out, ox.RdfFormat.N_TRIPLES, from_graph=g)
                self.store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT)
            self.store.remove(STALE)
            if self.path is not None:
                self.store.optimize()  # compacts the new SST files: reads on 1M triples ~40% faster
        except OSError as exc:
            raise StoreError(f"cannot rebuild the union graph ({exc}); run 'parley build --fresh'") from None

    # -- the derived summaries ------------------------------------------------
    def derived_stale(self) -> bool:
        """True while the provenance summaries may not match the article graphs."""
        if DERIVED_STALE in self.store:
            return True
        if self.store.contains_named_graph(DERIVED_GRAPH):
            return False
        return any(g.value.startswith(ID + "graph/article/") for g in self.store.named_graphs())  # an older store

    def _refresh_derived(self) -> None:
        """Recompute the provenance summaries from the union if any article changed."""
        if self.read_only or not self.derived_stale():
            return
        try:
            triples = list(summaries(self.store.query))
            self.store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {DERIVED_GRAPH} {{ ?s ?p ?o }} }} ;\n"
                              f"DROP SILENT GRAPH {DERIVED_GRAPH}")
            self.store.extend([ox.Quad(t.subject, t.predicate, t.object, DERIVED_GRAPH) for t in triples]
                              + [ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in triples])
            if not triples:
                self.store.add_graph(DERIVED_GRAPH)  # present though empty: not an older store
            self.store.remove(DERIVED_STALE)
        except OSError as exc:
            raise StoreError(f"cannot write the derived summaries ({exc}); run 'parley build --fresh'") from None

    def refresh(self) -> None:
        """Bring the union default graph and the derived summaries up to date (a no-op when read-only)."""
        self.refresh_union()
        self._refresh_derived()

    # -- reading -------------------------------------------------------------
    def query(self, sparql: str, **kwargs):
        """Run SPARQL over the union of the data graphs (``GRAPH ?g`` still sees each article)."""
        self.refresh()
        if self.read_only and self.union_stale() or not self._has_union():
            return self.store.query(sparql, use_default_graph_as_union=True, **kwargs)  # slower, same answers
        return self.store.query(sparql, **kwargs)

    def triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of the union of the data graphs (bookkeeping excluded)."""
        self.refresh()
        if not (self.read_only and self.union_stale()) and self._has_union():
            for q in self.store.quads_for_pattern(None, None, None, DEFAULT):
                yield q.triple
            return
        seen: set[ox.Triple] = set()
        for q in self.store.quads_for_pattern(None, None, None, None):
            if q.graph_name == META_GRAPH or q.graph_name == DEFAULT:
                continue
            t = q.triple
            if t not in seen:
                seen.add(t)
                yield t

    def sorted_ntriples(self) -> bytes:
        """The union's distinct triples as N-Triples, one per line, in ``exports.rdf.sort_key`` order.

        Oxigraph dumps the default graph and the lines are sorted as bytes:
        no Python object per triple, so a million triples cost about their
        text in memory and a second of sorting.  (Every term of a line ends
        in ``>`` or ``"``, so byte order of lines is the order of the
        ``(subject, predicate, object)`` string tuples.)
        """
        self.refresh()
        if self.read_only and self.union_stale() or not self._has_union():
            data = ox.serialize(self.triples(), format=ox.RdfFormat.N_TRIPLES)
        else:
            data = self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=DEFAULT)
        return _sorted_lines(data)

    def sorted_quads(self) -> Iterator[ox.Quad]:
        """The quads of the data graphs in ``exports.rdf.sort_key`` order, one graph in memory at a time.

        Graphs come in the order of their N-Triples form (``<iri>``), and each
        graph's lines are sorted as bytes (see :meth:`sorted_ntriples`), so a
        TriG export streams instead of sorting every quad as Python objects.
        """
        self.refresh()
        graphs = sorted((g for g in self.store.named_graphs() if g != META_GRAPH), key=str)
        for g in graphs:
            data = _sorted_lines(self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g))
            for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(t.subject, t.predicate, t.object, g)

    def quads(self) -> Iterator[ox.Quad]:
        """The quads of the data graphs, one named graph per article (the union copy excluded)."""
        self.refresh()
        for q in self.store.quads_for_pattern(None, None, None, None):
            if q.graph_name != META_GRAPH and q.graph_name != DEFAULT:
                yield q

    def flush(self) -> None:
        """Bring the derived graphs up to date and write everything to disk."""
        self.refresh()
        if self.path is not None:
            self.store.flush()

    @staticmethod
    def remove(path: Path) -> None:
        shutil.rmtree(path, ignore_errors=True)


def _sorted_lines(data: bytes) -> bytes:
    """N-Triples lines sorted as bytes: the ``exports.rdf.sort_key`` order (see :meth:`GraphStore.sorted_ntriples`)."""
    lines = data.splitlines(keepends=True)
    lines.sort()
    return b"".join(lines)
