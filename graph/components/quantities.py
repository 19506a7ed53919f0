"""Quantities: money, percentages, ratios and counts, with role, subject, year and claimant.

* **Role** comes from the cue words of ``rules/amount_roles.jsonl`` nearest the
  figure, weighted by the file's priority (a "gap" word beats a "pay" word at
  the same distance).  An infinitive under a demand ("asked Seoul *to pay*
  $5 billion") takes the governing verb's role.  A percentage of a payment is
  a ``share``; a percentage increase keeps the role of what it increases.
* **Subject**: in a negotiation whose agreement names a payer (host-nation
  cost sharing), what is paid, demanded, offered, shared or disputed is the
  payer's; total costs are the other party's.  Elsewhere the nearest actor.
  Counts follow their noun's rule: troops are the force stationed in the
  host country, workers a group of the host country's workers, "categories"
  the agreement's.
* **Year**: a year-precision time expression in the sentence ("this year",
  "for 2020"), never a rate ("a year").
* **Claimant**: "according to …", the sentence's speaker, or a hedge.

A figure restated in another currency (in parentheses, or ", or about …")
shares everything and is linked with ``parley:sameAmountAs``.  The IRI is
minted from value, unit, role, subject and year, so the same fact reported by
several articles is one node with several evidence nodes, and conflicting
figures stay side by side.
"""
from __future__ import annotations

import re

from ..amounts import Quantity, find_quantities
from ..context import ArticleContext, Hit, component
from ..currencies import local_code
from ..dates import PartialDate
from ..emit import Concept, format_decimal
from ..facts import Evidence, Fact, NewEntity
from ..iris import mint
from ..nlp import Sentence
from ..speakers import Speaker, claimant
from .affiliations import reports

LEFT, RIGHT = 12, 5  # token windows for role cues
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "of", "this", "that", "these", "those"}
RIGHT_BONUS = 6  # "the 1.04 trillion won Seoul paid": a cue right after the figure is its own clause's verb
PAYER_ROLES = {"contribution", "demand", "offer", "gap", "share"}
RISE = re.compile(r"^\W*(?:\w+\W+)?(?:increase|rise|hike|raise|jump|boost|growth|cut|reduction|decrease)\b|^\W*(?:more|higher|up|down)\b", re.I)
RISE_BEFORE = re.compile(r"\b(?:increase[sd]?|rises|rise|rose|risen|raised?|hike[sd]?|jump(?:s|ed)?|boost(?:s|ed)?|up|grows|grew|growth|climb(?:s|ed)?|cut|lowered)\s+(?:of\s+|by\s+)?(?:about\s+|around\s+|some\s+|a\s+|an\s+)?$", re.I)
# "raised Seoul's contribution for 2021 by 13.9 percent": the verb's object stands between it and "by"
RISE_BY = re.compile(r"\b(?:increase[sd]?|raise[sd]?|hike[sd]?|boost(?:s|ed)?|lift(?:s|ed)?|cut|lower(?:s|ed)?|reduce[sd]?|"
                     r"trim(?:s|med)?)\b[^,;.()]{1,60}\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|at\s+least\s+|more\s+than\s+|"
                     r"up\s+to\s+|almost\s+|over\s+)?$", re.I)
# "Under the proposal, Seoul would have increased its contribution …": the frame names the first figure's role
UNDER_FRAME = re.compile(r"^\s*Under\s+(?:the|that|this|its|their|a|an|[A-Z][\w.]*['’]s)\s+(?:\w+\s+)?"
                         r"(?P<noun>proposal|offer|plan|counteroffer|counterproposal|demand|request)\b", re.I)
# "by 13% over last year": the year after "over" or "from" is the base the figure is compared with
BASE_YEAR = re.compile(r"^\s*(?:over|from|than|compared\s+with|compared\s+to|on)\s+$", re.I)
# "from 72 percent to 61 percent", "from 24.9 billion yen in 2015 to 21.1 billion yen in 2020": the second figure is the first's kind
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about |around |roughly |approximately |some |nearly )?$", re.I)
TO_BETWEEN = re.compile(r"^[\s,)]*(?:(?:in|for)\s+[\w-]+\s+)?to\s+(?:about |around |roughly |approximately |some |nearly )?$", re.I)
# "946.5 billion yen (…), or an annual average of approximately 189.3 billion yen": the same figure restated
OR_RESTATED = re.compile(r"^[\s)]*,?\s*or\s+(?:an?\s+|the\s+)?(?:annual\s+|yearly\s+|monthly\s+)?(?:average\s+(?:of\s+)?)?"
                         r"(?:about |around |roughly |approximately |some |nearly )?$", re.I)
