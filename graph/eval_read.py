"""Read a built graph as facts per article, in the gold file's terms (for ``parley eval``).

The rows come from the named queries, whose column contracts are stable;
the ``sources`` column says which articles a fact is in.  The evaluator's own
queries (``eval_data/*.rq``) add what those rows do not carry: every label
and alias (to resolve names), agreement editions, and, per article, the
figures linked as the same amount, an amount's claimants and a fact's
evidence sentence.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..ontology.reference import load_reference
from ..ontology.rules import load_rules
from ..queries.library import run_named
from ..queries.runner import execute
from .evaluate import Fact
from .eval_names import Names, eval_query
from .scoring import quote_words
from .store import GraphStore

Rows = list[dict[str, str]]
_EDITION = re.compile(r"(?:\d+(?:st|nd|rd|th)|\d{4})\s")  # "12th Special …", "2016 Host Nation …"


def _rows(store: GraphStore, name: str) -> Rows:
    return execute(store, eval_query(name)).as_dicts()


def _int(text: str) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def build_names(store: GraphStore, reference: list[Path]) -> Names:
    """Labels from the reference data (first), the graph, and the bodies lexicon (last).

    Groups and anonymous speakers are descriptions ("civic group", "anonymous
    ... official"): they resolve as names but are not made single tokens in
    free text, whose words must stay comparable.
    """
    ref = load_reference(reference)
    entries: list[tuple[int, str, str]] = []
    countries: dict[str, str] = {}
    demonyms: list[tuple[str, str]] = []
    for e in ref.entities.values():
        entries.append((0, e.label, e.label))
        entries.extend((2, a, e.label) for a in e.aliases)
        demonyms.extend((d, e.label) for d in e.demonyms)
        country = ref.get(e.country) if e.country else None
        if country is not None:
            countries[e.label] = country.label
    anonymous, groups = set(), set()
    for r in _rows(store, "labels"):
        entries.append((2.5 if r["kind"] == "pref" else 3, r["label"], r["pref"]))  # after the reference aliases
        if r["country"]:
            countries.setdefault(r["pref"], r["country"])
        if r["anonymous"]:
            anonymous.add(r["pref"])
        if r["type"] == "Group" or r["anonymous"] or r["type"] == "Agreement" and _EDITION.match(r["pref"]):
            groups.add(r["pref"])  # an edition ("12th SMA", "2016 Host Nation …"): its ordinal or year + agreement
    for body in load_rules().table("bodies.jsonl"):
        entries.append((4, body["label"], body["label"]))
        entries.extend((4, n, body["label"]) for n in body["names"])
    return Names.from_entries(entries, countries, demonyms, anonymous, descriptions=groups)


class _Evidence:
    """Finds a sentence of one article that supports a fact."""

    def __init__(self, store: GraphStore, articles: set[str]) -> None:
        self.sentences: dict[str, list[str]] = defaultdict(list)
        for r in _rows(store, "sentences"):
            if r["article"] in articles:
                self.sentences[r["article"]].append(r["text"])
        self.sets = {a: set(s) for a, s in self.sentences.items()}
        self.by_label: dict[tuple[str, str], str] = {}
        for r in _rows(store, "label_evidence"):
            self.by_label.setdefault((r["label"], r["article"]), r["text"])
        self.by_round: dict[tuple, str] = {}
        for r in _rows(store, "round_evidence"):
            key = (r["agreement"], r["ordinal"], r["start"], r["venue"], r["status"], r["article"])
            self.by_round.setdefault(key, r["text"])
            self.by_round.setdefault((r["agreement"], r["ordinal"], r["article"]), r["text"])

    def among(self, article: str, joined: str) -> str | None:
        texts = [t for t in joined.split(" | ") if t]
        mine = [t for t in texts if t in self.sets.get(article, ())]
        return (mine or texts or [None])[0]

    def quoting(self, article: str, quote: str) -> str | None:
        words = quote_words(quote)[:6]
        for s in self.sentences.get(article, []):
            if words and " ".join(words) in " ".join(quote_words(s)):
                return s
        return None


def read_graph(store: GraphStore, articles: set[str], reference: list[Path]) -> tuple[Names, dict, set[str]]:
    """``(names, {(article, category): [Fact]}, ids of the gold articles present in the graph)``."""
    names = build_names(store, reference)
    ev = _Evidence(store, articles)
    arts = run_named(store, "articles")
    present = {r["article"] for r in arts} & articles
    publishers = {r["publisher"] for r in arts if r["publisher"]}
    out: dict[tuple[str, str], list[Fact]] = defaultdict(list)

    def add(row: dict[str, str], cat: str, fields: dict[str, Any], evidence, per_article=None) -> None:
        sources = set(row["sources"].split())
        for art in sorted(sources & articles):
            mine = {**fields, "merged": len(sources) > 1, **(per_article(art) if per_article else {})}
            out[(art, cat)].append(Fact(art, cat, mine, evidence=evidence(art)))

    # actors: one per label and type in an article (rows that differ in title or affiliation are merged)
    actors: dict[tuple[str, str, str], Fact] = {}
    for r in run_named(store, "actors"):
        if r["actor"] in names.anonymous:
            continue  # the gold does not annotate anonymous speakers as actors
        for art in sorted(set(r["sources"].split()) & articles):
            f = actors.get((art, r["actor"], r["type"]))
            if f is None:
                f = actors[(art, r["actor"], r["type"])] = Fact(
                    art, "actor", {"actor": r["actor"], "type": r["type"], "title": [], "affiliation": []},
                    evidence=ev.by_label.get((r["actor"], art)))
                out[(art, "actor")].append(f)
            for name in ("title", "affiliation"):
                if r[name] and r[name] not in f.fields[name]:
                    f.fields[name].append(r[name])

    editions = {r["label"]: (r["base"], _int(r["edition"])) for r in _rows(store, "editions")}
    for r in run_named(store, "rounds"):
        # talks about no agreement in the reference data are named by their negotiation ("China–India border talks")
        base, edition = editions.get(r["agreement"], (r["agreement"] or r["negotiation"], None))
        fields = {"agreement": base, "edition": edition, "ordinal": _int(r["ordinal"]), "venue": r["venue"],
                  "status": r["status"], "start": r["start"], "end": r["end"], "label": r["agreement"]}
        key = (r["agreement"], r["ordinal"], r["start"], r["venue"], r["status"])
        add(r, "round", fields, lambda a, key=key: ev.by_round.get(key + (a,)) or ev.by_round.get((key[0], key[1], a)))

    # figures linked as the same amount, per article (so one article's conversion is not another's)
    links: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for r in _rows(store, "same_as"):
        links[(r["value"], r["unit"], r["article"])].append((r["other_value"], r["other_unit"]))

    # claimants per article; a publisher as claimant means "stated as fact"
    claims: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for r in _rows(store, "claims"):
        if r["claimant"] not in publishers:
            claims[(r["value"], r["unit"], r["article"])].append(r["claimant"])

    def linked(value: str, unit: str):
        return lambda a: {"links": links.get((value, unit, a), []), "claimed_by": claims.get((value, unit, a), []),
                          "same_as": [f"{v} {u}" for v, u in links.get((value, unit, a), [])]}

    for r in run_named(store, "amounts"):
        fields = {"value": r["value"], "unit": r["unit"], "role": r["role"], "subject": r["subject"], "year": r["year"]}
        add(r, "amount", fields, lambda a, r=r: ev.among(a, r["evidence"]), linked(r["value"], r["unit"]))

    for r in run_named(store, "stances"):
        fields = {"actor": r["actor"], "stance": r["stance"], "topic": r["topic"], "date": r["date"]}
        add(r, "stance", fields, lambda a, r=r: ev.among(a, r["evidence"]))

    for r in run_named(store, "quotes"):
        fields = {"speaker": r["speaker"], "quote": r["quote"], "affiliation": r["affiliation"], "date": r["date"]}
        add(r, "quote", fields, lambda a, r=r: ev.quoting(a, r["quote"]))
    return names, out, present
