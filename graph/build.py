"""``parley build``: articles in, a validated dataset and Turtle/TriG files out.

Streaming: one article at a time is read, extracted and written to the store
in its own transaction, so memory stays flat in corpus size and a crash
leaves every finished article in place.  An unchanged article (same text,
metadata, rules and reference data) is skipped.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from .. import __version__
from ..errors import InputError
from ..ontology.reference import packaged_files
from ..ontology.resources import data_path
from ..ontology.rules import rule_texts
from ..ontology.validate import shacl_violations
from ..ontology.vocab import P
from .documents import Document, Problem, iter_documents
from .emit import emit
from .extract import extract, lexicon_for
from .iris import article_iri, graph_iri
from .store import ONTOLOGY_GRAPH, REFERENCE_GRAPH, GraphStore


@dataclass
class BuildReport:
    """What a build did: counts, problems and warnings, and the files written."""

    articles: int = 0
    built: int = 0
    unchanged: int = 0
    triples: int = 0
    entities: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [f"articles   {self.articles} read, {self.built} built, {self.unchanged} unchanged",
                 f"triples    {self.triples}",
                 f"entities   {self.entities}",
                 "facts      " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"),
                 f"warnings   {len(self.warnings) + len([p for p in self.problems if not p.fatal])}",
                 f"errors     {len([p for p in self.problems if p.fatal]) + len(self.violations)}",
                 f"time       {self.seconds:.1f} s"]
        lines += [f"wrote      {p}" for p in self.outputs]
        return "\n".join(lines)


def fingerprint(reference_files: tuple[str, ...], code: Path = Path(__file__).parent) -> str:
    """Hash of everything besides the text that shapes an article's triples: the version, the rules, the
    reference data and the extractor's own code (so that an edited or upgraded extractor never keeps
    triples an older one wrote, even when the version number did not change)."""
    h = hashlib.sha256(__version__.encode())
    for f in sorted(code.rglob("*.py")):
        h.update(f.relative_to(code).as_posix().encode() + b"\0" + f.read_bytes())
    for name, text in sorted(rule_texts().items()):
        h.update(name.encode() + b"\0" + text.encode())
    for f in [*packaged_files(), data_path("parley.ttl"), *map(Path, reference_files)]:
        h.update(Path(f).read_bytes())
    return h.hexdigest()


def article_hash(doc: Document, base: str) -> str:
    meta = json.dumps([doc.id, doc.publisher, doc.published, doc.url, doc.title, doc.source], sort_keys=True)
    return hashlib.sha256((base + meta + doc.text).encode()).hexdigest()


def _extract_one(args: tuple[Document, tuple[str, ...], str]) -> tuple[str, list[ox.Triple], list[str], dict[str, int]]:
    doc, refs, digest = args
    ctx = extract(doc, lexicon_for(refs))
    triples = emit(ctx)
    triples.append(ox.Triple(ox.NamedNode(article_iri(doc.id)), P.contentHash, ox.Literal(digest)))
    kinds: dict[str, int] = {}
    for f in ctx.facts:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    return doc.id, triples, ctx.warnings, kinds


def _extract_one_nt(args: tuple[Document, tuple[str, ...], str]) -> tuple[str, bytes, list[str], dict[str, int]]:
    """Pool worker: :func:`_extract_one` with the triples as N-Triples bytes.

    Pickling pyoxigraph terms costs about 45 µs a triple each way, more than
    extracting them; N-Triples out and back costs about 5 µs.
    """
    doc_id, triples, warnings, kinds = _extract_one(args)
    return doc_id, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), warnings, kinds


def _from_nt(results: Iterator[tuple[str, bytes, list[str], dict[str, int]]]) -> Iterator[tuple[str, list[ox.Triple], list[str], dict[str, int]]]:
    for doc_id, data, warnings, kinds in results:
        yield doc_id, [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)], warnings, kinds


def _static_graphs(store: GraphStore, refs: tuple[str, ...]) -> None:
    lex = lexicon_for(refs)
    onto = ox.Dataset(ox.parse(path=str(data_path("parley.ttl")), format=ox.RdfFormat.TURTLE))
    onto.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)  # stable blank-node labels for owl lists
    for graph, triples in ((ONTOLOGY_GRAPH, [q.triple for q in onto]), (REFERENCE_GRAPH, [q.triple for q in lex.reference.quads()])):
        digest = hashlib.sha256("\n".join(sorted(map(str, triples))).encode()).hexdigest()
        if store.graph_hash(graph) != digest:
            store.replace_graph(graph, triples)
            store.set_graph_hash(graph, digest)


def build(paths: list[Path], manifest: Path | None = None, reference: list[Path] | None = None,
          store_dir: Path | None = Path("parley-store"), out_dir: Path | None = Path("out"), jobs: int = 1,
          validate: bool = True, progress: bool = False) -> BuildReport:
    """Build (or update) the dataset from articles and write ``out/graph.ttl`` and ``out/graph.trig``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("SEOUL, March 3 -- South Korea and the United States held talks in Seoul.\\n")
    >>> r = build([d], store_dir=None, out_dir=d / "out")
    >>> (r.built, (d / "out" / "graph.ttl").exists())
    (1, True)
    """
    started = time.perf_counter()
    report = BuildReport()
    limit = shacl_limit()  # a bad PARLEY_SHACL_LIMIT fails before any work
    refs = tuple(str(p) for p in (reference or []))
    for p in reference or []:
        if not Path(p).is_file():
            raise InputError(f"{p}: reference file not found; check the --reference path")
    lexicon_for(refs)  # fail early on bad data files
    store = GraphStore(store_dir)
    _static_graphs(store, refs)
    base = fingerprint(refs)
    docs = iter_documents(paths, manifest, report.problems)

    def pending() -> Iterator[tuple[Document, tuple[str, ...], str]]:
        for doc in docs:
            report.articles += 1
            digest = article_hash(doc, base)
            if store.article_hash(doc.id) == digest:
                report.unchanged += 1
                continue
            yield doc, refs, digest

    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", desc="extracting", leave=False)
    results: Iterator
    pool = None
    if jobs > 1:
        pool = mp.get_context("fork").Pool(jobs)
        results = _from_nt(pool.imap(_extract_one_nt, pending(), chunksize=8))
    else:
        results = map(_extract_one, pending())
    try:
        for doc_id, triples, warnings, kinds in results:
            store.replace_graph(ox.NamedNode(graph_iri(doc_id)), triples)
            report.built += 1
            report.warnings.extend(warnings)
            for k, v in kinds.items():
                report.facts[k] = report.facts.get(k, 0) + v
            if bar is not None:
                bar.update(1)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
    store.flush()
    if report.articles == 0 and report.unchanged == 0:
        fatal = [str(p) for p in report.problems]
        raise InputError("no article could be read" + (": " + "; ".join(fatal) if fatal else "; give a folder or files of .txt, .html or .jsonl articles"))
    ntriples = store.sorted_ntriples()  # bytes, not a Python object per triple: memory stays near the text's size
    report.triples = ntriples.count(b"\n")
    report.entities = _count_entities(store)
    if validate and report.triples > limit:
        report.warnings.append(f"SHACL validation skipped: {report.triples:,} triples is more than the whole-graph limit of "
                               f"{limit:,} (pySHACL holds the graph in memory); set {SHACL_LIMIT_ENV} to raise it")
    elif validate:
        results = shacl_violations(ntriples)
        report.violations = [str(v) for v in results if v.severity == "Violation"]
        report.warnings.extend(f"shacl warning: {v}" for v in results if v.severity != "Violation")
    if out_dir is not None:
        from ..exports.rdf import write_sorted

        report.outputs.append(write_sorted(out_dir / "graph.ttl", ntriples, "turtle"))
        del ntriples
        report.outputs.append(write_sorted(out_dir / "graph.trig", store.sorted_quads(), "trig"))
        from ..exports.views import write_views  # offline HTML views: out/index.html

        report.outputs.append(write_views(store, out_dir)["index"])
    report.seconds = time.perf_counter() - started
    return report


SHACL_LIMIT_ENV = "PARLEY_SHACL_LIMIT"
SHACL_LIMIT = 500_000  # triples; pySHACL on rdflib needs ~2 KB of memory per triple


def shacl_limit() -> int:
    """The largest graph ``parley build`` validates whole (``PARLEY_SHACL_LIMIT`` overrides)."""
    raw = os.environ.get(SHACL_LIMIT_ENV, "").strip()
    if not raw:
        return SHACL_LIMIT
    if not raw.isdigit():
        raise InputError(f"{SHACL_LIMIT_ENV}={raw!r} is not a number of triples; set it to e.g. 2000000 or unset it")
    return int(raw)


def _count_entities(store: GraphStore) -> int:
    """Entities mentioned in the articles: those with a derived ``parley:mentionCount``."""
    q = ("PREFIX parley: <https://w3id.org/parley/ontology#> SELECT (COUNT(?e) AS ?n) "
         "WHERE { ?e parley:mentionCount ?m }")
    for row in store.query(q):
        return int(row["n"].value)
    return 0
