"""Find quantities in text: money, percentages, ratios and counts.

The grammar is assembled from the rule files (``numbers.json``,
``currencies.jsonl``, ``count_units.jsonl``) into a few regular expressions,
so a new currency, scale word or count noun is a data change.  Text, not
tokens, is scanned because tokenizers disagree about ``US$4``, ``RM16.6`` and
``5bn``; every match keeps its character span.

Numbers may be written in digits (``28,500``, ``1.04``), words (``twenty
eight``, ``one-point-18``), with scale words (``trillion``, ``bn``), so
``one-point-18 trillion won`` is 1 180 000 000 000 KRW.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..ontology.rules import Rules
from .currencies import cldr_names, cldr_symbols, unit_codes


@dataclass
class Quantity:
    """One figure found in a text: value, unit, kind and its character span."""

    kind: str  # MonetaryAmount | Percentage | Ratio | Count
    value: Decimal
    unit: str  # ISO 4217 code, percent, ratio, persons, count, or a unit of measures.jsonl (tonnes, MW, ...)
    start: int
    end: int
    text: str
    subject_rule: str | None = None  # for counts: military | workforce | agreement
    noun: str | None = None
    converted_from: int | None = None  # index of the figure this one restates (a conversion)
    shared: tuple[str, ...] = ()  # currencies a shared word or symbol may mean ("Rs": INR, PKR, …); unit is the default
    inherits: int | None = None  # index of the figure whose role this one shares ("to A from B")


def alternation(words) -> str:
    """A regex alternation of ``words`` taken literally, longest first (so "US dollars" wins over "US")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class Grammar:
    number: re.Pattern
    money: list[re.Pattern]
    percent: re.Pattern
    ratio: re.Pattern
    count: re.Pattern
    units: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, int]
    multipliers: dict[str, float]
    symbols: dict[str, str]
    words: dict[str, str]
    subunits: dict[str, tuple[str, int]]
    markers: dict[str, str]  # "(U.S.)" after "$1-trillion" -> USD
    shared: dict[str, str]  # a word (lower case) or symbol several currencies use -> CLDR unit noun ("Rs" -> "rupee")
    count_nouns: dict[str, tuple[str, str | None]]
    units_ordinal: frozenset[str] = frozenset()  # fraction words that are also ordinals ("fourth")
    measures: tuple[re.Pattern, ...] = ()  # "5 million tonnes", "1,000 MW", "55.5 bcm"
    measure_forms: dict[str, tuple[str, int]] | None = None  # a unit as written -> (unit, factor)


_GRAMMARS: dict[int, tuple[Rules, Grammar]] = {}
ORDINAL_NEXT = re.compile(r"[\s-]+([a-z]+)\b")
FRACTION_NEXT = {"of", "more", "less", "higher", "lower", "larger", "smaller", "bigger", "as", "the", "than", "what"}


def grammar(rules: Rules) -> Grammar:
    """The quantity grammar for ``rules``, compiled once per process."""
    hit = _GRAMMARS.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = _GRAMMARS[id(rules)] = (rules, _compile(rules))
    return hit[1]


