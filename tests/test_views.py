"""HTML views: built from the seed articles, the demo corpus and the hand-written graph, opened
offline in a real headless Chromium (DevTools protocol over a pipe), checked for drawn nodes,
console errors, network requests, provenance tooltips, and script injection.

Screenshots of every page land in ``tests/artifacts/views/`` (ignored by git) for a person to look at.
"""
from __future__ import annotations

import base64
import fcntl
import gc
import json
import os
import queue
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, assert_one_line_error, run_cli

from parley.exports.views import write_views
from parley.exports.views.common import styles
from parley.graph.store import GraphStore

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
ARTIFACTS = Path(__file__).parent / "artifacts" / "views"
GRAPH = ox.NamedNode("https://w3id.org/parley/id/graph/article/a1")
SK = "https://w3id.org/parley/id/country/south-korea"
MARK = "XSS-RAN"
PAYLOADS = [f"<script>document.title='{MARK}';window.__xss=1</script>",
            f"<img src=x onerror=\"document.title='{MARK}';window.__xss=1\">",
            f"<a href=\"javascript:document.title='{MARK}'\">click me</a>",
            f"javascript:document.title='{MARK}'"]
NO_ERRORS_IGNORED = ("favicon.ico",)


# -- a small DevTools-protocol client over --remote-debugging-pipe ------------------------------

class Chromium:
    """Headless Chromium with the network blocked (a dead proxy for everything, loopback included)."""

    def __init__(self, exe: str, profile: Path) -> None:
        cmd_r, self._cmd_w = os.pipe()
        self._out_r, out_w = os.pipe()

        def fds() -> None:  # runs in the child: the pipe ends become fds 3 (commands) and 4 (replies)
            # via fds >= 10 first: a pipe end that already is fd 3 or 4 would
            # otherwise be clobbered, or keep its close-on-exec flag (dup2 onto
            # itself changes nothing) and Chromium would start without its pipe
            high_r, high_w = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
             "--window-size=1600,1000", "about:blank"],
            preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(out_w)
        self._id = 0
        self._replies: dict[int, dict] = {}
        self.events: list[dict] = []
        self._inbox: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buf = b""
        while True:
            chunk = os.read(self._out_r, 1 << 16)
            if not chunk:
                self._inbox.put(None)
                return
            buf += chunk
            while b"\0" in buf:
                msg, buf = buf.split(b"\0", 1)
                self._inbox.put(json.loads(msg))

    def _pump(self, timeout: float) -> None:
        msg = self._inbox.get(timeout=timeout)
        if msg is None:
            raise RuntimeError("chromium closed the DevTools pipe")
        if "id" in msg:
            self._replies[msg["id"]] = msg
        else:
            self.events.append(msg)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        while self._id not in self._replies:
            self._pump(timeout)
        reply = self._replies.pop(self._id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str, timeout: float = 60) -> dict:
        while True:
            for e in self.events:
                if e.get("method") == method and e.get("sessionId") == session:
                    return e
            self._pump(timeout)

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Page:
    """One tab: navigation, evaluation, hovering, screenshots, and what it logged or requested."""

    def __init__(self, browser: Chromium, url: str) -> None:
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.target = target
        self.s = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=self.s)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1600, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=self.s)
        browser.send("Page.navigate", {"url": url}, session=self.s)
        browser.wait_event("Page.loadEventFired", self.s)

    def eval(self, expr: str, timeout: float = 60):
        r = self.b.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True},
                        session=self.s, timeout=timeout)
        if "exceptionDetails" in r:
            raise AssertionError(f"page script failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expr: str, timeout_ms: int = 30000):
        return self.eval(f"""new Promise((ok) => {{ const t0 = Date.now(); (function poll() {{
            let v; try {{ v = {expr}; }} catch (e) {{ v = undefined; }}
            if (v || Date.now() - t0 > {timeout_ms}) ok(v || null); else setTimeout(poll, 50); }})(); }})""")

    def mine(self) -> list[dict]:
        return [e for e in self.b.events if e.get("sessionId") == self.s]

    def errors(self) -> list[str]:
        out = []
        for e in self.mine():
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(json.dumps(p["exceptionDetails"])[:400])
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
        return [e for e in out if not any(i in e for i in NO_ERRORS_IGNORED)]

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.mine() if e["method"] == "Network.requestWillBeSent"]

    def dialogs(self) -> list[dict]:
        return [e for e in self.mine() if e["method"] == "Page.javascriptDialogOpening"]

    def hover(self, x: float, y: float) -> None:
        self.b.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session=self.s)

    def screenshot(self, path: Path) -> None:
        data = self.b.send("Page.captureScreenshot", {"format": "png"}, session=self.s)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.b.send("Target.closeTarget", {"targetId": self.target})


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("chromium not installed: apt-get install chromium")
    b = Chromium(exe, tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


# -- corpora -------------------------------------------------------------------------------------

def fixture_store(path: Path, ttl: str | None = None) -> Path:
    s = GraphStore(path)
    triples = list(ox.parse(ttl if ttl is not None else FIXTURE.read_text(encoding="utf-8"), format=ox.RdfFormat.TURTLE))
    s.replace_graph(GRAPH, triples)
    s.flush()
    del s
    gc.collect()
    return path


@pytest.fixture(scope="module")
def seed_views(seed_build: Path) -> Path:
    run_cli("view", "South Korea", "--out", "viewout", cwd=seed_build, check=True)
    return seed_build / "viewout"


@pytest.fixture(scope="module")
def examples_views(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("example-views")
    run_cli("build", str(EXAMPLES), cwd=work, check=True)
    run_cli("view", "United States", "--out", "viewout", cwd=work, check=True)
    return work / "viewout"


@pytest.fixture(scope="module")
def fixture_views(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("fixture-views")
    store = fixture_store(work / "parley-store")
    write_views(store, work / "out", focus="South Korea")
    return work / "out"


@pytest.fixture(params=["seed", "examples", "fixture"])
def views(request) -> tuple[str, Path]:
    return request.param, request.getfixturevalue(f"{request.param}_views")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src"):
                self.links.append((tag, v))


def links(path: Path) -> list[tuple[str, str]]:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p.links


def pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "views").glob("*.html"))]


