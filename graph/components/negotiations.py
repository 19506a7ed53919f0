"""Agreements, negotiations and rounds.

The agreement is the one the article names whose parties best match the
countries it mentions (two agreements may share an alias: both the Korean
and the Japanese host-nation deals are "Special Measures Agreements").  The
edition is the one the text names ("the 11th SMA"), else the one under
negotiation at the publication date (reference knowledge).  Rounds carry an
ordinal (words, numerals, "next round" from the previous ordinal), venue,
dates and status; a round without an ordinal is keyed by month and venue so
several articles about the same meeting meet in one node.  Talks the reference
data does not know are named in ``unnamed_talks.py``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, Hit, component
from ..amounts import alternation
from ..dates import PartialDate
from ..emit import Concept
from ..facts import Evidence, Fact
from ..iris import mint, slug
from ..lexicon import cue_key
from ..topics import time_words
from .first_rounds import first_and_last, opening
from .round_parts import (crosses_clause, dateless, dates_expiry, elliptical_round, internal_meeting, ordinal_at, ordinal_before, ordinal_word,
                          other_event, other_rounds, round_status, signing_hit)
from .meeting_dates import meeting_span
from .meeting_notes import apply_notes, note
from .unnamed_talks import cue_counts, reports_talks, unnamed_negotiation

STATIONED = {"troops", "forces", "soldiers", "personnel", "bases", "base", "stationed", "deployed", "military", "workers",
             "employees", "presence", "investment", "investments"}  # "troops in South Korea" is no venue
FAR = 40  # characters: a date this far from an unnumbered round noun is about something else


def _choose_agreement(ctx: ArticleContext):
    """The agreement the article is about: named (and fitting its parties), else inferred from topic and parties."""
    ref = ctx.lexicon.reference
    parties = {m.iri for m in ctx.mentions if m.type in {"Country", "Organization"}}
    scores: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in ctx.mentions:
        if m.reading == "agreement":
            ent = ref.get(m.iri)
            base = ref.get(ent.edition_of) if ent.edition_of else ent
            if not base.parties or set(base.parties) & parties:
                scores[m.iri] = scores.get(m.iri, 0) + 1
                first[m.iri] = min(first.get(m.iri, m.start), m.start)
    if scores:
        day = _published_day(ctx)  # on a tie: the edition under negotiation at publication, then the one named first
        best = max(sorted(scores), key=lambda i: (len(set(ref.get(i).parties) & parties), scores[i],
                                                  _negotiating(ref.get(i), day), -first[i]))
        ctx.mentions = [m for m in ctx.mentions if m.reading != "agreement" or m.iri == best]
        return ref.get(best)
    ctx.mentions = [m for m in ctx.mentions if m.reading != "agreement"]
    return _by_topic(ctx, parties)


def _by_topic(ctx: ArticleContext, parties: set[str]):
    """"talks on the cost of stationing US troops" between the US and South Korea: the SMA, unnamed (not an
    agreement whose negotiation began after the article: 2017 EU–UK trade talk is not the 2020 TCA's)."""
    topics = cue_counts(ctx, "topic")
    # a demonym inside a proper name ("University of British Columbia") does not make its country a party
    parties = {m.iri for m in ctx.mentions if m.iri in parties and not _inside_name(ctx, m)}
    day = _published_day(ctx)  # talks reported before an agreement's own negotiation began are other talks
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if m.iri in parties and m.reading in {"actor", "demonym"}:
            counts[m.iri] = counts.get(m.iri, 0) + 1
    candidates = [e for e in ctx.lexicon.reference.of_type("Agreement")
                  if e.topic_key in topics and e.parties and set(e.parties) <= parties and not e.edition_of
                  and not (day and e.negotiation_start and day < e.negotiation_start) and _main_parties(e.parties, counts)]
    if not candidates:
        return None
    return max(sorted(candidates, key=lambda e: e.iri), key=lambda e: topics[e.topic_key])


def _main_parties(parties, counts: dict[str, int]) -> bool:
    """The agreement's parties are the article's main sides: none is named less than half as often as a
    country or organization outside them (a UK–Australia trade deal that mentions the EU once is not the
    EU–UK trade agreement's)."""
    others = [n for iri, n in counts.items() if iri not in parties]
    return not others or min(counts.get(p, 0) for p in parties) * 2 >= max(others)


def _inside_name(ctx: ArticleContext, m) -> bool:
    """A demonym between capitalised words or after "of" in one: "University of British Columbia"."""
    if m.reading != "demonym":
        return False
    doc = ctx.sentences[m.sentence].span.doc
    before = doc[m.tok_start - 1].text if m.tok_start > 0 else ""
    after = doc[m.tok_end].text if m.tok_end < len(doc) else ""
    return after[:1].isupper() and (before[:1].isupper() or before == "of")


@lru_cache(maxsize=256)
def _edition_pattern(forms: tuple[str, ...]) -> re.Pattern:
    """ "11th SMA", "10th Special Measures Agreement": an ordinal (group 1) before one of an agreement's names."""
    return re.compile(rf"\b(\d+)(?:st|nd|rd|th)\s+(?:{alternation(forms)})\b")


def _edition(ctx: ArticleContext, agreement):
    ref = ctx.lexicon.reference
    editions = ref.editions(agreement.iri)
    if not editions:
        return None
    d = _published_day(ctx)
    current = lambda e: _negotiating(e, d)  # noqa: E731
    named: dict[str, tuple[int, int]] = {}  # edition -> (times named, -first position)
    for m in _edition_pattern((agreement.label, *agreement.aliases)).finditer(ctx.cleaned.text):
        n, first = named.get(m.group(1), (0, -m.start()))
        named[m.group(1)] = (n + 1, first)
    # the named edition under negotiation at publication ("signed the 10th SMA … talks on the 11th SMA could
    # begin" in March 2019), else the one named most, then the first named ("the 12th SMA … replaces the 11th")
    told = [e for e in editions if str(e.edition) in named]
    if told:
        return _under_way(ctx, max(told, key=lambda e: (current(e), named[str(e.edition)][0], named[str(e.edition)][1])))
    return next((e for e in editions if current(e)), None)


def _under_way(ctx: ArticleContext, edition):
    """The edition under negotiation at publication when the one the text names was concluded before it:
    talks in 2024 "under the 11th SMA, which expires at the end of 2025" are the 12th's (reference dates)."""
    d = _published_day(ctx)
    if d is None or edition.negotiation_end is None or edition.negotiation_end >= d or not edition.edition_of:
        return edition
    talks = [e for e in ctx.lexicon.reference.editions(edition.edition_of) if _negotiating(e, d)]
    return talks[0] if talks and reports_talks(ctx) else edition


def _published_day(ctx: ArticleContext):
    """The first day of the publication date (``None`` when the article has none)."""
    return ctx.published.first_day() if ctx.published is not None else None


def _negotiating(edition, day) -> bool:
    """``edition`` was under negotiation on ``day`` (its reference negotiation window holds the day)."""
    return bool(day and edition.negotiation_start and edition.negotiation_end
                and edition.negotiation_start <= day <= edition.negotiation_end)


@component("agreements")
def agreements(ctx: ArticleContext) -> None:
    agreement = _choose_agreement(ctx)
    if agreement is None:
        unnamed_negotiation(ctx)
        return
    if agreement.edition_of:  # the text named an edition ("the 11th Special Measures Agreement")
        edition, agreement = _under_way(ctx, agreement), ctx.lexicon.reference.get(agreement.edition_of)
    else:
        edition = _edition(ctx, agreement)
    target = edition or agreement
    iri = mint("negotiation", target.slug.split("/")[-1])
    ev = [Evidence(m.sentence, m.start, m.end) for m in ctx.mentions if m.reading == "agreement"][:1]
    ctx.facts.append(Fact("negotiation", iri, {"@label": f"{target.label} negotiation", "agreement": target.iri,
                                                "party": list(agreement.parties)}, ev))
    ctx.negotiation = iri
    ctx.payer = agreement.payer


def _venue(ctx: ArticleContext, sent, tok: int):
    doc = sent.span.doc
    # "the third round since the leaders agreed to a truce in Buenos Aires": the place of an earlier event
    since = next((i for i in range(tok, sent.span.end) if sent.tokens.lower[i] == "since"), sent.span.end)
    until = next((i for i in range(since, sent.span.end) if sent.tokens.text[i] in {",", ";", "(", "--", "—"}), sent.span.end)
    places = [m for m in ctx.mentions_in(sent) if m.reading == "place" and m.type == "Place" and not since <= m.tok_start < until
              and not (m.tok_start > sent.span.start + 1 and doc[m.tok_start - 1].lower_ == "the" and doc[m.tok_start - 2].lower_ == "on")]
    at = sent.char(tok) - sent.start
    if any(crosses_clause(sent.text, m.start - sent.start, at) for m in places):
        # "The third round was held in Valparaiso in July, while the fifth is set for Ottawa": the noun's clause
        places = [m for m in places if not crosses_clause(sent.text, m.start - sent.start, at)]
    if not places:  # "the first meeting took place in Singapore", "the next round in South Korea"
        def _in(m) -> int | None:  # token index of the "in" before a country mention
            i = m.tok_start - 1 - (doc[m.tok_start - 1].lower_ == "the")
            return i if i > sent.span.start and doc[i].lower_ == "in" else None

        places = [m for m in ctx.mentions_in(sent) if m.type == "Country" and m.reading == "actor" and _in(m)
                  and abs(m.tok_start - tok) <= 8 and doc[_in(m) - 1].lower_ not in STATIONED]
    heads = ctx.lexicon.rules.data("negotiation.json")["venue_heads"]
    # "at the Korea Institute for Defense Analyses", "at the Office of the U.S. Trade Representative"
    word = r"(?:(?:[A-Z]\.){2,3}|[A-Z][\w'-]+)"
    m = re.search(r"\b(?:at|in)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s+){0,4}(?:%s)(?:\s+(?:(?:for|of|on|and)\s+(?:the\s+)?)?%s){0,4})"
                  % ("|".join(heads), word), sent.text)
    if places and (m is None or min(p.start for p in places) - sent.start < m.start()
                   or min(abs(p.start - sent.start - at) for p in places) < abs(m.start() - at)):
        doc = sent.span.doc
        preps = set(ctx.lexicon.rules.data("negotiation.json")["venue_prepositions"])
        after_prep = lambda p: p.tok_start > sent.span.start and doc[p.tok_start - 1].lower_ in preps - {"on"}  # noqa: E731
        return min(places, key=lambda m: (not after_prep(m), m.tok_start < tok, abs(m.tok_start - tok))).iri
    capital = _capital_named(ctx, sent.text)
    if capital and (m is None or capital[1] < m.start()):
        return capital[0]  # "reconvene in the Austrian capital next week"
    if m is None and re.search(r"\bhere\b", sent.text) and ctx.cleaned.dateline_place:
        here = _dateline_place(ctx)  # "held a meeting here today": the dateline's city
        if here:
            return here
    unknown = _unknown_place(ctx, sent, tok)
    if m and (unknown is None or abs(m.start() - at) <= abs(unknown[1] - at)):
        name = OWNER.sub("", re.sub(r"\s*\([A-Z]+\)$", "", m.group(1)).strip())
        name = _without_trailing_time(name)  # "the State Department on Thursday": the venue ends before its day
    else:  # "… since the fourth round in Arica": a name the reference data does not know, nearer the noun
        name = unknown[0] if unknown else None
    return ctx.new_place(name) if name else None


def _without_trailing_time(name: str) -> str:
    """A venue name without a time phrase its pattern ran into: "State Department on Thursday" -> "State Department"."""
    words = name.split()
    times = time_words()
    for k in range(1, len(words)):
        if words[k].lower() in times:
            words = words[:k - 1] if words[k - 1].lower() in {"on", "for", "of", "and"} else words[:k]
            break
    return " ".join(words)


# "at the Korea National Diplomatic Academy", "at the Office of the U.S. Trade Representative"
UNKNOWN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’]+(?:-[A-Z][\w'’]+)*(?:\s+[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*){0,2}"
                           r"(?:\s+(?:of|des|de|du|del|della|di|la|le)\s+(?:the\s+)?[A-Z][\w.'’]*[\w'’]"
                           r"(?:\s+[A-Z][\w.'’]*[\w'’]){0,3})?)")  # "the Palais des Nations"
OWNER = re.compile(r"^[A-Z][\w.]*['’]s\s+(?=[A-Z])")  # "GM's Renaissance Center": the owner is not the venue's name


@lru_cache(maxsize=1)
def _meeting_words() -> frozenset[str]:
    """Words a venue's "in"/"at" follows: round and talk nouns, meeting verbs ("held in", "met at")."""
    neg = load_rules().data("negotiation.json")
    return frozenset(w.lower() for w in [*neg["round_nouns"], *neg["talk_nouns"], *neg["meeting_verbs"]])


def _unknown_place(ctx: ArticleContext, sent, tok: int) -> tuple[str, int] | None:
    """A capitalized name after "in"/"at" near the round noun that the reference data does not know:
    "at the Chushul-Moldo border point", "held in October at Moldo".  Time words, names of known
    non-place entities and places of stationed troops are not venues.  Returns the name and where its
    "in"/"at" stands in the sentence."""
    times = time_words() | {"fiscal", "phase", "round"}
    near = sent.char(tok) - sent.start
    for m in UNKNOWN_PLACE.finditer(sent.text):
        words = m.group(1).split()
        if words[0].lower() in times or abs(m.start() - near) > 60:
            continue
        lead = sent.text[:m.start()].rstrip()
        last = lead.rsplit(None, 1)[-1].lower() if lead else ""  # the word before "in"/"at"
        if last.strip(",") not in _meeting_words() and last.strip(",") not in times and not lead.endswith(","):
            continue  # "led to a pullback at Gogra": the place of something else
        a = sent.start + m.start(1)
        if any(x.start < a + len(m.group(1)) and a < x.end for x in ctx.mentions_in(sent)):
            continue  # a known entity: placed (or not) by the rules above
        if last in STATIONED:
            continue
        return OWNER.sub("", m.group(1)), m.start()
    return None


def _capital_named(ctx: ArticleContext, text: str) -> tuple[str, int] | None:
    """ "the Austrian capital", "the South Korean capital": the capital city of the country named (and where)."""
    for m in re.finditer(r"\b(?:in|to|at)\s+the\s+((?:[A-Z][\w.'-]*\s+){1,3})capital\b", text):
        words = m.group(1).strip()
        for e in ctx.lexicon.reference.of_type("Country"):
            if e.capital and (words in e.demonyms or words == e.label):
                return e.capital, m.start()
    return None


def _dateline_place(ctx: ArticleContext) -> str | None:
    """The place of the dateline ("PUTRAJAYA, March 14 --"): a known place, else a new one."""
    known = ctx.dateline_place()
    return known.iri if known is not None else ctx.new_place(ctx.cleaned.dateline_place)


SPAN_DAY = re.compile(r"^\s*(?:-|–|—|to|through|until|and)\s*(\d{1,2})\b(?!\s*(?:st|nd|rd|th)?\s*(?:round|percent|%))")
SPAN_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|until|and)\s*$")


