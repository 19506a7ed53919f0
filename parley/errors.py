"""One error root for Parley.

Every error Parley raises on purpose derives from :class:`ParleyError`; its
``str()`` is a single line saying what is wrong and how to mend it.  Only the
CLI (``parley.cli``) turns these into messages and exit codes.
"""
from __future__ import annotations


class ParleyError(Exception):
    """Root of every error Parley raises on purpose."""

    exit_code = 1


class InputError(ParleyError):
    """An article, manifest or path the user gave cannot be used."""

    exit_code = 2


class DataError(ParleyError):
    """A packaged or user-supplied data file (ontology, rules, reference) is invalid."""

    exit_code = 3


class ValidationError(ParleyError):
    """A built graph violates the SHACL shapes or the ontology's axioms."""

    exit_code = 4


class QueryError(ParleyError):
    """A SPARQL query is malformed, unknown or failed."""

    exit_code = 5


class StoreError(ParleyError):
    """The triple store (embedded or remote) cannot be opened or written."""

    exit_code = 6


class EndpointError(StoreError):
    """A remote SPARQL endpoint is unreachable, refused the request, or failed."""

    exit_code = 7
