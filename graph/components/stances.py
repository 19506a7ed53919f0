"""Stances: who demands, proposes, rejects, accepts, urges, supports or opposes what.

PETRARCH-style: a cue from ``rules/stances.jsonl`` (verbs and nouns) gives
the stance type; a negation before it flips it through the row's
``negated`` value ("cannot accept" is ``reject``); a modal or hedge ("could
accept", "is considering") means no stance was taken yet.  The actor is the
agent of the cue: "by X" after a passive, the possessor or modifier of a
noun cue ("Washington's demand", "the U.S. demand"), else the nearest actor
named before it in the sentence, else a pronoun's referent or the
sentence's speaker.  Anonymous officials speak for their country; named
people, ministries and groups are actors themselves.  The topic is the
object phrase after the cue, trimmed to its content words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, component
from ..coref import object_role as _object
from ..coref import referent_before, referent_here
from ..dates import PartialDate
from ..emit import Concept
from ..facts import Evidence, Fact, Mention
from ..iris import mint
from ..nlp import Sentence
from ..speakers import BOTH_SIDES, country_of, negotiation_parties, sentence_speaker
from .affiliations import reports
from ..topics import DETERMINERS, QUOTES, SKIP_LEAD, STOP_TOPIC, TRAILING, antecedent, good_outcome, span_text, topics

ACTOR_READINGS = {"actor", "demonym", "person", "anon", "group", "body"}
NEGATORS = {"not", "n't", "never", "no", "cannot", "refuse", "refused", "refuses", "refusing", "declined", "unwilling", "reluctant",
            "difficult", "impossible", "unable"}  # "it would be difficult to accept": a refusal
IRREALIS = {"could", "may", "might", "considering", "consider", "considers", "if", "whether", "likely", "expected", "mulling",
            "weighing", "unlikely", "should", "possibly", "reportedly", "must", "needs", "need",
            "before", "until", "unless"}  # "before we sign up to another increase": not yet done
INTENT = {"hope", "hopes", "hoped", "hoping", "plan", "plans", "planned", "aims", "aim", "aimed", "intends", "intend",
          "intended", "time", "chance", "opportunity", "bid", "attempt", "effort", "efforts", "deadline"}
# "hoped to sign", "has time to ratify": before "to" an intention or a chance, not yet a stance
PRONOUNS = {"it", "he", "she", "they", "we", "i"}
ANAPHORS = {"request", "demand", "proposal", "offer", "idea", "plan", "move", "suggestion", "call", "this", "that", "position", "stance",
            "it"}
COPULAS = {"was", "is", "were", "are", "would", "will", "has", "had", "remains", "remained", "seemed", "seems"}
PASSIVE = {"was", "were", "been", "being", "is", "are", "be"}
BE = {"was", "were", "is", "are"}  # "the U.S. proposal was …": the noun is its clause's subject


def _stance_hits(ctx: ArticleContext, sent: Sentence, cue_hits) -> list[tuple[int, int, list[tuple[str, str | None]]]]:
    """(tok_start, tok_end, [(stance, negated)]) for every stance cue, longest cues first at a position.

    A participle used as an adjective takes no stance: "the newly proposed category", "the agreed text";
    nor does a cue whose row ``needs_after`` a word it lacks ("reached" only before "a deal", "an agreement"),
    or that follows one of the row's ``aims_after`` words ("efforts to reach a deal", "without reaching one").
    """
    negated, needs = ctx.lexicon.stance_negated, ctx.lexicon.needs_after
    lower = sent.tokens.lower
    out = []
    taken: set[int] = set()
    for h in cue_hits:
        vals = [(v, negated.get((h.key, v))) for f, v in ctx.lexicon.cue_values[h.key] if f == "stance"]
        k = h.tok_start - 1
        if k > sent.span.start and lower[k].endswith("ly"):
            k -= 1
        adjective = h.tok_end - h.tok_start == 1 and lower[h.tok_start].endswith("ed") and k >= sent.span.start \
            and lower[k] in DETERMINERS
        # "said the offer was far from enough": a noun cue as its clause's subject refers back to a stance
        subject = h.tok_end - h.tok_start == 1 and h.tok_start > sent.span.start and h.tok_end < sent.span.end and (
            lower[h.tok_start - 1] in {"the", "this", "that"} and lower[h.tok_end] in COPULAS
            or lower[h.tok_end] in BE and not lower[h.tok_start].endswith("ed") and lower[h.tok_start - 1] not in PRONOUNS | AUXILIARIES)
        # "found the U.S. offer too high", "branded the offer as an insult": a noun judged, not a stance of its own
        # ("accept a bad deal": an evaluating noun phrase right after a verb is its object, not a judgement of it)
        judged = any(e.tok_start == h.tok_end + (lower[h.tok_end] == "as" if h.tok_end < sent.span.end else 0)
                     and not (e.tok_start == h.tok_end and lower[e.tok_start] in {"a", "an"})
                     for e in cue_hits if any(f == "evaluation" for f, _ in ctx.lexicon.cue_values[e.key]))
        need = needs.get(h.key)
        lacking = need is not None and (
            not any(w in need[0] for w in lower[h.tok_end:min(h.tok_end + need[1], sent.span.end)])
            or h.tok_start > sent.span.start and lower[h.tok_start - 1] in need[2])  # "efforts to reach a deal"
        if vals and h.tok_start not in taken and not adjective and not subject and not judged and not lacking:
            out.append((h.tok_start, h.tok_end, vals))
            taken |= set(range(h.tok_start, h.tok_end))
    return out


def _cue_hits(ctx: ArticleContext, sent: Sentence):
    """The sentence's cue hits, longest first at a position, without stance cues that are part of a
    noun compound: after a row's ``not_after`` words ("host-nation support") or before its
    ``not_before`` words ("press conference")."""
    after, before = ctx.lexicon.not_after, ctx.lexicon.not_before
    doc = sent.span.doc

    def compound(h) -> bool:
        cue = h.text.lower()
        return (cue in after and h.tok_start > sent.span.start and doc[h.tok_start - 1].lower_ in after[cue]) \
            or (cue in before and h.tok_end < sent.span.end and doc[h.tok_end].lower_ in before[cue])

    return [h for h in sorted(ctx.hits(sent, "cue"), key=lambda h: (h.tok_start, -(h.tok_end - h.tok_start))) if not compound(h)]


def _verb_starts(ctx: ArticleContext, sent: Sentence, cue_hits) -> frozenset[int]:
    """Where another clause's verb may start: stance, speech, round-status and date-role cues (not
    inside a name: the "States" of "United States")."""
    names = [(m.tok_start, m.tok_end) for m in ctx.mentions_in(sent)]
    return frozenset(h.tok_start for h in cue_hits
                     if any(f in {"stance", "speech", "status", "daterole"} for f, _ in ctx.lexicon.cue_values[h.key])
                     and not any(a <= h.tok_start < b for a, b in names))


def _in_complement(doc, hits, k: int) -> bool:
    """The cue sits in what an earlier demand or urging asks for: "demanded that Washington offer …",
    "urged Seoul to accept …" (nothing has been offered or accepted yet); or it is the object of the
    cue just before it ("rejected the proposal")."""
    a = hits[k][0]
    for a0, b0, vals in hits[:k]:
        if 0 <= a - b0 <= 2 and all(t.lower_ in DETERMINERS for t in doc[b0:a]):
            return True  # "rejected the call for a review": the noun is the earlier cue's object
        if vals[0][0] in {"demand", "urge"} and 0 < a - b0 <= 6 and {"that", "to"} & {t.lower_ for t in doc[a0 + 1:a]}:
            return True
    return False


AUXILIARIES = {"can", "could", "will", "would", "shall", "should", "may", "might", "must", "not", "n't", "never", "did",
               "do", "does", "has", "have", "had", "is", "are", "was", "were", "also", "still", "ca", "wo", "already"}


def _actor_of(ctx: ArticleContext, m: Mention) -> str | None:
    """Anonymous officials and demonyms speak for their country; "the Trump administration" is the
    United States; others are actors themselves."""
    if m.reading in {"anon", "demonym"}:
        return country_of(ctx, m.iri)
    if m.type == "Person" and _government_after(ctx, m):
        return country_of(ctx, m.iri) or m.iri
    return m.iri


@lru_cache(maxsize=1)
def _government_nouns() -> frozenset[str]:
    """``government_nouns`` of ``negotiation.json``, lower-cased ("government", "administration")."""
    return frozenset(n.lower() for n in load_rules().data("negotiation.json")["government_nouns"])


def _government_after(ctx: ArticleContext, m: Mention) -> bool:
    """The person's name modifies a government noun: "the Biden administration", "the Abe government"."""
    doc = ctx.sentences[m.sentence].span.doc
    nouns = _government_nouns()
    nxt = doc[m.tok_end].lower_ if m.tok_end < len(doc) else ""
    if nxt in {"'s", "’s"} and m.tok_end + 1 < len(doc):
        nxt = doc[m.tok_end + 1].lower_
    return nxt in nouns


