"""Matchers for ``parley eval``: how a gold fact and an extracted fact are compared.

Everything that decides whether two facts are "the same" lives here and in
:mod:`parley.graph.eval_names`, so the rules can be read (and tested) in one
place:

* names resolve to one key (:class:`~parley.graph.eval_names.Names`);
* topics and descriptive speakers compare by content-word overlap
  (:func:`overlap`, :func:`same_speaker`);
* agreements by key, or, for talks the reference data does not name, by
  their words in any order (:func:`same_agreement`);
* dates compare at the gold's precision (:func:`same_date`), amounts within a
  relative tolerance (:func:`same_value`), venues also by the parts of a
  "place, city" gold venue (:func:`same_venue`), quotes by their first words
  (:func:`quote_starts_with`);
* :data:`KEYS` lists, per category, what must agree for a pair to count;
  :data:`SECONDARY` what is scored over the pairs;
* :func:`one_to_one` pairs gold and extracted facts (maximum matching, so a
  duplicate extraction is counted once and the copy is spurious).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Sequence

import networkx as nx

from .eval_names import Names, content_words, fold, settings, stem

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when at least half of the smaller set's words occur in the other set."""
    if not a or not b:
        return False
    small = a if len(a) <= len(b) else b
    return 2 * len(a & b) >= len(small)


def descriptive(name: str | None) -> bool:
    """A description rather than a name: it has a word in lower case ("senior U.S. official")."""
    return bool(name) and any(w[:1].islower() for w in name.split())


def same_speaker(gold: str | None, pred: str | None, names: Names) -> bool:
    """Same key; or, when either side is a description or an anonymous speaker, content-word overlap."""
    if names.same(gold, pred):
        return True
    if descriptive(gold) or descriptive(pred) or (pred or "") in names.anonymous:
        ignore = settings()["descriptors"]
        return overlap(content_words(gold, names, ignore), content_words(pred, names, ignore))
    return False


# -- values ---------------------------------------------------------------------------

def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def same_date(gold: str | None, pred: str | None) -> bool:
    """Equal at the gold's precision: "2019-11-18" is not "2019-11" (the graph must not be more, or less, precise)."""
    if blank(gold) or blank(pred):
        return blank(gold) and blank(pred)
    return str(gold).strip() == str(pred).strip()


def decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


def same_value(gold: Any, pred: Any) -> bool:
    """Within the relative tolerance of ``scoring.json`` (0.5 %)."""
    g, p = decimal(gold), decimal(pred)
    if g is None or p is None:
        return False
    if g == 0:
        return p == 0
    return abs(p - g) <= Decimal(str(settings()["value_tolerance"])) * abs(g)


def same_unit(gold: str | None, pred: str | None) -> bool:
    norm = {"%": "percent", "per cent": "percent"}
    g, p = (fold(x or "").strip() for x in (gold, pred))
    return norm.get(g, g) == norm.get(p, p)


def same_venue(gold: str | None, pred: str | None, names: Names) -> bool:
    """Same place, or the graph names one part of a gold "place, city" venue."""
    if blank(gold) or blank(pred):
        return blank(gold) and blank(pred)
    if names.same(gold, pred):
        return True
    if "," in gold:
        head, tail = gold.split(",", 1)[0], gold.rsplit(",", 1)[1]
        return names.same(head, pred) or names.same(tail, pred)
    return False


def agreement_key(name: str | None, names: Names) -> str:
    """An agreement's key without generic heads: "US-China trade talks" = "US-China trade agreement"."""
    words = names.key(name).split()
    heads = {stem(h) for h in settings()["agreement_heads"]}
    while len(words) > 1 and words[-1] in heads:
        words.pop()
    return " ".join(words)


def same_agreement(gold: str | None, pred: str | None, names: Names) -> bool:
    """Same key; or, for talks the reference data does not name, the same parties and topic words in
    any order: "India-China border talks" = "China–India border talks" (heads such as "talks" aside)."""
    if agreement_key(gold, names) == agreement_key(pred, names):
        return True
    heads = settings()["agreement_heads"]
    return bool(gold and pred) and content_words(gold, names, heads) == content_words(pred, names, heads)


def quote_words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text or ""))


def quote_starts_with(quote: str | None, start: str | None) -> bool:
    """The extracted quote begins with the gold's first five words (case, quotes and punctuation ignored)."""
    want = quote_words(start)[:5]
    have = quote_words(quote)
    return bool(want) and have[: len(want)] == want


# -- one-to-one matching ------------------------------------------------------------

