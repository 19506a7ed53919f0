"""Bodies named only as a person's affiliation: "Linda Specht, senior adviser at the State Department",
"Timothy Betts, the State Department's acting deputy assistant secretary", "State Department spokesman Ned
Price", "a senior foreign ministry official"; generic groups only spoken to ("told lawmakers"); and
those who only report: "media", "analysts", news outlets ("told Yonhap News Agency").

Such a body describes who the person is; it does not act in the sentence, so its mention is read as
``affiliation``: the person keeps it as title and affiliation (given here when no other rule gave one, so
the person speaks for the body's country), but the mention makes the body neither an
agent of a stance nor one of the article's actors (gold guideline: "an organisation named only in a
person's title is not an actor", nor one that is "only the affiliation of an anonymous speaker").  A body
that acts elsewhere in the article ("The State Department said …") keeps that mention.  A group that is
only the listener of a speech verb stays a mention the rules read (an addressee, an antecedent) but is not
emitted as evidence of a participant.
"""
from __future__ import annotations

from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, component
from ..coref import object_role
from ..facts import Mention
from ..nlp import Sentence

BODIES = {"GovernmentBody", "Organization", "Military"}
READINGS = {"body", "actor"}
SEGMENT_ENDS = {",", ";", "(", ")", "—", "–", "--", ".", ":", '"', "“", "”"}
CLAUSE_WORDS = {"who", "which", "that", "whose", "whom", "and", "while", "but", "as", "after", "before", "when"}
NOT_TITLE = {"and", "or", "with", "to", "by", "from", "in", "on", "at", "the", "a", "an", "said", "says", "told", "met"}
MAX_SEGMENT = 14  # tokens of an apposition: "senior adviser for security agreements at the State Department"
MAX_TITLE = 4  # words between a body and the person it titles: "State Department spokesman Ned Price"
PLACE_PREPOSITIONS = {"at", "in", "inside", "outside", "near"}


def _in_apposition(sent: Sentence, m: Mention, people: list[Mention]) -> Mention | None:
    """The named person whose comma-bounded aside ``m`` lies in: "Name, a senior X official, …"."""
    lower = sent.tokens.lower
    k = m.tok_start - 1
    while k >= sent.span.start and m.tok_start - k <= MAX_SEGMENT and lower[k] not in SEGMENT_ENDS:
        if lower[k] in CLAUSE_WORDS:
            return None  # "Kang, who met the State Department's envoy": a clause of its own
        k -= 1
    person = next((p for p in people if p.tok_end == k), None)
    if k < sent.span.start + 1 or lower[k] != "," or person is None:
        return None
    j = m.tok_end
    while j < sent.span.end and j - m.tok_end <= MAX_SEGMENT and lower[j] not in SEGMENT_ENDS:
        if lower[j] in CLAUSE_WORDS - {"and"}:  # "… senior adviser for security negotiations and agreements,"
            return None
        j += 1
    return person if j >= sent.span.end or lower[j] in SEGMENT_ENDS else None


def _word_before(sent: Sentence, m: Mention) -> int:
    """The token before ``m`` and its "the" (``sent.span.start - 1`` when there is none)."""
    k = m.tok_start - 1
    if k > sent.span.start and sent.tokens.lower[k] == "the":
        k -= 1
    return k


def _of_a_name(sent: Sentence, m: Mention, people: list[Mention]) -> Mention | None:
    """``m`` follows a named person and "of": "James DeHart of the State Department"."""
    k = _word_before(sent, m)
    if k <= sent.span.start or sent.tokens.lower[k] != "of":
        return None
    return next((p for p in people if p.tok_end == k), None)


def _as_place(sent: Sentence, m: Mention) -> bool:
    """``m`` names where something happens: "talks at the State Department", "told reporters at the White
    House" (``PLACE_PREPOSITIONS`` right before it)."""
    k = _word_before(sent, m)
    return k >= sent.span.start and sent.tokens.lower[k] in PLACE_PREPOSITIONS


