"""Score a built graph against gold annotations (``parley eval``).

The graph is read through the named queries (``actors``, ``rounds``,
``amounts``, ``stances``, ``quotes``) plus a few small queries of the
evaluator's own (``eval_data/*.rq``: labels, editions, linked amounts and
evidence sentences).  A fact extracted from several articles counts once in
each of them.  Only articles named in the gold file are scored.  Gold and
extracted facts are paired per article and category, one to one, and a pair
counts when every primary key agrees (:mod:`parley.graph.scoring`);
secondary attributes are scored over the pairs and do not change P/R/F1.

>>> from parley.graph.evaluate import evaluate
>>> report = evaluate("parley-store", "tests/gold/seed.jsonl")   # doctest: +SKIP
>>> report.scores["round"].f1 >= 0.9                              # doctest: +SKIP
True
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from ..ontology.reference import ACTOR_TYPES
from ..ontology.vocab import declared_concepts
from .scoring import (KEYS, SECONDARY, Names, content_words, decimal, disagreements, one_to_one, same_unit,
                      same_value, secondary)
from .store import GraphStore

CATEGORIES = ("actor", "round", "amount", "stance", "quote")
FIELDS = {
    "actor": ("actor", "type", "title", "affiliation"),
    "round": ("agreement", "edition", "ordinal", "venue", "status", "start", "end"),
    "amount": ("value", "unit", "role", "subject", "year", "claimed_by", "same_as"),
    "stance": ("actor", "stance", "topic", "date"),
    "quote": ("speaker", "quote_start", "quote"),
}
REQUIRED = {"actor": ("actor", "type"), "round": ("agreement", "status"), "amount": ("value", "unit", "role"),
            "stance": ("actor", "stance", "topic"), "quote": ("speaker", "quote_start")}
DATES = {"round": ("start", "end"), "amount": ("year",), "stance": ("date",)}
NEAR = 0.2  # least word overlap for an extracted fact to be shown as the nearest to a missed one
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Fact:
    """One gold or extracted fact of one article."""

    article: str
    category: str
    fields: dict[str, Any]
    line: int | None = None        # gold: its line in the gold file
    evidence: str | None = None    # extracted: a sentence of this article that supports it
    note: str | None = None        # missed: the nearest extracted fact and the keys it gets wrong

    def summary(self) -> str:
        parts = []
        for name in FIELDS[self.category]:
            value = self.fields.get(name)
            if isinstance(value, (list, tuple)):
                value = " / ".join(str(v) for v in value)
            if value not in (None, ""):
                parts.append(f"{name}={value}")
        return ", ".join(parts)

    def words(self) -> frozenset[str]:
        """Content words of the field values (to rank near matches)."""
        return content_words(" ".join(_show(self.fields.get(n)) for n in FIELDS[self.category]))

    def to_dict(self) -> dict[str, Any]:
        out = {"article": self.article, "category": self.category,
               **{k: v for k, v in self.fields.items() if k in FIELDS[self.category]}}
        for name in ("line", "evidence", "note"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out


@dataclass
class Attribute:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class Score:
    """Counts for one category; P = 0 without predictions (1 when there is nothing to find either)."""

    category: str
    gold: int = 0
    pred: int = 0
    tp: int = 0
    attributes: dict[str, Attribute] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """The result of :func:`evaluate`."""

    gold_path: str
    articles: list[str]
    missing_articles: list[str]
    scores: dict[str, Score]
    missed: list[Fact] = field(default_factory=list)
    spurious: list[Fact] = field(default_factory=list)
    matched: list[tuple[Fact, Fact]] = field(default_factory=list)

    @property
    def present(self) -> list[str]:
        """The categories the gold file has lines for (the macro average runs over these)."""
        return [c for c in CATEGORIES if self.scores[c].gold]

    @property
    def macro_f1(self) -> float:
        cats = self.present
        return sum(self.scores[c].f1 for c in cats) / len(cats) if cats else 0.0

    def to_dict(self, show: str = "all") -> dict[str, Any]:
        return {
            "gold": self.gold_path, "articles": self.articles, "missing_articles": self.missing_articles,
            "categories": {c: {"gold": s.gold, "pred": s.pred, "tp": s.tp, "precision": round(s.precision, 4),
                               "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                               "attributes": {k: {"correct": a.correct, "total": a.total, "accuracy": round(a.accuracy, 4)}
                                              for k, a in s.attributes.items()}}
                           for c, s in self.scores.items()},
            "macro_f1": round(self.macro_f1, 4), "macro_over": self.present,
            "missed": [f.to_dict() for f in self.missed] if show in ("missed", "all") else [],
            "spurious": [f.to_dict() for f in self.spurious] if show in ("spurious", "all") else [],
        }


# -- gold --------------------------------------------------------------------------

def load_gold(path: Path | str) -> list[Fact]:
    """Read and check a gold JSONL file; a bad line raises :class:`InputError` naming its number."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such gold file; give a JSONL file with one fact per line (see tests/gold/README.md)")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the gold file ({exc}); it must be UTF-8 JSON Lines") from None
    concepts = declared_concepts()
    allowed = {"type": set(ACTOR_TYPES), "stance": concepts["stance"], "role": concepts["role"], "status": concepts["status"]}
    facts = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg}); write one JSON object per line") from None
        if not isinstance(row, dict) or not isinstance(row.get("article"), str) or not row["article"].strip():
            raise InputError(f"{where}: each line must be a JSON object with an 'article' id")
        cat = row.get("category")
        if cat not in CATEGORIES:
            raise InputError(f"{where}: unknown category {cat!r}; use one of {', '.join(CATEGORIES)}")
        for name in REQUIRED[cat]:
            if row.get(name) in (None, ""):
                raise InputError(f"{where}: a {cat} line needs a value for {name!r}")
        for name, values in allowed.items():
            if name in REQUIRED[cat] and row[name] not in values:
                raise InputError(f"{where}: {name} {row[name]!r} is not one of {', '.join(sorted(values))}")
        _check_values(where, cat, row)
        facts.append(Fact(row["article"].strip(), cat, {k: row.get(k) for k in FIELDS[cat]}, line=n))
    if not facts:
        raise InputError(f"{p}: the gold file has no facts; add JSON lines (see tests/gold/README.md)")
    _link_gold_amounts(facts)
    return facts


