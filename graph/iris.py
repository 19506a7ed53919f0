"""Deterministic IRIs: the same input always mints the same names."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from ..ontology.vocab import ID


def ascii_fold(text: str) -> str:
    """``"Brasília"`` -> ``"Brasilia"``: accents dropped (NFKD), other non-ASCII characters removed."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    """``"Kang Kyung-wha"`` -> ``"kang-kyung-wha"`` (ASCII, lower case, hyphens)."""
    norm = ascii_fold(text)
    norm = re.sub(r"[^A-Za-z0-9]+", "-", norm).strip("-").lower()
    return norm[:80] or "x" + hashlib.sha1(text.encode()).hexdigest()[:8]


def digest(*parts: object, n: int = 12) -> str:
    """Short stable hash of the parts (for fact nodes keyed by their content)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()
    return h[:n]


def mint(kind: str, *parts: str) -> str:
    """``mint("person", "Kang Kyung-wha")`` -> ``https://w3id.org/parley/id/person/kang-kyung-wha``."""
    return ID + kind + "/" + "--".join(slug(p) for p in parts)


def article_iri(article_id: str) -> str:
    return ID + "article/" + article_id


def graph_iri(article_id: str) -> str:
    return ID + "graph/article/" + article_id


def sentence_iri(article_id: str, index: int) -> str:
    return ID + f"article/{article_id}/sentence/{index}"


def evidence_iri(article_id: str, fact_iri: str, start: int, end: int) -> str:
    return ID + f"article/{article_id}/evidence/{digest(fact_iri, start, end)}"