def one_to_one(gold: Sequence[Any], pred: Sequence[Any], compatible: Callable[[Any, Any], bool],
               weight: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` of compatible gold and extracted facts, each used at most once.

    A maximum-cardinality matching (networkx, Edmonds), and among those the
    one with the largest total ``weight`` (used to prefer pairs whose
    secondary attributes also agree).  Sorted by gold index.
    """
    g = nx.Graph()
    for i, a in enumerate(gold):
        for j, b in enumerate(pred):
            if compatible(a, b):
                g.add_edge(("g", i), ("p", j), weight=1.0 + weight(a, b))
    pairs = []
    for u, v in nx.max_weight_matching(g, maxcardinality=True):
        if u[0] == "p":
            u, v = v, u
        pairs.append((u[1], v[1]))
    return sorted(pairs)


# -- what must agree, per category ----------------------------------------------------
# A check takes the gold fields, the extracted fields and the Names resolver.

Check = Callable[[dict, dict, Names], bool]


def _same_text(name: str) -> Check:
    return lambda g, p, n: fold(str(g.get(name) or "")).strip() == fold(str(p.get(name) or "")).strip()


def _same_int(name: str) -> Check:
    def check(g: dict, p: dict, n: Names) -> bool:
        a, b = g.get(name), p.get(name)
        return (a is None and b is None) or (a is not None and b is not None and int(a) == int(b))
    return check


def _same_name(name: str) -> Check:
    return lambda g, p, n: n.same(g.get(name), p.get(name))


def _same_date(name: str) -> Check:
    """Same date at the gold's precision; a fact merged from several articles may refine it.

    A round or stance reported by several articles is one node with one
    date, the most precise any article gives ("2020-03-17"); in an article
    that says only "March" it still matches the gold "2020-03".
    """
    def check(g: dict, p: dict, n: Names) -> bool:
        gold, pred = g.get(name), p.get(name)
        if same_date(gold, pred):
            return True
        return bool(p.get("merged")) and not blank(gold) and str(pred or "").startswith(f"{gold}-")
    return check


def _title(g: dict, p: dict, n: Names) -> bool:
    titles = {fold(t).strip() for t in p.get("title") or []}
    return fold(g["title"]).strip() in titles if not blank(g.get("title")) else not titles


def _affiliation(g: dict, p: dict, n: Names) -> bool:
    """Gold affiliation is the graph's affiliation, its country, or the actor's own country (a body's)."""
    affs = list(p.get("affiliation") or [])
    if blank(g.get("affiliation")):
        return not affs
    keys = {n.key(a) for a in affs} | n.country_keys(p.get("actor"))
    for a in affs:
        keys |= n.country_keys(a)
    return n.key(g["affiliation"]) in keys


def _claimed_by(g: dict, p: dict, n: Names) -> bool:
    claims = list(p.get("claimed_by") or [])
    if blank(g.get("claimed_by")):
        return not claims
    return any(same_speaker(g["claimed_by"], c, n) for c in claims)


def _same_as(g: dict, p: dict, n: Names) -> bool:
    """The sets of linked figures (value, unit) agree, in both directions."""
    gl, pl = g.get("links") or [], p.get("links") or []

    def covered(xs: list, ys: list) -> bool:
        return all(any(same_value(x[0], y[0]) and same_unit(x[1], y[1]) for y in ys) for x in xs)
    return covered(gl, pl) and covered(pl, gl)


KEYS: dict[str, tuple[tuple[str, Check], ...]] = {
    "actor": (("actor", _same_name("actor")), ("type", _same_text("type"))),
    "round": (
        ("agreement", lambda g, p, n: same_agreement(g.get("agreement"), p.get("agreement"), n)),
        ("edition", _same_int("edition")),
        ("ordinal", _same_int("ordinal")),
        ("venue", lambda g, p, n: same_venue(g.get("venue"), p.get("venue"), n)),
        ("status", _same_text("status")),
        ("start", _same_date("start")),
    ),
    "amount": (
        ("value", lambda g, p, n: same_value(g.get("value"), p.get("value"))),
        ("unit", lambda g, p, n: same_unit(g.get("unit"), p.get("unit"))),
        ("role", _same_text("role")),
        ("subject", _same_name("subject")),
    ),
    "stance": (
        ("actor", _same_name("actor")),
        ("stance", _same_text("stance")),
        ("topic", lambda g, p, n: overlap(content_words(g.get("topic"), n), content_words(p.get("topic"), n))),
    ),
    "quote": (
        ("speaker", lambda g, p, n: same_speaker(g.get("speaker"), p.get("speaker"), n)),
        ("quote_start", lambda g, p, n: quote_starts_with(p.get("quote"), g.get("quote_start"))),
    ),
}

SECONDARY: dict[str, tuple[tuple[str, Check], ...]] = {
    "actor": (("title", _title), ("affiliation", _affiliation)),
    "round": (("end", _same_date("end")),),
    "amount": (("year", _same_date("year")), ("claimed_by", _claimed_by), ("same_as", _same_as)),
    "stance": (("date", _same_date("date")),),
    "quote": (),
}


def disagreements(category: str, gold: dict, pred: dict, names: Names) -> list[str]:
    """The primary keys on which two facts differ (empty: a match)."""
    return [k for k, check in KEYS[category] if not check(gold, pred, names)]


def secondary(category: str, gold: dict, pred: dict, names: Names) -> dict[str, bool]:
    """Which secondary attributes of a matched pair agree."""
    return {k: check(gold, pred, names) for k, check in SECONDARY[category]}
