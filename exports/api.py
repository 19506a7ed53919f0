"""Export a Parley store to a file format: the Python API behind ``parley export``."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, StoreError
from .rdf import QUAD_FORMATS, atomic_write, store_bytes

EXPORT_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "graphml", "csv")


def export(store, fmt: str, out: Path | str | None = None) -> bytes:
    """Serialize a Parley store in ``fmt`` and return the bytes (and write them to ``out`` if given).

    ``store`` is a :class:`parley.graph.store.GraphStore` or the path of a
    store folder (opened read-only; :class:`~parley.errors.StoreError` if it
    is missing).  ``fmt`` is one of :data:`EXPORT_FORMATS`:

    * ``turtle``, ``ntriples``: the union of the data graphs as one default graph;
    * ``trig``, ``nquads``: the named graphs (one per article, plus ontology
      and reference) as stored;
    * ``jsonld``: the union, compacted with ``ontology/context.jsonld``;
    * ``graphml``: the semantic graph (actors, agreements, rounds, …; no
      provenance nodes) for Gephi/Cytoscape, see :mod:`parley.exports.graphml`;
    * ``csv``: one file per named query in the folder ``out`` (required), see
      :mod:`parley.exports.csvexport`; the bytes returned list the files written.

    Output is deterministic: the same store gives byte-identical files.  A
    file at ``out`` is written atomically (temporary name, then rename).
    """
    from ..graph.store import GraphStore

    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if not isinstance(store, GraphStore):
        store = GraphStore(Path(store), read_only=True)
    if fmt == "csv":
        from .csvexport import write_csv

        return "".join(f"{p}\n" for p in write_csv(store, out)).encode("utf-8")
    if fmt in QUAD_FORMATS:
        data = store_bytes(store, fmt)
    elif fmt == "jsonld":
        from .jsonld import to_jsonld

        data = to_jsonld(store.triples())
    elif fmt == "graphml":
        from .graphml import to_graphml

        data = to_graphml(store.triples())
    else:
        data = store_bytes(store, fmt)
    if out is not None:
        out = Path(out)
        if out.is_dir():
            raise InputError(f"{out}: is a folder; give a file name to --out")
        try:
            atomic_write(out, lambda tmp: tmp.write_bytes(data))
        except OSError as exc:
            raise StoreError(f"{out}: cannot write the export ({exc.strerror or exc})") from None
    return data
