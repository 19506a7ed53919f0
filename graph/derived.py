"""Per-node provenance summaries, derived from the evidence at build time.

Every fact and entity links to its evidence records, and each record to its
article and sentence.  Reporting a node's sources means walking those links
(``?x parley:evidence/parley:article/parley:articleId``): a few steps per
record, ~5 µs each on disk, so listing the sources of every amount on a
1M-triple store walked 100,000 records and took seconds, and ranking a
hub's neighbours by evidence on 10,000 articles took longer than the view.

So a build stores what every reader asks for once, as plain literals in
the named graph ``id:graph/derived`` (and in the default graph that queries
read), all sub-properties of ``parley:summary``:

- ``parley:sourceIds``: the sorted, space-separated ids of the articles
  that attest the node (for an actor, also those of the facts it takes part
  in: as actor, speaker, holder or party; not as the subject of a figure);
- ``parley:evidenceCount``: its evidence records; ``parley:mentionCount``:
  an entity's mentions;
- ``parley:evidenceText`` (amounts, stances): the distinct evidence
  sentences, sorted, joined by `` | ``;
- ``parley:claimants`` (amounts): who claims it, as written, joined by ``; ``;
- ``parley:firstReported`` (amounts): the earliest publication date of the
  articles that report it;
- ``parley:factCount`` (articles): the facts an article supports;
- ``parley:reportedVenue`` (rounds whose articles name several venues): the
  venue reported with the most advanced status (read per article graph).

They are recomputed from the article graphs after every change (the queries
are in ``derive_data/``), never edited by hand, and are the same on every
run for the same articles, so ``graph.ttl`` stays byte-identical.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from ..ontology.vocab import ID, P

DERIVED_GRAPH = ox.NamedNode(ID + "graph/derived")
SOURCES_SEPARATOR, TEXT_SEPARATOR, CLAIMANT_SEPARATOR = " ", " | ", "; "

Query = Callable[[str], Iterable]


@lru_cache(maxsize=None)
def _sparql(name: str) -> str:
    return resources.files("parley.graph").joinpath("derive_data", f"{name}.rq").read_text(encoding="utf-8")


def summaries(query: Query) -> Iterator[ox.Triple]:
    """The summary triples of a dataset, in a stable order.

    ``query`` runs SPARQL over the dataset's default graph (the union of the
    article graphs in a Parley store; a plain graph elsewhere).  Sources
    follow each record's ``parley:article``, not the graph it is stored in.
    """
    ids = {row["art"]: row["id"].value for row in query(_sparql("article-ids"))}
    evidence: dict[ox.Term, int] = defaultdict(int)
    mentions: dict[ox.Term, int] = defaultdict(int)
    sources: dict[ox.Term, set[str]] = defaultdict(set)
    for name, counts in (("evidence", evidence), ("mentions", mentions)):
        for row in query(_sparql(name)):
            counts[row["s"]] += int(row["n"].value)
            if row["art"] in ids:
                sources[row["s"]].add(ids[row["art"]])
    taking_part: dict[ox.Term, set[str]] = defaultdict(set)
    for row in query(_sparql("participants")):
        taking_part[row["a"]].update(sources.get(row["f"], ()))
    for actor, found in taking_part.items():
        if found:
            sources[actor].update(found)
    texts = _grouped(query(_sparql("evidence-text")), "text")
    claimants = _grouped(query(_sparql("claimants")), "claimant")
    first: dict[ox.Term, ox.Literal] = {}
    for row in query(_sparql("first-reported")):
        if row["s"] not in first or row["published"].value < first[row["s"]].value:
            first[row["s"]] = row["published"]
    facts = {row["art"]: int(row["n"].value) for row in query(_sparql("facts"))}
    venues = _reported_venues(query)

    for node in sorted(sources.keys() | evidence.keys() | texts.keys() | claimants.keys() | first.keys() | facts.keys(),
                       key=str):
        if sources.get(node):
            yield ox.Triple(node, P.sourceIds, ox.Literal(SOURCES_SEPARATOR.join(sorted(sources[node]))))
        if evidence.get(node):
            yield ox.Triple(node, P.evidenceCount, _integer(evidence[node]))
        if mentions.get(node):
            yield ox.Triple(node, P.mentionCount, _integer(mentions[node]))
        if texts.get(node):
            yield ox.Triple(node, P.evidenceText, ox.Literal(TEXT_SEPARATOR.join(sorted(texts[node]))))
        if claimants.get(node):
            yield ox.Triple(node, P.claimants, ox.Literal(CLAIMANT_SEPARATOR.join(sorted(claimants[node]))))
        if node in first:
            yield ox.Triple(node, P.firstReported, first[node])
        if node in facts:
            yield ox.Triple(node, P.factCount, _integer(facts[node]))
    for node in sorted(venues, key=str):
        yield ox.Triple(node, P.reportedVenue, ox.Literal(venues[node]))


STATUS_RANK = {"concluded": 0, "broken_off": 1, "held": 2, "planned": 3}


def _reported_venues(query: Query) -> dict[ox.Term, str]:
    """The venue label of each round whose articles name several venues: the one reported with the most
    advanced status, then the first by name.  Read per article graph; none where the dataset has none."""
    found: dict[ox.Term, set[tuple[int, str]]] = defaultdict(set)
    for row in query(_sparql("round-venues")):
        status = row["status"].value if row["status"] is not None else ""
        found[row["r"]].add((STATUS_RANK.get(status, len(STATUS_RANK)), row["label"].value))
    return {r: min(v)[1] for r, v in found.items() if len({label for _, label in v}) > 1}


def _grouped(rows: Iterable, var: str) -> dict[ox.Term, set[str]]:
    out: dict[ox.Term, set[str]] = defaultdict(set)
    for row in rows:
        out[row["s"]].add(row[var].value)
    return out


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
