"""Compact JSON-LD with the ``@context`` shipped in ``ontology/context.jsonld``.

Oxigraph's JSON-LD serializer writes expanded-style JSON-LD with prefixes
only; it does not compact to term names.  So the triples are serialized to
N-Quads by Oxigraph and compacted by pyLD (the reference JSON-LD
implementation for Python) with the shipped context.  The context is
embedded in the output, so no network access is needed to read it.

Output is deterministic: the input N-Quads are sorted, ``@graph`` is sorted
by ``@id`` and keys are sorted.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Iterable

import pyoxigraph as ox

from ..errors import DataError
from ..ontology.resources import data_path
from .rdf import serialize


@lru_cache(maxsize=1)
def context() -> dict:
    """The compact ``@context`` object shipped with the ontology."""
    path = data_path("context.jsonld")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return doc["@context"]
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"{path}: not a JSON-LD context file ({exc}); reinstall Parley") from None


def _key(node: dict) -> str:
    return str(node.get("@id", ""))


def to_jsonld(triples: Iterable[ox.Triple]) -> bytes:
    """Serialize ``triples`` (a default graph) as compact, deterministic JSON-LD."""
    from pyld import jsonld

    nquads = serialize(triples, "ntriples").decode("utf-8")
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
    ctx = context()
    compacted = jsonld.compact(expanded, {"@context": ctx}, {"graph": True})
    graph = compacted.get("@graph", [])
    if not isinstance(graph, list):
        graph = [graph]
    doc = {"@context": ctx, "@graph": sorted(graph, key=_key)}
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