def _titles_a_name(sent: Sentence, m: Mention, people: list[Mention]) -> Mention | None:
    """``m`` opens a title right before a person's name: "State Department spokesman Ned Price", "the
    ministry's chief negotiator Lee Tae-woo"."""
    is_punct, lower = sent.tokens.is_punct, sent.tokens.lower
    for p in people:
        gap = range(m.tok_end, p.tok_start)
        if 0 < len(gap) <= MAX_TITLE + 1 and not any(is_punct[i] and lower[i] not in {"'s", "’s"} or lower[i] in NOT_TITLE
                                                     for i in gap):
            return p
    return None


def reports(ctx: ArticleContext, m: Mention) -> bool:
    """A group that only reports (``groups.jsonl`` rows marked ``source``: "media", "analysts") or a news
    outlet (``names.json`` ``news_outlets``: "Yonhap News Agency", "Reuters")."""
    ent = ctx.entity(m.iri) if m.type in {"Group", "Organization"} else None
    if ent is None:
        return False
    if m.type == "Group":
        return _is_group(ent.label, "source")
    return any(word in ent.label for word in _news_outlets())


@lru_cache(maxsize=None)
def _flagged_groups(flag: str) -> tuple[str, ...]:
    """The labels of the ``groups.jsonl`` rows marked ``flag`` ("source", "affected"), read once."""
    return tuple(r["label"] for r in load_rules().table("groups.jsonl") if r.get(flag))


def _is_group(label: str, flag: str) -> bool:
    """``label`` is a group of a row marked ``flag``, modifiers allowed ("local media", "South Korean workers")."""
    return any(label == g or label.endswith(" " + g) for g in _flagged_groups(flag))


@lru_cache(maxsize=1)
def _news_outlets() -> tuple[str, ...]:
    return tuple(load_rules().data("names.json")["news_outlets"])


@component("affiliations")
def affiliations(ctx: ArticleContext) -> None:
    for sent in ctx.sentences:
        mentions = ctx.mentions_in(sent)
        anon = [m for m in mentions if m.reading == "anon"]
        for m in mentions:
            if m.type in BODIES and m.reading in READINGS and any(a.tok_start <= m.tok_start and m.tok_end <= a.tok_end for a in anon):
                m.reading = "affiliation"  # "a senior foreign ministry official said": the official speaks, not the ministry
            elif m.type in {"GovernmentBody", "Organization"} and m.reading in READINGS and _as_place(sent, m):
                m.emitted = False  # "talks at the State Department": a venue, no participant (a stance may still read it)
            elif m.type == "Group" and m.reading == "group" and object_role(ctx, sent, m) == "verb":
                m.emitted = False  # "told lawmakers", "briefed reporters": a listener, no participant of the talks
            elif reports(ctx, m):
                m.emitted = False  # "according to media reports", "told Yonhap News Agency": a source, no participant
        people = [m for m in mentions if m.type == "Person" and m.reading in {"actor", "person"}]
        if not people:
            continue
        for m in mentions:
            if m.type not in BODIES or m.reading not in READINGS:
                continue
            person = _in_apposition(sent, m, people) or _titles_a_name(sent, m, people) or _of_a_name(sent, m, people)
            if person is not None:
                m.reading = "affiliation"
                ent = ctx.entities.get(person.iri)
                if ent is not None and ent.affiliation is None:  # "Linda Specht, senior adviser at the State Department"
                    ent.affiliation = m.iri


PART_PROPS = ("actor", "speaker", "heldBy", "party")


@component("idle_groups")
def idle_groups(ctx: ArticleContext) -> None:
    """A group the talks affect (``groups.jsonl`` rows marked ``affected``: "workers", "farmers") is a
    participant of the article only where it takes part in a fact: takes a stance, speaks, holds a
    position or claims a figure.  Its other mentions ("the wages of Korean base workers") stay readable
    but are not emitted (run after every fact is found).  Groups that take sides ("civic groups",
    "opposition lawmakers", "labor unions") stay actors wherever they are named."""
    acting: set[str] = set()
    for f in ctx.facts:
        for key in PART_PROPS:
            value = f.props.get(key)
            acting.update(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
        acting.update(e.claimed_by for e in f.evidence if e.claimed_by)
    for m in ctx.mentions:
        ent = ctx.entity(m.iri) if m.type == "Group" and m.reading == "group" and m.iri not in acting else None
        if ent is not None and _is_group(ent.label, "affected"):
            m.emitted = False
