"""CSV export: one file per named query (``queries/*.rq``), in the query's column order.

Each file is exactly what ``parley query NAME --format csv`` prints (same
runner, same formatter: header row, RFC 4180 quoting, CRLF line ends), so a
spreadsheet and a script see the same table.  Queries that need a parameter
(``sources-of``) have no file: they answer a question about one entity.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, StoreError
from ..queries.library import all_queries
from ..queries.runner import format_result, run
from .rdf import atomic_write


def csv_tables(store) -> dict[str, bytes]:
    """``{query name: CSV bytes}`` for every named query without a required parameter."""
    tables = {}
    for query in all_queries():
        if any(p.required for p in query.params):
            continue
        tables[query.name] = format_result(run(store, query, {}), "csv").encode("utf-8")
    return tables


def write_csv(store, out_dir: Path | str | None) -> list[Path]:
    """Write ``out_dir/NAME.csv`` for each table of :func:`csv_tables`; return the paths."""
    if out_dir is None:
        raise InputError("--format csv writes one file per named query; give a folder with --out DIR")
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: is a file; give a folder to --out for --format csv")
    paths = []
    try:
        for name, data in sorted(csv_tables(store).items()):
            path = folder / f"{name}.csv"
            atomic_write(path, lambda tmp, data=data: tmp.write_bytes(data))
            paths.append(path)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write the CSV files ({exc.strerror or exc})") from None
    return paths