def _agent(ctx: ArticleContext, sent: Sentence, a: int, b: int, last: str | None) -> str | None:
    doc = sent.span.doc
    ms = [m for m in ctx.mentions_in(sent) if m.reading in ACTOR_READINGS]
    prev = doc[a - 1].lower_ if a > sent.span.start else ""
    if prev in PASSIVE or prev in {"by"}:
        after = [m for m in ms if m.tok_start >= b and "by" in [t.lower_ for t in doc[b:m.tok_start]] and m.tok_start - b <= 6]
        if after:
            return _actor_of(ctx, min(after, key=lambda m: m.tok_start))
    before = [m for m in ms if m.tok_end <= a]
    k = max(_verb_group_start(doc, a, sent) - 1, sent.span.start)  # the word before the verb group
    participle = k > sent.span.start and doc[k].text == "," and doc[a].lower_.endswith("ing")
    if participle:
        sp = sentence_speaker(ctx, sent)
        if sp is not None and sp.mention is not None and sp.mention.tok_end <= a:
            return _actor_of(ctx, sp.mention)  # "…, an official said, calling on Seoul to …"
    if participle or (k > sent.span.start and doc[k].lower_ == "and"):
        subject = _subject(ctx, sent, before)
        if subject is not None:
            return _actor_of(ctx, subject)  # "…, opposing any increase", "… and has rejected the call"
    if _unnamed_subject(sent, a, ms):
        return None  # "three days after the Cabinet approved the deal": not the earlier clause's actor
    for m in sorted(before, key=lambda m: (-m.tok_end, m.tok_start)):
        if reports(ctx, m):
            continue  # "…, according to media reports": who reports a stance does not take it
        gap = [t.lower_ for t in doc[m.tok_end:a]]
        role = _object(ctx, sent, m)
        if role == "prep" and _members_of(sent, m):
            role = None  # "members of civic groups held up signs opposing …": the group acts
        if role == "verb" or (role == "prep" and (len(gap) > 2 or _modifies(sent, m, before))):
            continue  # "talks with Seoul ... rejected", "told lawmakers that …", "lawmakers in Congress have urged": an object
        if _in_apposition(sent, m, before):
            continue  # "The CGT, the country's largest union federation, opposes …": the appositive's head acts
        if any(w in {";", "but", "while", "whereas"} for w in gap):
            break
        core = gap
        while core and core[-1] in AUXILIARIES:
            core = core[:-1]  # "we cannot accept", "it would not pay": look past the verb group
        if any(w in PRONOUNS for w in core[-2:]) and len(gap) > 2:
            break  # "Seoul said it rejected": the pronoun is the agent; resolve it below
        return _actor_of(ctx, m)
    pronoun = next((i for i in (a - 1, a - 2, k) if i >= sent.span.start and doc[i].lower_ in PRONOUNS), None)
    if pronoun is not None:
        here = referent_here(ctx, sent, pronoun)
        if here is not None:
            return _actor_of(ctx, here)  # "Tehran has said it opposes …"
        sp = sentence_speaker(ctx, sent)
        if sp is not None and sp.mention is not None and not reports(ctx, sp.mention):
            return _actor_of(ctx, sp.mention)  # (not "…, according to media reports": "it" is the one reported on)
        earlier = referent_before(ctx, sent, pronoun)
        return _actor_of(ctx, earlier) if earlier is not None else last  # "India has refused. It is seeking …"
    if doc[k].lower_ == "you":
        return None  # "you have reached an agreement", told to others: not the speaker's own stance
    sp = sentence_speaker(ctx, sent)
    if sp is not None and sp.mention is not None and not reports(ctx, sp.mention):
        return _actor_of(ctx, sp.mention)
    return None


