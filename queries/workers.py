"""Query worker processes that can be killed when a query runs too long.

pyoxigraph evaluates a query inside Rust and cannot be interrupted from
another Python thread, so a thread-based timeout would leave a runaway
query burning a core.  Each worker is a separate process holding the store
open (read-only unless updates are allowed); the server hands it one
:class:`~.answers.Job` at a time over a pipe.  When the answer is not back
within the timeout, the worker is killed (``SIGKILL``; a read-only store
has nothing to lose, and a writable one rolls back the unfinished
transaction) and a fresh one is started in its place.

Workers are started with ``spawn`` (not ``fork``): the server process runs
threads, and forking a threaded process is unsafe.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
from dataclasses import dataclass
from multiprocessing.connection import Connection

import anyio.to_thread

from ..errors import StoreError
from .answers import Answer, Job, answer
from .config import ServeConfig

START_TIMEOUT = 120.0  # opening a large store after a crash can take a while


def _main(conn: Connection, store_dir: str, writable: bool) -> None:
    """Worker process: open the store, then answer jobs until the pipe closes."""
    from ..errors import ParleyError
    from ..graph.store import GraphStore

    try:
        store = GraphStore(store_dir, read_only=not writable)
    except ParleyError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(store, job))


@dataclass(eq=False)
class Worker:
    process: mp.process.BaseProcess
    conn: Connection

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of workers; :meth:`run` answers a job or stops it at the timeout."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._ctx = mp.get_context("spawn")
        self._idle: asyncio.Queue[Worker] | None = None
        self._all: set[Worker] = set()
        self.killed: list[int] = []  # pids of workers stopped at the timeout (for logs and tests)

    def _spawn(self) -> Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_main, args=(child, str(self.config.store), self.config.allow_update),
                                 daemon=True, name="parley-query-worker")
        proc.start()
        child.close()
        worker = Worker(proc, parent)
        if not parent.poll(START_TIMEOUT):
            worker.kill()
            raise StoreError(f"{self.config.store}: a query worker did not open the store within {START_TIMEOUT:g} s")
        try:
            status, detail = parent.recv()
        except (EOFError, OSError):
            status, detail = "error", "the worker process died while opening the store"
        if status != "ready":
            worker.kill()
            raise StoreError(str(detail))
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.config.pool_size):
            self._idle.put_nowait(await anyio.to_thread.run_sync(self._spawn))

    async def stop(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()

    @property
    def pids(self) -> list[int]:
        return sorted(w.pid for w in self._all if w.pid)

    def _retire(self, worker: Worker) -> None:
        """Kill ``worker`` and start its replacement in the background."""
        self._all.discard(worker)
        worker.kill()

        async def replace() -> None:
            new = await anyio.to_thread.run_sync(self._spawn)
            assert self._idle is not None
            self._idle.put_nowait(new)

        asyncio.get_running_loop().create_task(replace())

    def _exchange(self, worker: Worker, job: Job) -> tuple[str, Answer | None]:
        """In a thread: send the job, wait up to the timeout for the answer."""
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.config.timeout):
                return "timeout", None
            return "ok", worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            return "dead", None

    async def run(self, job: Job) -> Answer:
        assert self._idle is not None, "WorkerPool.start() was not awaited"
        timeout = self.config.timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            return Answer.error(503, f"all {self.config.pool_size} query workers stayed busy for {timeout:g} s; "
                                     "try again later")
        done = False
        try:
            status, ans = await anyio.to_thread.run_sync(self._exchange, worker, job)
            if status == "ok" and ans is not None:
                done = True
                self._idle.put_nowait(worker)
                return ans
            if status == "timeout":
                self.killed.append(worker.pid or 0)
                return Answer.error(503, f"the query was stopped after the {timeout:g} s timeout "
                                         "(parley serve --timeout); narrow it or add a LIMIT")
            return Answer.error(500, "the query worker died while answering (out of memory?); it was restarted")
        finally:
            if not done:
                self._retire(worker)
