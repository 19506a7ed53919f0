"""GraphML of the *semantic* graph, for Gephi, Cytoscape or yEd (via networkx).

Nodes are the things the news is about: actors, agreements, negotiations,
rounds, places, quantities, stances, claims and statements.  Edges are the
object properties between them (``label`` = the property's local name).
Provenance is not drawn: evidence, mention, sentence and article nodes are
collapsed into node attributes (``sources``: the ids of the articles that
support the node; ``evidence_count``).  Value-list concepts (stance types,
amount roles, round statuses) become attributes holding their
``skos:notation``.

Every node has ``label`` (``skos:prefLabel``, else a readable label built
from its type and key data) and ``type`` (the most specific Parley class).
Nodes and edges are added in sorted order, so the output is deterministic.
"""
from __future__ import annotations

import io
from collections import defaultdict
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from ..ontology.vocab import PARLEY, PREFIXES

# Most specific first: a MonetaryAmount is also a Quantity.
NODE_TYPES = ["Country", "GovernmentBody", "Military", "Organization", "Person", "Group", "Actor",
              "Agreement", "Negotiation", "Round", "Place",
              "MonetaryAmount", "Percentage", "Ratio", "Count", "Measure", "Quantity",
              "Stance", "Claim", "Statement"]
_TYPE_IRIS = {PARLEY + t: t for t in NODE_TYPES}

RDF_TYPE = PREFIXES["rdf"] + "type"
SKOS = PREFIXES["skos"]
PREF, ALT, NOTATION, EXACT = SKOS + "prefLabel", SKOS + "altLabel", SKOS + "notation", SKOS + "exactMatch"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
DCT_TITLE = PREFIXES["dcterms"] + "title"
EVIDENCE, ARTICLE, ARTICLE_ID = PARLEY + "evidence", PARLEY + "article", PARLEY + "articleId"

# Literal / concept attributes renamed for readability; others use the local name.
_ATTR_NAMES = {ALT: "aliases", EXACT: "exactMatch", RDFS_LABEL: "rdfsLabel", DCT_TITLE: "title"}
_SKIP = {RDF_TYPE, PREF, EVIDENCE}


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def _text(term: ox.Literal) -> str:
    return term.value


