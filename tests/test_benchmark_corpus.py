"""The benchmark corpus generator: byte-identical output for a seed, and text that extraction really works on.

The corpus feeds every speed figure, so it must give the pipeline real work:
``parley build`` on a small corpus has to yield rounds and actors (and
amounts and stances once the pipeline has those components), and the names
that only appear in page furniture (related headlines after the end marker)
must not become actors.
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT))
from benchmarks import corpus  # noqa: E402

N = 12


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_text(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    corpus.write_corpus(N, a, seed=7)
    corpus.write_corpus(N, b, seed=7)
    corpus.write_corpus(N, c, seed=8)
    assert _digest(a) == _digest(b)
    assert len(_digest(a)) == N + 1  # articles + manifest.csv
    texts_a = {p.name: p.read_text() for p in a.glob("*.txt")}
    texts_c = {p.name: p.read_text() for p in c.glob("*.txt")}
    assert texts_a != texts_c


def test_article_does_not_depend_on_corpus_size(tmp_path: Path) -> None:
    assert corpus.article(5, seed=3).text == list(corpus.articles(9, seed=3))[4].text


def test_articles_look_like_wire_copy(tmp_path: Path) -> None:
    paths = corpus.write_corpus(N, tmp_path, seed=1)
    words = [len(p.read_text().split()) for p in paths]
    assert 450 <= sum(words) / len(words) <= 750
    rows = list(csv.DictReader((tmp_path / "manifest.csv").open()))
    assert [r["file"] for r in rows] == [p.name for p in paths]
    assert all(r["publisher"] and len(r["published"]) == 10 and r["url"].startswith("https://") for r in rows)
    text = "\n".join(p.read_text() for p in paths)
    for needle in (" round", "percent", "(", "Copyright", '"', "said"):
        assert needle in text, needle
    assert any(w in text for w in ("trillion", "billion")) and any(m in text for m in ("$", "US$"))


def test_cli_script_writes_corpus(tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "cli"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "3", "--out", str(out), "--seed", "2"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.txt"))) == 3 and (out / "manifest.csv").is_file()


def _furniture_names(paths: list[Path]) -> set[str]:
    """Person names that appear only after the end marker / related-links header."""
    body, tail = [], []
    for p in paths:
        lines = p.read_text().splitlines()
        cut = next((i for i, x in enumerate(lines) if x.strip() in {"(END)", "Related Coverage", "Most Popular", "Read More"}), len(lines))
        body.append("\n".join(lines[:cut]))
        tail.append("\n".join(lines[cut:]))
    names = {n for t in tail for line in t.splitlines() for n in _two_word_names(line)}
    joined = "\n".join(body)
    return {n for n in names if n not in joined}


def _two_word_names(line: str) -> list[str]:
    import re

    return re.findall(r"\b([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\b", line)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[Path]]:
    work = tmp_path_factory.mktemp("benchcorpus")
    paths = corpus.write_corpus(N, work / "articles", seed=0)
    run_cli("build", str(work / "articles"), "--no-validate", cwd=work, check=True)
    return work, paths


def _query(work: Path, name: str) -> list[dict]:
    """A named query over the build's ``out/graph.ttl`` (the union of the store, one copy of each triple)."""
    import pyoxigraph as ox

    from parley.graph.store import GraphStore
    from parley.queries.library import run_named

    store = GraphStore(None)
    store.store.load(path=str(work / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return run_named(store, name)


def test_build_yields_rounds_and_actors(built) -> None:
    work, _ = built
    rounds = _query(work, "rounds")
    assert len(rounds) >= 3, rounds
    assert all(r.get("ordinal") for r in rounds[:3]) or any(r.get("venue") for r in rounds)
    actors = _query(work, "actors")
    types = {a["type"] for a in actors}
    assert {"Country", "Person"} <= types, types
    assert any(a["actor"] == "South Korea" for a in actors)


def test_build_yields_amounts_and_stances_when_the_pipeline_has_them(built) -> None:
    work, _ = built
    components = json.loads((ROOT / "ontology" / "rules" / "pipeline.json").read_text())["components"]
    checked = 0
    if "quantities" in components:
        amounts = _query(work, "amounts")
        assert any(a.get("unit") in {"KRW", "JPY", "CNY", "USD"} for a in amounts), amounts[:5]
        checked += 1
    if "stances" in components:
        stances = _query(work, "stances")
        assert {s.get("stance") for s in stances} & {"reject", "urge", "propose", "oppose", "demand"}, stances[:5]
        checked += 1
    if not checked:
        pytest.skip("the pipeline has no quantities or stances component yet (ontology/rules/pipeline.json)")


def test_furniture_names_do_not_become_actors(built) -> None:
    work, paths = built
    only_in_furniture = _furniture_names(paths)
    assert only_in_furniture, "the corpus should put some names only in related headlines"
    actors = {a["actor"] for a in _query(work, "actors")}
    assert not (actors & only_in_furniture), actors & only_in_furniture


def test_replicated_store_has_every_article_k_times(built, tmp_path: Path) -> None:
    """``python -m benchmarks.replicate SRC DST --times 3`` (the 10,000-article views benchmark's store):
    three renamed copies of every article graph; entities keep their IRIs; a bad source is one line."""
    import subprocess

    import pyoxigraph as ox

    work, _ = built
    dst = tmp_path / "x3"
    proc = subprocess.run([sys.executable, "-m", "benchmarks.replicate", str(work / "parley-store"), str(dst), "--times", "3"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"] == 3 * N
    store = ox.Store.read_only(str(dst))
    prefix = "https://w3id.org/parley/id/graph/article/"
    graphs = sorted(g.value[len(prefix):] for g in store.named_graphs() if g.value.startswith(prefix))
    assert len(graphs) == 3 * N
    assert sum(g.endswith("-r2") for g in graphs) == N and sum(g.endswith("-r1") for g in graphs) == N
    ids = {str(q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode("https://w3id.org/parley/ontology#articleId"), None)}
    assert len(ids) == 3 * N
    korea = ox.NamedNode("https://w3id.org/parley/id/country/south-korea")
    assert len({q.graph_name for q in store.quads_for_pattern(korea, None, None)}) > len(
        {q.graph_name for q in ox.Store.read_only(str(work / "parley-store")).quads_for_pattern(korea, None, None)})
    bad = subprocess.run([sys.executable, "-m", "benchmarks.replicate", str(tmp_path), str(tmp_path / "y"), "--times", "2"],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0 and "not an Oxigraph store" in bad.stderr and "Traceback" not in bad.stderr