def _spans_days(ctx: ArticleContext, sent) -> bool:
    """Whether ``sent`` gives a span of days ("from March 7 to 21", "on Tuesday and Wednesday"): a working
    session, not a one-day call on a minister."""
    times = [t for t in ctx.times(sent) if t.date is not None]
    return any(_span_end(sent.text, t, times) is not None for t in times)


def _span_end(text: str, start, times):
    """"March 7-9" or "Tuesday and Wednesday": the end day of a meeting that spans days."""
    d = start.date
    if d is None or d.precision != "day":
        return None
    m = SPAN_DAY.match(text[start.end:])
    if m:
        day = int(m.group(1))
        if d.day < day <= 31:
            try:
                return PartialDate(d.year, d.month, day) if PartialDate(d.year, d.month, day).first_day() else None
            except ValueError:
                return None
    for t in times:
        if t.start >= start.end and SPAN_JOIN.match(text[start.end:t.start]) and t.date and t.date.precision == "day" \
                and t.date.first_day() > d.first_day() and (t.date.first_day() - d.first_day()).days <= 7:
            return t.date
    return None


@component("rounds")
def rounds(ctx: ArticleContext) -> None:
    if ctx.negotiation is None:
        return
    known: list[int] = []
    neg_slug = ctx.negotiation.rsplit("/", 1)[-1]
    by_iri: dict[str, Fact] = {}
    notes = []
    firsts: set[str] = set()  # rounds known only from when the talks began: not the meeting an article reports
    signed: dict[str, str] = {}  # the last signing told with its day, by its verb ("signed", "initialed")
    signings: set[str] = set()  # a signing is its own session, never a numbered round told without its date
    for sent in ctx.sentences:
        hits = ctx.hits(sent, "cue")
        session = _session_hits(ctx, sent)  # "the fourth review of its programme": no "round of talks" needed
        round_hits = [h for h in hits if any(f == "roundnoun" for f, _ in ctx.lexicon.cue_values[h.key]) and not internal_meeting(sent, h)]
        round_hits += session
        talk_hits = [h for h in hits if any(f == "talknoun" for f, _ in ctx.lexicon.cue_values[h.key]) and not internal_meeting(sent, h)]
        families = {f for h in hits for f, _ in ctx.lexicon.cue_values[h.key]}
        statuses = {v for h in hits for f, v in ctx.lexicon.cue_values[h.key] if f == "status"}
        day_dated = any(t.date is not None and t.date.precision == "day" for t in ctx.times(sent))
        talk_starts = {h.tok_start for h in talk_hits} | {m.tok_start for m in ctx.mentions_in(sent) if m.reading == "agreement"}
        candidates = [(h, "round") for h in round_hits
                      if not dateless(sent, h) and (h in session or not other_rounds(sent, h, talk_starts))]
        # "a second meeting", "the first talks": a talk noun with an ordinal word before it is a round
        candidates += [(h, "round") for h in talk_hits if not round_hits and (
            ordinal_before(ctx, sent, h.tok_start) is not None  # "the 118th meeting"
            or known and h.tok_start > sent.span.start and sent.tokens.lower[h.tok_start - 1] in {"next", "following"})]
        if not candidates and talk_hits and (statuses & {"broken_off", "concluded"} or "daterole" in families and day_dated
                                             or "held" in statuses and _spans_days(ctx, sent)):
            candidates = [(talk_hits[0], "talks")]  # "held talks in Colombo from March 7 to 21": a session
        signing = signing_hit(ctx, sent, hits) if not candidates and not talk_hits and not round_hits else None
        if signing is not None and day_dated:  # "signed the agreement at the Foreign Ministry on Friday"
            candidates = [(signing, "signing")]
        elif signing is not None and signing.text.lower() in signed and "venue" not in by_iri[signed[signing.text.lower()]].props:
            venue = _venue(ctx, sent, signing.tok_start)  # "signed the pact at the Foreign Ministry in Tokyo"
            if venue is not None:  # the session signed (not the one initialed) with the same verb
                _put(ctx, by_iri, signed[signing.text.lower()], {"venue": venue}, Evidence(sent.index, signing.start, signing.end))
        if candidates:  # "A second round followed in April, and the third took place in Washington"
            candidates += [(h, "round") for h in elliptical_round(ctx, sent) if h.start > max(c.start for c, _ in candidates)]
        elif not talk_hits and known:  # "The third took place in Washington", after rounds were told
            candidates = [(h, "round") for h in elliptical_round(ctx, sent)]
        if "again" in families:  # "the delegations will meet again next month" (also after a round just told)
            again = next(h for h in hits if any(f == "again" for f, _ in ctx.lexicon.cue_values[h.key]))
            if all(h.start < again.start for h, _ in candidates):
                candidates.append((again, "again"))
        opened = set()  # nouns whose date and venue are the first round's
        for h in round_hits:  # "10 rounds, the first in Honolulu in March … and the last in Seoul in December"
            count, plural = ordinal_at(ctx, sent, h.tok_start, known)
            parts = first_and_last(ctx, sent, h) if plural and count and count >= 2 else None
            for n, part in zip((1, count), parts or ()):
                if part is not None and not _to_come(ctx, part.date):  # a part still to come is no round held
                    opened.add(h.start)
                    iri = mint("round", neg_slug, str(n))
                    _put(ctx, by_iri, iri, {"partOf": ctx.negotiation, "status": Concept(("status", "held")), "ordinal": n,
                                            "venue": part.venue, "startDate": part.date}, Evidence(sent.index, h.start, h.end))
        for h in round_hits + talk_hits:  # "rounds that began in Honolulu in April": the first round
            first = opening(ctx, sent, h)
            if first is not None and not _to_come(ctx, first.date):
                opened.add(h.start)
                props = {"partOf": ctx.negotiation, "status": Concept(("status", "held")), "ordinal": 1,
                         "venue": first.venue, "startDate": first.date}
                iri = mint("round", neg_slug, "1")
                firsts |= {iri} - set(by_iri)
                _put(ctx, by_iri, iri, props, Evidence(sent.index, h.start, h.end))
        used = {h.start for h, _ in candidates}
        notes += [n for n in (note(ctx, sent, h, _venue) for h in talk_hits if h.start not in used) if n is not None]
        planned_here = False
        for h, kind in candidates:
            if kind == "again" and planned_here:
                continue  # "will meet again for the third round": that round is the next one
            if kind == "again" and not known and candidates[0][1] != "again":
                continue
            if kind == "round":
                ordinal, plural = ordinal_at(ctx, sent, h.tok_start, known)
                if ordinal == 1 and _first_since(sent, h, {x.tok_start for x in round_hits + talk_hits}):
                    ordinal = None  # "the first session held in Tokyo since talks opened": not the first round
            else:
                planned = [f.props["ordinal"] for f in by_iri.values() if "ordinal" in f.props and f.props["status"][1] == "planned"]
                # "will meet again" after a planned round was told: that same round, not one more
                nxt = (max(planned) if planned else max(known) + 1) if known else None
                ordinal, plural = (nxt if kind == "again" else None), False
            times = [t for t in ctx.times(sent) if t.date is not None and not dates_expiry(sent, t)
                     and not SAID_WHEN.search(sent.text[max(0, t.start - 16):t.start]) and not other_event(sent.text, t.start) and (
                kind == "again" or t.date.precision != "year" or "year" not in t.text
                or any(w in t.text.lower() for w in ("next", "later", "half")))]  # "in the second half of the year"
            if kind == "again" and ctx.published is not None:  # "said on Monday … prepared to continue talks"
                times = [t for t in times if t.date.last_day() >= ctx.published.first_day()]
            precise = [t for t in times if t.date.precision != "year"] or times  # "here today" before "the 1962 pact"
            # "The third round was held in July, while the fifth is set for December": the noun's own clause first
            nearest = min(precise, key=lambda t: (crosses_clause(sent.text, t.start, h.start - sent.start),
                                                  abs(t.start - (h.start - sent.start)))) if precise else None
            own = [t for t in precise if t.start > h.start - sent.start and OWN_SPAN.search(sent.text[h.end - sent.start:t.start])
                   and _span_end(sent.text, t, times) is not None]
            nearest = own[0] if own else nearest  # "the eighth round, which ran from Tuesday to Thursday": its own days
            joined = [t for t in times if nearest is not None and t.end <= nearest.start and t.date.precision == "day"
                      and nearest.date.precision == "day" and SPAN_JOIN.match(sent.text[t.end:nearest.start])
                      and 0 < (nearest.date.first_day() - t.date.first_day()).days <= 7]
            nearest = joined[-1] if joined else nearest  # "on Thursday and Friday": the span starts at its first day
            if kind == "round" and ordinal is None and nearest is not None and abs(nearest.start - (h.start - sent.start)) > FAR:
                nearest = None  # "the session at X was the first since the third round broke off last month"
            date, end = meeting_span(ctx, sent, nearest, _span_end(sent.text, nearest, times) if nearest else None,
                                     h.start - sent.start)
            if h.start in opened:  # "after seven earlier rounds that began in Honolulu in April": a count only
                date = end = None
            dated = date or end
            if kind == "round" and ordinal is None and dated is None:
                n = note(ctx, sent, h, _venue)  # "the two-day session at the State Department"
                notes += [n] if n is not None else []
                continue
            if ordinal is None and dated is None:
                loose = [f for f in by_iri.values() if "ordinal" not in f.props]
                if loose and kind == "talks":  # more about the meeting already described
                    loose[-1].evidence.append(Evidence(sent.index, h.start, h.end))
                continue
            venue = _venue(ctx, sent, h.tok_start) if h.start not in opened else None
            if kind == "again" and dated is None and venue is None:
                continue  # "would meet again as early as possible, but no date was given": no round to record
            status = "planned" if kind == "again" else "concluded" if kind == "signing" else \
                round_status(ctx, sent, plural, dated, ctx.published, h.tok_start)
            if status == "planned" and date is None and end is not None:  # "wrapped up the round on Friday"
                status = "held"
            planned_here = planned_here or status == "planned"
            if ordinal is not None:
                known.append(ordinal)
                iri = mint("round", neg_slug, str(ordinal))
            else:
                # keyed by month: articles about the same meeting often differ in what they say of its venue
                iri = mint("round", neg_slug, dated.iso()[:7]) if dated else \
                    mint("round", neg_slug, "undated", slug(venue.rsplit("/", 1)[-1]) if venue else "unknown")
            props = {"partOf": ctx.negotiation, "status": Concept(("status", status)), "ordinal": ordinal,
                     "venue": venue, "startDate": date, "endDate": end}
            firsts.discard(iri)
            _put(ctx, by_iri, iri, props, Evidence(sent.index, h.start, h.end))
            if kind == "signing":
                signed[h.text.lower()] = iri
                signings.add(iri)
    _merge_unordinaled(ctx, {i: f for i, f in by_iri.items() if i not in signings}, firsts)
    apply_notes({i: f for i, f in by_iri.items() if f in ctx.facts}, notes)


