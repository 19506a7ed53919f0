"""What every view is made of: a :class:`View` of plain node and edge dicts, and the styles.

Nodes and edges carry their provenance as data (``prov``: evidence records
and a total), never as HTML: the page builds each tooltip with DOM calls and
``textContent`` (``static/parley-view.js``), so article text cannot inject
markup.  Colours and shapes come from ``styles.json``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from ...graph.iris import ascii_fold
from .provenance import Provenance

STYLES = Path(__file__).resolve().parent / "styles.json"
LABEL_MAX = 40  # characters drawn on the canvas; the tooltip shows the full label
ACTOR_TYPES = ("Country", "GovernmentBody", "Military", "Organization", "Person", "Group", "Actor")
# node attributes shown in tooltips, in this order (names as in parley.exports.graphml)
INFO_ATTRS = ("title", "aliases", "ordinal", "startDate", "endDate", "status", "date", "year", "value", "unit",
              "role", "stanceType", "topic", "quote", "edition", "expires", "claimantText", "exactMatch")


@lru_cache(maxsize=1)
def styles() -> dict:
    """The colours and shapes of ``styles.json``."""
    return json.loads(STYLES.read_text(encoding="utf-8"))


def group_of(node_type: str | None) -> str:
    """The legend group of a Parley node type (``MonetaryAmount`` → ``Amount``)."""
    if not node_type:
        return "Topic"
    return styles()["type_group"].get(node_type, node_type if node_type in styles()["groups"] else "Actor")


def short(label: str, limit: int = LABEL_MAX) -> str:
    """``label`` on one line (or the lines it has), cut at ``limit`` characters."""
    label = "\n".join(" ".join(line.split()) for line in str(label).strip().splitlines())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def slug(text: str) -> str:
    """A file-name-safe, readable slug (ASCII letters, digits and dashes)."""
    text = re.sub(r"[^A-Za-z0-9]+", "-", ascii_fold(text)).strip("-").lower()
    return text[:60] or "x"


_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def money(value: str, unit: str = "") -> str:
    """``5000000000``, ``USD`` → ``5 billion USD`` (plain text; unparsable values are kept)."""
    try:
        v = Decimal(value)
    except (InvalidOperation, ValueError):
        return f"{value} {unit}".strip()
    for scale, word in _SCALES:
        if abs(v) >= scale:
            n = (v / scale).quantize(Decimal("0.01")).normalize()
            return f"{n:f} {word} {unit}".strip()
    return f"{v.normalize():f} {unit}".strip()


def label_of(attrs: dict) -> str:
    """A node's display label: the semantic graph's, with money written for people (``5 billion USD demand``)."""
    if attrs.get("type") == "MonetaryAmount" and attrs.get("value"):
        year = f"({attrs['year']})" if attrs.get("year") else ""
        return " ".join(p for p in (money(str(attrs["value"]), str(attrs.get("unit", ""))), str(attrs.get("role", "")), year) if p)
    return str(attrs["label"])


@dataclass
class View:
    """One HTML view: nodes and edges as vis-network dicts plus page furniture."""

    slug: str
    title: str
    kind: str  # overview, positions, negotiation, ego
    description: str = ""
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    edge_legend: list[dict] = field(default_factory=list)  # [{"label", "color"}]
    panels: list[tuple[str, dict]] = field(default_factory=list)  # (template name, context)
    fixed: bool = False  # positions given by the builder (negotiation timeline order)

    def summary(self) -> dict:
        return {"slug": self.slug, "title": self.title, "kind": self.kind, "nodes": len(self.nodes),
                "edges": len(self.edges), "notes": list(self.notes), "file": f"views/{self.slug}.html"}


def node(iri: str, label: str, node_type: str | None, prov: Provenance | None = None,
         info: dict[str, str] | None = None, weight: int | None = None, **extra) -> dict:
    """A vis-network node dict (tooltip data in ``info``/``prov``; the page builds the tooltip)."""
    group = group_of(node_type)
    style = styles()["groups"][group]
    prov = prov or Provenance()
    d = {"id": iri, "label": short(label), "full": label, "group": group, "type": node_type or group,
         "shape": style["shape"], "color": style["color"], "value": max(1, weight if weight is not None else prov.total),
         "info": {k: v for k, v in (info or {}).items() if v}, "prov": prov.as_dict()}
    if not iri.startswith(("topic:", "amount:")):
        d["iri"] = iri
    d.update(extra)
    return d


def node_info(attrs: dict) -> dict[str, str]:
    """The tooltip's key facts from a semantic-graph node's attributes."""
    return {k: str(attrs[k]) for k in INFO_ATTRS if attrs.get(k) not in (None, "")}


def edge(src: str, dst: str, label: str, prov: Provenance | None = None, color: str | None = None,
         weight: int = 1, **extra) -> dict:
    prov = prov or Provenance()
    d = {"from": src, "to": dst, "label": short(label, 24), "full": label, "color": color or styles()["edge"],
         "value": max(1, weight), "prov": prov.as_dict(), "arrows": "to"}
    d.update(extra)
    return d


def note_left_out(shown: int, total: int, what: str, rule: str = "most evidence first") -> str | None:
    if total <= shown:
        return None
    return f"Showing {shown} of {total} {what} ({rule}); {total - shown} left out."
