"""A name with its office in apposition after it: "Rafael Grossi, the director general of the
International Atomic Energy Agency, …", "Luis Cubeddu, the mission chief for Argentina", "Santiago
Wills, the Colombian ambassador who chairs the talks".

The office is any title of ``rules/titles.jsonl`` (the same matcher as "Foreign Minister Kang"),
with the modifiers written before it ("the Colombian", "the IMF's", "its senior") and its complement
after it ("of the IAEA", "for Argentina").  A one-word name is a person only when the article named
them in full earlier ("Grossi, the director general …").  The person's side is the country or
organization among the modifiers ("the Colombian ambassador"), else the one the complement names
("the director general of the IAEA"); an office that is a ministry's ("Foreign Minister of Chile")
gives that country's ministry.
"""
from __future__ import annotations

from ..context import ArticleContext
from ..facts import NewEntity
from ..iris import mint
from ..topics import time_words
from .people import (COMPLEMENT, LED_BY_VERBS, NOT_NAMES, add, body_entity, institution_words, is_name_token, lowercase_before,
                     name_end, name_start, told_before)

LEADS = {"the", "a", "an", "its", "their", "his", "her"}
COMPLEMENT_STOPS = {",", ";", "(", ")", ".", '"', "“", "”", "who", "which", "that", "and", "since", "until", "when", "said", "says"}
SIDES = {"Country", "Organization", "GovernmentBody"}
MAX_MODIFIERS = 4
MAX_COMPLEMENT = 8


def people_before_offices(ctx: ArticleContext, sent, taken: set[int], known: dict[str, str],
                          offices: list[tuple[int, int, str]]) -> None:
    """Add the people named right before an office in apposition; ``offices`` are the sentence's title
    matches as (first token, end token, title), ``taken`` the tokens other rules have read."""
    doc, start = sent.span.doc, sent.span.start
    particles = set(ctx.lexicon.rules.data("names.json")["particles"])
    honorifics = set(ctx.lexicon.rules.data("names.json")["honorifics"])
    mentions = ctx.mentions_in(sent)
    inside = {i: m for m in mentions if m.type in SIDES or m.reading == "demonym" for i in range(m.tok_start, m.tok_end)}
    in_office = {i for a, b, _ in offices for i in range(a, b)}
    for a, b, title in offices:
        k = a
        while k > start and a - k < MAX_MODIFIERS and _modifier(doc[k - 1], k - 1 in inside):
            k -= 1
        d = k - 1 if k > start and doc[k - 1].lower_ in LEADS else k
        c = d - 1  # the comma after the name
        if c <= start or doc[c].text != ",":
            continue
        n = name_start(doc, c, start, taken | in_office, particles)
        place = next((m for m in mentions if (m.tok_start, m.tok_end) == (n - 1, n) and _city(ctx, m)), None)
        if place is not None and n < c and is_name_token(doc[n - 1].text):
            n -= 1  # "Santiago Wills, the Colombian ambassador": a given name that is also a city
        if n == c or (n > start and (doc[n - 1].text[:1].isupper() or doc[n - 1].lower_ in {"'s", "’s", "the"})):
            continue  # nothing name-shaped, or the tail of a longer capitalized phrase ("the Army Staff")
        if n - 2 >= start and doc[n - 1].lower_ == "by" and doc[n - 2].lower_ in LED_BY_VERBS:
            continue  # "led by Name, title …": the led-by rule reads the whole title
        while n < c - 1 and doc[n].text in honorifics:
            n += 1  # "Dr Johann Malawana, chair of …": the style is not the name
        words = [t.text for t in doc[n:c]]
        if words[0].lower() in NOT_NAMES or any(w.lower() in time_words() or w.lower() in institution_words() for w in words):
            continue  # "On Thursday, the …": a time, not a name
        name = doc[n:c].text
        iri = known.get(name) or told_before(ctx, name) or (mint("person", name) if len(words) > 1 else None)
        if iri is None:
            continue
        m0 = lowercase_before(doc, a, k)  # "senior adviser"; not "Democratic Party lawmaker" nor "Colombian ambassador"
        written = doc[m0:b].text
        end = _complement_end(doc, b, sent.span.end)
        side = next((inside[i] for i in range(k, a) if i in inside), None)
        of = next((m for m in mentions if m.type in SIDES and b < m.tok_start and m.tok_end <= end), None) \
            if doc[b].lower_ in {"of", "at"} else None  # "envoy to Algeria" is not Algeria's
        whole = of is not None and of.tok_end == end and all(t.lower_ in COMPLEMENT | LEADS for t in doc[b:of.tok_start])
        body = ctx.lexicon.title_rows.get(title, {}).get("body")
        side = side or of
        country = side.iri if side is not None and side.type == "Country" else None
        aff = body_entity(ctx, country, body).iri if body and country else (side.iri if side is not None else None)
        office = written if whole or end == b else f"{written} {doc[b:end].text}"
        ent = ctx.entities.get(iri)
        if ent is not None and ent.title is None:
            ent.title, ent.affiliation, ent.country = office, ent.affiliation or aff, ent.country or country
        if place is not None and place.tok_start == n:
            ctx.mentions.remove(place)
        add(ctx, NewEntity(iri, "Person", name, title=office, affiliation=aff, country=country), sent, n, c, "person")
        taken |= set(range(n, c))