FROM = re.compile(r"^[\s,)]*(?:\w+\s+){0,3}?(?:up |down )?(?:from|compared with|compared to|versus|vs\.?)\s+(?:about |around |roughly |some )?$", re.I)
RATE = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:a|per|each|every)\s+year\b|^\s*annually\b|^\s*yearly\b", re.I)
CLAUSE_BREAK = re.compile(r"\b(?:but|while|whereas|although|though)\b|;")
SUBJECT_READINGS = {"actor", "demonym", "group", "body"}
UNIT_PRICE = re.compile(r"\s*(?:per|for each|for every|a|an)\s+(?:[\d,.]+\s+)?(?!year\b|month\b|week\b|day\b|annum\b)"
                        r"(?:litres?|liters?|gallons?|barrels?|tonnes?|tons?|kilograms?|kg|units?|cubic|megawatt|kilowatt)\b", re.I)
# "$8 billion a year, roughly four times what …": a comparison in apposition to the figure before it
APPOSITION = re.compile(r"^[\s)]*(?:a\s+year|per\s+year|annually|a\s+month)?\s*,\s*(?:or\s+)?(?:roughly|about|approximately|nearly|almost|around|some|over|"
                        r"more\s+than|up\s+to|just\s+over|just\s+under|close\s+to|upward\s+of|well\s+over)?\s*$", re.I)
# "The figure is …", "The annual average of …": a sentence that restates the figure just reported
RESTATES = re.compile(r"^\W*(?:(?:the|this|that)\s+(?:new\s+|annual\s+|total\s+|final\s+)?(?:figure|amount|sum|total|average|payment|"
                      r"contribution|bill|price\s+tag)\b|(?:that|this|it)\s+(?:is|was|would\s+be|will\s+be)\b)", re.I)
KEPT_ROLES = {"contribution", "demand", "offer", "cost"}


def _tokens(sent: Sentence, q: Quantity) -> tuple[int, int]:
    """Doc token range of a quantity found in ``sent.text``."""
    toks = sent.token_range(q.start, q.end)
    return (toks.start, toks.stop) if toks else (sent.span.start, sent.span.start)


def _is_change(sent: Sentence, q: Quantity) -> bool:
    """The figure is a rise or a cut ("up 8.2%", "an 8.2 percent increase"), not a level."""
    return bool(RISE.match(sent.text[q.end:q.end + 20]) or RISE_BEFORE.search(sent.text[max(0, q.start - 25):q.start])
                or RISE_BY.search(sent.text[max(0, q.start - 90):q.start]))


def _after_parenthesis(doc, i: int, end: int) -> int:
    """The token after a parenthesis that opens at ``i`` (a conversion, an aside), else ``i``."""
    if i < end and doc[i].text == "(":
        for j in range(i + 1, min(end, i + 12)):
            if doc[j].text == ")":
                return j + 1
    return i