def view_data(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def open_drawn(browser: Chromium, path: Path) -> Page:
    page = Page(browser, path.resolve().as_uri())
    if path.name != "index.html":
        assert page.wait_for("document.body.dataset.drawn === '1' && document.body.dataset.stable === '1'"), \
            f"{path.name}: the network was never drawn and stabilized"
    return page


# -- structure -----------------------------------------------------------------------------------

def test_index_links_every_kind_of_view(views):
    name, out = views
    hrefs = [v for tag, v in links(out / "index.html") if tag == "a"]
    assert "views/overview.html" in hrefs and "views/positions.html" in hrefs
    assert any(h.startswith("views/negotiation-") for h in hrefs)
    assert any(h.startswith("views/ego-") for h in hrefs)
    for h in hrefs:
        assert (out / h).is_file(), h
    for page in pages(out):
        for tag, target in links(page):
            assert not re.match(r"(https?:)?//", target), f"{page.name} loads {target} from the network"
            if tag in ("script", "link"):
                assert (page.parent / target).is_file(), f"{page.name}: {target} is missing"


def test_build_writes_the_views_too(seed_build: Path):
    out = seed_build / "out"
    assert (out / "index.html").is_file() and (out / "views" / "overview.html").is_file()
    assert (out / "views" / "lib" / "vis-network.min.js").stat().st_size > 100_000


def test_views_are_deterministic(tmp_path: Path):
    """The same pages byte for byte, built on one thread or on several (shared reads in another order)."""
    store = GraphStore(fixture_store(tmp_path / "store"), read_only=True)
    a, b = tmp_path / "a", tmp_path / "b"
    write_views(store, a, focus="Kang Kyung-wha", workers=1)
    write_views(store, b, focus="Kang Kyung-wha", workers=4)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert len(files) > 8
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_unknown_focus_is_one_line_error_with_close_matches(seed_build: Path):
    proc = run_cli("view", "South Kroea", "--out", "never", cwd=seed_build)
    assert proc.returncode == 2
    assert_one_line_error(proc, "South Kroea", "South Korea")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (seed_build / "never").exists()


def test_missing_store_is_one_line_error(tmp_path: Path):
    proc = run_cli("view", "--store", "no-store-here", cwd=tmp_path)
    assert proc.returncode != 0
    assert_one_line_error(proc, "no-store-here")



def test_ego_pages_skip_entities_linked_to_nothing(tmp_path: Path):
    """A group named in many sentences but taking part in nothing gets no ego page of its own (it
    would show one node); asked for by name, it still gets one."""
    ego_id = "https://w3id.org/parley/id/group/onlookers"
    ttl = FIXTURE.read_text(encoding="utf-8") + f'\n<{ego_id}> a parley:Group ; skos:prefLabel "onlookers"@en .\n' + \
        "".join(f"<{ego_id}> parley:evidence <https://w3id.org/parley/id/ev/g{i}> .\n" for i in range(6))
    store = fixture_store(tmp_path / "parley-store", ttl)
    views = write_views(store, tmp_path / "out")["views"]
    assert all(v["seconds"] > 0 for v in views)  # each view's build time, for the benchmark's table
    egos = [v for v in views if v["kind"] == "ego"]
    assert egos and all(v["nodes"] > 1 for v in egos), [(v["slug"], v["nodes"]) for v in egos]
    assert "ego-onlookers" not in {v["slug"] for v in egos}
    asked = write_views(store, tmp_path / "out2", focus="onlookers")
    assert asked["focus"] == "ego-onlookers" and (tmp_path / "out2" / "views" / "ego-onlookers.html").is_file()

# -- in the browser ------------------------------------------------------------------------------

PAINTED = """(() => { const c = document.querySelector('#network canvas'); if (!c) return -1;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()"""

TOOLTIP_TEXTS = """[...window.parleyView.nodes.get().map(n => ({id: n.id, text: n.title.textContent})),
  ...window.parleyView.edges.get().map(e => ({id: e.id, text: e.title.textContent}))]"""

NODE_POINT = """((id) => { const v = window.parleyView; const p = v.network.getPositions([id])[id];
  const d = v.network.canvasToDOM(p); const r = document.getElementById('network').getBoundingClientRect();
  const x = d.x + r.left, y = d.y + r.top; const hit = document.elementFromPoint(x, y);
  return {x: x, y: y, onCanvas: !!hit && hit.tagName === 'CANVAS'}; })"""


def test_every_page_draws_offline_without_errors(views, browser):
    name, out = views
    for path in pages(out):
        page = open_drawn(browser, path)
        try:
            page.screenshot(ARTIFACTS / name / f"{path.stem}.png")
            assert page.errors() == [], f"{path.name}: {page.errors()}"
            remote = [u for u in page.requests() if not u.startswith(("file://", "data:"))]
            assert remote == [], f"{path.name} asked the network for {remote}"
            assert any(u.endswith("parley-view.css") for u in page.requests())
            if path.name == "index.html":
                continue
            data = view_data(path)
            assert page.eval("window.parleyView.nodes.length") == len(data["nodes"])
            assert page.eval("window.parleyView.edges.length") == len(data["edges"])
            painted = page.eval(PAINTED)
            if data["nodes"]:
                floor = min(2000, 800 * len(data["nodes"]))  # one node with its label paints ~1,600 px
                assert painted > floor, f"{path.name}: {len(data['nodes'])} nodes but only {painted} pixels drawn"
            else:
                assert painted == 0 and page.eval("document.querySelectorAll('p.note').length") > 0
            legend = page.eval("document.querySelectorAll('#legend-nodes li').length")
            assert legend == len({n["group"] for n in data["nodes"]})
            assert page.eval("document.querySelectorAll('#filter input[type=checkbox]').length") == legend
        finally:
            page.close()


def test_tooltips_show_provenance_and_hover_works(views, browser):
    name, out = views
    checked = hovered = 0
    for path in sorted((out / "views").glob("*.html")):
        data = view_data(path)
        items = {n["id"]: n for n in data["nodes"]} | {e["id"]: e for e in data["edges"]}
        page = open_drawn(browser, path)
        try:
            texts = {t["id"]: t["text"] for t in page.eval(TOOLTIP_TEXTS)}
            assert set(texts) == set(items)
            for key, item in items.items():
                assert item["full"] in texts[key]
                for ev in item["prov"]["evidence"]:
                    assert ev["article"] in texts[key] and "claimed by" in texts[key]
                    assert ev.get("sentence", "") in texts[key]
                    assert ev.get("publisher", "") in texts[key] and ev.get("published", "") in texts[key]
                    checked += 1
            with_evidence = [n for n in data["nodes"] if n["prov"]["evidence"]]
            for n in with_evidence[:8]:
                point = page.eval(f"{NODE_POINT}({json.dumps(n['id'])})")
                if not point["onCanvas"]:
                    continue
                page.hover(point["x"] + 1, point["y"] + 1)
                shown = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                                      " return t && t.style.visibility === 'visible' && t.textContent; })()", 5000)
                if shown:
                    assert n["prov"]["evidence"][0]["article"] in shown and n["full"] in shown
                    hovered += 1
                    break
            page.hover(1, 1)
        finally:
            page.close()
    assert checked > 10, "too few evidence records in the tooltips to mean anything"
    assert hovered >= 2, "hovering a node never showed its provenance tooltip"


