"""Named SPARQL queries: headers, column contracts, exact rows on a hand-written graph, and the CLI."""
from __future__ import annotations

import csv
import gc
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import assert_one_line_error, run_cli
from parley.errors import QueryError
from parley.graph.derived import summaries
from parley.graph.store import GraphStore
from parley.queries import library
from parley.queries.library import bind, load, names, parse, run_named
from parley.queries.runner import execute, format_result, run

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
GRAPH = ox.NamedNode("https://w3id.org/parley/id/graph/article/a1")
NEG = "11th Special Measures Agreement negotiation"
SMA11 = "11th Special Measures Agreement"

CONTRACT = {
    "rounds": "negotiation,agreement,ordinal,start,end,venue,status,sources",
    "amounts": "value,unit,role,subject,year,claimed_by,sources,evidence",
    "stances": "actor,stance,topic,date,sources,evidence",
    "actors": "actor,type,title,affiliation,mentions,sources",
    "timeline": "date,kind,label,sources",
    "quotes": "speaker,affiliation,quote,date,sources",
    "conflicts": "subject,role,year,value_a,unit_a,claimed_by_a,sources_a,value_b,unit_b,claimed_by_b,sources_b",
    "positions": "negotiation,actor,date,role,value,unit,sources",
    "sources-of": "entity,article,publisher,published,sentence,start,end",
    "articles": "article,title,publisher,published,url,facts",
    "negotiations": "negotiation,agreement,rounds,first,last,parties",
}

S_A1_1 = "South Korea paid 1.04 trillion won ($890 million) in 2019, lawmakers said."
S_A2_1 = "South Korea paid 960 billion won in 2019, officials said."
S_A2_0 = "The United States demanded $5 billion."

EXPECTED = {
    "rounds": [
        (NEG, SMA11, "4", "2019-10", "", "Honolulu", "held", "a2"),
        (NEG, SMA11, "5", "2019-11-18", "2019-11-19", "Seoul", "broken_off", "a1 a2"),
    ],
    "amounts": [
        ("960000000000", "KRW", "contribution", "South Korea", "2019", "Reuters", "a2", S_A2_1),
        ("1040000000000", "KRW", "contribution", "South Korea", "2019", "lawmakers", "a1", S_A1_1),
        ("890000000", "USD", "contribution", "South Korea", "2019", "lawmakers", "a1", S_A1_1),
        ("5000000000", "USD", "demand", "South Korea", "", "Reuters", "a2", S_A2_0),
    ],
    "stances": [
        ("United States", "demand", "larger contribution", "2019-11", "a2", S_A2_0),
        ("South Korea", "reject", "operational support category", "2019-11-19", "a1",
         "Seoul rejected the demand for a new operational support category."),
    ],
    "actors": [  # Japan: mentioned, in no fact
        ("Japan", "Country", "", "", "1", "a1"),
        ("South Korea", "Country", "", "", "2", "a1 a2"),
        ("United States", "Country", "", "", "1", "a2"),
        ("Kang Kyung-wha", "Person", "Foreign Minister", "South Korea", "1", "a2"),
    ],
    "timeline": [
        ("2019-10", "round", f"{NEG} round 4", "a2"),
        ("2019-11", "stance", "United States demand: larger contribution", "a2"),
        ("2019-11", "statement", "Kang Kyung-wha: We will keep working", "a2"),
        ("2019-11-18", "round", f"{NEG} round 5", "a1 a2"),
        ("2019-11-19", "stance", "South Korea reject: operational support category", "a1"),
        ("2025-12-31", "expiry", f"{SMA11} expires", ""),
    ],
    "quotes": [
        ("Kang Kyung-wha", "South Korea", "We will keep working", "2019-11", "a2"),
    ],
    "conflicts": [
        ("South Korea", "contribution", "2019", "1040000000000", "KRW", "lawmakers", "a1",
         "960000000000", "KRW", "Reuters", "a2"),
    ],
    "positions": [
        (NEG, "South Korea", "2019", "contribution", "960000000000", "KRW", "a2"),
        (NEG, "South Korea", "2019", "contribution", "1040000000000", "KRW", "a1"),
        (NEG, "South Korea", "2019", "contribution", "890000000", "USD", "a1"),
        (NEG, "United States", "2019-11", "demand", "5000000000", "USD", "a2"),
    ],
    "sources-of": [
        ("South Korea", "a1", "Yonhap", "2019-11-19", S_A1_1, "59", "70"),
        ("South Korea", "a2", "Reuters", "2019-11", S_A2_1, "39", "50"),
    ],
    "articles": [
        ("a1", "Fifth round ends without a deal", "Yonhap", "2019-11-19", "https://example.org/a1", "4"),
        ("a2", "US demands more", "Reuters", "2019-11", "", "6"),
    ],
    "negotiations": [
        (NEG, SMA11, "2", "2019-10", "2019-11-19", "South Korea; United States"),
    ],
}
PARAMS = {"sources-of": {"entity": "South Korea"}}