def _role(ctx: ArticleContext, sent: Sentence, q: Quantity, span: tuple[int, int], prio: dict[str, int]) -> str:
    if q.kind == "Count":
        return "count"
    doc = sent.span.doc
    best: tuple[int, str] | None = None
    hits = _role_hits(ctx, sent)
    governed = {h.tok_start for h, v in hits if v in {"demand", "offer"}}
    that_clauses = sorted((h.tok_end, v) for h, v in _that_cues(sent, hits))
    right = _after_parenthesis(doc, span[1], sent.span.end)  # "1.04 trillion won ($850 million) Seoul paid"
    for h, role in hits:
        if h.tok_end <= span[0]:
            dist = span[0] - h.tok_end
            if dist > LEFT or any(t.text == ";" for t in doc[h.tok_end:span[0]]):
                continue
        elif h.tok_start >= span[1]:
            start = right if h.tok_start >= right else span[1]
            dist = h.tok_start - start
            if dist > RIGHT or any(t.text in {";", ","} for t in doc[start:h.tok_start]):
                continue
        else:
            continue
        if role == "contribution" and _governed(doc, governed, h.tok_start):
            continue  # "asked Seoul to pay $5 billion", "a proposal to raise its annual payment": the demand or offer governs
        clause = [v for g, v in that_clauses if g < h.tok_start <= g + 15]
        if role == "contribution" and clause:
            role = clause[-1]  # "demanded that Beijing … pay ₱60 million": what is demanded
        verb_after = h.tok_start >= span[1] and doc[h.tok_start - 1].lower_ not in DETERMINERS  # not "of its funds"
        score = dist + 4 * prio[role] - (RIGHT_BONUS if verb_after else 0)
        if best is None or score < best[0]:
            best = (score, role)
    role = best[1] if best else "other"
    frame = UNDER_FRAME.match(sent.text)
    if frame and role == "contribution" and frame.end() <= q.start and not re.search(r"\d", sent.text[frame.end():q.start]):
        role = "demand" if frame.group("noun").lower() in {"demand", "request"} else "offer"
    if q.kind == "MonetaryAmount" and role in {"contribution", "other"} and UNIT_PRICE.match(sent.text[q.end:]):
        role = "cost"  # "pays three sen per 1,000 gallons": a price, not a sum paid
    if q.kind == "Measure" and role not in {"offer", "demand"}:
        return "other"  # tonnes or megawatts are offered or asked for, never paid
    if role == "other" and best is None and q.kind == "MonetaryAmount" and ctx.payer \
            and RISE_OF.search(sent.text, max(0, q.start - 30), q.start):
        return "contribution"  # "an increase of 13.3 billion yen over the current agreement": what the payer adds
    if q.kind == "Percentage" and ctx.payer and CAPPED.search(sent.text, max(0, q.start - 30), q.start):
        return "contribution"  # "annual increases tied to inflation and capped at 4 percent": the agreed rise's limit
    rise = _is_change(sent, q)
    if (q.kind == "Percentage" and role == "contribution" or q.kind == "Ratio" and q.value < 1 and role in {"contribution", "other"}) and not rise:
        role = "share"
    return role


RISE_OF = re.compile(r"\b(?:increase|rise|hike|jump)\s+of\s+(?:about\s+|around\s+|approximately\s+|some\s+)?$", re.I)
CAPPED = re.compile(r"\b(?:(?:capped|limited)\s+at|(?:a|the)\s+cap\s+of)\s+(?:about\s+|around\s+)?$", re.I)


def _governed(doc, governed: set[int], i: int) -> bool:
    """A cue at token ``i`` sits in the infinitive of a demand or offer cue before it, in the same clause."""
    for g in governed:
        between = [t.lower_ for t in doc[g + 1:i]]
        if g < i and "to" in between and len(between) - between.index("to") <= 5 and not {",", ";"} & set(between):
            return True
    return False


def _agreement(ctx: ArticleContext) -> str | None:
    for f in ctx.facts:
        if f.kind == "negotiation":
            ent = ctx.lexicon.reference.get(f.props.get("agreement", ""))
            return (ent.edition_of or ent.iri) if ent else None
    return None


def _count_subject(ctx: ArticleContext, sent: Sentence, q: Quantity) -> str | None:
    ref = ctx.lexicon.reference
    host = ctx.payer or ctx.home_country
    body = _member_of(ctx, sent, q) if q.subject_rule not in {"workforce", "military"} else None
    if body is not None:
        return body
    if q.subject_rule == "military":
        a, b = sent.start + q.start, sent.start + q.end  # a military named before the figure, or right after it
        named = [m.iri for m in ctx.mentions_in(sent) if m.type == "Military" and (
            m.end <= a or m.start >= b and not re.search(r"[,;]", sent.text[q.end:m.start - sent.start]))]
        if named:
            return named[0]
        where = _country_after_in(ctx, sent, q) or host  # "keeps 28,500 troops in South Korea"
        stationed = [e.iri for e in ref.of_type("Military") if e.stationed_in and e.stationed_in == where]
        if stationed:
            return stationed[0]
        return _subject_before(ctx, sent, q)  # "India has kept about 50,000 soldiers in the region"
    if q.subject_rule == "workforce":
        country = next((m.iri for m in ctx.mentions_in(sent) if m.reading == "demonym" and m.start >= sent.start + q.start
                        and m.end <= sent.start + q.end), None) or host
        ent = ref.get(country) if country else None
        if ent is None:
            return None
        label = f"{max(ent.demonyms, key=len) if ent.demonyms else ent.label} workers"
        iri = mint("group", label)
        ctx.entities.setdefault(iri, NewEntity(iri, "Group", label, affiliation=country))
        return iri
    if q.subject_rule == "agreement":
        return _agreement(ctx)
    return _subject_before(ctx, sent, q)  # "Iran removed 27 surveillance cameras", "China has about 350 warheads"


