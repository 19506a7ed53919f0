"""One SPARQL request against a store, answered as HTTP status, body and media type.

This runs inside a query worker process (:mod:`.workers`), so everything
it returns is plain data that pickles.  Results are capped at
``max_rows`` rows (SELECT) or triples (CONSTRUCT/DESCRIBE) while they are
read, so a huge result never gets materialized; ``truncated`` says the cap
cut it.  Result formats are written by pyoxigraph.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from .library import NamedQuery, syntax_message
from .runner import Result, _normalize, format_result

# media types offered for SELECT/ASK and for CONSTRUCT/DESCRIBE, in order of preference
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
# ?format=NAME (for links and downloads): (results media type, graph media type)
FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ntriples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
}
PREFIXES = {
    "parley": "https://w3id.org/parley/ontology#",
    "id": "https://w3id.org/parley/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}
TEXT = "text/plain; charset=utf-8"


@dataclass
class Job:
    """A request for a worker: a query or update text and how to answer it."""

    text: str
    update: bool = False
    results_type: str | None = "application/sparql-results+json"
    graph_type: str | None = "text/turtle"
    max_rows: int = 10_000
    normalize: bool = False  # sort GROUP_CONCAT cells, as the named-query runner does
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


@dataclass
class Answer:
    status: int
    body: bytes
    media_type: str = TEXT
    truncated: bool = False
    count: int = 0

    @classmethod
    def error(cls, status: int, message: str) -> "Answer":
        return cls(status, (message.replace("\n", " ") + "\n").encode("utf-8"))


def negotiate(accept: str | None, fmt: str | None = None) -> tuple[str | None, str | None]:
    """(results media type, graph media type) for an Accept header or a ``format`` name.

    Raises ``KeyError`` for an unknown format name.
    """
    if fmt:
        return FORMAT_NAMES[fmt]
    header = parse_accept_header(accept or "*/*", MIMEAccept)
    return header.best_match(list(RESULT_TYPES)), header.best_match(list(GRAPH_TYPES))


def answer(store, job: Job) -> Answer:
    """Run ``job`` on a :class:`~parley.graph.store.GraphStore`; never raises for bad SPARQL."""
    try:
        if job.update:
            store.store.update(job.text)
            store.flush()
            return Answer(204, b"")
        res = _run_query(store, job)
    except SyntaxError as exc:
        return Answer.error(400, syntax_message(NamedQuery("query", job.text), exc))
    except (OSError, RuntimeError, ValueError) as exc:
        return Answer.error(500, f"the query failed: {exc}")
    if isinstance(res, ox.QuerySolutions):
        return _solutions(res, job)
    if isinstance(res, ox.QueryBoolean):
        return _boolean(res, job)
    return _graph(res, job)


def _run_query(store, job: Job):
    if job.default_graphs or job.named_graphs:
        return store.store.query(job.text, default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                                 named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
    return store.query(job.text)


def _not_acceptable(kind: str, offers: dict) -> Answer:
    return Answer.error(406, f"this {kind} answers as one of: {', '.join(offers)}; change the Accept header or ?format=")


def _solutions(res: ox.QuerySolutions, job: Job) -> Answer:
    if job.results_type is None:
        return _not_acceptable("SELECT query", RESULT_TYPES)
    columns = [v.value for v in res.variables]
    sols = list(islice(res, job.max_rows + 1))
    truncated = len(sols) > job.max_rows
    rows = [[(_normalize(c, s[c]) if job.normalize else s[c]) for c in columns] for s in sols[: job.max_rows]]
    as_json = format_result(Result("select", columns, rows), "json")
    fmt = RESULT_TYPES[job.results_type]
    body = ox.parse_query_results(as_json, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
    return Answer(200, body, fmt.media_type, truncated, len(rows))


def _boolean(res: ox.QueryBoolean, job: Job) -> Answer:
    fmt = RESULT_TYPES.get(job.results_type or "")
    if fmt is None:
        return _not_acceptable("ASK query", RESULT_TYPES)
    try:
        return Answer(200, res.serialize(format=fmt), fmt.media_type, count=1)
    except ValueError:
        return Answer.error(406, f"an ASK answer cannot be written as {fmt.name}; ask for JSON or XML")


def _graph(res, job: Job) -> Answer:
    if job.graph_type is None:
        return _not_acceptable("CONSTRUCT/DESCRIBE query", GRAPH_TYPES)
    triples = list(islice(res, job.max_rows + 1))
    truncated = len(triples) > job.max_rows
    triples = triples[: job.max_rows]
    fmt = GRAPH_TYPES[job.graph_type]
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    body = ox.serialize(triples, format=fmt, prefixes=prefixes) if prefixes else ox.serialize(triples, format=fmt)
    return Answer(200, body, fmt.media_type, truncated, len(triples))