MEMBER_NOUNS = {"members", "supporters", "activists", "representatives", "leaders", "hundreds", "thousands", "dozens"}


def _members_of(sent: Sentence, m: Mention) -> bool:
    """The mention names the body whose members are the subject: "members of civic groups", "hundreds
    of union members"."""
    lower = sent.tokens.lower
    k = m.tok_start - 1
    if k > sent.span.start and lower[k] in {"the", "a", "an"}:
        k -= 1
    return k - 1 >= sent.span.start and lower[k] == "of" and lower[k - 1] in MEMBER_NOUNS


SUBJECT_DETERMINERS = {"the", "a", "an"}
NOT_SUBJECTS = {"side", "sides", "allies", "statement", "communique", "declaration", "release", "letter", "government",
                "administration", "kingdom", "country", "nation", "republic", "union", "group", "bloc", "party", "alliance"}
PUBLIC_NOUNS = {"public", "people", "voters", "market", "markets", "legislature"}


def _unnamed_subject(sent: Sentence, a: int, ms: list[Mention]) -> bool:
    """The verb's subject is a noun phrase that names no actor: "after the Cabinet approved the deal", "an
    outcome that the public can accept".  An actor named earlier is another clause's subject, so it does
    not take this stance.  Only a capitalized head or the public's nouns: "the group has refused", "the
    kingdom supported" refer back to an actor named before, and "the government", "the two sides" and
    "the statement" are left to the other rules (the article's country, both parties, the issuer)."""
    doc = sent.span.doc
    k = _verb_group_start(doc, a, sent) - 1
    verbal = k + 1 < a or doc[a].lower_.endswith("ed")  # "can accept", "approved": not the noun of "the initial demand"
    while k > sent.span.start and doc[k].lower_.endswith("ly"):
        k -= 1  # "the Cabinet formally approved"
    if not verbal or k - 1 < sent.span.start or not doc[k].is_alpha or doc[k - 1].lower_ not in SUBJECT_DETERMINERS:
        return False
    word = doc[k].lower_
    named = doc[k].text[:1].isupper() or word in PUBLIC_NOUNS
    return named and word not in PRONOUNS | AUXILIARIES | NOT_SUBJECTS and not any(m.tok_start <= k < m.tok_end for m in ms)


