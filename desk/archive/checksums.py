"""The two checksums of an archive package: SHA-256 and SM3 (GB/T 32905), computed in one pass.

SM3 comes from hashlib when the OpenSSL underneath offers it, else from the pure-Python ``gmssl``
package (its block function, fed incrementally so a large file is never held in memory).
"""

from __future__ import annotations

import hashlib
from typing import Protocol

ALGORITHMS = ("sha256", "sm3")
CHUNK = 1 << 20


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


class GmsslSm3:
    """Incremental SM3 over gmssl's compression function (used where OpenSSL has no SM3)."""

    def __init__(self) -> None:
        from gmssl.sm3 import IV

        self._v: list[int] = list(IV)
        self._pending = b""
        self._length = 0

    def update(self, data: bytes, /) -> None:
        from gmssl.sm3 import sm3_cf

        self._length += len(data)
        buf = self._pending + data
        whole = len(buf) - len(buf) % 64
        for i in range(0, whole, 64):
            self._v = sm3_cf(self._v, list(buf[i:i + 64]))
        self._pending = buf[whole:]

    def hexdigest(self) -> str:
        from gmssl.sm3 import sm3_cf

        tail = self._pending + b"\x80" + b"\x00" * ((55 - len(self._pending)) % 64)
        tail += (self._length * 8).to_bytes(8, "big")
        v = self._v
        for i in range(0, len(tail), 64):
            v = sm3_cf(v, list(tail[i:i + 64]))
        return "".join(f"{word:08x}" for word in v)


def new(algorithm: str) -> Hasher:
    """A fresh hasher for one of ``ALGORITHMS``."""
    if algorithm == "sm3" and "sm3" not in hashlib.algorithms_available:
        return GmsslSm3()
    return hashlib.new(algorithm)


class Digests:
    """Both checksums (and the size) of one stream, fed chunk by chunk."""

    def __init__(self) -> None:
        self.size = 0
        self._hashers = {alg: new(alg) for alg in ALGORITHMS}

    def update(self, chunk: bytes) -> None:
        self.size += len(chunk)
        for h in self._hashers.values():
            h.update(chunk)

    def hexdigests(self) -> dict[str, str]:
        return {alg: h.hexdigest() for alg, h in self._hashers.items()}
