"""Actors the reference data may not know: government bodies, named people with
titles, anonymous officials and groups.

Patterns are general: ``[country qualifier] BODY`` ("South Korea's Foreign
Ministry"), ``TITLE Name`` ("Foreign Minister Kang Kyung-wha", "lead
negotiator Jane Doe"), ``Name, TITLE of ...``, ``a [senior] [qualifier]
official``, ``[modifier] lawmakers``.  Heads and titles come from
``rules/bodies.jsonl``, ``rules/titles.jsonl`` and ``rules/groups.jsonl``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ...ontology.rules import load_rules
from ..context import ArticleContext, component
from ..facts import Mention, NewEntity
from ..iris import mint, slug
from ..speakers import speech_hits
from .appositions import people_after_plural_offices, people_before_offices
from .mentions import country_counts
from .people import (COMPLEMENT, LED_BY_VERBS, NOT_NAMES, TITLE_STOP, add, body_entity, country_before, hyphen_tail, institution_words,
                     is_name_token, lowercase_before, name_end, told_before)

ANON_HEADS = {"official", "officials", "spokesperson", "spokesman", "spokeswoman", "diplomat", "diplomats", "source", "sources", "negotiator", "negotiators"}
APOSTROPHES = {"'", "\u2019"}
ANON_MODS = {"a", "an", "one", "the", "senior", "high-ranking", "unnamed", "top", "another", "two", "several", "ranking", "government"}


@component("actors")
def actors(ctx: ArticleContext) -> None:
    ref = ctx.lexicon.reference
    groups = {r["head"]: r for r in ctx.lexicon.rules.table("groups.jsonl")}
    known_people = {e.label: e.iri for e in ref.of_type("Person")}
    for sent in ctx.sentences:
        doc = sent.span.doc
        taken = {i for m in ctx.mentions_in(sent) for i in range(m.tok_start, m.tok_end)}
        cues = ctx.hits(sent, "cue")
        for h in cues:
            for family, value in ctx.lexicon.cue_values[h.key]:
                if family == "body" and value == "government":
                    _the_government(ctx, sent, h, taken)  # "the South Korean government": the country mention acts
                    continue
                if family == "body" and not taken & set(range(h.tok_start, h.tok_end)):
                    country = country_before(ctx, sent, h.tok_start) or ctx.home_country
                    add(ctx, body_entity(ctx, country, value), sent, h.tok_start, h.tok_end, "body")
                    taken |= set(range(h.tok_start, h.tok_end))
                elif family == "group" and value != "media reports" and not taken & set(range(h.tok_start, h.tok_end)):
                    if h.text[:1].isupper() and h.tok_end < sent.span.end and sent.tokens.text[h.tok_end][:1].isupper():
                        continue  # "the Union Budget", "Union Station": a capitalized head inside a name
                    if any(o.tok_start == h.tok_end + 1 and doc[h.tok_end].text in APOSTROPHES for o in cues):
                        continue  # "farmers" in "farmers' unions": the possessive belongs to the group after it
                    row = groups[value]
                    a = h.tok_start
                    mods = sorted(row["modifiers"], key=len, reverse=True)
                    prefix = doc[max(sent.span.start, a - 3):a].text
                    mod = next((m for m in mods if _ends_with_words(prefix, m)), None)
                    head = row["label"]
                    if mod:
                        a -= len(mod.split())
                        mod = mod if not mod.islower() else mod.lower()
                    elif _plural_possessive(doc, a, sent.span.start, taken):
                        mod, head = doc[a - 2].lower_ + "'", h.text.lower()  # "farmers' unions" are not all unions
                        a -= 2
                    country = country_before(ctx, sent, a)
                    label = " ".join(p for p in [max(ref.get(country).demonyms, key=len) if country and ref.get(country) and ref.get(country).demonyms else None, mod, head] if p)
                    iri = mint("group", label)
                    # "ruling party lawmakers" with no country named: the article's home country's
                    side = country or (ctx.home_country if mod else None)
                    add(ctx, NewEntity(iri, "Group", label, affiliation=side), sent, a, h.tok_end, "group")
                    taken |= set(range(a, h.tok_end))
        _titled_people(ctx, sent, taken, known_people)
        _named_speakers(ctx, sent, taken, known_people)
        _led_by(ctx, sent, taken, known_people)
        _anonymous(ctx, sent)
        _delegation_heads(ctx, sent)
    _surnames(ctx)




def _complement_end(doc, b: int, end: int) -> int:
    """The end of an office's complement after ``b``: "to Algeria", "for Lebanon", "of China", "for
    Near Eastern affairs", "of the UN nuclear watchdog" (a preposition, up to six words, the last
    capitalized or one of ``names.json`` ``complement_heads``); else ``b``."""
    if b >= end or doc[b].lower_ not in COMPLEMENT:
        return b
    j = b + 1
    while j < end and j - b <= 6 and doc[j].text not in {",", ";", "(", ")", '"'}:
        j += 1
    last = doc[j - 1].text
    heads = load_rules().data("names.json")["complement_heads"]
    return j if j > b + 1 and j < end and doc[j].text == "," and (last[:1].isupper() or last in heads) else b


def _titled_people(ctx: ArticleContext, sent, taken: set[int], known: dict[str, str]) -> None:
    doc = sent.span.doc
    lex = ctx.lexicon
    honorifics = set(lex.rules.data("names.json")["honorifics"])
    particles = set(lex.rules.data("names.json")["particles"])
    # a PhraseMatcher gives doc token indices; the longest office at a start first ("Chief Cabinet Secretary", not "Chief")
    offices: list[tuple[int, int, str]] = []
    matches = sorted(lex.title_matcher(sent.span), key=lambda m: (m[1], -m[2]))
    office_starts = {a for _, a, _ in matches}
    for match_id, a, b in matches:
        if any(x <= a and b <= y for x, y, _ in offices):
            continue  # "Chief" inside "Chief Cabinet Secretary"
        title = lex.title_matcher.vocab.strings[match_id].split(":", 1)[1]
        offices.append((a, b, title))
        c = _complement_end(doc, b, sent.span.end)  # "the ambassador to Algeria, Name,": the office's complement
        complement, complement_country = "", None
        if c + 1 < sent.span.end and doc[c].text == "," and c + 1 not in office_starts \
                and (is_name_token(doc[c + 1].text) or doc[c + 1].text in honorifics):  # not "negotiator, Director-General Name"
            if c > b:
                complement = doc[b:c].text
                if doc[b].lower_ == "of" and lex.title_rows.get(title, {}).get("body"):  # "Foreign Minister of Chile": Chile's
                    complement_country = next((m.iri for m in ctx.mentions_in(sent) if m.type == "Country" and b <= m.tok_start < c), None)
            b = c + 1  # "its chief negotiator, Lee Tae-woo,": the name in apposition
        while b < sent.span.end and doc[b].text in honorifics and b not in taken:
            b += 1  # "Prime Minister Tun Dr Mahathir Mohamad": styles are not the name
        j = name_end(doc, b, sent.span.end, taken, particles)
        if j - b >= 2 and doc[b].text not in {"Forces", "Department", "Ministry", "State"} \
                and not any(doc[i].lower_ in institution_words() for i in range(b, j)):  # "Commander Level Meeting"
            # "its chief negotiator", "top nuclear negotiator": the office as written
            k = lowercase_before(doc, a, max(sent.span.start, a - 2), TITLE_STOP) if title.islower() else _portfolio_before(ctx, sent, a, title)
            title = doc[k:a].text + " " + title if k < a else title
            name = doc[b:j].text
            iri = known.get(name) or mint("person", name)
            country = country_before(ctx, sent, k) or complement_country
            body = lex.title_rows.get(title, {}).get("body")  # the office as matched or written, before its complement
            aff = body_entity(ctx, country, body).iri if body and country else country
            title = f"{title} {complement}" if complement else title
            office = next((m for m in ctx.mentions_in(sent) if m.reading == "body" and m.tok_end == k), None)
            if office is not None:  # "Chinese Commerce Ministry spokesman Gao Feng": the ministry's spokesman
                aff, country = office.iri, getattr(ctx.entities.get(office.iri), "country", None) or country
            add(ctx, NewEntity(iri, "Person", name, title=title, affiliation=aff, country=country), sent, b, j, "person")
            taken |= set(range(b, j))
    people_before_offices(ctx, sent, taken, known, offices)
    people_after_plural_offices(ctx, sent, taken, known)


NOT_GOVERNMENT_NEXT = {"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "forces",
                       "troops", "bonds", "debt", "spending", "house", "buildings", "employees", "workers", "agencies"}


def _the_government(ctx: ArticleContext, sent, h, taken: set[int]) -> None:
    """"the government", "the federal government" with no country named right before it: a country acting,
    as "Seoul" would: the one named last before it in the sentence, else the one whose government the
    article named earlier ("Yemen's government", "the Yemeni government"), else the article's
    most-mentioned country, else its home country."""
    doc, start, end = sent.span.doc, sent.span.start, sent.span.end
    if h.text.lower() != "government" or taken & set(range(h.tok_start, h.tok_end)):
        return
    k = h.tok_start - 1
    if k > start and doc[k].lower_ in {"federal", "national", "central"}:
        k -= 1
    if k < start or doc[k].lower_ != "the" or (h.tok_end < end and (doc[h.tok_end].text[:1].isupper()
                                                                     or doc[h.tok_end].lower_ in NOT_GOVERNMENT_NEXT)):
        return  # "a government", "the Government House", "government officials": not the country acting
    here = [m for m in ctx.mentions_in(sent) if m.type == "Country" and m.reading in {"actor", "demonym"} and m.tok_end <= k]
    if here:  # "a South Korean official said the government …": the country named before it in the sentence
        country = max(here, key=lambda m: m.tok_end).iri
    else:
        country = _named_government(ctx, sent.index) or _most_mentioned(ctx) or ctx.home_country
    if country is None:
        return
    ctx.mentions.append(Mention(country, "Country", h.text, sent.base + doc[h.tok_start].idx,
                                sent.base + doc[h.tok_end - 1].idx + len(doc[h.tok_end - 1].text), sent.index,
                                h.tok_start, h.tok_end, reading="actor"))
    taken |= set(range(h.tok_start, h.tok_end))


def _most_mentioned(ctx: ArticleContext) -> str | None:
    counts = country_counts(ctx)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else None


def _named_government(ctx: ArticleContext, upto: int) -> str | None:
    """The country last named with "government" in sentences before ``upto``: "Yemen's government",
    "the Yemeni government" (not the dateline's Sweden when "the government" is Yemen's)."""
    found = None
    for m in ctx.mentions:
        if m.sentence >= upto or m.type != "Country" or m.reading not in {"actor", "demonym"}:
            continue
        toks = ctx.sentences[m.sentence].tokens
        nxt = m.tok_end + (1 if m.tok_end < len(toks.lower) and toks.lower[m.tok_end] in {"'s", "’s"} else 0)
        if nxt < len(toks.lower) and toks.lower[nxt] == "government" and (found is None or m.sentence >= found[0]):
            found = (m.sentence, m.iri)
    return found[1] if found else None


PORTFOLIO_OFFICES = {"Minister", "Secretary", "Commissioner", "Director", "Cabinet Secretary", "Minister of State"}


def _portfolio_before(ctx: ArticleContext, sent, a: int, title: str) -> int:
    """The first of up to two capitalized words naming an office's portfolio right before it ("Ethiopian
    Water Minister", "Egypt's Irrigation Minister"): they belong to the title, and the country comes
    before them.  Not a word of a name already read, nor a stop word ("Then Minister")."""
    if title not in PORTFOLIO_OFFICES:
        return a
    doc = sent.span.doc
    named = {i for m in ctx.mentions_in(sent) for i in range(m.tok_start, m.tok_end)}
    k = a
    while k > max(sent.span.start, a - 2) and doc[k - 1].is_title and doc[k - 1].is_alpha and not doc[k - 1].is_stop \
            and k - 1 not in named:
        k -= 1
    return k


def _named_speakers(ctx: ArticleContext, sent, taken: set[int], known: dict[str, str]) -> None:
    """ "…," Kim Myong Gil told reporters': two or three capitalized words right before a speech verb,
    or right after one at the end of a clause ("said Kenji Mori."), that no rule has read yet, are a person."""
    doc = sent.span.doc
    lower = sent.tokens.lower
    honorifics = set(ctx.lexicon.rules.data("names.json")["honorifics"])
    verbs = {(h.tok_start, h.tok_end, h.key): h for kind in ("verb", "to_listener") for h in speech_hits(ctx, sent, kind)}
    for h in sorted(verbs.values(), key=lambda h: (h.tok_start, h.tok_end)):
        b = h.tok_start
        if b - 1 > sent.span.start and sent.tokens.lower[b - 1] in {"has", "had", "have"}:
            b -= 1  # "Michel Barnier has said"
        apposed = _apposed_name(doc, sent, b, taken)  # "Russia's envoy in Vienna, Mikhail Ulyanov, said"
        a, b = apposed if apposed else (b, b)
        while not apposed and a > sent.span.start and b - a < 3 and is_name_token(doc[a - 1].text) and a - 1 not in taken:
            a -= 1
        full = _full_name_before(ctx, sent, a) if b - a == 1 and lower[a] not in NOT_NAMES and doc[a].text not in honorifics \
            and told_before(ctx, doc[a].text) is None else None
        if b - a < 2 and full is None:  # after the verb: 'said Kenji Mori.'
            a = h.tok_end
            b = name_end(doc, a, sent.span.end, taken, set())
            if b - a < 2 or (b < sent.span.end and not sent.tokens.is_punct[b]):
                continue
        if lower[a] in NOT_NAMES or any(mm.tok_start < b and a < mm.tok_end for mm in ctx.mentions_in(sent)) \
                or (a > sent.span.start and lower[a - 1] in {"of", "for", "and", "&"}) or lower[b - 1] in institution_words():
            continue  # "the Department of National Defense said", "the Asian Development Bank said": not a person
        while a < b and (doc[a].text in honorifics or doc[a].text in _one_word_titles()):
            a += 1  # "Mr Shah told Dawn", "Senator Farrell said": the name is "Shah", "Farrell"
        if a == b:
            continue
        name = doc[a:b].text
        earlier = told_before(ctx, name)
        if earlier is None and b - a < 2:
            if full is None:
                continue  # one word: a surname the surname rule may resolve
            earlier = mint("person", full[0])  # "Bayramov said", after "Ararat Mirzoyan of Armenia and Jeyhun Bayramov"
            add(ctx, NewEntity(earlier, "Person", full[0]), ctx.sentences[full[1]], full[2], full[3], "person")
        iri = earlier or known.get(name) or mint("person", name)
        title, country = _apposed_title(ctx, sent, a) if apposed else (None, None)
        add(ctx, NewEntity(iri, "Person", name, title=title, affiliation=country, country=country),
             sent, a, b, "person")  # a person named earlier keeps their node
        taken |= set(range(a, b))


@lru_cache(maxsize=1)
def _one_word_titles() -> frozenset[str]:
    """Capitalized one-word titles of ``titles.jsonl`` ("Senator", "President"): not part of a name."""
    return frozenset(r["title"] for r in load_rules().table("titles.jsonl") if " " not in r["title"] and r["title"][:1].isupper())


def _apposed_name(doc, sent, verb: int, taken: set[int]) -> tuple[int, int] | None:
    """Two or three name words between commas right before the speech verb at ``verb``: the tokens."""
    b = verb - 1
    if b <= sent.span.start or doc[b].text != ",":
        return None
    a = b
    while a > sent.span.start and b - a < 3 and is_name_token(doc[a - 1].text) and a - 1 not in taken:
        a -= 1
    return (a, b) if b - a >= 2 and a - 1 >= sent.span.start and doc[a - 1].text == "," else None


def _apposed_title(ctx: ArticleContext, sent, a: int) -> tuple[str | None, str | None]:
    """The office before an apposed name and the country that holds it: "Russia's envoy in Vienna, Name,"
    -> ("envoy in Vienna", Russia).  Only a short phrase that starts in lower case is an office."""
    doc = sent.span.doc
    comma = a - 1
    start = sent.span.start
    for i in range(comma - 1, start - 1, -1):
        if doc[i].lower_ in {"'s", "’s"}:
            start = i + 1
            break
        if doc[i].text in {",", ";", "(", '"', "“", "”"}:
            start = i + 1
            break
    while start < comma and doc[start].lower_ in {"the", "a", "an", "its", "their"}:
        start += 1
    words = doc[start:comma]
    if not 1 <= len(words) <= 8 or not words[0].is_lower or not words[0].is_alpha:
        return None, None
    return words.text, country_before(ctx, sent, start)


NAME_WORD = r"[A-Z][a-z\u00e0-\u024f]+(?:[A-Z][a-z\u00e0-\u024f]+)?(?:-[a-z]+)?"  # "Valdés", "DeHart", "Kyung-wha"
LED_BY = re.compile(rf"\b(?:{'|'.join(LED_BY_VERBS)})\s+by\s+"
                    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})\b(?!\s+(?:Department|Ministry|Forces|Agency))"
                    r"(?:,\s+(?P<title>(?!a\b|an\b|who\b|which\b)[a-z][\w-]*(?:\s+(?!at\b|in\b|who\b)[\w'’-]+){0,7}?)(?=\s+at\b|\s+in\b|[,.;]|$))?")


def _led_by(ctx: ArticleContext, sent, taken: set[int], known: dict[str, str]) -> None:
    """ "The U.S. team is led by James DeHart, senior adviser for ...": a person, their title, their side."""
    for m in LED_BY.finditer(sent.text):
        toks = sent.token_range(m.start("name"), m.end("name"))
        if not toks or set(toks) & taken:
            continue
        name = m.group("name")
        if {w.lower() for w in name.split()} & ctx.lexicon.title_words:
            continue  # "led by Vice Premier Liu He": the title matcher's business
        iri = known.get(name) or mint("person", name)
        sides = [mm for mm in ctx.mentions_in(sent) if mm.type == "Country" and mm.tok_end <= toks[0]]
        country = max(sides, key=lambda mm: mm.tok_end).iri if sides else None
        add(ctx, NewEntity(iri, "Person", name, title=m.group("title"), affiliation=country), sent, toks[0], toks[-1] + 1, "person")
        taken |= set(toks)


def _delegation_heads(ctx: ArticleContext, sent) -> None:
    """ "Vice Foreign Minister Chen Xiaodong headed the Chinese delegation": a person whose title named no
    country speaks for the side they lead (verbs and nouns in ``negotiation.json``)."""
    neg = ctx.lexicon.rules.data("negotiation.json")
    lower = sent.tokens.lower
    ms = ctx.mentions_in(sent)
    for m in ms:
        ent = ctx.entities.get(m.iri)
        if m.reading != "person" or ent is None or ent.country is not None:
            continue
        i = m.tok_end + (m.tok_end < sent.span.end and lower[m.tok_end] == ",")
        if i >= sent.span.end or lower[i] not in neg["head_verbs"]:
            continue
        i += 1 + (i + 1 < sent.span.end and lower[i + 1] == "the")
        side = next((x for x in ms if x.tok_start == i and x.type == "Country"), None)
        if side is None:
            continue
        j = side.tok_end + (side.tok_end < sent.span.end and lower[side.tok_end] in {"'s", "’s"})
        if not any(tuple(lower[j:j + len(n.split())]) == tuple(n.split()) for n in neg["delegation_nouns"]):
            continue
        body = ctx.lexicon.title_rows.get(ent.title or "", {}).get("body")
        ent.country = side.iri
        if ent.affiliation is None:
            ent.affiliation = body_entity(ctx, side.iri, body).iri if body else side.iri


def _plural_possessive(doc, a: int, start: int, taken: set[int]) -> bool:
    """A plural noun's possessive right before token ``a``: "farmers'" in "farmers' unions"."""
    return (a - 2 >= start and doc[a - 1].text in APOSTROPHES and doc[a - 2].is_alpha
            and doc[a - 2].lower_.endswith("s") and doc[a - 2].lower_ not in STOP_WORDS and a - 2 not in taken)