def _modifies(sent: Sentence, m: Mention, before: list[Mention]) -> bool:
    """The mention is the object of a preposition right after another actor ("lawmakers in Congress",
    "officials from the ministry"): that actor heads the phrase."""
    k = m.tok_start - 1
    lower = sent.tokens.lower
    if k > sent.span.start and lower[k] in {"the", "a", "an"}:
        k -= 1
    return any(o.tok_end == k for o in before)


def _in_apposition(sent: Sentence, m: Mention, before: list[Mention]) -> bool:
    """The mention sits in an aside between commas right after another actor: "The General Confederation
    of Labour (CGT), the country's largest union federation, opposes …"."""
    toks = sent.tokens
    if not any(toks.text[i] == "," for i in range(m.tok_end, min(m.tok_end + 4, sent.span.end))):
        return False  # the aside closes soon after the mention ("Washington's closest ally,")
    k = m.tok_start - 1
    while k > sent.span.start and m.tok_start - k <= 6 and toks.text[k] not in {",", ";"}:
        k -= 1
    if k <= sent.span.start or toks.text[k] != ",":
        return False
    j = k
    if toks.text[k - 1] == ")":  # "(CGT)"
        j = k - 1
        while j > sent.span.start and toks.text[j] != "(":
            j -= 1
    # a named head, not a generic group the aside names ("Their union, the USFK Korean Employees Union, has urged")
    return any(o.tok_end == j and o.reading != "group" for o in before if o is not m)


