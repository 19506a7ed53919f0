"""Check a built graph: SHACL shapes (pySHACL) and OWL consistency (owlready2 + HermiT)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from ..errors import ValidationError
from .resources import data_path


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    severity: str = "Violation"  # Violation | Warning | Info (sh:severity)

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


def _rdflib_graph(triples: Iterable[ox.Triple] | bytes):
    import rdflib

    g = rdflib.Graph()
    data = triples if isinstance(triples, bytes) else ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data, format="nt")
    return g


def shacl_violations(triples: Iterable[ox.Triple] | bytes) -> list[Violation]:
    """Validate triples (or N-Triples bytes) against ``shapes.ttl``; every result (``severity`` tells violations from warnings)."""
    import rdflib
    from pyshacl import validate

    data = _rdflib_graph(triples)
    shapes = rdflib.Graph().parse(str(data_path("shapes.ttl")), format="turtle")
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for res in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        severity = str(report.value(res, sh.resultSeverity) or sh.Violation).rsplit("#", 1)[-1]
        out.append(Violation(str(report.value(res, sh.focusNode)), str(report.value(res, sh.resultPath) or ""),
                             str(report.value(res, sh.resultMessage) or "violates a shape"), severity))
    return sorted(out, key=str)


def java_available() -> bool:
    if shutil.which("java") is None:
        return False
    try:
        return subprocess.run(["java", "-version"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def check_consistency(triples: Iterable[ox.Triple]) -> None:
    """Run HermiT over the ontology plus ``triples``; raise :class:`ValidationError` if inconsistent.

    owlready2 cannot read Turtle, so both are handed over as N-Triples.
    """
    if not java_available():
        raise ValidationError("HermiT needs Java; install a JRE (e.g. apt-get install default-jre-headless) to check consistency")
    import owlready2

    store = ox.Store()
    store.load(path=str(data_path("parley.ttl")), format=ox.RdfFormat.TURTLE)
    with tempfile.TemporaryDirectory() as tmp:
        onto_nt = Path(tmp) / "parley.nt"
        data_nt = Path(tmp) / "data.nt"
        store.dump(str(onto_nt), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        data_nt.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        world = owlready2.World()
        world.get_ontology(onto_nt.as_uri()).load()
        world.get_ontology(data_nt.as_uri()).load()
        try:
            with world.get_ontology("https://w3id.org/parley/reasoning#"):
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            bad = [str(c) for c in world.inconsistent_classes()][:5]
            raise ValidationError("the graph is inconsistent with the ontology (HermiT)"
                                  + (f": unsatisfiable {', '.join(bad)}" if bad else "")
                                  + "; look for an entity typed with two disjoint classes (e.g. Person and Organization)") from None
