"""Fixed memory for hostile packages and evidence: each ``desk`` run is its own process, measured by its peak RSS
(ru_maxrss of a wrapper whose only child it is) under an address-space limit (RLIMIT_AS)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.integration.hostile import inputs
from tests.integration.hostile.files import make_case_folder, png_claiming, zip_bomb

PEAK_KB = 300 * 1024  # the bound: 300 MB
ADDRESS_SPACE = 2 * 1024**3  # the process may not even map more than 2 GB
_WRAPPER = """
import resource, subprocess, sys
def limit():
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
r = subprocess.run(sys.argv[1:], capture_output=True, preexec_fn=limit)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.stderr.write(r.stderr.decode("utf-8", "replace"))
"""


def peak(home: Path, *args: str) -> tuple[int, int, str]:
    """Run ``desk *args`` alone in a wrapper: exit code, peak RSS in KB, stderr."""
    env = {**os.environ, "DESK_HOME": str(home), "DESK_LANG": "zh_CN"}
    env.pop("DESK_DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", _WRAPPER.format(limit=ADDRESS_SPACE), sys.executable, "-m", "desk",
                             *args], env=env, capture_output=True, text=True, check=True)
    code, kb = result.stdout.split()
    assert "Traceback" not in result.stderr
    print(f"\ndesk {args[0]} {Path(args[-1]).name}: exit {code}, peak RSS {int(kb) / 1024:.0f} MB")
    return int(code), int(kb), result.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("memory")
    zip_bomb(folder / "bomb.zip", 2 * 1024**3)
    (folder / "bomb.png").write_bytes(png_claiming(200_000, 200_000))
    block = os.urandom(1 << 24)
    with zipfile.ZipFile(folder / "big.zip", "w", zipfile.ZIP_STORED) as zf, \
            zf.open("data/big.bin", "w", force_zip64=True) as f:
        for _ in range(24):  # 384 MB stored: every byte is read and hashed
            f.write(block)
    with zipfile.ZipFile(folder / "png-package.zip", "w") as zf:
        zf.writestr("bagit.txt", "BagIt-Version: 1.0\n")
        zf.write(folder / "bomb.png", "data/evidence/bomb.png")
    return folder


@pytest.mark.slow
def test_verify_of_a_2_gb_zip_bomb_stays_small_and_is_refused(hostile: Path, tmp_path: Path) -> None:
    code, kb, err = peak(tmp_path, "verify", str(hostile / "bomb.zip"))
    assert code == 1 and "data/big.bin" in err and kb < PEAK_KB


@pytest.mark.slow
def test_verify_streams_a_large_entry_with_fixed_memory(hostile: Path, tmp_path: Path) -> None:
    code, kb, err = peak(tmp_path, "verify", str(hostile / "big.zip"))
    assert code == 1 and "bag-info.txt" in err  # read to the end (no manifests: not a package), memory fixed
    assert kb < 100 * 1024


def test_verify_of_a_png_claiming_200000_square_is_refused(hostile: Path, tmp_path: Path) -> None:
    code, kb, _ = peak(tmp_path, "verify", str(hostile / "bomb.png"))
    assert code == 1 and kb < PEAK_KB
    code, kb, _ = peak(tmp_path, "verify", str(hostile / "png-package.zip"))
    assert code == 1 and kb < PEAK_KB


def test_import_of_a_pixel_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    folder = make_case_folder(tmp_path / "case")
    doc = inputs.base()
    doc["attachments"] = [{**inputs.ATTACHMENT, "file": "files/bomb.png"}]
    (folder / "case.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, kb, err = peak(tmp_path / "home", "import", str(folder / "case.json"))
    assert code == 2 and "200000×200000" in err and kb < PEAK_KB


def test_the_wrapper_measures_a_child_that_does_use_memory(tmp_path: Path) -> None:
    """The measurement can fail: a child holding 400 MB shows as more than 300 MB."""
    result = subprocess.run([sys.executable, "-c", _WRAPPER.format(limit=ADDRESS_SPACE), sys.executable, "-c",
                             "b = bytearray(400 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"],
                            capture_output=True, text=True, check=True)
    assert int(result.stdout.split()[1]) > PEAK_KB
    assert resource.RLIMIT_AS  # the limit the wrapper sets exists on this platform
