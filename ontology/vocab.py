"""Closed Python namespaces for the Parley ontology.

``P.Round`` gives the IRI of a term declared in ``parley.ttl``; an undeclared
name raises :class:`AttributeError` at once, so a typo in code can never mint
a term the ontology does not define.
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from .resources import data_path

PARLEY = "https://w3id.org/parley/ontology#"
ID = "https://w3id.org/parley/id/"
VOCAB = "https://w3id.org/parley/vocab/"

PREFIXES = {
    "parley": PARLEY,
    "id": ID,
    "stance": VOCAB + "stance/",
    "role": VOCAB + "role/",
    "status": VOCAB + "status/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
}

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
SKOS_PREF = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
SKOS_ALT = ox.NamedNode(PREFIXES["skos"] + "altLabel")
SKOS_NOTATION = ox.NamedNode(PREFIXES["skos"] + "notation")
SKOS_EXACT = ox.NamedNode(PREFIXES["skos"] + "exactMatch")
DCT_TITLE = ox.NamedNode(PREFIXES["dcterms"] + "title")
RDFS_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")


def iri(prefixed: str) -> ox.NamedNode:
    """Expand ``"skos:prefLabel"`` to a :class:`pyoxigraph.NamedNode`."""
    prefix, _, local = prefixed.partition(":")
    return ox.NamedNode(PREFIXES[prefix] + local)


@lru_cache(maxsize=1)
def declared_terms() -> frozenset[str]:
    """Local names of every term ``parley.ttl`` declares in the parley namespace."""
    store = ox.Store()
    store.load(path=str(data_path("parley.ttl")), format=ox.RdfFormat.TURTLE)
    names = set()
    for quad in store.quads_for_pattern(None, RDF_TYPE, None):
        if isinstance(quad.subject, ox.NamedNode) and quad.subject.value.startswith(PARLEY):
            names.add(quad.subject.value[len(PARLEY):])
    return frozenset(names)


@lru_cache(maxsize=1)
def declared_concepts() -> dict[str, frozenset[str]]:
    """Notations of the SKOS value lists: ``{"stance": {...}, "role": {...}, "status": {...}}``."""
    store = ox.Store()
    store.load(path=str(data_path("parley.ttl")), format=ox.RdfFormat.TURTLE)
    out: dict[str, set[str]] = {"stance": set(), "role": set(), "status": set()}
    for quad in store.quads_for_pattern(None, SKOS_NOTATION, None):
        for kind in out:
            if quad.subject.value.startswith(PREFIXES[kind]):
                out[kind].add(quad.object.value)
    return {k: frozenset(v) for k, v in out.items()}


class ClosedNamespace:
    """Attribute access to declared terms only."""

    def __init__(self, base: str, terms: frozenset[str], name: str) -> None:
        self._base = base
        self._terms = terms
        self._name = name

    def __getattr__(self, local: str) -> ox.NamedNode:
        if local.startswith("_") or local not in self._terms:
            raise AttributeError(f"{self._name}:{local} is not declared in ontology/parley.ttl")
        node = ox.NamedNode(self._base + local)
        setattr(self, local, node)  # later lookups skip __getattr__ (the emitter asks for a few terms per triple)
        return node

    def __contains__(self, local: str) -> bool:
        return local in self._terms

    def __iter__(self):
        return iter(sorted(self._terms))


P = ClosedNamespace(PARLEY, declared_terms(), "parley")


def concept(kind: str, notation: str) -> ox.NamedNode:
    """IRI of a value-list concept; ``kind`` is ``stance``, ``role`` or ``status``."""
    allowed = declared_concepts()[kind]
    if notation not in allowed:
        raise ValueError(f"{notation!r} is not a {kind} in ontology/parley.ttl (one of {', '.join(sorted(allowed))})")
    return ox.NamedNode(PREFIXES[kind] + notation)


STANCE = declared_concepts()["stance"]
ROLE = declared_concepts()["role"]
STATUS = declared_concepts()["status"]
