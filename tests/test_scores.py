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
    "seed": (0.76, {"amount": 0.85, "round": 0.90, "actor": 0.78, "quote": 0.72, "stance": 0.48}),
    "examples": (0.61, {"amount": 0.52, "actor": 0.78, "round": 0.75, "quote": 0.55, "stance": 0.38}),
    "corpus": (0.62, {"amount": 0.70, "actor": 0.80, "round": 0.58, "quote": 0.65, "stance": 0.34}),
}


def _build(src: Path, work: Path) -> Path:
    run_cli("build", str(src), "--store", str(work / "store"), "--out", str(work / "out"), cwd=work, check=True)
    return work / "store"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed", "examples", "corpus"])
def test_scores_stay_above_floors(name, tmp_path, request):
    if name == "seed":
        src = request.getfixturevalue("seed_dir")
    else:
        src = {"examples": EXAMPLES, "corpus": CORPUS}[name]
    report = evaluate(_build(src, tmp_path), GOLD / f"{name}.jsonl")
    macro_floor, floors = FLOORS[name]
    f1 = {c: s.f1 for c, s in report.scores.items()}
    macro = sum(f1.values()) / len(f1)
    assert set(f1) == {"actor", "round", "amount", "stance", "quote"}
    assert macro >= macro_floor, f"{name}: macro F1 {macro:.3f} fell under {macro_floor}: {f1}"
    for cat, floor in floors.items():
        assert f1[cat] >= floor, f"{name}: {cat} F1 {f1[cat]:.3f} fell under {floor}"
