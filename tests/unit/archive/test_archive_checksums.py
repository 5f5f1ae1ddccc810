"""SHA-256 and SM3 in one pass; the gmssl fallback agrees with OpenSSL's SM3."""

from __future__ import annotations

import hashlib
import os

import pytest

from desk.archive import checksums
from desk.archive.checksums import Digests, GmsslSm3

# GB/T 32905-2016, appendix A.1
SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def of_chunks(*chunks: bytes) -> Digests:
    d = Digests()
    for chunk in chunks:
        d.update(chunk)
    return d


def test_sm3_standard_vector() -> None:
    assert of_chunks(b"a", b"bc").hexdigests()["sm3"] == SM3_ABC


@pytest.mark.parametrize("size", [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000])
def test_gmssl_fallback_matches_standard(size: int) -> None:
    data = os.urandom(size)
    h = GmsslSm3()
    for i in range(0, size, 7):  # fed in odd chunks
        h.update(data[i:i + 7])
    expected = hashlib.new("sm3", data).hexdigest() if "sm3" in hashlib.algorithms_available else None
    assert h.hexdigest() == (expected or _gmssl_whole(data))


def _gmssl_whole(data: bytes) -> str:
    from gmssl import func, sm3

    return str(sm3.sm3_hash(func.bytes_to_list(data)))


def test_fallback_used_without_openssl_sm3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checksums.hashlib, "algorithms_available", {"sha256"})
    assert isinstance(checksums.new("sm3"), GmsslSm3)
    assert of_chunks(b"abc").hexdigests()["sm3"] == SM3_ABC


def test_digests_count_size_and_sha256() -> None:
    d = of_chunks(b"hello ", b"world")
    assert d.size == 11
    assert d.hexdigests()["sha256"] == hashlib.sha256(b"hello world").hexdigest()
