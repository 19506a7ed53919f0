"""Reference-entity mentions, with capital-city metonymy.

"Seoul rejected the request" is South Korea acting; "talks in Seoul" is the
city as a venue.  A capital after a place preposition is read as the place,
otherwise as its country.  Ambiguous aliases prefer the reading whose type
fits (an agreement alias shared by two agreements is settled later by the
agreements component, which knows the article's parties).
"""
from __future__ import annotations

from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, component
from ..facts import Mention

PLACE_PREPS = {"in", "at", "near", "to", "from", "around", "outside", "inside", "across", "via", "into", "of",
               "capital", "city"}  # "the Qatari capital Doha": the city, named as such
QUARTERS = {"southern", "northern", "eastern", "western", "central", "downtown", "suburban", "uptown", "greater"}
SCHEDULED = {"scheduled", "set", "planned", "slated", "due", "pencilled", "penciled"}  # "… is scheduled for London"


@lru_cache(maxsize=1)
def _venue_heads() -> frozenset[str]:
    return frozenset(load_rules().data("negotiation.json")["venue_heads"])


@component("mentions")
def mentions(ctx: ArticleContext) -> None:
    ref = ctx.lexicon.reference
    capitals = ref.capitals()
    for sent in ctx.sentences:
        doc = sent.span.doc
        money = _currency_starts(ctx, sent)
        for hit in ctx.hits(sent, "alias"):
            iris = ctx.lexicon.alias_targets.get(hit.key, [])
            if not iris or hit.tok_start in money or hit.tok_end in money:
                continue  # "337 million US dollars", "Singapore dollars": part of a currency's name
            if hit.key.startswith("DEMONYM:"):
                # "the U.S. side", "the Japanese government" act as the country; "U.S. troops" only qualifies
                reading = "actor" if _side_noun_at(ctx, sent, hit.tok_end) else "demonym"
                ctx.mentions.append(Mention(iris[0], "Country", hit.text, hit.start, hit.end, sent.index,
                                            hit.tok_start, hit.tok_end, reading=reading))
                continue
            ents = [ref.get(i) for i in iris]
            if any(e.type == "Agreement" for e in ents):
                for e in ents:
                    if e.type == "Agreement":
                        ctx.mentions.append(Mention(e.iri, "Agreement", hit.text, hit.start, hit.end, sent.index,
                                                    hit.tok_start, hit.tok_end, reading="agreement"))
                continue
            ent = ents[0]
            prev = doc[hit.tok_start - 1].lower_ if hit.tok_start > sent.span.start else ""
            if prev == "for" and hit.tok_start - 1 > sent.span.start and doc[hit.tok_start - 2].lower_ in SCHEDULED:
                prev = "in"
            if prev in QUARTERS and hit.tok_start - 1 > sent.span.start and doc[hit.tok_start - 2].lower_ in PLACE_PREPS:
                prev = "in"  # "in southern Seoul", "in downtown Tokyo": the city
            if prev == "," and hit.tok_start - 1 > sent.span.start and doc[hit.tok_start - 2].text in _venue_heads():
                prev = "in"  # "at Euston Tower, London", "BMA House, London": the city of a building
            if ent.type == "Place":
                if ent.iri in capitals and prev not in PLACE_PREPS:
                    country = ref.get(capitals[ent.iri])
                    ctx.mentions.append(Mention(country.iri, "Country", hit.text, hit.start, hit.end, sent.index,
                                                hit.tok_start, hit.tok_end, reading="actor"))
                else:
                    ctx.mentions.append(Mention(ent.iri, "Place", hit.text, hit.start, hit.end, sent.index,
                                                hit.tok_start, hit.tok_end, reading="place"))
                continue
            ctx.mentions.append(Mention(ent.iri, ent.type, hit.text, hit.start, hit.end, sent.index,
                                        hit.tok_start, hit.tok_end, reading="actor"))
            if ent.type == "Country":
                _elided(ctx, sent, hit)
    ctx.home_country = _home_country(ctx, country_counts(ctx))


def _elided(ctx: ArticleContext, sent, hit) -> None:
    """ "North and South Korea", "North and South Sudan": the first country's last words are left out."""
    toks, a = sent.tokens, hit.tok_start
    words = hit.text.split()
    if len(words) < 2 or a - 2 < sent.span.start or toks.lower[a - 1] != "and" or not toks.text[a - 2][:1].isupper():
        return
    form = " ".join([toks.text[a - 2], *words[1:]])
    iris = ctx.lexicon.alias_targets.get("ALIAS:" + form, [])
    ent = ctx.lexicon.reference.get(iris[0]) if len(iris) == 1 else None
    if ent is not None and ent.type == "Country":
        start = sent.char(a - 2)
        ctx.mentions.append(Mention(ent.iri, "Country", toks.text[a - 2], start, start + len(toks.text[a - 2]),
                                    sent.index, a - 2, a - 1, reading="actor"))


def _currency_starts(ctx: ArticleContext, sent) -> set[int]:
    """Tokens where a currency's name starts ("US dollars", "dollars"), from the ``currency`` cues."""
    return {h.tok_start for h in ctx.hits(sent, "cue") if any(f == "currency" for f, _ in ctx.lexicon.cue_values[h.key])}


def country_counts(ctx: ArticleContext) -> dict[str, int]:
    """How often each country acts or qualifies in the article ("Seoul rejected", "the U.S. side")."""
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if m.type == "Country" and m.reading in {"actor", "demonym"}:
            counts[m.iri] = counts.get(m.iri, 0) + 1
    return counts


def _side_noun_at(ctx: ArticleContext, sent, k: int) -> bool:
    """A side's noun starts at token ``k``: ``negotiation.json`` ``delegation_nouns`` and
    ``government_nouns`` ("side", "delegation", "government", "administration")."""
    data = ctx.lexicon.rules.data("negotiation.json")
    lower = [t.lower_ for t in sent.span.doc[k:min(k + 3, sent.span.end)]]
    return any(lower[:len(n.split())] == n.lower().split() for n in (*data["delegation_nouns"], *data["government_nouns"]))


def _home_country(ctx: ArticleContext, counts: dict[str, int]) -> str | None:
    """The country an unqualified "foreign ministry" belongs to: dateline, publisher name, else most mentioned."""
    ref = ctx.lexicon.reference
    capitals = ref.capitals()
    place = ctx.dateline_place()
    if place is not None:
        return capitals.get(place.iri) or place.country
    if ctx.doc.publisher:
        for e in sorted(ref.of_type("Country"), key=lambda e: -len(e.label)):
            forms = [e.label, *e.aliases, *e.demonyms]
            if any(len(f) > 3 and f in ctx.doc.publisher for f in forms):
                return e.iri
    if counts:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return None