# "the eighth round of negotiations, which ran from Tuesday to Thursday": a relative clause giving the noun's days
OWN_SPAN = re.compile(r"^[^.;]{0,40},\s+(?:which|that)\s+(?:ran|lasted|was\s+held|were\s+held|took\s+place|continued)\s+from\s+$")
# "…, the IMF said late on Tuesday": the day of the statement, not of the meeting


SAID_WHEN = re.compile(r"\b(?:said|announced|confirmed|reported)\s+(?:late\s+|early\s+)?(?:on\s+)?$")
SESSION_KEY = cue_key("round")  # a session noun reads as the round noun's lexicon entry
SESSION_DETERMINERS = {"the", "a", "an", "its", "their", "this", "that", "next", "last", "latest", "previous", "final", "staff"}


def _session_hits(ctx: ArticleContext, sent) -> list[Hit]:
    """The talks' own session nouns as round nouns ("the fourth review", "a mission to Cairo" in IMF
    programme talks: ``topic_session_nouns`` of ``negotiation.json``)."""
    if not ctx.session_nouns:
        return []
    toks = sent.tokens  # a noun, not the verb: "the fourth review", "a mission", not "to review the programme"
    return [Hit(SESSION_KEY, i, i + 1, sent.char(i), sent.char(i) + len(toks.text[i]), toks.text[i])
            for i in range(sent.span.start + 1, sent.span.end) if toks.lower[i] in ctx.session_nouns
            and (toks.lower[i - 1] in SESSION_DETERMINERS or ordinal_word(ctx, toks.lower[i - 1]))]


