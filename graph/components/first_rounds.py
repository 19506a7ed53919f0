"""The opening round of talks, told by when and where the talks began.

"after seven earlier rounds that began in Honolulu in April", "negotiations
that opened in Washington in late November", "since the talks started in
Seoul last year": the first round was held at that place and date, even when
the text never says "first round".  Only a restrictive relative clause (no
comma before "that"/"which"), "since", or a bare plural subject dated a
month or more before publication ("Negotiations opened in Brussels on
March 2") marks the beginning of the whole process; "The talks, which began
on Tuesday, …" and "The talks began on Tuesday" describe the meeting the
article reports, whatever its ordinal, and are left to the round rules.  The
verbs are data (``opening_verbs`` in ``ontology/rules/negotiation.json``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, Hit
from ..dates import PartialDate
from ..nlp import Sentence
from ..topics import time_words

PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
RELATIVE = {"that", "which"}
OLD = 30  # days: a bare "Negotiations began …" this long before publication is the process's start
DETERMINERS = {"the", "these", "those", "this", "its", "their", "our"}
OPENING_ADJECTIVES = {"formal", "official", "bilateral", "trade", "nuclear", "border", "cost-sharing", "peace", "water"}
TOPIC_PREPOSITIONS = {"on", "over", "about", "for", "between", "with"}  # the talks' topic or parties, before the verb
TOPIC_SPAN = 8  # tokens
CLAUSE_MARKS = {",", ";", ":", "(", ")", "—", "–", "--", "."}  # not "-": "the cost-sharing deal"
AUXILIARIES = {"had", "have", "has", "first", "originally", "initially", "formally", "officially"}


@dataclass
class Opening:
    """What the opening clause tells of the first round: its date and venue (None when it gives none)."""

    date: PartialDate | None
    venue: str | None  # IRI of the place named inside the clause


@lru_cache(maxsize=1)
def _verbs() -> tuple[tuple[str, ...], ...]:
    words = load_rules().data("negotiation.json")["opening_verbs"]
    return tuple(sorted((tuple(w.lower().split()) for w in words), key=len, reverse=True))


def _verb_at(sent: Sentence, i: int) -> int:
    """Number of tokens of an opening verb starting at token ``i`` (0 when there is none)."""
    lower = sent.tokens.lower
    for verb in _verbs():
        if i + len(verb) <= sent.span.end and tuple(lower[i:i + len(verb)]) == verb:
            return len(verb)
    return 0


def _topic_end(sent: Sentence, i: int) -> int | None:
    """The first verb or clause mark after a topic phrase starting at ``i``; an abbreviation in parentheses
    inside it is skipped ("talks on the ninth Special Measures Agreement (SMA) opened …")."""
    text, end = sent.tokens.text, min(sent.span.end, i + TOPIC_SPAN + 1)
    j = i
    while j < end:
        if text[j] == "(" and j + 2 < sent.span.end and text[j + 2] == ")":
            j += 3
            end = min(sent.span.end, end + 3)
            continue
        if text[j] in CLAUSE_MARKS or _verb_at(sent, j):
            return j
        j += 1
    return None


def opening(ctx: ArticleContext, sent: Sentence, h: Hit) -> Opening | None:
    """The opening clause after the round or talk noun ``h``, if the noun names the whole process."""
    lower = sent.tokens.lower
    i = h.tok_end
    since = h.tok_start - 1 >= sent.span.start and lower[h.tok_start - 1 - (lower[h.tok_start - 1] == "the")] == "since"
    bare = h.tok_start == sent.span.start or not (lower[h.tok_start - 1] in DETERMINERS or sent.tokens.is_alpha[h.tok_start - 1]
                                                  and lower[h.tok_start - 1] not in OPENING_ADJECTIVES)
    talks = any(f == "talknoun" for f, _ in ctx.lexicon.cue_values[h.key])
    if not bare and talks and lower[h.tok_start - 1] == "the" and (h.tok_start - 1 == sent.span.start
                                                                   or sent.tokens.is_punct[h.tok_start - 2]):
        bare = True  # "The talks opened in Honolulu in April": the process (the date must be old, below)
    relative = i < sent.span.end and lower[i] in RELATIVE
    if relative:
        i += 1
    elif not (since or bare):
        return None
    elif i < sent.span.end and lower[i] in TOPIC_PREPOSITIONS:  # "since talks on the 10th SMA opened in Honolulu"
        j = _topic_end(sent, i + 1)
        if j is not None and sent.tokens.text[j] not in CLAUSE_MARKS:
            i = j
    while i < sent.span.end and lower[i] in AUXILIARIES:
        i += 1
    n = _verb_at(sent, i)
    if not n:
        return None
    verb_start = sent.char(i) - sent.start
    clause_end = next((j for j in range(i + n, sent.span.end) if sent.tokens.is_punct[j] or lower[j] in {"and", "but"}),
                      sent.span.end)
    limit = sent.char(clause_end) - sent.start if clause_end < sent.span.end else len(sent.text)
    dated = [t for t in ctx.times(sent) if t.date is not None and verb_start <= t.start < limit]
    places = [m.iri for m in ctx.mentions_in(sent) if i + n <= m.tok_start < clause_end
              and (m.reading == "place" or (m.type == "Country" and lower[m.tok_start - 1] in {"in", "the"}))]
    if not places:  # "began in Bergen": a capitalized name after "in"/"at" that is no time word
        clause = sent.text[verb_start:limit]
        places = [ctx.new_place(m.group(1)) for m in PLACE.finditer(clause) if m.group(1).split()[0].lower() not in time_words()
                  and not any(sent.start + verb_start + m.start(1) < x.end and x.start < sent.start + verb_start + m.end(1)
                              for x in ctx.mentions_in(sent))][:1]
    date = dated[0].date if dated else None
    if not (since or relative) and not (
            date is not None and ctx.published is not None and (ctx.published.first_day() - date.last_day()).days >= OLD):
        return None  # "Talks began on Tuesday in Geneva": the meeting reported, not the start of the process
    return Opening(date, places[0] if places else None)


# "10 rounds of negotiations, the first in Honolulu in March last year and the last in Seoul in December"
_FIRST = re.compile(r"^[^.;]{0,60}?,\s+(?:with\s+)?the\s+first\b")
_LAST = re.compile(r"\bthe\s+(?:last|final|latest|most\s+recent)\b")


def first_and_last(ctx: ArticleContext, sent: Sentence, h: Hit) -> tuple[Opening | None, Opening | None] | None:
    """What a count of rounds says of its first and last round ("N rounds …, the first in X in March and the
    last in Y in December"): each part's venue and date, or None when the noun is followed by no such parts."""
    rest = sent.text[h.end - sent.start:]
    first = _FIRST.match(rest)
    if first is None:
        return None
    base = h.end - sent.start
    last = _LAST.search(rest, first.end())
    stop = re.search(r"[;.]|\s+(?:but|while|after|before)\s", rest[first.end():])
    end = first.end() + stop.start() if stop else len(rest)
    if last is not None and last.start() > end:
        last = None
    parts = [(base + first.end(), base + (last.start() if last else end))]
    parts.append((base + last.end(), base + end) if last else None)
    return tuple(_part(ctx, sent, p) if p else None for p in parts)  # type: ignore[return-value]


def _part(ctx: ArticleContext, sent: Sentence, span: tuple[int, int]) -> Opening | None:
    a, b = span
    dated = [t for t in ctx.times(sent) if t.date is not None and a <= t.start < b]
    lower = sent.tokens.lower
    places = [m.iri for m in ctx.mentions_in(sent) if a <= m.start - sent.start < b
              and (m.reading == "place" or m.type == "Country" and lower[m.tok_start - 1] in {"in", "at"})]
    if not dated and not places:
        return None
    return Opening(dated[0].date if dated else None, places[0] if places else None)
