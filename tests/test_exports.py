"""``parley export``: every format through the real CLI, re-read by independent parsers."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, assert_one_line_error, run_cli

from parley.graph.store import GraphStore
from parley.ontology.resources import data_path

RDF = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
       "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
QUADS = {"trig", "nquads"}
FORMATS = [*RDF, "jsonld", "graphml"]


def _export_all(work: Path) -> Path:
    out = work / "exports"
    out.mkdir(exist_ok=True)
    for fmt in FORMATS:
        run_cli("export", "--format", fmt, "--out", str(out / f"a.{fmt}"), cwd=work, check=True)
        run_cli("export", "--format", fmt, "--out", str(out / f"b.{fmt}"), cwd=work, check=True)
    return out


@pytest.fixture(scope="module")
def seed_exports(seed_build: Path) -> Path:
    return _export_all(seed_build)


@pytest.fixture(scope="module")
def example_build(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("examples")
    run_cli("build", str(EXAMPLES), cwd=work, check=True)
    _export_all(work)
    return work


@pytest.fixture(params=["seed", "examples"])
def built(request) -> Path:
    """A working folder with ``parley-store/`` and ``exports/`` (seed articles, or the demo corpus)."""
    if request.param == "seed":
        work = request.getfixturevalue("seed_build")
        request.getfixturevalue("seed_exports")
        return work
    return request.getfixturevalue("example_build")


def _canonical(quads) -> ox.Dataset:
    ds = ox.Dataset(quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return ds


def _stored(work: Path, quads: bool) -> list[ox.Quad]:
    store = GraphStore(work / "parley-store", read_only=True)
    if quads:
        return list(store.quads())
    return [ox.Quad(t.subject, t.predicate, t.object) for t in store.triples()]


@pytest.mark.parametrize("fmt", list(RDF))
def test_rdf_export_reads_back_as_the_store(built: Path, fmt: str):
    path = built / "exports" / f"a.{fmt}"
    parsed = list(ox.parse(path=str(path), format=RDF[fmt]))
    expected = _stored(built, fmt in QUADS)
    assert len(parsed) == len(expected) > 1000
    if fmt in QUADS:
        parsed_quads = parsed
        assert {q.graph_name for q in parsed} == {q.graph_name for q in expected}
        assert any(q.graph_name.value.endswith("graph/ontology") for q in parsed)
    else:
        parsed_quads = [ox.Quad(t.subject, t.predicate, t.object) for t in parsed]
    assert _canonical(parsed_quads) == _canonical(expected)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_twice_is_byte_identical(built: Path, fmt: str):
    a = (built / "exports" / f"a.{fmt}").read_bytes()
    assert a and a == (built / "exports" / f"b.{fmt}").read_bytes()


def test_stdout_matches_out_file(built: Path):
    exe = shutil.which("parley")
    if exe is None:
        pytest.skip("the parley command is not on PATH")
    proc = subprocess.run([exe, "export", "--format", "turtle"], cwd=built, capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (built / "exports" / "a.turtle").read_bytes()


@pytest.mark.parametrize("fmt", list(RDF))
def test_rapper_counts_the_same_triples(built: Path, fmt: str):
    if shutil.which("rapper") is None:
        pytest.skip("rapper (Debian package raptor2-utils) is not installed; second-parser check skipped")
    path = built / "exports" / f"a.{fmt}"
    proc = subprocess.run(["rapper", "-i", fmt, "-c", str(path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"returned {len(_stored(built, fmt in QUADS))} triples" in proc.stderr, proc.stderr


def test_jsonld_is_compact_and_rdflib_reads_all_triples(built: Path):
    rdflib = pytest.importorskip("rdflib")
    path = built / "exports" / "a.jsonld"
    doc = json.loads(path.read_text(encoding="utf-8"))
    shipped = json.loads(data_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == shipped
    for prefix in ("parley", "id", "skos", "xsd", "dcterms", "prov", "schema", "stance", "role", "status"):
        assert prefix in shipped
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids)
    korea = next(n for n in doc["@graph"] if n["@id"] == "id:country/south-korea")
    assert korea["@type"] == "parley:Country"
    assert korea["prefLabel"] == {"@language": "en", "@value": "South Korea"}
    g = rdflib.Graph().parse(str(path), format="json-ld")
    turtle = rdflib.Graph().parse(str(built / "exports" / "a.turtle"), format="turtle")
    assert len(g) == len(turtle) == len(_stored(built, False))


def test_graphml_is_the_readable_semantic_graph(built: Path):
    g = nx.read_graphml(built / "exports" / "a.graphml")
    assert g.number_of_nodes() > 20 and g.number_of_edges() > 0
    for node, data in g.nodes(data=True):
        assert data.get("label"), node
        assert data.get("type"), node
        assert "/evidence/" not in node and "/sentence/" not in node and "/article/" not in node
    countries = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "Country"}
    assert {"South Korea", "United States"} <= countries
    assert not {d["type"] for _, d in g.nodes(data=True)} & {"Mention", "Evidence", "Sentence", "Article"}
    for _, _, data in g.edges(data=True):
        assert data.get("label")
    korea = g.nodes["https://w3id.org/parley/id/country/south-korea"]
    assert korea["evidence_count"] > 0 and korea["sources"]


def test_graphml_builds_labels_and_collapses_evidence():
    """Rounds and amounts have no prefLabel: their labels are built from type and key data."""
    from parley.exports.graphml import semantic_graph

    data = """
    @prefix parley: <https://w3id.org/parley/ontology#> .
    @prefix role: <https://w3id.org/parley/vocab/role/> .
    @prefix status: <https://w3id.org/parley/vocab/status/> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    id:agreement/sma-11 a parley:Agreement ; skos:prefLabel "11th Special Measures Agreement"@en .
    id:country/kr a parley:Country ; skos:prefLabel "South Korea"@en .
    id:negotiation/sma-11 a parley:Negotiation ; parley:agreement id:agreement/sma-11 .
    id:round/sma-11-5 a parley:Round ; parley:ordinal 5 ; parley:partOf id:negotiation/sma-11 ;
        parley:status status:held ; parley:evidence id:article/a1/evidence/e1 .
    id:amount/x a parley:MonetaryAmount, parley:Quantity ; parley:value 960000000000 ; parley:unit "KRW" ;
        parley:role role:contribution ; parley:payer id:country/kr ;
        parley:evidence id:article/a1/evidence/e2, id:article/a2/evidence/e3 .
    id:article/a1/evidence/e1 a parley:Evidence ; parley:article id:article/a1 ; parley:sentence id:article/a1/sentence/0 .
    id:article/a1/evidence/e2 a parley:Evidence ; parley:article id:article/a1 .
    id:article/a2/evidence/e3 a parley:Evidence ; parley:article id:article/a2 .
    id:article/a1 a parley:Article ; parley:articleId "a1" .
    id:article/a2 a parley:Article ; parley:articleId "a2" .
    """
    data = re.sub(r"\bid:([\w/.-]*\w)", r"<https://w3id.org/parley/id/\1>", data)  # '/' is not allowed in prefixed names
    triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    triples += list(ox.parse(path=str(data_path("parley.ttl")), format=ox.RdfFormat.TURTLE))
    g = semantic_graph(triples)
    rnd = g.nodes["https://w3id.org/parley/id/round/sma-11-5"]
    assert rnd["label"] == "Round 5 (11th Special Measures Agreement negotiation)"
    assert rnd["type"] == "Round" and rnd["status"] == "held" and rnd["ordinal"] == "5"
    assert rnd["sources"] == "a1" and rnd["evidence_count"] == 1
    amount = g.nodes["https://w3id.org/parley/id/amount/x"]
    assert amount["label"] == "960000000000 KRW contribution"
    assert amount["type"] == "MonetaryAmount" and amount["unit"] == "KRW"
    assert amount["sources"] == "a1 a2" and amount["evidence_count"] == 2
    edges = {(u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], k) for u, v, k in g.edges(keys=True)}
    assert {("sma-11-5", "sma-11", "partOf"), ("x", "kr", "payer"), ("sma-11", "sma-11", "agreement")} <= edges
    assert not any("/evidence/" in n or "/article/" in n for n in g.nodes)


def test_python_api_matches_cli(built: Path):
    from parley.exports.api import export

    data = export(built / "parley-store", "nquads")
    assert data == (built / "exports" / "a.nquads").read_bytes()


def test_missing_store_is_one_error_line(tmp_path: Path):
    proc = run_cli("export", "--store", "missing-dir", "--format", "turtle", cwd=tmp_path)
    assert proc.returncode != 0
    assert_one_line_error(proc, "missing-dir")
    assert len([line for line in proc.stderr.splitlines() if line.strip()]) == 1, proc.stderr
    assert proc.stdout == ""


def test_bad_format_is_rejected_by_the_parser(tmp_path: Path):
    proc = run_cli("export", "--format", "yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "invalid choice" in proc.stderr


# -- CSV: one file per named query -----------------------------------------------------------------

def _csv_rows(text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def seed_csv(seed_build: Path) -> Path:
    for name in ("csv-a", "csv-b"):
        run_cli("export", "--format", "csv", "--out", name, cwd=seed_build, check=True)
    return seed_build


@pytest.fixture(params=["seed", "examples"])
def csv_built(request) -> Path:
    if request.param == "seed":
        return request.getfixturevalue("seed_csv")
    work = request.getfixturevalue("example_build")
    if not (work / "csv-b").is_dir():
        for name in ("csv-a", "csv-b"):
            run_cli("export", "--format", "csv", "--out", name, cwd=work, check=True)
    return work


def test_csv_has_one_file_per_named_query_matching_parley_query(csv_built: Path):
    from parley.queries.library import all_queries

    queries = [q for q in all_queries() if not any(p.required for p in q.params)]
    files = sorted(p.stem for p in (csv_built / "csv-a").glob("*.csv"))
    assert files == sorted(q.name for q in queries) and "rounds" in files and "sources-of" not in files
    non_empty = 0
    for q in queries:
        data = (csv_built / "csv-a" / f"{q.name}.csv").read_bytes()
        assert data == (csv_built / "csv-b" / f"{q.name}.csv").read_bytes(), f"{q.name}.csv differs between runs"
        proc = run_cli("query", q.name, "--format", "csv", cwd=csv_built, check=True)
        ours, theirs = _csv_rows(data.decode("utf-8")), _csv_rows(proc.stdout)
        assert ours == theirs, q.name
        assert all(len(row) == len(ours[0]) for row in ours)
        non_empty += len(ours) > 1
    assert non_empty >= 4


def test_csv_columns_follow_the_query_contract(csv_built: Path):
    from test_queries import CONTRACT

    for name, columns in CONTRACT.items():
        path = csv_built / "csv-a" / f"{name}.csv"
        if name == "sources-of":
            assert not path.exists()
            continue
        assert _csv_rows(path.read_text(encoding="utf-8"))[0] == columns.split(","), name


def test_csv_needs_an_out_folder(tmp_path: Path, csv_built: Path):
    proc = run_cli("export", "--format", "csv", cwd=csv_built)
    assert proc.returncode == 2
    assert_one_line_error(proc, "--out DIR")
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    proc = run_cli("export", "--format", "csv", "--out", str(afile), cwd=csv_built)
    assert proc.returncode == 2
    assert_one_line_error(proc, "is a file")
