"""HTML views: build time and size per view, and time to first draw in headless Chromium.

The child builds every view of a store with
``parley.exports.views.write_views(store_dir, out_dir, focus=None)`` and
reports the wall time (the library's own figure) and each page's size; the
shared vis-network script beside the pages is counted once.  The parent then
opens each page offline in one Chromium and records the time from navigation
start to the first drawn frame.  Missing pieces (the views module, Chromium)
are reported as skipped, never as a failure of the run.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from .browser import Browser, chromium
from .measure import median, python_child


def child(store_dir: Path, out_dir: Path) -> dict:
    try:
        from parley.exports.views import write_views
    except ImportError as exc:
        return {"skipped": f"views not available ({exc})"}
    t = time.perf_counter()
    result = write_views(store_dir, out_dir, focus=None)
    seconds = time.perf_counter() - t
    pages = []
    for v in result["views"]:
        path = out_dir / v["file"]
        pages.append({"slug": v["slug"], "kind": v["kind"], "nodes": v["nodes"], "edges": v["edges"],
                      "build_ms": v.get("seconds", 0) * 1000, "html_kb": path.stat().st_size / 1024, "file": str(path)})
    assets = sum(p.stat().st_size for p in (out_dir / "views").rglob("*") if p.is_file() and p.suffix != ".html")
    return {"seconds": seconds, "pages": pages, "assets_kb": assets / 1024, "index": str(result["index"])}


def run(store_dir: Path, work: Path, draws: int = 3, timeout: float = 300) -> dict:
    """Build the views of ``store_dir`` into ``work``; draw each page ``draws`` times (median)."""
    res = python_child("views", str(store_dir), str(work), timeout=timeout)
    if res.timed_out:
        return {"error": f"building the views took more than {timeout:.0f} s"}
    out = res.json()
    if "skipped" in out:
        return out
    exe = chromium()
    if exe is None:
        out["draw_skipped"] = "chromium not installed: apt-get install chromium"
        return out
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        browser = Browser(exe, Path(profile))
        try:
            for page in out["pages"]:
                times = [browser.first_draw_ms(Path(page["file"]).resolve().as_uri()) for _ in range(draws)]
                ok = [t for t in times if t is not None]
                page["first_draw_ms"] = median(ok) if ok else None
                page["draw_failed"] = len(times) - len(ok)
        finally:
            browser.close()
    return out


if __name__ == "__main__":
    print(json.dumps(child(Path(sys.argv[1]), Path(sys.argv[2]))))
