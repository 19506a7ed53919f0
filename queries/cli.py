"""``parley queries``, ``parley query``, ``parley push`` and ``parley serve``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import QueryError

DEFAULT_STORE = Path("parley-store")


def _queries(args: argparse.Namespace) -> int:
    from .library import all_queries

    qs = all_queries()
    width = max(len(q.name) for q in qs)
    for q in qs:
        params = ", ".join(f"{p.name}" + ("" if p.required else f'="{p.default}"') for p in q.params)
        print(f"{q.name.ljust(width)}  {q.title}" + (f"  [params: {params}]" if params else ""))
    return 0


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: write --param NAME=VALUE")
        params[name.strip()] = value
    return params


def _query(args: argparse.Namespace) -> int:
    from .library import load, load_file, parse
    from .runner import format_result, run

    target = args.name
    if target == "-":
        query = parse(sys.stdin.read(), "stdin")
    elif target.endswith(".rq") or Path(target).is_file() or "/" in target:
        query = load_file(target)
    else:
        query = load(target)
    params = _parse_params(args.param)
    result = run(_open(args), query, params)
    if len(result) == 0:
        print("no rows", file=sys.stderr)
        if args.format in ("csv", "tsv", "json") and result.kind == "select":
            sys.stdout.write(format_result(result, args.format))
        return 0
    sys.stdout.write(format_result(result, args.format))
    return 0


def _open(args: argparse.Namespace):
    """The store to query: the remote endpoint if given, else the embedded store."""
    if args.endpoint:
        from .endpoint import RemoteStore

        return RemoteStore(args.endpoint, timeout=args.timeout)
    from ..graph.store import GraphStore

    return GraphStore(args.store or DEFAULT_STORE, read_only=True)


def _push(args: argparse.Namespace) -> int:
    from .remote import push

    counts = push(args.store, args.endpoint, batch=args.batch, default_graph=args.default_graph,
                  method=args.method, prune=not args.no_prune, timeout=args.timeout,
                  update_url=args.update_endpoint, store_url=args.store_endpoint)
    default = f" + default graph ({counts['default_triples']} triples)" if args.default_graph == "union" else ""
    print(f"pushed {counts['graphs']} named graphs ({counts['quads']} quads){default} to {args.endpoint} "
          f"via {counts['method']} in {counts['requests']} requests, {counts['seconds']} s; "
          f"removed {counts['removed']} stale graphs")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .config import ServeConfig
    from .serve import run_server

    if args.timeout <= 0 or args.max_rows < 1 or args.workers < 1:
        raise QueryError("--timeout must be above 0, --max-rows and --workers 1 or more")
    config = ServeConfig(args.store, timeout=args.timeout, max_rows=args.max_rows, allow_update=args.allow_update,
                         views=args.views, workers=args.workers)
    return run_server(config, host=args.host, port=args.port)


def _register_push(sub: argparse._SubParsersAction) -> None:
    from .endpoint import DEFAULT_TIMEOUT
    from .remote import DEFAULT_BATCH, DEFAULT_GRAPH_MODES, METHODS

    p = sub.add_parser("push", help="load the built dataset (named graphs kept) into a remote SPARQL server")
    p.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=f"store location (default {DEFAULT_STORE})")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="server base URL (Oxigraph: http://127.0.0.1:7878) or its query/update service URL")
    p.add_argument("--batch", type=int, default=DEFAULT_BATCH, metavar="N", help=f"triples per request (default {DEFAULT_BATCH})")
    p.add_argument("--default-graph", choices=DEFAULT_GRAPH_MODES, default="union",
                   help="union: also write the union of all graphs as the default graph (default); "
                        "none: for servers whose default graph already is the union")
    p.add_argument("--method", choices=METHODS, default="auto",
                   help="gsp (Graph Store Protocol), update (SPARQL Update) or auto: gsp when its URL is known")
    p.add_argument("--store-endpoint", metavar="URL", help="Graph Store Protocol URL, if not the base URL's /store")
    p.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update URL, if not derived from --endpoint")
    p.add_argument("--no-prune", action="store_true", help="keep Parley graphs on the server that the store no longer has")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S", help=f"seconds to wait for each answer (default {DEFAULT_TIMEOUT:g})")
    p.set_defaults(func=_push)


def _register_serve(sub: argparse._SubParsersAction) -> None:
    from .config import DEFAULT_MAX_ROWS, DEFAULT_PORT, DEFAULT_TIMEOUT, DEFAULT_WORKERS

    s = sub.add_parser("serve", help="a SPARQL 1.1 endpoint (/sparql) and a query page (/) over the store")
    s.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=f"store location (default {DEFAULT_STORE})")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N", help=f"port (default {DEFAULT_PORT})")
    s.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"stop a query after S seconds (default {DEFAULT_TIMEOUT:g})")
    s.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS, metavar="N",
                   help=f"return at most N rows or triples per query (default {DEFAULT_MAX_ROWS})")
    s.add_argument("--allow-update", action="store_true", help="accept SPARQL Update (read-only without it)")
    s.add_argument("--views", type=Path, default=Path("out"), metavar="DIR",
                   help="folder of network views served at /views/ (default out)")
    s.add_argument("--workers", type=int, default=DEFAULT_WORKERS, metavar="N",
                   help=f"query worker processes (default {DEFAULT_WORKERS}; 1 with --allow-update)")
    s.set_defaults(func=_serve)


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("queries", help="list the named SPARQL queries")
    q.set_defaults(func=_queries)

    r = sub.add_parser("query", help="run a named query, a .rq file or - (stdin) on the store")
    r.add_argument("name", metavar="NAME|FILE.rq|-", help="a named query (see 'parley queries'), a file, or - for stdin")
    r.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="bind a query parameter; repeatable")
    where = r.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, default=None, metavar="DIR", help=f"store location (default {DEFAULT_STORE})")
    where.add_argument("--endpoint", metavar="URL",
                       help="query a SPARQL 1.1 server instead: its query URL or an Oxigraph base URL "
                            "(credentials from PARLEY_ENDPOINT_USER / PARLEY_ENDPOINT_PASSWORD)")
    r.add_argument("--timeout", type=float, default=60.0, metavar="S", help="with --endpoint: seconds to wait (default 60)")
    r.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table", help="output format (default table)")
    r.set_defaults(func=_query)
    _register_push(sub)
    _register_serve(sub)
