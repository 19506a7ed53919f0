"""Organizations the reference data does not know, found by the head noun of a capitalized name.

"the U.S. Chamber of Commerce urged …", "Killybegs Fishermen's Organisation",
"People's Solidarity for Participatory Democracy": a run of capitalized words
(with "of", "for", "and", "'s" inside) whose last head noun (from
``organization_heads`` in ``ontology/rules/names.json``) ends it, or is
followed only by "of/for" and more capitalized words, names an organization.
It takes the place of the country, demonym or group mentions inside it (the
"U.S." of the chamber is not the United States acting), and its affiliation is
the country named inside it.  A ``military_heads`` word ("Forces", "Army")
makes it a military, or a non-state armed group (an organization) when the
word says so and no country is named inside.  A name whose head is a ``government_heads``
word ("Department of National Defense") is a government body, held by the
country named inside it or right before it ("Malaysia's Ministry of Water").  A name the reference data already knows
("European Union", "African Union") is left to it, and a name after "at" or
"in" is a venue ("talks at the Korea Institute for Defense Analyses").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, component
from ..facts import Mention, NewEntity
from ..iris import mint
from .people import country_before

WORD = r"(?:[A-Z][\w.'’&-]*|of|for|and|the|de|du|des)"
RUN = re.compile(rf"(?<![\w.])(?:The\s+)?([A-Z][\w.'’&-]*(?:\s+{WORD})*)")
POSSESSIVE = re.compile(r"['’]s\s+")
VENUE_LEAD = r"\b(?:at|in|inside|outside)\s+(?:the\s+)?$"  # "held at the Korea Institute …": the name is a venue
OWNER_ACRONYM = re.compile(r"^[A-Z]{2,6}['’]s$")  # "UAW's", "GM's" (not "People's" in "People's Liberation Army")
REPLACEABLE = {"demonym", "group", "actor", "body", "place"}


@lru_cache(maxsize=1)
def head_words() -> frozenset[str]:
    """Every head noun of an organization, government body or military name ("Union", "Ministry", "Forces")."""
    return frozenset(load_rules().data("names.json").get("organization_heads", [])) | _government_heads() \
        | frozenset(_military_heads())


@lru_cache(maxsize=1)
def back_reference_heads() -> frozenset[str]:
    """Head nouns that refer back to a body in lower case too ("the union said"): ``back_reference_heads``."""
    return frozenset(load_rules().data("names.json").get("back_reference_heads", []))


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(load_rules().data("numbers.json")["units"])


@lru_cache(maxsize=1)
def _military_heads() -> dict[str, str]:
    return dict(load_rules().data("names.json").get("military_heads", {}))


@lru_cache(maxsize=1)
def _government_heads() -> frozenset[str]:
    return frozenset(load_rules().data("names.json").get("government_heads", []))


def _name(words: list[str]) -> tuple[int, int] | None:
    """The organization's word range within a capitalized run: up to its last head noun, plus "of/for X …"."""
    heads = [i for i, w in enumerate(words) if w in head_words()]
    if not heads:
        return None
    end = heads[-1] + 1
    if end < len(words) and words[end] in {"of", "for"}:
        end = len(words)
    while end > 0 and words[end - 1] in {"of", "for", "and", "the", "de", "du", "des"}:
        end -= 1
    start = 0
    while start < end and (words[start] in {"The", "the"} or words[start].lower() in _number_words()
                           or OWNER_ACRONYM.match(words[start])):
        start += 1  # "Eight Philippine Navy personnel": a count; "the UAW's National GM Council": its owner
    link = next((j for j in range(start, heads[-1]) if words[j] in {"of", "for"}), None)
    if link is not None and not any(start <= h < link for h in heads):
        return None  # "Members of Congress", "Friends of the Union": the name's head is not the organization
    return (start, end) if end - start >= 2 else None


@component("organizations")
def organizations(ctx: ArticleContext) -> None:
    for sent in ctx.sentences:
        for m in RUN.finditer(_listed_names_joined(sent.text)):
            for words in _segments(list(re.finditer(r"\S+", m.group(1)))):
                _organization(ctx, sent, m, words)


def _listed_names_joined(text: str) -> str:
    """``text`` with the comma of a list inside a name blanked (same length), so that "the Kenya Medical
    Practitioners, Pharmacists and Dentists Union" is read as one name, not "Pharmacists and Dentists Union"."""
    return _LISTED().sub(lambda m: m.group(1) + " " + m.group(2), text) if "," in text else text


@lru_cache(maxsize=1)
def _LISTED() -> re.Pattern:
    cap = r"[A-Z][\w'’&-]*"
    heads = "|".join(sorted(head_words(), key=len, reverse=True))
    return re.compile(rf"(\b[Tt]he\s+{cap}(?:\s+{cap}){{1,4}}),(\s+{cap}(?:\s+{cap}){{0,3}}\s+and\s+{cap}"
                      rf"(?:\s+{cap}){{0,3}}\s+(?:{heads})\b)")


def _segments(words: list[re.Match]) -> list[list[re.Match]]:
    """A capitalized run split where "and the" joins two names, or "and" follows a head noun: "the Nigeria
    Labour Congress and the Trade Union Congress", "Mount Sinai Hospital and Montefiore Medical Center"."""
    out: list[list[re.Match]] = [[]]
    for i, w in enumerate(words):
        if w.group() == "and" and i + 1 < len(words) and out[-1] and (
                words[i + 1].group() in {"the", "The"} or out[-1][-1].group() in head_words()):
            out.append([])
            continue
        out[-1].append(w)
    return [seg for seg in out if seg]


