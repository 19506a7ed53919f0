"""Provenance summaries (parley:summary): equal to a walk of the evidence, and kept in step with the articles."""
from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import assert_one_line_error, run_cli
from parley.graph.derived import DERIVED_GRAPH
from parley.graph.store import GraphStore
from parley.queries.library import run_named

PREFIXES = """PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
ACTOR_TYPES = "parley:Country parley:GovernmentBody parley:Military parley:Organization parley:Person parley:Group"


def _select(store: GraphStore, sparql: str) -> list:
    return list(store.query(PREFIXES + sparql))


def _summary(store: GraphStore, prop: str) -> dict[str, str]:
    return {r["s"].value: r["v"].value for r in _select(store, f"SELECT ?s ?v WHERE {{ ?s parley:{prop} ?v }}")}


@pytest.fixture(scope="module")
def seed_store(seed_build: Path) -> GraphStore:
    return GraphStore(seed_build / "parley-store", read_only=True)


def test_sources_and_counts_equal_a_walk_of_the_evidence(seed_store):
    walked: dict[str, set[str]] = {}
    for r in _select(seed_store, "SELECT ?s ?id WHERE { ?s parley:evidence/parley:article/parley:articleId ?id }"):
        walked.setdefault(r["s"].value, set()).add(r["id"].value)
    actors = {r["a"].value for r in _select(seed_store, f"SELECT DISTINCT ?a WHERE {{ VALUES ?c {{ {ACTOR_TYPES} }} ?a a ?c }}")}
    for r in _select(seed_store, f"""SELECT ?a ?id WHERE {{ VALUES ?c {{ {ACTOR_TYPES} }} ?a a ?c .
            ?f parley:actor|parley:speaker|parley:heldBy|parley:party ?a .
            ?f parley:evidence/parley:article/parley:articleId ?id }}"""):  # a figure's subject takes no part
        walked.setdefault(r["a"].value, set()).add(r["id"].value)
    sources = _summary(seed_store, "sourceIds")
    assert len(sources) > 50 and actors & sources.keys()
    assert {s: set(v.split(" ")) for s, v in sources.items()} == walked
    assert all(v.split(" ") == sorted(v.split(" ")) for v in sources.values())

    counts = {r["s"].value: r["n"].value for r in _select(
        seed_store, "SELECT ?s (STR(COUNT(DISTINCT ?ev)) AS ?n) WHERE { ?s parley:evidence ?ev } GROUP BY ?s")}
    assert _summary(seed_store, "evidenceCount") == counts
    mentions = {r["s"].value: r["n"].value for r in _select(
        seed_store, "SELECT ?s (STR(COUNT(DISTINCT ?m)) AS ?n) WHERE { ?m parley:refersTo ?s ; a parley:Mention } GROUP BY ?s")}
    assert _summary(seed_store, "mentionCount") == mentions


def test_sentences_and_claimants_of_amounts(seed_store):
    texts = _summary(seed_store, "evidenceText")
    claimants = _summary(seed_store, "claimants")
    amounts = _select(seed_store, "SELECT DISTINCT ?s WHERE { ?s a parley:MonetaryAmount }")
    assert amounts and all(a["s"].value in texts for a in amounts)
    for a in amounts:
        iri = a["s"].value
        said = {r["t"].value for r in _select(seed_store, f"SELECT ?t WHERE {{ <{iri}> parley:evidence/parley:sentence/parley:text ?t }}")}
        assert set(texts[iri].split(" | ")) == said
        by = {r["c"].value for r in _select(seed_store, f"""SELECT ?c WHERE {{ <{iri}> parley:evidence ?ev .
                OPTIONAL {{ ?ev parley:claimantText ?ct }} OPTIONAL {{ ?ev parley:claimedBy/skos:prefLabel ?cl }}
                BIND(COALESCE(STR(?ct), STR(?cl)) AS ?c) FILTER(BOUND(?c)) }}""")}
        assert set(claimants.get(iri, "").split("; ")) - {""} == by


def test_summaries_live_in_their_own_graph_and_in_the_union(seed_store):
    in_graph = sum(1 for _ in seed_store.store.quads_for_pattern(None, None, None, DERIVED_GRAPH))
    in_union = sum(len(_summary(seed_store, p)) for p in
                   ("sourceIds", "evidenceCount", "mentionCount", "evidenceText", "claimants", "firstReported", "factCount"))
    assert in_graph == in_union > 0
    assert not seed_store.derived_stale()


ARTICLE = "SEOUL, March {day} (Yonhap) -- {text}\n"


def _write(folder: Path, name: str, day: int, text: str) -> None:
    (folder / f"{name}.txt").write_text(ARTICLE.format(day=day, text=text), encoding="utf-8")


def _korea_sources(work: Path) -> str:
    store = GraphStore(work / "parley-store", read_only=True)
    try:
        return next(r["sources"] for r in run_named(store, "actors", type="Country") if r["actor"] == "South Korea")
    finally:
        del store
        gc.collect()


def test_summaries_follow_added_and_changed_articles(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    _write(src, "a", 3, "South Korea and Japan held talks in Tokyo on Tuesday.")
    _write(src, "b", 4, "South Korea said it would not pay more for the troops.")
    run_cli("build", str(src), cwd=tmp_path, check=True)
    assert _korea_sources(tmp_path) == "a b"

    _write(src, "c", 5, "Officials in South Korea rejected the demand on Wednesday.")
    run_cli("build", str(src), cwd=tmp_path, check=True)
    assert _korea_sources(tmp_path) == "a b c"

    _write(src, "b", 4, "Japan said it would not pay more for the troops.")
    run_cli("build", str(src), cwd=tmp_path, check=True)
    assert _korea_sources(tmp_path) == "a c"


def test_a_store_with_stale_summaries_is_refused_with_a_way_out(tmp_path):
    built = tmp_path / "parley-store"
    s = GraphStore(built)
    graph = ox.NamedNode("https://w3id.org/parley/id/graph/article/x")
    s.replace_graph(graph, [ox.Triple(ox.NamedNode("https://w3id.org/parley/id/article/x"),
                                      ox.NamedNode("https://w3id.org/parley/ontology#articleId"), ox.Literal("x"))])
    s.store.flush()  # written, but the summaries never recomputed: an interrupted build
    del s
    gc.collect()
    proc = run_cli("query", "rounds", cwd=tmp_path)
    assert proc.returncode != 0
    assert_one_line_error(proc, "provenance summaries are out of date", "parley build")
    writable = GraphStore(built)  # what the next build does on its way out
    writable.flush()
    del writable
    gc.collect()
    assert run_cli("query", "rounds", cwd=tmp_path).returncode == 0


def test_a_figures_subject_is_no_source_of_the_actor_in_an_article_that_never_names_it(seed_store):
    """"28,500 troops" makes U.S. Forces Korea the count's subject; the actor's sources are only the articles
    that name it or where it acts (the seed articles count troops more often than they name the command)."""
    rows = _select(seed_store, """SELECT DISTINCT ?a ?id WHERE { ?f parley:subject ?a .
        ?f parley:evidence/parley:article/parley:articleId ?id }""")
    named = {(r["a"].value, r["id"].value) for r in _select(seed_store, """SELECT DISTINCT ?a ?id WHERE {
        ?m a parley:Mention ; parley:refersTo ?a ; parley:article/parley:articleId ?id }""")}
    sources = _summary(seed_store, "sourceIds")
    unnamed = [(r["a"].value, r["id"].value) for r in rows if (r["a"].value, r["id"].value) not in named]
    assert unnamed, "the seed articles should count troops without naming their command"
    for a, art in unnamed:
        assert art not in sources.get(a, "").split(" ") or _acts_in(seed_store, a, art)


def _acts_in(store: GraphStore, a: str, art: str) -> bool:
    return bool(_select(store, f"""SELECT ?f WHERE {{ ?f parley:actor|parley:speaker|parley:heldBy|parley:party <{a}> ;
        parley:evidence/parley:article/parley:articleId "{art}" }} LIMIT 1"""))


def test_a_round_planned_in_one_place_and_held_in_another_shows_where_it_was_held(tmp_path):
    """One article plans the eighth round for Seoul; a later one reports it held in Washington: the rounds
    query shows Washington (parley:reportedVenue, derived per article graph), not the first venue by name."""
    src = tmp_path / "articles"
    src.mkdir()
    (src / "a.txt").write_text("SEOUL, Sept. 1 (Wire) -- South Korea and the United States ended the seventh round of "
                               "talks on defense cost-sharing on Thursday. The foreign ministry said the eighth round "
                               "would take place in Seoul next month.\n", encoding="utf-8")
    (src / "b.txt").write_text("SEOUL, Oct. 5 (Wire) -- South Korea and the United States reached a defense "
                               "cost-sharing deal at the eighth round of talks, held in Washington from Tuesday to "
                               "Thursday.\n", encoding="utf-8")
    (src / "manifest.csv").write_text("file,publisher,published,url\na.txt,Wire,2024-09-01,\nb.txt,Wire,2024-10-05,\n",
                                      encoding="utf-8")
    run_cli("build", str(src), "--store", str(tmp_path / "store"), "--out", str(tmp_path / "out"), cwd=tmp_path, check=True)
    store = GraphStore(tmp_path / "store", read_only=True)
    eighth = [r for r in run_named(store, "rounds") if r["ordinal"] == "8"]
    assert [(r["venue"], r["sources"]) for r in eighth] == [("Washington", "a b")]
    assert [r["v"].value for r in _select(store, "SELECT ?v WHERE { ?r parley:ordinal 8 ; parley:reportedVenue ?v }")] == \
        ["Washington"]
