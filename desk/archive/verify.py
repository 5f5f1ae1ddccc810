"""Re-prove an archive package: its BagIt structure and every checksum under SHA-256 and SM3.

Reads the ZIP alone: no database, no Desk home. A file whose bytes no longer match (or whose ZIP
entry is corrupt), a file a manifest lists that is gone, and a file no manifest lists are each named.
"""

from __future__ import annotations

import zipfile
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from desk.archive import bagfiles
from desk.archive.checksums import ALGORITHMS, CHUNK, Digests
from desk.archive.signature import SIGNATURE_FILE, PackageSignature, check_package
from desk.errors import UserError

UNSIGNED = PackageSignature("", "", "unsigned")
PROBLEMS = ("unreadable", "malformed", "damaged", "missing", "extra", "duplicate", "oxum")


@dataclass(frozen=True)
class Damage:
    path: str
    problem: str  # one of PROBLEMS
    detail: str = ""


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    files: int
    damages: tuple[Damage, ...]
    signature: PackageSignature = UNSIGNED

    @property
    def intact(self) -> bool:
        """Every file is there, unchanged, as the manifests say."""
        return not self.damages

    @property
    def authentic(self) -> bool:
        """Intact, and signed over its tag manifests (whose key: ``signature.fingerprint``)."""
        return self.intact and self.signature.problem is None


@dataclass
class _Contents:
    """What the ZIP holds: each file's checksums (None where its entry is corrupt) and size, the tag files' bytes."""

    digests: dict[str, Digests | None] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    tags: dict[str, bytes] = field(default_factory=dict)
    damages: list[Damage] = field(default_factory=list)


def _read_all(zf: zipfile.ZipFile) -> _Contents:
    found = _Contents()
    for info in zf.infolist():
        if info.is_dir():
            continue
        name = bagfiles.nfc(info.filename)
        if name in found.digests:
            found.damages.append(Damage(name, "duplicate"))
            continue
        found.sizes[name] = info.file_size
        is_tag = "/" not in name  # a tag file at the bag's top: keep its bytes to parse
        d, body = Digests(), bytearray()
        try:
            with zf.open(info) as src:
                while chunk := src.read(CHUNK):
                    d.update(chunk)
                    if is_tag:
                        body += chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            found.digests[name] = None
            found.damages.append(Damage(name, "damaged", str(exc)))
            continue
        found.digests[name] = d
        if is_tag:
            found.tags[name] = bytes(body)
    return found


def _manifest(tags: dict[str, bytes], name: str, damages: list[Damage]) -> dict[str, str] | None:
    if name not in tags:
        damages.append(Damage(name, "missing"))
        return None
    try:
        return bagfiles.parse_manifest(tags[name].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        damages.append(Damage(name, "malformed", str(exc)))
        return None


def _compare(manifests: dict[str, dict[str, str] | None], digests: dict[str, Digests | None],
             present: set[str]) -> list[Damage]:
    """Damaged, missing and extra files against the manifests of each algorithm (one line per file)."""
    mismatched: dict[str, list[str]] = defaultdict(list)
    unlisted: dict[str, list[str]] = defaultdict(list)
    missing: set[str] = set()
    for alg, entries in manifests.items():
        if entries is None:
            continue
        for path, expected in entries.items():
            if path not in digests:
                missing.add(path)
                continue
            d = digests[path]
            if d is not None and d.hexdigests()[alg] != expected:
                mismatched[path].append(alg)
        for path in present - entries.keys():
            unlisted[path].append(alg)
    damages = [Damage(p, "damaged", ", ".join(algs)) for p, algs in mismatched.items()]
    damages += [Damage(p, "missing") for p in missing]
    damages += [Damage(p, "extra", ", ".join(algs)) for p, algs in unlisted.items()]
    return damages


def _bag_info(found: _Contents) -> None:
    tags, damages = found.tags, found.damages
    if "bagit.txt" not in tags:
        damages.append(Damage("bagit.txt", "missing"))
    elif not tags["bagit.txt"].decode("utf-8", "replace").startswith("BagIt-Version: "):
        damages.append(Damage("bagit.txt", "malformed", "no BagIt-Version line"))
    if bagfiles.BAG_INFO not in tags:
        damages.append(Damage(bagfiles.BAG_INFO, "missing"))
        return
    info = bagfiles.parse_bag_info(tags[bagfiles.BAG_INFO].decode("utf-8", "replace"))
    payload = [size for name, size in found.sizes.items() if name.startswith(bagfiles.PAYLOAD_DIR)]
    actual, recorded = bagfiles.payload_oxum(payload), info.get("Payload-Oxum", "")
    if recorded != actual:
        damages.append(Damage(bagfiles.BAG_INFO, "oxum", f"Payload-Oxum {recorded or '-'}, payload {actual}"))


def _open(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise UserError("file_unreadable", path=path, detail="no such file")
    return zipfile.ZipFile(path)


def bag_info(path: Path) -> dict[str, str]:
    """The ``bag-info.txt`` fields of the package at ``path``."""
    try:
        with _open(path) as zf:
            return bagfiles.parse_bag_info(zf.read(bagfiles.BAG_INFO).decode("utf-8", "replace"))
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UserError("file_unreadable", path=path, detail=exc) from None


def verify_package(path: Path) -> VerifyReport:
    """Every problem of the package at ``path``; raises ``UserError`` only when there is no such file."""
    try:
        with _open(path) as zf:
            found = _read_all(zf)
    except (zipfile.BadZipFile, OSError) as exc:
        return VerifyReport(path, 0, (Damage(path.name, "unreadable", str(exc)),))
    _bag_info(found)
    damages, digests = found.damages, found.digests
    payload = {n for n in digests if n.startswith(bagfiles.PAYLOAD_DIR)}
    manifests = {alg: _manifest(found.tags, bagfiles.manifest_name(alg), damages) for alg in ALGORITHMS}
    damages += _compare(manifests, digests, payload)
    tag_manifests = {alg: _manifest(found.tags, bagfiles.manifest_name(alg, tag=True), damages) for alg in ALGORITHMS}
    own = {bagfiles.manifest_name(alg, tag=True) for alg in ALGORITHMS} | {SIGNATURE_FILE}
    damages += _compare(tag_manifests, digests, set(digests) - payload - own)
    order = {p: i for i, p in enumerate(PROBLEMS)}
    unique = sorted(set(damages), key=lambda d: (order[d.problem], d.path))
    return VerifyReport(path, len(digests), tuple(unique), check_package(found.tags))
