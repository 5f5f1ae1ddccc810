"""A small archive package written from payload data alone (no database, no dossier)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.archive import signature
from desk.archive.package import PackageResult, write_package
from tests.unit.archive.package_samples import WHEN, sample_items, seal_with


@pytest.fixture
def package(tmp_path: Path) -> PackageResult:
    src = tmp_path / "src"
    src.mkdir()
    pair = signature.generate()  # signed as the archive signs (desk.services.archiving)
    return write_package(tmp_path / "out" / "案卷.zip", sample_items(src), seal_with(), when=WHEN,
                         signer=lambda tags: signature.signature_file(pair, tags))