def _first_since(sent, h, noun_starts: set[int]) -> bool:
    """ "the first session held in Tokyo since …", "the first talks in more than two years": a superlative,
    not the first round.  "The first round since the truce" still numbers the rounds from that event.
    ``noun_starts``: where the sentence's round and talk nouns begin."""
    toks = sent.tokens
    for i in range(h.tok_end, min(sent.span.end, h.tok_end + 6)):
        if toks.is_punct[i] and toks.text[i] != "-":
            return False
        if toks.lower[i] == "since":
            return i > h.tok_end or any(i < j < i + 5 for j in noun_starts)
        if toks.lower[i] == "in" and i + 1 < sent.span.end and toks.lower[i + 1] in {"more", "over", "almost", "nearly",
                                                                                       "two", "three", "four", "five", "years", "decades"}:
            return True  # "their first formal talks in more than two years": the first for a while
    return False


def _to_come(ctx: ArticleContext, date: PartialDate | None) -> bool:
    """The date begins after the article was published."""
    return bool(date and ctx.published and date.first_day() > ctx.published.last_day())


def _put(ctx: ArticleContext, by_iri: dict[str, Fact], iri: str, props: dict, ev: Evidence) -> None:
    """Add the round ``iri`` (or fill what an earlier sentence left unknown), with this evidence."""
    props = {k: v for k, v in props.items() if v is not None}
    fact = by_iri.get(iri)
    if fact is None:
        fact = by_iri[iri] = Fact("round", iri, props)
        ctx.facts.append(fact)
    else:
        for k, v in props.items():
            old = fact.props.get(k)
            if old is None or (k in {"startDate", "endDate"} and _better_date(k, old, v, fact.props, ctx.published)) \
                    or (k == "venue" and _within(ctx, v, old)) \
                    or (k == "status" and old[1] == "held" and v[1] in {"concluded", "broken_off"}):
                fact.props[k] = v  # "in Hawaii" (headline), then "in Honolulu"; "held", then how it ended
    fact.evidence.append(ev)


