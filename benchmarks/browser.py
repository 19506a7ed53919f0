"""Time to first draw of a page in headless Chromium, over the DevTools protocol (pipe transport).

The network is blocked (a dead proxy) as in the view tests.  Before the page
loads, a script records ``performance.now()`` (milliseconds since the
navigation started) at the moment the view marks its body
``data-drawn="1"``, which Parley's view script does on vis-network's first
``afterDrawing`` event.
"""
from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

RECORD = """new MutationObserver((_, obs) => {
  if (document.body && document.body.dataset.drawn === '1') { window.__drawnAt = performance.now(); obs.disconnect(); }
}).observe(document, {attributes: true, subtree: true, childList: true});"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, exe: str, profile: Path) -> None:
        cmd_r, self._w = os.pipe()
        self._r, out_w = os.pipe()

        def fds() -> None:
            # via fds >= 10 first: a pipe end that already is fd 3 or 4 would
            # otherwise be clobbered, or keep its close-on-exec flag (dup2 onto
            # itself changes nothing) and Chromium would start without its pipe
            high_r, high_w = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "--no-first-run", "--disable-extensions", "--window-size=1600,1000",
             "about:blank"], preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(out_w)
        self._id, self._buf = 0, b""

    def _message(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buf:
            ready, _, _ = select.select([self._r], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self._id += 1
        msg: dict = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._message(timeout)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def first_draw_ms(self, url: str, timeout: float = 60) -> float | None:
        """Milliseconds from navigation start to the view's first drawn frame (None if never within ``timeout``)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            self.send("Page.enable", session=s)
            self.send("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD}, session=s)
            self.send("Page.navigate", {"url": url}, session=s)
            expr = f"""new Promise((ok) => {{ const t0 = Date.now(); (function poll() {{
                if (window.__drawnAt !== undefined) ok(window.__drawnAt);
                else if (Date.now() - t0 > {int(timeout * 1000)}) ok(null); else setTimeout(poll, 20); }})(); }})"""
            r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True},
                          session=s, timeout=timeout + 10)
            return r.get("result", {}).get("value")
        finally:
            self.send("Target.closeTarget", {"targetId": target})

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
