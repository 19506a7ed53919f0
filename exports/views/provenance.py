"""Provenance shown in the views' tooltips: a few evidence records per node or edge, and a total.

Nodes with few evidence records (at most :data:`HEAVY`) are read whole; a
node with more is read as a sample of :data:`HEAVY` records through a
``LATERAL`` subquery with a ``LIMIT`` (Oxigraph's SPARQL extension), so an
entity named in 10,000 articles costs the same as one named in 5, and all
heavy nodes of a view cost one query instead of one each.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

PROVENANCE_SHOWN = 3  # evidence records kept per node or edge
HEAVY = 12  # more evidence than this: read a sample of this many records
FIELDS = ("article", "sentence", "title", "publisher", "published", "url", "claimant")


@dataclass(frozen=True)
class Evidence:
    """One piece of provenance: what an article said, where and who claims it."""

    article: str
    sentence: str = ""
    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""
    claimant: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class Provenance:
    """The first few evidence records of a node or edge, and how many there are in all."""

    shown: list[Evidence] = field(default_factory=list)
    total: int = 0

    def as_dict(self) -> dict:
        return {"evidence": [e.as_dict() for e in self.shown], "total": self.total}


def read(chunked: Callable[..., list[dict]], counts: dict[str, int]) -> dict[str, Provenance]:
    """Provenance of the nodes in ``counts`` (IRI → evidence count): newest records first.

    ``chunked(name, iris, **subs)`` runs a view query over ``iris`` in
    ``VALUES`` blocks (:meth:`ViewData.chunked`).
    """
    light = [i for i, n in counts.items() if 0 < n <= HEAVY]
    heavy = [i for i, n in counts.items() if n > HEAVY]
    rows = chunked("provenance", light, limit=str(10 ** 9)) + chunked("provenance", heavy, limit=str(HEAVY))
    records: dict[str, set[Evidence]] = {}
    for r in rows:
        ev = Evidence(**{k: "" if r[k] is None else r[k].value for k in FIELDS})
        records.setdefault(r["s"].value, set()).add(ev)
    out: dict[str, Provenance] = {}
    for iri, evs in records.items():
        ordered = sorted(evs, key=lambda e: (_neg(e.published), e.article, e.sentence, e.claimant))
        out[iri] = Provenance(ordered[:PROVENANCE_SHOWN], counts.get(iri, len(evs)))
    return out


def merge(provs: Iterable[Provenance | None], total: int | None = None) -> Provenance:
    """One provenance for an aggregated edge: the first records of its facts, and a total."""
    shown: list[Evidence] = []
    n = 0
    for p in provs:
        if p is None:
            continue
        n += p.total
        shown += [e for e in p.shown if e not in shown]
    return Provenance(shown[:PROVENANCE_SHOWN], total if total is not None else n)


def _neg(date: str) -> str:
    """Sort key putting later ISO dates first (and undated last)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else "\U0010FFFF"
