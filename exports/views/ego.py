"""Ego views: one entity and its neighbourhood to depth 2 in the semantic graph.

``parley view "South Korea"`` resolves the focus by label or alias
(case-insensitive; a full IRI works too).  Depth 1 is what the entity takes
part in (rounds, stances, amounts, negotiations...), depth 2 who and what
else those involve.  Each ring keeps the nodes with the most evidence, so a
country named in 10,000 articles still gives a readable page with a note
saying what was left out.
"""
from __future__ import annotations

import difflib

import pyoxigraph as ox

from ...errors import InputError
from ..graphml import NODE_TYPES
from .common import label_of, View, edge, node, node_info, slug
from .data import PARLEY, ViewData

TOP, FIRST_RING = 250, 80


def resolve(data: ViewData, text: str) -> tuple[str, str]:
    """The IRI and label of the entity named ``text``; :class:`InputError` with close matches if none."""
    text = text.strip()
    if not text:
        raise InputError("the focus is empty; give an entity's name, e.g. parley view \"South Korea\"")
    candidates: dict[str, tuple] = {}
    if text.startswith(("http://", "https://")) and data.types([text]).get(text):
        candidates[text] = (0, 0)
    found = [(r["s"].value, r["kind"].value) for r in data.rows("resolve", text=str(ox.Literal(text)))
             if isinstance(r["s"], ox.NamedNode)]
    kinds = data.types(i for i, _ in found)
    for iri, how in found:
        if kinds[iri] is not None:
            rank = (0 if how == "pref" else 1, NODE_TYPES.index(kinds[iri]))
            candidates[iri] = min(candidates.get(iri, rank), rank)
    if candidates:
        counts = data.evidence_counts(candidates)
        iri = min(candidates, key=lambda i: (candidates[i], -counts[i], i))
        return iri, data.graph([iri]).nodes[iri]["label"]
    labels = sorted({r["label"].value for r in data.rows("labels")
                     if r["t"].value.removeprefix(PARLEY) in NODE_TYPES})
    lower = {}
    for label in labels:
        lower.setdefault(label.lower(), label)
    close = [lower[m] for m in difflib.get_close_matches(text.lower(), list(lower), n=5, cutoff=0.6)]
    hint = f"close matches: {', '.join(close)}" if close else "list the known names with 'parley query actors'"
    raise InputError(f"no entity named {text!r} in the store; {hint}")


def build(data: ViewData, iri: str, label: str) -> View:
    view = View("ego-" + slug(label), label, "ego",
                f"{label} and its neighbourhood to depth 2 (what it takes part in, and who else does).")
    ring1, total1 = data.neighbours([iri], FIRST_RING, exclude=[iri])
    ring2, total2 = data.neighbours(ring1, TOP - 1 - len(ring1), exclude=[iri, *ring1]) if ring1 else ([], 0)
    for shown, total, what in ((ring1, total1, "direct neighbours"), (ring2, total2, "nodes at depth 2")):
        if total > len(shown):
            view.notes.append(f"Showing {len(shown)} of {total} {what} (most evidence first); "
                              f"{total - len(shown)} left out.")
    level = {iri: 0, **{n: 1 for n in ring1}, **{n: 2 for n in ring2}}
    g = data.graph(level)
    prov = data.provenance(level)
    for n in sorted(g.nodes):
        attrs = g.nodes[n]
        extra = {"borderWidth": 4, "focus": True} if n == iri else {}
        info = {"depth": str(level[n]), **node_info(attrs)}
        view.nodes.append(node(n, label_of(attrs), attrs["type"], prov.get(n), info, **extra))
    for s, o, key in sorted(g.edges(keys=True)):
        view.edges.append(edge(s, o, key, prov.get(s)))
    if not ring1:
        view.notes.append(f"{label} is not linked to any round, stance, amount or other entity yet.")
    return view