def _compile(rules: Rules) -> Grammar:
    nums = rules.data("numbers.json")
    units = {k: v for k, v in nums["units"].items() if k not in {"a", "an"}}
    scales = nums["scales"]
    symbols: dict[str, str] = {}
    words: dict[str, str] = {}
    subunits: dict[str, tuple[str, int]] = {}
    shared: dict[str, str] = {}
    marks: dict[str, str] = {}
    for row in rules.table("currencies.jsonl"):
        marks.update({mark: row["code"] for mark in row.get("markers", [])})
        for s in row["symbols"]:
            symbols[s] = row["code"]
        for w in row["words"]:
            words[w.lower()] = row["code"]
        for w, per in row.get("subunits", {}).items():
            subunits[w.lower()] = (row["code"], per)
        for form, noun in row.get("shared", {}).items():
            shared[form if form in row["symbols"] else form.lower()] = noun
    for name, code in cldr_names().items():  # every other currency by its English names ("Ethiopian birr")
        words.setdefault(name, code)
    for sym, code in cldr_symbols().items():  # and by its symbol if that carries a currency sign ("R$", "₪")
        symbols.setdefault(sym, code)
    count_nouns: dict[str, tuple[str, str | None]] = {}
    for row in rules.table("count_units.jsonl"):
        for n in row["nouns"]:
            count_nouns[n.lower()] = (row["unit"], row.get("subject"))
    word = alternation(units)
    word_num = rf"(?:{word})(?:[\s-]+(?:and[\s-]+)?(?:{word}|thousand\b))*"  # "twenty-eight thousand five hundred"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    point = rf"(?:{word_num}|\d+)[\s-]+point[\s-]+(?:\d+|(?:{word})(?:[\s-]+(?:{word}))*)"
    number = rf"(?P<num>{point}|{digits}|{word_num})"
    scale = rf"(?:[\s-]*(?P<scale>{alternation(scales)})\b)?"
    sym = alternation(symbols)
    cur_words = alternation([*words, *subunits])
    lb = r"(?<![\w.$€£¥₩])"
    markers = alternation(marks) or r"(?!)"
    money = [rf"{lb}(?P<sym>{sym})\s?{number}{scale}(?:\s*(?P<marker>{markers})|\s+(?P<win>in\s+)?(?P<w1>(?i:{cur_words}))\b)?",
             rf"{lb}{number}{scale}[\s-]+(?:of\s+)?(?P<w2>{cur_words})\b"]
    percent = rf"{lb}{number}\s?(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b)"
    mult = alternation(nums["multipliers"])
    frac = alternation(nums["fractions"])
    ratio = (rf"{lb}(?:(?P<hnum>\d+|{word})\s+and\s+a\s+half[\s-]+(?:times|fold)\b"  # "one and a half times"
             rf"|(?P<fnum>{word}|a|one|\d+)[\s-]+(?P<frac>{frac})\b(?![\s-]+(?:century|round|quarter))"
             rf"|(?P<tnum>{number})[\s-]*(?:times|fold)\b(?P<after>\s+\w+)?"
             rf"|(?<!first\s)(?<!second\s)(?<!latter\s)(?<!final\s)\b(?P<mult>{mult})\b)")  # not "the second half of the year"
    nouns = alternation(count_nouns)
    mods = nums["count_modifiers"]
    mod = rf"(?:{alternation(mods['words'])})\b|[a-z][a-z-]*(?:{alternation(mods['endings'])})\b"
    count = rf"{lb}{number}(?P<mods>(?:\s+(?!(?:{nouns})\b)(?:[A-Z][\w.'-]*|{mod})){{0,3}})\s+(?P<noun>{nouns})\b"
    forms: dict[str, tuple[str, int]] = {}  # unit words (any case) and abbreviations (as written)
    written: list[str] = []
    for row in rules.table("measures.jsonl"):
        forms.update({w.lower(): (row["unit"], 1) for w in row["words"]})
        forms.update({a: (row["unit"], 1) for a in row["abbreviations"]})
        forms.update({a: (row["unit"], int(f)) for a, f in row["scaled"].items()})
        written += [*row["abbreviations"], *row["scaled"]]
    measures = (re.compile(rf"{lb}{number}{scale}[\s-]*(?:of\s+)?(?P<mu>{alternation([f for f in forms if f not in written])})\b",
                           re.IGNORECASE),
                re.compile(rf"{lb}(?i:{number}{scale})[\s-]?(?P<mu>{alternation(written)})\b"))
    flags = re.IGNORECASE
    return Grammar(re.compile(number, flags), [re.compile(m, re.IGNORECASE if i else 0) for i, m in enumerate(money)], re.compile(percent, flags), re.compile(ratio, flags),
                   re.compile(count), units, {k.lower(): v for k, v in scales.items()}, nums["fractions"],
                   nums["multipliers"], symbols, words, subunits, marks, shared, count_nouns,
                   frozenset(nums["fractions"]) & frozenset(nums["ordinals"]), measures, forms)


def parse_number(text: str, g: Grammar) -> Decimal | None:
    """``"28,500"`` -> 28500; ``"twenty-eight"`` -> 28; ``"one-point-18"`` -> 1.18; else None."""
    t = text.strip().lower()
    m = re.fullmatch(r"(.+?)[\s-]+point[\s-]+(.+)", t)
    if m:
        whole = parse_number(m.group(1), g)
        frac = m.group(2)
        if not frac.isdigit():
            digits = [g.units.get(w) for w in re.split(r"[\s-]+", frac)]
            if any(d is None or d > 9 for d in digits):
                return None
            frac = "".join(str(d) for d in digits)
        return None if whole is None else whole + Decimal("0." + frac)
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        try:
            return Decimal(t.replace(",", ""))
        except InvalidOperation:
            return None
    total, current = 0, 0
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w == "thousand":
            total, current = total + max(current, 1) * 1000, 0
            continue
        v = g.units.get(w)
        if v is None:
            return None
        if v == 100:
            current = max(current, 1) * 100
        else:
            current += v
    return Decimal(total + current)


def _scaled(m: re.Match, g: Grammar) -> Decimal | None:
    v = parse_number(m.group("num"), g)
    if v is None:
        return None
    s = m.group("scale") if "scale" in m.re.groupindex else None
    if s:
        v *= g.scales[s.lower()]
    return v


