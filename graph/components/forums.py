"""The name of the forum an unnamed negotiation meets in ("the Strategic Stability Dialogue").

Talks the reference data does not know are labelled by their parties and
topic ("Russia–United States nuclear talks").  When the article names the
forum whose sessions it reports ("the second round of their Strategic
Stability Dialogue", "the 10th Philippines-US Bilateral Strategic
Dialogue", "the 118th meeting of the Permanent Indus Commission"), that
name is what analysts and other articles call the talks, so it labels the
negotiation instead of the topic.

A forum name is a run of capitalised words ending in one of the
``forum_heads`` of ``negotiation.json``, said in a sentence that reports
a session (a round or talks noun, or an ordinal).  Leading party names
("Philippines-US", "U.S.-Russia") and "The" are dropped; what is left must
be two words or more and must not be an entity the reference data knows
("European Commission"), nor a gathering the talks met on the sidelines of.  Title-case lines (headlines) are skipped.
"""
from __future__ import annotations

from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext
from .round_parts import ordinal_word

JOINERS = {"-", "–"}


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str]]:
    """(every forum head, the heads that name a body rather than a meeting: "Commission")."""
    data = load_rules().data("negotiation.json")["forum_heads"]
    return frozenset(w.lower() for w in data["meetings"] + data["bodies"]), frozenset(w.lower() for w in data["bodies"])


def _headline(sent) -> bool:
    words = [w for w in sent.text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def _reports_session(ctx: ArticleContext, sent) -> bool:
    if ctx.meeting_hits(sent):
        return True
    toks = sent.tokens  # "the 10th Philippines-US Bilateral Strategic Dialogue" (not "the second tranche")
    return any(ordinal_word(ctx, toks.lower[i]) and toks.text[i + 1][:1].isupper() for i in range(sent.span.start, sent.span.end - 1))


def _candidates(ctx: ArticleContext, sent):
    """(forum name, first token) of each capitalised run ending in a forum head in ``sent``."""
    heads, _ = _heads()
    toks = sent.tokens
    mentions = ctx.mentions_in(sent)
    # countries, organizations and demonyms ("Philippines-US"), and names already read ("European Commission")
    parties = {i for m in mentions if m.type in {"Country", "Organization"} or m.reading == "demonym"
               for i in range(m.tok_start, m.tok_end)}
    known = {i for m in mentions if m.reading in {"actor", "body", "agreement"} for i in range(m.tok_start, m.tok_end)}
    for end in range(sent.span.start + 1, sent.span.end):
        if toks.lower[end] not in heads or not toks.text[end][:1].isupper() or end in known:
            continue
        i = end
        while i - 1 >= sent.span.start and (toks.text[i - 1][:1].isupper() or toks.text[i - 1] in JOINERS):
            i -= 1
        while i < end and (i in parties or toks.text[i] in JOINERS or toks.lower[i] == "the"
                           or (i + 1 < end and toks.text[i + 1] in JOINERS)):
            i += 1  # "Philippines-US", "U.S.-Russia", "The"
        if i > sent.span.start and toks.text[i - 1] in {"'s", "’s"}:
            continue  # "once the Fund's Executive Board signs off": a party's own organ, not the talks' forum
        if end - i >= 1 and not _aside(toks, i, sent.span.start):
            yield " ".join(toks.text[i:end + 1]), i


ASIDE = ("sidelines", "margins", "margin", "fringes", "fringe")


def _aside(toks, i: int, start: int) -> bool:
    """ "on the sidelines of the Munich Security Conference": a gathering the talks met beside, not their forum."""
    j = i - 1
    while j >= start and (toks.lower[j] in {"the", "of"} or toks.text[j][:1].isupper()):  # "of the Lima Security …"
        j -= 1
    return j >= start and toks.lower[j] in ASIDE


def forum_name(ctx: ArticleContext) -> tuple[str, bool] | None:
    """The forum the article's sessions belong to, and whether its head names a body ("Commission")."""
    counts: dict[str, list[int]] = {}
    for sent in ctx.sentences:
        if _headline(sent) or not _reports_session(ctx, sent):
            continue
        for name, first in _candidates(ctx, sent):
            c = counts.setdefault(name, [0, sent.char(first)])
            c[0] += 1
    if not counts:
        return None
    name = max(sorted(counts, key=lambda n: counts[n][1]), key=lambda n: counts[n][0])
    return name, name.split()[-1].lower() in _heads()[1]