class _Index:
    """Subject → predicate → objects, over the union of the data graphs."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            if isinstance(t.subject, ox.NamedNode):
                self.out[t.subject.value][t.predicate.value].append(t.object)

    def objects(self, s: str, p: str) -> list:
        return self.out.get(s, {}).get(p, [])

    def literal(self, s: str, p: str) -> str | None:
        vals = sorted(o.value for o in self.objects(s, p) if isinstance(o, ox.Literal))
        en = sorted(o.value for o in self.objects(s, p) if isinstance(o, ox.Literal) and o.language == "en")
        return (en or vals or [None])[0]

    def iri(self, s: str, p: str) -> str | None:
        vals = sorted(o.value for o in self.objects(s, p) if isinstance(o, ox.NamedNode))
        return vals[0] if vals else None

    def notation(self, iri: str) -> str:
        return self.literal(iri, NOTATION) or local_name(iri)


def _node_type(index: _Index, s: str) -> str | None:
    types = {o.value for o in index.objects(s, RDF_TYPE) if isinstance(o, ox.NamedNode)}
    for t in NODE_TYPES:
        if PARLEY + t in types:
            return t
    return None


def _label(index: _Index, s: str, typ: str, depth: int = 0) -> str:
    for p in (PREF, RDFS_LABEL, DCT_TITLE):
        value = index.literal(s, p)
        if value:
            return value
    if depth > 2:
        return f"{typ} {local_name(s)}"

    def ref(p: str) -> str | None:
        o = index.iri(s, p)
        if o is None:
            return None
        return _label(index, o, _node_type(index, o) or local_name(o), depth + 1)

    if typ == "Round":
        ordinal = index.literal(s, PARLEY + "ordinal")
        of = ref(PARLEY + "partOf")
        head = f"Round {ordinal}" if ordinal else "Round"
        return f"{head} ({of})" if of else head
    if typ == "Negotiation":
        agreement = ref(PARLEY + "agreement")
        return f"{agreement} negotiation" if agreement else f"Negotiation {local_name(s)}"
    if typ in {"MonetaryAmount", "Percentage", "Ratio", "Count", "Measure", "Quantity"}:
        value = index.literal(s, PARLEY + "value")
        unit = index.literal(s, PARLEY + "unit")
        role = index.iri(s, PARLEY + "role")
        parts = [x for x in (value, unit, index.notation(role) if role else None) if x]
        if typ == "Percentage" and value and not unit:
            parts[0] = f"{value}%"
        return " ".join(parts) if parts else f"{typ} {local_name(s)}"
    if typ == "Stance":
        actor = ref(PARLEY + "actor")
        kind = index.iri(s, PARLEY + "stanceType")
        subject = ref(PARLEY + "subject")
        topic = index.literal(s, PARLEY + "topic")
        parts = [x for x in (actor, index.notation(kind) if kind else None, subject or topic) if x]
        return " ".join(parts) if parts else f"Stance {local_name(s)}"
    if typ in {"Statement", "Claim"}:
        speaker = ref(PARLEY + "speaker") or ref(PARLEY + "actor") or index.literal(s, PARLEY + "claimantText")
        quote = index.literal(s, PARLEY + "quote") or index.literal(s, PARLEY + "text")
        if quote and len(quote) > 80:
            quote = quote[:77] + "…"
        if speaker and quote:
            return f'{speaker}: "{quote}"'
        if speaker or quote:
            return f"{typ}: {speaker or quote}"
    return f"{typ} {local_name(s)}"


def semantic_graph(triples: Iterable[ox.Triple]) -> nx.MultiDiGraph:
    """Build the semantic networkx graph (see the module docstring)."""
    index = _Index(triples)
    nodes = {s: t for s in index.out if (t := _node_type(index, s))}
    g = nx.MultiDiGraph()
    for s in sorted(nodes):
        typ = nodes[s]
        attrs: dict[str, object] = {"label": _label(index, s, typ), "type": typ}
        values: dict[str, set[str]] = defaultdict(set)
        for p, objs in index.out[s].items():
            if p in _SKIP:
                continue
            name = _ATTR_NAMES.get(p, local_name(p))
            for o in objs:
                if isinstance(o, ox.Literal):
                    values[name].add(_text(o))
                elif isinstance(o, ox.NamedNode) and o.value not in nodes:
                    # a value-list concept (stance type, role, status) or an outside link
                    values[name].add(index.notation(o.value) if NOTATION in index.out.get(o.value, {}) else o.value)
        for name in sorted(values):
            if name not in attrs:
                attrs[name] = " | ".join(sorted(values[name]))
        evidence = sorted({o.value for o in index.objects(s, EVIDENCE) if isinstance(o, ox.NamedNode)})
        sources = set()
        for ev in evidence:
            for art in index.objects(ev, ARTICLE):
                if isinstance(art, ox.NamedNode):
                    sources.update(o.value for o in index.objects(art.value, ARTICLE_ID) if isinstance(o, ox.Literal))
        attrs["sources"] = " ".join(sorted(sources))
        attrs["evidence_count"] = len(evidence)
        g.add_node(s, **attrs)
    edges = set()
    for s in nodes:
        for p, objs in index.out[s].items():
            if p in _SKIP:
                continue
            for o in objs:
                if isinstance(o, ox.NamedNode) and o.value in nodes:
                    edges.add((s, o.value, local_name(p)))
    for s, o, label in sorted(edges):
        g.add_edge(s, o, key=label, label=label)
    return g


def to_graphml(triples: Iterable[ox.Triple]) -> bytes:
    """The semantic graph as GraphML bytes (UTF-8)."""
    buf = io.BytesIO()
    nx.write_graphml(semantic_graph(triples), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()