def test_tooltip_links_only_web_urls(fixture_views, browser):
    page = open_drawn(browser, fixture_views / "views" / "ego-south-korea.html")
    try:
        hrefs = page.eval("window.parleyView.nodes.get().flatMap(n => [...n.title.querySelectorAll('a')].map(a => a.href))")
        assert "https://example.org/a1" in hrefs  # article a1 has a URL in the fixture
        assert all(h.startswith("https://") for h in hrefs)
    finally:
        page.close()


def test_screenshots_exist_for_a_person_to_look_at(views, browser):
    name, out = views
    shots = sorted((ARTIFACTS / name).glob("*.png"))
    if not shots:  # the drawing test writes them; run it first when this test runs alone
        test_every_page_draws_offline_without_errors(views, browser)
        shots = sorted((ARTIFACTS / name).glob("*.png"))
    assert {p.stem for p in shots} >= {"index", "overview", "positions"}
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 10_000 for p in shots)


# -- untrusted article text ---------------------------------------------------------------------

EVIL_TXT = (f"SEOUL, March 3 -- South Korea rejected the U.S. demand {PAYLOADS[0]} for a larger share of the cost.\n"
            f"Foreign Minister Kang Kyung-wha said {PAYLOADS[1]} that the talks would go on.\n"
            f"The fifth round of talks was held in Seoul, and the United States demanded $5 billion {PAYLOADS[2]} a year.\n")
