"""Provenance shown in the views' tooltips: a few evidence records per node or edge, and a total.

A tooltip shows the :data:`PROVENANCE_SHOWN` newest of a node's evidence
records: all of them when it has at most :data:`HEAVY`, else of a sample of
:data:`HEAVY` (the first in the store's order, read through a ``LATERAL``
subquery with a ``LIMIT``, Oxigraph's SPARQL extension), so an entity named
in 10,000 articles costs the same as one named in 5, and all nodes of a
view cost one query instead of one each.

Reading a whole record (sentence, claimant, the article's title, publisher
and URL) costs about a dozen index lookups, and most sampled records are
never shown.  So the sample is read with only what orders it (the
article's date and id), and whole records only for the candidates:
the newest few and whatever ties with them.  The sample's dates and
article ids come from the article IRIs (:meth:`ViewData.article_key`).
"""
from __future__ import annotations

from collections import defaultdict
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


def read(chunked: Callable[..., list[dict]], counts: dict[str, int],
         article_key: Callable[[str], tuple[str, str]]) -> dict[str, Provenance]:
    """Provenance of the nodes in ``counts`` (IRI → evidence count): newest records first.

    ``chunked(name, iris, **subs)`` runs a view query over ``iris`` in
    ``VALUES`` blocks (:meth:`ViewData.chunked`); ``article_key(IRI)`` gives
    an article's date and id (:meth:`ViewData.article_key`).
    """
    light = [i for i, n in counts.items() if 0 < n <= HEAVY]
    heavy = [i for i, n in counts.items() if n > HEAVY]
    sample: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # node → record → (newest first, article)
    for r in chunked("evidence-sample", light, limit=str(10 ** 9)) + chunked("evidence-sample", heavy, limit=str(HEAVY)):
        published, article = article_key(r["art"].value)
        key = (_neg(published), article)
        found = sample[r["s"].value]
        found[r["ev"].value] = min(found.get(r["ev"].value, key), key)
    ordered = {s: sorted(evs, key=lambda ev: (evs[ev], ev)) for s, evs in sample.items()}
    wanted = {s: PROVENANCE_SHOWN for s in ordered}
    records: dict[str, list[Evidence]] = {}
    shown: dict[str, list[Evidence]] = {}
    while wanted:
        chosen = {s: _candidates(ordered[s], sample[s], n) for s, n in wanted.items()}
        todo = {ev for evs in chosen.values() for ev in evs} - records.keys()
        for ev in todo:
            records[ev] = []
        for r in chunked("evidence-records", todo):
            records[r["ev"].value].append(Evidence(**{k: _text(r[k]) for k in FIELDS}))
        wanted = {}
        for s, evs in chosen.items():
            distinct = {e for ev in evs for e in records[ev]}
            if len(distinct) < PROVENANCE_SHOWN and len(evs) < len(ordered[s]):
                wanted[s] = len(evs) + PROVENANCE_SHOWN - len(distinct)  # records that repeat one another: read on
            shown[s] = sorted(distinct, key=lambda e: (_neg(e.published), e.article, e.sentence, e.claimant))
    return {s: Provenance(evs[:PROVENANCE_SHOWN], counts.get(s, len(evs))) for s, evs in shown.items() if evs}


def _candidates(ordered: list[str], keys: dict[str, tuple[str, str]], n: int) -> list[str]:
    """The first ``n`` of ``ordered`` records and those tied with the last of them: no record after them
    can come before them once sentence and claimant break the ties."""
    if len(ordered) <= n:
        return ordered
    cut = keys[ordered[n - 1]]
    return [ev for ev in ordered if keys[ev] <= cut]


def _text(term) -> str:
    return "" if term is None else term.value


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
