"""The opening round of talks, told by when and where the talks began.

"after seven earlier rounds that began in Honolulu in April", "negotiations
that opened in Washington in late November", "since the talks started in
Seoul last year": the first round was held at that place and date, even when
the text never says "first round".  Only a restrictive relative clause (no
comma before "that"/"which") or "since" marks the beginning of the whole
process; "The talks, which began on Tuesday, …" describes the meeting the
article reports, whatever its ordinal, and is left to the round rules.
The verbs are data (``opening_verbs`` in ``ontology/rules/negotiation.json``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, Hit
from ..dates import PartialDate
from ..nlp import Sentence

RELATIVE = {"that", "which"}
AUXILIARIES = {"had", "have", "has", "first", "originally", "initially", "formally", "officially"}


@dataclass
class Opening:
    """Where the opening clause's verb is, and the date it gives (None when it gives none)."""

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


def opening(ctx: ArticleContext, sent: Sentence, h: Hit) -> Opening | None:
    """The opening clause after the round or talk noun ``h``, if the noun names the whole process."""
    lower = sent.tokens.lower
    i = h.tok_end
    since = h.tok_start - 1 >= sent.span.start and lower[h.tok_start - 1 - (lower[h.tok_start - 1] == "the")] == "since"
    if i < sent.span.end and lower[i] in RELATIVE:
        i += 1
    elif not since:
        return None
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
    places = [m for m in ctx.mentions_in(sent) if i + n <= m.tok_start < clause_end
              and (m.reading == "place" or (m.type == "Country" and lower[m.tok_start - 1] in {"in", "the"}))]
    return Opening(dated[0].date if dated else None, places[0].iri if places else None)
