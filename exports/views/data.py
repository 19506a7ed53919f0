"""Read what the views need from a Parley store, a few hundred nodes at a time.

The SPARQL lives in ``sparql/*.rq``; node IRIs are bound as ``VALUES``
blocks of N-Triples-escaped IRIs, so no store content can change a query.
Labels and attributes come from :func:`parley.exports.graphml.semantic_graph`
run on the triples of the selected nodes only (plus the labels of what they
point to): the views and the GraphML export share one graph construction,
while a 10k-article store is never read whole.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from ...errors import QueryError
from ..graphml import NODE_TYPES, semantic_graph

SPARQL = Path(__file__).resolve().parent / "sparql"
PARLEY = "https://w3id.org/parley/ontology#"
CHUNK = 400  # IRIs per VALUES block
PROVENANCE_SHOWN = 3  # evidence records kept per node or edge
HEAVY = 12  # more evidence than this: read a sample with LIMIT


@lru_cache(maxsize=None)
def _template(name: str) -> string.Template:
    return string.Template((SPARQL / f"{name}.rq").read_text(encoding="utf-8"))


def values(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


@dataclass(frozen=True)
class Evidence:
    """One piece of provenance: what an article said, where and who claims it."""

    article: str
    sentence: str = ""
    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""
    claimant: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class Provenance:
    """The first few evidence records of a node or edge, and how many there are in all."""

    shown: list[Evidence] = field(default_factory=list)
    total: int = 0

    def as_dict(self) -> dict:
        return {"evidence": [e.as_dict() for e in self.shown], "total": self.total}


class ViewData:
    """Query helpers over a :class:`~parley.graph.store.GraphStore` for the views."""

    def __init__(self, store) -> None:
        self.store = store
        self._types: dict[str, str | None] = {}
        self._top: dict[int, list[tuple[str, int]]] = {}

    # -- plumbing ------------------------------------------------------------
    def rows(self, name: str, **subs: str) -> list[dict[str, ox.Literal | ox.NamedNode | None]]:
        text = _template(name).substitute(**subs)
        try:
            result = self.store.query(text)
        except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"view query {name}.rq failed ({exc})") from None
        cols = [v.value for v in result.variables]
        return [{c: sol[c] for c in cols} for sol in result]

    def chunked(self, name: str, iris: Iterable[str], **subs: str) -> list[dict]:
        items = sorted(set(iris))
        out: list[dict] = []
        for i in range(0, len(items), CHUNK):
            out += self.rows(name, iris=values(items[i:i + CHUNK]), **subs)
        return out

    # -- nodes ---------------------------------------------------------------
    def types(self, iris: Iterable[str]) -> dict[str, str | None]:
        """The most specific Parley node type of each IRI (None: not a semantic node)."""
        iris = list(iris)
        todo = [i for i in set(iris) if i not in self._types]
        found: dict[str, set[str]] = {i: set() for i in todo}
        for r in self.chunked("types", todo):
            found[r["s"].value].add(r["t"].value)
        for i, ts in found.items():
            self._types[i] = next((t for t in NODE_TYPES if PARLEY + t in ts), None)
        return {i: self._types[i] for i in iris}

    def evidence_counts(self, iris: Iterable[str]) -> dict[str, int]:
        counts = {i: 0 for i in iris}
        for r in self.chunked("evidence-counts", counts):
            counts[r["s"].value] = int(r["n"].value)
        return counts

    def top_evidence(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` most-mentioned entities, most first, ties by IRI (deterministic).

        When the cut falls inside a group of equally mentioned entities, the
        whole group is read and sorted, so the same store always gives the
        same list.
        """
        if limit not in self._top:
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
            self._top[limit] = rows[:limit]
        return self._top[limit]

    def count_evidenced(self, types: Iterable[str]) -> int:
        """How many nodes of these Parley classes are mentioned in the articles."""
        rows = self.rows("count-evidenced", types=values(PARLEY + t for t in types))
        return int(rows[0]["n"].value) if rows else 0

    def graph(self, iris: Iterable[str]) -> nx.MultiDiGraph:
        """The semantic graph (labels, types, attributes, edges) restricted to ``iris``."""
        keep = set(iris)
        triples = [ox.Triple(r["s"], r["p"], r["o"]) for r in self.chunked("describe", keep)
                   if isinstance(r["s"], ox.NamedNode)]
        objects = {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)} - keep
        triples += [ox.Triple(r["s"], r["p"], r["o"]) for r in self.chunked("label-data", objects)]
        g = semantic_graph(triples)
        g.remove_nodes_from([n for n in list(g.nodes) if n not in keep])
        return g

    def neighbours(self, iris: Iterable[str], limit: int, exclude: Iterable[str] = ()) -> tuple[list[str], int]:
        """Semantic nodes linked to ``iris`` (not in ``exclude``): the ``limit`` with most evidence, and the total."""
        subs = {"iris": values(sorted(set(iris))), "types": values(PARLEY + t for t in NODE_TYPES),
                "exclude": ", ".join(str(ox.NamedNode(i)) for i in sorted(set(exclude))) or "<urn:x-parley-view-nothing>"}
        # every neighbour ranked (the ranking needs them all anyway), so the count is free
        rows = self.rows("ranked-neighbours", limit=str(10 ** 9), **subs)
        return [r["y"].value for r in rows[:max(0, int(limit))]], len(rows)

    # -- provenance ------------------------------------------------------------
    def provenance(self, iris: Iterable[str]) -> dict[str, Provenance]:
        """Evidence of each IRI: the first :data:`PROVENANCE_SHOWN` records (newest first) and the total.

        Nodes with few evidence records are read in batches; an entity named
        in thousands of articles is read alone with a ``LIMIT``, so its
        tooltip costs the same on 5 or 10,000 articles.
        """
        counts = self.evidence_counts(iris)
        light = [i for i, n in counts.items() if 0 < n <= HEAVY]
        heavy = sorted(i for i, n in counts.items() if n > HEAVY)
        rows = self.chunked("provenance", light, limit=str(10 ** 9))
        for iri in heavy:
            rows += self.rows("provenance", iris=values([iri]), limit=str(HEAVY))
        records: dict[str, set[Evidence]] = {}
        for r in rows:
            ev = Evidence(**{k: _text(r[k]) for k in ("article", "sentence", "title", "publisher",
                                                     "published", "url", "claimant")})
            records.setdefault(r["s"].value, set()).add(ev)
        out: dict[str, Provenance] = {}
        for iri, evs in records.items():
            ordered = sorted(evs, key=lambda e: (_neg(e.published), e.article, e.sentence, e.claimant))
            out[iri] = Provenance(ordered[:PROVENANCE_SHOWN], counts.get(iri, len(evs)))
        return out


def merge(provs: Iterable[Provenance | None], total: int | None = None) -> Provenance:
    """One provenance for an aggregated edge: the first records of its facts, and a total."""
    shown: list[Evidence] = []
    n = 0
    for p in provs:
        if p is None:
            continue
        n += p.total
        shown += [e for e in p.shown if e not in shown]
    return Provenance(shown[:PROVENANCE_SHOWN], total if total is not None else n)


def _text(term) -> str:
    return "" if term is None else term.value


def _neg(date: str) -> str:
    """Sort key putting later ISO dates first (and undated last)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else "\U0010FFFF"
