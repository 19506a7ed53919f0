"""The ``parley`` command: a thin layer over :mod:`parley.api`.

Only this module turns :class:`~parley.errors.ParleyError` into a one-line
message and an exit code; a user never sees a traceback for bad input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import ParleyError

DEFAULT_STORE = Path("parley-store")


def _build(args: argparse.Namespace) -> int:
    from .api import build

    report = build(args.paths, manifest=args.manifest, reference=args.reference, store=args.store,
                   out=args.out, jobs=args.jobs, validate=not args.no_validate, progress=sys.stderr.isatty(),
                   fresh=args.fresh)
    for p in report.problems:
        print(f"{'error' if p.fatal else 'warning'}: {p}", file=sys.stderr)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for v in report.violations[:20]:
        print(f"shacl: {v}", file=sys.stderr)
    if len(report.violations) > 20:
        print(f"shacl: … and {len(report.violations) - 20} more", file=sys.stderr)
    print(report.summary())
    if report.violations:
        print(f"error: the graph violates {len(report.violations)} SHACL constraint(s) listed above", file=sys.stderr)
        return 4
    if report.built + report.unchanged == 0:
        return 2
    return 0


def _check(args: argparse.Namespace) -> int:
    from .api import check

    check(store=args.store)
    print("consistent: HermiT found no contradiction between the graph and the ontology")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from .ontology.docs import write_docs

    path = write_docs(args.out)
    print(f"wrote {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="parley", description="Build a knowledge graph from news about negotiations.")
    ap.add_argument("--version", action="version", version=f"parley {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="read articles, extract facts, validate, store, write out/graph.ttl")
    b.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders (.txt, .html, .jsonl)")
    b.add_argument("--manifest", type=Path, help="CSV with file,publisher,published,url (default: manifest.csv in each folder)")
    b.add_argument("--reference", type=Path, action="append", default=[], metavar="FILE", help="extra reference entities (Turtle); repeatable")
    b.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=f"store location (default {DEFAULT_STORE})")
    b.add_argument("--out", type=Path, default=Path("out"), metavar="DIR", help="output folder (default out)")
    b.add_argument("--jobs", type=int, default=1, metavar="N", help="extraction processes (default 1)")
    b.add_argument("--fresh", action="store_true", help="empty the store first")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.set_defaults(func=_build)

    c = sub.add_parser("check", help="check the stored graph's consistency with the ontology (HermiT)")
    c.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR")
    c.set_defaults(func=_check)

    d = sub.add_parser("docs", help="write the ontology's HTML documentation (pyLODE)")
    d.add_argument("--out", type=Path, default=Path("out/ontology.html"), metavar="FILE")
    d.set_defaults(func=_docs)

    from .commands import register

    register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "jobs", 1) is not None and getattr(args, "jobs", 1) < 1:
        print("error: --jobs must be 1 or more", file=sys.stderr)
        return 2
    try:
        return args.func(args)
    except ParleyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
