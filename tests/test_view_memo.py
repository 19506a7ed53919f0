"""The views' shared cache: each key read once across threads, never handed out half-read."""
from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from parley.exports.views.memo import Memo


def test_each_key_is_read_once_by_concurrent_threads():
    memo: Memo[int, int] = Memo(lambda: -1)
    reads: Counter[int] = Counter()
    lock = threading.Lock()

    def read(keys):
        time.sleep(0.02)  # slow enough that the other threads ask for the same keys meanwhile
        with lock:
            reads.update(keys)
        return {k: k * k for k in keys if k != 7}  # 7: not in the store

    results = []

    def worker(keys):
        results.append((keys, memo.get(keys, read)))

    threads = [threading.Thread(target=worker, args=(list(range(s, s + 10)),)) for s in (0, 3, 5, 0)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(reads) == set(range(15)) and max(reads.values()) == 1
    for keys, got in results:
        assert list(got) == keys  # every key, in the order asked
        assert got == {k: (-1 if k == 7 else k * k) for k in keys}


def test_a_failed_read_leaves_its_keys_unread():
    memo: Memo[str, str] = Memo(str)

    def broken(keys):
        raise OSError("store closed")

    with pytest.raises(OSError):
        memo.get(["a", "b"], broken)
    assert "a" not in memo
    assert memo.get(["a", "b"], lambda keys: {k: k.upper() for k in keys}) == {"a": "A", "b": "B"}
