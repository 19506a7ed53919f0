"""Evaluations: a stance stated as a judgement, not a verb.

"Seoul said the U.S. proposal was unacceptable" is South Korea rejecting the
U.S. proposal; "the minister called it a step forward" is not one (no
copula), but "the draft is a good basis, the envoy said" is the envoy
accepting the draft.  A phrase from ``rules/evaluations.jsonl`` after a
copula ("is", "was", "remains", "would be"; adverbs and "not" may come
between) judges the noun phrase before the copula, which becomes the topic.
The row says the stance: ``on_proposal`` when the phrase ends in one of its
``proposal_nouns`` (an offer is rejected or accepted), ``otherwise`` for
anything else (a policy is opposed or supported), and for a deal a judging
verb calls good or bad (``concluded_nouns``: "called the agreement a
milestone" supports a deal made, it does not accept an offer); "not" turns the judgement
into the row its ``negated`` names.  The actor is found as for a stance verb: the actor
named before the phrase, else the sentence's speaker.
"""
from __future__ import annotations

from ..context import ArticleContext, component
from ..nlp import Sentence
from ..topics import DETERMINERS, QUOTES, SKIP_LEAD, span_text
from .stances import ACTOR_READINGS, _agent, _speaker_for, _words, stance_date, stance_fact

COPULAS = {"is", "was", "are", "were", "remains", "remained", "seems", "seemed", "be", "been", "looked", "looks", "sounded"}
BETWEEN = {"already", "simply", "clearly", "still", "completely", "totally", "entirely", "far", "just", "frankly", "plainly",
           "utterly", "quite", "very", "also", "not", "n't", "never", "would", "will", "could", "might", "has", "have", "had"}
NEGATIONS = {"not", "n't", "never"}
ENDS_PHRASE = {",", ";", ":", "(", ")", "that", "said", "says", "and", "but", "because", "if", "while", "which", "who",
               "whether", "when", "although", "though", "as", "than"}
JUDGING = {"called", "calls", "calling", "branded", "brands", "deemed", "deems", "described", "describes", "termed", "terms",
           "labelled", "labeled", "considers", "considered", "finds", "found", "denounced", "denouncing", "slammed"}
CONDITIONAL = {"if", "whether", "unless"}
MAX_PHRASE = 8


@component("evaluations")
def evaluations(ctx: ArticleContext) -> None:
    rows = {r["judgement"]: r for r in ctx.lexicon.rules.table("evaluations.jsonl")}
    taken = {(f.props["actor"], frozenset(_words(f.props["topic"]))) for f in ctx.facts if f.kind == "stance"}
    said: dict[tuple, list[int]] = {}  # where each stance verb ends, by actor, stance and sentence
    for f in ctx.facts:
        if f.kind == "stance":
            for e in f.evidence:
                said.setdefault((f.props["actor"], f.props["stanceType"][1], e.sentence), []).append(e.end)
    for sent in ctx.sentences:
        doc = sent.span.doc
        for h in ctx.hits(sent, "cue"):
            judgements = [v for fam, v in ctx.lexicon.cue_values[h.key] if fam == "evaluation"]
            if not judgements:
                continue
            found = _judged(sent, h.tok_start)
            if found is None:
                continue
            a, c, negated, judging = found
            judgement = rows[judgements[0]].get("negated", judgements[0]) if negated else judgements[0]
            row = rows[judgement]
            phrase = list(doc[a:c])
            if any(m.tok_start <= a and c <= m.tok_end + (doc[a].lower_ in DETERMINERS)
                   for m in ctx.mentions_in(sent) if m.reading in ACTOR_READINGS):
                continue  # "the U.S. is unreasonable": a judgement of an actor, not of a topic
            actor = _speaker_for(ctx, sent, a, _agent(ctx, sent, a, a, None))
            if actor is None:
                continue
            topic = span_text(sent, phrase)
            on_table = phrase[-1].lower_ in row["proposal_nouns"] and not (judging and phrase[-1].lower_ in row["concluded_nouns"])
            stance = row["on_proposal"] if on_table else row["otherwise"]
            begin = sent.char(a)
            if (actor, frozenset(_words(topic))) in taken or any(0 <= begin - end <= 6 for end in said.get((actor, stance, sent.index), ())):
                continue  # "denounced the new deal as a surrender": the verb just before the phrase gave this stance
            ctx.facts.append(stance_fact(sent, actor, stance, topic, stance_date(ctx, sent), a, h.tok_end))
            taken.add((actor, frozenset(_words(topic))))


def _judged(sent: Sentence, e: int) -> tuple[int, int, bool, bool] | None:
    """(first token, end token, negated, after a judging verb) of the noun phrase judged by the phrase starting
    at ``e``."""
    doc, start = sent.span.doc, sent.span.start
    k = e - 1
    negated = False
    while k > start and (doc[k].lower_ in BETWEEN or doc[k].lower_ in COPULAS):
        negated |= doc[k].lower_ in NEGATIONS
        k -= 1
    copula = any(t.lower_ in COPULAS for t in doc[k + 1:e])
    if copula:
        c = k + 1
    else:  # "called the offer unacceptable", "branded the deal as a betrayal", "called the deal "a fair … outcome""
        c = e
        while c - 1 > start and (doc[c - 1].lower_ in {"as", "a", "an"} or doc[c - 1].text in QUOTES):
            c -= 1
    j = c - 1
    while j >= start and c - j <= MAX_PHRASE and doc[j].lower_ not in ENDS_PHRASE | JUDGING and doc[j].text not in QUOTES \
            and not (doc[j].is_punct and doc[j].text not in {"-", "$", "%", "'s", "’s"}):
        j -= 1
    a = j + 1
    if not copula and (j < start or doc[j].lower_ not in JUDGING):
        return None  # no copula and no judging verb: "an unacceptable offer" judges nothing named before it
    if j >= start and doc[j].lower_ in CONDITIONAL:
        return None  # "if the offer is unacceptable": no judgement made
    if c - a > MAX_PHRASE or c <= a:
        return None
    while a < c and (doc[a].lower_ in SKIP_LEAD or doc[a].text in QUOTES):
        a += 1
    last = doc[c - 1]
    if a >= c or not last.is_alpha or not last.is_lower or last.lower_ in SKIP_LEAD | {"he", "she", "they", "we", "i", "which"}:
        return None  # a pronoun or a clause, not a noun phrase
    return a, c, negated, not copula
