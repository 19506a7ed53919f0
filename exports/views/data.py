"""Read what the views need from a Parley store, a few hundred nodes at a time.

The SPARQL lives in ``sparql/*.rq``; node IRIs are bound as ``VALUES``
blocks of N-Triples-escaped IRIs, so no store content can change a query.
Labels and attributes come from :func:`parley.exports.graphml.semantic_graph`
run on the triples of the selected nodes only (plus the labels of what they
point to): the views and the GraphML export share one graph construction,
while a 10k-article store is never read whole.  What is read is kept for
the next view (the pages share their best-documented nodes), and the
skeleton of facts, entities and links (:mod:`.links`) is read once.  One
``ViewData`` may serve views built on several threads (:mod:`.memo`).
"""
from __future__ import annotations

import string
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from ...errors import QueryError
from ...graph.iris import article_iri
from ..graphml import NODE_TYPES, semantic_graph
from . import provenance as prov
from .links import Skeleton, link_predicates
from .memo import Memo
from .provenance import Provenance

SPARQL = Path(__file__).resolve().parent / "sparql"
PARLEY = "https://w3id.org/parley/ontology#"
CHUNK = 400  # IRIs per VALUES block


@lru_cache(maxsize=None)
def _template(name: str) -> string.Template:
    return string.Template((SPARQL / f"{name}.rq").read_text(encoding="utf-8"))