def _within(ctx: ArticleContext, place: str, region: str) -> bool:
    """True when ``place`` lies inside ``region`` by the reference data's ``parley:locatedIn`` links."""
    ref, seen = ctx.lexicon.reference, set()
    ent = ref.get(place)
    while ent is not None and ent.located_in and ent.located_in not in seen:
        if ent.located_in == region:
            return True
        seen.add(ent.located_in)
        ent = ref.get(ent.located_in)
    return False


def _better_date(key: str, old, new, props: dict, published) -> bool:
    """A second account of a meeting's date wins when it is finer within the first ("May" -> "May 30"), or
    finer and nearer the publication day when they disagree (a lead's "before the election in November" against
    "ran from Tuesday to Thursday"), or widens a day into the span another sentence gives ("Friday" ->
    "Thursday and Friday", at most a week)."""
    if old.precision != "day":
        if new.precision != "day":
            return False
        if old.first_day() <= new.first_day() <= old.last_day():
            return True
        pub = published.first_day() if published is not None else None
        return pub is not None and abs((new.first_day() - pub).days) < abs((old.first_day() - pub).days)
    if new.precision != "day":
        return False
    other = props.get("endDate" if key == "startDate" else "startDate") or old
    wider = new.first_day() < old.first_day() if key == "startDate" else new.first_day() > old.first_day()
    return wider and abs((other.first_day() - new.first_day()).days) <= 7


