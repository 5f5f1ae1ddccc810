"""The package: a BagIt 1.0 bag in a ZIP, with SHA-256 and SM3 manifests, metadata, written atomically."""

from __future__ import annotations

import hashlib
import json
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from pathlib import Path

import bagit
import pytest

from desk.archive.bagfiles import parse_bag_info, parse_manifest
from desk.archive.metadata import FileRecord, PayloadItem
from desk.archive.package import Description, PackageResult, write_package
from desk.archive.verify import verify_package
from desk.errors import Refusal
from tests.unit.archive.package_samples import WHEN, sample_items, seal_with

TAG_FILES = {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sm3.txt", "tagmanifest-sha256.txt",
             "tagmanifest-sm3.txt"}


def test_layout_and_bag_info(package: PackageResult) -> None:
    with zipfile.ZipFile(package.path) as zf:
        names = set(zf.namelist())
        info = parse_bag_info(zf.read("bag-info.txt").decode())
    assert names >= TAG_FILES
    assert {"data/metadata.json", "data/metadata.xml"} <= names
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert "data/evidence/04-现场照片（café）.jpg" in names
    assert info["Archive-Number"] == "20260001"
    assert info["Case-Number"] == "东综执立字〔2026〕21号"
    assert info["Source-Organization"] == "江城市东湖区综合行政执法局"
    assert info["Retention"] == "30y"
    assert info["Bagging-Date"] == "2026-04-20"
    payload = [zf_info.file_size for zf_info in zipfile.ZipFile(package.path).infolist()
               if zf_info.filename.startswith("data/")]
    assert info["Payload-Oxum"] == f"{sum(payload)}.{len(payload)}"


def test_bagit_library_validates_the_package(package: PackageResult, tmp_path: Path) -> None:
    target = tmp_path / "unzipped"
    zipfile.ZipFile(package.path).extractall(target)
    bag = bagit.Bag(str(target))
    bag.validate()
    # bagit-python reads only the algorithms hashlib guarantees: it proves SHA-256; desk verify proves SM3 too
    assert "sha256" in bag.algorithms
    assert bag.info["Archive-Number"] == "20260001"


def test_verify_accepts_the_untouched_package(package: PackageResult) -> None:
    report = verify_package(package.path)
    assert report.intact, report.damages
    assert report.files == 6 + 6 + 1  # 4 items + 2 metadata files, 6 tag files, the signature
    assert report.authentic


def test_metadata_describes_every_file_with_the_manifest_checksums(package: PackageResult) -> None:
    with zipfile.ZipFile(package.path) as zf:
        meta = json.loads(zf.read("data/metadata.json"))
        xml = ET.fromstring(zf.read("data/metadata.xml"))
        sha = parse_manifest(zf.read("manifest-sha256.txt").decode())
        sm3 = parse_manifest(zf.read("manifest-sm3.txt").decode())
    assert meta["case"]["archive_number"] == "20260001"
    assert meta["case"]["retention"] == "30年"
    assert meta["case"]["pages"] == 17
    assert len(meta["files"]) == 4
    for f in meta["files"]:
        assert f["checksums"] == {"sha256": sha[f["path"]], "sm3": sm3[f["path"]]}
        assert f["archive_number"].startswith("20260001-")
    assert [e["action"] for e in meta["events"]] == ["创建", "签发"]
    case = xml.find("案卷")
    assert case is not None
    assert case.findtext("档号") == "20260001" and case.findtext("保管期限") == "30年"
    files = case.findall("文件")
    assert [f.findtext("题名") for f in files] == ["正卷", "副卷", "行政处罚决定书", "现场照片"]
    assert files[2].findtext("文号") == "东综执罚决字〔2026〕21号" and files[2].findtext("日期") == "20260324"
    assert {d.get("摘要算法") for d in files[0].findall("数字摘要")} == {"SHA256", "SM3"}
    assert len(case.findall("业务实体")) == 2


def test_a_failure_leaves_nothing(tmp_path: Path) -> None:
    def failing(records: Sequence[FileRecord]) -> Description:
        raise RuntimeError("database gone")

    out = tmp_path / "out" / "p.zip"
    with pytest.raises(RuntimeError):
        write_package(out, sample_items(tmp_path), failing, when=WHEN)
    assert list(out.parent.iterdir()) == []


def test_names_must_be_portable_and_unique(tmp_path: Path) -> None:
    bad = [PayloadItem("evidence/a:b.jpg", b"x", "a", "evidence")]
    twice = [PayloadItem("x.pdf", b"x", "a", "dossier"), PayloadItem("x.pdf", b"y", "b", "dossier")]
    for items in (bad, twice, [PayloadItem("metadata.json", b"{}", "m", "document")]):
        with pytest.raises(ValueError):
            write_package(tmp_path / "p.zip", items, seal_with(), when=WHEN)
    assert not (tmp_path / "p.zip").exists()


def test_a_stored_original_must_be_there_and_unchanged(tmp_path: Path) -> None:
    original = tmp_path / "photo.jpg"
    original.write_bytes(b"the photo as taken")
    expected = hashlib.sha256(b"the photo as taken").hexdigest()
    out = tmp_path / "out" / "p.zip"
    item = PayloadItem("evidence/01-照片.jpg", original, "照片", "evidence", sha256=expected)
    assert verify_package(write_package(out, [item], seal_with(), when=WHEN).path).intact
    out.unlink()
    original.write_bytes(b"the photo, retouched")
    with pytest.raises(Refusal) as damaged:
        write_package(out, [item], seal_with(), when=WHEN)
    assert damaged.value.key == "archive_file_damaged"
    original.unlink()
    with pytest.raises(Refusal) as missing:
        write_package(out, [item], seal_with(), when=WHEN)
    assert missing.value.key == "archive_file_missing"
    assert list(out.parent.iterdir()) == []