def _subject(ctx: ArticleContext, sent: Sentence, before: list[Mention]) -> Mention | None:
    """The sentence's first actor that is not an object ("According to X, …") nor a modifier of the
    next one ("South Korean Foreign Minister Kang …", "Brazil's minister Tereza Cristina")."""
    ms = sorted(before, key=lambda m: m.tok_start)
    for i, m in enumerate(ms):
        if _object(ctx, sent, m):
            continue
        possessive = m.tok_end < sent.span.end and sent.tokens.lower[m.tok_end] in {"'s", "’s"}
        if (m.reading == "demonym" or possessive) and i + 1 < len(ms) and ms[i + 1].tok_start - m.tok_end <= 4:
            continue  # a modifier of the next mention: "Brazil's Agriculture Minister Tereza Cristina"
        return m
    return None


COORDINATION = {",", "and", "the", "both"}


def _speaker_for(ctx: ArticleContext, sent: Sentence, a: int, actor: str | None) -> str | None:
    """Reported speech is the speaker's stance: in "Lee said Seoul would not accept …" and in ""Seoul will
    not accept …," Lee said" the named person who speaks for the country named in the complement takes it
    (their side is their affiliation)."""
    sp = sentence_speaker(ctx, sent)
    if actor is None or sp is None or sp.mention is None or sp.mention.type != "Person" or sp.mention.reading == "anon":
        return actor
    ent = ctx.entity(actor)
    if ent is None or ent.type != "Country" or country_of(ctx, sp.mention.iri) != actor:
        return actor
    return sp.mention.iri


def _co_agents(ctx: ArticleContext, sent: Sentence, a: int, actor: str) -> list[str]:
    """The other subjects of "France, Denmark and the Netherlands urged …": coordinated with the agent,
    before it, and after it when the agent is a sentence subject ("France, Britain and Germany said … and
    urged").  Commas alone make an apposition or an aside, not a coordination."""
    ms = sorted((m for m in ctx.mentions_in(sent) if m.reading in ACTOR_READINGS and m.tok_end <= a),
                key=lambda m: (-m.tok_end, m.tok_start))
    head = next((m for m in ms if _actor_of(ctx, m) == actor), None)
    if head is None:
        return []
    out: list[str] = []
    before = (m for m in ms if m.tok_end <= head.tok_start)  # nearest first
    after = sorted((m for m in ms if m.tok_start >= head.tok_end), key=lambda m: m.tok_start)
    joined = _coordinated_walk(ctx, sent, head, before, actor, out, backwards=True)
    joined = _coordinated_walk(ctx, sent, head, after, actor, out, backwards=False) or joined
    return out if joined else []


def _coordinated_walk(ctx: ArticleContext, sent: Sentence, head: Mention, others, actor: str, out: list[str],
                      backwards: bool) -> bool:
    """Add to ``out`` the actors coordinated with ``head`` one way; True if an "and" joined any of them."""
    doc, cur, joined = sent.span.doc, head, False
    for m in others:
        if (m.tok_end > cur.tok_start) if backwards else (m.tok_start < cur.tok_end):
            continue  # overlaps the last one taken ("South Korean" inside "South Korean negotiators")
        if backwards and _object(ctx, sent, m) == "prep":
            break  # "a memoir by John Bolton, the administration sought …": not a subject
        gap = [t.lower_ for t in (doc[m.tok_end:cur.tok_start] if backwards else doc[cur.tok_end:m.tok_start])]
        if backwards and len(gap) > 2 and gap[0] in {"'s", "’s"} and gap[1] in _government_nouns():
            gap = gap[2:]  # "Colombia's government and the ELN signed …": the country's government is the country
        if not gap or not set(gap) <= COORDINATION or not {",", "and"} & set(gap):
            break
        joined = joined or "and" in gap
        who = _actor_of(ctx, m)
        if who and who != actor and who not in out:
            out.append(who)
        cur = m
    return joined


