"""The vectors of recently embedded answer sentences, so a retry embeds only what was changed.

A candidate who tries again usually keeps most sentences and rewrites one or two; embedding is
most of the time an answer takes, and the encoder gives a sentence the same vector whatever
comes with it (one sentence per run), so a kept sentence's vector can be reused exactly.
The least recently used go first; 4,096 vectors of 384 floats are about 6 MB.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

Encode = Callable[[list[str]], np.ndarray]


class RecentVectors:
    def __init__(self, encode: Encode, capacity: int = 4096):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._encode = encode
        self._capacity = capacity
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # web requests score answers on several threads
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._vectors)

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()
            self.hits = self.misses = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        """One row per text, as `encode` would give; only texts not seen lately are encoded."""
        if not texts:
            return self._encode([])
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
            for t in known:
                self._vectors.move_to_end(t)
        new = list(dict.fromkeys(t for t in texts if t not in known))
        # Encoded outside the lock: another thread may score its answer meanwhile.
        fresh = dict(zip(new, self._encode(new), strict=True)) if new else {}
        with self._lock:
            self.hits += len(texts) - len(new)
            self.misses += len(new)
            for t, v in fresh.items():
                self._vectors[t] = v.copy()  # a row of its own: a view would keep the whole batch alive
                self._vectors.move_to_end(t)
            while len(self._vectors) > self._capacity:
                self._vectors.popitem(last=False)
        # A copy: the caller may change its rows without changing what is kept.
        return np.array([known[t] if t in known else fresh[t] for t in texts], dtype=np.float32)
