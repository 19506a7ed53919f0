"""``parley serve``: a SPARQL 1.1 Protocol endpoint and a query page over the store.

Routes:

* ``/sparql`` — SPARQL 1.1 Protocol: ``GET ?query=``, ``POST`` form-encoded
  (``query=`` or ``update=``), ``POST`` ``application/sparql-query`` or
  ``application/sparql-update``; ``default-graph-uri``/``named-graph-uri``.
  The answer's format follows the ``Accept`` header (JSON, XML, CSV, TSV
  for SELECT/ASK; Turtle, N-Triples, JSON-LD, RDF/XML for CONSTRUCT and
  DESCRIBE) or ``?format=NAME`` (then sent as a download).  Updates get 403
  unless the server was started with ``--allow-update``.
* ``/queries`` — the named queries as JSON; ``/queries/NAME?PARAM=…`` runs
  one with its parameters bound safely (same rows as ``parley query``).
* ``/`` — the HTML page (:mod:`.page`); ``/views/`` — the network views
  folder as static files.

Each query runs in a worker process that is killed at the timeout
(:mod:`.workers`).  Answers carry ``X-Parley-Rows``, and
``X-Parley-Truncated: true`` with ``X-Parley-Max-Rows`` when the row cap
cut them.  CORS is open (any origin) for browser clients.  If
``PARLEY_SERVE_USER`` is set, every request needs HTTP Basic credentials
matching it and ``PARLEY_SERVE_PASSWORD``.
"""
from __future__ import annotations

import base64
import contextlib
import gc
import os
import secrets
import sys
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import ParleyError
from .answers import Answer
from .config import DEFAULT_PORT, ENV_SERVE_PASSWORD, ENV_SERVE_USER, ServeConfig
from .library import all_queries, bind, load
from .protocol import BadRequest, make_job, protocol_params
from .workers import WorkerPool

EXPOSED = ["X-Parley-Rows", "X-Parley-Truncated", "X-Parley-Max-Rows"]


def to_response(ans: Answer, config: ServeConfig, download: str | None = None) -> Response:
    """An :class:`Answer` as an HTTP response with Parley's row headers."""
    headers = {"X-Parley-Rows": str(ans.count)}
    if ans.truncated:
        headers.update({"X-Parley-Truncated": "true", "X-Parley-Max-Rows": str(config.max_rows)})
    if download and ans.status == 200:
        headers["Content-Disposition"] = f'attachment; filename="{download}"'
    return Response(ans.body, status_code=ans.status, media_type=ans.media_type, headers=headers)


def _error(status: int, message: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status)


def _download_name(fmt: str | None, stem: str = "results") -> str | None:
    return f"{stem}.{fmt}" if fmt else None


async def sparql(request: Request) -> Response:
    config: ServeConfig = request.app.state.config
    try:
        pairs = await protocol_params(request)
        job = make_job(pairs, request.headers.get("accept"), config)
    except BadRequest as exc:
        return _error(exc.status, str(exc))
    if job.update:
        if not config.allow_update:
            return _error(403, "this endpoint is read-only: updates are refused (start parley serve with --allow-update)")
        if request.method != "POST":
            return _error(405, "send SPARQL updates with POST")
    ans = await request.app.state.pool.run(job)
    return to_response(ans, config, _download_name(dict(pairs).get("format")))


async def list_queries(request: Request) -> Response:
    return JSONResponse([{"name": q.name, "title": q.title, "description": q.description,
                          "params": [{"name": p.name, "default": p.default, "required": p.required, "doc": p.doc}
                                     for p in q.params]} for q in all_queries()])


async def named_query(request: Request) -> Response:
    """``/queries/NAME?PARAM=VALUE&format=csv``: a named query with bound parameters."""
    config: ServeConfig = request.app.state.config
    name = request.path_params["name"]
    params = {k: v for k, v in request.query_params.items() if k != "format"}
    fmt = request.query_params.get("format")
    try:
        text = bind(load(name), params)
        job = make_job([("query", text)] + ([("format", fmt)] if fmt else []), request.headers.get("accept"),
                       config, normalize=True)
    except ParleyError as exc:
        return _error(404 if "no query named" in str(exc) else 400, str(exc))
    except BadRequest as exc:
        return _error(exc.status, str(exc))
    return to_response(await request.app.state.pool.run(job), config, _download_name(fmt, name))


class BasicAuth:
    """Plain ASGI middleware: HTTP Basic credentials from the environment, checked in constant time."""

    def __init__(self, app, user: str, password: str) -> None:
        self.app = app
        self.expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("method") != "OPTIONS":
            given = dict(scope.get("headers") or []).get(b"authorization", b"").decode("latin-1")
            if not secrets.compare_digest(given, self.expected):
                response = PlainTextResponse("wrong or missing credentials (HTTP Basic)\n", status_code=401,
                                             headers={"WWW-Authenticate": 'Basic realm="parley"'})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(store_dir: Path | str | ServeConfig, **settings) -> Starlette:
    """The Starlette app serving the store at ``store_dir`` (settings as in :class:`ServeConfig`).

    The worker pool starts with the app's lifespan (``with TestClient(app)``
    or uvicorn); ``app.state.pool`` exposes it.
    """
    from .page import index

    config = store_dir if isinstance(store_dir, ServeConfig) else ServeConfig(Path(store_dir), **settings)
    pool = WorkerPool(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                             allow_headers=["*"], expose_headers=EXPOSED)]
    user = os.environ.get(ENV_SERVE_USER)
    if user:
        middleware.append(Middleware(BasicAuth, user=user, password=os.environ.get(ENV_SERVE_PASSWORD, "")))
    routes = [
        Route("/", index, methods=["GET", "POST"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", list_queries),
        Route("/queries/{name}", named_query),
        Mount("/views", StaticFiles(directory=str(config.views), html=True, check_dir=False), name="views"),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.config, app.state.pool = config, pool
    return app


def _preflight(config: ServeConfig) -> None:
    """Open and close the store once, so a bad --store fails with one line before the server starts."""
    from ..graph.store import GraphStore

    store = GraphStore(config.store, read_only=not config.allow_update)
    del store
    gc.collect()


def run_server(config: ServeConfig, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> int:
    """Serve until interrupted (``parley serve``)."""
    import uvicorn

    _preflight(config)
    print(f"serving {config.store} at http://{host}:{port}/ (SPARQL endpoint /sparql; "
          f"{'read-write' if config.allow_update else 'read-only'}; Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")
    return 0
