"""Positions: actors and what they demand, propose, reject, accept, urge, support or oppose,
and the money each side demanded, offered or paid.

Stances are aggregated per (actor, stance type, topic) and amounts per
(side, role, value, unit, year); an edge's width is the number of facts
behind it and its colour the stance type or amount role.  The
:data:`TOP_EDGES` best-supported edges are drawn, with a note on the rest.
Both kinds of fact may be absent (an older build, or extraction that found
none): the page then says so.
"""
from __future__ import annotations

from collections import defaultdict

from .common import View, edge, money, node, node_info, note_left_out, short, styles
from .data import ViewData
from .provenance import merge

TOP_EDGES = 200
AMOUNTS_PER_SIDE = 40


def _stance_edges(data: ViewData) -> list[dict]:
    out = []
    for r in data.rows("stances"):
        subject = r["subject"].value if r["subject"] is not None else None
        topic = r["topic"].value if r["topic"] is not None else ""
        target = subject or ("topic:" + (r["key"].value if r["key"] is not None and r["key"].value else "(unspecified)"))
        out.append({"kind": "stance", "actor": r["actor"].value, "target": target, "label": r["type"].value,
                    "topic": topic or "(topic not stated)", "n": int(r["n"].value),
                    "facts": {r["first"].value, r["last"].value}})
    return out


def _amount_edges(data: ViewData) -> list[dict]:
    out = []
    for r in data.rows("amounts"):
        value, unit = r["value"].value, r["unit"].value if r["unit"] is not None else ""
        year = r["year"].value if r["year"] is not None else ""
        text = money(value, unit) + (f" ({year})" if year else "")
        out.append({"kind": "amount", "actor": r["actor"].value, "target": f"amount:{value}|{unit}|{year}",
                    "label": r["role"].value, "topic": text, "n": int(r["n"].value), "value": value, "unit": unit,
                    "year": year, "facts": {r["first"].value, r["last"].value}})
    return out


def build(data: ViewData, k: int = TOP_EDGES) -> View:
    view = View("positions", "Positions", "positions",
                "Who demanded, proposed, rejected, accepted, urged, supported or opposed what, "
                "and the money each side demanded, offered or paid.")
    stances, amounts = _stance_edges(data), _amount_edges(data)
    if not stances:
        view.notes.append("No stances in the store (none extracted yet, or none found in these articles).")
    if not amounts:
        view.notes.append("No money amounts with a side in the store (none extracted yet, or none found).")
    found = sorted(stances + amounts, key=lambda e: (-e["n"], e["actor"], e["label"], e["target"]))
    kept = found[:k]
    note = note_left_out(len(kept), len(found), "stance and amount links", "most facts first")
    if note:
        view.notes.append(note)
    entity_iris = {e["actor"] for e in kept} | {e["target"] for e in kept if "://" in e["target"]}
    g = data.graph(entity_iris)
    prov = data.provenance(entity_iris | {f for e in kept for f in e["facts"]})
    weight: dict[str, int] = defaultdict(int)
    for e in kept:
        weight[e["actor"]] += e["n"]
        weight[e["target"]] += e["n"]
    for iri in sorted(entity_iris):
        attrs = g.nodes[iri] if iri in g else {"label": iri.rsplit("/", 1)[-1], "type": None}
        view.nodes.append(node(iri, attrs["label"], attrs.get("type"), prov.get(iri), node_info(attrs), weight=weight[iri]))
    targets = {}
    for e in kept:
        if e["target"] in entity_iris or e["target"] in targets:
            continue
        group_type = "MonetaryAmount" if e["kind"] == "amount" else None
        targets[e["target"]] = node(e["target"], e["topic"], group_type, weight=weight[e["target"]])
    view.nodes += [targets[t] for t in sorted(targets)]
    palette = {"stance": styles()["stances"], "amount": styles()["roles"]}
    for e in sorted(kept, key=lambda e: (e["actor"], e["target"], e["kind"], e["label"])):
        color = palette[e["kind"]].get(e["label"], styles()["edge"])
        facts = merge((prov.get(f) for f in sorted(e["facts"])), total=e["n"])
        view.edges.append(edge(e["actor"], e["target"], e["label"], facts, color=color, weight=e["n"],
                               info={"kind": e["kind"], e["kind"] if e["kind"] == "stance" else "role": e["label"],
                                     "about": e["topic"], "supporting facts": str(e["n"])}))
    used = {(e["kind"], e["label"]) for e in kept}
    view.edge_legend = [{"label": f"{kind}: {label}", "color": palette[kind].get(label, styles()["edge"])}
                        for kind, label in sorted(used)]
    view.panels.append(("panel-amounts.html", {"sides": _sides(amounts, g)}))
    return view


def _sides(amounts: list[dict], g) -> list[dict]:
    """Amounts per side for the page's table: demanded, offered, paid, most reported first."""
    by_side: dict[str, list[dict]] = defaultdict(list)
    for a in amounts:
        by_side[a["actor"]].append(a)
    sides = []
    for iri, rows in by_side.items():
        label = g.nodes[iri]["label"] if iri in g else iri.rsplit("/", 1)[-1]
        rows = sorted(rows, key=lambda a: (a["label"], a["year"], -a["n"], a["unit"], a["value"]))
        sides.append({"side": short(label, 80), "left_out": max(0, len(rows) - AMOUNTS_PER_SIDE),
                      "rows": [{"role": a["label"], "amount": money(a["value"], a["unit"]), "year": a["year"],
                                "facts": a["n"]} for a in rows[:AMOUNTS_PER_SIDE]]})
    return sorted(sides, key=lambda s: s["side"])
