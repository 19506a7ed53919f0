"""Talks the reference data does not know: their parties and name, and the cue counts they are read from.

An unnamed negotiation is named after its two main parties (go-betweens left
out), by their short names in one order, and after its topic or the forum
whose sessions the article reports ("US–Cuba migration talks", "Philippines–
NDF peace talks", "Russia–United States Strategic Stability Dialogue").
The counts of cue families (topics, round and talk nouns) serve the
agreements component too.
"""
from __future__ import annotations

from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext
from ..facts import Evidence, Fact
from ..iris import mint
from .forums import forum_name


def _in_proper_name(sent, h) -> bool:
    """A capitalized cue inside a run of capitalized words, not opening the sentence: "the Peace House"."""
    text = sent.tokens.text
    if h.tok_start == sent.span.start or not h.text[:1].isupper():
        return False
    return text[h.tok_start - 1][:1].isupper() or h.tok_end < sent.span.end and text[h.tok_end][:1].isupper()


def cue_counts(ctx: ArticleContext, family: str) -> dict[str, int]:
    """How often each value of a cue family occurs in the article ("topic" -> {"trade": 3, ...})."""
    counts: dict[str, int] = {}
    for sent in ctx.sentences:
        names = [(m.tok_start, m.tok_end) for m in ctx.mentions_in(sent)
                 if m.type in {"Organization", "GovernmentBody"}] if family == "topic" else []
        for h in ctx.hits(sent, "cue"):
            if family == "topic" and (any(a <= h.tok_start and h.tok_end <= b for a, b in names)
                                      or h.tok_end < sent.span.end and sent.tokens.lower[h.tok_end] in _not_topic_before()
                                      or _in_proper_name(sent, h)):
                continue  # the "Trade" of "Trade Union Congress", of "a trade union" or "the Peace House": no topic
            for fam, value in ctx.lexicon.cue_values[h.key]:
                if fam == family:
                    counts[value] = counts.get(value, 0) + 1
    return counts


def reports_talks(ctx: ArticleContext) -> bool:
    """The article has a round or talks noun: it reports meetings, not only an agreement."""
    return bool(cue_counts(ctx, "roundnoun") or cue_counts(ctx, "talknoun"))


def unnamed_negotiation(ctx: ArticleContext) -> None:
    """Talks about no agreement in the reference data: a negotiation named by its two main parties and topic.

    Only when the article reports meetings (a round or talks noun) between at
    least two parties, so that rounds of unseen negotiations are kept; the
    same parties and topic give the same node across articles.
    """
    talk = reports_talks(ctx)
    topics = cue_counts(ctx, "topic")
    counts: dict[str, int] = {}
    seen: dict[str, tuple[int, int]] = {}  # where each party is first named
    for m in ctx.mentions:
        if m.type in {"Country", "Organization", "Military"} and m.reading in {"actor", "demonym"}:
            counts[m.iri] = counts.get(m.iri, 0) + 1
            seen[m.iri] = min(seen.get(m.iri, (m.sentence, m.start)), (m.sentence, m.start))
    if not talk or len(counts) < 2:
        return
    brokers = _mediators(ctx)
    if len(set(counts) - brokers) >= 2:  # "brokered by Norway", "U.N.-led talks": the go-between is no party
        counts = {i: n for i, n in counts.items() if i not in brokers}
    top = sorted(counts, key=lambda i: (-counts[i], seen[i]))[:2]  # a tie goes to the party named first
    labels = sorted(ctx.entity(i).label for i in top)  # the IRI: the same in any order
    names = [_short(ctx, i) for i in sorted(top, key=lambda i: _name_rank(ctx, i))]
    forum = forum_name(ctx)
    if forum is not None:  # "the second round of their Strategic Stability Dialogue"
        name, body = forum
        label = "–".join(names) + f" {name}" + (" meetings" if body else "")
        iri = mint("negotiation", *labels, name)
    else:
        before, after = _talk_modifiers(ctx)
        counts = before or topics or after  # "exploratory talks", else topic words, else "talks on a minimum wage"
        topic = max(sorted(counts), key=lambda t: counts[t]) if counts else None
        label = "–".join(names) + (f" {topic}" if topic else "") + " talks"
        iri = mint("negotiation", *labels, topic or "talks")
        nouns = ctx.lexicon.rules.data("negotiation.json").get("topic_session_nouns", {}).get(topic or "", [])
        ctx.session_nouns = frozenset(n.lower() for n in nouns)  # "the fourth review" of an IMF programme
    ev = [Evidence(m.sentence, m.start, m.end) for m in ctx.mentions if m.iri == top[0]][:1]
    ctx.facts.append(Fact("negotiation", iri, {"@label": label, "party": sorted(top)}, ev))
    ctx.negotiation = iri