def _member_of(ctx: ArticleContext, sent: Sentence, q: Quantity) -> str | None:
    """ "about 30 members of the civic group SPARK", "2,000 members of the Korean Teachers Union": the body the
    counted people belong to, named in the "of" phrase right after the count (a name before a description of it)."""
    lower, b = sent.tokens.lower, _tokens(sent, q)[1]
    if b >= sent.span.end or lower[b] != "of":
        return None
    phrase = []
    for m in sorted(ctx.mentions_in(sent), key=lambda m: m.tok_start):
        if m.tok_start > b and m.type in MEMBER_BODIES and m.reading != "demonym" and not any(
                lower[i] in {",", ";", "(", "and", "who", "which", "that"} for i in range(b + 1, m.tok_start)):
            phrase.append(m)
    named = [m for m in phrase if m.reading != "group"]
    return (named or phrase)[0].iri if phrase and phrase[0].tok_start - b <= 4 else None


MEMBER_BODIES = {"Organization", "GovernmentBody", "Military", "Group", "Country"}


def _country_after_in(ctx: ArticleContext, sent: Sentence, q: Quantity) -> str | None:
    """The country a count is stationed in: "troops in South Korea" right after the figure."""
    after = sent.start + q.end
    for m in sorted(ctx.mentions_in(sent), key=lambda m: m.start):
        if m.type == "Country" and m.start >= after and re.fullmatch(r"[\s\w.'-]{0,30}?\bin\s+(?:the\s+)?",
                                                                      sent.text[q.end:m.start - sent.start]):
            return m.iri
    return None


def _subject_before(ctx: ArticleContext, sent: Sentence, q: Quantity) -> str | None:
    """The country or organization named last before a figure, not after a preposition: its clause's subject."""
    doc, a = sent.span.doc, _tokens(sent, q)[0]
    before = [m for m in ctx.mentions_in(sent) if m.tok_end <= a and m.type in {"Country", "Organization"}
              and m.reading in SUBJECT_READINGS
              and not (m.tok_start > sent.span.start and doc[m.tok_start - 1].lower_ in {"in", "at", "from", "to", "near", "of"})]
    return max(before, key=lambda m: m.tok_end).iri if before else None


def _subject(ctx: ArticleContext, sent: Sentence, qs: list[Quantity], q: Quantity, span: tuple[int, int], role: str,
             who: Speaker | None) -> str | None:
    if q.kind == "Count":
        return _count_subject(ctx, sent, q)
    if q.kind == "Measure":
        return _subject_before(ctx, sent, q)  # whose tonnes or cubic metres: the clause's subject, not the payer
    agreement = ctx.lexicon.reference.get(_agreement(ctx) or "")
    if ctx.payer and role in PAYER_ROLES:
        return ctx.payer
    if ctx.payer and role == "cost" and agreement:
        others = [p for p in agreement.parties if p != ctx.payer]
        if others:
            return others[0]
    doc = sent.span.doc
    skip = who.mention.iri if who and who.mention else None
    best = None
    for m in ctx.mentions_in(sent):
        if m.reading not in SUBJECT_READINGS or m.iri == skip or m.type not in {"Country", "Organization", "Group", "GovernmentBody"} \
                or reports(ctx, m):
            continue  # "…, local media reported": who reports a figure is not what it is about
        if any(o.start <= m.start - sent.start < o.end for o in qs):
            continue  # "7.8 billion U.S. dollars": the currency's country, not whom the figure is about
        k = m.tok_start - 1 - (m.tok_start - 1 > sent.span.start and doc[m.tok_start - 1].lower_ == "the")
        before = doc[k].lower_ if k >= sent.span.start else ""  # the preposition, over "the"
        # "$1.2 trillion of U.S. goods", "$250 billion in Chinese imports": the goods' country
        origin = m.tok_start >= span[1] and m.tok_start - span[1] <= 4 and (
            before in {"of", "on"} or before == "in" and m.reading == "demonym")
        if not origin and before in {"in", "at", "from", "to", "near", "with", "against"} and m.type == "Country":
            continue  # "troops in South Korea": a place, not whom the figure is about
        if origin and role != "other":
            continue  # "offered to buy $1.2 trillion of U.S. goods": the goods' origin, not the buyer
        if origin and role == "other":
            return m.iri  # "tariffs on $250 billion of Chinese goods": the figure is about the goods' country
        dist = span[0] - m.tok_end if m.tok_end <= span[0] else m.tok_start - span[1]
        if best is None or abs(dist) < best[0]:
            best = (abs(dist), m.iri)
    return best[1] if best else ctx.payer


