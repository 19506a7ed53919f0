"""``parley serve``: the SPARQL 1.1 Protocol endpoint, its limits, and the query page.

In-process with Starlette's TestClient (the worker processes are real),
and through the real ``parley serve`` command with SPARQLWrapper as the
client.  Answers are checked with independent parsers (csv, ElementTree,
json, rdflib) against the embedded store.
"""
from __future__ import annotations

import csv
import io
import json
import re
import time
import urllib.error
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 for its TestClient; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import assert_one_line_error, run_cli
from parley.graph.store import GraphStore
from parley.queries.endpoint import RemoteStore
from parley.queries.library import load, names
from parley.queries.remote import push
from parley.queries.runner import run
from parley.queries.serve import create_app
from servers import PARAMS, parley_server, write_dataset

MAX_ROWS = 50
TIMEOUT = 1.5
ROUNDS = "PREFIX parley: <https://w3id.org/parley/ontology#>\nSELECT ?o WHERE { ?r a parley:Round ; parley:ordinal ?o } ORDER BY ?o"
CONSTRUCT = "PREFIX parley: <https://w3id.org/parley/ontology#>\nCONSTRUCT { ?r parley:ordinal ?o } WHERE { ?r parley:ordinal ?o }"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
ALL = "SELECT * WHERE { ?s ?p ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SPARQL_JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    w = tmp_path_factory.mktemp("serve")
    write_dataset(w / "parley-store")
    (w / "out").mkdir()
    (w / "out" / "index.html").write_text("<!DOCTYPE html><title>views</title><p>network views</p>", encoding="utf-8")
    return w


@pytest.fixture(scope="module")
def local(work) -> GraphStore:
    return GraphStore(work / "parley-store", read_only=True)


@pytest.fixture(scope="module")
def client(work):
    app = create_app(work / "parley-store", timeout=TIMEOUT, max_rows=MAX_ROWS, views=work / "out")
    with TestClient(app) as c:
        yield c


def stored_count(path: Path) -> int:
    return len(list(GraphStore(path, read_only=True).store.quads_for_pattern(None, None, None, None)))


def ordinals_json(body: bytes) -> list[str]:
    return [b["o"]["value"] for b in json.loads(body)["results"]["bindings"]]


# -- the protocol --------------------------------------------------------------

def test_get_select_defaults_to_json(client):
    r = client.get("/sparql", params={"query": ROUNDS})
    assert r.status_code == 200 and r.headers["content-type"].startswith(SPARQL_JSON)
    assert ordinals_json(r.content) == ["4", "5"]
    assert r.headers["x-parley-rows"] == "2" and "x-parley-truncated" not in r.headers


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, application/sparql-results+json", SPARQL_JSON),
])
def test_result_content_negotiation(client, accept, media):
    r = client.get("/sparql", params={"query": ROUNDS}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if "xml" in media:
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        values = [e.text for e in ET.fromstring(r.content).findall(".//r:binding/r:literal", ns)]
    elif media == "text/csv":
        values = [row[0] for row in list(csv.reader(io.StringIO(r.text)))[1:]]
    elif "tab" in media:
        values = [s["o"].value for s in ox.parse_query_results(r.content, format=ox.QueryResultsFormat.TSV)]
    else:
        values = ordinals_json(r.content)
    assert values == ["4", "5"]


def test_post_form_and_sparql_query_body(client):
    form = client.post("/sparql", data={"query": ROUNDS})
    body = client.post("/sparql", content=ROUNDS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert form.status_code == body.status_code == 200
    assert ordinals_json(form.content) == ordinals_json(body.content) == ["4", "5"]


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                        ("application/ld+json", "json-ld")])
def test_graph_content_negotiation(client, local, accept, fmt):
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = rdflib.Graph().parse(data=r.text, format=fmt)
    assert len(g) == len(list(local.query(CONSTRUCT))) == 2


def test_format_parameter_downloads(client):
    r = client.get("/sparql", params={"query": ROUNDS, "format": "csv"})
    assert r.headers["content-disposition"] == 'attachment; filename="results.csv"'
    assert r.text.splitlines()[0] == "o"
    r = client.get("/sparql", params={"query": CONSTRUCT, "format": "jsonld"})
    assert len(rdflib.Graph().parse(data=r.text, format="json-ld")) == 2
    assert client.get("/sparql", params={"query": ROUNDS, "format": "png"}).status_code == 400


