"""Which day of a meeting a date names, and how long the meeting lasted.

"The two sides wrapped up the talks on Friday" dates the *last* day of the
round; "the fifth round began Tuesday" its first; "the three-day session,
which opened Wednesday" both (Wednesday to Friday).  The cue verbs are data
(``date_role_cues`` in ``ontology/rules/negotiation.json``); the verb nearest
to the date expression decides.  A date tied to an end verb without a stated
length leaves the start unknown rather than guessing it.
"""
from __future__ import annotations

import datetime as dt
import re

from ..context import ArticleContext
from ..dates import PartialDate, TimeExpr

AFTER = 20  # characters: a cue verb after the date must be this close to be the date's ("Friday, ending …")
SPAN_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|-|–|to|through)\s*$")
OUTCOME_AFTER = re.compile(r"\s+(?:with|without|in\s+(?:a|an|the|deadlock|stalemate|failure|acrimony))\b", re.IGNORECASE)  # how, not when
OFFSET = re.compile(r"\b(a|an|one|two|three|four|five|six|\d+)\s+(days?|weeks?)\s+(after|before)\b", re.IGNORECASE)
OFFSET_REACH = 6  # words between "a day after" and the meeting's noun ("their first working-level nuclear talks")
DURATION = re.compile(r"\b(\w+)(?:-day\b|\s+days?\s+of\b|-day-long\b)", re.IGNORECASE)


def _number(ctx: ArticleContext, word: str) -> int | None:
    """ "3" -> 3, "three" -> 3, "a" -> 1 (``units`` of ``numbers.json``); None for any other word."""
    word = word.lower()
    return int(word) if word.isdigit() else ctx.lexicon.rules.data("numbers.json")["units"].get(word)


def duration_days(ctx: ArticleContext, text: str) -> int | None:
    """The meeting length a sentence states ("two-day talks", "three days of negotiations"), in days."""
    for m in DURATION.finditer(text):
        n = _number(ctx, m.group(1))
        if n is not None and 1 <= n <= 14:
            return n
    return None


def date_role(ctx: ArticleContext, sent, when: TimeExpr) -> str | None:
    """``"end"`` or ``"start"`` when the cue verb nearest to ``when`` ties it to a meeting's last or first day."""
    best: tuple[int, str] | None = None
    for h in ctx.hits(sent, "cue"):
        for family, role in ctx.lexicon.cue_values[h.key]:
            if family != "daterole":
                continue
            a, b = h.start - sent.start, h.end - sent.start
            gap = when.start - b if b <= when.start else a - when.end if a >= when.end else 0
            if a >= when.end and (gap > AFTER or OUTCOME_AFTER.match(sent.text, b)):
                continue  # "the round on October 10, which ended with both sides blaming each other"
            if best is None or gap < best[0]:
                best = (gap, role)
    return best[1] if best else None


def shift(d: PartialDate, days: int) -> PartialDate:
    x = d.first_day() + dt.timedelta(days=days)
    return PartialDate(x.year, x.month, x.day)


def offset_days(ctx: ArticleContext, sent, when: TimeExpr, at: int | None) -> int:
    """Days from ``when`` to a meeting told after it as "a day after …" / "two days before …" (0 otherwise):
    "South Korea on Sunday urged …, a day after the talks broke down" dates the talks Saturday."""
    if at is None or at < when.end:
        return 0
    found = list(OFFSET.finditer(sent.text, when.end, at))
    if not found:
        return 0
    m = found[-1]  # the offset nearest the meeting's noun
    between = sent.text[m.end():at]
    if re.search(r"[;.,]", between) or len(between.split()) > OFFSET_REACH:
        return 0  # "On Monday, a week after Trump's tweet, the talks resumed": the offset is not the talks'
    n = _number(ctx, m.group(1))
    if not n:
        return 0
    n *= 7 if m.group(2).lower().startswith("week") else 1
    return -n if m.group(3).lower() == "after" else n


def meeting_span(ctx: ArticleContext, sent, when: TimeExpr | None, end: PartialDate | None, at: int | None = None
                 ) -> tuple[PartialDate | None, PartialDate | None]:
    """(start, end) of the meeting a sentence dates with ``when`` (``end`` already found by a "7-9" span);
    ``at``, the offset of the meeting's noun in the sentence, lets "a day after" move the date."""
    if when is None or when.date is None:
        return None, end
    date = when.date
    if date.precision == "day" and end is None and (days := offset_days(ctx, sent, when, at)):
        return shift(date, days), None
    before = SPAN_BEFORE.search(sent.text[:when.start])
    if end is None and before and date.precision == "day" and 1 <= int(before.group(1)) < date.day:
        return PartialDate(date.year, date.month, int(before.group(1))), date  # "30th and 31st May, 2022"
    if end is not None or date.precision != "day":
        return date, end
    days = duration_days(ctx, sent.text)
    if date_role(ctx, sent, when) == "end":
        return (shift(date, 1 - days) if days else None), date
    return date, (shift(date, days - 1) if days and days > 1 else None)