def _role_hits(ctx: ArticleContext, sent: Sentence) -> list[tuple[Hit, str]]:
    """The sentence's amount-role cues with the role each names ("demanded" -> "demand")."""
    return [(h, v) for h in ctx.hits(sent, "cue") for f, v in ctx.lexicon.cue_values[h.key] if f == "role"]


def _that_cues(sent: Sentence, hits: list[tuple[Hit, str]]) -> list[tuple[Hit, str]]:
    """The demand and offer cues among role ``hits`` that open a that-clause ("demanded that Beijing … pay")."""
    lower, punct = sent.tokens.lower, sent.tokens.is_punct
    return [(h, v) for h, v in hits if v in {"demand", "offer"} and _that_after(lower, punct, h.tok_end, sent.span.end)]


def _that_after(lower, punct, i: int, end: int) -> bool:
    """ "demanded that …", "demanded during his time in office that …": "that" within six words, no comma between."""
    for j in range(i, min(end, i + 7)):
        if lower[j] == "that":
            return True
        if punct[j]:
            return False
    return False


def _held_by(ctx: ArticleContext, sent: Sentence, span: tuple[int, int], role: str, who: Speaker | None) -> str | None:
    """Whose position a demand or offer is: the actor named before the cue, else the speaker's country."""
    if role not in {"demand", "offer"}:
        return None
    hits = _role_hits(ctx, sent)
    cues = [h for h, v in _that_cues(sent, hits) if v == role and h.tok_end <= span[0]]
    limit = cues[-1].tok_start if cues else span[0]  # "Manila demanded that Beijing … pay": Manila holds the demand
    before = [m for m in ctx.mentions_in(sent) if m.tok_end <= limit and m.reading in SUBJECT_READINGS | {"person", "anon"}]
    for m in reversed(before):
        ent = ctx.entity(m.iri)
        if ent is not None and ent.type == "Country" and m.iri != ctx.payer:
            return m.iri
    return None


def _year(ctx: ArticleContext, sent: Sentence, qs: list[Quantity], q: Quantity) -> PartialDate | None:
    inside = lambda e: any(o.start <= e.start < o.end for o in qs)  # noqa: E731
    years = [e for e in ctx.times(sent) if e.date is not None and e.date.precision == "year" and not inside(e)]
    if RATE.match(sent.text[q.end:q.end + 80]):
        return None  # "$5 billion a year": a rate, not a figure for one year
    years = [e for e in years if not CLAUSE_BREAK.search(sent.text[min(e.end, q.end):max(e.start, q.start)])
             and not (e.start >= q.end and BASE_YEAR.match(sent.text[q.end:e.start]))]
    if not years:
        return None
    e = min(years, key=lambda e: min(abs(e.start - q.end), abs(q.start - e.end)))
    return PartialDate(e.date.year)


def _local_currency(ctx: ArticleContext, sent: Sentence, q: Quantity) -> str:
    """The currency a shared word or symbol means here (see :func:`parley.graph.currencies.local_code`)."""
    ref = ctx.lexicon.reference
    place, name = ctx.dateline_place(), (ctx.cleaned.dateline_place or "").lower()
    if place is not None:
        home = place.country
    else:  # "SINGAPORE --": a country named as the dateline
        home = next((e.iri for e in ref.of_type("Country") if e.label.lower() == name), None) if name else None
    countries = []  # (sentence, country) of each country named, or of the known city named
    for m in ctx.mentions:
        ent = ref.get(m.iri) if m.type == "Place" else None
        if m.type == "Country" or ent is not None and ent.country:
            countries.append((m.sentence, m.iri if m.type == "Country" else ent.country))
    return local_code(q.unit, q.shared, home, [c for i, c in countries if i == sent.index], [c for _, c in countries])