EVIL_HTML = ("<!DOCTYPE html><html><head><title>&lt;img src=x onerror=\"document.title='XSS-RAN'\"&gt; talks</title>"
             f"<script>document.title='{MARK}'</script></head><body><article>"
             "<h1>&lt;script&gt;document.title='XSS-RAN'&lt;/script&gt; Cost-sharing talks</h1>"
             "<p>SEOUL, Nov. 19 -- South Korea and the United States ended the fifth round of talks in Seoul on Tuesday "
             "&lt;img src=x onerror=\"document.title='XSS-RAN';window.__xss=1\"&gt; without a deal, officials said.</p>"
             f"<p>The United States demanded that Seoul pay $5 billion a year, {PAYLOADS[2]} which South Korea rejected "
             "as excessive &lt;script&gt;window.__xss=1&lt;/script&gt;.</p>"
             "<p>Negotiators will meet again in Honolulu next month, the foreign ministry said in a statement.</p>"
             "</article></body></html>")


def evil_ttl() -> str:
    """The hand-written graph with a payload in every kind of text a view shows."""
    text = FIXTURE.read_text(encoding="utf-8")
    swaps = {'"Kang Kyung-wha"@en': PAYLOADS[1], '"operational support category"': PAYLOADS[0],
             '"We will keep working"': PAYLOADS[1], '"Yonhap"@en': PAYLOADS[0], '"Honolulu"@en': PAYLOADS[2],
             '"11th Special Measures Agreement negotiation"@en': PAYLOADS[0] + " negotiation",
             '"https://example.org/a1"^^xsd:anyURI': PAYLOADS[3]}
    for old, new in swaps.items():
        assert old in text, old
        text = text.replace(old, str(ox.Literal(new)))
    return text


