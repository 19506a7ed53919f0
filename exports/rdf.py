"""RDF writers: Turtle, TriG, N-Triples, N-Quads and JSON-LD, by Oxigraph's serializers.

Output is deterministic: triples are sorted before writing and no blank
nodes exist, so the same dataset always gives byte-identical files.  Files
are written to a temporary name and renamed, so a failed run never leaves a
partial file behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

from ..ontology.vocab import PREFIXES

RDF_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "trig": (ox.RdfFormat.TRIG, ".trig"),
    "nquads": (ox.RdfFormat.N_QUADS, ".nq"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
    "rdfxml": (ox.RdfFormat.RDF_XML, ".rdf"),
}
QUAD_FORMATS = {"trig", "nquads"}


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` then rename ``tmp`` to ``path``; remove ``tmp`` on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prefixes(fmt: str) -> dict[str, str] | None:
    """Prefixes for the formats that abbreviate IRIs with them."""
    return PREFIXES if fmt in {"turtle", "trig", "rdfxml"} else None


def sort_key(t: ox.Triple | ox.Quad) -> tuple[str, ...]:
    if isinstance(t, ox.Quad):
        return (str(t.graph_name), str(t.subject), str(t.predicate), str(t.object))
    return (str(t.subject), str(t.predicate), str(t.object))


def serialize(items: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: str) -> bytes:
    """Serialize sorted triples (or quads for trig/nquads) in ``fmt``."""
    rdf_format, _ = RDF_FORMATS[fmt]
    data = sorted(items, key=sort_key)
    return ox.serialize(data, format=rdf_format, prefixes=_prefixes(fmt))


def _sorted_serialize(data: bytes | Iterable[ox.Quad], fmt: str, out=None) -> bytes | None:
    """Serialize items already in ``sort_key`` order: sorted N-Triples bytes (triple formats) or quads.

    Parsing and writing stream, so the order is kept and no Python object
    per triple is held; N-Triples go out as they are.
    """
    if fmt == "ntriples" and isinstance(data, bytes):
        if out is None:
            return data
        out.write(data)
        return None
    rdf_format, _ = RDF_FORMATS[fmt]
    items = ox.parse(data, format=ox.RdfFormat.N_TRIPLES) if isinstance(data, bytes) else data
    return ox.serialize(items, out, format=rdf_format, prefixes=_prefixes(fmt))


def write_sorted(path: Path, data: bytes | Iterable[ox.Quad], fmt: str) -> Path:
    """Write ``GraphStore.sorted_ntriples()`` (or ``sorted_quads()`` for TriG/N-Quads) as ``fmt``, streaming."""
    def write(tmp: Path) -> None:
        with tmp.open("wb") as out:
            _sorted_serialize(data, fmt, out)

    atomic_write(path, write)
    return path


def store_bytes(store, fmt: str) -> bytes:
    """A :class:`GraphStore` serialized in ``fmt`` (quad formats: per article graph), in ``sort_key`` order.

    The same bytes as ``serialize(store.triples() or store.quads(), fmt)``,
    without sorting Python term objects: a million triples cost their text.
    """
    return _sorted_serialize(store.sorted_quads() if fmt in QUAD_FORMATS else store.sorted_ntriples(), fmt)


def write_rdf(path: Path, items: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: str) -> Path:
    data = serialize(items, fmt)
    atomic_write(path, lambda tmp: tmp.write_bytes(data))
    return path