def _ends_with_words(text: str, phrase: str) -> bool:
    """``text`` ends with the whole words of ``phrase``; case-blind for a lower-case phrase ("Ruling party")."""
    t, p = (text.lower(), phrase) if phrase.islower() else (text, phrase)
    return t.endswith(p) and (len(t) == len(p) or not t[-len(p) - 1].isalnum())


def _anonymous(ctx: ArticleContext, sent) -> None:
    doc, lower = sent.span.doc, sent.tokens.lower
    for i in range(sent.span.start, sent.span.end):
        if lower[i] not in ANON_HEADS:
            continue
        if any(m.tok_start == i + 1 and m.type == "Person" for m in ctx.mentions_in(sent)):
            continue  # "Commerce Ministry spokesman Gao Feng": a title before a name, not an anonymous speaker
        t = doc[i]
        a = i
        while a > sent.span.start and (doc[a - 1].lower_ in ANON_MODS or any(m.tok_end == a for m in ctx.mentions_in(sent) if m.reading in {"body", "demonym", "actor"})):
            prev = [m for m in ctx.mentions_in(sent) if m.tok_end == a and m.reading in {"body", "demonym", "actor"}]
            a = prev[0].tok_start if prev else a - 1
        quals = [m for m in ctx.mentions_in(sent) if a <= m.tok_start and m.tok_end <= i and m.reading in {"body", "demonym", "actor"}]
        if a == i or not quals and doc[a].lower_ not in {"a", "an", "one"}:
            continue
        body = next((m.iri for m in quals if m.reading == "body"), None)
        aff = body or next((m.iri for m in quals), None) or ctx.home_country
        if aff is None:
            continue
        aff_label = ctx.entity(aff).label
        label = f"anonymous {aff_label} {t.lower_.rstrip('s') if t.lower_.endswith('officials') else t.lower_}"
        iri = mint("person", "anonymous", ctx.doc.id, slug(aff_label), t.lower_)
        add(ctx, NewEntity(iri, "Person", label, affiliation=aff, anonymous=True), sent, a if doc[a].lower_ not in {"a", "an", "the", "one"} else a + 1, i + 1, "anon")