def fixture_triples() -> list[ox.Triple]:
    return list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE))


@pytest.fixture(scope="module")
def store() -> GraphStore:
    s = GraphStore(None)
    s.replace_graph(GRAPH, fixture_triples())
    return s


def write_store(path: Path) -> Path:
    """Write the fixture into an on-disk store at ``path`` and close it."""
    s = GraphStore(path)
    s.replace_graph(GRAPH, fixture_triples())
    s.flush()
    del s
    gc.collect()
    return path


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    w = tmp_path_factory.mktemp("queries")
    write_store(w / "parley-store")
    return w


def rows(store, name, **params):
    return [tuple(r.values()) for r in run_named(store, name, **params)]


# -- the library -----------------------------------------------------------

def test_every_contract_query_exists_plus_extras():
    assert set(CONTRACT) <= set(names())
    assert len(names()) >= len(CONTRACT)


@pytest.mark.parametrize("name", names())
def test_header_parses_and_query_is_valid(name):
    q = load(name)
    assert q.title and q.description
    for p in q.params:
        assert re.fullmatch(r"[a-z_]+", p.name) and p.doc
    library.validate(q)
    assert not re.search(r"\bGRAPH\b", library._mask(q.text), re.IGNORECASE), "named queries must not use GRAPH"


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_columns_match_contract(store, name):
    result = run(store, load(name), PARAMS.get(name, {}))
    assert ",".join(result.columns) == CONTRACT[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_rows(store, name):
    assert rows(store, name, **PARAMS.get(name, {})) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_rows_on_a_plain_default_graph(name):
    """A stock SPARQL server has the union in its default graph: the text of every query must give the same rows.

    The union Parley exports and pushes carries the provenance summaries
    (``parley.graph.derived``), so the plain store gets them too.
    """
    plain = ox.Store()
    plain.extend([ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in fixture_triples()])
    plain.extend([ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in summaries(plain.query)])
    q = load(name)
    result = execute(plain, bind(q, PARAMS.get(name, {})), q)
    assert [tuple(r.values()) for r in result.as_dicts()] == EXPECTED[name]


def test_optional_parameters_filter(store):
    assert rows(store, "rounds", negotiation="12th") == []
    assert len(rows(store, "rounds", negotiation="special measures")) == 2
    assert [r[2] for r in rows(store, "amounts", role="demand")] == ["demand"]
    assert [r[0] for r in rows(store, "actors", type="Person")] == ["Kang Kyung-wha"]
    assert [r[0] for r in rows(store, "stances", actor="korea")] == ["South Korea"]
    assert rows(store, "quotes", speaker="nobody") == []


def test_sources_of_by_iri_and_fact(store):
    by_iri = rows(store, "sources-of", entity="https://w3id.org/parley/id/country/south-korea")
    assert by_iri == EXPECTED["sources-of"]
    round5 = rows(store, "sources-of", entity="https://w3id.org/parley/id/round/sma-11/5")
    assert [(r[1], r[5], r[6]) for r in round5] == [("a1", "0", "58"), ("a2", "164", "198")]
    assert rows(store, "sources-of", entity="south korea") == EXPECTED["sources-of"]


def test_parameters_are_bound_not_formatted(store):
    evil = 'x" } ; DROP ALL ; #\n} SELECT * WHERE { ?s ?p ?o'
    text = bind(load("sources-of"), {"entity": evil})
    assert str(ox.Literal(evil)) in text
    before = set(store.triples())
    assert {q.triple for q in fixture_triples()} <= before
    assert rows(store, "sources-of", entity=evil) == []
    assert set(store.triples()) == before


def test_unknown_and_missing_parameters(store):
    with pytest.raises(QueryError, match="unknown parameter"):
        run_named(store, "rounds", nope="1")
    with pytest.raises(QueryError, match="required"):
        run_named(store, "sources-of")
    with pytest.raises(QueryError, match="available: .*rounds"):
        run_named(store, "no-such-query")


def test_header_parsing():
    q = parse('# title: T\n# description: D\n# param: a = "x y" (first)\n# param: b (second)\nSELECT * WHERE { }')
    assert (q.title, q.description) == ("T", "D")
    assert [(p.name, p.default, p.required) for p in q.params] == [("a", "x y", False), ("b", None, True)]


def test_syntax_error_has_line_and_column(store):
    q = parse("SELECT * WHERE {\n  ?s ?p }\n", "bad")
    with pytest.raises(QueryError, match=r"line [23], column \d+"):
        run(store, q)


def test_formats(store):
    result = run(store, load("rounds"))
    table = format_result(result, "table").splitlines()
    assert table[0].split() == CONTRACT["rounds"].split(",")
    assert len(table) == 4
    parsed = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert parsed[0] == CONTRACT["rounds"].split(",")
    assert tuple(parsed[2]) == EXPECTED["rounds"][1]
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "\t".join("?" + c for c in CONTRACT["rounds"].split(","))
    js = json.loads(format_result(result, "json"))
    assert js["head"]["vars"] == CONTRACT["rounds"].split(",")
    assert js["results"]["bindings"][1]["venue"] == {"type": "literal", "value": "Seoul"}
    assert "end" not in js["results"]["bindings"][0]
    graph = run(store, parse("PREFIX parley: <https://w3id.org/parley/ontology#>\n"
                             "CONSTRUCT { ?r parley:ordinal ?o } WHERE { ?r parley:ordinal ?o }"))
    ttl = format_result(graph, "table")
    assert "parley:ordinal" in ttl and list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))


