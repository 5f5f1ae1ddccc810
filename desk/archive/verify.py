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
from desk.errors import MESSAGES, Term, UserError

UNSIGNED = PackageSignature("", "", "unsigned")
PROBLEMS = ("unreadable", "encrypted", "unsupported", "too_large", "malformed", "damaged", "missing", "extra",
            "duplicate", "oxum")
TAG_BYTES = 16 * 1024 * 1024  # a tag file (manifest, bag-info) is read into memory: bounded
MAX_ENTRIES = 200_000  # files in one package (a case has dozens)
BOMB_RATIO = 1_000  # an entry expanding more than this …
BOMB_BYTES = 64 * 1024 * 1024  # … to more than this is a zip bomb, not something Desk wrote


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


def _refused(info: zipfile.ZipInfo, is_tag: bool) -> Damage | None:
    """An entry not to be expanded at all: encrypted, compressed by a method Desk never uses, or a bomb."""
    name = bagfiles.nfc(info.filename)
    if info.flag_bits & 0x1:
        return Damage(name, "encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return Damage(name, "unsupported", f"method {info.compress_type}")
    if is_tag and info.file_size > TAG_BYTES:
        return Damage(name, "too_large", f"{info.file_size} bytes")
    if info.file_size > BOMB_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
        return Damage(name, "too_large", f"{info.compress_size} → {info.file_size} bytes")
    return None


def _read_all(zf: zipfile.ZipFile) -> _Contents:
    """Every entry streamed once through both checksums: memory stays fixed whatever the entries' sizes."""
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
        refused = _refused(info, is_tag)
        if refused is not None:
            found.digests[name] = None
            found.damages.append(refused)
            continue
        d, body = Digests(), bytearray()
        try:
            with zf.open(info) as src:
                while chunk := src.read(CHUNK):
                    d.update(chunk)
                    if is_tag and len(body) + len(chunk) <= TAG_BYTES:
                        body += chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
            found.digests[name] = None
            found.damages.append(Damage(name, "damaged", _term("zip_entry_unreadable")))
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


def _term(key: str) -> Term:
    """A detail shown in the user's language (the report's lines translate ``Term`` values)."""
    return Term(MESSAGES[key])


def _open(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise UserError("file_unreadable", path=path, detail=Term("no such file"))
    _check_entry_count(path)
    return zipfile.ZipFile(path)


def _check_entry_count(path: Path) -> None:
    """Refuse, before parsing, a central directory so long that listing it would take the memory."""
    with path.open("rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 66_000))
        tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at >= 0 and len(tail) >= at + 12:
        entries = int.from_bytes(tail[at + 10:at + 12], "little")
        if entries > MAX_ENTRIES:
            raise zipfile.BadZipFile(f"{entries} entries")
    zip64 = tail.rfind(b"PK\x06\x06")
    if zip64 >= 0 and len(tail) >= zip64 + 40:
        entries = int.from_bytes(tail[zip64 + 32:zip64 + 40], "little")
        if entries > MAX_ENTRIES:
            raise zipfile.BadZipFile(f"{entries} entries")


def bag_info(path: Path) -> dict[str, str]:
    """The ``bag-info.txt`` fields of the package at ``path``."""
    try:
        with _open(path) as zf:
            return bagfiles.parse_bag_info(zf.read(bagfiles.BAG_INFO).decode("utf-8", "replace"))
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise UserError("file_unreadable", path=path, detail=str(exc)[:200]) from None


def verify_package(path: Path) -> VerifyReport:
    """Every problem of the package at ``path``; raises ``UserError`` only when there is no such file."""
    try:
        with _open(path) as zf:
            found = _read_all(zf)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return VerifyReport(path, 0, (Damage(path.name, "unreadable", _term("zip_unreadable")),))
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
