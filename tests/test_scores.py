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
    "seed": (0.79, {"amount": 0.85, "round": 0.90, "actor": 0.78, "quote": 0.78, "stance": 0.57}),
    "examples": (0.66, {"amount": 0.67, "actor": 0.80, "round": 0.78, "quote": 0.57, "stance": 0.45}),
    "corpus": (0.72, {"amount": 0.73, "actor": 0.81, "round": 0.74, "quote": 0.80, "stance": 0.47}),
    # written by a helper who did not read the extractor; measured at 0.448 before any rule was fitted to it
    "heldout": (0.57, {"amount": 0.55, "actor": 0.79, "round": 0.42, "quote": 0.49, "stance": 0.57}),
}
HELDOUT = Path(__file__).parent / "heldout"


def _build(src: Path, work: Path) -> Path:
    run_cli("build", str(src), "--store", str(work / "store"), "--out", str(work / "out"), cwd=work, check=True)
    return work / "store"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed", "examples", "corpus", "heldout"])
def test_scores_stay_above_floors(name, tmp_path, request):
    if name == "seed":
        src = request.getfixturevalue("seed_dir")
    else:
        src = {"examples": EXAMPLES, "corpus": CORPUS, "heldout": HELDOUT}[name]
    report = evaluate(_build(src, tmp_path), GOLD / f"{name}.jsonl")
    macro_floor, floors = FLOORS[name]
    f1 = {c: s.f1 for c, s in report.scores.items()}
    macro = sum(f1.values()) / len(f1)
    assert set(f1) == {"actor", "round", "amount", "stance", "quote"}
    assert macro >= macro_floor, f"{name}: macro F1 {macro:.3f} fell under {macro_floor}: {f1}"
    for cat, floor in floors.items():
        assert f1[cat] >= floor, f"{name}: {cat} F1 {f1[cat]:.3f} fell under {floor}"
