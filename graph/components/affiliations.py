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


def _of_a_name(sent: Sentence, m: Mention, people: list[Mention]) -> Mention | None:
    """``m`` follows a named person and "of": "James DeHart of the State Department"."""
    lower = sent.tokens.lower
    k = m.tok_start - 1
    if k > sent.span.start and lower[k] == "the":
        k -= 1
    if k <= sent.span.start or lower[k] != "of":
        return None
    return next((p for p in people if p.tok_end == k), None)


def _as_place(sent: Sentence, m: Mention) -> bool:
    """``m`` names where something happens: "talks at the State Department", "told reporters at the White
    House" (``PLACE_PREPOSITIONS`` right before it)."""
    lower = sent.tokens.lower
    k = m.tok_start - 1
    if k > sent.span.start and lower[k] == "the":
        k -= 1
    return k >= sent.span.start and lower[k] in PLACE_PREPOSITIONS


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
    ent = ctx.entity(m.iri)
    if ent is None or m.type not in {"Group", "Organization"}:
        return False
    if m.type == "Group":
        sources = [r["label"] for r in ctx.lexicon.rules.table("groups.jsonl") if r.get("source")]
        return any(ent.label == s or ent.label.endswith(" " + s) for s in sources)
    return any(word in ent.label for word in ctx.lexicon.rules.data("names.json")["news_outlets"])


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
    affected = [r["label"] for r in ctx.lexicon.rules.table("groups.jsonl") if r.get("affected")]
    for m in ctx.mentions:
        ent = ctx.entity(m.iri) if m.type == "Group" and m.reading == "group" and m.iri not in acting else None
        if ent is not None and any(ent.label == a or ent.label.endswith(" " + a) for a in affected):
            m.emitted = False
