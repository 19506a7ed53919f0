"""Per-key results read once and shared by views built on several threads.

The views of a store share their best-documented nodes: what one view read
(a node's triples, its provenance) the next one reuses.  The views are built
on a few threads, because Oxigraph evaluates a query without holding the
GIL, so the cache must never hand out a key that another thread is still
reading.  :meth:`Memo.get` reads the missing keys of a batch in one call,
and waits for the keys another thread has already started on.
"""
from __future__ import annotations

import threading
from typing import Callable, Generic, Hashable, Iterable, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """A thread-safe cache filled in batches: ``get(keys, read)`` calls ``read`` on the keys nobody read yet."""

    def __init__(self, default: Callable[[], V]) -> None:
        self._default = default  # the value of a key that ``read`` did not return
        self._done: dict[K, V] = {}
        self._pending: dict[K, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, keys: Iterable[K], read: Callable[[list[K]], dict[K, V]]) -> dict[K, V]:
        """The value of every key in ``keys``; ``read(missing)`` returns those no thread has read yet.

        ``read`` must not call :meth:`get` of a memo that another thread may
        be filling (it would wait on a thread that waits on it).
        """
        wanted = list(dict.fromkeys(keys))
        mine: list[K] = []
        others: set[threading.Event] = set()
        event = threading.Event()
        with self._lock:
            for k in wanted:
                if k in self._done:
                    continue
                if k in self._pending:
                    others.add(self._pending[k])
                else:
                    self._pending[k] = event
                    mine.append(k)
        found: dict[K, V] | None = None
        try:
            found = read(mine) if mine else {}
        finally:
            with self._lock:
                for k in mine:
                    if found is not None:  # None: ``read`` raised, and the keys stay unread
                        self._done[k] = found[k] if k in found else self._default()
                    del self._pending[k]
            event.set()
        for other in others:
            other.wait()
        with self._lock:
            missing = [k for k in wanted if k not in self._done]
        if missing:  # the thread reading them failed: read them here (its error is raised in that thread)
            return self.get(wanted, read)
        return {k: self._done[k] for k in wanted}

    def __contains__(self, key: K) -> bool:
        with self._lock:
            return key in self._done
