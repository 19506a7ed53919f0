"""Extraction throughput on one core, streaming, and its memory.

The child (``python -m benchmarks.extraction DIR``) reads the folder one
article at a time with Parley's own reader and runs the extraction pipeline
and the triple emitter on each, keeping nothing: the work ``parley build
--jobs 1`` does per article before the store write.  It reports the time of
the pipeline set-up (lexicons, spaCy) apart from the time per article, and
its resident memory after the first articles and at the end; the parent adds
the peak RSS of the whole child.  Flat memory means the peak does not grow
with the corpus size.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from .measure import python_child

WARMUP = 20  # articles before the "warm" RSS reading


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(folder: Path) -> dict:
    t0 = time.perf_counter()
    from parley.graph.documents import iter_documents
    from parley.graph.emit import emit
    from parley.graph.extract import extract, lexicon_for

    lexicon = lexicon_for(())
    setup = time.perf_counter() - t0
    problems: list = []
    n = words = triples = facts = 0
    warm_rss = 0.0
    start = time.perf_counter()
    for doc in iter_documents([folder], None, problems):
        words += len(doc.text.split())
        ctx = extract(doc, lexicon)
        triples += len(emit(ctx))
        facts += len(ctx.facts)
        n += 1
        if n == WARMUP:
            warm_rss = _rss_mb()
    seconds = time.perf_counter() - start
    return {"articles": n, "words": words, "triples": triples, "facts": facts, "setup_s": setup, "seconds": seconds,
            "rss_warm_mb": warm_rss, "rss_end_mb": _rss_mb(), "problems": len(problems)}


def run(folder: Path, timeout: float | None = None) -> dict:
    """Measure extraction over ``folder`` in a fresh process."""
    res = python_child("extraction", str(folder), timeout=timeout)
    if res.timed_out:
        return {"error": f"timed out after {timeout:.0f} s"}
    out = res.json()
    s = out["seconds"] or float("nan")
    out |= {"articles_per_s": out["articles"] / s, "words_per_s": out["words"] / s,
            "ms_per_article": 1000 * s / max(1, out["articles"]), "peak_rss_mb": res.max_rss_mb,
            "triples_per_article": out["triples"] / max(1, out["articles"])}
    return out


if __name__ == "__main__":
    print(json.dumps(child(Path(sys.argv[1]))))
