"""`parley build` end to end on the real seed articles, through the real CLI."""
import pyoxigraph as ox
import pytest

from conftest import run_cli
from parley.ontology.validate import java_available


def test_seed_build_writes_a_reparsable_turtle_file(seed_build):
    ttl = seed_build / "out" / "graph.ttl"
    quads = list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    assert len(quads) > 500
    articles = {q.subject.value for q in quads if q.predicate.value.endswith("#articleId")}
    assert len(articles) == 5
    trig = list(ox.parse(path=str(seed_build / "out" / "graph.trig"), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in trig if isinstance(q.graph_name, ox.NamedNode)}
    assert sum("/graph/article/" in g for g in graphs) == 5


def test_rebuild_is_byte_identical_and_incremental(seed_build, seed_dir, tmp_path):
    first = (seed_build / "out" / "graph.ttl").read_bytes()
    again = run_cli("build", str(seed_dir), cwd=seed_build, check=True)
    assert "0 built, 5 unchanged" in again.stdout
    assert (seed_build / "out" / "graph.ttl").read_bytes() == first
    fresh = run_cli("build", str(seed_dir), cwd=tmp_path, check=True)
    assert "5 built" in fresh.stdout
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == first


def test_parallel_build_gives_identical_output(seed_build, seed_dir, tmp_path):
    run_cli("build", str(seed_dir), "--jobs", "2", cwd=tmp_path, check=True)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (seed_build / "out" / "graph.ttl").read_bytes()


def test_seed_build_passes_shacl(seed_build, seed_dir):
    proc = run_cli("build", str(seed_dir), "--fresh", cwd=seed_build)
    assert proc.returncode == 0, proc.stderr
    assert "errors     0" in proc.stdout and "shacl:" not in proc.stderr


@pytest.mark.skipif(not java_available(), reason="HermiT needs Java (apt-get install default-jre-headless)")
def test_seed_graph_is_consistent_for_hermit(seed_build):
    proc = run_cli("check", cwd=seed_build)
    assert proc.returncode == 0, proc.stderr
    assert "consistent" in proc.stdout


def test_related_headline_furniture_never_enters_the_graph(seed_build):
    text = (seed_build / "out" / "graph.ttl").read_text()
    for furniture in ["Billboard", "Terraform", "omicron", "Apache helicopter", "무단전재", "hague@yna.co.kr"]:
        assert furniture not in text, furniture


def test_a_graph_over_the_shacl_limit_is_built_with_a_warning(seed_dir, tmp_path, monkeypatch):
    from parley.graph.build import SHACL_LIMIT_ENV, build

    monkeypatch.setenv(SHACL_LIMIT_ENV, "100")
    report = build([seed_dir], store_dir=tmp_path / "store", out_dir=None)
    assert report.triples > 100 and report.violations == []
    assert any("SHACL validation skipped" in w and SHACL_LIMIT_ENV in w for w in report.warnings)


def test_a_bad_shacl_limit_is_one_clear_error(seed_dir, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PARLEY_SHACL_LIMIT": "lots"}
    proc = subprocess.run([sys.executable, "-m", "parley.cli", "build", str(seed_dir), "--store", str(tmp_path / "s"),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "PARLEY_SHACL_LIMIT='lots' is not a number" in proc.stderr


def test_an_edited_extractor_invalidates_every_article(tmp_path):
    """The skip-unchanged hash covers the extractor's code, not only its version, rules and reference data."""
    import shutil
    from pathlib import Path

    import parley.graph.build as build

    code = tmp_path / "graph"
    shutil.copytree(Path(build.__file__).parent, code, ignore=shutil.ignore_patterns("__pycache__"))
    before = build.fingerprint((), code=code)
    assert build.fingerprint((), code=code) == before
    assert before == build.fingerprint(())  # the copy is the installed code
    rules = code / "components" / "stances.py"
    rules.write_text(rules.read_text() + "\n# an edit\n")
    assert build.fingerprint((), code=code) != before
