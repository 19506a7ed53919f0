"""Write views as HTML pages that work offline: pyvis for the network data and options,
Parley's own Jinja templates for the page, and vis-network copied next to it.

pyvis's own template links vis-network and Bootstrap from CDNs even with
``cdn_resources="local"`` (measured: offline the page stays a grey bar), so
the page is ``templates/view.html``: vis-network's JS and CSS come from
pyvis's bundled ``lib/vis-9.1.2`` copied to ``views/lib/``, the page logic
from ``static/parley-view.js``.  Graph data is embedded as JSON in a
``<script type="application/json">`` block (Jinja's ``tojson`` escapes
``<``, ``>``, ``&`` and ``'``), and every text on the page is autoescaped;
a Content-Security-Policy allows scripts from files only.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from ..rdf import atomic_write
from . import layout
from .common import View, styles

EXPORTS = Path(__file__).resolve().parent.parent
TEMPLATES = EXPORTS / "templates"
STATIC = EXPORTS / "static"
VIS = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
ASSETS = {"vis-network.min.js": VIS / "vis-network.min.js", "vis-network.css": VIS / "vis-network.css",
          "parley-view.js": STATIC / "parley-view.js", "parley-view.css": STATIC / "parley-view.css"}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def options(physics: bool, big: bool) -> dict:
    """vis-network options: physics only for small views, fixed positions otherwise."""
    return {
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "multiselect": False},
        "layout": {"hierarchical": {"enabled": False}, "improvedLayout": not big, "randomSeed": 7},
        # big views: labels grow with evidence and small ones appear only when zoomed in
        "nodes": {"font": {"size": 14}, "borderWidth": 1,
                  "scaling": {"min": 10, "max": 28,
                              "label": {"enabled": big, "min": 11, "max": 22, "drawThreshold": 5}}},
        "edges": {"smooth": False if big else {"enabled": True, "type": "continuous"},
                  "scaling": {"min": 1, "max": 8, "label": {"enabled": False}}, "font": {"size": 10, "align": "middle"},
                  "color": {"inherit": False}, "arrows": {"to": {"scaleFactor": 0.5}}},
    }


def network_data(view: View) -> dict:
    """The JSON the page reads: nodes, edges and options, passed through a pyvis Network."""
    physics = False if view.fixed else layout.apply(view.nodes, view.edges)
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes = view.nodes  # filled directly: pyvis's add_node/add_edge are quadratic
    big = len(view.nodes) > layout.PHYSICS_MAX
    # edge labels of big views would hide the nodes: their relation stays in the tooltip
    net.edges = [{"id": f"e{k}", **e, **({"label": ""} if big else {})} for k, e in enumerate(view.edges)]
    net.set_options(json.dumps(options(physics, big)))
    nodes, edges, _heading, _height, _width, opts = net.get_network_data()
    groups = sorted({n["group"] for n in nodes})
    legend = [{"group": g, **styles()["groups"][g]} for g in groups]
    return {"nodes": nodes, "edges": edges, "options": json.loads(opts), "physics": physics,
            "legend": legend, "edgeLegend": view.edge_legend}


def copy_assets(folder: Path) -> None:
    """vis-network and the page's own JS/CSS beside the views (copied only when changed)."""
    lib = folder / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    for name, src in ASSETS.items():
        dst = lib / name
        data = src.read_bytes()
        if not dst.is_file() or dst.read_bytes() != data:
            atomic_write(dst, lambda tmp, data=data: tmp.write_bytes(data))


def write_view(view: View, folder: Path) -> Path:
    panels = [(environment().get_template(name), ctx) for name, ctx in view.panels]
    html = environment().get_template("view.html").render(
        view=view, data=network_data(view), panels=[Markup(t.render(**ctx)) for t, ctx in panels])  # each panel template autoescapes its own data
    path = folder / f"{view.slug}.html"
    atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
    return path


def write_index(out_dir: Path, sections: list[tuple[str, list[dict]]], notes: list[str]) -> Path:
    html = environment().get_template("index.html").render(sections=sections, notes=notes)
    path = out_dir / "index.html"
    atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))
    return path