def _full_name_before(ctx: ArticleContext, sent, a: int) -> tuple[str, int, int, int] | None:
    """The one full name ending in the surname at token ``a`` that the article wrote before it, no rule having
    read it as a person ("Jeyhun Bayramov of Azerbaijan", "and Raymond Greene, chargé d'affaires"): (name,
    sentence, first token, end token)."""
    surname = sent.tokens.text[a]
    titles = _one_word_titles()
    found: dict[str, tuple[str, int, int, int]] = {}
    for earlier in ctx.sentences[:sent.index + 1]:
        text, lower = earlier.tokens.text, earlier.tokens.lower
        last = a if earlier is sent else earlier.span.end
        spots = [j for j in range(earlier.span.start + 1, last) if text[j] == surname]
        if not spots:
            continue  # most sentences: the word is not there, so no mention need be read
        named = {i for m in ctx.mentions_in(earlier) for i in range(m.tok_start, m.tok_end)}
        countries = {m.tok_start for m in ctx.mentions_in(earlier) if m.type == "Country"}
        for j in spots:
            if j in named:
                continue
            e = hyphen_tail(earlier.span.doc, j + 2, earlier.span.end) if j + 1 < earlier.span.end \
                and is_name_token(text[j + 1]) else j + 1
            if e > j + 2 and not (e < earlier.span.end and is_name_token(text[e])) and not is_name_token(text[j - 1]):
                # the family name first with a hyphenated given name: "Lee told reporters" after "Lee Tae-woo"
                found.setdefault(earlier.span.doc[j:e].text, (earlier.span.doc[j:e].text, earlier.index, j, e))
                continue
            i = j
            while i > earlier.span.start and j - i < 2 and is_name_token(text[i - 1]) and text[i - 1] not in titles \
                    and lower[i - 1] not in NOT_NAMES and i - 1 not in named:
                i -= 1
            of_what = j + 2 < earlier.span.end and lower[j + 1] in {"of", "for"} and j + 2 not in countries
            longer = j + 1 < earlier.span.end and is_name_token(text[j + 1]) or of_what or is_name_token(text[i - 1])
            # "State Nurses Association", "Royal College of Nursing" (not "Jeyhun Bayramov of Azerbaijan")
            if i < j and i > earlier.span.start and not longer and not institution_words() & set(lower[i:j + 1]):
                # not the sentence's first word (any word may be), nor part of a longer name ("State Nurses Association")
                name = " ".join(text[i:j + 1])
                found.setdefault(name, (name, earlier.index, i, j + 1))
    return next(iter(found.values())) if len(found) == 1 else None