def _central_bank(name: str, head: str, country: str | None) -> bool:
    """ "Central Bank of Sri Lanka", "Reserve Bank of India", "Bank of Korea": a government body, not a lender
    (``central_bank_words`` in ``names.json``; "the Bank of <country>" is one too)."""
    if head != "Bank":
        return False
    words = load_rules().data("names.json").get("central_bank_words", [])
    return any(w in name.split() for w in words) or bool(country and re.fullmatch(r"(?:The\s+)?Bank of [A-Z][\w\s]+", name)
                                                         and "Export" not in name)


def _place_country(ctx: ArticleContext, inside: list[Mention]) -> str | None:
    """The country of a place named inside the name ("the New York State Nurses Association")."""
    for x in inside:
        if x.type == "Place":
            place = ctx.entity(x.iri)
            if place is not None and place.country:
                return place.country
    return None


def _owned_known(inside: list[Mention], a: int, b: int) -> Mention | None:
    """ "The US State Department", "the South Korean Defense Ministry": a country before a body the article
    already knows names that body, not a new one named after both."""
    known = [x for x in inside if x.end == b and x.start > a and x.type in {"GovernmentBody", "Military"}]
    if not known:
        return None
    countries = [x for x in inside if x.type == "Country" and x.end <= known[0].start]
    ok = bool(countries) and countries[0].start == a and countries[-1].end + 1 >= known[0].start
    return known[0] if ok else None


def _organization(ctx: ArticleContext, sent, m: re.Match, words: list[re.Match]) -> None:
    """Read one name out of a capitalized run's words (see the module's docstring)."""
    ref = ctx.lexicon.reference
    span = _name([w.group() for w in words])
    if span is None:
        return
    lo = m.start(1) + words[span[0]].start()
    hi = m.start(1) + words[span[1] - 1].end()
    if sent.text[hi - 1] == "." and re.search(r"[a-z]{3}\.$", sent.text[lo:hi]):
        hi -= 1  # "… the Council of Governors.": the sentence's full stop, not an abbreviation's
    name = sent.text[lo:hi]
    first = m.start() if words[0].start() == 0 else m.start(1) + words[0].start()
    venue = re.search(VENUE_LEAD, sent.text[:first]) is not None
    a, b = sent.start + lo, sent.start + hi
    owner, owned = next(((x.iri, p) for x in ctx.mentions_in(sent) if x.start == a and x.type == "Country"
                         for p in [POSSESSIVE.match(sent.text, x.end - sent.start)] if p), (None, None))
    if owned is not None:  # "Malaysia's Ministry of Water": the country holds it, it is not in the name
        cut = owned.end() - lo
        if len(name[cut:].split()) < 2:
            return
        lo, a, name = lo + cut, a + cut, name[cut:]
    inside = [x for x in ctx.mentions_in(sent) if a <= x.start and x.end <= b]
    straddling = [x for x in ctx.mentions_in(sent) if x.start < b and a < x.end and x not in inside]
    known = _owned_known(inside, a, b)
    if known is not None and not straddling:  # "the US State Department": one mention of the body
        for x in inside:
            ctx.mentions.remove(x)
        ctx.mentions.append(Mention(known.iri, known.type, name, a, b, sent.index, min(x.tok_start for x in inside),
                                    known.tok_end, reading=known.reading))
        return
    if straddling or any(x.start == a and x.end == b or (x.reading == "body" and x.end == b) for x in inside) or any(
            x.reading not in REPLACEABLE or x.type not in {"Country", "Group", "Military", "GovernmentBody", "Place"}
            for x in inside):
        return  # known already, or overlapping another name
    toks = sent.token_range(lo, hi)
    if not toks:
        return
    country = next((x.iri for x in inside if x.type == "Country"), None) or owner or _place_country(ctx, inside)
    heads = [w.group() for w in words[span[0]:span[1]] if w.group() in head_words()]
    if heads[-1] in _government_heads() or _central_bank(name, heads[-1], country):  # "the Department of …"
        kind, iri = "GovernmentBody", mint("body", name)
        country = country or country_before(ctx, sent, toks[0])
    elif _military_heads().get(heads[-1]) == "Military" or heads[-1] in _military_heads() and country:
        kind, iri = "Military", mint("military", name)  # "Rapid Support Forces", "Sudanese Armed Forces"
    else:  # an organization, or a non-state armed group ("National Liberation Army")
        kind, iri = "Organization", mint("organization", name)
    if venue:  # "held at the Korea Institute for Defense Analyses": a venue, an actor only if named as one later
        if ref.get(iri) is None and iri not in ctx.entities:
            ctx.named_venues.setdefault(iri, NewEntity(iri, kind, name, affiliation=country, country=country))
        return
    if ref.get(iri) is None:
        ctx.entities.setdefault(iri, NewEntity(iri, kind, name, affiliation=country, country=country))
    for x in inside:
        ctx.mentions.remove(x)
    ctx.mentions.append(Mention(iri, kind, name, a, b, sent.index, toks[0], toks[-1] + 1,
                                reading="body" if kind == "GovernmentBody" else "actor"))
