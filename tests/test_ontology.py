"""The ontology, shapes and reference data: declared terms, SHACL, HermiT."""
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from parley.errors import DataError, ValidationError
from parley.ontology import P
from parley.ontology.reference import load_reference
from parley.ontology.validate import check_consistency, java_available, shacl_violations
from parley.ontology.vocab import declared_terms

PARLEY = "https://w3id.org/parley/ontology#"


def test_closed_namespace_rejects_undeclared_terms():
    assert P.Round.value == PARLEY + "Round"
    with pytest.raises(AttributeError, match="not declared"):
        P.Rnd  # noqa: B018


def _used_terms() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    sources = list(ROOT.glob("*/**/*.py")) + list(ROOT.glob("ontology/**/*.ttl")) + list(ROOT.glob("queries/**/*.rq")) \
        + list(ROOT.glob("ontology/rules/*.json*")) + list(ROOT.glob("exports/**/*.json*"))
    for f in sources:
        if "tests" in f.parts or f.name == "parley.ttl":
            continue
        text = f.read_text(encoding="utf-8")
        names = set(re.findall(r"\bP\.([A-Za-z_][A-Za-z0-9_]*)", text)) if f.suffix == ".py" else set()
        names |= set(re.findall(r"\bparley:([A-Za-z][A-Za-z0-9_]*)", text))
        if names:
            used[str(f.relative_to(ROOT))] = names
    return used


def test_every_term_used_is_declared_in_parley_ttl():
    declared = declared_terms()
    missing = {f: sorted(n - declared) for f, n in _used_terms().items() if n - declared}
    assert not missing, missing


def test_reference_loads_with_aliases_and_types():
    ref = load_reference()
    sk = ref.get("https://w3id.org/parley/id/country/south-korea")
    assert sk.type == "Country" and "ROK" in sk.aliases and sk.capital.endswith("place/seoul")
    editions = ref.editions("https://w3id.org/parley/id/agreement/sma")
    assert [e.edition for e in editions] == sorted(e.edition for e in editions) and len(editions) >= 3


def test_a_short_name_is_also_an_alias(tmp_path):
    extra = tmp_path / "mine.ttl"
    extra.write_text('@prefix parley: <https://w3id.org/parley/ontology#> .\n'
                     '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                     '<https://w3id.org/parley/id/org/aplf> a parley:Organization ; '
                     'skos:prefLabel "Atlantis People\'s Liberation Front"@en ; parley:shortName "APLF"@en .\n')
    ref = load_reference([extra])
    assert ref.get("https://w3id.org/parley/id/country/united-states").short_name == "US"
    aplf = ref.get("https://w3id.org/parley/id/org/aplf")
    assert aplf.short_name == "APLF" and "APLF" in aplf.aliases


def test_bad_reference_file_reports_every_problem(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix parley: <https://w3id.org/parley/ontology#> .\n'
                   '<https://w3id.org/parley/id/person/x> a parley:Person .\n'
                   '<https://w3id.org/parley/id/thing/y> a parley:Widget .\n')
    with pytest.raises(DataError) as err:
        load_reference([bad])
    msg = str(err.value)
    assert "person/x" in msg and "prefLabel" in msg and "Widget" in msg


def _triples(ttl: str) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]


PREFIX = ("@prefix parley: <https://w3id.org/parley/ontology#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> ."
          "@prefix id: <https://w3id.org/parley/id/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")


def test_shacl_catches_a_round_with_two_venues_and_no_provenance():
    ttl = PREFIX + """
    <https://w3id.org/parley/id/r> a parley:Round ; parley:ordinal 3 ;
        parley:venue <https://w3id.org/parley/id/place/a>, <https://w3id.org/parley/id/place/b> ;
        parley:partOf <https://w3id.org/parley/id/n> .
    <https://w3id.org/parley/id/place/a> a parley:Place . <https://w3id.org/parley/id/place/b> a parley:Place .
    <https://w3id.org/parley/id/n> a parley:Negotiation ; skos:prefLabel "n" .
    """
    onto = [q.triple for q in ox.parse(path=str(ROOT / "ontology" / "parley.ttl"), format=ox.RdfFormat.TURTLE)]
    problems = shacl_violations(_triples(ttl) + onto)
    paths = {v.path for v in problems}
    assert PARLEY + "venue" in paths and PARLEY + "evidence" in paths


def test_shacl_catches_a_double_valued_amount():
    ttl = PREFIX + """
    <https://w3id.org/parley/id/q> a parley:MonetaryAmount ; parley:value "1.5E9"^^xsd:double ; parley:unit "dollars" ;
        parley:role <https://w3id.org/parley/vocab/role/demand> .
    """
    onto = [q.triple for q in ox.parse(path=str(ROOT / "ontology" / "parley.ttl"), format=ox.RdfFormat.TURTLE)]
    paths = {v.path for v in shacl_violations(_triples(ttl) + onto)}
    assert {PARLEY + "value", PARLEY + "unit", PARLEY + "evidence"} <= paths


@pytest.mark.skipif(not java_available(), reason="HermiT needs Java (apt-get install default-jre-headless)")
def test_hermit_catches_a_person_who_is_also_an_organization():
    ttl = PREFIX + '<https://w3id.org/parley/id/x> a parley:Person, parley:Organization ; skos:prefLabel "X" .'
    with pytest.raises(ValidationError, match="inconsistent"):
        check_consistency(_triples(ttl))


@pytest.mark.skipif(not java_available(), reason="HermiT needs Java (apt-get install default-jre-headless)")
def test_hermit_accepts_a_consistent_graph():
    ttl = PREFIX + '<https://w3id.org/parley/id/x> a parley:Person ; skos:prefLabel "X" ; parley:affiliation <https://w3id.org/parley/id/c> . <https://w3id.org/parley/id/c> a parley:Country .'
    check_consistency(_triples(ttl))


def test_ontology_docs_are_generated_offline(tmp_path):
    pytest.importorskip("pylode")
    from parley.ontology.docs import write_docs

    out = write_docs(tmp_path / "onto.html")
    html = Path(out).read_text()
    assert "Round" in html and "Special" not in html[:0]
    assert not re.search(r"<script[^>]+src=\"https?://", html)
