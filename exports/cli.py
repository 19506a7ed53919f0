"""``parley export`` (Turtle, TriG, N-Quads, N-Triples, JSON-LD, GraphML, CSV) and ``parley view`` (HTML views)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .api import EXPORT_FORMATS, export

__all__ = ["register", "export"]


def _export(args: argparse.Namespace) -> int:
    data = export(args.store, args.format, out=args.out)
    if args.format == "csv":
        print(f"wrote {len(data.splitlines())} CSV files to {args.out}", file=sys.stderr)
    elif args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        print(f"wrote {args.out} ({len(data)} bytes, {args.format})", file=sys.stderr)
    return 0


def _view(args: argparse.Namespace) -> int:
    from .views import write_views

    result = write_views(args.store, args.out, focus=args.focus)
    print(f"wrote {result['index']} ({len(result['views'])} views in {args.out / 'views'})")
    if result["focus"]:
        print(f"focus: {args.out / 'views' / (result['focus'] + '.html')}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``parley export`` and ``parley view`` to the CLI's sub-commands."""
    e = sub.add_parser("export", help="write the stored graph as turtle, trig, nquads, ntriples, jsonld, graphml or csv")
    e.add_argument("--store", type=Path, default=Path("parley-store"), metavar="DIR",
                   help="store location (default parley-store), opened read-only")
    e.add_argument("--format", required=True, choices=EXPORT_FORMATS,
                   help="turtle/ntriples/jsonld: the union as one graph; trig/nquads: one named graph per article; "
                        "graphml: the semantic graph for Gephi/Cytoscape; csv: one file per named query in --out DIR")
    e.add_argument("--out", type=Path, metavar="FILE", help="output file (default: standard output); a folder for csv")
    e.set_defaults(func=_export)

    v = sub.add_parser("view", help="write offline HTML network views (overview, positions, negotiations, ego views)")
    v.add_argument("focus", nargs="?", metavar="FOCUS",
                   help="an entity's name, alias or IRI: also write its neighbourhood (depth 2)")
    v.add_argument("--store", type=Path, default=Path("parley-store"), metavar="DIR",
                   help="store location (default parley-store), opened read-only")
    v.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                   help="output folder (default out): index.html and views/")
    v.set_defaults(func=_view)
