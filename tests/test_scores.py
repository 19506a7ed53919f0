"""Extraction quality on the gold sets, as a regression guard.

The issue's targets (macro F1 >= 0.9 with no category under 0.8) are not met
yet; the README reports the measured scores.  These floors sit a little
under today's measurements so a change that makes extraction worse fails,
and they are raised as extraction improves.  They are not the targets.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, EXAMPLES, GOLD, run_cli

from parley.graph.evaluate import evaluate

FLOORS = {  # gold set -> (macro F1 floor, {category: F1 floor})
    "seed": (0.85, {"amount": 0.90, "round": 0.92, "actor": 0.92, "quote": 0.87, "stance": 0.62}),
    "examples": (0.80, {"amount": 0.76, "actor": 0.90, "round": 0.92, "quote": 0.86, "stance": 0.50}),
    "corpus": (0.80, {"amount": 0.78, "actor": 0.91, "round": 0.78, "quote": 0.93, "stance": 0.53}),
    # written by a helper who did not read the extractor; measured at 0.448 before any rule was fitted to it
    "heldout": (0.80, {"amount": 0.75, "actor": 0.90, "round": 0.74, "quote": 0.87, "stance": 0.69}),
    # a second blind set, first measured at 0.514 (2026-11-23) before any rule was changed with it in view
    "heldout2": (0.71, {"amount": 0.49, "actor": 0.85, "round": 0.63, "quote": 0.83, "stance": 0.69}),
    # a third blind set, first measured at 0.510 (2026-11-23, session 7) before any rule was changed with it in view
    "heldout3": (0.65, {"amount": 0.52, "actor": 0.80, "round": 0.41, "quote": 0.84, "stance": 0.64}),
    # a fourth blind set (session 10), first measured at 0.524 before any rule was changed with it in view
    "heldout4": (0.71, {"amount": 0.56, "actor": 0.88, "round": 0.58, "quote": 0.87, "stance": 0.59}),
    # a fifth blind set (session 12), first measured at 0.506 before the session's last round and venue rules
    "heldout5": (0.56, {"amount": 0.45, "actor": 0.82, "round": 0.21, "quote": 0.78, "stance": 0.49}),
    # a sixth blind set (session 13), first measured at 0.496 (0.495 with the session's starting rules)
    "heldout6": (0.57, {"amount": 0.37, "actor": 0.81, "round": 0.46, "quote": 0.77, "stance": 0.42}),
    # a seventh blind set (session 14), first measured at 0.441 (0.430 with the session's starting rules)
    "heldout7": (0.56, {"amount": 0.25, "actor": 0.83, "round": 0.35, "quote": 0.84, "stance": 0.51}),
    # an eighth blind set (session 15), first measured at 0.444 (0.439 with the session's starting rules)
    "heldout8": (0.57, {"amount": 0.31, "actor": 0.82, "round": 0.40, "quote": 0.80, "stance": 0.49}),
    # a ninth blind set (session 15), first measured at 0.489 (0.484 with the session's starting rules)
    "heldout9": (0.55, {"amount": 0.41, "actor": 0.78, "round": 0.32, "quote": 0.80, "stance": 0.39}),
    # a tenth blind set (session 17), first measured at 0.572 (0.559 with the session's starting rules)
    "heldout10": (0.59, {"amount": 0.47, "actor": 0.78, "round": 0.41, "quote": 0.82, "stance": 0.42}),
}

SOURCES = {"examples": EXAMPLES, "corpus": CORPUS,
           **{name: Path(__file__).parent / name for name in FLOORS if name.startswith("heldout")}}


def _build(src: Path, work: Path) -> Path:
    run_cli("build", str(src), "--store", str(work / "store"), "--out", str(work / "out"), cwd=work, check=True)
    return work / "store"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FLOORS))
def test_scores_stay_above_floors(name, tmp_path, request):
    src = request.getfixturevalue("seed_dir") if name == "seed" else SOURCES[name]
    report = evaluate(_build(src, tmp_path), GOLD / f"{name}.jsonl")
    macro_floor, floors = FLOORS[name]
    f1 = {c: s.f1 for c, s in report.scores.items()}
    macro = sum(f1.values()) / len(f1)
    assert set(f1) == {"actor", "round", "amount", "stance", "quote"}
    assert macro >= macro_floor, f"{name}: macro F1 {macro:.3f} fell under {macro_floor}: {f1}"
    for cat, floor in floors.items():
        assert f1[cat] >= floor, f"{name}: {cat} F1 {f1[cat]:.3f} fell under {floor}"