def _passive(ctx: ArticleContext, sent: Sentence, a: int, b: int) -> tuple[Mention | None, str | None] | None:
    """"The demand was rejected by Seoul": agent after "by", topic before the auxiliary; None if not passive."""
    doc = sent.span.doc
    prev = doc[a - 1].lower_ if a > sent.span.start else ""
    nxt = [t.lower_ for t in doc[b:min(b + 2, sent.span.end)]]
    if prev not in PASSIVE and "by" not in nxt or doc[a].lower_.endswith("ing"):
        return None  # "is pressing for": progressive, not passive
    if b - a > 1 and doc[b - 1].lower_ in {"to", "for", "of"} and "by" not in nxt:
        return None  # "was committed to reaching …", "is open to": a predicate of the subject, not a passive
    agent = next((m for m in sorted(ctx.mentions_in(sent), key=lambda m: m.tok_start)
                  if m.reading in ACTOR_READINGS and b <= m.tok_start <= b + 4 and "by" in [t.lower_ for t in doc[b:m.tok_start]]), None)
    i = a - 1
    while i > sent.span.start and doc[i].lower_ in PASSIVE | {"has", "have", "had", "being", "already", "also", "not"}:
        i -= 1
    end = i + 1
    while i > sent.span.start and doc[i - 1].text not in STOP_TOPIC | QUOTES and doc[i - 1].lower_ not in {"that", "which", "and"} \
            and end - i < 6:
        i -= 1
    while i < end and doc[i].lower_ in SKIP_LEAD:
        i += 1
    if doc[end - 1].lower_ in {"that", "which", "who"} or i >= end:
        return (None, None)  # a relative clause ("the framework that has been agreed upon by ..."): not a stance taken
    return (agent, span_text(sent, list(doc[i:end])))


def _irrealis(doc, a: int, start: int) -> bool:
    window = list(doc[max(start, a - 3):a])
    return any(t.lower_ in IRREALIS or (t.lower_ in INTENT and t.nbor(1).lower_ == "to") for t in window)


def _negated(doc, a: int, start: int) -> bool:
    return any(t.lower_ in NEGATORS for t in doc[max(start, a - 3):a])