# -- the real CLI ------------------------------------------------------------

def test_cli_lists_queries(work):
    proc = run_cli("queries", cwd=work, check=True)
    for name in CONTRACT:
        assert re.search(rf"^{re.escape(name)}\s", proc.stdout, re.MULTILINE), proc.stdout
    assert "entity" in proc.stdout and "Rounds" in proc.stdout


def test_cli_query_csv_and_table(work):
    proc = run_cli("query", "rounds", "--format", "csv", cwd=work, check=True)
    parsed = list(csv.reader(io.StringIO(proc.stdout)))
    assert parsed[0] == CONTRACT["rounds"].split(",")
    assert [tuple(r) for r in parsed[1:]] == EXPECTED["rounds"]
    proc = run_cli("query", "sources-of", "--param", "entity=South Korea", cwd=work, check=True)
    assert "Yonhap" in proc.stdout and proc.stdout.splitlines()[0].split()[0] == "entity"
    proc = run_cli("query", "conflicts", "--format", "json", "--store", str(work / "parley-store"), cwd=work.parent,
                   check=True)
    assert json.loads(proc.stdout)["results"]["bindings"][0]["value_b"]["value"] == "960000000000"


def test_cli_malformed_sparql_file(work):
    bad = work / "bad.rq"
    bad.write_text("# title: Bad\nSELECT ?s WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
    proc = run_cli("query", str(bad), cwd=work)
    assert proc.returncode == 5
    assert_one_line_error(proc, "line", "column")
    err_lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(err_lines) == 1 and re.search(r"line \d+, column \d+", err_lines[0]), proc.stderr


def test_cli_unknown_name_lists_available(work):
    proc = run_cli("query", "roundz", cwd=work)
    assert proc.returncode == 5
    assert_one_line_error(proc, "roundz", "rounds", "amounts", "sources-of")


def test_cli_injection_attempt_returns_no_rows(work):
    store_dir = work / "parley-store"
    before = sorted(str(t) for t in GraphStore(store_dir, read_only=True).triples())
    proc = run_cli("query", "sources-of", "--param", 'entity=x" } ; DROP ALL ; #', cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "no rows" in proc.stderr and proc.stdout == ""
    after = sorted(str(t) for t in GraphStore(store_dir, read_only=True).triples())
    assert before == after and len(after) > 100


def test_cli_empty_result_and_param_errors(work):
    proc = run_cli("query", "rounds", "--param", "negotiation=no such talks", cwd=work)
    assert proc.returncode == 0 and "no rows" in proc.stderr and proc.stdout == ""
    proc = run_cli("query", "rounds", "--param", "venue=Seoul", cwd=work)
    assert proc.returncode == 5
    assert_one_line_error(proc, "venue", "negotiation")
    proc = run_cli("query", "sources-of", cwd=work)
    assert proc.returncode == 5
    assert_one_line_error(proc, "entity")


def test_cli_missing_store(tmp_path):
    proc = run_cli("query", "rounds", "--store", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert proc.returncode == 6
    assert_one_line_error(proc, "parley build")


def test_sources_of_takes_an_unlabelled_fact_by_iri_and_an_alias_by_name(store):
    stance = rows(store, "sources-of", entity="https://w3id.org/parley/id/stance/s1")
    assert stance and {r[0] for r in stance} == {"https://w3id.org/parley/id/stance/s1"}
    assert rows(store, "sources-of", entity="south korea") == rows(store, "sources-of", entity="South Korea") != []
    assert rows(store, "sources-of", entity="Atlantis") == []


@pytest.mark.parametrize("name", names())
def test_every_named_query_runs_on_rdflib_too_with_the_same_row_count(store, name):
    """The .rq files are plain SPARQL 1.1: a second engine (rdflib's) answers them with as many rows."""
    import rdflib

    from parley.queries.library import bind, load

    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=ox.serialize(store.triples(), format=ox.RdfFormat.N_TRIPLES), format="nt")  # with its summaries
    params = PARAMS.get(name, {})
    assert len(list(ds.query(bind(load(name), dict(params))))) == len(run_named(store, name, **params))


def test_an_unnamed_speaker_is_shown_by_the_words_naming_it():
    s = GraphStore(None)
    extra = """@prefix parley: <https://w3id.org/parley/ontology#> .
<https://w3id.org/parley/id/statement/t2> a parley:Statement ; parley:quote "There is a long road ahead" ;
    parley:evidence <https://w3id.org/parley/id/ev/t2> .
<https://w3id.org/parley/id/ev/t2> a parley:Evidence ; parley:article <https://w3id.org/parley/id/article/a1> ;
    parley:claimantText "a senior European diplomat" ."""
    s.replace_graph(GRAPH, fixture_triples() + list(ox.parse(extra, format=ox.RdfFormat.TURTLE)))
    got = {r["quote"]: r["speaker"] for r in run_named(s, "quotes")}
    assert got == {"There is a long road ahead": "a senior European diplomat", "We will keep working": "Kang Kyung-wha"}
