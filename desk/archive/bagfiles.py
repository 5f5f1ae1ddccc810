"""The text files of a BagIt 1.0 bag (RFC 8493): written by the package, read back by the verifier."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
BAG_INFO = "bag-info.txt"
PAYLOAD_DIR = "data/"


def manifest_name(algorithm: str, *, tag: bool = False) -> str:
    return f"{'tagmanifest' if tag else 'manifest'}-{algorithm}.txt"


def format_manifest(entries: Mapping[str, str]) -> str:
    """``checksum  path`` lines, sorted by path (Desk's names never hold ``%``, CR or LF: nothing to escape)."""
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(entries.items()))


def parse_manifest(text: str) -> dict[str, str]:
    """path (NFC) → checksum (lower case). Raises ``ValueError`` naming a malformed line."""
    entries: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, _, path = line.strip().partition(" ")
        path = path.strip()
        if not path:
            raise ValueError(f"line {n}")
        entries[nfc(path)] = digest.lower()
    return entries


def format_bag_info(fields: Iterable[tuple[str, str]]) -> str:
    """``Label: value`` lines; a value never spans lines (line breaks become spaces)."""
    return "".join(f"{label}: {' '.join(str(value).split())}\n" for label, value in fields)


def parse_bag_info(text: str) -> dict[str, str]:
    """Label → value (continuation lines, which start with white space, are joined)."""
    fields: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if line[:1].isspace() and last is not None:
            fields[last] += " " + line.strip()
            continue
        label, sep, value = line.partition(":")
        if sep:
            last = label.strip()
            fields[last] = value.strip()
    return fields


def payload_oxum(sizes: Iterable[int]) -> str:
    """``octets.streams`` of the payload."""
    sizes = list(sizes)
    return f"{sum(sizes)}.{len(sizes)}"


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)