@component("stances")
def stances(ctx: ArticleContext) -> None:
    last: str | None = None
    found: list[Fact] = []
    for sent in ctx.sentences:
        doc = sent.span.doc
        cue_hits = _cue_hits(ctx, sent)
        hits = _stance_hits(ctx, sent, cue_hits)
        spans = [(m.tok_start, m.tok_end) for m in ctx.mentions_in(sent) if m.reading in ACTOR_READINGS]
        stops = _verb_starts(ctx, sent, cue_hits)
        low = sent.text.lower()
        quiet = [m.start() for p in ctx.lexicon.rules.data("negotiation.json")["no_stance_phrases"] if p in low
                 for m in re.finditer(re.escape(p), low)]
        for k, (a, b, vals) in enumerate(hits):
            if any(q <= sent.char(a) - sent.start <= q + 12 for q in quiet) or _quiet_past_time(ctx, sent, b):
                continue  # "declined to comment", "agreed on Wednesday to hold the sixth round": no stance taken
            if k + 1 < len(hits) and hits[k + 1][0] - b <= 1 and doc[b].lower_ == "to":
                continue  # "refused to accept": the second cue, negated by the first, carries the stance
            if _in_complement(doc, hits, k):
                continue
            neg = _negated(doc, a, sent.span.start)
            if _irrealis(doc, a, sent.span.start) and not neg:
                continue
            stance = vals[0][1] if neg else vals[0][0]
            if stance is None:
                continue
            passive, both = _passive(ctx, sent, a, b), []
            if passive is not None:
                actor, found_topics = passive[0] and _actor_of(ctx, passive[0]), [passive[1]] if passive[1] else []
            else:
                both = _both_sides(ctx, sent, a)
                actor = both[0] if both else _speaker_for(ctx, sent, a, _agent(ctx, sent, a, b, last))
                found_topics = topics(sent, b, spans, stops)
                if not found_topics and b < sent.span.end and doc[b].lower_ in {"it", "them"}:
                    # "welcomed it": the article's agreement, else what was last reported
                    named = _article_agreement(ctx)
                    found_topics = [named] if named else [found[-1].props["topic"]] if found else []
                if not found_topics:
                    found_topics = [t for t in [_relative_object(ctx, sent, a)] if t]
            found_topics = [found[-1].props["topic"] if _words(t) <= ANAPHORS and found else t for t in found_topics]
            found_topics = [_agreement_named(ctx, t, stance) for t in found_topics]
            if actor is None or not found_topics:
                continue
            last = actor
            if stance in {"demand", "accept", "propose"} and all(good_outcome(t) for t in found_topics):
                stance = "support"  # "push for a deal the public finds fair", "agreed to work toward an acceptable outcome"
            when = stance_date(ctx, sent)
            for who in both or [actor, *(_co_agents(ctx, sent, a, actor) if passive is None else [])]:
                for topic in found_topics:
                    found.append(stance_fact(sent, who, stance, topic, when, a, b))
    ctx.facts.extend(_dominant(found))


def _quiet_past_time(ctx: ArticleContext, sent: Sentence, b: int) -> bool:
    """A no-stance phrase with a time between its verb and the rest: "agreed on Wednesday to hold …"."""
    end = sent.char(b - 1) + len(sent.span.doc[b - 1].text) - sent.start
    verb = sent.span.doc[b - 1].lower_ if sent.span.doc[b - 1].lower_ not in {"on", "to"} else sent.span.doc[b - 2].lower_
    time = next((t for t in ctx.times(sent) if 0 < t.start - end <= 4), None)
    if time is None:
        return False
    rest = sent.text[time.end:].lower().lstrip(" ,")
    return any(p.startswith(verb + " ") and rest.startswith(p[len(verb) + 1:])
               for p in ctx.lexicon.rules.data("negotiation.json")["no_stance_phrases"])


def stance_date(ctx: ArticleContext, sent: Sentence) -> PartialDate | None:
    """The first day or month the sentence names: the date of the stances it reports."""
    return next((e.date for e in ctx.times(sent) if e.date is not None and e.date.precision in {"day", "month"}), None)


def stance_fact(sent: Sentence, actor: str, stance: str, topic: str, when: PartialDate | None, a: int, b: int) -> Fact:
    """A stance with tokens ``a``..``b`` as its evidence; its IRI is minted from actor, type and topic, so the
    same stance reported by several articles is one node."""
    props = {"actor": actor, "stanceType": Concept(("stance", stance)), "topic": topic}
    if when is not None:
        props["date"] = when
    iri = mint("stance", actor.rsplit("/", 1)[-1], stance, topic.lower())
    last = sent.span.doc[b - 1]
    return Fact("stance", iri, props, [Evidence(sent.index, sent.char(a), sent.char(b - 1) + len(last.text))])


