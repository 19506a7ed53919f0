"""What the views read, checked against the plain SPARQL it replaced (on the seed articles).

The views rank neighbours on a skeleton read once (``exports/views/links.py``),
read whole evidence records only for a tooltip's candidates
(``exports/views/provenance.py``) and date money positions through
``parley:sourceIds``.  Each must give what the straightforward query gives:
the queries below are the ones the views ran before, kept here as the
reference.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from parley.exports.graphml import NODE_TYPES
from parley.exports.views import negotiation
from parley.exports.views.data import PARLEY, ViewData, values
from parley.exports.views.provenance import HEAVY, PROVENANCE_SHOWN, Evidence, _neg
from parley.graph.store import GraphStore

RANKED = """PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?y ?n WHERE {
  { SELECT DISTINCT ?y WHERE {
      VALUES ?x { %(iris)s } VALUES ?t { %(types)s }
      { ?x ?p ?y . FILTER(isIRI(?y)) } UNION { ?y ?p ?x . }
      FILTER(?p NOT IN (parley:evidence, parley:refersTo, rdf:type))
      ?y a ?t . FILTER(?y NOT IN (%(exclude)s)) } }
  OPTIONAL { ?y parley:evidenceCount ?n0 } BIND(COALESCE(?n0, 0) AS ?n)
} ORDER BY DESC(?n) ?y"""

RECORDS = """PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?article ?title ?publisher ?published ?url ?sentence ?claimant WHERE {
  VALUES ?s { %(iris)s }
  ?s parley:evidence ?ev . ?ev parley:article ?art . ?art parley:articleId ?article .
  OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art parley:publisher/skos:prefLabel ?publisher }
  OPTIONAL { ?art parley:published ?published } OPTIONAL { ?art parley:url ?url }
  OPTIONAL { ?ev parley:sentence/parley:text ?sentence } OPTIONAL { ?ev parley:claimantText ?ct }
  OPTIONAL { ?ev parley:claimedBy/skos:prefLabel ?cl } BIND(COALESCE(?ct, ?cl) AS ?claimant)
} LIMIT %(limit)s"""

MONEY = """PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?actor ?role ?value ?unit ?date (COUNT(DISTINCT ?q) AS ?n) WHERE {
  VALUES ?n0 { %(iris)s }
  ?q parley:negotiation ?n0 ; a parley:MonetaryAmount ; parley:value ?v .
  OPTIONAL { ?q parley:role ?r . OPTIONAL { ?r skos:notation ?rn } } BIND(COALESCE(STR(?rn), "amount") AS ?role)
  OPTIONAL { ?q parley:heldBy/skos:prefLabel ?hl } OPTIONAL { ?q parley:subject/skos:prefLabel ?sl }
  BIND(COALESCE(STR(?hl), STR(?sl), "") AS ?actor) BIND(STR(?v) AS ?value)
  OPTIONAL { ?q parley:unit ?u } BIND(COALESCE(STR(?u), "") AS ?unit)
  OPTIONAL { ?q parley:year ?y } OPTIONAL { ?q parley:evidence/parley:article/parley:published ?pub }
  BIND(STR(COALESCE(?y, ?pub)) AS ?date) FILTER(BOUND(?date))
} GROUP BY ?actor ?role ?value ?unit ?date ORDER BY ?date ?actor ?role ?unit ?value"""


@pytest.fixture(scope="module")
def data(seed_build: Path):
    store = GraphStore(seed_build / "parley-store", read_only=True)
    yield ViewData(store)
    del store


def _ranked(data: ViewData, iris: list[str], exclude: list[str]) -> list[str]:
    query = RANKED % {"iris": values(iris), "types": values(PARLEY + t for t in NODE_TYPES),
                      "exclude": ", ".join(f"<{i}>" for i in exclude)}
    return [row["y"].value for row in data.store.query(query)]


def test_neighbours_are_those_of_the_sparql_they_replaced(data: ViewData):
    top = [iri for iri, _ in data.top_evidence(8)]
    for iri in top:
        ring1, total1 = data.neighbours([iri], 10 ** 6, exclude=[iri])
        assert ring1 == _ranked(data, [iri], [iri]) and total1 == len(ring1)
        if ring1:
            ring2, _ = data.neighbours(ring1[:80], 10 ** 6, exclude=[iri, *ring1[:80]])
            assert ring2 == _ranked(data, ring1[:80], [iri, *ring1[:80]])


def test_tooltips_show_the_newest_records_of_the_same_sample(data: ViewData):
    counts = {iri: n for iri, n in data.skeleton.evidence.items() if iri in data.skeleton.types}
    assert any(n > HEAVY for n in counts.values()), "the seed store should have nodes with many records"
    shown = data.provenance(counts)
    for iri, n in counts.items():
        rows = data.store.query(RECORDS % {"iris": values([iri]), "limit": HEAVY if n > HEAVY else 10 ** 9})
        records = {Evidence(**{k: "" if row[k] is None else row[k].value for k in
                               ("article", "title", "publisher", "published", "url", "sentence", "claimant")})
                   for row in rows}
        expected = sorted(records, key=lambda e: (_neg(e.published), e.article, e.sentence, e.claimant))
        assert shown[iri].shown == expected[:PROVENANCE_SHOWN] and shown[iri].total == n, iri


def test_money_positions_are_those_of_the_evidence_walk(data: ViewData):
    for iri, _, _ in negotiation.negotiations(data):
        expected = [{"date": r["date"].value, "actor": r["actor"].value, "role": r["role"].value,
                     "value": r["value"].value, "unit": r["unit"].value, "n": int(r["n"].value)}
                    for r in data.store.query(MONEY % {"iris": values([iri])})]
        assert negotiation._money(data, iri) == expected, iri


def test_overview_links_count_the_facts_linking_two_entities(data: ViewData):
    chosen = [iri for iri, _ in data.top_evidence(30)]
    facts = defaultdict(set)
    for s, _, o in data.skeleton.links:
        facts[o].add(s)
    for (a, b), (n, first, last) in data.skeleton.facts_linking(chosen).items():
        both = facts[a] & facts[b]
        assert a < b and n == len(both) and (first, last) == (min(both), max(both))
