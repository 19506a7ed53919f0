"""Shared fixtures: the real seed articles, the real CLI, small corpora."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "articles"
EXAMPLES = ROOT / "examples" / "articles"
CORPUS = ROOT / "tests" / "corpus"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not (SEED / "manifest.csv").is_file():
        pytest.skip(f"the real seed articles are not at {SEED} (the shared/ folder beside the checkout)")
    return SEED


def run_cli(*args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess:
    """Run the real ``parley`` command (as an installed user would) and capture its output."""
    exe = shutil.which("parley")
    cmd = [exe, *args] if exe else [sys.executable, "-m", "parley.cli", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if check and proc.returncode != 0:
        raise AssertionError(f"parley {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def seed_build(seed_dir: Path, tmp_path_factory) -> Path:
    """The seed articles built once through the CLI; returns the working folder."""
    work = tmp_path_factory.mktemp("seed")
    run_cli("build", str(seed_dir), cwd=work, check=True)
    return work


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    err = proc.stderr
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert lines, f"no 'error:' line in stderr:\n{err}"
    for needle in needles:
        assert needle in err, f"{needle!r} not in stderr:\n{err}"
