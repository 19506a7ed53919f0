"""``parley eval GOLD``: score the stored graph against a gold JSONL file."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .evaluate import CATEGORIES, Fact, Report

DEFAULT_STORE = Path("parley-store")
SHOW = ("missed", "spurious", "all", "none")


def format_table(report: Report, show: str = "all") -> str:
    """The scores as a plain-text table, then secondary accuracy, then missed and spurious facts."""
    lines = [f"gold: {report.gold_path} ({len(report.articles)} articles)"]
    head = ("category", "gold", "pred", "TP", "P", "R", "F1")
    rows = [head] + [(c, str(s.gold), str(s.pred), str(s.tp), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
                     for c, s in report.scores.items()]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for k, r in enumerate(rows):
        lines.append("  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths))).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"macro F1 over {len(report.present)} categories ({', '.join(report.present)}): {report.macro_f1:.3f}")
    attrs = [(f"{c}.{k}", a) for c, s in report.scores.items() for k, a in s.attributes.items() if a.total]
    if attrs:
        lines += ["", "secondary attributes (accuracy over matched pairs; not part of P/R/F1)"]
        width = max(len(n) for n, _ in attrs)
        lines += [f"  {n.ljust(width)}  {a.correct}/{a.total}  {a.accuracy:.3f}" for n, a in attrs]
    if report.missing_articles:
        lines += ["", f"articles in the gold but not in the store: {', '.join(report.missing_articles)}"]
    if show in ("missed", "all"):
        lines += ["", f"missed ({len(report.missed)}): gold facts no extracted fact matches"]
        lines += _facts(report.missed, lambda f: f.note)
    if show in ("spurious", "all"):
        lines += ["", f"spurious ({len(report.spurious)}): extracted facts no gold fact matches"]
        lines += _facts(report.spurious, lambda f: f'evidence: "{f.evidence}"' if f.evidence else None)
    return "\n".join(lines) + "\n"


def _facts(facts: list[Fact], detail) -> list[str]:
    order = {c: i for i, c in enumerate(CATEGORIES)}
    out = []
    for f in sorted(facts, key=lambda f: (f.article, order[f.category], f.line or 0, f.summary())):
        line = f"  {f.article}  {f.category:<6}  {f.summary()}" + (f"  (gold line {f.line})" if f.line else "")
        out.append(line)
        extra = detail(f)
        if extra:
            out.append(f"      {extra}")
    return out


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate

    report = evaluate(args.store, args.gold, reference=args.reference)
    if report.missing_articles:
        print(f"warning: {len(report.missing_articles)} gold article(s) are not in the store "
              f"({', '.join(report.missing_articles[:5])}{', …' if len(report.missing_articles) > 5 else ''}); "
              "build them first", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(args.show), indent=2, ensure_ascii=False, sort_keys=False) + "\n")
    else:
        sys.stdout.write(format_table(report, args.show))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("eval", help="score the stored graph against gold annotations (precision, recall, F1)")
    e.add_argument("gold", type=Path, metavar="GOLD", help="gold JSONL file (format: tests/gold/README.md)")
    e.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=f"store location (default {DEFAULT_STORE})")
    e.add_argument("--reference", type=Path, action="append", default=[], metavar="FILE",
                   help="extra reference entities (Turtle) used to resolve names; repeatable")
    e.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    e.add_argument("--show", choices=SHOW, default="all", help="which unmatched facts to list (default all)")
    e.set_defaults(func=_eval)
