"""Push a built store to a real Oxigraph server: triples per second.

Starts ``oxigraph serve --location TMP --bind 127.0.0.1:PORT`` (PyPI package
``oxigraph``), runs ``parley.queries.remote.push(store_dir, base_url)`` in a
child, counts the quads the server then holds, and stops the server.
Skipped, with the reason, when the server binary or ``remote.push`` is missing.
"""
from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .measure import python_child


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count(base: str) -> int:
    q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"})
    req = urllib.request.Request(f"{base}/query?{q}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return int(json.load(r)["results"]["bindings"][0]["n"]["value"])


def child(store_dir: Path, base: str) -> dict:
    try:
        from parley.queries.remote import push
    except ImportError as exc:
        return {"skipped": f"remote push not available ({exc})"}
    t = time.perf_counter()
    result = push(store_dir, base)
    return {"seconds": time.perf_counter() - t, **result}


def run(store_dir: Path, timeout: float = 600) -> dict:
    exe = shutil.which("oxigraph")
    if exe is None:
        return {"skipped": "oxigraph server not installed: pip install oxigraph"}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="bench-oxigraph-") as loc:
        server = subprocess.Popen([exe, "serve", "--location", loc, "--bind", f"127.0.0.1:{port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        return {"error": "oxigraph serve did not start"}
                    time.sleep(0.05)
            res = python_child("push", str(store_dir), base, timeout=timeout)
            if res.timed_out:
                return {"error": f"push took more than {timeout:.0f} s"}
            out = res.json()
            if "skipped" in out:
                return out
            sent = int(out.get("quads", 0)) + int(out.get("default_triples", 0))
            out |= {"sent": sent, "triples_per_s": sent / out["seconds"], "server_quads": _count(base)}
            return out
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    print(json.dumps(child(Path(sys.argv[1]), sys.argv[2])))
