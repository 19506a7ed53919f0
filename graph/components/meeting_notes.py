"""Sentences that describe an article's main meeting without naming its round.

Wire copy names the round once ("6th round of talks" in the headline, "the
sixth round, held on Tuesday and Wednesday") and describes the meeting
elsewhere: "after two days of talks in Washington", "the two-day meeting in
Honolulu followed …".  Such a description lends the article's main round
what it lacks: the venue right after the talk noun, and the meeting's length
(to date its first day from its last).  The main round is the first round
the article reports as held (or concluded, or broken off); a description
dated to another month than that round is about another meeting and is left
alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..context import ArticleContext
from ..dates import PartialDate
from ..facts import Evidence, Fact
from ..topics import time_words
from .meeting_dates import duration_days, shift

PAST = {"held", "concluded", "broken_off"}
# "was held on 30th and 31st May, 2022 at Sewa Bhawan", "the session on the 10th SMA opened Tuesday at the X"
MEETING_VERBS = {"held", "hosted", "convened", "place", "opened", "began", "started", "resumed"}
NEAR = 25  # characters between a venue and a date that is the meeting's


@dataclass
class Note:
    venue: str | None
    days: int | None
    months: set[str]
    evidence: Evidence


def _names_more(ctx: ArticleContext, sent, k: int) -> bool:
    """A capitalised word (not a time word) right after a place: it only begins a longer name ("the Korea
    Institute for Defense Analyses", "the Philippine Embassy")."""
    return k < sent.span.end and sent.tokens.text[k][:1].isupper() and sent.tokens.is_alpha[k] \
        and sent.tokens.lower[k] not in time_words()


def note(ctx: ArticleContext, sent, hit, venue_of) -> Note | None:
    """What a talk noun (``hit``) tells of its meeting: "talks in Washington", "the two-day session at the X".

    ``venue_of(ctx, sent, tok)`` finds a venue the mentions do not hold (the rounds component's own rule).
    """
    doc = sent.span.doc
    k = hit.tok_end
    while k < sent.span.end and k - hit.tok_end < 3 and doc[k].lower_ in {",", "held", "hosted", "convened", "which", "were", "was"}:
        k += 1  # "the talks, held at Villa Elfvik"
    if k < sent.span.end and doc[k].lower_ not in {"in", "at"}:
        # "the two-day session on the 11th SMA was held at the X": the verb's "at" a few words on
        k = next((i for i in range(k, min(k + 12, sent.span.end - 1)) if doc[i].lower_ in {"in", "at"}
                  and any(t.lower_ in MEETING_VERBS for t in doc[max(hit.tok_end, i - 8):i])), sent.span.end)
    if k >= sent.span.end or doc[k].lower_ not in {"in", "at"}:
        return None
    k += 1 + (k + 1 < sent.span.end and doc[k + 1].lower_ == "the")
    place = next((m for m in ctx.mentions_in(sent) if m.tok_start == k and (m.reading == "place" or m.type == "Country")
                  and not _names_more(ctx, sent, m.tok_end)), None)
    if place is not None:
        venue, after = place.iri, place.end - sent.start
    else:  # "the session at the State Department": a venue the reference data does not know
        venue, after = venue_of(ctx, sent, hit.tok_start), hit.end - sent.start
        if venue is None:
            return None
    # the meeting's own date follows its venue closely ("talks in Washington on Friday"); a date further
    # on belongs to something else ("… followed a first round in Seoul last month")
    months = {t.date.iso()[:7] for t in ctx.times(sent) if t.date is not None and t.date.precision in {"day", "month"}
              and 0 <= t.start - after <= NEAR}
    return Note(venue, duration_days(ctx, sent.text), months, Evidence(sent.index, hit.start, hit.end))


def apply_notes(by_iri: dict[str, Fact], notes: list[Note]) -> None:
    """Give the article's main round the venue and first day its descriptions state."""
    past = [f for f in by_iri.values() if "ordinal" in f.props and f.props["status"][1] in PAST]
    if not past or not notes:
        return
    main = min(past, key=lambda f: min(e.sentence for e in f.evidence))
    when = main.props.get("endDate") or main.props.get("startDate")
    month = when.iso()[:7] if isinstance(when, PartialDate) and when.precision != "year" else None
    for n in notes:
        if n.months and month and month not in n.months:
            continue
        if n.venue and "venue" not in main.props:
            main.props["venue"] = n.venue
        end = main.props.get("endDate")
        if n.days and "startDate" not in main.props and isinstance(end, PartialDate) and end.precision == "day":
            main.props["startDate"] = shift(end, 1 - n.days)
        main.evidence.append(n.evidence)
