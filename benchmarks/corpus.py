"""Synthetic wire copy about negotiations, for benchmarks.

``python -m benchmarks.corpus N --out DIR [--seed S]`` writes N articles of
about 600 words plus ``manifest.csv`` (``file,publisher,published,url``).
Vocabulary and sentence templates live in ``benchmarks/data/*.json``; this
module only draws from them.  Output is byte-identical for a seed: every
article draws from its own generator seeded by ``(seed, index)``, and the
people, venues and dates of a negotiation's rounds from generators seeded by
``(seed, scenario, edition, round)``, so article 17 is the same whether 100
or 10,000 are written, and several articles about one round agree on it.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

DATA = Path(__file__).resolve().parent / "data"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
            "twentieth"]


@lru_cache(maxsize=1)
def data() -> dict[str, dict]:
    """The vocabulary files, read once."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.json"))}


@dataclass
class Article:
    id: str
    file: str
    text: str
    publisher: str
    published: str
    url: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def ordinal_num(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def person(rng: random.Random, style: str) -> str:
    """A generated name in one of the styles of ``names.json``."""
    n = data()["names"][style]
    if style == "korean":
        return f"{rng.choice(n['surnames'])} {rng.choice(n['first'])}-{rng.choice(n['second'])}"
    if style == "japanese":
        return f"{rng.choice(n['given'])} {rng.choice(n['surnames'])}"
    if style == "chinese":
        return f"{rng.choice(n['surnames'])} {rng.choice(n['given'])}"
    return f"{rng.choice(n['first'])} {rng.choice(n['last'])}"


def scaled(value: float, unit: str, prefix: str = "") -> str:
    """``1.04e12, "won"`` -> ``1.04 trillion won``; ``9.04e8, "", "$"`` -> ``$904 million``."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            num = f"{value / scale:.2f}".rstrip("0").rstrip(".")
            return f"{prefix}{num} {word}" + (f" {unit}" if unit else "")
    return f"{prefix}{value:,.0f}" + (f" {unit}" if unit else "")


def _sig3(x: float) -> float:
    return float(f"{x:.3g}")


def add_months(d: dt.date, k: int) -> dt.date:
    m = d.month - 1 + k
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


class Slots(dict):
    """Slot values for one article: fixed entries, plus fresh draws from :data:`DYNAMIC` on each use."""

    def __init__(self, rng: random.Random, fixed: dict[str, str], scenario: dict, outlet: dict) -> None:
        super().__init__(fixed)
        self.rng, self.scenario, self.outlet = rng, scenario, outlet
        self.used: set[str] = set()

    def __missing__(self, key: str) -> str:
        if key not in DYNAMIC:
            raise KeyError(f"benchmarks/data: unknown slot {{{key}}}")
        return fill(DYNAMIC[key](self), self)


def fill(template: str, slots: Slots) -> str:
    """Fill ``{slot}`` fields, recursively (a relative date may itself name ``{weekday}``)."""
    out = string.Formatter().vformat(template, (), slots)
    return fill(out, slots) if "{" in out else out


def _money(s: Slots) -> str:
    m = s.scenario["money"]
    local = _sig3(s.rng.uniform(m["low"], m["high"]))
    return f"{scaled(local, m['currency'])} ({scaled(_sig3(local / m['per_usd']), '', s.outlet['dollar'])})"


def _money_usd(s: Slots) -> str:
    m = s.scenario["money"]
    usd = _sig3(s.rng.choice(m["demand_usd"]) * s.rng.choice([1, 1, 0.9, 1.1]))
    return f"{scaled(usd, '', s.outlet['dollar'])} ({scaled(_sig3(usd * m['per_usd']), m['currency'])})"


def _pct(s: Slots) -> str:
    v = s.rng.choice([s.rng.randint(2, 60), round(s.rng.uniform(1, 20), 1)])
    return f"{v} percent" if s.rng.random() < 0.6 else f"{v}%"


DYNAMIC: dict[str, Callable[[Slots], str]] = {
    "money": _money,
    "money_usd": _money_usd,
    "pct": _pct,
    "ratio": lambda s: s.rng.choice(data()["templates"]["ratios"]),
    "count": lambda s: s.rng.choice(s.scenario["counts"]),
    "item": lambda s: s.rng.choice(s.scenario["items"]),
    "past": lambda s: s.rng.choice(data()["templates"]["relative_past"]),
    "future": lambda s: s.rng.choice(data()["templates"]["relative_future"]),
    "quote_a": lambda s: s.rng.choice(data()["templates"]["quotes_a"]),
    "quote_b": lambda s: s.rng.choice(data()["templates"]["quotes_b"]),
    "official": lambda s: s.rng.choice(data()["templates"]["anonymous"]),
    "lead_verb": lambda s: s.rng.choice(data()["templates"]["lead_verbs"]),
}


def _venue(seed: int, scenario: dict, edition: int, rnd: int) -> tuple[str, str]:
    """(venue phrase, city) of a round; the same for every article about that round."""
    rng = random.Random(f"{seed}:venue:{scenario['key']}:{edition}:{rnd}")
    side = scenario["sides"][rnd % 2]
    city = rng.choice(side["cities"])
    v = data()["world"]["venues"]
    kind = rng.random()
    if kind < 0.4:
        return city, city
    if kind < 0.8:
        return f"the {rng.choice(v['prefixes'])} {rng.choice(v['cores'])} {rng.choice(v['heads'])} in {city}", city
    return f"the {side['adj'].replace('U.S.', 'American')} {rng.choice(v['institutes'])} in {city}", city


def _cast(seed: int, scenario: dict, edition: int) -> dict[str, str]:
    """Negotiators and ministers of one negotiation (stable across its articles)."""
    rng = random.Random(f"{seed}:cast:{scenario['key']}:{edition}")
    titles = data()["world"]["negotiator_titles"]
    out: dict[str, str] = {}
    for tag, side in zip("AB", scenario["sides"]):
        name, minister = person(rng, side["names"]), person(rng, side["names"])
        out |= {f"{tag}_neg_name": name, f"{tag}_neg_last": name.split()[0 if side["names"] in {"korean", "chinese"} else -1],
                f"{tag}_neg": f"{rng.choice(titles)} {name}", f"{tag}_min": f"{side['minister']} {minister}"}
    return out


def _fixed(seed: int, rng: random.Random, scenario: dict, outlet: dict) -> tuple[dict[str, str], dt.date]:
    ed = rng.choice(scenario["editions"])
    start, end = dt.date.fromisoformat(ed["from"]), dt.date.fromisoformat(ed["to"])
    pub = start + dt.timedelta(days=rng.randint(0, (end - start).days))
    rnd = min(ed["rounds"], 1 + int((pub - start).days / max(1, (end - start).days) * ed["rounds"]))
    venue, city = _venue(seed, scenario, ed["n"], rnd)
    prev_venue, _ = _venue(seed, scenario, ed["n"], max(1, rnd - 1))
    next_venue, _ = _venue(seed, scenario, ed["n"], rnd + 1)
    a, b = scenario["sides"]
    agreement = scenario["edition_form"].format(ord_num=ordinal_num(ed["n"])) if ed["n"] else scenario["agreement"][0]
    fixed = {"A": a["country"], "B": b["country"], "A_cap": a["country"][:1].upper() + a["country"][1:],
             "B_cap": b["country"][:1].upper() + b["country"][1:], "A_short": a["short"], "B_short": b["short"], "A_met": a["metonym"],
             "B_met": b["metonym"], "A_adj": a["adj"], "B_adj": b["adj"], "A_capital": a["capital"], "B_capital": b["capital"],
             "A_ministry": a["ministry"], "B_ministry": b["ministry"], "agreement": agreement,
             "agr_short": scenario["agreement_short"], "topic": scenario["topic"], "topic_short": scenario["topic_short"],
             "round_n": str(rnd), "ord_word": ORDINALS[rnd - 1], "ord_word_cap": ORDINALS[rnd - 1].capitalize(),
             "ord_num": ordinal_num(rnd), "prev_word": ORDINALS[max(0, rnd - 2)], "next_word": ORDINALS[rnd],
             "venue": venue, "venue_city": city, "prev_venue": prev_venue, "venue_next": next_venue,
             "weekday": WEEKDAYS[(pub - dt.timedelta(days=rng.randint(1, 6))).weekday()],
             "prev_month": MONTHS[add_months(pub, -1).month - 1], "next_month": MONTHS[add_months(pub, 1).month - 1],
             "start_month": MONTHS[start.month - 1], "start_year": str(start.year),
             "talks_began": rng.choice(data()["templates"]["talks_began"]), "year": str(pub.year),
             "reporter": person(rng, a["names"] if outlet["style"] == "paper" else "english"),
             "editor": person(rng, "english"), "photographer": person(rng, rng.choice(["korean", "english", "japanese"])),
             "CITY": rng.choice([a, b])["dateline"], "mon": AP_MONTHS[pub.month - 1], "day": str(pub.day),
             "agency": outlet["agency"], "slug": outlet["slug"]}
    fixed |= _cast(seed, scenario, ed["n"])
    fixed["handle"] = fixed["reporter"].split()[-1].lower()
    return fixed, pub


def _paragraph(slots: Slots, section: str) -> str:
    """1–3 sentences of ``section``; no template twice in an article (repeats read as page furniture)."""
    pool = [t for t in data()["templates"]["sections"][section] if t not in slots.used]
    picks = slots.rng.sample(pool, k=min(len(pool), slots.rng.choice([1, 1, 2, 2, 3])))
    slots.used.update(picks)
    return " ".join(fill(t, slots) for t in picks)


def _furniture_name(rng: random.Random) -> str:
    return person(rng, rng.choice(["korean", "japanese", "english"]))


def article(index: int, seed: int = 0) -> Article:
    """The synthetic article number ``index`` for ``seed``."""
    world, tpl = data()["world"], data()["templates"]
    rng = random.Random(f"{seed}:article:{index}")
    scenario = rng.choices(world["scenarios"], weights=[s["weight"] for s in world["scenarios"]])[0]
    outlet = rng.choice(world["outlets"])
    fixed, pub = _fixed(seed, rng, scenario, outlet)
    slots = Slots(rng, fixed, scenario, outlet)
    lines = [fill(rng.choice(tpl["headlines"]), slots), ""]
    if outlet["byline"] and outlet["style"] == "paper":
        lines += [fill(outlet["byline"], slots), ""]
    lines += [fill(outlet["dateline"], slots) + fill(rng.choice(tpl["leads"]), slots), ""]
    target = rng.randint(520, 600)
    words = sum(len(x.split()) for x in lines)
    for section in tpl["plan"]:
        if words >= target - 50:
            break
        if section == "caption":
            lines += [fill(outlet["caption"], Slots(rng, fixed | {"caption": fill(rng.choice(tpl["captions"]), slots)}, scenario, outlet)), ""]
            continue
        para = _paragraph(slots, section)
        if para:
            words += len(para.split())
            lines += [para, ""]
    lines += [_paragraph(slots, "next"), ""]
    if outlet["byline"] and outlet["style"] == "wire" and "Reporting" in outlet["byline"]:
        lines += [fill(outlet["byline"], slots), ""]
    if outlet["email"]:
        lines += [fill(outlet["email"], slots), ""]
    if outlet["end"]:
        lines += [outlet["end"], ""]
    if outlet["related"]:
        lines += [outlet["related"]]
    if outlet["end"] or outlet["related"]:
        for t in rng.sample(tpl["related"], k=3):
            x = {"X_name": _furniture_name(rng), "X_title": rng.choice(tpl["related_titles"]),
                 "X_city": rng.choice(tpl["related_cities"])}
            lines.append(fill(t, Slots(rng, fixed | x, scenario, outlet)))
        lines.append("")
    lines.append(fill(outlet["copyright"], slots))
    art_id = f"syn{index:06d}"
    return Article(art_id, f"{art_id}_{outlet['slug']}.txt", "\n".join(lines) + "\n", outlet["publisher"],
                   pub.isoformat(), f"https://example.com/{outlet['slug']}/{art_id}")


def articles(n: int, seed: int = 0) -> Iterator[Article]:
    for i in range(1, n + 1):
        yield article(i, seed)


def write_corpus(n: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` articles and ``manifest.csv`` into ``out``; return the article paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "publisher", "published", "url"])
        for a in articles(n, seed):
            p = out / a.file
            p.write_text(a.text, encoding="utf-8", newline="\n")
            w.writerow([a.file, a.publisher, a.published, a.url])
            paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0); the same seed gives the same bytes")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be 1 or more")
    paths = write_corpus(args.n, args.out, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles ({words / len(paths):.0f} words each on average) and manifest.csv to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
