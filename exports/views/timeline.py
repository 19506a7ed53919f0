"""A static SVG timeline beside the negotiation view: rounds on one lane, money positions below.

This module only computes geometry (numbers and plain strings); the SVG is
written by the autoescaping template ``templates/timeline.svg``, so labels
from articles are escaped like everything else.  Money is drawn on a log
scale, one band per currency (the two most frequent), coloured by role.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from .common import money, short, styles

WIDTH, LEFT, RIGHT = 520, 64, 16
ROUND_LANE, BAND_TOP, BAND_HEIGHT = 58, 110, 130
LABEL_ROWS, LABEL_CHAR_PX = 3, 6.0  # round labels above the lane: rows, and width per character (11px sans)
MAX_POINTS = 200
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def year_fraction(date: str) -> float | None:
    """``2019-11-18`` → 2019.88; ``2019-11`` → mid-November; ``2019`` → mid-year; else None."""
    m = _DATE.match(date or "")
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2) is None:
        return y + 0.5
    month = min(max(int(m.group(2)), 1), 12)
    if m.group(3) is None:
        return y + (month - 0.5) / 12
    return y + (month - 1) / 12 + (min(max(int(m.group(3)), 1), 31) - 0.5) / 372


def build(rounds: list[dict], positions: list[dict]) -> dict:
    """Template context for ``timeline.svg``.

    ``rounds``: ``{"date", "label", "venue", "status"}``; ``positions``:
    ``{"date", "actor", "role", "value", "unit", "n"}``.
    """
    dated_rounds = [(year_fraction(r["date"]), r) for r in rounds]
    dated_rounds = [(t, r) for t, r in dated_rounds if t is not None]
    points = sorted(positions, key=lambda p: -p["n"])[:MAX_POINTS]
    dated_points = []
    for p in points:
        t = year_fraction(p["date"])
        try:
            v = float(p["value"])
        except ValueError:
            continue
        if t is not None and v > 0:
            dated_points.append((t, v, p))
    outside = 0
    if dated_rounds:  # the rounds set the time axis; money reported for far-off years would squash them
        lo = math.floor(min(t for t, _ in dated_rounds)) - 1
        hi = math.floor(max(t for t, _ in dated_rounds)) + 2
        kept = [(t, v, p) for t, v, p in dated_points if lo <= t < hi]
        outside, dated_points = len(dated_points) - len(kept), kept
    times = [t for t, _ in dated_rounds] + [t for t, _, _ in dated_points]
    left_out = len(positions) - len(points)
    undated = len(rounds) - len(dated_rounds) + len(points) - len(dated_points)
    if not times:
        return {"empty": True, "width": WIDTH, "height": 40, "left_out": left_out, "undated": undated, "outside": outside}
    t0, t1 = math.floor(min(times)), math.floor(max(times)) + 1

    def x(t: float) -> float:
        return round(LEFT + (t - t0) / (t1 - t0) * (WIDTH - LEFT - RIGHT), 1)

    round_marks = [{"x": x(t), "label": short(r["label"], 12), "title": f'{r["label"]} · {r["date"]}'
                    + (f' · {r["venue"]}' if r.get("venue") else "") + (f' · {r["status"]}' if r.get("status") else "")}
                   for t, r in sorted(dated_rounds, key=lambda tr: tr[0])]
    ends = [-1e9] * LABEL_ROWS  # right end of the last label on each row
    for mark in round_marks:  # greedy rows; a label with no room is dropped (its title still shows on hover)
        width = LABEL_CHAR_PX * len(mark["label"])
        row = next((i for i, end in enumerate(ends) if mark["x"] - width / 2 > end + 4), None)
        if row is None:
            mark["label"] = ""
            mark["y_text"] = ROUND_LANE - 12
            continue
        ends[row] = mark["x"] + width / 2
        mark["y_text"] = ROUND_LANE - 12 - 11 * row
    units = [u for u, _ in Counter(p["unit"] for _, _, p in dated_points).most_common(2)]
    bands = []
    for b, unit in enumerate(units):
        pts = [(t, v, p) for t, v, p in dated_points if p["unit"] == unit]
        lo, hi = math.log10(min(v for _, v, _ in pts)), math.log10(max(v for _, v, _ in pts))
        if hi - lo < 0.2:
            lo, hi = lo - 0.5, hi + 0.5
        top = BAND_TOP + b * (BAND_HEIGHT + 30)

        def y(v: float) -> float:
            return round(top + BAND_HEIGHT - (math.log10(v) - lo) / (hi - lo) * BAND_HEIGHT, 1)

        marks = [{"x": x(t), "y": y(v), "r": min(3 + p["n"], 9), "color": styles()["roles"].get(p["role"], styles()["edge"]),
                  "title": f'{p["date"]} · {p["actor"] or "?"} · {p["role"]} · {money(p["value"], unit)}'
                           + (f' ({p["n"]} facts)' if p["n"] > 1 else "")}
                 for t, v, p in pts]
        bands.append({"unit": unit or "(no unit)", "top": top, "bottom": top + BAND_HEIGHT, "marks": marks,
                      "high": money(str(10 ** hi), unit), "low": money(str(10 ** lo), unit),
                      "y_high": top + 4, "y_low": top + BAND_HEIGHT})
    height = (bands[-1]["bottom"] + 30) if bands else ROUND_LANE + 40
    ticks = [{"x": x(year), "label": str(year)} for year in range(t0, t1 + 1)]
    step = max(1, len(ticks) // 8)
    roles = sorted({p["role"] for _, _, p in dated_points})
    return {"empty": False, "width": WIDTH, "height": height, "ticks": ticks[::step], "round_y": ROUND_LANE,
            "rounds": round_marks, "bands": bands, "left": LEFT, "right": WIDTH - RIGHT,
            "roles": [{"role": r, "color": styles()["roles"].get(r, styles()["edge"])} for r in roles],
            "left_out": left_out, "undated": undated, "outside": outside, "other_units": max(0, len({p["unit"] for _, _, p in dated_points}) - 2)}
