"""The SPARQL 1.1 Protocol side of a request: its parameters and the worker job they ask for."""
from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request

from .answers import FORMAT_NAMES, Job, negotiate
from .config import ServeConfig

FORM = "application/x-www-form-urlencoded"


class BadRequest(ValueError):
    """A request the protocol does not allow; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


async def protocol_params(request: Request) -> list[tuple[str, str]]:
    """All protocol parameters of a request (URL and body), as (name, value) pairs."""
    pairs = list(request.query_params.multi_items())
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            body = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("the request body is not UTF-8") from None
        if media == FORM:
            pairs += parse_qsl(body, keep_blank_values=True)
        elif media == "application/sparql-query":
            pairs.append(("query", body))
        elif media == "application/sparql-update":
            pairs.append(("update", body))
        else:
            raise BadRequest(f"unsupported Content-Type {media or '(none)'!r}; send {FORM}, "
                             "application/sparql-query or application/sparql-update", 415)
    return pairs


def make_job(pairs: list[tuple[str, str]], accept: str | None, config: ServeConfig, normalize: bool = False) -> Job:
    """The worker job for protocol parameters; :class:`BadRequest` for a bad request."""
    values: dict[str, list[str]] = {}
    for k, v in pairs:
        values.setdefault(k, []).append(v)
    queries, updates = values.get("query", []), values.get("update", [])
    if len(queries) + len(updates) != 1:
        raise BadRequest("send exactly one 'query' or 'update' parameter (SPARQL 1.1 Protocol)")
    fmt = (values.get("format") or [None])[0]
    if fmt and fmt not in FORMAT_NAMES:
        raise BadRequest(f"format={fmt!r}: use one of {', '.join(FORMAT_NAMES)}")
    results_type, graph_type = negotiate(accept, fmt)
    graphs = {"default_graphs": values.get("default-graph-uri", []), "named_graphs": values.get("named-graph-uri", [])}
    if updates:
        return Job(updates[0], update=True, **graphs)
    return Job(queries[0], results_type=results_type, graph_type=graph_type, max_rows=config.max_rows,
               normalize=normalize, **graphs)