def values(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


class ViewData:
    """Query helpers over a :class:`~parley.graph.store.GraphStore` for the views."""

    def __init__(self, store) -> None:
        self.store = store
        self._once = threading.Lock()  # the skeleton and the article dates are read by one thread
        self._skeleton: Skeleton | None = None
        self._top: Memo[int, list[tuple[str, int]]] = Memo(list)
        self._described: Memo[str, list[dict]] = Memo(list)  # node → rows of describe.rq
        self._labelled: Memo[str, list[dict]] = Memo(list)  # node → rows of label-data.rq
        self._provenance: Memo[str, Provenance | None] = Memo(lambda: None)
        self._articles: dict[str, tuple[str, str]] | None = None

    # -- plumbing ------------------------------------------------------------
    def rows(self, name: str, **subs: str) -> list[dict[str, ox.Literal | ox.NamedNode | None]]:
        text = _template(name).substitute(**subs)
        try:
            result = self.store.query(text)
        except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"view query {name}.rq failed ({exc})") from None
        cols = [v.value for v in result.variables]
        return [dict(zip(cols, sol)) for sol in result]  # a solution iterates its values in column order

    def chunked(self, name: str, iris: Iterable[str], **subs: str) -> list[dict]:
        items = sorted(set(iris))
        out: list[dict] = []
        for i in range(0, len(items), CHUNK):
            out += self.rows(name, iris=values(items[i:i + CHUNK]), **subs)
        return out

    def cached(self, cache: Memo[str, list], name: str, iris: Iterable[str], key: str) -> list:
        """Rows of query ``name`` for ``iris``, grouped by column ``key`` and kept in ``cache`` per IRI."""
        def read(todo: list[str]) -> dict[str, list]:
            found: dict[str, list] = {}
            for r in self.chunked(name, todo):
                found.setdefault(r[key].value, []).append(r)
            return found

        iris = list(iris)
        got = cache.get(iris, read)
        return [r for i in iris for r in got[i]]

    # -- nodes ---------------------------------------------------------------
    @property
    def skeleton(self) -> Skeleton:
        """Every semantic node's type and evidence count, and the links between them (read once)."""
        with self._once:
            if self._skeleton is None:
                self._skeleton = self._read_skeleton()
        return self._skeleton

    def _read_skeleton(self) -> Skeleton:
        found: dict[str, set[str]] = {}
        for r in self.rows("skeleton-types", types=values(PARLEY + t for t in NODE_TYPES)):
            found.setdefault(r["s"].value, set()).add(r["t"].value)
        types = {i: next(t for t in NODE_TYPES if PARLEY + t in ts) for i, ts in found.items()}
        evidence = {r["s"].value: int(r["n"].value) for r in self.rows("skeleton-evidence")}
        links = [(r["s"].value, r["p"].value, r["o"].value)
                 for r in self.rows("skeleton-links", links=values(link_predicates()))]
        return Skeleton.build(types, evidence, links)

    def types(self, iris: Iterable[str]) -> dict[str, str | None]:
        """The most specific Parley node type of each IRI (None: not a semantic node)."""
        return {i: self.skeleton.types.get(i) for i in iris}

    def evidence_counts(self, iris: Iterable[str]) -> dict[str, int]:
        return {i: self.skeleton.evidence.get(i, 0) for i in iris}

    def top_evidence(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` most-mentioned entities, most first, ties by IRI (deterministic).

        When the cut falls inside a group of equally mentioned entities, the
        whole group is read and sorted, so the same store always gives the
        same list.
        """
        return self._top.get([limit], lambda todo: {n: self._read_top(n) for n in todo})[limit]

    def _read_top(self, limit: int) -> list[tuple[str, int]]:
        rows = [(r["s"].value, int(r["n"].value)) for r in self.rows("top-evidence", limit=str(int(limit)), tie="")
                if isinstance(r["s"], ox.NamedNode)]
        if len(rows) == limit:
            cut = rows[-1][1]
            above = [r for r in rows if r[1] > cut]
            tied = [(r["s"].value, cut) for r in self.rows("top-evidence", limit=str(10 ** 9),
                                                           tie=f"FILTER(?n = {cut})")
                    if isinstance(r["s"], ox.NamedNode)]
            rows = above + tied
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows[:limit]

    def count_evidenced(self, types: Iterable[str]) -> int:
        """How many nodes of these Parley classes are mentioned in the articles."""
        rows = self.rows("count-evidenced", types=values(PARLEY + t for t in types))
        return int(rows[0]["n"].value) if rows else 0

    def graph(self, iris: Iterable[str]) -> nx.MultiDiGraph:
        """The semantic graph (labels, types, attributes, edges) restricted to ``iris``."""
        keep = set(iris)
        triples = [ox.Triple(r["s"], r["p"], r["o"]) for r in self.cached(self._described, "describe", sorted(keep), "s")]
        objects = {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)} - keep
        triples += [ox.Triple(r["s"], r["p"], r["o"]) for r in self.cached(self._labelled, "label-data", sorted(objects), "s")]
        g = semantic_graph(triples)
        g.remove_nodes_from([n for n in list(g.nodes) if n not in keep])
        return g

    def articles(self) -> dict[str, tuple[str, str]]:
        """Every dated article's IRI → its publication date and id (read once).

        The id is the IRI's end (:func:`~parley.graph.iris.article_iri`
        mints the IRI from it, and shapes.ttl allows one id and at most one
        date an article): joining every article to its ``parley:articleId``
        cost more than the dates themselves.
        """
        with self._once:
            if self._articles is None:
                prefix = article_iri("")
                found: dict[str, tuple[str, str]] = {}
                for r in self.rows("article-dates"):
                    iri, published = r["art"].value, r["published"].value
                    first = found.get(iri, (published, ""))[0]
                    found[iri] = (min(first, published), iri[len(prefix):] if iri.startswith(prefix) else iri)
                self._articles = found
        return self._articles

    def article_key(self, iri: str) -> tuple[str, str]:
        """An article's publication date ("" if none) and id, from its IRI (see :meth:`articles`)."""
        prefix = article_iri("")
        return self.articles().get(iri) or ("", iri[len(prefix):] if iri.startswith(prefix) else iri)

    def neighbours(self, iris: Iterable[str], limit: int, exclude: Iterable[str] = ()) -> tuple[list[str], int]:
        """Semantic nodes linked to ``iris`` (not in ``exclude``): the ``limit`` with most evidence, and the total."""
        found = self.skeleton.neighbours(iris, exclude)
        return found[:max(0, int(limit))], len(found)

    def provenance(self, iris: Iterable[str]) -> dict[str, Provenance]:
        """Evidence of each IRI: the first few records (newest first) and the total (see :mod:`.provenance`)."""
        self.skeleton, self.articles()  # read before the memo: its reader must not wait on another thread
        got = self._provenance.get(sorted(set(iris)), lambda todo: prov.read(self.chunked, self.evidence_counts(todo),
                                                                             self.article_key))
        return {i: p for i, p in got.items() if p is not None}
