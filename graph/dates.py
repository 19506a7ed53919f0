"""Time expressions resolved against the publication date, at the precision the text gives.

Absolute forms ("November 15, 2019", "09th January, 2020", "Feb. 21") and
relative ones ("last month", "earlier this week", "Friday", "mid-August",
"the end of last year") become :class:`PartialDate` values at day, month or
year precision.  A span such as "this week" resolves to the finest precision
that contains all of it; what cannot be placed (no publication date, say)
stays text, never a guessed date.  Words come from ``rules/time.json``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..ontology.rules import load_rules


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        return "year" if self.month is None else "month" if self.day is None else "day"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, iso: str | None) -> PartialDate | None:
        if not iso:
            return None
        parts = [int(p) for p in iso.split("-")]
        return cls(*parts)

    @classmethod
    def span(cls, a: dt.date, b: dt.date) -> PartialDate:
        """The finest partial date containing every day from ``a`` to ``b``."""
        if a == b:
            return cls(a.year, a.month, a.day)
        if (a.year, a.month) == (b.year, b.month):
            return cls(a.year, a.month)
        if a.year == b.year:
            return cls(a.year)
        return cls(b.year)


@dataclass(frozen=True)
class TimeExpr:
    start: int  # offsets within the searched text
    end: int
    text: str
    date: PartialDate | None


@lru_cache(maxsize=1)
def _words():
    t = load_rules().data("time.json")
    months = "|".join(sorted({f for m in t["months"] for f in (m.title(), m.upper())}, key=len, reverse=True))
    wdays = "|".join(t["weekdays"])
    dirs = "|".join(t["directions"])
    parts = "|".join(sorted(t["parts"], key=len, reverse=True))
    units = "|".join(sorted(t["units"], key=len, reverse=True))
    days = "|".join(t["days"])
    rx = [
        ("iso", rf"\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b"),
        ("mdy", rf"\b(?P<mon>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?"),
        ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{months})\.?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?"),
        ("part_month", rf"\b(?:the\s+)?(?P<part>{parts})(?:\s+of|-|\s)\s*(?P<mon>{months})\b\.?(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?"),
        ("part_rel", rf"\b(?:(?P<by>by|before)\s+)?(?:the\s+)?(?P<part>{parts})(?:\s+of)?\s+(?P<dir>{dirs})\s+(?P<unit>{units})\b"),
        ("half", rf"\b(?:the\s+)?(?:first|second|third|fourth|final|last)\s+(?:half|quarter)\s+of\s+(?:the\s+|this\s+)?(?:(?P<dir>{dirs})\s+)?(?P<unit>year)\b"),
        ("part_the_year", rf"\b(?:(?P<by>by|before)\s+)?(?:the\s+)?(?P<part>{parts})\s+of\s+the\s+(?P<unit>year|month|week)\b"),
        ("month_rel", rf"\b(?P<mon>{months})\.?\s+(?:of\s+)?(?P<dir>(?i:{dirs}))\s+year\b"),
        ("rel_month", rf"\b(?P<dir>(?i:{dirs}))\s+(?P<mon>{months})\b(?!\.?\s*\d)"),
        ("month_year", rf"\b(?P<mon>{months})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b"),
        ("rel", rf"\b(?P<dir>{dirs})\s+(?P<unit>{units})\b"),
        ("ago", rf"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>{units})\s+(?P<ago>ago|earlier|later)\b"),
        ("wday", rf"\b(?:(?P<dir>{dirs})\s+)?(?P<wd>{wdays})\b"),
        ("day", rf"\b(?P<day>{days})\b"),
        ("in_month", rf"\b(?:in|since|until|by|from|during|before|after|through|(?:(?<=scheduled )|(?<=planned )|(?<=slated )|(?<=set )|(?<=penciled )|(?<=pencilled ))for)\s+(?P<mon>{months})\b(?!\s*\d)(?!['’]s)"),
        ("year", r"\b(?P<y>(?:19|20)\d{2})\b"),
    ]
    compiled = [(name, re.compile(p, re.IGNORECASE if name not in {"in_month", "mdy", "dmy", "month_year", "month_rel", "rel_month"} else 0))
                for name, p in rx]
    return t, compiled


@lru_cache(maxsize=1)
def _future_cue() -> re.Pattern:
    """One pattern for all future cues ("next", "will", …), matched on lower-cased text."""
    cues = sorted(load_rules().data("time.json")["future_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _month_num(t, name: str) -> int | None:
    return t["months"].get(name.lower().rstrip("."))


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + k
    return m // 12, m % 12 + 1


def _nearest_year(pub: PartialDate, month: int) -> int:
    """The year putting ``month`` closest to the publication date."""
    best = min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((y * 12 + month) - (pub.year * 12 + (pub.month or 6))))
    return best


def _part_span(year: int, month: int | None, part: str) -> PartialDate:
    if month is None:
        if part == "end":  # "the end of the year"; "late" or "later this year" is the year, no finer
            return PartialDate(year, 12)
        return PartialDate(year)
    return PartialDate(year, month)


def _resolve(name: str, m: re.Match, pub: PartialDate | None, future: bool, t) -> PartialDate | None:
    g = m.groupdict()
    if name == "iso":
        try:
            dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return PartialDate(int(g["y"]), int(g["m"]), int(g["d"]))
    if name in {"mdy", "dmy"}:
        month = _month_num(t, g["mon"])
        day = int(g["d"])
        if month is None:
            return None
        if g.get("y"):
            year = int(g["y"])
        elif pub and pub.month:
            year = _nearest_year(pub, month)
        else:
            return None
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return PartialDate(year, month, day)
    if name == "month_year":
        month = _month_num(t, g["mon"])
        return PartialDate(int(g["y"]), month) if month else None
    if name == "part_month":
        month = _month_num(t, g["mon"])
        if month is None:
            return None
        if g.get("y"):
            return PartialDate(int(g["y"]), month)
        if pub is None or pub.month is None:
            return None
        return PartialDate(_nearest_year(pub, month), month)
    if name == "year":
        return PartialDate(int(g["y"]))
    if pub is None:
        return None
    if name == "in_month":
        month = _month_num(t, g["mon"])
        if month is None or pub.month is None:
            return None
        year = pub.year
        if future and month < pub.month:
            year += 1
        elif not future and month > pub.month:
            year -= 1
        return PartialDate(year, month)
    if name == "month_rel":  # "in January last year", "March of next year"
        month = _month_num(t, g["mon"])
        return PartialDate(pub.year + t["directions"][g["dir"].lower()], month) if month else None
    if name == "rel_month":  # "last November": the latest November before this month; "next March"
        month, k = _month_num(t, g["mon"]), t["directions"][g["dir"].lower()]
        if month is None or pub.month is None and k:
            return None
        if k < 0:
            return PartialDate(pub.year if month < pub.month else pub.year - 1, month)
        if k > 0:
            return PartialDate(pub.year if month > pub.month else pub.year + 1, month)
        return PartialDate(pub.year, month)
    if name == "half":  # "the second half of the year": within the year, no finer
        return PartialDate(pub.year + (t["directions"][g["dir"].lower()] if g.get("dir") else 0))
    if name == "rel" and g["unit"].lower() != t["units"][g["unit"].lower()]:
        return None  # "in the coming months", "over the past weeks": a stretch of time, no date
    if name in {"rel", "part_rel", "part_the_year"}:
        unit = t["units"][g["unit"].lower()]
        k = t["directions"][g["dir"].lower()] if g.get("dir") else 0
        part = t["parts"][g["part"].lower()] if g.get("part") else None
        if unit == "year":
            if g.get("by") and part == "end":  # "before the end of the year": some time in it, no finer
                return PartialDate(pub.year + k)
            return _part_span(pub.year + k, None, part) if part else PartialDate(pub.year + k)
        if pub.month is None:
            return None
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, k)
            return PartialDate(y, mo)
        if pub.day is None:
            return None
        d = pub.first_day()
        if unit == "week":
            monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=k)
            a, b = monday, monday + dt.timedelta(days=6)
            if k == 0 and part == "early" or (k == 0 and not future and part is None):
                b = min(b, d)
            if k == 0 and part in {"late", "end"}:
                a = max(a, d)
            return PartialDate.span(a, b)
        if unit == "day":
            x = d + dt.timedelta(days=k)
            return PartialDate(x.year, x.month, x.day)
    if name == "ago":
        if pub.day is None:
            return None
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        unit = t["units"][g["unit"].lower()]
        sign = 1 if g["ago"].lower() == "later" else -1
        d = pub.first_day()
        if unit == "day":
            x = d + dt.timedelta(days=sign * n)
            return PartialDate(x.year, x.month, x.day)
        if unit == "week":
            x = d + dt.timedelta(weeks=sign * n)
            return PartialDate(x.year, x.month)
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month or 1, sign * n)
            return PartialDate(y, mo)
        return PartialDate(pub.year + sign * n)
    if name == "wday":
        if pub.day is None:
            return None
        wd = t["weekdays"][g["wd"].lower()]
        d = pub.first_day()
        k = t["directions"].get((g.get("dir") or "").lower(), None)
        if k == 1 or (k is None and future):
            delta = (wd - d.weekday()) % 7 or 7
            x = d + dt.timedelta(days=delta)
        else:
            delta = (d.weekday() - wd) % 7
            if k == -1 and delta == 0:
                delta = 7
            x = d - dt.timedelta(days=delta)
        return PartialDate(x.year, x.month, x.day)
    if name == "day":
        k = t["days"][g["day"].lower()]
        if pub.day is None:
            return None
        x = pub.first_day() + dt.timedelta(days=k)
        return PartialDate(x.year, x.month, x.day)
    return None


def find_times(text: str, pub: PartialDate | None, future: bool | None = None) -> list[TimeExpr]:
    """All time expressions in ``text`` (non-overlapping, longest first), resolved against ``pub``."""
    t, compiled = _words()
    if future is None:
        low = text.lower()
        future = _future_cue().search(low) is not None
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for name, rx in compiled:
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            if name == "year" and _is_not_a_year(text, a, b):
                continue
            if name == "wday" and not m.group("wd")[0].isupper():
                continue
            taken.append((a, b))
            fut = future
            if name in {"wday", "in_month"}:
                before = text[max(0, a - 40):a].lower()
                fut = _future_cue().search(before) is not None and not re.search(r"\b(said|told|added)\s+(on\s+)?$", before)
            out.append(TimeExpr(a, b, m.group(), _resolve(name, m, pub, fut, t)))
    return sorted(out, key=lambda e: e.start)


def _is_not_a_year(text: str, a: int, b: int) -> bool:
    """Skip 4-digit numbers that are amounts ("2019 troops", "$2019") rather than years."""
    before = text[max(0, a - 2):a]
    after = text[b:b + 12].lower()
    return bool(re.match(r"^[$€£¥]", before[-1:] or "")) or bool(re.match(r"^\s*(troops|soldiers|workers|won|dollars|percent|%|people)", after)) or text[b:b + 1] in {",", "."} and text[b + 1:b + 2].isdigit()


def parse_published(value: str | None, dateline: str | None = None) -> PartialDate | None:
    """The publication date from the manifest or a dateline; a year-less dateline gives no date."""
    if value:
        return PartialDate.parse(value)
    if dateline:
        found = [e for e in find_times(dateline, None, future=False) if e.date is not None]
        if found:
            return found[0].date
    return None
