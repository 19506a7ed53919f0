"""The store's union default graph: distinct, kept in step with the article graphs."""
from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox

from parley.graph.store import DEFAULT, GraphStore

EX = "https://example.org/"
SHARED = ox.Triple(ox.NamedNode(EX + "korea"), ox.NamedNode(EX + "label"), ox.Literal("South Korea"))


def article(name: str, *extra: str) -> tuple[ox.NamedNode, list[ox.Triple]]:
    triples = [SHARED] + [ox.Triple(ox.NamedNode(EX + name), ox.NamedNode(EX + "says"), ox.Literal(x)) for x in extra]
    return ox.NamedNode(EX + "graph/" + name), triples


def count(store: GraphStore, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))["n"].value)


ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_a_triple_in_many_articles_matches_once():
    s = GraphStore(None)
    for i in range(5):
        s.replace_graph(*article(f"a{i}", f"fact {i}"))
    assert count(s, ALL) == 1 + 5  # the shared label once, one fact per article
    assert count(s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 10  # provenance kept per article
    assert not s.union_stale()


def test_replacing_and_dropping_an_article_updates_the_union():
    s = GraphStore(None)
    s.replace_graph(*article("a", "old claim"))
    s.replace_graph(*article("b", "other"))
    s.replace_graph(*article("a", "new claim"))
    assert s.union_stale()
    texts = {r["o"].value for r in s.query(f"SELECT ?o WHERE {{ ?s <{EX}says> ?o }}")}
    assert texts == {"new claim", "other"} and not s.union_stale()
    s.store.update(f"DROP GRAPH <{EX}graph/b>")  # what drop_article does, by IRI
    s._mark_stale()
    assert {t.object.value for t in s.triples() if t.predicate.value == EX + "says"} == {"new claim"}


def test_store_without_union_is_repaired_on_open_and_read_only_still_answers(tmp_path: Path):
    path = tmp_path / "old"
    raw = ox.Store(str(path))  # as an older Parley wrote it: article graphs only
    g, triples = article("a", "x")
    raw.extend([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples])
    raw.flush()
    del raw
    gc.collect()
    ro = GraphStore(path, read_only=True)
    assert count(ro, ALL) == 2  # answered through the union flag: same rows, slower
    del ro
    gc.collect()
    rw = GraphStore(path)
    assert rw.union_stale()
    assert len(list(rw.triples())) == 2 and not rw.union_stale()
    assert len(list(rw.store.quads_for_pattern(None, None, None, DEFAULT))) == 2
