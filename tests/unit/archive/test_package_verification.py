"""``desk verify`` finds every damaged, missing and extra file, and works without a database."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

from desk.archive.package import PackageResult
from desk.archive.verify import Damage, verify_package
from desk.errors import UserError
from tests.conftest import DeskEnv
from tests.unit.archive.package_samples import Entries, payload, rezip


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_one_flipped_byte_in_each_payload_file_is_named(package: PackageResult) -> None:
    original = package.path.read_bytes()
    names = payload(package.path)
    assert len(names) == 6
    for name in names:
        package.path.write_bytes(original)

        def damage(e: Entries, n: str = name) -> None:
            e[n] = flip(e[n], len(e[n]) // 2)

        rezip(package.path, package.path, damage)
        assert verify_package(package.path).damages == (Damage(name, "damaged", "sha256, sm3"),)


def test_a_flipped_byte_inside_the_zip_data_is_named(package: PackageResult) -> None:
    original = package.path.read_bytes()
    with zipfile.ZipFile(package.path) as zf:
        infos = [i for i in zf.infolist() if i.filename.startswith("data/")]
    for info in infos:
        # the entry's data starts after its local header (30 bytes + name + extra field)
        raw = bytearray(original)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        raw[start + info.compress_size // 2] ^= 0xFF
        package.path.write_bytes(bytes(raw))
        report = verify_package(package.path)
        assert [(d.path, d.problem) for d in report.damages] == [(info.filename, "damaged")]


def test_deleted_file_is_missing(package: PackageResult) -> None:
    victim = payload(package.path)[2]
    rezip(package.path, package.path, lambda e: e.pop(victim))
    problems = {(d.path, d.problem) for d in verify_package(package.path).damages}
    assert (victim, "missing") in problems
    assert problems <= {(victim, "missing"), ("bag-info.txt", "oxum")}


@pytest.mark.parametrize("added", ["data/evidence/99-补充.jpg", "notes.txt", "extra/dir/file.bin"])
def test_added_file_is_extra(package: PackageResult, added: str) -> None:
    rezip(package.path, package.path, lambda e: e.__setitem__(added, b"not archived"))
    problems = {(d.path, d.problem) for d in verify_package(package.path).damages}
    assert (added, "extra") in problems
    assert problems <= {(added, "extra"), ("bag-info.txt", "oxum")}


def test_edited_bag_info_is_damaged(package: PackageResult) -> None:
    rezip(package.path, package.path, lambda e: e.__setitem__(
        "bag-info.txt", e["bag-info.txt"].replace(b"Retention: 30y", b"Retention: 10y")))
    assert verify_package(package.path).damages == (Damage("bag-info.txt", "damaged", "sha256, sm3"),)


@pytest.mark.parametrize("tag", ["manifest-sm3.txt", "bagit.txt", "tagmanifest-sha256.txt"])
def test_missing_tag_file(package: PackageResult, tag: str) -> None:
    rezip(package.path, package.path, lambda e: e.pop(tag))
    assert (tag, "missing") in {(d.path, d.problem) for d in verify_package(package.path).damages}


def test_decomposed_names_still_verify(package: PackageResult) -> None:
    """A package re-zipped on macOS (NFD names) is still the same package."""
    rezip(package.path, package.path, lambda e: e.update({unicodedata.normalize("NFD", n): e.pop(n) for n in list(e)}))
    assert verify_package(package.path).intact


def test_not_a_zip_and_no_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    assert [d.problem for d in verify_package(junk).damages] == ["unreadable"]
    with pytest.raises(UserError):
        verify_package(tmp_path / "absent.zip")


def test_cli_verify_needs_no_database(package: PackageResult, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    url = f"sqlite:///{home / 'desk.sqlite3'}"
    monkeypatch.setenv("DESK_HOME", str(home))
    monkeypatch.setenv("DESK_DATABASE_URL", url)
    monkeypatch.setenv("DESK_LANG", "en")
    desk = DeskEnv(home, url, "sqlite")
    result = desk.run("verify", str(package.path))
    assert result.code == 0 and "intact" in result.out
    victim = payload(package.path)[0]
    rezip(package.path, package.path, lambda e: e.update({victim: b"changed"}))
    result = desk.run("verify", str(package.path))
    assert result.code == 1
    assert f"damaged: {victim}" in result.out
    assert not home.exists()