LARGER_PART = re.compile(r"(?:^|(?<=\s))(?P<num>[\w.,-]+)\s+(?P<scale>[a-z]+)\s+$", re.I)


def _larger_part(text: str, a: int, m: re.Match, g: Grammar) -> tuple[Decimal, int] | None:
    """(value, start) of the larger-scale part written right before a scaled figure: the "1 trillion" of "1
    trillion 38.9 billion won" (Korean press) or the "one trillion" of a transcript's "one trillion
    thirty-eight-point-nine billion won"."""
    small = (m.group("scale") or "").lower() if "scale" in m.re.groupindex else ""
    if small not in g.scales:
        return None
    p = LARGER_PART.search(text, max(0, a - 30), a)
    if p is None or p.group("scale").lower() not in g.scales or g.scales[p.group("scale").lower()] <= g.scales[small]:
        return None
    n = parse_number(p.group("num"), g)
    return (n * g.scales[p.group("scale").lower()], p.start()) if n is not None else None


def _is_date_or_ordinal(text: str, a: int, b: int) -> bool:
    """Skip years, days of months and ordinals ("in 2019", "Nov. 19", "19th")."""
    num = text[a:b]
    after = text[b:b + 3]
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", num):
        return True
    before = text[max(0, a - 12):a]
    return bool(re.search(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$", before))


def _trigger(g: Grammar) -> re.Pattern:
    """What every quantity contains: a digit, a number word, a scale, a multiplier or a fraction word.

    Why: most sentences have no figure; one search for this lets them skip
    the dozen money, percent, ratio, count and measure patterns.
    """
    hit = _TRIGGERS.get(id(g))
    if hit is None or hit[0] is not g:
        words = alternation({*g.units, *g.multipliers, *g.fractions, *g.scales})
        hit = _TRIGGERS[id(g)] = (g, re.compile(rf"\d|fold\b|\b(?:{words})\b", re.IGNORECASE))
    return hit[1]


_TRIGGERS: dict[int, tuple[Grammar, re.Pattern]] = {}


def find_quantities(text: str, rules: Rules) -> list[Quantity]:
    """All quantities in ``text`` (a sentence), non-overlapping, in text order."""
    g = grammar(rules)
    if not _trigger(g).search(text):
        return []
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for m in (m for rx in g.money for m in rx.finditer(text)):
        v = _scaled(m, g)
        if v is None or not free(*m.span()):
            continue
        shared: tuple[str, ...] = ()
        span = m.span()
        if "sym" in m.re.groupindex and m.group("sym"):
            code = g.symbols[m.group("sym")]
            shared = unit_codes(g.shared[m.group("sym")]) if m.group("sym") in g.shared else ()
            w1 = (m.group("w1") or "").lower()
            if m.group("marker"):
                code, shared = g.markers[m.group("marker")], ()  # "$1-trillion (U.S.)"
            elif m.group("win") and not ("$" in m.group("sym") and w1.endswith(("dollar", "dollars"))):
                span = (m.start(), m.end("scale") if m.group("scale") else m.end("num"))  # "$9 million in won": paid in
            elif w1:
                code, shared = g.words[w1], ()  # "US$2 billion dollars", "$1.24-trillion in Canadian dollars"
        else:
            w = m.group("w2").lower()
            code = g.words.get(w) or g.subunits[w][0]
            shared = unit_codes(g.shared[w]) if w in g.shared else ()
            if w in g.subunits:
                v = v / g.subunits[w][1]
        if "sym" in m.re.groupindex and m.group("sym").isalpha() and not m.group("scale") and v < 10 and not re.search(r"\.\d", m.group("num")):
            continue  # "W 5" or "RM 3" without scale: too easily a name or a label
        big = _larger_part(text, span[0], m, g)
        if big is not None:  # "1 trillion 38.9 billion won": one figure in two scales
            v, span = v + big[0], (big[1], span[1])
        found.append(Quantity("MonetaryAmount", v, code, *span, text[span[0]:span[1]], shared=shared))
        taken.append(span)
    for m in g.percent.finditer(text):
        v = _scaled(m, g)
        if v is not None and free(*m.span()):
            found.append(Quantity("Percentage", v, "percent", *m.span(), m.group()))
            taken.append(m.span())
    for m in g.ratio.finditer(text):
        if not free(*m.span()):
            continue
        if m.group("hnum"):
            n = m.group("hnum").lower()
            whole = Decimal(n) if n.isdigit() else parse_number(n, g)
            if whole is None:
                continue
            v = whole + Decimal("0.5")
        elif m.group("frac"):
            nxt = ORDINAL_NEXT.match(text, m.end())
            if m.group("fnum").lower() == "a" and m.group("frac").lower() in g.units_ordinal and nxt \
                    and nxt.group(1) not in FRACTION_NEXT:
                continue  # "a fourth day of talks", "a third round": an ordinal, not a fraction
            n = m.group("fnum").lower()
            num = Decimal(1) if n in {"a", "one"} else parse_number(n, g)
            if num is None:
                continue
            v = (num / g.fractions[m.group("frac").lower()]).quantize(Decimal("0.0001")).normalize()
        elif m.group("tnum"):
            v = _scaled(m, g)
            after = (m.group("after") or "").strip().lower()
            if after and text.startswith(("'s ", "’s "), m.end("after")):
                after = "its"  # "five times Seoul's payment": a multiple of someone's figure, like "its"
            if v is None or not after and "fold" not in m.group() or after and after not in {"more", "higher", "larger", "greater", "bigger", "as", "the", "what",
                                                    "its", "their", "that", "this", "current", "over", "increase", "rise", "hike"} and "fold" not in m.group():
                continue  # "renewed eight times": a count, handled below
            if m.group("after") and after not in {"increase", "rise", "hike"}:
                span = (m.start(), m.end("after") - len(m.group("after")))
                found.append(Quantity("Ratio", v, "ratio", *span, text[span[0]:span[1]]))
                taken.append(span)
                continue
        else:
            v = Decimal(str(g.multipliers[m.group("mult").lower()]))
        found.append(Quantity("Ratio", v, "ratio", *m.span(), m.group()))
        taken.append(m.span())
    for m in (m for rx in g.measures for m in rx.finditer(text)):
        v = _scaled(m, g)
        if v is None or not free(*m.span()) or _is_date_or_ordinal(text, m.start("num"), m.end("num")):
            continue
        if RATE_BASE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "three sen per 1,000 gallons": the base of a price, not a figure of its own
        form = m.group("mu")
        unit, factor = g.measure_forms.get(form) or g.measure_forms[form.lower()]
        found.append(Quantity("Measure", v * factor, unit, *m.span(), m.group()))
        taken.append(m.span())
    for m in g.count.finditer(text):
        v = parse_number(m.group("num"), g)
        if v is None or not free(*m.span()) or _is_date_or_ordinal(text, m.start("num"), m.end("num")):
            continue
        if SOURCE_AFTER.match(text, m.end()):
            continue  # "two people familiar with the talks said": the sources of a report, not a figure
        unit, subject = g.count_nouns[m.group("noun").lower()]
        if unit == "persons" and subject is None and WORKING_AFTER.match(text, m.end()):
            subject = "workforce"  # "some 8,700 South Korean civilians who work on the bases"
        part = PART_OF.search(text, max(0, m.start() - 40), m.start())
        if part and free(*part.span("n")) and not _is_date_or_ordinal(text, *part.span("n")):  # "about 4,000 of the roughly 8,600 workers": a count of the same nouns
            n = parse_number(part.group("n"), g)
            if n is not None:
                found.append(Quantity("Count", n, unit, *part.span("n"), part.group("n"), subject_rule=subject, noun=m.group("noun")))
                taken.append(part.span("n"))
        found.append(Quantity("Count", v, unit, *m.span(), m.group(), subject_rule=subject, noun=m.group("noun")))
        taken.append(m.span())
    found.sort(key=lambda q: q.start)
    _link_conversions(text, found)
    return found


WORKING_AFTER = re.compile(r",?\s+(?:who\s+(?:\w+\s+)?)?(?:work|works|worked|working|employed)\s+(?:on|at|for|in|by)\b", re.I)
RATE_BASE = re.compile(r"\b(?:per|every|each)\s+$", re.I)
PART_OF = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+of\s+(?:the\s+|its\s+|their\s+)?"
                     r"(?:roughly\s+|about\s+|some\s+|nearly\s+|around\s+|almost\s+)?$")
SOURCE_AFTER = re.compile(r"\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|close\s+to\s+the|"
                          r"involved\s+in\s+the|who\s+(?:spoke|asked|declined|requested))\b", re.I)
CONVERSION_GAP = re.compile(r"^\s*(?:(?:a|per)\s+(?:year|month)\s*|annually\s*)?(?:\(\s*|,?\s*or\s+|\s*/\s*)(?:about|around|roughly|some|nearly|approximately|almost|over|more than|US)?\s*$", re.I)


def _link_conversions(text: str, found: list[Quantity]) -> None:
    """``960 billion won ($887.5 million)`` and ``..., or about $1 billion``: the second restates the first."""
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if a.kind == b.kind == "MonetaryAmount" and a.unit != b.unit and a.converted_from is None:
            if CONVERSION_GAP.match(text[a.end:b.start]):
                b.converted_from = i - 1
