"""Real servers for the remote-store and endpoint tests: Oxigraph and ``parley serve``, on free local ports.

Also a small Parley dataset in an on-disk store: the hand-written fixture
graph split over two article graphs that overlap (so the union has
duplicates across graphs, as real builds do) plus the ontology graph
(which has blank nodes).
"""
from __future__ import annotations

import gc
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest

from parley.graph.store import ONTOLOGY_GRAPH, GraphStore

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "small.ttl"
ONTOLOGY = ROOT / "ontology" / "parley.ttl"
GRAPH_A = ox.NamedNode("https://w3id.org/parley/id/graph/article/a1")
GRAPH_B = ox.NamedNode("https://w3id.org/parley/id/graph/article/a2")
PARAMS = {"sources-of": {"entity": "South Korea"}}
START_WAIT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_dataset(path: Path) -> Path:
    """The test dataset in an on-disk store at ``path`` (closed again, so servers can open it)."""
    triples = sorted(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE), key=str)
    store = GraphStore(path)
    store.replace_graph(GRAPH_A, triples[::2] + triples[1:40:2])
    store.replace_graph(GRAPH_B, triples[1::2] + triples[:40:2])
    store.replace_graph(ONTOLOGY_GRAPH, list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)))
    store.flush()
    del store
    gc.collect()
    return path


def wait_http(url: str, proc: subprocess.Popen, what: str) -> None:
    """Poll ``url`` until it answers (any HTTP status); fail with the server's output if it dies or stalls."""
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise AssertionError(f"{what} exited with {proc.returncode}: {out}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{what} did not answer at {url} within {START_WAIT:g} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@contextmanager
def oxigraph_server(location: Path, *extra: str) -> Iterator[str]:
    """A real ``oxigraph serve`` on a free port; yields its base URL."""
    exe = shutil.which("oxigraph")
    if not exe:
        pytest.skip("oxigraph server not installed: pip install oxigraph")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/query?query=ASK%7B%7D", proc, "oxigraph serve")
        yield base
    finally:
        stop(proc)


@contextmanager
def parley_server(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """The real ``parley serve`` command on a free port; yields its base URL."""
    exe = shutil.which("parley")
    cmd = [exe] if exe else [sys.executable, "-m", "parley.cli"]
    port = free_port()
    proc = subprocess.Popen([*cmd, "serve", "--port", str(port), *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/queries", proc, "parley serve")
        yield base
    finally:
        stop(proc)
