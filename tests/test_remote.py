"""Remote stores: push to a real Oxigraph server, then every named query gives the embedded store's rows.

Bad input: unreachable endpoint, malformed SPARQL, wrong credentials (against
``parley serve`` with ``PARLEY_SERVE_USER`` set, a real Basic-auth server).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import assert_one_line_error, run_cli
from parley.errors import EndpointError, QueryError
from parley.graph.store import GraphStore
from parley.queries.endpoint import RemoteStore, resolve
from parley.queries.library import load, names, parse
from parley.queries.remote import batches, push, remote_graphs
from parley.queries.runner import run
from servers import PARAMS, free_port, oxigraph_server, parley_server, write_dataset

ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
DEFAULT_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    w = tmp_path_factory.mktemp("remote")
    write_dataset(w / "parley-store")
    return w


@pytest.fixture(scope="module")
def local(work) -> GraphStore:
    return GraphStore(work / "parley-store", read_only=True)


@pytest.fixture(scope="module")
def server(work, tmp_path_factory):
    """A stock Oxigraph server (no union default graph) holding one push of the dataset."""
    with oxigraph_server(tmp_path_factory.mktemp("oxdata")) as base:
        counts = push(work / "parley-store", base)
        yield base, counts


def canonical(quads) -> ox.Dataset:
    ds = ox.Dataset(quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return ds


def server_content(remote: RemoteStore) -> tuple[ox.Dataset, ox.Dataset]:
    """(named graphs, default graph) on the server, canonicalized.

    Apart, because a blank node shared by a named graph and the default-graph
    copy locally becomes two blank nodes on the server (one per request).
    """
    named = [ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in remote.query(ALL_QUADS)]
    default = [ox.Quad(s["s"], s["p"], s["o"], ox.DefaultGraph()) for s in remote.query(DEFAULT_TRIPLES)]
    return canonical(named), canonical(default)


def local_content(local: GraphStore) -> tuple[ox.Dataset, ox.Dataset]:
    default = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in local.triples()]
    return canonical(local.quads()), canonical(default)


def rows(store, name: str) -> list[dict[str, str]]:
    return run(store, load(name), PARAMS.get(name, {})).as_dicts()


# -- resolving --endpoint --------------------------------------------------

def test_resolve_base_and_service_urls():
    assert resolve("http://127.0.0.1:7878") == resolve("http://127.0.0.1:7878/")
    ep = resolve("http://127.0.0.1:7878")
    assert (ep.query, ep.update, ep.store) == ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                                               "http://127.0.0.1:7878/store")
    ep = resolve("http://h:3030/ds/query")
    assert (ep.query, ep.update, ep.store) == ("http://h:3030/ds/query", "http://h:3030/ds/update", None)
    ep = resolve("http://h:7200/repositories/parley", update="http://h:7200/repositories/parley/statements")
    assert ep.query == "http://h:7200/repositories/parley" and ep.update.endswith("/statements")
    with pytest.raises(EndpointError, match="http://"):
        resolve("127.0.0.1:7878")


def test_blank_node_triples_travel_in_the_first_batch():
    b = ox.BlankNode()
    p = ox.NamedNode("http://x/p")
    plain = [ox.Triple(ox.NamedNode(f"http://x/{i}"), p, ox.Literal(str(i))) for i in range(7)]
    with_b = [ox.Triple(b, p, ox.Literal("a")), ox.Triple(ox.NamedNode("http://x/s"), p, b)]
    chunks = list(batches(plain[:3] + with_b + plain[3:], 3))
    assert all(t in chunks[0] for t in with_b)
    assert sorted(map(str, sum(chunks, []))) == sorted(map(str, plain + with_b))
    assert [len(c) for c in chunks] == [3, 3, 3]
    assert list(batches([], 5)) == [[]]


# -- push and query ----------------------------------------------------------

def test_push_counts(server, local):
    _, counts = server
    assert counts["method"] == "gsp"
    assert counts["graphs"] == 4  # two articles, the ontology and the derived summaries
    assert counts["quads"] == len(list(local.quads()))
    assert counts["default_triples"] == len(list(local.triples()))
    assert counts["removed"] == 0


@pytest.mark.parametrize("name", names())
def test_every_named_query_same_rows_from_server(server, local, name):
    remote = RemoteStore(server[0])
    embedded = rows(local, name)
    assert embedded, f"{name}: the test dataset should give rows"
    assert rows(remote, name) == embedded


def test_server_holds_exactly_the_dataset_with_named_graphs(server, local):
    remote = RemoteStore(server[0])
    assert server_content(remote) == local_content(local)
    assert remote_graphs(remote) == {g.value for g in local.store.named_graphs()} - {
        "https://w3id.org/parley/id/graph/meta"}


def test_push_twice_is_idempotent_and_prunes(work, local, tmp_path):
    with oxigraph_server(tmp_path / "ox") as base:
        remote = RemoteStore(base)
        stale = "https://w3id.org/parley/id/graph/article/gone"
        other = "http://example.org/not-parley"
        remote.update(f"INSERT DATA {{ GRAPH <{stale}> {{ <http://x/a> <http://x/b> 1 }} "
                      f"GRAPH <{other}> {{ <http://x/a> <http://x/b> 2 }} }}")
        first = push(work / "parley-store", base, batch=50)
        after_first = server_content(remote)
        second = push(work / "parley-store", base, batch=50)
        after_second = server_content(remote)
        assert first["removed"] == 1 and second["removed"] == 0
        assert first["requests"] > first["graphs"] + 1  # small batches: several requests per graph
        assert after_first == after_second
        named, default = after_second
        assert len(named) == len(list(local.quads())) + 1  # + the untouched foreign graph's triple
        assert len(default) == len(list(local.triples()))
        assert stale not in remote_graphs(remote)
        assert [s["o"].value for s in remote.query(f"SELECT ?o {{ GRAPH <{other}> {{ ?s ?p ?o }} }}")] == ["2"]


def test_push_through_sparql_update_to_a_query_url(work, local, tmp_path):
    """``/query`` given: no GSP URL is known, so push uses SPARQL Update on the sibling ``/update``."""
    with oxigraph_server(tmp_path / "ox") as base:
        counts = push(work / "parley-store", base + "/query", batch=40)
        assert counts["method"] == "update"
        again = push(work / "parley-store", base + "/query", batch=40)
        remote = RemoteStore(base + "/query")
        assert server_content(remote) == local_content(local)
        assert again["quads"] == counts["quads"]
        for name in ("rounds", "amounts", "conflicts"):
            assert rows(remote, name) == rows(local, name)


def test_union_default_graph_server_without_a_default_copy(work, local, tmp_path):
    with oxigraph_server(tmp_path / "ox", "--union-default-graph") as base:
        counts = push(work / "parley-store", base, default_graph="none")
        assert counts["default_triples"] == 0
        remote = RemoteStore(base)
        for name in names():
            assert rows(remote, name) == rows(local, name), name


# -- the real CLI ------------------------------------------------------------------

def test_cli_push_and_query_endpoint(work, tmp_path):
    with oxigraph_server(tmp_path / "ox") as base:
        proc = run_cli("push", "--endpoint", base, "--batch", "100", cwd=work, check=True)
        assert "pushed 4 named graphs" in proc.stdout and "via gsp" in proc.stdout
        embedded = run_cli("query", "amounts", "--format", "csv", cwd=work, check=True).stdout
        for url in (base, base + "/query"):
            remote = run_cli("query", "amounts", "--format", "csv", "--endpoint", url, cwd=work, check=True).stdout
            assert remote == embedded and len(list(csv.reader(io.StringIO(remote)))) > 2
        proc = run_cli("query", "sources-of", "--param", "entity=South Korea", "--format", "json",
                       "--endpoint", base, cwd=work, check=True)
        assert json.loads(proc.stdout)["results"]["bindings"]
        q = tmp_path / "construct.rq"
        q.write_text("PREFIX parley: <https://w3id.org/parley/ontology#>\n"
                     "CONSTRUCT { ?r parley:ordinal ?o } WHERE { ?r parley:ordinal ?o }\n", encoding="utf-8")
        ttl = run_cli("query", str(q), "--endpoint", base, cwd=work, check=True).stdout
        assert len(list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))) == 2


def test_cli_store_and_endpoint_are_exclusive(work):
    proc = run_cli("query", "rounds", "--store", "x", "--endpoint", "http://127.0.0.1:1", cwd=work)
    assert proc.returncode == 2 and "not allowed with" in proc.stderr


def test_unreachable_endpoint_is_one_line_and_fails(work):
    url = f"http://127.0.0.1:{free_port()}"
    proc = run_cli("query", "rounds", "--endpoint", url, cwd=work)
    assert proc.returncode == 7
    assert_one_line_error(proc, "cannot reach", url)
    proc = run_cli("push", "--endpoint", url, cwd=work)
    assert proc.returncode == 7
    assert_one_line_error(proc, "cannot reach")
    proc = run_cli("query", "rounds", "--endpoint", "ftp://example.org/sparql", cwd=work)
    assert proc.returncode == 7
    assert_one_line_error(proc, "http://")


def test_malformed_sparql_on_endpoint_reports_line_and_column(server, work, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Bad\nSELECT ?s WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
    proc = run_cli("query", str(bad), "--endpoint", server[0], cwd=work)
    assert proc.returncode == 5
    assert_one_line_error(proc, "SPARQL syntax error")
    assert re.search(r"line \d+, column \d+", proc.stderr), proc.stderr
    with pytest.raises(QueryError, match=r"line 1, column \d+"):
        run(RemoteStore(server[0]), parse("SELECT * WHERE { ?s ?p }", "x"))


def test_failing_server_gives_status_and_body(server, work):
    """A 404 from a wrong service path names the status and what the server said."""
    proc = run_cli("query", "rounds", "--endpoint", server[0] + "/nothing-here", cwd=work)
    assert proc.returncode == 7
    assert_one_line_error(proc, "HTTP 404")


def test_wrong_credentials_one_line_with_status(work, monkeypatch):
    creds = {"PARLEY_SERVE_USER": "analyst", "PARLEY_SERVE_PASSWORD": "s3cret"}
    with parley_server(work, "--workers", "1", env=creds) as base:
        monkeypatch.setenv("PARLEY_ENDPOINT_USER", "analyst")
        monkeypatch.setenv("PARLEY_ENDPOINT_PASSWORD", "wrong")
        proc = run_cli("query", "rounds", "--endpoint", base + "/sparql", cwd=work)
        assert proc.returncode == 7
        assert_one_line_error(proc, "HTTP 401", "PARLEY_ENDPOINT_PASSWORD")
        monkeypatch.setenv("PARLEY_ENDPOINT_PASSWORD", "s3cret")
        ok = run_cli("query", "rounds", "--format", "csv", "--endpoint", base + "/sparql", cwd=work, check=True)
        assert ok.stdout == run_cli("query", "rounds", "--format", "csv", cwd=work, check=True).stdout
