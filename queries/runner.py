"""Run a (named) query on a :class:`~parley.graph.store.GraphStore` and format the results.

SELECT results keep the query's column order.  Multi-valued cells built
with ``GROUP_CONCAT`` are normalized here (split, de-duplicated, sorted,
re-joined) because SPARQL leaves the concatenation order open.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import QueryError
from .library import NamedQuery, bind, syntax_message

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# column name (or prefix) -> the separator its GROUP_CONCAT uses
MULTI = {"sources": " ", "evidence": " | ", "claimed_by": "; ", "parties": "; "}


def _separator(column: str) -> str | None:
    for prefix, sep in MULTI.items():
        if column == prefix or column.startswith(prefix + "_"):
            return sep
    return None


def _normalize(column: str, term):
    sep = _separator(column)
    if sep is None or not isinstance(term, ox.Literal):
        return term
    parts = sorted({p for p in term.value.split(sep) if p.strip()})
    return ox.Literal(sep.join(parts))


@dataclass
class Result:
    kind: str  # "select", "ask", "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # terms or None
    boolean: bool | None = None
    triples: list = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return 1

    def as_dicts(self) -> list[dict[str, str]]:
        return [{c: _text(t) for c, t in zip(self.columns, row)} for row in self.rows]


def _text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def execute(store, text: str, query: NamedQuery | None = None) -> Result:
    """Run bound query text on a GraphStore (or anything with ``query(text)``)."""
    try:
        res = store.query(text)
    except SyntaxError as exc:
        raise QueryError(syntax_message(query or NamedQuery("query", text), exc)) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{query.name if query else 'query'}: the query failed ({exc})") from None
    if isinstance(res, ox.QuerySolutions):
        columns = [v.value for v in res.variables]
        rows = [[_normalize(c, sol[c]) for c in columns] for sol in res]
        return Result("select", columns, rows)
    if isinstance(res, ox.QueryBoolean):
        return Result("ask", boolean=bool(res))
    return Result("graph", triples=list(res))


def run(store, query: NamedQuery, params: dict[str, str] | None = None) -> Result:
    """Bind ``params`` (names as declared in the query's header) and run ``query``.

    Named queries read each fact's provenance summary (``parley:summary``);
    a store opened read-only whose summaries are stale (an interrupted build,
    or a store written by an older Parley) would give empty cells, so it is
    refused with a way to mend it.
    """
    if getattr(store, "read_only", False) and getattr(store, "derived_stale", lambda: False)():
        raise QueryError(f"{getattr(store, 'path', 'the store')}: its provenance summaries are out of date "
                         "(an interrupted build, or a store from an older Parley); run 'parley build' again on it")
    return execute(store, bind(query, dict(params or {})), query)


# -- formatting -------------------------------------------------------------

def format_result(result: Result, fmt: str = "table") -> str:
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return ox.serialize(result.triples, format=ox.RdfFormat.TURTLE,
                            prefixes=_PREFIXES).decode("utf-8")
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](result)


def _table(result: Result) -> str:
    cells = [[_text(t).replace("\n", " ") for t in row] for row in result.rows]
    widths = [len(c) for c in result.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    def line(vals):
        return "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()
    out = [line(result.columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out) + "\n"


def _csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(result.columns)
    for row in result.rows:
        w.writerow([_text(t) for t in row])
    return buf.getvalue()


def _tsv(result: Result) -> str:
    lines = ["\t".join("?" + c for c in result.columns)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else _nt(t) for t in row))
    return "\n".join(lines) + "\n"


def _nt(term) -> str:
    if isinstance(term, ox.Literal) and term.datatype.value == XSD_STRING:
        return str(ox.Literal(term.value))
    return str(term)


def _json(result: Result) -> str:
    bindings = []
    for row in result.rows:
        b = {}
        for c, t in zip(result.columns, row):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                b[c] = {"type": "uri", "value": t.value}
            elif isinstance(t, ox.BlankNode):
                b[c] = {"type": "bnode", "value": t.value}
            elif isinstance(t, ox.Literal):
                d = {"type": "literal", "value": t.value}
                if t.language:
                    d["xml:lang"] = t.language
                elif t.datatype.value not in (XSD_STRING, RDF_LANGSTRING):
                    d["datatype"] = t.datatype.value
                b[c] = d
            else:
                b[c] = {"type": "triple", "value": str(t)}
        bindings.append(b)
    return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


_PREFIXES = {
    "parley": "https://w3id.org/parley/ontology#",
    "id": "https://w3id.org/parley/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}
