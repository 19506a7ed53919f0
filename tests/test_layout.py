"""The design card's layout: one importable namespace, data as packaged files."""
import subprocess
import sys

from conftest import ROOT


def test_only_parley_is_importable_at_top_level(tmp_path):
    code = ("import importlib.util as u, json;"
            "print(json.dumps({n: u.find_spec(n) is not None for n in ['graph','queries','exports','ontology','parley','parley.graph','parley.queries','parley.exports','parley.ontology']}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    import json

    found = json.loads(out)
    assert found == {"graph": False, "queries": False, "exports": False, "ontology": False, "parley": True,
                     "parley.graph": True, "parley.queries": True, "parley.exports": True, "parley.ontology": True}


def test_card_layout_exists():
    for name in ["pyproject.toml", "README.md", "ontology", "graph", "queries", "exports", "tests", ".ci/run"]:
        assert (ROOT / name).exists(), name
    assert not (ROOT / "tests" / "__init__.py").exists()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    blocks = [b.split("```")[0].strip() for b in readme.split("```bash")[1:]]
    assert len(blocks) >= 2
    assert blocks[1] in ci


def test_timeline_round_labels_never_overlap_on_a_row():
    from parley.exports.views import timeline

    rounds = [{"date": f"2019-{m:02d}-{d:02d}", "label": f"Round {k}", "venue": "", "status": "held"}
              for k, (m, d) in enumerate([(1, 5), (1, 9), (1, 20), (2, 2), (2, 3), (2, 4), (6, 1), (11, 18)], 1)]
    t = timeline.build(rounds, [])
    shown = [r for r in t["rounds"] if r["label"]]
    assert len(shown) >= 4 and len(shown) < len(rounds)  # crowded labels are dropped, not drawn on top
    for a in shown:
        for b in shown:
            if a is not b and a["y_text"] == b["y_text"]:
                half = timeline.LABEL_CHAR_PX * (len(a["label"]) + len(b["label"])) / 2
                assert abs(a["x"] - b["x"]) > half
    assert all(r["title"].startswith("Round ") for r in t["rounds"])  # every mark keeps its hover title
