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