def people_after_plural_offices(ctx: ArticleContext, sent, taken: set[int], known: dict[str, str]) -> None:
    """Several people after one plural office: "the two deputy foreign ministers, Takeo Mori and Igor
    Morgulov,", "Foreign Ministers Wang Yi and Sergey Lavrov", "the Co-Chairs, Precious Matsoso of South
    Africa and Roland Driece of the Netherlands".  Each name has two or three words; each person holds the
    office (with the lowercase words written before it) and the country written after "of", if any."""
    doc, end = sent.span.doc, sent.span.end
    lex = ctx.lexicon
    particles = set(lex.rules.data("names.json")["particles"])
    for match_id, a, b in lex.plural_titles(sent.span):
        title = lex.plural_titles.vocab.strings[match_id].split(":", 1)[1]
        m0 = lowercase_before(doc, a, max(sent.span.start, a - 2), LEADS | {"and", "of", "to", "two", "three", "both"})
        office = f"{doc[m0:a].text} {title}" if m0 < a else title
        i = b + 1 if b < end and doc[b].text == "," else b
        names: list[tuple[int, int, str | None]] = []
        countries = {m.tok_start: m for m in ctx.mentions_in(sent) if m.type == "Country"}
        while i < end:
            j = name_end(doc, i, end, taken, particles)
            if j - i < 2 or any(t.lower_ in institution_words() for t in doc[i:j]):
                break
            side = None
            k = j + 1 + (j + 1 < end and doc[j + 1].lower_ == "the")
            if j < end and doc[j].lower_ == "of" and k in countries:  # "Precious Matsoso of South Africa"
                side, y = countries[k].iri, countries[k].tok_end
            names.append((i, j, side))
            j = y if side else j
            if j < end and doc[j].lower_ == "and":
                i = j + 1
            elif j + 1 < end and doc[j].text == "," and doc[j + 1].lower_ != "and" and is_name_token(doc[j + 1].text):
                i = j + 1
            elif j + 2 < end and doc[j].text == "," and doc[j + 1].lower_ == "and":
                i = j + 2
            else:
                break
        if len(names) < 2:
            continue
        for x, y, side in names:
            name = doc[x:y].text
            add(ctx, NewEntity(known.get(name) or mint("person", name), "Person", name, title=office, affiliation=side,
                               country=side), sent, x, y, "person")
            taken |= set(range(x, y))


def _city(ctx: ArticleContext, m) -> bool:
    """A city's name, as a place or standing for its country ("Santiago" for Chile), not a country's own name."""
    if m.reading == "place":
        return True
    ent = ctx.lexicon.reference.get(m.iri)
    return m.reading == "actor" and m.type == "Country" and ent is not None and m.text not in {ent.label, *ent.aliases}


def _modifier(token, in_side: bool) -> bool:
    """A word written before an office: "senior", "Colombian", "IMF", "Fund's", "EU"."""
    text = token.text
    return in_side or text in {"'s", "’s", "-"} or (token.is_alpha and (token.is_lower and text not in LEADS | {"and", "of", "to"}
                                                                      or text[:1].isupper()))


def _complement_end(doc, b: int, end: int) -> int:
    """The end of the office's complement after ``b`` ("of the International Atomic Energy Agency", "for
    Argentina"): up to the next comma, bracket, clause word or stop; ``b`` when there is none."""
    if b >= end or doc[b].lower_ not in COMPLEMENT:
        return b
    j = b + 1
    while j < end and j - b <= MAX_COMPLEMENT and doc[j].text not in COMPLEMENT_STOPS and doc[j].lower_ not in COMPLEMENT_STOPS:
        j += 1
    return j if j > b + 1 and (j >= end or j - b <= MAX_COMPLEMENT) else b