def test_not_acceptable(client):
    assert client.get("/sparql", params={"query": ROUNDS}, headers={"Accept": "image/png"}).status_code == 406
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert r.status_code == 406 and "text/turtle" in r.text


def test_bad_requests(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p }"})
    assert r.status_code == 400 and re.search(r"line \d+, column \d+", r.text), r.text
    assert "\n" not in r.text.strip()
    assert client.get("/sparql").status_code == 400
    r = client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and "application/sparql-query" in r.text


def test_update_rejected_and_store_untouched(client, work):
    before = stored_count(work / "parley-store")
    n_before = client.get("/sparql", params={"query": COUNT}).json()
    attempts = [
        client.post("/sparql", data={"update": "DROP ALL"}),
        client.post("/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        client.post("/sparql", data={"update": "INSERT DATA { <http://x/a> <http://x/b> 1 }"}),
        client.get("/sparql", params={"update": "DROP ALL"}),
    ]
    assert [a.status_code for a in attempts] == [403, 403, 403, 403]
    assert "read-only" in attempts[0].text and "--allow-update" in attempts[0].text
    assert client.get("/sparql", params={"query": "DROP ALL"}).status_code == 400  # not a query
    assert client.get("/sparql", params={"query": COUNT}).json() == n_before
    assert stored_count(work / "parley-store") == before > 500


def test_runaway_query_is_killed_at_the_timeout(client):
    pool = client.app.state.pool
    before = set(pool.pids)
    r = client.get("/sparql", params={"query": FOREVER})
    assert r.status_code == 503 and "timeout" in r.text and "--timeout" in r.text
    killed = pool.killed[-1]
    assert killed in before and not Path(f"/proc/{killed}").exists()
    # the pool gets its worker back and keeps answering
    assert ordinals_json(client.get("/sparql", params={"query": ROUNDS}).content) == ["4", "5"]
    deadline = time.monotonic() + 60
    while len(pool.pids) < len(before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pool.pids) == len(before) and killed not in pool.pids


def test_row_cap(client, local):
    total = len(list(local.query(ALL)))
    assert total > MAX_ROWS
    r = client.get("/sparql", params={"query": ALL}, headers={"Accept": "text/csv"})
    assert r.status_code == 200
    assert len(list(csv.reader(io.StringIO(r.text)))) == MAX_ROWS + 1
    assert r.headers["x-parley-truncated"] == "true" and r.headers["x-parley-max-rows"] == str(MAX_ROWS)
    r = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert len(list(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))) == MAX_ROWS
    assert r.headers["x-parley-truncated"] == "true"


def test_cors(client):
    r = client.get("/sparql", params={"query": ROUNDS}, headers={"Origin": "http://analyst.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "x-parley-truncated" in r.headers["access-control-expose-headers"].lower()
    pre = client.options("/sparql", headers={"Origin": "http://analyst.example", "Access-Control-Request-Method": "POST",
                                              "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_named_query_routes(client, work):
    listed = client.get("/queries").json()
    assert [q["name"] for q in listed] == names()
    assert any(p["name"] == "entity" and p["required"] for q in listed for p in q["params"])
    r = client.get("/queries/amounts", params={"format": "csv"})
    cli = run_cli("query", "amounts", "--format", "csv", cwd=work, check=True).stdout
    assert list(csv.reader(io.StringIO(r.text))) == list(csv.reader(io.StringIO(cli)))
    r = client.get("/queries/sources-of", params={"entity": "South Korea"})
    assert r.status_code == 200 and json.loads(r.content)["results"]["bindings"]
    assert client.get("/queries/sources-of").status_code == 400
    assert client.get("/queries/roundz").status_code == 404
    assert client.get("/queries/rounds", params={"venue": "x"}).status_code == 400


# -- the page -------------------------------------------------------------------

def test_page_lists_queries_and_links_views(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for name in names():
        assert f'href="/?name={name}"' in r.text
    assert 'href="/views/index.html"' in r.text
    assert "network views" in client.get("/views/index.html").text
    assert not re.search(r'(src|href)="(https?:)?//', r.text), "the page must not load anything from elsewhere"


def test_page_runs_named_query_with_params_and_downloads(client):
    r = client.get("/", params={"name": "rounds", "run": "1", "p_negotiation": "special measures"})
    assert "<th>venue</th>" in r.text and "<td>Seoul</td>" in r.text and "<td>Honolulu</td>" in r.text
    assert 'id="p_negotiation"' in r.text and 'value="special measures"' in r.text
    assert 'href="/queries/rounds?negotiation=special+measures&amp;format=csv"' in r.text
    csv_text = client.get("/queries/rounds?negotiation=special+measures&format=csv").text
    assert len(list(csv.reader(io.StringIO(csv_text)))) == 3


def test_page_escapes_everything(client):
    evil = '<script>alert("x")</script>'
    r = client.get("/", params={"name": "sources-of", "run": "1", "p_entity": evil})
    assert evil not in r.text and "&lt;script&gt;" in r.text
    edited = f"SELECT ('{evil}' AS ?x) WHERE {{}} # </textarea><b>"
    r = client.post("/", data={"query": edited})
    assert "<script>" not in r.text and "</textarea><b>" not in r.text
    assert "&lt;/textarea&gt;" in r.text and "<td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</td>" in r.text
    assert 'name="format" value="csv"' in r.text  # download form for edited SPARQL


def test_page_shows_errors_and_cap_note(client):
    r = client.get("/", params={"name": "sources-of", "run": "1"})
    assert 'class="error"' in r.text and "entity" in r.text and "required" in r.text
    r = client.post("/", data={"query": "SELECT * WHERE { ?s ?p }"})
    assert 'class="error"' in r.text and "HTTP 400" in r.text and "column" in r.text
    r = client.post("/", data={"query": ALL})
    assert r.text.count("<tr>") == MAX_ROWS + 1 and f"caps answers at {MAX_ROWS} rows" in r.text


# -- the real command, SPARQLWrapper as the client -------------------------------

@pytest.fixture(scope="module")
def served(work):
    with parley_server(work, "--timeout", "1", "--max-rows", str(MAX_ROWS)) as base:
        yield base + "/sparql"


def wrapper(url: str, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setTimeout(30)
    if method:
        sw.setMethod(method)
    return sw


def test_sparqlwrapper_select_formats(served):
    res = wrapper(served, ROUNDS).query().convert()
    assert [b["o"]["value"] for b in res["results"]["bindings"]] == ["4", "5"]
    post = wrapper(served, ROUNDS, method=POST).query().convert()
    assert post == res
    doc = wrapper(served, ROUNDS, XML).query().convert()
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == ["4", "5"]
    text = wrapper(served, ROUNDS, CSV).query().convert().decode()
    assert text.split() == ["o", "4", "5"]
    g = wrapper(served, CONSTRUCT, TURTLE).query().convert()
    assert len(rdflib.Graph().parse(data=g, format="turtle")) == 2


def test_sparqlwrapper_update_refused(served, work):
    before = stored_count(work / "parley-store")
    sw = wrapper(served, "DROP ALL", method=POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    assert err.value.code == 403
    assert stored_count(work / "parley-store") == before


def test_sparqlwrapper_runaway_query_stopped(served):
    with pytest.raises(urllib.error.HTTPError) as err:
        wrapper(served, FOREVER).query()
    assert err.value.code == 503 and b"timeout" in err.value.read()
    assert wrapper(served, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_parley_query_against_parley_serve(served, local):
    remote = RemoteStore(served)
    for name in names():
        q = load(name)
        assert run(remote, q, PARAMS.get(name, {})).as_dicts() == run(local, q, PARAMS.get(name, {})).as_dicts()


def test_allow_update_and_push_through_it(work, local, tmp_path):
    target = tmp_path / "served-store"
    GraphStore(target).flush()
    with parley_server(tmp_path, "--store", str(target), "--allow-update") as base:
        counts = push(work / "parley-store", base + "/sparql", default_graph="none", batch=100)
        assert counts["method"] == "update" and counts["quads"] == len(list(local.quads()))
        remote = RemoteStore(base + "/sparql")
        for name in ("rounds", "amounts", "actors", "timeline"):
            assert run(remote, load(name), {}).as_dicts() == run(local, load(name), {}).as_dicts()
        wrapper(base + "/sparql", "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }",
                method=POST).query()
        assert wrapper(base + "/sparql", "ASK { <http://x/a> <http://x/b> 1 }").query().convert()["boolean"]
    assert stored_count(target) == len(list(local.quads())) + 1


def test_serve_missing_store_is_one_line(tmp_path):
    proc = run_cli("serve", "--store", str(tmp_path / "nowhere"), "--port", "1", cwd=tmp_path)
    assert proc.returncode == 6
    assert_one_line_error(proc, "parley build")
