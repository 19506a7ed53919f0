"""Overview: the semantic graph aggregated to one node per actor, negotiation and place.

Rounds, amounts, stances and statements are not drawn; they become the
weight of the edges between the entities they link (a round links its
negotiation and its venue, a demand links who demands and of whom).  Only
the :data:`TOP` entities with the most evidence are drawn, with a note
saying how many were left out.
"""
from __future__ import annotations

from .common import label_of, ACTOR_TYPES, View, edge, node, node_info, note_left_out
from .data import ViewData
from .provenance import merge
from ..graphml import local_name

OVERVIEW_TYPES = (*ACTOR_TYPES, "Negotiation", "Place")
TOP = 150


def entities(data: ViewData, k: int, types: tuple[str, ...] = OVERVIEW_TYPES) -> tuple[list[str], dict[str, int], int]:
    """The ``k`` entities of ``types`` with the most evidence, their counts, and how many there are."""
    limit = max(2000, 20 * k)
    top = data.top_evidence(limit)
    kinds = data.types([i for i, _ in top])
    ranked = [(i, n) for i, n in top if kinds.get(i) in types]
    total = len(ranked) if len(top) < limit else data.count_evidenced(types)
    chosen = ranked[:k]
    return [i for i, _ in chosen], dict(chosen), total


def build(data: ViewData, k: int = TOP) -> View:
    view = View("overview", "Overview", "overview",
                "Actors, negotiations and places; an edge's width is the number of facts that link the two.")
    chosen, counts, total = entities(data, k)
    if not chosen:
        view.notes.append("No entity with evidence in the store yet: build some articles first.")
        return view
    g = data.graph(chosen)
    links: dict[tuple[str, str], dict] = {}
    for key, (n, first, last) in data.skeleton.facts_linking(chosen).items():
        links[key] = {"n": n, "facts": {first, last}, "relations": set()}
    for s, p, o in data.skeleton.between(chosen):
        a, b = sorted((s, o))
        entry = links.setdefault((a, b), {"n": 0, "facts": set(), "relations": set()})
        entry["relations"].add(local_name(p))
        entry["facts"].add(s)
        entry["n"] += 1
    prov = data.provenance(set(chosen) | {f for v in links.values() for f in v["facts"]})
    for i in sorted(chosen):
        if i in g:
            attrs = g.nodes[i]
            view.nodes.append(node(i, label_of(attrs), attrs["type"], prov.get(i), node_info(attrs), weight=counts[i]))
    for (a, b), v in sorted(links.items()):
        if a not in g or b not in g:
            continue
        relation = ", ".join(sorted(v["relations"])) or "linked by facts"
        facts = v["n"]
        view.edges.append(edge(a, b, "", merge((prov.get(f) for f in sorted(v["facts"])), total=facts),
                               weight=facts, arrows="", info={"relation": relation, "supporting facts": str(facts)}))
    note = note_left_out(len(view.nodes), total, "entities with evidence")
    if note:
        view.notes.append(note)
    return view