def _merge_unordinaled(ctx: ArticleContext, by_iri: dict[str, Fact], firsts: set[str]) -> None:
    """A meeting told first without its ordinal ("talks in Honolulu on March 7") is the ordinal round of that month."""
    def month(f: Fact) -> str | None:
        d = f.props.get("startDate") or f.props.get("endDate")
        return d.iso()[:7] if d is not None and d.precision != "year" else None

    ordinaled = [f for f in by_iri.values() if "ordinal" in f.props and month(f)]
    loose = [f for f in by_iri.values() if "ordinal" not in f.props and month(f)]
    for f in loose:
        statuses = lambda o: {o.props["status"][1], f.props["status"][1]}  # noqa: E731
        same = [o for o in ordinaled if month(o) == month(f) and (len(statuses(o)) == 1 or "planned" not in statuses(o))]
        if not same and f.props["status"][1] != "planned":  # "the first round was held by videoconference"
            same = [o for i, o in by_iri.items() if "ordinal" in o.props and not month(o) and o.props["status"][1] != "planned"
                    and i not in firsts]
        if len(same) != 1:
            continue
        o = same[0]
        for k, v in f.props.items():
            if k in {"startDate", "endDate"} and (k not in o.props or len(v.iso()) > len(o.props[k].iso())):
                o.props[k] = v
            elif k == "venue":
                o.props.setdefault(k, v)
        o.evidence.extend(f.evidence)
        ctx.facts.remove(f)
