"""Remove page furniture by general rules (``ontology/rules/furniture.jsonl``).

Furniture is masked, not deleted: its characters become spaces (newlines are
kept), so every offset into the cleaned text is also an offset into the
article as read.  The title line and the dateline are found here too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ontology.rules import Rules, load_rules


@dataclass
class Cleaned:
    """The masked text plus what the furniture told us."""

    text: str
    title: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None
    dateline_agency: str | None = None
    removed: list[tuple[int, int, str]] = field(default_factory=list)


_CACHE: dict[int, dict] = {}


def _compiled(rules: Rules) -> dict[str, list[tuple[str, re.Pattern]]]:
    if id(rules) in _CACHE:
        return _CACHE[id(rules)]
    out: dict[str, list[tuple[str, re.Pattern]]] = {}
    for row in rules.table("furniture.jsonl"):
        if row["pattern"]:
            out.setdefault(row["kind"], []).append((row["id"], re.compile(row["pattern"])))
    out["dateline"] = [(row["id"], re.compile(row["pattern"])) for row in rules.table("datelines.jsonl")]
    _CACHE[id(rules)] = out
    return out


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s).strip().casefold()


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= 25 and not re.search(r"[.!?\"”’']$", s) and not s.startswith(("(", "-"))


def clean(text: str, rules: Rules | None = None) -> Cleaned:
    """Mask furniture in ``text``; return the masked text, title and dateline."""
    rules = rules or load_rules()
    pats = _compiled(rules)
    chars = list(text)
    out = Cleaned(text=text)

    def mask(a: int, b: int, why: str) -> None:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
        out.removed.append((a, b, why))

    lines = [(a, b) for a, b in _lines(text)]
    nonempty = [(a, b) for a, b in lines if text[a:b].strip()]
    # everything after an end marker is furniture
    for a, b in nonempty:
        line = text[a:b]
        hit = next((rid for rid, p in pats.get("end_marker", []) if p.search(line)), None)
        if hit:
            mask(a, len(text), hit)
            break
    # single-line furniture
    for a, b in nonempty:
        line = text[a:b]
        hit = next((rid for rid, p in pats.get("line", []) if p.search(line)), None)
        if hit:
            mask(a, b, hit)
    # title: a short first line without closing punctuation; repeats of it and
    # paragraphs repeated later (standfirsts) are furniture
    live = [(a, b) for a, b in nonempty if "".join(chars[a:b]).strip()]
    if live and _looks_like_title(text[live[0][0]:live[0][1]]) and len(live) > 1:
        a, b = live[0]
        out.title = text[a:b].strip()
        mask(a, b, "title")
    if pats.get("repeated_title") is not None or any(r["kind"] == "repeated_title" for r in rules.table("furniture.jsonl")):
        norms = [(a, b, _norm("".join(chars[a:b]))) for a, b in live]
        title_norm = _norm(out.title) if out.title else None
        for i, (a, b, n) in enumerate(norms):
            if not n:
                continue
            if title_norm and n == title_norm:
                mask(a, b, "repeated-title")
                continue
            if len(n) > 40 and any(n in later for _, _, later in norms[i + 1:]):
                mask(a, b, "repeated-paragraph")
    # dateline: at the start of one of the first paragraphs
    for a, b in [(a, b) for a, b in nonempty if "".join(chars[a:b]).strip()][:4]:
        seg = "".join(chars[a:b])
        for rid, p in pats["dateline"]:
            m = p.match(seg)
            if m:
                gd = m.groupdict()
                out.dateline_place = (gd.get("place") or "").strip().title() or None
                out.dateline_date = gd.get("date")
                out.dateline_agency = gd.get("agency")
                if rid == "date-field":
                    out.dateline_place = None
                mask(a, a + m.end(), f"dateline:{rid}")
                break
        if out.dateline_place or out.dateline_date:
            break
    # a dateline-like date field anywhere in masked furniture still dates the article
    if not out.dateline_date:
        for rid, p in pats["dateline"]:
            if rid == "date-field":
                for a, b in nonempty:
                    m = p.match(text[a:b])
                    if m:
                        out.dateline_date = m.group("date")
                        break
    for rid, p in pats.get("span", []):
        for m in p.finditer("".join(chars)):
            mask(m.start(), m.end(), rid)
    out.text = "".join(chars)
    return out
