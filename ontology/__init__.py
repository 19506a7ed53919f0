"""The Parley model: ontology, shapes, reference entities and extraction rules.

Everything here is data (``.ttl``, ``rules/*.jsonl``) loaded with
:mod:`importlib.resources`; the modules only load, validate and reason over it.
"""
from .vocab import ID, P, PREFIXES, ROLE, STANCE, STATUS, concept, iri

__all__ = ["ID", "P", "PREFIXES", "ROLE", "STANCE", "STATUS", "concept", "iri"]