def _surnames(ctx: ArticleContext) -> None:
    """Later bare surnames ("Esper said") refer to a person named in full earlier in the article."""
    people = {m.iri: m for m in ctx.mentions if m.type == "Person" and m.reading in {"person", "actor"}}
    short: dict[str, str] = {}
    for iri, m in people.items():
        parts = m.text.split()
        tail = parts[-1].split("-", 1)  # "al-Sisi" is "Sisi" again later
        forms = {parts[0], parts[-1]} | ({tail[1]} if len(tail) == 2 and tail[0].islower() else set())
        for p in forms:
            short[p] = iri if p not in short else ""
    # two letters only for a name-shaped word that is no English word ("Li", "Wu"; not "He", "So")
    short = {k: v for k, v in short.items() if v and (len(k) > 2 or (k.istitle() and k.lower() not in STOP_WORDS))}
    if not short:
        return
    for sent in ctx.sentences:
        text, idx = sent.tokens.text, sent.tokens.idx
        hits = [i for i in range(sent.span.start, sent.span.end) if text[i] in short]
        if not hits:
            continue
        taken = {i for m in ctx.mentions_in(sent) for i in range(m.tok_start, m.tok_end)}
        for i in hits:
            if i not in taken and (i + 1 >= sent.span.end or not is_name_token(text[i + 1])):
                ctx.mentions.append(Mention(short[text[i]], "Person", text[i], sent.base + idx[i],
                                            sent.base + idx[i] + len(text[i]), sent.index, i, i + 1, reading="person"))