@component("quantities")
def quantities(ctx: ArticleContext) -> None:
    rules = ctx.lexicon.rules
    prio = {r["role"]: r["priority"] for r in rules.table("amount_roles.jsonl")}
    for sent in ctx.sentences:
        qs = find_quantities(sent.text, rules)
        if not qs:
            continue
        for q in qs:
            if q.shared:  # "Rs506 billion" in a Pakistani paper: rupees, but whose?
                q.unit = _local_currency(ctx, sent, q)
        made: list[Fact | None] = []
        for i, q in enumerate(qs):
            if q.converted_from is None and i and made[i - 1] is not None and qs[i - 1].kind == q.kind and _same_kind(sent, qs[i - 1], q):
                q.inherits = i - 1  # "increased to A from B": B is the same kind of figure as A
            who = claimant(ctx, sent, _tokens(sent, q)[0])
            made.append(_fact(ctx, sent, qs, q, made, who, prio))


def _same_kind(sent: Sentence, a: Quantity, b: Quantity) -> bool:
    """``b`` restates or moves ``a``: "to A from B", "from A to B", "A, or an annual average of B"."""
    between = sent.text[a.end:b.start]
    return bool(FROM.match(between) or OR_RESTATED.match(between)
                or TO_BETWEEN.match(between) and FROM_BEFORE.search(sent.text[max(0, a.start - 30):a.start]))


def _fact(ctx: ArticleContext, sent: Sentence, qs: list[Quantity], q: Quantity, made: list[Fact | None],
          who: Speaker | None, prio: dict[str, int]) -> Fact | None:
    """The fact for one figure; a conversion copies its base figure's role, subject and year."""
    span = _tokens(sent, q)
    base = made[q.converted_from] if q.converted_from is not None else None
    if q.converted_from is not None and base is None:
        return None
    if base is not None:
        props = {k: v for k, v in base.props.items() if k in {"role", "subject", "year", "negotiation", "heldBy"}}
    else:
        inherited = made[q.inherits] if q.inherits is not None else None
        role = inherited.props["role"][1] if inherited else _role(ctx, sent, q, span, prio)
        # the last money figure before this one in the sentence, which a comparison or a change refers to
        j = next((j for j in reversed(range(len(made))) if made[j] is not None and qs[j].kind == "MonetaryAmount"
                  and qs[j].end <= q.start), None)
        money = made[j] if j is not None else None
        if inherited is None and money is not None and q.kind in {"Ratio", "Percentage"} \
                and money.props["role"][1] in KEPT_ROLES and APPOSITION.match(sent.text[qs[j].end:q.start]):
            role = money.props["role"][1]  # "seeking $1.3 billion a year, roughly 50 percent more than …"
        if role == "other" and q.kind != "Count" and RESTATES.match(sent.text):
            earlier = [f for f in ctx.facts if f.kind == "MonetaryAmount" and f.props["role"][1] in KEPT_ROLES]
            role = earlier[-1].props["role"][1] if earlier else role  # "The figure is 8.2 percent higher than …"
        if role == "other" and q.kind == "Percentage" and _is_change(sent, q) and money is not None \
                and money.props["role"][1] in {"contribution", "demand", "offer"}:
            role = money.props["role"][1]  # "paying 1.04 trillion won this year, up 8.2% from last year"
        props = {"role": Concept(("role", role)), "subject": _subject(ctx, sent, qs, q, span, role, who),
                 "year": _year(ctx, sent, qs, q) if q.kind != "Count" else None,
                 "heldBy": _held_by(ctx, sent, span, role, who),
                 "negotiation": ctx.negotiation if q.kind == "MonetaryAmount" else None}
        props = {k: v for k, v in props.items() if v is not None}
    year = props.get("year")
    iri = mint("amount", format_decimal(q.value), q.unit, props["role"][1], str(props.get("subject", "")).rsplit("/", 1)[-1],
               year.iso() if year else "")
    props.update({"value": q.value, "unit": q.unit})
    if base is not None:
        props["sameAmountAs"] = base.iri
        base.props["sameAmountAs"] = iri
    ev = Evidence(sent.index, sent.start + q.start, sent.start + q.end,
                  claimed_by=who.iri if who else None, claimant_text=who.text if who and not who.iri else None)
    fact = Fact(q.kind, iri, props, [ev])
    ctx.facts.append(fact)
    return fact