def _agreement_named(ctx: ArticleContext, topic: str, stance: str) -> str:
    """"welcomed the agreement", "initialed the new deal", "reached a new five-year agreement on sharing the
    cost": the article's agreement, by its name (a head noun after modifiers only, then at most a phrase
    saying what the agreement is on).  A term ("five-year") is only a modifier of a deal accepted: pushing
    for "a one-year agreement" is a demand about the term."""
    neg = ctx.lexicon.rules.data("negotiation.json")
    words = topic.lower().split()
    head = next((i for i, w in enumerate(words) if w in neg["agreement_nouns"]), None)
    if head is None or not all(w in neg["agreement_modifiers"] or stance == "accept" and _DURATION.fullmatch(w)
                               for w in words[:head]):
        return topic
    if words[head + 1:head + 3] == ["in", "principle"]:
        head += 2  # "an agreement in principle on the deal"
    if head + 1 < len(words) and words[head + 1] not in _ON:
        return topic
    return _article_agreement(ctx) or topic


_DURATION = re.compile(r"(?:multi-?|\w+-)years?|multiyear")  # "five-year", "multi-year"
_ON = {"on", "over", "covering", "for"}


def _article_agreement(ctx: ArticleContext) -> str | None:
    """The label of the agreement the article's negotiation is about, if the reference data knows it."""
    fact = next((f for f in ctx.facts if f.kind == "negotiation" and f.props.get("agreement")), None)
    ent = ctx.lexicon.reference.get(fact.props["agreement"]) if fact is not None else None
    return ent.label if ent is not None else None


def _relative_object(ctx: ArticleContext, sent: Sentence, a: int) -> str | None:
    """"an idea Washington turned down", "an amount that we cannot accept": the cue ends its clause and
    its agent (an actor, or a pronoun after "that"/"which") follows a noun phrase."""
    doc = sent.span.doc
    k = _verb_group_start(doc, a, sent)
    agent = next((m for m in ctx.mentions_in(sent) if m.reading in ACTOR_READINGS and m.tok_end == k), None)
    if agent is not None:
        return antecedent(sent, agent.tok_start)
    if k - 2 >= sent.span.start and doc[k - 1].lower_ in PRONOUNS and doc[k - 2].lower_ in {"that", "which"}:
        return antecedent(sent, k - 2)
    return None


def _both_sides(ctx: ArticleContext, sent: Sentence, a: int) -> list[str]:
    """ "the two allies had agreed on …", "both sides rejected …": each party of the article's negotiation."""
    doc = sent.span.doc
    k = _verb_group_start(doc, a, sent)
    if k - 2 < sent.span.start or f"{doc[k - 2].lower_} {doc[k - 1].lower_}" not in BOTH_SIDES:
        return []
    j = k - 4 if k - 3 >= sent.span.start and doc[k - 3].lower_ == "the" else k - 3
    if j >= sent.span.start and doc[j].lower_ == "that" and not doc[a].lower_.endswith("ed"):
        return []  # "proposed that the two governments sign …": what one side asked for, not what both did
    parties = negotiation_parties(ctx)
    return parties if len(parties) == 2 else []


def _verb_group_start(doc, a: int, sent: Sentence) -> int:
    k = a
    while k > sent.span.start and doc[k - 1].lower_ in AUXILIARIES:
        k -= 1
    return k


def _words(topic: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9$%.]+", topic.lower()) if len(w) > 2 and w not in TRAILING}


def _dominant(facts: list[Fact]) -> list[Fact]:
    """One stance per actor and topic in an article: the most frequent type (first on ties), all evidence kept."""
    groups: list[list[Fact]] = []
    for f in facts:
        for g in groups:
            w1, w2 = _words(f.props["topic"]), _words(g[0].props["topic"])
            if g[0].props["actor"] == f.props["actor"] and w1 and w2 and len(w1 & w2) * 2 >= min(len(w1), len(w2)):
                g.append(f)
                break
        else:
            groups.append([f])
    out = []
    for g in groups:
        counts: dict[str, int] = {}
        for f in g:
            counts[f.props["stanceType"][1]] = counts.get(f.props["stanceType"][1], 0) + 1
        best = max(counts, key=lambda s: (counts[s], -[f.props["stanceType"][1] for f in g].index(s)))
        keep = next(f for f in g if f.props["stanceType"][1] == best)
        keep.evidence = [e for f in g if f.props["stanceType"][1] == best for e in f.evidence]
        out.append(keep)
    return out