def _mediators(ctx: ArticleContext) -> set[str]:
    """Countries and bodies the article names as go-betweens: "brokered by Norway", "the U.N.-led talks",
    "under the auspices of the African Union" (``mediator_cues`` and ``mediator_suffixes`` of negotiation.json)."""
    data = ctx.lexicon.rules.data("negotiation.json")
    cues = [c.split() for c in data.get("mediator_cues", [])]
    suffixes = set(data.get("mediator_suffixes", []))  # "Syrian-led" (a demonym) is the parties' own lead
    talks = {w.lower() for w in data["talk_nouns"] + data["round_nouns"]}
    out = set()
    for m in ctx.mentions:
        if m.type not in {"Country", "Organization"}:
            continue
        low = ctx.sentences[m.sentence].tokens.lower
        before = [w for w in low[max(0, m.tok_start - 5):m.tok_start] if w != "the"]
        after = low[m.tok_end:m.tok_end + 3]
        led = after[1:2] == ["led"] and after[2:] and after[2] in talks  # "AU-led talks", not "U.S.-led coalition"
        if any(before[-len(c):] == c for c in cues) or (m.reading != "demonym" and after[:1] == ["-"]
                                                         and (after[1:2] and after[1] in suffixes or led)):
            out.add(m.iri)
    return out


def _short(ctx: ArticleContext, iri: str) -> str:
    """A party's name inside a negotiation's label: its short name ("US", "TPLF"), else its label."""
    ent = ctx.entity(iri)
    return ent.short_name or ent.label


def _name_rank(ctx: ArticleContext, iri: str) -> tuple[int, int, str]:
    """Where a party goes in a label: ``name_first`` parties, then countries, then the rest; then by name."""
    first = _name_first()
    ent = ctx.entity(iri)
    return (first.index(iri) if iri in first else len(first), ent.type != "Country", ent.label)


@lru_cache(maxsize=1)
def _not_topic_before() -> frozenset[str]:
    return frozenset(load_rules().data("negotiation.json").get("not_topic_before", []))


@lru_cache(maxsize=1)
def _name_first() -> list[str]:
    return list(load_rules().data("negotiation.json").get("name_first", []))


def _talk_modifiers(ctx: ArticleContext) -> tuple[dict[str, int], dict[str, int]]:
    """What the text calls the talks, counted: ``talk_modifiers`` phrases right before a talk noun ("the
    62nd round of exploratory talks", "FTA talks"), and after "talks on" ("talks on a new national minimum
    wage").  Each phrase counts as its value in the rule file ("FTA" as "trade")."""
    modifiers = _modifier_table()
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for sent in ctx.sentences:
        low = sent.tokens.lower
        for h in ctx.hits(sent, "cue"):
            i = h.tok_start
            if i == sent.span.start or not any(f == "talknoun" for f, _ in ctx.lexicon.cue_values[h.key]):
                continue
            found = _modifier_at(low, max(sent.span.start, i - 2), i, modifiers, before=True)
            if found:
                before[found] = before.get(found, 0) + 1
            elif i + 1 < sent.span.end and low[i + 1] in {"on", "over"}:
                k = i + 2
                while k < sent.span.end and k - i <= 4 and low[k] in ABOUT_LEADS:
                    k += 1
                found = _modifier_at(low, k, min(sent.span.end, k + 2), modifiers, before=False)
                if found:
                    after[found] = after.get(found, 0) + 1
    return before, after


@lru_cache(maxsize=1)
def _modifier_table() -> dict[tuple[str, ...], str]:
    """``talk_modifiers`` from ``negotiation.json`` as word tuples -> the word the label uses."""
    return {tuple(m.split()): v for m, v in load_rules().data("negotiation.json")["talk_modifiers"].items()}


ABOUT_LEADS = {"a", "an", "the", "new", "national", "proposed", "revised", "future", "possible", "its", "their"}


def _modifier_at(low, lo: int, hi: int, modifiers: dict[tuple[str, ...], str], before: bool) -> str | None:
    """The longest modifier phrase ending at ``hi`` (before a talk noun) or starting at ``lo`` (after "on")."""
    for n in (2, 1):  # "minimum wage talks" before "wage talks"
        words = tuple(low[hi - n:hi]) if before else tuple(low[lo:lo + n])
        if len(words) == n and (hi - n >= lo if before else lo + n <= hi) and words in modifiers:
            return modifiers[words]
    return None
