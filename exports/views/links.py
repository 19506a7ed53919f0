"""The semantic skeleton of a store: every fact's and entity's type and evidence count, and the links between them.

Why: an ego view ranks an entity's neighbours, then their neighbours, by
evidence.  Asked in SPARQL, that walks every triple touching each hub: on
10,000 articles South Korea alone has 62,830 mentions and as many evidence
links, and 13,560 evidence records claimed by it, around its ~4,500
semantic neighbours; ring 2 of an ego view did that for 80 hubs (2–3 s a
view).  The facts and entities themselves are few (11,000 nodes and 28,000
links on that store, read in ~0.3 s), so the views read them once and rank
neighbours and count the facts linking two entities in Python.

A *link* is a triple whose predicate is one of the ontology's object
properties between facts and entities (:func:`link_predicates`: not the
provenance ones, which lead to evidence, mentions, sentences and articles,
nor those whose values are value-list concepts) or ``skos:exactMatch``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import pyoxigraph as ox

from ...ontology.resources import data_path
from ...ontology.vocab import PARLEY, SKOS_EXACT

SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
# object properties that lead from a fact or entity to its provenance (or between provenance records)
PROVENANCE = frozenset({"evidence", "claimedBy", "sentence", "article", "publisher", "datelinePlace", "refersTo"})


@lru_cache(maxsize=1)
def link_predicates() -> tuple[str, ...]:
    """IRIs of the predicates that link facts and entities, sorted.

    The ontology's object properties, less the provenance ones and those
    whose range is a value list (``rdfs:subClassOf skos:Concept``: stance
    types, amount roles, round statuses are attributes, never nodes).
    """
    ontology = ox.Store()
    ontology.load(path=str(data_path("parley.ttl")), format=ox.RdfFormat.TURTLE)
    rows = ontology.query(f"""
        PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?p WHERE {{
          ?p a owl:ObjectProperty . FILTER(STRSTARTS(STR(?p), "{PARLEY}"))
          FILTER NOT EXISTS {{ ?p rdfs:range/rdfs:subClassOf <{SKOS_CONCEPT}> }}
        }}""")
    props = {row["p"].value for row in rows}
    return tuple(sorted({p for p in props if p.removeprefix(PARLEY) not in PROVENANCE} | {SKOS_EXACT.value}))


@dataclass
class Skeleton:
    """Types, evidence counts and links of a store's semantic nodes (see the module docstring)."""

    types: dict[str, str] = field(default_factory=dict)  # node → most specific semantic type
    evidence: dict[str, int] = field(default_factory=dict)  # node → parley:evidenceCount
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, predicate, object IRI)
    adjacent: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # semantic node → linked ones

    @classmethod
    def build(cls, types: dict[str, str], evidence: dict[str, int], links: list[tuple[str, str, str]]) -> Skeleton:
        sk = cls(types, evidence, links)
        for s, _, o in links:
            if s != o and s in types and o in types:
                sk.adjacent[s].add(o)
                sk.adjacent[o].add(s)
        return sk

    def neighbours(self, iris: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
        """Semantic nodes linked to ``iris`` (either direction), not in ``exclude``: most evidence first, ties by IRI."""
        found: set[str] = set()
        for i in set(iris):
            found |= self.adjacent.get(i, set())
        found -= set(exclude)
        return sorted(found, key=lambda y: (-self.evidence.get(y, 0), y))

    def facts_linking(self, entities: Iterable[str]) -> dict[tuple[str, str], tuple[int, str, str]]:
        """For each pair ``a < b`` of ``entities``: how many nodes link to both, and the least and greatest of them."""
        chosen = set(entities)
        targets: dict[str, set[str]] = defaultdict(set)
        for s, _, o in self.links:
            if o in chosen:
                targets[s].add(o)
        pairs: dict[tuple[str, str], tuple[int, str, str]] = {}
        for fact, linked in targets.items():
            ordered = sorted(linked)
            for k, a in enumerate(ordered):
                for b in ordered[k + 1:]:
                    n, first, last = pairs.get((a, b), (0, fact, fact))
                    pairs[(a, b)] = (n + 1, min(first, fact), max(last, fact))
        return pairs

    def between(self, entities: Iterable[str]) -> list[tuple[str, str, str]]:
        """The links from one of ``entities`` to another."""
        chosen = set(entities)
        return [(s, p, o) for s, p, o in self.links if s in chosen and o in chosen and s != o]