def _check_values(where: str, cat: str, row: dict) -> None:
    for name in DATES.get(cat, ()):
        value = row.get(name)
        if value not in (None, "") and not _valid_date(str(value)):
            raise InputError(f"{where}: {name} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    for name in ("edition", "ordinal"):
        if cat == "round" and row.get(name) is not None and not isinstance(row[name], int):
            raise InputError(f"{where}: {name} must be a whole number or null")
    if cat == "amount":
        if decimal(row["value"]) is None:
            raise InputError(f"{where}: value {row['value']!r} is not a number; write a plain decimal string")
        if row.get("same_as") and (len(str(row["same_as"]).split()) != 2 or decimal(str(row["same_as"]).split()[0]) is None):
            raise InputError(f"{where}: same_as {row['same_as']!r} must be 'VALUE UNIT'")


def _valid_date(text: str) -> bool:
    if not _ISO.match(text):
        return False
    y, m, d = (text.split("-") + ["01", "01"])[:3]
    try:
        date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _link_gold_amounts(facts: list[Fact]) -> None:
    """Give each gold amount the figures it is the same as, in both directions (for the same_as check)."""
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.category == "amount":
            f.fields["links"] = []
            by_article[f.article].append(f)
    for amounts in by_article.values():
        for f in amounts:
            if not f.fields.get("same_as"):
                continue
            value, unit = str(f.fields["same_as"]).split()
            f.fields["links"].append((value, unit))
            for other in amounts:
                if same_value(value, other.fields["value"]) and same_unit(unit, other.fields["unit"]):
                    other.fields["links"].append((f.fields["value"], f.fields["unit"]))


# -- scoring ----------------------------------------------------------------------------

def evaluate(store: GraphStore | Path | str, gold_path: Path | str,
             reference: Iterable[Path | str] | None = None) -> Report:
    """Score the graph in ``store`` (a :class:`GraphStore` or a store folder) against ``gold_path``."""
    from .eval_read import read_graph

    gold = load_gold(gold_path)
    graph = store if isinstance(store, GraphStore) else GraphStore(Path(store), read_only=True)
    articles = sorted({f.article for f in gold})
    names, pred, present = read_graph(graph, set(articles), [Path(r) for r in reference or []])
    report = Report(str(gold_path), articles, [a for a in articles if a not in present],
                    {c: Score(c, attributes={k: Attribute() for k, _ in SECONDARY[c]}) for c in CATEGORIES})
    by_key: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in gold:
        by_key[(f.article, f.category)].append(f)
    for article in articles:
        for cat in CATEGORIES:
            _score(report, cat, by_key.get((article, cat), []), pred.get((article, cat), []), names)
    return report


def _score(report: Report, cat: str, gold: list[Fact], pred: list[Fact], names: Names) -> None:
    score = report.scores[cat]
    score.gold += len(gold)
    score.pred += len(pred)

    def weight(g: Fact, p: Fact) -> float:
        agree = secondary(cat, g.fields, p.fields, names)
        return 0.5 * (sum(agree.values()) / len(agree) if agree else 0) + 0.4 * _similarity(g, p)

    pairs = one_to_one(gold, pred, lambda g, p: not disagreements(cat, g.fields, p.fields, names), weight)
    score.tp += len(pairs)
    used_g, used_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        report.matched.append((gold[i], pred[j]))
        for name, ok in secondary(cat, gold[i].fields, pred[j].fields, names).items():
            score.attributes[name].total += 1
            score.attributes[name].correct += ok
    for i, g in enumerate(gold):
        if i not in used_g:
            g.note = _nearest(cat, g, pred, used_p, names)
            report.missed.append(g)
    report.spurious.extend(p for j, p in enumerate(pred) if j not in used_p)


def _nearest(cat: str, g: Fact, pred: list[Fact], used: set[int], names: Names) -> str | None:
    """The extracted fact that agrees on most keys (at least half), and where it differs."""
    keys = len(KEYS[cat])
    best = None
    for j, p in enumerate(pred):
        wrong = disagreements(cat, g.fields, p.fields, names)
        similarity = _similarity(g, p)
        rank = (len(wrong), j in used, -similarity, j)
        if 2 * (keys - len(wrong)) >= keys and similarity >= NEAR and (best is None or rank < best[0]):
            best = (rank, p, wrong)
    if best is None:
        return None
    _, p, wrong = best
    if not wrong:
        return f"agrees on every key with an extracted fact already paired with another gold fact: {p.summary()}"
    taken = " (already matched)" if best[0][1] else ""
    shown = {"quote_start": "quote"}
    diffs = "; ".join(f"{k}: graph {_show(p.fields.get(shown.get(k, k)))}" for k in wrong)
    return f"nearest{taken}: {p.summary()} | differs on {diffs}"


def _similarity(a: Fact, b: Fact) -> float:
    """Jaccard overlap of the two facts' content words."""
    wa, wb = a.words(), b.words()
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " / ".join(map(str, value)) or "-"
    return "-" if value in (None, "") else str(value)
