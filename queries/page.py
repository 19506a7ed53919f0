"""The analyst's page served at ``/`` by ``parley serve``.

Pick a named query (its parameters become form fields), or edit SPARQL,
run it, see the rows as a table, download CSV or JSON, and open the
network views when the views folder has an ``index.html``.  Rendering is
server-side with Jinja2 (autoescaped: every cell, message and query text
is escaped) and the page loads nothing from elsewhere, so it works offline.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..errors import ParleyError
from .answers import Job
from .config import ServeConfig
from .library import NamedQuery, all_queries, bind, load
from .protocol import BadRequest, protocol_params

TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                          undefined=jinja2.StrictUndefined)
EXAMPLE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20\n"


@dataclass
class Shown:
    """A query's answer as the page shows it."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    count: int = 0
    truncated: bool = False
    boolean: bool | None = None
    graph: str | None = None


def _cell(binding: dict | None) -> str:
    return "" if binding is None else str(binding.get("value", ""))


def shown(body: bytes, media_type: str, count: int, truncated: bool) -> Shown:
    """Table cells from a JSON results body, or the graph text for CONSTRUCT/DESCRIBE."""
    if "json" not in media_type:
        return Shown(count=count, truncated=truncated, graph=body.decode("utf-8"))
    data = json.loads(body)
    if "boolean" in data:
        return Shown(count=1, boolean=bool(data["boolean"]))
    columns = data["head"]["vars"]
    rows = [[_cell(b.get(c)) for c in columns] for b in data["results"]["bindings"]]
    return Shown(columns, rows, len(rows), truncated)


def _named_downloads(query: NamedQuery, values: dict[str, str]) -> list[dict]:
    given = {k: v for k, v in values.items() if v != ""}
    return [{"label": fmt.upper(), "href": f"/queries/{query.name}?" + urlencode({**given, "format": fmt}),
             "fields": None} for fmt in ("csv", "json")]


def _sparql_downloads(text: str) -> list[dict]:
    return [{"label": fmt.upper(), "href": None, "fields": [("query", text), ("format", fmt)]}
            for fmt in ("csv", "json")]


async def _form(request: Request) -> dict[str, str]:
    """The page's form fields, from the URL (GET) or a form-encoded body (POST)."""
    try:
        return dict(await protocol_params(request))
    except BadRequest:
        return dict(request.query_params)


async def index(request: Request) -> HTMLResponse:
    config: ServeConfig = request.app.state.config
    fields = await _form(request)
    error = ""
    selected: NamedQuery | None = None
    if fields.get("name"):
        try:
            selected = load(fields["name"])
        except ParleyError as exc:
            error = str(exc)
    values = {p.name: fields.get("p_" + p.name, p.default or "") for p in selected.params} if selected else {}
    edited = fields.get("query")
    sparql = edited if edited is not None else (selected.text if selected else EXAMPLE)
    result, downloads = None, []
    if edited is not None or (selected and fields.get("run")):
        try:
            if edited is not None:
                text, normalize, downloads = edited, False, _sparql_downloads(edited)
            else:
                given = {k: v for k, v in values.items() if v != "" or not selected.param(k).required}
                text, normalize = bind(selected, given), True
                downloads = _named_downloads(selected, values)
            ans = await request.app.state.pool.run(Job(text, max_rows=config.max_rows, normalize=normalize))
            if ans.status == 200:
                result = shown(ans.body, ans.media_type, ans.count, ans.truncated)
            else:
                error, downloads = f"HTTP {ans.status}: {ans.body.decode('utf-8', 'replace').strip()}", []
        except ParleyError as exc:
            error, downloads = str(exc), []
    views = config.views / "index.html"
    page = _ENV.get_template("index.html").render(
        queries=all_queries(), selected=selected, values=values, sparql=sparql, result=result, error=error,
        downloads=downloads, views_link="/views/index.html" if views.is_file() else None,
        allow_update=config.allow_update, timeout=f"{config.timeout:g}", max_rows=config.max_rows)
    return HTMLResponse(page, status_code=200)
