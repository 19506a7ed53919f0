"""A remote SPARQL 1.1 server: where its services are, and how to talk to them.

:func:`resolve` turns what the user passed to ``--endpoint`` into the three
service URLs (query, update, Graph Store Protocol).  :class:`RemoteStore`
sends queries with SPARQLWrapper and hands back pyoxigraph results, so the
embedded and the remote store share one runner (:mod:`.runner`) and give
rows that compare equal.  Graph Store Protocol requests go through
``urllib`` (SPARQLWrapper does not speak GSP).

Credentials come only from the environment (``PARLEY_ENDPOINT_USER``,
``PARLEY_ENDPOINT_PASSWORD``), never from the command line, where they
would end up in shell history and process lists.  Every failure becomes an
:class:`~parley.errors.EndpointError` naming the URL, the HTTP status and
the first line of the server's answer.
"""
from __future__ import annotations

import ast
import base64
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sx

from ..errors import EndpointError

ENV_USER = "PARLEY_ENDPOINT_USER"
ENV_PASSWORD = "PARLEY_ENDPOINT_PASSWORD"
DEFAULT_TIMEOUT = 60.0

# SPARQLWrapper turns these statuses into its own exception classes
_STATUS = {sx.QueryBadFormed: 400, sx.Unauthorized: 401, sx.EndPointNotFound: 404,
           sx.URITooLong: 414, sx.EndPointInternalError: 500}
_HINT = {
    400: "the server rejected the request",
    401: f"check {ENV_USER} / {ENV_PASSWORD}",
    403: f"the server refused: check {ENV_USER} / {ENV_PASSWORD} and whether it accepts this operation",
    404: "no SPARQL service at this URL; check --endpoint (see 'parley query --help')",
    405: "this URL does not accept the request; pass the right service URL",
    503: "the server is busy or stopped the request (timeout?)",
}


@dataclass(frozen=True)
class Endpoint:
    """The service URLs of one SPARQL server; ``store`` (GSP) may be unknown."""

    query: str
    update: str
    store: str | None = None


def resolve(url: str, update: str | None = None, store: str | None = None) -> Endpoint:
    """Service URLs from ``--endpoint`` (and optional explicit overrides).

    * a base URL with no path (``http://127.0.0.1:7878``): Oxigraph's layout,
      ``/query``, ``/update`` and ``/store``;
    * a URL ending in ``/query`` (Oxigraph, Fuseki ``/ds/query``): updates go
      to the sibling ``/update``; the Graph Store Protocol URL is the sibling
      ``/store`` only for Oxigraph, so it stays unknown unless given;
    * anything else (``/sparql``, Fuseki's ``/ds``, GraphDB's
      ``/repositories/NAME``, QLever): one URL for queries and updates.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"--endpoint {url!r}: give an http:// or https:// URL, e.g. http://127.0.0.1:7878")
    path = parts.path.rstrip("/")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    if not path:
        ep = Endpoint(base + "/query", base + "/update", base + "/store")
    elif path.endswith("/query"):
        ep = Endpoint(url, base + path[: -len("/query")] + "/update", None)
    else:
        ep = Endpoint(url, url, None)
    return Endpoint(ep.query, update or ep.update, store or ep.store)


def credentials() -> tuple[str, str] | None:
    """``(user, password)`` from the environment, or None when no user is set."""
    user = os.environ.get(ENV_USER)
    return (user, os.environ.get(ENV_PASSWORD, "")) if user else None


def http_error(url: str, status: int, body: bytes | str | None) -> EndpointError:
    """A one-line error: URL, status, what the server said, what to do."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else (body or "")
    said = next((line.strip() for line in text.splitlines() if line.strip()), "")
    said = f": {said[:300]}" if said else ""
    hint = _HINT.get(status, "the server failed")
    err = EndpointError(f"{url}: HTTP {status}{said} ({hint})")
    err.status = status  # type: ignore[attr-defined]
    return err


