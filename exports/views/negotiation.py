"""Negotiation views: one per negotiation, its rounds in order with venues and dates,
the agreement and the participants, with a table of rounds and a timeline beside it.

Positions are fixed, not simulated: rounds run left to right in date (then
ordinal) order, the negotiation and agreement above them, participants on
top, venues below the first round held there.
"""
from __future__ import annotations

from collections import defaultdict

from ...graph.derived import SOURCES_SEPARATOR
from .common import label_of, ACTOR_TYPES, View, edge, node, node_info, slug
from .data import ViewData, values
from . import timeline

MAX_NEGOTIATIONS = 40
STEP_X, ROW_Y = 190, 190
STRUCTURE = {"partOf", "venue", "party", "agreement"}  # edges drawn; places' countries and capitals are not


def negotiations(data: ViewData) -> list[tuple[str, str, int]]:
    """(IRI, label, number of rounds) of every negotiation, most rounds first."""
    return [(r["n"].value, r["label"].value if r["label"] is not None else r["n"].value.rsplit("/", 1)[-1],
             int(r["rounds"].value)) for r in data.rows("negotiations")]


def _round_key(attrs: dict) -> tuple:
    date = str(attrs.get("startDate") or attrs.get("endDate") or "9999")
    try:
        ordinal = int(str(attrs.get("ordinal", "")).split(" | ")[0])
    except ValueError:
        ordinal = 10 ** 6
    return (date, ordinal, attrs["label"])


def build(data: ViewData, iri: str, label: str) -> View:
    view = View("negotiation-" + slug(label), label, "negotiation",
                "Rounds in date order with venues and dates, the agreement and the participants.")
    iris = {iri} | {r["x"].value for r in data.rows("negotiation", iris=values([iri])) if r["x"] is not None}
    g = data.graph(iris)
    prov = data.provenance(iris)
    rounds = sorted((n for n, a in g.nodes(data=True) if a["type"] == "Round"), key=lambda n: _round_key(g.nodes[n]))
    pos: dict[str, tuple[float, float]] = {}
    width = max(len(rounds) - 1, 0) * STEP_X
    pos[iri] = (width / 2, -ROW_Y)
    for k, r in enumerate(rounds):
        pos[r] = (k * STEP_X, 0.0)
        for _, place, key in g.out_edges(r, keys=True):
            if key == "venue" and place not in pos:
                pos[place] = (k * STEP_X, ROW_Y)
    others = sorted((n for n in g.nodes if n not in pos), key=lambda n: (g.nodes[n]["type"] not in ACTOR_TYPES, g.nodes[n]["label"]))
    actors = [n for n in others if g.nodes[n]["type"] in ACTOR_TYPES]
    rest = [n for n in others if n not in actors]
    for row, items, y in ((0, actors, -2 * ROW_Y), (1, rest, -ROW_Y)):
        span = max(len(items) - 1, 0) * STEP_X * 0.8
        for k, n in enumerate(items):
            x = width / 2 - span / 2 + k * STEP_X * 0.8
            if row == 1:  # the agreement and anything else sits beside the negotiation
                x = width / 2 + (k + 1) * STEP_X * (1 if k % 2 == 0 else -1) * 1.2
            pos[n] = (x, y)
    round_rows = {r: _round_row(g, r, prov) for r in rounds}
    for n in sorted(g.nodes):
        attrs = g.nodes[n]
        x, y = pos[n]
        label = label_of(attrs)
        if n in round_rows:  # short on the canvas: the negotiation is the page's title
            label = round_rows[n]["name"] + "\n" + (round_rows[n]["start"] or round_rows[n]["end"] or "undated")
        view.nodes.append(node(n, label, attrs["type"], prov.get(n), node_info(attrs), x=x, y=y, full=attrs["label"]))
    for s, o, key in sorted(g.edges(keys=True)):
        if key in STRUCTURE:
            view.edges.append(edge(s, o, key, prov.get(s)))
    for a, b in zip(rounds, rounds[1:]):
        view.edges.append(edge(a, b, "then", None, dashes=True, info={"order": "next round by date"}))
    parties = {o for _, o, k in g.out_edges(iri, keys=True) if k == "party"}
    for n in actors:
        if n not in parties and not g.has_edge(n, iri):
            view.edges.append(edge(n, iri, "position", prov.get(n), dashes=True,
                                   info={"relation": "states money positions in this negotiation"}))
    view.fixed = True
    round_rows = [round_rows[r] for r in rounds]
    view.panels.append(("panel-rounds.html", {"rounds": round_rows}))
    money = _money(data, iri)
    view.panels.append(("timeline.svg", {"t": timeline.build(
        [{"date": row["start"] or row["end"], "label": row["name"], "venue": row["venue"], "status": row["status"]}
         for row in round_rows], money)}))
    if not rounds:
        view.notes.append("No rounds of this negotiation were found in the articles.")
    return view


def _round_row(g, r: str, prov) -> dict:
    attrs = g.nodes[r]
    venues = [g.nodes[o]["label"] for _, o, k in g.out_edges(r, keys=True) if k == "venue"]
    p = prov.get(r)
    ordinal = str(attrs.get("ordinal", ""))
    return {"name": f"Round {ordinal}" if ordinal else "Round", "ordinal": ordinal,
            "start": str(attrs.get("startDate", "")), "end": str(attrs.get("endDate", "")),
            "venue": ", ".join(sorted(venues)), "status": str(attrs.get("status", "")),
            "sources": p.total if p else 0,
            "articles": sorted({e.article for e in p.shown}) if p else []}


def _money(data: ViewData, iri: str) -> list[dict]:
    """The negotiation's money positions over time: how many amounts per side, role, value, unit and date.

    An amount's date is its year, else the publication date of each article
    that reports it (its ``parley:sourceIds``); ordered by date, side, role,
    unit and value.
    """
    dates = {article: published for published, article in data.articles().values()}
    amounts: dict[tuple[str, str, str, str, str], set[str]] = defaultdict(set)
    for r in data.rows("money", iris=values([iri])):
        if r["year"] is not None:
            found = {r["year"].value}
        else:
            ids = r["sources"].value.split(SOURCES_SEPARATOR) if r["sources"] is not None else ()
            found = {dates[i] for i in ids if i in dates}
        for date in found:
            amounts[(date, r["actor"].value, r["role"].value, r["unit"].value, r["value"].value)].add(r["q"].value)
    return [{"date": date, "actor": actor, "role": role, "value": value, "unit": unit, "n": len(qs)}
            for (date, actor, role, unit, value), qs in sorted(amounts.items())]
