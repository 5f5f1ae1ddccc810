"""The content-addressed file store under ``DESK_HOME/store``: files are kept by SHA-256, never overwritten."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desk import config, outputs


def path_of(sha256: str) -> Path:
    return config.evidence_dir() / sha256[:2] / sha256


def put_bytes(data: bytes) -> str:
    """Store ``data``; returns its SHA-256. Writing is atomic (temp file + rename)."""
    digest = hashlib.sha256(data).hexdigest()
    target = path_of(digest)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        outputs.write_bytes(target, data)
    return digest


def put_file(source: Path) -> str:
    """Store a copy of ``source``; returns its SHA-256."""
    h = hashlib.sha256()
    with source.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    target = path_of(digest)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        outputs.copy_file(source, target)
    return digest


def read(sha256: str) -> bytes:
    return path_of(sha256).read_bytes()
