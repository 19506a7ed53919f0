"""Turn one article's extraction into RDF triples (no blank nodes: every IRI is deterministic)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

import pyoxigraph as ox

from ..ontology.vocab import DCT_TITLE, ID, P, RDF_TYPE, SKOS_ALT, SKOS_PREF, concept
from .context import ArticleContext
from .dates import PartialDate
from .facts import Evidence
from .iris import article_iri, evidence_iri, mint, sentence_iri

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER = ox.NamedNode(XSD + "integer")
DATATYPES = {p: ox.NamedNode(XSD + d) for p, d in (("day", "date"), ("month", "gYearMonth"), ("year", "gYear"))}
KIND_CLASS = {"round": "Round", "negotiation": "Negotiation", "agreement": "Agreement", "stance": "Stance",
              "statement": "Statement", "MonetaryAmount": "MonetaryAmount", "Percentage": "Percentage",
              "Ratio": "Ratio", "Count": "Count", "Measure": "Measure"}


class Concept(tuple):
    """``Concept(("role", "gap"))``: a value-list concept in a fact's props."""


def date_literal(d: PartialDate) -> ox.Literal:
    return ox.Literal(d.iso(), datatype=DATATYPES[d.precision])


def term(value: Any) -> ox.Term:
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, Concept):
        return concept(value[0], value[1])
    if isinstance(value, PartialDate):
        return date_literal(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD_INTEGER)
    if isinstance(value, Decimal):
        return ox.Literal(format_decimal(value), datatype=ox.NamedNode(XSD + "decimal"))
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return ox.NamedNode(value)
    return ox.Literal(str(value))


def format_decimal(v: Decimal) -> str:
    """Plain decimal notation, no exponent: ``Decimal('9.6E+11')`` -> ``"960000000000"``."""
    s = format(v.normalize(), "f")
    return s


class Emitter:
    """Collects the triples of one article, de-duplicated, in a stable order."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.aid = ctx.doc.id
        self.art = ox.NamedNode(article_iri(self.aid))
        self.triples: set[ox.Triple] = set()
        self.sentences_used: set[int] = set()

    def add(self, s: str | ox.NamedNode, p: ox.NamedNode, o: Any) -> None:
        if o is None:
            return
        subj = s if isinstance(s, ox.NamedNode) else ox.NamedNode(s)
        self.triples.add(ox.Triple(subj, p, term(o)))

    def evidence(self, target: str, ev: Evidence, cls: str = "Evidence") -> None:
        # the hottest path of the emitter (one node per mention and per fact's evidence): terms built directly
        node, tnode = ox.NamedNode(evidence_iri(self.aid, target, ev.start, ev.end)), ox.NamedNode(target)
        add = self.triples.add
        add(ox.Triple(node, RDF_TYPE, getattr(P, cls)))
        add(ox.Triple(node, P.article, self.art))
        add(ox.Triple(node, P.sentence, ox.NamedNode(sentence_iri(self.aid, ev.sentence))))
        add(ox.Triple(node, P.beginIndex, ox.Literal(str(ev.start), datatype=XSD_INTEGER)))
        add(ox.Triple(node, P.endIndex, ox.Literal(str(ev.end), datatype=XSD_INTEGER)))
        self.add(node, P.claimedBy, ev.claimed_by or self.ctx.publisher_iri)
        self.add(node, P.claimantText, ev.claimant_text)
        if cls == "Mention":
            add(ox.Triple(node, P.refersTo, tnode))
        add(ox.Triple(tnode, P.evidence, node))
        self.sentences_used.add(ev.sentence)

    def run(self) -> list[ox.Triple]:
        ctx, doc = self.ctx, self.ctx.doc
        self.add(self.art, RDF_TYPE, P.Article)
        self.add(self.art, P.articleId, doc.id)
        self.add(self.art, DCT_TITLE, doc.title)
        self.add(self.art, P.url, ox.Literal(doc.url, datatype=ox.NamedNode(XSD + "anyURI")) if doc.url else None)
        self.add(self.art, P.sourceFile, doc.source)
        if ctx.published:
            self.add(self.art, P.published, ctx.published)
        if doc.publisher:
            pub = mint("publisher", doc.publisher)
            ctx.publisher_iri = pub
            self.add(pub, RDF_TYPE, P.Publisher)
            self.add(pub, SKOS_PREF, ox.Literal(doc.publisher, language="en"))
            self.add(self.art, P.publisher, pub)
        for ent in ctx.entities.values():
            self.add(ent.iri, RDF_TYPE, getattr(P, ent.type))
            self.add(ent.iri, SKOS_PREF, ox.Literal(ent.label, language="en"))
            self.add(ent.iri, P.title, ent.title)
            self.add(ent.iri, P.affiliation, ent.affiliation)
            self.add(ent.iri, P.country, ent.country)
            if ent.anonymous:
                self.add(ent.iri, P.anonymous, True)
            if ent.short_name:
                self.add(ent.iri, P.shortName, ox.Literal(ent.short_name, language="en"))
                self.add(ent.iri, SKOS_ALT, ox.Literal(ent.short_name, language="en"))
        for m in ctx.mentions:
            if m.reading in {"actor", "place", "person", "group", "body", "anon", "agreement"} and m.emitted:
                self.evidence(m.iri, Evidence(m.sentence, m.start, m.end), cls="Mention")
        for fact in ctx.facts:
            self.add(fact.iri, RDF_TYPE, getattr(P, KIND_CLASS.get(fact.kind, fact.kind)))
            for key, value in sorted(fact.props.items()):
                values: Iterable[Any] = value if isinstance(value, list | set | tuple) and not isinstance(value, Concept) else [value]
                for v in values:
                    self.add(fact.iri, getattr(P, key) if not key.startswith("@") else _special(key), v)
            for ev in fact.evidence:
                self.evidence(fact.iri, ev)
        for idx in sorted(self.sentences_used):
            s = ctx.sentences[idx]
            node = sentence_iri(self.aid, idx)
            self.add(node, RDF_TYPE, P.Sentence)
            self.add(node, P.article, self.art)
            self.add(node, P.text, s.text)
            self.add(node, P.beginIndex, s.start)
            self.add(node, P.endIndex, s.end)
        return sorted(self.triples, key=str)


def _special(key: str) -> ox.NamedNode:
    return {"@label": SKOS_PREF, "@title": DCT_TITLE}[key]


def emit(ctx: ArticleContext) -> list[ox.Triple]:
    """All triples describing one article and what was extracted from it."""
    return Emitter(ctx).run()


__all__ = ["Concept", "emit", "date_literal", "format_decimal", "ID"]