def unreachable(url: str, reason: object, timeout: float) -> EndpointError:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return EndpointError(f"{url}: no answer within {timeout:g} s; is the server overloaded? raise --timeout")
    return EndpointError(f"{url}: cannot reach the server ({reason}); is it running? check --endpoint")


def _wrapper_body(exc: sx.SPARQLWrapperException) -> bytes:
    """The server's answer that SPARQLWrapper folded into its exception message."""
    _, sep, raw = str(exc).partition("Response:\n")
    try:
        return ast.literal_eval(raw) if sep else b""
    except (ValueError, SyntaxError):
        return raw.encode()


class RemoteStore:
    """Runs SPARQL on a remote server; ``query()`` answers like pyoxigraph's ``Store.query``."""

    def __init__(self, endpoint: Endpoint | str, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.endpoint = resolve(endpoint) if isinstance(endpoint, str) else endpoint
        self.timeout = timeout

    def _wrapper(self, url: str, text: str) -> SPARQLWrapper:
        sw = SPARQLWrapper(url)
        sw.setMethod(POST)  # form-encoded: no URL length limit
        sw.setTimeout(int(max(1, self.timeout)))
        creds = credentials()
        if creds:
            sw.setCredentials(*creds)
        sw.setQuery(text)
        return sw

    def _send(self, sw: SPARQLWrapper, url: str):
        try:
            return sw.query().response
        except sx.SPARQLWrapperException as exc:
            status = _STATUS.get(type(exc), 0)
            raise self._fail(url, status, _wrapper_body(exc), sw) from None
        except urllib.error.HTTPError as exc:
            raise self._fail(url, exc.code, exc.read(), sw) from None
        except (urllib.error.URLError, OSError) as exc:
            raise unreachable(url, getattr(exc, "reason", exc), self.timeout) from None

    def _fail(self, url: str, status: int, body: bytes, sw: SPARQLWrapper) -> Exception:
        if status == 400 and not sw.isSparqlUpdateRequest():
            try:  # the local parser gives the line and column; the runner formats it
                ox.Store().query(sw.queryString)
            except SyntaxError as exc:
                return exc
        return http_error(url, status, body)

    def query(self, text: str):
        """SELECT/ASK as ``QuerySolutions``/``QueryBoolean``; CONSTRUCT/DESCRIBE as a list of triples."""
        url = self.endpoint.query
        sw = self._wrapper(url, text)
        graph = sw.queryType in ("CONSTRUCT", "DESCRIBE")
        sw.setReturnFormat(TURTLE if graph else JSON)
        response = self._send(sw, url)
        body = response.read()
        media = (response.headers.get("Content-Type") or "").split(";")[0].strip()
        try:
            if graph:
                fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
                return list(ox.parse(body, format=fmt))
            fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
            return ox.parse_query_results(body, format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise EndpointError(f"{url}: the answer is not valid SPARQL results ({media or 'no content type'}: "
                                f"{str(exc).splitlines()[0]}); is this a SPARQL service URL?") from None

    def update(self, text: str) -> None:
        """Run a SPARQL Update on the update service."""
        url = self.endpoint.update
        self._send(self._wrapper(url, text), url).read()

    def graph_store(self, method: str, graph: str | None, body: bytes | None = None,
                    media: str = "application/n-triples") -> bytes:
        """One Graph Store Protocol request (``graph=None`` is the default graph)."""
        if not self.endpoint.store:
            raise EndpointError(f"{self.endpoint.query}: no Graph Store Protocol URL known; pass --store-endpoint "
                                "or push with --method update")
        query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
        url = self.endpoint.store + ("&" if "?" in self.endpoint.store else "?") + query
        req = urllib.request.Request(url, data=body, method=method)
        if body is not None:
            req.add_header("Content-Type", media)
        creds = credentials()
        if creds:
            token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode()
            req.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            raise http_error(self.endpoint.store, exc.code, exc.read()) from None
        except (urllib.error.URLError, OSError) as exc:
            raise unreachable(self.endpoint.store, getattr(exc, "reason", exc), self.timeout) from None