@pytest.fixture(scope="module")
def xss_views(tmp_path_factory) -> list[Path]:
    work = tmp_path_factory.mktemp("xss")
    arts = work / "articles"
    arts.mkdir()
    (arts / "evil.txt").write_text(EVIL_TXT, encoding="utf-8")
    (arts / "evil-page.html").write_text(EVIL_HTML, encoding="utf-8")
    (arts / "manifest.csv").write_text(
        "file,publisher,published,url\n"
        f"evil.txt,\"{PAYLOADS[1].replace(chr(34), chr(34) * 2)}\",2019-11-19,{PAYLOADS[3]}\n"
        f"evil-page.html,{PAYLOADS[0]} Herald,2019-11-20,https://example.org/news?a=1&b=<script>\n", encoding="utf-8")
    run_cli("build", str(arts), cwd=work, check=True)
    run_cli("view", "South Korea", "--out", "viewout", cwd=work, check=True)
    store = fixture_store(work / "ttl-store", evil_ttl())
    write_views(store, work / "ttl-out", focus="South Korea")
    return [work / "viewout", work / "ttl-out"]


SAFETY = """(() => { const v = window.parleyView; const tips = v ? [...v.nodes.get(), ...v.edges.get()].map(x => x.title) : [];
  return { title: document.title, xss: window.__xss === undefined ? null : String(window.__xss),
    imgs: document.querySelectorAll('img').length + tips.reduce((n, t) => n + t.querySelectorAll('img, script, iframe').length, 0),
    scripts: [...document.scripts].map(s => s.type === 'application/json' ? 'json' : s.src.split('/').pop()),
    protocols: [...document.querySelectorAll('a'), ...tips.flatMap(t => [...t.querySelectorAll('a')])].map(a => a.protocol),
    handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    text: tips.map(t => t.textContent).join(' ') + ' ' + (v ? v.nodes.get().map(n => n.label).join(' ') : '') }; })()"""


def assert_safe(page: Page, path: Path) -> dict:
    s = page.eval(SAFETY)
    assert s["title"] != MARK and s["xss"] is None, f"{path.name}: injected script ran"  # payloads set the title to MARK
    assert page.dialogs() == [], f"{path.name}: a dialog opened"
    assert s["imgs"] == 0 and s["handlers"] == 0, f"{path.name}: markup from article text was parsed"
    assert s["scripts"] in ([], ["json", "vis-network.min.js", "parley-view.js"]), s["scripts"]
    assert set(s["protocols"]) <= {"file:", "https:", "http:"}, f"{path.name}: link protocols {s['protocols']}"
    return s


def test_article_text_never_executes(xss_views, browser):
    shown_as_text = 0
    for out in xss_views:
        for path in pages(out):
            page = open_drawn(browser, path)
            try:
                s = assert_safe(page, path)
                shown_as_text += "<script>" in s["text"] and "onerror=" in s["text"]
                if path.name == "index.html":
                    continue
                data = view_data(path)
                for n in data["nodes"][:25]:  # hover the nodes: vis-network shows their tooltips
                    point = page.eval(f"{NODE_POINT}({json.dumps(n['id'])})")
                    page.hover(point["x"], point["y"])
                    page.eval("new Promise(ok => setTimeout(ok, 30))")
                evil = [n["full"] for n in data["nodes"] if "<" in n["full"]]
                if evil:  # search for a payload label: the details panel shows its card
                    page.eval(f"window.parleyView.find({json.dumps(evil[0])})")
                    assert "<" in page.eval("document.getElementById('details').textContent")
                page.eval("new Promise(ok => setTimeout(ok, 300))")  # let any onerror fire
                assert_safe(page, path)
            finally:
                page.close()
    assert shown_as_text >= 4, "the payloads should be in the pages, shown as plain text"


def test_the_xss_check_can_fail(xss_views, browser):
    """Positive control: the same page with the payload pasted in raw runs it (so the check above can fail),
    and the real page without its Content-Security-Policy still runs nothing (escaping alone holds)."""
    view = xss_views[1] / "views" / "positions.html"
    html = view.read_text(encoding="utf-8")
    no_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert no_csp != html
    control = view.with_name("control.html")
    control.write_text(no_csp.replace("<body", f"<div>{PAYLOADS[1]}</div><body", 1), encoding="utf-8")
    page = Page(browser, control.resolve().as_uri())
    try:
        assert page.wait_for(f"document.title === '{MARK}'", 5000), "the raw payload did not run: the check is blind"
    finally:
        page.close()
    plain = view.with_name("no-csp.html")
    plain.write_text(no_csp, encoding="utf-8")
    page = open_drawn(browser, plain)
    try:
        page.eval("new Promise(ok => setTimeout(ok, 300))")
        assert "<script>" in assert_safe(page, plain)["text"]
    finally:
        page.close()
