"""``parley queries`` and ``parley query``."""
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
    from ..graph.store import GraphStore
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
    store = GraphStore(args.store, read_only=True)
    result = run(store, query, params)
    if len(result) == 0:
        print("no rows", file=sys.stderr)
        if args.format in ("csv", "tsv", "json") and result.kind == "select":
            sys.stdout.write(format_result(result, args.format))
        return 0
    sys.stdout.write(format_result(result, args.format))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("queries", help="list the named SPARQL queries")
    q.set_defaults(func=_queries)

    r = sub.add_parser("query", help="run a named query, a .rq file or - (stdin) on the store")
    r.add_argument("name", metavar="NAME|FILE.rq|-", help="a named query (see 'parley queries'), a file, or - for stdin")
    r.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="bind a query parameter; repeatable")
    r.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=f"store location (default {DEFAULT_STORE})")
    r.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table", help="output format (default table)")
    r.set_defaults(func=_query)
