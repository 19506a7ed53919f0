"""Pronouns: which actor "he", "it" or "they" stands for.

A salience rule in the spirit of Hobbs (1978) and Lappin and Leass (1994),
kept to what a rule-based pipeline knows: the actor mentions found so far,
their types, and whether each is the object of a preposition or a verb.

- A pronoun agrees with its antecedent in kind: "he"/"she" a person; "it" a
  country, organization or government body; "they" a group ("lawmakers",
  "the unions").  Demonyms and possessive modifiers ("India's minister …")
  are never antecedents.
- In the pronoun's own sentence the nearest agreeing mention before it that
  is not an object wins ("Tehran has said it opposes …"; "Seoul told
  Washington it …" is Seoul); a pronoun that opens a coordinated main
  clause (", and it wants …") stands for the first clause's subject, not
  for a subject inside that clause's complement ("The U.S. side argues that
  Korea pays 40 percent, and it wants Seoul to …" is the U.S. side).
- Else the previous sentences, nearest first (at most :data:`WINDOW`): in
  each, subjects before objects, left to right ("India has refused. It is
  seeking …"; "Grossi met the president. … He urged …").
"""
from __future__ import annotations

from .context import ArticleContext
from .facts import Mention
from .nlp import Sentence
from .topics import DETERMINERS

PERSON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "themselves"}
PRONOUNS = PERSON | THING | PLURAL
INSTITUTIONS = {"Country", "Organization", "GovernmentBody"}
WINDOW = 3
OBJECT_PREPS = {"to", "with", "from", "for", "on", "against", "of", "by", "toward", "towards", "about", "over", "at", "in", "into",
                "between", "among"}
COORDINATORS = {"and", "but", "yet"}
ACTOR_READINGS = {"actor", "person", "anon", "group", "body"}


def agrees(pronoun: str, m: Mention) -> bool:
    """Whether ``m`` can be what ``pronoun`` (lower case) stands for."""
    if m.reading not in ACTOR_READINGS:
        return False
    if pronoun in PERSON:
        return m.type == "Person"
    if pronoun in THING:
        return m.type in INSTITUTIONS and m.reading != "group"
    if pronoun in PLURAL:
        return m.reading == "group"
    return False


def object_role(ctx: ArticleContext, sent: Sentence, m: Mention) -> str | None:
    """"prep" when the mention is the object of a preposition; "verb" when it is the object of a
    participle ("representing the workers") or the listener of a speech verb ("told lawmakers"); a
    determiner may come between."""
    doc = sent.span.doc
    k = m.tok_start - 1
    if k > sent.span.start and doc[k].lower_ in DETERMINERS:
        k -= 1
    if k < sent.span.start:
        return None
    word = doc[k].lower_
    if word in OBJECT_PREPS:
        return "prep"
    if doc[k].is_lower and word.endswith("ing") and len(word) > 5:
        return "verb"
    listener = any(h.tok_end == k + 1 and ("speech", "to_listener") in ctx.lexicon.cue_values[h.key] for h in ctx.hits(sent, "cue"))
    return "verb" if listener else None


def _modifier(sent: Sentence, m: Mention, mentions: list[Mention]) -> bool:
    """A possessor or demonym right before another mention: "India's commerce minister Piyush Goyal"."""
    lower = sent.tokens.lower
    possessive = m.tok_end < sent.span.end and lower[m.tok_end] in {"'s", "’s"}
    return (possessive or m.reading == "demonym") and any(0 < o.tok_start - m.tok_end <= 4 for o in mentions)


def _candidates(ctx: ArticleContext, sent: Sentence, before: int | None) -> list[Mention]:
    """The sentence's possible antecedents, all before token ``before`` when it is given."""
    ms = sorted(ctx.mentions_in(sent), key=lambda m: (m.tok_start, -m.tok_end))
    return [m for m in ms if (before is None or m.tok_end <= before) and not _modifier(sent, m, ms)]


def referent(ctx: ArticleContext, sent: Sentence, tok: int) -> Mention | None:
    """The mention the pronoun at token ``tok`` of ``sent`` stands for, or None when nothing agrees."""
    return referent_here(ctx, sent, tok) or referent_before(ctx, sent, tok)


def referent_here(ctx: ArticleContext, sent: Sentence, tok: int) -> Mention | None:
    """The antecedent in the pronoun's own sentence: the nearest agreeing mention before it that is no object."""
    pronoun = sent.span.doc[tok].lower_
    here = [m for m in _candidates(ctx, sent, tok) if agrees(pronoun, m) and not object_role(ctx, sent, m)]
    if not here:
        return None
    doc = sent.span.doc
    if tok - 2 >= sent.span.start and doc[tok - 1].lower_ in COORDINATORS and doc[tok - 2].text in {",", ";"}:
        return min(here, key=lambda m: (m.tok_start, -m.tok_end))
    return max(here, key=lambda m: (m.tok_end, -m.tok_start))


def referent_before(ctx: ArticleContext, sent: Sentence, tok: int) -> Mention | None:
    """The antecedent in the :data:`WINDOW` sentences before, nearest sentence first, subjects first."""
    pronoun = sent.span.doc[tok].lower_
    for i in range(sent.index - 1, max(-1, sent.index - 1 - WINDOW), -1):
        prev = ctx.sentences[i]
        ms = [m for m in _candidates(ctx, prev, None) if agrees(pronoun, m)]
        ms.sort(key=lambda m: (object_role(ctx, prev, m) is not None, m.tok_start))
        if ms:
            return ms[0]
    return None
