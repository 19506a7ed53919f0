"""Reported speech: each sentence's speaker, and direct quotations with their speaker.

The ``speakers`` component runs once, in article order, so a pronoun ("he
said") resolves to the last named speaker and every later component reads
the same answer.  The ``quotes`` component finds quotations between straight
or curly double quotes inside one paragraph.  A one-word quotation ("
ironclad") is a word choice, not a statement; a short one (up to three
words) counts only when a speech verb outside it introduces it and it is not
a label ("the so-called 'final offer'").  A quotation without a speech verb
in its sentence continues the previous sentence's speaker.
"""
from __future__ import annotations

import re

from ..context import ArticleContext, component
from ..facts import Evidence, Fact
from ..iris import mint
from ..nlp import Sentence
from ..speakers import Speaker, according_to, find_speaker, speaker_at, speech_hits

QUOTE = re.compile(r"“([^”\n]{2,}?)”|\"([^\"\n]{2,}?)\"|‘‘([^’\n]{2,}?)’’")
REPORTING = {"reported", "reports", "report"}  # a news outlet's verb: the source of what someone else said
LABEL_BEFORE = re.compile(r"\b(?:so-called|called|dubbed|labell?ed|termed|described as|known as|as a|as an|as|the word|the term|the|its|their|this|that|his|her)\s*$", re.I)


@component("speakers")
def speakers(ctx: ArticleContext) -> None:
    for sent in ctx.sentences:
        ctx.speakers[sent.index] = find_speaker(ctx, sent)


def sentence_at(ctx: ArticleContext, offset: int) -> Sentence | None:
    for s in ctx.sentences:
        if s.start <= offset < s.end + 1:
            return s
    return None


def _verb_outside(ctx: ArticleContext, sent: Sentence, a: int, b: int) -> Speaker | None:
    """The speaker of a speech verb in ``sent`` outside the quotation [a, b): the verb that opens it
    ('Barnier said "…"'), else the nearest after it ('"…," he said'), else the nearest before it."""
    hits = [h for h in speech_hits(ctx, sent) if h.end <= a or h.start >= b]
    if any(h.end <= a for h in hits):
        # 'He said the talks made "progress", state television reported': the outlet reports what he said
        hits = [h for h in hits if h.end <= a or h.text.lower() not in REPORTING] or hits
    hits.sort(key=lambda h: (not 0 <= a - h.end <= 3, h.start < b, abs(h.start - b)))
    for h in hits:
        sp = speaker_at(ctx, sent, h)
        if sp is not None:
            return sp
    return None


def _previous_speaker(ctx: ArticleContext, sent: Sentence) -> Speaker | None:
    for i in range(sent.index - 1, max(-1, sent.index - 3), -1):
        sp = ctx.speakers.get(i)
        if sp is not None:
            return sp
    return None


@component("quotes")
def quotes(ctx: ArticleContext) -> None:
    text = ctx.cleaned.text
    for m in QUOTE.finditer(text):
        group = next(g for g in range(1, 4) if m.group(g) is not None)
        # the closing comma or full stop belongs to the reporting sentence
        # ('"We will do more," he said' / 'He said: "We will do more."'), so
        # one statement quoted both ways is one node with one quote
        content = m.group(group).strip().rstrip(",.;:").rstrip()
        a, b = m.start(group), m.end(group)
        words = re.findall(r"[\w'’-]+", content)
        if len(words) < 2:
            continue
        end_sent = sentence_at(ctx, max(a, b - 1))
        start_sent = sentence_at(ctx, a)
        if end_sent is None or start_sent is None:
            continue
        sp = _verb_outside(ctx, end_sent, a, b)
        if sp is None and start_sent is not end_sent:
            sp = _verb_outside(ctx, start_sent, a, b)
        if sp is None:  # "According to a senior official, the US side explained the "bigger picture" …"
            sp = according_to(ctx, start_sent)
        short = len(words) <= 3
        if short and (sp is None or LABEL_BEFORE.search(text[max(0, m.start() - 25):m.start()])):
            continue
        if sp is None:
            whole = m.start() <= start_sent.start + 1 and m.end() >= end_sent.end - 2
            sp = _previous_speaker(ctx, start_sent) if whole else None
        if sp is None:
            continue
        add_statement(ctx, sp, content, a, b, end_sent)


def add_statement(ctx: ArticleContext, sp: Speaker, content: str, a: int, b: int, sent: Sentence) -> None:
    """A direct quotation ``content`` at article offsets [a, b) of ``sent``, said by ``sp``; dated by the sentence's day."""
    when = [e.date for e in ctx.times(sent) if e.date is not None and e.date.precision == "day"]
    props = {"quote": content, "speaker": sp.iri, "date": when[0] if when else None}
    iri = mint("statement", sp.iri.split("/id/", 1)[-1] if sp.iri else sp.text, content)
    ev = Evidence(sent.index, a, b, claimed_by=sp.iri, claimant_text=None if sp.iri else sp.text)
    ctx.facts.append(Fact("statement", iri, {k: v for k, v in props.items() if v is not None}, [ev]))
