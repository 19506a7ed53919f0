/* Parley view page: draws the network from the JSON block, builds tooltips,
 * the details panel, the legend, the type filter and the search box.
 *
 * Article text is untrusted.  Nothing here uses innerHTML or string
 * concatenation of markup: every text goes in with textContent, tooltips are
 * DOM elements (vis-network shows a title element as is), and only http(s)
 * URLs become links.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("view-data").textContent);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function webLink(url) {
    try {
      var u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (err) {
      return null;
    }
  }

  function evidenceBlock(ev) {
    var block = el("div", "evidence");
    if (ev.sentence) { block.appendChild(el("blockquote", null, "\u201c" + ev.sentence + "\u201d")); }
    var src = el("div", "source");
    var name = ev.title || ev.article;
    var href = ev.url ? webLink(ev.url) : null;
    if (href) {
      var a = el("a", null, name);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      src.appendChild(a);
    } else {
      src.appendChild(el("span", "article", name));
    }
    var meta = [ev.publisher, ev.published].filter(Boolean).join(", ");
    if (meta) { src.appendChild(el("span", "meta", " \u00b7 " + meta)); }
    if (ev.url && !href) { src.appendChild(el("span", "meta", " \u00b7 URL (not a web link): " + ev.url)); }
    block.appendChild(src);
    block.appendChild(el("div", "claimant", "claimed by: " + (ev.claimant || ev.publisher || "the article")));
    block.appendChild(el("div", "article-id", "article id: " + ev.article));
    return block;
  }

  /* A tooltip / details element for a node or an edge. */
  function card(item, kind) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-title", item.full || item.label || "(unnamed)"));
    box.appendChild(el("div", "tip-type", kind === "node" ? item.type : "relation: " + (item.full || "link")));
    var info = item.info || {};
    var keys = Object.keys(info);
    if (keys.length) {
      var dl = el("dl");
      keys.forEach(function (k) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, info[k])); });
      box.appendChild(dl);
    }
    var prov = item.prov || { evidence: [], total: 0 };
    var evidence = prov.evidence || [];
    box.appendChild(el("div", "tip-head", evidence.length ? "Provenance" : "No evidence recorded for this item"));
    evidence.forEach(function (ev) { box.appendChild(evidenceBlock(ev)); });
    if (prov.total > evidence.length) {
      box.appendChild(el("div", "more", "showing " + evidence.length + " of " + prov.total + " supporting records"));
    }
    if (item.iri) { box.appendChild(el("div", "iri", item.iri)); }
    return box;
  }

  var byId = {};
  var nodeList = data.nodes.map(function (n) {
    byId[n.id] = n;
    var copy = Object.assign({}, n);
    copy.title = card(n, "node");
    return copy;
  });
  var edgeList = data.edges.map(function (e) {
    var copy = Object.assign({}, e);
    copy.title = card(e, "edge");
    return copy;
  });
  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      document.body.setAttribute("data-stable", "1");
    });
  } else {
    document.body.setAttribute("data-stable", "1");
  }

  var details = document.getElementById("details");
  function showDetails(item, kind) {
    while (details.childNodes.length > 1) { details.removeChild(details.lastChild); }
    details.appendChild(card(item, kind));
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showDetails(byId[params.nodes[0]], "node");
    } else if (params.edges.length) {
      showDetails(edges.get(params.edges[0]), "edge");
    }
  });

  /* Legend and type filter. */
  var legendNodes = document.getElementById("legend-nodes");
  var filter = document.getElementById("filter");
  data.legend.forEach(function (g) {
    var li = el("li");
    var swatch = el("span", "swatch shape-" + g.shape);
    swatch.style.backgroundColor = g.color;
    li.appendChild(swatch);
    li.appendChild(el("span", null, g.label + " (" + g.shape + ")"));
    legendNodes.appendChild(li);
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = g.group;
    box.addEventListener("change", function () {
      var updates = data.nodes.filter(function (n) { return n.group === g.group; })
        .map(function (n) { return { id: n.id, hidden: !box.checked }; });
      nodes.update(updates);
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + g.label));
    filter.appendChild(label);
  });
  var legendEdges = document.getElementById("legend-edges");
  data.edgeLegend.forEach(function (e) {
    var li = el("li");
    var line = el("span", "edge-swatch");
    line.style.backgroundColor = e.color;
    li.appendChild(line);
    li.appendChild(el("span", null, e.label));
    legendEdges.appendChild(li);
  });

  /* Search by label. */
  var search = document.getElementById("search");
  var result = document.getElementById("search-result");
  var list = document.getElementById("labels");
  Array.from(new Set(data.nodes.map(function (n) { return n.full; }))).sort().forEach(function (label) {
    var option = el("option");
    option.value = label;
    list.appendChild(option);
  });
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) { result.textContent = ""; network.unselectAll(); return; }
    var exact = data.nodes.filter(function (n) { return n.full.toLowerCase() === q; });
    var hits = exact.length ? exact : data.nodes.filter(function (n) { return n.full.toLowerCase().indexOf(q) >= 0; });
    result.textContent = hits.length ? hits.length + " found" : "nothing found";
    if (hits.length) {
      network.selectNodes(hits.map(function (n) { return n.id; }));
      network.focus(hits[0].id, { scale: 1.1, animation: false });
      showDetails(hits[0], "node");
    }
  }
  search.addEventListener("change", function () { find(search.value); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(search.value); } });

  window.parleyView = { network: network, nodes: nodes, edges: edges, data: data, card: card, find: find };
}());
